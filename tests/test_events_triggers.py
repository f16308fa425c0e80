"""Which word opens an event (events/triggers.py), on sentences written for these tests."""
import ganbu


def _events(text, published=None):
    return ganbu.extract(text, published).to_dict()["events"]


def _types(text, published=None):
    return [e["type"] for e in _events(text, published)]


def test_a_statement_is_a_speech_but_not_through_a_spokesman():
    assert _types("加拿大总理特鲁多5号发表声明说，联邦政府将拨专款帮助灾民。", "2016-05-06") == ["speech"]
    assert _types("联合国秘书长古特雷斯1日通过发言人发表声明，呼吁各方保持克制。", "2017-06-02") == []


def test_speech_at_a_meeting_is_the_news():
    text = "4月26日，中共中央总书记习近平在深入推动长江经济带发展座谈会上发表重要讲话。"
    evs = _events(text, "2018-04-27")
    assert [e["type"] for e in evs] == ["speech"]
    assert evs[0]["date"]["start"] == "2018-04-26"


def test_chairing_a_meeting_and_speaking_is_the_meeting():
    text = ("中共中央政治局2月28日召开会议，研究部署有关工作。\n"
            "中共中央总书记习近平主持会议并发表重要讲话。")
    assert _types(text, "2023-02-28") == ["meeting"]


def test_congress_members_and_procedures_are_no_meetings():
    text = ("经中央纪委常委会会议研究并报中央政治局会议审议，决定给予其开除党籍处分。"
            "美国国会议员、参议院外委会主席梅嫩德斯3日对此表示不满。")
    assert _types(text, "2019-09-26") == []


def test_a_visit_with_its_meeting_in_one_clause_is_the_visit():
    text = "当地时间18日，国家主席习近平在日内瓦访问了世界卫生组织并会见谭德塞总干事。"
    assert _types(text, "2017-01-19") == ["visit"]
    text = "7日，联合国秘书长古特雷斯开始对古巴进行为期两天的正式访问，并与古巴国家主席迪亚斯·卡内尔举行会谈。"
    evs = _events(text, "2018-05-08")
    assert [e["type"] for e in evs] == ["visit"] and evs[0]["place"] == "古巴"


def test_a_stop_of_an_inspection_is_no_visit_of_its_own():
    text = ("6月19日至21日，国务院副总理张高丽到辽宁省调研。\n"
            "张高丽来到鞍钢集团，深入工厂车间，与职工面对面交流。")
    assert _types(text, "2019-06-21") == ["inspection"]


def test_an_inspection_and_a_speech_at_a_meeting_in_one_sentence():
    # …考察，并在…座谈会上发表重要讲话 (13 in the bulk corpus): two events
    text = "4月24日，中共中央总书记习近平深入湖北宜昌等地考察，并在深入推动长江经济带发展座谈会上发表重要讲话。"
    assert sorted(_types(text, "2018-04-27")) == ["inspection", "speech"]


def test_a_meeting_greeted_by_a_message_is_no_meeting_told():
    text = ("7月23日，中共中央总书记习近平同俄罗斯联邦总统普京分别向中俄执政党对话机制第八次会议致贺信。\n"
            "习近平在贺信中对会议的召开表示热烈祝贺。")
    assert [t for t in _types(text, "2020-07-23") if t in ("meeting", "conference")] == []


def test_a_leader_at_a_delegations_deliberation():
    # 参加…代表团(的)审议: 384 in the bulk corpus; the session's name is no date
    text = ("3月5日，中共中央总书记、国家主席习近平参加十四届全国人大一次会议江苏代表团审议。\n"
            "江苏省委书记信长星等代表发言。")
    evs = _events(text, "2023-03-06")
    assert [e["type"] for e in evs] == ["conference"]  # a session of a congress (GUIDELINES, types)
    assert evs[0]["date"]["start"] == "2023-03-05"
    assert {p["name"] for p in evs[0]["participants"]} == {"习近平", "信长星"}
    # X在Y代表团参加审议 (33 in the bulk corpus)
    text = "中共中央政治局常委、中央书记处书记刘云山8日在山西代表团参加审议并讲话。"
    assert [(e["type"], _who(e)) for e in _events(text, "2017-03-08")] == [("conference", ["刘云山"])]


def _who(ev):
    return sorted(p["name"] for p in ev["participants"])


def test_a_written_instruction_is_a_speech_of_its_author():
    # 作出(重要)指示/批示: 437 in the bulk corpus; none in the dev set
    text = ("11月24日7时许，某地在建项目发生施工平台坍塌事故。\n"
            "事故发生后，中共中央总书记、国家主席习近平立即作出重要指示，要求全力做好救援工作。"
            "近期一些地方接连发生安全生产事故，各地要举一反三。\n"
            "中共中央政治局常委、国务院总理李克强对遇难的王建国等3名同志表示哀悼，并对救援工作作出批示。")
    evs = [e for e in _events(text, "2016-11-24") if e["type"] == "speech"]
    assert [_who(e) for e in evs] == [["习近平"], ["李克强"]]
    # 近期 inside a sentence is vaguer than the day already told: the 24th stays the day
    assert [e["date"]["start"] for e in evs] == ["2016-11-24", "2016-11-24"]


def test_nobody_joins_a_written_instruction():
    text = ("今年8月19日是中国医师节。中共中央政治局常委、国务院总理李克强作出重要批示。批示指出，广大医务工作者舍己忘我。\n"
            "庆祝中国医师节座谈会19日上午在人民大会堂举行，中共中央政治局委员、国务院副总理孙春兰出席会议并讲话。")
    evs = _events(text, "2020-08-19")
    assert sorted((e["type"], tuple(_who(e))) for e in evs) == [("conference", ("孙春兰",)), ("speech", ("李克强",))]


def test_instructions_told_as_a_habit_are_no_event():
    text = ("中共中央政治局常委、全国人大常委会委员长张德江12日主持召开执法检查组第一次全体会议。"
            "张德江说，习近平总书记多次就保障食品安全作出重要指示。\n"
            "王晨出席会议并讲话。")
    evs = _events(text, "2016-04-12")
    assert [(e["type"], _who(e)) for e in evs] == [("meeting", ["张德江", "王晨"])]


def test_a_vague_time_set_off_by_a_comma_still_starts_what_follows():
    # 日前，X主持召开…: 近日 407, 日前 193 times with a comma after them in the bulk corpus
    text = ("中共中央政治局常委王岐山19日在京出席座谈会并讲话。\n"
            "日前，王岐山主持召开中央纪委常委会会议，研究部署有关工作。")
    evs = _events(text, "2012-11-19")
    assert len(evs) == 2 and evs[1]["date"]["precision"] == "approximate"


def test_what_an_instruction_says_opens_no_event():
    text = ("中共中央总书记习近平对此高度重视，6月6日就做好安全生产工作作出重要指示。\n"
            "习近平要求，国务院有关部门要开展一次彻底的安全生产大检查。\n"
            "国务院总理李克强作出批示。批示要求，各地要组织检查。\n"
            "6月7日，李克强主持召开国务院常务会议。")
    evs = _events(text, "2013-06-07")
    assert [(e["type"], _who(e)) for e in evs] == [("speech", ["习近平"]), ("speech", ["李克强"]), ("meeting", ["李克强"])]


def test_a_statement_reported_on_its_own_is_a_speech_of_an_official_introduced_with_a_title():
    # GUIDELINES, Statements (X表示… reported on its own → speech), which decide where the
    # extractor and a gold file differ; the blind samples annotated to them all count these
    text = ("伊朗称已准备好应对美退出伊核协议\n"
            "伊朗外交部长扎里夫16日表示，伊朗已经做好准备应对美国可能退出伊核问题全面协议。")
    evs = _events(text, "2018-03-18")
    assert [(e["type"], _who(e), e["date"]["start"]) for e in evs] == [("speech", ["扎里夫"], "2018-03-16")]
    text = "俄罗斯武装力量总参谋长格拉西莫夫6号说，俄海军地中海战役编队已经组建完毕。"
    assert [(e["type"], _who(e)) for e in _events(text, "2013-06-07")] == [("speech", ["格拉西莫夫"])]
    # 此前 (31 in bulk), a time clause 在…后|时 before the verb, 强调说
    for text, who in (("英国环境大臣佩特森此前表示，这起丑闻可能是由于相关部门严重失职。", "佩特森"),
                      ("肯塔基州州长贝希尔在得知死亡人数下调的消息后表示，该州的死亡人数可能降至50人。", "贝希尔"),
                      ("俄罗斯总统普京2号也强调说，搜索工作要坚持到最后。", "普京")):
        assert [(e["type"], _who(e)) for e in _events(text, "2015-11-03")] == [("speech", [who])]
    # a speaker not introduced here goes on with an item; a citizen's words are no speech
    text = ("国务院总理李克强10日在人民大会堂会见美国财长耶伦。\n"
            "李克强表示，中美两国经济深度融合。\n"
            "村民王大山说，今年的收成很好。")
    assert [e["type"] for e in _events(text, "2023-07-11")] == ["meeting"]


def test_a_meeting_inside_what_an_official_says_is_not_the_news():
    text = "美国纽约市长德布拉西奥18号说，将部署空前规模警力，以确保即将召开的联合国大会系列会议顺利进行。"
    evs = _events(text, "2016-09-19")
    assert [(e["type"], _who(e)) for e in evs] == [("speech", ["德布拉西奥"])]


def test_a_bare_day_after_a_period_ending_later_is_the_publications_month():
    text = ("据报道，法院要求该公司从4月25号起到7月19号每天提交数据。\n"
            "美国司法部长霍尔德6号表示，国会议员早已知情。")
    ev = _events(text, "2013-06-07")[0]
    assert ev["date"]["start"] == "2013-06-06"


def test_each_preacher_of_a_plenum_gives_a_speech():
    # 作宣讲报告 168, 作宣讲 177 in the bulk corpus: 中央宣讲团成员X在Y作宣讲报告, one speech a preacher
    text = ("新华社北京7月29日电 学习贯彻党的二十届三中全会精神中央宣讲团成员在各地宣讲。\n"
            "中央宣讲团成员、北京市委书记尹力今天在北京作宣讲报告。尹力还与基层干部群众互动交流，深入宣讲全会精神。\n"
            "中央宣讲团成员、国务院副总理何立峰今天在商务部作宣讲报告。")
    speeches = [e for e in _events(text, "2024-07-29") if e["type"] == "speech"]
    assert sorted(p["name"] for e in speeches for p in e["participants"]) == ["何立峰", "尹力"]


def test_an_opening_ceremony_or_reception_is_a_conference_and_its_speech_part_of_it():
    # 出席…开幕式 342, …招待会 61, …闭幕式 25, …午餐会 6 in the bulk corpus
    text = "新华社上海11月5日电 国家主席习近平5日在上海出席第二届中国国际进口博览会开幕式并发表主旨演讲。"
    assert _types(text, "2019-11-05") == ["conference"]
    text = "新华社吉隆坡6月20日电 国务院总理李强20日在吉隆坡出席中国—马来西亚工商界午餐会并致辞。"
    assert _types(text, "2024-06-21") == ["conference"]


def test_a_minister_summoning_an_ambassador_meets_him():
    # 召见 31 in the bulk corpus; it also ends the title's organisation part on its left
    text = "新华社北京9月10日电 外交部长杨洁篪10日在外交部紧急召见日本驻华大使丹羽宇一郎，提出强烈抗议。"
    evs = _events(text, "2012-09-11")
    assert [(e["type"], sorted(p["name"] for p in e["participants"])) for e in evs] == [
        ("meeting", ["丹羽宇一郎", "杨洁篪"])]
    people = {p.name: [q.text for q in p.positions] for p in ganbu.extract(text, "2012-09-11").people}
    assert people["丹羽宇一郎"] == ["日本驻华大使"]


def test_a_phone_call_between_two_leaders_is_talks():
    # 通电话 99 times in the bulk corpus, nearly all 同/与 + a name + 通电话
    text = "国务院总理李克强22日应约同俄罗斯总理梅德韦杰夫通电话。李克强表示，中方愿同俄方加强合作。"
    evs = _events(text, "2013-08-23")
    assert [(e["type"], e["date"]["start"], sorted(p["name"] for p in e["participants"])) for e in evs] == [
        ("talks", "2013-08-22", ["李克强", "梅德韦杰夫"])]


def test_each_vice_chair_at_a_group_discussion_of_the_sessions_has_his_own_conference():
    # 小组讨论 42, 联组会 66, 界别协商会(议) 12 in the bulk corpus, mostly after 参加|出席
    text = ("全国政协副主席夏宝龙在参加特邀香港人士界别协商会议时说，要推进大湾区建设。\n"
            "全国政协副主席卢展工在参加医卫界小组讨论时说，抗击疫情取得重大成果。")
    evs = _events(text, "2020-05-24")
    assert sorted((e["type"], tuple(p["name"] for p in e["participants"])) for e in evs) == [
        ("conference", ("卢展工",)), ("conference", ("夏宝龙",))]


def test_the_partys_discipline_tours_are_no_ones_inspection():
    # 巡视 1,172 times in the bulk corpus, nearly all discipline tours (巡视工作 301, 巡视整改 54 …)
    text = ("中央巡视工作领导小组召开十九届中央第九轮巡视集中反馈会议。中央政治局委员、中央巡视工作领导小组"
            "副组长杨晓渡出席会议并讲话。会议指出，以习近平同志为核心的党中央高度重视巡视工作。")
    evs = _events(text, "2022-07-23")
    assert [(e["type"], [p["name"] for p in e["participants"]]) for e in evs] == [("meeting", ["杨晓渡"])]
    # but a named leader's tour told as 对X展开巡视 is his inspection (43 such verbs in bulk)
    text = "经省委巡视工作领导小组研究，米剑峰将带领省委第一巡视组对许昌市展开巡视。"
    assert [e["type"] for e in _events(text, "2017-03-31")] == ["inspection"]


def test_supervision_and_self_examination_are_no_inspection():
    # 监督检查 111, 督促检查 60, 对照检查 55 in the bulk corpus
    for text in ("国家卫生计生委党组书记李斌说，要主动自觉地虚心接受监督检查。",
                 "省委书记王明召开民主生活会，带头进行对照检查。"):
        assert "inspection" not in [e["type"] for e in _events(text, "2016-03-02")]


def test_a_local_unit_no_list_names_is_a_stop_visited_outside_an_inspection():
    # 来到/前往 + a place + a unit's suffix: 253 in the bulk corpus, 60 in stories telling no inspection
    text = "今天，中央宣讲团成员张福海还来到福州台江区苍霞社区，与群众代表交流互动。"
    assert [(e["type"], _who(e)) for e in _events(text, "2024-07-27")] == [("visit", ["张福海"])]
    # a reporter's visit to a place a person is from is no visit of that person; the stops of an
    # inspection are the inspection's
    assert _events("今天，记者来到王银香所在的曹县五里墩村，村民正忙着采摘。", "2018-03-11") == []
    text = "习近平在浙江考察。习近平来到杭州市西溪国家湿地公园管理中心，察看湿地保护利用情况。"
    assert [e["type"] for e in _events(text, "2020-04-01")] == ["inspection"]


def test_a_state_visits_arrival_opens_the_visit_with_those_who_welcome():
    # 专机抵达|到达 105 in the bulk corpus; 在舷梯旁迎接 8, 步出机舱|舱门 10
    text = ("当地时间28日上午，习近平乘坐的专机抵达柏林泰格尔机场。习近平和夫人彭丽媛步出机舱，"
            "德国总统府国务秘书基尔在舷梯旁迎接。\n王沪宁、栗战书、杨洁篪等陪同人员同机抵达。")
    evs = _events(text, "2014-03-28")
    assert [(e["type"], e["date"]["start"], sorted(_who(e))) for e in evs] == [
        ("visit", "2014-03-28", sorted(["习近平", "彭丽媛", "基尔", "王沪宁", "栗战书", "杨洁篪"]))]


def test_a_meeting_convened_after_an_inspection_is_its_own_event():
    # 考察|调研|看望|走访…并(在…)主持召开|召开|主持…座谈会|会议: 71 in the bulk corpus (GUIDELINES, 座谈会)
    text = "中共中央政治局常委刘云山10日到北京市调研并主持召开座谈会，听取对深化改革的意见。"
    evs = _events(text, "2013-07-11")
    assert [(e["type"], e["date"]["start"], _who(e)) for e in evs] == [
        ("inspection", "2013-07-10", ["刘云山"]), ("conference", "2013-07-10", ["刘云山"])]


def test_talks_held_with_a_description_before_them_are_talks():
    # 举行|进行 + a description + 的 + 会谈|会晤|会见|磋商: 172 in the bulk corpus (富有成果的 105)
    text = "美国国务卿克里和俄罗斯外交部长拉夫罗夫14日在伦敦就乌克兰问题举行长达六个小时的会谈。"
    evs = _events(text, "2014-03-15")
    assert [(e["type"], e["date"]["start"], sorted(_who(e))) for e in evs] == [
        ("talks", "2014-03-14", ["克里", "拉夫罗夫"])]
    assert _events("代表团参观了亲切的慰问品展览。", "2014-03-15") == []  # 的 + a trigger word stays a noun


def test_statements_after_a_lead_telling_messages_are_the_messages():
    # 43 bulk stories open on 致电/致函/贺电… and go on with two or more 'X表示，' lines (GUIDELINES: messages are other)
    text = ("近日，一些外国政党领导人致电致函中共中央对外联络部，高度评价中方抗击疫情的努力。\n"
            "尼泊尔共产党主席、总理奥利表示，尼共高度赞赏中国政府的卓越努力。\n"
            "俄罗斯联邦共产党中央委员会主席久加诺夫表示，中国人民团结在一起。")
    assert [(e["type"], _who(e)) for e in _events(text, "2020-02-05")] == [("other", ["奥利"]), ("other", ["久加诺夫"])]


def test_a_press_conference_is_a_conference_of_who_presents_it():
    # 新闻发布会 130, 发布会 196, 记者会 93, 吹风会 59, 记者见面会 21 in the bulk corpus
    text = "今天（2月28日），国务院新闻办公室举行新闻发布会，交通运输部部长李小鹏介绍，去年交通投资约3.6万亿元。"
    assert [(e["type"], _who(e)) for e in _events(text, "2022-02-28")] == [("conference", ["李小鹏"])]
    # with nobody named at it, it is no event (GUIDELINES: a named participant, or a signing between bodies)
    assert _events("今天，中共中央宣传部举行新闻发布会，介绍党的十八大以来教育改革发展成效。", "2022-09-09") == []


def test_an_act_the_speaker_tells_in_the_first_person_is_his():
    # X指出/表示/说，…我… + an encounter: 225 in the bulk corpus; the dev gold counts the speaker at it
    text = "国务院总理李克强在柏林会见记者。李克强说，我与默克尔总理举行了富有成果的会谈。"
    evs = _events(text, "2013-05-27")
    assert ("talks", ["李克强", "默克尔"]) in [(e["type"], _who(e)) for e in evs]
    # 我们 is those he speaks for, not himself
    assert all("王毅" not in _who(e) for e in _events("王毅说，我们同美方举行了会谈。", "2019-03-28"))


def test_a_statement_dated_with_its_month_or_calling_for_something_is_a_speech():
    # 3月31日称， (a month and a day before the verb: 43 in the bulk corpus); 呼吁 with what is called
    # for after it (a title, a name and 呼吁: 33)
    text = ("美国纽约州州长科莫3月31日称，呼吸机等医疗设备紧缺。\n"
            "伊朗总统鲁哈尼3月31日再次呼吁民众遵守规定，减少人际接触。")
    evs = _events(text, "2020-04-01")
    assert sorted((e["type"], e["date"]["start"], _who(e)) for e in evs) == [
        ("speech", "2020-03-31", ["科莫"]), ("speech", "2020-03-31", ["鲁哈尼"])]


def test_an_article_in_qiushi_is_a_speech_on_the_issues_day():
    # 《求是》杂志(将)发表 87 times in the bulk corpus, nearly all a leader's article
    text = ("3月1日出版的第5期《求是》杂志将发表中共中央总书记、国家主席习近平的重要文章《在新的起点上深化改革》。"
            "文章强调，要坚持问题导向。")
    evs = _events(text, "2024-02-29")
    assert [(e["type"], e["date"]["start"], _who(e)) for e in evs] == [("speech", "2024-03-01", ["习近平"])]


def test_a_closing_line_on_the_meetings_above_joins_every_one_told():
    # X参加上述会见 (60 in the bulk corpus): those named were at every 会见 told since the heading,
    # not at a new meeting dated by a day said in between
    text = ("全国人大常委会委员长张德江2日在人民大会堂分别会见委内瑞拉总统马杜罗和哈萨克斯坦总统纳扎尔巴耶夫。\n"
            "张德江说，习近平主席昨天同总统阁下达成新的重要共识。\n"
            "王晨参加上述会见。")
    evs = [e for e in _events(text, "2015-09-02") if e["type"] == "meeting"]
    assert sorted((e["date"]["start"], sorted(_who(e))) for e in evs) == sorted([
        ("2015-09-02", sorted(["张德江", "王晨", "纳扎尔巴耶夫"])), ("2015-09-02", sorted(["张德江", "马杜罗", "王晨"]))])


def test_an_act_the_speaker_tells_in_the_first_person_later_in_his_paragraph_has_him_at_it():
    # 习近平表示，…。前不久，我同奥巴马总统通电话时… (66 such later sentences in the bulk corpus)
    text = ("国家主席习近平今天在人民大会堂会见参加第二届中美省州长论坛的双方代表。\n"
            "习近平表示，当前，中美关系进入新的重要发展阶段。前不久，我同奥巴马总统通电话时一致确认了大方向。")
    talks = [e for e in _events(text, "2013-04-15") if e["type"] == "talks"]
    assert [sorted(_who(e)) for e in talks] == [["习近平", "奥巴马"]]


def test_a_count_of_times_before_a_leaders_deliberation_tells_no_act():
    # 先后四次参加江苏代表团审议, 两次作出重要批示 (a count of times before the act: 10 in the bulk corpus)
    text = ("5日下午，习近平总书记参加十四届全国人大三次会议江苏代表团审议。\n"
            "党的十八大以来，习近平总书记先后四次参加江苏代表团审议，关心江苏的发展。")
    assert [(e["type"], e["date"]["start"]) for e in _events(text, "2025-03-06")] == [("conference", "2025-03-05")]


def test_a_leader_deliberating_with_his_delegation_and_those_who_join_the_deliberation():
    # X来到他所在的Y代表团，同代表们一起审议 (29 in the bulk corpus); 参加审议 (13 more): a leader at a group
    # session of the NPC Standing Committee, or those who join a deliberation told (韩正等参加审议)
    text = "中共中央政治局常委、全国政协主席俞正声5日来到他所在的湖北代表团，同代表们一起审议政府工作报告。"
    assert [(e["type"], _who(e)) for e in _events(text, "2015-03-06")] == [("conference", ["俞正声"])]
    text = "十二届全国人大常委会第七次会议26日分组审议了工作报告稿。张德江委员长参加审议。"
    assert [(e["type"], e["date"]["start"], _who(e)) for e in _events(text, "2014-02-26")] == [
        ("meeting", "2014-02-26", ["张德江"])]
    text = ("中共中央总书记习近平5日下午参加他所在的十二届全国人大四次会议上海代表团审议。\n"
            "上海代表团讨论气氛活跃。\n中共中央政治局委员、上海市委书记韩正等参加审议。")
    assert [(e["type"], sorted(_who(e))) for e in _events(text, "2016-03-05")] == [("conference", ["习近平", "韩正"])]


def test_a_national_work_conference_is_a_conference():
    # 中央农村工作会议, 全国宣传部长会议 … convened at a sentence's head (about 80 in the bulk corpus); a
    # leading group's or a standing committee's 会议 stays a meeting
    text = "全国社会工作部长会议26日在京召开。中共中央政治局常委蔡奇出席会议并讲话。"
    assert [(e["type"], _who(e)) for e in _events(text, "2026-01-26")] == [("conference", ["蔡奇"])]
    text = "全国人大常委会第五十二次委员长会议17日在人民大会堂举行。张德江委员长主持会议。"
    assert [e["type"] for e in _events(text, "2015-08-17")] == ["meeting"]


def test_a_statement_opening_a_paragraph_after_a_signing_is_a_speech_of_its_own():
    # after acts no one joins by speaking (a signing, a decision), an official introduced with a title
    # who says something in a new paragraph makes a statement (9 more in 3,500 bulk stories)
    text = ("俄罗斯总统普京10日签署命令，委托副外长里亚布科夫协助相关审议工作。\n"
            "匈牙利外交部长西雅尔多10日表示，匈牙利和塞尔维亚已同意修建一条新的输油管道。")
    evs = _events(text, "2023-05-11")
    assert ("speech", "2023-05-10", ["西雅尔多"]) in [(e["type"], e["date"]["start"], _who(e)) for e in evs]
    # after a meeting, the same line is what was said there: no statement of its own
    text = ("国家主席习近平10日在人民大会堂会见匈牙利总理欧尔班。\n"
            "匈牙利外交部长西雅尔多10日表示，两国合作前景广阔。")
    assert "speech" not in [e["type"] for e in _events(text, "2023-05-11")]


def test_a_warning_reported_on_its_own_is_a_speech():
    # 警告称 15, 警告说 21 in the bulk corpus
    text = "美国纽约市长德布拉西奥22日警告称，纽约的疫情形势将继续恶化。"
    evs = _events(text, "2020-03-23")
    assert [(e["type"], e["date"]["start"], _who(e)) for e in evs] == [("speech", "2020-03-22", ["德布拉西奥"])]


def test_a_ministers_meeting_is_a_conference_but_not_the_office_of_its_chair():
    # 外长会 17, 外长会议 10, 财长会(议) 10, 防长会(议) 4 in the bulk corpus; 部长会议主席 (42) is an office
    text = ("第七次中日韩外长会21号在韩国首尔举行，中国外交部长王毅、韩国外长尹炳世、日本外相岸田文雄出席。\n"
            "国家主席习近平22日会见古巴国务委员会主席兼部长会议主席劳尔·卡斯特罗。")
    evs = _events(text, "2015-03-22")
    assert sorted((e["type"], e["date"]["start"], _who(e)) for e in evs) == [
        ("conference", "2015-03-21", sorted(["岸田文雄", "尹炳世", "王毅"])),
        ("meeting", "2015-03-22", sorted(["劳尔·卡斯特罗", "习近平"]))]


def test_the_closing_ceremony_of_a_commissions_session_is_a_conference():
    # 会议开幕式 37, 会议闭幕式 4, 会议闭幕会 3 in the bulk corpus
    text = "国务院副总理张高丽和委内瑞拉总统马杜罗22日出席中委高级混合委员会第十二次会议闭幕式并致辞。"
    evs = _events(text, "2013-09-23")
    assert [(e["type"], e["date"]["start"], _who(e)) for e in evs] == [
        ("conference", "2013-09-22", sorted(["张高丽", "马杜罗"]))]


def test_a_statement_made_in_a_place_is_a_speech_but_not_one_made_at_a_meeting():
    # 鲁哈尼23日在德黑兰表示，… (48 lines with the day written first in bulk); 在会上表示 is said at the meeting
    text = "伊朗总统鲁哈尼23日在德黑兰表示，美国近期的军事举动给地区局势造成新的问题。"
    evs = _events(text, "2019-06-24")
    assert [(e["type"], e["date"]["start"], _who(e)) for e in evs] == [("speech", "2019-06-23", ["鲁哈尼"])]
    text = "国务院23日召开常务会议。国务院总理李强在会上表示，要稳定就业。"
    assert all(e["type"] != "speech" for e in _events(text, "2024-06-24"))


def test_a_resolution_of_a_meeting_opens_no_meeting():
    # 联合国大会第2758号决议, 全会决议 (24 such in bulk): a document; the statements around it stay speeches
    text = ("国际社会继续支持中方立场。联合国维也纳办事处执行主任瓦利重申，完全支持联合国秘书长所作表态，即："
            "联合国秘书处遵守联合国大会第2758号决议。埃及总统塞西表示，埃及奉行一个中国原则。"
            "赞比亚外长卡库博表示，赞比亚一贯坚定奉行一个中国原则。")
    evs = _events(text, "2022-08-07")
    # (瓦利重申 is a statement of its own as well, since 2026-12-05)
    assert sorted((e["type"], tuple(_who(e))) for e in evs) == [("speech", ("卡库博",)), ("speech", ("塞西",)),
                                                                ("speech", ("瓦利",))]


def test_a_meeting_convened_on_a_tour_is_an_event_of_its_own():
    # 调研期间，X主持召开…座谈会 (35 bulk stories gain it; the dev gold has 张高丽主持召开扶贫工作座谈会 beside
    # his inspection)
    text = ("中共中央政治局常委、全国人大常委会委员长张德江15日至17日在山东调研。"
            "调研期间，张德江主持召开了各级人大代表和地方人大工作座谈会，听取意见和建议。")
    evs = _events(text, "2013-04-18")
    assert sorted(e["type"] for e in evs) == ["conference", "inspection"]
    assert all(_who(e) == ["张德江"] for e in evs)


def test_a_meeting_convened_later_in_a_tour_with_no_new_day_is_an_event_of_its_own():
    # …在贵州调研。…王沪宁在贵阳主持召开座谈会 / 调研中，李强主持召开座谈会 (19 more bulk stories; 主持座谈会
    # alone, no 召开, still joins the tour's own talk)
    text = ("11月27日至29日，全国政协主席王沪宁在贵州调研。他先后来到贵阳、遵义等地，深入企业、乡村、社区。"
            "王沪宁在贵阳主持召开座谈会，听取省委书记徐麟的工作汇报。")
    evs = _events(text, "2024-12-02")
    assert sorted(e["type"] for e in evs) == ["conference", "inspection"]
    text = "中共中央政治局常委刘云山6日在北戴河看望专家并进行座谈。马凯参加看望和座谈，赵乐际参加看望并主持座谈会。"
    assert [e["type"] for e in _events(text, "2014-08-06")] == ["visit"]


def test_each_member_of_a_lecture_tour_gives_a_speech():
    # 中央宣讲团成员X (260 members in 115 bulk stories, 91 of them in no event whatever verb told them)
    text = ("连日来，中央宣讲团继续向各地的干部群众宣讲六中全会精神。\n"
            "在甘肃，中央宣讲团成员、监察部副部长肖培着重从四个服从解读全会精神。\n"
            "中央宣讲团成员、全国政协社会和法制委副主任施芝鸿在海南深刻阐释了思想建党和制度治党的辩证关系。")
    evs = _events(text, "2016-11-12")
    assert sorted((e["type"], tuple(_who(e))) for e in evs) == [("speech", ("施芝鸿",)), ("speech", ("肖培",))]


def test_a_statement_dated_today_with_the_day_in_brackets_is_a_speech():
    # 今天（8月9日）表示 (50 such in bulk)
    text = "俄罗斯国防部8日称，俄军打击了乌军目标。莫斯科市长索比亚宁今天（8月9日）表示，两架无人机被击落。"
    evs = _events(text, "2023-08-09")
    assert ("speech", "2023-08-09", ["索比亚宁"]) in [(e["type"], (e["date"] or {}).get("start"), _who(e)) for e in evs]


def test_a_titled_official_who_criticises_accuses_denies_or_tells_the_press_makes_a_speech():
    # 州长纽森批评… / 总理埃尔多安18号指责… / 外长斯文松否认… (46 in bulk); 部长施纳伦贝格尔对媒体表示， (9)
    for text in ("美国加利福尼亚州州长加文·纽森22日批评联邦政府的关税政策。",
                 "土耳其总理埃尔多安18号指责警方的调查是阴谋。",
                 "冰岛外长斯文松26号否认冰岛政府已作出决定。",
                 "德国司法部长施纳伦贝格尔22号对媒体表示，欧洲国家应当作出回应。"):
        evs = ganbu.extract(text, "2025-05-23").events
        assert [e.type for e in evs] == ["speech"], text


def test_a_lecture_after_the_closing_meeting_is_a_conference_of_its_own():
    # 闭幕会后，…举行第三十讲专题讲座 (专题讲座 44 in bulk; a meeting noun in a sentence opening with 会后/闭幕会后: 35):
    # its chair and its lecturer (作…讲座) at it
    text = ("十三届全国人大常委会第三十六次会议2日在北京闭幕。栗战书委员长主持闭幕会。\n"
            "闭幕会后，十三届全国人大常委会举行第三十讲专题讲座，栗战书委员长主持。"
            "中国政法大学教授朱勇作了题为《中华法系的形成与特征》的讲座。")
    evs = _events(text, "2022-09-02")
    assert ("conference", ["朱勇", "栗战书"]) in [(e["type"], sorted(_who(e))) for e in evs]


def test_a_titled_newcomers_statement_after_a_meeting_no_one_is_named_at_is_a_speech():
    # …24日举行的欧盟能源部长特别会议未能达成一致。俄罗斯总统普京当天表示… (38 statements gained in the bulk stories);
    # at a ceremony nobody is named at yet, 王沪宁宣布 is said there (no speech of its own)
    text = ("欧盟未就天然气限价机制达成一致\n因多方分歧，24日举行的欧盟能源部长特别会议未能就天然气限价机制达成一致。"
            "俄罗斯总统普京当天表示，部分西方国家企图限制俄罗斯能源价格。")
    evs = _events(text, "2022-11-25")
    assert [(e["type"], _who(e), (e["date"] or {}).get("start")) for e in evs] == [("speech", ["普京"], "2022-11-24")]
    text = "21日晚，第十五届全运会闭幕式在深圳举行。中共中央政治局常委、全国政协主席王沪宁宣布，第十五届运动会闭幕。"
    assert all(e["type"] != "speech" for e in _events(text, "2025-11-22"))


def test_an_inspection_framing_a_story_with_no_event_is_one():
    # 2017年，习近平总书记在江苏考察期间来到马庄村 (a background inspection the story tells; 考察期间的讲话 is none)
    text = "马庄村发展特色产业。2017年，习近平总书记在江苏考察期间来到马庄村，肯定了马庄村的经验。"
    assert [(e["type"], _who(e)) for e in _events(text, "2021-01-13")] == [("inspection", ["习近平"])]


def test_a_titled_official_who_reaffirms_or_tells_a_countrys_media_makes_a_speech():
    # 重申 (181 in the bulk corpus; 11 statements gained in the bulk stories) and 对美国媒体说
    for text in ("德国总理朔尔茨14日重申，德国支持通过谈判解决冲突。",
                 "俄罗斯总统新闻秘书佩斯科夫13日对美国媒体说，俄方愿意对话。"):
        evs = _events(text, "2024-09-15")
        assert [e["type"] for e in evs] == ["speech"], text


def test_a_titled_official_who_announces_a_withdrawal_or_a_measure_makes_a_speech():
    # 美国总统特朗普1日宣布退出《巴黎协定》 (宣布 + 退出/撤销/终止/暂停/取消/解散/实施/实行/进入/对: 5 statements
    # gained in the bulk stories); 王沪宁宣布…闭幕 at a ceremony stays the ceremony's
    evs = _events("美国总统特朗普1日宣布退出《巴黎协定》。这一决定给全球气候治理带来不确定性。", "2017-06-02")
    assert [(e["type"], _who(e)) for e in evs] == [("speech", ["特朗普"])]


def test_a_written_statement_on_arrival_is_a_speech_of_its_own():
    # 吴邦国在机场发表书面讲话 (22 in bulk, 20 of them joined to the visit, no speech read)
    text = ("当地时间14日，国家主席习近平乘专机抵达努尔苏丹，开始对哈萨克斯坦进行国事访问。"
            "习近平在机场发表书面讲话，向哈萨克斯坦政府和人民致以诚挚问候。")
    assert sorted(_types(text, "2022-09-15")) == ["speech", "visit"]


def test_meeting_the_press_is_a_meeting():
    # 与中外记者见面 (12 in bulk, no event read before); 中外记者见面会 stays a press conference
    assert _types("国务院总理李克强13日在人民大会堂金色大厅与中外记者见面并回答记者提问。", "2014-03-14") == ["meeting"]
    assert _types("十三届全国人大四次会议新闻中心13日举行中外记者见面会，李克强出席。", "2021-03-14")[:1] == ["conference"]


def test_briefing_non_party_figures_is_a_speech():
    # 受中共中央委托，…向党外人士通报中央经济工作会议精神 (6 in 6 bulk stories): the briefing is the news; the
    # meeting's spirit is what it conveys, not an event referred to
    evs = ganbu.extract("12月15日，受中共中央委托，中共中央政治局委员、中央统战部部长李干杰向党外人士通报中央经济工作会议精神。",
                        "2025-12-16").to_dict()["events"]
    assert [(e["type"], [p["name"] for p in e["participants"]], e["date"]["start"]) for e in evs] == [
        ("speech", ["李干杰"], "2025-12-15")]


def test_a_lecture_before_the_closing_is_the_lecturers_speech():
    # 闭幕会前，…罗文应邀作了题为…学习讲座 (11 in 11 bulk stories) joined the session as a participant; a lecture's own
    # speech now; 学习讲座参考选题 (the lectures planned) is none
    text = ("政协第十三届全国委员会常务委员会第八次会议28日在京闭幕。全国政协主席汪洋主持闭幕会并讲话。\n"
            "闭幕会前，国家发展改革委副主任罗文应邀作了题为“工业体系建设”的学习讲座。\n"
            "会议审议通过了常委会学习讲座参考选题。")
    evs = ganbu.extract(text, "2019-08-28").to_dict()["events"]
    assert sorted((e["type"], tuple(p["name"] for p in e["participants"])) for e in evs) == [
        ("meeting", ("汪洋",)), ("speech", ("罗文",))]


def test_a_meeting_as_the_occasion_or_the_addressee_of_a_letter_is_no_attendance():
    # 在首届全民阅读大会举办之际，习近平总书记为大会致贺信 (…举办/召开之际: 16 in 16 bulk stories; 为/给…致贺信): nobody
    # attends the meeting here
    evs = ganbu.extract("在首届全民阅读大会举办之际，习近平总书记为大会致贺信，指出阅读是人类获取知识的重要途径。",
                        "2022-04-24").to_dict()["events"]
    assert [e for e in evs if e["type"] == "conference"] == []


def test_a_new_year_gathering_is_a_conference():
    # 春节茶话会, 团拜会, 联欢会 (bulk: 19 in 7 stories, 41 in 20, 6 in 6): those who attend and chair it are at it
    text = ("全国政协16日上午在政协礼堂举行2019年春节茶话会，大家欢聚一堂，共贺新春。中共中央政治局常委、全国政协主席汪洋"
            "出席茶话会。全国政协副主席张庆黎在茶话会上讲话。全国政协副主席夏宝龙主持茶话会。")
    evs = _events(text, "2019-01-16")
    assert [e["type"] for e in evs] == ["conference"] and {"汪洋", "夏宝龙"} <= set(_who(evs[0]))
