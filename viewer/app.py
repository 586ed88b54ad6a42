"""The policykg viewer: `policykg view` (or `streamlit run viewer/app.py`).

Reads the graph only through policykg.graph modules. Each page is a small script in screens/;
this file checks the connection, shows the banner when Neo4j is down or empty, and turns any
error of a page into a message instead of a traceback. (Not pages/: a `pages/` folder beside
the entry script switches Streamlit to its older multipage mode, which bypasses st.navigation
and so this file.)
"""

from __future__ import annotations

import streamlit as st
from neo4j.exceptions import Neo4jError

from policykg.graph.readonly import describe_error
from policykg.viewer import common

st.set_page_config(page_title="policykg viewer", page_icon=":material/account_tree:", layout="wide")

PAGES = [
    st.Page("screens/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("screens/agency.py", title="Agency", icon=":material/account_balance:"),
    st.Page("screens/task.py", title="Task", icon=":material/task_alt:"),
    st.Page("screens/network.py", title="Network", icon=":material/hub:"),
    st.Page("screens/matrix.py", title="Matrix", icon=":material/grid_on:"),
    st.Page("screens/cypher.py", title="Cypher", icon=":material/terminal:"),
]
page = st.navigation(PAGES)

conn, why = common.connect()
with st.sidebar:
    if conn is not None:
        st.caption(f"Neo4j: {conn.uri}")
    if st.button("Reconnect", help="Drop the cached connection and connect again"):
        common.forget_connection()
        st.rerun()

if conn is None:
    common.banner_down(why or "")
    st.stop()
if not common.graph_loaded(conn) and page.title != "Cypher":
    common.banner_empty()
    st.stop()

try:
    page.run()
except common.CONNECTION_ERRORS as exc:
    common.forget_connection()
    common.banner_down(f"The connection was lost ({type(exc).__name__}).")
except Neo4jError as exc:
    st.error(f"Query failed: {describe_error(exc)}")
except Exception as exc:  # a page bug must show as a message, not a traceback
    st.error(f"This page could not be shown: {type(exc).__name__}: {exc}")
