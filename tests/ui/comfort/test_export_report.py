"""File > Export Report…: a PDF from the in-memory project, written on a worker
thread with progress and Cancel while the editor stays responsive; clear errors."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QApplication

from blueprint.store import load_document
from blueprint.ui import export_report, settings
from blueprint.ui.export_report import ExportReportDialog, document_copy
from blueprint.ui.start_parts import example_files

HOTEL = next(p for p in example_files() if p.name == "hotel-stay.blueprint")


class Gate:
    """Holds the report's worker at its first progress report until released."""

    def __init__(self) -> None:
        self.reached, self.release = threading.Event(), threading.Event()

    def hold(self, *_args: object) -> None:
        if not self.reached.is_set():
            self.reached.set()
            self.release.wait(30)


@pytest.fixture
def hotel(workspace, qtbot):
    """A window on an unsaved copy of the hotel example, as the start page opens it."""
    w = workspace.new_project()
    qtbot.waitExposed(w)
    w.start_page.open_example(HOTEL)
    return w


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """What would have been opened in the system's PDF viewer."""
    seen: list[Path] = []
    monkeypatch.setattr(export_report, "open_local_file", seen.append)
    return seen


def dialog_of(window) -> ExportReportDialog:
    window.actions_.export_report.trigger()
    dialog = window.findChild(ExportReportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_export_writes_the_pdf_off_the_gui_thread(hotel, qtbot, tmp_path, opened):
    doc = hotel.session.document
    first = doc.diagrams()[0]
    node = doc.nodes(first.id)[0]
    hotel.session.update(node.id, "Rename", label="Unsaved zebra step")

    dialog = dialog_of(hotel)
    out = tmp_path / "client report.pdf"
    dialog.path.setText(str(out))
    progress: list[tuple[int, int, str, bool]] = []
    gui = QApplication.instance().thread()
    gate = Gate()

    with qtbot.waitSignal(dialog.report_written, timeout=60_000) as written:
        job = dialog.export()
        assert job is not None
        job.progressed.connect(
            lambda d, t, w: progress.append((d, t, w, QThread.currentThread() is gui)),
        )
        job.progressed.connect(gate.hold, Qt.ConnectionType.DirectConnection)
        assert not dialog.export_button.isEnabled()
        assert dialog.cancel_button.text() == "&Cancel"
        # the worker stops at its first progress report until released: the
        # GUI thread meanwhile shows that progress and takes edits
        assert gate.reached.wait(30)
        qtbot.waitUntil(lambda: dialog.status.text() == "Analysing the project…")
        assert job.isRunning() and not out.exists()
        hotel.session.update(node.id, "Rename", label="Edited meanwhile")
        qtbot.wait(20)
        assert job.isRunning()
        gate.release.set()

    result = written.args[0]
    assert result.path == out and out.is_file()
    assert opened == [out]  # "open the PDF when done" was on
    assert not dialog.isVisible()
    assert "Report written" in hotel.statusBar().currentMessage()
    # progress came through, to the GUI thread, ending at its total
    assert len(progress) >= 3 and all(on_gui for *_, on_gui in progress)
    assert progress[-1][0] == progress[-1][1]
    assert dialog.progress.value() == dialog.progress.maximum()

    # the PDF holds the project as it was when Export was pressed
    text = pdf_text(out)
    assert "Unsaved zebra step" in text and "Edited meanwhile" not in text
    saved = load_document(HOTEL)
    for n in saved.nodes(first.id):
        if n.id != node.id:
            assert " ".join(n.label.split()[:2]) in text, n.label
    assert len(PdfReader(out).pages) == result.pages


def test_options_choose_page_size_diagrams_and_sections(hotel, qtbot, tmp_path, opened):
    hotel.workspace.preferences = settings.Preferences(page_size="A3")
    dialog = dialog_of(hotel)
    assert dialog.page_size.currentData() == "A3"
    doc = hotel.session.document
    keep, drop = doc.diagrams()[:2]
    dialog.diagrams.item(1).setCheckState(Qt.CheckState.Unchecked)
    for key, box in dialog.sections.items():
        box.setChecked(key in ("diagrams", "gaps"))
    dialog.open_when_done.setChecked(False)
    options = dialog.options()
    assert options.diagrams == [keep.id]
    assert options.sections == {"diagrams", "gaps"}
    out = tmp_path / "chosen"  # the dialog adds .pdf
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.report_written, timeout=60_000):
        dialog.export()
    pdf = tmp_path / "chosen.pdf"
    assert pdf.is_file() and opened == []
    reader = PdfReader(pdf)
    width, height = sorted(float(x) for x in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (842, 1191)  # A3 in points
    text = pdf_text(pdf)
    assert keep.name in text and drop.name not in text
    assert "Executive summary" not in text

    # no section chosen: nothing to export
    for box in dialog.sections.values():
        box.setChecked(False)
    assert not dialog.export_button.isEnabled()


@pytest.mark.parametrize(
    "where",
    ["missing folder", "a folder", "under a file"],
)
def test_unwritable_path_is_a_one_line_error_and_the_editor_survives(
    hotel, qtbot, tmp_path, prompts, opened, where
):
    tmp_path = tmp_path / "out"  # beside the test's settings and data folders
    tmp_path.mkdir()
    blocker = tmp_path / "plain.txt"
    blocker.write_text("not a folder")
    (tmp_path / "reports.pdf").mkdir()
    target = {
        "missing folder": tmp_path / "no" / "such" / "report.pdf",
        "a folder": tmp_path / "reports.pdf",
        "under a file": blocker / "report.pdf",
    }[where]
    dialog = dialog_of(hotel)
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.report_failed, timeout=60_000):
        dialog.export()
    assert len(prompts.errors) == 1
    message = prompts.errors[0]
    assert "\n" not in message and str(target) in message
    assert "Traceback" not in message
    assert opened == [] and dialog.isVisible() and dialog.job is None
    assert dialog.export_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.txt", "reports.pdf"]
    # the editor goes on: edits, undo, and a second export that works
    node = hotel.session.document.nodes(hotel.current_diagram_id())[0]
    hotel.session.update(node.id, "Rename", label="Still editing")
    hotel.session.undo_stack.undo()
    assert hotel.session.document.get(node.id).label == node.label
    dialog.path.setText(str(tmp_path / "fine.pdf"))
    with qtbot.waitSignal(dialog.report_written, timeout=60_000):
        dialog.export()
    assert (tmp_path / "fine.pdf").is_file()


class ClickCancel(QObject):
    """Clicks Cancel on the GUI thread at the first progress report, while the
    worker waits for the click (so the report cannot finish first)."""

    def __init__(self, dialog: ExportReportDialog) -> None:
        super().__init__()
        self.dialog, self.clicked = dialog, threading.Event()

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, what: str) -> None:
        if not self.clicked.is_set():
            assert self.dialog.cancel_button.text() == "&Cancel"
            self.dialog.cancel_button.click()
            self.clicked.set()

    def wait(self, *_args: object) -> None:
        self.clicked.wait(10)


def test_cancel_stops_the_report_and_writes_nothing(hotel, qtbot, tmp_path, opened):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dialog = dialog_of(hotel)
    out = tmp_path / "never.pdf"
    dialog.path.setText(str(out))
    clicker = ClickCancel(dialog)
    with qtbot.waitSignal(dialog.report_cancelled, timeout=60_000):
        job = dialog.export()
        job.progressed.connect(clicker.on_progress, Qt.ConnectionType.QueuedConnection)
        job.progressed.connect(clicker.wait, Qt.ConnectionType.DirectConnection)
    assert dialog.status.text().startswith("Cancelled")
    assert dialog.job is None and dialog.export_button.isEnabled()
    assert list(tmp_path.iterdir()) == []  # neither the PDF nor a temporary file
    assert opened == []


def test_the_report_reads_a_copy_made_at_once(hotel):
    doc = hotel.session.document
    copy = document_copy(doc)
    assert copy.state() == doc.state() and copy is not doc
    node = doc.nodes(hotel.current_diagram_id())[0]
    hotel.session.update(node.id, "Rename", label="After the copy")
    assert copy.get(node.id).label == node.label


def test_closing_the_window_while_exporting_cancels_cleanly(
    workspace, qtbot, tmp_path, opened
):
    from PySide6.QtCore import QEvent

    window = workspace.new_project()
    window.start_page.open_example(HOTEL)
    dialog = dialog_of(window)
    out = tmp_path / "out"
    out.mkdir()
    dialog.path.setText(str(out / "closed.pdf"))
    gate = Gate()
    job = dialog.export()
    job.progressed.connect(gate.hold, Qt.ConnectionType.DirectConnection)
    assert gate.reached.wait(30)
    window.shutdown(save_state=False)
    window.hide()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gate.release.set()  # the worker goes on, sees the cancel and stops
    assert job.wait(30_000)
    qtbot.wait(10)  # its queued signals reach nobody
    assert list(out.iterdir()) == [] and opened == []
