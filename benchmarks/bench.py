#!/usr/bin/env python3
"""Throughput and memory of `ganbu.extract`, one core, after warm-up.

    python3 benchmarks/bench.py                 # dev corpus texts (../shared/corpus/dev), else the examples/
    python3 benchmarks/bench.py --bulk 2000     # the first 2000 bulk stories (../shared/corpus/bulk)
    python3 benchmarks/bench.py --files a.txt b.md
    python3 benchmarks/bench.py --bulk 2000 --one-document 1000000   # plus one 1 MB document

Prints chars/s and articles/s for people+positions alone and for the full pipeline, and peak
RSS (MB). Targets on the dev corpus texts: people+positions ≥ 300,000 chars/s, full pipeline
≥ 180,000 chars/s, peak RSS ≤ 300 MB.
"""
from __future__ import annotations

import argparse
import glob
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def load_texts(args) -> tuple[list[tuple[str, str | None]], str]:
    if args.files:
        return [(Path(f).read_text(encoding="utf-8"), None) for f in args.files], "files"
    if args.bulk:
        texts = []
        for f in sorted(glob.glob(str(SHARED / "bulk" / "xwlb_*.jsonl"))):
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    texts.append((rec["text"], rec.get("published")))
                    if len(texts) >= args.bulk:
                        return texts, "bulk"
        if texts:
            return texts, "bulk"
    dev = sorted((SHARED / "dev").glob("*.json"))
    if dev:
        out = []
        for f in dev:
            g = json.loads(f.read_text(encoding="utf-8"))
            out.append((g["text"], g.get("published")))
        return out, "dev"
    return [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "examples").glob("*.md"))], "examples"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulk", type=int, default=0, help="use the first N bulk stories")
    ap.add_argument("--files", nargs="*", help="benchmark these files instead")
    ap.add_argument("--min-seconds", type=float, default=3.0, help="repeat the set until this much time has passed")
    ap.add_argument("--one-document", type=int, default=0, metavar="CHARS",
                    help="also time the texts joined into one document of this many characters (checks linearity)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    t0 = time.perf_counter()
    import ganbu

    texts, label = load_texts(args)
    ganbu.extract(texts[0][0], texts[0][1])  # warm-up: lexicons and automata are built once
    startup = time.perf_counter() - t0
    print(f"corpus: {label} ({len(texts)} texts, {sum(len(t) for t, _ in texts):,} chars)")
    print(f"start-up incl. first extract: {startup:.2f} s")
    for stage, with_events in (("people+positions+organisations", False), ("full pipeline (with events)", True)):
        chars = docs = 0
        start = time.perf_counter()
        while True:
            for text, published in texts:
                ganbu.extract(text, published, events=with_events)
                chars += len(text)
                docs += 1
            elapsed = time.perf_counter() - start
            if elapsed >= args.min_seconds:
                break
        print(f"{stage}: chars/s: {chars / elapsed:,.0f}  articles/s: {docs / elapsed:,.1f}")
    if args.one_document:
        joined = "\n".join(t for t, _ in texts)
        while len(joined) < args.one_document:
            joined += "\n" + joined
        joined = joined[: args.one_document]
        start = time.perf_counter()
        ganbu.extract(joined, texts[0][1])
        elapsed = time.perf_counter() - start
        print(f"one document of {len(joined):,} chars: {elapsed:.2f} s, chars/s: {len(joined) / elapsed:,.0f}")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
