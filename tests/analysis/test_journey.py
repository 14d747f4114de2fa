"""Customer journeys, moments of truth and path timing on known diagrams."""

import pytest

from blueprint.analysis import MAX_JOURNEYS

from .sketch import Sketch

HOTEL = [
    "arrive",
    "give bags",
    "check in",
    "go to room",
    "receive bags",
    "sleep",
    "call room service",
    "receive food",
    "eat",
    "check out",
]


def hotel() -> Sketch:
    """Bitner et al.'s overnight hotel stay (domain.md, worked examples)."""
    s = Sketch()
    for i, step in enumerate(HOTEL):
        s.node(step, "customer", i, duration=5.0)
    s.flow(*HOTEL)
    s.node("greet", "onstage", 1, moment_of_truth=True, duration=2.0)
    s.node("process registration", "onstage", 2, duration=4.0)
    s.node("deliver bags", "onstage", 4, duration=3.0)
    s.node("deliver food", "onstage", 7, duration=3.0)
    s.node("process check-out", "onstage", 9, duration=4.0)
    s.node("take bags to room", "backstage", 3, duration=10.0)
    s.node("take food order", "backstage", 6, duration=2.0)
    s.node("registration system", "support", 2, kind="system")
    s.node("prepare food", "support", 7, duration=25.0)
    s.node("registration system 2", "support", 9, kind="system", duration=1.0)
    s.flow("give bags", "greet", "take bags to room", "deliver bags", "receive bags")
    s.flow("check in", "process registration", "registration system")
    s.flow("call room service", "take food order", "prepare food", "deliver food")
    s.flow("deliver food", "receive food")
    s.flow("check out", "process check-out", "registration system 2")
    return s


def test_hotel_journey_with_moments_of_truth_and_contacts():
    result = hotel().analyse()
    assert len(result.journeys) == 1 and not result.journeys_truncated
    journey = result.journeys[0]
    assert journey.node_ids == tuple(HOTEL)
    # each crossing of the line of interaction is a contact, a moment of truth
    assert journey.moments_of_truth == (
        "give bags",
        "check in",
        "receive bags",
        "call room service",
        "receive food",
        "check out",
    )
    assert "give bags>greet" in journey.contact_edge_ids
    assert "deliver food>receive food" in journey.contact_edge_ids
    assert journey.time == 50.0 and journey.untimed == ()
    assert result.counts.contacts == 6 and result.counts.moments_of_truth == 1


def test_hotel_timing_total_and_critical_path():
    timing = hotel().analyse().timing
    assert timing.total_time == 50.0
    assert timing.customer_path == tuple(HOTEL)
    # through all lanes, the bags and the room-service branches are longer than
    # the customer's own steps: 5+5 +2+10+3 +5+5+5 +2+25+3 +5+5+5 +4+1
    assert timing.critical_time == 90.0
    assert timing.critical_path == (
        "arrive",
        "give bags",
        "greet",
        "take bags to room",
        "deliver bags",
        "receive bags",
        "sleep",
        "call room service",
        "take food order",
        "prepare food",
        "deliver food",
        "receive food",
        "eat",
        "check out",
        "process check-out",
        "registration system 2",
    )
    assert timing.untimed_steps == 1  # the first registration system


def test_parallel_branches_are_not_added_together():
    s = Sketch()
    s.node("enter", "customer", 0, duration=1.0)
    s.node("queue", "customer", 1, wait_time=10.0)
    s.node("self-service", "customer", 1, duration=3.0, y=150)
    s.node("leave", "customer", 2, duration=1.0)
    s.flow("enter", "queue", "leave")
    s.flow("enter", "self-service", "leave")
    result = s.analyse()
    assert [j.node_ids for j in result.journeys] == [
        ("enter", "queue", "leave"),
        ("enter", "self-service", "leave"),
    ]
    assert [j.time for j in result.journeys] == [12.0, 5.0]
    assert result.timing.total_time == 12.0  # not 1 + 10 + 3 + 1
    assert result.timing.customer_path == ("enter", "queue", "leave")


def test_journey_continues_through_staff_steps():
    # drawn without customer-to-customer arrows: order -> cook -> serve -> eat
    s = Sketch()
    s.node("order", "customer", 0, duration=2.0)
    s.node("eat", "customer", 2, duration=20.0)
    s.node("cook", "backstage", 1, duration=15.0)
    s.node("serve", "onstage", 2, duration=1.0)
    s.flow("order", "cook", "serve", "eat")
    result = s.analyse()
    assert [j.node_ids for j in result.journeys] == [("order", "eat")]
    assert result.journeys[0].time == 22.0
    assert result.timing.critical_path == ("order", "cook", "serve", "eat")
    assert result.timing.critical_time == 38.0


def test_through_staff_steps_the_journey_goes_to_the_nearest_customer_actions():
    s = Sketch()
    s.node("order", "customer", 0)
    s.node("cook", "backstage", 1)
    s.node("serve", "onstage", 2)
    s.node("eat", "customer", 3)
    s.node("pack", "backstage", 3)
    s.node("bill", "onstage", 4)
    s.node("pay", "customer", 5)
    s.flow("order", "cook", "serve", "eat")
    s.flow("serve", "pack", "bill", "pay")  # further away than "eat"
    s.flow("eat", "pay")
    result = s.analyse()
    assert [j.node_ids for j in result.journeys] == [("order", "eat", "pay")]


def test_start_and_end_markers_belong_to_the_journey():
    s = Sketch()
    s.node("start", "customer", 0, kind="start")
    s.node("buy", "customer", 1, duration=4.0)
    s.node("end", "customer", 2, kind="end")
    s.flow("start", "buy", "end")
    result = s.analyse()
    assert result.journeys[0].node_ids == ("start", "buy", "end")
    assert result.journeys[0].untimed == ()  # markers are not steps
    assert result.counts.steps == 1


def test_loops_are_walked_once():
    s = Sketch()
    for i, step in enumerate(("try", "fail", "retry", "done")):
        s.node(step, "onstage", i, duration=float(i + 1))
    s.flow("try", "fail", "retry", "done")
    s.edge("retry", "try")  # rework loop
    timing = s.analyse().timing
    assert timing.critical_path == ("try", "fail", "retry", "done")
    assert timing.critical_time == 10.0


def test_without_times_the_longest_path_is_the_one_with_most_steps():
    s = Sketch()
    s.node("a", "customer", 0)
    s.node("b", "customer", 1)
    s.node("c", "customer", 2)
    s.flow("a", "b", "c")
    s.flow("a", "c")
    timing = s.analyse().timing
    assert timing.customer_path == ("a", "b", "c")
    assert timing.critical_path == ("a", "b", "c")
    assert timing.total_time == 0.0 and timing.untimed_steps == 3


def test_no_flow_and_no_times_means_no_critical_path():
    s = Sketch()
    s.node("a", "onstage", 0)
    s.node("b", "onstage", 1)
    assert s.analyse().timing.critical_path == ()


def test_many_alternatives_are_listed_up_to_a_limit():
    # a ladder of binary choices: 2**6 = 64 distinct paths
    s = Sketch()
    s.node("s0", "customer", 0)
    for i in range(1, 7):
        s.node(f"a{i}", "customer", 2 * i - 1)
        s.node(f"b{i}", "customer", 2 * i - 1, y=150)
        s.node(f"s{i}", "customer", 2 * i)
        s.flow(f"s{i - 1}", f"a{i}", f"s{i}")
        s.flow(f"s{i - 1}", f"b{i}", f"s{i}")
    result = s.analyse()
    assert result.journeys_truncated
    assert len(result.journeys) == MAX_JOURNEYS
    assert len({j.node_ids for j in result.journeys}) == MAX_JOURNEYS
    assert all(len(j.node_ids) == 13 for j in result.journeys)


@pytest.mark.parametrize("notation", ["blank", "service-concept"])
def test_models_without_a_customer_lane_have_no_journey(notation):
    s = Sketch(notation)
    s.flow(s.node("a", 0, 0, duration=1.0), s.node("b", 0, 1, duration=2.0))
    result = s.analyse()
    assert result.journeys == ()
    assert result.timing.total_time == 0.0
    assert result.timing.critical_time == 3.0
