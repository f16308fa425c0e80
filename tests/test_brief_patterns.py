"""The patterns a desk notices beyond the demo week: a visit two reports date differently,
an appointment, a top leader gone quiet (with the last report naming him), a place filter.
Reports written for these tests in the genre."""
from __future__ import annotations

import datetime as dt

import pytest

import ganbu
from ganbu.brief import brief, patterns
from test_brief_support import assert_sourced
from test_store_support import write_jsonl

REPORTS = [
    {"id": "a", "published": "2023-03-02", "title": "易炼红王浩在京走访商务部",
     "text": "3月1日，浙江省委书记易炼红、省长王浩在北京走访商务部。商务部党组书记、部长王文涛参加座谈。"},
    {"id": "b", "published": "2023-03-03", "title": "浙江省党政代表团走访商务部",
     "text": "3月2日，浙江省委书记易炼红、省长王浩在北京走访商务部，与商务部党组书记、部长王文涛座谈。"},
    {"id": "c", "published": "2023-01-10", "title": "山西省委常委会召开会议",
     "text": "1月9日，山西省委书记蓝佛安在太原主持召开省委常委会会议。"},
    {"id": "d", "published": "2023-04-20", "title": "金湘军调研",
     "text": "4月19日，山西省省长金湘军到大同市调研。"},
    {"id": "e", "published": "2023-03-25", "title": "吉林省人大常委会任免名单",
     "text": "吉林省人大常委会决定任命胡玉亭为吉林省副省长、代理省长。"},
    {"id": "f", "published": "2023-03-05", "title": "吉林省委书记景俊海在长春调研",
     "text": "3月4日，吉林省委书记景俊海在长春调研。"},
]


@pytest.fixture(scope="module")
def st(tmp_path_factory):
    d = tmp_path_factory.mktemp("pat")
    store = ganbu.open_store(str(d / "p.db"))
    store.ingest([str(write_jsonl(d / "r.jsonl", REPORTS))], workers=0)
    yield store
    store.close()


def test_two_reports_that_date_one_visit_differently(st):
    found = patterns(st, "2023-02-25", "2023-03-04", kinds=("inconsistency",))
    assert len(found) == 1
    p = found[0]
    assert p.facts["what"] == "date-mismatch" and p.facts["body"] == "中华人民共和国商务部"
    assert sorted(p.facts["days"].values()) == [dt.date(2023, 3, d) for d in (1, 2)]
    assert "浙江走访商务部的日期，报道不一" in p.title and {s.title for s in p.sources} == {REPORTS[0]["title"], REPORTS[1]["title"]}


def test_an_appointment_and_a_quiet_leader(st):
    found = patterns(st, "2023-03-01", "2023-04-30", kinds=("change", "quiet"))
    changes = [p for p in found if p.kind == "change"]
    assert any(p.facts["name"] == "胡玉亭" and p.facts["kind"] == "appointment" for p in changes)
    quiet = [p for p in found if p.kind == "quiet"]
    assert [p.facts["name"] for p in quiet] == ["蓝佛安"]          # the governor was seen in April; Zhejiang, Jilin within 60 days
    assert quiet[0].facts["days_silent"] == (dt.date(2023, 4, 30)
                                             - dt.date(2023, 1, 10)).days
    assert "山西省委常委会召开会议" in quiet[0].title and quiet[0].sources[0].title == REPORTS[2]["title"]


def test_place_limits_the_roundup(st):
    b = brief(st, "2023-03-01", "2023-03-05", place="长春")
    assert [s.key for s in b.sections] == ["吉林省"] and "景俊海" in b.sections[0].paragraphs[0][0].text
    assert_sourced(st, b)
    b = brief(st, "2023-03-01", "2023-03-05", place="北京")
    assert [s.key for s in b.sections] == ["浙江省"]
    assert_sourced(st, b)
