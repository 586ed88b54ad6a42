"""Matrix: the responsibility matrix (agencies × tasks) with flags and CSV / XLSX downloads."""

import tempfile
from pathlib import Path

import streamlit as st

from policykg.graph import matrix, views
from policykg.viewer import common

db = common.db()
st.title("Responsibility matrix")

plans = views.plans_overview(db.driver, db.database)
options = common.plan_options(plans)
with_roles = plans[plans[["leads", "supports", "responsible"]].sum(axis=1) > 0]["plan"].tolist()
c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
plan = c1.selectbox("Plan", [None, *options], format_func=lambda p: "All plans" if p is None else options[p],
                    index=1 + list(options).index(with_roles[0]) if with_roles else 0, key="matrix_plan")
section = None
if plan:
    sections = matrix.plan_sections(db.driver, plan, db.database)
    paths = {s: p for s, p in zip(sections["section"], sections["path"])}
    chosen = c2.selectbox("Chapter / section", [None, *paths], format_func=lambda s: "Whole plan" if s is None else s,
                          key="matrix_section")
    section = paths.get(chosen)
merge = c3.toggle("Merge lineage", key="matrix_merge",
                  help="Fold each agency into its latest successor along SUCCEEDED_BY (renames and merges; "
                       "a split keeps its own row)")

m = matrix.responsibility_matrix(db.driver, plan=plan, section=section, merge_lineage=merge, database=db.database)
if m.empty:
    st.info("No responsibility assignments in this scope.")
    st.stop()

counts = m.code_counts()
st.caption(f"{len(m.agencies)} agencies × {len(m.tasks)} tasks · "
           + " · ".join(f"{k} {counts[k]}" for k in sorted(counts, key=matrix.code_key))
           + " · L lead 牵头 · S support 配合 · Rn responsible 责任, n-th listed")

ROLE_BG = {"L": "background-color:#f4b183", "R": "background-color:#9dc3e6", "S": "background-color:#c5e0b4"}
frame = m.to_frame()
st.dataframe(frame.style.map(lambda v: ROLE_BG.get(str(v)[:1], "") if v else ""), width="stretch",
             height=min(38 + 35 * len(frame), 720))

flags = m.tasks[m.tasks["flag"] != ""]
st.subheader(f"Flags ({len(flags)})")
if flags.empty:
    st.success("Every task has exactly one lead.")
else:
    st.dataframe(flags[["flag", "task", "section", "leads", "plan"]], hide_index=True, width="stretch")
with_deadline = m.tasks[m.tasks["deadline"] != ""]
if not with_deadline.empty:  # 完成时限 of 分工表 rows and of clauses that state one
    st.subheader(f"Deadlines ({len(with_deadline)})")
    st.dataframe(with_deadline[["task", "deadline", "section", "plan"]], hide_index=True, width="stretch")
merged = m.agencies[m.agencies["merged_from"] != ""]
if not merged.empty:
    st.caption("Merged rows: " + "; ".join(f"{r.agency} ← {r.merged_from}" for r in merged.itertuples()))

stem = f"matrix-{plan or 'all'}"
with tempfile.TemporaryDirectory() as tmp:
    csv_bytes = m.to_csv(Path(tmp) / "m.csv").read_bytes()
    xlsx_bytes = m.to_xlsx(Path(tmp) / "m.xlsx").read_bytes()
d1, d2 = st.columns(2)
d1.download_button("Download CSV", csv_bytes, file_name=f"{stem}.csv", mime="text/csv", key="dl_csv")
d2.download_button("Download XLSX (matrix + evidence)", xlsx_bytes, file_name=f"{stem}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx")

with st.expander(f"Evidence ({len(m.evidence)} edges)"):
    st.dataframe(m.evidence[["code", "agency_as_named", "task", "section", "quote", "doc_id"]], hide_index=True, width="stretch")
