#!/usr/bin/env python3
"""Resolution quality on a generated corpus whose truth is known.

    python3 benchmarks/generate_corpus.py --n 20000 --seed 7 --out /tmp/gen
    PYTHONPATH=src python3 benchmarks/store_resolution.py /tmp/gen [--db /tmp/gen.db] [--workers 2]

Ingests ``DIR/reports.jsonl`` into a fresh store (unless ``--db`` names an existing one with
``--reuse``; ``--regroup`` then groups its events again with the code at hand), then compares
the persons of the store with ``DIR/truth_reports.jsonl``:

- a truth mention (report, span) is matched to the store mention of that report whose spans
  overlap it; a store mention (one per person per report) takes the truth person most of its
  matched spans have;
- pairwise precision: of the pairs of matched mentions the store puts in one person, the share
  that are one planted person; recall: of the pairs that are one planted person, the share the
  store puts together (pairs over (report, person) units, so a report that names someone five
  times counts once);
- namesakes: every planted namesake pair (``namesakes`` in ``truth_persons.jsonl``) must never
  share a store person; unassigned (ambiguous) mentions are singletons.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from sqlalchemy import select

from ganbu.store import schema as S
from ganbu.store.api import open_store
from ganbu.store.events import TYPE_CLASS


def _spans(text: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in p.split("-")) for p in text.split()]  # type: ignore[misc]


def load_store(st) -> dict[str, list[tuple[int, list[tuple[int, int]], int | None]]]:
    """source id → [(mention idx, spans, person id)]."""
    out: dict[str, list] = defaultdict(list)
    with st.engine.connect() as c:
        q = (select(S.documents.c.source, S.mentions.c.idx, S.mentions.c.spans, S.mentions.c.person_id)
             .join(S.documents, S.documents.c.id == S.mentions.c.document_id))
        for source, idx, spans, pid in c.execute(q):
            out[source].append((idx, _spans(spans), pid))
    return out


def units(truth_path: Path, store: dict) -> tuple[list[tuple[str, int, str, int | None]], int, int]:
    """(report, store idx, truth person, store person) per matched unit; counts of truth mentions."""
    n_truth = n_matched = 0
    votes: dict[tuple[str, int], Counter] = defaultdict(Counter)
    pid_of: dict[tuple[str, int], int | None] = {}
    with open(truth_path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            ours = store.get(rec["id"], [])
            for m in rec["mentions"]:
                n_truth += 1
                for idx, spans, pid in ours:
                    if any(s < m["end"] and m["start"] < e for s, e in spans):
                        votes[(rec["id"], idx)][m["person"]] += 1
                        pid_of[(rec["id"], idx)] = pid
                        n_matched += 1
                        break
    out = [(r, i, c.most_common(1)[0][0], pid_of[(r, i)]) for (r, i), c in votes.items()]
    return out, n_truth, n_matched


def pairwise(us: list[tuple[str, int, str, int | None]]) -> tuple[float, float, int, int, int]:
    by_truth: dict[str, int] = Counter(t for _, _, t, _ in us)
    by_pred: dict[int, int] = Counter(p for _, _, _, p in us if p is not None)
    both: dict[tuple[str, int], int] = Counter((t, p) for _, _, t, p in us if p is not None)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    pred = sum(n * (n - 1) // 2 for n in by_pred.values())
    true = sum(n * (n - 1) // 2 for n in by_truth.values())
    return (tp / pred if pred else 1.0), (tp / true if true else 1.0), tp, pred, true


def namesakes(persons_path: Path, us: list) -> tuple[int, int, list[str]]:
    pairs = set()
    names = {}
    with open(persons_path, encoding="utf-8") as fh:
        for line in fh:
            p = json.loads(line)
            names[p["person"]] = p["name"]
            for other in p.get("namesakes", []):
                pairs.add(tuple(sorted((p["person"], other))))
    persons_of: dict[str, set[int]] = defaultdict(set)
    for _, _, t, p in us:
        if p is not None:
            persons_of[t].add(p)
    merged = [f"{names.get(a, a)} {a}/{b}" for a, b in sorted(pairs) if persons_of[a] & persons_of[b]]
    seen = sum(1 for a, b in pairs if persons_of[a] and persons_of[b])
    return len(pairs), seen, merged


def events_eval(st, truth_path: Path) -> tuple[float, float, int, int]:
    """Pairwise precision/recall of event grouping across reports: each stored event report takes
    the planted event of its report whose participants best match the planted persons of its
    participants' matched mentions (Jaccard; a report telling a delegation's two calls in one day
    names the visitors in both, and the second call by its own host), ties and reports without
    such a match by the planted event most of those mentions carry (``event``); pairs of event
    reports *of two different reports* and of one type class (how one report cuts an encounter
    into a visit and a signing is the extractor's business) in one stored event vs in one planted
    event."""
    truth_of: dict[tuple[str, int], Counter] = defaultdict(Counter)
    persons_of: dict[tuple[str, int], set[str]] = defaultdict(set)
    spans: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    planted: dict[str, list[tuple[str, set[str]]]] = {}
    with open(truth_path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for m in rec["mentions"]:
                if m.get("event"):
                    spans[rec["id"]].append((m["start"], m["end"], m["event"], m["person"]))
            planted[rec["id"]] = [(e["event"], {p["person"] for p in e["participants"]})
                                  for e in rec.get("events", ())]
    with st.engine.connect() as c:
        q = (select(S.documents.c.source, S.participants.c.event_idx, S.mentions.c.spans)
             .select_from(S.participants.join(S.mentions, (S.mentions.c.document_id == S.participants.c.document_id) &
                                              (S.mentions.c.idx == S.participants.c.mention_idx))
                          .join(S.documents, S.documents.c.id == S.participants.c.document_id)))
        for source, eidx, sp in c.execute(q):
            for s, e in _spans(sp):
                for ts, te, ev, who in spans.get(source, ()):
                    if s < te and ts < e:
                        truth_of[(source, eidx)][ev] += 1
                        persons_of[(source, eidx)].add(who)
        ours = {(src, idx): (eid, TYPE_CLASS.get(typ, typ)) for src, idx, eid, typ in c.execute(
            select(S.documents.c.source, S.event_reports.c.idx, S.event_reports.c.event_id, S.event_reports.c.type)
            .join(S.documents, S.documents.c.id == S.event_reports.c.document_id))}
    def planted_event(k: tuple[str, int], cnt: Counter) -> str:
        who = persons_of[k]
        best = max(planted.get(k[0], ()), default=None,
                   key=lambda e: (len(who & e[1]) / len(who | e[1]), cnt[e[0]]))
        if best is None or not who & best[1]:
            return cnt.most_common(1)[0][0]
        return best[0]

    us = [(k[0], planted_event(k, cnt), ours[k][0], ours[k][1]) for k, cnt in truth_of.items() if k in ours]

    def cross_pairs(keyf) -> int:
        groups: dict = defaultdict(Counter)
        for u in us:
            key = keyf(u)
            if key is not None:
                groups[key][u[0]] += 1
        return sum((sum(c.values()) ** 2 - sum(n * n for n in c.values())) // 2 for c in groups.values())

    true = cross_pairs(lambda u: (u[1], u[3]))
    pred = cross_pairs(lambda u: (u[2], u[3]) if u[2] is not None else None)
    tp = cross_pairs(lambda u: (u[1], u[2], u[3]) if u[2] is not None else None)
    return (tp / pred if pred else 1.0), (tp / true if true else 1.0), len(us), true


def spells_eval(st, persons_path: Path, us: list) -> tuple[int, int, int, float | None]:
    """Planted career entries (person, office, dates) against the stored spells of the store
    person most of that planted person's mentions went to: how many entries that the corpus
    shows (the person named with that office at least once) have a spell of the same office
    overlapping the planted dates, and the median distance in days between a planted start and
    the stored start of those whose start the store took from an appointment."""
    import datetime as dt
    import statistics

    from ganbu.store.facts import _canonical_org, _place_body

    main_of: dict[str, int] = {}
    votes: dict[str, Counter] = defaultdict(Counter)
    for _, _, t, p in us:
        if p is not None:
            votes[t][p] += 1
    main_of = {t: c.most_common(1)[0][0] for t, c in votes.items()}
    spells: dict[tuple[int, str], list] = defaultdict(list)
    with st.engine.connect() as c:
        q = (select(S.spells.c.person_id, S.offices.c.label, S.spells.c.start_date, S.spells.c.first_seen,
                    S.spells.c.end_date, S.spells.c.last_seen).join(S.offices, S.offices.c.id == S.spells.c.office_id))
        for pid, label, sd, fs, ed, ls in c.execute(q):
            spells[(pid, label)].append((sd, sd or fs, ed or ls))
    shown = found = 0
    gaps: list[int] = []
    with open(persons_path, encoding="utf-8") as fh:
        for line in fh:
            p = json.loads(line)
            pid = main_of.get(p["person"])
            if pid is None:
                continue
            for job in p["career"]:
                org = job.get("organization")
                if not org or not job.get("start"):
                    continue
                canon = (_place_body(org, job["role"]) or _canonical_org(org))[0]
                have = spells.get((pid, f"{canon} {job['role']}"))
                if not have:
                    continue  # never shown with this office (or read differently): not counted
                shown += 1
                start = dt.date.fromisoformat(job["start"])
                end = dt.date.fromisoformat(job["end"]) if job.get("end") else dt.date.max
                hit = [s for s in have if s[1] and s[2] and s[1] <= end and s[2] >= start]
                if hit:
                    found += 1
                    gaps += [abs((s[0] - start).days) for s in hit if s[0]]
    return shown, found, len(gaps), (statistics.median(gaps) if gaps else None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gen", type=Path, help="a folder written by benchmarks/generate_corpus.py")
    ap.add_argument("--db", help="store to use (default: a fresh SQLite file in a temporary folder)")
    ap.add_argument("--reuse", action="store_true", help="the --db store is already filled: do not ingest")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--resolve", action="store_true", help="with --reuse: resolve every name again first")
    ap.add_argument("--regroup", action="store_true", help="with --reuse: group every event again first "
                    "(compare grouping codes on one store)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="ganbu-res-")
    db = args.db or os.path.join(tmp, "gen.db")
    st = open_store(db)
    if not args.reuse:
        t0 = time.time()
        s = st.ingest([str(args.gen / "reports.jsonl")], workers=args.workers)
        print(f"ingest: {s.lines()[0]} (total {time.time() - t0:.1f} s)")
    if args.reuse and args.resolve:
        from ganbu.store.resolve import update

        t0 = time.time()
        print(f"resolve: {update(st.engine, all_names=True)} in {time.time() - t0:.1f} s")
    if args.reuse and args.regroup:
        from ganbu.store.events import regroup

        t0 = time.time()
        with st.engine.begin() as conn:
            n = regroup(conn, set(), set(), everything=True)
        print(f"regroup: {n} events in {time.time() - t0:.1f} s")
    t0 = time.time()
    store = load_store(st)
    us, n_truth, n_matched = units(args.gen / "truth_reports.jsonl", store)
    p, r, tp, pred, true = pairwise(us)
    total, seen, merged = namesakes(args.gen / "truth_persons.jsonl", us)
    unassigned = sum(1 for u in us if u[3] is None)
    print(f"truth mentions {n_truth}, matched to store mentions {n_matched} ({n_matched / max(n_truth, 1):.1%}); "
          f"units {len(us)}, unassigned (ambiguous) {unassigned}")
    print(f"pairwise precision {p:.4f}  recall {r:.4f}  (true pairs {true}, predicted {pred}, both {tp})")
    print(f"namesake pairs planted {total}, both seen {seen}, merged {len(merged)}" +
          (": " + "; ".join(merged[:10]) if merged else ""))
    shown, found, n_app, med = spells_eval(st, args.gen / "truth_persons.jsonl", us)
    print(f"spells: {found} of {shown} planted offices the store holds for the person overlap the planted dates; "
          f"{n_app} start at an appointment, median {med} days from the planted start")
    ep, er, n_ev, true_ev = events_eval(st, args.gen / "truth_reports.jsonl")
    print(f"events across reports: pairwise precision {ep:.4f}  recall {er:.4f} "
          f"({n_ev} stored event reports matched to planted events; {true_ev} true pairs across reports)")
    print(f"evaluation {time.time() - t0:.1f} s; store {db}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
