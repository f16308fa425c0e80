"""Writing sentences from units: the roundup's sections and the digest's items.

Every sentence is a template (``data/templates.tsv``) filled with pieces read from reports
(:mod:`ganbu.brief.facts`); :class:`Writer` remembers who was already named with a title in the
current section, so a title is written once (浙江省委书记易炼红 … 易炼红).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lang.places import province_division
from .facts import Amount, Body, Person, Unit
from .records import Section, Sentence
from .tables import has_template, template, words
from .text import Piece, Sourcer, fact, fill, fmt_amount, fmt_dates, join, lit

__all__ = ["Writer", "province_short", "sum_amounts"]


def province_short(name: str) -> str:
    """浙江省 → 浙江 (the name as written when it is no province)."""
    d = province_division(name)
    return d.short if d and d.short else name


def _with_title(title: Piece, names: list[Piece]) -> Piece:
    return title + join(names)


@dataclass
class Writer:
    src: Sourcer
    titled: set[tuple] = field(default_factory=set)
    told: set[str] = field(default_factory=set)   # shared topics already written in the section
    central: frozenset[str] = field(default_factory=lambda: frozenset(words("central_kind")))

    # ------------------------------------------------------------ people
    def people(self, persons: Iterable[Person], *, titles: bool = True) -> Piece:
        """Names, each with its title the first time; people with the same title are written
        under it once (国务院国资委党委委员、副主任翁杰明、袁野)."""
        groups: list[tuple[Piece, list[Piece]]] = []
        for p in persons:
            title = p.title_piece if titles and p.key not in self.titled else Piece()
            self.titled.add(p.key)
            if groups and title.text and groups[-1][0].text == title.text:
                groups[-1] = (groups[-1][0] + Piece([], title.facts), groups[-1][1] + [p.name_piece])
            else:
                groups.append((title, [p.name_piece]))
        sep = "sep.group" if any("、" in t.text for t, _ in groups) else "sep.list"
        return join((_with_title(t, ns) for t, ns in groups), sep)

    def sentence(self, piece: Piece) -> Sentence | None:
        return self.src.sentence(piece)

    # ------------------------------------------------------------ one unit
    def _at(self, u: Unit) -> Piece:
        return fill("at_place", place=u.place_piece) if u.place_piece else Piece()

    def _date(self, units: list[Unit]) -> Piece:
        first = min(u.date for u in units)
        last = max((u.date_end or u.date) for u in units)
        return Piece(lit(fmt_dates(first, last)).segments, [f for u in units for f in u.date_facts])

    def activity(self, units: list[Unit], leads: list[Person], *, dated: bool = True) -> Piece:
        """One sentence for units of one kind on one day by the same people."""
        u = units[0]
        bodies = join(b.surface for x in units for b in x.bodies)
        slots: dict[str, Piece | str] = {"actors": self.people(leads), "at_place": self._at(u), "bodies": bodies}
        kind = u.kind if u.kind != "meeting" or not bodies else "meet"
        key = f"activity.{kind}"
        if u.kind == "signing":
            local = [p for p in u.parties if p.kind not in self.central]
            if len(local) == 1 and len(u.parties) > 1:
                key = "activity.signing.between"
                slots["party"] = local[0].surface
                slots["parties"] = join(p.surface for p in u.parties if p is not local[0])
            else:
                slots["parties"] = join(p.surface for p in u.parties)
        if u.what is not None:
            slots["what"] = u.what
        if u.guests and u.kind == "meeting" and u.what is None and not bodies:
            key = "activity.meeting.guests"
            slots["guests"] = self.people(u.guests)
        needs = {"what": u.what is not None, "bodies": bool(bodies)}
        if key in ("activity.signing.between", "activity.meeting.guests"):
            key = key if u.what or key.endswith("guests") else "activity.signing.nowhat"
        else:
            key = _variant(key, needs)
        body = fill(key, **slots)
        return fill("dated", date=self._date(units), sentence=body) if dated else body

    def heads(self, units: list[Unit]) -> Piece | None:
        bodies = [b for u in units for b in u.bodies if b.heads]
        heads = [p for b in bodies for p in b.heads]
        if not heads:
            return None
        return fill("heads.n" if len(bodies) > 1 else "heads.1", heads=self.people(heads))

    def chair(self, u: Unit) -> Piece | None:
        return fill("chair", chair=self.people(u.chair)) if u.chair else None

    def topics(self, units: list[Unit]) -> list[Piece]:
        out = []
        shared: dict[str, Piece] = {}
        for u in units:
            for t in u.shared_topics:
                if t.text not in self.told:
                    shared.setdefault(t.text, t)
        self.told |= set(shared)
        if shared:
            out.append(fill("topics", topics=join(shared.values())))
        with_topics = [u for u in units if u.topics and u.body is not None]
        for u in with_topics:
            assert u.body is not None
            if len(units) > 1:
                out.append(fill("topics.body", body=u.body.surface, topics=join(u.topics)))
            else:
                out.append(fill("topics", topics=join(u.topics)))
        return out

    def amounts(self, amounts: list[Amount]) -> Piece | None:
        if not amounts:
            return None
        return fill("amounts", amounts=join((a.piece for a in amounts), "sep.clause"))

    # ------------------------------------------------------------ a section
    def section(self, key: str, units: list[Unit], heading: Piece | None, *, dated: bool = True,
                companions_of: str | None = None) -> Section:
        """Sentences for the units of one section (a province, or a day of a digest)."""
        self.titled, self.told = set(), set()
        head = self.sentence(heading) if heading is not None else None
        paragraphs: list[list[Sentence]] = []
        leads_all: set[tuple] = set()
        companions: dict[tuple, Person] = {}
        for group in _groups(units):
            leads, rest = _leads(group)
            leads_all |= {p.key for p in leads}
            for p in rest:
                companions.setdefault(p.key, p)
            pieces = [self.activity(group, leads, dated=dated), self.heads(group), *self.topics(group)]
            if group[0].kind == "signing":
                pieces.append(self.amounts([a for u in group for a in u.amounts]))
            pieces += [self.chair(u) for u in group]
            para = [s for s in map(self._maybe, pieces) if s is not None]
            if para:
                paragraphs.append(para)
        rest = [p for k, p in companions.items() if k not in leads_all]
        if rest and companions_of and paragraphs:
            s = self.sentence(fill("companions", province=province_short(companions_of),
                                   companions=self.people(report_order(rest))))
            if s is not None:
                paragraphs[0].append(s)
        return Section(key, head, paragraphs)

    def _maybe(self, piece: Piece | None) -> Sentence | None:
        return self.sentence(piece) if piece else None


def report_order(persons: list[Person]) -> list[Person]:
    """People in the order of the report that names most of them (its protocol order); those it
    does not name after them, by rank."""
    where: dict[int, dict[tuple, int]] = {}
    for p in persons:
        for f in p.name_piece.facts:
            where.setdefault(f.document_id, {}).setdefault(p.key, f.start)
    if not where:
        return sorted(persons, key=lambda p: p.rank)
    ref = max(where, key=lambda d: (len(where[d]), -d))
    return sorted(persons, key=lambda p: (p.key not in where[ref], where[ref].get(p.key, 0), p.rank))


def _variant(key: str, needs: dict[str, bool]) -> str:
    """The template for what the unit has: ``activity.talks.nobody`` when no body is named …"""
    tpl = template(key)
    missing = [slot for slot, have in needs.items() if f"{{{slot}}}" in tpl and not have]
    if not missing:
        return key
    for alt in (f"{key}.no{missing[0]}", f"{key}.nowhat", f"{key}.nobody"):
        if has_template(alt) and all(f"{{{m}}}" not in template(alt) for m in missing):
            return alt
    base = key.split(".")[0] + ".other"
    return f"{base}.nowhat" if needs.get("what") is False else base


def _leads(units: list[Unit]) -> tuple[list[Person], list[Person]]:
    """Who leads (the top leaders, else the two most senior) and who goes with them."""
    actors: dict[tuple, Person] = {}
    for u in units:
        for p in u.actors:
            actors.setdefault(p.key, p)
    ranked = sorted(actors.values(), key=lambda p: p.rank)
    tops = [p for p in ranked if p.top]
    leads = tops or ranked[:2]
    keys = {p.key for p in leads}
    return leads, [p for p in ranked if p.key not in keys]


def _groups(units: list[Unit]) -> list[list[Unit]]:
    """Units told in one sentence: visits of one day by the same leaders; others alone."""
    out: list[list[Unit]] = []
    index: dict[tuple, int] = {}
    for u in sorted(units, key=lambda x: (x.body is None, x.kind == "signing", x.date)):
        if u.body is not None:
            leads = frozenset(p.key for p in _leads([u])[0])
            key = (u.date, u.date_end, u.kind, leads)
            if key in index:
                out[index[key]].append(u)
                continue
            index[key] = len(out)
        out.append([u])
    return out


def sum_amounts(amounts: Iterable[Amount]) -> tuple[float, str, str] | None:
    """The total of the amounts that are not parts of another (其中 …), in one currency, with
    the loosest qualifier (约 when any is approximate, 超过 when any is a lower bound)."""
    top = [a for a in amounts if not a.nested]
    if not top or len({a.unit for a in top}) != 1:
        return None
    seen: dict[tuple, Amount] = {}
    for a in top:
        seen.setdefault((a.value, a.unit), a)
    quals = {a.qualifier for a in seen.values()}
    qual = "approximate" if quals & {"approximate", "range"} else "at_least" if "at_least" in quals else \
        "at_most" if quals == {"at_most"} else "exact"
    return sum(a.value for a in seen.values()), top[0].unit, qual


def total_piece(amounts: list[Amount]) -> Piece | None:
    """The sum as written (``3732亿元``) with the spans of its parts; a single amount as written."""
    total = sum_amounts(amounts)
    if total is None:
        return None
    parts = [a for a in amounts if not a.nested]
    if len({(a.value, a.unit) for a in parts}) == 1:
        return parts[0].amount
    return Piece(lit(fmt_amount(*total)).segments, [f for a in parts for f in a.amount.facts])


def body_names(bodies: Iterable[Body]) -> Piece:
    seen: dict[str, Body] = {}
    for b in bodies:
        seen.setdefault(b.canonical, b)
    return join(b.surface for b in seen.values())


def person_names(persons: Iterable[Person]) -> Piece:
    seen: dict[tuple, Person] = {}
    for p in persons:
        seen.setdefault(p.key, p)
    return join(p.name_piece for p in seen.values())


def province_piece(name: str, persons: Iterable[Person]) -> Piece:
    """A province's short name, sourced by the titles that place its people there."""
    facts = [f for p in persons for f in p.title_piece.facts]
    return Piece(fact(province_short(name), []).segments, facts)
