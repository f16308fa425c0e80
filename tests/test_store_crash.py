"""SIGKILL during ``ganbu ingest`` at several points, then a rerun: the same rows as one
uninterrupted run; and several ingest processes at once (one of them killed) give the same rows
as one process, with no report extracted twice."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_store_support import dump, new_pg_database, synth_reports, write_jsonl

SRC = str(Path(__file__).resolve().parents[1] / "src")
N = 160


def _start(db: str, *inputs: Path, batch: int = 16) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC)
    return subprocess.Popen([sys.executable, "-m", "ganbu", "ingest", *map(str, inputs), "--db", db, "-q",
                             "--workers", "1", "--batch", str(batch), "--format", "json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(p: subprocess.Popen) -> dict:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err
    return json.loads(out)


def _count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return -1


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    data = write_jsonl(folder / "data.jsonl", synth_reports(N))
    ref = folder / "ref.db"
    s = _finish(_start(str(ref), data))
    assert s["new"] == N
    return data, dump(str(ref))


@pytest.mark.parametrize("point", ["start", 40, 120, "resolve"])
def test_sigkill_then_rerun_gives_the_same_rows(corpus, tmp_path, point):
    data, reference = corpus
    db = tmp_path / "k.db"
    p = _start(str(db), data)
    deadline = time.time() + 120
    while p.poll() is None and time.time() < deadline:
        n = _count(db)
        if point == "start" or (isinstance(point, int) and n >= point) or (point == "resolve" and n >= N):
            break
        time.sleep(0.005)
    if p.poll() is None:
        os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    if point != "resolve":
        assert p.returncode == -signal.SIGKILL and _count(db) < N  # it was killed mid-run
    s = _finish(_start(str(db), data))
    assert s["read"] == N and s["failed"] == 0
    assert dump(str(db)) == reference
    if point == 40:
        again = _finish(_start(str(db), data))
        assert (again["new"], again["duplicate"], again["extracted"]) == (0, N, 0)


def _stored(target: str) -> int:
    from sqlalchemy import create_engine, text

    url = target.replace("postgresql://", "postgresql+psycopg://") if "://" in target else f"sqlite:///{target}"
    eng = create_engine(url)
    try:
        with eng.connect() as c:
            return c.execute(text("SELECT count(*) FROM documents")).scalar() or 0
    except Exception:
        return 0
    finally:
        eng.dispose()


def _overlapping_inputs(folder: Path) -> list[Path]:
    """Four inputs; every report is in exactly two of them."""
    recs = synth_reports(N, seed=3)
    return [write_jsonl(folder / f"part{i}.jsonl", [r for j, r in enumerate(recs) if j % 4 in (i, (i + 1) % 4)])
            for i in range(4)]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db"), None
        return
    made = []

    def make(name: str) -> str:
        url, drop = new_pg_database()
        made.append(drop)
        return url

    yield make, None
    for drop in made:
        drop()


def test_four_processes_give_the_rows_of_one(backend, tmp_path):
    make, _ = backend
    parts = _overlapping_inputs(tmp_path)
    one = make("one")
    assert _finish(_start(one, *parts))["new"] == N
    shared = make("shared")
    procs = [_start(shared, part) for part in parts]
    sums = [_finish(p) for p in procs]
    assert sum(s["new"] for s in sums) == N
    assert sum(s["extracted"] for s in sums) == N  # no report extracted twice
    assert dump(shared) == dump(one)


def test_a_killed_process_leaves_its_share_to_the_others(backend, tmp_path):
    make, _ = backend
    parts = _overlapping_inputs(tmp_path)
    one = make("one")
    _finish(_start(one, *parts))
    shared = make("shared")
    victim = _start(shared, parts[0], batch=2)
    deadline = time.time() + 120
    while victim.poll() is None and time.time() < deadline and _stored(shared) < 4:
        time.sleep(0.005)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)
    assert victim.returncode == -signal.SIGKILL
    sums = [_finish(p) for p in [_start(shared, part) for part in parts[1:]]]
    assert sum(s["read"] for s in sums) == 3 * N // 2
    assert dump(shared) == dump(one)
