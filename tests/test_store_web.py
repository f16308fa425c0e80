"""The store's queries for the web (ganbu.store.queries_web) and the read-only store, on SQLite
and PostgreSQL: search across people, organisations, places and report text; a report with its
spans (each pointing at its text); one event; counts per province, type and day agreeing with
the event list; the evidence of offices; namesakes; paging of events."""
from __future__ import annotations

import pytest
from sqlalchemy import exc, text

import ganbu
from ganbu.store import queries as Q
from ganbu.store import queries_web as W
from ganbu.store.errors import StoreCorrupt, StoreError
from test_store_support import (
    store_target,  # noqa: F401  (fixture)
    write_jsonl,
)
from test_web_support import HOSTILE_TEXT, WEB_REPORTS


@pytest.fixture
def st(store_target, tmp_path):  # noqa: F811
    with ganbu.open_store(store_target) as s:
        s.ingest([str(write_jsonl(tmp_path / "r.jsonl", WEB_REPORTS))], workers=0)
    ro = ganbu.open_store(store_target, read_only=True)
    yield ro
    ro.close()


def _doc(conn, title_part: str) -> int:
    hits = [r for r in W.search(conn, title_part).reports if r["where"] == "title"]
    assert hits, title_part
    return hits[0]["document_id"]


def test_search_groups_people_orgs_places_and_report_text(st):
    with st.engine.connect() as c:
        r = W.search(c, "王健")
        assert {p["name"] for p in r.persons} == {"王健"} and len(r.persons) == 2  # namesakes apart
        assert any("总经理" in o for p in r.persons for o in p["offices"])
        assert [o["name"] for o in W.search(c, "华能").organizations] == ["中国华能集团有限公司"]
        assert any(p["name"].startswith("大连") for p in W.search(c, "大连").places)
        body = W.search(c, "能源保供")  # in a report's text only, not in any title
        hit = [x for x in body.reports if x["where"] == "text"]
        assert hit and body.texts_scanned == body.texts_total == len(WEB_REPORTS)
        doc = W.report(c, hit[0]["document_id"], reread=False)
        a, b = hit[0]["span"]
        assert doc is not None and doc.text[a:b] == "能源保供"
        assert W.search(c, "%").reports == [] and W.search(c, "  ").persons == []  # LIKE wildcards are literal


def test_report_spans_point_into_the_text(st):
    with st.engine.connect() as c:
        did = _doc(c, "签署战略合作协议")
        rep = W.report(c, did)
    assert rep is not None
    kinds = {s.kind for s in rep.spans}
    assert {"person", "position", "organization", "event", "date", "place", "amount"} <= kinds
    for s in rep.spans:
        piece = rep.text[s.span[0]:s.span[1]]
        if s.kind in ("person", "organization"):
            assert piece == s.label or s.kind == "organization"
        assert piece, s
    assert next(s for s in rep.spans if s.kind == "person" and s.label == "王浩").record["person_id"]
    assert rep.warnings and rep.warnings[0]["code"] == "count-mismatch"
    assert rep.events and rep.events[0].participants


def test_report_keeps_hostile_text_as_stored(st):
    with st.engine.connect() as c:
        rep = W.report(c, _doc(c, "pwned"))
        assert rep is not None and rep.text == HOSTILE_TEXT and rep.url.startswith("javascript:")
        assert W.report(c, 10**9) is None


def test_event_counts_agree_with_the_event_list(st):
    with st.engine.connect() as c:
        every = Q.events(c)
        counts = W.event_counts(c)
        assert counts.total == len(every) == sum(counts.by_type.values()) == sum(counts.by_province.values())
        assert sum(n for _, n in counts.by_day) == len([e for e in every if e.date])
        zj = W.event_counts(c, province="浙江")
        assert zj.total == len(Q.events(c, province="浙江")) and set(zj.by_province) == {"浙江省"}
        one = W.event(c, every[0].event_id)
        assert one is not None and one.sources and W.event(c, 10**9) is None
        page2 = Q.events(c, limit=3, offset=3)
        assert [e.event_id for e in page2] == [e.event_id for e in every[3:6]]


def test_events_by_org_id_and_org_report(st):
    with st.engine.connect() as c:
        oid = W.search(c, "华能").organizations[0]["organization_id"]
        by_id = Q.events(c, org=oid)
        assert by_id and [e.event_id for e in by_id] == [e.event_id for e in Q.events(c, org="中国华能集团有限公司")]
        rep = Q.org_report(c, oid, visits_limit=1)
        assert rep.name == "中国华能集团有限公司" and {h.name for h in rep.holders} == {"王健"}
        assert len(rep.visits_received) <= 1


def test_office_evidence_and_namesakes(st):
    with st.engine.connect() as c:
        pid = next(p for p in W.search(c, "王健").persons if any("华能" in o for o in p["offices"]))["person_id"]
        ev = W.office_evidence(c, pid)
        office = "中国华能集团有限公司 总经理"
        assert office in ev and len({s.document_id for s in ev[office]}) >= 2
        rep = W.report(c, ev[office][0].document_id, reread=False)
        a, b = ev[office][0].span
        assert rep is not None and rep.text[a:b].endswith("总经理")
        others = W.namesakes(c, pid)
        assert len(others) == 1 and others[0]["name"] == "王健" and others[0]["person_id"] != pid
        assert W.namesakes(c, 10**9) == []


def test_read_only_store_refuses_writes(st):
    with pytest.raises(exc.DBAPIError), st.engine.begin() as c:
        c.execute(text("DELETE FROM documents"))
    with st.engine.connect() as c:
        assert Q.stats(c)["documents"] == len(WEB_REPORTS)


def test_read_only_open_needs_an_existing_ganbu_store(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        ganbu.open_store(tmp_path / "missing.db", read_only=True)
    (tmp_path / "junk.db").write_text("not a database at all " * 100)
    with pytest.raises(StoreCorrupt):
        ganbu.open_store(tmp_path / "junk.db", read_only=True)
    import sqlite3

    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreCorrupt, match="not a ganbu database"):
        ganbu.open_store(tmp_path / "other.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()
