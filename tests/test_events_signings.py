"""Signings between named bodies, witnessed signings, and the dates of acts written in their own
clause (events/signings.py, extract.py, sentences.py), on sentences written for these tests."""
from importlib import resources

import ganbu


def _events(text, published=None):
    return ganbu.extract(text, published).to_dict()["events"]


def _start(ev):
    return (ev["date"] or {}).get("start")


def test_signing_words_table_states_its_source():
    text = resources.files("ganbu.events").joinpath("data", "signing_words.tsv").read_text(encoding="utf-8")
    assert text.startswith("#") and "hand" in "\n".join(text.splitlines()[:4])


def test_signing_between_countries_with_no_person_dated_in_its_clause():
    text = "约旦议会18日投票批准了约旦与沙特本月6日签署的边界协议。"
    sign = next(e for e in _events(text, "2021-08-19") if e["type"] == "signing")
    assert sorted(o["name"] for o in sign["organizations"]) == ["沙特", "约旦"]
    assert sign["participants"] == []
    assert _start(sign) == "2021-08-06"


def test_signing_party_names_lose_daibiao():
    text = "2月29日，美国政府和阿富汗塔利班武装代表在多哈签署了和平协议。"
    sign = next(e for e in _events(text, "2020-03-01") if e["type"] == "signing")
    assert sorted(o["name"] for o in sign["organizations"]) == ["美国政府", "阿富汗塔利班"]


def test_signing_in_a_background_year_has_no_date():
    text = "1979年，伊朗爆发革命，埃及与以色列签署和平协定。"
    sign = next(e for e in _events(text, "2013-02-06") if e["type"] == "signing")
    assert sign["date"] is None


def test_witnesses_of_a_signing_after_a_meeting():
    # 会见后，…: the meeting times the sentence, the signing is its news; 见证…的签署 opens it
    text = ("国家主席习近平18日在人民大会堂会见越南国家主席陈大光。\n"
            "会见后，习近平和陈大光共同见证了两国合作文件的签署。")
    evs = _events(text, "2017-01-19")
    sign = next(e for e in evs if e["type"] == "signing")
    assert {p["name"] for p in sign["participants"]} == {"习近平", "陈大光"}
    assert _start(sign) == "2017-01-18"
    assert [e["type"] for e in evs].count("meeting") == 1


def test_witnesses_are_not_parties():
    text = "乌克兰总统亚努科维奇21号与反对派签署协议，波兰和德国外长见证了协议的签署。"
    for e in _events(text, "2014-02-22"):
        assert all(o["name"] not in ("波兰", "德国外长") for o in e["organizations"])


def test_today_after_a_dateline_is_the_dateline_day():
    text = "本报2月26日讯（记者林木）今天，吉林省省长景俊海在北京会见国家电网公司董事长舒印彪。"
    ev = _events(text, "2018-02-27")[0]
    assert _start(ev) == "2018-02-26"


def test_an_earlier_date_qualifying_a_noun_does_not_move_the_story_back():
    text = ("埃及总统穆尔西12号宣布人事调整。\n"
            "穆尔西同时下令取消今年6月17号军方所颁布的宪法补充声明。\n"
            "穆尔西当天发表讲话说，这些决定是为了国家的利益。")
    speech = next(e for e in _events(text, "2012-08-13") if e["type"] == "speech")
    assert _start(speech) == "2012-08-12"


def test_a_new_story_of_a_roundup_does_not_carry_the_last_ones_day():
    text = ("央视网消息（新闻联播）：\n奥地利决定申请加入亚投行\n"
            "奥地利外交部24号证实，奥地利政府当天在会议上作出这一决定，外交部长库尔茨出席会议。\n"
            "美国总统会见阿富汗总统\n"
            "美国总统奥巴马当天在白宫会见到访的阿富汗总统加尼。")
    meeting = next(e for e in _events(text, "2015-03-25") if e["type"] == "meeting" and len(e["participants"]) == 2)
    assert meeting["place"] == "华盛顿"
    assert meeting["date"]["start"] == "2015-03-25"  # 当天 with no day of its own story: the broadcast's


def test_short_lines_of_a_notice_are_no_headings():
    text = ("国务院3月27日任免国家工作人员。\n决定任命梁慧为住房和城乡建设部副部长\n"
            "免去肖松卫的住房和城乡建设部副部长职务。")
    evs = [e for e in _events(text, "2022-03-28") if e["type"] in ("appointment", "removal")]
    assert sorted(_start(e) for e in evs) == ["2022-03-27", "2022-03-27"]


def test_a_day_of_history_is_not_carried_to_the_next_sentence():
    text = ("7月7日上午，纪念全民族抗战爆发77周年仪式在北京举行，国家主席习近平出席并讲话。\n"
            "1937年7月7日，日本侵略者制造了卢沟桥事变。\n"
            "仪式结束后，国家主席习近平会见了抗战老战士代表。")
    evs = _events(text, "2014-07-07")
    assert all(_start(e) != "1937-07-07" for e in evs)


def test_the_story_goes_on_on_its_own_day_after_a_day_of_history():
    # a bare day after a date of history counts from the story's day (2011年4月11日…。11日… was read as
    # 2011: 38 events of the bulk stories change, mostly their day, 2011-04-11 → 2022-04-11)
    text = ("十四届全国人大常委会第十八次会议24日在京举行全体会议。\n"
            "1945年10月25日，台湾重归中国主权管辖。受委员长会议委托，法工委主任沈春耀作了说明。\n"
            "24日下午，赵乐际委员长主持召开第52次委员长会议。")
    evs = _events(text, "2025-10-24")
    assert evs and all(_start(e) == "2025-10-24" for e in evs)
    assert any("沈春耀" in {p["name"] for p in e["participants"]} for e in evs)


def test_both_sides_witness_the_signing_of_the_talks_just_told():
    # 会谈后，两国总理共同见证了…的签署 (两国元首/总理/领导人, 双方 … 见证/出席/签署: about 230 in
    # bulk): the people, day and place of the talks the time clause names
    text = ("国务院总理李强11日在北京同来访的新西兰总理希普金斯举行会谈。\n"
            "会谈后，两国总理共同见证了经贸、农业等领域多项双边合作文件的签署。")
    evs = _events(text, "2023-06-28")
    sign = next(e for e in evs if e["type"] == "signing")
    assert {p["name"] for p in sign["participants"]} == {"李强", "希普金斯"}
    assert {p["role"] for p in sign["participants"]} == {"attendee"}
    assert _start(sign) == "2023-06-11" and sign["place"] == "北京"


def test_both_sides_signing_themselves_are_signatories_even_after_what_was_said():
    text = ("国家主席习近平20日在人民大会堂同塞尔维亚总统武契奇举行会谈。\n"
            "习近平指出，双方要深化合作。双方还共同签署了联合声明。")
    sign = next(e for e in _events(text, "2024-05-09") if e["type"] == "signing")
    assert {p["name"] for p in sign["participants"]} == {"习近平", "武契奇"}
    assert {p["role"] for p in sign["participants"]} == {"signatory"}


def test_a_signing_ceremony_attended_is_a_signing():
    # 出席了…的签字仪式 (26 in bulk; 签字仪式 66, 签署仪式 11, 签约仪式 6)
    text = "会见后，吴邦国委员长与吴登盛总统共同出席了两国政府间经贸合作文件的签字仪式。"
    sign = next(e for e in _events(text, "2012-09-15") if e["type"] == "signing")
    assert {p["name"] for p in sign["participants"]} == {"吴邦国", "吴登盛"}


def test_what_both_sides_signed_earlier_or_inside_a_quotation_opens_nothing():
    text = ("国家主席习近平8日在人民大会堂同德国总理默克尔举行会谈。\n"
            "习近平表示，你这次访华，双方签署了一系列合作协议。双方签署的文件非常重要。")
    assert [e["type"] for e in _events(text, "2014-07-08")] == ["talks"]


def test_both_sides_sign_on_the_day_of_the_meeting_even_after_a_today_inside_a_quotation():
    text = ("国家主席习近平9日在钓鱼台国宾馆会见俄罗斯总统普京。\n"
            "普京表示，相信我们今天的会晤将为俄中关系发展注入新动力。\n"
            "两国元首共同见证了一系列双边合作协议的签署。\n"
            "王沪宁、栗战书、杨洁篪等参加上述活动。")
    sign = next(e for e in _events(text, "2014-11-10") if e["type"] == "signing")
    assert _start(sign) == "2014-11-09"
    assert {p["name"] for p in sign["participants"]} == {"习近平", "普京", "王沪宁", "栗战书", "杨洁篪"}


def test_a_short_line_ending_in_a_colon_is_no_heading():
    # 李克强就促进亚欧合作提出三点建议：\n一是…: it opens what follows (110 short lines so in 87 bulk stories, such as
    # 发来贺电或贺函的还有：), it is not a new story's heading; 同日 after it is still the story's day, not the broadcast's
    text = ("国务院总理李克强当地时间16日下午在米兰出席第十届亚欧首脑会议全会并作引导性发言。\n"
            "李克强就促进亚欧合作提出三点建议：\n"
            "一是共同维护亚欧和平安全与稳定发展。\n"
            "同日，李克强出席了第十届亚欧首脑会议开幕式。")
    assert {_start(e) for e in _events(text, "2014-10-17")} == {"2014-10-16"}
