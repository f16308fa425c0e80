"""Charts drawn on the server as plain SVG (no script, nothing fetched): a person's offices as a
timeline of spells, a tile grid of the provinces with event counts, and events per day.

Every text that comes from the store goes through :func:`markupsafe.escape`; the functions
return :class:`markupsafe.Markup` for the templates.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

__all__ = ["PROVINCE_TILES", "day_bars", "province_grid", "province_key", "timeline"]

D = _dt.date

#: (short name, row, column) of the province-level divisions on a tile grid roughly like the map
PROVINCE_TILES: tuple[tuple[str, int, int], ...] = (
    ("黑龙江", 0, 8),
    ("内蒙古", 1, 6), ("吉林", 1, 8),
    ("新疆", 2, 1), ("宁夏", 2, 4), ("北京", 2, 6), ("辽宁", 2, 8),
    ("甘肃", 3, 3), ("山西", 3, 5), ("河北", 3, 6), ("天津", 3, 7),
    ("青海", 4, 2), ("陕西", 4, 4), ("河南", 4, 5), ("山东", 4, 6),
    ("西藏", 5, 1), ("四川", 5, 3), ("重庆", 5, 4), ("湖北", 5, 5), ("安徽", 5, 6), ("江苏", 5, 7), ("上海", 5, 8),
    ("云南", 6, 3), ("贵州", 6, 4), ("湖南", 6, 5), ("江西", 6, 6), ("浙江", 6, 7),
    ("广西", 7, 4), ("广东", 7, 5), ("福建", 7, 6), ("台湾", 7, 8),
    ("海南", 8, 4), ("澳门", 8, 5), ("香港", 8, 6),
)
_SHORTS = sorted((t[0] for t in PROVINCE_TILES), key=len, reverse=True)


def province_key(name: str | None) -> str | None:
    """The tile of a province as stored (``浙江省``, ``广西壮族自治区`` → ``浙江``, ``广西``)."""
    if not name:
        return None
    return next((s for s in _SHORTS if name.startswith(s)), None)


def _a(v: object) -> Markup:
    return escape(str(v))


def timeline(offices: Sequence[Any], *, width: int = 960, row: int = 26, label_w: int = 300,
             today: D | None = None) -> Markup:
    """The spells (:class:`ganbu.store.queries.Holder`) as bars on a time axis, one row each, with
    the dates and their basis in a tooltip; empty when no spell has dates."""
    rows = [h for h in offices if h.start is not None]
    if not rows:
        return Markup("")
    lo = min(h.start for h in rows)
    hi = max((h.end or h.start) for h in rows)
    lo, hi = D(lo.year, 1, 1), D(hi.year + 1, 1, 1)
    span_days = max((hi - lo).days, 1)
    plot_w = width - label_w - 10
    height = 30 + row * len(rows)

    def x(d: D) -> float:
        return label_w + plot_w * (d - lo).days / span_days

    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="offices over time">']
    for year in range(lo.year, hi.year + 1):
        xx = x(D(year, 1, 1))
        out.append(f'<line class="tick" x1="{xx:.1f}" y1="18" x2="{xx:.1f}" y2="{height}"/>')
        if xx < width - 30:
            out.append(f'<text class="year" x="{xx + 2:.1f}" y="12">{year}</text>')
    for i, h in enumerate(rows):
        y = 22 + i * row
        end = h.end or h.start
        x1, x2 = x(h.start), max(x(end), x(h.start) + 3)
        tip = (f"{h.office}: {h.start} ({h.start_basis}) … {end} ({h.end_basis}); "
               f"{h.n_sources} reports{'; acting' if h.acting else ''}")
        cls = "spell acting" if h.acting else "spell"
        out.append(f'<g class="{cls}" data-office="{_a(h.office)}"><title>{_a(tip)}</title>'
                   f'<text class="label" x="{label_w - 6}" y="{y + row / 2 + 4:.1f}" text-anchor="end">'
                   f'{_a(_clip(h.office, 22))}</text>'
                   f'<rect x="{x1:.1f}" y="{y + 4}" width="{x2 - x1:.1f}" height="{row - 10}" rx="3"/></g>')
    out.append("</svg>")
    return Markup("".join(out))


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def province_grid(counts: dict[str, int], link: Callable[[str], str], *, tile: int = 58) -> Markup:
    """Counts per province (stored names) on the tile grid; each tile links to ``link(short)``."""
    by_tile: dict[str, int] = {}
    for name, n in counts.items():
        k = province_key(name)
        if k:
            by_tile[k] = by_tile.get(k, 0) + n
    top = max(by_tile.values(), default=0)
    cols = 1 + max(c for _, _, c in PROVINCE_TILES)
    rows = 1 + max(r for _, r, _ in PROVINCE_TILES)
    w, h = cols * tile, rows * tile
    out = [f'<svg class="tiles" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           'role="img" aria-label="events per province">']
    for name, r, c in PROVINCE_TILES:
        n = by_tile.get(name, 0)
        level = 0 if not n or not top else 1 + min(4, int(5 * n / (top + 1)))
        x, y = c * tile, r * tile
        out.append(f'<a href="{_a(link(name))}" class="tile" data-province="{_a(name)}" data-count="{n}">'
                   f'<title>{_a(name)}: {n}</title>'
                   f'<rect class="l{level}" x="{x + 2}" y="{y + 2}" width="{tile - 4}" height="{tile - 4}" rx="4"/>'
                   f'<text x="{x + tile / 2}" y="{y + tile / 2 - 2}" text-anchor="middle">{_a(name)}</text>'
                   f'<text class="n" x="{x + tile / 2}" y="{y + tile / 2 + 14}" text-anchor="middle">{n}</text></a>')
    out.append("</svg>")
    return Markup("".join(out))


def day_bars(days: Sequence[tuple[D, int]], link: Callable[[D], str], *, width: int = 960,
             height: int = 120, max_days: int = 400) -> Markup:
    """Events per day as bars (the last ``max_days`` days with events), each linking to that day."""
    days = list(days)[-max_days:]
    if not days:
        return Markup("")
    first, last = days[0][0], days[-1][0]
    n_days = (last - first).days + 1
    bw = max(width / n_days, 1.0)
    top = max(c for _, c in days)
    out = [f'<svg class="days" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 16}" '
           f'viewBox="0 0 {width} {height + 16}" role="img" aria-label="events per day">']
    w = f"{max(bw - 1, 1):.1f}"
    for d, c in days:
        x = (d - first).days * width / n_days
        bh = max(2.0, (height - 4) * c / top)
        iso = d.isoformat()
        out.append(f'<a href="{_a(link(d))}" class="day" data-day="{iso}"><title>{iso}: {c}</title>'
                   f'<rect x="{x:.1f}" y="{height - bh:.1f}" width="{w}" height="{bh:.1f}"/></a>')
    out.append(f'<text x="0" y="{height + 14}">{first.isoformat()}</text>'
               f'<text x="{width}" y="{height + 14}" text-anchor="end">{last.isoformat()}</text></svg>')
    return Markup("".join(out))
