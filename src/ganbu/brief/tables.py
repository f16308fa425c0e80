"""The briefings' data: sentence templates (``data/templates.tsv``), word lists
(``data/words.tsv``) and office ranks (``data/ranks.tsv``), read once."""
from __future__ import annotations

import string
from dataclasses import dataclass
from functools import cache

from ..errors import DataError
from ..lang.tables import rows

__all__ = ["Rank", "has_template", "rank_of", "template", "words"]

PKG = "ganbu.brief"


@cache
def _templates() -> dict[str, str]:
    out = {r["key"]: r["template"] for r in rows(PKG, "templates.tsv")}
    for key, tpl in out.items():
        try:
            list(string.Formatter().parse(tpl))
        except ValueError as exc:
            raise DataError(f"template {key!r} is malformed: {exc}", "templates.tsv") from exc
    return out


def template(key: str) -> str:
    """The template ``key``; a missing one is an installation problem (E301)."""
    try:
        return _templates()[key]
    except KeyError:
        raise DataError(f"no template {key!r}", "templates.tsv") from None


def has_template(key: str) -> bool:
    return key in _templates()


@cache
def _words() -> dict[str, tuple[str, ...]]:
    return {r["list"]: tuple(r["words"].split()) for r in rows(PKG, "words.tsv")}


def words(name: str) -> tuple[str, ...]:
    try:
        return _words()[name]
    except KeyError:
        raise DataError(f"no word list {name!r}", "words.tsv") from None


@dataclass(frozen=True, slots=True)
class Rank:
    rank: int
    top: bool


@cache
def _ranks() -> dict[tuple[str, str, str], Rank]:
    out = {}
    for r in rows(PKG, "ranks.tsv"):
        try:
            out[(r["level"], r["kind"], r["role"])] = Rank(int(r["rank"]), r["top"] == "1")
        except ValueError as exc:
            raise DataError(f"bad rank row {r!r}", "ranks.tsv") from exc
    return out


def rank_of(level: str, kind: str | None, role: str) -> Rank:
    """The rank of an office: the most specific row of ranks.tsv that matches."""
    table = _ranks()
    for key in ((level, kind or "*", role), (level, "*", role), ("*", "*", "*")):
        if key in table:
            return table[key]
    return Rank(99, False)
