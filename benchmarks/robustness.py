#!/usr/bin/env python3
"""Robustness of reading real stories as HTML pages, through the command line, with exact offsets.

    python3 benchmarks/robustness.py                  # 2,000 bulk stories, every variant
    python3 benchmarks/robustness.py -n 500 --variants base,split --keep /tmp/pages

N stories from ``../shared/corpus/bulk/xwlb_*.jsonl`` (evenly spread across the files) are each
written as a small page (``<html><body><article>`` + one ``<p>`` per paragraph, html-escaped),
once per variant:

    base   UTF-8, LF
    crlf   CRLF line ends, and paragraphs hard-wrapped between two CJK characters
    bom    UTF-8 with a byte-order mark
    gbk    GBK (declared in <meta charset>), characters GBK lacks as &#NNNN; references
    split  some paragraphs cut by <span>/<b> tags at random places (names too) and some
           characters written as references (&#NNNN;, &#xHHHH;, &ldquo; &rdquo; &mdash; &middot;)
    mixed  split + crlf + gbk

Each variant is ONE ``python3 -m ganbu extract -q --format jsonl DIR/*.html`` call (this
checkout's ``src`` first on PYTHONPATH). Then: documents out vs pages in, failures (stderr
lines), the exit status, and every span of every kind of every document checked against the page:

- the invariant of ``ganbu/read/source.py`` (``ganbu.read.spancheck.check_spans``: each span is
  the page extent of the same span in the reader's text, never starts or ends inside markup or
  a reference, and its visible text is the text's);
- what the span reads: a person mention is the person's name, a trigger its text, a quantity
  its text, a statement its text, a position ends with its role (after ``ganbu.normalize_text``:
  names and titles are given in simplified characters);
- the reader's text is the story's paragraphs (one line each, whitespace collapsed).

The bar: 0 failures, 0 span mismatches. Bulk texts are read from ../shared and written only to
a temporary directory.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
sys.path.insert(0, str(ROOT / "src"))

import ganbu  # noqa: E402
from ganbu.model import Document  # noqa: E402
from ganbu.read import Source, read_bytes  # noqa: E402
from ganbu.read.spancheck import Page, check_spans, document_spans, squash  # noqa: E402

VARIANTS = ("base", "crlf", "bom", "gbk", "split", "mixed")
NAMED = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "·": "&middot;"}


@dataclass
class Story:
    title: str
    published: str | None
    paragraphs: list[str]


@dataclass
class Result:
    variant: str
    pages: int = 0
    docs: int = 0
    failures: int = 0
    exit: int = 0
    seconds: float = 0.0
    spans: Counter = field(default_factory=Counter)
    mismatches: list[str] = field(default_factory=list)
    label_mismatches: list[str] = field(default_factory=list)
    text_mismatches: list[str] = field(default_factory=list)
    stderr: str = ""


# ---------------------------------------------------------------------------------------------
# Stories and pages
# ---------------------------------------------------------------------------------------------


def load_stories(n: int) -> list[Story]:
    files = sorted(BULK.glob("xwlb_*.jsonl"))
    if not files:
        sys.exit(f"no bulk corpus at {BULK}")
    per_file = [n // len(files) + (1 if i < n % len(files) else 0) for i in range(len(files))]
    stories = []
    for f, k in zip(files, per_file, strict=True):
        lines = f.read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // max(k, 1))
        for line in lines[::step][:k]:
            rec = json.loads(line)
            paras = [p for p in rec["text"].split("\n") if p.strip()]
            if paras:
                stories.append(Story(rec.get("title") or "", rec.get("published"), paras))
    return stories


def _wide(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def paragraph_html(text: str, rng: random.Random | None, wrap: str | None) -> str:
    """One paragraph, escaped; with ``rng``, cut by tags and written partly as references;
    with ``wrap``, hard-wrapped (only between two CJK characters, where a break is no space)."""
    tokens = [html.escape(c, quote=False) for c in text]
    if rng is not None and rng.random() < 0.5:
        for i in rng.sample(range(len(text)), min(len(text), rng.randint(1, 4))):
            c = text[i]
            tokens[i] = NAMED.get(c) or (f"&#{ord(c)};" if rng.random() < 0.5 else f"&#x{ord(c):X};")
    if rng is not None and rng.random() < 0.6 and len(tokens) > 2:
        for _ in range(rng.randint(1, 3)):
            i, j = sorted(rng.sample(range(len(tokens) + 1), 2))
            tag = rng.choice(("span", "b", "strong", "span class=\"hl\""))
            tokens[i] = f"<{tag}>" + tokens[i] if i < len(tokens) else tokens[i]
            if j > i:
                tokens[j - 1] = tokens[j - 1] + f"</{tag.split()[0]}>"
    if wrap is not None:
        for i in range(40, len(text), 40):
            if _wide(text[i - 1]) and _wide(text[i]):
                tokens[i] = wrap + tokens[i]
    return "".join(tokens)


def page_bytes(story: Story, variant: str, seed: int) -> tuple[bytes, str]:
    """The page as bytes and as the str it decodes to."""
    split = variant in ("split", "mixed")
    crlf = variant in ("crlf", "mixed")
    gbk = variant in ("gbk", "mixed")
    rng = random.Random(seed) if split else None
    nl = "\r\n" if crlf else "\n"
    paras = [f"<p>{paragraph_html(p, rng, nl if crlf else None)}</p>" for p in story.paragraphs]
    meta = f'<meta property="article:published_time" content="{story.published}">' if story.published else ""
    lines = ["<!DOCTYPE html>", "<html>", "<head>", f'<meta charset="{"gbk" if gbk else "utf-8"}">',
             f"<title>{html.escape(story.title)}</title>", meta, "</head>", "<body>", "<article>",
             *paras, "</article>", "</body>", "</html>", ""]
    page = nl.join(lines)
    if gbk:
        data = page.encode("gbk", errors="xmlcharrefreplace")
        return data, data.decode("gbk")
    data = page.encode("utf-8")
    return (b"\xef\xbb\xbf" + data if variant == "bom" else data), page


# ---------------------------------------------------------------------------------------------
# Running and checking
# ---------------------------------------------------------------------------------------------


def run_cli(paths: list[str]) -> tuple[list[dict], str, int, float]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "ganbu", "extract", "-q", "--format", "jsonl", *paths],
                          capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - t0
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return docs, proc.stderr, proc.returncode, seconds


_REFERENCE: dict[tuple, Document] = {}


def reference(src: Source) -> Document:
    """The same extraction with spans left in the reader's text (cached: variants share it)."""
    key = (src.text, src.title, src.published, tuple(src.authors), tuple(src.credits), tuple(src.skip))
    if key not in _REFERENCE:
        _REFERENCE[key] = ganbu.extract(replace(src, offsets=None, base=0, ends={}))
    return _REFERENCE[key]


LABEL_CHECKS: dict[str, Callable[[str, str], bool]] = {
    "mention": lambda seen, label: seen == label,
    "trigger": lambda seen, label: seen == label,
    "quantity": lambda seen, label: seen == squash(label),
    "statement": lambda seen, label: seen == squash(ganbu.normalize_text(label)),
    # the title as written ends with the explicit title's last word (the explicit one fills in the
    # jurisdiction, state, body, session, or expands 俄 → 俄罗斯, so only the end is compared)
    "position": lambda seen, label: seen[-2:] == label[-2:],
}


def check_doc(res: Result, d: dict, data: bytes, page_str: str, story: Story) -> None:
    name = d["source"]["name"]
    src = read_bytes(data, name)
    if src.raw != page_str.lstrip("\ufeff"):
        res.text_mismatches.append(f"{name}: decoded page differs")
    doc = Document.from_dict(d)
    want = "\n".join(" ".join(p.split()) for p in story.paragraphs)
    if src.text != want:
        res.text_mismatches.append(f"{name}: reader text differs from the story")
    res.mismatches.extend(f"{name}: {p}" for p in check_spans(src, reference(src), doc))
    page = Page(src.raw)
    for kind, label, (s, e) in document_spans(doc):
        res.spans[kind] += 1
        seen = squash(ganbu.normalize_text(page.visible(s, e)))
        ok = LABEL_CHECKS.get(kind)
        if ok is not None and not ok(seen, label):
            res.label_mismatches.append(f"{name}: {kind} {label!r} reads {seen!r}")


def run_variant(variant: str, stories: list[Story], folder: Path) -> Result:
    res = Result(variant, pages=len(stories))
    folder.mkdir(parents=True, exist_ok=True)
    pages: dict[str, tuple[bytes, str, Story]] = {}
    for i, story in enumerate(stories):
        data, page_str = page_bytes(story, variant, seed=i)
        path = folder / f"{i:05d}.html"
        path.write_bytes(data)
        pages[str(path)] = (data, page_str, story)
    docs, res.stderr, res.exit, res.seconds = run_cli(sorted(pages))
    res.docs = len(docs)
    res.failures = sum(1 for line in res.stderr.splitlines() if line.strip())
    for d in docs:
        data, page_str, story = pages[d["source"]["name"]]
        check_doc(res, d, data, page_str, story)
    return res


def print_table(results: list[Result]) -> None:
    head = ("variant", "pages", "docs out", "failures", "exit", "spans", "span mismatches", "label mismatches",
            "text mismatches", "CLI s", "pages/s")
    rows = [(r.variant, r.pages, r.docs, r.failures, r.exit, sum(r.spans.values()), len(r.mismatches),
             len(r.label_mismatches), len(r.text_mismatches), f"{r.seconds:.1f}", f"{r.pages / r.seconds:.0f}")
            for r in results]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    for row in (head, *rows):
        print("  ".join(str(x).rjust(w) for x, w in zip(row, widths, strict=True)))
    kinds = Counter()
    for r in results:
        kinds.update(r.spans)
    print("spans by kind (all variants):", ", ".join(f"{k} {v:,}" for k, v in kinds.most_common()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="stories (default 2000)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, of: " + " ".join(VARIANTS))
    ap.add_argument("--keep", metavar="DIR", help="write the pages here and keep them")
    ap.add_argument("--show", type=int, default=5, help="examples of each kind of problem to print")
    args = ap.parse_args()
    stories = load_stories(args.n)
    print(f"{len(stories)} stories from {BULK}; python {sys.version.split()[0]}")
    results = []
    with tempfile.TemporaryDirectory(prefix="ganbu-robust-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        for v in args.variants.split(","):
            results.append(run_variant(v, stories, base / v))
    print_table(results)
    for r in results:
        problems = (r.stderr.splitlines() + r.mismatches + r.label_mismatches + r.text_mismatches)
        for p in problems[: args.show]:
            print(f"  [{r.variant}] {p[:300]}")
    bad = any(r.failures or r.exit or r.docs != r.pages or r.mismatches or r.label_mismatches
              or r.text_mismatches for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
