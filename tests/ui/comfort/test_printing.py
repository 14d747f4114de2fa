"""File > Print… and Export > Diagram as PDF: the canvas's drawing on one page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from blueprint.ui import settings
from blueprint.ui.printing import make_printer, print_current
from blueprint.ui.start_parts import example_files

HOTEL = next(p for p in example_files() if p.name == "hotel-stay.blueprint")
A4, A3 = (595, 842), (842, 1191)  # points


@pytest.fixture
def hotel(workspace, qtbot):
    w = workspace.new_project()
    qtbot.waitExposed(w)
    w.start_page.open_example(HOTEL)
    return w


def page_size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_diagram_as_pdf_from_the_menu(hotel, prompts, tmp_path):
    doc = hotel.session.document
    diagram = doc.diagram(hotel.current_diagram_id())
    out = tmp_path / "diagram.pdf"
    prompts.save_paths.append(str(out))
    hotel.actions_.export_pdf.trigger()
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert page_size(out) == A4[::-1]  # landscape: the blueprint is wide
    text = " ".join(reader.pages[0].extract_text().split())
    assert diagram.name in text
    for node in doc.nodes(diagram.id):
        assert " ".join(node.label.split()[:2]) in text, node.label
    assert not prompts.errors


def test_print_goes_to_the_chosen_printer_in_the_preferred_size(
    hotel, tmp_path, workspace
):
    """What Print… does once the print dialog is answered (here: a PDF printer)."""
    workspace.apply_preferences(settings.Preferences(page_size="A3"))
    out = tmp_path / "printed.pdf"
    printer = make_printer(workspace.preferences.page_size, pdf=out)
    assert print_current(hotel, printer)
    assert page_size(out) == A3[::-1]
    assert "Printed" in hotel.statusBar().currentMessage()
    text = PdfReader(out).pages[0].extract_text()
    assert "Check in" in " ".join(text.split())


def test_an_unwritable_pdf_is_a_one_line_error(hotel, prompts, tmp_path):
    prompts.save_paths.append(str(tmp_path / "missing" / "diagram.pdf"))
    hotel.actions_.export_pdf.trigger()
    assert len(prompts.errors) == 1
    assert "\n" not in prompts.errors[0] and "missing" in prompts.errors[0]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")
def test_the_printed_paper_stays_light_in_the_dark_theme(
    hotel, prompts, tmp_path, workspace
):
    workspace.apply_preferences(settings.Preferences(theme="dark"))
    try:
        out = tmp_path / "dark.pdf"
        prompts.save_paths.append(str(out))
        hotel.actions_.export_pdf.trigger()
    finally:
        workspace.apply_preferences(settings.Preferences())
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-singlefile", str(out), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(tmp_path / "p.png"))
    light = sum(
        QColor(image.pixel(x, y)).lightness() > 200
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    )
    total = len(range(0, image.width(), 4)) * len(range(0, image.height(), 4))
    assert light / total > 0.9
