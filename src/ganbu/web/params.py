"""Parameters of the pages and the API, checked before anything reads the store: a bad one raises
:class:`ganbu.errors.BadArgument` (answered with 400 and its message), an unknown id
:class:`NotFound` (404)."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, get_args

from ..errors import BadArgument, GanbuError
from ..model.records import EventType

__all__ = ["EVENT_TYPES", "EventFilters", "NotFound", "day", "ident", "span"]

#: the event types of the contract (``ganbu.model.records.EventType``)
EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class NotFound(GanbuError):
    """No person, organisation, event or report with that id."""

    code = "E210"


def ident(value: str, what: str) -> int:
    """An id in a path (``12`` or ``#12``)."""
    v = value.strip().lstrip("#")
    if not v.isdigit() or len(v) > 12:
        raise BadArgument(f"{what} id must be a positive integer, not {value!r}")
    return int(v)


def day(value: str | None, what: str) -> _dt.date | None:
    if value is None or value == "":
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise BadArgument(f"{what}: not a date in YYYY-MM-DD form: {value!r}") from None


def span(value: str | None) -> tuple[int, int] | None:
    """``?hl=12-20``: the span a link asks the report page to highlight."""
    if not value:
        return None
    a, sep, b = value.partition("-")
    if not sep or not a.isdigit() or not b.isdigit() or int(a) > int(b) or len(value) > 24:
        raise BadArgument(f"hl must be START-END character offsets, not {value!r}")
    return int(a), int(b)


def _text(value: str | None, what: str, limit: int = 100) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > limit:
        raise BadArgument(f"{what} is longer than {limit} characters")
    return value.strip()


@dataclass
class EventFilters:
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None
    province: str | None = None
    place: str | None = None
    type: str | None = None
    person: str | int | None = None
    org: str | int | None = None
    page: int = 1

    @classmethod
    def parse(cls, q: dict[str, str]) -> EventFilters:
        f = cls(day(q.get("from"), "from"), day(q.get("to"), "to"), _text(q.get("province"), "province"),
                _text(q.get("place"), "place"), _text(q.get("type"), "type"), _text(q.get("person"), "person"),
                _text(q.get("org"), "org"))
        if f.date_from and f.date_to and f.date_to < f.date_from:
            raise BadArgument(f"to ({f.date_to}) is before from ({f.date_from})")
        if f.type and f.type not in EVENT_TYPES:
            raise BadArgument(f"type must be one of {', '.join(EVENT_TYPES)}, not {f.type!r}")
        for attr in ("person", "org"):
            v = getattr(f, attr)
            if isinstance(v, str) and v.lstrip("#").isdigit():
                setattr(f, attr, ident(v, attr))
        page = q.get("page") or "1"
        if not page.isdigit() or not 1 <= int(page) <= 100000:
            raise BadArgument(f"page must be a number from 1, not {page!r}")
        f.page = int(page)
        return f

    def store_kw(self) -> dict[str, Any]:
        """The keyword arguments of :func:`ganbu.store.queries.events`."""
        return {"date_from": self.date_from, "date_to": self.date_to, "province": self.province,
                "place": self.place, "type": self.type, "person": self.person, "org": self.org}

    def query(self, **change: Any) -> dict[str, str]:
        """The filters as URL parameters (``change`` overrides some)."""
        d = {"from": self.date_from, "to": self.date_to, "province": self.province, "place": self.place,
             "type": self.type, "person": self.person, "org": self.org}
        d.update(change)
        return {k: str(v) for k, v in d.items() if v not in (None, "")}
