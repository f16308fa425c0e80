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
