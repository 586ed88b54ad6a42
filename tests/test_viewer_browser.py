"""The viewer in a real browser: `streamlit run` against the test Neo4j, driven by Playwright.

Uses Debian's chromium (installed here with apt when missing; never `playwright install`) and
saves a screenshot of each page under tests/artifacts/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port

pytest_plugins = ["conftest_graph"]
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "viewer" / "app.py"
SHOTS = Path(__file__).resolve().parent / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 90.0
DRAWN = 20  # distinct colours above which the graph iframe shows a drawing, not a blank canvas


def _apt_install(*packages: str) -> str | None:
    """Install Debian packages; returns why it failed, or None."""
    if not shutil.which("apt-get"):
        return "apt-get is not available"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", *packages]):
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        if proc.returncode != 0:
            return f"{' '.join(cmd[:3])} failed: {proc.stderr.strip().splitlines()[-1:]}"
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        why = _apt_install("chromium", "fonts-noto-cjk")
        if why or not Path(CHROMIUM).exists():
            pytest.skip(f"Debian chromium could not be installed: {why}")
    elif subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip() == "":
        _apt_install("fonts-noto-cjk")  # only for readable screenshots: the checks read the DOM
    return CHROMIUM


@pytest.fixture(scope="session")
def viewer_url(corpus_graph, tmp_path_factory):
    """`streamlit run viewer/app.py` on a free port of 127.0.0.1, reading the test graph."""
    port = free_port()
    env = {**os.environ, "NEO4J_URI": corpus_graph.uri, "NEO4J_USER": corpus_graph.user,
           "NEO4J_PASSWORD": corpus_graph.password.get_secret_value(), "NEO4J_DATABASE": corpus_graph.database}
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal",
           "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"streamlit did not start: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.5)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def browser(chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, viewer_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="zh-CN")
    p = context.new_page()
    p.set_default_timeout(60_000)
    yield p
    context.close()


def open_page(page, url: str, title: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name=title, exact=True).first.wait_for()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid='stException']").count() == 0


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(1500)  # let charts and the graph layout settle
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview(page, viewer_url):
    open_page(page, viewer_url, "Overview")
    page.get_by_text("Agencies with most lead roles").wait_for()
    assert page.locator("[data-testid='stMetricValue']").first.inner_text() == "5"
    shot(page, "overview")


def test_agency_jmxxw_leads_manufacturing_2015(page, viewer_url):
    open_page(page, f"{viewer_url}/agency?agency=市经贸信息委", "Agency")
    plan = page.locator("[data-testid='stExpander']").filter(has_text="2015 · 深圳市“互联网＋”行动计划")
    leads = plan.locator("p").filter(has_text="Leads:")
    leads.wait_for()
    assert "互联网＋制造" in leads.inner_text()
    shot(page, "agency")


def test_task_detail(page, viewer_url):
    open_page(page, f"{viewer_url}/task?q=高端软件产业", "Task")
    page.get_by_role("heading", name="高端软件产业").wait_for()
    assert page.locator(".pk-agency").first.inner_text() == "市工业和信息化局"
    page.get_by_text("R1 市工业和信息化局").first.wait_for()
    assert "R1 市工业和信息化局" in page.inner_text("body")
    shot(page, "task")


def drawn_colours(page) -> int:
    """How many distinct colours the graph iframe shows: a blank canvas has one or two."""
    from io import BytesIO

    from PIL import Image

    frame = page.locator("iframe").first
    frame.wait_for()
    assert frame.bounding_box()["height"] > 400
    # The force layout draws over a few seconds, slower on a loaded machine: sample until the
    # canvas shows a drawing or 30 s pass, and report the most colours seen.
    most = 0
    deadline = time.monotonic() + 30
    while True:
        page.wait_for_timeout(1500)
        image = Image.open(BytesIO(frame.screenshot())).convert("RGB").resize((200, 150))
        most = max(most, len(image.getcolors(maxcolors=200 * 150)))
        if most > DRAWN or time.monotonic() > deadline:
            return most


def test_network(page, viewer_url):
    open_page(page, f"{viewer_url}/network", "Network")
    assert drawn_colours(page) > DRAWN
    shot(page, "network-explorer")
    page.get_by_text("Co-responsibility network", exact=True).click()
    page.get_by_text("Who coordinates most").wait_for()
    assert drawn_colours(page) > DRAWN
    shot(page, "network-co-responsibility")


def test_matrix(page, viewer_url):
    open_page(page, f"{viewer_url}/matrix", "Responsibility matrix")
    page.get_by_text("L 25 · S 43").wait_for()
    # The workbook is built after the matrix is drawn; on a loaded 2-core CI machine that takes
    # seconds, so wait for the button rather than sampling it once.
    button = page.get_by_role("button", name="Download XLSX (matrix + evidence)")
    button.wait_for(state="visible", timeout=60_000)
    assert button.is_visible()
    shot(page, "matrix")


def run_cypher(page, query: str) -> None:
    box = page.get_by_label("Query")
    box.fill(query)
    box.press("Control+Enter")  # commit the text area before pressing Run
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Run").click()


def test_cypher_reads_and_refuses_writes(page, viewer_url):
    open_page(page, f"{viewer_url}/cypher", "Cypher")
    run_cypher(page, "MATCH (p:Plan) RETURN p.id AS id, p.title AS title ORDER BY id")
    page.get_by_text("5 rows").wait_for()
    shot(page, "cypher-read")
    run_cypher(page, "MATCH (a:Agency)-[r:LEADS]->(t:Task) RETURN a, r, t")
    page.get_by_text("25 rows").wait_for()
    page.get_by_text("Graph", exact=True).click()
    assert drawn_colours(page) > DRAWN
    shot(page, "cypher-graph")
    run_cypher(page, "CREATE (n:X {name: 'should not exist'}) RETURN n")
    alert = page.locator("[data-testid='stAlert']").filter(has_text="read-only")
    alert.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "cypher-refused")


def test_cypher_refuses_show_transactions_and_a_string_hidden_load_csv(page, viewer_url):
    """Issue 7: the console refuses what the server plans as more than a read, in plain words."""
    open_page(page, f"{viewer_url}/cypher", "Cypher")
    run_cypher(page, "SHOW TRANSACTIONS")
    alert = page.locator("[data-testid='stAlert']").filter(has_text="SHOW TRANSACTIONS lists")
    alert.wait_for()
    assert "Neo.ClientError" not in alert.inner_text() and "read-only" in alert.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "cypher-refused-show-transactions")
    # '//' inside a string fooled the old comment-stripping check into hiding the LOAD CSV.
    run_cypher(page, "WITH 'a//' AS s LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row")
    alert = page.locator("[data-testid='stAlert']").filter(has_text="LOAD CSV reads files and URLs")
    alert.wait_for()
    page.get_by_text("Details", exact=True).click()  # the server's plan, on demand
    page.get_by_text("LoadCSV@neo4j", exact=False).first.wait_for()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "cypher-refused-load-csv")
