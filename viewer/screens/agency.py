"""Agency: find an agency by any name, its tasks by role across plans, its lineage and partners."""

import streamlit as st

from policykg.graph import views
from policykg.viewer import common

db = common.db()
st.title("Agency")

q = st.text_input("Search by name, short form or alias", value=st.query_params.get("agency", ""),
                  placeholder="e.g. 经贸信息委", key="agency_q")
hits = views.search_agencies(db.driver, q, limit=200, database=db.database)
if hits.empty:
    st.warning(f"No agency matches {q!r}.")
    st.stop()
labels = {r.agency_id: f"{r.agency} ({r.roles} roles)" for r in hits.itertuples()}
agency_id = st.selectbox("Agency", list(labels), format_func=labels.get, key="agency_pick")
row = hits.set_index("agency_id").loc[agency_id]

cols = st.columns(4)
cols[0].markdown(f"**Name**  \n{row['name']}")
cols[1].markdown(f"**Level**  \n{row['level'] or 'unknown'}")
cols[2].markdown(f"**Registry**  \n{'resolved' if row['resolved'] else 'not resolved'} · id `{agency_id}`")
cols[3].markdown(f"**Aliases**  \n{'、'.join(row['aliases']) or '—'}")

lineage = views.lineage(db.driver, agency_id, db.database)
with_lineage = st.toggle("Include predecessors and successors (SUCCEEDED_BY)", value=False, key="agency_lineage",
                         disabled=lineage.empty,
                         help="No lineage recorded for this agency" if lineage.empty else None)
if not lineage.empty:
    st.caption("Lineage")
    st.dataframe(lineage[["direction", "agency", "hops", "year", "kind"]], hide_index=True)

tasks = views.agency_tasks(db.driver, agency_id, include_lineage=with_lineage, database=db.database)
st.subheader(f"Tasks by plan ({len(tasks)} roles)")
if tasks.empty:
    st.info("This agency holds no role on any task.")
for (year, plan_title), group in tasks.groupby(["year", "plan_title"], sort=True):
    counts = group["role"].value_counts()
    summary = " · ".join(f"{role} {counts[role]}" for role in ("lead", "responsible", "support") if role in counts)
    with st.expander(f"{year} · {plan_title} — {summary}", expanded=True):
        for role, title in (("lead", "Leads"), ("responsible", "Responsible for"), ("support", "Supports")):
            names = group.loc[group["role"] == role, "task"].drop_duplicates().tolist()
            if names:
                st.markdown(f"**{title}:** " + "、".join(names))
        show = group[["code", "task", "section", "agency", "quote", "task_id"]]
        if not with_lineage:
            show = show.drop(columns="agency")
        st.dataframe(show, hide_index=True, width="stretch", height=38 + 35 * len(show),
                     column_config={"code": st.column_config.TextColumn("role", help="L lead · S support · Rn responsible, n-th listed")})

st.subheader("Partners: agencies it most often shares tasks with")
partners = views.partners(db.driver, agency_id, include_lineage=with_lineage, database=db.database)
if partners.empty:
    st.info("No shared tasks.")
else:
    partners["level"] = partners["level"].fillna("unknown")
    partners["examples"] = partners["examples"].map(lambda xs: "、".join(xs) if isinstance(xs, list) else "")
    st.dataframe(partners[["agency", "shared_tasks", "level", "examples"]], hide_index=True, width="stretch")
