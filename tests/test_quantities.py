"""Quantity recognition: money, counts, percentages, measures; Chinese numerals.

All sentences are written for these tests in the style of Chinese political news.
"""
from __future__ import annotations

import pytest

from ganbu.lang.quantities import Quantity, find_quantities, parse_cn_number


def _check_offsets(text: str, qs: list[Quantity]) -> None:
    for q in qs:
        assert text[q.start:q.end] == q.text, q


def _one(text: str) -> Quantity:
    qs = find_quantities(text)
    _check_offsets(text, qs)
    assert len(qs) == 1, qs
    return qs[0]


def _texts(text: str) -> list[str]:
    qs = find_quantities(text)
    _check_offsets(text, qs)
    return [q.text for q in qs]


# ---------------------------------------------------------------------------
# parse_cn_number
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "s, expected",
    [
        ("三千七百三十二", 3732),
        ("二〇二三", 2023),
        ("二零一八", 2018),
        ("十四", 14),
        ("十", 10),
        ("二十", 20),
        ("七十余", 70),
        ("三百多", 300),
        ("一百零五", 105),
        ("一千零二十", 1020),
        ("两万", 20000),
        ("三万五千", 35000),
        ("一万五", 15000),  # colloquial 一万五千
        ("三千五", 3500),
        ("一亿二千万", 120000000),
        ("1.5万", 15000),
        ("2.5万亿", 2500000000000),
        ("1.2万亿", 1200000000000),
        ("3732亿", 373200000000),
        ("3,732", 3732),
        ("12,345,678", 12345678),
        ("5.2", 5.2),
        ("三点五", 3.5),
        ("三点五亿", 350000000),
        ("三分之一", pytest.approx(1 / 3)),
    ],
)
def test_parse_cn_number(s, expected):
    assert parse_cn_number(s) == expected


def test_parse_cn_number_exact_types():
    # integral values come back as int (no float noise on 1.2万亿)
    assert isinstance(parse_cn_number("1.2万亿"), int)
    assert isinstance(parse_cn_number("5.2"), float)


@pytest.mark.parametrize("s", ["", "abc", "三四十", "3,4", "十四届", None, "点"])
def test_parse_cn_number_rejects(s):
    assert parse_cn_number(s) is None


# ---------------------------------------------------------------------------
# money
# ---------------------------------------------------------------------------


def test_money_yi_yuan():
    q = _one("前三季度，全省国有企业实现利润3732亿元。")
    assert (q.text, q.value, q.unit, q.kind, q.qualifier) == ("3732亿元", 373200000000, "CNY", "money", "exact")


def test_money_at_least_prefix_in_span():
    q = _one("全年完成固定资产投资超过2900亿元，创历史新高。")
    assert q.text == "超过2900亿元"
    assert q.value == 290000000000 and q.qualifier == "at_least"


def test_money_wan_yi():
    q = _one("各地累计发放贷款1.2万亿元。")
    assert q.value == 1200000000000 and q.unit == "CNY"


def test_money_chinese_numerals():
    q = _one("该集团去年营业收入三千七百三十二亿元。")
    assert q.text == "三千七百三十二亿元" and q.value == 373200000000


def test_money_usd_approximate():
    q = _one("双方签署合作协议，总金额约50亿美元。")
    assert (q.text, q.value, q.unit, q.qualifier) == ("约50亿美元", 5000000000, "USD", "approximate")


def test_money_eur():
    q = _one("项目吸引外资约合120亿欧元。")
    assert q.unit == "EUR" and q.value == 12000000000 and q.qualifier == "approximate"


def test_money_range():
    q = _one("预计每个项目投资3至5亿元。")
    assert q.qualifier == "range"
    assert (q.value, q.value_max) == (300000000, 500000000)
    assert q.text == "3至5亿元"


def test_money_range_both_multipliers():
    q = _one("单笔授信额度在5000万至1亿元之间。")
    assert (q.value, q.value_max, q.qualifier) == (50000000, 100000000, "range")


def test_money_at_least_suffix():
    q = _one("对投资1000万元以上的项目实行专班服务。")
    assert (q.text, q.value, q.qualifier) == ("1000万元以上", 10000000, "at_least")


def test_money_at_most():
    q = _one("每户补贴不超过3000元。")
    assert q.qualifier == "at_most" and q.value == 3000


def test_money_approximate_between_number_and_multiplier():
    q = _one("全年新增贷款2900多亿元。")
    assert q.value == 290000000000 and q.qualifier == "approximate"


def test_money_grouped_digits():
    q = _one("实现税收3,732亿元。")
    assert q.value == 373200000000


def test_money_yuan_renminbi():
    q = _one("项目总投资1000亿元人民币。")
    assert q.unit == "CNY" and q.value == 100000000000 and q.text == "1000亿元人民币"


def test_saving_is_not_approximate():
    # 节约 contains 约 but is not 'about'
    q = _one("通过集中采购节约资金3万元。")
    assert q.qualifier == "exact" and q.text == "3万元"


# ---------------------------------------------------------------------------
# counts
# ---------------------------------------------------------------------------


def test_count_approximate_yu():
    q = _one("来自70余家企业的代表参加对接会。")
    assert (q.text, q.value, q.unit, q.kind, q.qualifier) == ("70余家", 70, "家", "count", "approximate")


def test_count_bare_ge_is_count():
    q = _one("全市已建成25个。")
    assert (q.value, q.unit, q.kind) == (25, "个", "count")


def test_count_several_in_one_sentence():
    text = "会议听取了8家央企和9家地方国有企业的汇报，共有25个项目签约。"
    qs = find_quantities(text)
    _check_offsets(text, qs)
    assert [(q.value, q.unit) for q in qs] == [(8, "家"), (9, "家"), (25, "个")]


def test_count_chinese_numerals():
    assert [(q.value, q.unit) for q in find_quantities("两家企业和三名干部受到表彰。")] == [(2, "家"), (3, "名")]


def test_count_people_with_multiplier():
    q = _one("全市新增城镇就业1.5万人次。")
    assert q.unit == "人次" and q.value == 15000


def test_count_at_least():
    q = _one("每个村至少5人参加培训。")
    assert q.qualifier == "at_least" and q.value == 5


def test_count_shiji_approximate():
    q = _one("十几家单位联合开展检查。")
    assert q.value == 10 and q.qualifier == "approximate"


# ---------------------------------------------------------------------------
# percentages and measures
# ---------------------------------------------------------------------------


def test_percent_sign():
    q = _one("地区生产总值同比增长5.2%。")
    assert (q.text, q.value, q.unit, q.kind) == ("5.2%", 5.2, "percent", "percent")


def test_percent_chinese():
    q = _one("城镇调查失业率控制在百分之五左右。")
    assert q.value == 5 and q.unit == "percent" and q.qualifier == "approximate"
    assert q.text == "百分之五左右"


def test_percent_chinese_decimal():
    assert _one("居民收入增长百分之三点五。").value == 3.5


def test_percent_range():
    q = _one("预期目标为增长5%至6%。")
    assert (q.value, q.value_max, q.qualifier) == (5, 6, "range")


def test_percentage_points():
    q = _one("失业率下降0.5个百分点。")
    assert q.unit == "percentage_point" and q.kind == "percent" and q.value == 0.5


def test_percent_at_most():
    assert _one("贫困发生率降至不到10%。").qualifier == "at_most"


def test_measures():
    text = "全省粮食播种面积1.2万平方公里，新增装机容量100万千瓦，守住18亿亩耕地红线。"
    qs = find_quantities(text)
    _check_offsets(text, qs)
    got = [(q.value, q.unit, q.kind) for q in qs]
    assert got == [(12000, "平方公里", "measure"), (1000000, "千瓦", "measure"), (1800000000, "亩", "measure")]


def test_age():
    q = _one("张某某，男，汉族，58岁。")
    assert q.value == 58 and q.unit == "岁"


# ---------------------------------------------------------------------------
# traps: dates, ordinals, names, slogans
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第31届世界大学生夏季运动会在成都开幕。",
        "十四届全国人大一次会议在京举行。",
        "会议召开第一次全体会议。",
        "2023年3月5日上午，大会开幕。",
        "C919大飞机和5G网络建设取得进展。",
        "七台河市委召开常委会。",
        "坚持一个中国原则。",
        "坚决做到两个维护。",
        "严格落实中央八项规定精神。",
        "统筹推进五位一体总体布局。",
        "大家一起研究解决问题。",
        "1月1日元旦假期。",
        "该企业是全省唯一一家入选单位。",
        "数十家企业参加。",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_dates_next_to_quantities_are_skipped():
    text = "2024年3月8日，该市发布数据：全年引进项目25个，总投资超过2900亿元。"
    assert _texts(text) == ["25个", "超过2900亿元"]


def test_empty_and_odd_input():
    assert find_quantities("") == []
    assert find_quantities("没有任何数字的句子。") == []


def test_a_long_dense_text_is_read_whole():
    # about 1 MB of dense genre text; throughput is measured by benchmarks/bench.py, not here
    # (a timed test fails on a busy machine)
    base = (
        "今年1—8月，全省规模以上工业企业实现利润3732亿元，同比增长5.2%，"
        "70余家企业参与，8家央企和25个项目签约，总投资超过2900亿元。"
        "会议强调，要深入学习贯彻党的二十大精神，推动高质量发展。"
    )
    text = (base * (1_000_000 // len(base) + 1))[:1_000_000]
    qs = find_quantities(text)
    assert len(qs) > 20000
    assert all(text[q.start : q.end] == q.text for q in qs[:2000])


# ---------------------------------------------------------------------------
# properties: never raise, offsets always valid
# ---------------------------------------------------------------------------

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = list("0123456789.,〇零一二两三四五六七八九十百千万亿余多约超过不到以上至-%"
                 "元美家个项名人次亩第届年月日分之点")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_property_offsets_and_values(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert isinstance(q.value, (int, float))
        assert q.qualifier in {"exact", "approximate", "at_least", "at_most", "range"}
        assert q.kind in {"money", "count", "percent", "measure"}
        if q.value_max is not None:
            assert q.qualifier == "range" and q.value <= q.value_max
    parse_cn_number(text)  # never raises
