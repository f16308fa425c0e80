"""The web interface in a real browser: Playwright drives the distribution's Chromium
(``/usr/bin/chromium``, ``--no-sandbox``; browsers are never downloaded) against ``ganbu``'s
app served by uvicorn on a free localhost port, over a store of reports written for the tests.

Search → person → event → report → the highlighted span, and a click on a span shows its
record; filters and the province grid change the event list; the timeline chart renders; a
hostile report runs no script. A screenshot of every page goes to ``$GANBU_SCREENSHOTS``
(default: the test's temporary folder). Without Chromium or Playwright the tests skip, except
under ``CI=true`` where that is a failure.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_support import web_store

CHROMIUM = os.environ.get("GANBU_CHROMIUM", "/usr/bin/chromium")


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests required under CI=true: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    try:
        import uvicorn

        from ganbu.web import create_app
    except ImportError as e:
        _missing(f"the web extra is not installed ({e.name})")
    app = create_app(web_store(tmp_path_factory.mktemp("browser")))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install playwright)")
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ.get("GANBU_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    foreign: list[str] = []
    pg.on("request", lambda r: foreign.append(r.url) if not r.url.startswith("http://127.0.0.1:") else None)
    yield pg
    ctx.close()
    assert not errors, errors
    assert not dialogs, dialogs
    assert not foreign, f"requests to other hosts: {foreign}"


def _shot(page, shots: Path, name: str) -> None:
    path = shots / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5000


def test_search_person_event_report_round_trip(server, page, shots):
    page.goto(server + "/")
    _shot(page, shots, "index")
    page.fill("header form.search input[name=q]", "易炼红")
    page.click("header form.search button")
    page.wait_for_url("**/search?q=*")
    _shot(page, shots, "search")
    page.click("#persons a.person")
    page.wait_for_url("**/person/*")
    assert page.inner_text("h1.person-name").startswith("易炼红")
    _shot(page, shots, "person")
    page.click("#events a.event-link >> nth=0")
    page.wait_for_url("**/event/*")
    _shot(page, shots, "event")
    page.click("#reports a.report-link >> nth=0")
    page.wait_for_url("**/report/*?hl=*")
    focus = page.locator("#hl")
    assert focus.is_visible() and "hl-focus" in (focus.get_attribute("class") or "")
    name = page.locator("article.report-text mark.hl-person", has_text="易炼红").first
    assert name.is_visible()
    name.click()
    record = page.inner_text("#record-body")
    assert '"kind": "person"' in record and '"name": "易炼红"' in record and '"person_id"' in record
    assert "selected" in (name.get_attribute("class") or "")
    colours = {page.locator(f"article.report-text mark.hl-{k}").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") for k in ("person", "position", "organization", "event")}
    assert len(colours) == 4  # a colour a kind
    _shot(page, shots, "report")


def test_filters_change_the_event_list(server, page, shots):
    page.goto(server + "/events")
    everything = page.locator("table.events tr.event").count()
    total = int(page.get_attribute("h1 .total", "data-total") or 0)
    assert everything == total > 0
    _shot(page, shots, "events")
    page.select_option("form.filters select[name=province]", "浙江")
    page.click("form.filters button")
    page.wait_for_url("**/events?*province=*")
    zj = page.locator("table.events tr.event").count()
    assert 0 < zj < everything
    assert int(page.get_attribute("h1 .total", "data-total") or 0) == zj
    page.select_option("form.filters select[name=type]", "inspection")
    page.click("form.filters button")
    page.wait_for_url("**type=inspection*")
    assert page.locator("table.events tr.event").count() < zj
    page.goto(server + "/events")
    page.click('svg.tiles a[data-province="辽宁"]')
    page.wait_for_url("**province=*")
    ln = page.locator("table.events tr.event")
    assert 0 < ln.count() < everything and all("辽宁" in t for t in ln.all_inner_texts())
    page.goto(server + "/events")
    page.locator("svg.days a.day").first.click()
    page.wait_for_url("**from=*")
    day = page.locator("svg.days a.day").first.get_attribute("data-day")
    assert page.locator("table.events tr.event").count() >= 1 and day and day in page.url


def test_timeline_chart_renders(server, page, shots):
    page.goto(server + "/search?q=王浩")
    page.click("#persons a.person")
    page.wait_for_url("**/person/*")
    spells = page.locator("svg.timeline g.spell rect")
    assert spells.count() >= 2  # 副省长 then 省长
    for i in range(spells.count()):
        box = spells.nth(i).bounding_box()
        assert box is not None and box["width"] >= 3 and box["height"] > 5
    assert page.locator("svg.timeline text.year").count() >= 2
    tip = page.locator("svg.timeline g.spell title").first.text_content() or ""
    assert "浙江省人民政府" in tip and "reports" in tip


def test_hostile_report_runs_nothing(server, page, shots):
    page.goto(server + "/search?q=pwned")
    _shot(page, shots, "search-hostile")
    page.click("#reports a.report >> nth=0")
    page.wait_for_url("**/report/*")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("article.report-text img, article.report-text a, article.report-text script").count() == 0
    assert "<script>window.__pwned=2</script>" in page.inner_text("article.report-text")
    assert page.locator("a.source-url").count() == 0 and "javascript:" in page.inner_text(".source-url.unsafe")
    assert "<script>" in page.inner_text("h1.report-title")
    _shot(page, shots, "report-hostile")


def test_org_brief_and_error_pages(server, page, shots):
    page.goto(server + "/search?q=华能")
    page.click("#orgs a.org")
    page.wait_for_url("**/org/*")
    assert page.locator("#holders table.holders tr.holder").count() >= 1
    _shot(page, shots, "org")
    page.goto(server + "/brief?from=2023-03-01&to=2023-03-07")
    assert page.locator("article.ganbu-brief").is_visible()
    link = page.locator("article.ganbu-brief ol.footnotes a").first
    link.click()
    page.wait_for_url("**/report/*?hl=*")
    assert page.locator("#hl").is_visible()
    page.goto(server + "/brief?from=2023-03-01&to=2023-03-07")
    _shot(page, shots, "brief")
    resp = page.goto(server + "/person/999999")
    assert resp is not None and resp.status == 404 and "E210" in page.inner_text("main")
    _shot(page, shots, "not-found")
    resp = page.goto(server + "/events?from=2023-99-01")
    assert resp is not None and resp.status == 400 and "E201" in page.inner_text("main")
