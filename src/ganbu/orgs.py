"""Organisation mentions from the lexicon (``orgs.tsv``: canonical names, short names, validity)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .document import Organization
from .lexicon import Org, org_alias_index


@dataclass(slots=True, frozen=True)
class OrgMention:
    start: int
    end: int
    surface: str
    org: Org


@lru_cache(maxsize=8)
def alias_index(as_of: str | None = None) -> dict[str, Org]:
    return org_alias_index(as_of)


@lru_cache(maxsize=8)
def _automaton(as_of: str | None) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for surface, org in alias_index(as_of).items():
        if len(surface) >= 2:
            a.add_word(surface, (surface, org))
    a.make_automaton()
    return a


def find_orgs(s: str, as_of: str | None = None) -> list[OrgMention]:
    out = []
    for end_idx, (surface, org) in _automaton(as_of).iter_long(s):
        out.append(OrgMention(end_idx + 1 - len(surface), end_idx + 1, surface, org))
    return out


def group(mentions: list[OrgMention]) -> list[Organization]:
    by: dict[str, Organization] = {}
    for m in mentions:
        o = by.get(m.org.canonical)
        if o is None:
            o = by[m.org.canonical] = Organization(id=f"o{len(by) + 1}", name=m.surface, canonical=m.org.canonical, kind=m.org.kind)
        o.mentions.append((m.start, m.end))
    return list(by.values())
