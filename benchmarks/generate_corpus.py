#!/usr/bin/env python3
"""Generate a corpus of genre-like Chinese political news reports with KNOWN truth.

    python3 benchmarks/generate_corpus.py --n 100000 --seed 1 --out /tmp/gen100k
    python3 benchmarks/generate_corpus.py --n 2000 --seed 7 --out /tmp/gen --start 2022-01-01 --end 2024-12-31

Writes into --out:
  reports.jsonl         one report a line, the bulk-corpus format {"id", "title", "published", "text", "url"}
  truth_persons.jsonl   one planted person a line, with the dated career (offices held)
  truth_reports.jsonl   per report: the planted person mentions (char offsets into "text") and events
  truth_events.jsonl    one planted event a line, with all its participants (several reports may tell it)
  manifest.json         parameters, seed, counts, the generator's version and the sha256 of its inputs

The world: the provinces, prefecture-level cities, ministries, central SOEs and banks of the
project's lexicons (src/ganbu/lang/data), fictional officials whose careers move them up the
ladder and between provinces and central bodies (benchmarks/data/generate_corpus_careers.tsv),
and report templates (benchmarks/data/generate_corpus_templates.tsv). The same event is told
by several reports (the provincial paper, the ministry's site, a later summary) with different
wording and one truth event id. A few percent of persons are namesakes of another person in a
different province or body. Output is a function of the arguments alone (random.Random(seed),
no clock); reports are written as they are made, so memory does not grow with --n.
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import heapq
import json
import random
import re
import resource
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

GENERATOR_VERSION = "gen-corpus/1"
ROOT = Path(__file__).resolve().parent.parent
LANG_DATA = ROOT / "src" / "ganbu" / "lang" / "data"
PEOPLE_DATA = ROOT / "src" / "ganbu" / "people" / "data"
OWN_DATA = Path(__file__).resolve().parent / "data"
INPUTS = {
    "divisions": LANG_DATA / "divisions.tsv",
    "orgs": LANG_DATA / "orgs.tsv",
    "surnames": LANG_DATA / "surnames.tsv",
    "countries": LANG_DATA / "countries.tsv",
    "roles": PEOPLE_DATA / "roles.tsv",
    "name_chars": PEOPLE_DATA / "name_chars.tsv",
    "translit_chars": PEOPLE_DATA / "translit_chars.tsv",
    "leaders": PEOPLE_DATA / "leaders.tsv",
    "not_names": PEOPLE_DATA / "not_names.tsv",
    "provinces": OWN_DATA / "generate_corpus_provinces.tsv",
    "careers": OWN_DATA / "generate_corpus_careers.tsv",
    "words": OWN_DATA / "generate_corpus_words.tsv",
    "templates": OWN_DATA / "generate_corpus_templates.tsv",
}
# story kinds and how often each is told (a day with no pending personnel change tells another kind)
STORY_WEIGHTS = {"visit": 22, "reverse": 8, "inspect": 20, "meet": 13, "conf": 9,
                 "foreign_meet": 6, "foreign_talks": 3, "signing": 7, "personnel": 12}


def die(msg: str) -> None:
    print(f"generate_corpus: {msg}", file=sys.stderr)
    raise SystemExit(2)


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a project TSV: '#' comment lines and the header row dropped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        die(f"E301 {path}: {exc.strerror}")
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    return rows[1:]


# ----------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Office:
    """One office: `office` is the text with the jurisdiction filled in (浙江省副省长)."""
    office: str
    organization: str
    role: str
    jurisdiction: str | None
    short: str          # as written when the jurisdiction is implicit (副省长, 省委常委)
    link: str           # as written after a previous link of a chain (省委常委、秘书长)
    party: bool


@dataclass
class Province:
    name: str           # 浙江省
    short: str          # 浙江
    code: str
    ptype: str          # 省 | 市 | 自治区
    capital: str        # 杭州市
    paper: str
    cities: list[str] = field(default_factory=list)

    @property
    def capital_short(self) -> str:
        return short_city(self.capital)

    @property
    def party_org(self) -> str:
        return f"{self.name}党委" if self.ptype == "自治区" else f"中共{self.name[:-1]}{self.ptype[-1]}委"

    @property
    def party_prefix(self) -> str:   # 浙江省委 / 北京市委 / 广西壮族自治区党委
        return f"{self.name}党委" if self.ptype == "自治区" else f"{self.name}委"

    @property
    def party_short(self) -> str:    # 省委 / 市委 / 自治区党委
        return "自治区党委" if self.ptype == "自治区" else f"{self.ptype}委"

    @property
    def gov_short(self) -> str:      # 省政府 / 市政府 / 自治区政府
        return f"{self.ptype}政府"


@dataclass
class Central:
    canonical: str
    written: str        # the alias the reports use
    kind: str           # ministry | soe | bank | commission
    code: str


@dataclass(eq=False)
class Slot:
    """A post some person holds at any time (a province's governor, a ministry's vice-minister …)."""
    idx: int
    kind: str
    offices: list[Office]
    main: int                        # index of the main office in `offices`
    province: Province | None
    city: str | None = None
    central: Central | None = None
    tenures: list[Tenure] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)

    def holder(self, day: int) -> Person | None:
        i = bisect.bisect_right(self.starts, day) - 1
        if i < 0:
            return None
        t = self.tenures[i]
        return t.person if t.end is None or t.end >= day else None


@dataclass(eq=False)
class Tenure:
    person: Person
    slot: Slot
    start: int
    end: int | None = None


@dataclass(eq=False)
class Person:
    pid: str
    name: str
    gender: str | None
    kind: str                        # official | foreign | journalist
    career: list[tuple[Office, int | None, int | None]] = field(default_factory=list)
    tenure: Tenure | None = None     # the current one (officials)
    namesakes: list[str] = field(default_factory=list)
    reports: int = 0


@dataclass
class CareerCfg:
    p_new: float
    tenure: tuple[int, int]
    feeders: list[tuple[str, str, float]]


def short_city(name: str) -> str:
    return name[:-1] if name.endswith("市") and len(name) > 2 else name


def load_provinces(divisions: list[list[str]], table: list[list[str]], y0: int, y1: int) -> list[Province]:
    """Provinces of the own table that exist over the whole range (checked against divisions.tsv),
    with their prefecture-level cities."""
    known = {r[1] for r in divisions if r[3] == "province"}
    valid = {r[1]: r for r in divisions if r[3] in ("province", "prefecture")
             and int(r[6] or 0) <= y0 and (not r[7] or int(r[7]) > y1)}
    out = []
    for name, capital, paper in table:
        if name not in known:
            die(f"E301 {INPUTS['provinces']}: {name} is not a province of divisions.tsv")
        if name not in valid:
            continue
        ptype = "自治区" if name.endswith("自治区") else name[-1]
        out.append(Province(name, valid[name][2] or name[:-1], valid[name][0], ptype, capital, paper))
    by_name = {p.name: p for p in out}
    for r in divisions:
        if r[3] == "prefecture" and r[4] in by_name and r[1].endswith("市") and r[1] in valid:
            by_name[r[4]].cities.append(r[1])
    return out


def load_centrals(orgs: list[list[str]], y0: int, y1: int) -> list[Central]:
    """Ministries, central SOEs and banks valid over the whole range (ministries that hosts of a
    provincial visit are: not 国防部 or 国家安全部)."""
    out: list[Central] = []
    for row in orgs:
        canonical, kind, aliases, vfrom, vto = row[0], row[1], row[2], row[3], row[4]
        if kind not in ("ministry", "soe", "bank", "commission") or not aliases:
            continue
        if (vfrom and int(vfrom[:4]) > y0) or (vto and int(vto[:4]) <= y1):
            continue
        written = aliases.split("|")[0]
        if kind == "ministry" and (written in ("国防部", "国家安全部")
                                   or not written.endswith(("部", "委员会", "委", "银行"))):
            continue
        if kind == "bank" and not written.endswith("银行"):
            continue
        out.append(Central(canonical, written, kind, f"c{len(out):03d}"))
    return out


def load_careers(rows: list[list[str]]) -> dict[str, CareerCfg]:
    out = {}
    for kind, p_new, tenure, feeders in rows:
        lo, hi = tenure.split("-")
        feed = []
        for item in feeders.split():
            k, scope, w = item.split(":")
            feed.append((k, scope, float(w)))
        out[kind] = CareerCfg(float(p_new), (int(lo), int(hi)), feed)
    return out


# ----------------------------------------------------------------------------- offices of a post


def prov_party(p: Province, role: str, link: str | None = None) -> Office:
    """An office of the provincial party committee: 书记 → 浙江省委书记 / 省委书记."""
    return Office(f"{p.party_prefix}{role}", p.party_org, role, p.name,
                  f"{p.party_short}{role}", link or role, True)


def prov_gov(p: Province, role: str) -> Office:
    """An office of the provincial government: 副省长 → 浙江省副省长; 自治区: 主席 → 广西壮族自治区主席."""
    written = {"省": role, "市": role.replace("省", "市"), "自治区": role.replace("省长", "主席")}[p.ptype]
    short = f"自治区{written}" if p.ptype == "自治区" and written in ("主席", "常务副主席", "副主席") else written
    return Office(f"{p.name}{written}", f"{p.name}人民政府", written, p.name, short, short, False)


def city_offices(city: str, kind: str) -> list[Office]:
    party_org, gov_org = f"中共{city[:-1]}市委", f"{city}人民政府"
    sec = Office(f"{city}委书记", party_org, "书记", city, "市委书记", "书记", True)
    if kind == "city_sec":
        return [sec]
    dep = Office(f"{city}委副书记", party_org, "副书记", city, "市委副书记", "副书记", True)
    return [dep, Office(f"{city}市长", gov_org, "市长", city, "市长", "市长", False)]


def central_offices(c: Central, kind: str) -> tuple[list[Office], int]:
    """The offices of a central post, in the written order, and the main one."""
    w = c.written
    head = "部长" if w.endswith("部") else "行长" if w.endswith("银行") else "主任"

    def office(title: str, role: str, party: bool) -> Office:
        return Office(f"{w}{title}", c.canonical, role, None, title, title, party)
    if kind == "min_head":
        return [office("党组书记", "书记", True), office(head, head, False)], 1
    if kind == "min_vice":
        return [office(f"副{head}", f"副{head}", False)], 0
    if kind == "soe_chair":
        return [office("董事长", "董事长", False), office("党组书记", "书记", True)], 0
    if kind == "soe_gm":
        return [office("总经理", "总经理", False), office("党组副书记", "副书记", True)], 0
    if kind == "bank_chair":
        return [office("党委书记", "书记", True), office("董事长", "董事长", False)], 1
    if kind == "bank_pres":
        return [office("党委副书记", "副书记", True), office("行长", "行长", False)], 1
    if kind == "sasac_head":
        return [office("党委书记", "书记", True), office("主任", "主任", False)], 1
    return [office("副主任", "副主任", False)], 0


def province_slots(p: Province, add: Any) -> None:
    """The posts of one province and of its cities."""
    add("prov_sec", [prov_party(p, "书记")], 0, p)
    add("prov_gov", [prov_party(p, "副书记"), prov_gov(p, "省长")], 1, p)
    add("prov_depsec", [prov_party(p, "副书记")], 0, p)
    add("prov_exec", [prov_party(p, "常委"), prov_gov(p, "常务副省长")], 1, p)
    add("prov_sg", [prov_party(p, "常委"), prov_party(p, "秘书长")], 1, p)
    for _ in range(4):
        add("prov_vice", [prov_gov(p, "副省长")], 0, p)
    for city in p.cities:
        add("city_sec", city_offices(city, "city_sec"), 0, p, city)
        add("city_mayor", city_offices(city, "city_mayor"), 1, p, city)


def build_slots(provinces: list[Province], centrals: list[Central]) -> list[Slot]:
    slots: list[Slot] = []

    def add(kind: str, offices: list[Office], main: int, p: Province | None,
            city: str | None = None, c: Central | None = None) -> None:
        slots.append(Slot(len(slots), kind, offices, main, p, city, c))
    for p in provinces:
        province_slots(p, add)
    central_kinds = {"ministry": [("min_head", 1), ("min_vice", 3)], "soe": [("soe_chair", 1), ("soe_gm", 1)],
                     "bank": [("bank_chair", 1), ("bank_pres", 1)],
                     "commission": [("sasac_head", 1), ("sasac_vice", 3)]}
    for c in centrals:
        for kind, count in central_kinds[c.kind]:
            for _ in range(count):
                offices, main = central_offices(c, kind)
                add(kind, offices, main, None, None, c)
    return slots


# ----------------------------------------------------------------------------- names


class NameMaker:
    """Fictional Chinese names (surname by frequency + given-name characters) and transliterated
    foreign names; real national leaders' names and the extractor's non-name words are refused."""

    def __init__(self, rng: random.Random, inputs: dict[str, list[list[str]]], words: dict[str, list[str]]):
        self.rng = rng
        chars = {r[0]: "".join(x[1] for x in inputs["name_chars"] if x[0] == r[0]) for r in inputs["name_chars"]}
        banned_first = set(chars.get("not_single", "")) | set(chars.get("never_first", ""))
        not_given = set(chars.get("not_given", ""))
        sur = [(r[0], int(r[1])) for r in inputs["surnames"] if r[0][0] not in banned_first]
        sur = [s for s in sur if len(s[0]) == 1][:150] + [s for s in sur if len(s[0]) == 2][:6]
        self.surnames = [s for s, _ in sur]
        self.weights = [max(f, 20) for _, f in sur]
        self.given = {g: [c for c in words[f"given_{g}"] if c not in not_given] for g in ("m", "f")}
        self.translit = [c for row in inputs["translit_chars"] for c in row[0]]
        self.banned = {r[2] for r in inputs["leaders"]}
        self.not_names = {r[0] for r in inputs["not_names"]}
        self.taken: dict[str, list[str]] = {}
        self.places: set[str] = set()      # place names a name must not contain (张广东 reads as a place)
        self.countries = [r[0] for r in inputs["countries"]]     # nor a foreign one (斐济·普娜)

    def chinese(self, gender: str) -> str:
        while True:
            pool = self.given[gender]
            given = self.rng.choice(pool) if self.rng.random() < 0.15 else self.rng.choice(pool) + self.rng.choice(pool)
            if len(given) == 2 and given[0] == given[1]:
                continue
            name = self.rng.choices(self.surnames, self.weights)[0] + given
            if name in self.banned or name in self.taken:
                continue
            if any(name[:k] in self.not_names for k in range(2, len(name) + 1)):
                continue
            if not any(name[i:i + k] in self.places for k in (2, 3) for i in range(len(name) - k + 1)):
                return name

    def foreign(self) -> str:
        while True:
            parts = ["".join(self.rng.choice(self.translit) for _ in range(self.rng.randint(2, 3)))
                     for _ in range(self.rng.choice((1, 2, 2)))]
            name = "·".join(parts)
            if name not in self.taken and not any(c in name for c in self.countries):
                return name


# ----------------------------------------------------------------------------- careers


class World:
    """Slots, persons and their careers, simulated from `sim_start` to `end` (day ordinals)."""

    def __init__(self, rng: random.Random, inputs: dict[str, list[list[str]]], words: dict[str, list[str]],
                 start: date, end: date, namesake_rate: float):
        self.rng = rng
        self.start, self.end = start.toordinal(), end.toordinal()
        self.provinces = load_provinces(inputs["divisions"], inputs["provinces"], start.year, end.year)
        self.centrals = load_centrals(inputs["orgs"], start.year, end.year)
        self.careers = load_careers(inputs["careers"])
        self.slots = build_slots(self.provinces, self.centrals)
        self.by_kind: dict[str, list[Slot]] = {}
        self.by_kind_prov: dict[tuple[str, str], list[Slot]] = {}
        self.by_central: dict[str, list[Slot]] = {}
        self.city_province = {c: p.name for p in self.provinces for c in p.cities}
        for s in self.slots:
            self.by_kind.setdefault(s.kind, []).append(s)
            if s.province is not None:
                self.by_kind_prov.setdefault((s.kind, s.province.name), []).append(s)
            if s.central is not None:
                self.by_central.setdefault(s.central.canonical, []).append(s)
        self.names = NameMaker(rng, inputs, words)
        self.names.places = {r[2] or r[1] for r in inputs["divisions"] if r[3] in ("province", "prefecture")}
        self.namesake_rate = namesake_rate
        self.persons: list[Person] = []
        self.officials: list[Person] = []
        self.changes: dict[int, dict[str, list[tuple[str, Slot, Person]]]] = {}
        self.countries = [r[0] for r in inputs["countries"] if 2 <= len(r[0]) <= 5]
        self.ambassadors: dict[str, Person] = {}
        self.reporters: dict[str, list[Person]] = {}
        self.namesake_pairs: list[tuple[str, str]] = []

    # persons -------------------------------------------------------------

    def new_person(self, kind: str) -> Person:
        pid = f"P{len(self.persons) + 1:06d}"
        if kind == "foreign":
            person = Person(pid, self.names.foreign(), None, kind)
        else:
            gender = "f" if self.rng.random() < 0.12 else "m"
            name = self.names.chinese(gender)
            person = Person(pid, name, gender, kind)
        self.names.taken.setdefault(person.name, []).append(pid)
        self.persons.append(person)
        if kind == "official":
            self.officials.append(person)
        return person

    def areas(self, p: Person) -> set[str]:
        """The provinces and central bodies a person served in (a city counts as its province)."""
        return {self.city_province.get(o.jurisdiction, o.jurisdiction) if o.jurisdiction else o.organization
                for o, _, _ in p.career}

    def plant_namesakes(self) -> None:
        """Rename some officials after another official in office during the range, of the same
        gender, who never served in the same province or body (two people, one name). The share is
        `namesake_rate` of the officials in office during the range; as all of them serve within the
        range, most pairs overlap in time, some do not."""
        active = [p for p in self.officials
                  if any(s is not None and s <= self.end and (e is None or e >= self.start) for _, s, e in p.career)]
        target = round(self.namesake_rate * len(active))
        for _ in range(20 * target):
            if len(self.namesake_pairs) >= target:
                return
            a, b = self.rng.sample(active, 2)
            if a.namesakes or b.namesakes or a.gender != b.gender:
                continue
            if self.areas(a) & self.areas(b):
                continue
            self.names.taken.pop(b.name, None)
            b.name = a.name
            self.names.taken[a.name].append(b.pid)
            a.namesakes.append(b.pid)
            b.namesakes.append(a.pid)
            self.namesake_pairs.append((a.pid, b.pid))

    def ambassador(self, country: str) -> Person:
        if country not in self.ambassadors:
            p = self.new_person("foreign")
            off = Office(f"{country}驻华大使", f"{country}驻华大使馆", "大使", country,
                         f"{country}驻华大使", "大使", False)
            p.career.append((off, None, None))
            self.ambassadors[country] = p
        return self.ambassadors[country]

    def reporter(self, paper: str) -> Person:
        pool = self.reporters.setdefault(paper, [])
        if len(pool) < 3:
            p = self.new_person("journalist")
            p.career.append((Office(f"{paper}记者", paper, "记者", None, "记者", "记者", False), None, None))
            pool.append(p)
            return p
        return self.rng.choice(pool)

    # careers -------------------------------------------------------------

    def years(self, kind: str) -> int:
        lo, hi = self.careers[kind].tenure
        return int(self.rng.uniform(lo, hi) * 365)

    def begin(self, slot: Slot, person: Person, day: int, heap: list[tuple[int, int, int]],
              until: int | None = None) -> None:
        t = Tenure(person, slot, day)
        slot.tenures.append(t)
        slot.starts.append(day)
        person.tenure = t
        for off in slot.offices:
            person.career.append((off, day, None))
        heapq.heappush(heap, (until or day + self.years(slot.kind), slot.idx, len(slot.tenures) - 1))
        self.record(day, "appoint", slot, person)

    def finish(self, t: Tenure, day: int) -> None:
        t.end = day
        p = t.person
        n = len(t.slot.offices)
        p.career[-n:] = [(off, s, day) for off, s, _ in p.career[-n:]]
        p.tenure = None
        self.record(day, "remove", t.slot, p)

    def record(self, day: int, action: str, slot: Slot, person: Person) -> None:
        if self.start <= day <= self.end:
            self.changes.setdefault(day, {}).setdefault(notice_body(slot), []).append((action, slot, person))

    def candidate(self, slot: Slot, day: int) -> Tenure | None:
        feeders = self.careers[slot.kind].feeders
        for _ in range(10):
            kind, scope, _w = self.rng.choices(feeders, [f[2] for f in feeders])[0]
            if scope == "same" and slot.province is not None:
                pool = self.by_kind_prov.get((kind, slot.province.name), [])
            else:
                pool = self.by_kind.get(kind, [])
            if not pool:
                continue
            other = self.rng.choice(pool)
            if other is slot or (scope == "other" and other.province is slot.province):
                continue
            t = other.tenures[-1] if other.tenures else None
            if t is not None and t.end is None and t.start <= day - 365:
                return t
        return None

    def fill(self, slot: Slot, day: int, heap: list[tuple[int, int, int]]) -> None:
        """Fill a vacancy: a newcomer, or a holder of a feeder post, whose post is then filled in turn."""
        depth = 0
        while True:
            t = None
            if depth < 4 and self.rng.random() >= self.careers[slot.kind].p_new:
                t = self.candidate(slot, day)
            if t is None:
                self.begin(slot, self.new_person("official"), day, heap)
                return
            self.finish(t, day)
            self.begin(slot, t.person, day, heap)
            slot, depth = t.slot, depth + 1

    def simulate(self) -> None:
        heap: list[tuple[int, int, int]] = []
        sim_start = self.start - 3 * 365
        for slot in self.slots:
            first = sim_start - int(self.rng.uniform(0, self.careers[slot.kind].tenure[1] / 2) * 365)
            until = max(first + self.years(slot.kind), sim_start + self.rng.randint(30, 700))
            self.begin(slot, self.new_person("official"), first, heap, until)
        while heap and heap[0][0] <= self.end:
            day, idx, ti = heapq.heappop(heap)
            slot = self.slots[idx]
            t = slot.tenures[ti]
            if t.end is not None or ti != len(slot.tenures) - 1:
                continue                    # the holder moved on before the term ran out
            self.finish(t, day)
            self.fill(slot, day, heap)


def notice_body(slot: Slot) -> str:
    """Who announces a change of this post (one personnel notice per body and day)."""
    k = slot.kind
    p = slot.province.name if slot.province else ""
    if k in ("prov_gov", "prov_exec", "prov_vice"):
        return f"npc|{p}"
    if k.startswith("prov_"):
        return f"cpc|{p}"
    if k.startswith("city_"):
        return f"city|{p}"
    if k == "min_head":
        return "npcsc|"
    if k == "min_vice":
        return "sc|"
    assert slot.central is not None
    return f"org|{slot.central.canonical}"


# ----------------------------------------------------------------------------- templates


SLOT_RE = re.compile(r"\{(@?)([A-Za-z_0-9]+)(?::([a-z]+))?\}")
GROUP_NAMES = {"G", "G1", "GX", "H", "H1", "HX", "H2", "L", "L1", "L2", "LX", "C", "CH", "AT", "F", "S1", "S2"}


@dataclass
class Template:
    tid: str
    kind: str
    source: str
    event: str
    segments: list[tuple[list[tuple[str, str, str]], list[str]]]   # (tokens, groups used) per sentence


def parse_template(tid: str, kind: str, source: str, event: str, text: str) -> Template:
    """Cut a template into sentences (after 。 and before a paragraph break); each sentence is a list
    of tokens ('text', s, '') | ('slot', name, form) | ('part', name, '')."""
    text = text.replace("\\n", "\n")
    pieces = re.split(r"(?<=。)|(?=\n)", text)
    segments = []
    for piece in pieces:
        if not piece:
            continue
        tokens: list[tuple[str, str, str]] = []
        pos = 0
        for m in SLOT_RE.finditer(piece):
            if m.start() > pos:
                tokens.append(("text", piece[pos:m.start()], ""))
            tokens.append(("part" if m.group(1) else "slot", m.group(2), m.group(3) or ""))
            pos = m.end()
        if pos < len(piece):
            tokens.append(("text", piece[pos:], ""))
        groups = [t[1] for t in tokens if t[0] == "slot" and t[1] in GROUP_NAMES]
        segments.append((tokens, groups))
    return Template(tid, kind, source, event, segments)


def load_templates(rows: list[list[str]]) -> dict[tuple[str, str], list[Template]]:
    out: dict[tuple[str, str], list[Template]] = {}
    for tid, kind, source, event, text in rows:
        out.setdefault((kind, source), []).append(parse_template(tid, kind, source, event, text))
    return out


# ----------------------------------------------------------------------------- stories


@dataclass
class Actor:
    person: Person
    offices: list[Office]
    main: int
    unit: str                      # province name, city or central body: where the title's prefix comes from


@dataclass
class PlanEvent:
    eid: str
    etype: str
    place: str | None
    roles: dict[str, str]          # pid → role
    organizations: list[str]
    topics: list[str] = field(default_factory=list)
    amount: dict[str, Any] | None = None
    clauses: list[tuple[str, Actor]] = field(default_factory=list)   # personnel: (appoint|remove, actor)
    written: bool = False          # its line in truth_events.jsonl is written


@dataclass
class Plan:
    kind: str
    day: int
    province: Province | None
    groups: dict[str, list[Actor]]
    vars: dict[str, str]
    events: dict[str, PlanEvent]
    site_code: str = ""
    body: str = ""


def actor_of(slot: Slot, person: Person) -> Actor:
    unit = slot.central.written if slot.central else slot.city or (slot.province.name if slot.province else "")
    return Actor(person, slot.offices, slot.main, unit)


class Stories:
    """Makes story plans for a day: who took part, where, and the events with their truth."""

    def __init__(self, world: World, rng: random.Random, words: dict[str, list[str]]):
        self.w, self.rng, self.words = world, rng, words
        self.n_events = 0
        self.personnel_queue: deque[tuple[int, str, list[tuple[str, Slot, Person]]]] = deque()

    def eid(self) -> str:
        self.n_events += 1
        return f"E{self.n_events:07d}"

    def holder(self, slot: Slot, day: int) -> Actor | None:
        p = slot.holder(day)
        return actor_of(slot, p) if p is not None else None

    def prov_actors(self, p: Province, day: int, kinds: list[str]) -> list[Actor]:
        out = []
        for k in kinds:
            for s in self.w.by_kind_prov.get((k, p.name), []):
                a = self.holder(s, day)
                if a is not None:
                    out.append(a)
        return out

    def central_team(self, c: Central, day: int, n_deputies: int) -> list[Actor]:
        """The head of a central body and up to `n_deputies` deputies, in office on `day`."""
        slots = self.w.by_central[c.canonical]
        heads = [s for s in slots if s.kind == HEAD_KIND[c.kind]][:1]
        deputies = [s for s in slots if s.kind == DEPUTY_KIND[c.kind]][:n_deputies]
        return [a for a in (self.holder(s, day) for s in heads + deputies) if a]

    def base_vars(self, p: Province) -> dict[str, str]:
        scope = {"省": "全省", "市": "全市", "自治区": "全区"}[p.ptype]
        return {"P": p.short, "PF": p.name, "CAP": p.capital_short, "PC": p.party_short,
                "PG": f"{p.name}人民政府", "SELF": {"省": "我省", "市": "我市", "自治区": "我区"}[p.ptype],
                "SCOPE": scope, "TOPIC": self.rng.choice(self.words["topic"]),
                "PCFULL": p.party_org}

    def amount(self) -> dict[str, Any]:
        n = self.rng.choice([self.rng.randint(5, 500), round(self.rng.uniform(1, 99), 1)])
        form = self.rng.choice(self.words["amount"])
        text = form.replace("{N}", str(n))
        return {"text": text, "value": round(n * 100_000_000), "unit": "CNY"}

    def pick_province(self, exclude_beijing: bool = False) -> Province:
        pool = [p for p in self.w.provinces if not (exclude_beijing and p.name == "北京市")]
        return self.rng.choice(pool)

    def pick_central(self, kinds: tuple[str, ...]) -> Central:
        return self.rng.choice([c for c in self.w.centrals if c.kind in kinds])

    def make(self, day: int) -> Plan | None:
        kinds = list(STORY_WEIGHTS)
        kind = self.rng.choices(kinds, [STORY_WEIGHTS[k] for k in kinds])[0]
        maker = getattr(self, f"plan_{kind}")
        plan: Plan | None = maker(day)
        return plan

    # the kinds of story ----------------------------------------------------

    def plan_visit(self, day: int) -> Plan | None:
        p = self.pick_province(exclude_beijing=True)
        c = self.pick_central(("ministry", "soe", "soe", "bank", "commission"))
        guests = self.prov_actors(p, day, ["prov_sec", "prov_gov"])
        rest = self.prov_actors(p, day, ["prov_exec", "prov_sg", "prov_vice"])
        host = self.central_team(c, day, self.rng.randint(0, 2))
        if len(guests) < 2 or not host:
            return None
        rest = by_rank(self.rng.sample(rest, min(len(rest), self.rng.randint(0, 3))))
        v = self.base_vars(p) | {"ORG": c.written, "CAP": "北京"}
        roles = {a.person.pid: "visitor" for a in guests + rest} | {a.person.pid: "host" for a in host}
        events = {"main": PlanEvent(self.eid(), "visit", "北京", roles, [c.written, p.party_org], [v["TOPIC"]])}
        groups = {"G": guests, "G1": guests[:1], "GX": rest, "H": host, "H1": host[:1], "HX": host[1:]}
        c2 = self.pick_central(("ministry", "soe"))
        host2 = self.central_team(c2, day, 0) if c2 is not c and self.rng.random() < 0.35 else []
        if host2:
            v["ORG2"] = c2.written
            groups["H2"] = host2
            r2 = {a.person.pid: "visitor" for a in guests + rest} | {host2[0].person.pid: "host"}
            events["second"] = PlanEvent(self.eid(), "visit", "北京", r2, [c2.written, p.party_org])
        if self.rng.random() < 0.4:
            self.add_signing(events, groups, v, rest, host, c.written, "北京")
        return Plan("visit", day, p, groups, v, events, c.code)

    def add_signing(self, events: dict[str, PlanEvent], groups: dict[str, list[Actor]], v: dict[str, str],
                    prov_side: list[Actor], org_side: list[Actor], org: str, place: str) -> None:
        s1 = [a for a in prov_side if a.offices[-1].role in SIGNER_ROLES]
        s2 = org_side[1:] or org_side[:1]
        roles = {a.person.pid: "attendee" for a in groups["G1"] + groups["H1"]}
        if s1:
            groups["S1"], groups["S2"] = s1[:1], s2[:1]
            roles |= {s1[0].person.pid: "signatory", s2[0].person.pid: "signatory"}
        v["AGREEMENT"] = self.rng.choice(self.words["agreement"])
        amount = self.amount()
        v["AMOUNT"] = amount["text"]
        events["sign"] = PlanEvent(self.eid(), "signing", place, roles, [org, v["PG"]], [], amount)

    def plan_reverse(self, day: int) -> Plan | None:
        p = self.pick_province()
        c = self.pick_central(("soe", "soe", "ministry", "bank"))
        local = self.prov_actors(p, day, ["prov_sec", "prov_gov"])
        if self.rng.random() < 0.5:
            local = local[:1]
        rest = self.prov_actors(p, day, ["prov_exec", "prov_sg", "prov_vice"])
        rest = self.rng.sample(rest, min(len(rest), self.rng.randint(0, 2)))
        host = self.central_team(c, day, 1)
        if not local or not host:
            return None
        v = self.base_vars(p) | {"ORG": c.written}
        roles = {a.person.pid: "host" for a in local + rest} | {a.person.pid: "visitor" for a in host}
        events = {"main": PlanEvent(self.eid(), "meeting", p.capital_short, roles, [c.written], [v["TOPIC"]])}
        groups = {"L": local, "L1": local[:1], "LX": rest, "H1": host[:1], "G1": local[:1]}
        if self.rng.random() < 0.3:
            self.add_signing(events, groups, v, rest, host, c.written, p.capital_short)
        return Plan("reverse", day, p, groups, v, events, c.code)

    def plan_inspect(self, day: int) -> Plan | None:
        p = self.pick_province()
        if not p.cities:
            return None
        city_name = self.rng.choice(p.cities)
        lead = self.prov_actors(p, day, [self.rng.choice(["prov_sec", "prov_gov"])])
        rest = self.rng.sample(self.prov_actors(p, day, ["prov_vice", "prov_sg"]), self.rng.randint(0, 1))
        city = [a for a in (self.holder(s, day) for s in self.w.by_kind_prov.get(("city_sec", p.name), [])
                            + self.w.by_kind_prov.get(("city_mayor", p.name), [])) if a and a.unit == city_name]
        if not lead:
            return None
        city = city[: self.rng.randint(1, 2)]
        v = self.base_vars(p) | {"CITY": short_city(city_name), "CITYF": city_name}
        roles = {a.person.pid: "visitor" for a in lead + rest} | {a.person.pid: "attendee" for a in city}
        events = {"main": PlanEvent(self.eid(), "inspection", short_city(city_name), roles, [], [v["TOPIC"]])}
        groups = {"L": lead, "L1": lead, "LX": rest, "C": city}
        return Plan("inspect", day, p, groups, v, events)

    def plan_meet(self, day: int) -> Plan | None:
        p = self.pick_province()
        party = self.rng.random() < 0.6
        chair = self.prov_actors(p, day, ["prov_sec" if party else "prov_gov"])
        attend = self.prov_actors(p, day, ["prov_exec", "prov_vice"] if not party else ["prov_gov", "prov_depsec"])
        if not chair:
            return None
        attend = attend[: self.rng.randint(0, 2)]
        meeting = f"{p.party_short}常委会会议" if party else f"{p.gov_short}常务会议"
        v = self.base_vars(p) | {"MEETING": meeting, "MEET": self.rng.choice(self.words["meet_topic"])}
        roles = {chair[0].person.pid: "chair"} | {a.person.pid: "attendee" for a in attend}
        events = {"main": PlanEvent(self.eid(), "meeting", p.capital_short, roles,
                                    [p.party_org if party else f"{p.name}人民政府"], [v["TOPIC"]])}
        return Plan("meet", day, p, {"CH": chair, "AT": attend}, v, events)

    def plan_conf(self, day: int) -> Plan | None:
        p = self.pick_province()
        sec = self.prov_actors(p, day, ["prov_sec"])
        gov = self.prov_actors(p, day, ["prov_gov"])
        rest = self.prov_actors(p, day, ["prov_depsec", "prov_exec", "prov_sg", "prov_vice"])
        if not sec or not gov:
            return None
        rest = by_rank(self.rng.sample(rest, min(len(rest), self.rng.randint(0, 3))))
        v = self.base_vars(p)
        v["CONF"] = self.rng.choice(self.words["conference"]).replace("{SCOPE}", v["SCOPE"])
        roles = {sec[0].person.pid: "attendee", gov[0].person.pid: "chair"} | {a.person.pid: "attendee" for a in rest}
        events = {"main": PlanEvent(self.eid(), "conference", p.capital_short, roles, [], [v["CONF"]])}
        return Plan("conf", day, p, {"L1": sec, "L2": gov, "LX": rest}, v, events)

    def plan_foreign_meet(self, day: int, etype: str = "meeting") -> Plan | None:
        p = self.pick_province()
        lead = self.prov_actors(p, day, [self.rng.choice(["prov_sec", "prov_gov"])])
        rest = self.rng.sample(self.prov_actors(p, day, ["prov_vice"]), self.rng.randint(0, 1))
        if not lead:
            return None
        country = self.rng.choice(self.w.countries)
        amb = self.w.ambassador(country)
        guest = Actor(amb, [amb.career[0][0]], 0, country)
        v = self.base_vars(p) | {"COUNTRY": country}
        roles = {lead[0].person.pid: "host", amb.pid: "visitor"} | {a.person.pid: "attendee" for a in rest}
        events = {"main": PlanEvent(self.eid(), etype, p.capital_short, roles, [], [v["TOPIC"]])}
        kind = "foreign_meet" if etype == "meeting" else "foreign_talks"
        return Plan(kind, day, p, {"L1": lead, "LX": rest, "F": [guest]}, v, events)

    def plan_foreign_talks(self, day: int) -> Plan | None:
        return self.plan_foreign_meet(day, "talks")

    def plan_signing(self, day: int) -> Plan | None:
        p = self.pick_province()
        c = self.pick_central(("soe", "soe", "bank"))
        gov = self.prov_actors(p, day, ["prov_gov"])
        vice = self.prov_actors(p, day, ["prov_exec", "prov_vice"])
        team = self.central_team(c, day, 1)
        if not gov or not vice or len(team) < 2:
            return None
        s1 = [self.rng.choice(vice)]
        v = self.base_vars(p) | {"ORG": c.written}
        v["AGREEMENT"] = self.rng.choice(self.words["agreement"])
        amount = self.amount()
        v["AMOUNT"] = amount["text"]
        roles = {gov[0].person.pid: "attendee", team[0].person.pid: "attendee",
                 s1[0].person.pid: "signatory", team[1].person.pid: "signatory"}
        events = {"main": PlanEvent(self.eid(), "signing", p.capital_short, roles, [c.written, v["PG"]],
                                    [v["TOPIC"]], amount)}
        groups = {"L1": gov, "H1": team[:1], "S1": s1, "S2": team[1:2]}
        return Plan("signing", day, p, groups, v, events, c.code)

    def plan_personnel(self, day: int) -> Plan | None:
        """One body's personnel notice of this day (or of a day in the last month not yet told)."""
        for d in range(day - 30, day + 1):
            for body, items in self.w.changes.pop(d, {}).items():
                self.personnel_queue.append((d, body, items))
        while self.personnel_queue and self.personnel_queue[0][0] < day - 30:
            self.personnel_queue.popleft()
        if not self.personnel_queue:
            return None
        d, body, items = self.personnel_queue.popleft()
        kind, _, where = body.partition("|")
        p = next((x for x in self.w.provinces if x.name == where), None)
        v = self.base_vars(p) if p else {"CAP": "北京"}
        events = {}
        items = sorted(items, key=lambda x: x[0] != "appoint")     # appointments first, as notices do
        for i, (action, slot, person) in enumerate(items):
            actor = actor_of(slot, person)
            org = slot.offices[slot.main].organization
            ev = PlanEvent(self.eid(), "appointment" if action == "appoint" else "removal", None,
                           {person.pid: "subject"}, [org])
            ev.clauses.append((action, actor))
            events["main" if i == 0 else f"c{i}"] = ev
        v["SESSION"] = str(self.rng.randint(2, 15))
        if p is not None:
            term = "十四" if d >= date(2023, 1, 15).toordinal() else "十三"
            v["NPC"] = f"{p.name}第{term}届人民代表大会"
        v["TERM"] = "十四届" if d >= date(2023, 3, 10).toordinal() else "十三届"
        return Plan("personnel", d, p, {}, v, events, body=kind)


SIGNER_ROLES = ("副省长", "副市长", "副主席", "常务副省长", "常务副市长", "常务副主席")
KIND_ORDER = {"书记": 0, "副书记": 1, "常委": 2, "常务副省长": 3, "常务副市长": 3, "常务副主席": 3,
              "秘书长": 4, "副省长": 5, "副市长": 5, "副主席": 5, "省长": 1, "市长": 1, "主席": 1}


def by_rank(actors: list[Actor]) -> list[Actor]:
    """Actors in the order a list names them (常委 before 副省长), so that equal titles stand together."""
    return sorted(actors, key=lambda a: min(KIND_ORDER.get(o.role, 9) for o in a.offices))


HEAD_KIND = {"ministry": "min_head", "soe": "soe_chair", "bank": "bank_chair", "commission": "sasac_head"}
DEPUTY_KIND = {"ministry": "min_vice", "soe": "soe_gm", "bank": "bank_pres", "commission": "sasac_vice"}
NOTICE_TEMPLATES = {"npc": ["N01"], "cpc": ["N02"], "sc": ["N03"], "npcsc": ["N06"], "org": ["N04"], "city": ["N05"]}
# which reports tell a story: (source, probability, publication delay in days (min, max))
REPORTS = {
    "visit": [("paper", 1.0, (0, 1)), ("site", 0.6, (0, 1)), ("summary", 0.25, (2, 10))],
    "reverse": [("paper", 1.0, (0, 1)), ("site", 0.4, (0, 1)), ("cctv", 0.1, (0, 0)), ("summary", 0.15, (2, 10))],
    "inspect": [("paper", 1.0, (0, 1)), ("cctv", 0.1, (0, 0)), ("summary", 0.1, (2, 10))],
    "meet": [("paper", 1.0, (0, 1)), ("summary", 0.1, (2, 10))],
    "conf": [("paper", 1.0, (0, 1)), ("summary", 0.15, (2, 10))],
    "foreign_meet": [("paper", 1.0, (0, 1)), ("summary", 0.1, (2, 10))],
    "foreign_talks": [("paper", 1.0, (0, 1)), ("cctv", 0.3, (0, 0))],
    "signing": [("paper", 1.0, (0, 1)), ("site", 0.6, (0, 1)), ("summary", 0.15, (2, 10))],
    "personnel": [("notice", 1.0, (0, 2)), ("summary", 0.2, (3, 10))],
}


# ----------------------------------------------------------------------------- rendering


class Doc:
    """A report being written: text pieces, the planted mentions and the events told."""

    def __init__(self, pub: date):
        self.pub = pub
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: list[dict[str, Any]] = []
        self.events: dict[str, dict[str, Any]] = {}
        self.introduced: set[str] = set()
        self.persons: list[Person] = []
        self.dated: bool | None = None

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def name(self, person: Person, offices: list[Office], main: int | None, event: PlanEvent | None,
             tid: str, title: str | None = None, byline: bool = False) -> None:
        start = self.pos
        self.add(person.name)
        office = None
        if offices:
            office = offices[main].office if main is not None and main < len(offices) else offices[-1].office
        m: dict[str, Any] = {"person": person.pid, "name": person.name, "office": office,
                             "offices": [o.office for o in offices], "title": title, "start": start, "end": self.pos,
                             "event": event.eid if event else None, "tpl": tid}
        if byline:
            m["byline"] = True
        self.mentions.append(m)
        if person not in self.persons:
            self.persons.append(person)
        if event is not None:
            rec = self.events[event.eid]
            if not any(x["person"] == person.pid for x in rec["participants"]):
                rec["participants"].append({"person": person.pid, "role": event.roles[person.pid]})

    def text(self) -> str:
        return "".join(self.parts)


def fmt_day(day: int) -> str:
    return date.fromordinal(day).isoformat()


class Renderer:
    """Writes plans into reports by their templates, choosing the wording at random."""

    def __init__(self, world: World, rng: random.Random, templates: dict[tuple[str, str], list[Template]],
                 words: dict[str, list[str]]):
        self.w, self.rng, self.templates, self.words = world, rng, templates, words
        self.by_id = {t.tid: t for ts in templates.values() for t in ts}
        self.prov_names = {p.name for p in world.provinces}

    def pick(self, kind: str, source: str) -> Template | None:
        pool = self.templates.get((kind, source)) or self.templates.get((kind, "*"))
        return self.rng.choice(pool) if pool else None

    # dates ------------------------------------------------------------------

    def date_expr(self, day: int, pub: date, source: str) -> tuple[str, bool]:
        ev = date.fromordinal(day)
        gap = (pub - ev).days
        r = self.rng.random()
        if gap >= 2 and r < 0.15:
            return self.rng.choice(["日前", "近日"]), False
        if gap == 0 and source == "cctv" and r < 0.6:
            text = "今天"
        elif gap == 1 and source == "paper" and r < 0.5:
            text = "昨天"
        else:
            text = f"{ev.month}月{ev.day}日"
            if ev.year != pub.year or self.rng.random() < 0.15:
                text = f"{ev.year}年{text}"
        if self.rng.random() < 0.35:
            text += self.rng.choice(["上午", "下午"])
        return text, True

    def dateline(self, doc: Doc, plan: Plan, source: str) -> None:
        if source != "paper" or plan.province is None or self.rng.random() < 0.25:
            return
        reporter = self.w.reporter(plan.province.paper)
        ev = date.fromordinal(plan.day)
        if (doc.pub - ev).days == 1 and self.rng.random() < 0.6:
            place = "北京" if plan.kind == "visit" else plan.province.capital_short
            verb = "电" if place == "北京" and plan.province.name != "北京市" else "讯"
            doc.add(f"本报{place}{ev.month}月{ev.day}日{verb}（记者 ")
        else:
            doc.add("本报讯（记者 ")
        doc.name(reporter, [], None, None, "DL", byline=True)
        doc.add("）")

    # people -----------------------------------------------------------------

    def title(self, doc: Doc, actor: Actor, full: bool, chain: bool, seen: set[str]) -> tuple[str, list[Office]]:
        """The written title of an actor and the offices it gives. The body or jurisdiction is written
        on the first title of a list (full), or left implicit (short: a provincial paper on its own
        province, or a body already named); later titles of the same list leave it implicit."""
        offices = actor.offices if chain else [actor.offices[actor.main]]
        first = offices[0]
        if actor.unit in seen:
            head = first.short
        elif full:
            head = first.office
        elif actor.unit in self.prov_names or actor.unit in doc.introduced:
            head = first.short
        else:
            head = first.office
        seen.add(actor.unit)
        doc.introduced.add(actor.unit)
        return "、".join([head] + [o.link for o in offices[1:]]), offices

    def group(self, doc: Doc, actors: list[Actor], form: str, plan: Plan, ev: PlanEvent, tid: str) -> None:
        if form in ("bare", "first"):
            for i, a in enumerate(actors[:1] if form == "first" else actors):
                if i:
                    doc.add("、")
                doc.name(a.person, [], None, ev, tid)
            return
        if form == "etc":
            self.group_etc(doc, actors, plan, ev, tid)
            return
        written = []
        seen: set[str] = set()
        for a in actors:
            chain = len(a.offices) > 1 and self.rng.random() < 0.6
            written.append((a, *self.title(doc, a, form == "full", chain, seen)))
        sep = "，" if any("、" in t for _, t, _ in written) else "、"
        prev = None
        for i, (a, t, offs) in enumerate(written):
            if i:
                doc.add("、" if t == prev else sep)
            if t != prev:
                doc.add(t)
            doc.name(a.person, offs, self.main_index(a, offs), ev, tid, t)
            prev = t

    @staticmethod
    def main_index(a: Actor, offs: list[Office]) -> int:
        main = a.offices[a.main]
        return offs.index(main) if main in offs else len(offs) - 1

    def group_etc(self, doc: Doc, actors: list[Actor], plan: Plan, ev: PlanEvent, tid: str) -> None:
        """省领导D、E等 (a generic title, no office) or 副省长D、E等 (a shared title)."""
        p = plan.province
        generic = p is not None and all(a.unit == p.name for a in actors) and self.rng.random() < 0.5
        if generic and p is not None:
            generic_title = {"省": "省领导", "市": "市领导", "自治区": "自治区领导"}[p.ptype]
            doc.add(generic_title)
            for i, a in enumerate(actors):
                if i:
                    doc.add("、")
                doc.name(a.person, [], None, ev, tid, generic_title)
        else:
            prev = None
            seen: set[str] = set()
            for i, a in enumerate(actors):
                t, offs = self.title(doc, a, False, False, seen)
                if i:
                    doc.add("、" if t == prev else "，")
                if t != prev:
                    doc.add(t)
                doc.name(a.person, offs, 0, ev, tid, t)
                prev = t
        doc.add("等")

    # templates ----------------------------------------------------------------

    def render(self, doc: Doc, tpl: Template, plan: Plan, source: str) -> None:
        ev = plan.events.get(tpl.event) or plan.events["main"]
        for tokens, groups in tpl.segments:
            if any(not plan.groups.get(g) for g in groups):
                continue
            if tpl.kind != "personnel" and not tpl.kind.endswith("_personnel"):
                self.open_event(doc, ev, plan, tpl.tid)
            for kind, name, form in tokens:
                if kind == "text":
                    doc.add(name)
                elif kind == "part":
                    self.render_part(doc, name, plan, source)
                else:
                    self.slot(doc, name, form, plan, ev, tpl, source)
        for rec in doc.events.values():
            if rec["dated"] is None:
                rec["dated"] = doc.dated

    def render_part(self, doc: Doc, name: str, plan: Plan, source: str) -> None:
        tag = {"sign": "sign", "visit2": "second"}[name]
        if tag in plan.events:
            tpl = self.pick(name, source)
            if tpl is not None:
                self.render(doc, tpl, plan, source)

    def open_event(self, doc: Doc, ev: PlanEvent, plan: Plan, tid: str) -> None:
        """Enter an event into the report's truth; its date counts as written when the date slot
        of its template, or of the sentence it follows (当天下午, 座谈后), was a date."""
        if ev.eid not in doc.events:
            rec: dict[str, Any] = {"event": ev.eid, "type": ev.etype, "date": fmt_day(plan.day), "place": ev.place,
                                   "participants": [], "organizations": ev.organizations, "dated": None,
                                   "tpl": tid}
            doc.events[ev.eid] = rec

    def slot(self, doc: Doc, name: str, form: str, plan: Plan, ev: PlanEvent, tpl: Template, source: str) -> None:
        if name in GROUP_NAMES:
            self.group(doc, plan.groups[name], form or "full", plan, ev, tpl.tid)
        elif name == "DATE":
            text, dated = self.date_expr(plan.day, doc.pub, source)
            doc.add(text)
            doc.dated = dated
            if ev.eid in doc.events and doc.events[ev.eid]["dated"] is None:
                doc.events[ev.eid]["dated"] = dated
        elif name == "DATELINE":
            self.dateline(doc, plan, source)
        elif name == "APPOINTS":
            self.appoints(doc, plan, tpl)
        elif name.startswith("STMT_"):
            key = {"G": "stmt_guest", "H": "stmt_host", "L": "stmt_local", "F": "stmt_foreign"}[name[5:]]
            doc.add(self.fill_words(self.rng.choice(self.words[key]), plan))
        else:
            doc.add(plan.vars[name])
            if name == "AMOUNT" and ev.eid in doc.events:
                doc.events[ev.eid]["amount"] = ev.amount      # the sum, where this report gives it
            if name in ("ORG", "ORG2"):
                doc.introduced.add(plan.vars[name])
            elif name in ("CITY", "CITYF"):
                doc.introduced.add(plan.vars["CITYF"])

    def fill_words(self, text: str, plan: Plan) -> str:
        return re.sub(r"\{([A-Z]+)\}", lambda m: plan.vars.get(m.group(1), ""), text)

    def appoints(self, doc: Doc, plan: Plan, tpl: Template) -> None:
        """The clauses of a personnel notice: 任命A为X；免去B的X职务 (state bodies) or A同志任X；B同志
        不再担任X职务 (party decisions), one event each."""
        state = plan.body in ("npc", "sc", "npcsc")
        lines = self.rng.random() < 0.4
        evs = list(plan.events.values())
        for i, ev in enumerate(evs):
            self.open_event(doc, ev, plan, tpl.tid)
            action, actor = ev.clauses[0]
            offs = [o for o in actor.offices if not (state and o.party)] or actor.offices
            title = "、".join([offs[0].office] + [o.link for o in offs[1:]])
            if i:
                doc.add("\n" if lines else "；")
            if state:
                doc.add(("决定任命" if self.rng.random() < 0.3 else "任命") if action == "appoint" else "免去")
                doc.name(actor.person, offs, self.main_index(actor, offs), ev, tpl.tid, title)
                doc.add(f"为{title}" if action == "appoint" else f"的{title}职务")
            else:
                doc.name(actor.person, offs, self.main_index(actor, offs), ev, tpl.tid, title)
                doc.add(f"同志任{title}" if action == "appoint" else f"同志不再担任{title}职务")
        doc.add("。")

    # whole reports --------------------------------------------------------------

    def report(self, plan: Plan, source: str, pub: date, others: list[Plan]) -> Doc:
        doc = Doc(pub)
        if source == "summary":
            self.summary(doc, [plan, *others])
            return doc
        tpl: Template | None
        if plan.kind == "personnel":
            tpl = self.by_id[self.rng.choice(NOTICE_TEMPLATES[plan.body])]
        else:
            tpl = self.pick(plan.kind, source) or self.pick(plan.kind, "paper")
        assert tpl is not None, plan.kind
        self.render(doc, tpl, plan, source)
        if plan.kind != "personnel":
            self.fill(doc, plan, source)
        return doc

    def fill(self, doc: Doc, plan: Plan, source: str) -> None:
        """Background paragraphs after the lead (no names, no sentence twice): 3–9 sentences in a paper,
        0–3 on a site or CCTV, 1–3 to a paragraph."""
        pool = self.words.get(f"fill_{plan.kind}", []) + self.words["fill"]
        n = self.rng.randint(3, 9) if source == "paper" else self.rng.randint(0, 3)
        sentences = self.rng.sample(pool, min(len(pool), n))
        p = plan.province
        if p is not None and not any(p.short in s for s in doc.parts) and not any("{P}" in s for s in sentences):
            # a paper's readers know its province; a bulk text must name it (else 省委书记 is unreadable)
            named = [s for s in self.words["fill"] if "{P}" in s and s not in sentences]
            sentences.insert(self.rng.randint(0, len(sentences)), self.rng.choice(named))
        while sentences:
            k = self.rng.randint(1, 3)
            doc.add("\n" + "".join(self.fill_words(s, plan) for s in sentences[:k]))
            sentences = sentences[k:]

    def summary(self, doc: Doc, plans: list[Plan]) -> None:
        """A later roundup: one item per story, some under a heading line."""
        if self.rng.random() < 0.5:
            doc.add(self.rng.choice(["本期要闻如下。", "近期，各地各部门扎实推进各项工作。"]) + "\n")
        for i, plan in enumerate(plans):
            if i:
                doc.add("\n")
            if plan.province is not None and self.rng.random() < 0.4:
                doc.add(f"{plan.province.short}：{self.headline(plan)}\n")
            tpl = self.pick(f"item_{plan.kind}", "summary")
            assert tpl is not None, plan.kind
            self.render(doc, tpl, plan, "summary")

    def headline(self, plan: Plan) -> str:
        tpl = self.pick(f"title_{plan.kind}", "*")
        if tpl is None:
            return "要闻"
        return "".join(name if kind == "text" else plan.vars.get(name, "")
                       for tokens, _ in tpl.segments for kind, name, _f in tokens)

    def title_of(self, plan: Plan, source: str) -> str:
        if source == "summary":
            tpl = self.pick("title_summary", "*")
            assert tpl is not None
            return "".join(t[1] for seg, _ in tpl.segments for t in seg)
        return self.headline(plan)


# ----------------------------------------------------------------------------- the run


@dataclass
class Counts:
    reports: int = 0
    chars: int = 0
    mentions: int = 0
    events: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)


def load_inputs() -> dict[str, list[list[str]]]:
    return {k: read_tsv(p) for k, p in INPUTS.items()}


def load_words(rows: list[list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lst, entry in rows:
        out.setdefault(lst, []).append(entry)
    return out


def schedule(plan: Plan, rng: random.Random, end: date) -> list[tuple[str, date]]:
    """The reports that tell a plan: the first always, the others by chance; none after `end`."""
    out = []
    for i, (source, prob, (lo, hi)) in enumerate(REPORTS[plan.kind]):
        if i and rng.random() >= prob:
            continue
        pub = date.fromordinal(plan.day + rng.randint(lo, hi))
        if pub > end:
            if i:
                continue
            pub = end
        out.append((source, pub))
    return out


class Generator:
    def __init__(self, n: int, seed: int, start: date, end: date, namesakes: float):
        self.n, self.seed, self.start, self.end = n, seed, start, end
        self.rng = random.Random(seed)
        inputs = load_inputs()
        self.words = load_words(inputs["words"])
        self.world = World(self.rng, inputs, self.words, start, end, namesakes)
        self.world.simulate()
        self.world.plant_namesakes()
        self.stories = Stories(self.world, self.rng, self.words)
        self.renderer = Renderer(self.world, self.rng, load_templates(inputs["templates"]), self.words)
        self.recent: deque[Plan] = deque(maxlen=40)
        self.counts = Counts()

    def plans(self) -> Iterator[Plan]:
        days = self.end.toordinal() - self.start.toordinal() + 1
        for i in range(days):
            day = self.start.toordinal() + i
            target = round(self.n * (i + 1) / days)
            fails = 0
            while self.counts.reports < target and fails < 1000:
                plan = self.stories.make(day)
                if plan is None:
                    fails += 1          # nobody in office for that story today: try another
                    continue
                fails = 0
                yield plan

    def run(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        with open(out / "reports.jsonl", "w", encoding="utf-8") as fr, \
                open(out / "truth_reports.jsonl", "w", encoding="utf-8") as ft, \
                open(out / "truth_events.jsonl", "w", encoding="utf-8") as fe:
            for plan in self.plans():
                for source, pub in schedule(plan, self.rng, self.end):
                    if self.counts.reports >= self.n:
                        break
                    others = self.others(plan, pub) if source == "summary" else []
                    self.write(plan, source, pub, others, fr, ft, fe)
                self.recent.append(plan)
        self.write_persons(out / "truth_persons.jsonl")
        self.write_manifest(out / "manifest.json")

    def others(self, plan: Plan, pub: date) -> list[Plan]:
        pool = [p for p in self.recent if (p.kind == "personnel") == (plan.kind == "personnel")]
        pool = [p for p in pool if pub.toordinal() - 14 <= p.day < pub.toordinal() and p is not plan]
        return self.rng.sample(pool, min(len(pool), self.rng.randint(1, 3)))

    def write(self, plan: Plan, source: str, pub: date, others: list[Plan],
              fr: TextIO, ft: TextIO, fe: TextIO) -> None:
        doc = self.renderer.report(plan, source, pub, others)
        c = self.counts
        c.reports += 1
        rid = f"gen{self.seed}-{c.reports:07d}"
        text = doc.text()
        where = plan.province.code if plan.province else (plan.site_code or "cn")
        url = f"https://example.invalid/{source}/{where}/{pub:%Y%m%d}/{rid}.html"
        rec = {"id": rid, "title": self.renderer.title_of(plan, source), "published": pub.isoformat(),
               "text": text, "url": url}
        fr.write(json.dumps(rec, ensure_ascii=False) + "\n")
        events = [e | {"dated": bool(e["dated"])} for e in doc.events.values()]
        ft.write(json.dumps({"id": rid, "source": source, "kind": plan.kind, "mentions": doc.mentions,
                             "events": events}, ensure_ascii=False) + "\n")
        for p in doc.persons:
            p.reports += 1
        self.write_events(plan, others, doc, fe)
        c.chars += len(text)
        c.mentions += len(doc.mentions)
        c.by_source[source] = c.by_source.get(source, 0) + 1
        c.by_kind[plan.kind] = c.by_kind.get(plan.kind, 0) + 1

    def write_events(self, plan: Plan, others: list[Plan], doc: Doc, fe: TextIO) -> None:
        for p in (plan, *others):
            for ev in p.events.values():
                if ev.eid in doc.events and not ev.written:
                    ev.written = True
                    self.counts.events += 1
                    parts = [{"person": pid, "role": role} for pid, role in ev.roles.items()]
                    rec: dict[str, Any] = {"event": ev.eid, "type": ev.etype, "date": fmt_day(p.day),
                                           "place": ev.place, "participants": parts,
                                           "organizations": ev.organizations, "topics": ev.topics}
                    if ev.amount is not None:
                        rec["amount"] = ev.amount
                    fe.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def write_persons(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            for p in self.world.persons:
                f.write(json.dumps(person_record(p), ensure_ascii=False) + "\n")

    def write_manifest(self, path: Path) -> None:
        c = self.counts
        persons = self.world.persons
        manifest = {
            "generator": GENERATOR_VERSION,
            "parameters": {"n": self.n, "seed": self.seed, "start": self.start.isoformat(),
                           "end": self.end.isoformat(), "namesakes": self.world.namesake_rate},
            "counts": {"reports": c.reports, "characters": c.chars, "mentions": c.mentions, "events": c.events,
                       "persons": len(persons), "persons_mentioned": sum(1 for p in persons if p.reports),
                       "officials": sum(1 for p in persons if p.kind == "official"),
                       "namesake_pairs": len(self.world.namesake_pairs),
                       "slots": len(self.world.slots), "by_source": dict(sorted(c.by_source.items())),
                       "by_kind": dict(sorted(c.by_kind.items()))},
            "namesake_pairs": [list(x) for x in self.world.namesake_pairs],
            "inputs": {k: {"path": str(p.relative_to(ROOT)), "sha256": sha256(p)} for k, p in INPUTS.items()},
            "files": ["reports.jsonl", "truth_persons.jsonl", "truth_reports.jsonl", "truth_events.jsonl"],
        }
        path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def person_record(p: Person) -> dict[str, Any]:
    """A person's truth line; consecutive terms of the same office are merged."""
    career: list[dict[str, Any]] = []
    for off, s, e in p.career:
        prev = next((c for c in career if c["office"] == off.office and c["end"] == fmt_opt(s)), None)
        if prev is not None and s is not None:
            prev["end"] = fmt_opt(e)
            continue
        career.append({"office": off.office, "organization": off.organization, "role": off.role,
                       "jurisdiction": off.jurisdiction, "start": fmt_opt(s), "end": fmt_opt(e)})
    rec: dict[str, Any] = {"person": p.pid, "name": p.name, "kind": p.kind}
    if p.gender:
        rec["gender"] = p.gender
    rec["career"] = career
    if p.namesakes:
        rec["namesakes"] = p.namesakes
    rec["reports"] = p.reports
    return rec


def fmt_opt(day: int | None) -> str | None:
    return None if day is None else fmt_day(day)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of reports")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="output directory (created)")
    ap.add_argument("--start", type=date.fromisoformat, default=date(2022, 1, 1), help="first date (YYYY-MM-DD)")
    ap.add_argument("--end", type=date.fromisoformat, default=date(2024, 12, 31), help="last date (YYYY-MM-DD)")
    ap.add_argument("--namesakes", type=float, default=0.03, help="share of new officials given another's name")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    if args.end < args.start:
        ap.error("--end is before --start")
    if not 0 <= args.namesakes < 0.5:
        ap.error("--namesakes must be in [0, 0.5)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t0, c0 = time.perf_counter(), time.process_time()
    gen = Generator(args.n, args.seed, args.start, args.end, args.namesakes)
    try:
        gen.run(args.out)
    except OSError as exc:
        print(f"generate_corpus: E107 {args.out}: {exc.strerror}", file=sys.stderr)
        return 1
    c = gen.counts
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{c.reports} reports, {c.chars} chars, {c.mentions} mentions, {c.events} events, "
          f"{len(gen.world.persons)} persons ({len(gen.world.namesake_pairs)} namesake pairs) "
          f"in {dt:.1f} s wall, {cpu:.1f} s CPU ({c.reports / dt:,.0f} reports/s, {c.chars / dt:,.0f} chars/s wall), "
          f"peak RSS {rss:.0f} MB → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
