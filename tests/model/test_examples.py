"""Worked examples: complete, well laid out, deterministic, and shipped as built.

Regenerate the shipped files after changing a builder:
    .venv/bin/python -m tests.model.test_examples
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from blueprint.model import (
    Document,
    Edge,
    GapFinding,
    Node,
    NoteText,
    QualityRating,
    ServqualScore,
    serial,
)
from blueprint.model.builder import layout_problems
from blueprint.model.catalogue import GAPS, SERVQUAL_DIMENSIONS
from blueprint.model.examples import EXAMPLES
from blueprint.model.notations import NOTATIONS

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(scope="module", params=sorted(EXAMPLES))
def example(request) -> tuple[str, Document]:
    return request.param, EXAMPLES[request.param].build()


def _blueprints(doc: Document):
    return [d for d in doc.diagrams() if d.notation == "service-blueprint"]


def _role(doc: Document, n: Node) -> str:
    return doc.get(n.lane_id).role  # type: ignore[union-attr]


def _bodies(doc: Document, kind: type) -> list:
    return [a.body for a in doc.annotations() if isinstance(a.body, kind)]


def test_three_examples_with_the_promised_subjects():
    assert sorted(EXAMPLES) == ["food-delivery", "hotel-stay", "restaurant-dinner"]
    for key, e in EXAMPLES.items():
        assert e.id == key and e.title and e.description
        assert e.filename == f"{key}.blueprint"


def test_builders_are_deterministic():
    for e in EXAMPLES.values():
        assert e.build().state() == e.build().state()


def test_every_lane_is_filled_and_the_layout_is_clean(example):
    _, doc = example
    for d in doc.diagrams():
        assert layout_problems(doc, d.id) == [], d.name
        used = {n.lane_id for n in doc.nodes(d.id)}
        assert used == {lane.id for lane in doc.lanes(d.id)}, d.name


def test_nodes_and_edges_follow_their_notation(example):
    _, doc = example
    for d in doc.diagrams():
        notation = NOTATIONS[d.notation]
        for n in doc.nodes(d.id):
            allowed = notation.roles_for_kind(n.kind)
            assert n.kind in notation.node_kinds
            assert not allowed or _role(doc, n) in allowed, n.label
        assert {e.kind for e in doc.edges(d.id)} <= set(notation.edge_kinds)


def test_blueprints_have_stages_and_a_connected_customer_path(example):
    _, doc = example
    (d,) = _blueprints(doc)
    assert len(doc.stages(d.id)) >= 4
    steps = sorted(
        (n for n in doc.nodes(d.id) if _role(doc, n) == "customer"),
        key=lambda n: n.x,
    )
    assert len(steps) >= 7
    flows = {(e.source_id, e.target_id) for e in doc.edges(d.id) if e.kind == "flow"}
    for a, b in pairwise(steps):
        assert (a.id, b.id) in flows, f"{a.label} -> {b.label}"
    crossings = Counter()
    for e in doc.edges(d.id):
        a, b = doc.get(e.source_id), doc.get(e.target_id)
        if a.lane_id != b.lane_id:
            crossings[frozenset((_role(doc, a), _role(doc, b)))] += 1
    assert crossings[frozenset(("customer", "onstage"))] >= 4
    assert crossings[frozenset(("onstage", "backstage"))] >= 1
    assert sum(crossings.values()) >= 10


def test_blueprints_mark_fail_wait_points_moments_of_truth_and_times(example):
    _, doc = example
    (d,) = _blueprints(doc)
    nodes = doc.nodes(d.id)
    assert sum(n.fail_point for n in nodes) >= 1
    assert sum(n.moment_of_truth for n in nodes) >= 4
    waits = [n for n in nodes if n.wait_point]
    assert len(waits) >= 2 and all(n.wait_time for n in waits)
    steps = [n for n in nodes if n.kind == "action"]
    timed = [n for n in steps if n.duration is not None]
    assert len(timed) >= len(steps) * 0.6
    # each fail point has a gap finding with an owner (Shostack: owner and recovery)
    for n in nodes:
        if n.fail_point:
            owners = [
                a.body.owner
                for a in doc.annotations_of(n.id)
                if isinstance(a.body, GapFinding)
            ]
            assert any(owners), n.label


def test_gap_findings_are_complete_and_use_each_gaps_own_causes(example):
    _, doc = example
    findings = _bodies(doc, GapFinding)
    assert len(findings) >= 4
    assert len({f.gap for f in findings}) >= 3
    assert len({f.status for f in findings}) >= 2
    for f in findings:
        assert f.finding and f.remedy and f.owner
        assert f.cause in GAPS[f.gap].causes, f.cause
    targets = {a.target_kind for a in doc.annotations() if a.kind == "gap"}
    assert {"node", "diagram"} <= targets


def test_quality_servqual_and_notes(example):
    _, doc = example
    ratings = _bodies(doc, QualityRating)
    assert len({r.criterion for r in ratings}) >= 5
    assert all(r.evidence for r in ratings)
    (d,) = _blueprints(doc)
    scores = [
        a.body for a in doc.annotations(d.id) if isinstance(a.body, ServqualScore)
    ]
    assert sorted(s.dimension for s in scores) == sorted(SERVQUAL_DIMENSIONS)
    assert sum(s.weight for s in scores) == 100
    assert any(s.gap < 0 for s in scores)
    assert len(_bodies(doc, NoteText)) >= 2


def test_hotel_follows_bitner_et_al():
    doc = EXAMPLES["hotel-stay"].build()
    (d,) = _blueprints(doc)
    path = [
        n.label
        for n in sorted(doc.nodes(d.id), key=lambda n: n.x)
        if _role(doc, n) == "customer"
    ]
    assert path == [
        "Arrive at hotel",
        "Give bags to bellperson",
        "Check in",
        "Go to room",
        "Receive bags",
        "Sleep, shower",
        "Call room service",
        "Receive food",
        "Eat",
        "Check out and leave",
    ]
    onstage = {n.label for n in doc.nodes(d.id) if _role(doc, n) == "onstage"}
    assert onstage == {
        "Greet and take bags",
        "Process registration",
        "Deliver bags",
        "Deliver food",
        "Process check-out",
    }
    gaps = doc.diagram_named("Gaps in room service")
    assert gaps is not None and gaps.notation == "gaps-model"
    on_edges = [a for a in doc.annotations(gaps.id) if a.target_kind == "edge"]
    assert {doc.get(a.target_id).gap for a in on_edges} == {1, 4}  # type: ignore[union-attr]


def test_food_delivery_fails_at_packing_as_in_the_seed_case():
    doc = EXAMPLES["food-delivery"].build()
    (d,) = _blueprints(doc)
    pack = next(n for n in doc.nodes(d.id) if n.label == "Pack order")
    assert pack.fail_point and _role(doc, pack) == "backstage"
    bodies = [a.body for a in doc.annotations_of(pack.id)]
    assert any(isinstance(b, GapFinding) and b.gap == 3 for b in bodies)
    assert any(
        isinstance(b, QualityRating) and b.criterion == "reliability" for b in bodies
    )


def test_restaurant_uses_the_management_lane_below_the_line_of_implementation():
    doc = EXAMPLES["restaurant-dinner"].build()
    (d,) = _blueprints(doc)
    lanes = doc.lanes(d.id)
    assert lanes[-1].role == "management"
    line = next(x for x in doc.lines(d.id) if x.kind == "implementation")
    assert line.below_lane_id == lanes[-2].id
    on_edge = [a for a in doc.annotations(d.id) if a.target_kind == "edge"]
    assert isinstance(doc.get(on_edge[0].target_id), Edge)


def test_examples_round_trip_through_the_canonical_dicts(example):
    _, doc = example
    rebuilt = [serial.from_dict(serial.to_dict(e)) for e in doc.entities()]
    assert {e.id: e for e in rebuilt} == doc.state()


# -- the shipped files ------------------------------------------------------------


def write_shipped() -> None:
    from blueprint import store

    SHIPPED.mkdir(parents=True, exist_ok=True)
    for e in EXAMPLES.values():
        store.save_document(e.build(), SHIPPED / e.filename)


def test_shipped_files_equal_what_the_builders_produce(example):
    from blueprint import store

    key, doc = example
    path = SHIPPED / EXAMPLES[key].filename
    regenerate = ".venv/bin/python -m tests.model.test_examples"
    assert path.is_file(), f"{path.name} is missing: run {regenerate}"
    assert store.load_document(path).state() == doc.state(), (
        f"{path.name} is stale: run {regenerate}"
    )


def test_examples_round_trip_through_json(example, tmp_path):
    from blueprint import store

    key, doc = example
    store.write_json(doc, tmp_path / f"{key}.json")
    assert store.read_json(tmp_path / f"{key}.json").state() == doc.state()


if __name__ == "__main__":
    write_shipped()
    print(f"wrote {len(EXAMPLES)} examples to {SHIPPED}")
