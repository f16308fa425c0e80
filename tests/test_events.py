"""Events, dates, places, quantities, statements and warnings on articles written for these tests."""
import ganbu

TRIP = """# 两省负责同志在京走访中央单位

**浙江省：走访三家中央单位**

3月1日至2日上午，浙江省委书记易炼红、省长王浩带队在北京走访商务部、海关总署、国铁集团，双方围绕深化部省合作开展座谈。

浙江方面，省委常委、秘书长陈奕君，副省长卢山一同参加活动。

商务部党组书记、部长王文涛，海关总署党委书记、署长俞建华，国铁集团党组书记、董事长刘振芳分别参加座谈。

**青海省：拜会两部门**

3月1日、2日，青海省委书记陈刚、省长吴晓军带队先后拜会财政部、国务院国资委。财政部党组书记、部长刘昆，国务院国资委党委书记、主任张玉卓参加会谈。

陈刚、吴晓军表示，希望继续给予青海更大支持。
"""


def _events(text, published=None):
    return ganbu.extract(text, published).to_dict()["events"]


def _names(ev):
    return {p["name"] for p in ev["participants"]}


def test_a_visit_to_three_bodies_told_one_by_one_is_three_visits():
    evs = [e for e in _events(TRIP, "2023-03-03") if e["type"] == "visit"]
    zj = [e for e in evs if "易炼红" in _names(e)]
    assert len(zj) == 3
    hosts = {frozenset(p["name"] for p in e["participants"] if p["role"] == "host") for e in zj}
    assert hosts == {frozenset({"王文涛"}), frozenset({"俞建华"}), frozenset({"刘振芳"})}
    for e in zj:
        assert {"易炼红", "王浩", "陈奕君", "卢山"} <= _names(e)  # the delegation, named once
        assert e["date"]["start"] == "2023-03-01" and e["date"]["end"] == "2023-03-02"
        assert e["place"] == "北京"


def test_xianhou_splits_and_counterparts_follow_their_body():
    evs = [e for e in _events(TRIP, "2023-03-03") if "陈刚" in _names(e)]
    assert len(evs) == 2
    by_org = {e["organizations"][0]["name"] if e["organizations"] else "": _names(e) for e in evs}
    mof = next(e for e in evs if any(o["name"] == "财政部" for o in e["organizations"]))
    assert "刘昆" in _names(mof) and "张玉卓" not in _names(mof)
    assert by_org
    assert mof["date"]["start"] == "2023-03-01" and mof["date"]["end"] == "2023-03-02"


def test_one_sentence_visit_to_several_bodies_is_one_event():
    text = "4月13日，辽宁省省长李乐成在北京拜会科技部、国铁集团、中国工商银行。"
    evs = _events(text, "2023-04-14")
    assert len(evs) == 1
    assert evs[0]["type"] == "visit" and evs[0]["date"]["start"] == "2023-04-13"
    assert len(evs[0]["organizations"]) == 3


def test_talks_meeting_signing():
    text = ("本报2月26日讯（记者林木）今天，省政府在北京分别与国家海洋局和国家电网公司举行工作会谈。"
            "省委副书记、省长景俊海出席会谈。国家海洋局局长王宏，国家电网公司董事长舒印彪出席会谈。\n"
            "副省长金育辉、国家海洋局副局长孙书贤代表双方签署战略合作框架协议。")
    evs = _events(text, "2018-02-27")
    talks = [e for e in evs if e["type"] == "talks"]
    assert len(talks) == 2
    assert {frozenset(_names(e)) for e in talks} == {frozenset({"景俊海", "王宏"}), frozenset({"景俊海", "舒印彪"})}
    assert all(e["date"]["start"] == "2018-02-26" for e in evs)
    sign = next(e for e in evs if e["type"] == "signing")
    assert _names(sign) == {"金育辉", "孙书贤"}
    assert {p["role"] for p in sign["participants"]} == {"signatory"}


def test_meeting_and_place_from_lai_jin():
    text = ("9月26日下午，市委副书记、市长张工会见中国建筑集团董事长郑学选一行。\n"
            "张工对客人来津表示欢迎。\n副市长谢元和市政府秘书长胡学明参加。")
    evs = _events(text, "2025-09-28")
    assert len(evs) == 1
    assert evs[0]["type"] == "meeting"
    assert _names(evs[0]) == {"张工", "郑学选", "谢元", "胡学明"}
    assert evs[0]["place"] == "天津"


def test_conference_with_many_attendees_and_a_signing():
    text = ("3月1日，辽宁省与央企深化合作座谈会在北京举行，70余家中央企业负责同志出席座谈会。\n"
            "辽宁省委书记郝鹏，国务院国资委党委书记、主任张玉卓出席会议并讲话。\n"
            "会上，辽宁省长李乐成作有关情况介绍。\n"
            "座谈会现场，辽宁省政府与航天科工、中国航发、中粮集团签署了战略合作协议。\n"
            "项目计划投资总额3732亿元，其中，央企计划投资总额超过2900亿元。")
    d = ganbu.extract(text, "2023-03-02").to_dict()
    conf = [e for e in d["events"] if e["type"] == "conference"]
    assert len(conf) == 1
    assert {"郝鹏", "张玉卓", "李乐成"} <= _names(conf[0])
    sign = next(e for e in d["events"] if e["type"] == "signing")
    assert {"航天科工", "中国航发", "中粮集团"} <= {o["name"] for o in sign["organizations"]}
    q = {x["text"]: x for x in d["quantities"]}
    assert q["3732亿元"]["value"] == 373200000000 and q["3732亿元"]["unit"] == "CNY"
    assert q["超过2900亿元"]["qualifier"] == "at_least"
    assert q["70余家"]["qualifier"] == "approximate"
    assert q["70余家"]["event"] == conf[0]["id"]


def test_inspection_place_from_the_officials_office():
    text = "湖南日报5月16日讯（记者张三）今天，省委常委、长沙市委书记易炼红进工地、访车间，调研重大项目建设情况。"
    evs = _events(text, "2016-05-17")
    assert [e["type"] for e in evs] == ["inspection"]
    assert evs[0]["date"]["start"] == "2016-05-16"
    assert evs[0]["place"] == "长沙"


def test_appointment_and_removal_events():
    text = "会议决定免去张明的河南省财政厅厅长职务，任命李华为河南省财政厅厅长。"
    evs = _events(text, "2017-03-31")
    assert sorted((e["type"], tuple(_names(e))) for e in evs) == [("appointment", ("李华",)), ("removal", ("张明",))]
    assert all(e["participants"][0]["role"] == "subject" for e in evs)


def test_year_from_the_text_and_relative_days():
    text = ("3月4日全国政协十四届一次会议开幕。\n"
            "3月2日，四川省委书记王晓晖、省长黄强与国铁集团董事长刘振芳在北京举行工作会谈。\n"
            "前一天，黄强还在北京参加了第31届世界大学生夏季运动会组委会2023年第一次全体会议。\n"
            "教育部部长、组委会主席怀进鹏主持会议。")
    evs = _events(text)  # no publication date: the year comes from 十四届一次会议
    talks = next(e for e in evs if e["type"] == "talks")
    assert talks["date"]["start"] == "2023-03-02"
    meeting = next(e for e in evs if e["type"] == "meeting")
    assert meeting["date"]["start"] == "2023-03-01"  # 前一天: the day before the story's date
    roles = {p["name"]: p["role"] for p in meeting["participants"]}
    assert roles["怀进鹏"] == "chair"
    assert "夏季" not in (meeting["date"]["text"] or "")


def test_topics():
    text = "4月13日，贵州省委书记徐麟与国铁集团董事长刘振芳在北京举行工作会谈，就推进重大铁路项目建设、增强运营保障能力等进行了交流。"
    ev = _events(text, "2023-04-14")[0]
    assert ev["topics"][:2] == ["重大铁路项目建设", "增强运营保障能力"]


def test_statements_with_several_speakers():
    d = ganbu.extract(TRIP, "2023-03-03").to_dict()
    st = next(x for x in d["statements"] if "陈刚" in x["names"])
    assert st["names"] == ["陈刚", "吴晓军"] and st["verb"] == "表示"
    a, b = st["span"]
    assert TRIP[a:b].startswith("希望继续给予青海更大支持")


def test_count_mismatch_warning():
    text = ("**辽宁省：省政府与9家央企签订协议**\n\n"
            "3月1日，辽宁省长李乐成出席座谈会。辽宁省政府与航天科工、中国航发等8家央企签署了战略合作协议。")
    w = ganbu.extract(text, "2023-03-02").to_dict()["warnings"]
    assert w and w[0]["code"] == "count-mismatch"
    a, b = w[0]["span"]
    assert text[a:b] == "9家央企"


def test_event_spans_point_into_the_text():
    d = ganbu.extract(TRIP, "2023-03-03").to_dict()
    for e in d["events"]:
        a, b = e["trigger"]["span"]
        assert TRIP[a:b] == e["trigger"]["text"]
        assert e["span"][0] <= a < e["span"][1]


def test_speech_and_approximate_recent_date():
    text = "近日，中央宣讲团成员、商务部部长王文涛在江苏作宣讲报告并讲话。"
    evs = _events(text, "2023-11-20")
    assert [e["type"] for e in evs] == ["speech"]
    d = evs[0]["date"]
    assert d["precision"] == "approximate" and d["end"] == "2023-11-20" and d["start"] < "2023-11-20"
    assert evs[0]["participants"][0]["role"] == "speaker"


def test_venues_become_the_city():
    for text, city in [("4月12日，天津市长张工赴京拜会科技部部长王志刚。", "北京"),
                       ("4月12日，上海市市长龚正抵京，拜会国家发展改革委主任郑栅洁。", "北京"),
                       ("9月26日，市委副书记、市长张工在津会见中国建筑集团董事长郑学选。", "天津")]:
        evs = _events(text, "2023-09-28")
        assert evs and evs[0]["place"] == city, (text, evs)


def test_yitong_zoufang_joins_the_visit():
    text = ("3月1日，河南省委副书记、代省长王凯在北京走访中国电科。"
            "省委常委、常务副省长孙守刚，副省长武国定一同走访。")
    evs = _events(text, "2023-03-02")
    assert len(evs) == 1
    roles = {p["name"]: p["role"] for p in evs[0]["participants"]}
    assert roles == {"王凯": "visitor", "孙守刚": "visitor", "武国定": "visitor"}


def test_meeting_several_people_separately_and_a_foreign_venue():
    text = ("当地时间27号下午，国务院总理李克强在布加勒斯特分别会见罗马尼亚参议长安东内斯库和众议长兹格内亚。\n"
            "在会见安东内斯库时，李克强说，两国议会交流密切。")
    evs = _events(text, "2013-11-29")
    assert [e["type"] for e in evs] == ["meeting", "meeting"]
    assert [_names(e) for e in evs] == [{"李克强", "安东内斯库"}, {"李克强", "兹格内亚"}]
    assert all(e["date"]["start"] == "2013-11-27" and e["place"] == "布加勒斯特" for e in evs)


def test_chair_after_a_title_written_after_the_name():
    text = "6月27日，十二届全国人大常委会第二十八次会议在北京人民大会堂闭幕。张德江委员长主持会议。"
    evs = _events(text, "2017-06-27")
    assert evs and {p["name"]: p["role"] for p in evs[0]["participants"]}.get("张德江") == "chair"


def test_people_named_in_what_is_said_are_not_at_the_event():
    text = ("全国政协主席俞正声29日在北京会见欧盟经济社会委员会主席达西斯一行。\n"
            "俞正声说，当前中欧关系保持良好发展势头。习近平主席2014年访问欧盟总部时同欧方领导人达成共识。\n"
            "全国政协副主席杜青林参加会见。")
    evs = _events(text, "2017-06-30")
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1
    assert _names(meetings[0]) == {"俞正声", "达西斯", "杜青林"}
    # the visit told in passing is 习近平's own, undated (the blind samples annotate such background visits)
    assert [(_names(e), e["date"]) for e in evs if e["type"] != "meeting"] == [({"习近平"}, None)]


def test_a_noun_is_no_trigger():
    text = "中共中央、国务院、中央军委致电，向参加任务的全体同志致以热烈的祝贺和亲切的慰问。"
    assert _events(text, "2016-11-04") == []


def test_pronoun_speaker_is_the_person_named_before():
    text = "座谈会11日在京召开。全国政协主席汪洋出席会议并讲话。他强调，统一战线是广泛政治联盟。"
    st = ganbu.extract(text, "2019-09-12").to_dict()["statements"]
    assert st[0]["names"] == ["汪洋"] and st[0]["verb"] == "强调"
    a, b = st[0]["span"]
    assert text[a:b] == "统一战线是广泛政治联盟"


def test_condemning_and_saying_on_the_same_day_are_speeches():
    # 发言人扎哈罗娃今天谴责… (谴责 with its object, no comma: 27 after a title in bulk) and 佩斯科夫同一天表示，…
    # (同一天/同日 before the verb: 42 in 38 bulk stories) were no events
    doc = ganbu.extract("莫斯科遭到无人机袭击。俄罗斯外交部发言人扎哈罗娃今天谴责乌方袭击俄民用设施。"
                        "俄罗斯总统新闻秘书佩斯科夫同一天表示，协议继续延长的希望“不是很大”。", published="2023-07-04")
    got = sorted((e.type, e.date.start if e.date else None, tuple(p.name for p in e.participants)) for e in doc.events)
    assert got == [("speech", "2023-07-04", ("佩斯科夫",)), ("speech", "2023-07-04", ("扎哈罗娃",))]


def test_each_preacher_of_a_roundup_gives_a_lecture_of_his_own():
    # 在江苏南京，易纲作十九大精神宣讲报告 was read as a detail of the lecture before (易纲 joined 陈敏尔's);
    # 作十九大精神宣讲报告 and 作了宣讲报告 open a lecture as 作宣讲报告 does
    doc = ganbu.extract("中央宣讲团这两天继续在重庆、江苏等地宣讲。\n今天，中央宣讲团成员、重庆市委书记陈敏尔在重庆作宣讲报告。\n"
                        "在江苏南京，中央财经领导小组办公室副主任易纲作十九大精神宣讲报告。\n"
                        "中央宣讲团成员、山东省省长郭树清在济南作了宣讲报告。", published="2017-11-07")
    got = sorted(tuple(p.name for p in e.participants) for e in doc.events if e.type == "speech")
    assert got == [("易纲",), ("郭树清",), ("陈敏尔",)]


def test_a_speech_at_a_congress_is_a_speech():
    # 习近平总书记在…表彰大会上发表重要讲话: 大会 was taken for the event (a conference); the blind gold types all 21 such
    # events speeches, as 在…座谈会上发表重要讲话 already was
    doc = ganbu.extract("习近平总书记在全国抗击新冠肺炎疫情表彰大会上发表重要讲话。", published="2020-10-01")
    assert [(e.type, e.date) for e in doc.events] == [("speech", None)]


def test_a_statement_on_social_media_is_a_speech():
    # 内政部长伦库23号在社交网站上说，… (在社交媒体/网站/平台上 + a verb of saying: 19 in 16 bulk stories; 上 ended the
    # place a statement may be made in)
    doc = ganbu.extract("肯尼亚内政部长约瑟夫·伦库23号在社交网站上说，目前“相信所有的人质应该都已被安全撤离”。",
                        published="2013-09-24")
    assert [(e.type, e.date.start if e.date else None) for e in doc.events] == [("speech", "2013-09-23")]


def test_a_lead_naming_several_guests_is_one_meeting_with_each():
    # 会见了A、B、C和D。在会见A时，… (a lead naming its guests, told again guest by guest: 25 meetings in 10 bulk
    # stories), 会见B时，… without 在 too (149 in 78 bulk stories)
    doc = ganbu.extract("国务院总理李克强14日在乌兰巴托会见了拉脱维亚总统韦约尼斯、越南总理阮春福和柬埔寨首相洪森。\n"
                        "在会见韦约尼斯时，李克强表示，拉脱维亚是中国的好朋友。\n会见阮春福时，李克强表示，中越是友好邻邦。\n"
                        "在会见洪森时，李克强表示，中柬是好朋友。", published="2016-07-15")
    got = sorted(tuple(sorted(p.name for p in e.participants)) for e in doc.events if e.type == "meeting")
    assert got == [("李克强", "洪森"), ("李克强", "阮春福"), ("李克强", "韦约尼斯")]


def test_guests_named_together_when_told_again_were_met_together():
    # 会见总统席尔瓦，总理科埃略，…塞古罗和…德索萨等。…在会见科埃略时，…在会见塞古罗、德索萨时，…: the two party
    # leaders were met together (the four were one meeting with three, and two more with each)
    doc = ganbu.extract("中共中央政治局常委刘云山6月17日至19日对葡萄牙进行正式访问，在里斯本会见总统席尔瓦，总理科埃略，"
                        "社会党总书记塞古罗和共产党总书记德索萨等。\n在会见科埃略时，刘云山说，中葡经济互补性强。\n"
                        "在会见塞古罗、德索萨时，刘云山说，中国共产党重视与葡萄牙各政党的友好关系。", published="2014-06-20")
    got = sorted(tuple(sorted(p.name for p in e.participants)) for e in doc.events if e.type == "meeting")
    assert got == [("刘云山", "塞古罗", "德索萨"), ("刘云山", "席尔瓦"), ("刘云山", "科埃略")]


def test_meeting_several_people_each_is_by_the_people_not_the_bodies_named():
    # 分别会见老挝人革党中央总书记、国家主席本扬，政府总理通伦，…潘坎: two bodies named (the party, the government) made
    # two meetings with all three; one with each person met
    doc = ganbu.extract("中共中央政治局常委赵乐际23日至26日对老挝进行正式友好访问，分别会见老挝人革党中央总书记、国家主席本扬，"
                        "政府总理通伦，中央书记处常务书记、国家副主席潘坎。", published="2018-09-26")
    got = sorted(tuple(sorted(p.name for p in e.participants)) for e in doc.events if e.type == "meeting")
    assert got == [("本扬", "赵乐际"), ("潘坎", "赵乐际"), ("赵乐际", "通伦")]


def test_saying_with_no_comma_is_a_speech_but_condolences_are_not():
    # 外交部发言人陆慷3日表示中方坚决反对… (表示/强调/声称/宣称 with what is said right after it: 14 speeches in bulk),
    # not 对…去世表示深切哀悼 (a condolence, other)
    doc = ganbu.extract("中国外交部发言人陆慷3日表示中方坚决反对美韩在韩国部署“萨德”反导系统。", published="2017-02-04")
    assert [(e.type, e.date.start if e.date else None) for e in doc.events] == [("speech", "2017-02-03")]
    doc = ganbu.extract("胡锦涛向埃塞俄比亚总统致唁电，对总理梅莱斯不幸去世表示深切哀悼。", published="2012-08-22")
    assert not [e for e in doc.events if e.type == "speech"]


def test_saying_at_a_press_conference_after_a_decision_is_a_speech():
    # 欧洲央行行长拉加德在会后的新闻发布会上表示，… (在…新闻发布会/记者会上 + a verb of saying: 21 in 21 bulk stories)
    doc = ganbu.extract("欧洲中央银行17日宣布，从本月23日起将三大关键利率下调25个基点。欧洲央行行长拉加德在会后的新闻发布会上表示，"
                        "降息决定基于对通胀前景的最新评估。", published="2024-10-18")
    assert ("speech", "2024-10-17", ("拉加德",)) in [
        (e.type, e.date.start if e.date else None, tuple(p.name for p in e.participants)) for e in doc.events]


def test_the_meeting_again_after_a_day_the_sentences_before_it_told():
    # 3月13日下午，各代表团审议了…。会议听取了X作的…报告: the presidium's meeting of the 15th, not one of the 13th
    # (会议听取|经过表决|审议… opening a sentence: 1,862 in 482 bulk stories); 会议指出，2月3日，X主持…会议: another one
    text = ("十二届全国人大四次会议主席团15日上午在人民大会堂举行第三次会议。主席团常务主席张德江主持会议。\n"
            "3月13日下午，各代表团认真审议了慈善法草案修改稿。\n"
            "会议听取了全国人大法律委员会主任委员乔晓阳作的关于慈善法草案修改意见的报告。")
    evs = _events(text, "2016-03-15")
    assert [(e["type"], e["date"]["start"], _names(e)) for e in evs] == [
        ("meeting", "2016-03-15", {"张德江", "乔晓阳"})]
    text = ("4日，国务院总理李克强主持召开领导小组会议。\n会议指出，2月3日，习近平总书记主持中央政治局常委会会议并作重要讲话。")
    dates = sorted(e["date"]["start"] for e in _events(text, "2020-02-04") if e["type"] == "meeting")
    assert dates == ["2020-02-03", "2020-02-04"]


def test_members_addressed_by_name_who_speak_are_at_their_bodys_meeting():
    # 朱之鑫常委建议，…；彭小枫常委提出，… at a session of the CPPCC's Standing Committee (15 bulk stories change)
    text = ("全国政协十二届常委会第二十一次会议27日下午举行全体会议，14位常委和委员作大会发言。全国政协主席俞正声出席会议。\n"
            "朱之鑫常委建议，完善宏观调控体系；彭小枫常委提出，降低企业财务杠杆率。")
    evs = _events(text, "2017-06-27")
    assert [(e["type"], _names(e)) for e in evs] == [("meeting", {"俞正声", "朱之鑫", "彭小枫"})]


def test_a_newcomers_statement_after_anothers_statement_is_a_speech_of_its_own():
    # 西班牙首相桑切斯4日发表声明…。法国总统马克龙4日表示…: with only others' speeches open, a titled newcomer's statement
    # is his own speech, not a part of theirs (8 bulk stories gain one, none lose any)
    text = ("西班牙首相桑切斯4日发表声明，重申西班牙反对对伊朗发起的军事行动。他还表示，不会改变反战立场。"
            "法国总统马克龙4日表示，法国支持西班牙回应贸易威胁。")
    evs = _events(text, "2026-03-05")
    assert sorted(tuple(sorted(_names(e))) for e in evs if e["type"] == "speech") == [("桑切斯",), ("马克龙",)]
    # after others' phone call too (普京和马克龙3日通电话…。俄罗斯外交部长拉夫罗夫当天说…: 10 more bulk stories)
    text = "俄罗斯总统普京和法国总统马克龙3日通电话，对事件表示关切。俄罗斯外交部长拉夫罗夫当天说，美方做法违反国际法。"
    evs = _events(text, "2020-01-04")
    assert sorted((e["type"], tuple(sorted(_names(e)))) for e in evs) == [
        ("speech", ("拉夫罗夫",)), ("talks", ("普京", "马克龙"))]


def test_a_day_said_at_the_meeting_with_one_guest_opens_no_passage():
    # 在会见萨尔基相时，李克强表示，昨天，习近平主席与总统阁下共同签署…: the meeting is the lead's, on the 26th (4 bulk
    # stories lose a meeting made of a day said there, one of them with all the guests merged)
    text = ("国务院总理李克强26日下午在人民大会堂分别会见亚美尼亚总统萨尔基相、奥地利总统菲舍尔。\n"
            "在会见萨尔基相时，李克强表示，昨天，习近平主席与总统阁下共同签署联合声明。\n"
            "在会见菲舍尔时，李克强表示，中国政府重视发展同奥地利的关系。")
    meetings = [(e["date"]["start"], tuple(sorted(_names(e)))) for e in _events(text, "2015-03-26") if e["type"] == "meeting"]
    assert sorted(meetings) == [("2015-03-26", ("李克强", "菲舍尔")), ("2015-03-26", ("李克强", "萨尔基相"))]


def test_the_guest_addressed_in_a_meeting_told_to_him_is_at_it():
    # 习近平主席刚才同总统先生举行了富有成果的会见 said to the guest (同/与 + 总统先生/阁下 + 会见/会谈: 131 in 129 bulk
    # stories; 110 stories' meetings and talks gain the guest)
    text = ("全国政协主席汪洋今天在北京会见喀麦隆总统比亚。\n汪洋说，中喀关系长期友好。"
            "习近平主席刚才同总统先生举行了富有成果的会见，共同见证签署合作文件。")
    evs = _events(text, "2018-08-31")
    assert sorted(tuple(sorted(_names(e))) for e in evs if e["type"] == "meeting") == [("习近平", "比亚"), ("比亚", "汪洋")]
