"""Polite HTTP: robots.txt, a per-host rate limit and concurrency cap, conditional requests,
retries with backoff, a size cap, redirects followed by hand (each hop checked against
robots.txt; loops caught).

Built on ``httpx`` (an ``AsyncClient``) and ``protego`` (robots.txt with wildcards,
``Allow``/``Disallow`` precedence and ``Crawl-delay``). One :class:`Fetcher` per run;
:meth:`Fetcher.get` never raises for a network or HTTP problem: it returns a
:class:`Response` with ``error`` (a short reason) and ``retry`` (whether a later run may
succeed: 5xx, 429, timeouts and broken connections; not 404, robots.txt, a size cap or a
redirect loop).

robots.txt is fetched once per host and run: 2xx is obeyed (the rules for the user agent token
``ganbu``, else ``*``); 4xx means no rules; 5xx or no answer means the host is not crawled in
this run (RFC 9309 §2.3.1.4). A ``Crawl-delay`` longer than the configured interval is used.
"""
from __future__ import annotations

import asyncio
import os
import random
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..version import __version__

__all__ = ["Fetcher", "Politeness", "Response", "default_user_agent"]

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
ROBOTS_TOKEN = "ganbu"


def default_user_agent() -> str:
    return os.environ.get("GANBU_USER_AGENT") or (
        f"ganbu/{__version__} (news-report collector; robots.txt honoured; +https://pypi.org/project/ganbu/)")


@dataclass
class Politeness:
    """How the collector behaves towards a site (every field has a ``ganbu collect`` option)."""

    user_agent: str = field(default_factory=default_user_agent)
    interval: float = 1.0       # seconds between two requests to one host (0: no limit)
    per_host: int = 2           # requests to one host at a time
    concurrency: int = 16       # requests at a time in all
    timeout: float = 20.0       # seconds for connect, each read, the whole page
    retries: int = 3            # further attempts after a 5xx, 429, timeout or broken connection
    backoff: float = 1.0        # seconds before the first retry, doubled each time (Retry-After obeyed up to 60 s)
    max_bytes: int = 5_000_000  # a page larger than this is not read
    max_redirects: int = 5


@dataclass(slots=True)
class Response:
    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    location: str | None = None  # of a redirect
    not_modified: bool = False
    error: str | None = None
    retry: bool = False
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


class _Host:
    def __init__(self, per_host: int):
        self.sem = asyncio.Semaphore(per_host)
        self.lock = asyncio.Lock()
        self.next_at = 0.0
        self.robots: object | None = None   # a Protego, or _DENY, or None (no rules)
        self.robots_error: str | None = None
        self.robots_done: asyncio.Event | None = None
        self.delay = 0.0


class _Failure(Exception):
    def __init__(self, reason: str, retry: bool, status: int | None = None):
        super().__init__(reason)
        self.reason, self.retry, self.status = reason, retry, status
        self.retry_after: float | None = None


class Fetcher:
    """``async with Fetcher(politeness) as f: r = await f.get(url, etag=…, last_modified=…)``.

    ``transport``: an ``httpx`` transport (tests); ``sleep``: the coroutine used to wait
    (tests may make backoff instant)."""

    def __init__(self, politeness: Politeness | None = None, *, transport=None, sleep=asyncio.sleep):
        self.p = politeness or Politeness()
        self._transport = transport
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._sem: asyncio.Semaphore | None = None
        self.client: Any = None
        self.requests = 0

    async def __aenter__(self) -> Fetcher:
        import httpx

        self._sem = asyncio.Semaphore(max(1, self.p.concurrency))
        limits = httpx.Limits(max_connections=max(1, self.p.concurrency),
                              max_keepalive_connections=max(1, self.p.concurrency))
        self.client = httpx.AsyncClient(headers={"User-Agent": self.p.user_agent}, follow_redirects=False,
                                        timeout=httpx.Timeout(self.p.timeout), limits=limits,
                                        transport=self._transport)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.client is not None:
            await self.client.aclose()

    # ------------------------------------------------------------ public

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` politely (see the module doc); never raises for network or HTTP trouble."""
        seen = {url}
        current = url
        attempts = 0
        for _hop in range(self.p.max_redirects + 1):
            why = await self.disallowed(current)
            if why:
                return Response(url, current, error=why, attempts=attempts)
            r = await self._with_retries(current, etag if current == url else None,
                                         last_modified if current == url else None)
            attempts += r.attempts
            r.attempts, r.url = attempts, url
            if r.status not in REDIRECT_STATUS or r.error:
                return r
            nxt = urljoin(current, r.location or "")
            if nxt in seen:
                return Response(url, current, r.status, error="redirect loop", attempts=attempts)
            seen.add(nxt)
            current = nxt
        return Response(url, current, error=f"more than {self.p.max_redirects} redirects", attempts=attempts)

    async def disallowed(self, url: str) -> str | None:
        """Why robots.txt forbids ``url`` (None: allowed)."""
        host = await self._robots(url)
        if host.robots_error:
            return host.robots_error
        if host.robots is not None and not host.robots.can_fetch(url, ROBOTS_TOKEN):  # type: ignore[attr-defined]
            return "robots.txt disallows it"
        return None

    # ------------------------------------------------------------ robots.txt

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(max(1, self.p.per_host))
        return host

    async def _robots(self, url: str) -> _Host:
        host = self._host(url)
        if host.robots_done is not None:
            await host.robots_done.wait()
            return host
        host.robots_done = asyncio.Event()
        try:
            await self._load_robots(host, url)
        finally:
            host.robots_done.set()
        return host

    async def _load_robots(self, host: _Host, url: str) -> None:
        from protego import Protego

        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        current = robots_url
        for _ in range(self.p.max_redirects + 1):
            r = await self._with_retries(current, None, None, host=host)
            if r.status in REDIRECT_STATUS and not r.error:
                current = urljoin(current, r.location or "")
                continue
            break
        if r.status is not None and 200 <= r.status < 300:
            rules = Protego.parse(r.body.decode("utf-8", "replace"))
            host.robots = rules
            delay = rules.crawl_delay(ROBOTS_TOKEN)
            host.delay = float(delay) if delay else 0.0
        elif r.status is not None and 400 <= r.status < 500:
            host.robots = None
        else:
            host.robots_error = f"robots.txt unreachable ({r.error or r.status}): host skipped"

    # ------------------------------------------------------------ one request

    async def _with_retries(self, url: str, etag: str | None, last_modified: str | None,
                            host: _Host | None = None) -> Response:
        host = host or self._host(url)
        attempt = 0
        while True:
            attempt += 1
            try:
                r = await self._once(url, etag, last_modified, host)
                r.attempts = attempt
                return r
            except _Failure as f:
                if not f.retry or attempt > self.p.retries:
                    return Response(url, url, f.status, error=f.reason, retry=f.retry, attempts=attempt)
                await self._sleep(self._backoff(attempt, f))

    def _backoff(self, attempt: int, f: _Failure) -> float:
        wait = self.p.backoff * (2 ** (attempt - 1))
        if f.retry_after is not None:
            wait = max(wait, min(f.retry_after, 60.0))
        return wait * (1 + 0.1 * random.random())

    async def _pace(self, host: _Host) -> None:
        """Wait for this host's turn (the interval, or its Crawl-delay if longer)."""
        gap = max(self.p.interval, host.delay) if self.p.interval > 0 else 0.0
        if gap <= 0:
            return
        async with host.lock:
            now = time.monotonic()
            wait = host.next_at - now
            host.next_at = max(now, host.next_at) + gap
        if wait > 0:
            await self._sleep(wait)

    async def _once(self, url: str, etag: str | None, last_modified: str | None, host: _Host) -> Response:
        import httpx

        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        assert self.client is not None and self._sem is not None
        async with host.sem, self._sem:
            await self._pace(host)
            self.requests += 1
            try:
                return await asyncio.wait_for(self._stream(url, headers), timeout=self.p.timeout * 2)
            except (TimeoutError, httpx.TimeoutException):
                raise _Failure("timeout", True) from None
            except httpx.ConnectError as e:
                raise _Failure(f"cannot connect ({_short(e)})", True) from None
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as e:
                raise _Failure(f"connection broken ({_short(e)})", True) from None
            except httpx.InvalidURL as e:
                raise _Failure(f"bad URL ({_short(e)})", False) from None
            except httpx.HTTPError as e:
                raise _Failure(f"{type(e).__name__} ({_short(e)})", False) from None

    async def _stream(self, url: str, headers: dict[str, str]) -> Response:
        assert self.client is not None
        async with self.client.stream("GET", url, headers=headers) as r:
            st = r.status_code
            if st in REDIRECT_STATUS:
                loc = r.headers.get("location")
                if not loc:
                    raise _Failure(f"http {st} without Location", False, st)
                return Response(url, url, st, location=loc)
            if st == 304:
                return Response(url, url, st, not_modified=True, etag=r.headers.get("etag"),
                                last_modified=r.headers.get("last-modified"))
            if st >= 400:
                f = _Failure(f"http {st}", st in RETRY_STATUS, st)
                f.retry_after = _retry_after(r.headers.get("retry-after"))
                raise f
            body = await self._read(r)
            return Response(url, url, st, body, r.headers.get("etag"), r.headers.get("last-modified"),
                            r.headers.get("content-type"))

    async def _read(self, r) -> bytes:
        cap = self.p.max_bytes
        declared = r.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise _Failure(f"too large (over the cap of {cap:,} bytes)", False, r.status_code)  # said so up front
        buf = bytearray()
        async for chunk in r.aiter_bytes():
            buf += chunk
            if len(buf) > cap:
                raise _Failure(f"too large (over the cap of {cap:,} bytes)", False, r.status_code)
        return bytes(buf)


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _short(e: BaseException) -> str:
    s = " ".join(str(e).split()) or type(e).__name__
    return s[:120]

