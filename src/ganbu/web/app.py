"""The application: :func:`create_app` over a store opened read-only, the templates (Jinja2,
autoescape on), the errors (400 for a bad parameter, 404 for an unknown id or page, never a
traceback; JSON ``{"error": {code, message, input}}`` under ``/api``, a page elsewhere) and the
security headers (a Content-Security-Policy that allows nothing from another host)."""
from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from functools import partial
from importlib import resources
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BadArgument, GanbuError, InternalError
from ..store.api import Store, open_store
from ..store.db import data_version
from ..store.errors import StoreError
from ..version import __version__
from .cache import ResponseCache
from .params import NotFound
from .render import JSON, env, render

__all__ = ["CSP", "KEEPALIVE_REQUESTS", "create_app", "from_environment"]

#: requests a server process works on at once (the rest queue): see create_app
THREADS = 2
#: requests a client may send on one connection before the answer asks it to reconnect (0: no
#: limit). Clients keep their connections, and a burst of them is accepted by whichever server
#: process wakes first (19 of 20 went to one of two processes in a load test): reconnecting now and
#: then lets the process with less to do take them, as nginx's ``keepalive_requests`` does
KEEPALIVE_REQUESTS = 10

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
_HEADERS_CLOSE = [*_HEADERS, (b"connection", b"close")]

DESCRIPTION = """A read-only web interface over a ganbu store: people, organisations, events, reports
with their extracted spans, patterns and briefings. Every page has its JSON under `/api/…`, in the
shapes of `ganbu … --format json`. Errors: `{"error": {"code", "message", "input"}}` with 400 for a
bad parameter and 404 for an unknown id."""


def _status(e: GanbuError) -> int:
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, StoreError):
        return 503
    if isinstance(e, InternalError):
        return 500
    return 400


def _answer(request: Request, e: GanbuError) -> Response:
    status = _status(e)
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSON(e.to_dict(), status_code=status)
    return render(request, "error.html", status=status, error=e, status_code=status)


def _install_errors(app: FastAPI) -> None:
    async def ganbu_error(request: Request, e: Exception) -> Response:
        assert isinstance(e, GanbuError)
        return _answer(request, e)

    async def validation(request: Request, e: Exception) -> Response:
        assert isinstance(e, RequestValidationError)
        errs = e.errors()
        first = errs[0] if errs else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path"))
        return _answer(request, BadArgument(f"{where}: {first.get('msg', 'bad parameter')}"))

    async def http_error(request: Request, e: Exception) -> Response:
        assert isinstance(e, StarletteHTTPException)
        if e.status_code == 404:
            return _answer(request, NotFound(f"no such page: {request.url.path}"))
        err = BadArgument(str(e.detail))
        resp = _answer(request, err)
        resp.status_code = e.status_code
        return resp

    async def internal(request: Request, e: Exception) -> Response:
        return _answer(request, InternalError(f"internal error ({type(e).__name__}); the server log has the details"))

    app.add_exception_handler(GanbuError, ganbu_error)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, internal)


class _SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI wrapper: cheap), and asks the
    client to reconnect after ``keepalive_requests`` requests on one connection (0: never)."""

    def __init__(self, app: Callable[..., Awaitable[None]], keepalive_requests: int = 0):
        self.app = app
        self.keepalive_requests = keepalive_requests
        self._served: dict[Any, int] = {}

    def _close_now(self, scope: MutableMapping[str, Any]) -> bool:
        if self.keepalive_requests <= 0 or not scope.get("client"):
            return False
        key = tuple(scope["client"])
        n = self._served.get(key, 0) + 1
        if n >= self.keepalive_requests:
            self._served.pop(key, None)
            return True
        if len(self._served) > 10_000:  # connections the clients closed themselves
            self._served.clear()
        self._served[key] = n
        return False

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = _HEADERS_CLOSE if self._close_now(scope) else _HEADERS

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: Store | str | os.PathLike[str], *, cache_mb: int = 64, threads: int = THREADS,
               keepalive_requests: int = KEEPALIVE_REQUESTS) -> FastAPI:
    """The web application over ``store`` (a :class:`Store`, or a path/URL opened read-only);
    answers are cached in up to ``cache_mb`` MB until the store changes (0: no cache); at most
    ``threads`` requests are worked on at once (the others wait in the event loop); a client is
    asked to reconnect after ``keepalive_requests`` requests on one connection (0: never)."""
    from .routes import api_router, page_router

    st = store if isinstance(store, Store) else open_store(store, read_only=True)
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # requests run in threads: a few at a time, the others wait their turn in the event loop
        # (twenty threads of one process taking turns at the GIL each take twenty times as long)
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        # what is loaded by now (modules, templates, the schema) lives as long as the process: the
        # collector no longer walks it (a full collection took about 35 ms, 3 ms after this)
        gc.freeze()
        yield

    app = FastAPI(title="ganbu", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", default_response_class=JSON, lifespan=lifespan)
    app.state.store = st
    app.state.templates = env()
    _install_errors(app)
    static = resources.files("ganbu.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api_router)
    app.include_router(page_router)
    if cache_mb > 0:
        app.add_middleware(ResponseCache, version=partial(data_version, st.engine), max_bytes=cache_mb << 20)
    app.add_middleware(_SecurityHeaders, keepalive_requests=keepalive_requests)
    return app


def from_environment() -> FastAPI:
    """:func:`create_app` over ``$GANBU_SERVE_DB`` with ``$GANBU_SERVE_CACHE_MB`` and
    ``$GANBU_SERVE_THREADS`` and ``$GANBU_SERVE_KEEPALIVE``: the factory
    ``ganbu serve --workers N`` gives each server process."""
    return create_app(os.environ["GANBU_SERVE_DB"], cache_mb=int(os.environ.get("GANBU_SERVE_CACHE_MB", "64")),
                      threads=int(os.environ.get("GANBU_SERVE_THREADS", str(THREADS))),
                      keepalive_requests=int(os.environ.get("GANBU_SERVE_KEEPALIVE", str(KEEPALIVE_REQUESTS))))
