"""The built-in checks on small diagrams with known findings."""

from blueprint.analysis import CHECKS, analyse_diagram
from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Edge,
    Lane,
    Node,
    NoteText,
)

from .sketch import Sketch, checks_of


def test_customer_action_with_support_through_staff_steps_is_supported():
    s = Sketch()
    s.node("order", "customer", 0)
    s.node("take order", "onstage", 0)
    s.node("lonely", "customer", 1)
    s.node("pay", "customer", 2)
    s.node("evidence", "physical_evidence", 2, kind="evidence")
    s.node("kitchen", "support", 2)
    s.node("chef", "backstage", 3)
    s.edge("order", "take order")
    s.flow("order", "lonely", "pay")
    s.edge("pay", "evidence", "information")
    # pay reaches support only through physical evidence: a non-customer path
    s.edge("evidence", "kitchen", "information")
    s.edge("kitchen", "chef")
    found = checks_of(s.analyse(), "unsupported-customer-action")
    # lonely's only links are other customer actions: that is no support
    assert found == [("lonely",)]


def test_support_check_needs_support_lanes():
    s = Sketch("gaps-model")
    s.node("expected", 0, 0, kind="gap_element")
    s.node("perceived", 0, 1, kind="gap_element")
    s.edge("expected", "perceived", "gap", gap=5)
    assert checks_of(s.analyse(), "unsupported-customer-action") == []


def test_only_actions_in_a_customer_lane_are_customer_actions():
    # Grönroos' production system: the customer lane holds the customer and their
    # needs, which are not actions and need no support of their own
    s = Sketch("production-system")
    s.node("needs", "customer", 0, kind="needs")
    s.node("guest", "customer", 1, kind="customer")
    s.node("act", "customer", 2)
    result = s.analyse()
    assert checks_of(result, "unsupported-customer-action") == [("act",)]
    assert result.counts.customer_actions == 1
    assert [j.node_ids for j in result.journeys] == [("act",)]


def test_backstage_step_linked_straight_to_a_customer_action():
    s = Sketch()
    s.node("call", "customer", 0)
    s.node("take order", "backstage", 0)
    s.node("greet", "onstage", 1)
    s.node("arrive", "customer", 1)
    s.node("system", "support", 2, kind="system")
    s.node("pay", "customer", 2)
    s.edge("call", "take order")
    s.edge("greet", "arrive")
    bad = s.edge("system", "pay", "information")
    result = s.analyse()
    findings = [f for f in result.findings if f.check == "hidden-step-meets-customer"]
    # node ids as drawn: left to right, then top to bottom
    assert [f.node_ids for f in findings] == [("call", "take order"), ("pay", "system")]
    assert findings[1].edge_ids == (bad,)
    assert findings[1].severity == "warning"
    assert "straight to customer action" in findings[1].title


def test_the_line_of_visibility_decides_not_the_role_alone():
    # move the line of visibility under the backstage lane: the backstage lane is
    # then visible, so a backstage step meeting the customer crosses nothing
    s = Sketch()
    line = s.doc.get(f"{s.diagram_id}-visibility")
    s.doc.update(line.id, below_lane_id=s.lane("backstage").id)
    s.node("call", "customer", 0)
    s.node("take order", "backstage", 0)
    s.node("system", "support", 1)
    s.node("pay", "customer", 1)
    s.edge("call", "take order")
    s.edge("system", "pay")
    found = checks_of(s.analyse(), "hidden-step-meets-customer")
    assert found == [("pay", "system")]


def test_without_a_line_of_visibility_roles_decide():
    s = Sketch()
    s.doc.remove([f"{s.diagram_id}-visibility"])
    s.node("call", "customer", 0)
    s.node("take order", "backstage", 0)
    s.edge("call", "take order")
    assert checks_of(s.analyse(), "hidden-step-meets-customer") == [
        ("call", "take order")
    ]


def test_unconnected_steps_but_not_notes_or_evidence():
    s = Sketch()
    s.flow(s.node("a", "customer", 0), s.node("b", "onstage", 0))
    s.node("alone", "backstage", 1)
    s.node("remark", "support", 1, kind="note")
    s.node("receipt", "physical_evidence", 1, kind="evidence")
    assert checks_of(s.analyse(), "unconnected-node") == [("alone",)]


def test_steps_unreachable_from_the_leftmost_customer_action():
    s = Sketch()
    s.flow(s.node("first", "customer", 0), s.node("serve", "onstage", 0))
    s.node("helper", "support", 0)
    s.edge("helper", "serve", "support")  # support links count both ways
    # an island: connected to each other, but nothing leads there from "first"
    s.flow(s.node("x", "backstage", 2), s.node("y", "backstage", 3))
    found = checks_of(s.analyse(), "unreachable-step")
    assert found == [("x",), ("y",)]


def test_support_processes_feeding_the_service_are_connected():
    s = Sketch()
    s.flow(s.node("order", "customer", 1), s.node("cook", "backstage", 1))
    # menu planning -> kitchen prep -> cook: preparation upstream of the journey
    s.node("plan", "support", 0)
    s.node("prep", "support", 0.5, y=500)
    s.flow("plan", "prep", "cook")
    # a customer action that nothing leads to is not "fed in": it is unreachable,
    # and so is a staff step that only leads to it
    s.node("aside", "customer", 2)
    s.node("early", "onstage", 2)
    s.flow("early", "aside", "cook")
    found = checks_of(s.analyse(), "unreachable-step")
    assert found == [("aside",), ("early",)]


def test_reachability_starts_at_start_nodes_when_there_are_any():
    s = Sketch()
    s.node("early", "customer", 0)
    s.flow(s.node("begin", "customer", 1, kind="start"), s.node("late", "customer", 2))
    s.flow("early", "late")
    assert checks_of(s.analyse(), "unreachable-step") == [("early",)]


def test_loops_in_the_flow_with_their_connectors():
    s = Sketch()
    s.node("a", "onstage", 0)
    s.node("b", "onstage", 1)
    s.node("c", "onstage", 2)
    s.node("d", "onstage", 3)
    loop = [*s.flow("a", "b", "c"), s.edge("c", "a")]
    s.edge("c", "d")
    s.edge("d", "c", "information")  # not flow: no loop
    findings = [f for f in s.analyse().findings if f.check == "flow-cycle"]
    assert len(findings) == 1
    assert findings[0].node_ids == ("a", "b", "c")
    assert set(findings[0].edge_ids) == set(loop)
    assert findings[0].severity == "info"


def test_loops_a_notation_requires_are_not_reported():
    s = Sketch("four-elements")
    names = ["culture", "engagement", "quality", "experience"]
    for i, name in enumerate(names):
        s.node(name, 0, i, kind="concept_element")
    s.flow(*names, "culture")  # the virtuous circle
    s.node("memo", 0, 5, kind="action")
    s.node("reply", 0, 6, kind="action")
    s.flow("memo", "reply", "memo")
    assert checks_of(s.analyse(), "flow-cycle") == [("memo", "reply")]


def test_fail_points_need_a_flow_after_them():
    s = Sketch()
    s.node("pack", "backstage", 0, fail_point=True)
    s.node("check", "backstage", 1, fail_point=True)
    s.node("fix", "backstage", 2)
    s.edge("pack", "fix", "information")  # information is no recovery
    s.edge("check", "fix")
    found = checks_of(s.analyse(), "fail-point-without-recovery")
    assert found == [("pack",)]


def test_node_dragged_outside_every_lane_keeps_its_lane_and_is_reported():
    s = Sketch()
    s.node("a", "customer", 0)
    s.node("b", "customer", 1)
    s.doc.move_nodes({"a": (180.0, -200.0)})  # above the first lane
    assert s.doc.get("a").lane_id == s.lane("customer").id
    result = s.analyse()
    assert checks_of(result, "node-outside-lanes") == [("a",)]
    finding = next(f for f in result.findings if f.check == "node-outside-lanes")
    assert "Customer actions" in finding.title


def test_node_left_in_another_lane_band_after_a_lane_shrinks():
    s = Sketch()
    lane = s.lane("customer")
    s.node("low", "customer", 0, y=s.top(lane) + lane.height - 40)
    s.doc.set_lane_height(lane.id, 40)
    found = [f for f in s.analyse().findings if f.check == "node-in-other-lane"]
    assert [f.node_ids for f in found] == [("low",)]
    assert "Onstage" in found[0].title


def _damaged_entities():
    """Entities as a damaged import could deliver them: never through a Document."""
    d, other = Diagram("d", "Damaged"), Diagram("o", "Other", order=1)
    lane = Lane("lane", "d", "Lane", "customer")
    lines = [DividingLine("line", "d", "interaction", "gone-lane")]
    nodes = [
        Node("a", "d", "lane", x=180, y=30),
        Node("b", "d", "lane", x=380, y=30),
        Node("c", "d", "gone-lane", x=580, y=30),
        Node("far", "o", "lane", x=0, y=0),
    ]
    edges = [
        Edge("ab", "d", "a", "b"),
        Edge("a-ghost", "d", "a", "ghost", label="to nowhere"),
        Edge("b-far", "d", "b", "far"),
    ]
    notes = [
        Annotation("n1", "d", "node", "ghost", NoteText("x")),
        Annotation("n2", "d", "edge", "a-ghost", NoteText("y")),
    ]
    return [d, other, lane, *lines, *nodes, *edges, *notes]


def test_damaged_imports_are_analysed_and_their_breakage_reported():
    result = analyse_diagram(_damaged_entities(), "d")
    dangling = [f for f in result.findings if f.check == "dangling-edge"]
    assert [(f.edge_ids, f.node_ids) for f in dangling] == [
        (("a-ghost",), ("a",)),
        (("b-far",), ("b",)),
    ]
    assert "to nowhere" in dangling[0].title
    assert checks_of(result, "node-outside-lanes") == [("c",)]
    orphans = [f for f in result.findings if f.check == "annotation-target-missing"]
    assert len(orphans) == 1 and "ghost" in orphans[0].title
    assert result.counts.edges == 3 and result.counts.nodes == 3
    assert result.counts.note_annotations == 2


def test_every_finding_uses_a_known_check_and_explains_itself():
    s = Sketch()
    s.node("a", "customer", 0, fail_point=True)
    s.node("b", "backstage", 0)
    s.edge("a", "b")
    for f in s.analyse().findings:
        assert f.explanation and f.title
        assert f.severity in ("info", "warning")
        if "." not in f.check:  # soft rules are namespaced by notation
            assert f.check in CHECKS
            assert f.severity == CHECKS[f.check].severity
