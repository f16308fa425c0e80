"""``reextract``: replays the extractor over the stored texts, reports the changes, keeps ids."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

import ganbu.store.reextract as rx
from ganbu.store import open_store
from ganbu.store import schema as S
from test_store_support import REPORTS, store_target, write_jsonl  # noqa: F401


def _ids(st) -> dict[str, set[int]]:
    return {p.name: p.person_id for n in ("易炼红", "王浩", "戴厚良") for p in st.person(n)}  # type: ignore[misc]


@pytest.fixture
def store(store_target, tmp_path):  # noqa: F811
    st = open_store(store_target)
    st.ingest([str(write_jsonl(tmp_path / "r.jsonl", REPORTS))], workers=0)
    yield st
    st.close()


def test_reextract_without_change_changes_nothing(store):
    ids = _ids(store)
    rep = store.reextract(workers=0)
    assert rep.documents == len(REPORTS) and rep.changed == 0 and rep.failed == 0
    assert _ids(store) == ids


def test_stale_redoes_only_older_versions_and_restores_facts(store):
    ids = _ids(store)
    with store.engine.begin() as c:
        old = c.execute(S.pipelines.insert().values(version="0.0.1+data.old").returning(S.pipelines.c.id)).scalar()
        doc = c.scalar(select(S.documents.c.id).where(S.documents.c.source == "r09"))
        c.execute(update(S.documents).where(S.documents.c.id == doc).values(pipeline_id=old))
        c.execute(S.positions.delete().where(S.positions.c.document_id == doc))  # the old extractor missed it
    rep = store.reextract(stale=True, workers=0)
    assert rep.documents == 1 and rep.changed == 1 and rep.diff["positions+"] == 1
    assert dict(rep.versions) == {"0.0.1+data.old": 1}
    assert store.reextract(stale=True, workers=0).documents == 0
    assert _ids(store) == ids


def test_an_extractor_change_updates_facts_and_keeps_identities(store, monkeypatch):
    ids = _ids(store)
    real = rx.facts_from_document

    def drop_dai(doc, key, meta):
        doc.people = [p for p in doc.people if p.name != "戴厚良"]
        for ev in doc.events:
            ev.participants = [x for x in ev.participants if x.name != "戴厚良"]
        return real(doc, key, meta)

    monkeypatch.setattr(rx, "facts_from_document", drop_dai)
    rep = store.reextract(workers=0)
    assert rep.changed == 2 and rep.diff["people-"] == 2
    assert store.person("戴厚良") == []
    assert {k: v for k, v in _ids(store).items() if k != "戴厚良"} == {k: v for k, v in ids.items() if k != "戴厚良"}
    monkeypatch.setattr(rx, "facts_from_document", real)
    rep = store.reextract(workers=0)
    assert rep.diff["people+"] == 2
    assert len(store.events(person="戴厚良")) == 1
    assert {k: v for k, v in _ids(store).items() if k != "戴厚良"} == {k: v for k, v in ids.items() if k != "戴厚良"}
