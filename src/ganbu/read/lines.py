"""Small text helpers shared by the metadata finders: lines, span merging, keyword alternations."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..errors import DataError

__all__ = ["Alternation", "alternation", "label_words", "line_bounds", "merge_spans", "words"]

_EOL = re.compile(r"[\r\n]")

Alternation = tuple[set[str], str]  # (possible first characters, regex body)


def words(s: str) -> frozenset[str]:
    """The space-separated words of ``s`` (word lists are written as one string)."""
    return frozenset(s.split())


@cache
def _labels() -> dict[str, str]:
    try:
        raw = resources.files("ganbu.read").joinpath("data", "labels.tsv").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"bundled data file missing or unreadable: {exc}", "labels.tsv") from exc
    rows = [ln.split("\t") for ln in raw.splitlines() if ln and not ln.startswith("#")]
    if not rows or rows[0] != ["list", "words"] or any(len(r) != 2 for r in rows):
        raise DataError("expected two tab-separated columns: list, words", "labels.tsv")
    return {r[0]: r[1] for r in rows[1:]}


def label_words(name: str) -> str:
    """The words of list ``name`` of ``read/data/labels.tsv``, space-separated as written there."""
    return _labels()[name]


def alternation(literals: str, extra: str = "", first: str = "") -> Alternation:
    """``(possible first characters, regex body)`` for any of ``literals`` (space-separated)
    or the regex ``extra`` (whose possible first characters are ``first``). The first
    characters let one scanning regex skip ahead with a lookahead."""
    lits = literals.split()
    body = "|".join(re.escape(w) for w in sorted(lits, key=len, reverse=True))
    if extra:
        body += "|" + extra
    return {w[0] for w in lits} | set(first), body


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """``[start, end)`` of the line holding ``pos`` (``\\r``, ``\\n`` and ``\\r\\n`` end lines)."""
    nl = text.rfind("\n", 0, pos)
    ls = max(nl, text.rfind("\r", nl + 1, pos)) + 1
    m = _EOL.search(text, pos)
    return ls, (m.start() if m else len(text))


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint, non-empty ``[start, end)`` ranges covering ``spans``."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
