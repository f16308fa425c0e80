"""Sources as data: the ``sources`` table (add, list, remove) and the shipped starter list.

A source is a URL and its kind: ``feed`` (RSS/Atom), ``sitemap`` (a sitemap or sitemap index)
or ``list`` (an HTML page that links to reports), with a name, a province and, for list pages,
the pattern its report links follow (a regular expression searched in the absolute URL). The
starter list is ``ganbu/collect/data/sources.tsv``: provincial party papers, government portals,
ministry and SASAC news pages. It was written from what these sites published and could not be
checked from the machine it was made on (no network there): every entry is marked unverified
until a collect run has polled it successfully.
"""
from __future__ import annotations

import csv
import re
import time
from dataclasses import asdict, dataclass
from importlib import resources
from urllib.parse import urlsplit

from sqlalchemy import Connection, delete, or_, select

from ..errors import DataError
from ..store import schema as S
from ..store.writer import insert_ignore
from .errors import BadSource, NoSuchSource

__all__ = ["KINDS", "SourceRow", "StarterEntry", "add_source", "find_sources", "guess_kind", "list_sources",
           "load_starter", "remove_source"]

KINDS = ("feed", "sitemap", "list")


@dataclass(slots=True)
class SourceRow:
    id: int
    url: str
    kind: str
    name: str | None
    province: str | None
    link_pattern: str | None
    enabled: bool
    note: str | None

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def label(self) -> str:
        return self.name or self.url


@dataclass(slots=True, frozen=True)
class StarterEntry:
    name: str
    province: str | None
    kind: str
    url: str
    link_pattern: str | None
    note: str


def guess_kind(url: str) -> str:
    """``sitemap`` for a URL naming a sitemap, ``feed`` for one naming RSS/Atom/XML, else ``list``."""
    path = urlsplit(url).path.lower()
    if "sitemap" in path:
        return "sitemap"
    if re.search(r"(rss|atom|feed)|\.xml$", path):
        return "feed"
    return "list"


def check_source(url: str, kind: str, pattern: str | None) -> None:
    """Raise :class:`BadSource` (E501) for a URL that is not http(s), an unknown kind or a bad pattern."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadSource("not an http(s) URL", url)
    if kind not in KINDS:
        raise BadSource(f"unknown kind {kind!r} (feed, sitemap or list)", url)
    if pattern:
        try:
            re.compile(pattern)
        except re.error as e:
            raise BadSource(f"the link pattern is no regular expression ({e})", url) from None


def add_source(conn: Connection, url: str, kind: str | None = None, name: str | None = None,
               province: str | None = None, link_pattern: str | None = None, note: str | None = None,
               now: float | None = None) -> bool:
    """Add a source (True) or leave an existing one with this URL as it is (False)."""
    kind = kind or guess_kind(url)
    check_source(url, kind, link_pattern)
    row = {"url": url, "kind": kind, "name": name, "province": province, "link_pattern": link_pattern or None,
           "enabled": True, "added_at": time.time() if now is None else now, "note": note}
    res = conn.execute(insert_ignore(conn, S.sources, ["url"]), [row])
    return bool(res.rowcount)


def _row(r) -> SourceRow:
    return SourceRow(r.id, r.url, r.kind, r.name, r.province, r.link_pattern, bool(r.enabled), r.note)


def list_sources(conn: Connection) -> list[SourceRow]:
    return [_row(r) for r in conn.execute(select(S.sources).order_by(S.sources.c.id))]


def find_sources(conn: Connection, which: list[str]) -> list[SourceRow]:
    """Sources named by URL, name, province or ``#ID``; raises :class:`NoSuchSource` (E502)."""
    out: dict[int, SourceRow] = {}
    c = S.sources.c
    for w in which:
        if w.startswith("#") and w[1:].isdigit():
            cond = c.id == int(w[1:])
        else:
            cond = or_(c.url == w, c.name == w, c.province == w)
        rows = [_row(r) for r in conn.execute(select(S.sources).where(cond).order_by(c.id))]
        if not rows:
            raise NoSuchSource("no such source (give its URL, name, province or #ID; see ganbu sources list)", w)
        out.update((r.id, r) for r in rows)
    return sorted(out.values(), key=lambda r: r.id)


def remove_source(conn: Connection, which: str) -> list[SourceRow]:
    """Remove the sources ``which`` names, with their polls and listings; the reports they
    brought stay (their ``fetches`` rows keep the URL, without the source)."""
    rows = find_sources(conn, [which])
    ids = [r.id for r in rows]
    conn.execute(S.fetches.update().where(S.fetches.c.source_id.in_(ids)).values(source_id=None))
    for table in (S.source_polls, S.listings):
        conn.execute(delete(table).where(table.c.source_id.in_(ids)))
    conn.execute(delete(S.sources).where(S.sources.c.id.in_(ids)))
    return rows


def load_starter() -> list[StarterEntry]:
    """The shipped starter list (``data/sources.tsv``: name, province, kind, url, link_pattern, note)."""
    path = resources.files("ganbu.collect").joinpath("data/sources.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"cannot read the starter list ({e})", str(path)) from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for i, rec in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        try:
            entry = StarterEntry(rec["name"], rec["province"] or None, rec["kind"], rec["url"],
                                 rec["link_pattern"] or None, rec["note"])
            check_source(entry.url, entry.kind, entry.link_pattern)
        except (KeyError, TypeError, BadSource) as e:
            raise DataError(f"bad entry on data line {i}: {e}", "ganbu/collect/data/sources.tsv") from None
        out.append(entry)
    return out
