"""The people layer as one stage: normalised text → places, organisations, titled mentions,
persons with explicit positions.

``read_people`` is what the pipeline calls; the events layer reads its result.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lang import places as _places
from ..lang.normalize import normalize
from ..model import Organization, Person
from . import orgs as _orgs
from . import titles as _titles
from .persons import build_people
from .positions import PositionMaker
from .types import TitledMention

__all__ = ["PeopleLayer", "read_people"]


@dataclass(slots=True)
class PeopleLayer:
    people: list[Person]
    organizations: list[Organization]
    org_mentions: list[_orgs.OrgMention]       # lexicon and local bodies, by start
    places: list[_places.PlaceMention]
    titled: list[TitledMention]


def read_people(s: str, published: str | None, *, title: str | None = None,
                authors: list[tuple[str, int, int]] = (), skip: list[tuple[int, int]] = ()) -> PeopleLayer:
    """Read the people and organisations of the normalised text ``s``."""
    places = _places.find_places(s)
    org_mentions = _orgs.find_orgs(s, as_of=published)
    countries = _places.find_countries(s)
    protected = [(m.start, m.end) for m in org_mentions] + [(p.start, p.end) for p in places]
    protected += [(a, b) for a, b, _ in countries]
    parse = _titles.parse(s, protected, countries=countries)
    ctx = _places.Context(places, _places.find_places(normalize(title)) if title else ())
    maker = PositionMaker(ctx, _orgs.alias_index(published), _generic_resolver(s, parse.stops), place_of,
                          text=s, as_of=published)
    people = build_people(s, parse.mentions, maker, list(authors), list(skip))
    local = _orgs.find_local_bodies(s, places, ctx)
    taken = {(m.start, m.end) for m in org_mentions}
    all_orgs = sorted(org_mentions + [m for m in local if (m.start, m.end) not in taken], key=lambda m: m.start)
    return PeopleLayer(people, _orgs.group(all_orgs), all_orgs, places, parse.mentions)


def _generic_resolver(s: str, stops):
    """组委会, 大会主席团: an organisation named by its kind → the full name written before it."""
    def resolve(head: str, before: int) -> str | None:
        idx = s.rfind(head, 0, before)
        while idx != -1:
            end = idx + len(head)
            lo = max(0, idx - _titles.MAX_PREFIX)
            seg_start = lo
            for k in range(idx - 1, lo - 1, -1):
                if s[k] in "，。；！？：\n（）“”、":
                    seg_start = k + 1
                    break
            cand = s[stops.last_stop_end(seg_start, idx) : end]
            if len(cand) > len(head) + 1:
                return cand
            idx = s.rfind(head, 0, idx)
        return None

    return resolve


@lru_cache(maxsize=8192)
def place_of(base: str) -> str | None:
    """The place a title's organisation starts with; the most specific of the places written one
    after another (宁夏固原市隆德县委 → 隆德县). Keyed by the organisation text, so the cache is
    shared by every document of a corpus."""
    found = _places.find_places(base)
    if found and found[0].start == 0:
        last = found[0]
        for f in found[1:]:
            if f.start == last.end:
                last = f
        return last.division.name
    return None
