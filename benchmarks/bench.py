#!/usr/bin/env python3
"""Throughput and memory of `ganbu.extract`, one core, after warm-up.

    python3 benchmarks/bench.py                 # dev corpus texts (../shared/corpus/dev), else the examples/
    python3 benchmarks/bench.py --bulk 2000     # dev texts, then the first 2000 bulk stories (../shared/corpus/bulk)
    python3 benchmarks/bench.py --files a.txt b.md
    python3 benchmarks/bench.py --bulk 2000 --one-document 1000000   # plus one 1 MB document
    python3 benchmarks/bench.py --bulk 2000 --scaling 400000,4000000  # plus linearity in document size
    python3 benchmarks/bench.py --src /tmp/old/src ...                # measure another checkout's code

Prints chars/s and articles/s for people+positions alone and for the full pipeline, and peak
RSS (MB). Targets on the dev corpus texts: people+positions ≥ 300,000 chars/s, full pipeline
≥ 180,000 chars/s, peak RSS ≤ 300 MB.

``--scaling`` builds, for each size, one document by joining bulk stories in file order (each
story a paragraph) and extracts it in a fresh subprocess, so that each size has its own peak
RSS. It prints chars/s, the cost per character relative to the first size (the bar: ≤ 1.5 for
4M against 400K characters), the process's RSS after warm-up and its peak RSS.
"""
from __future__ import annotations

import argparse
import glob
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def _bulk(limit: int) -> list[tuple[str, str | None]]:
    texts: list[tuple[str, str | None]] = []
    for f in sorted(glob.glob(str(SHARED / "bulk" / "xwlb_*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                texts.append((rec["text"], rec.get("published")))
                if len(texts) >= limit:
                    return texts
    return texts


def _dev() -> list[tuple[str, str | None]]:
    out = []
    for f in sorted((SHARED / "dev").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        out.append((g["text"], g.get("published")))
    return out


def corpora(args) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The sets to time: files; else the dev texts (or the examples) and, with --bulk, bulk stories."""
    if args.files:
        return [("files", [(Path(f).read_text(encoding="utf-8"), None) for f in args.files])]
    out = []
    dev = _dev()
    if dev:
        out.append(("dev", dev))
    else:
        out.append(("examples", [(p.read_text(encoding="utf-8"), None)
                                 for p in sorted((ROOT / "examples").glob("*.md"))]))
    if args.bulk:
        bulk = _bulk(args.bulk)
        if bulk:
            out.append(("bulk", bulk))
    return out


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def throughput(ganbu, label: str, texts, min_seconds: float) -> None:
    print(f"corpus: {label} ({len(texts)} texts, {sum(len(t) for t, _ in texts):,} chars)")
    for stage, with_events in (("people+positions+organisations", False), ("full pipeline (with events)", True)):
        chars = docs = 0
        start = time.perf_counter()
        while True:
            for text, published in texts:
                ganbu.extract(text, published, events=with_events)
                chars += len(text)
                docs += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        print(f"  {label} {stage}: chars/s: {chars / elapsed:,.0f}  articles/s: {docs / elapsed:,.1f}")


def scaling_document(size: int) -> tuple[str, str | None]:
    """Bulk stories joined (one per paragraph) until ``size`` characters."""
    parts: list[str] = []
    total = 0
    published = None
    for f in sorted(glob.glob(str(SHARED / "bulk" / "xwlb_*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                published = published or rec.get("published")
                parts.append(rec["text"])
                total += len(rec["text"]) + 1
                if total >= size:
                    return "\n".join(parts)[:size], published
    text = "\n".join(parts)
    while text and len(text) < size:
        text += "\n" + text
    return text[:size], published


def one_size(size: int) -> int:
    """Child process of --scaling: time one document of ``size`` characters, print JSON."""
    import ganbu

    text, published = scaling_document(size)
    ganbu.extract("浙江省委书记易炼红、省长王浩出席会议。", "2023-03-03")  # warm-up
    base = _current_rss_mb()
    start = time.perf_counter()
    doc = ganbu.extract(text, published)
    elapsed = time.perf_counter() - start
    print(json.dumps({"chars": len(text), "seconds": elapsed, "base_rss_mb": base, "peak_rss_mb": _rss_mb(),
                      "people": len(doc.people), "events": len(doc.events)}))
    return 0


def scaling(sizes: list[int], src: Path) -> None:
    print(f"scaling: one document of bulk stories per size, each in a fresh process ({src})")
    first = None
    for size in sizes:
        res = subprocess.run([sys.executable, __file__, "--src", str(src), "--one-size", str(size)],
                             capture_output=True, text=True, check=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        per_char = r["seconds"] / r["chars"]
        first = first or per_char
        print(f"  {r['chars']:>10,} chars: {r['seconds']:7.2f} s  chars/s: {r['chars'] / r['seconds']:>9,.0f}  "
              f"per-char cost ×{per_char / first:.2f}  RSS after warm-up {r['base_rss_mb']:.0f} MB, "
              f"peak {r['peak_rss_mb']:.0f} MB  ({r['people']} people, {r['events']} events)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulk", type=int, default=0, help="also time the first N bulk stories")
    ap.add_argument("--files", nargs="*", help="benchmark these files instead")
    ap.add_argument("--min-seconds", type=float, default=3.0, help="repeat the set until this much time has passed")
    ap.add_argument("--one-document", type=int, default=0, metavar="CHARS",
                    help="also time the texts joined into one document of this many characters (checks linearity)")
    ap.add_argument("--scaling", default="", metavar="N,M,...",
                    help="time one document of bulk stories of each size, each in a fresh process")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the package source to measure")
    ap.add_argument("--one-size", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(args.src.resolve()))
    if args.one_size:
        return one_size(args.one_size)
    t0 = time.perf_counter()
    import ganbu

    print(f"ganbu from {Path(ganbu.__file__).parent}")
    sets = corpora(args)
    first = sets[0][1][0]
    ganbu.extract(first[0], first[1])  # warm-up: lexicons and automata are built once
    print(f"start-up incl. first extract: {time.perf_counter() - t0:.2f} s")
    for label, texts in sets:
        throughput(ganbu, label, texts, args.min_seconds)
    if args.one_document:
        texts = sets[-1][1]
        joined = "\n".join(t for t, _ in texts)
        while len(joined) < args.one_document:
            joined += "\n" + joined
        joined = joined[: args.one_document]
        start = time.perf_counter()
        ganbu.extract(joined, texts[0][1])
        elapsed = time.perf_counter() - start
        print(f"one document of {len(joined):,} chars: {elapsed:.2f} s, chars/s: {len(joined) / elapsed:,.0f}")
    print(f"peak RSS: {_rss_mb():.0f} MB")
    if args.scaling:
        scaling([int(x) for x in args.scaling.split(",") if x.strip()], args.src.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
