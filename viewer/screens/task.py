"""Task: full-text search, then one task's plan, section, owners, mentions and source passage."""

import html

import streamlit as st

from policykg.graph import cypher, views
from policykg.viewer import common

db = common.db()
st.title("Task")

HIGHLIGHT_STYLE = {
    "clause": "background:#fff3cd;",
    "agency": "background:#f8b4b4;font-weight:600;",
    "mention": "background:#c3e6cb;",
    "target": "background:#bee5eb;",
}

q = st.text_input("Search tasks (full text)", value=st.query_params.get("q", ""), placeholder="e.g. 互联网＋制造",
                  key="task_q")
task_id = st.query_params.get("task")
if q:
    hits = views.search_tasks(db.driver, q, limit=30, database=db.database)
    if hits.empty:
        st.warning(f"No task mentions {q!r}.")
    else:
        st.dataframe(hits[["task", "year", "section", "owners", "score", "excerpt"]], hide_index=True, width="stretch")
        labels = {r.task_id: f"{r.year} · {r.task} · {r.section}" for r in hits.itertuples()}
        task_id = st.selectbox("Task", list(labels), format_func=labels.get, key="task_pick_hit")
else:
    plans = views.plans_overview(db.driver, db.database)
    options = common.plan_options(plans)
    plan = st.selectbox("Or browse a plan", list(options), format_func=options.get,
                        index=max(0, list(options).index("sz-internet-plus-2015")) if "sz-internet-plus-2015" in options else 0,
                        key="task_plan")
    tasks = views.plan_tasks(db.driver, plan, db.database)
    labels = {r.task_id: f"{r.task} · {r.section} ({r.owners} owners)" for r in tasks.itertuples()}
    if labels:
        default = list(labels).index(task_id) if task_id in labels else 0
        task_id = st.selectbox("Task", list(labels), format_func=labels.get, index=default, key="task_pick_plan")

if not task_id:
    st.stop()
detail = views.task_detail(db.driver, task_id, context=200, database=db.database)
if detail is None:
    st.warning(f"No task {task_id!r}.")
    st.stop()

st.header(detail.title)
st.caption(f"{detail.year} · {detail.plan_title} {detail.doc_number or ''} · "
           f"{' › '.join(detail.section_path) or '(no section)'} · `{detail.task_id}`")
if detail.parent_title:
    st.caption(f"Part of: {detail.parent_title}")
deadline = views.read(db.driver, cypher.VIEW_TASK_DEADLINE, db.database, id=detail.task_id)
if not deadline.empty:
    d = deadline.iloc[0]
    when = {"date": f"by {d['date']}", "period": f"{d['year_start']}–{d['year_end']}",
            "ongoing": "ongoing"}.get(d["kind"], "")
    st.markdown(f"**完成时限 deadline:** {d['deadline']}" + (f" ({when})" if when else ""))

by_role = detail.owners_by_role()
cols = st.columns(3)
for col, role, title in zip(cols, ("lead", "support", "responsible"), ("牵头 lead (L)", "配合 support (S)", "责任 responsible (R)")):
    col.markdown(f"**{title}**")
    owners = by_role.get(role, [])
    col.markdown("\n".join(f"- {o.code} {o.agency}" + (f" (written {o.surface})" if o.surface and o.surface != o.agency else "")
                           for o in owners) or "—")
if not detail.owners:
    st.info("No responsibility clause names an owner for this task.")

left, right = st.columns(2)
with left:
    st.markdown("**Mentioned companies, institutions, technologies**")
    seen: dict[tuple, int] = {}
    for m in detail.mentions:
        seen[(m.kind, m.name)] = seen.get((m.kind, m.name), 0) + 1
    kinds = sorted({kind for kind, _ in seen}, key=str)
    st.markdown("\n".join(f"- **{kind}**: " + "、".join(name + (f" ×{n}" if n > 1 else "")
                                                       for (k, name), n in seen.items() if k == kind)
                          for kind in kinds) or "—")
with right:
    st.markdown("**Targets**")
    st.markdown("\n".join(
        f"- {t.get('metric') or ''} {t.get('comparator') or ''} {t.get('value', '')} {t.get('unit') or ''}"
        + (f" by {t['year']}" if t.get("year") else "") for t in detail.targets) or "—")
if detail.subtasks:
    st.markdown("**Sub-measures:** " + "；".join(s["title"] for s in detail.subtasks))

st.subheader("Source passage")
parts = []
for text, kind in detail.passage_segments():
    body = html.escape(text).replace("\n", "<br>")
    parts.append(f'<span class="pk-{kind}" style="{HIGHLIGHT_STYLE[kind]}">{body}</span>' if kind else body)
st.markdown(
    '<div style="border-left:4px solid #fd7e14;padding:0.5rem 1rem;line-height:1.8;font-size:0.95rem">'
    + "".join(parts) + "</div>", unsafe_allow_html=True)
st.caption("Highlighted: the responsibility clause (evidence span), agency names in it, "
           f"entity mentions and targets. Characters {detail.passage_start}–{detail.passage_start + len(detail.passage)} "
           f"of the plan text; the task spans {detail.start}–{detail.end}.")
