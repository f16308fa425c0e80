"""A report's text cut into segments for highlighting: each segment knows the spans that cover
it, so the template marks it (the innermost span's kind gives the colour) and the page can show
every record behind it. The text itself is never turned into markup here: the template escapes
each segment."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

__all__ = ["KINDS", "Segment", "segments"]

#: the kinds of spans, in the legend's order, with their labels
KINDS: tuple[tuple[str, str], ...] = (
    ("person", "人物 person"), ("position", "职务 position"), ("organization", "机构 organisation"),
    ("event", "事件 event"), ("date", "日期 date"), ("place", "地点 place"), ("amount", "数额 amount"),
)


@dataclass
class Segment:
    start: int
    end: int
    text: str
    kinds: list[str] = field(default_factory=list)  # covering spans' kinds, innermost first
    keys: list[int] = field(default_factory=list)   # their indexes in the report's span list
    title: str = ""                                 # the labels, for the tooltip
    focus: bool = False                             # inside the span the link asked for (?hl=s-e)
    first_focus: bool = False


def segments(text: str, spans: list[Any], focus: tuple[int, int] | None = None) -> list[Segment]:
    """The text cut at every span boundary (and the focus), with the spans covering each piece."""
    n = len(text)
    cuts = {0, n}
    ok = [(i, s) for i, s in enumerate(spans) if 0 <= s.span[0] < s.span[1] <= n]
    for _, s in ok:
        cuts.update(s.span)
    if focus is not None:
        cuts.update(max(0, min(n, f)) for f in focus)
    bounds = sorted(cuts)
    out: list[Segment] = []
    seen_focus = False
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        cover = sorted(((i, s) for i, s in ok if s.span[0] <= a and s.span[1] >= b),
                       key=lambda t: (t[1].span[1] - t[1].span[0], t[0]))
        foc = focus is not None and focus[0] <= a and b <= focus[1]
        seg = Segment(a, b, text[a:b], [s.kind for _, s in cover], [i for i, _ in cover],
                      " / ".join(f"{s.kind}: {s.label}" for _, s in cover), foc, foc and not seen_focus)
        seen_focus = seen_focus or foc
        prev = out[-1] if out else None
        if prev is not None and prev.keys == seg.keys and prev.focus == seg.focus:
            prev.end, prev.text = b, prev.text + seg.text
        else:
            out.append(seg)
    return out
