"""No sentence without a source, over 20 briefings (10 roundups, 10 digests) and their patterns
written from real reports: the bulk stories of 2023-01 … 2023-06 (../shared/corpus/bulk, read
at test time, never copied) ingested into a fresh store. Skips when ../shared is absent."""
from __future__ import annotations

import datetime as dt
import json

import pytest

import ganbu
from ganbu.brief import brief, patterns
from test_brief_support import SHARED, assert_sourced, texts_of

BULK = SHARED / "corpus" / "bulk" / "xwlb_2022_2023.jsonl"
FIRST, LAST = "2023-01-01", "2023-06-30"


@pytest.fixture(scope="module")
def bulk_store(tmp_path_factory):
    if not BULK.exists():
        pytest.skip(f"{BULK} is absent")
    d = tmp_path_factory.mktemp("bulk")
    lines = [ln for ln in BULK.read_text(encoding="utf-8").splitlines()
             if FIRST <= json.loads(ln)["published"] <= LAST]
    (d / "half.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    st = ganbu.open_store(str(d / "bulk.db"))
    st.ingest([str(d / "half.jsonl")])
    yield st
    st.close()


WINDOWS = [(dt.date(2023, 1, 1) + dt.timedelta(days=9 * i), dt.date(2023, 1, 1) + dt.timedelta(days=9 * i + 13))
           for i in range(20)]


@pytest.mark.parametrize("i", range(20))
def test_every_sentence_of_a_briefing_from_real_reports_has_its_source(bulk_store, i):
    d0, d1 = WINDOWS[i]
    b = brief(bulk_store, d0, d1, style="roundup" if i % 2 else "digest")
    assert b.sentences() or b.note
    assert_sourced(bulk_store, b)
    md = b.to_markdown()
    for n in range(1, len(b.footnotes()) + 1):
        assert f"[^{n}]:" in md


def test_the_patterns_of_real_reports_have_their_sources(bulk_store):
    found = patterns(bulk_store, FIRST, LAST, limit=10)
    assert {p.kind for p in found} >= {"change", "quiet"}
    texts = texts_of(bulk_store, [type("S", (), {"sources": p.sources})() for p in found])
    for p in found:
        assert p.sources, p.title
        for r in p.sources:
            assert 0 <= r.start < r.end <= len(texts[r.document_id])
