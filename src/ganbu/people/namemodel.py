"""A statistical model of untitled person names: a span classifier over name candidates.

The title grammar reads names that stand next to a title or a formula verb; this model proposes
the names that stand alone (``据李华介绍``, ``王小明说``, ``特朗普和…``) and checks a span the grammar
read. Candidates are indexed once per text with two compiled regular expressions:

- a Chinese name: a surname of the model's table (one or two characters) and one or two
  given-name characters that the name lists use as given names;
- a transliterated name: a run of transliteration characters (``·`` inside allowed).

Each candidate is scored by a logistic regression over sparse binary features: the surname, the
given characters and their name-list likelihood, whether the span or its parts are common words
(jieba's dictionary, MIT), whether the characters around it glue to it as a word, the characters
and character classes left and right of it, and whether a name list knows it. The weights were
learnt from silver labels over the CCTV bulk stories (the grammar's names and a registry tagger
used as a teacher) by ``scripts/train_name_model.py``; ``data/namemodel.md`` tells the sources and
licences. The model is one JSON file in the package, read once per process.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import DataError
from ..lang.tables import data_text

__all__ = ["NameModel", "build", "chinese_features", "foreign_features", "load_model", "pack", "span_features"]

MODEL_FILE = "namemodel.json"
_PUNCT = set("，。、；：！？（）《》“”‘’「」『』【】—…·,.;:!?()[]\"'\n\t ")


def _class_table() -> dict[str, str]:
    """char_class for the characters that are not CJK (a CJK character is ``h``, the default)."""
    t = {"": "^"}
    for c in _PUNCT:
        t[c] = "p"
    for c in "0123456789":
        t[c] = "d"
    for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        t[c] = "a"
    return t


def bucket(freq: int | None) -> str:
    """A frequency as its order of magnitude (``-`` when absent); the model file stores words and
    names with their bucket."""
    if not freq:
        return "-"
    return str(min(7, int(math.log10(freq + 1))))


_CLASS = _class_table()


@dataclass(slots=True)
class NameModel:
    """The loaded model: tables and feature weights (see module doc)."""

    weights: dict[str, float]
    bias: float
    surnames1: frozenset[str]
    surnames2: frozenset[str]
    given: dict[str, str]      # allowed given-name character -> its likelihood bucket
    word_buckets: dict[str, str]   # common words (not names) -> order of their frequency
    name_buckets: dict[str, str]   # names of the name lists -> order of their frequency
    translit: frozenset[str]
    threshold: float
    floor: float               # candidates under this probability are not proposed at all
    _cn: re.Pattern[str]
    _tr: re.Pattern[str]
    _by_template: dict[str, dict[str, float]] = field(default_factory=dict)
    _span_z: dict[tuple[str, int], float] = field(default_factory=dict)

    # ------------------------------------------------------------ scoring

    def _prob(self, feats: list[str]) -> float:
        get = self.weights.get
        z = self.bias
        for f in feats:
            z += get(f, 0.0)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, s: str, start: int, end: int) -> float:
        """The probability that ``s[start:end]`` is a person name (0.0 for a span that is no
        candidate: no known surname, given characters no name uses, a short foreign run)."""
        if not 0 <= start < end <= len(s):
            return 0.0
        best = 0.0
        for sl in (2, 1):
            sur = s[start : start + sl]
            if len(sur) == sl and (sur in self.surnames2 if sl == 2 else sur in self.surnames1):
                g = end - start - sl
                if 1 <= g <= 2 and all(c in self.given for c in s[start + sl : end]):
                    best = max(best, self._prob(chinese_features(self, s, start, end, sl)))
        if end - start >= 2 and all(c in self.translit or c in "·-" for c in s[start:end]):
            best = max(best, self._prob(foreign_features(self, s, start, end)))
        return best

    def spans(self, s: str, blocked: bytearray | None = None) -> Iterator[tuple[int, int, int]]:
        """Every candidate ``(start, end, surname length)``; surname length 0 for a
        transliterated run. Overlapping candidates are all given."""
        given = self.given
        s1, s2 = self.surnames1, self.surnames2
        n = len(s)
        for m in self._cn.finditer(s):
            a = m.start()
            if blocked is not None and blocked[a]:
                continue
            for sl in (1, 2):
                if (s[a : a + 2] not in s2) if sl == 2 else (s[a] not in s1):
                    continue
                for g in (1, 2):
                    b = a + sl + g
                    if b > n or s[b - 1] not in given or (g == 2 and s[b - 2] not in given):
                        break
                    if blocked is not None and any(blocked[a:b]):
                        break
                    yield a, b, sl
        for m in self._tr.finditer(s):
            # the run, and the run less its first or last character (了克林顿, 普京和): the
            # context features tell which reading is the name
            a0, b0 = m.span()
            for a in (a0, a0 + 1):
                for b in (b0, b0 - 1):
                    if b - a >= 2 and s[a] not in "·-" and s[b - 1] not in "·-" and (
                            blocked is None or not any(blocked[a:b])):
                        yield a, b, 0

    def features(self, s: str, a: int, b: int, sl: int) -> list[str]:
        return foreign_features(self, s, a, b) if sl == 0 else chinese_features(self, s, a, b, sl)

    def candidates(self, s: str, blocked: bytearray | None = None) -> list[tuple[int, int, float]]:
        """Every candidate span with its probability, overlapping ones included."""
        prob, fast = self._prob, self._chinese_prob
        return [(a, b, fast(s, a, b, sl) if sl else prob(foreign_features(self, s, a, b)))
                for a, b, sl in self.spans(s, blocked)]

    def _chinese_prob(self, s: str, a: int, b: int, sl: int) -> float:
        """The probability of :func:`chinese_features` summed without building the feature
        strings: the weights of the features that depend on the span alone are summed once per
        span text and kept for the process (names recur across a corpus); the context features
        are looked up in one table per feature template. ``tests/test_namemodel.py`` checks it
        gives the same number as the feature list."""
        span = s[a:b]
        z = self._span_z.get((span, sl))
        if z is None:
            z = self.bias + sum(self.weights.get(f, 0.0) for f in span_features(self, span, sl))
            if len(self._span_z) < 500_000:
                self._span_z[span, sl] = z
        w = self._by_template
        if not w:
            w = self._by_template = _templates(self.weights)
        wb, gq = self.word_buckets, self.given
        g = b - a - sl
        kind = "11" if sl == 1 and g == 1 else ("12" if sl == 1 else ("21" if g == 1 else "22"))
        l1 = s[a - 1] if a else ""
        r1 = s[b] if b < len(s) else ""
        z += (w["L1"].get(l1, 0.0) + w["L2"].get(s[a - 2 : a] if a > 1 else "^" + l1, 0.0)
              + w["R1"].get(r1, 0.0) + w["R2"].get(s[b : b + 2], 0.0)
              + w["LC"].get(_CLASS.get(l1, "h"), 0.0) + w["RC"].get(_CLASS.get(r1, "h") + kind, 0.0)
              + w["WL"].get(wb.get(l1 + s[a], "-"), 0.0) + w["WR"].get(wb.get(s[b - 1] + r1, "-"), 0.0)
              + w["WR3"].get(wb.get(s[b - 1 : b + 2], "-"), 0.0) + w["RG"].get(kind + gq.get(r1, "-"), 0.0)
              + w["RK"].get(kind + r1, 0.0) + w["LK"].get(kind + l1, 0.0)
              + w["WL3"].get(wb.get(s[a - 2 : a + 1], "-") if a > 1 else "-", 0.0))
        if g == 1:
            z += w["NL"].get(self.name_buckets.get(s[a : b + 1], "-"), 0.0)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def propose(self, s: str, blocked: bytearray | None = None) -> list[tuple[int, int, float]]:
        """Candidate names in the normalised text ``s``: non-overlapping ``(start, end, p)`` by
        start, each the most probable reading of its place, ``p`` at least the model's floor.
        ``blocked`` marks characters already read as organisations, places, titles or names; no
        proposal touches them. Apply ``threshold`` (or your own cut) to ``p``."""
        if blocked is not None and len(blocked) != len(s):
            raise ValueError(f"blocked has {len(blocked)} entries for a text of {len(s)} characters")
        cands = [c for c in self.candidates(s, blocked) if c[2] >= self.floor]
        cands.sort(key=lambda c: (-c[2], c[0]))
        taken = bytearray(len(s))
        out = []
        for a, b, p in cands:
            if any(taken[a:b]):
                continue
            taken[a:b] = b"\x01" * (b - a)
            out.append((a, b, p))
        out.sort()
        return out


_CONTEXT_TEMPLATES = ("L1", "L2", "R1", "R2", "LC", "RC", "WL", "WR", "WR3", "RG", "RK", "LK", "WL3", "NL")


def _templates(weights: dict[str, float]) -> dict[str, dict[str, float]]:
    """The weights of the context features, one table per template (``L1:之`` → table ``L1``,
    key ``之``)."""
    out: dict[str, dict[str, float]] = {name: {} for name in _CONTEXT_TEMPLATES}
    for key, value in weights.items():
        name, sep, rest = key.partition(":")
        if sep and name in out:
            out[name][rest] = value
    return out


def span_features(m: NameModel, span: str, sl: int) -> list[str]:
    """The features of a Chinese-name candidate that depend on its text alone."""
    wb, nb, gq = m.word_buckets, m.name_buckets, m.given
    g = len(span) - sl
    g1 = span[sl]
    kind = "11" if sl == 1 and g == 1 else ("12" if sl == 1 else ("21" if g == 1 else "22"))
    f = ["K" + kind, "S:" + span[:sl], "G1:" + g1, "Q1:" + gq[g1], "W:" + kind + wb.get(span, "-"),
         "N:" + kind + nb.get(span, "-")]
    if g == 2:
        g2 = span[-1]
        given = g1 + g2
        f += ["G2:" + g2, "Q2:" + gq[g2], "GB:" + given, "WG:" + wb.get(given, "-"),
              "WSG:" + wb.get(span[: sl + 1], "-"), "QQ:" + gq[g1] + gq[g2]]
    else:
        f.append("GS:" + g1)
    return f


def chinese_features(m: NameModel, s: str, a: int, b: int, sl: int) -> list[str]:
    """The features of the Chinese-name candidate ``s[a:b]`` with a surname of ``sl`` characters."""
    wb = m.word_buckets
    nb = m.name_buckets
    gq = m.given
    n = len(s)
    span = s[a:b]
    g = b - a - sl
    g1 = s[a + sl]
    l1 = s[a - 1] if a else ""
    r1 = s[b] if b < n else ""
    kind = "11" if sl == 1 and g == 1 else ("12" if sl == 1 else ("21" if g == 1 else "22"))
    f = [
        "K" + kind,
        "S:" + s[a : a + sl],
        "G1:" + g1,
        "Q1:" + gq[g1],
        "L1:" + l1,
        "L2:" + (s[a - 2 : a] if a > 1 else "^" + l1),
        "R1:" + r1,
        "R2:" + s[b : b + 2],
        "LC:" + _CLASS.get(l1, "h"),
        "RC:" + _CLASS.get(r1, "h") + kind,
        "W:" + kind + wb.get(span, "-"),
        "WL:" + wb.get(l1 + s[a], "-"),
        "WR:" + wb.get(s[b - 1] + r1, "-"),
        "WR3:" + wb.get(s[b - 1 : b + 2], "-"),
        "N:" + kind + nb.get(span, "-"),
        "RG:" + kind + gq.get(r1, "-"),
        "RK:" + kind + r1,
        "LK:" + kind + l1,
        "WL3:" + (wb.get(s[a - 2 : a + 1], "-") if a > 1 else "-"),
    ]
    if g == 2:
        g2 = s[b - 1]
        given = g1 + g2
        f += ["G2:" + g2, "Q2:" + gq[g2], "GB:" + given, "WG:" + wb.get(given, "-"),
              "WSG:" + wb.get(s[a : a + sl + 1], "-"), "QQ:" + gq[g1] + gq[g2]]
    else:
        f += ["GS:" + g1, "NL:" + nb.get(s[a : b + 1], "-")]
    return f


def foreign_features(m: NameModel, s: str, a: int, b: int) -> list[str]:
    """The features of the transliterated-name candidate ``s[a:b]``."""
    wb = m.word_buckets
    span = s[a:b]
    l1 = s[a - 1] if a > 0 else ""
    r1 = s[b] if b < len(s) else ""
    return [
        "TK",
        "TN:" + str(min(len(span), 9)),
        "TD:" + str(span.count("·")),
        "TF:" + span[0],
        "TE:" + span[-1],
        "TF2:" + span[:2],
        "TE2:" + span[-2:],
        "TL1:" + l1,
        "TR1:" + r1,
        "TR2:" + s[b : b + 2],
        "TLC:" + _CLASS.get(l1, "h"),
        "TRC:" + _CLASS.get(r1, "h"),
        "TW:" + wb.get(span, "-"),
        "TWR:" + wb.get(s[b - 1 : b + 1], "-"),
        "TWL:" + (wb.get(s[a - 1 : a + 1], "-") if a else "-"),
        "TNM:" + m.name_buckets.get(span, "-"),
    ]


def pack(tables: dict) -> dict:
    """The file form of the model (``format`` ``ganbu.namemodel/1``) from plain tables
    (``words``/``names``/``given``: key -> bucket; ``weights``: feature -> weight): keys grouped
    by bucket in one space-separated string, feature names in one NUL-separated string, so the
    file loads several times faster than a JSON object of a quarter million keys."""
    def grouped(m: dict[str, str], sep: str) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for k, v in m.items():
            out.setdefault(v, []).append(k)
        return {b: sep.join(sorted(ks)) for b, ks in sorted(out.items())}

    keys = sorted(tables["weights"])
    if any("\x00" in k for k in keys) or any(" " in w for w in list(tables["words"]) + list(tables["names"])):
        raise ValueError("a feature holds NUL or a word holds a space: the packed form cannot store it")
    return {
        **tables,
        "words": grouped(tables["words"], " "),
        "names": grouped(tables["names"], " "),
        "given": grouped(tables["given"], ""),
        "weights": {"keys": "\x00".join(keys), "values": [tables["weights"][k] for k in keys]},
    }


def _unpack(grouped: dict[str, str], sep: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for b, joined in grouped.items():
        out.update(dict.fromkeys(joined.split(sep) if sep else joined, b))
    out.pop("", None)
    return out


def build(data: dict) -> NameModel:
    """A model from the decoded JSON of the model file (see :func:`pack`)."""
    s1 = frozenset(x for x in data["surnames"] if len(x) == 1)
    s2 = frozenset(x for x in data["surnames"] if len(x) == 2)
    translit = frozenset(data["translit"])
    starts = "".join(sorted(s1 | {x[0] for x in s2}))
    tl = "".join(sorted(translit))
    cn = re.compile("[" + re.escape(starts) + "]")
    tr = re.compile(f"[{re.escape(tl)}]{{2,}}(?:[·-][{re.escape(tl)}]+)*")
    w = data["weights"]
    keys = w["keys"].split("\x00") if w["keys"] else []
    if len(keys) != len(w["values"]):
        raise ValueError("weights: as many feature names as values expected")
    return NameModel(
        weights=dict(zip(keys, w["values"], strict=True)), bias=data["bias"], surnames1=s1, surnames2=s2,
        given=_unpack(data["given"], ""), word_buckets=_unpack(data["words"], " "),
        name_buckets=_unpack(data["names"], " "), translit=translit,
        threshold=data["threshold"], floor=data.get("floor", 0.05), _cn=cn, _tr=tr,
    )


@lru_cache(maxsize=1)
def load_model() -> NameModel:
    """The shipped model, read once per process. A missing or malformed file raises
    :class:`~ganbu.errors.DataError` (E301) naming it."""
    try:
        return build(json.loads(data_text("ganbu.people", MODEL_FILE)))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"malformed name model: {exc}", MODEL_FILE) from exc
