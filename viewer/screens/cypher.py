"""Cypher: a read-only console. The server plans each query first and only plain reads run (see
graph/readonly.py), in a READ session, with a timeout and a row limit."""

import io
import json

import pandas as pd
import streamlit as st
from neo4j.exceptions import Neo4jError

from policykg.graph import cypher, subgraph
from policykg.graph.readonly import DEFAULT_ROW_LIMIT, QueryError, describe_error, run_read_query
from policykg.viewer import common, draw

db = common.db()
st.title("Cypher")
st.caption("Read-only: the server plans each query first and only plain reads of the graph run "
           "(no writes, LOAD CSV, SHOW/TERMINATE or administration, and only read procedures such as "
           "full-text search and db.labels); the session runs in READ mode, and every query has a "
           "time limit and a row limit.")

EXAMPLES = cypher.CONSOLE_EXAMPLES


def parse_params(text: str) -> dict:
    """key=value lines; a value is read as JSON when it can be (numbers, lists, null), else as text."""
    params = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"parameter line {n}: write key=value")
        try:
            params[key.strip()] = json.loads(value.strip())
        except json.JSONDecodeError:
            params[key.strip()] = value.strip()
    return params


def use_example() -> None:
    query, params = EXAMPLES[st.session_state["cy_example"]]
    st.session_state["cy_query"], st.session_state["cy_params"] = query, params


first = next(iter(EXAMPLES))
st.session_state.setdefault("cy_query", EXAMPLES[first][0])
st.session_state.setdefault("cy_params", EXAMPLES[first][1])
st.selectbox("Example queries", list(EXAMPLES), key="cy_example", on_change=use_example)
left, right = st.columns([3, 1])
query = left.text_area("Query", key="cy_query", height=160)
params_text = right.text_area("Parameters (key=value per line)", key="cy_params", height=160)
c1, c2, c3 = st.columns([1, 1, 2], vertical_alignment="bottom")
timeout = c1.number_input("Timeout (s)", min_value=1.0, max_value=120.0, value=15.0, step=1.0, key="cy_timeout")
limit = c2.number_input("Row limit", min_value=1, max_value=DEFAULT_ROW_LIMIT, value=1000, step=100, key="cy_limit")
run = c3.button("Run", type="primary", key="cy_run")

if run:
    st.session_state.pop("cy_result", None)
    try:
        params = parse_params(params_text)
        st.session_state["cy_result"] = run_read_query(db.driver, query, params, database=db.database,
                                                       timeout=float(timeout), row_limit=int(limit))
    except ValueError as exc:
        st.error(str(exc))
    except QueryError as exc:
        st.error(exc.sentence)
        if exc.code or exc.details:  # the server's own words, for whoever wants them
            with st.expander("Details"):
                st.code("\n".join(x for x in (exc.code, exc.details) if x), language=None)
    except common.CONNECTION_ERRORS:
        raise  # the app shows the 'Neo4j is down' banner
    except Neo4jError as exc:
        st.error(describe_error(exc))

result = st.session_state.get("cy_result")
if result is not None:
    st.caption(f"{len(result.rows)} rows" + (f" (stopped at the row limit {limit})" if result.truncated else ""))
    # A radio, not tabs: a graph drawn inside a hidden tab gets a zero-size canvas and stays blank.
    as_graph = st.radio("Show as", ["Table", "Graph"], horizontal=True, key="cy_show") == "Graph"
    shown = [[json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for v in row] for row in result.rows]
    frame = pd.DataFrame(shown, columns=result.columns)
    if not as_graph:
        st.dataframe(frame, hide_index=True, width="stretch")
        buf = io.StringIO()
        frame.to_csv(buf, index=False)
        st.download_button("Download CSV", buf.getvalue().encode("utf-8-sig"), file_name="query.csv",
                           mime="text/csv", key="cy_csv")
    else:
        g = subgraph.from_values([v for rec in result.records for v in rec.values()])
        if g.nodes:
            draw.render_graph(g, height=560)
        else:
            st.info("The result has no nodes or relationships to draw: return nodes, relationships or paths.")
