"""Shared fixtures of the store tests (imported by tests/test_store_*.py; holds no test).

- :data:`REPORTS`: reports written for these tests in the genre (real offices, some real names,
  invented encounters), as bulk-format records;
- :func:`synth_reports`: many small reports from templates, for the crash and concurrency tests;
- :func:`store_target`: a fresh store per test, SQLite in ``tmp_path`` or a fresh PostgreSQL
  database on 127.0.0.1:5432 (dropped afterwards). Without a reachable server the PostgreSQL
  cases skip with a message, except under ``CI=true`` where that is a failure.
"""
from __future__ import annotations

import json
import os
import random
import uuid
from pathlib import Path

import pytest

PG_ADMIN = os.environ.get("GANBU_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")

REPORTS = [
    {"id": "r01", "published": "2023-03-01", "title": "浙江省委书记易炼红会见中石油董事长",
     "text": "3月1日，浙江省委书记易炼红在杭州会见了中国石油天然气集团有限公司董事长戴厚良一行。"
             "双方就深化合作进行了交流。浙江省委常委、秘书长陈奕君参加会见。"},
    {"id": "r02", "published": "2023-03-02", "title": "易炼红会见戴厚良",
     "text": "3月1日，浙江省委书记易炼红在杭州会见中国石油天然气集团有限公司董事长戴厚良，双方就能源保供深入交流。"},
    {"id": "r03", "published": "2022-11-10", "title": "辽宁省副省长王健调研港口",
     "text": "11月9日，辽宁省副省长王健到大连市调研港口建设，要求加快推进重点项目。"},
    {"id": "r04", "published": "2023-02-15", "title": "王健调研",
     "text": "2月14日，辽宁省副省长王健到沈阳市调研制造业发展。"},
    {"id": "r05", "published": "2022-12-01", "title": "华能集团召开会议",
     "text": "11月30日，中国华能集团有限公司总经理王健在北京主持召开安全生产工作会议。"},
    {"id": "r06", "published": "2023-03-20", "title": "华能集团总经理王健会见客人",
     "text": "3月19日，中国华能集团有限公司总经理王健在北京会见了国家能源局局长章建华。"},
    {"id": "r07", "published": "2023-04-01", "title": "王健出席座谈会",
     "text": "3月31日，王健在北京出席座谈会并讲话。"},
    {"id": "r08", "published": "2022-09-01", "title": "浙江省人大常委会任免名单",
     "text": "浙江省人大常委会决定任命王浩为浙江省副省长、代理省长。"},
    {"id": "r09", "published": "2023-01-18", "title": "浙江省长王浩主持会议",
     "text": "1月17日，浙江省省长王浩主持召开省政府常务会议。"},
    {"id": "r10", "published": "2023-03-05", "title": "王浩调研",
     "text": "3月4日，浙江省省长王浩到宁波市调研。"},
    {"id": "r11", "published": "2023-06-01", "title": "任免",
     "text": "辽宁省人大常委会决定免去李明的辽宁省副省长职务。"},
    {"id": "r12", "published": "2022-05-01", "title": "李明调研",
     "text": "4月30日，辽宁省副省长李明到鞍山市调研。"},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


_PROVINCES = ["浙江", "江苏", "辽宁", "吉林", "山东", "河南", "湖北", "湖南", "广东", "四川"]
_CITIES = {"浙江": "杭州", "江苏": "南京", "辽宁": "沈阳", "吉林": "长春", "山东": "济南", "河南": "郑州",
           "湖北": "武汉", "湖南": "长沙", "广东": "广州", "四川": "成都"}
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_GIVEN = "建国明华平军伟强志红文海东晓春立新光辉德"


def synth_reports(n: int, seed: int = 7) -> list[dict]:
    """``n`` small reports (an official of a province inspects a city, or meets another), each
    text different; dates spread over 2023."""
    rnd = random.Random(seed)
    people = [(rnd.choice(_SURNAMES) + rnd.choice(_GIVEN) + rnd.choice(_GIVEN), rnd.choice(_PROVINCES),
               rnd.choice(["省副省长", "省省长", "省委副书记"])) for _ in range(40)]
    out = []
    for i in range(n):
        month, day = 1 + i % 12, 1 + (i * 7) % 28
        name, prov, role = people[i % len(people)]
        other, oprov, orole = people[(i * 13 + 5) % len(people)]
        if i % 3 == 0:
            text = (f"{month}月{day}日，{prov}{role}{name}在{_CITIES[prov]}会见了{oprov}{orole}{other}一行，"
                    f"双方就第{i}项合作进行了交流。")
        else:
            text = f"{month}月{day}日，{prov}{role}{name}到{_CITIES[prov]}市调研第{i}号重点项目建设。"
        out.append({"id": f"s{i:05d}", "published": f"2023-{month:02d}-{min(day + 1, 28):02d}",
                    "title": f"报道{i}", "url": f"https://example.invalid/{i}", "text": text})
    return out


def _pg_admin():
    try:
        import psycopg
    except ImportError:
        return None, "psycopg is not installed (pip install 'ganbu[postgres]')"
    try:
        return psycopg.connect(PG_ADMIN.replace("postgresql+psycopg", "postgresql"), autocommit=True,
                               connect_timeout=3), None
    except Exception as e:
        return None, f"no PostgreSQL server at {PG_ADMIN}: {str(e).splitlines()[0]}"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL required under CI=true: {reason}")
    pytest.skip(reason)


def new_pg_database() -> tuple[str, object]:
    """A fresh database; returns (url, drop function)."""
    admin, why = _pg_admin()
    if admin is None:
        _skip_or_fail(why or "PostgreSQL unavailable")
    name = f"ganbu_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[union-attr]
    base = PG_ADMIN.rsplit("/", 1)[0]

    def drop() -> None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[union-attr]
        admin.close()  # type: ignore[union-attr]

    return f"{base}/{name}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """A fresh store (path or URL) on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "ganbu.db")
        return
    url, drop = new_pg_database()
    try:
        yield url
    finally:
        drop()  # type: ignore[operator]


def dump(target: str) -> dict[str, object]:
    """The store's content without surrogate ids: what two equivalent runs must agree on.

    Documents by key; mentions, positions and event reports by (document key, local number);
    persons as the sets of mentions they group; events as the sets of event reports; spells by
    their person's mentions and office.
    """
    from sqlalchemy import select

    from ganbu.store import schema as S
    from ganbu.store.db import open_engine

    eng = open_engine(target)
    try:
        with eng.connect() as c:
            keys = dict(c.execute(select(S.documents.c.id, S.documents.c.key)).all())
            names = dict(c.execute(select(S.names.c.id, S.names.c.name)).all())
            offices = dict(c.execute(select(S.offices.c.id, S.offices.c.label)).all())
            ments = c.execute(select(S.mentions)).all()
            persons: dict[int, set] = {}
            for m in ments:
                if m.person_id is not None:
                    persons.setdefault(m.person_id, set()).add((keys[m.document_id], m.idx))
            pkey = {pid: min(v) for pid, v in persons.items()}
            evs: dict[int, set] = {}
            for r in c.execute(select(S.event_reports)).all():
                evs.setdefault(r.event_id, set()).add((keys[r.document_id], r.idx, r.type, str(r.date_start)))
            out = {
                "documents": sorted((keys[d.id], d.source, d.title, d.url, str(d.published), d.n_chars)
                                    for d in c.execute(select(S.documents)).all()),
                "texts": len(c.execute(select(S.document_texts.c.document_id)).all()),
                "mentions": sorted((keys[m.document_id], m.idx, names[m.name_id], m.start, m.end, m.spans)
                                   for m in ments),
                "persons": sorted(sorted(v) for v in persons.values()),
                "positions": sorted((keys[p.document_id], p.mention_idx, p.idx, offices[p.office_id], p.status,
                                     p.start, p.end) for p in c.execute(select(S.positions)).all()),
                "events": sorted(sorted(v) for v in evs.values()),
                "n_events": c.execute(select(S.events.c.id)).all().__len__(),
                "participants": sorted((keys[p.document_id], p.event_idx, p.mention_idx, p.role)
                                       for p in c.execute(select(S.participants)).all()),
                "spells": sorted((pkey.get(s.person_id), offices[s.office_id], s.acting, str(s.start_date),
                                  str(s.end_date), str(s.first_seen), str(s.last_seen), s.n_sources)
                                 for s in c.execute(select(S.spells)).all()),
                "review": sorted((keys[r.document_id], r.mention_idx, r.reason)
                                 for r in c.execute(select(S.review)).all()),
                "claims": len(c.execute(select(S.claims.c.key)).all()),
                "dirty": len(c.execute(select(S.dirty.c.id)).all()),
                "names": sorted(names.values()),
                "offices": sorted(offices.values()),
            }
    finally:
        eng.dispose()
    return out
