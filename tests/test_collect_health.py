"""``ganbu sources health`` with a clock the test controls: a busy list page that stops giving
new links is flagged quiet once its history says news should have come; a failing source and an
emptied listing (a changed layout) are told apart from a quiet one."""
from __future__ import annotations

import pytest

from test_collect_support import article, list_page, need_collect, site  # noqa: F401
from test_store_support import synth_reports

T0 = 1_700_000_000.0  # 2023-11-15 06:13 in Beijing
DAY = 86400.0


@pytest.fixture(autouse=True)
def _libs():
    need_collect()


def _setup(site, tmp_path):  # noqa: F811
    from ganbu.collect.sources import add_source, list_sources
    from ganbu.store.db import open_engine, write

    site.page("/robots.txt", "", "text/plain")
    reports = synth_reports(40, seed=9)
    for i, r in enumerate(reports):
        site.page(f"/2023-11/{i:02d}/content_{i}.htm", article(r["title"], r["text"], r["published"]))
    eng = open_engine(tmp_path / "h.db")
    with write(eng) as c:
        add_source(c, site.url("/busy/"), "list", "省报要闻")
        add_source(c, site.url("/down/"), "list", "政府网")
        add_source(c, site.url("/never/"), "list", "未抓取")
    with eng.connect() as c:
        srcs = list_sources(c)
    return eng, srcs, reports


def _publish(site, n: int, layout_changed: bool = False):  # noqa: F811
    """The busy list page showing the first ``n`` reports (newest first)."""
    links = [(f"/2023-11/{i:02d}/content_{i}.htm", f"报道{i}", "") for i in reversed(range(n))]
    if layout_changed:  # the site moved its reports under links the pattern does not know
        links = [(f"/detail?id={i}", f"报道{i}", "") for i in reversed(range(n))]
    site.page("/busy/", list_page(links))


def _collect(eng, srcs, at: float):
    from ganbu.collect.fetch import Politeness
    from ganbu.collect.run import collect

    return collect(eng, srcs[:2], Politeness(interval=0, retries=0, timeout=2), now=lambda: at)


def _health(eng, at: float):
    from ganbu.collect.health import health

    with eng.connect() as c:
        return {h.name: h for h in health(c, at)}


def test_busy_source_gone_quiet_is_flagged(site, tmp_path):  # noqa: F811
    eng, srcs, _ = _setup(site, tmp_path)
    site.flaky("/down/", "", failures=1000, status=503)
    for day in range(1, 11):  # ten days, three new reports a day
        _publish(site, 3 * day)
        _collect(eng, srcs, T0 + day * DAY)
    h = _health(eng, T0 + 10 * DAY + 60)
    busy = h["省报要闻"]
    assert busy.status == "ok" and busy.warning is None and busy.rate == pytest.approx(3.0)
    assert sum(busy.per_day) == 27 and busy.per_day[-1] == 3  # the first poll's backlog is not counted
    assert h["政府网"].status == "failing" and "http 503" in h["政府网"].warning
    assert h["未抓取"].status == "never polled"
    # the list page keeps answering (304, nothing new) but no report comes any more
    _collect(eng, srcs, T0 + 11 * DAY)
    assert _health(eng, T0 + 11 * DAY + 60)["省报要闻"].status == "ok"  # one silent day: 3 expected, normal
    _collect(eng, srcs, T0 + 12 * DAY)
    quiet = _health(eng, T0 + 12 * DAY + 60)["省报要闻"]
    assert quiet.status == "quiet" and "no new report for 2.0 days" in quiet.warning
    assert "3.0 a day" in quiet.warning
    _publish(site, 33)  # news again
    _collect(eng, srcs, T0 + 13 * DAY)
    assert _health(eng, T0 + 13 * DAY + 60)["省报要闻"].status == "ok"


def test_emptied_listing_is_not_quiet_and_young_source_is_learning(site, tmp_path):  # noqa: F811
    eng, srcs, _ = _setup(site, tmp_path)
    site.page("/down/", list_page([]))
    _publish(site, 3)
    _collect(eng, srcs, T0 + DAY)
    h = _health(eng, T0 + DAY + 60)
    assert h["省报要闻"].status == "learning" and h["省报要闻"].last_success is not None
    for day in range(2, 6):
        _publish(site, 3 * day)
        _collect(eng, srcs, T0 + day * DAY)
    for day in (6, 7):
        _publish(site, 15, layout_changed=True)
        _collect(eng, srcs, T0 + day * DAY)
    empty = _health(eng, T0 + 7 * DAY + 60)["省报要闻"]
    assert empty.status == "empty" and "layout or link pattern changed" in empty.warning
    # a listing that never held a report link is not "emptied": no history says it should
    assert _health(eng, T0 + 7 * DAY + 60)["政府网"].status != "empty"


def test_health_command(tmp_path, capsys):
    import json

    from ganbu.cli import main

    db = str(tmp_path / "h.db")
    assert main(["sources", "add", "http://127.0.0.1:9/list/", "--name", "省报", "--db", db]) == 0
    capsys.readouterr()
    assert main(["sources", "health", "--format", "json", "--db", db]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "never polled" and len(row["per_day"]) == 28
