"""The resolver alone (a pure function over one name's mentions) and position spells."""
from __future__ import annotations

import datetime as dt

from ganbu.store.resolve import MOVE_BY_DATES, MentionInfo, Office, resolve_name
from ganbu.store.spells import build_spells

D = dt.date.fromisoformat
LN = Office(1, 10, "辽宁省", "副省长", "government", "辽宁省人民政府 副省长")
LN2 = Office(2, 11, "辽宁省", "常委", "party_committee", "中共辽宁省委员会 常委")
HN = Office(3, 20, None, "总经理", "soe", "中国华能集团有限公司 总经理")
MOF = Office(4, 30, None, "副部长", "ministry", "中华人民共和国财政部 副部长")
NPC = Office(5, 40, None, "代表", "state_central", "全国人民代表大会 代表")
BARE = Office(6, None, None, "部长", None, "部长")
LN_GOV = Office(7, 10, "辽宁省", "省长", "government", "辽宁省人民政府 省长")


def m(doc: int, day: str, *offices: tuple[Office, str], context: set[str] | None = None) -> MentionInfo:
    return MentionInfo((doc, 1), D(day), list(offices), context or set())


def people(res) -> list[list[int]]:
    return sorted(sorted(k[0] for k in c) for c in res.clusters)


def test_concurrent_offices_in_two_sectors_are_two_people():
    ms = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-06-01", (HN, "current")),
          m(3, "2022-12-01", (LN, "current")), m(4, "2023-05-01", (HN, "current"))]
    assert people(resolve_name(ms)) == [[1, 3], [2, 4]]


def test_offices_of_one_sector_and_memberships_are_one_person():
    ms = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-06-01", (LN2, "current")),
          m(3, "2022-07-01", (LN2, "current"), (NPC, "current")), m(4, "2022-09-01", (NPC, "current"))]
    assert people(resolve_name(ms)) == [[1, 2, 3, 4]]


def test_a_namesake_first_seen_soon_after_the_others_last_report_stays_apart():
    # nothing shows the Liaoning office ended: two careers, however close in time
    close = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-05-01", (LN, "current")),
             m(3, "2022-05-20", (MOF, "current")), m(4, "2022-11-01", (MOF, "current"))]
    assert people(resolve_name(close)) == [[1, 2], [3, 4]]
    # an appointment elsewhere is no evidence that the other office ended either
    appointed = [m(1, "2022-01-10", (LN_GOV, "current")), m(2, "2022-05-20", (HN, "new"))]
    assert people(resolve_name(appointed, {7: [D("2023-09-01")]})) == [[1], [2]]


def test_a_removal_near_the_new_office_tells_the_move():
    # removed, then appointed elsewhere (a week later), or the two notices within MOVE_TOLD_DAYS
    ms = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-05-01", (LN, "current")),
          m(3, "2022-05-12", (LN, "removed")), m(4, "2022-05-20", (MOF, "new")),
          m(5, "2022-11-01", (MOF, "current"))]
    assert people(resolve_name(ms)) == [[1, 2, 3, 4, 5]]
    told = [m(1, "2022-01-10", (LN, "current")), m(3, "2022-05-22", (LN, "removed")),
            m(4, "2022-05-20", (MOF, "current")), m(5, "2022-11-01", (MOF, "current"))]
    assert people(resolve_name(told)) == [[1, 3, 4, 5]]
    late = [m(1, "2022-01-10", (LN, "current")), m(3, "2022-05-12", (LN, "removed")),
            m(4, "2022-09-20", (MOF, "current"))]
    assert people(resolve_name(late)) == [[1, 3], [4]]


def test_a_move_the_dates_alone_suggest_is_undecided_not_merged():
    # appointed elsewhere first, removed from the old office weeks later (a namesake appointed
    # while the person still held it reads the same); or removed, then a namesake merely seen in
    # office elsewhere: neither is merged, the new office's mentions go to review, and so does a
    # bare mention of the name that the new office's reports would explain
    before = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-05-01", (MOF, "new")),
              m(3, "2022-05-19", (LN, "removed")), m(4, "2022-11-01", (MOF, "current")),
              m(5, "2022-11-02", context={"o30"})]
    res = resolve_name(before)
    assert people(res) == [[1, 3]]
    assert sorted((k[0], reason) for k, _, reason in res.ambiguous) == [(i, MOVE_BY_DATES) for i in (2, 4, 5)]
    seen = [m(1, "2022-01-10", (LN, "current")), m(3, "2022-05-12", (LN, "removed")),
            m(4, "2022-05-20", (MOF, "current"))]
    res = resolve_name(seen)
    assert people(res) == [[1, 3]] and [k[0] for k, _, _ in res.ambiguous] == [4]


def test_a_successor_in_a_single_holder_office_tells_the_move():
    ms = [m(1, "2022-01-10", (LN_GOV, "current")), m(2, "2022-05-01", (LN_GOV, "current")),
          m(3, "2022-05-20", (HN, "current")), m(4, "2022-11-01", (HN, "current"))]
    assert people(resolve_name(ms, {7: [D("2021-03-01"), D("2022-06-02")]})) == [[1, 2, 3, 4]]
    # the successor seen a year later pins nothing; a successor of a deputy (several holders) nothing
    assert people(resolve_name(ms, {7: [D("2023-06-02")]})) == [[1, 2], [3, 4]]
    deputy = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-05-01", (LN, "current")),
              m(3, "2022-05-20", (HN, "current"))]
    assert people(resolve_name(deputy, {1: [D("2022-06-02")]})) == [[1, 2], [3]]
    # 原辽宁省长 in a later report is the person's own handover
    former = [*ms, m(5, "2022-06-10", (LN_GOV, "former"))]
    assert people(resolve_name(former)) == [[1, 2, 3, 4, 5]]
    # but a removal dated weeks after the namesake's first report outweighs the successor: undecided
    late = [*ms, m(6, "2022-06-02", (LN_GOV, "removed"))]
    res = resolve_name(late, {7: [D("2022-06-02")]})
    assert people(res) == [[1, 2, 6]] and [k[0] for k, _, _ in res.ambiguous] == [3, 4]


def test_a_sighting_inside_anothers_tenure_is_no_move():
    # a ministry's deputy seen once, weeks after the namesake governor's first report, while the
    # governor goes on being seen: two people (the ministry post would be concurrent)
    ms = [m(1, "2022-01-02", (LN_GOV, "current")), m(2, "2022-01-20", (MOF, "current")),
          m(3, "2022-08-01", (LN_GOV, "current")), m(4, "2023-03-01", (LN_GOV, "current"))]
    assert people(resolve_name(ms, {7: [D("2023-05-01")]})) == [[1, 3, 4], [2]]


def test_the_tenure_an_appointment_implies_does_not_make_a_later_namesake_a_move():
    # appointed in Liaoning (held for a year at least, by assumption), a namesake appointed to an
    # SOE eleven months later, the Liaoning office never seen ended: apart
    ms = [m(1, "2022-01-10", (LN_GOV, "new")), m(2, "2022-12-10", (HN, "new"))]
    assert people(resolve_name(ms)) == [[1], [2]]


def test_an_appointment_naming_the_office_left_links_the_move():
    ms = [m(1, "2021-01-10", (LN, "current")), m(2, "2023-05-20", (MOF, "new"), (LN, "removed")),
          m(3, "2023-11-01", (MOF, "current"))]
    assert people(resolve_name(ms)) == [[1, 2, 3]]


def test_bare_and_neutral_mentions_go_by_the_reports_context_or_to_review():
    ms = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-06-01", (HN, "current")),
          m(3, "2022-12-01", (LN, "current")), m(4, "2023-05-01", (HN, "current")),
          m(5, "2022-08-01", context={"o20"}), m(6, "2022-08-02", (BARE, "current"), context={"p辽宁省"}),
          m(7, "2022-08-03")]
    res = resolve_name(ms)
    assert people(res) == [[1, 3, 6], [2, 4, 5]]
    assert [(k[0], len(c)) for k, c, _ in res.ambiguous] == [(7, 2)]


def test_one_mention_with_offices_of_two_sectors_is_two_persons():
    ms = [m(1, "2022-01-10", (LN, "current")), m(2, "2022-06-01", (HN, "current")),
          m(3, "2022-07-01", (HN, "current"), (LN, "current")), m(4, "2022-12-01", (LN, "current")),
          m(5, "2023-01-01", (HN, "current"))]
    res = resolve_name(ms)
    assert people(res) == [[1, 4], [2, 5]]
    assert [k[0] for k, _, _ in res.ambiguous] == [3]


def test_spells_hard_boundaries_and_sightings():
    ev = [(D("2022-03-01"), "new", 1), (D("2022-03-02"), "new", 2), (D("2022-06-01"), "current", 3),
          (D("2023-01-05"), "removed", 4), (D("2023-02-01"), "current", 5), (D("2024-02-01"), "current", 6)]
    s = build_spells(ev)
    assert [(x.start_date, x.end_date, x.first_seen, x.last_seen) for x in s] == [
        (D("2022-03-01"), D("2023-01-05"), D("2022-03-01"), D("2023-01-05")),
        (None, None, D("2024-02-01"), D("2024-02-01"))]
    assert s[0].n_sources == 5  # the late report counts as a source
    former = build_spells([(D("2022-01-01"), "current", 1), (D("2022-05-01"), "current", 2),
                           (D("2022-09-01"), "former", 3)])
    assert len(former) == 1 and former[0].ended_before == D("2022-09-01") and former[0].end_date is None
