"""Claims under a race: a report stored by another process between a claimer's first look and
its insert must not be extracted again (seen on PostgreSQL, READ COMMITTED, four processes)."""
from __future__ import annotations

from sqlalchemy import func, select

from ganbu.store import schema as S
from ganbu.store.claims import Claimer
from ganbu.store.db import open_engine
from ganbu.store.ingest import ingest
from test_store_support import REPORTS, store_target, write_jsonl  # noqa: F401  (fixture)


def test_a_report_stored_during_the_claim_is_not_ours(store_target, tmp_path):  # noqa: F811
    engine = open_engine(store_target)
    try:
        ingest(engine, [str(write_jsonl(tmp_path / "one.jsonl", REPORTS[:1]))], workers=1)
        with engine.connect() as c:
            key = c.scalars(select(S.documents.c.key)).one()
        claimer = Claimer(engine)
        looks = []
        real = claimer._stored

        def stale_first_look(conn, keys):  # the first look predates the other process's commit
            looks.append(list(keys))
            return set() if len(looks) == 1 else real(conn, keys)

        claimer._stored = stale_first_look  # type: ignore[method-assign]
        ours, stored, held = claimer.claim([key])
        assert (ours, stored, held) == (set(), {key}, set())
        with engine.connect() as c:
            assert c.scalar(select(func.count()).select_from(S.claims)) == 0
    finally:
        engine.dispose()
