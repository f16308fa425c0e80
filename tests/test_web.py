"""The web interface through its ASGI app (no browser): every page and its JSON, the JSON in the
shapes of the CLI's --format json, report texts escaped, 400 for bad parameters, 404 for unknown
ids, no traceback, the OpenAPI description, security headers, ``ganbu serve``'s command line."""
from __future__ import annotations

import json
import re
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from ganbu.cli import main
from ganbu.web import create_app, svg
from test_web_support import HOSTILE_TITLE, web_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return web_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.store.close()


def _ids(client, q, group, key):
    return [x[key] for x in client.get("/api/search", params={"q": q}).json()[group]]


def _cli_json(capsys, *argv):
    assert main([str(a) for a in argv]) == 0
    return json.loads(capsys.readouterr().out)


def _doc(client, title_part):
    return next(r["document_id"] for r in client.get("/api/search", params={"q": title_part}).json()["reports"]
                if r["where"] == "title")


# ---------------------------------------------------------------- pages and JSON

def test_every_page_renders(client):
    pid = _ids(client, "王浩", "persons", "person_id")[0]
    oid = _ids(client, "华能", "organizations", "organization_id")[0]
    eid = client.get("/api/events").json()[0]["event_id"]
    did = _doc(client, "易炼红会见戴厚良")
    for url in ["/", "/search?q=王", f"/person/{pid}", f"/org/{oid}", "/events", f"/event/{eid}",
                f"/report/{did}", "/brief", "/brief?from=2023-03-01&to=2023-03-03"]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html") and "<main>" in r.text, url
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert "http://" not in re.sub(r'xmlns="http://www.w3.org/2000/svg"', "", r.text), url  # nothing from elsewhere


def test_person_page_has_timeline_events_colleagues_and_namesakes(client):
    pid = next(p["person_id"] for p in client.get("/api/search", params={"q": "王健"}).json()["persons"]
               if any("华能" in o for o in p["offices"]))
    html = client.get(f"/person/{pid}").text
    assert '<svg class="timeline"' in html and 'data-office="中国华能集团有限公司 总经理"' in html
    assert "Namesakes" in html and "辽宁省人民政府 副省长" in html  # the other 王健, kept apart
    assert 'class="evidence" href="/report/' in html  # the reports behind the office
    zh = _ids(client, "王浩", "persons", "person_id")[0]
    page = client.get(f"/person/{zh}").text
    assert "浙江省人民政府 省长" in page and "浙江省人民政府 副省长" in page and 'class="event-link"' in page


def test_api_is_the_cli_json(client, db, capsys):
    pid = _ids(client, "王浩", "persons", "person_id")[0]
    assert client.get(f"/api/person/{pid}").json() == _cli_json(capsys, "person", f"#{pid}", "--db", db,
                                                                 "--format", "json")
    assert client.get(f"/api/person/{pid}/colleagues").json() == _cli_json(
        capsys, "colleagues", f"#{pid}", "--db", db, "--format", "json")
    oid = _ids(client, "中国华能集团有限公司", "organizations", "organization_id")[0]
    assert client.get(f"/api/org/{oid}").json() == _cli_json(capsys, "org", "中国华能集团有限公司", "--db", db,
                                                             "--format", "json")
    assert client.get("/api/events", params={"province": "浙江"}).json() == _cli_json(
        capsys, "events", "--province", "浙江", "--db", db, "--format", "json")
    window = ["--from", "2023-03-01", "--to", "2023-03-07"]
    q = {"from": "2023-03-01", "to": "2023-03-07"}
    assert client.get("/api/patterns", params=q).json() == _cli_json(capsys, "patterns", *window, "--db", db,
                                                                    "--format", "json")
    assert client.get("/api/brief", params=q).json() == _cli_json(capsys, "brief", *window, "--db", db,
                                                                 "--format", "json")
    assert client.get("/api/stats").json() == _cli_json(capsys, "stats", "--db", db, "--format", "json")


def test_filters_change_the_event_list_and_counts(client):
    every = client.get("/api/events").json()
    zj = client.get("/api/events", params={"province": "浙江"}).json()
    assert 0 < len(zj) < len(every) and all(e["province"] == "浙江省" for e in zj)
    counts = client.get("/api/events/counts", params={"province": "浙江"}).json()
    assert counts["total"] == len(zj) and counts["by_province"] == {"浙江省": len(zj)}
    html = client.get("/events", params={"province": "浙江"}).text
    assert f'data-total="{len(zj)}"' in html and html.count('class="event"') == len(zj)
    assert f'data-province="浙江" data-count="{len(zj)}"' in html
    assert 'data-province="辽宁" data-count="0"' in html
    day = client.get("/api/events", params={"from": "2023-03-01", "to": "2023-03-01"}).json()
    assert day and all(e["date"] == "2023-03-01" for e in day)
    typ = client.get("/api/events", params={"type": "inspection"}).json()
    assert typ and {e["type"] for e in typ} == {"inspection"}
    person = _ids(client, "李明", "persons", "person_id")[0]
    mine = client.get("/api/events", params={"person": person}).json()
    assert mine and all(any(p["person_id"] == person for p in e["participants"]) for e in mine)
    assert len(client.get("/api/events", params={"page": 2}).json()) == 0  # 50 a page, fewer events


def test_event_page_links_each_report_to_its_span(client):
    ev = next(e for e in client.get("/api/events").json() if len(e["sources"]) >= 2)
    html = client.get(f"/event/{ev['event_id']}").text
    for s in ev["sources"]:
        assert f'href="/report/{s["document_id"]}?hl={s["span"][0]}-{s["span"][1]}#hl"' in html
    assert client.get(f"/api/event/{ev['event_id']}").json() == ev


def test_report_page_highlights_every_kind_with_a_legend_and_warnings(client):
    did = _doc(client, "签署战略合作协议")
    api = client.get(f"/api/report/{did}").json()
    html = client.get(f"/report/{did}", params={"hl": "5-20"}).text
    for kind in ("person", "position", "organization", "event", "date", "place", "amount"):
        assert f'class="hl hl-{kind}' in html, kind
        assert f'<li class="hl hl-{kind}">' in html  # the legend
    assert 'id="hl"' in html and "hl-focus" in html
    assert "count-mismatch" in html and api["warnings"][0]["code"] == "count-mismatch"
    rec = json.loads(re.search(r'<script type="application/json" id="records">(.*?)</script>', html, re.S)[1])
    assert rec == api["spans"]
    text = re.search(r'<article class="report-text" lang="zh">(.*?)</article>', html, re.S)[1]
    assert re.sub(r"<[^>]+>", "", text) == api["text"]  # the whole text, nothing lost or added


def test_brief_page_links_footnotes_to_report_spans(client):
    html = client.get("/brief", params={"from": "2023-03-01", "to": "2023-03-07"}).text
    links = re.findall(r'href="/report/(\d+)\?hl=(\d+)-(\d+)#hl"', html)
    assert links and 'class="ganbu-brief"' in html and 'id="patterns"' in html
    doc, a, b = links[0]
    rep = client.get(f"/api/report/{doc}").json()
    assert 0 <= int(a) < int(b) <= len(rep["text"])


def test_search_page_groups_results(client):
    html = client.get("/search", params={"q": "华能"}).text
    for section in ('id="persons"', 'id="orgs"', 'id="places"', 'id="reports"'):
        assert section in html
    assert 'class="org" href="/org/' in html and 'class="report" href="/report/' in html


# ---------------------------------------------------------------- escaping

def test_hostile_report_renders_inert(client):
    did = _doc(client, "pwned")
    for url in (f"/report/{did}", "/search?q=pwned", "/search?q=<script>"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img" not in html and "onerror=" not in html.replace(
            "onerror=&#34;", "").replace("onerror=&quot;", "")
        assert 'href="javascript:' not in html.lower() and "href='javascript:" not in html.lower()
    html = client.get(f"/report/{did}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # the title, shown as text
    assert "&lt;img src=x onerror=" in html and 'class="source-url unsafe"' in html
    assert client.get(f"/api/report/{did}").json()["title"] == HOSTILE_TITLE


def test_svg_escapes_what_it_draws():
    import datetime as dt
    from types import SimpleNamespace

    h = SimpleNamespace(office='"><script>x</script>', start=dt.date(2020, 1, 1), end=dt.date(2021, 1, 1),
                        start_basis="appointment", end_basis="last seen", n_sources=1, acting=False)
    out = str(svg.timeline([h]))
    assert "<script>" not in out and "&lt;script&gt;" in out and "&#34;&gt;" in out
    grid = str(svg.province_grid({"浙江省": 3}, lambda p: f'/events?province={p}&"x'))
    assert 'data-province="浙江" data-count="3"' in grid and '&amp;&#34;x' in grid


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("url", ["/person/abc", "/person/-1", "/events?from=2023-13-01", "/events?to=yesterday",
                                 "/events?from=2023-03-02&to=2023-03-01", "/events?type=party", "/events?page=0",
                                 "/events?page=x", "/report/1?hl=9-2", "/report/1?hl=abc", "/brief?from=2023-01-01",
                                 "/brief?from=2023-01-01&to=2023-12-31", "/brief?from=2023-01-01&to=2023-01-02&style=x",
                                 "/search?q=" + "长" * 51, "/events?place=" + "x" * 101])
def test_bad_parameters_are_400_with_a_message(client, url):
    page = client.get(url)
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "E201" in page.text and "Traceback" not in page.text
    if "hl=" in url:
        return  # a page parameter only (which span to highlight)
    api = client.get("/api" + url)
    assert api.status_code == 400 and api.json()["error"]["code"] == "E201" and api.json()["error"]["message"]


@pytest.mark.parametrize("url", ["/person/999999", "/org/999999", "/event/999999", "/report/999999", "/no/such/page"])
def test_unknown_ids_are_404(client, url):
    page = client.get(url)
    assert page.status_code == 404 and "E210" in page.text and "<main>" in page.text
    api = client.get("/api" + url)
    assert api.status_code == 404 and api.json()["error"]["code"] == "E210"


def test_an_internal_error_is_500_without_a_traceback(db, monkeypatch):
    from ganbu.store import queries_web

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries_web, "search", boom)
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as c:
        for url in ("/search?q=x", "/api/search?q=x"):
            r = c.get(url)
            assert r.status_code == 500 and "E900" in r.text
            assert "secret internals" not in r.text and "Traceback" not in r.text
    app.state.store.close()


# ---------------------------------------------------------------- API description, read-only, command

def test_openapi_describes_the_api(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/search", "/api/person/{person_id}", "/api/person/{person_id}/colleagues", "/api/org/{organization_id}",
              "/api/events", "/api/events/counts", "/api/event/{event_id}", "/api/report/{document_id}",
              "/api/patterns", "/api/brief"):
        assert p in paths, p
    assert {q["name"] for q in paths["/api/events"]["get"]["parameters"]} >= {"from", "to", "province", "type"}
    assert not any(p.startswith("/person") for p in paths)  # pages are not API
    assert client.get("/docs").status_code == 404  # no Swagger UI: it would load scripts from a CDN


def test_the_store_is_opened_read_only(db, client):
    engine = client.app.state.store.engine
    assert "mode=ro" in str(engine.url)


def test_serve_command_line(tmp_path, capsys):
    from ganbu.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("ganbu: E401") and "missing.db" in err and "\n" not in err
    (tmp_path / "junk.db").write_bytes(b"junk" * 100)
    assert main(["serve", "--db", str(tmp_path / "junk.db")]) == 1
    assert capsys.readouterr().err.startswith("ganbu: E406")
    assert main(["serve", "--db", str(tmp_path / "junk.db"), "--port", "70000"]) == 1
    assert main(["serve", "--db", str(tmp_path / "junk.db"), "--threads", "0"]) == 1
    assert "--threads must be" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "junk.db"), "--keepalive-requests", "-1"]) == 1
    assert "--keepalive-requests must be" in capsys.readouterr().err
    assert args.threads == 2 and 1 <= args.workers <= 2 and args.keepalive_requests == 10
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "127.0.0.1" in capsys.readouterr().out


def test_answers_are_cached_until_the_store_changes(tmp_path, monkeypatch):
    import time

    import ganbu
    from ganbu.store import queries
    from test_store_support import write_jsonl

    db = web_store(tmp_path)
    calls = []
    real = queries.stats
    monkeypatch.setattr(queries, "stats", lambda c: calls.append(1) or real(c))
    app = create_app(db, cache_mb=8)
    with TestClient(app) as c:
        first = c.get("/api/stats").json()
        assert c.get("/api/stats").json() == first and len(calls) == 1  # the second from the cache
        assert c.get("/api/stats?x=1").json() == first and len(calls) == 2  # another URL
        assert c.get("/person/999999").status_code == 404 and c.get("/person/999999").status_code == 404
        with ganbu.open_store(db) as st:  # another process writes
            st.ingest([str(write_jsonl(tmp_path / "more.jsonl", [
                {"id": "m1", "published": "2023-05-01", "title": "新报道", "text": "5月1日，浙江省省长王浩到台州市调研。"}]))],
                workers=0)
        time.sleep(1.1)
        assert c.get("/api/stats").json()["documents"] == first["documents"] + 1
    app.state.store.close()
    app0 = create_app(db, cache_mb=0)
    with TestClient(app0) as c:
        n = len(calls)
        c.get("/api/stats")
        c.get("/api/stats")
        assert len(calls) == n + 2  # no cache
    app0.state.store.close()


def test_requests_worked_on_at_once_are_limited(tmp_path):
    import anyio.to_thread

    app = create_app(web_store(tmp_path), cache_mb=0, threads=3)
    with TestClient(app) as c:  # the limit is set when the application starts
        assert c.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens) == 3
        assert c.get("/api/stats").status_code == 200
    app.state.store.close()


def test_a_client_is_asked_to_reconnect_after_keepalive_requests(tmp_path):
    db = web_store(tmp_path)
    app = create_app(db, cache_mb=0, keepalive_requests=3)
    with TestClient(app) as c:  # one client address: one connection for the server
        closes = [c.get("/api/stats").headers.get("connection") for _ in range(7)]
        assert closes == [None, None, "close", None, None, "close", None]
        assert "default-src 'self'" in c.get("/api/stats").headers["content-security-policy"]
    app.state.store.close()
    app0 = create_app(db, cache_mb=0, keepalive_requests=0)
    with TestClient(app0) as c:
        assert all(c.get("/api/stats").headers.get("connection") is None for _ in range(12))
    app0.state.store.close()


def test_the_pages_over_postgresql(tmp_path):
    import ganbu
    from test_store_support import new_pg_database, write_jsonl
    from test_web_support import WEB_REPORTS

    url, drop = new_pg_database()
    try:
        with ganbu.open_store(url) as st:
            st.ingest([str(write_jsonl(tmp_path / "r.jsonl", WEB_REPORTS))], workers=0)
        app = create_app(url)
        with TestClient(app, raise_server_exceptions=False) as c:
            pid = _ids(c, "王浩", "persons", "person_id")[0]
            oid = _ids(c, "华能", "organizations", "organization_id")[0]
            did = _doc(c, "签署战略合作协议")
            for page in ("/", f"/person/{pid}", f"/org/{oid}", "/events?province=浙江", f"/report/{did}",
                         "/brief?from=2023-03-01&to=2023-03-07", "/search?q=能源保供"):
                assert c.get(page).status_code == 200, page
            assert c.get("/api/events/counts").json()["total"] == len(c.get("/api/events").json())
            assert c.get("/api/person/999999").status_code == 404
        from sqlalchemy import exc, text

        with pytest.raises(exc.DBAPIError, match="read-only"), app.state.store.engine.begin() as conn:
            conn.execute(text("DELETE FROM documents"))
        app.state.store.close()
    finally:
        drop()  # type: ignore[operator]
