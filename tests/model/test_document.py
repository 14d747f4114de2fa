"""Document: every edit validates, applies atomically and returns its exact inverse."""

import pytest

from blueprint.model import (
    Annotation,
    Change,
    Document,
    DomainError,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    QualityRating,
    ServqualScore,
    Stage,
    edits,
    new_id,
    rules,
)
from blueprint.model.factory import add_diagram, new_document


@pytest.fixture
def doc():
    d = new_document("Test")
    return d


def _diagram(doc):
    return doc.diagrams()[0]


def _node(doc, lane_index=0, x=200.0, label="Step"):
    dg = _diagram(doc)
    lane, top, _ = rules.lane_spans(doc, dg.id)[lane_index]
    node = Node(new_id(), dg.id, lane.id, label=label, x=x, y=top + 20)
    doc.add([node])
    return node


def test_new_document_has_one_blank_diagram_with_lanes(doc):
    (dg,) = doc.diagrams()
    assert dg.notation == "blank"
    assert [lane.order for lane in doc.lanes(dg.id)] == [0, 1, 2]


def test_invalid_values_raise_domain_errors_naming_the_field():
    with pytest.raises(DomainError, match="gap.gap"):
        GapFinding(gap=6)
    with pytest.raises(DomainError, match="quality.rating"):
        QualityRating("recovery", rating=9)
    with pytest.raises(DomainError, match="servqual.perception"):
        ServqualScore("empathy", 4, 8)
    with pytest.raises(DomainError, match="quality.criterion"):
        QualityRating("speed")
    with pytest.raises(DomainError, match="node.label"):
        Node("n", "d", "l", label="  ")
    with pytest.raises(DomainError, match="node.duration"):
        Node("n", "d", "l", duration=-1)
    with pytest.raises(DomainError, match="style.fill"):
        Node("n", "d", "l").evolve(
            style=Node("n", "d", "l").style.__class__(fill="red")
        )


def test_edge_to_a_missing_node_is_refused_and_nothing_changes(doc):
    a = _node(doc)
    before = doc.state()
    bad = Edge(new_id(), a.diagram_id, a.id, "missing")
    with pytest.raises(DomainError, match="edge.target_id"):
        doc.add([bad])
    assert doc.state() == before


def test_a_change_applies_whole_or_not_at_all(doc):
    a = _node(doc)
    before = doc.state()
    good = a.evolve(label="Renamed")
    bad = Edge(new_id(), a.diagram_id, a.id, a.id)
    with pytest.raises(DomainError):
        doc.apply(Change(puts=(good, bad)))
    assert doc.state() == before


def test_cross_diagram_references_are_refused(doc):
    add_diagram(doc, "service-blueprint", "Second")
    first, second = doc.diagrams()
    a = _node(doc)
    other_lane = doc.lanes(second.id)[0]
    with pytest.raises(DomainError, match="another diagram"):
        doc.add([Node(new_id(), first.id, other_lane.id)])
    b = Node(new_id(), second.id, other_lane.id)
    doc.add([b])
    with pytest.raises(DomainError, match="another diagram"):
        doc.add([Edge(new_id(), first.id, a.id, b.id)])


def test_remove_cascades_to_edges_and_annotations_and_undoes_exactly(doc):
    a, b = _node(doc), _node(doc, 1, 400)
    e = Edge(new_id(), a.diagram_id, a.id, b.id, label="then")
    doc.add([e])
    notes = [
        Annotation(new_id(), a.diagram_id, "node", a.id, GapFinding(3, "late")),
        Annotation(new_id(), a.diagram_id, "edge", e.id, NoteText("hand-off")),
    ]
    doc.add(notes)
    before = doc.state()
    inverse = doc.remove([a.id])
    assert a.id not in doc and e.id not in doc
    assert all(n.id not in doc for n in notes)
    assert b.id in doc
    doc.apply(inverse)
    assert doc.state() == before


def test_move_into_another_lane_changes_the_lane(doc):
    a = _node(doc)
    lanes = rules.lane_spans(doc, a.diagram_id)
    target, top, _ = lanes[2]
    inverse = doc.move_nodes({a.id: (300, top + 10)})
    assert doc.get(a.id).lane_id == target.id
    doc.apply(inverse)
    assert doc.get(a.id) == a


def test_move_outside_every_lane_keeps_the_lane(doc):
    a = _node(doc)
    doc.move_nodes({a.id: (300, -500)})
    assert doc.get(a.id).lane_id == a.lane_id


def test_events_report_added_updated_removed(doc):
    seen = []
    doc.events.subscribe(seen.append)
    a = _node(doc)
    doc.update(a.id, label="New")
    doc.remove([a.id])
    assert [len(ev.added) for ev in seen] == [1, 0, 0]
    assert seen[1].updated[0][1].label == "New"
    assert seen[2].removed[0].id == a.id


def test_lane_height_change_moves_nodes_below(doc):
    a, b = _node(doc, 0), _node(doc, 2)
    lane0 = doc.lanes(a.diagram_id)[0]
    inverse = doc.set_lane_height(lane0.id, lane0.height + 50)
    assert doc.get(a.id).y == a.y
    assert doc.get(b.id).y == b.y + 50
    doc.apply(inverse)
    assert doc.get(b.id) == b


def test_move_lane_moves_its_nodes_and_keeps_them_in_their_lane(doc):
    a = _node(doc, 0)
    dg = a.diagram_id
    first = doc.lanes(dg)[0]
    before = doc.state()
    inverse = doc.move_lane(first.id, 2)
    assert doc.lanes(dg)[2].id == first.id
    node = doc.get(a.id)
    assert rules.lane_at(doc, dg, node.centre[1]).id == first.id
    doc.apply(inverse)
    assert doc.state() == before


def test_remove_lane_keeps_nodes_in_the_neighbour_or_deletes_them(doc):
    a, b = _node(doc, 0), _node(doc, 1)
    lanes = doc.lanes(a.diagram_id)
    before = doc.state()
    inverse = doc.remove_lane(lanes[1].id)
    moved = doc.get(b.id)
    assert moved.lane_id == lanes[0].id
    assert rules.lane_at(doc, a.diagram_id, moved.centre[1]).id == lanes[0].id
    doc.apply(inverse)
    assert doc.state() == before
    doc.remove_lane(lanes[1].id, keep_nodes=False)
    assert b.id not in doc and a.id in doc


def test_insert_lane_shifts_nodes_below(doc):
    a = _node(doc, 1)
    dg = a.diagram_id
    lane = Lane(new_id(), dg, "New", "customer", 100)
    doc.insert_lane(lane, 0)
    assert [x.id for x in doc.lanes(dg)][0] == lane.id
    assert doc.get(a.id).y == a.y + 100


def test_clip_and_paste_keep_internal_edges_with_fresh_ids(doc):
    a, b, c = _node(doc, 0), _node(doc, 1, 400), _node(doc, 2, 600)
    dg = a.diagram_id
    doc.add([Edge(new_id(), dg, a.id, b.id), Edge(new_id(), dg, b.id, c.id)])
    doc.add([Annotation(new_id(), dg, "node", a.id, QualityRating("recovery", 2))])
    clipped = edits.clip(doc, [a.id, b.id])
    change = edits.paste(doc, clipped, dg, 20, 20)
    doc.apply(change)
    assert len(doc.nodes(dg)) == 5
    assert len(doc.edges(dg)) == 3
    assert len(doc.annotations(dg)) == 2
    new_ids = {e.id for e in change.puts}
    assert not new_ids & {a.id, b.id, c.id}


def test_paste_into_another_diagram_maps_lanes_by_role():
    doc = Document()
    add_diagram(doc, "service-blueprint", "One")
    add_diagram(doc, "service-blueprint", "Two")
    one, two = doc.diagrams()
    customer = next(x for x in doc.lanes(one.id) if x.role == "customer")
    top = next(t for ln, t, _ in rules.lane_spans(doc, one.id) if ln.id == customer.id)
    n = Node(new_id(), one.id, customer.id, x=200, y=top + 10)
    doc.add([n])
    doc.apply(edits.paste(doc, edits.clip(doc, [n.id]), two.id, 0, 0))
    (copy,) = doc.nodes(two.id)
    assert doc.get(copy.lane_id).role == "customer"
    assert rules.lane_at(doc, two.id, copy.centre[1]).id == copy.lane_id


def test_duplicate_diagram_copies_everything_with_new_ids(doc):
    a, b = _node(doc), _node(doc, 1)
    dg = a.diagram_id
    doc.add([Edge(new_id(), dg, a.id, b.id)])
    doc.add([Stage(new_id(), dg, "Arrive")])
    doc.add([Annotation(new_id(), dg, "diagram", dg, NoteText("whole"))])
    doc.apply(edits.duplicate_diagram(doc, dg, "Copy"))
    copy = doc.diagram_named("Copy")
    assert copy.order == 1
    for query in (doc.nodes, doc.edges, doc.lanes, doc.stages, doc.annotations):
        assert len(query(copy.id)) == len(query(dg))
    assert doc.annotations(copy.id)[0].target_id == copy.id


def test_reorder_diagrams(doc):
    add_diagram(doc, "gaps-model", "Gaps")
    first, second = doc.diagrams()
    inverse = doc.move_diagram(second.id, 0)
    assert [d.id for d in doc.diagrams()] == [second.id, first.id]
    doc.apply(inverse)
    assert [d.id for d in doc.diagrams()] == [first.id, second.id]


def test_project_info_cannot_be_deleted(doc):
    with pytest.raises(DomainError):
        doc.apply(Change(deletes=("project",)))


def test_annotation_on_diagram_must_target_the_diagram(doc):
    dg = _diagram(doc)
    with pytest.raises(DomainError, match="annotation.target_id"):
        Annotation(new_id(), dg.id, "diagram", "other", NoteText("x"))


def test_servqual_gap_is_perception_minus_expectation():
    assert ServqualScore("reliability", 6.5, 5.0).gap == -1.5


def test_insert_lane_with_any_order_value(doc):
    dg = _diagram(doc)
    lane = Lane(new_id(), dg.id, "Odd order", "other", 80, order=7)
    inverse = doc.insert_lane(lane, 1)
    assert doc.lanes(dg.id)[1].id == lane.id
    doc.apply(inverse)
    assert lane.id not in doc


def test_huge_numbers_and_lone_surrogates_are_domain_errors():
    with pytest.raises(DomainError, match="node.x"):
        Node("n", "d", "l", x=10**400)
    with pytest.raises(DomainError, match="node.x"):
        Node("n", "d", "l", x=float("nan"))
    with pytest.raises(DomainError, match="node.label"):
        Node("n", "d", "l", label="bad \udc80 text")
    assert Node("n", "d", "l", label="Ωμέγα Привет café 東京 🙂").label


def test_from_entities_checks_references_and_builds_indexes_lazily(doc):
    a, b = _node(doc), _node(doc, 1)
    dg = a.diagram_id
    e = Edge(new_id(), dg, a.id, b.id)
    doc.add([e])
    loaded = Document.from_entities(list(doc.entities()))
    assert loaded.state() == doc.state()
    assert [x.id for x in loaded.edges_of(a.id)] == [e.id]
    loaded.remove([a.id])
    assert e.id not in loaded
    broken = [x for x in doc.entities() if x.id != b.id]
    with pytest.raises(DomainError, match="edge.target_id"):
        Document.from_entities(broken)
    with pytest.raises(DomainError, match="appears twice"):
        Document.from_entities([*doc.entities(), a])
