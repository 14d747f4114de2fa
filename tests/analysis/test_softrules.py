"""The notations' soft rules (blueprint/model/softrules.py) as findings."""

import pytest

from blueprint.analysis import COVERED_BY_BUILT_IN, describe
from blueprint.analysis.softchecks import RULE_IMPLEMENTATIONS
from blueprint.model import GapFinding
from blueprint.model.notations import NOTATIONS
from blueprint.model.softrules import RULE_CHECKS

from .sketch import Sketch


def rule_hits(s: Sketch, rule_id: str) -> list[tuple[str, ...]]:
    return [f.node_ids for f in s.analyse().findings if f.check == rule_id]


def test_every_finding_can_be_described_for_a_legend():
    s = Sketch()
    s.node("pack", "backstage", 0, fail_point=True)
    for f in s.analyse().findings:
        described = describe(f.check)
        assert described.id == f.check and described.name
        assert described.severity == f.severity
    assert describe("unconnected-node").severity == "warning"
    assert "Shostack" in describe("blueprint.fail_point_owner").explanation
    with pytest.raises(KeyError):
        describe("no-such-check")


def test_every_rule_check_is_implemented_once():
    assert set(RULE_IMPLEMENTATIONS) == set(RULE_CHECKS)
    used = {r.id for n in NOTATIONS.values() for r in n.rules}
    assert set(COVERED_BY_BUILT_IN) <= used


@pytest.mark.parametrize("notation", sorted(NOTATIONS))
def test_empty_diagrams_of_every_notation_are_analysed(notation):
    result = Sketch(notation).analyse()
    for f in result.findings:
        assert f.severity == "info" and f.check.count(".") == 1
        assert f.check not in COVERED_BY_BUILT_IN


def test_kind_in_lane():
    s = Sketch()
    s.flow(s.node("form", "customer", 0, kind="evidence"), s.node("a", "onstage", 0))
    s.node("remark", "support", 1, kind="note")  # notes go anywhere
    s.node("db", "support", 2, kind="system")
    assert rule_hits(s, "blueprint.kind_in_lane") == [("form",)]


def test_lane_filled():
    s = Sketch()
    assert len(rule_hits(s, "blueprint.customer_first")) == 1
    s.node("a", "customer", 0)
    assert rule_hits(s, "blueprint.customer_first") == []


def test_same_column_evidence():
    s = Sketch()
    s.node("pay", "customer", 0)
    s.node("order", "customer", 2)
    s.node("receipt", "physical_evidence", 0.5, kind="evidence")  # overlaps pay
    assert rule_hits(s, "blueprint.evidence") == [("order",)]


def test_fail_point_needs_an_owner():
    s = Sketch()
    s.node("pack", "backstage", 0, fail_point=True)
    s.node("cook", "backstage", 1, fail_point=True)
    s.annotate("pack", GapFinding(3, owner="Kitchen lead"))
    s.annotate("cook", GapFinding(3, owner="  "))
    assert rule_hits(s, "blueprint.fail_point_owner") == [("cook",)]


def test_contacts_should_be_marked_as_moments_of_truth():
    s = Sketch()
    s.node("order", "customer", 0)
    s.node("take", "onstage", 0)
    s.node("pay", "customer", 1)
    s.node("bill", "onstage", 1, moment_of_truth=True)
    s.edge("order", "take")
    s.edge("bill", "pay")
    s.edge("take", "bill")  # below the line of interaction: no contact
    assert rule_hits(s, "blueprint.moment_of_truth") == [("order", "take")]


def test_production_system_support_connectors():
    s = Sketch("production-system")
    s.node("staff", "onstage", 0, kind="contact_personnel")
    s.node("it", "support", 0, kind="support_system")
    s.node("boss", "support", 1, kind="management")
    s.edge("it", "staff", "support", support_type="systems")
    s.edge("boss", "staff", "support")  # untyped
    s.edge("staff", "it", "support", support_type="physical")  # wrong way
    assert rule_hits(s, "production.support_typed") == [("staff", "boss")]
    assert rule_hits(s, "production.support_direction") == [("staff", "it")]
    missing = [f for f in s.analyse().findings if f.check == "production.components"]
    assert len(missing) == 1 and "Physical resources" in missing[0].title


def test_delivery_front_office_hand_off():
    s = Sketch("delivery-system")
    s.node("desk", "onstage", 0, kind="front_office")
    s.node("shop", "onstage", 1, kind="front_office")
    s.node("back", "backstage", 0, kind="back_office")
    s.edge("back", "desk", "information")
    assert rule_hits(s, "delivery.hand_off") == [("shop",)]


def test_gaps_model_has_each_gap_once():
    s = Sketch("gaps-model")
    s.node("expected", 0, 0, kind="gap_element")
    s.node("perceived", 0, 1, kind="gap_element")
    s.node("specs", 1, 0, kind="gap_element")
    s.node("delivery", 1, 1, kind="gap_element")
    s.edge("expected", "perceived", "gap", gap=5)
    s.edge("specs", "delivery", "gap", gap=3)
    s.edge("delivery", "specs", "gap", gap=3)
    titles = [f.title for f in s.analyse().findings if f.check == "gaps.all_gaps"]
    assert titles == [
        "Gap not drawn, or drawn twice: gap 1 is not drawn",
        "Gap not drawn, or drawn twice: gap 2 is not drawn",
        "Gap not drawn, or drawn twice: gap 3 is drawn 2 times",
        "Gap not drawn, or drawn twice: gap 4 is not drawn",
    ]


def test_four_elements_form_a_circle():
    s = Sketch("four-elements")
    names = ["culture", "engagement", "quality", "experience"]
    for i, name in enumerate(names):
        s.node(name, 0, i, kind="concept_element")
    s.flow(*names)
    assert len(rule_hits(s, "excellence.cycle")) == 1
    s.edge("experience", "culture")
    assert rule_hits(s, "excellence.cycle") == []
