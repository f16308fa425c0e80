"""Who joins an event from the later sentences of its passage (events/participants.py Ties), on
reports written for these tests: people taking part join, people only mentioned do not."""
import ganbu


def _events(text, published=None):
    return ganbu.extract(text, published).to_dict()["events"]


def _names(ev):
    return {p["name"] for p in ev["participants"]}


def test_people_only_mentioned_later_do_not_join_a_signing():
    text = ("乌克兰总统亚努科维奇与反对派领导人21号签署了解决危机的协议。\n"
            "议会还通过法律，免去内务部长扎哈尔琴科的职务。\n"
            "俄罗斯财政部长西卢安诺夫当天宣布，推迟向乌克兰提供贷款。")
    sign = next(e for e in _events(text, "2014-02-22") if e["type"] == "signing")
    assert _names(sign) == {"亚努科维奇"}


def test_a_comma_list_of_titled_names_joins():
    text = ("3月1日，浙江省委书记易炼红、省长王浩在北京走访商务部。\n"
            "浙江方面，省委常委、秘书长陈奕君，副省长卢山一同参加活动。")
    visit = next(e for e in _events(text, "2023-03-03") if e["type"] == "visit")
    assert {"易炼红", "王浩", "陈奕君", "卢山"} <= _names(visit)


def test_names_after_peitong_de_join():
    text = ("12月9日，中共中央总书记习近平在广州主持召开经济工作座谈会。\n"
            "陪同考察的中共中央政治局委员王沪宁、国务委员杨洁篪参加座谈会。")
    ev = _events(text, "2012-12-10")[0]
    assert {"习近平", "王沪宁", "杨洁篪"} <= _names(ev)


def test_a_list_going_on_with_bodies_up_to_deng_joins():
    text = ("刚果总统萨苏12日在布拉柴维尔会见到访的中国国务委员王毅。\n"
            "刚果参议院议长伊图、全体政府部长、军方高级将领等出席。\n"
            "萨苏表示，刚方感谢中国总理李强的问候。")
    ev = _events(text, "2024-06-13")[0]
    assert "伊图" in _names(ev)
    assert "李强" not in _names(ev)  # named inside what is said
