"""Notations and templates: the catalogue is consistent and every template builds a
valid, well laid out diagram that survives serialisation."""

from __future__ import annotations

import pytest

from blueprint.model import Document, DomainError, Node, serial
from blueprint.model.builder import Draft, label_fits, layout_problems, named_ids
from blueprint.model.catalogue import (
    EDGE_KINDS,
    GAPS,
    LANE_ROLES,
    LINE_KINDS,
    SUPPORT_TYPES,
)
from blueprint.model.entities import Edge, ProjectInfo
from blueprint.model.factory import diagram_entities
from blueprint.model.notations import NODE_KINDS, NOTATIONS, SHAPES
from blueprint.model.rules import GRID, lane_at
from blueprint.model.softrules import RULE_CHECKS
from blueprint.model.templates import (
    FOUR_ELEMENTS,
    TEMPLATES,
    new_from_template,
    template_entities,
)

IDS = (
    "service-blueprint",
    "production-system",
    "delivery-system",
    "gaps-model",
    "service-concept",
    "four-elements",
    "blank",
)


def _only_diagram(doc: Document):
    (diagram,) = doc.diagrams()
    return diagram


def _by_label(doc: Document, diagram_id: str) -> dict[str, Node]:
    return {n.label: n for n in doc.nodes(diagram_id)}


def _role(doc: Document, node: Node) -> str:
    return doc.require(node.lane_id, type(doc.lanes(node.diagram_id)[0])).role


# -- the catalogue -----------------------------------------------------------------


def test_all_seven_notations_and_templates_exist_with_the_same_ids():
    assert tuple(NOTATIONS) == IDS
    assert tuple(TEMPLATES) == IDS
    for template in TEMPLATES.values():
        assert template.name == NOTATIONS[template.id].name
        assert template.description and template.notation == template.id


@pytest.mark.parametrize("notation", NOTATIONS.values(), ids=lambda n: n.id)
def test_notation_refers_only_to_known_vocabulary(notation):
    lanes = notation.all_lanes()
    assert all(spec.role in LANE_ROLES for spec in lanes)
    for spec in notation.lines + notation.optional_lines:
        assert spec.kind in LINE_KINDS
        assert 0 <= spec.below < len(lanes) - 1, "a line runs between two lanes"
    assert set(notation.node_kinds) <= set(NODE_KINDS)
    assert set(notation.edge_kinds) <= set(EDGE_KINDS)
    assert set(notation.support_types) <= set(SUPPORT_TYPES)
    for role, kinds in notation.kinds_by_role:
        assert role in LANE_ROLES and set(kinds) <= set(notation.node_kinds)
    for rule in notation.rules:
        assert rule.check in RULE_CHECKS and rule.id.count(".") == 1
        assert set(rule.roles + rule.other_roles) <= set(LANE_ROLES)
        assert set(rule.kinds) <= set(NODE_KINDS)
        assert set(rule.edge_kinds) <= set(EDGE_KINDS)
        assert rule.line in ("", *LINE_KINDS) and rule.explanation
    if notation.id != "blank":
        assert notation.source and notation.rules


def test_node_kinds_have_shapes_names_and_the_old_ids():
    old = {"action", "evidence", "decision", "system", "note", "start", "end"}
    assert old <= set(NODE_KINDS)
    for kind in NODE_KINDS.values():
        assert kind.shape in SHAPES and kind.name and kind.description


def test_soft_rule_with_an_unknown_check_is_refused():
    from blueprint.model.softrules import SoftRule

    with pytest.raises(ValueError, match="unknown check"):
        SoftRule("x.y", "no_such_check", "name", "why")


def test_blueprint_offers_the_optional_line_of_implementation():
    bp = NOTATIONS["service-blueprint"]
    assert [x.role for x in bp.lanes] == [
        "physical_evidence",
        "customer",
        "onstage",
        "backstage",
        "support",
    ]
    assert [(x.kind, bp.lanes[x.below].role) for x in bp.lines] == [
        ("interaction", "customer"),
        ("visibility", "onstage"),
        ("internal_interaction", "backstage"),
    ]
    (line,) = bp.optional_lines
    lanes = bp.all_lanes()
    assert line.kind == "implementation"
    assert (lanes[line.below].role, lanes[line.below + 1].role) == (
        "support",
        "management",
    )


def test_palette_kinds_by_role_include_notes_and_roles_by_kind():
    bp = NOTATIONS["service-blueprint"]
    assert bp.kinds_for_role("physical_evidence") == ("evidence", "note")
    assert bp.roles_for_kind("evidence") == ("physical_evidence",)
    assert bp.roles_for_kind("note") == ()  # notes may go anywhere
    assert NOTATIONS["blank"].kinds_for_role("other") == tuple(NODE_KINDS)


@pytest.mark.parametrize("notation_id", IDS)
def test_factory_still_builds_every_notations_empty_diagram(notation_id):
    doc = Document(ProjectInfo())
    doc.add(diagram_entities(notation_id, "Empty"))
    assert len(doc.lanes(_only_diagram(doc).id)) == len(NOTATIONS[notation_id].lanes)


# -- every template ------------------------------------------------------------------


@pytest.fixture(params=IDS)
def template_doc(request) -> Document:
    return new_from_template(request.param)


def test_template_builds_a_valid_project(template_doc):
    diagram = _only_diagram(template_doc)
    notation = NOTATIONS[diagram.notation]
    assert template_doc.project.title == notation.name
    assert diagram.name == notation.name
    assert template_doc.project.created
    lanes = template_doc.lanes(diagram.id)
    assert [(x.role, x.name) for x in lanes] == [
        (s.role, s.name) for s in notation.lanes
    ]
    assert len(template_doc.lines(diagram.id)) == len(notation.lines)
    # a fresh Document accepting the same entities means every reference is valid
    copy = Document(template_doc.project)
    copy.add([e for e in template_doc.entities() if e.id != "project"])
    assert copy.state() == template_doc.state()


def test_template_nodes_lie_in_their_lanes_on_the_grid_without_overlaps(template_doc):
    diagram = _only_diagram(template_doc)
    assert layout_problems(template_doc, diagram.id) == []
    for n in template_doc.nodes(diagram.id):
        lane = lane_at(template_doc, diagram.id, n.centre[1])
        assert lane is not None and lane.id == n.lane_id
        assert 140 <= n.width <= 180 and n.x % GRID == 0 and n.y % GRID == 0


def test_template_uses_its_notations_kinds_in_their_lanes(template_doc):
    diagram = _only_diagram(template_doc)
    notation = NOTATIONS[diagram.notation]
    for n in template_doc.nodes(diagram.id):
        assert n.kind in notation.node_kinds
        allowed = notation.roles_for_kind(n.kind)
        assert not allowed or _role(template_doc, n) in allowed, n.label
    for e in template_doc.edges(diagram.id):
        assert e.kind in notation.edge_kinds
        assert e.support_type is None or e.support_type in notation.support_types


def test_template_round_trips_through_the_canonical_dicts(template_doc):
    dicts = [serial.to_dict(e) for e in template_doc.entities()]
    rebuilt = [serial.from_dict(d) for d in dicts]
    assert {e.id: e for e in rebuilt} == template_doc.state()


def test_template_round_trips_through_the_project_file_and_json(template_doc, tmp_path):
    from blueprint import store

    store.save_document(template_doc, tmp_path / "t.blueprint")
    from_file = store.load_document(tmp_path / "t.blueprint")
    assert from_file.state() == template_doc.state()
    store.write_json(from_file, tmp_path / "t.json")
    from_json = store.read_json(tmp_path / "t.json")
    assert from_json.state() == template_doc.state()
    store.save_document(from_json, tmp_path / "again.blueprint")
    assert (
        store.load_document(tmp_path / "again.blueprint").state() == from_file.state()
    )


def _geometry(entities):
    """Everything about a diagram but its ids, in a stable order."""
    nodes = sorted(
        (n.kind, n.label, n.x, n.y, n.width, n.height)
        for n in entities
        if isinstance(n, Node)
    )
    labels = {n.id: n.label for n in entities if isinstance(n, Node)}
    edges = sorted(
        (e.kind, labels[e.source_id], labels[e.target_id], e.label, e.waypoints)
        for e in entities
        if isinstance(e, Edge)
    )
    return nodes, edges


@pytest.mark.parametrize("template_id", IDS)
def test_template_layout_is_stable_and_ids_fresh_unless_named(template_id):
    first, second = template_entities(template_id), template_entities(template_id)
    assert _geometry(first) == _geometry(second)
    assert not {e.id for e in first} & {e.id for e in second}
    named = named_ids("test")
    assert template_entities(template_id, ids=named) == template_entities(
        template_id, ids=named
    )


def test_template_entities_take_a_name_and_an_order():
    diagram = template_entities("gaps-model", "Our gaps", 3)[0]
    assert (diagram.name, diagram.order) == ("Our gaps", 3)


def test_unknown_template_is_refused():
    with pytest.raises(KeyError, match="unknown template"):
        new_from_template("swot")


def test_new_from_template_takes_a_title():
    assert new_from_template("blank", "Workshop").project.title == "Workshop"


# -- what each template shows ---------------------------------------------------------


def test_service_blueprint_teaches_one_step_per_lane_in_example_stages():
    doc = new_from_template("service-blueprint")
    diagram = _only_diagram(doc)
    assert [s.name for s in doc.stages(diagram.id)] == ["Before", "During", "After"]
    by_lane = {lane.role: [] for lane in doc.lanes(diagram.id)}
    for n in doc.nodes(diagram.id):
        by_lane[_role(doc, n)].append(n)
    assert all(len(nodes) == 1 for nodes in by_lane.values())
    assert all(n[0].description for n in by_lane.values())
    chain = [
        (doc.get(e.source_id), doc.get(e.target_id)) for e in doc.edges(diagram.id)
    ]
    assert sorted((_role(doc, a), _role(doc, b)) for a, b in chain) == [
        ("backstage", "support"),
        ("customer", "onstage"),
        ("onstage", "backstage"),
    ]
    assert by_lane["onstage"][0].moment_of_truth


def test_production_system_has_every_component_and_three_typed_supports():
    doc = new_from_template("production-system")
    diagram = _only_diagram(doc)
    kinds = {n.kind for n in doc.nodes(diagram.id)}
    assert kinds == set(NOTATIONS["production-system"].node_kinds) - {"note"}
    frames = {n.label for n in doc.nodes(diagram.id) if n.kind == "frame"}
    assert frames == {
        "Service concept",
        "Corporate culture",
        "Image",
        "Market communication",
    }
    supports = [e for e in doc.edges(diagram.id) if e.kind == "support"]
    assert sorted(e.support_type for e in supports) == [
        "management",
        "physical",
        "systems",
    ]
    for e in supports:
        source, target = doc.get(e.source_id), doc.get(e.target_id)
        assert (_role(doc, source), _role(doc, target)) == ("support", "onstage")
    (line,) = doc.lines(diagram.id)
    assert line.kind == "visibility"
    assert doc.get(line.below_lane_id).name == "Interactive part"


def test_gaps_model_draws_the_five_gaps_between_the_right_elements():
    doc = new_from_template("gaps-model")
    diagram = _only_diagram(doc)
    nodes = _by_label(doc, diagram.id)
    customer_side = {
        "Word-of-mouth communications",
        "Personal needs",
        "Past experience",
        "Expected service",
        "Perceived service",
    }
    for label, n in nodes.items():
        side = "customer" if label in customer_side else "other"
        assert _role(doc, n) == side, label
    assert len(nodes) == 9
    gaps = {e.gap: e for e in doc.edges(diagram.id) if e.kind == "gap"}
    assert sorted(gaps) == [1, 2, 3, 4, 5]
    ends = {
        n: {
            doc.get(e.source_id).label.split()[0],
            doc.get(e.target_id).label.split()[0],
        }
        for n, e in gaps.items()
    }
    assert ends == {
        1: {"Expected", "Management"},
        2: {"Management", "Translation"},
        3: {"Translation", "Service"},
        4: {"Service", "External"},
        5: {"Expected", "Perceived"},
    }
    for number, e in gaps.items():
        assert e.label == GAPS[number].title
        assert all(x % GRID == 0 and y % GRID == 0 for x, y in e.waypoints)
    # a gap never shares its route with a flow between the same elements
    flows = {
        frozenset((e.source_id, e.target_id))
        for e in doc.edges(diagram.id)
        if e.kind != "gap"
    }
    for e in gaps.values():
        if frozenset((e.source_id, e.target_id)) in flows:
            assert e.waypoints


def test_four_elements_form_a_cycle_in_order_with_their_sub_elements():
    doc = new_from_template("four-elements")
    diagram = _only_diagram(doc)
    label = {n.id: n.label for n in doc.nodes(diagram.id)}
    flow = {
        label[e.source_id]: label[e.target_id]
        for e in doc.edges(diagram.id)
        if e.kind == "flow"
    }
    order = [element for element, *_ in FOUR_ELEMENTS]
    assert order == [
        "Service culture",
        "Employee engagement",
        "Service quality",
        "Customer experience",
    ]
    assert flow == dict(zip(order, order[1:] + order[:1], strict=True))
    for element, _, _, subs in FOUR_ELEMENTS:
        linked = {
            label[e.target_id]
            for e in doc.edges(diagram.id)
            if e.kind == "information" and label[e.source_id] == element
        }
        assert linked == set(subs)


def test_delivery_system_links_segments_front_and_back_office():
    doc = new_from_template("delivery-system")
    diagram = _only_diagram(doc)
    kinds = {n.kind for n in doc.nodes(diagram.id)}
    assert {"promise", "segment", "front_office", "back_office", "environment"} <= kinds
    hand_offs = [e for e in doc.edges(diagram.id) if e.label == "hand-off"]
    assert [
        (doc.get(e.source_id).kind, doc.get(e.target_id).kind) for e in hand_offs
    ] == [("front_office", "back_office")]


def test_service_concept_has_its_elements_and_segments():
    doc = new_from_template("service-concept")
    labels = set(_by_label(doc, _only_diagram(doc).id))
    for word in ("experience", "outcome", "Operation", "Value", "segment A"):
        assert any(word in label for label in labels), word


def test_blank_template_has_generic_lanes_only():
    doc = new_from_template("blank")
    diagram = _only_diagram(doc)
    assert [x.role for x in doc.lanes(diagram.id)] == ["other"] * 3
    assert not doc.nodes(diagram.id) and not doc.stages(diagram.id)


# -- the drafting rules themselves catch bad layouts ---------------------------------


def test_layout_problems_reports_each_kind_of_bad_placement():
    d = Draft("blank", "Bad", stages=(("One", 1), ("Two", 1)))
    d.node("a", 0, 0, "A perfectly fine label")
    d.node("b", 0, 0.1, "Overlapping", row=0)
    d.node("c", 1, 0, "Unbreakablewordthatistoolongforanylinehere")
    d.node("d", 2, 0.5, "Across two stages")
    doc = Document(ProjectInfo())
    doc.add(d.entities())
    moved = doc.nodes(d.diagram.id)[0]
    doc.update(moved.id, y=moved.y + 125, x=moved.x + 3)  # off-grid and out of band
    problems = "\n".join(layout_problems(doc, d.diagram.id))
    for expected in ("overlap", "grid", "band", "does not fit", "stage column"):
        assert expected in problems


def test_label_fit_depends_on_the_shape():
    label = "Systems and operational routines"
    assert label_fits(label, 160, "hexagon")
    assert not label_fits(label, 160, "diamond")
    # a person card's figure leaves one line at 60 px and more at 80 px
    assert not label_fits("Segment A: high demand variety", 160, "person", 60)
    assert label_fits("Segment A: high demand variety", 160, "person", 80)
    # an ellipse's inscribed box holds two lines at 60 px and three at 80 px
    three = "Operation: how the service is delivered"
    assert not label_fits(three, 160, "ellipse", 60)
    assert label_fits(three, 160, "ellipse", 80)
    assert label_fits(three, 160, "rounded_rect", 60)
    four_lines = "one two three four five six seven eight nine ten eleven"
    assert not label_fits(four_lines, 150)


def test_draft_refuses_to_place_a_node_twice():
    d = Draft("blank", "Twice")
    d.node("a", 0, 0, "A")
    with pytest.raises(KeyError, match="placed twice"):
        d.node("a", 0, 1, "A again")
    with pytest.raises(DomainError):
        d.node("b", 0, 2, "   ")
