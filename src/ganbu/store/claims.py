"""Claims: which process extracts which report, kept in the database itself.

Before a report is extracted its key is *claimed*: a row in ``claims`` (primary key = the
document key) with the claimer's ``owner`` (``host:pid:nonce``) and a lease expiry. The insert
is ``ON CONFLICT DO NOTHING``, so of several processes (on one machine or many, SQLite or
PostgreSQL) exactly one gets a report; the others see it held and come back to it at the end
of their input: by then it is stored (a duplicate for them), or its claimer died and the claim
is taken over. A claim is taken over when its lease expired, or at once when its owner is a
process on this machine that no longer runs. The claim is deleted in the transaction that
stores the report, so there is never a stored report with a live claim, nor a claim that
outlives a crash by more than its lease.
"""
from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, delete, select, update

from . import schema as S
from .db import write
from .writer import chunked, insert_ignore

__all__ = ["LEASE_SECONDS", "Claimer"]

LEASE_SECONDS = float(os.environ.get("GANBU_LEASE_SECONDS", "300"))


def _alive(owner: str) -> bool | None:
    """Whether the owning process still runs (None: on another machine, cannot tell)."""
    host, _, rest = owner.partition(":")
    if host != socket.gethostname():
        return None
    try:
        pid = int(rest.split(":", 1)[0])
    except ValueError:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Claimer:
    def __init__(self, engine: Engine, lease: float = LEASE_SECONDS):
        self.engine = engine
        self.lease = lease
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.last_renew = time.time()

    def claim(self, keys: Sequence[str]) -> tuple[set[str], set[str], set[str]]:
        """Claim ``keys``: (ours to extract, already stored, held by another live claimer)."""
        keys = sorted(set(keys))
        if not keys:
            return set(), set(), set()
        with write(self.engine) as conn:
            stored = self._stored(conn, keys)
            todo = [k for k in keys if k not in stored]
            exp = time.time() + self.lease
            for part in chunked(todo):
                conn.execute(insert_ignore(conn, S.claims, ["key"]),
                             [{"key": k, "owner": self.owner, "expires": exp} for k in part])
            held = self._owners(conn, todo)
            self._take_over(conn, held, exp)
            held = self._owners(conn, todo)
            ours = {k for k, o in held.items() if o == self.owner}
            # A report stored (and its claim deleted) by another process between the first
            # look and the insert above: the insert met no claim, so it is ours now. Under
            # READ COMMITTED this later statement sees that commit; give such claims back.
            late = self._stored(conn, sorted(ours))
            if late:
                self.release(conn, sorted(late))
                ours -= late
                stored |= late
        return ours, stored, set(todo) - ours - late

    @staticmethod
    def _stored(conn: Connection, keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for part in chunked(keys):
            out.update(conn.scalars(select(S.documents.c.key).where(S.documents.c.key.in_(part))))
        return out

    @staticmethod
    def _owners(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[str, float]] | dict[str, str]:
        out: dict = {}
        for part in chunked(keys):
            out.update(conn.execute(select(S.claims.c.key, S.claims.c.owner).where(S.claims.c.key.in_(part))).all())
        return out

    def _take_over(self, conn: Connection, held: dict, exp: float) -> None:
        now = time.time()
        others = sorted({o for o in held.values() if o != self.owner})
        dead = [o for o in others if _alive(o) is False]
        c = S.claims.c
        for part in chunked([k for k, o in held.items() if o != self.owner]):
            conn.execute(update(S.claims).where(c.key.in_(part), c.expires < now)
                         .values(owner=self.owner, expires=exp))
            if dead:
                conn.execute(update(S.claims).where(c.key.in_(part), c.owner.in_(dead))
                             .values(owner=self.owner, expires=exp))

    def release(self, conn: Connection, keys: Sequence[str]) -> None:
        for part in chunked(sorted(keys)):
            conn.execute(delete(S.claims).where(S.claims.c.key.in_(part), S.claims.c.owner == self.owner))

    def release_all(self) -> None:
        with write(self.engine) as conn:
            conn.execute(delete(S.claims).where(S.claims.c.owner == self.owner))

    def renew(self, every: float = 30.0) -> None:
        """Extend the lease of every claim of this process (called from the write loop)."""
        now = time.time()
        if now - self.last_renew < min(every, self.lease / 3):
            return
        self.last_renew = now
        with write(self.engine) as conn:
            conn.execute(update(S.claims).where(S.claims.c.owner == self.owner).values(expires=now + self.lease))
