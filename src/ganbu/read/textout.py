"""The text of an HTML tree, with where each character came from in the page.

Whitespace is collapsed as a browser would: a run of whitespace (``&nbsp;`` included) is one
space, block elements and ``<br>`` give one line break, table cells a space, and a line break
between two CJK characters is dropped (Chinese wraps lines without spaces). Every character
gets the offset of its source in the page; the characters whose source is not one raw
character (those from a character reference, and the breaks and spaces a tag stands for, which
have no width) also get an end (see :mod:`ganbu.read.source`).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from .tree import VOID, El, Run

__all__ = ["BLOCK", "TextOut", "text_of", "walk"]

BLOCK = frozenset((
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "tbody", "thead", "tfoot", "caption", "section", "article", "blockquote", "pre", "address", "figure",
    "figcaption", "center", "main", "header", "footer", "nav", "aside", "form", "fieldset", "hgroup",
    "details", "summary", "title", "body", "html"))
_CELL = frozenset(("td", "th"))
_RUNS = re.compile(r"\s+|\S+")


def _wide(c: str) -> bool:
    """CJK characters and punctuation: a line break between two of them is not a space."""
    return bool(c) and ("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef")


class TextOut:
    """Collects text with one raw offset per character, collapsing whitespace as it goes."""

    __slots__ = ("ends", "last", "last_end", "n", "offs", "parts", "pend_br", "pend_sp", "sp_end", "sp_nl")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offs: list[int] = []
        self.ends: dict[int, int] = {}
        self.n = 0
        self.pend_br = -1  # where a pending line break comes from (-1: none)
        self.pend_sp = -1  # where a pending space comes from (-1: none)
        self.sp_end = 0  # where the pending space's source ends
        self.sp_nl = False  # the pending space held a line break
        self.last = ""  # the last character written
        self.last_end = 0  # where the last character's source ends

    def brk(self, pos: int) -> None:
        """A line break that the tag at ``pos`` stands for."""
        if self.pend_br < 0:
            self.pend_br = pos
        self.pend_sp = -1

    def space(self, pos: int) -> None:
        """A space that the tag at ``pos`` stands for."""
        if self.pend_br < 0 and self.pend_sp < 0:
            self.pend_sp, self.sp_end, self.sp_nl = pos, pos, False

    def add_run(self, run: Run) -> None:
        for s, pos, end, verbatim in run.segments():
            self.add(s, pos, end, verbatim)

    def add(self, s: str, pos: int, end: int, verbatim: bool) -> None:
        """``s`` from ``raw[pos:end]``: character by character if ``verbatim``, else all of it
        from the one reference there."""
        for m in _RUNS.finditer(s):
            piece = m.group()
            if piece[0].isspace():
                if verbatim:
                    p = pos + m.start()
                    self._pending_space(piece, p, p + 1)
                else:
                    self._pending_space(piece, pos, end)
                continue
            self._flush(piece[0])
            if verbatim:
                p = pos + m.start()
                self._emit(piece, range(p, p + len(piece)))
                self.last_end = p + len(piece)
            else:
                for i in range(self.n, self.n + len(piece)):
                    self.ends[i] = end
                self._emit(piece, (pos,) * len(piece))
                self.last_end = end
            self.last = piece[-1]

    def _pending_space(self, ws: str, pos: int, end: int) -> None:
        if self.pend_br >= 0:
            return
        nl = "\n" in ws or "\r" in ws
        if self.pend_sp < 0:
            self.pend_sp, self.sp_end, self.sp_nl = pos, end, nl
        elif nl:
            self.sp_nl = True

    def _flush(self, nxt: str) -> None:
        """Write the pending break or space before the character ``nxt``."""
        if self.n:
            if self.pend_br >= 0:
                self._synthetic("\n", self.pend_br, self.pend_br)
            elif self.pend_sp >= 0 and not (self.sp_nl and _wide(self.last) and _wide(nxt)):
                self._synthetic(" ", self.pend_sp, self.sp_end)
        self.pend_br = self.pend_sp = -1

    def _synthetic(self, c: str, pos: int, end: int) -> None:
        if end != pos + 1:
            self.ends[self.n] = end
        self._emit(c, (pos,))

    def _emit(self, s: str, offs: Iterable[int]) -> None:
        self.parts.append(s)
        self.offs.extend(offs)
        self.n += len(s)

    def result(self) -> tuple[str, list[int], dict[int, int]]:
        """``(text, offsets with the end of the last source appended, ends)``."""
        return "".join(self.parts), [*self.offs, self.last_end], self.ends


def walk(root: El, out: TextOut, dropped: Collection[El], marker: El | None = None) -> int:
    """Write the text under ``root`` without the ``dropped`` elements; return the output
    length where ``marker`` began (or -1)."""
    mark = -1
    stack: list[tuple[El, int]] = [(root, 0)]
    while stack:
        node, i = stack[-1]
        if i >= len(node.children):
            stack.pop()
            if node is not root and node.tag in BLOCK:
                out.brk(node.end if node.end is not None else out.last_end)
            continue
        stack[-1] = (node, i + 1)
        ch = node.children[i]
        if type(ch) is Run:
            out.add_run(ch)
            continue
        assert type(ch) is El
        if ch in dropped:
            continue
        if ch is marker:
            out.brk(ch.start)
            mark = out.n + (1 if out.n else 0)
        if _open(ch, out):
            stack.append((ch, 0))
    return mark


def _open(el: El, out: TextOut) -> bool:
    """Write what the start of ``el`` stands for; True if its children are to be walked."""
    t = el.tag
    if t == "br" or t == "hr":
        out.brk(el.start)
        return False
    if t in BLOCK:
        out.brk(el.start)
    elif t in _CELL:
        out.space(el.start)
    return t not in VOID


def text_of(el: El, dropped: Collection[El] = frozenset()) -> str:
    """The text under ``el`` with whitespace collapsed to single spaces."""
    out = TextOut()
    walk(el, out, dropped)
    return " ".join(out.result()[0].split())
