"""Alembic environment: migrations run on the connection :mod:`ganbu.store.db` hands over."""
from __future__ import annotations

from alembic import context

from ganbu.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the programmatic path is supported
    raise RuntimeError("ganbu's migrations run through ganbu.store.db.open_engine")
context.configure(connection=connection, target_metadata=metadata, transactional_ddl=True,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
