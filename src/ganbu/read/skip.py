"""Skip ranges: text that is not prose and that extraction must not read.

Markdown image lines (``![](…)``, the whole line when the image stands alone), URLs, and short
lines holding a copyright or navigation keyword (``版权所有``, ``分享到``, ``上一篇``).
"""
from __future__ import annotations

import re

from .lines import alternation, line_bounds, merge_spans

__all__ = ["COPYRIGHT_LINE", "LINE_LIMIT", "NAV_LINE", "find_skip"]

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'（）()【】\[\]，。；、]+")
COPYRIGHT_LINE = alternation(
    "版权声明 版權聲明 版权所有 版權所有 未经授权 未經授權 不得转载 不得轉載 禁止转载 禁止轉載 转载请注明 轉載請註明 "
    "责任编辑 責任編輯 免责声明 免責聲明 Copyright COPYRIGHT copyright © ICP备 ICP證 ICP证 公网安备 公網安備")
NAV_LINE = alternation(
    "分享到 分享至 扫一扫 掃一掃 打印本页 打印本頁 【打印】 【关闭】 【關閉】 关闭窗口 關閉窗口 返回顶部 返回頂部 "
    "上一篇 下一篇 字号： 字号: 字號： 字號: 字体： 字体: 字體： 字體: 【字体 【字號 【字号 相关新闻 相關新聞 相关阅读 "
    "相關閱讀 推荐阅读 推薦閱讀 扫描二维码 掃描二維碼 微信扫码 在手机上 收藏本页 点击排行 點擊排行 网站地图 網站地圖 "
    "联系我们 聯繫我們 浏览次数 瀏覽次數 阅读次数 閱讀次數 当前位置 當前位置 您的位置 您现在的位置")
LINE_LIMIT = {"copyright": 200, "nav": 80}  # the longest line a keyword of each kind skips


def find_skip(text: str, line_hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted disjoint ranges; ``line_hits``: (position, longest line to skip) of copyright
    and navigation keywords, in text order."""
    spans: list[tuple[int, int]] = []
    if "![" in text:
        spans.extend(_images(text))
    spans.extend(m.span() for m in _URL.finditer(text))
    last_line = -1
    for pos, limit in line_hits:
        if pos < last_line:
            continue
        ls, le = line_bounds(text, pos)
        last_line = le
        if le - ls <= limit:
            spans.append((ls, le))
    return merge_spans(spans)


def _images(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _IMAGE.finditer(text):
        ls, le = line_bounds(text, m.start())
        if not text[ls : m.start()].strip() and not text[m.end() : le].strip():
            out.append((ls, le))
        else:
            out.append(m.span())
    return out
