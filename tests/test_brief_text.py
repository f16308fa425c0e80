"""The pieces briefings are written with: dates, sums and their qualifiers, people under one
title, the report sentence a fact is cited by, headings that miscount, the templates' slots."""
from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest

from ganbu.brief import brief
from ganbu.brief.compose import Writer, sum_amounts
from ganbu.brief.facts import Amount, Person
from ganbu.brief.finders import count_mismatches
from ganbu.brief.records import FactRef
from ganbu.brief.tables import has_template, rank_of, template
from ganbu.brief.text import Piece, Sourcer, fact, fill, fmt_amount, fmt_dates
from ganbu.errors import BadArgument

D = dt.date
SRC = Path(__file__).resolve().parents[1] / "src" / "ganbu" / "brief"


def test_dates_in_the_reports_manner():
    assert fmt_dates(D(2023, 3, 1)) == "3月1日"
    assert fmt_dates(D(2023, 3, 1), D(2023, 3, 2)) == "3月1日至2日"
    assert fmt_dates(D(2023, 2, 28), D(2023, 3, 1)) == "2月28日至3月1日"
    assert fmt_dates(D(2023, 3, 1), D(2023, 3, 3), year=True) == "2023年3月1日至3日"


def test_amounts_keep_the_texts_qualifier():
    assert fmt_amount(3.732e11, "CNY", "exact") == "3732亿元"
    assert fmt_amount(2.9e11, "CNY", "at_least") == "超过2900亿元"
    assert fmt_amount(1.25e9, "CNY", "approximate") == "约12.5亿元"
    assert fmt_amount(35e4, "CNY", "exact") == "35万元"


def _amount(value, qual, nested=False, doc=1, at=0):
    p = fact(str(value), [FactRef(str(value), doc, at, at + 1)])
    return Amount(value, "CNY", qual, nested, p, p, (doc, at))


def test_sums_add_the_top_amounts_once_with_the_loosest_qualifier():
    assert sum_amounts([_amount(100e8, "exact"), _amount(50e8, "exact", nested=True)]) == (100e8, "CNY", "exact")
    assert sum_amounts([_amount(100e8, "exact"), _amount(30e8, "at_least", at=5)]) == (130e8, "CNY", "at_least")
    assert sum_amounts([_amount(100e8, "approximate"), _amount(30e8, "at_least", at=5)])[2] == "approximate"
    # the same sum told by two reports counts once
    assert sum_amounts([_amount(100e8, "exact", doc=1), _amount(100e8, "exact", doc=2)])[0] == 100e8
    assert sum_amounts([_amount(1e8, "exact", nested=True)]) is None


def test_a_fact_is_cited_by_its_report_sentence():
    src = Sourcer()
    text = "**标题**\n3月1日，甲出席会议。乙参加。\n丙主持。"
    src.add(7, text, "t", None, None)
    a = text.index("乙")
    assert src.sentence_of(7, a, a + 1) == (a, text.index("参加。") + 3)
    refs = src.sources([FactRef("乙", 7, a, a + 1), FactRef("甲", 7, text.index("甲"), text.index("甲") + 1)])
    assert [text[r.start:r.end] for r in refs] == ["3月1日，甲出席会议。乙参加。"]   # touching sentences merged
    assert src.sentence(Piece()) is None and src.sentence(fill("chair", chair="x")) is None  # no fact, no sentence


def _person(name, title, start, rank=5):
    return Person(("n", name), None, name, "辽宁省", rank, False, None, False, "attendee",
                  fact(name, [FactRef(name, 1, start, start + len(name))]),
                  fact(title, [FactRef(title, 1, start - len(title), start)]) if title else Piece())


def test_people_under_one_title_are_written_once_and_titles_only_the_first_time():
    w = Writer(Sourcer())
    a, b, c = _person("翁杰明", "副主任", 10), _person("袁野", "副主任", 14), _person("张玉卓", "主任", 20)
    assert w.people([c, a, b]).text == "主任张玉卓、副主任翁杰明、袁野"
    assert w.people([c, a]).text == "张玉卓、翁杰明"
    chained = _person("王文涛", "商务部党组书记、部长", 40)
    w2 = Writer(Sourcer())
    assert w2.people([chained, c]).text == "商务部党组书记、部长王文涛，主任张玉卓"


def test_a_heading_that_counts_otherwise_than_the_text():
    src = Sourcer()
    text = "# 与9家央企签约\n\n**现场与九家央企签约**\n\n70余家中央企业出席。与甲、乙等8家央企签署协议。"
    src.add(1, text, "t", None, None)
    found = count_mismatches(1, src)
    assert [(n, k, noun) for _h, _b, n, k, noun in found] == [(9, 8, "央企"), (9, 8, "央企")]
    src.add(2, "# 与8家央企签约\n\n与8家央企签署协议。", "t", None, None)
    assert count_mismatches(2, src) == []


def test_ranks_and_the_templates_the_code_asks_for():
    assert rank_of("province", "party_committee", "书记").top
    assert rank_of("province", "government", "省长").rank < rank_of("province", "government", "副省长").rank
    assert not rank_of("city", "party_committee", "书记").top
    keys = set()
    for path in SRC.glob("*.py"):
        keys |= set(re.findall(r'(?:fill|template)\(\s*f?"([a-z_.\-]+)"', path.read_text(encoding="utf-8")))
    assert len(keys) > 20
    missing = sorted(k for k in keys if not has_template(k))
    assert not missing, missing
    for line in (SRC / "data" / "templates.tsv").read_text(encoding="utf-8").splitlines()[:4]:
        assert line.startswith("#")
    assert "written for the ganbu project" in (SRC / "data" / "templates.tsv").read_text(encoding="utf-8").lower()
    for key in ("activity.visit", "headline.gathering", "lead.gathering"):
        assert [f for _, f, _, _ in string.Formatter().parse(template(key)) if f]


def test_bad_arguments_raise_E201(tmp_path):
    with pytest.raises(BadArgument) as e:
        brief(str(tmp_path / "x.db"), "2023-03-01", "2023/03/03")
    assert e.value.code == "E201"
    with pytest.raises(BadArgument):
        brief(str(tmp_path / "x.db"), "2023-03-03", "2023-03-01")
    with pytest.raises(BadArgument):
        brief(str(tmp_path / "x.db"), "2023-03-01", "2023-03-03", style="essay")
