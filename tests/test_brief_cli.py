"""The commands ``ganbu patterns``, ``ganbu brief`` and ``ganbu demo``: formats, files, errors."""
from __future__ import annotations

import json

import pytest

import ganbu
from ganbu.cli import main
from test_brief_support import EXAMPLES


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    with ganbu.open_store(str(path)) as st:
        st.ingest([str(EXAMPLES)], workers=0)
    return str(path)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_patterns_in_three_formats(capsys, db):
    code, out, _ = run(capsys, "patterns", "--db", db, "--from", "2023-02-25", "--to", "2023-03-04")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["kind", "score", "dates", "reports"]
    assert lines[1].startswith("gathering") and "4个省份的党政主要负责同志在北京" in lines[1]
    code, out, _ = run(capsys, "patterns", "--db", db, "--from", "2023-02-25", "--to", "2023-03-04",
                       "--format", "json", "--kind", "signing")
    rows = json.loads(out)
    assert [r["kind"] for r in rows] == ["signing"] and rows[0]["facts"]["total"]["text"] == "3732亿元"
    assert rows[0]["sources"][0]["document_id"] > 0
    code, out, _ = run(capsys, "patterns", "--db", db, "--from", "2023-02-25", "--to", "2023-03-04",
                       "--format", "md", "--place", "北京", "--kind", "inconsistency")
    assert out.startswith("## inconsistency") and "[^1]:" in out and "标题称9家央企" in out


def test_nothing_found_is_no_error(capsys, db):
    code, out, _ = run(capsys, "patterns", "--db", db, "--from", "2020-01-01", "--to", "2020-01-31")
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "patterns", "--db", db, "--from", "2020-01-01", "--to", "2020-01-31",
                       "--format", "json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "brief", "--db", db, "--from", "2020-01-01", "--to", "2020-01-31")
    assert code == 0 and "库中没有讲述这一时期活动的报道" in out


def test_brief_to_html_file_and_json(capsys, db, tmp_path):
    target = tmp_path / "brief.html"
    code, out, _ = run(capsys, "brief", "--db", db, "--from", "2023-03-01", "--to", "2023-03-03",
                       "--place", "北京", "--province", "浙江,青海", "--format", "html", "-o", target)
    assert code == 0 and out == ""
    html = target.read_text(encoding="utf-8")
    assert "<h2>" in html and "浙江" in html and "青海" in html and "辽宁：" not in html
    assert 'href="/person/' in html and 'href="/report/' in html
    code, out, _ = run(capsys, "brief", "--db", db, "--from", "2023-03-01", "--to", "2023-03-03", "--format", "json",
                       "--style", "digest")
    d = json.loads(out)
    assert d["style"] == "digest" and d["footnotes"][0]["n"] == 1 and d["footnotes"][0]["excerpt"]
    assert all(s["sources"] for sec in d["sections"] for para in sec["paragraphs"] for s in para)


def test_bad_arguments(capsys, db):
    with pytest.raises(SystemExit) as e:
        main(["brief", "--db", db, "--from", "2023/03/01", "--to", "2023-03-03"])
    assert e.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err
    code, _, err = run(capsys, "brief", "--db", db, "--from", "2023-03-04", "--to", "2023-03-01")
    assert code == 2 and err.startswith("ganbu: E201")
    code, _, err = run(capsys, "demo", "--reports", "/nonexistent/reports")
    assert code == 1 and err.startswith("ganbu: E101") and "Traceback" not in err


def test_demo_prints_the_roundup_of_the_example_reports(capsys, tmp_path):
    code, out, err = run(capsys, "demo", "--patterns", "--db", tmp_path / "d.db")
    assert code == 0, err
    assert out.startswith("# 全国两会召开前夕，4个省份党政主要负责同志在北京开展工作")
    assert "## 辽宁：" in out and "计划总投资3732亿元" in out and "\n[^1]: 《" in out
    assert "gathering" in out and "read 5, new 5" in err
    code, out, err = run(capsys, "demo", "--db", tmp_path / "d.db")   # again: nothing new, the same roundup
    assert code == 0 and "new 0, duplicate 5" in err and out.startswith("# 全国两会召开前夕")
