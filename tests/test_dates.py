"""Date recognition, year inference and resolution.

All sentences are written for these tests in the style of Chinese political news.
"""
from __future__ import annotations

import datetime as dt

import pytest

import ganbu
from ganbu.lang.dates import DateMention, find_dates, infer_year_from_text, resolve

PUB = dt.date(2023, 3, 6)


def _check_offsets(text: str, ms: list[DateMention]) -> None:
    for m in ms:
        assert text[m.start:m.end] == m.text, m


def _all(text: str) -> list[DateMention]:
    ms = find_dates(text)
    _check_offsets(text, ms)
    return ms


def _one(text: str) -> DateMention:
    ms = _all(text)
    assert len(ms) == 1, ms
    return ms[0]


def _ymd(m: DateMention):
    return (m.year, m.month, m.day)


def _end(m: DateMention):
    return (m.end_year, m.end_month, m.end_day)


# ---------------------------------------------------------------------------
# calendar dates
# ---------------------------------------------------------------------------


def test_chinese_numeral_full_date():
    m = _one("二〇二三年三月一日，新修订的条例正式施行。")
    assert m.text == "二〇二三年三月一日"
    assert _ymd(m) == (2023, 3, 1) and m.kind == "date"


def test_arabic_full_date():
    m = _one("2023年3月1日，省委召开常委会会议。")
    assert (m.text, _ymd(m), m.kind) == ("2023年3月1日", (2023, 3, 1), "date")


def test_month_day_without_year():
    m = _one("2月26日，市政府召开常务会议。")
    assert _ymd(m) == (None, 2, 26)


def test_year_month():
    m = _one("2018年1月任县委书记。")
    assert (m.text, _ymd(m), m.kind) == ("2018年1月", (2018, 1, None), "month")


def test_iso_date():
    m = _one("发布时间：2025-09-28")
    assert (m.text, _ymd(m), m.kind) == ("2025-09-28", (2025, 9, 28), "date")


def test_day_part_afternoon():
    m = _one("9月26日下午，座谈会在省委召开。")
    assert m.text == "9月26日下午" and m.part == "下午" and _ymd(m) == (None, 9, 26)


def test_clock_time_kept():
    m = _one("2023年3月5日上午9:30，大会开幕。")
    assert m.part == "上午" and m.time == "09:30"


def test_this_year_prefix():
    m = _one("今年3月29日，调研组来到基层。")
    assert m.text == "今年3月29日" and _ymd(m) == (None, 3, 29) and m.year_rel == 0
    r = resolve(m, published=dt.date(2023, 4, 2), current=None, year_hint=None)
    assert r["start"] == "2023-03-29"


def test_dateline_dian():
    m = _one("新华社北京2月26日电（记者 李明）")
    assert m.dateline and m.text == "2月26日" and _ymd(m) == (None, 2, 26)


def test_dateline_xun():
    m = _one("本报北京5月16日讯（记者 王华）")
    assert m.dateline and m.text == "5月16日"


# ---------------------------------------------------------------------------
# ranges and lists
# ---------------------------------------------------------------------------


def test_range_end_day_carries_month_and_part():
    m = _one("3月1日至2日上午，考察组在当地开展调研。")
    assert m.kind == "range" and m.text == "3月1日至2日上午"
    assert _ymd(m) == (None, 3, 1)
    assert _end(m) == (None, 3, 2)  # month carried
    assert m.part == "上午"


def test_range_full_end():
    m = _one("3月1日至3月13日，巡视组进驻该市。")
    assert m.kind == "range" and _end(m) == (None, 3, 13)


def test_range_day_only_end():
    m = _one("4月11日至13日，论坛在海口举行。")
    assert (m.kind, _ymd(m), _end(m)) == ("range", (None, 4, 11), (None, 4, 13))


def test_range_hyphen():
    m = _one("3月1日-2日，培训班在党校举办。")
    assert m.kind == "range" and _end(m) == (None, 3, 2)


def test_range_with_year_carries_year():
    m = _one("2023年3月1日至5日召开。")
    assert _end(m) == (2023, 3, 5)


def test_list_of_days():
    m = _one("3月1日、2日，委员们分组审议。")
    assert m.kind == "list" and m.text == "3月1日、2日"
    assert _ymd(m) == (None, 3, 1) and _end(m) == (None, 3, 2)
    assert m.items == ((None, 3, 1), (None, 3, 2))


def test_year_range_and_month_range():
    m = _one("2021—2025年规划纲要")
    assert m.kind == "range" and (m.year, m.end_year) == (2021, 2025)
    m = _one("今年1—8月，全省外贸进出口保持增长。")
    assert m.kind == "range" and (m.month, m.end_month) == (1, 8)
    r = resolve(m, published=dt.date(2023, 9, 20), current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"]) == ("2023-01-01", "2023-08-31", "month")


def test_until_now():
    m = _one("2018年3月至今任该职。")
    assert m.kind == "range" and m.relative == "until_now"
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert (r["start"], r["end"]) == ("2018-03-01", "2023-03-06")


def test_cv_style_range():
    m = _one("2018.03—2020.05 任某县县长")
    assert (m.kind, _ymd(m), _end(m)) == ("range", (2018, 3, None), (2020, 5, None))


# ---------------------------------------------------------------------------
# parts of months and years, relative years and months
# ---------------------------------------------------------------------------


def test_month_xun():
    m = _one("3月上旬，各地陆续开展春耕。")
    assert m.part == "上旬" and m.kind == "month"
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"], r["approximate"]) == ("2023-03-01", "2023-03-10", "approximate", True)


def test_last_month_end():
    m = _one("截至上月底，全市已完成任务。")
    assert m.text == "上月底" and m.part == "月底" and m.month_rel == -1
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert (r["start"], r["end"]) == ("2023-02-21", "2023-02-28")


def test_last_year():
    m = _one("去年，全省经济运行总体平稳。")
    assert m.kind == "year" and m.year_rel == -1
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"]) == ("2022-01-01", "2022-12-31", "year")


def test_last_year_end():
    m = _one("截至去年底，累计完成投资。")
    assert m.part == "年底"
    assert resolve(m, published=PUB, current=None, year_hint=None)["end"] == "2022-12-31"


def test_same_year_needs_month():
    ms = _all("2016年1月任副市长，同年调任市长。")
    assert [x.text for x in ms] == ["2016年1月"]  # 同年 without a month is not kept
    ms = _all("2016年1月任副市长，同年3月任市长。")
    assert [x.text for x in ms] == ["2016年1月", "同年3月"]


def test_same_year_with_month_resolves_from_current():
    ms = _all("同年3月，任市长。")
    assert len(ms) == 1 and ms[0].text == "同年3月" and ms[0].anchor == "current"
    r = resolve(ms[0], published=PUB, current=dt.date(2016, 1, 10), year_hint=None)
    assert r["start"] == "2016-03-01"


def test_dang_nian_alone_is_not_a_date():
    assert _all("当年的老同志回忆说。") == []


# ---------------------------------------------------------------------------
# relative days
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, code",
    [
        ("今天", "today"), ("今日", "today"), ("当天", "today"), ("当日", "today"),
        ("昨天", "yesterday"), ("昨日", "yesterday"),
        ("前一天", "day_before"), ("前一日", "day_before"), ("前日", "day_before"),
        ("次日", "next_day"), ("第二天", "next_day"), ("翌日", "next_day"),
        ("近日", "recent"), ("日前", "recent"), ("近期", "recent"), ("不久前", "recent"),
        ("明天", "tomorrow"), ("明日", "tomorrow"),
    ],
)
def test_relative_words(word, code):
    m = _one(f"{word}，市委召开会议。")
    assert (m.kind, m.relative, m.text) == ("relative", code, word)


def test_relative_with_day_part():
    m = _one("次日凌晨，救援队抵达现场。")
    assert m.relative == "next_day" and m.part == "凌晨"


def test_yesterday_resolves_from_published():
    m = _one("昨天，省政府召开新闻发布会。")
    assert resolve(m, published=PUB, current=dt.date(2023, 3, 1), year_hint=None)["start"] == "2023-03-05"


def test_today_resolves_to_published():
    m = _one("今天，全国两会胜利闭幕。")
    assert resolve(m, published=PUB, current=dt.date(2023, 3, 1), year_hint=None)["start"] == "2023-03-06"


def test_day_before_is_relative_to_current():
    m = _one("前一天，代表们已分组审议。")
    r = resolve(m, published=PUB, current=dt.date(2023, 3, 4), year_hint=None)
    assert r["start"] == "2023-03-03" and r["precision"] == "day"


def test_next_day_is_relative_to_current():
    m = _one("次日，考察组前往下一站。")
    assert resolve(m, published=PUB, current=dt.date(2023, 2, 28), year_hint=None)["start"] == "2023-03-01"


def test_recent_is_an_approximate_window():
    m = _one("近日，国务院办公厅印发通知。")
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert r["approximate"] is True and r["precision"] == "approximate"
    assert (r["start"], r["end"]) == ("2023-02-24", "2023-03-06")


@pytest.mark.parametrize(
    "text",
    [
        "前天津市委书记出席会议。",  # 前 + 天津
        "前日本首相访华。",  # 前 + 日本
        "光明日报记者报道。",  # not 明日
        "他提前一天到达。",  # 提前, not 前一天
    ],
)
def test_relative_word_traps(text):
    assert _all(text) == []


# ---------------------------------------------------------------------------
# bare days (5日)
# ---------------------------------------------------------------------------


def test_bare_day_after_month_context_in_sentence():
    text = "3月4日全国政协十四届一次会议开幕，5日十四届全国人大一次会议开幕。"
    ms = _all(text)
    days = [m for m in ms if m.kind == "date"]
    assert [m.text for m in days] == ["3月4日", "5日"]
    bare = days[1]
    assert bare.month is None and bare.day == 5
    r = resolve(bare, published=PUB, current=dt.date(2023, 3, 4), year_hint=None)
    assert r["start"] == "2023-03-05"  # month carried from current


def test_bare_day_at_clause_start_with_part():
    m = _one("5日上午，代表们审议政府工作报告。")
    assert m.day == 5 and m.month is None and m.part == "上午"


def test_bare_day_durations_are_not_dates():
    assert _all("当事人应在收到通知后15日内提出申请。") == []
    ms = _all("3月1日起连续5日降雨。")
    assert [m.text for m in ms] == ["3月1日"]


def test_bare_day_without_context_is_not_a_date():
    assert _all("规定自公布之日起30日后施行，每月5日发放。") == []


def test_hao_needs_a_month():
    assert _all("中央1号文件发布。") == []
    assert _one("3月5号召开。").day == 5


# ---------------------------------------------------------------------------
# traps: not dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第31届世界大学生夏季运动会在成都开幕。",
        "十四届全国人大常委会第三次会议审议草案。",
        "全省有25个项目，投资3732亿元。",
        "用三个月时间开展专项整治。",
        "统一思想，上下一心。",
        "省政协十三届一次会议开幕。",  # provincial session: year unknown
        "中国妇女第十三次全国代表大会召开。",  # not the CPC congress
        "这是十大成果之一。",
    ],
)
def test_not_dates(text):
    assert _all(text) == []


# ---------------------------------------------------------------------------
# sessions and year inference
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, body, year",
    [
        ("十四届全国人大一次会议", "npc", 2023),
        ("第十四届全国人民代表大会第一次会议", "npc", 2023),
        ("十三届全国人大一次会议", "npc", 2018),
        ("十二届全国人大五次会议", "npc", 2017),
        ("全国政协十四届一次会议", "cppcc", 2023),
        ("中国人民政治协商会议第十四届全国委员会第一次会议", "cppcc", 2023),
        ("党的二十大", "cpc", 2022),
        ("中国共产党第二十次全国代表大会", "cpc", 2022),
        ("十九大", "cpc", 2017),
        ("二十届三中全会", "cpc_plenum", 2024),
    ],
)
def test_sessions(text, body, year):
    m = _one(text + "召开。")
    assert m.kind == "session" and m.text == text
    assert m.session[0] == body and m.year == year
    r = resolve(m, published=None, current=None, year_hint=None)
    assert r["start"] == f"{year}-01-01" and r["precision"] == "year"


@pytest.mark.parametrize(
    "text, year",
    [
        ("省人大常委会2023年第一次全体会议召开。", 2023),
        ("十四届全国人大一次会议在京闭幕。", 2023),
        ("十三届全国人大一次会议选举产生国家机构领导人。", 2018),
        ("十二届全国人大五次会议举行第二次全体会议。", 2017),
        ("全国政协十四届一次会议开幕。", 2023),
        ("学习贯彻党的二十大精神。", 2022),
        ("2019年和2021年各召开一次，2021年的会议规模更大。", 2021),
    ],
)
def test_infer_year(text, year):
    assert infer_year_from_text(text) == year


def test_infer_year_none():
    assert infer_year_from_text("会议强调，要坚持稳中求进工作总基调。") is None
    assert infer_year_from_text("") is None


def test_infer_year_ignores_relative_years():
    assert infer_year_from_text("去年3月，今年5月。") is None


# ---------------------------------------------------------------------------
# resolve
# ---------------------------------------------------------------------------


def test_resolve_year_priority():
    m = _one("3月5日，大会开幕。")
    # year_hint beats published
    assert resolve(m, published=dt.date(2024, 3, 6), current=None, year_hint=2023)["start"] == "2023-03-05"
    # explicit year beats everything
    m2 = _one("2019年3月5日，大会开幕。")
    assert resolve(m2, published=PUB, current=None, year_hint=2023)["start"] == "2019-03-05"
    # published year when nothing else
    assert resolve(m, published=PUB, current=None, year_hint=None)["start"] == "2023-03-05"


def test_resolve_future_month_goes_to_previous_year():
    m = _one("9月26日下午，座谈会召开。")
    r = resolve(m, published=dt.date(2023, 3, 6), current=None, year_hint=None)
    assert r["start"] == "2022-09-26"
    # a month just ahead of publication stays in the same year
    m2 = _one("4月11日至13日，论坛举行。")
    r2 = resolve(m2, published=dt.date(2023, 3, 6), current=None, year_hint=None)
    assert (r2["start"], r2["end"]) == ("2023-04-11", "2023-04-13")


def test_resolve_range_fills_end():
    m = _one("3月1日至2日上午召开。")
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"]) == ("2023-03-01", "2023-03-02", "day")


def test_resolve_range_across_new_year():
    m = _one("12月30日至1月2日，各地开展慰问。")
    r = resolve(m, published=dt.date(2023, 1, 5), current=None, year_hint=None)
    assert (r["start"], r["end"]) == ("2022-12-30", "2023-01-02")


def test_resolve_single_day_has_no_end():
    r = resolve(_one("2023年3月1日召开。"), published=None, current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"], r["approximate"]) == ("2023-03-01", None, "day", False)
    assert r["text"] == "2023年3月1日"


def test_resolve_month_precision():
    r = resolve(_one("2024年2月召开。"), published=None, current=None, year_hint=None)
    assert (r["start"], r["end"], r["precision"]) == ("2024-02-01", "2024-02-29", "month")


def test_resolve_invalid_day_is_none():
    m = _one("2月30日举行。")
    assert m.month == 2 and m.day == 30
    r = resolve(m, published=PUB, current=None, year_hint=None)
    assert r["start"] is None and r["end"] is None and r["text"] == "2月30日"


def test_resolve_unresolvable_keeps_text():
    m = _one("3月5日，大会开幕。")
    r = resolve(m, published=None, current=None, year_hint=None)
    assert r == {"start": None, "end": None, "text": "3月5日", "precision": None, "approximate": False}
    r = resolve(_one("昨天，会议召开。"), published=None, current=None, year_hint=None)
    assert r["start"] is None


def test_resolve_never_raises_on_odd_mentions():
    odd = DateMention(0, 1, "x", 2023, 13, 40, None, None, None, None, None, "date")
    assert resolve(odd, published=PUB, current=None, year_hint=None)["start"] is None
    odd2 = DateMention(0, 1, "x", None, None, None, None, None, None, None, "bogus", "relative")
    assert resolve(odd2, published=PUB, current=None, year_hint=None)["start"] is None


def test_find_dates_odd_input():
    assert find_dates("") == []
    assert find_dates("没有日期的句子。") == []


def test_long_text_offsets():
    base = (
        "新华社北京3月5日电（记者 张某）十四届全国人大一次会议5日上午在人民大会堂开幕。"
        "今年1—8月，全国规模以上工业企业实现利润3732亿元，同比增长5.2%。"
        "会议强调，要深入学习贯彻党的二十大精神，全面推进乡村振兴。"
        "同年3月，任某市委副书记；2018年1月至今，任某省委常委。"
    )
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    ms = find_dates(text)
    assert len(ms) > 20000
    for m in ms[:2000]:
        assert text[m.start:m.end] == m.text
    # throughput is measured by benchmarks/bench.py, not here (a timed test fails on a busy machine)


# ---------------------------------------------------------------------------
# properties: never raise, offsets always valid
# ---------------------------------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = list(
    "0123456789〇零一二两三四五六七八九十百千万亿年月日号至到-—~、和及今去明前上下本同当次翌天晚午"
    "初底末旬季度届全国人大政协党的中共第会议讯电（，。 :./"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join),
       st.sampled_from([None, dt.date(2023, 1, 31), dt.date(2024, 2, 29)]))
def test_property_offsets_and_resolve_never_raise(text, pub):
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text and m.end > m.start
        r = resolve(m, published=pub, current=pub, year_hint=None)
        assert set(r) == {"start", "end", "text", "precision", "approximate"}
        if r["start"] and r["end"]:
            assert r["start"] <= r["end"]
    y = infer_year_from_text(text)
    assert y is None or 1900 <= y <= 2100


def test_bare_day_before_the_action_of_the_news():
    # 习近平28日在北京会见…: an Arabic day right before the action is a date
    ms = find_dates("国家主席习近平28日在人民大会堂会见来宾。")
    assert [m.text for m in ms] == ["28日"]
    r = resolve(ms[0], published=dt.date(2016, 11, 29), current=None, year_hint=None)
    assert r["start"] == "2016-11-28"


def test_bare_day_after_publication_day_is_last_month():
    ms = find_dates("国家主席习近平当地时间16日在莫尔斯比港同太平洋岛国领导人会晤。")
    r = resolve(ms[0], published=dt.date(2016, 11, 9), current=None, year_hint=None)
    assert r["start"] == "2016-10-16"


def test_hao_as_day_only_in_a_date_context():
    assert [m.text for m in find_dates("国务院总理李克强当地时间27号下午会见来宾。")] == ["27号下午"]
    assert [m.text for m in find_dates("李克强28号在北京会见来宾。")] == ["28号"]
    assert find_dates("地铁3号线开通，中央1号文件发布。") == []


def test_arabic_bare_day_before_any_verb_is_a_date():
    # 佩里21日称, 伊朗议会21日投票: an Arabic N日 without a month is a date whatever verb follows
    pub = dt.date(2019, 5, 23)
    for text in ("美国能源部长佩里21日称，美方将制裁。", "伊朗议会21日投票通过法案。", "南非国民议会21日选举拉马福萨为总统。"):
        ms = [m for m in find_dates(text) if m.kind == "date"]
        assert [resolve(m, published=pub)["start"] for m in ms] == ["2019-05-21"], text
    assert not [m for m in find_dates("每月5日发放，为期3日。") if m.kind == "date"]


def test_a_later_day_announced_ahead_is_this_month():
    pub = dt.date(2019, 5, 23)
    (m,) = find_dates("拉马福萨将于25日在比勒陀利亚宣誓就职。")
    assert m.future and resolve(m, published=pub)["start"] == "2019-05-25"
    (m,) = find_dates("拉马福萨25日在比勒陀利亚宣誓就职。")
    assert not m.future and resolve(m, published=pub)["start"] == "2019-04-25"


def test_a_date_in_digits_after_a_name_ending_in_a_numeral():
    # 日本首相安倍晋三6日表示 (4 in bulk): 三6日 is no number, 6日 the day of the speech
    doc = ganbu.extract("日本首相安倍晋三6日表示，将于7日发布紧急事态宣言。", published="2020-04-06")
    (ev,) = doc.events
    assert ev.date is not None and ev.date.start == "2020-04-06"


def test_years_ago_today_is_that_day_years_back():
    # 一年前的今天, 75年前的今天 (20 in bulk): not the dateline's day
    doc = ganbu.extract("一年前的今天，习近平总书记在京主持召开党的新闻舆论工作座谈会。", published="2017-02-19")
    assert [e.date.start for e in doc.events if e.date] == ["2016-02-19"]
    (m,) = find_dates("两年前的今天")
    assert resolve(m, published=dt.date(2024, 2, 29))["start"] == "2022-02-28"


def test_a_list_of_days_written_with_hao():
    # 当地时间26号下午和27号上午 (68 lists of two days in bulk, those with 号 read as two dates, the last one the act's)
    (m,) = find_dates("当地时间26号下午和27号上午，李克强会见")
    r = resolve(m, published=dt.date(2013, 11, 28))
    assert (r["start"], r["end"]) == ("2013-11-26", "2013-11-27")


def test_the_same_day_is_the_storys_day():
    # 同一天, 同日 (168 and 78 in bulk) were no date words: the act took a day read later in its sentence
    doc = ganbu.extract("据美国媒体报道，共和党方面15日称，两党分歧仍然巨大。同一天，美国财政部长耶伦再次警告说，"
                        "如果国会不能及时调高债务上限，联邦政府最早会在6月1日出现债务违约。", published="2023-05-16")
    assert [e.date.start for e in doc.events if e.date] == ["2023-05-15"]
    assert find_dates("两者不可同日而语") == []
