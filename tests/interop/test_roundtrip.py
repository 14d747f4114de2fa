"""Blueprint -> draw.io -> Blueprint gives back the same model; the exported file."""

import html
import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint.interop.drawio import (
    DrawioError,
    export_drawio,
    import_drawio,
    merge_entities,
)
from blueprint.model import (
    Annotation,
    Diagram,
    Document,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    Style,
    new_id,
)
from blueprint.model.factory import add_diagram

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def rich_document() -> Document:
    doc = Document(
        ProjectInfo(
            title="Hotel & Spa",
            client="Grand Hôtel",
            author="Ann",
            created="2024-01-02T03:04:05+00:00",
            modified="2024-02-03T04:05:06+00:00",
            accent_colour="#AA3300",
            logo=PNG,
        )
    )
    add_diagram(doc, "service-blueprint", "Overnight stay")
    add_diagram(doc, "production-system", "Service system")
    d, p = doc.diagrams()
    doc.update(d.id, order=3, zoom=1.25, scroll_x=-20.5, scroll_y=7.0)
    doc.update(p.id, order=9, presentation=("a1", "b2"))
    evidence, customer, onstage, backstage, support = doc.lanes(d.id)
    doc.update(onstage.id, name="Front desk <onstage> & bar", height=151.3)
    doc.add(
        [
            Stage(new_id(), d.id, "Arrive", 300.0, 0),
            Stage(new_id(), d.id, "Stay", 410.25, 4),
            Stage(new_id(), d.id, "Leave", 200.0, 7),
        ]
    )
    top = {ln.id: t for ln, t in ((x, sum_to(doc, d.id, x)) for x in doc.lanes(d.id))}
    arrive = Node(
        new_id(),
        d.id,
        customer.id,
        "start",
        "Arrive",
        x=170.0,
        y=top[customer.id] + 40.0,
        width=40.0,
        height=40.0,
    )
    check_in = Node(
        new_id(),
        d.id,
        customer.id,
        "action",
        "Check in\n& get <key>",
        description="Queue at the desk.\nShow passport.",
        x=260.1,
        y=top[customer.id] + 33.3,
        fail_point=True,
        wait_point=True,
        moment_of_truth=True,
        duration=4.5,
        wait_time=10,
    )
    greet = Node(
        new_id(),
        d.id,
        onstage.id,
        "decision",
        "Greet?",
        x=420.0,
        y=top[onstage.id] + 20.0,
        width=120.0,
        height=90.0,
        style=Style(fill="#FFEEDD", stroke="#112233", text="#445566"),
    )
    bags = Node(
        new_id(),
        d.id,
        backstage.id,
        "action",
        "  Take bags  ",
        x=600.7,
        y=top[backstage.id] + 10.0,
        style=Style(fill="#abcdef"),
    )
    system = Node(
        new_id(),
        d.id,
        support.id,
        "system",
        "Registration system",
        x=420.0,
        y=top[support.id] + 30.0,
        wait_point=True,
    )
    key = Node(
        new_id(),
        d.id,
        evidence.id,
        "evidence",
        "Key card 🔑",
        x=260.0,
        y=top[evidence.id] + 25.0,
    )
    nodes = [arrive, check_in, greet, bags, system, key]
    doc.add(nodes)
    e1 = Edge(new_id(), d.id, arrive.id, check_in.id, label="walks in")
    e2 = Edge(
        new_id(),
        d.id,
        check_in.id,
        greet.id,
        "information",
        "asks\nfor room",
        waypoints=((330.3, 300.7), (480.0, 300.7)),
    )
    e3 = Edge(
        new_id(),
        d.id,
        greet.id,
        system.id,
        "communication",
        routing="straight",
        waypoints=((700.125, 420.0),),
    )
    e4 = Edge(new_id(), d.id, greet.id, bags.id, "flow", "hand over")
    doc.add([e1, e2, e3, e4])
    doc.add(
        [
            Annotation(
                new_id(),
                d.id,
                "node",
                check_in.id,
                GapFinding(3, "Slow check-in", "No checklist", 4, "Add one", "Ann"),
            ),
            Annotation(
                new_id(),
                d.id,
                "node",
                check_in.id,
                QualityRating("reliability", 2, "Keys fail"),
                order=1,
            ),
            Annotation(new_id(), d.id, "edge", e2.id, GapFinding(1, status="closed")),
            Annotation(
                new_id(), d.id, "diagram", d.id, ServqualScore("empathy", 6, 4.5, 30)
            ),
            Annotation(
                new_id(), d.id, "diagram", d.id, NoteText('Seen in 2024\n"quoted"'), 2
            ),
        ]
    )
    # the production system with support connectors, lanes reordered
    lanes = doc.lanes(p.id)
    doc.move_lane(lanes[3].id, 0)
    lanes = doc.lanes(p.id)
    a = Node(
        new_id(),
        p.id,
        lanes[1].id,
        "customer",
        "Guest",
        x=200,
        y=sum_to(doc, p.id, lanes[1]) + 10,
    )
    b = Node(
        new_id(),
        p.id,
        lanes[2].id,
        "support_system",
        "PMS",
        x=400,
        y=sum_to(doc, p.id, lanes[2]) + 10,
    )
    doc.add([a, b])
    doc.add([Edge(new_id(), p.id, b.id, a.id, "support", support_type="systems")])
    # a diagram with no lanes at all, and one of the Gaps model
    doc.add([Diagram(new_id(), "Empty", "blank", order=12)])
    add_diagram(doc, "gaps-model", "Gaps")
    g = doc.diagram_named("Gaps")
    glanes = doc.lanes(g.id)
    ga = Node(
        new_id(), g.id, glanes[0].id, "gap_element", "Expected service", x=300, y=50
    )
    gb = Node(
        new_id(), g.id, glanes[0].id, "gap_element", "Perceived service", x=300, y=200
    )
    doc.add([ga, gb])
    doc.add([Edge(new_id(), g.id, ga.id, gb.id, "gap", gap=5)])
    return doc


def sum_to(doc, diagram_id, lane):
    total = 0.0
    for x in doc.lanes(diagram_id):
        if x.id == lane.id:
            return total
        total += x.height
    raise AssertionError


@pytest.fixture
def rich():
    return rich_document()


def test_round_trip_gives_back_the_same_model(rich, tmp_path):
    path = tmp_path / "hotel.drawio"
    export_drawio(rich, path)
    back, summary = import_drawio(path)
    assert back.state() == rich.state()
    assert summary.approximations == []
    assert (summary.diagrams, summary.stages, summary.dividing_lines) == (4, 3, 5)


def test_round_trip_twice_is_stable(rich, tmp_path):
    export_drawio(rich, tmp_path / "a.drawio")
    once, _ = import_drawio(tmp_path / "a.drawio")
    export_drawio(once, tmp_path / "b.drawio")
    assert (tmp_path / "a.drawio").read_bytes() == (tmp_path / "b.drawio").read_bytes()


def test_export_of_chosen_diagrams_only(rich, tmp_path):
    d = rich.diagram_named("Overnight stay")
    g = rich.diagram_named("Gaps")
    path = tmp_path / "two.drawio"
    export_drawio(rich, path, [g.id, d.id])
    back, _ = import_drawio(path)
    assert [x.name for x in back.diagrams()] == ["Gaps", "Overnight stay"]
    for kind in (Lane, Node, Edge, Annotation, Stage):
        mine = {k: v for k, v in rich.state().items() if isinstance(v, kind)}
        kept = {k: v for k, v in mine.items() if v.diagram_id in (d.id, g.id)}
        theirs = {k: v for k, v in back.state().items() if isinstance(v, kind)}
        assert theirs == kept


def test_unknown_diagram_or_nothing_to_export_is_refused(rich, tmp_path):
    with pytest.raises(DrawioError, match="no diagram 'nope'"):
        export_drawio(rich, tmp_path / "x.drawio", ["nope"])
    with pytest.raises(DrawioError, match="no diagram to export"):
        export_drawio(rich, tmp_path / "x.drawio", [])
    assert not list(tmp_path.iterdir())


def _cells(path):
    root = ET.parse(path).getroot()
    pages = {}
    for diagram in root.findall("diagram"):
        cells = {}
        for el in diagram.find("mxGraphModel/root"):
            inner = el if el.tag == "mxCell" else el.find("mxCell")
            cells[el.get("id")] = (el, inner)
        pages[diagram.get("name")] = cells
    return root, pages


def test_exported_file_is_what_draw_io_expects(rich, tmp_path):
    path = tmp_path / "hotel.drawio"
    export_drawio(rich, path)
    root, pages = _cells(path)
    assert root.tag == "mxfile"
    d = rich.diagram_named("Overnight stay")
    cells = pages["Overnight stay"]
    assert cells["0"][1].get("parent") is None and cells["1"][1].get("parent") == "0"
    pool_el, pool = cells[d.id]
    assert pool_el.tag == "object" and pool_el.get("bp_type") == "diagram"
    assert pool.get("style").startswith("swimlane;horizontal=0;childLayout=stackLayout")
    assert pool.get("parent") == "1" and pool.get("vertex") == "1"
    for lane in rich.lanes(d.id):
        el, cell = cells[lane.id]
        assert el.get("label") == html.escape(lane.name, quote=False)
        assert el.get("bp_role") == lane.role
        assert cell.get("parent") == d.id and cell.get("style").startswith("swimlane;")
    for node in rich.nodes(d.id):
        el, cell = cells[node.id]
        assert cell.get("parent") == node.lane_id  # geometry relative to the lane
        assert el.get("bp_kind") == node.kind
    check_in = next(n for n in rich.nodes(d.id) if n.fail_point)
    el, cell = cells[check_in.id]
    assert el.get("label") == "Check in<br>&amp; get &lt;key&gt;"
    assert el.get("bp_flags") == "fail_point,wait_point,moment_of_truth"
    assert el.get("bp_duration") == "4.5" and el.get("bp_wait_time") == "10"
    assert '"gap": 3' in el.get("bp_annotations")
    g = cell.find("mxGeometry")
    lane_top = sum_to(rich, d.id, rich.get(check_in.lane_id))
    assert float(g.get("x")) == pytest.approx(check_in.x - 30)
    assert float(g.get("y")) == pytest.approx(check_in.y - lane_top)
    for edge in rich.edges(d.id):
        el, cell = cells[edge.id]
        assert cell.get("edge") == "1"
        assert (cell.get("source"), cell.get("target")) == (
            edge.source_id,
            edge.target_id,
        )
        points = cell.findall("mxGeometry/Array/mxPoint")
        assert len(points) == len(edge.waypoints)
    lines = [el for el, _ in cells.values() if el.get("bp_type") == "line"]
    assert sorted(el.get("label") for el in lines) == [
        "Line of interaction",
        "Line of internal interaction",
        "Line of visibility",
    ]
    assert all(
        c.get("style").startswith("line;")
        for _, c in cells.values()
        if c is not None and c.get("style", "").startswith("line")
    )
    stages = [
        el.get("label") for el, _ in cells.values() if el.get("bp_type") == "stage"
    ]
    assert stages == ["Arrive", "Stay", "Leave"]
    # the empty diagram still has its page and pool
    assert any(el.get("bp_type") == "diagram" for el, _ in pages["Empty"].values())


def test_changes_made_in_draw_io_win(rich, tmp_path):
    """A user moves a shape, recolours one, renames a lane and adds a plain shape."""
    path = tmp_path / "hotel.drawio"
    export_drawio(rich, path)
    d = rich.diagram_named("Overnight stay")
    check_in = next(n for n in rich.nodes(d.id) if n.fail_point)
    greet = next(n for n in rich.nodes(d.id) if n.kind == "decision")
    support = rich.lanes(d.id)[4]
    tree = ET.parse(path)
    page = next(p for p in tree.getroot() if p.get("name") == "Overnight stay")
    root = page.find("mxGraphModel/root")
    by_id = {el.get("id"): el for el in root}
    geo = by_id[check_in.id].find("mxCell/mxGeometry")
    geo.set("x", str(float(geo.get("x")) + 100))
    cell = by_id[greet.id].find("mxCell")
    cell.set(
        "style", cell.get("style").replace("fillColor=#FFEEDD", "fillColor=#00FF00")
    )
    by_id[support.id].set("label", "Systems")
    new = ET.SubElement(
        root,
        "mxCell",
        {
            "id": "x1",
            "value": "Extra",
            "style": "rhombus;html=1;",
            "vertex": "1",
            "parent": support.id,
        },
    )
    ET.SubElement(
        new,
        "mxGeometry",
        {"x": "600", "y": "20", "width": "80", "height": "60", "as": "geometry"},
    )
    tree.write(path, encoding="unicode")
    back, _ = import_drawio(path)
    moved = back.get(check_in.id)
    assert moved.x == pytest.approx(check_in.x + 100) and moved.y == check_in.y
    assert moved.fail_point and moved.duration == 4.5  # Blueprint data kept
    assert back.get(greet.id).style == Style("#00ff00", "#112233", "#445566")
    assert back.get(support.id).name == "Systems"
    assert back.get(support.id).role == "support"  # kept from bp_role
    extra = next(n for n in back.nodes(d.id) if n.label == "Extra")
    assert extra.kind == "decision" and extra.lane_id == support.id
    assert extra.x == pytest.approx(600 + 30)


def test_copied_shapes_get_fresh_ids(rich, tmp_path):
    """draw.io copies custom properties with a shape, so bp_id can repeat."""
    path = tmp_path / "hotel.drawio"
    export_drawio(rich, path)
    d = rich.diagram_named("Overnight stay")
    node = next(n for n in rich.nodes(d.id) if n.fail_point)
    tree = ET.parse(path)
    page = next(p for p in tree.getroot() if p.get("name") == "Overnight stay")
    root = page.find("mxGraphModel/root")
    original = next(el for el in root if el.get("id") == node.id)
    copy = ET.fromstring(ET.tostring(original))
    copy.set("id", "copy-1")
    copy.find("mxCell/mxGeometry").set("y", "70")
    root.append(copy)
    tree.write(path, encoding="unicode")
    back, _ = import_drawio(path)
    twins = [n for n in back.nodes(d.id) if n.label == node.label]
    assert len(twins) == 2 and len({n.id for n in twins}) == 2
    assert back.get(node.id) == node
    # each copy carries its own annotations, with ids of their own
    assert (
        len(back.annotations_of(twins[0].id))
        == len(back.annotations_of(twins[1].id))
        == 2
    )


def test_write_is_atomic_and_replaces_the_old_file(rich, tmp_path):
    path = tmp_path / "out.drawio"
    path.write_text("old")
    export_drawio(rich, path)
    assert path.read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.drawio"]


def test_failed_write_leaves_the_old_file_and_no_temporary(rich, tmp_path, monkeypatch):
    path = tmp_path / "out.drawio"
    path.write_text("old")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(DrawioError) as info:
        export_drawio(rich, path)
    assert str(info.value) == f"{path}: cannot write (No space left on device)"
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.drawio"]


def test_writing_onto_a_folder_is_a_clear_error(rich, tmp_path):
    target = tmp_path / "folder.drawio"
    target.mkdir()
    with pytest.raises(DrawioError, match="cannot write"):
        export_drawio(rich, target)
    assert [p.name for p in tmp_path.iterdir()] == ["folder.drawio"]


texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())
coords = st.floats(
    min_value=-500, max_value=3000, allow_nan=False, allow_infinity=False
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    labels=st.lists(st.tuples(texts, coords, coords), min_size=2, max_size=5),
    edge_label=st.text(max_size=20).filter(
        lambda s: "\x00" not in s and all(c >= " " or c == "\n" for c in s)
    ),
    waypoints=st.lists(st.tuples(coords, coords), max_size=3),
)
def test_round_trip_of_arbitrary_labels_and_coordinates(
    tmp_path, labels, edge_label, waypoints
):
    doc = Document()
    add_diagram(doc, "service-blueprint", "D")
    d = doc.diagrams()[0]
    lanes = doc.lanes(d.id)
    nodes = [
        Node(new_id(), d.id, lanes[i % len(lanes)].id, label=label, x=x, y=y)
        for i, (label, x, y) in enumerate(labels)
    ]
    doc.add(nodes)
    doc.add(
        [
            Edge(
                new_id(),
                d.id,
                nodes[0].id,
                nodes[1].id,
                label=edge_label,
                waypoints=tuple(waypoints),
            )
        ]
    )
    path = tmp_path / "p.drawio"
    export_drawio(doc, path)
    back, _ = import_drawio(path)
    assert back.state() == doc.state()


def test_importing_an_export_into_its_own_project_adds_copies(rich, tmp_path):
    path = tmp_path / "hotel.drawio"
    export_drawio(rich, path)
    imported, _ = import_drawio(path)
    before = rich.state()
    inverse = rich.add(merge_entities(imported, rich))
    names = [d.name for d in rich.diagrams()]
    assert names == ["Overnight stay", "Service system", "Empty", "Gaps"] * 2
    assert len(rich.state()) == 2 * len(before) - 1  # one project info
    old, new = rich.diagrams()[1], rich.diagrams()[5]
    assert [(n.label, n.x, n.y) for n in rich.nodes(old.id)] == [
        (n.label, n.x, n.y) for n in rich.nodes(new.id)
    ]
    assert new.order > max(d.order for d in rich.diagrams()[:4])
    rich.apply(inverse)
    assert rich.state() == before
