#!/usr/bin/env python3
"""How much of a generated corpus's planted truth `ganbu.extract` recovers.

    python3 benchmarks/generate_corpus.py --n 5000 --seed 1 --out /tmp/gen
    PYTHONPATH=$PWD/src python3 benchmarks/check_generated.py /tmp/gen --sample 1000

Runs the extractor on a sample of the reports (every k-th, so the sample is spread over the
corpus) and compares with truth_reports.jsonl:

  names      a planted mention is found when an extracted person has a mention with the same
             [start, end); precision counts the extracted mentions that are planted ones
  office     of the planted mentions with a title, found ones whose extracted person has the
             planted main office among its positions' texts (jurisdiction filled: 浙江省副省长),
             and ones that have every planted office of the chain
  events     a planted event is found when an extracted event has the planted date and at least
             one planted participant (date+any), or all of them (date+all); for events whose date
             the report does not write (日前, 近日) only the participants are compared; type = the
             found event also has the planted type

The tables give the figures over the sample, by source, and by template (worst first), so a
template the extractor cannot read stands out.

    python3 benchmarks/check_generated.py /tmp/gen --resolution clusters.jsonl

scores a cross-report person resolution instead (no extraction): clusters.jsonl holds one line
per resolved mention, {"id": report id, "start", "end", "cluster": any id}; over all planted
mentions (one without a line counts as a cluster of its own) it prints pairwise precision and
recall of "same person", and the share of namesake pairs (same name, different planted person)
that were merged.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Tally:
    """Counts for one row of a table."""
    mentions: int = 0
    found: int = 0
    extracted: int = 0
    matched_extracted: int = 0
    titled: int = 0
    office_main: int = 0
    office_all: int = 0
    events: int = 0
    ev_any: int = 0
    ev_all: int = 0
    ev_type: int = 0
    reports: int = 0

    def add(self, other: Tally) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


@dataclass
class Tables:
    total: Tally = field(default_factory=Tally)
    by_source: dict[str, Tally] = field(default_factory=dict)
    by_template: dict[str, Tally] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def row(self, table: dict[str, Tally], key: str) -> Tally:
        return table.setdefault(key, Tally())


def sample(out: Path, n: int) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Every k-th report with its truth line (the two files are line-aligned)."""
    total = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]["reports"]
    step = max(1, total // n)
    with open(out / "reports.jsonl", encoding="utf-8") as fr, open(out / "truth_reports.jsonl", encoding="utf-8") as ft:
        for i, (r, t) in enumerate(zip(fr, ft, strict=True)):
            if i % step == 0:
                rep, truth = json.loads(r), json.loads(t)
                assert rep["id"] == truth["id"]
                yield rep, truth


def score_mentions(truth: dict[str, Any], doc: dict[str, Any], tables: Tables, text: str) -> Tally:
    spans: dict[tuple[int, int], dict[str, Any]] = {}
    for p in doc["people"]:
        for s, e in p["mentions"]:
            spans[(s, e)] = p
    planted = {(m["start"], m["end"]) for m in truth["mentions"]}
    t = Tally(extracted=len(spans), matched_extracted=len(planted & set(spans)))
    for m in truth["mentions"]:
        row = tables.row(tables.by_template, m["tpl"])
        person = spans.get((m["start"], m["end"]))
        row.mentions += 1
        t.mentions += 1
        if person is not None:
            row.found += 1
            t.found += 1
        elif len(tables.misses.setdefault(m["tpl"], [])) < 3:
            snippet = text[max(0, m["start"] - 12):m["end"] + 8].replace("\n", "⏎")
            tables.misses[m["tpl"]].append(f"name {m['name']}: …{snippet}…")
        if not m["offices"]:
            continue
        row.titled += 1
        t.titled += 1
        texts = {pos["text"] for pos in person["positions"]} if person else set()
        if m["office"] in texts:
            row.office_main += 1
            t.office_main += 1
        elif person is not None and len(tables.misses.setdefault(m["tpl"], [])) < 3:
            tables.misses[m["tpl"]].append(f"office {m['name']} {m['office']} ≠ {sorted(texts)}")
        if set(m["offices"]) <= texts:
            row.office_all += 1
            t.office_all += 1
    return t


def score_events(truth: dict[str, Any], doc: dict[str, Any], tables: Tables) -> Tally:
    names = {m["person"]: m["name"] for m in truth["mentions"]}
    extracted = [({p["name"] for p in e["participants"]}, (e.get("date") or {}).get("start"), e["type"])
                 for e in doc["events"]]
    t = Tally()
    for ev in truth["events"]:
        row = tables.row(tables.by_template, ev["tpl"])
        want = {names[p["person"]] for p in ev["participants"]}
        row.events += 1
        t.events += 1
        best = (0, 0, 0)
        for got, day, etype in extracted:
            if ev["dated"] and day != ev["date"]:
                continue
            hit_any = bool(want & got) or not want
            hit_all = want <= got
            if hit_any:
                best = max(best, (1, int(hit_all), int(etype == ev["type"])))
        row.ev_any += best[0]
        row.ev_all += best[1]
        row.ev_type += best[2]
        t.ev_any += best[0]
        t.ev_all += best[1]
        t.ev_type += best[2]
    return t


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    –"


def print_table(title: str, rows: list[tuple[str, Tally]]) -> None:
    print(f"\n{title}")
    print(f"{'':14} {'reports':>7} {'names':>6} {'recall':>6} {'prec':>6} {'titled':>6} {'office':>6} "
          f"{'chain':>6} {'events':>6} {'d+any':>6} {'d+all':>6} {'type':>6}")
    for key, t in rows:
        prec = pct(t.matched_extracted, t.extracted) if t.extracted else "    –"
        print(f"{key:14} {t.reports or '':>7} {t.mentions:>6} {pct(t.found, t.mentions):>6} {prec:>6} "
              f"{t.titled:>6} {pct(t.office_main, t.titled):>6} {pct(t.office_all, t.titled):>6} "
              f"{t.events:>6} {pct(t.ev_any, t.events):>6} {pct(t.ev_all, t.events):>6} {pct(t.ev_type, t.events):>6}")


def recall_key(t: Tally) -> float:
    parts = [t.found / t.mentions if t.mentions else 1.0, t.office_main / t.titled if t.titled else 1.0,
             t.ev_any / t.events if t.events else 1.0]
    return min(parts)


def pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


@dataclass
class Resolution:
    mentions: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    namesake_pairs: int
    namesakes_merged: int

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0


def score_resolution(mentions: Iterable[tuple[str, str, str]]) -> Resolution:
    """Pairwise scores of a clustering of mentions, each given as (planted person, name, cluster)."""
    by_person: Counter[str] = Counter()
    by_cluster: Counter[str] = Counter()
    by_cell: Counter[tuple[str, str]] = Counter()
    by_name: Counter[str] = Counter()
    by_name_person: Counter[tuple[str, str]] = Counter()
    by_name_cluster: Counter[tuple[str, str]] = Counter()
    by_name_cell: Counter[tuple[str, str, str]] = Counter()
    n = 0
    for person, name, cluster in mentions:
        n += 1
        by_person[person] += 1
        by_cluster[cluster] += 1
        by_cell[(cluster, person)] += 1
        by_name[name] += 1
        by_name_person[(name, person)] += 1
        by_name_cluster[(name, cluster)] += 1
        by_name_cell[(name, cluster, person)] += 1
    namesake = pairs(by_name.values()) - pairs(by_name_person.values())
    merged = pairs(by_name_cluster.values()) - pairs(by_name_cell.values())
    return Resolution(n, pairs(by_person.values()), pairs(by_cluster.values()), pairs(by_cell.values()),
                      namesake, merged)


def resolution_main(out: Path, pred_path: Path) -> int:
    pred: dict[tuple[str, int, int], str] = {}
    with open(pred_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            pred[(r["id"], r["start"], r["end"])] = f"c:{r['cluster']}"

    def mentions() -> Iterator[tuple[str, str, str]]:
        with open(out / "truth_reports.jsonl", encoding="utf-8") as ft:
            for line in ft:
                t = json.loads(line)
                for m in t["mentions"]:
                    key = (t["id"], m["start"], m["end"])
                    yield m["person"], m["name"], pred.get(key, f"single:{key}")
    r = score_resolution(mentions())
    print(f"{r.mentions} planted mentions, {len(pred)} resolved")
    print(f"pairwise precision {100 * r.precision:.2f}%  recall {100 * r.recall:.2f}%  "
          f"({r.correct_pairs} of {r.predicted_pairs} predicted pairs, {r.true_pairs} true pairs)")
    share = 100 * r.namesakes_merged / r.namesake_pairs if r.namesake_pairs else 0.0
    print(f"namesake pairs merged {r.namesakes_merged} of {r.namesake_pairs} ({share:.2f}%)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="a directory written by generate_corpus.py")
    ap.add_argument("--sample", type=int, default=1000, help="about this many reports (every k-th)")
    ap.add_argument("--misses", action="store_true", help="print up to 3 missed items per template")
    ap.add_argument("--resolution", type=Path, metavar="CLUSTERS.jsonl",
                    help="score a person resolution of the planted mentions instead")
    args = ap.parse_args(argv)
    if not (args.out / "manifest.json").is_file():
        print(f"check_generated: {args.out}: no manifest.json (not a generated corpus)", file=sys.stderr)
        return 2
    if args.resolution:
        return resolution_main(args.out, args.resolution)
    sys.path.insert(0, str(ROOT / "src"))
    import ganbu  # type: ignore[import-untyped]

    tables = Tables()
    t0 = time.perf_counter()
    chars = 0
    for rep, truth in sample(args.out, args.sample):
        doc = ganbu.extract(rep["text"], rep["published"]).to_dict()
        chars += len(rep["text"])
        t = score_mentions(truth, doc, tables, rep["text"])
        t.add(score_events(truth, doc, tables))
        t.reports = 1
        tables.total.add(t)
        tables.row(tables.by_source, truth["source"]).add(t)
    dt = time.perf_counter() - t0
    print(f"{tables.total.reports} reports, {chars} chars extracted in {dt:.1f} s ({chars / dt:,.0f} chars/s)")
    print_table("overall (%)", [("all", tables.total)])
    print_table("by source (%)", sorted(tables.by_source.items()))
    print_table("by template (%), worst first", sorted(tables.by_template.items(), key=lambda kv: recall_key(kv[1])))
    if args.misses:
        print("\nmisses (up to 3 per template)")
        for tid, lines in sorted(tables.misses.items()):
            for line in lines:
                print(f"  {tid}  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
