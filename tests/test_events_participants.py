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


def test_meeting_then_talks_in_one_sentence_are_two_events_with_their_own_counterparts():
    # 会见了X，并与Y举行会谈 (13 in the bulk corpus); later sentences keep them apart
    text = ("当地时间16日下午，国务院副总理张高丽会见了越南政府总理阮晋勇，并与越南政府副总理阮春福举行会谈。\n"
            "会见阮晋勇时，张高丽转达了国务院总理李克强的亲切问候。\n"
            "阮晋勇说，越中关系十分特殊。")
    evs = _events(text, "2015-07-17")
    meeting = next(e for e in evs if e["type"] == "meeting")
    talks = next(e for e in evs if e["type"] == "talks")
    assert _names(meeting) == {"张高丽", "阮晋勇"}
    assert _names(talks) == {"张高丽", "阮春福"}


def test_the_speaker_of_a_background_event_is_not_in_it():
    text = ("国务院副总理张高丽17日在河内会见越南国家主席张晋创。\n"
            "张高丽说，今年4月，中共中央总书记习近平同越共中央总书记阮富仲在北京举行会谈。\n"
            "张晋创表示，越方愿同中方一道努力。")
    talks = next(e for e in _events(text, "2015-07-17") if e["type"] == "talks")
    assert _names(talks) == {"习近平", "阮富仲"}


def test_the_subject_after_a_setting_clause_is_at_the_meeting():
    text = "7日晚，在部署灾后重建工作会议上，国务院副总理张高丽传达了中央的指示要求。"
    ev = _events(text, "2013-07-08")[0]
    assert ev["type"] == "meeting" and _names(ev) == {"张高丽"}


def test_those_at_all_the_events_above():
    # 参加上述活动 (293 in the bulk corpus): every event since the last heading
    text = ("国务院副总理张高丽16日会见越南政府总理阮晋勇。\n"
            "17日上午，张高丽考察了越中友谊宫工地。\n"
            "全国政协副主席、中联部部长王家瑞参加上述活动。")
    evs = _events(text, "2015-07-17")
    assert len(evs) == 2 and all("王家瑞" in _names(e) for e in evs)


def test_who_makes_a_report_at_the_meeting_joins():
    text = ("十一届全国人大常委会第三十次会议24日上午在北京人民大会堂举行第一次全体会议。\n"
            "全国人大常委会委员长吴邦国主持会议。\n"
            "全国人大常委会法制工作委员会主任李适时作了关于修改民事诉讼法的决定草案的说明。")
    ev = _events(text, "2012-12-24")[0]
    assert _names(ev) == {"吴邦国", "李适时"}


def test_who_receives_at_a_meeting_hosts_and_the_one_met_is_the_guest():
    """X会见Y: X receives (host), Y is the guest (visitor), whoever's office belongs to which body;
    before, the person of the body met was taken for the host."""
    from ganbu import extract

    for text, host, guest in [
        ("3月1日，浙江省委书记易炼红在杭州会见了中国石油天然气集团有限公司董事长戴厚良一行。", "易炼红", "戴厚良"),
        ("3月1日，商务部部长王文涛在北京会见浙江省委书记易炼红一行。", "王文涛", "易炼红"),
    ]:
        (ev,) = extract(text, "2023-03-02").to_dict()["events"]
        roles = {p["name"]: p["role"] for p in ev["participants"]}
        assert ev["type"] == "meeting" and roles == {host: "host", guest: "visitor"}


def test_people_named_as_a_group_before_what_they_join_are_at_the_event():
    # 参加了会见 (49 in the bulk corpus); 等美方官员参加了会见: the list's people join the meeting
    text = ("国家主席习近平27日在人民大会堂会见缅甸联邦议会议长吴瑞曼。\n"
            "习近平表示，希望双方继续密切高层交往。吴瑞曼表示，我一年前访华并与您会面。\n"
            "全国政协副主席、中联部部长王家瑞参加了会见。")
    evs = ganbu.extract(text, "2015-04-27").to_dict()["events"]
    meetings = [sorted(p["name"] for p in e["participants"]) for e in evs if e["date"] and e["date"]["start"] == "2015-04-27"]
    assert meetings == [["习近平", "吴瑞曼", "王家瑞"]]
    text = ("美国总统特朗普17日在白宫会见中国国务院副总理刘鹤。\n"
            "美国副总统彭斯、财政部长姆努钦等美方官员参加了会见。")
    evs = ganbu.extract(text, "2018-05-18").to_dict()["events"]
    assert [sorted(p["name"] for p in e["participants"]) for e in evs] == [["刘鹤", "姆努钦", "彭斯", "特朗普"]]


def test_a_congress_convened_before_its_people_are_named_is_their_conference():
    # 大会…在京开幕。X会见…与会代表。Y等出席开幕会。 (a conference noun + day + 在… + 开幕/召开/举行/闭幕
    # opening a sentence: 966 in bulk): the congress is an event of its own, beside the meeting
    text = ("中华全国工商业联合会第十一次会员代表大会7日在北京开幕。中共中央政治局常委刘云山会见全会与会代表。"
            "全国人大常委会副委员长陈至立等出席开幕会。")
    evs = ganbu.extract(text, "2012-12-08").to_dict()["events"]
    assert sorted(e["type"] for e in evs) == ["conference", "meeting"]
    conf = next(e for e in evs if e["type"] == "conference")
    assert "陈至立" in {p["name"] for p in conf["participants"]}
    assert conf["date"]["start"] == "2012-12-07" and conf["place"] == "北京"


def test_one_who_reads_a_letter_at_the_meeting_is_there():
    # X在会上宣读…并讲话 (X在…会上/会议上/开幕式上: 1,241 in bulk)
    text = "纪念中国福利会成立80周年大会14日下午在上海举行。上海市委书记李强在会上宣读习近平的贺信并讲话。"
    evs = ganbu.extract(text, "2018-06-15").to_dict()["events"]
    conf = next(e for e in evs if e["type"] == "conference")
    assert [p["name"] for p in conf["participants"]] == ["李强"]


def test_huishang_inside_other_words_opens_no_talks():
    text = "陈至立出席会议。会议希望工商联在行业协会商会改革发展中发挥促进作用。"
    evs = ganbu.extract(text, "2012-12-08").to_dict()["events"]
    assert "talks" not in {e["type"] for e in evs}


def test_a_session_of_a_congress_convened_is_a_conference_and_its_rostrum_takes_part():
    # 政协第…全国委员会第…次会议…开幕 (52 sessions among the 会议 convened at a sentence's head in
    # bulk; 195 standing committees stay meetings); 在主席台就座 (38 in bulk) takes part
    text = ("中国人民政治协商会议第十四届全国委员会第二次会议4日下午在人民大会堂开幕。\n"
            "全国政协主席王沪宁，全国政协副主席石泰峰、胡春华在主席台前排就座。")
    evs = ganbu.extract(text, "2024-03-05").to_dict()["events"]
    assert [e["type"] for e in evs] == ["conference"]
    assert {p["name"] for p in evs[0]["participants"]} == {"王沪宁", "石泰峰", "胡春华"}


def test_a_standing_committee_convened_is_a_meeting_chaired_by_the_title_after_the_name():
    text = "政协第十四届全国委员会第十三次主席会议29日在北京召开。全国政协主席王沪宁主持并讲话。"
    evs = ganbu.extract(text, "2024-01-30").to_dict()["events"]
    assert [e["type"] for e in evs] == ["meeting"]
    assert {p["name"]: p["role"] for p in evs[0]["participants"]} == {"王沪宁": "chair"}


def test_a_session_named_in_passing_with_no_one_at_it_is_no_event():
    text = "3月4日全国政协十四届一次会议开幕，5日十四届全国人大一次会议开幕。各地代表陆续抵京。"
    assert ganbu.extract(text, "2023-03-03").to_dict()["events"] == []


def test_those_invited_to_report_or_speaking_on_a_theme_are_at_the_meeting():
    # X应邀作报告, X围绕…作发言, X就…作说明 (2,003 in bulk)
    text = ("政协第十四届全国委员会第三十六次主席会议28日在京召开。全国政协主席王沪宁主持并讲话。"
            "科技部副部长龙腾应邀作报告。全国政协副主席穆虹、咸辉围绕学习贯彻重要讲话精神作发言。")
    evs = ganbu.extract(text, "2025-05-29").to_dict()["events"]
    assert [e["type"] for e in evs] == ["meeting"]
    assert {p["name"] for p in evs[0]["participants"]} == {"王沪宁", "龙腾", "穆虹", "咸辉"}


def test_one_first_named_to_comment_on_an_encounter_is_not_at_it():
    # reaction stories: an expert or official first named in a sentence that speaks of someone at the
    # encounter (3 such commentators joined visits and meetings in 3,500 bulk stories)
    text = ("新华社平壤6月21日电 国家主席习近平21日在平壤会见朝鲜国务委员会委员长金正恩。\n"
            "美国智库卡内基国际和平基金会副会长包道格表示，习近平此次访问朝鲜显示出中方对中朝关系的重视。")
    ev = [e for e in _events(text, "2019-06-22") if e["type"] == "meeting"]
    assert ev and _names(ev[0]) == {"习近平", "金正恩"}
    # the counterpart named before, speaking of his host, stays at the talks
    text = ("新华社阿斯塔纳9月14日电 国家主席习近平14日在阿斯塔纳同哈萨克斯坦总统托卡耶夫举行会谈。\n"
            "托卡耶夫表示，习近平主席首次出访即选择哈萨克斯坦，充分彰显了哈中之间的高度互信。")
    ev = [e for e in _events(text, "2022-09-15") if e["type"] == "talks"]
    assert ev and _names(ev[0]) == {"习近平", "托卡耶夫"}


def test_an_encounter_named_again_in_a_speech_carried_on_opens_nothing_people_join():
    # 习近平指出，…我同总理先生在武汉…会晤…。两国…对这次会晤予以积极评价: the paragraph carries the speech
    # on (in 3,500 bulk stories 8 such 会晤 named back in a speech took the people of 参加会见)
    text = ("新华社青岛6月9日电 国家主席习近平9日在青岛会见印度总理莫迪。\n"
            "习近平指出，一个多月前，我同总理先生在武汉成功举行非正式会晤。两国和国际社会都对这次会晤予以积极评价。\n"
            "杨洁篪、王毅参加会见。")
    evs = [e for e in _events(text, "2018-06-10") if e["type"] == "meeting"]
    assert [_names(e) for e in evs if "王毅" in _names(e)] == [{"习近平", "莫迪", "杨洁篪", "王毅"}]


def test_one_who_reports_to_the_leader_at_the_event_is_at_it():
    # X向总书记汇报/介绍 (向 + a leader + 汇报/介绍/讲述/报告/提问: 73 in the bulk corpus); not one who
    # briefs reporters (王毅向记者介绍)
    text = ("习近平总书记12日在四川考察，来到战旗村。\n"
            "村党委书记杨云刚向总书记介绍了村里的发展情况。外交部长王毅向记者介绍了有关情况。")
    evs = [e for e in ganbu.extract(text, "2018-02-13").to_dict()["events"] if e["type"] == "inspection"]
    assert len(evs) == 1
    names = {p["name"] for p in evs[0]["participants"]}
    assert "杨云刚" in names and "王毅" not in names


def test_people_before_fenbie_each_have_their_own_meeting():
    # 分别 + a meeting verb after two or more names: one meeting each (the dev gold: 巴沙尔、穆阿利姆分别会见贾法里)
    text = "罗马尼亚总统约翰尼斯、总理乔洛什12日分别会见了到访的中国外交部长王毅。"
    got = sorted(sorted(_names(e)) for e in _events(text, "2016-07-13") if e["type"] == "meeting")
    assert got == [["乔洛什", "王毅"], ["王毅", "约翰尼斯"]]


def test_the_host_before_tong_is_at_each_meeting_held_apart():
    text = "国家主席习近平5日在北京同南非总统拉马福萨、印尼总统佐科分别会晤。"
    got = sorted(sorted(_names(e)) for e in _events(text, "2019-06-06") if e["type"] == "meeting")
    assert got == [["习近平", "佐科"], ["习近平", "拉马福萨"]]


def test_leaders_taking_part_in_the_groups_deliberations_each_have_one():
    text = ("党和国家领导人李强、赵乐际、王沪宁，6日分别参加了十四届全国人大三次会议和全国政协十四届三次会议"
            "一些团组的审议和讨论。")
    got = sorted(sorted(_names(e)) for e in _events(text, "2025-03-06") if e["type"] == "conference")
    assert got == [["李强"], ["王沪宁"], ["赵乐际"]]


def test_a_ceremony_attended_fenbie_stays_one_event():
    text = "国家副主席王岐山、全国政协副主席刘奇葆当天分别出席了开幕式。"
    evs = [e for e in _events(text, "2016-07-13") if e["type"] == "conference"]
    assert [sorted(_names(e)) for e in evs] == [["刘奇葆", "王岐山"]]


def test_a_leaders_deliberation_told_in_the_lead_and_again_is_one():
    text = ("党和国家领导人李强、赵乐际，6日分别参加了十四届全国人大三次会议一些代表团的审议。\n"
            "中共中央政治局常委、国务院总理李强参加了河北代表团审议。他说，希望河北推进雄安新区建设。")
    evs = [e for e in _events(text, "2025-03-06") if e["type"] == "conference"]
    assert sorted(sorted(_names(e)) for e in evs) == [["李强"], ["赵乐际"]]


def test_speakers_who_fa_le_yan_join_the_forum():
    text = ("19日，国务院总理李强在哈尔滨主持召开部分省份稳就业工作座谈会。\n"
            "黑龙江省委书记许勤、省长梁惠玲和河北省长王正谱发了言。\n"
            "李强说，就业是最大的民生。")
    conf = next(e for e in _events(text, "2023-08-20") if e["type"] == "conference")
    assert _names(conf) == {"李强", "许勤", "梁惠玲", "王正谱"}


def test_the_acts_a_visit_lead_tells_one_after_another_are_each_an_event():
    # 会见A，会晤B，与C举行会谈 (a clause opening with 会见/会晤/拜会 or 与…举行会谈 after a meeting: 54 in the bulk
    # corpus); 与C和D分别举行会谈: one talks each
    text = ("应斯洛伐克国民议会议长帕什卡的邀请，全国人大常委会委员长张德江19日至22日对斯洛伐克进行正式友好访问，"
            "在布拉迪斯拉发会见斯洛伐克总统加什帕罗维奇，会晤总理菲乔，与议长帕什卡举行会谈。")
    evs = {(e.type, tuple(sorted(p.name for p in e.participants))) for e in ganbu.extract(text, "2013-09-22").events}
    assert ("meeting", ("加什帕罗维奇", "张德江")) in evs
    assert ("meeting", ("张德江", "菲乔")) in evs
    assert ("talks", ("帕什卡", "张德江")) in evs
    text = ("全国人大常委会委员长栗战书18日至21日对奥地利进行正式友好访问，在维也纳会见总统范德贝伦，"
            "与国民议会议长索博特卡和联邦议会议长阿佩分别举行会谈。")
    talks = [sorted(p.name for p in e.participants) for e in ganbu.extract(text, "2019-05-21").events
             if e.type == "talks"]
    assert sorted(talks) == [["栗战书", "索博特卡"], ["栗战书", "阿佩"]]


def test_deputies_who_speak_at_a_deliberation_are_at_it():
    # 骆惠宁、郝鹏等5位代表先后围绕…发言 (等 + a number of 位/名 before the verb: 31 in bulk; 围绕/就…发言 with
    # no 作: 57)
    text = ("中共中央总书记、国家主席习近平10日上午在十二届全国人大四次会议青海代表团参加审议。会上，骆惠宁、郝鹏、"
            "毕生忠、拜秀花等4位代表先后围绕建设三江源国家公园、深化医药卫生体制改革等发言。")
    (ev,) = ganbu.extract(text, "2016-03-10").events
    assert {p.name for p in ev.participants} == {"习近平", "骆惠宁", "郝鹏", "毕生忠", "拜秀花"}


def test_the_two_heads_at_a_joint_press_meeting_after_their_talks():
    # 会谈后，两国元首共同会见记者 (共同会见记者: 121 in bulk; the dev gold has the two at it)
    text = "国家主席习近平3日在阿斯塔纳同哈萨克斯坦总统托卡耶夫举行会谈。会谈后，两国元首共同会见记者。"
    evs = ganbu.extract(text, "2024-07-03").events
    press = [e for e in evs if e.type == "meeting"]
    assert press and {p.name for p in press[0].participants} == {"习近平", "托卡耶夫"}
    assert press[0].date is not None and press[0].date.start == "2024-07-03"


def test_a_lead_that_met_several_unnamed_guests_gives_one_meeting_per_guest_told():
    # 会见了出席…年会的外国政要。在会见X时，… (264 such clauses in 94 bulk stories; the lead names no guest)
    text = ("国务院总理温家宝11日在天津会见了出席2012年夏季达沃斯论坛年会的外国政要。\n"
            "在会见卢旺达总统卡加梅时，温家宝说，中国与卢旺达关系健康发展。卡加梅表示，卢方愿深化合作。\n"
            "在会见巴基斯坦总理阿什拉夫时，温家宝说，中国与巴基斯坦友谊深入人心。阿什拉夫表示，巴方感谢中方支持。")
    evs = ganbu.extract(text, "2012-09-12").events
    assert sorted(sorted(p.name for p in e.participants) for e in evs) == [["卡加梅", "温家宝"], ["温家宝", "阿什拉夫"]]


def test_he_opening_the_clause_of_a_background_act_is_the_official_named_before():
    # 习近平高度重视…。2019年5月，他专门到…视察 (11 such acts gained in 11 bulk stories, none lost); a wish
    # (他愿意继续会见…) and an act inside a tour already told are not
    evs = _events("习近平总书记高度重视院校教育。2019年5月，他专门到陆军步兵学院视察，对办学育人提出明确要求。",
                  "2022-06-20")
    assert [(e["type"], _names(e)) for e in evs] == [("inspection", {"习近平"})]
    assert _events("韩国总统文在寅今天发表新年贺词。他愿意继续会见朝鲜领导人并开展对话。", "2020-01-07") == []


def test_a_speech_the_story_refers_to_is_an_undated_speech():
    # 习近平主席发表的重要演讲给人留下深刻印象 (205 bulk stories gain one); not the spirit studied, nor X的贺信并讲话
    evs = _events("蒙古国总理呼日勒苏赫在会见时表示，习近平主席发表的重要演讲给人留下深刻印象。", "2018-04-11")
    assert [(e["type"], e["date"], _names(e)) for e in evs if e["type"] == "speech"] == [("speech", None, {"习近平"})]
    for text in ("会议要求，深入学习贯彻习近平总书记重要讲话精神。",
                 "中宣部部长黄坤明在会上宣读了习近平主席的贺信并讲话。",
                 "会议强调，要深入学习贯彻习近平总书记在中央政治局集体学习时的重要讲话。"):
        assert all("习近平" not in _names(e) for e in _events(text, "2019-06-16")), text


def test_guests_met_who_came_to_attend_a_forum_attend_it_undated():
    # 会见来华出席…论坛的X (349 in bulk): the guests' conference, one for all guests met one by one
    evs = _events("李克强在人民大会堂分别会见来华出席太湖文化论坛年会的莫桑比克总统格布扎、安提瓜和巴布达总督莱克-塔克。",
                  "2013-05-17")
    confs = [e for e in evs if e["type"] == "conference"]
    assert [(e["date"], _names(e)) for e in confs] == [(None, {"格布扎", "莱克-塔克"})]
    # the forum's name may hold a quoted part (来华出席第三届“一带一路”国际合作高峰论坛的X: 69 bulk stories gained)
    evs = _events("国家主席习近平在人民大会堂会见来华出席第三届“一带一路”国际合作高峰论坛的匈牙利总理欧尔班。", "2023-10-17")
    assert [(e["date"], _names(e)) for e in evs if e["type"] == "conference"] == [(None, {"欧尔班"})]


def test_a_list_going_on_with_groups_up_to_taking_part_joins():
    # X、Y、领导小组成员和中央有关部门负责同志参加会议 (178 in bulk): X and Y are at the meeting
    evs = _events("国务院副总理韩正19日主持召开冬奥会工作领导小组全体会议，研究部署重点任务。韩正强调，要扎实推进筹办任务。"
                  "孙春兰、蔡奇、冬奥会工作领导小组成员和中央有关部门负责同志参加会议。", "2019-03-19")
    assert [_names(e) for e in evs] == [{"韩正", "孙春兰", "蔡奇"}]


def test_daohui_attending_a_meeting_joins_it():
    # 石泰峰到会祝贺并讲话 / X到会听取 (到会 + 祝贺/听取 31 times in bulk)
    evs = _events("中华全国工商业联合会执行委员会会议12日在北京召开。会议选举产生了新一届领导班子。"
                  "中央统战部部长石泰峰到会祝贺并讲话。", "2022-12-13")
    assert any(_names(e) == {"石泰峰"} and e["type"] in ("meeting", "conference") for e in evs)


def test_a_stop_of_a_preaching_tour_is_a_visit_and_the_lecture_stays():
    # 施芝鸿在武汉大学作宣讲报告。…报告会后，施芝鸿来到武汉抗疫展览馆，与青年学生互动交流 (117 such stops in 59 bulk
    # stories of 宣讲): a visit of its own; the member's lecture is still a speech
    evs = _events("近日，中央宣讲团成员、中央政策研究室原副主任施芝鸿在武汉大学作宣讲报告。他对全会精神进行系统阐述。"
                  "报告会后，施芝鸿来到武汉抗疫展览馆，与青年学生互动交流。", "2020-11-21")
    assert sorted((e["type"], tuple(sorted(_names(e)))) for e in evs) == [("speech", ("施芝鸿",)), ("visit", ("施芝鸿",))]


def test_a_host_meeting_guests_while_attending_a_summit_attends_it():
    # 在出席第十届亚欧首脑会议期间，李克强…会见… (44 such in bulk, 41 with no conference read): the host's attendance,
    # undated; not one looked forward to (我期待在出席论坛年会期间…)
    evs = _events("在出席第十届亚欧首脑会议期间，国务院总理李克强在米兰分别会见德国总理默克尔、法国总统奥朗德。", "2014-10-17")
    assert [(e["date"], _names(e)) for e in evs if e["type"] == "conference"] == [(None, {"李克强"})]
    evs = _events("国家主席习近平12日会见论坛理事会主席。习近平说，我期待在出席论坛年会期间同各界交流。", "2014-10-17")
    assert [e for e in evs if e["type"] == "conference"] == []


def test_a_tour_stop_with_bing_before_the_exchange_is_a_visit():
    # 田培炎还来到…社区宣讲全会精神，并与干部群众互动交流 (，并与 before the exchange: 5 stops more in 4 bulk stories)
    evs = _events("近日，中央宣讲团成员、商务部部长王文涛在江苏作宣讲报告。他对全会精神作了全面宣讲。"
                  "王文涛还来到南京市玄武区梅园新村街道社区宣讲全会精神，并与干部群众互动交流。", "2024-07-28")
    assert sorted((e["type"], tuple(sorted(_names(e)))) for e in evs) == [("speech", ("王文涛",)), ("visit", ("王文涛",))]


def test_members_listed_before_yiji_experts_speak_at_the_meeting():
    # 全国政协委员朱维群、赵雨森等以及专家学者在座谈会上发言 (3 in 3 bulk stories): the members speak at it
    evs = _events("全国政协8日下午在京召开第55次双周协商座谈会。全国政协主席俞正声主持会议并讲话。\n"
                  "全国政协委员朱维群、赵雨森等以及专家学者在座谈会上发言。", "2016-09-09")
    assert [sorted(_names(e)) for e in evs] == [sorted(["俞正声", "朱维群", "赵雨森"])]


def test_receiving_delegates_before_the_meeting_is_a_meeting_of_its_own():
    # 会前，汪洋等领导同志接见受表彰代表并合影 (…前，X会见/接见…: 44 in 44 bulk stories; 2 were merged into the meeting)
    evs = _events("全国对台工作系统表彰会议15日在北京人民大会堂举行。汪洋出席会议并讲话。王毅主持会议。\n"
                  "会前，汪洋等领导同志接见受表彰代表并合影。", "2021-10-15")
    assert sorted(sorted(_names(e)) for e in evs) == [["汪洋"], ["汪洋", "王毅"]]


def test_a_meeting_convened_at_a_stop_of_a_tour_is_its_own():
    # …在辽宁调研。…在朝阳市，刘云山主持召开…座谈会 (the stop's place before it had made it a detail of the tour:
    # 9 conferences gained in 9 bulk stories)
    evs = _events("中共中央政治局常委刘云山22日在辽宁调研。\n"
                  "在朝阳市，刘云山主持召开农村基层党建工作座谈会，听取情况介绍和意见建议。", "2017-06-24")
    assert sorted(e["type"] for e in evs) == ["conference", "inspection"]


def test_those_present_when_he_met_join_the_meeting():
    # 戴秉国会见时在座 (X会见时在座: 18 in 18 bulk stories) made a meeting of its own with X alone
    evs = _events("国家主席胡锦涛20日在人民大会堂会见埃及总统特使阿姆鲁。\n胡锦涛说，中方愿同埃方加强合作。\n"
                  "戴秉国会见时在座。", "2012-07-20")
    assert [sorted(_names(e)) for e in evs] == [sorted(["胡锦涛", "阿姆鲁", "戴秉国"])]


def test_a_tea_talk_of_two_leaders_is_a_meeting():
    # 授勋仪式后，习近平同阮富仲进行了茶叙 (茶叙: 6 in 6 bulk stories)
    evs = _events("国家主席习近平31日在人民大会堂向越共中央总书记阮富仲授予友谊勋章。\n"
                  "授勋仪式后，习近平同阮富仲进行了茶叙，畅叙两党两国传统友谊。", "2022-11-01")
    assert [(e["type"], _names(e)) for e in evs] == [("meeting", {"习近平", "阮富仲"})]


def test_leaders_who_walk_into_the_hall_are_at_the_congress():
    # 上午10时，习近平等步入会场 (步入会场, 走上主席台, 来到会场: 36 in 32 bulk stories; 9 stories gain the leaders)
    text = ("中国共产主义青年团第十九次全国代表大会19日上午在人民大会堂开幕。\n"
            "上午10时，中共中央总书记、国家主席习近平等步入会场，全场响起热烈掌声。")
    evs = ganbu.extract(text, "2023-06-19").to_dict()["events"]
    assert [(e["type"], sorted(p["name"] for p in e["participants"])) for e in evs] == [("conference", ["习近平"])]
