"""The generated benchmark corpus (benchmarks/generate_corpus.py): deterministic, and its truth is
true to its own text and to the careers it plants."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
START, END = "2023-01-01", "2023-12-31"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod          # dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(mod)
    return mod


gen = _load("generate_corpus")
check = _load("check_generated")


def _run(out: Path, n: int = 600, seed: int = 5, start: str = START, end: str = END) -> Path:
    assert gen.main(["--n", str(n), "--seed", str(seed), "--out", str(out), "--start", start, "--end", end]) == 0
    return out


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    out = _run(tmp_path_factory.mktemp("gen") / "a")
    return {
        "dir": out,
        "reports": _lines(out / "reports.jsonl"),
        "truth": _lines(out / "truth_reports.jsonl"),
        "events": _lines(out / "truth_events.jsonl"),
        "persons": {p["person"]: p for p in _lines(out / "truth_persons.jsonl")},
        "manifest": json.loads((out / "manifest.json").read_text(encoding="utf-8")),
    }


def test_same_seed_same_bytes_other_seed_other_text(tmp_path, corpus):
    again = _run(tmp_path / "b")
    for name in ("reports.jsonl", "truth_reports.jsonl", "truth_events.jsonl", "truth_persons.jsonl", "manifest.json"):
        assert (again / name).read_bytes() == (corpus["dir"] / name).read_bytes(), name
    other = _run(tmp_path / "c", seed=6)
    assert (other / "reports.jsonl").read_bytes() != (corpus["dir"] / "reports.jsonl").read_bytes()


def test_output_does_not_depend_on_the_string_hash_seed(tmp_path):
    outs = []
    for hashseed in ("1", "2"):
        out = tmp_path / hashseed
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        subprocess.run([sys.executable, str(BENCH / "generate_corpus.py"), "--n", "150", "--seed", "3",
                        "--out", str(out)], check=True, env=env, capture_output=True)
        outs.append({f.name: f.read_bytes() for f in sorted(out.iterdir())})
    assert outs[0] == outs[1] and len(outs[0]) == 5


def test_an_unwritable_output_is_a_one_line_error(capsys):
    assert gen.main(["--n", "5", "--out", "/proc/no/such/dir"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("generate_corpus: E107 /proc/no/such/dir:") and "Traceback" not in err[0]


def test_reports_are_in_the_bulk_format_and_counted_in_the_manifest(corpus):
    reports, m = corpus["reports"], corpus["manifest"]
    assert len(reports) == 600 == m["counts"]["reports"] == len(corpus["truth"])
    assert len({r["id"] for r in reports}) == 600
    for r in reports:
        assert set(r) == {"id", "title", "published", "text", "url"}
        assert r["url"].startswith("https://example.invalid/") and r["text"] and r["title"]
    assert m["counts"]["events"] == len(corpus["events"])
    assert m["parameters"] == {"n": 600, "seed": 5, "start": START, "end": END, "namesakes": 0.03}
    assert m["generator"] == gen.GENERATOR_VERSION


def test_mention_offsets_point_at_the_names(corpus):
    n = 0
    for r, t in zip(corpus["reports"], corpus["truth"], strict=True):
        assert r["id"] == t["id"]
        for m in t["mentions"]:
            assert r["text"][m["start"]:m["end"]] == m["name"] == corpus["persons"][m["person"]]["name"]
            n += 1
    assert n > 2000


def test_titles_as_written_stand_by_the_name(corpus):
    titled = 0
    for r, t in zip(corpus["reports"], corpus["truth"], strict=True):
        personnel = {e["event"] for e in t["events"] if e["type"] in ("appointment", "removal")}
        for m in t["mentions"]:
            if m["title"] and m["offices"]:
                if m["event"] in personnel:        # 任命A为X, A同志任X, 免去A的X职务
                    after = r["text"][m["end"]:m["end"] + 6 + len(m["title"])]
                    assert m["title"] in after, (after, m)
                else:                             # a shared title (副省长A、B) stands before the list
                    before = r["text"][:m["start"]]
                    assert before.endswith(m["title"]) or m["title"] in before[-40:], (before[-40:], m)
                titled += 1
    assert titled > 1000


def test_dates_inside_the_range(corpus):
    lo, hi = date.fromisoformat(START), date.fromisoformat(END)
    for r, t in zip(corpus["reports"], corpus["truth"], strict=True):
        assert lo <= date.fromisoformat(r["published"]) <= hi
        for ev in t["events"]:
            assert lo <= date.fromisoformat(ev["date"]) <= date.fromisoformat(r["published"])
    assert all(lo <= date.fromisoformat(e["date"]) <= hi for e in corpus["events"])


def test_every_planted_event_has_a_report_and_the_same_event_is_told_several_times(corpus):
    told: dict[str, int] = {}
    for t in corpus["truth"]:
        for ev in t["events"]:
            told[ev["event"]] = told.get(ev["event"], 0) + 1
    planted = {e["event"] for e in corpus["events"]}
    assert planted == set(told)
    assert sum(1 for k in told.values() if k >= 2) > 50        # paper + site + summary
    kinds = {e["type"] for e in corpus["events"]}
    assert kinds == {"visit", "talks", "meeting", "conference", "signing", "inspection", "appointment", "removal"}


def test_amounts_are_given_where_the_text_has_them(corpus):
    n = 0
    for r, t in zip(corpus["reports"], corpus["truth"], strict=True):
        for ev in t["events"]:
            if "amount" in ev:
                assert ev["type"] == "signing" and ev["amount"]["text"] in r["text"]
                number = re.search(r"([0-9.]+)亿元", ev["amount"]["text"])
                assert number and ev["amount"]["value"] == round(float(number.group(1)) * 1e8)
                n += 1
    assert n > 20


def test_report_participants_are_mentioned_and_planted(corpus):
    events = {e["event"]: e for e in corpus["events"]}
    for t in corpus["truth"]:
        mentioned = {m["person"] for m in t["mentions"]}
        for ev in t["events"]:
            full = {p["person"]: p["role"] for p in events[ev["event"]]["participants"]}
            for p in ev["participants"]:
                assert p["person"] in mentioned and full[p["person"]] == p["role"]
            assert ev["date"] == events[ev["event"]]["date"] and ev["type"] == events[ev["event"]]["type"]


def _held(person: dict, office: str, day: str) -> bool:
    return any(c["office"] == office and (c["start"] is None or c["start"] <= day)
               and (c["end"] is None or day <= c["end"]) for c in person["career"])


def test_offices_in_reports_are_held_at_the_event_date(corpus):
    checked = 0
    for t in corpus["truth"]:
        dates = {ev["event"]: ev["date"] for ev in t["events"]}
        for m in t["mentions"]:
            if m["offices"] and m["event"]:
                person = corpus["persons"][m["person"]]
                for office in m["offices"]:
                    assert _held(person, office, dates[m["event"]]), (m, person["career"])
                    checked += 1
    assert checked > 1500


def test_appointments_and_removals_match_the_careers(corpus):
    seen = 0
    for t in corpus["truth"]:
        dates = {ev["event"]: (ev["date"], ev["type"]) for ev in t["events"]}
        for m in t["mentions"]:
            day, etype = dates[m["event"]] if m["event"] else (None, None)
            if etype in ("appointment", "removal"):
                career = corpus["persons"][m["person"]]["career"]
                key = "start" if etype == "appointment" else "end"
                assert any(c["office"] == m["office"] and c[key] == day for c in career), (m, career)
                seen += 1
    assert seen > 20


def test_careers_move_people_between_posts(corpus):
    officials = [p for p in corpus["persons"].values() if p["kind"] == "official"]
    movers = [p for p in officials if len({c["organization"] for c in p["career"]}) >= 2]
    assert len(movers) > 100
    central_and_local = [p for p in movers if {c["jurisdiction"] is None for c in p["career"]} == {True, False}]
    assert central_and_local, "nobody moved between a province and a central body"
    for p in officials:
        for c in p["career"]:
            assert c["start"] is not None and (c["end"] is None or c["start"] <= c["end"])


def test_namesakes_are_different_people_with_different_careers(corpus):
    persons, pairs = corpus["persons"], corpus["manifest"]["namesake_pairs"]
    assert len(pairs) >= 20
    overlapping = 0
    for a, b in pairs:
        pa, pb = persons[a], persons[b]
        assert pa["name"] == pb["name"] and a != b and b in pa["namesakes"] and a in pb["namesakes"]
        assert {c["office"] for c in pa["career"]} != {c["office"] for c in pb["career"]}
        ends = lambda p: max(c["end"] or "9999" for c in p["career"])  # noqa: E731
        starts = lambda p: min(c["start"] for c in p["career"])        # noqa: E731
        overlapping += starts(pa) <= ends(pb) and starts(pb) <= ends(pa)
    assert overlapping >= 5                     # some namesakes are in office at the same time
    both_told = [1 for a, b in pairs if persons[a]["reports"] and persons[b]["reports"]]
    assert both_told, "no namesake pair is mentioned on both sides"
    names = [p["name"] for p in persons.values()]
    assert len(names) - len(set(names)) == len(pairs)   # no name is shared but by a planted pair


def test_names_are_not_real_top_leaders(corpus):
    leaders = {line.split("\t")[2] for line in (BENCH.parent / "src/ganbu/people/data/leaders.tsv")
               .read_text(encoding="utf-8").splitlines() if line and not line.startswith(("#", "role\t"))}
    assert leaders and not leaders & {p["name"] for p in corpus["persons"].values()}


def test_bad_arguments_are_usage_errors(tmp_path, capsys):
    for argv in (["--n", "0"], ["--n", "5", "--start", "2024-01-02", "--end", "2024-01-01"], ["--n", "x"]):
        with pytest.raises(SystemExit) as exc:
            gen.main([*argv, "--out", str(tmp_path)])
        assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_check_scores_mentions_offices_and_events():
    truth = {"mentions": [
        {"person": "P1", "name": "王健", "office": "辽宁省副省长", "offices": ["辽宁省副省长"],
         "start": 3, "end": 5, "tpl": "X"},
        {"person": "P2", "name": "李明", "office": None, "offices": [], "start": 8, "end": 10, "tpl": "X"}],
        "events": [{"event": "E1", "type": "visit", "date": "2023-03-01", "dated": True, "tpl": "X",
                    "participants": [{"person": "P1", "role": "visitor"}, {"person": "P2", "role": "host"}]}]}
    doc = {"people": [{"name": "王健", "mentions": [[3, 5]], "positions": [{"text": "辽宁省副省长"}]},
                      {"name": "张三", "mentions": [[20, 22]], "positions": []}],
           "events": [{"type": "meeting", "date": {"start": "2023-03-01"}, "participants": [{"name": "王健"}]}]}
    tables = check.Tables()
    t = check.score_mentions(truth, doc, tables, "x" * 30)
    assert (t.mentions, t.found, t.extracted, t.matched_extracted) == (2, 1, 2, 1)
    assert (t.titled, t.office_main, t.office_all) == (1, 1, 1)
    e = check.score_events(truth, doc, tables)
    assert (e.events, e.ev_any, e.ev_all, e.ev_type) == (1, 1, 0, 0)
    doc["events"][0]["date"] = {"start": "2023-03-02"}
    assert check.score_events(truth, doc, tables).ev_any == 0     # a dated event needs the date


def test_resolution_scores_pairs_and_namesakes():
    # two 王健 (P1 ×3, P2 ×1) and one 李明 (P3 ×2); the resolver merges P2 into P1 and splits P3
    mentions = [("P1", "王健", "a"), ("P1", "王健", "a"), ("P1", "王健", "a"), ("P2", "王健", "a"),
                ("P3", "李明", "b"), ("P3", "李明", "c")]
    r = check.score_resolution(mentions)
    assert (r.true_pairs, r.predicted_pairs, r.correct_pairs) == (4, 6, 3)
    assert (r.namesake_pairs, r.namesakes_merged) == (3, 3)
    assert r.precision == 0.5 and r.recall == 0.75


def _write_clusters(path: Path, truth: list[dict], key: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for t in truth:
            for m in t["mentions"]:
                f.write(json.dumps({"id": t["id"], "start": m["start"], "end": m["end"], "cluster": m[key]}) + "\n")


def test_resolution_by_planted_truth_is_perfect(corpus, tmp_path, capsys):
    pred = tmp_path / "clusters.jsonl"
    _write_clusters(pred, corpus["truth"], "person")
    assert check.main([str(corpus["dir"]), "--resolution", str(pred)]) == 0
    out = capsys.readouterr().out
    assert "precision 100.00%  recall 100.00%" in out and "namesake pairs merged 0 of" in out
    _write_clusters(pred, corpus["truth"], "name")          # by name alone, namesakes are merged
    check.main([str(corpus["dir"]), "--resolution", str(pred)])
    out = capsys.readouterr().out
    assert "recall 100.00%" in out and "precision 100.00%" not in out and "merged 0 of" not in out
