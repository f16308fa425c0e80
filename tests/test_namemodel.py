"""The shipped person-name model (ganbu.people.namemodel): untitled names in the genre are
proposed, common words are not, results are deterministic, and the model file stays small.

Every sentence here was written for this test."""
from __future__ import annotations

from importlib import resources

import pytest

from ganbu.lang.normalize import normalize
from ganbu.people.namemodel import MODEL_FILE, load_model


@pytest.fixture(scope="module")
def model():
    return load_model()


def names(model, text: str, threshold: float | None = None) -> list[str]:
    s = normalize(text)
    t = model.threshold if threshold is None else threshold
    return [s[a:b] for a, b, p in model.propose(s) if p >= t]


def test_model_file_is_small_and_loaded_once():
    path = resources.files("ganbu.people").joinpath("data", MODEL_FILE)
    assert path.is_file()
    size = len(path.read_bytes())
    assert 100_000 < size <= 30 * 1024 * 1024
    assert load_model() is load_model()


@pytest.mark.parametrize(("text", "name"), [
    ("王小明说，今年村里的粮食产量比去年高了不少。", "王小明"),
    ("据李华介绍，这个项目总投资三亿元，明年六月建成。", "李华"),
    ("记者采访时，张建国一边擦汗一边说起了合作社的变化。", "张建国"),
    ("刘晓燕和丈夫一起在城里开了一家早餐店。", "刘晓燕"),
    ("欧阳明辉告诉记者，新的校舍已经投入使用。", "欧阳明辉"),
])
def test_untitled_chinese_names_are_proposed(model, text, name):
    assert name in names(model, text)


@pytest.mark.parametrize(("text", "name"), [
    ("特朗普在社交媒体上发文，再次批评了这项协议。", "特朗普"),
    ("马克龙同朔尔茨通了电话，双方谈到了能源问题。", "马克龙"),
    ("古特雷斯呼吁各方保持克制。", "古特雷斯"),
])
def test_transliterated_names_are_proposed(model, text, name):
    assert name in names(model, text)


@pytest.mark.parametrize("text", [
    "他回答了记者提出的问题。",
    "大家纷纷向他表示祝贺他当选。",
    "美联储宣布将基准利率上调。",
    "王某在接受调查时交代了全部经过。",
    "高度重视安全生产工作。",
    "国家发展和改革委员会发布了通知。",
])
def test_common_words_are_not_names(model, text):
    s = normalize(text)
    bad = {"回答", "祝贺", "美联储", "联储", "王某", "高度", "国家", "发展", "和改"}
    assert not [s[a:b] for a, b, p in model.propose(s) if p >= model.threshold and s[a:b] in bad]


def test_score_agrees_with_propose(model):
    s = normalize("据李华介绍，这个项目明年建成。")
    (a, b, p), = [x for x in model.propose(s) if s[x[0]:x[1]] == "李华"]
    assert model.score(s, a, b) == pytest.approx(p)
    assert model.score(s, 0, 2) < 0.1          # 据李: no surname at the start
    assert model.score(s, 6, 8) < model.threshold   # 项目


def test_blocked_characters_are_never_proposed(model):
    s = normalize("王小明说，今年的收成不错。")
    blocked = bytearray(len(s))
    blocked[0:3] = b"\x01\x01\x01"
    assert all(b <= 0 or a >= 3 for a, b, _ in model.propose(s, blocked))
    assert not any(a < 3 for a, b, _ in model.propose(s, blocked))


def test_deterministic_and_sorted(model):
    s = normalize("王小明说，李华和张建国也来了。特朗普没有回应。") * 3
    first = model.propose(s)
    assert first == model.propose(s)
    starts = [a for a, _, _ in first]
    assert starts == sorted(starts)
    ends = [b for _, b, _ in first]
    assert all(ends[i] <= starts[i + 1] for i in range(len(first) - 1))  # no overlap
    assert all(0.0 <= p <= 1.0 for _, _, p in first)


def test_empty_and_odd_inputs(model):
    assert model.propose("") == []
    assert model.propose("abc 123 ，。") == []
    assert model.score("王", 0, 1) == 0.0
    assert model.score("王小明", 2, 9) == 0.0


def test_features_of_a_candidate_are_what_the_weights_sum(model):
    import math

    s = normalize("据李华介绍，这个项目明年建成。")
    for a, b, sl in model.spans(s):
        z = model.bias + sum(model.weights.get(f, 0.0) for f in model.features(s, a, b, sl))
        assert model.score(s, a, b) >= 1.0 / (1.0 + math.exp(-z)) - 1e-12


def test_a_malformed_model_file_is_a_data_error(monkeypatch):
    from ganbu.errors import DataError
    from ganbu.people import namemodel

    monkeypatch.setattr(namemodel, "data_text", lambda package, name: '{"surnames": []}')
    namemodel.load_model.cache_clear()
    try:
        with pytest.raises(DataError) as err:
            namemodel.load_model()
        assert err.value.code == "E301"
    finally:
        monkeypatch.undo()
        namemodel.load_model.cache_clear()
    assert namemodel.load_model().weights


def test_a_mask_of_the_wrong_length_is_refused(model):
    with pytest.raises(ValueError):
        model.propose("王小明说。", bytearray(3))


def test_fast_scoring_equals_the_feature_list():
    # _chinese_prob sums the weights without building feature strings; it must give the number
    # the feature list (what training used) gives
    from ganbu.lang.normalize import normalize
    from ganbu.people.namemodel import chinese_features, load_model

    m = load_model()
    s = normalize("据李华介绍，王小明说，张建国在会上讲话。陈冯富珍、欧阳明高和王毅出席。")
    n = 0
    for a, b, sl in m.spans(s):
        if sl:
            assert abs(m._chinese_prob(s, a, b, sl) - m._prob(chinese_features(m, s, a, b, sl))) < 1e-9
            n += 1
    assert n > 10
