"""Rendering: the Jinja2 environment (autoescape on, templates shipped in the package), pages
and JSON responses."""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse
from markupsafe import Markup

from ..version import __version__

__all__ = ["JSON", "env", "event_rows", "person_link", "render", "safe_url"]


class JSON(JSONResponse):
    """JSON with Chinese kept as written."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("ganbu.web", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             auto_reload=False)  # templates ship in the package: never re-read
    env.globals["version"] = __version__
    env.filters["safe_url"] = safe_url
    env.globals["event_rows_html"] = event_rows
    env.globals["person_link"] = person_link
    return env


def safe_url(url: str | None) -> str | None:
    """A report's URL if it is http(s), else None (a ``javascript:`` URL is shown, never linked)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    path = request.url.path
    api = "/api/stats" if path == "/" else "/api" + path + (f"?{request.url.query}" if request.url.query else "")
    html = env.get_template(name).render(request_path=path, api_url=api, **ctx)
    return HTMLResponse(html, status_code=status)




_HEAD = ('<table class="events">\n<thead><tr><th>日期 date</th><th>类型 type</th>{role}<th>地点 place</th>'
         '<th>参与者 participants</th><th>机构 organisations</th><th>报道 reports</th></tr></thead>\n<tbody>\n')


def _e(text: str) -> str:
    """``markupsafe.escape`` as a plain string (the same five characters, the same entities)."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;"))


# the same people and organisations come back on page after page: their HTML is kept (thread-safe)
@lru_cache(maxsize=1 << 16)
def _participant(pid: int | None, name: str, role: str) -> str:
    if pid:
        link = f'<a class="person" href="/person/{pid}">{_e(name)}</a>'
    else:
        link = f'<span class="person unresolved" title="not resolved to one person">{_e(name)}</span>'
    return f"{link}<small>({_e(role)})</small>"


@lru_cache(maxsize=1 << 16)
def person_link(pid: int | None, name: str) -> Markup:
    """A person's name linking to their page (a name not resolved to one person: not linked);
    the templates' ``person_link``."""
    if pid:
        return Markup(f'<a class="person" href="/person/{_e(str(pid))}">{_e(name)}</a>')
    return Markup(f'<span class="person unresolved" title="not resolved to one person">{_e(name)}</span>')


@lru_cache(maxsize=1 << 16)
def _organization(name: str, role: str) -> str:
    return f'<a href="/search?q={_e(quote(name, safe="/"))}">{_e(name)}</a><small>({_e(role)})</small>'


def event_rows(rows: Sequence[Any], report_url: Callable[[int, int, int], str], show_role: bool = False) -> Markup:
    """The table of events (:class:`ganbu.store.queries.EventRow`) the person, organisation and
    events pages show: the HTML of the template macro ``event_rows`` (``macros.html``), written here
    because the pages spend most of their template time in it (every text escaped, as there)."""
    out = [_HEAD.format(role="<th>角色 role</th>" if show_role else "")]
    for e in rows:
        date = _e(str(e.date)) if e.date else "—"
        if e.date_end and e.date_end != e.date:
            date += f"…{_e(str(e.date_end))}"
        role = f"<td>{_e(e.role or '')}</td>" if show_role else ""
        place = _e(e.place or "")
        if e.province and e.province != e.place:
            place += f" <small>{_e(e.province)}</small>"
        people = "、".join(_participant(p["person_id"], p["name"], p["role"]) for p in e.participants)
        orgs = "、".join(_organization(o["organization"], o["role"]) for o in e.organizations)
        srcs = "".join(f'<a class="report-link" href="{_e(report_url(s.document_id, s.span[0], s.span[1]))}" '
                       f'title="{_e(s.title or "")}">#{s.document_id}</a> ' for s in e.sources[:3])
        if len(e.sources) > 3:
            srcs += f"<small>+{len(e.sources) - 3}</small>"
        out.append(f'<tr class="event" data-event="{e.event_id}">\n'
                   f'  <td><a class="event-link" href="/event/{e.event_id}">{date}</a></td>\n'
                   f'  <td>{_e(e.type)}</td>\n'
                   f'{role}  <td>{place}</td>\n  <td>{people}</td>\n  <td>{orgs}</td>\n  <td>{srcs}</td>\n</tr>\n')
    out.append("</tbody>\n</table>")
    return Markup("".join(out))
