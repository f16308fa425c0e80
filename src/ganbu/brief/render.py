"""Briefings and patterns as Markdown, HTML and terminal tables.

Markdown footnotes are ``[^n]`` after each sentence, listed at the end with the report's title,
date, document id and span and an excerpt of the span. HTML is a self-contained fragment
(``<article class="ganbu-brief">``): every text escaped, names linked to person pages,
footnote marks linked to the list of sources, each source linked to its report span.
"""
from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Callable
from typing import Any

# The records (ganbu.brief.records: Briefing, Pattern, Sentence, SourceRef) are typed Any here:
# their methods import this module, so it does not import them.

__all__ = ["markdown", "patterns_markdown", "patterns_table", "to_html"]


def _marks(s: Any, numbers: dict[Any, int]) -> str:
    return "".join(f"[^{numbers[r]}]" for r in s.sources)


def _source_line(b: Any, r: Any) -> str:
    when = r.published.isoformat() if r.published else "—"
    return f"《{r.title or '—'}》 {when}，报道 #{r.document_id}，第{r.start}–{r.end}字：“{b.excerpt(r)}”"


def markdown(b: Any) -> str:
    numbers = {r: i + 1 for i, r in enumerate(b.footnotes())}
    md = lambda s: s.text + _marks(s, numbers)  # noqa: E731
    out: list[str] = []
    if b.headline:
        out += [f"# {md(b.headline)}", ""]
    if b.note:
        out += [f"*{b.note}*", ""]
    if b.lead:
        out += ["".join(md(s) for s in b.lead), ""]
    for sec in b.sections:
        if sec.heading:
            out += [f"## {md(sec.heading)}", ""]
        for para in sec.paragraphs:
            text = "".join(md(s) for s in para)
            out += [f"- {text}" if b.style == "digest" else text]
            if b.style != "digest":
                out.append("")
        if b.style == "digest":
            out.append("")
    if b.closing:
        out += ["".join(md(s) for s in b.closing), ""]
    if numbers:
        out += ["---", ""]
        out += [f"[^{n}]: {_source_line(b, r)}" for r, n in numbers.items()]
    return "\n".join(out).rstrip() + "\n"


def _h(s: str) -> str:
    return html.escape(s, quote=True)


def _sentence_html(s: Any, numbers: dict[Any, int], person_url: Callable[[int], str]) -> str:
    parts = []
    for seg in s.segments:
        if seg.person_id is not None:
            parts.append(f'<a class="person" href="{_h(person_url(seg.person_id))}">{_h(seg.text)}</a>')
        else:
            parts.append(_h(seg.text))
    marks = "".join(f'<sup class="fn"><a href="#fn-{numbers[r]}">[{numbers[r]}]</a></sup>' for r in s.sources)
    return f'<span class="sentence">{"".join(parts)}{marks}</span>'


def to_html(b: Any, person_url: Callable[[int], str], report_url: Callable[[int, int, int], str]) -> str:
    numbers = {r: i + 1 for i, r in enumerate(b.footnotes())}
    sh = lambda s: _sentence_html(s, numbers, person_url)  # noqa: E731
    out = [f'<article class="ganbu-brief" data-style="{_h(b.style)}">']
    if b.headline:
        out.append(f"<h1>{sh(b.headline)}</h1>")
    if b.note:
        out.append(f'<p class="note">{_h(b.note)}</p>')
    if b.lead:
        out.append(f'<p class="lead">{"".join(map(sh, b.lead))}</p>')
    for sec in b.sections:
        out.append(f'<section data-key="{_h(sec.key)}">')
        if sec.heading:
            out.append(f"<h2>{sh(sec.heading)}</h2>")
        if b.style == "digest":
            out.append("<ul>" + "".join(f"<li>{''.join(map(sh, p))}</li>" for p in sec.paragraphs) + "</ul>")
        else:
            out += [f"<p>{''.join(map(sh, p))}</p>" for p in sec.paragraphs]
        out.append("</section>")
    if b.closing:
        out.append(f'<p class="closing">{"".join(map(sh, b.closing))}</p>')
    if numbers:
        out.append('<ol class="footnotes">')
        for r, n in numbers.items():
            when = r.published.isoformat() if r.published else "—"
            link = _h(report_url(r.document_id, r.start, r.end))
            out.append(f'<li id="fn-{n}"><a href="{link}">《{_h(r.title or "—")}》</a> {_h(when)}：'
                       f"“{_h(b.excerpt(r))}”</li>")
        out.append("</ol>")
    out.append("</article>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- patterns

def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def patterns_table(patterns: list[Any]) -> str:
    """Kind, score, dates, sources and title, aligned for a terminal (CJK counted double)."""
    rows = [("kind", "score", "dates", "reports", "pattern")]
    for p in patterns:
        dates = "…".join(x.isoformat() for x in dict.fromkeys(d for d in (p.date_from, p.date_to) if d))
        rows.append((p.kind, f"{p.score:g}", dates or "—", str(len({s.document_id for s in p.sources})), p.title))
    widths = [max(_width(r[i]) for r in rows) for i in range(4)]
    return "".join("  ".join(v + " " * (w - _width(v)) for v, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
                   + "\n" for r in rows)


def patterns_markdown(patterns: list[Any]) -> str:
    out = []
    numbers: dict[Any, int] = {}
    kind = None
    for p in patterns:
        if p.kind != kind:
            kind = p.kind
            out += ["", f"## {kind}", ""]
        marks = ""
        for r in p.sources:
            numbers.setdefault(r, len(numbers) + 1)
            marks += f"[^{numbers[r]}]"
        out.append(f"- {p.title}（{p.score:g}）{marks}")
    if numbers:
        out += ["", "---", ""]
        for r, n in numbers.items():
            when = r.published.isoformat() if r.published else "—"
            out.append(f"[^{n}]: 《{r.title or '—'}》 {when}，报道 #{r.document_id}，第{r.start}–{r.end}字")
    return "\n".join(out).lstrip("\n") + "\n"


def patterns_json(patterns: list[Any]) -> str:
    return json.dumps([p.to_dict() for p in patterns], ensure_ascii=False, indent=2) + "\n"
