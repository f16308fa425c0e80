"""``ganbu export``: tables in JSON Lines, CSV and Parquet, and Popolo JSON; ``open_store`` frames."""
from __future__ import annotations

import csv
import json

import pytest

from ganbu.store import open_store
from ganbu.store.export import TABLES
from test_store_support import REPORTS, store_target, write_jsonl  # noqa: F401


@pytest.fixture
def store(store_target, tmp_path):  # noqa: F811
    st = open_store(store_target)
    st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
    yield st
    st.close()


def test_jsonl_and_csv_tables(store, tmp_path):
    files = store.export(tmp_path / "j", "jsonl")
    assert sorted(p.rsplit("/", 1)[1] for p in files) == sorted(f"{t}.jsonl" for t in TABLES)
    people = [json.loads(x) for x in (tmp_path / "j" / "people.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(p["name"] for p in people if p["name"] == "王健") == ["王健", "王健"]
    sources = [json.loads(x) for x in (tmp_path / "j" / "sources.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(sources) == len(REPORTS) and all(len(s["key"]) == 64 for s in sources)
    store.export(tmp_path / "c", "csv")
    with open(tmp_path / "c" / "positions.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    wang = [r for r in rows if r["name"] == "王浩" and r["role"] == "省长"]
    assert wang and wang[0]["organization"] == "浙江省人民政府"


def test_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    store.export(tmp_path / "p", "parquet")
    t = pq.read_table(tmp_path / "p" / "events.parquet")
    assert t.num_rows == store.stats()["events"]
    assert "date_start" in t.column_names


def test_popolo(store, tmp_path):
    (path,) = store.export(tmp_path / "pop", "popolo")
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    assert set(doc) == {"persons", "organizations", "posts", "memberships", "events"}
    wang = next(p for p in doc["persons"] if p["name"] == "王浩")
    ms = [m for m in doc["memberships"] if m["person_id"] == wang["id"]]
    governor = [m for m in ms if m["role"] == "省长"]
    assert governor and governor[0]["start_date"] and governor[0]["end_date"]
    post_ids = {p["id"] for p in doc["posts"]}
    assert all(m["post_id"] in post_ids for m in doc["memberships"])
    meeting = [e for e in doc["events"] if len(e["sources"]) == 2]
    assert meeting and {a["name"] for a in meeting[0]["attendees"]} >= {"易炼红", "戴厚良"}


def test_open_store_frames(store):
    pd = pytest.importorskip("pandas")
    df = store.who("浙江省长", on="2023-03-01", frame=True)
    assert isinstance(df, pd.DataFrame) and list(df["name"]) == ["王浩"]
