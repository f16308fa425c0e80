"""Appointment and removal events read around the names (events/appointments.py), on sentences
written for these tests. Counts of each verb in the bulk corpus are in appointment_verbs.tsv."""
from importlib import resources

import ganbu


def _events(text, published=None, types=("appointment", "removal")):
    return [e for e in ganbu.extract(text, published).to_dict()["events"] if e["type"] in types]


def _by_person(evs):
    return {(e["type"], e["participants"][0]["name"]): (e["date"] or {}).get("start") for e in evs}


def test_data_tables_state_their_source():
    for name in ("appointment_verbs.tsv", "appointment_words.tsv"):
        text = resources.files("ganbu.events").joinpath("data", name).read_text(encoding="utf-8")
        assert text.startswith("#") and "hand" in "\n".join(text.splitlines()[:4])


def test_dismissal_of_a_list_with_the_day_of_the_sentence():
    # 解除 … 的职务: 131 uses of 解除 in the bulk corpus, 32 with 职务 in the clause
    text = "埃及总统穆尔西12号解除了国防部长坦塔维、总参谋长阿南的职务。"
    got = _by_person(_events(text, "2012-08-13"))
    assert got == {("removal", "坦塔维"): "2012-08-12", ("removal", "阿南"): "2012-08-12"}


def test_passive_appointment_of_two_names_joined_by_he():
    text = ("埃及总统穆尔西12号宣布人事调整。\n"
            "国防部长坦塔维和总参谋长阿南被任命为总统顾问。")
    got = _by_person(_events(text, "2012-08-13"))
    assert got == {("appointment", "坦塔维"): "2012-08-12", ("appointment", "阿南"): "2012-08-12"}


def test_resignation_accepted_and_new_minister_named():
    text = ("乌克兰议会25号接受国防部代部长捷纽赫的辞呈，并任命国防部副部长科瓦利上将为新国防部代部长。")
    got = _by_person(_events(text, "2014-03-26"))
    assert got == {("removal", "捷纽赫"): "2014-03-25", ("appointment", "科瓦利"): "2014-03-25"}


def test_a_demanded_resignation_is_no_event():
    text = "反对派3日举行集会，要求总理普拉育辞职。"
    assert _events(text, "2020-08-04") == []


def test_career_line_with_a_month_only_has_no_date():
    text = "南非总统拉马福萨22日会见来访客人。\n2018年2月，时任总统祖马宣布辞职。"
    got = _by_person(_events(text, "2019-05-23"))
    assert got == {("removal", "祖马"): None}


def test_pronoun_opening_its_clause_is_the_person_named_before():
    text = "津巴布韦总统穆加贝现年93岁，1980年津巴布韦独立后，他出任总理。"
    got = _by_person(_events(text, "2017-11-22"))
    assert got == {("appointment", "穆加贝"): None}


def test_pronoun_as_object_is_not_the_subject():
    # 祝贺他当选: 他 is the one congratulated, not the sender named before
    text = "1月28日，中共中央总书记习近平致电，祝贺他再次当选。"
    assert _events(text, "2016-01-28") == []


def test_expulsion_given_to_a_list():
    text = ("河北省委书记周本顺、南昌市委书记余远辉严重违纪。\n"
            "6月30日，中共中央决定给予周本顺、余远辉开除党籍处分。")
    got = _by_person(_events(text, "2014-07-01"))
    assert got == {("removal", "周本顺"): "2014-06-30", ("removal", "余远辉"): "2014-06-30"}


def test_noun_use_and_since_taking_office_are_no_acts():
    text = "分析人士认为，哈里里辞职风波背后折射出地区博弈。特朗普就任以来多次批评盟友。"
    assert _events(text, "2017-11-19") == []


def test_act_that_times_another_is_not_dated_by_the_story():
    # 就任…后首次访华: the taking of office is not the day of the visit
    text = "3月22日，越南国家主席张晋创抵达北京。这是张晋创就任国家主席后首次访华。"
    got = _by_person(_events(text, "2013-03-23"))
    assert got == {("appointment", "张晋创"): None}


def test_notice_lines_after_a_colon_take_the_notice_date():
    # the lines under 中共中央批准：are not headings: each act is dated by the notice
    text = ("3月30日，中共中央批准：\n刘耀福同志任江西省委书记\n"
            "孙春勇同志不再担任江西省委书记职务。")
    got = _by_person(_events(text, "2022-03-31"))
    assert got == {("appointment", "刘耀福"): "2022-03-30", ("removal", "孙春勇"): "2022-03-30"}


def test_heading_act_told_again_below_is_one_event():
    text = ("央视网消息（新闻联播）：\n拉马福萨当选南非总统\n"
            "南非国民议会22日选举非国大推举的候选人、南非副总统拉马福萨为南非总统。")
    evs = _events(text, "2019-05-23")
    assert [(e["type"], (e["date"] or {}).get("start")) for e in evs] == [("appointment", "2019-05-22")]


def test_story_date_far_from_publication_is_not_carried_to_a_career_line():
    text = "1926年8月17日，江泽民出生于江苏扬州。\n在十五届一中全会上，江泽民当选为中央委员会总书记。"
    got = _by_person(_events(text, "2022-12-02"))
    assert got == {("appointment", "江泽民"): None}


def test_congratulated_addressee_of_a_message_is_the_one_elected():
    # 致电X，祝贺他…当选 (15 in the bulk corpus): 他 is X; the election has no day here
    text = "1月28日，中共中央总书记习近平致电越共中央总书记阮富仲，祝贺他再次当选越南共产党中央总书记。"
    got = _by_person(_events(text, "2016-01-28"))
    assert got == {("appointment", "阮富仲"): None}


def test_career_lines_after_a_time_clause_and_one_act_told_twice():
    text = ("津巴布韦众议长穆登达21日宣布，津巴布韦总统穆加贝辞去总统职务。\n"
            "随着穆加贝辞职，弹劾动议自动终止。\n"
            "1987年津巴布韦改行总统制后他担任总统，连任至今。")
    evs = _events(text, "2017-11-22")
    got = sorted(((e["type"], (e["date"] or {}).get("start")) for e in evs), key=str)
    assert got == [("appointment", None), ("removal", "2017-11-21")]


def test_a_career_line_gives_a_former_position_and_an_undated_appointment():
    # X曾任Y (曾任 33 in the bulk corpus): a position (GUIDELINES, background and career lines), never
    # dated by the story; 过 after 担任 is no part of the title
    doc = ganbu.extract("新华社北京4月10日电 张廷发同志曾任空军司令员。奥马尔·格拉万吉曾担任过政府财政部长。", "2018-04-10")
    people = {p.name: [(q.text, q.status) for q in p.positions] for p in doc.people}
    assert people["张廷发"] == [("空军司令员", "former")]
    assert people["奥马尔·格拉万吉"] == [("政府财政部长", "former")]
    apps = [e for e in doc.to_dict()["events"] if e["type"] == "appointment"]
    assert apps and all(e["date"] is None for e in apps)


def test_a_career_line_tells_one_appointment_per_office():
    # 历任 (17 in the bulk corpus), 先后担任 (12), 先后任 (9): a career line lists several decisions,
    # one event per person and decision (GUIDELINES); none takes the story's date
    text = "亚历山大·斯图布历任芬兰外长、贸易部长、财政部长和总理。他说，两国合作前景广阔。"
    evs = _events(text, "2017-04-06")
    assert len(evs) == 4
    assert {e["participants"][0]["name"] for e in evs} == {"亚历山大·斯图布"}
    assert all(e["date"] is None for e in evs)
    doc = ganbu.extract("王刚先后担任福建省长、浙江省委书记。", "2020-05-01").to_dict()
    wang = next(p for p in doc["people"] if p["name"] == "王刚")
    assert {(q["text"], q["status"]) for q in wang["positions"]} == {("福建省长", "former"), ("浙江省委书记", "former")}
    assert len([e for e in doc["events"] if e["type"] == "appointment"]) == 2


# a biography written for this test in the form of the CV stories (bulk: 20 heads "X，男，" in 17
# stories; 321 career lines "1975－1980年 …" in the 14 stories with three or more)
_CV = ("央视网消息（新闻联播）：\n丁世文同志简历\n"
       "丁世文，男，汉族，1962年5月生，江苏南通人，1983年8月参加工作，在职研究生学历。\n"
       "现任江苏省委副书记，南京市委书记。\n"
       "1983－1988年 江苏省南通市计委干事、科员\n"
       "1988－1995年 江苏省南通市委办公室副主任（其间：1990－1992年南京大学学习）\n"
       "1995－2001年 江苏省海门县委副书记、代县长\n"
       "2001－2010年 江苏省南通市委常委、秘书长，市总工会主席\n"
       "2010－ 江苏省委副书记，南京市委书记\n")


def _cv_person():
    doc = ganbu.extract(_CV, "2016-05-01").to_dict()
    (person,) = [p for p in doc["people"] if p["name"] == "丁世文"]
    return {x["text"]: x.get("status", "current") for x in person["positions"]}, doc["events"]


def test_a_biographys_career_lines_give_its_persons_former_offices():
    got, _ = _cv_person()
    assert got["江苏省南通市委办公室副主任"] == "former"   # the parenthesis is left out
    assert got["江苏省海门县代县长"] == "former"         # 代县长 takes the county of the link before, as written
    assert got["江苏省南通市委秘书长"] == "former"
    assert got["江苏省南通市总工会主席"] == "former"
    assert got["南京市委书记"] == "current"              # the open line, and 现任
    assert not any(t in got for t in ("科员", "干事"))    # offices the roles do not know give nothing


def test_a_biography_tells_one_undated_appointment_per_career_line():
    _, events = _cv_person()
    cv = [e for e in events if e["type"] == "appointment"]
    assert len(cv) == 4 and all(e["date"] is None for e in cv)  # the first line names no office it knows
    assert {e["participants"][0]["name"] for e in cv} == {"丁世文"}


def test_a_foreign_state_in_one_office_of_a_biography_makes_no_foreign_official():
    # 延边大学朝鲜语系…，校党委常委 gave 朝鲜校党委常委, then every office took 朝鲜 (张德江's CV, 1 bulk story)
    text = _CV.replace("1983－1988年 江苏省南通市计委干事、科员\n",
                       "1983－1988年 延边大学朝鲜语系党总支副书记，校党委常委、革委会副主任\n").replace(
        "2010－ 江苏省委副书记，南京市委书记", "2010－ 中央政治局委员，南京市委书记")
    doc = ganbu.extract(text, "2016-05-01").to_dict()
    (person,) = [p for p in doc["people"] if p["name"] == "丁世文"]
    got = {x["text"] for x in person["positions"]}
    assert "中央政治局委员" in got and "江苏省南通市委秘书长" in got and "朝鲜中央政治局委员" not in got


def test_membership_revoked_and_members_added_name_the_office_after_the_names():
    # 撤销X、Y第十三届全国政协委员资格 (16 in the bulk corpus), 免去X第…常委职务 with no 的, 增补X为… (10): each
    # person holds the office, a removal or an appointment of the day; 被免去党支部书记职务 names nobody after it
    text = ("政协第十三届全国委员会常务委员会第二十次会议2日下午在京闭幕。会议经过表决，增补付志方为第十三届全国政协委员；"
            "通过关于免去郑跃文第十三届全国政协常委职务的决定；追认关于撤销王滨、韩沂第十三届全国政协委员资格的决定。")
    doc = ganbu.extract(text, "2022-03-02")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people == {"付志方": ["第十三届全国政协委员"], "郑跃文": ["第十三届全国政协常委"],
                      "王滨": ["第十三届全国政协委员"], "韩沂": ["第十三届全国政协委员"]}
    assert sorted((e.type, e.participants[0].name) for e in doc.events) == [
        ("appointment", "付志方"), ("removal", "王滨"), ("removal", "郑跃文"), ("removal", "韩沂")]
    doc = ganbu.extract("村原党支部书记罗红日在选举中拉票，当即被免去党支部书记职务。", "2016-12-03")
    assert [p.name for p in doc.people] == ["罗红日"]


def test_two_decisions_of_a_notice_on_one_persons_two_offices_are_two_events():
    # 增补宁吉喆…为第十三届全国政协委员；增补付志方、宁吉喆为经济委员会副主任 (GUIDELINES: one event per person and
    # decision; 14 events gained in 8 bulk stories, CPPCC and NPC notices)
    text = ("政协第十三届全国委员会常务委员会第二十次会议2日下午在京闭幕。会议经过表决，增补宁吉喆、尚勇为第十三届全国政协委员；"
            "增补付志方、宁吉喆为经济委员会副主任。")
    evs = ganbu.extract(text, "2022-03-02").events
    assert sorted(e.participants[0].name for e in evs) == sorted(["宁吉喆", "宁吉喆", "尚勇", "付志方"])


def test_a_past_career_after_a_comma_is_the_sentences_subjects_and_goes_on_over_commas():
    # 佩雷斯生于1923年8月，曾担任…; 刘复之同志是…领导人，曾任… (19 obituaries and profiles in bulk); a career line
    # goes on over commas with parts that are offices only, and stops at a part with a date or a verb
    doc = ganbu.extract("以色列前总统佩雷斯去世。佩雷斯生于1923年8月，曾担任以色列国防部长、外交部长、总理和总统等职。"
                        "纪念洪学智同志座谈会1日在京举行。洪学智同志曾任中央军委委员、副秘书长，解放军总后勤部部长，"
                        "1955年被授予上将军衔。", "2016-09-28")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people["佩雷斯"] == ["以色列前总统", "以色列国防部长", "以色列外交部长", "以色列总理", "以色列总统"]
    assert people["洪学智"] == ["中央军委委员", "中央军委副秘书长", "解放军总后勤部部长"]
    apps = [e for e in doc.events if e.type == "appointment"]
    assert len(apps) == 7 and all(e.date is None for e in apps)


def test_an_advisory_commission_is_the_organisation_of_the_role_after_it():
    # 原中共中央顾问委员会委员 was cut into 原中共中央顾问 | 委员会委员 (顾问 read as the link's role)
    doc = ganbu.extract("刘复之同志是我国政法战线的杰出领导人，曾任中国共产党第十二届中央委员会委员，原中共中央顾问委员会委员，"
                        "最高人民检察院检察长。", "2017-03-31")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people["刘复之"] == ["中国共产党第十二届中央委员会委员", "原中共中央顾问委员会委员", "最高人民检察院检察长"]


def test_a_career_line_may_write_its_years_or_later_between_the_name_and_the_verb():
    # 焦裕禄1962年任兰考县委书记, 谢高华1982年5月至1984年12月任…, 李光耀于1959年至1990年担任… (15 in 13 bulk stories),
    # 罗学瓒后任…: positions and undated appointments
    doc = ganbu.extract("焦裕禄1962年任兰考县委书记。谢高华1982年5月至1984年12月任义乌县委书记。罗学瓒后任浙江省委书记。",
                        "2021-06-06")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people == {"焦裕禄": ["兰考县委书记"], "谢高华": ["义乌县委书记"], "罗学瓒": ["浙江省委书记"]}
    assert [e.date for e in doc.events if e.type == "appointment"] == [None, None, None]


def test_a_dated_career_step_after_a_comma_is_the_clauses_subjects():
    # 1922年秋，罗学瓒回到长沙，1923年任… (a year, then 任, after a comma: 9 in 6 bulk stories); a transliterated name read
    # short there is no subject (武切维 + 奇)
    doc = ganbu.extract("1922年秋，罗学瓒回到长沙，1923年任湖南外交后援会文书主任、青年救国团主席，积极参加反帝爱国运动。",
                        "2019-07-14")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people["罗学瓒"] == ["湖南外交后援会文书主任", "青年救国团主席"]


def test_a_career_told_with_a_dotted_names_last_part_is_the_full_names():
    # 以色列前总统希蒙·佩雷斯… 佩雷斯…曾担任…: the people layer gives the short form's offices to the full name; its
    # appointments were lost (no person by the short name)
    doc = ganbu.extract("以色列前总统希蒙·佩雷斯28号凌晨在特拉维夫去世。佩雷斯生于1923年8月，曾担任以色列国防部长、总理和总统等职。",
                        "2016-09-28")
    apps = [e for e in doc.events if e.type == "appointment"]
    assert len(apps) == 3 and {p.name for e in apps for p in e.participants} == {"希蒙·佩雷斯"}


def test_a_headings_appointment_told_below_takes_the_storys_day():
    # 奥巴马提名卡特为新任国防部长 (heading) … 奥巴马5号正式提名…阿什顿·卡特为新一任国防部长: one event, the story's
    doc = ganbu.extract("奥巴马提名卡特为新任国防部长\n美国总统奥巴马5号正式提名美国国防部前常务副部长阿什顿·卡特为新一任国防部长。",
                        "2014-12-06")
    apps = [(e.date.start if e.date else None) for e in doc.events if e.type == "appointment"]
    assert apps == ["2014-12-05"]


def test_a_career_after_a_comma_in_a_sentence_opening_with_a_year_is_its_subjects():
    # 2014年刘靖来到这里，先后担任县长、县委书记 / 1929年罗学瓒被派往杭州，先后任… (a year, a name, then 先后/后/曾 + 任
    # after a comma: the name after the year is the subject)
    doc = ganbu.extract("大革命失败后，罗学瓒坚持斗争。1929年罗学瓒被派往杭州，先后任浙江省委宣传部部长、省委书记。", "2019-07-14")
    people = {p.name: [x.text for x in p.positions] for p in doc.people}
    assert people["罗学瓒"] == ["浙江省委宣传部部长", "浙江省委书记"]


def test_a_note_after_the_name_in_an_appointment_list_keeps_the_office():
    # 任命巴特尔（蒙古族）为…，任命胡泽君（女）为… (13 notes in 6 bulk stories): the appointee keeps his office
    doc = ganbu.extract("任命魏凤和为国防部部长，任命巴特尔（蒙古族）为国家民族事务委员会主任，"
                        "任命胡泽君（女）为审计署审计长。", "2018-03-19").to_dict()
    got = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
    assert got == {"魏凤和": ["国防部部长"], "巴特尔": ["国家民族事务委员会主任"], "胡泽君": ["审计署审计长"]}


def test_the_offices_a_charge_says_were_used_are_past_offices():
    # 被告人苏荣利用其担任中共青海省委书记、…等职务上的便利 (a trial's charge: 5 in 5 bulk stories, 24 positions gained)
    doc = ganbu.extract("济南市人民检察院指控：2002年至2014年，被告人苏荣利用其担任中共青海省委书记、中共甘肃省委书记、"
                        "中共中央党校副校长等职务上的便利，为有关单位提供帮助。", "2016-12-29").to_dict()
    got = {p["name"]: [x["text"] for x in p["positions"]] for p in doc["people"]}
    assert got["苏荣"] == ["中共青海省委书记", "中共甘肃省委书记", "中共中央党校副校长"]
