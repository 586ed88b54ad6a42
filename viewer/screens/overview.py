"""Overview: the plans, the agencies that lead most, technologies across plans."""

import streamlit as st

from policykg.graph import views
from policykg.viewer import common

db = common.db()
st.title("Overview")
plans = views.plans_overview(db.driver, db.database)

c = st.columns(4)
c[0].metric("Plans", len(plans))
c[1].metric("Tasks", int(plans["tasks"].sum()))
c[2].metric("Agencies with a role", len(views.top_lead_agencies(db.driver, limit=10_000, database=db.database)))
c[3].metric("Role edges (L · S · R)", f"{plans['leads'].sum()} · {plans['supports'].sum()} · {plans['responsible'].sum()}")

st.subheader("Plans")
st.dataframe(
    plans[["year", "title", "doc_number", "tasks", "agencies", "leads", "supports", "responsible", "kind", "issuer", "plan"]],
    hide_index=True, width="stretch",
    column_config={"doc_number": "文号", "leads": "L (牵头)", "supports": "S (配合)", "responsible": "R (责任)"},
)

st.subheader("Agencies with most lead roles")
options = common.plan_options(plans)
plan = st.selectbox("Plan", [None, *options], format_func=lambda p: "All plans" if p is None else options[p],
                    key="overview_plan")
top = views.top_lead_agencies(db.driver, plan=plan, limit=15, database=db.database)
if top.empty:
    st.info("No agency holds a role in this plan.")
else:
    top["level"] = top["level"].fillna("unknown")
    left, right = st.columns([3, 2])
    left.dataframe(top[["agency", "leads", "responsible", "supports", "plans", "level"]], hide_index=True, width="stretch")
    right.bar_chart(top.set_index("agency")[["leads", "responsible", "supports"]], horizontal=True, stack=True, sort=False,
                    color=["#f4b183", "#9dc3e6", "#c5e0b4"])

st.subheader("Technologies by plan")
tech = views.technologies_by_plan(db.driver, db.database)
if tech.empty:
    st.info("No technology mentions in the graph yet: they appear once the entity extraction loads "
            "Technology nodes (MENTIONS).")
else:
    pivot = tech.pivot_table(index="technology", columns="year", values="status", aggfunc="first").fillna("")
    st.caption("appears: first named in that plan · persists: also in the previous plan · vanishes: "
               "named in the previous plan, not in this one · reappears: named again after a gap")
    st.dataframe(pivot, width="stretch")
