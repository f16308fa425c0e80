"""Property tests of the reading layer: random HTML, text and bytes never crash the reader or
``ganbu.extract``, and every span of every kind satisfies the span invariant
(``ganbu/read/source.py``), as does every single character of the text.

The HTML is built from genre-like fragments, random Unicode, character references, whitespace
(CRLF, full-width spaces, ``&nbsp;``), nested tags with attributes, hidden elements, scripts,
comments and malformed markup (stray and unclosed tags, lone ``<`` and ``&``, bad references,
bogus declarations), with or without a BOM.
"""
from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ganbu
from ganbu.errors import GanbuError, InputBinary, InputEmpty
from ganbu.read import Source, read_bytes, read_text
from ganbu.read.spancheck import Page, check_spans

GENRE = [
    "浙江省委书记", "易炼红", "省长", "王浩", "出席会议", "并讲话", "会见了", "国务院国资委副主任", "翁杰明、袁野",
    "参加会谈", "3月1日", "上午", "在北京", "签署合作协议", "总投资100亿元", "（记者李点）", "撰文 | 高语阳", "習近平",
    "總書記", "表示，", "商务部部长王文涛", "中国建筑集团董事长郑学选", "一行", "。", "、", "，", "：", "“", "”",
    "来源：新华社", "2024-03-05 09:30", "分享到", "版权所有", "https://example.com/a",
    "3月1日，浙江省委书记易炼红在杭州会见中国建筑集团董事长郑学选一行。", "省长王浩主持召开省政府常务会议。",
    "双方签署战略合作协议，总投资100亿元。", "易炼红表示，欢迎企业来浙投资。", "國務院副總理劉鶴出席會議並講話。",
]
NAMED_REFS = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&copy", "&copy;", "&ldquo;", "&rdquo;", "&mdash;",
              "&middot;", "&hellip;", "&ampx", "&notit;", "&nbsp", "&amp", "&lt3", "&bogus;"]
MALFORMED = ["</b>", "</div>", "</span>", "<p>", "<li>", "<", "< ", "&", "&#", "&#;", "&#xZZ;", "<![CDATA[x]]>",
             "<!x>", "<?php echo 1; ?>", "</br>", "<br/>", "<br>", "<hr>", "<img src='a.png' alt=\"图>片\">",
             "<b><i>交错</b></i>", "</p>", "<td>", "<tr>", "</>", "</ x>", "<!DOCTYPE html>", "<meta charset=utf-8>"]
WHITESPACE = [" ", "\n", "\r\n", "\t", "\u3000", "\u00a0", "  \n  "]
TAGS = ["b", "i", "span", "em", "strong", "a", "p", "div", "li", "ul", "h2", "blockquote", "font", "u", "sub"]
ATTRS = ["", " style=\"color:red\"", " title='说明>文字'", " data-x=1", " lang=zh", " href=\"/a?b=1&amp;c=2\""]
HIDDEN = ["<span hidden>{}</span>", "<div style=\"display:none\">{}</div>", "<script>var s = \"<p>{}</p>\";</script>",
          "<style>p::before {{ content: '{}'; }}</style>", "<!-- {} -->", "<noscript>{}</noscript>"]

# Random text without the characters that make markup: those come from the lists above.
random_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="<>&\"'="), max_size=12)
numeric_ref = st.builds(
    lambda n, hexa, semi: (f"&#x{n:X}" if hexa else f"&#{n}") + (";" if semi else ""),
    st.integers(0, 0x10FFFF + 5), st.booleans(), st.booleans())
leaf = st.one_of(st.sampled_from(GENRE), st.sampled_from(GENRE), random_text, st.sampled_from(NAMED_REFS),
                 numeric_ref, st.sampled_from(WHITESPACE), st.sampled_from(MALFORMED))
hidden = st.builds(lambda t, s: t.format(s), st.sampled_from(HIDDEN), st.sampled_from(GENRE))


def _wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    tagged = st.builds(lambda tag, attrs, inner: f"<{tag}{attrs}>{inner}</{tag}>",
                       st.sampled_from(TAGS), st.sampled_from(ATTRS), children)
    joined = st.lists(children, max_size=6).map("".join)
    return st.one_of(tagged, joined, hidden)


content = st.recursive(leaf, _wrap, max_leaves=40)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    body = draw(st.lists(content, min_size=1, max_size=8).map("".join))
    shell = draw(st.sampled_from(["article", "page", "bare"]))
    if shell == "article":
        doc = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{draw(st.sampled_from(GENRE))}</title>"
               "</head><body><div class=\"nav\">首页 要闻</div><article>" + body + "</article>"
               "<div class=\"footer\">版权所有</div></body></html>")
    elif shell == "page":
        doc = "<html><body>" + body
    else:
        doc = body
    if draw(st.booleans()):
        doc = doc.replace("\r\n", "\n").replace("\n", "\r\n")
    if draw(st.integers(0, 5)) == 0:
        doc = "\ufeff" + doc
    return doc


def source_of(inp: str | bytes) -> Source:
    if isinstance(inp, bytes):
        return read_bytes(inp)
    try:
        return read_text(inp)
    except (InputEmpty, InputBinary):
        return Source(name="<text>", raw=inp, text=inp, offsets=None, format="text", encoding="utf-8")


def check_everything(inp: str | bytes) -> None:
    """extract does not crash; every span of the document and every character is exact."""
    try:
        doc = ganbu.extract(inp)
    except GanbuError:
        assert isinstance(inp, bytes)  # a str always gives a document
        return
    src = source_of(inp)
    text_doc = ganbu.extract(replace(src, offsets=None, base=0, ends={}))
    assert check_spans(src, text_doc, doc) == []
    if src.offsets is None:
        assert src.raw[src.base :] == src.text
        return
    assert len(src.offsets) == len(src.text) + 1
    assert all(a <= b for a, b in zip(src.offsets, src.offsets[1:], strict=False))
    page = Page(src.raw)
    for i in range(len(src.text)):
        s, e = src.raw_span(i, i + 1)
        assert page.check(src.text, i, i + 1, s, e) is None, (i, src.text[i], src.raw[s - 5 : e + 5])
    for author, a, b in src.authors:
        assert src.text[a:b] == author
        assert page.check(src.text, a, b, *src.raw_span(a, b)) is None


FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(html_pages())
def test_random_html_spans_are_exact(doc):
    check_everything(doc)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"]))
def test_random_html_bytes_spans_are_exact(doc, encoding):
    data = doc.encode(encoding, errors="xmlcharrefreplace")
    check_everything(data)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(GENRE), st.text(max_size=10), st.sampled_from(WHITESPACE)),
                max_size=30).map("".join), st.booleans())
def test_random_text_spans_are_exact(text, bom):
    check_everything(("\ufeff" if bom else "") + text)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    try:
        src = read_bytes(data)
    except GanbuError as e:
        assert e.code.startswith("E1") and "\n" not in e.message
        return
    assert src.text and src.format in ("html", "markdown", "text")
    check_everything(data)
