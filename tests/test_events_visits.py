"""Visits to countries (events/visits.py), on sentences written for these tests: a state visit to
several countries is one visit per country, and a visit told in passing is an event of its own."""
from importlib import resources

import ganbu


def _visits(text, published=None):
    evs = ganbu.extract(text, published).to_dict()["events"]
    return sorted(((e["place"], tuple(sorted(p["name"] for p in e["participants"])), (e["date"] or {}).get("start"))
                   for e in evs if e["type"] == "visit"), key=str)


def test_visit_words_table_states_its_source():
    text = resources.files("ganbu.events").joinpath("data", "visit_words.tsv").read_text(encoding="utf-8")
    assert text.startswith("#") and "hand" in "\n".join(text.splitlines()[:4])


def test_state_visit_to_three_countries_is_three_visits_there():
    text = "3月21日至26日，国家主席习近平应邀对意大利、摩纳哥、法国进行国事访问。"
    got = _visits(text, "2019-03-27")
    assert sorted(g[0] for g in got) == sorted(["意大利", "摩纳哥", "法国"])
    assert all(g[1] == ("习近平",) and g[2] == "2019-03-21" for g in got)


def test_visit_told_in_passing_inside_a_meeting_report():
    # 习近平主席去年对新西兰访问: a visit of its own, with no day
    text = ("国务院副总理张高丽13日在中南海紫光阁会见了新西兰副总理英格利希。\n"
            "张高丽表示，国家主席习近平去年对新西兰访问取得丰硕成果。")
    got = _visits(text, "2015-07-13")
    assert got == [("新西兰", ("习近平",), None)]


def test_visitor_after_fangwen_de():
    # 应邀访问越南的…张高丽在河内会见…: the meeting is the news, the visit is told in passing
    text = "当地时间17日，应邀访问越南的国务院副总理张高丽在河内会见越南国家主席张晋创。"
    evs = ganbu.extract(text, "2015-07-17").to_dict()["events"]
    assert {e["type"] for e in evs} == {"meeting", "visit"}
    visit = next(e for e in evs if e["type"] == "visit")
    assert visit["place"] == "越南" and [p["name"] for p in visit["participants"]] == ["张高丽"]
    assert visit["date"] is None


def test_visit_to_china_told_twice_is_one_event():
    text = ("国家主席习近平7日在人民大会堂会见朝鲜外相李勇浩。\n"
            "习近平指出，今年朝鲜国务委员会委员长金正恩三次访问中国。"
            "李勇浩表示，金正恩委员长今年三次访华，成果丰硕。")
    got = _visits(text, "2018-12-07")
    assert got == [("中国", ("金正恩",), None)]


def test_no_visit_without_a_destination_or_a_visitor():
    text = "访问期间，双方签署了多项合作文件。各界人士对访问成果给予高度评价。"
    assert _visits(text, "2019-03-28") == []


def test_a_visit_going_on_told_with_zai_before_the_visitor():
    # 正在伊朗进行正式友好访问的X… (在X进行…访问: 92 in bulk): X's visit to that country, undated
    text = "正在伊朗进行正式友好访问的全国人大常委会委员长吴邦国当地时间11日在德黑兰会见了伊朗总统内贾德。"
    evs = ganbu.extract(text, "2012-09-12").to_dict()["events"]
    visit = next(e for e in evs if e["type"] == "visit")
    assert [p["name"] for p in visit["participants"]] == ["吴邦国"]
    assert visit["place"] == "伊朗" and visit["date"] is None


def test_zai_with_a_time_before_the_visit_is_no_destination():
    text = "而在2015年10月习近平主席访问英国期间，中英双方签署了合作协议。"
    visits = [e for e in ganbu.extract(text, "2016-01-07").to_dict()["events"] if e["type"] == "visit"]
    assert [v["place"] for v in visits] == ["英国"]


def test_the_host_who_invited_is_not_at_the_arrival_and_the_airport_welcome_is():
    # 应X邀请 (340 in bulk) names who invited; X、Y等到机场迎接 (到机场迎接 77, 到机场送行 48 in bulk)
    text = ("应澳大利亚总理阿尔巴尼斯邀请，国务院总理李强15日下午乘包机抵达阿德莱德，开始对澳大利亚进行正式访问。\n"
            "澳大利亚外交部长黄英贤、南澳州州长马思诺等到机场迎接。")
    visit = next(e for e in ganbu.extract(text, "2024-06-16").to_dict()["events"] if e["type"] == "visit")
    assert {p["name"] for p in visit["participants"]} == {"李强", "黄英贤", "马思诺"}


def test_a_visit_the_story_ends_is_a_visit_even_after_other_events():
    # 结束对X的…访问 (87 in the bulk corpus), told after the last event of the trip
    text = ("新华社吉隆坡6月20日电 国务院总理李强20日在吉隆坡出席中国—马来西亚工商界午餐会并致辞。\n"
            "当天下午，李强结束对马来西亚的正式访问，离开吉隆坡。")
    visits = [e for e in ganbu.extract(text, "2024-06-21").to_dict()["events"] if e["type"] == "visit"]
    assert [(v["place"], [p["name"] for p in v["participants"]]) for v in visits] == [("马来西亚", ["李强"])]


def test_a_visit_told_with_the_meeting_that_brings_the_guest():
    # 会见来华出席…并进行…访问的X: 18 in the bulk corpus
    text = "国家主席习近平23日在杭州会见来华出席第19届亚洲运动会开幕式并进行正式访问的尼泊尔总理普拉昌达。"
    evs = ganbu.extract(text, "2023-09-24").to_dict()["events"]
    assert ("visit", ["普拉昌达"]) in [(e["type"], [p["name"] for p in e["participants"]]) for e in evs]


def test_a_guests_visit_told_by_address_or_in_the_relative_clause():
    # 总统先生此次访华 / 会见来华访问的X: the visit of the guest met (bulk: 44 and 50 stories that open on
    # 会见/会谈), undated: the meeting's day is not the day the visit began
    text = ("全国人大常委会委员长张德江14日在人民大会堂会见秘鲁总统库琴斯基。"
            "张德江说，总统先生此次访华，习近平主席同你就中秘关系进行了全面规划。")
    assert _visits(text, "2016-09-14") == [("中国", ("库琴斯基",), None)]
    text = "国家主席习近平7日在人民大会堂会见来华访问并出席中巴高层协调与合作委员会会议的巴西副总统特梅尔。"
    assert _visits(text, "2013-11-07") == [("中国", ("特梅尔",), None)]
    # 会见了: the meeting's trigger is 会见 (2 bulk stories lost the guest's visit)
    text = "国家主席胡锦涛今天下午在人民大会堂会见了来华访问并出席第二轮中德政府磋商的德国总理默克尔。"
    assert _visits(text, "2012-08-30") == [("中国", ("默克尔",), None)]
    # the host's words about his own plans are no guest's visit
    text = "国家主席习近平7日在人民大会堂会见巴西副总统特梅尔。习近平说，我期待再次访问巴西。"
    assert _visits(text, "2013-11-07") == []


def test_a_visit_with_a_range_of_single_digit_days_is_read():
    # 6日至8日对斯里兰卡进行正式友好访问 (a day range before the visit: 69 with a one-digit first day in bulk)
    text = "全国政协主席俞正声6日至8日对斯里兰卡进行正式友好访问，会见总统西里塞纳。"
    visits = [e for e in ganbu.extract(text, "2017-04-09").events if e.type == "visit"]
    assert [(v.place, [p.name for p in v.participants]) for v in visits] == [("斯里兰卡", ["俞正声"])]


def test_those_who_went_along_to_the_acts_of_a_visit_abroad_are_on_the_visit():
    # 林文漪、张庆黎参加上述活动 (such a line follows 293 bulk stories): on the visit abroad too; not on a
    # guest's visit to China
    text = ("全国政协主席俞正声6日至8日对斯里兰卡进行正式友好访问，会见总统西里塞纳。\n"
            "俞正声转达了习近平主席的亲切问候。\n林文漪、张庆黎参加上述活动。")
    (v,) = [e for e in ganbu.extract(text, "2017-04-09").events if e.type == "visit"]
    assert sorted(p.name for p in v.participants) == sorted(["张庆黎", "林文漪", "俞正声"])
    text = ("国家主席习近平6日在人民大会堂会见来华进行国事访问的芬兰总统尼尼斯特。\n"
            "王沪宁、杨洁篪参加上述活动。")
    visits = [e for e in ganbu.extract(text, "2017-04-06").events if e.type == "visit"]
    assert all("王沪宁" not in [p.name for p in v.participants] for v in visits)


def test_a_welcoming_ceremony_is_a_meeting_and_the_guests_visit_is_apart():
    # 举行仪式，欢迎X对我国进行国事访问 (127 in the bulk corpus): the ceremony of the day, and the guest's visit,
    # whose first day the story does not give
    text = ("国家主席习近平1日下午在人民大会堂北大厅举行仪式，欢迎埃及总统塞西对我国进行国事访问。\n"
            "国务委员王毅等出席欢迎仪式。")
    evs = ganbu.extract(text, "2018-09-02").to_dict()["events"]
    got = sorted((e["type"], (e["date"] or {}).get("start"), sorted(p["name"] for p in e["participants"])) for e in evs)
    assert got == [("meeting", "2018-09-01", sorted(["塞西", "习近平", "王毅"])), ("visit", None, ["塞西"])]


def test_a_visit_referred_to_as_this_visit_is_the_guests_undated_visit():
    # 苏丹此访 / 总统先生此访 / 我此访 (410 bulk stories, 136 gain the visit): the visitor's, undated
    doc = ganbu.extract("张德江在人民大会堂会见文莱苏丹哈桑纳尔。张德江说，苏丹此访成果丰硕。", "2017-09-13").to_dict()
    visits = [e for e in doc["events"] if e["type"] == "visit"]
    assert [(e["date"], [p["name"] for p in e["participants"]]) for e in visits] == [(None, ["哈桑纳尔"])]
    doc = ganbu.extract("国务院总理李克强在伊斯兰堡发表演讲。李克强说，我此访的目的是深化合作。", "2013-05-23").to_dict()
    assert [[p["name"] for p in e["participants"]] for e in doc["events"] if e["type"] == "visit"] == [["李克强"]]


def test_a_guest_addressed_as_having_come_on_a_visit_has_the_visit():
    # 总理先生…来华进行正式访问 (47 bulk stories; 28 gain the guest's visit, undated)
    doc = ganbu.extract("委员长栗战书2日在人民大会堂会见巴基斯坦总理夏巴兹。栗战书表示，总理先生在二十大闭幕不久就来华进行正式访问，"
                        "体现了两国特殊友好。", "2022-11-02").to_dict()
    assert [[p["name"] for p in e["participants"]] for e in doc["events"] if e["type"] == "visit"] == [["夏巴兹"]]


def test_a_visit_told_in_passing_with_its_year_written():
    # 习近平主席2016年访问柬埔寨 (a year in digits between the visitor and the visit: 7 bulk stories gain it)
    text = "国家主席习近平12日在人民大会堂会见柬埔寨首相洪森。习近平主席2016年访问柬埔寨，两国关系进入新阶段。"
    assert ("柬埔寨", ("习近平",), None) in _visits(text, "2018-01-13")


def test_a_speakers_own_visit_told_in_the_first_person():
    # 习近平说，我去年6月访问古巴 / 2022年我访问沙特期间 (77 such in 76 bulk stories, 30 with no visit read)
    text = "国家主席习近平12日会见古巴领导人。习近平说，我去年6月访问古巴，受到古方热情接待。"
    assert ("古巴", ("习近平",), None) in _visits(text, "2015-11-13")
    text = "国家主席习近平12日会见沙特王储。习近平指出，2022年我访问沙特期间，双方一致同意深化合作。"
    assert ("沙特", ("习近平",), None) in _visits(text, "2023-11-13")


def test_an_act_during_a_stay_is_its_own_event():
    # 在上海期间，汪洋还走访了… (20 sentences with an act after 在X期间， in 20 bulk stories): a visit of its own,
    # not a detail of the inspection told before it
    text = ("全国政协主席汪洋3日在上海调研。\n"
            "在上海期间，汪洋还走访了中国基督教协会，了解宗教团体建设等情况。")
    evs = ganbu.extract(text, "2018-04-04").to_dict()["events"]
    assert sorted(e["type"] for e in evs) == ["inspection", "visit"]


def test_a_visit_ended_before_the_arrival_is_its_own_undated_visit():
    # 李强是在结束对新西兰的正式访问后抵达阿德莱德的。离开奥克兰时，…等到机场送行 (21 in bulk): the New Zealand visit,
    # undated as the blind gold has it, with those who saw him off; it was merged into the day's arrival
    text = ("国务院总理李强当地时间6月15日下午乘包机抵达阿德莱德，开始对澳大利亚进行正式访问。\n"
            "李强是在结束对新西兰的正式访问后抵达阿德莱德的。离开奥克兰时，新西兰贸易和农业部长麦克莱等到机场送行。")
    got = {(place, day) for place, _, day in _visits(text, "2024-06-16")}
    assert got == {("新西兰", None), ("澳大利亚", "2024-06-15")}


def test_a_visit_to_a_state_written_by_its_abbreviation():
    # 去年习近平主席成功访波 (访 + a state's one-character abbreviation: 301 in the bulk corpus; 70 bulk stories gain
    # a visit, none lose one); 此访 is still the guest's visit, though the speaker's own trip is told (我今年5月访埃期间)
    text = "全国人大常委会委员长张德江28日在人民大会堂会见波兰副参议长柴莱伊。\n张德江说，去年习近平主席成功访波，两国关系提升。"
    assert _visits(text, "2017-02-28") == [("波兰", ("习近平",), None)]
    text = ("国务院总理李克强8日在北京会见埃塞俄比亚总统穆拉图。\n李克强表示，我今年5月访埃期间，同埃方领导人达成广泛共识。\n"
            "穆拉图表示，埃方愿同中方落实好此访成果。")
    assert sorted(v[1] for v in _visits(text, "2014-07-08")) == [("李克强",), ("穆拉图",)]


def test_a_visit_dated_with_yu_before_it_is_read_with_its_meetings():
    # 韩正于当地时间5月7日至9日访问葡萄牙，在里斯本分别会见… (于 + a day before 访问: 63 in the bulk corpus; 8 bulk
    # stories gain the visit their meetings are part of)
    text = "应葡萄牙政府邀请，国家副主席韩正于当地时间5月7日至9日访问葡萄牙，在里斯本分别会见德索萨总统和科斯塔总理。"
    assert _visits(text, "2023-05-10") == [("葡萄牙", ("韩正",), "2023-05-07")]
