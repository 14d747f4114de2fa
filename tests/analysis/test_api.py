"""The analysis API: plain frozen results, no side effects, snapshots, re-runs."""

import dataclasses
import json
import threading

import pytest

from blueprint.analysis import (
    Analyser,
    DiagramGraph,
    ProjectAnalysis,
    analyse_diagram,
    analyse_project,
    as_dict,
    build_graph,
    snapshot,
)
from blueprint.model import Annotation, GapFinding, Node, QualityRating
from blueprint.model.examples import EXAMPLES
from blueprint.model.factory import diagram_entities
from blueprint.model.templates import TEMPLATES, new_from_template

from .sketch import Sketch


def two_diagrams() -> tuple[Sketch, str]:
    s = Sketch()
    s.node("order", "customer", 0, duration=2.0)
    s.node("take", "onstage", 0, moment_of_truth=True)
    s.node("cook", "backstage", 1, fail_point=True)
    s.flow("order", "take", "cook")
    s.annotate("cook", GapFinding(3, severity=4))
    s.annotate("order", QualityRating("accessibility", 3))
    other = diagram_entities("service-blueprint", "Second", order=1)
    s.doc.add(other)
    second = other[0].id
    lane = next(e for e in other if getattr(e, "role", "") == "customer")
    s.doc.add([Node("lonely", second, lane.id, x=200, y=140)])
    return s, second


def test_project_analysis_is_every_diagram_and_pooled_summaries():
    s, second = two_diagrams()
    project = analyse_project(s.doc)
    assert isinstance(project, ProjectAnalysis)
    assert [d.name for d in project.diagrams] == ["Test", "Second"]
    assert project.diagrams[0] == analyse_diagram(s.doc, s.diagram_id)
    assert project.diagram(second) == analyse_diagram(s.doc, second)
    assert project.findings == project.diagrams[0].findings + (
        project.diagrams[1].findings
    )
    assert project.counts.nodes == 4 and project.counts.fail_points == 1
    assert project.gap_summary.total == 1
    with pytest.raises(KeyError):
        project.diagram("nope")
    with pytest.raises(KeyError, match="nope"):
        analyse_diagram(s.doc, "nope")


def _walk(value, path="result"):
    """Every value inside a result: only frozen dataclasses, tuples and scalars."""
    if dataclasses.is_dataclass(value):
        assert type(value).__module__ == "blueprint.analysis.results", path
        assert type(value).__dataclass_params__.frozen, path
        for f in dataclasses.fields(value):
            _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            _walk(item, f"{path}[{i}]")
    else:
        assert value is None or type(value) in (str, int, float, bool), (
            f"{path} is a {type(value).__name__}"
        )


def test_results_are_plain_frozen_data():
    s, _ = two_diagrams()
    project = analyse_project(s.doc)
    _walk(project)
    hash(project)  # frozen all the way down
    with pytest.raises(dataclasses.FrozenInstanceError):
        project.diagrams[0].findings[0].title = "changed"  # type: ignore[misc]


def test_analysis_never_changes_the_document():
    s, _ = two_diagrams()
    events = []
    s.doc.events.subscribe(events.append)
    before = s.doc.state()
    analyse_project(s.doc)
    Analyser().project(s.doc)
    assert events == []
    after = s.doc.state()
    assert after == before
    assert all(after[k] is before[k] for k in before)


def test_a_snapshot_is_unaffected_by_later_edits():
    s, _ = two_diagrams()
    snap = snapshot(s.doc)
    s.doc.remove(["cook"])
    old = analyse_diagram(snap, s.diagram_id)
    new = analyse_diagram(s.doc, s.diagram_id)
    assert old.counts.nodes == 3 and new.counts.nodes == 2
    assert old.gap_summary.total == 1 and new.gap_summary.total == 0


def test_state_copies_and_entity_lists_analyse_like_the_document():
    s, _ = two_diagrams()
    expected = analyse_project(s.doc)
    assert analyse_project(s.doc.state()) == expected
    assert analyse_project(list(s.doc.entities())) == expected
    assert analyse_project(snapshot(s.doc)) == expected
    one = snapshot(s.doc, s.diagram_id)
    assert [p.id for p in one.diagrams] == [s.diagram_id]


def test_a_worker_thread_analyses_snapshots_while_the_document_changes():
    s, _ = two_diagrams()
    jobs: list = []
    results: list = []
    errors: list = []
    ready = threading.Event()

    def worker():
        while True:
            ready.wait()
            ready.clear()
            while jobs:
                job = jobs.pop(0)
                if job is None:
                    return
                try:
                    results.append((job, analyse_diagram(job, s.diagram_id)))
                except Exception as exc:  # reported below, not lost in the thread
                    errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    for i in range(40):  # the "GUI thread": edit, snapshot, hand over
        s.doc.add([Node(f"n{i}", s.diagram_id, s.lane("onstage").id, x=i * 10)])
        s.edge("take", f"n{i}")
        jobs.append(snapshot(s.doc, s.diagram_id))
        ready.set()
    jobs.append(None)
    ready.set()
    thread.join(timeout=60)
    assert not thread.is_alive() and errors == []
    assert results
    for snap, result in results:
        assert result.counts.nodes == len(snap.diagrams[0].nodes)
        assert result.counts.edges == len(snap.diagrams[0].edges)


def test_the_analyser_reuses_what_did_not_change():
    s, second = two_diagrams()
    analyser = Analyser()
    first = analyser.project(s.doc)
    again = analyser.project(s.doc)
    assert again.diagrams[0] is first.diagrams[0]
    assert again.diagrams[1] is first.diagrams[1]
    s.doc.update("order", duration=10.0)  # one edit in the first diagram
    third = analyser.project(s.doc)
    assert third.diagrams[0] is not first.diagrams[0]
    assert third.diagrams[0].timing.total_time == 10.0
    assert third.diagrams[1] is first.diagrams[1]
    assert third == analyse_project(s.doc)
    assert analyser.diagram(s.doc, second) is first.diagrams[1]
    s.doc.remove([second])
    assert len(analyser.project(s.doc).diagrams) == 1
    assert len(analyser._cache) == 1  # the removed diagram is forgotten


def test_an_annotation_edit_refreshes_the_cached_summaries():
    s, _ = two_diagrams()
    analyser = Analyser()
    before = analyser.diagram(s.doc, s.diagram_id)
    s.annotate("diagram", GapFinding(1))
    after = analyser.diagram(s.doc, s.diagram_id)
    assert (before.gap_summary.total, after.gap_summary.total) == (1, 2)


def test_results_convert_to_json():
    s, _ = two_diagrams()
    data = as_dict(analyse_project(s.doc))
    text = json.dumps(data)
    back = json.loads(text)
    assert back["counts"]["annotations"] == 2
    assert back["diagrams"][0]["counts"]["annotations"] == 2
    assert back["diagrams"][0]["findings"][0]["check"]
    assert back["servqual_summary"]["unweighted"] is None


def test_build_graph_is_plain_data_resolved_by_lane_roles():
    s, _ = two_diagrams()
    g = build_graph(s.doc, s.diagram_id)
    assert isinstance(g, DiagramGraph)
    assert [n.id for n in g.nodes] == ["order", "take", "cook"]
    assert g.role["cook"] == "backstage" and g.lane_index["cook"] == 3
    assert g.visibility == 2 and g.interaction == 1
    assert not any("networkx" in type(v).__module__ for v in vars(g).values())


def test_the_graph_helpers_agree_with_the_analysis():
    s, _ = two_diagrams()
    s.node("begin", "onstage", 3, kind="start")
    s.node("remark", "customer", 3, kind="note")
    g = build_graph(s.doc, s.diagram_id)
    result = analyse_diagram(s.doc, s.diagram_id)
    assert sum(map(g.is_customer_action, g.nodes)) == result.counts.customer_actions
    assert sum(map(g.is_step, g.nodes)) == result.counts.steps
    assert [n.id for n in g.nodes if g.is_journey_node(n)] == ["order", "begin"]
    assert not g.is_structural(s.doc.get("remark"))
    take_cook = next(e for e in s.doc.edges(s.diagram_id) if e.target_id == "cook")
    assert g.crosses(take_cook, g.visibility) and not g.crosses(take_cook, None)


def test_an_empty_project_analyses_cleanly():
    doc = new_from_template("blank")
    result = analyse_project(doc)
    assert result.findings == ()
    assert result.counts.nodes == 0 and result.diagrams[0].journeys == ()


@pytest.mark.parametrize("example", sorted(EXAMPLES))
def test_every_worked_example_analyses(example):
    doc = EXAMPLES[example].build()
    result = analyse_project(doc)
    json.dumps(as_dict(result))
    for d in result.diagrams:
        for f in d.findings:
            assert all(doc.get(i) is not None for i in f.node_ids + f.edge_ids)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_a_new_diagram_from_a_template_has_no_warnings(template):
    result = analyse_project(new_from_template(template))
    assert [f.title for f in result.findings if f.severity == "warning"] == []


def test_annotations_on_the_diagram_itself_are_sound():
    s = Sketch()
    s.doc.add(
        [Annotation("whole", s.diagram_id, "diagram", s.diagram_id, GapFinding(4))]
    )
    result = s.analyse()
    assert result.gap_summary.by_gap[3].total == 1
    assert not [f for f in result.findings if f.check == "annotation-target-missing"]
