"""Exact offsets: every span of every kind, over HTML and text, maps to the right place in the input.

The invariant is stated in ``ganbu/read/source.py`` and checked by ``ganbu.read.spancheck``
(which shares no code with the reader). Each case here also names the exact raw text a span
must cover.
"""
from __future__ import annotations

import html
from dataclasses import replace

import pytest

import ganbu
from ganbu.errors import InputBinary, InputEmpty
from ganbu.model import Document
from ganbu.read import Source, read_bytes, read_text
from ganbu.read.entities import segments
from ganbu.read.spancheck import Page, check_spans, document_spans


def source_of(inp: str | bytes) -> Source:
    """The Source ganbu.extract reads for ``inp``."""
    if isinstance(inp, bytes):
        return read_bytes(inp)
    try:
        return read_text(inp)
    except (InputEmpty, InputBinary):
        return Source(name="<text>", raw=inp, text=inp, offsets=None, format="text", encoding="utf-8")


def extract_checked(inp: str | bytes) -> tuple[Source, Document]:
    """Extract ``inp`` and assert that every span satisfies the invariant."""
    doc = ganbu.extract(inp)
    src = source_of(inp)
    text_doc = ganbu.extract(replace(src, offsets=None, base=0, ends={}))
    assert check_spans(src, text_doc, doc) == []
    assert doc.text == src.raw
    return src, doc


def raw_texts(doc: Document, kind: str) -> list[str]:
    return [doc.text[s:e] for k, _, (s, e) in document_spans(doc) if k == kind]


def person(doc: Document, name: str):
    return next(p for p in doc.people if p.name == name)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>测试</title></head><body><article>{body}</article></body></html>"


# ---------------------------------------------------------------------------------------------
# The cases
# ---------------------------------------------------------------------------------------------


def test_shared_title_over_a_list_of_names():
    # the two people share one position record; mapping it twice used to raise IndexError
    _, doc = extract_checked(page("<p>国务院国资委副主任翁杰明、袁野参加会谈。</p>"))
    for name in ("翁杰明", "袁野"):
        p = person(doc, name)
        assert [doc.text[s:e] for s, e in p.mentions] == [name]
        assert [doc.text[slice(*pos.span)] for pos in p.positions] == ["国务院国资委副主任"]
    assert raw_texts(doc, "trigger") == ["会谈"]


def test_names_in_a_list_and_a_table():
    body = ("<ul>\n  <li>浙江省委书记易炼红</li>\n  <li>浙江省省长王浩</li>\n</ul>"
            "<table><tr><td>商务部部长</td><td>王文涛</td></tr></table><p>出席会议。</p>")
    src, doc = extract_checked(page(body))
    assert [doc.text[s:e] for s, e in person(doc, "易炼红").mentions] == ["易炼红"]
    assert [doc.text[s:e] for s, e in person(doc, "王浩").mentions] == ["王浩"]
    assert "\n" in src.text  # list items are lines


def test_name_split_across_tags():
    _, doc = extract_checked(page("<p>浙江省委书记<b>易</b>炼红出席会议。</p>"
                                  "<p>省长<span>王</span><i>浩</i>讲话。</p>"))
    assert [doc.text[s:e] for s, e in person(doc, "易炼红").mentions] == ["易</b>炼红"]
    assert [doc.text[s:e] for s, e in person(doc, "王浩").mentions] == ["王</span><i>浩"]


@pytest.mark.parametrize(
    "markup, raw_name",
    [
        ("&#x6613;炼红", "&#x6613;炼红"),  # hexadecimal reference
        ("&#26131;炼红", "&#26131;炼红"),  # decimal reference
        ("易&#28860;&#x7EA2;", "易&#28860;&#x7EA2;"),  # the name ends with a reference: its ";" is in
        ("&#26131炼红", "&#26131炼红"),  # a decimal reference without ";" (browsers read it too)
    ],
)
def test_names_written_with_character_references(markup, raw_name):
    _, doc = extract_checked(page(f"<p>浙江省委书记{markup}出席会议。</p>"))
    assert [doc.text[s:e] for s, e in person(doc, "易炼红").mentions] == [raw_name]
    assert html.unescape(raw_name) == "易炼红"


def test_named_entities_nbsp_amp_copy_without_semicolon():
    body = ("<p>浙江省委书记易炼红&nbsp;出席&ldquo;数字&amp;经济&rdquo;大会。</p><p>省长王浩&nbsp;&nbsp;讲话。</p>"
            "<p>&copy2023 某某网</p>")  # a copyright line: skipped, but its offsets hold
    src, doc = extract_checked(page(body))
    assert "“数字&经济”大会。" in src.text and "©2023 某某网" in src.text
    assert "易炼红 出席" in src.text and "王浩 讲话" in src.text  # &nbsp; runs are one space
    assert [doc.text[s:e] for s, e in person(doc, "易炼红").mentions] == ["易炼红"]
    # a span ending on a character from a reference ends after the whole reference
    i = src.text.index("©")
    s, e = src.raw_span(i, i + 1)
    assert src.raw[s:e] == "&copy"
    j = src.text.index("”")
    assert src.raw[slice(*src.raw_span(j, j + 1))] == "&rdquo;"


def test_br_and_crlf_and_line_breaks_inside_a_paragraph():
    body = "<p>浙江省委书记易炼红、\r\n省长王浩<br>\r\n出席会议。</p>\r\n<p>会议由\r\n王浩主持。</p>"
    src, doc = extract_checked(page(body).replace("\n", "\r\n").replace("\r\r", "\r"))
    assert "易炼红、省长王浩\n出席会议。" in src.text  # a CJK line break is no space; <br> is a line
    assert [doc.text[s:e] for s, e in person(doc, "王浩").mentions] == ["王浩", "王浩"]


def test_comments_script_and_style_inside_prose():
    body = ('<p>省长王<!-- 注释 -->浩出席会议<script>var s = "<p>省委书记易炼红</p>";</script>'
            "<style>p::before { content: '书记'; }</style>并讲话。</p>")
    src, doc = extract_checked(page(body))
    assert src.text == "省长王浩出席会议并讲话。"
    assert [doc.text[s:e] for s, e in person(doc, "王浩").mentions] == ["王<!-- 注释 -->浩"]
    assert [p.name for p in doc.people] == ["王浩"]


@pytest.mark.parametrize("body", [
    page("<p>浙江省委书记易炼红出席会议。</p>"),
    "浙江省委书记易炼红出席会议。",
    "# 标题\n\n浙江省委书记易炼红出席会议。",
])
def test_bom_in_a_str_is_counted(body):
    inp = "\ufeff" + body
    src, doc = extract_checked(inp)
    assert src.base == 1 and src.raw == inp
    (s, e), = person(doc, "易炼红").mentions
    assert inp[s:e] == "易炼红"


def test_traditional_characters_map_to_the_page_as_written():
    _, doc = extract_checked(page("<p>浙江省委書記易煉紅、省長王浩出席會議。</p>"))
    p = person(doc, "易炼红")
    assert [doc.text[s:e] for s, e in p.mentions] == ["易煉紅"]
    assert [doc.text[slice(*pos.span)] for pos in p.positions] == ["浙江省委書記"]
    assert raw_texts(doc, "trigger") == ["會議"]


def test_gbk_bytes_with_references_for_characters_gbk_lacks():
    text = "浙江省委书记易炼红会见韩国驻华大使郑在浩（정재호）一行。"
    data = page(f"<p>{text}</p>").encode("gbk", errors="xmlcharrefreplace")
    src, doc = extract_checked(data)
    assert src.encoding == "gb18030" and "정재호" in src.text
    assert [doc.text[s:e] for s, e in person(doc, "易炼红").mentions] == ["易炼红"]


def test_events_statements_and_quantities_crossing_markup():
    body = ("<p>3月1日，浙江省委书记<b>易炼红</b>在杭州会见中国建筑集团董事长郑学选。</p>"
            "<p>易炼红表示，<em>欢迎企业</em>来浙投资。双方签署合作协议，总投资<span>100亿元</span>。</p>")
    _, doc = extract_checked(page(body))
    assert doc.events and doc.quantities
    assert raw_texts(doc, "quantity") == ["100亿元"]


# ---------------------------------------------------------------------------------------------
# The pieces
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("run", [
    "a&amp;b", "&copy2023", "&ampx", "&#20013abc", "&#x4E2Dx", "&#;", "&#xZZ;", "&foo;", "&nbsp&nbsp;",
    "&notit;", "&#1;", "&#0;", "&#128;", "&#xD800;", "&#99999999999;", "&fjlig;", "&中文", "&&amp;", "&",
])
def test_segments_decode_as_html_unescape(run):
    raw = "<p>" + run + "</p>"
    segs = segments(raw, 3, 3 + len(run))
    assert "".join(t for t, _, _, _ in segs) == html.unescape(run)
    pos = 3
    for text, s, e, verbatim in segs:
        assert s >= pos and e > s
        pos = e
        assert html.unescape(raw[s:e]) == text
        if verbatim:
            assert raw[s:e] == text


def test_line_breaks_from_tags_have_no_width():
    src = read_text(page("<p>甲</p><p>乙</p>"))
    assert src.text == "甲\n乙"
    s, e = src.raw_span(0, 2)  # "甲\n": ends after 甲, not inside </p>
    assert src.raw[s:e] == "甲"
    s, e = src.raw_span(1, 2)
    assert s == e and src.raw.startswith("</p>", s)
    assert src.raw[slice(*src.raw_span(0, 3))] == "甲</p><p>乙"


def test_the_checker_reports_wrong_spans():
    raw = page("<p>浙江省委书记<b>易</b>炼红&amp;王浩</p>")
    src = read_text(raw)
    p = Page(raw)
    a = src.text.index("易炼红")
    s, e = src.raw_span(a, a + 3)
    assert p.check(src.text, a, a + 3, s, e) is None
    assert "inside" in (p.check(src.text, a, a + 3, s, e + 2) or "")  # ends inside </b>-like markup
    assert "reads" in (p.check(src.text, a, a + 3, s + 1, e) or "")  # one character short
    amp = src.text.index("&")
    s, e = src.raw_span(amp, amp + 1)
    assert p.check(src.text, amp, amp + 1, s, e) is None
    assert "inside" in (p.check(src.text, amp, amp + 1, s, s + 2) or "")  # inside &amp;


def test_the_checker_compares_whole_documents():
    raw = page("<p>浙江省委书记易炼红出席会议。</p>")
    src = read_text(raw)
    doc = ganbu.extract(raw)
    text_doc = ganbu.extract(replace(src, offsets=None, base=0, ends={}))
    assert check_spans(src, text_doc, doc) == []
    p = doc.people[0]
    p.mentions = [(s + 1, e + 1) for s, e in p.mentions]
    assert len(check_spans(src, text_doc, doc)) == 1
