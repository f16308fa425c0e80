"""What the events layer notes beside the events: the quantities of the text (attached to the
event whose span holds them) and warnings (a heading that counts N bodies when the text counts
M: 标题称9家央企，正文列出8家)."""
from __future__ import annotations

import bisect
import re

from .. import model as M
from ..lang import quantities as _qty
from .sentences import Sentences

_COUNT = re.compile(r"(?P<n>\d+|[一二三四五六七八九十两]+)(?:余)?家(?P<noun>央企|中央企业|企业|单位|银行)")


def quantities(s: str, events: list[M.Event]) -> list[M.Quantity]:
    """The quantities of the text, each with the first event (in order) whose span holds it."""
    found = _qty.find_quantities(s)
    owner = _first_holding([q.start for q in found], [e.span for e in events])
    return [M.Quantity(q.text, q.value, q.unit, q.qualifier, q.kind, (q.start, q.end), q.value_max,
                       events[k].id if k is not None else None)
            for q, k in zip(found, owner, strict=True)]


def _first_holding(points: list[int], spans: list[tuple[int, int]]) -> list[int | None]:
    """For each point, the index of the first span ``[a, b)`` that holds it, else None.

    Spans are taken in order; each gives its points to the ones still unclaimed, found through
    "next unclaimed point" links (path-halving), so every point is claimed once.
    """
    order = sorted(range(len(points)), key=lambda i: points[i])
    xs = [points[i] for i in order]
    owner: list[int | None] = [None] * len(points)
    nxt = list(range(len(xs) + 1))  # nxt[j]: the first unclaimed position >= j (len(xs): none)

    def find(j: int) -> int:
        while nxt[j] != j:
            nxt[j] = nxt[nxt[j]]
            j = nxt[j]
        return j

    for k, (a, b) in enumerate(spans):
        j = find(bisect.bisect_left(xs, a))
        while j < len(xs) and xs[j] < b:
            owner[order[j]] = k
            nxt[j] = j + 1
            j = find(j + 1)
    return owner


def _count(n: str) -> int | None:
    if n.isdigit():
        return int(n)
    v = _qty.parse_cn_number(n)
    return int(v) if isinstance(v, (int, float)) else None


def warnings(s: str, sents: Sentences) -> list[M.Warning]:
    """A heading that counts N bodies when the text counts M (标题称9家央企，正文列出8家)."""
    heads: dict[str, list] = {}
    body: dict[str, list] = {}
    for sent in sents.items:
        for m in _COUNT.finditer(s, sent.start, sent.end):
            n = _count(m.group("n"))
            noun = "央企" if m.group("noun") in ("央企", "中央企业") else m.group("noun")
            if n is None:
                continue
            (heads if sent.heading else body).setdefault(noun, []).append((n, m))
    out = []
    for noun, hs in heads.items():
        others = [(k, mm) for k, mm in body.get(noun, []) if "余" not in mm.group()]
        counted = {k for k, _ in others}
        for n, m in hs:
            if others and n not in counted:
                k, mm = others[0]
                out.append(M.Warning("count-mismatch", f"标题称{n}家{noun}，正文为{k}家",
                                     (m.start(), m.end()), (mm.start(), mm.end())))
    return out
