"""Rendering: the Jinja2 environment (autoescape on, templates shipped in the package), pages
and JSON responses."""
from __future__ import annotations

import json
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse

from ..version import __version__

__all__ = ["JSON", "env", "render", "safe_url"]


class JSON(JSONResponse):
    """JSON with Chinese kept as written."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("ganbu.web", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals["version"] = __version__
    env.filters["safe_url"] = safe_url
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


