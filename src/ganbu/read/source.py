"""The reader's result, :class:`Source`, and how its spans map back to the input.

Offsets
-------
``Source.text`` is what extraction reads. Every span the pipeline finds is ``[a, b)`` into
``text``; :meth:`Source.raw_span` maps it to ``[s, e)`` into ``Source.raw``, the input as
received after decoding (a BOM at the start of a str stays in ``raw`` and is counted by
``base``, so spans index the string exactly as given).

- Markdown and plain text: ``text == raw[base:]``, ``offsets is None`` and
  ``raw_span(a, b) == (a + base, b + base)``.
- HTML: ``offsets[i]`` is where the source of ``text[i]`` starts in ``raw[base:]`` (the character
  itself, the ``&`` of the character reference it came from, or, for whitespace the reader
  made up, the whitespace or tag it stands for); ``offsets[len(text)]`` is the end of the last
  character's source. The source of ``text[i]`` ends at ``ends[i]`` when ``i`` is in ``ends``
  (characters from a character reference end after it; a line break or space that a tag stands
  for has no width) and at ``offsets[i] + 1`` otherwise. ``raw_span(a, b)`` is
  ``(offsets[a], end of text[b-1]) + base``.

The span invariant (HTML)
-------------------------
Let ``[s, e) = raw_span(a, b)`` and ``visible(x)`` be the text of the markup ``x`` with tags,
comments and the content of the elements the reader leaves out (script, style, hidden and
navigation elements) removed, and every text run unescaped with :func:`html.unescape`:

1. **Boundaries.** ``s`` and ``e`` never fall inside a tag, a comment or a character reference.
2. **Inside one text run** (no markup in ``raw[s:e]``): ``html.unescape(raw[s:e]) == text[a:b]``
   whenever neither side holds whitespace (names, titles, triggers, amounts);
   with whitespace, 3 applies.
3. **In general** (spans crossing markup): ``visible(raw[s:e])`` and ``text[a:b]`` are equal
   once all whitespace is removed. Removed rather than collapsed, because the reader turns
   block boundaries and ``<br>`` into line breaks, collapses whitespace runs and ``&nbsp;``
   into one space, and drops a line break between two CJK characters.

The reader decodes each text run exactly as :func:`html.unescape` does (``&copy2023`` is
``©2023``, ``&#20013abc`` is ``中abc``), so 2 holds by construction. One limit: a character
reference that stands for two characters (``&fjlig;`` is ``fj``) maps both to the whole
reference, so a span holding only one of them cannot be exact.
:mod:`ganbu.read.spancheck` checks the invariant independently of the reader.
"""
from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["Source"]


@dataclass(slots=True)
class Source:
    """One decoded input.

    ``text`` is what extraction reads. For markdown and plain text it *is* ``raw`` and
    ``offsets`` is ``None``; for HTML it is the extracted article text, ``offsets[i]`` is the
    index in ``raw`` of ``text[i]`` (``offsets[len(text)]`` is the end of the last
    character's source) and ``ends`` holds the source ends that are not ``offsets[i] + 1``
    (see the module doc). ``authors`` and ``skip`` are ``[start, end)`` into ``text``.
    """

    name: str
    raw: str
    text: str
    offsets: list[int] | None
    format: str
    encoding: str
    title: str | None = None
    published: str | None = None
    authors: list[tuple[str, int, int]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    skip: list[tuple[int, int]] = field(default_factory=list)
    base: int = 0  # characters of ``raw`` before what was decoded and read (a BOM kept in a str)
    ends: dict[int, int] = field(default_factory=dict)  # text index → end of its source in raw[base:]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` of ``text`` → ``[start, end)`` of ``raw`` (identity unless HTML or
        a leading BOM).

        The end is the end of the source of ``text[end-1]`` (an entity ends after its ``;``),
        so no markup that follows the span is included.
        """
        a, b = self._body_span(start, end)
        return a + self.base, b + self.base

    def _body_span(self, start: int, end: int) -> tuple[int, int]:
        if self.offsets is None:
            return start, end
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        a = self.offsets[start]
        if start == end:
            return a, a
        last = end - 1
        b = self.ends.get(last)
        if b is None:
            b = self.offsets[last] + 1
        return a, max(a, b)

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True if ``[start, end)`` (or the character at ``start``) overlaps a ``skip`` range."""
        if end is None:
            end = start + 1
        i = bisect_right(self.skip, (start, sys.maxsize)) - 1
        if i >= 0 and self.skip[i][1] > start:
            return True
        j = i + 1
        return j < len(self.skip) and self.skip[j][0] < end
