#!/usr/bin/env python3
"""Output snapshot of `ganbu.extract` over the shared corpus, to prove a refactoring changes nothing.

    python3 benchmarks/snapshot.py save /tmp/before.json          # dev texts + every 4th bulk story
    python3 benchmarks/snapshot.py save /tmp/after.json
    python3 benchmarks/snapshot.py compare /tmp/before.json /tmp/after.json

The documents: the 70 dev texts, every ``--step``-th bulk story (about 3,000 with the default 4,
spread over every year, so many publication dates), the first 200 of those again with no
publication date (the year is then read from the text), and the dev texts joined into one
document of ``--joined`` characters (sentences, passages and mentions far apart). Each is
``extract(text, published).to_dict()`` with ``pipeline.version`` removed (it hashes the code's
data, not the output). The snapshot is written outside the repository: it holds corpus text.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def documents(step: int, joined: int) -> list[tuple[str, str, str | None]]:
    """``(key, text, published)`` for every document of the snapshot."""
    out: list[tuple[str, str, str | None]] = []
    dev = []
    for f in sorted((SHARED / "dev").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        dev.append((g["text"], g.get("published")))
        out.append((f"dev/{f.stem}", g["text"], g.get("published")))
    bulk = []
    for f in sorted(glob.glob(str(SHARED / "bulk" / "xwlb_*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % step == 0:
                    rec = json.loads(line)
                    bulk.append((rec["id"], rec["text"], rec.get("published")))
    out += [(f"bulk/{k}", t, p) for k, t, p in bulk]
    out += [(f"nodate/{k}", t, None) for k, t, _ in bulk[:200]]
    if joined and dev:
        text = "\n".join(t for t, _ in dev)
        while len(text) < joined:
            text += "\n" + text
        out.append((f"joined/{joined}", text[:joined], dev[0][1]))
    return out


def run(step: int, joined: int) -> dict[str, dict]:
    sys.path.insert(0, str(ROOT / "src"))
    import ganbu

    snap = {}
    for key, text, published in documents(step, joined):
        d = ganbu.extract(text, published).to_dict()
        d.get("pipeline", {}).pop("version", None)
        snap[key] = d
    return snap


def compare(a: dict[str, dict], b: dict[str, dict]) -> int:
    if a.keys() != b.keys():
        print(f"different documents: {len(a.keys() - b.keys())} only before, {len(b.keys() - a.keys())} only after")
        return 1
    bad = [k for k in a if a[k] != b[k]]
    for k in bad[:20]:
        for field in a[k]:
            if a[k][field] != b[k].get(field):
                print(f"{k}: {field} differs")
    print(f"{len(a)} documents, {len(bad)} differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("save")
    sv.add_argument("out")
    sv.add_argument("--step", type=int, default=4, help="take every N-th bulk story")
    sv.add_argument("--joined", type=int, default=400_000, help="size of the joined dev document (0: none)")
    cp = sub.add_parser("compare")
    cp.add_argument("before")
    cp.add_argument("after")
    args = ap.parse_args()
    if args.cmd == "compare":
        return compare(json.loads(Path(args.before).read_text(encoding="utf-8")),
                       json.loads(Path(args.after).read_text(encoding="utf-8")))
    t0 = time.perf_counter()
    snap = run(args.step, args.joined)
    Path(args.out).write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{len(snap)} documents in {time.perf_counter() - t0:.1f} s → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
