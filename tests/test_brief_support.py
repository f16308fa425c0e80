"""Shared helpers of the briefing tests (imported by tests/test_brief_*.py; holds no test).

- :func:`assert_sourced`: every sentence of a briefing has sources; every source is a span of
  its report; every fact the sentence was built from is read from a span inside one of the
  sentence's sources and equals the report's text there; every name written is such a fact;
- :func:`sentence_with`: the sentences that state all of some strings, and a check that one of
  their sources holds each string.
"""
from __future__ import annotations

from pathlib import Path

from ganbu.lang.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(__file__).resolve().parents[2] / "shared"


def texts_of(st, briefing_or_patterns) -> dict[int, str]:
    ids = set()
    for s in _sentences(briefing_or_patterns):
        ids |= {r.document_id for r in s.sources}
        ids |= {f.document_id for f in getattr(s, "facts", [])}
    return {i: normalize(d.text) for i, d in st.brief_documents(sorted(ids)).items()}


def _sentences(obj):
    return obj.sentences() if hasattr(obj, "sentences") else list(obj)


def assert_sourced(st, briefing) -> int:
    """Check every sentence; returns how many were checked."""
    texts = texts_of(st, briefing)
    n = 0
    for s in briefing.sentences():
        n += 1
        assert s.sources, f"no source: {s.text}"
        for r in s.sources:
            assert r.document_id in texts, (s.text, r)
            assert 0 <= r.start < r.end <= len(texts[r.document_id]), (s.text, r)
        for f in s.facts:
            inside = [r for r in s.sources if r.document_id == f.document_id and r.start <= f.start
                      and f.end <= r.end]
            assert inside, f"fact {f} of {s.text!r} is in none of its sources"
            if f.text is not None:
                assert texts[f.document_id][f.start:f.end] == f.text, (s.text, f)
        stated = {f.text for f in s.facts}
        for seg in s.segments:
            if seg.person_id is not None:
                assert seg.text in stated, f"name {seg.text} of {s.text!r} is no fact"
    return n


def sentence_with(st, scope, *needles: str):
    """The first sentence of ``scope`` (a briefing, a section or a list of sentences) stating
    every needle, after checking that its sources hold each one."""
    sentences = _sentences(scope) if not hasattr(scope, "paragraphs") else \
        [x for para in scope.paragraphs for x in para]
    texts = texts_of(st, sentences)
    for s in sentences:
        if all(x in s.text for x in needles):
            for x in needles:
                assert any(x in texts[r.document_id][r.start:r.end] for r in s.sources), \
                    f"{x} is in no footnote span of {s.text!r}"
            return s
    raise AssertionError(f"no sentence states {needles}")
