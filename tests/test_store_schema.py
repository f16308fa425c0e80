"""The migrations build exactly the tables of ``schema.py``, on both backends; a store from a
newer ganbu is refused."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ganbu.store.db import open_engine
from ganbu.store.errors import StoreError
from ganbu.store.schema import metadata
from test_store_support import store_target  # noqa: F401


def test_migrations_match_the_schema(store_target):  # noqa: F811
    eng = open_engine(store_target)
    try:
        with eng.connect() as c:
            assert compare_metadata(MigrationContext.configure(c), metadata) == []
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005_office_evidence"
    finally:
        eng.dispose()


def test_a_newer_schema_is_refused(tmp_path):
    db = tmp_path / "new.db"
    open_engine(db).dispose()
    eng = open_engine(db)
    with eng.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    eng.dispose()
    with pytest.raises(StoreError) as e:
        open_engine(db)
    assert e.value.code == "E405" and "9999" in e.value.message


def test_a_new_store_opened_while_another_process_writes_it_waits(tmp_path):
    """Several processes opening one new SQLite store at once: the one switching the empty file to
    WAL while another holds the write lock is answered ``database is locked`` at once (SQLite does
    not call the busy handler there); the open waits for the lock instead of failing."""
    import sqlite3
    import threading

    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the other process's write lock on the empty file
    threading.Timer(0.3, other.execute, ("COMMIT",)).start()
    engine = open_engine(str(path), migrate=False)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
    other.close()
