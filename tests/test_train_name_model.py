"""The training script of the name model (scripts/train_name_model.py): its silver labels hold
the grammar's names only, never the shipped model's own proposals, and its diagnosis sorts a
missed name by the right cause.

Every sentence here was written for this test."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import ganbu
from ganbu.lang.normalize import normalize
from ganbu.people import stage
from ganbu.people.namemodel import load_model

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_name_model.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("train_name_model", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_name_model"] = mod
    spec.loader.exec_module(mod)
    return mod


UNTITLED = "刘晓燕和丈夫一起在城里开了一家早餐店。"
TITLED = "浙江省委书记易炼红出席会议。刘晓燕和丈夫一起在城里开了一家早餐店。"


def test_silver_grammar_names_leave_out_the_models_proposals(script):
    untitled = stage.untitled_names
    # the pipeline finds the untitled name through the model; the silver's grammar labels must not
    assert (0, 3) in {m for p in ganbu.extract(UNTITLED, events=False).people for m in p.mentions}
    assert script.grammar_names(UNTITLED) == []
    spans = script.grammar_names(TITLED)
    assert [TITLED[a:b] for a, b in spans] == ["易炼红"]
    # the switch is for the call only
    assert stage.untitled_names is untitled
    assert (14, 17) in {m for p in ganbu.extract(TITLED, events=False).people for m in p.mentions}


def test_miss_kind_sorts_each_cause(script):
    model = load_model()
    s = normalize(UNTITLED)
    free = bytearray(len(s))
    proposed = {(a, b): p for a, b, p in model.propose(s)}
    assert script.miss_kind(model, s, 0, 3, {(0, 3)}, free, proposed) == "found"
    assert script.miss_kind(model, s, 0, 3, {(0, 2)}, free, proposed).startswith("overlaps")
    blocked = bytearray(len(s))
    blocked[1] = 1
    assert script.miss_kind(model, s, 0, 3, set(), blocked, proposed).startswith("blocked")
    assert script.miss_kind(model, s, 3, 5, set(), free, proposed).startswith("no candidate")  # 和丈
    assert model.score(s, 0, 3) >= model.threshold
    assert script.miss_kind(model, s, 0, 3, set(), free, proposed).startswith("proposed, then filtered")
    assert script.miss_kind(model, s, 0, 3, set(), free, {}).startswith("lost to an overlapping")
    low = [(a, b) for a, b, _ in model.spans(s) if 0 < model.score(s, a, b) < model.threshold]
    assert low, "a candidate under the threshold in the sentence"
    assert script.miss_kind(model, s, *low[0], set(), free, proposed) == "scored under the threshold"


# two sentences in the character-per-line BIO form of the People's Daily NER splits, written here
_BIO = "".join(f"{c} {t}\n" for c, t in [
    ("王", "B-PER"), ("小", "I-PER"), ("明", "I-PER"), ("说", "O"), ("。", "O")]) + "\n" + "".join(
    f"{c} {t}\n" for c, t in [("记", "O"), ("者", "O"), ("李", "B-PER"), ("华", "I-PER"), ("报", "O"), ("道", "O")])


def test_pd_dev_conversion_gives_text_and_person_spans(script, tmp_path):
    import argparse
    import json

    bio = tmp_path / "example.dev"
    bio.write_text(_BIO, encoding="utf-8")
    out = tmp_path / "pd_dev.jsonl"
    assert script.cmd_pd_dev(argparse.Namespace(bio=str(bio), out=str(out))) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"text": "王小明说。", "persons": [[0, 3, "王小明"]]},
                    {"text": "记者李华报道", "persons": [[2, 4, "李华"]]}]


def test_gold_examples_label_exactly_the_annotated_spans(script, tmp_path):
    import json

    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "记者李华报道", "persons": [[2, 4, "李华"]]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    model = load_model()
    xs, ys = script.gold_examples(model, path, weight=2)
    cands = list(model.spans(normalize("记者李华报道")))
    assert len(xs) == len(ys) == 2 * len(cands)
    positive = {(a, b) for (a, b, _), y in zip(cands, ys[::2], strict=True) if y}
    assert positive == {(2, 4)}


def test_msra_conversion_reads_person_words_and_leaves_out_the_measured_sentences(script, tmp_path):
    import argparse
    import json

    msra = tmp_path / "train.txt"
    msra.write_text("王小明/nr 今天/o 去/o 北京/ns 看望/o 李红/nr 。/o\n"
                    "这/o 是/o 一句/o 和/o 测试集/o 相同/o 的/o 句子/o ，/o 不能/o 用来/o 训练/o 。/o\n", encoding="utf-8")
    leave = tmp_path / "test.jsonl"
    leave.write_text('{"text": "前面几个字，这是一句和测试集相同的句子，不能用来训练。", "persons": []}\n', encoding="utf-8")
    out = tmp_path / "msra.jsonl"
    assert script.cmd_msra(argparse.Namespace(msra=str(msra), leave_out=[str(leave)], out=str(out))) == 0
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"text": "王小明今天去北京看望李红。", "persons": [[0, 3, "王小明"], [10, 12, "李红"]]}]
