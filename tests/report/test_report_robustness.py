"""Reports of unusual projects: scripts, markup, huge texts, empty or tiled diagrams."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader
from report_helpers import page_texts, squash
from report_projects import scaled_project

from blueprint.model import (
    Annotation,
    Document,
    Edge,
    GapFinding,
    Node,
    NoteText,
    ProjectInfo,
    new_id,
)
from blueprint.model.factory import add_diagram, new_document
from blueprint.model.rules import lane_spans
from blueprint.report import ReportOptions, write_report

LABELS = [
    "Ελέγχει την κράτηση",  # Greek
    "Проверяет бронирование",  # Cyrillic
    "Crème brûlée à la façon de Łódź",  # accented Latin
    "<b>Bold?</b> & <i>not</i> markup",  # must stay literal text
    "Tab\there, bell\x07 and nul-free",  # control characters dropped
    "Emoji 🙂 and 中文",  # outside DejaVu: drawn as missing glyphs, no crash
]


def _blueprint(doc: Document, name: str = "Unusual") -> tuple[str, list]:
    add_diagram(doc, "service-blueprint", name)
    d = doc.diagram_named(name).id
    return d, lane_spans(doc, d)


def _step(d, lane, top, i, label, **kw) -> Node:
    return Node(
        new_id(),
        d,
        lane.id,
        "action",
        label,
        x=180 + i * 170,
        y=top + 30,
        width=150,
        height=60,
        **kw,
    )


def test_scripts_and_markup_survive_as_extractable_text(tmp_path):
    doc = Document(ProjectInfo(title="Ξενοδοχείο «Ήλιος» — отчёт", client="Ünïcødé"))
    d, spans = _blueprint(doc)
    lane, top, _ = spans[1]
    nodes = [_step(d, lane, top, i, label) for i, label in enumerate(LABELS)]
    doc.add(nodes)
    doc.add(
        [
            Annotation(
                new_id(),
                d,
                "node",
                nodes[0].id,
                GapFinding(2, "Κανένα πρότυπο", "Нет стандарта", 4),
            )
        ]
    )
    out = tmp_path / "r.pdf"
    write_report(doc, out)
    text = " ".join(page_texts(out))
    for label in LABELS[:4]:
        assert label in text, label
    assert "Tab here, bell and nul-free" in text
    assert "Emoji" in text
    assert "Κανένα πρότυπο" in text and "Нет стандарта" in text
    assert "Ξενοδοχείο «Ήλιος» — отчёт" in text
    # no stages, times or descriptions: the steps table leaves those columns out
    assert "STEP KIND MARKERS" in text and "STAGE" not in text
    with pikepdf.open(out) as pdf:
        assert pdf.check_pdf_syntax() == []


def test_empty_project_says_what_is_missing(tmp_path):
    doc = new_document("Nothing yet")
    out = tmp_path / "r.pdf"
    result = write_report(doc, out)
    text = " ".join(page_texts(out))
    assert result.pages >= 6
    for missing in (
        "This diagram has no steps yet",
        "No steps yet",
        "No annotations on this diagram",
        "No gap findings have been recorded yet",
        "No quality ratings recorded yet",
        "No SERVQUAL scores recorded yet",
        "No gap findings are recorded yet",
    ):
        assert missing in text, missing


def test_project_without_diagrams(tmp_path):
    doc = Document(ProjectInfo(title="Blank"))
    out = tmp_path / "r.pdf"
    write_report(doc, out)
    text = " ".join(page_texts(out))
    assert "This project has no diagrams yet" in text
    assert "covers 0 diagrams" in text


def test_huge_texts_are_complete_and_fast(tmp_path):
    doc = Document(ProjectInfo(title="Long"))
    d, spans = _blueprint(doc)
    lane, top, _ = spans[1]
    words = "The guest waits while the night porter looks for the key. " * 4000
    tall = "line\n" * 400  # few characters, a cell taller than a page
    long_label = "Label " * 3000  # 18,000 characters
    nodes = [
        _step(d, lane, top, 0, "Huge description", description=words),
        _step(d, lane, top, 1, tall),
        _step(d, lane, top, 2, long_label),
    ]
    doc.add(nodes)
    doc.add(
        [Annotation(new_id(), d, "node", nodes[0].id, NoteText("Ending. " * 30000))]
    )
    out = tmp_path / "r.pdf"
    started = time.process_time()
    write_report(doc, out, ReportOptions(sections={"diagrams"}))
    assert time.process_time() - started < 30
    text = squash(" ".join(page_texts(out)))
    # single words cannot be cut by a page break: all 4,000 sentences are there
    assert text.count("porter") >= 4000
    assert text.count("Ending.") >= 30000
    assert "Full texts" in text


def test_large_diagram_is_tiled_with_labels_never_below_six_points(tmp_path):
    doc = scaled_project(nodes=120, annotations=0)
    d = doc.diagrams()[0]
    out = tmp_path / "r.pdf"
    result = write_report(doc, out, ReportOptions(sections={"diagrams"}))
    tiles = result.tiled[d.name]
    assert tiles >= 3
    reader = PdfReader(out)
    labels = {n.label for n in doc.nodes(d.id)}
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip() in labels:
            # the effective size is the font size through both matrices
            sizes.append(abs(size * tm[3] * cm[3]))

    for page in reader.pages[:tiles]:
        page.extract_text(visitor_text=visit)
    assert len(sizes) >= len(labels)
    assert min(sizes) >= 6.0 - 1e-6
    texts = page_texts(out)
    assert "part A2 of" in " ".join(texts[:tiles])


def test_logo_on_the_cover_and_a_damaged_logo_left_out(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (11, 110, 79)).save(buffer, "PNG")
    doc = Document(ProjectInfo(title="Logo", logo=buffer.getvalue()))
    out = tmp_path / "r.pdf"
    result = write_report(doc, out, ReportOptions(sections={"cover"}))
    assert result.warnings == ()
    with pikepdf.open(out) as pdf:
        images = list(pdf.pages[0].get_images().values())
        assert len(images) == 1 and images[0].Width == 120
    broken = Document(
        ProjectInfo(title="Logo", logo=b"\x89PNG\r\n\x1a\n" + b"junk" * 10)
    )
    result = write_report(broken, out, ReportOptions(sections={"cover"}))
    assert result.warnings == ("the project's logo could not be read and was left out",)
    with pikepdf.open(out) as pdf:
        assert not pdf.pages[0].get_images()


def test_pale_accent_colour_still_gives_readable_headings(tmp_path):
    from blueprint.report.styles import Palette

    pale = Palette.from_accent("#ffff66")
    assert pale.accent == "#ffff66"
    assert pale.accent_text != pale.accent
    assert pale.on_accent != "#ffffff"
    dark = Palette.from_accent("#0b6e4f")
    assert dark.accent_text == "#0b6e4f" and dark.on_accent == "#ffffff"


def test_connector_annotations_and_gap_edges_are_named(tmp_path):
    doc = new_document("Edges")
    d = doc.diagrams()[0].id
    lane, top, _ = lane_spans(doc, d)[0]
    a, b = (_step(d, lane, top, i, f"Node {i}") for i in range(2))
    edge = Edge(new_id(), d, a.id, b.id, kind="communication", label="Promise")
    doc.add([a, b, edge])
    doc.add([Annotation(new_id(), d, "edge", edge.id, GapFinding(4, "Over-promised"))])
    out = tmp_path / "r.pdf"
    write_report(doc, out)
    text = " ".join(page_texts(out))
    assert "Node 0 → Node 1 (Promise)" in text


def test_reporting_does_not_load_qt(tmp_path):
    script = (
        "import sys; sys.path.insert(0, 'tests/report');"
        "from report_projects import hotel_project;"
        "from blueprint.report import write_report;"
        f"write_report(hotel_project(), {str(tmp_path / 'r.pdf')!r});"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'"
    )
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("nodes", [300])
def test_scale_300_steps_500_annotations_under_five_seconds(tmp_path, nodes):
    doc = scaled_project(nodes=nodes, annotations=500)
    out = tmp_path / "r.pdf"
    started = time.process_time()  # CPU time: other work on the machine does not count
    result = write_report(doc, out)
    seconds = time.process_time() - started
    assert seconds < 5.0, f"{seconds:.1f} s"
    text = " ".join(page_texts(out))
    assert all(f"Step {i} of the service" in text for i in range(nodes))
    assert result.pages == len(PdfReader(out).pages)


def test_a_cell_taller_than_a_page_splits_instead_of_failing(tmp_path):
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from blueprint.report.context import Context
    from blueprint.report.styles import Palette
    from blueprint.report.tables import table

    ctx = Context.create(
        Document(),
        [],
        Palette.from_accent("#1f6feb"),
        (480, 700),
        (780, 480),
        (1100, 760),
    )
    tall = [Paragraph(f"line {i}", ctx.styles.cell) for i in range(400)]
    rows = [
        [Paragraph("A", ctx.styles.head), Paragraph("B", ctx.styles.head)],
        ["first", tall],
        ["last", "after the tall cell"],
    ]
    out = tmp_path / "t.pdf"
    SimpleDocTemplate(str(out)).build(table(ctx, rows, (1, 3)))
    text = " ".join(page_texts(out))
    assert "line 0" in text and "line 399" in text and "after the tall cell" in text
    assert len(PdfReader(out).pages) >= 3


def test_absurd_coordinates_and_sizes_finish_quickly_with_a_warning(tmp_path):
    doc = Document(ProjectInfo(title="Far"))
    d, spans = _blueprint(doc)
    lane, top, _ = spans[1]
    near = _step(d, lane, top, 0, "Here")
    far = Node(new_id(), d, lane.id, "action", "Far away", x=5e7, y=top + 30)
    wide = Node(
        new_id(),
        d,
        lane.id,
        "action",
        "Very wide",
        x=300,
        y=top + 200,
        width=1e8,
        height=40,
    )
    doc.add([near, far, wide])
    doc.add([Edge(new_id(), d, near.id, far.id), Edge(new_id(), d, far.id, wide.id)])
    out = tmp_path / "r.pdf"
    started = time.process_time()
    result = write_report(doc, out, ReportOptions(sections={"diagrams"}))
    assert time.process_time() - started < 10
    assert result.tiled["Unusual"] <= 60
    assert any("too large for 60 pages" in w for w in result.warnings)
    text = " ".join(page_texts(out))
    assert "Far away" in text and "Very wide" in text
