"""The Python API for notebooks: ``ganbu.open_store(path_or_url)``.

    >>> import ganbu
    >>> st = ganbu.open_store("ganbu.db")              # or "postgresql://postgres@127.0.0.1/ganbu"
    >>> st.ingest(["corpus.jsonl"])                     # doctest: +SKIP
    >>> st.who("浙江省长", on="2023-03-01")              # doctest: +SKIP
    [Holder(person_id=7, name='王浩', office='浙江省人民政府 省长', ...)]
    >>> st.who("浙江省长", on="2023-03-01", frame=True)  # a pandas DataFrame  # doctest: +SKIP

Every query is the function of the same name in :mod:`ganbu.store.queries` (what the CLI
prints); ``frame=True`` returns a ``pandas.DataFrame`` of the rows' dicts (pandas must be
installed).
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from ..errors import BadArgument
from . import queries as Q
from .db import open_engine, open_readonly
from .queries_brief import BriefQueries

__all__ = ["Store", "open_store", "to_frame"]


def _day(value: str | _dt.date | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise BadArgument(f"not a date in YYYY-MM-DD form: {value!r}") from None


def to_frame(rows: list[Any]) -> Any:
    """A pandas DataFrame of the rows' dicts."""
    try:
        import pandas as pd
    except ImportError:
        raise BadArgument("frame=True needs pandas: pip install pandas") from None
    return pd.DataFrame([r.to_dict() for r in rows])


class Store(BriefQueries):
    """An open store. Queries read in their own short transaction; writes go through ingest."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def __repr__(self) -> str:
        return f"<ganbu Store {self.engine.info['name']}>"  # type: ignore[attr-defined]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _q(self, fn: Callable[..., list], *args: Any, frame: bool = False, **kw: Any) -> Any:
        with self.engine.connect() as conn:
            rows = fn(conn, *args, **kw)
        return to_frame(rows) if frame else rows

    def who(self, office: str | None = None, *, org: str | None = None, role: str | None = None,
            on: str | _dt.date | None = None, frame: bool = False) -> Any:
        return self._q(Q.who, office, org=org, role=role, on=_day(on), frame=frame)

    def person(self, who: str | int, *, frame: bool = False) -> Any:
        return self._q(Q.person, who, frame=frame)

    def colleagues(self, who: str | int, *, frame: bool = False) -> Any:
        return self._q(Q.colleagues, who, frame=frame)

    def events(self, *, date_from: str | _dt.date | None = None, date_to: str | _dt.date | None = None,
               frame: bool = False, **kw: Any) -> Any:
        return self._q(Q.events, date_from=_day(date_from), date_to=_day(date_to), frame=frame, **kw)

    def org(self, name: str, *, frame: bool = False) -> Any:
        return self._q(Q.org, name, frame=frame)

    def changes(self, date_from: str | _dt.date, date_to: str | _dt.date, *, frame: bool = False) -> Any:
        return self._q(Q.changes, _day(date_from), _day(date_to), frame=frame)

    def review(self, *, frame: bool = False) -> Any:
        return self._q(Q.review, frame=frame)

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return Q.stats(conn)

    def ingest(self, paths: list[str], **kw: Any) -> Any:
        """Ingest files, folders, globs (see ``ganbu ingest``); returns the summary."""
        from .ingest import ingest

        return ingest(self.engine, [os.fspath(p) for p in paths], **kw)

    def reextract(self, *, stale: bool = False, **kw: Any) -> Any:
        from .reextract import reextract

        return reextract(self.engine, stale=stale, **kw)

    def export(self, out: str | os.PathLike[str], fmt: str = "jsonl") -> list[str]:
        from .export import export

        return export(self.engine, os.fspath(out), fmt)


def open_store(target: str | os.PathLike[str] = "ganbu.db", *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at an SQLite path or a database URL;
    ``read_only``: open an existing store for reading only (nothing created or migrated)."""
    return Store(open_readonly(target) if read_only else open_engine(target))
