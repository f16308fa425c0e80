"""The briefing over a store holding only the seed article's text (../shared/corpus/dev/seed.json,
the report this project started from): every province section of the seed comes back with its
leaders and the bodies they visited, every sentence sourced. Skips when ../shared is absent."""
from __future__ import annotations

import json

import pytest

import ganbu
from ganbu.brief import brief, patterns
from test_brief_support import SHARED, assert_sourced, sentence_with

SEED = SHARED / "corpus" / "dev" / "seed.json"

SECTIONS = {
    "浙江省": (["易炼红", "王浩"], ["商务部", "海关总署", "国铁集团"]),
    "青海省": (["陈刚", "吴晓军"], ["财政部", "国务院国资委"]),
    "四川省": (["王晓晖", "黄强"], ["国铁集团"]),
    "辽宁省": (["郝鹏", "李乐成"], ["国务院国资委"]),
}


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    d = json.loads(SEED.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("seed") / "seed.jsonl"
    path.write_text(json.dumps({"id": d["id"], "title": d["title"], "text": d["text"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    st = ganbu.open_store(str(path.with_suffix(".db")))
    st.ingest([str(path)], workers=0)
    yield st
    st.close()


def test_every_province_section_of_the_seed_with_its_leaders_and_bodies(seed_store):
    b = brief(seed_store, "2023-03-01", "2023-03-03")
    assert b.place == "北京"                     # the city where the provinces gathered, found
    assert {s.key for s in b.sections} == set(SECTIONS)
    for sec in b.sections:
        leaders, bodies = SECTIONS[sec.key]
        text = "".join(x.text for p in sec.paragraphs for x in p)
        for name in leaders:
            assert name in text, (sec.key, name)
        for body in bodies:
            sentence_with(seed_store, sec, body)
    assert b.headline is not None and "4个省份" in b.headline.text
    sentence_with(seed_store, b, "项目计划投资总额3732亿元", "超过2900亿元")
    assert_sourced(seed_store, b)


def test_the_seeds_heading_counts_nine_enterprises_where_it_lists_eight(seed_store):
    found = patterns(seed_store, "2023-03-01", "2023-03-03", kinds=("inconsistency",))
    assert [(p.facts["heading"], p.facts["text"]) for p in found] == [(9, 8)]
