"""Shared fixtures of the web tests (imported by tests/test_web*.py; holds no test).

:data:`WEB_REPORTS`: the store tests' reports, a signing with sums, and a hostile report whose
title, URL and text carry ``<script>``, an ``"><img onerror>`` breakout and ``javascript:``
links (written for these tests); :func:`web_store` ingests them into a fresh SQLite store.
"""
from __future__ import annotations

from pathlib import Path

from test_store_support import REPORTS, write_jsonl

HOSTILE_TITLE = "<script>window.__pwned=1</script>浙江省长王浩调研"
HOSTILE_TEXT = ('3月5日，浙江省省长王浩到温州市调研<script>window.__pwned=2</script>。'
                '"><img src=x onerror="window.__pwned=3">现场<a href="javascript:window.__pwned=4">点击</a>查看。')
HOSTILE_URL = "javascript:window.__pwned=5"

WEB_REPORTS = [*REPORTS,
               {"id": "w01", "published": "2023-03-07", "title": "浙江省与华能集团签署战略合作协议",
                "text": "浙江省与3家央企签约\n3月6日，浙江省省长王浩在杭州会见中国华能集团有限公司总经理王健，"
                        "双方签署战略合作协议，计划投资总额达500亿元。浙江省与4家央企签署合作协议。"},
               {"id": "w02", "published": "2023-03-06", "title": HOSTILE_TITLE, "url": HOSTILE_URL,
                "text": HOSTILE_TEXT}]


def web_store(folder: Path) -> str:
    """A fresh SQLite store with :data:`WEB_REPORTS` (path)."""
    import ganbu

    db = folder / "web.db"
    with ganbu.open_store(db) as st:
        st.ingest([str(write_jsonl(folder / "web.jsonl", WEB_REPORTS))], workers=0)
    return str(db)
