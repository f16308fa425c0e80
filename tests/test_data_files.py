"""The grammar's data files: each says where it comes from, and the tables agree with each other."""
from importlib import resources

import pytest

from ganbu.people import tables as R

TABLES = [("ganbu.people", n) for n in ("roles.tsv", "grammar_words.tsv", "name_chars.tsv", "not_names.tsv",
                                          "translit_chars.tsv", "leaders.tsv", "known_names.tsv",
                                          "officials_roster.tsv")]
TABLES += [("ganbu.lang", "countries.tsv"), ("ganbu.lang", "date_words.tsv")]
TABLES += [("ganbu.events", n) for n in ("event_triggers.tsv", "venues.tsv", "appointment_verbs.tsv",
                                          "appointment_words.tsv", "visit_words.tsv", "signing_words.tsv")]
TABLES += [("ganbu.read", "labels.tsv")]


@pytest.mark.parametrize("package,name", TABLES)
def test_every_table_states_its_source(package, name):
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    head = [ln for ln in text.splitlines()[:12] if ln.startswith("#")]
    assert head, f"{name} has no comment header"
    assert any(w in "\n".join(head) for w in ("hand", "source")), f"{name} names no source"


def test_leader_titles_map_to_offices_the_roster_knows():
    roles = R.roles()
    for (role, name), rows in R.leaders().items():
        assert role in roles, role
        assert roles[role].after, f"{role} is in the roster but has no after-name office"
        for office, start, end in rows:
            assert office and (not end or start < end), (role, name, start, end)


def test_leader_office_is_dated():
    assert R.leader_office("总理", "李克强", "2015-06-01") == "国务院总理"
    assert R.leader_office("总理", "李克强", "2024-06-01") is None
    assert R.leader_office("总书记", "阮富仲", None) is None


def test_no_role_is_blocked_by_itself_and_lists_have_no_blanks():
    w = R.words()
    for lst, words in w.items():
        assert all(x.strip() for x in words), lst
    assert "会" in w["role_blocker"] and "出席" in w["follower"]
    assert R.roles()["省长"].kind == "gov_head" and R.roles()["省长"].level == "省"
