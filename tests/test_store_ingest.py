"""Ingest into the store (SQLite and PostgreSQL): idempotency, resolution, queries, bad input."""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ganbu.store import open_store
from ganbu.store.errors import StoreError
from test_store_support import REPORTS, dump, store_target, synth_reports, write_jsonl  # noqa: F401

SRC = str(Path(__file__).resolve().parents[1] / "src")
D = dt.date.fromisoformat


@pytest.fixture
def filled(store_target, tmp_path):  # noqa: F811
    st = open_store(store_target)
    summary = st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
    yield st, summary
    st.close()


def test_ingest_counts_and_idempotent(filled, tmp_path):
    st, summary = filled
    assert (summary.read, summary.new, summary.duplicate, summary.failed) == (len(REPORTS), len(REPORTS), 0, 0)
    before = dump(st.engine.info["name"] if "://" not in str(st.engine.url) else str(st.engine.url))
    again = st.ingest([str(write_jsonl(tmp_path / "again.jsonl", REPORTS))], workers=0)
    assert (again.new, again.duplicate) == (0, len(REPORTS))
    after = dump(st.engine.info["name"] if "://" not in str(st.engine.url) else str(st.engine.url))
    assert after == before
    assert after["claims"] == 0 and after["dirty"] == 0


def test_same_normalised_text_is_a_duplicate(filled, tmp_path):
    st, _ = filled
    variant = dict(REPORTS[1], id="other-id", text=REPORTS[1]["text"].replace("3月1日", "３月１日"))
    s = st.ingest([str(write_jsonl(tmp_path / "v.jsonl", [variant]))], workers=0)
    assert (s.new, s.duplicate) == (0, 1)


def test_namesakes_stay_apart_and_one_event_has_two_sources(filled):
    st, _ = filled
    wang = st.person("王健")
    assert len(wang) == 2
    offices = sorted(tuple(sorted({h.organization for h in p.offices})) for p in wang)
    assert offices == [("中国华能集团有限公司",), ("辽宁省人民政府",)]
    meetings = st.events(date_from=D("2023-03-01"), date_to=D("2023-03-01"), person="易炼红")
    assert len(meetings) == 1
    assert len(meetings[0].sources) == 2
    assert {p["name"] for p in meetings[0].participants} >= {"易炼红", "戴厚良"}


def test_who_spells_and_changes(filled):
    st, _ = filled
    assert [h.name for h in st.who("浙江省长", on="2023-03-01")] == ["王浩"]
    assert st.who("浙江省长", on="2021-01-01") == []
    deputy = st.who("辽宁副省长")
    li = [h for h in deputy if h.name == "李明"]
    assert li and li[0].end == D("2023-06-01") and li[0].end_basis == "removal"
    ch = st.changes("2023-05-01", "2023-06-30")
    assert [(c.kind, c.name) for c in ch] == [("removal", "李明")]
    appointed = st.changes("2022-08-01", "2022-09-30")
    assert ("appointment", "王浩") in {(c.kind, c.name) for c in appointed}
    assert {h.name for h in st.who(org="华能集团")} == {"王健"}


def test_org_and_colleagues(filled):
    st, _ = filled
    rep = st.org("浙江省委")
    assert rep and rep[0].name == "中共浙江省委员会"
    assert {h.name for h in rep[0].holders} == {"易炼红", "陈奕君"}
    col = st.colleagues("易炼红")
    assert {c.colleague for c in col} == {"陈奕君"}
    assert col[0].overlap_start == D("2023-03-01")


def test_corrupt_jsonl_line_and_bad_file_in_folder(store_target, tmp_path):  # noqa: F811
    folder = tmp_path / "in"
    folder.mkdir()
    good = [json.dumps(r, ensure_ascii=False) for r in REPORTS[:3]]
    (folder / "a.jsonl").write_text(good[0] + "\n{not json\n" + good[1] + "\n" + '{"title": "no text"}\n' + good[2]
                                    + "\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (folder / "c.md").write_text(REPORTS[5]["text"], encoding="utf-8")
    st = open_store(store_target)
    s = st.ingest([str(folder)], workers=0)
    assert (s.new, s.failed) == (4, 3)
    codes = sorted((p.code, Path(p.origin).name) for p in s.problems)
    assert codes == [("E104", "b.txt"), ("E108", "a.jsonl:2"), ("E108", "a.jsonl:4")]
    assert st.stats()["documents"] == 4
    st.close()


def _cli(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.run([sys.executable, "-m", "ganbu", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_cli_ingest_queries_and_formats(tmp_path):
    write_jsonl(tmp_path / "r.jsonl", REPORTS)
    r = _cli("ingest", "r.jsonl", "-q", "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert f"read {len(REPORTS)}, new {len(REPORTS)}, duplicate 0, failed 0" in r.stderr
    assert (tmp_path / "ganbu.db").exists()
    r = _cli("who", "浙江省长", "--on", "2023-03-01", "--format", "json", cwd=tmp_path)
    assert [h["name"] for h in json.loads(r.stdout)] == ["王浩"]
    r = _cli("events", "--from", "2023-03-01", "--to", "2023-03-01", "--format", "csv", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert lines[0].startswith("event_id,date,type") and len(lines) == 2
    r = _cli("person", "王健", cwd=tmp_path)
    assert r.stdout.count("== 王健 #") == 2
    r = _cli("ingest", "-", "-q", cwd=tmp_path, stdin=json.dumps(REPORTS[0], ensure_ascii=False) + "\n")
    assert "duplicate 1" in r.stderr and r.returncode == 0
    r = _cli("ingest", "missing.jsonl", "-q", cwd=tmp_path)
    assert r.returncode == 1 and "E101 missing.jsonl" in r.stderr


def test_read_only_database_is_a_clear_error(tmp_path):
    db = tmp_path / "ro.db"
    st = open_store(db)
    st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS[:2]))], workers=0)
    st.close()
    if os.geteuid() == 0:
        uri = f"file:{db}?mode=ro"  # root ignores file modes: open it read-only instead
        target = "sqlite:///" + uri + "&uri=true"
    else:
        os.chmod(db, 0o444)
        target = str(db)
    with pytest.raises(StoreError) as e:
        open_store(target).ingest([str(write_jsonl(tmp_path / "more.jsonl", REPORTS[2:4]))], workers=0)
    assert e.value.code == "E403" and "read-only" in e.value.message
    assert open_store(db).stats()["documents"] == 2


def test_locked_database_is_a_clear_error(tmp_path, monkeypatch):
    import ganbu.store.db as dbmod

    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)
    db = tmp_path / "locked.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as e:
            open_store(db).ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS[:2]))], workers=0)
        assert e.value.code == "E402" and str(db) in e.value.input
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_disk_full_keeps_what_was_committed(tmp_path):
    from sqlalchemy import event

    db = tmp_path / "full.db"
    st = open_store(db)
    st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
    n_before = st.stats()["documents"]
    pages = st.engine.connect().exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(st.engine, "connect")
    def _limit(dbapi_conn, _rec):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    st.engine.dispose()
    with pytest.raises(StoreError) as e:
        st.ingest([str(write_jsonl(tmp_path / "big.jsonl", synth_reports(400)))], workers=0)
    assert e.value.code == "E404"
    st.engine.dispose()
    event.remove(st.engine, "connect", _limit)
    after = st.stats()["documents"]
    assert after >= n_before
    # every stored report is whole: each has its text and its facts were written with it
    with st.engine.connect() as c:
        orphans = c.exec_driver_sql("SELECT count(*) FROM documents d LEFT JOIN document_texts t "
                                    "ON t.document_id = d.id WHERE t.document_id IS NULL").scalar()
    assert orphans == 0


def test_parquet_with_extracted_documents_is_stored_as_given(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import ganbu

    rows = []
    for r in REPORTS:
        doc = ganbu.extract(r["text"], r["published"])
        doc.people = [p for p in doc.people if p.name != "易炼红"]  # what "another" extractor found
        rows.append({**r, "document": json.dumps(doc.to_dict(), ensure_ascii=False)})
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "x.parquet")
    st = open_store(tmp_path / "p.db")
    s = st.ingest([str(tmp_path / "x.parquet")], workers=0)
    assert (s.new, s.failed) == (len(REPORTS), 0)
    assert st.person("易炼红") == [] and len(st.person("王健")) == 2
    direct = open_store(tmp_path / "d.db")
    direct.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
    a, b = dump(str(tmp_path / "p.db")), dump(str(tmp_path / "d.db"))
    assert a["documents"] == b["documents"] and a["texts"] == b["texts"]
    assert len(a["mentions"]) == len(b["mentions"]) - 2


def test_who_by_office_forms_and_by_org_role(filled):
    st, _ = filled
    assert [h.name for h in st.who("浙江省委书记")] == ["易炼红"]
    assert [h.name for h in st.who("中共浙江省委员会 书记")] == ["易炼红"]
    assert {h.name for h in st.who(org="浙江省委", role="秘书长")} == {"陈奕君"}
    assert st.who("湖南省长") == []


def test_review_lists_what_resolution_could_not_decide(store_target, tmp_path):  # noqa: F811
    # a name shared by two concurrent officials, then a report naming both with their offices:
    # the extractor reads one person with two offices of two sectors, which is two persons
    both = {"id": "r13", "published": "2023-02-10", "title": "华能集团与辽宁省座谈",
            "text": "2月9日，中国华能集团有限公司总经理王健在沈阳会见了辽宁省副省长王健。"}
    st = open_store(store_target)
    st.ingest([str(write_jsonl(tmp_path / "r.jsonl", [*REPORTS, both]))], workers=0)
    items = {r.published: r for r in st.review()}
    # r13 names both; r07 (王健在北京出席座谈会) names a 王健 with no office that tells which
    assert set(items) == {D("2023-02-10"), D("2023-04-01")}
    assert "two persons" in items[D("2023-02-10")].reason and len(items[D("2023-02-10")].candidates) == 2
    assert "without a telling office" in items[D("2023-04-01")].reason
    assert len(st.person("王健")) == 2
    st.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not an SQLite file at all" * 100)
    with pytest.raises(StoreError) as e:
        open_store(bad)
    assert e.value.code == "E406" and str(bad) in e.value.input
    with pytest.raises(StoreError) as e:
        open_store(tmp_path / "no" / "such" / "dir" / "x.db")
    assert e.value.code == "E401"


def test_a_person_is_listed_once_an_event_whatever_the_reports_say(store_target, tmp_path):  # noqa: F811
    """Two reports of one meeting that give each person another role: one entry a person, with
    the role most reports give, a tie going to the more telling (before, one entry a role)."""
    recs = [{"id": "a", "published": "2023-03-02", "title": "a",
             "text": "3月1日，浙江省委书记易炼红在杭州会见了中国石油天然气集团有限公司董事长戴厚良一行。"},
            {"id": "b", "published": "2023-03-02", "title": "b",
             "text": "3月1日，中国石油天然气集团有限公司董事长戴厚良在杭州会见浙江省委书记易炼红。"}]
    st = open_store(store_target)
    try:
        st.ingest([str(write_jsonl(tmp_path / "two.jsonl", recs))], workers=0)
        (ev,) = st.events()
        assert len(ev.sources) == 2
        names = [p["name"] for p in ev.participants]
        assert sorted(names) == ["戴厚良", "易炼红"]
        assert {p["role"] for p in ev.participants} == {"host"}
    finally:
        st.close()


def _day_report(rid: str, text: str) -> dict:
    """A report published on 2023-03-03 (the day after the meetings it tells)."""
    return {"id": rid, "published": "2023-03-03", "title": rid, "text": text}


def _days_events(target, tmp_path, reports):
    """Ingest ``reports`` and return the events of 易炼红 on 2023-03-02."""
    with open_store(target) as st:
        st.ingest([str(write_jsonl(tmp_path / "day.jsonl", reports))], workers=0)
        return st.events(date_from=D("2023-03-02"), date_to=D("2023-03-02"), person="易炼红")


def test_one_delegation_calling_on_two_bodies_in_a_day_is_two_events(store_target, tmp_path):  # noqa: F811
    """Two reports of the call on 国家电网 are one event; the call on 中国石化 the same day, by the
    same leaders, is another (the bodies visited differ)."""
    reports = [
        _day_report("grid-1", "3月2日，浙江省委书记易炼红、省长王浩在京拜会国家电网有限公司董事长辛保安，双方就深化战略合作进行交流。"),
        _day_report("grid-2", "3月2日，浙江省委书记易炼红，省委副书记、省长王浩一行在北京拜会国家电网有限公司董事长辛保安。"),
        _day_report("sinopec", "3月2日，浙江省委书记易炼红、省长王浩在京拜会中国石油化工集团有限公司董事长马永生，双方就能源合作进行交流。"),
    ]
    calls = _days_events(store_target, tmp_path, reports)
    assert len(calls) == 2
    assert sorted(len(e.sources) for e in calls) == [1, 2]


def test_a_leaders_meetings_of_one_day_are_not_chained(store_target, tmp_path):  # noqa: F811
    """A leader meets three visitors in one city on one day; two reports tell the first meeting,
    and two more name only the leader (a standing committee meeting, guests not named). Before,
    those two linked every meeting through the leader and the day was one event of six reports;
    each meeting is its own event now, and the two reports of the first are one."""
    reports = [
        _day_report("cnpc-1", "3月2日上午，浙江省委书记易炼红在杭州会见了中国石油天然气集团有限公司董事长戴厚良一行。"),
        _day_report("cnpc-2", "3月2日，中国石油天然气集团有限公司董事长戴厚良在杭州会见浙江省委书记易炼红。"),
        _day_report("grid", "3月2日下午，浙江省委书记易炼红在杭州会见国家电网有限公司董事长辛保安一行。"),
        _day_report("sinopec", "3月2日晚，浙江省委书记易炼红在杭州会见中国石油化工集团有限公司董事长马永生一行。"),
        _day_report("standing", "3月2日，浙江省委书记易炼红在杭州主持召开省委常委会会议，传达学习全国两会精神。"),
        _day_report("guests", "3月2日，浙江省委书记易炼红在杭州会见了来浙考察的企业家代表。"),
    ]
    day = _days_events(store_target, tmp_path, reports)
    visitors = {"戴厚良", "辛保安", "马永生"}
    met = [{p["name"] for p in e.participants} & visitors for e in day]
    assert sorted(len(m) for m in met if m) == [1, 1, 1]
    (cnpc,) = [e for e, m in zip(day, met, strict=True) if "戴厚良" in m]
    assert {"cnpc-1", "cnpc-2"} <= {s.title for s in cnpc.sources}

