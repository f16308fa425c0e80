"""Draw a held-out sample of bulk stories for blind annotation (issue 9).

    python3 benchmarks/heldout_sample.py --seed ganbu-heldout-C-2026-12-04 --out /tmp/heldoutC/todo

Six stories of at most 1,500 characters from each of the seven ``xwlb_*.jsonl`` files of
``../shared/corpus/bulk``, none of the dev set's (nor of the ``--exclude`` directories' gold
files), shuffled and dealt into ``--groups`` folders, one JSON file a story. The texts are
CCTV's: the folders stay outside the repository (``../shared/corpus/bulk/README.md``). The
stories are then annotated by reading only, under ``../shared/corpus/GUIDELINES.md``, into gold
files of the dev format, and scored with ``python3 ../shared/eval/score.py GOLD_DIR``.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"  # ../shared beside the repository


def draw(seed: str, exclude: list[Path], per_file: int = 6, max_chars: int = 1500) -> list[dict]:
    corpus = SHARED / "corpus"
    taken = {p.stem for p in (corpus / "dev").glob("*.json")}
    for d in exclude:
        taken |= {p.stem for p in d.glob("*.json")}
    rng = random.Random(seed)
    picked: list[dict] = []
    for f in sorted((corpus / "bulk").glob("xwlb_*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh]
        recs = [r for r in recs if r["id"] not in taken and len(r["text"]) <= max_chars]
        picked += rng.sample(recs, per_file)
    rng.shuffle(picked)
    return picked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--out", type=Path, required=True, help="a folder outside the repository")
    ap.add_argument("--exclude", type=Path, nargs="*", default=[], help="gold folders of earlier samples")
    ap.add_argument("--groups", type=int, default=3)
    args = ap.parse_args()
    if not (SHARED / "corpus" / "bulk").is_dir():
        print(f"error: no bulk corpus at {SHARED / 'corpus' / 'bulk'}")
        return 2
    stories = draw(args.seed, args.exclude)
    for i, r in enumerate(stories):
        d = args.out / f"g{i % args.groups}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{r['id']}.json").write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(stories)} stories in {args.groups} folders under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
