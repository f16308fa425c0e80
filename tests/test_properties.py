"""Property tests: any Unicode input never crashes, and every span points at its mention."""
from hypothesis import given, settings, strategies as st

import ganbu
from ganbu.lang.normalize import normalize

# text drawn from the characters the grammar cares about, plus anything at all
GENRE = "省市委书记长副常务主任部党组国资委、，。：；（）()·王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤暨和与及等出席表示会见任命为免去的职务总书记浙江青海四川辽宁北京天津1234567890年月日\n "
genre_text = st.text(alphabet=GENRE, max_size=300)
any_text = st.text(max_size=300)


LOCAL_KINDS = {"party_committee", "government", "congress", "cppcc", "discipline", "supervision", "court", "procuratorate"}


def _check(text: str) -> None:
    doc = ganbu.extract(text)
    d = doc.to_dict()
    for p in doc.people:
        assert p.name
        for a, b in p.mentions:
            assert 0 <= a < b <= len(text)
            assert normalize(text[a:b]) == p.name
        for pos in p.positions:
            a, b = pos.span
            assert 0 <= a < b <= len(text)
            assert normalize(text[a:b]).endswith(pos.role)
    from ganbu.people.orgs import alias_index

    index = alias_index(None)
    for o in doc.organizations:
        for a, b in o.mentions:
            surface = normalize(text[a:b])
            if o.kind in LOCAL_KINDS:  # recognised by suffix, not from the lexicon
                assert surface and surface[-1] in "委府会协院"
            else:
                assert index[surface].canonical == o.canonical
    for ev in d["events"]:
        a, b = ev["trigger"]["span"]
        assert normalize(text[a:b]) == ev["trigger"]["text"]
        assert 0 <= ev["span"][0] <= a and b <= ev["span"][1] <= len(text)
        assert {p["person"] for p in ev["participants"]} <= {p.id for p in doc.people}
    for q in d["quantities"]:
        a, b = q["span"]
        assert normalize(text[a:b]) == q["text"]
    for st in d["statements"]:
        a, b = st["span"]
        assert normalize(text[a:b]) == st["text"]
    assert d["schema"] == "ganbu.document/1"


@settings(max_examples=300, deadline=None)
@given(genre_text)
def test_genre_like_text_spans(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_arbitrary_unicode_never_crashes(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_normalise_keeps_length_and_is_idempotent(text):
    n = normalize(text)
    assert len(n) == len(text)
    assert normalize(n) == n
