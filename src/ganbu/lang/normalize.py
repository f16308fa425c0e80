"""The normalised view that every matcher reads.

``normalize(text)`` returns a string of exactly the same length as ``text``: each
character is replaced by at most one character, so an offset into the normalised view is
the same offset into the original. That is the offset map for the character level; the
reader adds a second map when the text was extracted from HTML.

The view is:
- simplified characters (OpenCC ``t2s``; where a phrase conversion would change the
  length, characters are converted one by one instead);
- full-width ASCII letters and digits as half-width; U+3000 and NBSP as a space;
- sentence punctuation in one form, the Chinese full-width one (``,`` → ``，``,
  ``:`` → ``：``, ``;`` → ``；``, ``(`` ``)`` → ``（`` ``）``, ``!`` ``?``), except
  between digits (``3,732`` and ``10:30`` keep theirs).

Normalising twice changes nothing (a property test holds this).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize", "to_simplified"]

_ASCII_PUNCT_TO_CJK = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII block
        ch = chr(cp - 0xFEE0)
        table[cp] = ch
    table[0x3000] = " "
    table[0x00A0] = " "
    for a, b in _ASCII_PUNCT_TO_CJK.items():
        table[ord(a)] = b
    # the full-width forms of those punctuation marks stay (or become) Chinese ones
    for a, b in _ASCII_PUNCT_TO_CJK.items():
        table[ord(a) + 0xFEE0] = b
    table[0xFF0E] = "."  # full-width full stop used as a decimal point stays '.'
    # middle dots in minority and foreign names: one form
    for cp in (0x00B7, 0x2027, 0x30FB, 0xFF65, 0x2022, 0x0387):
        table[cp] = "·"
    return table


_TABLE = _build_table()
_DIGIT_PUNCT = re.compile(r"(?<=\d)[，：](?=\d)")
_BACK = {"，": ",", "：": ":"}


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length."""
    if not text:
        return text
    out = _converter().convert(text)
    if len(out) == len(text):
        return out
    return "".join(_char_t2s(c) for c in text)


def normalize(text: str) -> str:
    """Return the normalised view of ``text`` (same length, see module doc)."""
    s = to_simplified(text).translate(_TABLE)
    if "，" in s or "：" in s:
        s = _DIGIT_PUNCT.sub(lambda m: _BACK[m.group()], s)
    return s


def display_width(s: str) -> int:
    """Columns ``s`` takes in a terminal (wide and full-width characters count two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
