"""``ganbu sources health``: is each source still giving what it used to? Empty is not quiet.

Read from ``source_polls`` (every poll: when, the status or the failure, how many report links
the listing held, how many were new) and ``fetches`` (when each report URL was first found), at
a time ``now`` the caller gives (tests pass their own clock). Per source:

- **last success**: the last poll that got the listing (a 304 counts: the listing answered);
- **reports per day**: new report URLs found per day (Beijing days) over the last ``days``;
  the links the first successful poll found are the backlog, not news, and are left out of the
  rates;
- **status** (the first that applies):

  - ``never polled``;
  - ``failing``: the last :data:`FAILING_POLLS` polls or more failed (``http 403``,
    ``timeout``, ``robots.txt disallows it`` …), with the reason and since when; an HTTP 403,
    429 or a robots.txt change is called a likely block;
  - ``empty``: the listing answered but held no report link in the last
    :data:`EMPTY_POLLS` polls or more, while it held links before: the layout or the link
    pattern changed;
  - ``quiet``: links were found, but none new for ``s`` days while the source's own rate since
    its first poll (``r`` new reports a day) says ``r·s`` should have come, and ``r·s`` is at
    least :data:`QUIET_EXPECTED` (a Poisson count that large is zero less than 1 % of the
    time), and the source was polled successfully during the silence;
  - ``learning``: less than :data:`MIN_HISTORY_DAYS` days of history (no rate yet);
  - ``ok``.
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, func, select

from ..store import schema as S
from .sources import list_sources

__all__ = ["EMPTY_POLLS", "FAILING_POLLS", "MIN_HISTORY_DAYS", "QUIET_EXPECTED", "SourceHealth", "health"]

FAILING_POLLS = 2
EMPTY_POLLS = 2
QUIET_EXPECTED = 5.0
MIN_HISTORY_DAYS = 3.0
DAY = 86400.0
BEIJING = _dt.timezone(_dt.timedelta(hours=8))


@dataclass
class SourceHealth:
    source_id: int
    name: str
    url: str
    kind: str
    province: str | None
    status: str
    warning: str | None
    last_poll: str | None          # ISO time (Beijing)
    last_success: str | None
    last_new: str | None           # when the newest report URL was found
    polls: int
    per_day: list[int] = field(default_factory=list)   # new report URLs per day, oldest first
    rate: float | None = None      # new reports a day since the first poll (backlog excluded)

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def sparkline(self) -> str:
        if not self.per_day:
            return ""
        top = max(self.per_day) or 1
        bars = " ▁▂▃▄▅▆▇█"
        return "".join(bars[0 if n == 0 else 1 + min(7, (n * 8 - 1) // top)] for n in self.per_day)


def _iso(t: float | None) -> str | None:
    return _dt.datetime.fromtimestamp(t, BEIJING).strftime("%Y-%m-%d %H:%M") if t is not None else None


def _day(t: float) -> _dt.date:
    return _dt.datetime.fromtimestamp(t, BEIJING).date()


def _failing(polls: list) -> str | None:
    run = []
    for p in reversed(polls):
        if p.error is None:
            break
        run.append(p)
    if len(run) < FAILING_POLLS:
        return None
    last, since = run[0], run[-1]
    hint = ""
    if last.status in (401, 403, 429) or "robots" in (last.error or ""):
        hint = " (blocked?)"
    return f"failing since {_iso(since.at)} ({len(run)} polls): {last.error}{hint}"


def _empty(polls: list) -> str | None:
    """The listing answered without report links in the last polls (a 304 repeats what the poll
    before it saw), though it held links before."""
    seen: list[tuple[float, int]] = []  # (at, report links on the listing) of the polls that answered
    for p in polls:
        if p.error is not None:
            continue
        n = seen[-1][1] if p.status == 304 and seen else p.n_links
        seen.append((p.at, n))
    run = 0
    while run < len(seen) and seen[len(seen) - 1 - run][1] == 0:
        run += 1
    if run < EMPTY_POLLS or run == len(seen):
        return None
    return (f"the listing holds no report link since {_iso(seen[len(seen) - run][0])} ({run} polls) though it did "
            f"before: layout or link pattern changed?")


def _quiet(polls: list, found: list[float], now: float, start: float) -> tuple[str | None, float | None]:
    """(warning, rate): the rate is new links a day between ``start`` (the first successful poll,
    or the start of the window) and the start of the silence."""
    later = [t for t in found if t > start]
    silence_start = max(later) if later else start
    history = (silence_start - start) / DAY
    if history < MIN_HISTORY_DAYS:
        return None, None
    rate = len(later) / history
    silent = (now - silence_start) / DAY
    expected = rate * silent
    polled = any(p.error is None and p.at > silence_start for p in polls)
    if expected >= QUIET_EXPECTED and polled:
        return (f"no new report for {silent:.1f} days (since {_iso(silence_start)}); it usually gives "
                f"{rate:.1f} a day, so about {expected:.0f} were expected"), rate
    return None, rate


def _one(src, polls: list, found: list[float], now: float, days: int, first_ok: float | None) -> SourceHealth:
    """``first_ok``: the first successful poll ever, or the start of the window if earlier."""
    ok = [p for p in polls if p.error is None]
    h = SourceHealth(src.id, src.label, src.url, src.kind, src.province, "ok", None,
                     _iso(polls[-1].at) if polls else None, _iso(ok[-1].at) if ok else None,
                     _iso(max(found)) if found else None, len(polls))
    counts = Counter(_day(t) for t in found if first_ok is None or t > first_ok)
    end = _day(now)
    h.per_day = [counts.get(end - _dt.timedelta(days=i), 0) for i in range(days - 1, -1, -1)]
    if not polls:
        h.status = "never polled"
        return h
    for status, check in (("failing", lambda: _failing(polls)), ("empty", lambda: _empty(polls))):
        why = check()
        if why:
            h.status, h.warning = status, why
            return h
    if first_ok is None:
        h.status, h.warning = "failing", f"never answered ({polls[-1].error})"
        return h
    why, h.rate = _quiet(polls, found, now, first_ok)
    if why:
        h.status, h.warning = "quiet", why
    elif h.rate is None:
        h.status = "learning"
    return h


def health(conn: Connection, now: float, *, weeks: int = 4) -> list[SourceHealth]:
    """The health of every source at time ``now`` over the last ``weeks`` weeks (see the module doc)."""
    since = now - weeks * 7 * DAY
    polls: dict[int, list] = {}
    P = S.source_polls.c
    for p in conn.execute(select(P.source_id, P.at, P.status, P.error, P.n_links, P.n_new)
                          .where(P.at >= since, P.at <= now).order_by(P.source_id, P.at)):
        polls.setdefault(p.source_id, []).append(p)
    found: dict[int, list[float]] = {}
    F = S.fetches.c
    for sid, t in conn.execute(select(F.source_id, F.found_at).where(F.found_at >= since, F.found_at <= now)):
        found.setdefault(sid, []).append(t)
    first = dict(conn.execute(select(P.source_id, func.min(P.at)).where(P.error.is_(None), P.at <= now)
                              .group_by(P.source_id)).all())
    # a first poll before the window: its backlog is out of the window, the window's start is the start
    first = {sid: (t if t >= since else since - 1) for sid, t in first.items()}
    return [_one(s, polls.get(s.id, []), found.get(s.id, []), now, weeks * 7, first.get(s.id))
            for s in list_sources(conn)]
