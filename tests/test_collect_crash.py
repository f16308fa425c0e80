"""SIGKILL during ``ganbu collect`` then a rerun gives the store of one clean run, and pages
fetched before the kill are not fetched again; two collectors sharing one store (SQLite, and
PostgreSQL as on several machines) fetch no URL twice."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from test_collect_support import article, list_page, need_collect, site  # noqa: F401
from test_store_support import dump, new_pg_database, synth_reports

SRC = str(Path(__file__).resolve().parents[1] / "src")
N = 60


@pytest.fixture(autouse=True)
def _libs():
    need_collect()


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """A maker of fresh stores on one backend."""
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    drops = []

    def make(name: str) -> str:
        url, drop = new_pg_database()
        drops.append(drop)
        return url

    yield make
    for drop in drops:
        drop()


def _site_with_reports(site):  # noqa: F811
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    links = []
    for i, r in enumerate(synth_reports(N, seed=5)):
        path = f"/2023-{1 + i % 12:02d}/{1 + i % 28:02d}/content_{i}.htm"
        # a little server time per page, so that the kill lands mid-run
        site.slow(path, article(r["title"], r["text"], r["published"]).decode(), seconds=0.01)
        links.append((path, r["title"], r["published"]))
    site.page("/list/", list_page(links))


def _add_source(db: str, url: str) -> None:
    from ganbu.collect.sources import add_source
    from ganbu.store.db import open_engine, write

    eng = open_engine(db)
    with write(eng) as c:
        add_source(c, url, "list", "列表")
    eng.dispose()


def _start(db: str, interval: float = 0.0) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.Popen([sys.executable, "-m", "ganbu", "collect", "--db", db, "-q", "--workers", "1",
                             "--interval", str(interval), "--format", "json", "--concurrency", "4"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(p: subprocess.Popen) -> dict:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    return json.loads(out)


def _states(db: str) -> dict[str, str]:
    from sqlalchemy import create_engine

    from ganbu.store import schema as S

    url = db.replace("postgresql://", "postgresql+psycopg://") if "://" in db else f"sqlite:///{db}"
    eng = create_engine(url)
    try:
        with eng.connect() as c:
            return dict(c.execute(select(S.fetches.c.url, S.fetches.c.state)).all())
    except Exception:
        return {}
    finally:
        eng.dispose()


def _full(db: str) -> dict:
    out = dump(db)
    out["fetches"] = sorted(_states(db).items())
    return out


def test_sigkill_mid_collect_then_rerun(site, target):  # noqa: F811
    _site_with_reports(site)
    ref, db = target("ref"), target("killed")
    for d in (ref, db):
        _add_source(d, site.url("/list/"))
    assert _finish(_start(ref))["new"] == N
    reference = _full(ref)
    hits_clean = site.counts()
    site.hits.clear()
    p = _start(db, interval=0.02)
    deadline = time.time() + 120
    while p.poll() is None and time.time() < deadline:
        if sum(s in ("stored", "fetched") for s in _states(db).values()) >= N // 3:
            break
        time.sleep(0.02)
    assert p.poll() is None, "the collector finished before it could be killed"
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    states = _states(db)
    done_before = {u for u, s in states.items() if s in ("stored", "fetched")}
    stored_before = sum(s == "stored" for s in states.values())
    assert N // 3 <= len(done_before) < N
    rerun = _finish(_start(db))
    assert rerun["new"] == N - stored_before  # the pages fetched but not read were read, not lost
    assert _full(db) == reference
    # nothing committed before the kill was fetched again; only pages in flight (fetched, not yet
    # committed) may have been fetched twice
    hits = site.counts()
    report_hits = {p: n for p, n in hits.items() if "/content_" in p}
    assert len(report_hits) == N
    assert all(report_hits["/" + u.split("/", 3)[3]] == 1 for u in done_before)
    assert sum(n - 1 for n in report_hits.values()) <= 8
    assert sum(n for p, n in hits_clean.items() if "/content_" in p) == N


def test_two_collectors_share_the_work(site, target):  # noqa: F811
    _site_with_reports(site)
    ref, db = target("ref"), target("shared")
    for d in (ref, db):
        _add_source(d, site.url("/list/"))
    assert _finish(_start(ref))["new"] == N
    reference = _full(ref)
    site.hits.clear()
    # started together: one polls the list, the other waits for that poll, then both take URLs
    a, b = _start(db, interval=0.1), _start(db, interval=0.1)
    ra, rb = _finish(a), _finish(b)
    assert ra["fetched"] + rb["fetched"] == N and ra["new"] + rb["new"] == N
    assert ra["fetched"] > 0 and rb["fetched"] > 0  # both did a share
    report_hits = {p: n for p, n in site.counts().items() if "/content_" in p}
    assert len(report_hits) == N and set(report_hits.values()) == {1}
    assert _full(db) == reference
