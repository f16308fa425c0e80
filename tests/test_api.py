"""The library's front door refuses bad input with GanbuError codes, never a raw exception."""
import datetime as dt

import pytest

import ganbu
from ganbu.errors import BadArgument, InputBinary, InputUndecodable

REPORT = "浙江省委书记易炼红、省长王浩出席会议。"


@pytest.mark.parametrize("bad", [None, 123, 4.5, ["a"], {"text": REPORT}, object()])
def test_text_that_is_no_string_or_bytes(bad):
    with pytest.raises(BadArgument) as e:
        ganbu.extract(bad)
    assert e.value.code == "E201" and type(bad).__name__ in e.value.message


@pytest.mark.parametrize("published", ["2023-13-45", "2023-02-30", "yesterday", "", "2023/03/01", 20230301])
def test_published_that_is_no_date(published):
    with pytest.raises(BadArgument) as e:
        ganbu.extract(REPORT, published=published)
    assert e.value.code == "E201"


def test_published_as_a_date_object_or_iso_string():
    a = ganbu.extract(REPORT, published=dt.date(2023, 3, 3))
    b = ganbu.extract(REPORT, published="2023-03-03")
    assert a.published == b.published == "2023-03-03"


def test_bytes_are_decoded_like_a_file():
    doc = ganbu.extract(REPORT.encode("gb18030"))
    assert [p.name for p in doc.people] == ["易炼红", "王浩"] and doc.source.encoding == "gb18030"


def test_bytes_in_an_unknown_encoding():
    with pytest.raises(InputUndecodable) as e:
        ganbu.extract(bytes(range(0x80, 0x100)) * 40)
    assert e.value.code == "E105"


def test_binary_bytes():
    with pytest.raises(InputBinary) as e:
        ganbu.extract(b"\x00\x01\x02" * 5000)
    assert e.value.code == "E104"


def test_a_bom_given_in_a_str_keeps_spans_on_the_string():
    text = "\ufeff" + REPORT
    doc = ganbu.extract(text)
    for p in doc.people:
        for a, b in p.mentions:
            assert text[a:b] == p.name
        for pos in p.positions:
            assert ganbu.normalize_text(text[pos.span[0] : pos.span[1]]).endswith(pos.role)


def test_any_string_gives_a_document():
    assert ganbu.extract("").people == [] and ganbu.extract("   \n").people == []


def test_names_in_a_simplified_report_are_as_written():
    # the simplified view turns 乾 into 干 (王丙乾: 9 of the 34 characters the view changes in the bulk corpus)
    doc = ganbu.extract("习近平看望了王丙乾、邹家华等老同志。")
    assert "王丙乾" in [p.name for p in doc.people]
    assert "王丙乾" in [x.name for e in doc.events for x in e.participants]
    # a report in traditional characters keeps its names in the simplified view
    doc = ganbu.extract("山東省副省長張國華出席會議。")
    assert [p.name for p in doc.people] == ["张国华"]
