"""Importing draw.io files drawn elsewhere: pools, lanes, shapes, connectors."""

import shutil
from pathlib import Path

import pytest

from blueprint.interop.drawio import import_drawio
from blueprint.model import GapFinding, NoteText

from .codec import compress_file

DATA = Path(__file__).parent / "data"


def picture(doc):
    """The imported project without ids: what a user would see, page by page."""
    out = {}
    for d in doc.diagrams():
        lanes = {ln.id: ln.name for ln in doc.lanes(d.id)}
        labels = {n.id: n.label for n in doc.nodes(d.id)}
        out[d.name] = {
            "notation": d.notation,
            "lanes": [(ln.name, ln.role, ln.height) for ln in doc.lanes(d.id)],
            "lines": sorted((x.kind, lanes[x.below_lane_id]) for x in doc.lines(d.id)),
            "nodes": sorted(
                (n.label, n.kind, n.x, n.y, n.width, n.height, lanes[n.lane_id])
                for n in doc.nodes(d.id)
            ),
            "fills": sorted((n.label, n.style.fill) for n in doc.nodes(d.id)),
            "edges": sorted(
                (labels[e.source_id], labels[e.target_id], e.label, e.waypoints)
                for e in doc.edges(d.id)
            ),
            "notes": sorted(
                (a.target_kind, a.body.text)
                for a in doc.annotations(d.id)
                if isinstance(a.body, NoteText)
            ),
        }
    return out


@pytest.fixture(scope="module")
def hotel():
    return import_drawio(DATA / "hotel.drawio")


def test_every_page_becomes_a_diagram_in_order(hotel):
    doc, summary = hotel
    assert [d.name for d in doc.diagrams()] == [
        "Hotel stay",
        "Vertical pool",
        "Loose shapes",
        "Nested lanes",
    ]
    assert summary.diagrams == 4
    assert (summary.lanes, summary.nodes, summary.edges) == (12, 21, 10)


def test_pool_lanes_keep_order_names_and_blueprint_roles(hotel):
    doc, _ = hotel
    page = picture(doc)["Hotel stay"]
    assert page["notation"] == "service-blueprint"
    assert page["lanes"] == [
        ("Physical evidence", "physical_evidence", 100.0),
        ("Customer actions", "customer", 120.0),  # "Customer<br>actions"
        ("Onstage contact employee actions", "onstage", 120.0),
        ("Backstage (invisible) contact employee actions", "backstage", 120.0),
        ("Support processes", "support", 140.0),  # "<b>Support</b> processes"
    ]


def test_shapes_land_in_their_lanes_at_diagram_coordinates(hotel):
    doc, _ = hotel
    nodes = {n[0]: n[1:] for n in picture(doc)["Hotel stay"]["nodes"]}
    # the pool is at (100, 50) with a 30 wide header, lanes have 40 wide headers:
    # lane content starts at page x 170, which becomes LANE_HEADER_WIDTH (160)
    assert nodes["Hotel exterior"] == (
        "evidence",
        180.0,
        20.0,
        120.0,
        60.0,
        "Physical evidence",
    )
    assert nodes["Start"] == ("start", 180.0, 140.0, 40.0, 40.0, "Customer actions")
    assert nodes["Arrive at\nhotel"][1:3] == (260.0, 130.0)
    assert nodes["Room ready?"][:3] == ("decision", 440.0, 240.0)
    assert nodes["Registration system"][:3] == ("system", 440.0, 500.0)
    # inside a group inside the onstage lane
    assert nodes["Greet guest"] == (
        "action",
        620.0,
        250.0,
        120.0,
        60.0,
        "Onstage contact employee actions",
    )
    # inside a container inside the support lane; the container is a frame node
    assert nodes["Prepare food"][1:3] == (640.0, 510.0)
    assert nodes["Kitchen"] == (
        "frame",
        620.0,
        470.0,
        300.0,
        120.0,
        "Support processes",
    )


def test_fill_colour_becomes_a_style_override(hotel):
    fills = dict(picture(hotel[0])["Hotel stay"]["fills"])
    assert fills["Check in"] == "#dae8fc"
    assert fills["Hotel exterior"] == "#fff2cc"  # upper case in the file
    assert fills["Start"] is None


def test_connectors_with_labels_child_labels_and_waypoints(hotel):
    edges = picture(hotel[0])["Hotel stay"]["edges"]
    assert ("Arrive at\nhotel", "Check in", "at desk", ()) in edges  # child label
    # waypoint relative to the pool (the edge's parent) at page (500, 230)
    assert ("Check in", "Room ready?", "request room", ((490.0, 180.0),)) in edges
    assert ("Room ready?", "Registration system", "look up", ((690.0, 510.0),)) in edges
    # a loose end over a shape is attached to it
    assert ("Hotel exterior", "Arrive at\nhotel", "walk in", ()) in edges
    assert ("Prepare food", "Greet guest", "room service", ()) in edges
    doc = hotel[0]
    routing = {e.label: e.routing for e in doc.edges(doc.diagrams()[0].id)}
    assert routing["request room"] == "orthogonal"
    assert routing["look up"] == "straight"


def test_user_object_properties_become_notes(hotel):
    notes = picture(hotel[0])["Hotel stay"]["notes"]
    assert ("node", "owner: Front desk\nsla: 5 min") in notes
    assert ("edge", "channel: trolley") in notes
    assert (
        "diagram",
        "Lane 'Backstage (invisible) contact employee actions':\n"
        "department: Housekeeping",
    ) in notes


def test_dividing_lines_are_recognised_by_their_labels(hotel):
    lines = picture(hotel[0])["Hotel stay"]["lines"]
    assert lines == [
        ("interaction", "Customer actions"),
        ("visibility", "Onstage contact employee actions"),
    ]


def test_summary_names_every_approximation(hotel):
    _, summary = hotel
    text = "\n".join(summary.approximations)
    for expected in (
        "shape outside any lane was put in the nearest lane: 'Valet parking'",
        "shape of unknown type became an action: 'Take bags to room (cloud)'",
        "container was imported as a frame node beside its shapes: 'Kitchen'",
        "2 connectors not attached to shapes at both ends were left out: 'lost', "
        "'Room ready? -> Backstage",
        "loose connector end was attached to the shape under it: 'walk in'",
        "line shape without a dividing-line label was left out",
        "Page 'Vertical pool': vertical lanes were turned into horizontal ones",
        "Page 'Loose shapes': there were no lanes",
        "shape without a label was named after its kind",
    ):
        assert expected in text
    lines = summary.lines()
    assert lines[0] == (
        "Imported hotel.drawio: 4 diagrams, 12 lanes, 21 nodes, 10 connectors, "
        "3 annotations, 2 dividing lines."
    )
    assert lines[1] == "Approximated:"
    assert all(line.startswith("  - Page ") for line in lines[2:])


def test_shape_outside_lanes_goes_to_the_nearest_lane(hotel):
    nodes = {n[0]: n[1:] for n in picture(hotel[0])["Hotel stay"]["nodes"]}
    assert nodes["Valet parking"] == (
        "action",
        1140.0,
        150.0,
        100.0,
        50.0,
        "Customer actions",
    )


def test_vertical_pool_turns_columns_into_lanes(hotel):
    page = picture(hotel[0])["Vertical pool"]
    assert page["notation"] == "service-blueprint"
    assert page["lanes"] == [
        ("Customer", "customer", 120.0),
        ("Front stage", "onstage", 120.0),
        ("Back stage", "backstage", 120.0),
    ]
    # down the column becomes along the lane; across the column, into the lane
    assert page["nodes"] == [
        ("Cook", "action", 340.0, 260.0, 80.0, 40.0, "Back stage"),
        ("Order", "action", 180.0, 20.0, 80.0, 40.0, "Customer"),
        ("Take order", "action", 260.0, 140.0, 80.0, 40.0, "Front stage"),
    ]
    assert ("Order", "Take order", "", ((280.0, 60.0),)) in page["edges"]


def test_page_without_lanes_gets_one_covering_its_shapes(hotel):
    page = picture(hotel[0])["Loose shapes"]
    assert page["notation"] == "blank"
    assert page["lanes"] == [("Imported", "other", 120.0)]
    assert page["nodes"] == [
        ("Note", "note", 400.0, 40.0, 120.0, 60.0, "Imported"),
        ("Visit", "action", 200.0, 20.0, 120.0, 60.0, "Imported"),
    ]


def test_sub_lanes_replace_their_lane_and_inherit_its_role(hotel):
    page = picture(hotel[0])["Nested lanes"]
    assert page["lanes"] == [
        ("Guest", "customer", 100.0),
        ("Kitchen staff", "backstage", 150.0),
        ("Waiters out of sight", "backstage", 150.0),
    ]
    assert [n[0] for n in page["nodes"]] == ["Cook", "Fold napkins", "Sit down"]


def test_compressed_old_header_file_imports_like_the_plain_one(hotel):
    doc, summary = import_drawio(DATA / "hotel_compressed.drawio")
    assert picture(doc) == picture(hotel[0])
    assert summary.approximations == hotel[1].approximations


def test_compressed_new_header_written_now_imports_too(tmp_path, hotel):
    plain = (DATA / "hotel.drawio").read_text(encoding="utf-8")
    path = tmp_path / "new.drawio"
    path.write_text(compress_file(plain, old_header=False), encoding="utf-8")
    assert picture(import_drawio(path)[0]) == picture(hotel[0])


def test_bare_graph_model_file_is_one_page_named_after_the_file(hotel):
    doc, _ = import_drawio(DATA / "restaurant.xml")
    assert [d.name for d in doc.diagrams()] == ["restaurant"]
    assert picture(doc)["restaurant"] == picture(hotel[0])["Vertical pool"]
    assert doc.project.title == "restaurant"


def test_uncompressed_page_stored_as_escaped_text(tmp_path):
    model = (
        '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
        '<mxCell id="2" value="Pay" style="rounded=1;" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="80" height="40" as="geometry"/></mxCell>'
        "</root></mxGraphModel>"
    )
    escaped = model.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path = tmp_path / "escaped.drawio"
    path.write_text(f'<mxfile><diagram name="P">{escaped}</diagram></mxfile>')
    doc, _ = import_drawio(path)
    assert [n.label for n in doc.nodes(doc.diagrams()[0].id)] == ["Pay"]


def test_placeholders_and_html_entities_in_labels(tmp_path):
    path = tmp_path / "labels.drawio"
    path.write_text(
        '<mxfile><diagram name="P"><mxGraphModel><root><mxCell id="0"/>'
        '<mxCell id="1" parent="0"/>'
        '<object label="Serve %dish%" placeholders="1" dish="soup" id="2">'
        '<mxCell style="rounded=1;html=1;" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="80" height="40" as="geometry"/></mxCell>'
        "</object>"
        '<mxCell id="3" value="&lt;div&gt;Fish &amp;amp;&amp;nbsp;chips&lt;/div&gt;'
        '&lt;div&gt;to go&lt;/div&gt;" style="html=1;" vertex="1" parent="1">'
        '<mxGeometry x="200" y="10" width="80" height="40" as="geometry"/></mxCell>'
        '<mxCell id="4" value="a &lt;b&gt; c" style="rounded=1;" vertex="1" '
        'parent="1"><mxGeometry x="400" y="10" width="80" height="40" '
        'as="geometry"/></mxCell>'
        "</root></mxGraphModel></diagram></mxfile>"
    )
    doc, _ = import_drawio(path)
    labels = sorted(n.label for n in doc.nodes(doc.diagrams()[0].id))
    # without html=1 a label is plain text, markup-looking or not
    assert labels == ["Fish & chips\nto go", "Serve soup", "a <b> c"]


def test_lane_name_synonyms_map_to_roles(tmp_path):
    names = [
        "Physical Evidence",
        "CUSTOMER",
        "Front-stage actions",
        "Back office",
        "Support",
        "Kitchen",
    ]
    cells = "".join(
        f'<mxCell id="l{i}" value="{name}" style="swimlane;horizontal=0;" '
        f'vertex="1" parent="1"><mxGeometry y="{i * 100}" width="600" height="100" '
        'as="geometry"/></mxCell>'
        for i, name in enumerate(names)
    )
    path = tmp_path / "roles.drawio"
    path.write_text(
        '<mxfile><diagram name="R"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cells}</root></mxGraphModel></diagram></mxfile>'
    )
    doc, _ = import_drawio(path)
    d = doc.diagrams()[0]
    assert [ln.role for ln in doc.lanes(d.id)] == [
        "physical_evidence",
        "customer",
        "onstage",
        "backstage",
        "support",
        "other",
    ]
    assert d.notation == "service-blueprint"


def test_lanes_without_blueprint_roles_give_a_blank_diagram(tmp_path):
    path = tmp_path / "plain.drawio"
    shutil.copy(DATA / "hotel.drawio", path)
    text = path.read_text(encoding="utf-8")
    for old in ("Customer&lt;br&gt;actions", "Customer"):
        text = text.replace(f'value="{old}"', 'value="Guests"')
    path.write_text(text, encoding="utf-8")
    doc, _ = import_drawio(path)
    notations = {d.name: d.notation for d in doc.diagrams()}
    assert notations["Hotel stay"] == "blank"
    assert notations["Vertical pool"] == "blank"


def test_imported_document_is_valid_and_editable(hotel):
    doc, _ = hotel
    d = doc.diagrams()[0]
    node = next(n for n in doc.nodes(d.id) if n.label == "Check in")
    inverse = doc.move_nodes({node.id: (node.x, 260.0)})  # into the onstage lane
    assert doc.get(node.id).lane_id == doc.lanes(d.id)[2].id
    doc.apply(inverse)
    assert doc.get(node.id) == node
    assert not any(isinstance(a.body, GapFinding) for a in doc.annotations())


def test_tables_pictures_and_bare_containers(tmp_path):
    def shape(id_, parent, style, value="", x=0, y=0, w=80, h=40, rel=""):
        return (
            f'<mxCell id="{id_}" value="{value}" style="{style}" vertex="1" '
            f'parent="{parent}"><mxGeometry x="{x}" y="{y}" width="{w}" '
            f'height="{h}" {rel}as="geometry"/></mxCell>'
        )

    cells = "".join(
        [
            shape(
                "lane",
                "1",
                "swimlane;horizontal=0;startSize=40;",
                "Customer",
                w=900,
                h=300,
            ),
            shape(
                "t",
                "lane",
                "shape=table;childLayout=tableLayout;",
                x=60,
                y=20,
                w=160,
                h=60,
            ),
            shape("r1", "t", "shape=tableRow;horizontal=0;", w=160, h=30),
            shape("c11", "r1", "shape=partialRectangle;", "Menu", w=80, h=30),
            shape("c12", "r1", "shape=partialRectangle;", "Price", x=80, w=80, h=30),
            shape("r2", "t", "shape=tableRow;horizontal=0;", y=30, w=160, h=30),
            shape("c21", "r2", "shape=partialRectangle;", "Soup", w=80, h=30),
            shape("c22", "r2", "shape=partialRectangle;", "4", x=80, w=80, h=30),
            shape("img", "lane", "shape=image;image=data:image/png,AAAA;", x=300, y=20),
            shape("box", "lane", "rounded=0;container=1;", x=400, y=20, w=300, h=200),
            shape("in", "box", "rounded=1;", "Inside", x=20, y=20),
            shape("badge", "in", "ellipse;", x=1, y=0, w=10, h=10, rel='relative="1" '),
            shape(
                "tag", "in", "text;", "VIP", x=0, y=1, w=30, h=10, rel='relative="1" '
            ),
        ]
    )
    edge = (
        '<mxCell id="e" edge="1" parent="1" source="c12" target="in">'
        '<mxGeometry relative="1" as="geometry"/></mxCell>'
    )
    path = tmp_path / "misc.drawio"
    path.write_text(
        '<mxfile><diagram name="M"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cells}{edge}</root></mxGraphModel>'
        "</diagram></mxfile>"
    )
    doc, summary = import_drawio(path)
    d = doc.diagrams()[0]
    nodes = {n.label: n for n in doc.nodes(d.id)}
    assert set(nodes) == {"Menu | Price\nSoup | 4", "Physical evidence", "Inside"}
    assert nodes["Physical evidence"].kind == "evidence"
    assert nodes["Inside"].description == "VIP"  # an attached label
    (e,) = doc.edges(d.id)  # from a table cell: the table's node
    assert doc.get(e.source_id).label.startswith("Menu")
    text = "\n".join(summary.approximations)
    for expected in (
        "a table was imported as one node",
        "a picture became an evidence node without its image",
        "a container without a label was left out; its shapes were kept",
        "a decoration attached to a shape was left out: 'ellipse'",
        "a shape without a label was named after its kind",
    ):
        assert expected in text, text


def test_page_level_properties_become_a_diagram_note(tmp_path):
    path = tmp_path / "props.drawio"
    path.write_text(
        '<mxfile><diagram name="P"><mxGraphModel><root>'
        '<object label="" owner="Ann" id="0"><mxCell/></object>'
        '<mxCell id="1" parent="0"/></root></mxGraphModel></diagram></mxfile>'
    )
    doc, summary = import_drawio(path)
    (note,) = doc.annotations()
    assert note.target_kind == "diagram" and note.body.text == "Page 'P':\nowner: Ann"
    assert any("page's custom properties" in a for a in summary.approximations)
    assert any("the page is empty" in a for a in summary.approximations)
