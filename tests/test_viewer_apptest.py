"""Every viewer page through Streamlit's own test harness (AppTest), against the corpus graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import free_port
from policykg.graph import views
from policykg.settings import get_driver

pytest_plugins = ["conftest_graph"]

APP = str(Path(__file__).resolve().parent.parent / "viewer" / "app.py")


@pytest.fixture
def app_env(corpus_graph, monkeypatch):
    """The app's settings point at the test server (as a user's NEO4J_URI would)."""
    monkeypatch.setenv("NEO4J_URI", corpus_graph.uri)
    monkeypatch.setenv("NEO4J_USER", corpus_graph.user)
    monkeypatch.setenv("NEO4J_PASSWORD", corpus_graph.password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", corpus_graph.database)
    return corpus_graph


def open_page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    if name != "overview":
        at.switch_page(f"screens/{name}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """All the visible text of markdown, captions, headings, alerts and expander labels."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "error", "warning",
                                  "info", "success") for e in at.get(kind)]
    parts += [e.label for e in at.get("expander")]
    return "\n".join(str(p) for p in parts)


def frames(at: AppTest):
    return [d.value for d in at.dataframe]


def test_overview(app_env):
    at = open_page("overview")
    assert at.title[0].value == "Overview"
    assert {m.label: m.value for m in at.metric}["Plans"] == "5"
    plans = frames(at)[0]
    assert "深圳市“互联网＋”行动计划" in plans["title"].tolist()
    assert "深府〔2015〕69号" in plans["doc_number"].tolist()
    top = frames(at)[1]
    assert top.iloc[0]["leads"] >= 5
    assert "Technologies by plan" in texts(at)


def test_agency_page_shows_jmxxw_leading_manufacturing(app_env):
    at = open_page("agency")
    at.text_input(key="agency_q").set_value("市经贸信息委").run()
    assert not at.exception
    agency_id = at.selectbox(key="agency_pick").value
    assert "市经贸信息委" in at.selectbox(key="agency_pick").format_func(agency_id)
    content = texts(at)
    assert "2015 · 深圳市“互联网＋”行动计划" in content
    tasks = frames(at)
    rows = [r for f in tasks if "task" in f.columns and "code" in f.columns for r in f.to_dict("records")]
    assert {"code": "L", "task": "互联网＋制造"}.items() <= next(r for r in rows if r["task"] == "互联网＋制造").items()
    at.toggle(key="agency_lineage").set_value(True).run()
    assert not at.exception
    assert "Partners" in texts(at)


def test_task_page_search_and_detail(app_env):
    at = open_page("task")
    assert "互联网＋制造" in texts(at)  # the default: first task of the 2015 plan
    at.text_input(key="task_q").set_value("高端软件产业").run()
    assert not at.exception
    assert at.header[0].value == "高端软件产业"
    content = texts(at)
    assert "R1 市工业和信息化局" in content and "R3 市科技创新委" in content
    assert 'class="pk-clause"' in content and 'class="pk-agency"' in content


def test_network_page_explores_and_ranks(app_env):
    at = open_page("network")
    assert len(at.get("iframe")) == 1  # the neo4j-viz drawing of agencies and tasks
    caption = next(c.value for c in at.caption if "nodes" in c.value)
    before = int(caption.split(" nodes")[0])
    with get_driver(app_env) as driver:
        node_key = f"Agency:{views.find_agency(driver, '市经贸信息委')}"  # nodes are keyed '<Label>:<id>'
    at.selectbox(key="net_pick").set_value(node_key).run()
    at.button(key="net_expand").click().run()
    assert not at.exception
    caption = next(c.value for c in at.caption if "nodes" in c.value)
    assert "expanded:" in caption and int(caption.split(" nodes")[0]) >= before
    at.radio(key="net_view").set_value("Co-responsibility network").run()
    assert not at.exception and len(at.get("iframe")) == 1
    centrality = next(f for f in frames(at) if "betweenness" in f.columns)
    assert len(centrality) > 10 and centrality["community"].notna().all()
    assert any("members" in f.columns for f in frames(at))


def test_matrix_page_counts_flags_and_downloads(app_env):
    at = open_page("matrix")
    content = texts(at)
    assert "L 25" in content and "S 43" in content
    assert "several leads (7)" in frames(at)[1]["flag"].tolist()
    labels = [b.proto.label for b in at.get("download_button")]
    assert any("CSV" in x for x in labels) and any("XLSX" in x for x in labels)
    at.toggle(key="matrix_merge").set_value(True).run()
    assert not at.exception
    at.selectbox(key="matrix_plan").set_value("sz-digital-economy-2021").run()
    assert not at.exception
    assert "R1 25" in texts(at)


def test_cypher_console_refuses_writes_and_reads(app_env):
    at = open_page("cypher")
    at.text_area(key="cy_query").set_value("CREATE (n:X) RETURN n")
    at.text_area(key="cy_params").set_value("")
    at.button(key="cy_run").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "read-only" in errors.lower() or "refused" in errors.lower()
    with get_driver(app_env) as driver:
        records, _, _ = driver.execute_query("MATCH (n:X) RETURN count(n) AS n")
        assert records[0]["n"] == 0

    at.text_area(key="cy_query").set_value("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row")
    at.button(key="cy_run").click().run()
    assert "LOAD CSV" in " ".join(e.value for e in at.error)

    at.text_area(key="cy_query").set_value("MATCH (p:Plan) WHERE p.issued.year >= $year RETURN p.id AS id ORDER BY id")
    at.text_area(key="cy_params").set_value("year=2015")
    at.button(key="cy_run").click().run()
    assert not at.exception and not at.error
    result = frames(at)[0]
    assert result["id"].tolist() == ["sz-digital-economy-2021", "sz-informatization-13th-2016", "sz-internet-plus-2015"]

    at.text_area(key="cy_query").set_value("MATCH (a:Agency)-[r:LEADS]->(t:Task) RETURN a, r, t LIMIT 5")
    at.text_area(key="cy_params").set_value("")
    at.button(key="cy_run").click().run()
    at.radio(key="cy_show").set_value("Graph").run()
    assert len(at.get("iframe")) == 1  # the result drawn as a graph
    at.radio(key="cy_show").set_value("Table").run()

    at.text_area(key="cy_query").set_value("MATCH (n RETURN n")
    at.button(key="cy_run").click().run()
    assert not at.exception and at.error  # a syntax error is a message, not a traceback


def test_banner_when_neo4j_is_down_then_recovers(app_env, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception
    banner = " ".join(e.value for e in at.error)
    assert "policykg neo4j start" in banner and "policykg build" in banner
    assert app_env.password.get_secret_value() not in banner
    monkeypatch.setenv("NEO4J_URI", app_env.uri)
    at.run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Overview"


def test_cli_view_serves_on_localhost_only(app_env):
    """`policykg view --no-browser` starts Streamlit bound to 127.0.0.1."""
    import os
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policykg", "view", "--no-browser", "--port", str(port)],
                            env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                    assert resp.status == 200
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read().decode(errors="replace")
                time.sleep(0.5)
        if shutil.which("ss"):
            listening = subprocess.run(["ss", "-ltn", f"sport = :{port}"], capture_output=True, text=True).stdout
            local = [line.split()[3] for line in listening.splitlines()[1:] if line.strip()]
            assert local and all(addr.startswith("127.0.0.1:") for addr in local), listening
    finally:
        proc.terminate()
        proc.wait(timeout=20)
