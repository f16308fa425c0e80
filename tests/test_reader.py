"""Tests for ganbu.reader: decoding, format sniffing, HTML extraction with offsets, metadata, errors."""
from __future__ import annotations

import codecs
import io
import random
import sys
import time
from pathlib import Path

import pytest

from ganbu.read import reader
from ganbu.errors import (
    GanbuError,
    InputBinary,
    InputEmpty,
    InputIsDirectory,
    InputNotFound,
    InputTooLarge,
    InputUndecodable,
    InputUnreadable,
)
from ganbu.read.reader import Source, read_bytes, read_path, read_text

FIX = Path(__file__).parent / "fixtures" / "reader"


def fixture_text(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


def assert_authors_exact(src: Source) -> None:
    for name, s, e in src.authors:
        assert src.text[s:e] == name


def assert_offsets_map_back(src: Source) -> None:
    """Every character of ``text`` maps into ``raw``: to itself, or to the ``&`` of the
    character reference it came from; whitespace/newlines are synthetic and may map to markup."""
    assert src.offsets is not None
    assert len(src.offsets) == len(src.text) + 1
    prev = -1
    for i, c in enumerate(src.text):
        o = src.offsets[i]
        assert 0 <= o < len(src.raw)
        assert o >= prev, "offsets must not go backwards"
        prev = o
        if c in " \n":
            continue
        assert src.raw[o] == c or src.raw[o] == "&", (i, c, src.raw[o : o + 10])
    assert prev <= src.offsets[-1] <= len(src.raw)


# ---------------------------------------------------------------------------------------------
# Markdown and plain text
# ---------------------------------------------------------------------------------------------


def test_markdown_fixture_metadata():
    src = read_path(FIX / "visit.md")
    raw = fixture_text("visit.md")
    assert src.format == "markdown"
    assert src.encoding == "utf-8"
    assert src.name == str(FIX / "visit.md")
    assert src.raw == raw and src.text == raw and src.offsets is None
    assert src.title == "开年赴京，多位省委书记、省长走访中央单位"
    assert [a[0] for a in src.authors] == ["林一帆"]
    assert_authors_exact(src)
    assert src.credits == ["新华日报", "南方日报"]
    assert src.published is None


def test_markdown_skip_ranges_cover_images_urls_and_copyright():
    src = read_path(FIX / "visit.md")
    skipped = [src.text[s:e] for s, e in src.skip]
    assert any(t.startswith("![](https://img.example.com/news/2024/0306/a1.jpg)") for t in skipped)
    assert "https://img.example.com/news/2024/0307/b2.jpg" in skipped  # a URL inside a line
    assert any("版权声明" in t and "不得转载" in t for t in skipped)
    # prose, headings and the credits line are not skipped
    for needle in ("金壮龙", "**江苏省：书记省长一同进京**", "刘振芳", "相关图片见"):
        i = src.text.index(needle)
        assert not src.is_skipped(i, i + len(needle)), needle
    # the image line is skipped as a whole line, the next line is not
    img = src.text.index("![](")
    line_end = src.text.index("\n", img)
    assert src.is_skipped(img) and src.is_skipped(line_end - 1) and not src.is_skipped(line_end + 1)
    # ranges are sorted, disjoint, inside the text
    for (s1, e1), (s2, e2) in zip(src.skip, src.skip[1:]):
        assert e1 < s2
    assert all(0 <= s < e <= len(src.text) for s, e in src.skip)


def test_image_line_with_surrounding_spaces_is_skipped_whole():
    text = "第一段。\n  ![图](https://example.com/a.jpg)  \n第二段。"
    src = read_text(text)
    start = text.index("  ![")
    end = text.index("\n第二段")
    assert src.skip == [(start, end)]


def test_text_dateline_bylines_with_exact_offsets():
    src = read_path(FIX / "dateline.txt")
    assert src.format == "text"
    assert src.title is None
    assert [a[0] for a in src.authors] == ["周静", "林海", "何晓"]
    assert_authors_exact(src)
    # "记者从会上获悉" is prose, not a byline
    assert "会上" not in [a[0] for a in src.authors]


def test_published_from_labelled_line_and_author_line():
    src = read_path(FIX / "published.txt")
    assert src.published == "2025-09-28"
    assert src.credits == ["湖南日报"]
    assert [a[0] for a in src.authors] == ["张晓", "王磊"]
    assert_authors_exact(src)


def test_published_from_bare_datetime_line_not_from_prose():
    src = read_path(FIX / "bare_date.txt")
    assert src.published == "2018-02-27"
    prose_only = "2018年2月26日，省政府在北京与国家电网公司举行工作会谈。\n双方表示将深化合作。"
    assert read_text(prose_only).published is None
    assert read_text("会议纪要\n发布日期：2023年3月1日\n正文。").published == "2023-03-01"
    assert read_text("发布时间：2023-02-30 10:00\n日期无效。").published is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**撰文 | 高远**\n\n正文。", ["高远"]),
        ("撰文｜高远 李想\n\n正文。", ["高远", "李想"]),
        ("作者：王一鸣、赵小川\n正文。", ["王一鸣", "赵小川"]),
        ("文/陈思远\n正文。", ["陈思远"]),
        ("新华社北京3月1日电（记者张三、李四）国务院新闻办公室今天举行发布会。", ["张三", "李四"]),
        ("正文最后一句。(记者李点)", ["李点"]),
        ("本报记者 刘洋 通讯员 孙悦\n正文。", ["刘洋", "孙悦"]),
        ("□東方晚報·新聞記者 米小杰\n正文。", ["米小杰"]),
        ("文/图 记者 周明\n正文。", ["周明"]),
    ],
)
def test_byline_forms(text, expected):
    src = read_text(text)
    assert [a[0] for a in src.authors] == expected
    assert_authors_exact(src)


@pytest.mark.parametrize(
    "text",
    [
        "记者从省政府获悉，全省经济运行总体平稳。",
        "会议期间（记者近日获悉）各项议程顺利推进。",
        "他对记者说，这项工作很重要。\n记者同时留意到，会议表决通过了多项决定。",
        "文化建设取得新进展。\n作者简介略。",
        "（记者会上，发言人回答了提问）",
        "采访结束时（记者在现场）天色已晚。",
    ],
)
def test_no_false_bylines_in_prose(text):
    assert read_text(text).authors == []


def test_credits_are_split_and_cleaned():
    assert read_text("正文。\n\n**资料 | 甲江日报 乙海日报等党报**\n").credits == ["甲江日报", "乙海日报"]
    assert read_text("正文。\n来源：新华社\n").credits == ["新华社"]
    assert read_text("正文。\n来源：人民日报、新华社等\n").credits == ["人民日报", "新华社"]
    assert read_text("正文里提到来源于群众的意见。").credits == []


def test_traditional_text_is_not_converted_and_byline_found():
    src = read_path(FIX / "trad.txt")
    assert "陳志明" in src.text and "會議" in src.text  # not normalised here
    assert [a[0] for a in src.authors] == ["陳志明"]
    assert_authors_exact(src)
    assert "留意" not in "".join(a[0] for a in src.authors)


# ---------------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------------


def test_gb18030_bytes_are_detected():
    text = fixture_text("dateline.txt")
    src = read_bytes(text.encode("gb18030"), "x.txt")
    assert src.encoding == "gb18030"
    assert src.raw == text and src.name == "x.txt"
    assert [a[0] for a in src.authors] == ["周静", "林海", "何晓"]


def test_big5_bytes_are_detected():
    text = fixture_text("trad.txt")
    src = read_bytes(text.encode("big5"))
    assert src.encoding == "big5"
    assert src.raw == text
    assert [a[0] for a in src.authors] == ["陳志明"]


def test_gbk_text_that_also_decodes_as_big5_is_scored_as_gb18030():
    # Pick simplified sentences whose GBK bytes are *also* valid Big5, so trying
    # encodings in order would give the wrong answer.
    sentences = [
        "省委书记主持召开常委会会议。",
        "会议听取了关于经济工作的汇报。",
        "国家发展改革委负责同志出席会议并讲话。",
        "省长出席会议并讲话，对下一步工作作出部署。",
        "这次会议是在关键时期召开的一次重要会议。",
        "省政府与国家电网公司举行工作会谈。",
    ]
    both = []
    for s in sentences:
        data = s.encode("gb18030")
        try:
            data.decode("big5")
        except UnicodeDecodeError:
            continue
        both.append(s)
    assert both, "need at least one sentence whose GBK bytes are valid Big5"
    for s in both:
        src = read_bytes(s.encode("gb18030"))
        assert src.encoding == "gb18030" and src.text == s


def test_declared_charset_breaks_ties_between_gb18030_and_big5():
    # In GBK these are rare characters; the same bytes read as Big5 give common ones (議場族),
    # so scoring alone prefers Big5 — the page's declared charset decides.
    body = "某初壁"
    bare = body.encode("gb18030")
    assert read_bytes(bare).encoding == "big5"
    page = f'<html><head><meta charset="gbk"></head><body><p>{body}</p></body></html>'
    src = read_bytes(page.encode("gb18030"))
    assert src.encoding == "gb18030" and src.text == body


def test_scoring_character_lists_are_consistent():
    assert len(reader._SIMP_ONLY) == len(reader._TRAD_ONLY)
    for c in reader._SHARED:
        c.encode("gb2312"), c.encode("big5")
    for simp, trad in zip(reader._SIMP_ONLY, reader._TRAD_ONLY):
        simp.encode("gb2312"), trad.encode("big5")
        with pytest.raises(UnicodeEncodeError):
            simp.encode("big5")
        with pytest.raises(UnicodeEncodeError):
            trad.encode("gb2312")


def test_traditional_text_encoded_in_gbk_is_still_gb18030():
    text = fixture_text("trad.txt")
    src = read_bytes(text.encode("gb18030"))
    assert src.encoding == "gb18030" and src.text == text


@pytest.mark.parametrize(
    "bom, codec, label",
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    ],
)
def test_boms_are_detected_and_removed(bom, codec, label):
    text = fixture_text("visit.md")
    src = read_bytes(bom + text.encode(codec))
    assert src.encoding == label
    assert src.raw == text and not src.raw.startswith("\ufeff")
    assert src.format == "markdown" and src.title.startswith("开年赴京")


def test_plain_utf8():
    src = read_bytes("天津市长张工会见客人。".encode())
    assert src.encoding == "utf-8" and src.format == "text"


def test_read_text_strips_bom_and_sniffs():
    src = read_text("\ufeff# 标题\n\n正文。", name="doc")
    # the BOM is not read, but stays in raw: spans index the string as given
    assert src.text == "# 标题\n\n正文。" and src.format == "markdown" and src.title == "标题"
    assert src.raw == "\ufeff# 标题\n\n正文。" and src.raw_span(5, 7) == (6, 8)
    assert src.name == "doc" and src.encoding == "utf-8"
    assert read_text("<p>一</p><p>二</p><p>三</p>").format == "html"


# ---------------------------------------------------------------------------------------------
# Format sniffing
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fmt",
    [
        ("  <!DOCTYPE html><html><body><p>正文</p></body></html>", "html"),
        ("<html><body>正文</body></html>", "html"),
        ("<div>一</div>\n<p>二</p>\n<br>三", "html"),
        ("# 标题\n正文", "markdown"),
        ("正文第一段\n\n**小标题**\n正文", "markdown"),
        ("正文\n![](https://example.com/a.jpg)\n正文", "markdown"),
        ("本报讯 正文没有标记。\n#话题# 不是标题", "text"),
        ("a < b 并且 c > d，这是<p>一个</p>例子", "text"),
    ],
)
def test_sniff_format(text, fmt):
    assert read_text(text).format == fmt


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


def test_html_article_extraction():
    src = read_path(FIX / "article.html")
    assert src.format == "html"
    assert src.title == "张工会见中国建筑集团董事长郑学选"  # og:title
    assert src.published == "2025-09-26"
    assert src.credits == ["天津日报"]  # from the info line just above the article body
    t = src.text
    assert t.startswith("本报讯（记者 赵明）9月26日下午")
    assert "城市更新&基础设施建设" in t  # &amp; unescaped
    assert "项目建设。 副市长谢元参加会见。" in t  # &#x3002; &nbsp; &#12290;
    assert "深化合作，实现互利共赢" in t  # a line break between CJK characters is not a space
    for junk in ("脚本里的文字", "text-indent", "首页", "机构", "当前位置", "相关新闻", "市领导调研",
                 "ICP备", "请启用脚本", "【字体"):
        assert junk not in t, junk
    assert "　" not in t and "  " not in t and "\n\n" not in t


def test_html_offsets_map_back_to_raw():
    src = read_path(FIX / "article.html")
    assert_offsets_map_back(src)
    # a character reference maps to its start, and raw_span covers the whole reference
    i = src.text.index("&")
    assert src.raw.startswith("&amp;", src.offsets[i])
    assert src.raw[slice(*src.raw_span(i, i + 1))] == "&amp;"
    j = src.text.index("建设。 副市长") + 2
    assert src.raw[slice(*src.raw_span(j, j + 1))] == "&#x3002;"
    # a name maps to exactly its characters in the page source
    k = src.text.index("郑学选")
    assert src.raw[slice(*src.raw_span(k, k + 3))] == "郑学选"


def test_html_authors_and_skip():
    src = read_path(FIX / "article.html")
    assert [a[0] for a in src.authors] == ["赵明"]
    assert_authors_exact(src)
    skipped = [src.text[s:e] for s, e in src.skip]
    assert any(s.startswith("分享到") for s in skipped)
    i = src.text.index("张工会见")
    assert not src.is_skipped(i, i + 4)


def test_html_gbk_with_meta_charset():
    html = fixture_text("article.html")
    utf8 = read_text(html)
    src = read_bytes(html.encode("gb18030"), "page.html")
    assert src.encoding == "gb18030" and src.format == "html"
    assert src.text == utf8.text and src.offsets == utf8.offsets


def test_html_title_fallbacks():
    doc = "<html><head><title>省长会见客人_要闻_示例网</title></head><body><p>正文一</p><p>正文二</p></body></html>"
    assert read_text(doc).title == "省长会见客人"
    doc = "<html><head><title>站点名</title></head><body><div class='content'><h1>市委召开常委会会议</h1><p>会议传达学习了有关精神，研究部署了下一步工作。</p></div></body></html>"
    assert read_text(doc).title == "市委召开常委会会议"


def test_html_published_sources():
    body = "<body><div class='content'><p>会议传达学习了有关精神，研究部署了下一步工作，强调要抓好落实。</p></div></body>"
    meta = f"<html><head><meta property='article:published_time' content='2024-03-05T09:30:00+08:00'></head>{body}</html>"
    assert read_text(meta).published == "2024-03-05"
    t = f"<html><body><time datetime='2022-10-16' pubdate>十月十六日</time>{body[6:]}</html>"
    assert read_text(t).published == "2022-10-16"
    info = ("<html><body><div class='list'><p>2020-01-01 旧闻标题</p></div>"
            "<div class='art'><div class='info'>2021-06-01 10:20 来源：某某日报</div>"
            f"{body[6:-7]}</div></body></html>")
    assert read_text(info).published == "2021-06-01"


def test_html_prefers_article_container_over_body():
    doc = ("<html><body><div class='sidebar'><p>侧栏推荐文章一</p><p>侧栏推荐文章二</p></div>"
           "<div class='layout'><p>页面导语文字</p>"
           "<article><p>省委常委会召开会议，传达学习中央有关会议精神，研究部署全省重点工作。</p>"
           "<p>会议强调，要坚持稳中求进，扎实推动高质量发展。</p></article></div></body></html>")
    src = read_text(doc)
    assert src.text.startswith("省委常委会召开会议")
    assert "侧栏" not in src.text and "页面导语" not in src.text


def test_html_navigation_elements_are_dropped():
    doc = ("<html><body>"
           "<div class='topbar'>登录 注册</div><div id='breadcrumb'>首页 &gt; 要闻</div>"
           "<div class='menu-list'><span>政务公开</span></div><nav>导航条</nav>"
           "<p>省政府召开专题会议，研究部署安全生产工作，要求各地压实责任。</p>"
           "<div class='bdshare_t'>分享按钮</div><div class='comment-box'>网友评论</div>"
           "<aside>侧边内容</aside><footer>页脚信息</footer><div id='copyright'>版权信息</div>"
           "</body></html>")
    src = read_text(doc)
    assert src.text == "省政府召开专题会议，研究部署安全生产工作，要求各地压实责任。"


def test_html_nav_class_on_page_wrapper_does_not_drop_everything():
    # ASP.NET pages wrap everything in <form>; some layouts put "sidebar" on the page wrapper.
    doc = ("<html><body><div class='nav'>导航链接</div><form id='form1'><div class='has-sidebar'>"
           "<p>市政府召开常务会议，研究部署城市更新和基础设施建设工作，要求压实责任。</p>"
           "<p>会议还研究了其他事项。</p></div></form></body></html>")
    src = read_text(doc)
    assert src.text == "市政府召开常务会议，研究部署城市更新和基础设施建设工作，要求压实责任。\n会议还研究了其他事项。"


def test_malformed_html_is_read_without_error():
    src = read_path(FIX / "malformed.html")
    assert src.format == "html"
    assert_offsets_map_back(src)
    t = src.text
    assert src.title == "某市召开领导干部大会 & 宣布省委决定"  # "&amp" without ";"
    for piece in ("市委书记王勇", "主持会议并讲话", "&foo;", "&#xZZ;", "<3", "新任市长刘强", "作表态发言",
                  "参会人员 市四套班子成员", "未闭合的段落", "条件注释之后", "坏标签后的文字"):
        assert piece in t, piece
    assert "看不见" not in t  # inside the unclosed comment
    i = t.index("<3")
    assert src.raw.startswith("&lt3", src.offsets[i]) and src.raw[src.offsets[i + 1]] == "3"


@pytest.mark.parametrize(
    "doc",
    [
        "<html><body>" + "<div>" * 3000 + "深层嵌套" + "</div>" * 10,
        "<html><body>" + "</div>" * 5000 + "<p>多余的结束标签</p>",
        "<html><body><p>" + "&#;" * 2000 + "字",
        "<html><body><p>" + "<a" * 5000,
        "<html><body><p>正文<script>var a = '<p>';" + "x" * 50000,
        "<html><body><p>正文<!-- 注释" + "y" * 50000 + " --><p>注释后</p>",
        "<html><body><p>正文</p><![foo[ bar ]]><p>声明后</p>",
        "<html><body><p>正文<img src=\"data:" + "z" * 40000 + "\">图片后</p>",
    ],
    ids=["deep-nesting", "stray-end-tags", "bad-charrefs", "unterminated-tags", "unclosed-script",
         "long-comment", "bogus-marked-section", "huge-attribute"],
)
def test_pathological_html_is_fast_and_safe(doc):
    t0 = time.perf_counter()
    src = read_text(doc)
    assert time.perf_counter() - t0 < 2.0
    assert_offsets_map_back(src)
    assert src.text


def test_pathological_html_keeps_text_after_constructs():
    assert read_text("<html><body><p>正文<!-- 注释" + "y" * 50000 + " --><p>注释后</p>").text == "正文\n注释后"
    assert read_text("<html><body><p>正文<img src=\"data:" + "z" * 40000 + "\">图片后</p>").text == "正文图片后"
    assert read_text("<html><body><p>正文<script>var a = '<p>';" + "x" * 50000).text == "正文"
    assert "声明后" in read_text("<html><body><p>正文</p><![foo[ bar ]]><p>声明后</p>").text


def test_random_html_never_raises_and_offsets_hold():
    pieces = ["<p>", "</p>", "<div class='content'>", "</div>", "<br>", "<br/>", "</br>", "&amp;", "&nbsp;",
              "&#20013;", "&#x4e2d;", "&bogus;", "&copy2023", "&#;", "&#xZZ;", "&", "<", ">", "<!--", "-->",
              "<![CDATA[x]]>", "<!x", "<?php ?>", "<script>", "</script>", "<style>", "<a href='x'>", "</a>",
              "<h1>", "</h1>", "<title>", "</title>", "<li>", "<ul>", "</ul>", "省委书记", "陈刚", " ", "\n",
              "\u3000", "<div class='nav'>", "<span", '"', "'", "<table><tr><td>", "</td><td>",
              "<p class='share'>分享到</p>", "（记者李点）", "撰文 | 高语阳", "\r\n", "<img src='a.png'>",
              "<div hidden>", "<p style='display:none'>", "<![foo["]
    rng = random.Random(20240601)
    for _ in range(400):
        doc = "<!DOCTYPE html><html><body>" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        try:
            src = read_text(doc)
        except InputEmpty:
            continue
        assert src.format == "html"
        assert_offsets_map_back(src)
        assert_authors_exact(src)
        assert all(0 <= s < e <= len(src.text) for s, e in src.skip)


def test_html_unclosed_head_and_early_body_end():
    src = read_text("<html><head><title>标题</title><p>第一段正文。</p><p>第二段正文。</p>")
    assert src.text == "第一段正文。\n第二段正文。" and src.title == "标题"
    src = read_text("<html><body><p>第一段正文。</p></body></html><p>结束标签之后的正文。</p>")
    assert src.text == "第一段正文。\n结束标签之后的正文。"


def test_html_without_text_is_empty():
    with pytest.raises(InputEmpty):
        read_text("<html><head><title>只有标题</title><script>x()</script></head><body> </body></html>")


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


def _check_error(exc: GanbuError, code: str, name: str) -> None:
    assert exc.code == code
    assert exc.input == name
    assert exc.message and "\n" not in exc.message and len(exc.message) < 120


def test_missing_file(tmp_path):
    p = tmp_path / "nope.md"
    with pytest.raises(InputNotFound) as ei:
        read_path(p)
    _check_error(ei.value, "E101", str(p))


def test_directory(tmp_path):
    with pytest.raises(InputIsDirectory) as ei:
        read_path(tmp_path)
    _check_error(ei.value, "E102", str(tmp_path))


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n",
                                  "\u3000\u3000\n".encode(), codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty(tmp_path, data):
    p = tmp_path / "empty.txt"
    p.write_bytes(data)
    with pytest.raises(InputEmpty) as ei:
        read_path(p)
    _check_error(ei.value, "E103", str(p))
    with pytest.raises(InputEmpty):
        read_text("   \n")


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
                                  b"\x01\x02\x03\x04abc" * 200, "正文".encode() + b"\x00" + "正文".encode()])
def test_binary(tmp_path, data):
    p = tmp_path / "blob.bin"
    p.write_bytes(data)
    with pytest.raises(InputBinary) as ei:
        read_path(p)
    _check_error(ei.value, "E104", str(p))


def test_binary_text_input():
    with pytest.raises(InputBinary):
        read_text("正文\x00正文")


@pytest.mark.parametrize("data", [
    "café résumé naïve façade ".encode("latin-1") * 4,
    b"\xfe\xfd\x80\xff abc",
    codecs.BOM_UTF16_LE + "正文".encode("utf-16-le") + b"\x00",       # odd length after a UTF-16 BOM
    ("天津市长张工会见客人，双方就深化合作交换意见。" * 8).encode()[:-1] + b"\xff",  # broken UTF-8
])
def test_undecodable(data):
    with pytest.raises(InputUndecodable) as ei:
        read_bytes(data, "bad.txt")
    _check_error(ei.value, "E105", "bad.txt")


def test_undecodable_message_names_encodings_tried():
    with pytest.raises(InputUndecodable) as ei:
        read_bytes(b"\xfe\xfd\x80\xff abc", "bad.txt")
    msg = ei.value.message
    assert "utf-8" in msg and "gb18030" in msg and "big5" in msg


def test_too_large_bytes():
    with pytest.raises(InputTooLarge) as ei:
        read_bytes("省长".encode() * 10, "big.txt", max_bytes=10)
    _check_error(ei.value, "E106", "big.txt")
    assert read_bytes("省长".encode() * 10, max_bytes=60).text == "省长" * 10


def test_too_large_path_is_refused_before_opening(tmp_path, monkeypatch):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:  # sparse 100 MB file
        f.truncate(100_000_000)

    def no_open(*a, **k):
        raise AssertionError("file must not be opened")

    monkeypatch.setattr(reader, "open", no_open, raising=False)
    with pytest.raises(InputTooLarge) as ei:
        read_path(p)
    _check_error(ei.value, "E106", str(p))
    small = tmp_path / "small.txt"
    small.write_bytes("正文内容".encode() * 5)
    with pytest.raises(InputTooLarge):
        read_path(small, max_bytes=10)


def test_unreadable(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("正文", encoding="utf-8")

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader, "open", denied, raising=False)
    with pytest.raises(InputUnreadable) as ei:
        read_path(p)
    _check_error(ei.value, "E107", str(p))

    def io_error(*a, **k):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(reader, "open", io_error, raising=False)
    with pytest.raises(InputUnreadable) as ei:
        read_path(p)
    assert "Input/output error" in ei.value.message


def test_errors_to_dict_shape():
    with pytest.raises(InputEmpty) as ei:
        read_bytes(b"", "e.txt")
    assert ei.value.to_dict() == {"error": {"code": "E103", "message": ei.value.message, "input": "e.txt"}}


# ---------------------------------------------------------------------------------------------
# stdin
# ---------------------------------------------------------------------------------------------


class _FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_dash(monkeypatch):
    text = fixture_text("dateline.txt")
    monkeypatch.setattr(sys, "stdin", _FakeStdin(text.encode("gb18030")))
    src = read_path("-")
    assert src.name == "<stdin>" and src.encoding == "gb18030" and src.text == text


def test_stdin_text_stream(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("# 标题\n\n正文。"))
    src = read_path("-")
    assert src.name == "<stdin>" and src.format == "markdown" and src.title == "标题"


def test_stdin_too_large_reads_at_most_limit_plus_one(monkeypatch):
    fake = _FakeStdin(b"a" * 1000)
    monkeypatch.setattr(sys, "stdin", fake)
    with pytest.raises(InputTooLarge) as ei:
        read_path("-", max_bytes=100)
    _check_error(ei.value, "E106", "<stdin>")
    assert fake.buffer.tell() == 101


# ---------------------------------------------------------------------------------------------
# Helpers and performance
# ---------------------------------------------------------------------------------------------


def test_raw_span_and_is_skipped_for_text():
    src = read_path(FIX / "visit.md")
    assert src.raw_span(3, 9) == (3, 9)
    s, e = src.skip[0]
    assert src.is_skipped(s) and src.is_skipped(s - 5, s + 1) and not src.is_skipped(s - 5, s)


def test_source_is_a_slotted_dataclass():
    src = read_text("正文。")
    with pytest.raises(AttributeError):
        src.extra = 1  # type: ignore[attr-defined]
    assert (src.name, src.format, src.offsets, src.authors, src.credits, src.skip) == (
        "<text>", "text", None, [], [], [])


def test_two_megabyte_markdown_is_fast(tmp_path):
    one = fixture_text("visit.md") + "\n" + fixture_text("dateline.txt") + "\n"
    data = (one * (2_000_000 // len(one.encode()) + 1)).encode()
    p = tmp_path / "big.md"
    p.write_bytes(data)
    read_path(p)  # warm up
    best = min(_timed(read_path, p) for _ in range(3))
    assert best < 0.25, f"2 MB markdown took {best:.3f}s"


def _timed(fn, *a):
    t0 = time.perf_counter()
    fn(*a)
    return time.perf_counter() - t0
