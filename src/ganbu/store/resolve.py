"""Resolution across reports: mentions → persons (and then events and spells).

The resolver is one replaceable pure function, :func:`resolve_name`, given every mention of one
name (its date, its offices, the organisations and provinces of its report) and returning
clusters (one per person) and the mentions it could not decide. The rules:

1. **Office groups.** Mentions that share an office (``浙江省人民政府 省长``) are one person; so are
   offices named together for one mention (``浙江省委副书记、省长``, or ``原辽宁省副省长`` next to a
   new office). Each group has a time span (first and last report date of its current offices)
   and a *sector* (:attr:`Office.sector`: a province, one enterprise, or the central organs;
   membership posts such as 全国政协委员 or 人大代表 are held beside any office and have none).
   Offices of two sectors named for one mention are not joined (the extractor merges the
   namesakes of one report).
2. **Persons.** Groups are taken in order of first date; a group joins a person when it is
   *compatible* with every group of that person: no time overlap of more than
   :data:`OVERLAP_DAYS` unless they share a sector (executive offices in two sectors at the
   same time are two people: 王健 of Liaoning and 王健 of a central SOE), and, when it is in a
   sector the person never served in, the reports show the person's office ended when it begins
   (a removal, or a successor in a single-holder office, seen within :data:`MOVE_GAP_DAYS` of
   its first report; :func:`_moved`): a namesake merely first seen soon after the other's last
   report is another person. When only the dates fit a move (a removal published weeks after
   the group's first report, or before it while the group is never reported as an appointment),
   a namesake fits them as well: the group's mentions, and the bare ones its reports would
   explain, are *ambiguous* (``ganbu review``), never merged by guess. A group compatible
   with several persons joins the one that shares an organisation or province with it; when
   none or several do, its mentions are *ambiguous* (listed by ``ganbu review``, not merged).
3. **Bare mentions** (a name without office) join the only person of the name; with several,
   the one whose organisations or provinces the report names, else the only one active (±1
   year) at the report's date; otherwise ambiguous. A name never seen with an office is one
   person.

:func:`update` applies it to every name marked dirty by ingest or reextract, keeps person ids
stable (a new cluster takes the id most of its mentions had), then regroups events
(:mod:`ganbu.store.events`) and recomputes position spells (:mod:`ganbu.store.spells`).
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, and_, bindparam, delete, func, select
from sqlalchemy import update as sa_update

from . import schema as S
from .db import advisory_lock, write
from .writer import chunked

__all__ = ["NEUTRAL_ROLE_SUFFIXES", "OVERLAP_DAYS", "MentionInfo", "Resolution", "resolve_name", "update"]

OVERLAP_DAYS = 30
#: an appointment implies holding the office at least this long after it; a removal, before it
MIN_TENURE = _dt.timedelta(days=365)
#: join office groups of two sectors that never overlap as one career (True), or only when the
#: reports show the first office ended when the second began (False; see :func:`_moved`)
MOVES_ACROSS_SECTORS = False
#: how far apart the end of one office (a removal notice, or the handover to a successor) and the
#: first report of the next may be published and still tell one move: a notice is published
#: within weeks of the decision, the first report in the new office within weeks of the notice
MOVE_GAP_DAYS = 60
#: a removal published this close to the first report of the next office is the same decision
#: announced by the two bodies: one move. Further apart (within :data:`MOVE_GAP_DAYS`), a removal
#: tells a move only when it comes first and the next office is reported as an appointment;
#: a namesake appointed while the person still held the old office looks the same as a move
#: whose removal was announced late, so that case is undecided (ambiguous, listed for review)
MOVE_TOLD_DAYS = 3
#: roles with one holder at a time in their body: another name seen in the office after this
#: person's last sighting is a successor (副省长, 常委 … have several holders and tell nothing)
SINGLE_HOLDER_ROLES = ("书记", "省长", "市长", "主席", "部长", "主任", "董事长", "总经理", "行长", "院长",
                       "检察长", "州长", "县长", "区长", "盟长", "署长", "局长", "厅长", "委员长", "总理")
ACTIVE_SLACK = _dt.timedelta(days=365)
#: roles that are memberships held beside an office: they link but never separate
NEUTRAL_ROLE_SUFFIXES = ("委员", "代表", "常委", "成员", "顾问")
PAST = ("former",)  # held at some time before the report (a removal is evidence of holding until then)
ARRIVING, LEAVING = ("new", "current", "acting"), ("removed", "former")
HOLDING = ARRIVING

MKey = tuple[int, int]  # (document_id, idx)


MAX_ORG_CHARS = 24
#: organisation kinds above any one body (中共中央, 国务院): their posts are held beside others
UMBRELLA_KINDS = ("party_central", "state_central")


@dataclass(slots=True)
class Office:
    """An office as resolution sees it; what it derives (sector, neutral …) is computed once."""
    id: int
    org: int | None
    province: str | None
    role: str
    kind: str | None = None
    label: str = ""
    #: where the office sits: a province, or one central body (a ministry, an SOE, a bank …).
    #: One person holds executive offices in one sector at a time (辽宁省副省长 and a central
    #: SOE's general manager are two people). None (neutral): a membership (委员, 代表), a post
    #: of the umbrella bodies (中共中央, 国务院) held beside others, a bare title the extractor
    #: found no body for, or a body the lexicon does not know (often a misread boundary).
    sector: str | None = field(init=False, default=None)
    #: a membership held beside an office (委员, 代表)
    neutral: bool = field(init=False, default=False)
    #: one person holds it at a time (浙江省人民政府 省长, not 副省长)
    single_holder: bool = field(init=False, default=False)
    affiliations: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        self.neutral = self.role.endswith(NEUTRAL_ROLE_SUFFIXES)
        self.sector = self._sector()
        self.single_holder = self.sector is not None and self.role in SINGLE_HOLDER_ROLES
        if not self.neutral:
            self.affiliations = frozenset(([f"o{self.org}"] if self.org is not None else [])
                                          + ([f"p{self.province}"] if self.province else []))

    @property
    def misread(self) -> bool:
        """An organisation the extractor cut wrongly (``…冯昌铮与文化和旅游部``): a list or a clause."""
        head = self.label.rsplit(" ", 1)[0]
        return len(head) > MAX_ORG_CHARS or any(c in head for c in "、，与")

    def _sector(self) -> str | None:
        if self.neutral or self.misread:
            return None
        if self.province:
            return f"p{self.province}"
        if self.org is None or self.kind is None or self.kind in UMBRELLA_KINDS:
            return None
        return f"o{self.org}"


@dataclass(slots=True)
class MentionInfo:
    key: MKey
    date: _dt.date | None
    offices: list[tuple[Office, str]] = field(default_factory=list)  # (office, status)
    context: Set[str] = field(default_factory=frozenset)  # affiliations the report names (o<id>, p<province>)
    old_person: int | None = None


@dataclass
class Resolution:
    clusters: list[list[MKey]]
    ambiguous: list[tuple[MKey, list[int], str]]  # mention, candidate cluster indexes, reason


class _UF:
    def __init__(self) -> None:
        self.p: dict = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


@dataclass
class _Group:
    mentions: list[MentionInfo]
    first: _dt.date | None  # first and last date of holding (an appointment or removal implies a tenure)
    last: _dt.date | None
    aff: set[str]
    sectors: set[str]
    seen_first: _dt.date | None = None  # first report naming one of its offices as held
    removals: list[_dt.date] = field(default_factory=list)  # reports of removal from one of its offices
    #: single-holder office → its last report as held, and the reports naming it as held before (原…)
    held_until: dict[int, _dt.date] = field(default_factory=dict)
    formers: dict[int, list[_dt.date]] = field(default_factory=dict)
    arrived: bool = False  # a report tells the appointment to one of its offices (任…, 代…)


def _key(m: MentionInfo, office: Office) -> tuple:
    """The union key of an office: the office itself when it identifies a holder (it has a
    sector), else the mention (a neutral title such as 部长 or 全国人大代表 links nothing)."""
    return ("o", office.id) if office.sector is not None else ("m", m.key)


def _groups(titled: list[MentionInfo]) -> tuple[list[_Group], set[MKey]]:
    uf = _UF()
    m_anchor: dict[MKey, tuple] = {}
    for m in titled:
        keys = [(_key(m, o), o, s) for o, s in m.offices]
        anchor = next(((k, o, s) for k, o, s in keys if o.sector is not None), keys[0])
        uf.find(anchor[0])
        for k, o, s in keys:
            # offices named together are one person's, unless they sit in two sectors (the extractor
            # merges namesakes of one report: 华能集团总经理王健会见辽宁省副省长王健); an office left next
            # to one arrived at is the appointment telling the move: joined
            if (o.sector is None or anchor[1].sector is None or o.sector == anchor[1].sector
                    or (s in LEAVING) != (anchor[2] in LEAVING)):
                uf.union(anchor[0], k)
        m_anchor[m.key] = anchor[0]
    by: dict[tuple, list[MentionInfo]] = defaultdict(list)
    own: dict[tuple, list[tuple[MentionInfo, Office, str]]] = defaultdict(list)
    for m in titled:
        root = uf.find(m_anchor[m.key])
        by[root].append(m)
        # only the offices joined to the group count for it (not the other namesake's, merged by the extractor)
        own[root].extend((m, o, s) for o, s in m.offices if uf.find(_key(m, o)) == root)
    out = []
    for root, ms in by.items():
        offices = own[root]
        dates = [m.date for m, _, s in offices if m.date and s not in PAST]
        # an appointment means holding the office for a while after it, a removal for a while before
        dates += [m.date + MIN_TENURE for m, _, s in offices if m.date and s == "new"]
        dates += [m.date - MIN_TENURE for m, _, s in offices if m.date and s == "removed"]
        now = [o for _, o, s in offices if s not in PAST]
        aff = set().union(*(o.affiliations for o in now))
        sectors = {o.sector for o in now if o.sector is not None}
        g = _Group(ms, min(dates) if dates else None, max(dates) if dates else None, aff, sectors)
        _evidence(g, offices)
        out.append(g)
    out.sort(key=lambda g: (g.first or _dt.date.max, min(m.key for m in g.mentions)))
    split = {m.key for m in titled if len({uf.find(_key(m, o)) for o, _ in m.offices if o.sector is not None}) > 1}
    return out, split


def _evidence(g: _Group, offices: list[tuple[MentionInfo, Office, str]]) -> None:
    """What the reports say of the group's offices ending: removals, last sightings, 原…."""
    seen = [m.date for m, o, s in offices if m.date and s not in LEAVING]
    g.seen_first = min(seen) if seen else None
    for m, o, s in offices:
        if m.date is None or o.sector is None:
            continue
        if s in ("new", "acting"):
            g.arrived = True
        if s == "removed":
            g.removals.append(m.date)
        elif o.single_holder and s == "former":
            g.formers.setdefault(o.id, []).append(m.date)
        elif o.single_holder and s not in LEAVING:
            g.held_until[o.id] = max(g.held_until.get(o.id, m.date), m.date)


def _merge(gs: list[_Group]) -> _Group:
    firsts = [g.first for g in gs if g.first]
    lasts = [g.last for g in gs if g.last]
    seen = [g.seen_first for g in gs if g.seen_first]
    out = _Group([m for g in gs for m in g.mentions], min(firsts) if firsts else None,
                 max(lasts) if lasts else None, set().union(*(g.aff for g in gs)),
                 set().union(*(g.sectors for g in gs)), min(seen) if seen else None,
                 [d for g in gs for d in g.removals])
    out.arrived = any(g.arrived for g in gs)
    for g in gs:
        for oid, day in g.held_until.items():
            out.held_until[oid] = max(out.held_until.get(oid, day), day)
        for oid, days in g.formers.items():
            out.formers.setdefault(oid, []).extend(days)
    return out


def _overlap_days(a: _Group, b: _Group) -> int:
    """How long the two were seen side by side: 0 when one ends before the other begins; for a
    move with a lag, the lag; when one is seen inside the other's span, the shorter of the two
    stretches that span has around it (a single sighting mid-span is no move)."""
    if not (a.first and a.last and b.first and b.last):
        return 0
    return min((a.last - b.first).days, (b.last - a.first).days)


Handovers = Mapping[int, Sequence[_dt.date]]


def _fit(person: list[_Group], g: _Group, handovers: Handovers) -> str | None:
    """Whether ``g`` may be the person's: None when it has a concurrent office in another
    sector, or is in a sector the person never served in with no move the reports show;
    ``"yes"`` when it shares a sector with the person (or either has none), or is a move the
    reports show (:func:`_moved`); ``"undecided"`` when the dates fit a move as well as a
    namesake. A report that links the offices (an appointment naming the office left) joins them
    earlier, in the office groups."""
    if g.sectors and not all(not h.sectors or (h.sectors & g.sectors) or _overlap_days(h, g) <= OVERLAP_DAYS
                             for h in person):
        return None
    if MOVES_ACROSS_SECTORS or not g.sectors:
        return "yes"
    mine = set().union(*(h.sectors for h in person))
    if not mine or mine & g.sectors:
        return "yes"
    return _moved(person, g, handovers)


def _moved(person: list[_Group], g: _Group, handovers: Handovers) -> str | None:
    """Whether the reports show the person's office ended when ``g`` (another sector) begins,
    so that a namesake seen there is the same person moving (``"yes"``), or only fit it
    (``"undecided"``), or neither (None).

    A removal from one of the person's offices dates the end: published within
    :data:`MOVE_TOLD_DAYS` of the first report of ``g`` (one decision, two notices), or up to
    :data:`MOVE_GAP_DAYS` before it when ``g`` is reported as an appointment, it tells the move.
    Published up to :data:`MOVE_GAP_DAYS` after that first report (the name held both offices
    meanwhile), or before it with ``g`` merely seen in office, it fits a namesake as well: undecided.
    Without a removal, a handover of one of the person's single-holder offices (another name
    seen holding it, or the person named as its former holder, after the person's last sighting
    in it) first seen within :data:`MOVE_GAP_DAYS` of the first report of ``g``, which does not
    begin before that last sighting (less :data:`OVERLAP_DAYS` of late reports), tells it. A
    namesake merely first seen soon after the other's last report is not enough: two careers
    that nothing ties stay apart."""
    start = g.seen_first
    if start is None:
        return None
    gap = _dt.timedelta(days=MOVE_GAP_DAYS)
    removals = [(day - start).days for h in person for day in h.removals if abs(start - day) <= gap]
    if removals:
        if any(abs(d) <= MOVE_TOLD_DAYS for d in removals):
            return "yes"
        if g.arrived and all(d < 0 for d in removals):
            return "yes"
        return "undecided"
    for h in person:
        for oid, last in h.held_until.items():
            if start < last - _dt.timedelta(days=OVERLAP_DAYS):
                continue
            after = [d for d in handovers.get(oid, ()) if d > last]
            after += [d for d in h.formers.get(oid, ()) if d > last]
            if after and abs(start - min(after)) <= gap:
                return "yes"
    return None


def _affinity(person: list[_Group], aff: Set[str]) -> bool:
    return any(h.aff & aff for h in person)


def _chains(groups: list[_Group]) -> list[_Group]:
    """Office groups of one sector joined: a career inside one province or body is one person."""
    uf = _UF()
    owner: dict[str, int] = {}
    for i, g in enumerate(groups):
        uf.find(i)
        for sec in g.sectors:
            if sec in owner:
                uf.union(owner[sec], i)
            else:
                owner[sec] = i
    by: dict[int, list[_Group]] = defaultdict(list)
    for i, g in enumerate(groups):
        by[uf.find(i)].append(g)
    out = [_merge(gs) for gs in by.values()]
    out.sort(key=lambda g: (g.first or _dt.date.max, min(m.key for m in g.mentions)))
    return out


MOVE_BY_DATES = ("a namesake's office ended near when these offices begin, in another sector, and no report "
                 "tells it was one move: one person moving or two namesakes")
TWO_IN_ONE = "the report names two persons of this name (offices of two sectors for one mention)"


def resolve_name(mentions: Sequence[MentionInfo], handovers: Handovers | None = None) -> Resolution:
    """Cluster the mentions of one name into persons (see the module docstring for the rules).
    ``handovers``: single-holder office id → the report dates on which *another* name was seen
    holding it (the successors that show an office ended)."""
    handovers = handovers or {}
    titled = [m for m in mentions if m.offices]
    bare = [m for m in mentions if not m.offices]
    groups, split = _groups(titled)
    ambiguous: list[tuple[MKey, list[int], str]] = []
    persons: list[list[_Group]] = []
    undecided: list[list[_Group]] = []  # groups left ambiguous as a possible move: maybe a namesake
    chains = _chains(groups)
    placed = [g for g in chains if g.sectors] or chains  # without any sector, the neutral ones decide
    for g in placed:
        fits = [(i, _fit(p, g, handovers)) for i, p in enumerate(persons)]
        if any(f == "undecided" for _, f in fits):
            ambiguous.extend((m.key, [i for i, f in fits if f], MOVE_BY_DATES) for m in g.mentions)
            undecided.append([g])
            continue
        cands = [i for i, f in fits if f]
        if len(cands) > 1:
            near = [i for i in cands if _affinity(persons[i], g.aff)]
            if len(near) == 1:
                cands = near
            else:
                reason = "offices fit several namesakes" if near else "no office shared with any namesake"
                ambiguous.extend((m.key, cands, reason) for m in g.mentions)
                continue
        if cands:
            persons[cands[0]].append(g)
        else:
            persons.append([g])
    clusters = [[m.key for g in p for m in g.mentions] for p in persons]
    # mentions with neutral titles only (部长, 全国人大代表), then those without any: by context
    placed_ids = {id(g) for g in placed}
    loose = [m for g in chains if id(g) not in placed_ids for m in g.mentions] + bare
    if not persons:
        if loose:
            clusters.append([m.key for m in loose])
        return Resolution(clusters, ambiguous)
    for m in loose:
        # an undecided group may be another person of the name: a mention it fits is not placed
        i = _place_bare(persons + undecided, m)
        if isinstance(i, int) and i < len(persons):
            clusters[i].append(m.key)
        else:
            ambiguous.append((m.key, list(range(len(persons))), i if isinstance(i, str) else MOVE_BY_DATES))
    for key in split:
        for c in clusters:
            if key in c:
                c.remove(key)
        ambiguous.append((key, list(range(len(persons))), TWO_IN_ONE))
    return _compact(clusters, ambiguous)


def _compact(clusters: list[list[MKey]], ambiguous: list[tuple[MKey, list[int], str]]) -> Resolution:
    """Drop clusters left empty; candidate indexes follow."""
    new = {i: j for j, i in enumerate(i for i, c in enumerate(clusters) if c)}
    return Resolution([c for c in clusters if c],
                      [(k, [new[i] for i in cands if i in new], reason) for k, cands, reason in ambiguous])


def _place_bare(persons: list[list[_Group]], m: MentionInfo) -> int | str:
    if len(persons) == 1:
        return 0
    context = m.context | set().union(*(o.affiliations for o, _ in m.offices))
    ctx = [i for i, p in enumerate(persons) if _affinity(p, context)]
    if len(ctx) == 1:
        return ctx[0]
    if m.date is not None:
        active = [i for i, p in enumerate(persons) if (not ctx or i in ctx) and any(
            g.first and g.last and g.first - ACTIVE_SLACK <= m.date <= g.last + ACTIVE_SLACK for g in p)]
        if len(active) == 1:
            return active[0]
    return "a name without a telling office, shared by several persons"


# ---------------------------------------------------------------- applying it to the store

Resolver = Callable[[Sequence[MentionInfo], "Handovers | None"], Resolution]


def _dirty(conn: Connection) -> tuple[list[int], dict[str, set[str]]]:
    rows = conn.execute(select(S.dirty.c.id, S.dirty.c.kind, S.dirty.c.value)).all()
    by: dict[str, set[str]] = defaultdict(set)
    for _id, kind, value in rows:
        by[kind].add(value)
    return [r[0] for r in rows], by


def _holders(conn: Connection, offices: set[int]) -> dict[int, list[tuple[_dt.date, int]]]:
    """single-holder office id → (report date, name id) of every name seen holding it."""
    m, d, p = S.mentions.c, S.documents.c, S.positions.c
    out: dict[int, list[tuple[_dt.date, int]]] = defaultdict(list)
    for part in chunked(sorted(offices)):
        q = (select(p.office_id, d.published, m.name_id).distinct()
             .join(S.mentions, and_(m.document_id == p.document_id, m.idx == p.mention_idx))
             .join(S.documents, d.id == p.document_id)
             .where(p.office_id.in_(part), p.status.in_(HOLDING), d.published.is_not(None)))
        for oid, pub, nid in conn.execute(q):
            out[oid].append((pub, nid))
    return out


def _handovers(infos: Sequence[MentionInfo], name_id: int,
               holders: Mapping[int, list[tuple[_dt.date, int]]]) -> dict[int, list[_dt.date]]:
    """The handovers argument of :func:`resolve_name` for one name: other names' sightings."""
    mine = {o.id for m in infos for o, _ in m.offices if o.single_holder}
    return {oid: sorted(day for day, nid in holders.get(oid, ()) if nid != name_id) for oid in mine}


def _load(conn: Connection, name_ids: Sequence[int],
          contexts: dict[int, frozenset[str]] | None = None) -> dict[int, list[MentionInfo]]:
    """The mentions of ``name_ids`` with their offices and their reports' affiliations;
    ``contexts`` keeps the affiliations of the reports read so far (a report names several
    names, which fall in different chunks: each report is read once a run)."""
    m, d, p, o = S.mentions.c, S.documents.c, S.positions.c, S.offices.c
    infos: dict[MKey, MentionInfo] = {}
    by_name: dict[int, list[MentionInfo]] = defaultdict(list)
    q = (select(m.document_id, m.idx, m.name_id, m.person_id, d.published)
         .join(S.documents, d.id == m.document_id).where(m.name_id.in_(name_ids)))
    for did, idx, nid, pid, pub in conn.execute(q):
        info = MentionInfo((did, idx), pub, old_person=pid)
        infos[(did, idx)] = info
        by_name[nid].append(info)
    q2 = (select(p.document_id, p.mention_idx, p.status, o.id, o.organization_id, o.province, o.role,
                 S.organizations.c.kind, o.label)
          .join(S.offices, o.id == p.office_id)
          .outerjoin(S.organizations, S.organizations.c.id == o.organization_id)
          .join(S.mentions, and_(m.document_id == p.document_id, m.idx == p.mention_idx))
          .where(m.name_id.in_(name_ids)))
    made: dict[int, Office] = {}
    for did, midx, status, oid, org, prov, role, kind, label in conn.execute(q2):
        found = infos.get((did, midx))
        if found is not None:
            office = made.get(oid)
            if office is None:
                office = made[oid] = Office(oid, org, prov, role, kind, label)
            found.offices.append((office, status))
    _context(conn, infos, {k[0] for k in infos}, {} if contexts is None else contexts)
    return by_name


def _context(conn: Connection, infos: dict[MKey, MentionInfo], docs: set[int],
             known: dict[int, frozenset[str]]) -> None:
    """The affiliations each report names (its organisations, its officials' provinces); the
    reports not in ``known`` are read and added to it."""
    ctx: dict[int, set[str]] = defaultdict(set)
    om, p, o = S.org_mentions.c, S.positions.c, S.offices.c
    for part in chunked(sorted(docs - known.keys())):
        for did, org in conn.execute(select(om.document_id, om.organization_id).where(om.document_id.in_(part))):
            ctx[did].add(f"o{org}")
        q = (select(p.document_id, o.organization_id, o.province).join(S.offices, o.id == p.office_id)
             .where(p.document_id.in_(part)))
        for did, org, prov in conn.execute(q):
            if org is not None:
                ctx[did].add(f"o{org}")
            if prov:
                ctx[did].add(f"p{prov}")
    words: dict[str, str] = {}
    for did in docs - known.keys():
        known[did] = frozenset(words.setdefault(w, w) for w in ctx.get(did, ()))
    for key, info in infos.items():
        info.context = known[key[0]]


def _votes(infos: list[MentionInfo], res: Resolution) -> dict[int, int]:
    """cluster index → the old person id most of its mentions had (each id used once)."""
    old = {m.key: m.old_person for m in infos}
    votes = sorted(((Counter(p for k in c if (p := old[k]) is not None), i) for i, c in enumerate(res.clusters)),
                   key=lambda t: (-sum(t[0].values()), t[1]))
    used: set[int] = set()
    ids: dict[int, int] = {}
    for counter, i in votes:
        for pid, _ in counter.most_common():
            if pid not in used:
                ids[i] = pid
                used.add(pid)
                break
    return ids


def _apply(conn: Connection, results: list[tuple[int, list[MentionInfo], Resolution]],
           changed_docs: set[int]) -> set[int]:
    """Write the resolutions of a chunk of names: person ids (kept where the votes say so, new
    ones in one insert), mention assignments, stale persons removed, review items."""
    name_ids = [nid for nid, _, _ in results]
    existing: dict[int, set[int]] = defaultdict(set)
    for pid, nid in conn.execute(select(S.persons.c.id, S.persons.c.name_id).where(S.persons.c.name_id.in_(name_ids))):
        existing[nid].add(pid)
    plans = [(nid, infos, res, _votes(infos, res)) for nid, infos, res in results]
    need = [(k, i, nid) for k, (nid, _, res, ids) in enumerate(plans) for i in range(len(res.clusters)) if i not in ids]
    if need:
        stmt = S.persons.insert().returning(S.persons.c.id, sort_by_parameter_order=True)
        new_ids = conn.execute(stmt, [{"name_id": nid, "n_mentions": 0} for _, _, nid in need]).scalars().all()
        for (k, i, _), pid in zip(need, new_ids, strict=True):
            plans[k][3][i] = pid
    stale: set[int] = set()
    changes: list[dict] = []
    reviews: list[dict] = []
    persons: set[int] = set()
    for nid, infos, res, ids in plans:
        old = {m.key: m.old_person for m in infos}
        stale |= ({p for p in old.values() if p is not None} | existing[nid]) - set(ids.values())
        assign: dict[MKey, int | None] = dict.fromkeys(old)
        for i, c in enumerate(res.clusters):
            for key in c:
                assign[key] = ids[i]
        changes += [{"d": m.key[0], "i": m.key[1], "p": assign[m.key]} for m in infos if assign[m.key] != m.old_person]
        reviews += [{"document_id": key[0], "mention_idx": key[1], "name_id": nid, "reason": reason,
                     "candidates": " ".join(str(ids[i]) for i in cands)} for key, cands, reason in res.ambiguous]
        persons |= set(ids.values())
    for part in chunked(sorted(stale)):
        conn.execute(delete(S.spells).where(S.spells.c.person_id.in_(part)))
        conn.execute(delete(S.office_evidence).where(S.office_evidence.c.person_id.in_(part)))
        conn.execute(delete(S.persons).where(S.persons.c.id.in_(part)))
    m = S.mentions.c
    stmt2 = (sa_update(S.mentions).where(m.document_id == bindparam("d"), m.idx == bindparam("i"))
             .values(person_id=bindparam("p")))
    for part in chunked(changes, 1000):
        conn.execute(stmt2, list(part))
    changed_docs.update(c["d"] for c in changes)
    conn.execute(delete(S.review).where(S.review.c.name_id.in_(name_ids)))
    for part in chunked(reviews, 1000):
        conn.execute(S.review.insert(), list(part))
    return persons


def _refresh_persons(conn: Connection, person_ids: set[int]) -> None:
    m, d = S.mentions.c, S.documents.c
    for part in chunked(sorted(person_ids)):
        q = (select(m.person_id, func.count(), func.min(d.published), func.max(d.published))
             .join(S.documents, d.id == m.document_id).where(m.person_id.in_(part)).group_by(m.person_id))
        rows = [{"i": pid, "n": n, "f": f, "l": last} for pid, n, f, last in conn.execute(q)]
        if rows:
            conn.execute(sa_update(S.persons).where(S.persons.c.id == bindparam("i"))
                         .values(n_mentions=bindparam("n"), first_seen=bindparam("f"),
                                 last_seen=bindparam("l")), rows)


def update(engine: Engine, resolver: Resolver = resolve_name, *, all_names: bool = False) -> dict[str, int]:
    """Resolve what ingest or reextract marked dirty (or every name); one transaction."""
    from . import summaries
    from .events import regroup
    from .spells import recompute

    with write(engine) as conn:
        advisory_lock(conn, "resolve")
        dirty_ids, dirty = _dirty(conn)
        names = sorted(int(v) for v in dirty.get("name", ()))
        if all_names:
            names = sorted(conn.scalars(select(S.names.c.id)))
        persons: set[int] = set()
        changed_docs: set[int] = set()
        holders: dict[int, list[tuple[_dt.date, int]]] = {}
        contexts: dict[int, frozenset[str]] = {}
        for part in chunked(names, 400):
            by_name = _load(conn, part, contexts)
            offices = {o.id for ms in by_name.values() for m in ms for o, _ in m.offices if o.single_holder}
            fresh = offices - holders.keys()
            holders.update({k: [] for k in fresh} | _holders(conn, fresh))  # each office read once
            results = []
            for nid in part:
                infos = sorted(by_name.get(nid, []), key=lambda x: x.key)
                res = resolver(infos, _handovers(infos, nid, holders)) if infos else Resolution([], [])
                results.append((nid, infos, res))
            persons |= _apply(conn, results, changed_docs)
        _refresh_persons(conn, persons)
        n_spells = recompute(conn, persons)
        n_events = regroup(conn, set(dirty.get("date", ())), changed_docs, everything=all_names)
        summaries.refresh(conn, set(dirty.get("date", ())), changed_docs, everything=all_names)
        for part in chunked(dirty_ids, 1000):
            conn.execute(delete(S.dirty).where(S.dirty.c.id.in_(part)))
    return {"names": len(names), "persons": len(persons), "events": n_events, "spells": n_spells}
