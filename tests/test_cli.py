"""The command line: output formats, and one-line errors for bad input while a batch goes on."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ganbu.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zhejiang_visit.md"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_example_json(capsys):
    code, out, err = run(capsys, "extract", "--format", "json", str(EXAMPLE))
    assert code == 0, err
    doc = json.loads(out)
    people = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
    assert people["易炼红"] == ["浙江省委书记"]
    assert people["陈奕君"] == ["浙江省委常委", "浙江省委秘书长"]
    assert people["袁野"] == ["国务院国资委党委委员", "国务院国资委副主任"]
    assert "林知远" in people and people["林知远"] == []  # the byline author
    assert doc["authors"] == ["林知远"]
    text = EXAMPLE.read_text(encoding="utf-8")
    for p in doc["people"]:
        for a, b in p["mentions"]:
            assert text[a:b] == p["name"]


def test_published_flag_and_jsonl(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("浙江省委书记易炼红出席会议。", encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--published", "2023-03-03", "--format", "jsonl", str(f), str(f))
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["published"] == "2023-03-03"


def test_table_format(capsys):
    code, out, _ = run(capsys, "extract", "--format", "table", str(EXAMPLE))
    assert code == 0
    assert "易炼红" in out and "浙江省委书记" in out


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["extract", "--published", "2023/03/03", str(EXAMPLE)])
    assert e.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    "make,code_",
    [
        (lambda d: d / "missing.txt", "E101"),
        (lambda d: d, "E102"),
        (lambda d: _write(d / "empty.txt", b""), "E103"),
        (lambda d: _write(d / "bin.dat", b"\x00\x01\x02PK\x03\x04" * 100), "E104"),
        (lambda d: _write(d / "bad.txt", b"\xff\xfe\xfd\x80\x81" * 50 + b"\xc0"), "E10"),
        (lambda d: _sparse(d / "huge.txt", 100 * 1024 * 1024), "E106"),
    ],
    ids=["missing", "directory", "empty", "binary", "undecodable", "100MB"],
)
def test_bad_input_one_line_error_and_batch_goes_on(capsys, tmp_path, make, code_):
    bad = make(tmp_path)
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(bad), str(EXAMPLE))
    assert code == 1
    lines = [ln for ln in err.strip().splitlines() if ln]
    assert lines[0].startswith("ganbu: " + code_)
    assert str(bad) in lines[0]
    assert "Traceback" not in err
    assert len(out.strip().splitlines()) == 1  # the good file still came out
    assert "1 of 2 inputs failed" in err


def test_malformed_html_is_read(capsys, tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>会见</title></head><body><div class=nav>首页 | 新闻</div>"
                 "<div class=content><p>浙江省委书记易炼红会见客人。<p>省长王浩参加。</div></span></b>&bogus;"
                 "<script>var x='<p>';</script>", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(f))
    assert code == 0, err
    doc = json.loads(out)
    names = {p["name"] for p in doc["people"]}
    assert {"易炼红", "王浩"} <= names
    raw = f.read_text(encoding="utf-8")
    for p in doc["people"]:
        for a, b in p["mentions"]:
            assert raw[a:b] == p["name"]


def test_gbk_and_big5_files(capsys, tmp_path):
    g = tmp_path / "gbk.txt"
    g.write_bytes("四川省委书记王晓晖、省长黄强出席会议并讲话。".encode("gb18030"))
    b = tmp_path / "big5.txt"
    b.write_bytes("四川省委書記王曉暉、省長黃強出席會議並講話。".encode("big5"))
    code, out, err = run(capsys, "extract", "--format", "jsonl", str(g), str(b))
    assert code == 0, err
    for line in out.strip().splitlines():
        doc = json.loads(line)
        got = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
        assert got["王晓晖"] == ["四川省委书记"]
        assert got["黄强"] == ["四川省省长"]


def test_stdin_and_module_entry_point(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "ganbu", "extract", "-"], input="省长王浩出席。浙江省委书记易炼红讲话。".encode(),
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert any(p["name"] == "易炼红" for p in doc["people"])


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "extract" in capsys.readouterr().err


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def _sparse(p: Path, size: int) -> Path:
    with open(p, "wb") as fh:
        fh.truncate(size)
    return p


def test_gbk_html_page_end_to_end(capsys, tmp_path):
    """A GB18030 page: body read past the navigation, title and date from the head, the province
    of 省委副书记 from the headline, spans into the decoded page."""
    src = (Path(__file__).parent / "fixtures" / "jilin_talks.html").read_text(encoding="utf-8")
    f = tmp_path / "page.html"
    f.write_bytes(src.encode("gb18030"))
    code, out, err = run(capsys, "extract", str(f))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["published"] == "2024-05-21"
    assert doc["source"]["encoding"] == "gb18030"
    people = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
    assert people["胡玉亭"] == ["吉林省委副书记", "吉林省省长"]
    assert people["戴厚良"] == ["中国石油董事长", "中国石油党组书记"]
    assert [e["type"] for e in doc["events"]] == ["talks", "signing"]
    assert doc["events"][0]["date"]["start"] == "2024-05-20" and doc["events"][0]["place"] == "长春"
    raw = f.read_bytes().decode("gb18030")
    for p in doc["people"]:
        for a, b in p["mentions"]:
            assert raw[a:b] == p["name"]


def test_big5_report_with_a_visitor_from_another_jurisdiction(capsys, tmp_path):
    """An implicit 省 is a province ending in 省, never the 特别行政区 of a guest named earlier."""
    text = ("本報訊（記者 陳大文）十二月三日上午，省委書記、省人大常委會主任黃坤明在廣州會見香港特別行政區行政長官李家超一行。"
            "副省長王曦參加會見。\n黃坤明表示，廣東將與香港攜手推進粵港澳大灣區建設。")
    f = tmp_path / "b5.txt"
    f.write_bytes(text.encode("big5"))
    code, out, err = run(capsys, "extract", "--published", "2023-12-04", str(f))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["encoding"] == "big5"
    assert doc["authors"] == ["陳大文"]
    people = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
    assert people["黄坤明"] == ["广东省委书记", "广东省人大常委会主任"]
    assert people["王曦"] == ["广东省副省长"]
    ev = doc["events"][0]
    assert ev["type"] == "meeting" and ev["date"]["start"] == "2023-12-03" and ev["place"] == "广州"
    raw = f.read_bytes().decode("big5")
    for p in doc["people"]:
        for a, b in p["mentions"]:
            assert ganbu_normalize(raw[a:b]) == p["name"]


def ganbu_normalize(s):
    from ganbu.lang.normalize import normalize

    return normalize(s)
