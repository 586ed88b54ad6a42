"""Network: the agency–task graph to explore (neo4j-viz), and the co-responsibility network."""

import streamlit as st

from policykg.graph import network, subgraph, views
from policykg.viewer import common, draw

db = common.db()
st.title("Network")

plans = views.plans_overview(db.driver, db.database)
options = common.plan_options(plans)
with_roles = plans[plans[["leads", "supports", "responsible"]].sum(axis=1) > 0]["plan"].tolist()
f1, f2, f3 = st.columns(3)
chosen_plans = f1.multiselect("Plans", list(options), default=with_roles[:1], format_func=options.get, key="net_plans",
                              placeholder="all plans")
rels = f2.multiselect("Roles", list(common.ROLE_LABELS), default=list(common.ROLE_LABELS),
                      format_func=common.ROLE_LABELS.get, key="net_roles")
levels = f3.multiselect("Agency level", views.agency_levels(db.driver, db.database), key="net_levels",
                        placeholder="all levels")
edges = network.role_edges(db.driver, plans=chosen_plans or None, rels=rels or None, levels=levels or None,
                           database=db.database)

# A radio, not tabs: a graph drawn inside a hidden tab gets a zero-size canvas and stays blank,
# and only the chosen view's drawing is sent to the browser.
VIEWS = ["Agencies and tasks", "Co-responsibility network"]
view = st.radio("View", VIEWS, horizontal=True, key="net_view", label_visibility="collapsed")

if view == VIEWS[0]:
    g = subgraph.role_subgraph(edges)
    expanded: list[str] = st.session_state.setdefault("net_expanded", [])
    for key in expanded:
        g = g.merge(subgraph.neighbours(db.driver, key, database=db.database))
    captions = {k: f"{n.label}: {n.props.get('name') or n.props.get('title') or n.caption}" for k, n in g.nodes.items()}
    c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="bottom")
    pick = c1.selectbox("Expand a node's neighbours", sorted(captions, key=captions.get), format_func=captions.get,
                        index=None, placeholder="choose a node", key="net_pick")
    if c2.button("Expand", disabled=pick is None, key="net_expand") and pick not in expanded:
        expanded.append(pick)
        st.rerun()
    if c3.button("Reset", disabled=not expanded, key="net_reset"):
        expanded.clear()
        st.rerun()
    st.caption(f"{len(g.nodes)} nodes · {len(g.rels)} relationships"
               + (f" · expanded: {', '.join(captions.get(k, k) for k in expanded)}" if expanded else "")
               + " · drag to move, scroll to zoom, click a node for its properties")
    draw.render_graph(g, height=620)

else:
    co = network.co_responsibility_graph(edges)
    table = network.centrality(co)
    community_of = dict(zip(table["agency_id"], table["community"]))
    st.caption(f"{co.number_of_nodes()} agencies · {co.number_of_edges()} links · link weight = tasks shared "
               "(any role) · node size = shared tasks · colour = community (Louvain)")
    draw.render_network(co, community_of, height=560)
    st.subheader("Who coordinates most")
    st.dataframe(table[["agency", "tasks", "partners", "shared_tasks", "degree_centrality", "betweenness", "community", "level"]],
                 hide_index=True, width="stretch",
                 column_config={"betweenness": st.column_config.NumberColumn(help="share of shortest paths between other agencies through this one"),
                                "shared_tasks": st.column_config.NumberColumn(help="weighted degree: sum of tasks shared with each partner")})
    st.subheader("Communities")
    st.dataframe(network.community_table(co), hide_index=True, width="stretch")
