"""Events read against stories the extractor was never tuned on (issue 9). Sentences written for
the test, in the genre."""
import ganbu


def _events(text: str):
    return ganbu.extract(text, published="2024-05-06").events


def test_the_sender_of_a_letter_read_out_is_not_at_the_event():
    # 宣读/转达/传达 + …的贺信/贺电/批示/问候: 510 in 349 bulk stories
    evs = _events("6日上午，庆祝某出版社成立70周年大会在京举行。中共中央政治局委员、国务院副总理刘国中"
                  "在会上宣读了习近平的贺信和李强的批示并讲话。")
    named = {p.name for ev in evs for p in ev.participants}
    assert "刘国中" in named
    assert not named & {"习近平", "李强"}


def test_the_leader_who_sends_an_envoy_is_not_at_the_meeting():
    # 主席特使/总统特使/总书记特使 34 in bulk
    evs = _events("习近平主席特使、国务委员王勇6日在利马会见秘鲁总统。")
    assert evs and {p.name for p in evs[0].participants} == {"王勇"}
