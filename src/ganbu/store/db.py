"""The database: an SQLAlchemy engine for an SQLite path or a PostgreSQL URL, migrated on open.

- ``open_engine("ganbu.db")`` or ``open_engine("postgresql://user@host/db")`` (psycopg 3; a
  ``postgresql://`` URL is read as ``postgresql+psycopg://``);
- SQLite runs in WAL mode with a busy timeout, so one writer and any number of readers work at
  the same time; write transactions start with ``BEGIN IMMEDIATE`` (see :func:`write`) so two
  writers queue on the busy timeout instead of failing on a stale snapshot;
- the schema is brought to the head revision of ``ganbu/store/migrations`` (Alembic) every time a
  store is opened, under a lock (SQLite's write lock, PostgreSQL's advisory lock), so several
  processes may open a new store at once;
- database errors are translated into :mod:`ganbu.store.errors` (locked, read-only, disk full,
  not a database) naming the database.
"""
from __future__ import annotations

import os
import random
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url

from .errors import StoreCorrupt, StoreError, StoreFull, StoreLocked, StoreReadOnly, StoreTooNew

__all__ = ["BUSY_TIMEOUT_MS", "advisory_lock", "data_version", "describe", "is_postgres", "open_engine",
           "open_readonly", "translate", "write"]

BUSY_TIMEOUT_MS = int(os.environ.get("GANBU_BUSY_TIMEOUT_MS", "30000"))
_LOCK_MIGRATE = 0x6761_6E62  # "ganb": PostgreSQL advisory lock key for migrations
LOCKS = {"migrate": _LOCK_MIGRATE, "resolve": _LOCK_MIGRATE + 1}


def is_postgres(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "postgresql"


def describe(target: str) -> str:
    """The database as named in messages: the path, or the URL without its password."""
    if "://" in target:
        try:
            return make_url(target).render_as_string(hide_password=True)
        except exc.ArgumentError:
            return target
    return target


def _url(target: str) -> str:
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target))


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own is wrong for us)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = _set_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()
        _record.info["journal"] = mode[0] if mode else None

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")


def _set_wal(cur: sqlite3.Cursor) -> tuple | None:
    """``PRAGMA journal_mode = WAL``, retried while the database is locked. On a new, empty file
    the switch writes the header from inside a read transaction; when several processes open the
    same new store at once, SQLite answers the losers ``database is locked`` at once, without
    calling the busy handler (it would deadlock), so the wait is done here, up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.002
    while True:
        try:
            return cur.execute("PRAGMA journal_mode = WAL").fetchone()
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 0.1)


def open_engine(target: str | os.PathLike[str], *, migrate: bool = True) -> Engine:
    """An engine for ``target`` (a path to an SQLite file, or a database URL), migrated to head."""
    target = os.fspath(target)
    name = describe(target)
    if "://" not in target:
        folder = Path(target).resolve().parent
        if not folder.is_dir():
            raise StoreError(f"no such directory: {folder}", name)
    try:
        engine = create_engine(_url(target), future=True)
    except (exc.ArgumentError, ModuleNotFoundError, ImportError) as e:
        raise StoreError(f"cannot use this database: {e}", name) from None
    if engine.dialect.name == "sqlite":
        _sqlite_hooks(engine)
    engine.info = {"name": name}  # type: ignore[attr-defined]
    if migrate:
        try:
            _migrate(engine)
        except exc.DBAPIError as e:
            raise translate(e, name) from None
    return engine


def open_readonly(target: str | os.PathLike[str]) -> Engine:
    """An engine that can only read ``target``, which must be a ganbu store at the head revision:
    SQLite opened with ``mode=ro`` (and ``PRAGMA query_only``), PostgreSQL sessions with
    ``default_transaction_read_only``. Nothing is created or migrated."""
    target = os.fspath(target)
    name = describe(target)
    if "://" not in target:
        path = Path(target).resolve()
        if not path.is_file():
            raise StoreError("no such database file", name)
        url = f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
        engine = create_engine(url, future=True)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA query_only = 1")
            cur.close()
    else:
        try:
            engine = create_engine(_url(target), future=True,
                                   connect_args={"options": "-c default_transaction_read_only=on"})
        except (exc.ArgumentError, ModuleNotFoundError, ImportError) as e:
            raise StoreError(f"cannot use this database: {e}", name) from None
    engine.info = {"name": name}  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            current = _current(conn)
    except exc.DBAPIError as e:
        engine.dispose()
        raise translate(e, name) from None
    head = _head()
    if current is None:
        engine.dispose()
        raise StoreCorrupt("not a ganbu database (no schema revision)", name)
    if current != head:
        engine.dispose()
        raise StoreError(f"schema revision {current}, this ganbu reads {head}: open it once with a ganbu command "
                         "that writes (e.g. ganbu stats) to migrate it", name)
    return engine


def data_version(engine: Engine) -> tuple:
    """A value that changes whenever another process writes to the store (for caches of what was
    read): on SQLite the size and modification time of the file and its write-ahead log, on
    PostgreSQL the rows inserted, updated and deleted so far (the server's statistics, which
    lag writes by about a second) and the last document id."""
    if engine.dialect.name == "sqlite":
        path = engine.url.database or ""
        path = path.removeprefix("file:").split("?", 1)[0]
        out: list[object] = []
        for p in (path, path + "-wal"):
            try:
                st = os.stat(p)
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [None, None]
        return tuple(out)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT (SELECT sum(n_tup_ins + n_tup_upd + n_tup_del) FROM pg_stat_user_tables), "
                                "(SELECT max(id) FROM documents)")).one()
    return tuple(row)


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A write transaction (``BEGIN IMMEDIATE`` on SQLite); database errors are translated."""
    name = getattr(engine, "info", {}).get("name", str(engine.url))
    try:
        with engine.connect() as conn:
            conn.info["immediate"] = True
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop("immediate", None)
    except exc.DBAPIError as e:
        raise translate(e, name) from None


def advisory_lock(conn: Connection, which: str) -> None:
    """Serialise a job across processes: PostgreSQL's transaction advisory lock; on SQLite the
    write transaction (``BEGIN IMMEDIATE``) already does it."""
    if is_postgres(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCKS[which]})


_ERRORS = [
    (re.compile(r"database is locked|database table is locked|lock timeout|could not obtain lock", re.I),
     StoreLocked, "locked by another process (waited {t} s)"),
    (re.compile(r"readonly database|read-only|permission denied|unable to open database", re.I),
     StoreReadOnly, "cannot write: the database or its folder is read-only ({msg})"),
    (re.compile(r"disk is full|database or disk is full|no space left|disk full|could not extend file", re.I),
     StoreFull, "disk full ({msg}); nothing of the batch being written was stored"),
    (re.compile(r"file is not a database|malformed|file is encrypted", re.I),
     StoreCorrupt, "not a ganbu database or damaged ({msg})"),
]


def translate(e: BaseException, name: str) -> StoreError:
    """A DBAPI error as one of the store's errors with a one-line message."""
    orig = getattr(e, "orig", None) or e
    msg = " ".join(str(orig).split())[:200]
    for pattern, cls, template in _ERRORS:
        if pattern.search(msg):
            return cls(template.format(t=BUSY_TIMEOUT_MS / 1000, msg=msg), name)
    if isinstance(e, exc.OperationalError):
        return StoreError(f"database error: {msg}", name)
    return StoreError(f"database error ({type(orig).__name__}): {msg}", name)


def _migrations_dir() -> str:
    return str(resources.files("ganbu.store").joinpath("migrations"))


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", _migrations_dir())
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def _current(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _migrate(engine: Engine) -> None:
    head = _head()
    with engine.connect() as conn:
        if _current(conn) == head:
            return
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", _migrations_dir())
    known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
    with engine.connect() as conn:
        conn.info["immediate"] = True
        try:
            with conn.begin():
                advisory_lock(conn, "migrate")
                current = _current(conn)
                if current is not None and current not in known:
                    raise StoreTooNew(f"schema revision {current} is newer than this ganbu knows (head {head})",
                                      engine.info["name"])  # type: ignore[attr-defined]
                if current != head:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
        finally:
            conn.info.pop("immediate", None)
