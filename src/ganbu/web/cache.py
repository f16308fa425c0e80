"""A cache of rendered answers (pages and JSON) for as long as the store does not change.

The server only reads, but another process may write to the store (``ganbu ingest`` while
``ganbu serve`` runs): every cached answer is dropped when :func:`ganbu.store.db.data_version`
changes, which is checked at most once per ``check_every`` seconds (so an answer is at most that
stale). Only ``GET`` answers with status 200 are kept, least recently used first out, within
``max_bytes``.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, MutableMapping
from typing import Any

import anyio.to_thread

__all__ = ["ResponseCache"]


class ResponseCache:
    """ASGI middleware: answers repeated ``GET``s from memory until the store changes."""

    def __init__(self, app: Any, version: Callable[[], object], *, max_bytes: int = 64 << 20,
                 check_every: float = 1.0, skip: tuple[str, ...] = ("/static/",)):
        self.app = app
        self.version = version
        self.max_bytes = max_bytes
        self.check_every = check_every
        self.skip = skip
        self.entries: OrderedDict[str, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.seen: object = None
        self.checked = 0.0
        self.hits = self.misses = 0

    async def _fresh(self) -> None:
        now = time.monotonic()
        if now - self.checked < self.check_every:
            return
        self.checked = now
        v = await anyio.to_thread.run_sync(self.version)
        if v != self.seen:
            self.seen = v
            self.entries.clear()
            self.size = 0

    def _put(self, key: str, status: int, headers: list, body: bytes) -> None:
        cost = len(body) + len(key) + 200
        if cost > self.max_bytes // 8:
            return
        self.entries[key] = (status, headers, body)
        self.size += cost
        while self.size > self.max_bytes and self.entries:
            k, (_, _, b) = self.entries.popitem(last=False)
            self.size -= len(b) + len(k) + 200

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(self.skip):
            await self.app(scope, receive, send)
            return
        await self._fresh()
        key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
        hit = self.entries.get(key)
        if hit is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        version = self.seen
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200 and self.seen == version:
                    self._put(key, 200, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)
