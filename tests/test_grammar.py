"""Golden records for the title grammar: input, expected people and positions, and why."""
import json
from pathlib import Path

import pytest

import ganbu

RECORDS = json.loads((Path(__file__).with_name("golden_people.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("rec", RECORDS, ids=[r["why"][:40] for r in RECORDS])
def test_golden(rec):
    doc = ganbu.extract(rec["text"])
    got = {p.name: [x.text for x in p.positions] for p in doc.people}
    for name, positions in rec["expect"].items():
        assert name in got, f"{name} missing; got {got}"
        assert got[name] == positions, f"{name}: {got[name]} != {positions}"
    for name, status in rec.get("status", {}).items():
        p = next(p for p in doc.people if p.name == name)
        assert {x.status for x in p.positions} == {status}
    for name in rec.get("absent", []):
        assert name not in got


def test_spans_point_into_original_text():
    text = "廣東省委書記黃坤明、省長王偉中出席會議。黃坤明強調，要抓好落實。"
    doc = ganbu.extract(text)
    for p in doc.people:
        for a, b in p.mentions:
            assert ganbu.normalize_text(text[a:b]) == p.name
        for pos in p.positions:
            a, b = pos.span
            assert text[a:b]
    hk = next(p for p in doc.people if p.name == "黄坤明")
    assert len(hk.mentions) == 2  # the later bare mention is linked
    assert text[hk.mentions[0][0]:hk.mentions[0][1]] == "黃坤明"


def test_later_bare_mentions_are_linked():
    doc = ganbu.extract("青海省委书记陈刚、省长吴晓军拜会财政部。陈刚、吴晓军表示，希望加大支持。")
    by = {p.name: p for p in doc.people}
    assert len(by["陈刚"].mentions) == 2
    assert len(by["吴晓军"].mentions) == 2


def test_position_fields():
    doc = ganbu.extract("浙江省委书记易炼红出席。省长王浩讲话。")
    p = next(p for p in doc.people if p.name == "王浩")
    pos = p.positions[0].to_dict()
    assert pos["jurisdiction"] == "浙江省"
    assert pos["role"] == "省长"
    assert pos["organization"] == "浙江省人民政府"
    assert pos["status"] == "current"
    d = doc.to_dict()
    assert d["schema"] == "ganbu.document/1"
    assert len(d["id"]) == 16


def test_names_end_before_the_verbs_of_accountability_notices():
    # followers counted in bulk after a titled name: 违规 75, 借 7 (see grammar_words.tsv)
    text = ("某市自来水集团董事长夏军借出差之机旅游；某局统计处原副处长彭科违规出入私人会所；"
            "某中心原党组成员、总经济师郑灵借调研之机公款旅游。")
    names = {p.name for p in ganbu.extract(text).people}
    assert {"夏军", "彭科", "郑灵"} <= names and not names & {"夏军借", "彭科违", "郑灵借"}


def test_married_names_and_transliterations_are_read_whole():
    # 林郑 47, 陈冯 31 in bulk; 娃 47 and 滕 28 in transliterated names (name_chars.tsv, translit_chars.tsv)
    text = "香港特区行政长官林郑月娥、世界卫生组织总干事陈冯富珍出席。北约秘书长斯托尔滕贝格表示赞同。俄外交部发言人扎哈罗娃说。"
    assert {p.name for p in ganbu.extract(text).people} >= {"林郑月娥", "陈冯富珍", "斯托尔滕贝格", "扎哈罗娃"}


def test_doctrines_forms_of_address_and_dotted_pairs():
    # 习近平新时代中国特色社会主义思想 1,721 in bulk; 总统先生 303, 阁下 89; ·X和Y· 8
    doc = ganbu.extract("要坚持用习近平新时代中国特色社会主义思想武装头脑，坚持毛泽东思想。")
    assert doc.people == []
    doc = ganbu.extract("以习近平同志为核心的党中央。习近平主席同总统先生举行会谈，同总理阁下会见。")
    assert [p.name for p in doc.people] == ["习近平"]
    doc = ganbu.extract("他转达对菲德尔·卡斯特罗同志和劳尔·卡斯特罗同志的问候。")
    assert [p.name for p in doc.people] == ["菲德尔·卡斯特罗", "劳尔·卡斯特罗"]


def test_a_leaders_name_ending_the_text_ends_there():
    # a roster name as the last characters (found by the property test: 浙江省委书记習近平)
    doc = ganbu.extract("浙江省委书记習近平")
    assert [(p.name, p.mentions) for p in doc.people] == [("习近平", [(6, 9)])]


def test_a_court_appointment_formula_gives_the_court_to_every_link():
    # 任命X为最高人民法院副院长、审判委员会委员、审判员 (the formula of the 9 court appointments and removals in
    # the bulk corpus): the committee is the court's, the rank is the court's, not the committee's
    doc = ganbu.extract("会议经表决，任命茅仲华为最高人民法院副院长、审判委员会委员、审判员。")
    (p,) = doc.people
    assert [x.text for x in p.positions] == ["最高人民法院副院长", "最高人民法院审判委员会委员", "最高人民法院审判员"]
    doc = ganbu.extract("会议决定免去王少峰的最高人民检察院副检察长、检察委员会委员职务。")
    assert [x.text for x in doc.people[0].positions] == ["最高人民检察院副检察长", "最高人民检察院检察委员会委员"]
    # the court clerk is no party secretary
    doc = ganbu.extract("他先后担任过书记员、审判员。1990年，李明担任上海市浦东新区检察院书记员。")
    assert [x.text for x in doc.people[0].positions] == ["上海市浦东新区检察院书记员"]


def test_a_member_addressed_by_name_at_the_assemblys_meeting():
    # 厉以宁常委建议 / 张季委员指出 in a CPPCC story (182 in 22 bulk stories); 吕薇委员就 in an NPC Standing
    # Committee's (11 in 2)
    text = ("政协第十二届全国委员会常务委员会第十七次会议今天举行全体会议。叶小钢常委认为，用好人才是保证；"
            "刘敬民委员代表教科文卫体委员会发言提出，要打造精品。")
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2016-08-30").people}
    assert people == {"叶小钢": ["十二届全国政协常委"], "刘敬民": ["十二届全国政协委员"]}  # the term the report names
    text = "全国人大常委会举行联组会议进行专题询问。吕薇委员就如何落实改革方案提问。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2016-11-04").people}
    assert people == {"吕薇": ["全国人大常委会委员"]}
    # no assembly in the story: no member's title (and 常务委员 is no name)
    assert not ganbu.extract("座谈会上，张季委员指出，要加快发展。常务委员建议加强监督。").people[0].positions


def test_deputies_named_as_such_at_a_congress():
    # X、Y等8位代表先后…发言 in a report on an NPC session: 十二届全国人大代表 each (36 such in bulk; the GUIDELINES'
    # X、Y等代表 with the congress's term); at a Party congress 党的十九大代表; a symposium's 代表 no deputy
    text = ("习近平10日上午在十二届全国人大四次会议青海代表团参加审议。会上，骆惠宁、郝鹏、毕生忠等3位代表先后发言。"
            "杜德印代表提出，希望继续加强。")
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2016-03-10").people}
    assert people["骆惠宁"] == people["毕生忠"] == people["杜德印"] == ["十二届全国人大代表"]
    text = "党的十九大贵州省代表团讨论十九大报告。孙志刚、余留芬等9位代表分别结合实际发言。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2017-10-20").people}
    assert people["余留芬"] == ["党的十九大代表"]
    text = "研讨会在京举行。苏辉、王五等12位代表发言。"
    assert all(not p.positions for p in ganbu.extract(text, "2020-10-22").people)


def test_a_members_title_takes_the_one_term_of_its_body_the_report_names():
    # 全国人大代表、淮安市委书记史志军 / 朱之鑫常委建议 in a report naming 十四届全国人大 / 全国政协十二届:
    # the term is filled in (235 such titles in 47 bulk stories naming one term); two terms named: left bare
    text = "习近平参加十四届全国人大四次会议江苏代表团审议。全国人大代表、淮安市委书记史志军作了汇报。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2026-03-06").people}
    assert people["史志军"] == ["十四届全国人大代表", "淮安市委书记"]
    text = "全国政协十二届常委会第二十一次会议举行全体会议。朱之鑫常委建议，完善宏观调控体系。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2017-06-28").people}
    assert people["朱之鑫"] == ["十二届全国政协常委"]
    text = "从十二届全国政协到十三届全国政协，全国政协委员王明坚持调研。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2018-03-06").people}
    assert people["王明"] == ["全国政协委员"]

def test_a_datelines_day_and_byline_are_no_part_of_the_title_after_them():
    # 新华社北京6月3日电 国家主席…: the wire's dateline (no CCTV story in the bulk corpus has one; the
    # provincial and national papers open with it) and its byline (记者…) end the title's organisation part
    for text in ("新华社北京6月3日电 国家主席习近平3日在人民大会堂会见法国总统马克龙。",
                 "新华社北京6月3日电国家主席习近平3日在人民大会堂会见法国总统马克龙。",
                 "新华社北京6月3日电（记者李三）国家主席习近平3日在人民大会堂会见法国总统马克龙。",
                 "据新华社电 国家主席习近平3日在人民大会堂会见法国总统马克龙。",
                 "本报北京电 国家主席习近平3日在人民大会堂会见法国总统马克龙。"):
        people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2013-06-04").people}
        assert people["习近平"] == ["国家主席"], text


def test_a_cppcc_special_committee_written_alone_is_the_national_cppccs():
    # 增补…为经济委员会副主任 in a report on the national CPPCC's standing committee (61 such committee titles
    # without 政协 before them in the bulk corpus); the same words in a story of no CPPCC stay as written
    text = ("政协第十三届全国委员会常务委员会第二十次会议2日下午在京闭幕。会议经过表决，增补宁吉喆为经济委员会副主任，"
            "胡纪源为文化文史和学习委员会驻会副主任。")
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2022-03-02").people}
    assert people == {"宁吉喆": ["全国政协经济委员会副主任"], "胡纪源": ["全国政协文化文史和学习委员会驻会副主任"]}
    text = "某公司召开大会。会议增补宁吉喆为经济委员会副主任。"
    assert [x.text for x in ganbu.extract(text, "2022-03-02").people[0].positions] == ["经济委员会副主任"]


def test_a_congress_presidium_title_names_the_congress_the_story_opens_with():
    # 大会主席团常务主席X at a party's or people's organisation's congress (20 of the 47 such titles in the
    # bulk stories come after the congress's name); the congress named first, not one recalled later
    text = ("第十次全国归侨侨眷代表大会29日在北京开幕。自第九次全国归侨侨眷代表大会以来，侨联工作取得新成就。\n"
            "大会主席团常务主席万立骏主持开幕会。")
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2018-08-29").people}
    assert people["万立骏"] == ["第十次全国归侨侨眷代表大会主席团常务主席"]


def test_a_secretariat_after_another_link_is_that_bodys():
    # 中华全国总工会副主席、书记处第一书记 (22 such in the bulk corpus): the federation's secretariat; after 中央政治局委员
    # the central committee's
    text = "中共中央政治局委员、书记处书记刘云山出席。中华全国总工会副主席、书记处第一书记王玉普讲话。"
    people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2012-12-07").people}
    assert people == {"刘云山": ["中共中央政治局委员", "中共中央书记处书记"],
                      "王玉普": ["中华全国总工会副主席", "中华全国总工会书记处第一书记"]}


def test_passing_on_greetings_and_notices_about_end_the_title_before_them_and_founders_are_titles():
    # 李克强首先转达国家主席习近平的问候 (转达 + a leader's title 417 times in the bulk corpus), …省委关于新乡市委原书记X;
    # 创始人兼首席执行官 is two offices (21 创始人 + a name); 哈桑重申 ends the name before 重申
    cases = {"李克强首先转达国家主席习近平的诚挚问候。": ("习近平", ["国家主席"]),
             "河南省委关于新乡市委原书记李庆贵严重违纪问题的通报。": ("李庆贵", ["新乡市委原书记"]),
             "美国脸书公司创始人兼首席执行官扎克伯格表示，欢迎合作。": ("扎克伯格", ["美国脸书公司创始人", "美国脸书公司首席执行官"]),
             "坦桑尼亚总统哈桑重申中立立场。": ("哈桑", ["坦桑尼亚总统"])}
    for text, (name, titles) in cases.items():
        people = {p.name: [x.text for x in p.positions] for p in ganbu.extract(text, "2020-01-01").people}
        assert people[name] == titles, text
