"""The presentation's steps and their order, computed headless (no Qt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.interop.merge import merge_entities
from blueprint.model import Document, Lane
from blueprint.model.catalogue import GAPS, LINE_KINDS
from blueprint.model.entities import new_id
from blueprint.model.examples import EXAMPLES
from blueprint.model.factory import new_document
from blueprint.model.templates import TEMPLATES, new_from_template
from blueprint.ui.presentation.sequence import (
    HIDDEN,
    arrange,
    default_arrangement,
    encode,
    hidden_at,
    merged,
    sequence,
)
from blueprint.ui.presentation.steps import MIN_AREA, OVERVIEW, catalogue

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def hotel() -> tuple[Document, str]:
    doc = EXAMPLES["hotel-stay"].build()
    return doc, doc.diagrams()[0].id


def _kinds(steps) -> list[str]:
    return [s.kind for s in steps]


def test_the_step_modules_do_not_load_qt():
    code = (
        "import sys; import blueprint.ui.presentation.sequence, "
        "blueprint.ui.presentation.steps; print('PySide6' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert out.stdout.strip() == "False", out.stderr


def test_a_blueprint_walks_overview_lanes_lines_fail_points_then_gaps(hotel):
    doc, d = hotel
    steps = sequence(doc, d)
    kinds = _kinds(steps)
    assert kinds == (
        ["overview"] + ["lane"] * 5 + ["line"] * 3 + ["fail_point"] * 2 + ["gap"] * 5
    )
    assert steps[0].id == OVERVIEW and steps[0].title == "Overnight hotel stay"
    lanes = [s.title for s in steps if s.kind == "lane"]
    assert lanes == [lane.name for lane in doc.lanes(d)]  # top-down
    assert [s.title for s in steps if s.kind == "line"] == [
        LINE_KINDS[k].name
        for k in ("interaction", "visibility", "internal_interaction")
    ]
    fail = [s for s in steps if s.kind == "fail_point"]
    assert [s.title for s in fail] == ["Process registration", "Take food order"]
    assert all(s.targets == (s.id,) and doc.get(s.id).fail_point for s in fail)
    gaps = [s for s in steps if s.kind == "gap"]
    assert [s.id for s in gaps] == [f"gap:{n}" for n in range(1, 6)]
    for n, step in enumerate(gaps, start=1):
        assert step.title == GAPS[n].title
        assert step.text.startswith(GAPS[n].definition)  # the definition as caption
        assert step.source == GAPS[n].source


def test_customer_lane_caption_defines_the_lane_and_names_its_steps(hotel):
    doc, d = hotel
    customer = next(s for s in catalogue(doc, d) if s.title == "Customer actions")
    assert customer.text.startswith("The customer's steps")
    assert "Arrive at hotel" in customer.text and "more" in customer.text
    assert customer.section == "Lane 2 of 5"


def test_stage_walk_follows_the_customer_path(hotel):
    doc, d = hotel
    steps = catalogue(doc, d)
    shown, hidden = default_arrangement(steps, "stages")
    by_id = {s.id: s for s in steps}
    assert [by_id[i].kind for i in shown][:5] == ["overview"] + ["stage"] * 4
    assert {by_id[i].kind for i in hidden} == {"lane"}
    arrival = by_id[shown[1]]
    assert arrival.title == "Arrival"
    assert arrival.text.startswith("The customer: Arrive at hotel → ")
    assert all(doc.get(t).lane_id == doc.lanes(d)[1].id for t in arrival.targets)


def test_gap_steps_light_their_targets_and_reveal_gap_connectors():
    doc = new_from_template("gaps-model")
    d = doc.diagrams()[0].id
    steps = sequence(doc, d)
    gap_edges = {e.gap: e.id for e in doc.edges(d) if e.kind == "gap"}
    line = doc.lines(d)[0].id
    assert hidden_at(steps, 0) == {line, *gap_edges.values()}
    third = next(i for i, s in enumerate(steps) if s.id == "gap:3")
    assert steps[third].reveals == (gap_edges[3],)
    assert gap_edges[3] in steps[third].targets
    assert hidden_at(steps, third) == {gap_edges[4], gap_edges[5]}
    assert hidden_at(steps, len(steps) - 1) == set()
    # an item whose step is left out of the sequence is always shown
    assert hidden_at([s for s in steps if s.id != "gap:5"], 0) == {
        line,
        *(gap_edges[n] for n in (1, 2, 3, 4)),
    }


def test_zoomed_steps_show_enough_around_what_they_light(hotel):
    doc, d = hotel
    for step in catalogue(doc, d):
        assert step.area.width >= MIN_AREA[0] - 1e-6 or step.kind == "overview"
        for spot in step.spots:
            assert step.area.left <= spot.left and spot.right <= step.area.right
            assert step.area.top <= spot.top and spot.bottom <= step.area.bottom


@pytest.mark.parametrize("template_id", list(TEMPLATES))
def test_every_template_has_an_overview_and_skips_what_it_lacks(template_id):
    doc = new_from_template(template_id)
    steps = sequence(doc, doc.diagrams()[0].id)
    assert steps[0].kind == "overview"
    assert not any(s.kind == "fail_point" for s in steps)  # templates have none
    if template_id != "gaps-model":
        assert not any(s.kind == "gap" for s in steps)


def test_default_order_is_stored_as_nothing_and_follows_new_lanes(hotel):
    doc, d = hotel
    steps = catalogue(doc, d)
    assert encode(steps, *default_arrangement(steps)) == ()
    assert arrange(steps, ()) == default_arrangement(steps)


def test_a_saved_order_keeps_its_order_and_hidden_steps():
    doc = EXAMPLES["hotel-stay"].build()
    d = doc.diagrams()[0].id
    steps = catalogue(doc, d)
    shown, hidden = default_arrangement(steps)
    shown = [shown[0], *reversed(shown[1:6]), *shown[6:]]  # lanes bottom-up
    hidden.append(shown.pop(shown.index("gap:4")))
    saved = encode(steps, shown, hidden)
    assert saved[len(shown)] == HIDDEN and "gap:4" in saved[len(shown) :]
    assert arrange(steps, saved) == (shown, hidden)

    # a lane added later joins the shown lanes; a stage added later stays hidden
    # with the other stages; ids of steps that are gone are ignored
    lane = Lane(new_id(), d, "Management", "management", 120)
    doc.insert_lane(lane, len(doc.lanes(d)))
    grown = catalogue(doc, d)
    now_shown, now_hidden = arrange(grown, (*saved[:3], "gone", *saved[3:]))
    assert lane.id in now_shown
    assert now_shown.index(lane.id) == now_shown.index(shown[5]) + 1
    assert "gone" not in now_shown
    assert all(s in now_hidden for s in hidden)


def test_merged_list_puts_hidden_steps_beside_their_neighbours(hotel):
    doc, d = hotel
    steps = catalogue(doc, d)
    shown, hidden = default_arrangement(steps)
    everything = merged(steps, shown, hidden)
    assert everything == [s.id for s in steps]  # canonical: stages after lanes


def test_sequence_uses_the_diagram_presentation():
    doc = new_from_template("service-blueprint")
    diagram = doc.diagrams()[0]
    steps = catalogue(doc, diagram.id)
    lanes = [s.id for s in steps if s.kind == "lane"]
    doc.update(diagram.id, presentation=(lanes[1], OVERVIEW, HIDDEN, lanes[0]))
    shown = [s.id for s in sequence(doc, diagram.id)]
    assert shown[:2] == [lanes[1], OVERVIEW]
    assert lanes[0] not in shown and lanes[2] in shown


def test_a_saved_order_survives_import_under_fresh_ids():
    source = new_from_template("service-blueprint")
    diagram = source.diagrams()[0]
    steps = catalogue(source, diagram.id)
    lanes = [s.id for s in steps if s.kind == "lane"]
    source.update(diagram.id, presentation=(*reversed(lanes), HIDDEN, OVERVIEW))
    target = new_document()
    target.add(merge_entities(source, target))
    imported = target.diagrams()[1]
    shown = sequence(target, imported.id)
    assert [s.title for s in shown][:5] == [
        lane.name for lane in reversed(source.lanes(diagram.id))
    ]
    assert OVERVIEW not in [s.id for s in shown]


def test_an_empty_diagram_shows_its_overview_and_lanes():
    doc = new_document()
    d = doc.diagrams()[0].id
    steps = sequence(doc, d)
    assert [s.kind for s in steps] == ["overview"] + ["lane"] * 3
    assert steps[1].text == "An empty lane."
