"""`ganbu extract` on batches: folders, patterns, one JSON array, streaming, failures that do not
stop the batch, atomic -o, Ctrl-C, progress only on a terminal, the table's byline line."""
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import ganbu
from ganbu.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zhejiang_visit.md"

# Short reports written for these tests.
REPORT_A = "浙江省委书记易炼红、省长王浩出席会议并讲话。"
REPORT_B = "四川省委书记王晓晖主持召开省委常委会会议。省长黄强参加。"
REPORT_C = "<html><head><title>会见</title></head><body><p>江苏省委书记信长星会见客人。</p></body></html>"
BYLINE_REPORT = """# 省政府召开常务会议

**撰文 | 高语阳**

5月6日，浙江省省长王浩主持召开省政府常务会议。副省长卢山出席。

张明远表示，将认真落实会议部署。

**资料 | 浙江日报**
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: "str | bytes") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def names(doc) -> set:
    return {p["name"] for p in doc["people"]}


# --- several inputs: one JSON array ---------------------------------------------------------


def test_two_files_give_one_json_list(capsys, tmp_path):
    a, b = write(tmp_path / "a.txt", REPORT_A), write(tmp_path / "b.txt", REPORT_B)
    code, out, err = run(capsys, "extract", a, b)
    assert code == 0, err
    docs = json.loads(out)
    assert isinstance(docs, list) and len(docs) == 2
    assert [d["source"]["name"] for d in docs] == [str(a), str(b)]
    assert "易炼红" in names(docs[0]) and "王晓晖" in names(docs[1])


def test_single_file_is_one_object(capsys, tmp_path):
    code, out, _ = run(capsys, "extract", write(tmp_path / "a.txt", REPORT_A))
    assert code == 0
    assert isinstance(json.loads(out), dict)


def test_folder_is_read_recursively_sorted_without_hidden_files(capsys, tmp_path):
    d = tmp_path / "reports"
    write(d / "b.md", REPORT_B)
    write(d / "a" / "page.HTML", REPORT_C)
    write(d / "a" / "x.txt", REPORT_A)
    write(d / ".hidden" / "h.md", REPORT_A)
    write(d / ".h.md", REPORT_A)
    write(d / "notes.json", "{}")
    code, out, err = run(capsys, "extract", d)
    assert code == 0, err
    docs = json.loads(out)
    assert [Path(x["source"]["name"]).relative_to(d).as_posix() for x in docs] == ["a/page.HTML", "a/x.txt", "b.md"]


def test_folder_with_glob_chooses_files(capsys, tmp_path):
    d = tmp_path / "reports"
    write(d / "b.md", REPORT_B)
    write(d / "a" / "page.html", REPORT_C)
    write(d / "a" / "deep" / "other.shtml", REPORT_A)
    code, out, err = run(capsys, "extract", "--glob", "*.html", "--glob", "*.shtml", d)
    assert code == 0, err
    docs = json.loads(out)
    assert [Path(x["source"]["name"]).name for x in docs] == ["other.shtml", "page.html"]
    assert "信长星" in names(docs[1])


def test_one_folder_is_still_a_list(capsys, tmp_path):
    write(tmp_path / "d" / "a.txt", REPORT_A)
    code, out, _ = run(capsys, "extract", tmp_path / "d")
    assert code == 0
    assert len(json.loads(out)) == 1


def test_quoted_pattern_is_expanded(capsys, tmp_path):
    write(tmp_path / "x" / "a.txt", REPORT_A)
    write(tmp_path / "x" / "y" / "b.txt", REPORT_B)
    write(tmp_path / "x" / "y" / "c.md", REPORT_B)
    code, out, err = run(capsys, "extract", f"{tmp_path}/**/*.txt")
    assert code == 0, err
    docs = json.loads(out)
    assert [Path(x["source"]["name"]).name for x in docs] == ["a.txt", "b.txt"]


def test_pattern_or_folder_with_no_match_is_an_error_for_that_input_only(capsys, tmp_path):
    good = write(tmp_path / "a.txt", REPORT_A)
    (tmp_path / "empty").mkdir()
    code, out, err = run(capsys, "extract", "--format", "jsonl", f"{tmp_path}/*.nothing", tmp_path / "empty", good)
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == f"ganbu: E101 {tmp_path}/*.nothing: no file matches this pattern"
    assert lines[1].startswith(f"ganbu: E102 {tmp_path / 'empty'}: folder has no file matching *.md")
    assert lines[2] == "ganbu: 2 of 3 inputs failed"
    assert len(out.splitlines()) == 1


# --- failures in the middle of a batch ------------------------------------------------------


@pytest.mark.parametrize(
    "make,code_",
    [
        (lambda d: d / "missing.txt", "E101"),
        (lambda d: write(d / "empty.txt", b""), "E103"),
        (lambda d: write(d / "bin.dat", b"\x00\x01\x02PK\x03\x04" * 100), "E104"),
        (lambda d: (d / "emptydir").mkdir() or d / "emptydir", "E102"),
    ],
    ids=["missing", "empty", "binary", "directory"],
)
def test_failing_input_in_the_middle(capsys, tmp_path, make, code_):
    first, last = write(tmp_path / "1.txt", REPORT_A), write(tmp_path / "3.txt", REPORT_B)
    bad = make(tmp_path)
    code, out, err = run(capsys, "extract", first, bad, last)
    assert code == 1
    docs = json.loads(out)
    assert [d["source"]["name"] for d in docs] == [str(first), str(last)]
    lines = err.splitlines()
    assert lines[0].startswith(f"ganbu: {code_} {bad}: ")
    assert lines[-1] == "ganbu: 1 of 3 inputs failed"
    assert "Traceback" not in err


def test_all_failing_gives_an_empty_array(capsys, tmp_path):
    code, out, err = run(capsys, "extract", tmp_path / "no1.txt", tmp_path / "no2.txt")
    assert code == 1
    assert json.loads(out) == []
    assert "2 of 2 inputs failed" in err


def test_a_bug_in_one_document_is_E900_and_the_batch_goes_on(capsys, tmp_path, monkeypatch):
    real = ganbu.pipeline.extract_path
    paths = [write(tmp_path / f"{i}.txt", REPORT_A) for i in range(4)]

    def flaky(path, published=None, **kw):
        if str(path).endswith("1.txt"):
            raise ValueError("boom\nsecond line")
        if str(path).endswith("2.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, published, **kw)

    monkeypatch.setattr("ganbu.pipeline.extract_path", flaky)
    code, out, err = run(capsys, "extract", "--format", "jsonl", *paths)
    assert code == 1
    assert len(out.splitlines()) == 2
    lines = err.splitlines()
    assert lines[0] == f"ganbu: E900 {paths[1]}: internal error: ValueError: boom\\nsecond line"
    assert lines[1] == f"ganbu: E199 {paths[2]}: input too deeply nested to read"
    assert lines[2] == "ganbu: 2 of 4 inputs failed"


# --- streaming ------------------------------------------------------------------------------


class Recorder(io.StringIO):
    """A stdout that remembers what had been flushed when each document was started."""

    encoding = "utf-8"

    def __init__(self):
        super().__init__()
        self.flushed = ""

    def flush(self):
        self.flushed = self.getvalue()


def _record_calls(monkeypatch, out):
    real = ganbu.pipeline.extract_path
    seen = []

    def spy(path, published=None, **kw):
        seen.append(out.flushed)
        return real(path, published, **kw)

    monkeypatch.setattr("ganbu.pipeline.extract_path", spy)
    return seen


def test_jsonl_streams_one_flushed_line_per_document(tmp_path, monkeypatch):
    out = Recorder()
    monkeypatch.setattr(sys, "stdout", out)
    seen = _record_calls(monkeypatch, out)
    paths = [write(tmp_path / f"{i}.txt", REPORT_A) for i in range(3)]
    assert main(["extract", "--format", "jsonl", "-q", *map(str, paths)]) == 0
    assert [s.count("\n") for s in seen] == [0, 1, 2]  # each line was out before the next doc began
    lines = out.getvalue().splitlines()
    assert [json.loads(ln)["source"]["name"] for ln in lines] == [str(p) for p in paths]


def test_json_array_streams(tmp_path, monkeypatch):
    out = Recorder()
    monkeypatch.setattr(sys, "stdout", out)
    seen = _record_calls(monkeypatch, out)
    paths = [write(tmp_path / f"{i}.txt", REPORT_A) for i in range(2)]
    assert main(["extract", "-q", *map(str, paths)]) == 0
    assert seen[0] == "["
    assert json.loads(seen[1] + "]")[0]["source"]["name"] == str(paths[0])
    assert len(json.loads(out.getvalue())) == 2


# --- Ctrl-C and -o --------------------------------------------------------------------------


def _interrupt_on(monkeypatch, suffix):
    real = ganbu.pipeline.extract_path

    def fake(path, published=None, **kw):
        if str(path).endswith(suffix):
            raise KeyboardInterrupt
        return real(path, published, **kw)

    monkeypatch.setattr("ganbu.pipeline.extract_path", fake)


def test_ctrl_c_closes_the_array_and_exits_130(capsys, tmp_path, monkeypatch):
    paths = [write(tmp_path / f"{i}.txt", REPORT_A) for i in range(3)]
    _interrupt_on(monkeypatch, "1.txt")
    code, out, err = run(capsys, "extract", *paths)
    assert code == 130
    assert [d["source"]["name"] for d in json.loads(out)] == [str(paths[0])]
    assert err.strip() == "ganbu: interrupted after 1 of 3 inputs (0 failed)"


def test_output_file_is_written_atomically(capsys, tmp_path, monkeypatch):
    paths = [write(tmp_path / "in" / f"{i}.txt", REPORT_A) for i in range(3)]
    target = tmp_path / "out" / "docs.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    _interrupt_on(monkeypatch, "2.txt")
    code, out, _ = run(capsys, "extract", "-o", target, *paths)
    assert code == 130
    assert out == ""
    assert target.read_text(encoding="utf-8") == "old"  # the old file is untouched
    assert os.listdir(target.parent) == ["docs.json"]  # and no temporary file is left
    monkeypatch.undo()
    code, out, _ = run(capsys, "extract", "-o", target, *paths)
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 3
    assert os.listdir(target.parent) == ["docs.json"]


def test_output_file_is_not_made_for_a_single_failed_document(capsys, tmp_path):
    target = tmp_path / "doc.json"
    code, _, err = run(capsys, "extract", "-o", target, tmp_path / "missing.txt")
    assert code == 1 and "E101" in err
    assert not target.exists() and os.listdir(tmp_path) == []


def test_output_into_a_missing_folder_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["extract", "-o", str(tmp_path / "nope" / "x.json"), str(EXAMPLE)])
    assert e.value.code == 2
    assert "no such folder" in capsys.readouterr().err


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_dash(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT_B.encode("gb18030"))))
    code, out, err = run(capsys, "extract", "-")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["name"] == "<stdin>" and doc["source"]["encoding"] == "gb18030"
    assert "王晓晖" in names(doc)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT_B.encode())))
    code, out, _ = run(capsys, "extract", write(tmp_path / "a.txt", REPORT_A), "-")
    assert code == 0
    assert [d["source"]["name"] for d in json.loads(out)] == [str(tmp_path / "a.txt"), "<stdin>"]


# --- table: bylines apart from officials ----------------------------------------------------


def test_table_lists_byline_authors_apart_from_officials(capsys, tmp_path):
    f = write(tmp_path / "meeting.md", BYLINE_REPORT)
    code, out, err = run(capsys, "extract", "--format", "table", "--published", "2024-05-07", f)
    assert code == 0, err
    lines = out.splitlines()
    assert "  撰文：高语阳" in lines
    officials = lines[lines.index("  -- officials") + 1 : lines.index("  -- other people")]
    assert any(ln.split()[0] == "王浩" and "浙江省省长" in ln for ln in officials)
    assert not any("高语阳" in ln for ln in officials)
    others = lines[lines.index("  -- other people") + 1]
    assert "张明远" in others and "高语阳" not in others
    assert "  资料：浙江日报" in lines
    assert sum("高语阳" in ln for ln in lines) == 1


def test_table_of_several_documents(capsys, tmp_path):
    a, b = write(tmp_path / "a.txt", REPORT_A), write(tmp_path / "b.txt", REPORT_B)
    code, out, _ = run(capsys, "extract", "--format", "table", a, b)
    assert code == 0
    heads = [ln for ln in out.splitlines() if ln.startswith("== ")]
    assert len(heads) == 2 and str(a) in heads[0] and str(b) in heads[1]


# --- progress, help, version ----------------------------------------------------------------


class TTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal_and_never_on_stdout(capsys, tmp_path, monkeypatch):
    paths = [str(write(tmp_path / f"{i}.txt", REPORT_A)) for i in range(2)]
    err = TTY()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["extract", "--format", "jsonl", *paths]) == 0
    out = capsys.readouterr().out
    shown = err.getvalue()
    assert "2/2" in shown and "/s" in shown and "1.txt\x1b[K" in shown
    assert re.search(r"\r\x1b\[Kganbu: 2 inputs read in [0-9.]+ s\n$", shown)  # the progress line is cleared
    assert all(json.loads(ln) for ln in out.splitlines())
    quiet = TTY()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["extract", "-q", "--format", "jsonl", *paths]) == 0
    assert quiet.getvalue() == ""


def test_help_has_examples_and_version_has_pipeline(capsys):
    with pytest.raises(SystemExit) as e:
        main(["extract", "--help"])
    assert e.value.code == 0
    text = capsys.readouterr().out
    assert "--glob" in text and "ganbu extract --format jsonl -o out.jsonl reports/" in text
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "extract" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"ganbu {ganbu.__version__} (pipeline {ganbu.pipeline_version()})"


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["extract", "--format", "xml", str(EXAMPLE)])
    assert e.value.code == 2


# --- the real process -----------------------------------------------------------------------


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def test_module_batch_with_a_failure(tmp_path):
    a = write(tmp_path / "a.txt", REPORT_A)
    proc = subprocess.run([sys.executable, "-m", "ganbu", "extract", str(a), str(tmp_path / "gone.txt"), "-"],
                          input=REPORT_B.encode(), capture_output=True, timeout=60, env=_env())
    assert proc.returncode == 1
    docs = json.loads(proc.stdout)
    assert [d["source"]["name"] for d in docs] == [str(a), "<stdin>"]
    err = proc.stderr.decode()
    assert err.splitlines() == [f"ganbu: E101 {tmp_path / 'gone.txt'}: no such file", "ganbu: 1 of 3 inputs failed"]


def test_closed_stdout_stops_quietly(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "ganbu", "extract", "--format", "jsonl", *[str(EXAMPLE)] * 40],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    assert proc.stdout is not None and proc.stderr is not None
    json.loads(proc.stdout.readline())
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "Exception ignored" not in err


def test_an_output_file_that_cannot_be_made_is_E201(capsys, tmp_path, monkeypatch):
    def refuse(*a, **kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    code, out, err = run(capsys, "extract", "-o", tmp_path / "x.json", EXAMPLE)
    assert code == 2 and out == ""
    assert err == f"ganbu: E201 {tmp_path / 'x.json'}: cannot write: Permission denied\n"


def test_a_bug_outside_one_document_is_one_line_and_leaves_no_file(capsys, tmp_path, monkeypatch):
    def broken(doc):
        raise KeyError("people")

    monkeypatch.setattr("ganbu.cli.output.table", broken)
    target = tmp_path / "t.txt"
    code, out, err = run(capsys, "extract", "--format", "table", "-o", target, EXAMPLE)
    assert code == 1 and out == ""
    assert err == "ganbu: E900 internal error: KeyError: 'people'\n"
    assert os.listdir(tmp_path) == []


def test_the_help_examples_run(capsys, tmp_path, monkeypatch):
    """Every `ganbu extract` example of `ganbu extract --help` runs as described, on files named as there."""
    import shlex

    from ganbu.cli.extract import EXAMPLES

    write(tmp_path / "examples" / "zhejiang_visit.md", EXAMPLE.read_text(encoding="utf-8"))
    write(tmp_path / "report.html", REPORT_C)
    write(tmp_path / "a.md", REPORT_A)
    write(tmp_path / "b.html", REPORT_C)
    write(tmp_path / "reports" / "x.md", REPORT_A)
    write(tmp_path / "reports" / "2024" / "y.md", REPORT_B)
    write(tmp_path / "site" / "p.html", REPORT_C)
    write(tmp_path / "site" / "news" / "q.shtml", REPORT_C)
    monkeypatch.chdir(tmp_path)
    ran = 0
    for line in EXAMPLES.splitlines():
        if not line.startswith("  ganbu extract"):
            continue
        command, _, comment = line.strip().partition("  ")
        code, out, err = run(capsys, *shlex.split(command)[1:])
        assert code == 0, (command, err)
        if "-o out.jsonl" in command:
            assert len(Path("out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
        elif "--format table" in command:
            assert out.startswith("== ")
        elif "one JSON object" in comment:
            assert isinstance(json.loads(out), dict)
        else:
            assert isinstance(json.loads(out), list) and len(json.loads(out)) == 2
        ran += 1
    assert ran == 6


def test_progress_names_are_cut_from_the_left_counting_cjk_as_two_cells():
    from ganbu.cli.output import _fit

    assert _fit("reports/a.md", 20) == "reports/a.md"
    assert _fit("reports/浙江日报.md", 12) == "…浙江日报.md"  # 1 + 8 + 3 cells
    assert _fit("reports/浙江日报.md", 11) == "…江日报.md"
