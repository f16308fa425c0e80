#!/usr/bin/env python3
"""The reader's stdlib html.parser tree against selectolax (Lexbor) and lxml (libxml2).

    pip install selectolax lxml          # or: pip install -e '.[bench]'
    python3 benchmarks/html_parsers.py                # 2,000 story pages + 4 large pages
    python3 benchmarks/html_parsers.py -n 500 --repeat 5

Two questions:

(a) Speed, on the pages of ``benchmarks/robustness.py`` (base variant, from the bulk corpus at
    run time) and on a few large pages shaped like real news sites (navigation menus, a sidebar
    of related stories, inline scripts and styles, a comment list, layout tables, a footer),
    written here. Rows:

    - ``ganbu read_text``: the whole reader (tree, article container, text with offsets, title,
      date, bylines, skip ranges): what ``ganbu extract`` runs;
    - ``ganbu tree+text``: the reader's tree and the body text with offsets, no metadata;
    - ``selectolax``: ``LexborHTMLParser`` + script/style removed + body text;
    - ``lxml``: ``lxml.html.fromstring`` + script/style removed + body text.

    - ``ganbu.extract`` (anchor): the whole pipeline on the same pages, to show what share of
      the work reading is.

    Each row is timed ``--repeat`` times over the same pages in this run (min, and the range),
    in CPU seconds of this process (``time.process_time``): all rows are single-threaded, and
    CPU time is steadier than wall time on a shared machine.

(b) Exact source offsets for text, which the reader needs to map every span back to the page.
    Checked, not assumed: for the stdlib tree, every character of the text of every page is
    checked with ``ganbu.read.spancheck`` (independent of the reader); for selectolax and lxml,
    what their node APIs offer for positions is probed.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import ganbu  # noqa: E402
from ganbu.read import read_text  # noqa: E402
from ganbu.read.article import find_body  # noqa: E402
from ganbu.read.spancheck import Page  # noqa: E402
from ganbu.read.textout import TextOut, walk  # noqa: E402
from ganbu.read.tree import parse  # noqa: E402
from robustness import Story, load_stories, page_bytes  # noqa: E402

# Words for the large pages' navigation, sidebars and comments (written for this benchmark).
NAV = ("首页", "要闻", "时政", "国际", "财经", "科技", "社会", "文化", "体育", "军事", "评论", "图片", "视频", "专题",
       "地方", "党建", "法治", "教育", "健康", "生态", "旅游", "房产", "汽车", "理论", "访谈", "直播", "数据", "公告",
       "English", "客户端")
SIDE = ("省委召开常委会会议传达学习重要讲话精神", "全省经济运行稳中向好", "市政府召开常务会议研究部署重点工作",
        "国务院新闻办举行新闻发布会", "推动高质量发展取得新成效", "持续优化营商环境", "加快建设现代化产业体系")
BODY = ("3月1日上午，省委书记在省城会见中国建筑集团董事长一行，双方就深化合作进行交流。",
        "省长主持召开省政府常务会议，研究部署安全生产和防汛工作，要求压实各方责任。",
        "会议指出，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
        "双方签署战略合作协议，总投资100亿元，涉及城市更新、基础设施建设等领域。")
SCRIPT = ("var _hmt = _hmt || []; (function() { var hm = document.createElement('script'); "
          "hm.src = 'https://example.com/hm.js?x'; if (a < b && c > d) { s = '<p>' + x + '</p>'; } })();\n")


def big_page(rng: random.Random, story: Story | None, scale: int) -> str:
    """A large news page: head with styles and scripts, menus, breadcrumb, layout tables,
    sidebar, the article, share bar, comments, footer. ``scale`` multiplies the chrome."""
    paras = story.paragraphs if story else [rng.choice(BODY) for _ in range(12)]
    title = story.title if story else "省委常委会召开会议"
    nav = "".join(f'<li class="nav-item"><a href="/{i}/index.html" target="_blank">{rng.choice(NAV)}</a></li>'
                  for i in range(60 * scale))
    side = "".join(f'<li><a href="/n/{i}.html">{rng.choice(SIDE)}</a><span class="date">2024-0{1 + i % 9}-1{i % 10}'
                   "</span></li>" for i in range(40 * scale))
    comments = "".join(f'<div class="comment-item"><span class="user">网友{i}</span><p>{rng.choice(BODY)}</p>'
                       f"<!-- comment {i} --></div>" for i in range(25 * scale))
    article = "".join(f"<p style=\"text-indent:2em\">&nbsp;&nbsp;{p}</p>\n" for p in paras)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}_要闻_示例新闻网</title>\n<meta property=\"og:title\" content=\"{title}\">\n"
        "<style>" + ".nav li{float:left;margin:0 4px} .content p{line-height:2}\n" * 40 * scale + "</style>\n"
        "<script>" + SCRIPT * 30 * scale + "</script>\n</head>\n<body>\n"
        f'<div class="topbar">登录 | 注册 | 无障碍</div>\n<div class="nav"><ul>{nav}</ul></div>\n'
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/yw/">要闻</a></div>\n'
        '<table width="1000" align="center"><tr><td valign="top">\n'
        f'<div class="article"><h1>{title}</h1><div class="info">2024-03-01 10:20 来源：示例日报</div>\n'
        f'<div class="content" id="zoom">{article}</div>\n'
        '<div class="bdshare">分享到：微信 微博 QQ空间</div></div>\n'
        f'</td><td width="300" valign="top"><div class="sidebar"><h3>相关新闻</h3><ul>{side}</ul></div>'
        "</td></tr></table>\n"
        f'<div class="comment-list">{comments}</div>\n'
        "<script>" + SCRIPT * 10 * scale + "</script>\n"
        '<div class="footer">版权所有 示例新闻网 Copyright © 2024 ICP备00000000号</div>\n</body>\n</html>\n'
    )


# ---------------------------------------------------------------------------------------------
# The contenders
# ---------------------------------------------------------------------------------------------


def ganbu_reader(page: str) -> str:
    return read_text(page).text


def ganbu_pipeline(page: str) -> str:
    return ganbu.extract(page).id


def ganbu_tree_text(page: str) -> str:
    body, _ = find_body(parse(page).root)
    out = TextOut()
    walk(body, out, ())
    return out.result()[0]


def selectolax_text(page: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    tree.strip_tags(["script", "style", "noscript"])
    body = tree.body
    return body.text(separator="\n") if body is not None else ""


def lxml_text(page: str) -> str:
    import lxml.html

    root = lxml.html.fromstring(page)
    for el in root.xpath("//script|//style|//noscript"):
        el.drop_tree()
    body = root.find("body")
    return "\n".join((body if body is not None else root).itertext())


CONTENDERS: dict[str, Callable[[str], str]] = {
    "ganbu read_text (stdlib html.parser)": ganbu_reader,
    "ganbu tree+text (stdlib html.parser)": ganbu_tree_text,
    "selectolax (Lexbor)": selectolax_text,
    "lxml (libxml2)": lxml_text,
}
ANCHOR = {"ganbu.extract (anchor: whole pipeline)": ganbu_pipeline}


def time_one(fn: Callable[[str], str], pages: list[str], repeat: int) -> list[float]:
    fn(pages[0])  # warm up (imports)
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        for p in pages:
            fn(p)
        times.append(time.process_time() - t0)
    return times


def speed_table(sets: dict[str, list[str]], repeat: int) -> None:
    print("\n(a) speed: CPU seconds for the set (min of repeats, range), MB/s and pages/s at the min")
    print(f"{'parser':40s} {'set':26s} {'min s':>8s} {'range s':>15s} {'MB/s':>7s} {'pages/s':>8s}")
    for set_name, pages in sets.items():
        mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
        for name, fn in {**CONTENDERS, **ANCHOR}.items():
            try:
                ts = time_one(fn, pages, repeat)
            except ImportError as e:
                print(f"{name:40s} {set_name:26s} not installed ({e.name})")
                continue
            lo, hi = min(ts), max(ts)
            print(f"{name:40s} {set_name:26s} {lo:8.3f} {lo:7.3f}–{hi:7.3f} {mb / lo:7.2f} {len(pages) / lo:8.0f}")


# ---------------------------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------------------------


def stdlib_offsets(pages: list[str]) -> str:
    chars = bad = 0
    for p in pages:
        src = read_text(p)
        page = Page(src.raw)
        for i in range(len(src.text)):
            chars += 1
            if page.check(src.text, i, i + 1, *src.raw_span(i, i + 1)) is not None:
                bad += 1
    return f"yes: every character has a source [start, end); {chars:,} characters checked, {bad} wrong"


_POSITION_WORDS = ("line", "pos", "offset", "column", "col", "source", "span", "raw", "location")


def selectolax_offsets() -> str:
    try:
        from selectolax.lexbor import LexborHTMLParser, LexborNode
    except ImportError:
        return "not installed"
    names = sorted(a for a in dir(LexborNode) if any(w in a for w in _POSITION_WORDS) and not a.startswith("_"))
    node = LexborHTMLParser("<p>a&amp;b</p>").css_first("p")
    assert node is not None and node.child is not None
    try:
        raw = repr(node.child.raw_value)
    except NotImplementedError as e:
        raw = f"NotImplementedError ({e})"
    return f"no: no position in the node API (position-like names: {names}); text_node.raw_value → {raw}"


def lxml_offsets() -> str:
    try:
        import lxml.html
    except ImportError:
        return "not installed"
    root = lxml.html.fromstring("<html><body><p>甲</p>\n<p>乙<b>丙</b>丁</p></body></html>")
    b = root.find(".//b")
    assert b is not None
    names = sorted(a for a in dir(b) if any(w in a for w in _POSITION_WORDS) and not a.startswith("_"))
    return (f"no: elements have only a line number ({names}: <b> is on line {b.sourceline}); text and tail "
            "strings have no position, and entities are already decoded")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="story pages (default 2000)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    stories = load_stories(args.n)
    small = [page_bytes(s, "base", i)[1] for i, s in enumerate(stories)]
    rng = random.Random(1)
    big = [big_page(rng, stories[i] if i < len(stories) else None, scale) for i, scale in enumerate((1, 2, 4, 8))]
    print(f"{len(small)} story pages ({sum(map(len, small)) / 1e6:.2f} M chars); "
          f"{len(big)} large pages ({', '.join(f'{len(p.encode()) / 1e3:.0f} KB' for p in big)}); "
          f"python {sys.version.split()[0]}")
    speed_table({f"{len(small)} story pages": small, f"{len(big)} large pages x10": big * 10}, args.repeat)
    print("\n(b) exact source offsets for text nodes")
    print(f"  stdlib html.parser tree: {stdlib_offsets(small[:300] + big)}")
    print(f"  selectolax (Lexbor):     {selectolax_offsets()}")
    print(f"  lxml (libxml2):          {lxml_offsets()}")
    text_check(big[0])
    return 0


def text_check(page: str) -> None:
    """The article text each one gives for a large page (how much is chrome)."""
    print("\n(c) characters of text from the first large page (the article alone is what ganbu reads)")
    for name, fn in CONTENDERS.items():
        try:
            t = fn(page)
        except ImportError:
            continue
        print(f"  {name:40s} {len(t):7,d} chars  {' '.join(t.split())[:50]!r}")


if __name__ == "__main__":
    sys.exit(main())
