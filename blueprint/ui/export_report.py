"""File > Export Report…: options, then the PDF written on a worker thread.

The report is made from a copy of the document taken on the GUI thread when Export
is pressed (unsaved edits included), so the editor stays usable while it is built.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QThread, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from blueprint.model import Document
from blueprint.report import (
    SECTION_TITLES,
    SECTIONS,
    ReportError,
    ReportOptions,
    ReportResult,
    write_report,
)
from blueprint.ui import settings
from blueprint.ui.dialogs.preferences import PAGE_SIZE_TITLES

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

Queued = Qt.ConnectionType.QueuedConnection
LARGE_TITLES = {
    "tile": "Split across pages with overlap marks",
    "larger": "Put on a larger page",
}


def document_copy(doc: Document) -> Document:
    """A copy of a document to read on another thread; entities are frozen, so the
    copy shares them and costs only the indexes."""
    return Document.from_entities(doc.state().values())


def open_local_file(path: Path) -> bool:
    """Open a file of this computer in the system's viewer (no network involved)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.resolve())))


class Cancelled(Exception):
    """Raised inside the report's progress callback to stop it."""


class ReportJob(QThread):
    """Writes one report off the GUI thread; every signal reaches the GUI queued."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # ReportResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, document: Document, path: Path, options: ReportOptions) -> None:
        super().__init__()
        self.document, self.path = document, path
        self.options = replace(options, progress=self._progress)
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int, what: str) -> None:
        # the last call comes once the file is in place: too late to cancel
        if self._stop.is_set() and done < total:
            raise Cancelled  # write_report removes its unfinished file
        self.progressed.emit(done, total, what)

    def run(self) -> None:
        try:
            result = write_report(self.document, self.path, self.options)
        except Cancelled:
            self.cancelled.emit()
        except ReportError as error:
            self.failed.emit(str(error))
        except Exception as error:  # one line for the user, never a traceback
            text = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.failed.emit(f"{self.path}: the report could not be made: {text}")
        else:
            self.succeeded.emit(result)


_jobs: set[ReportJob] = set()  # running jobs, kept alive until their thread ends


def _start(job: ReportJob) -> None:
    _jobs.add(job)
    job.finished.connect(lambda: _jobs.discard(job))
    app = QApplication.instance()
    if app is not None and not app.property("blueprint_report_stop"):
        app.setProperty("blueprint_report_stop", True)
        app.aboutToQuit.connect(stop_all_jobs)
    job.start()


def stop_all_jobs() -> None:
    """Cancel running reports and wait for their threads (at quit)."""
    for job in list(_jobs):
        job.cancel()
        job.wait()


def default_report_path(window: MainWindow) -> str:
    session = window.session
    title = session.document.project.title.strip() or "Blueprint"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", title)[:80] + " report.pdf"
    folder = os.path.dirname(session.path or "") or settings.last_folder()
    return os.path.join(folder, name)


class ExportReportDialog(QDialog):
    """Choose page size, diagrams, sections and file; a progress bar and Cancel
    while the report is made. Not modal: the editor can be used meanwhile."""

    report_written = Signal(object)  # ReportResult
    report_failed = Signal(str)
    report_cancelled = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.job: ReportJob | None = None
        self.setWindowTitle("Export Report")
        self.setAccessibleName("Export report")
        self.setModal(False)
        prefs = window.workspace.preferences

        heading = QLabel("Export a PDF report")
        heading.setObjectName("dialog_title")
        hint = QLabel(
            "A typeset report for clients: cover, contents, summary, each diagram "
            "as vector graphics with its steps, and the registers. Unsaved "
            "changes are included."
        )
        hint.setObjectName("dialog_hint")
        hint.setWordWrap(True)

        self.page_size = QComboBox()
        for key, title in PAGE_SIZE_TITLES.items():
            self.page_size.addItem(title, key)
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(prefs.page_size)))
        self.page_size.setAccessibleName("Page size")
        self.large = QComboBox()
        for key, title in LARGE_TITLES.items():
            self.large.addItem(title, key)
        self.large.setAccessibleName("Large diagrams")
        self.large.setToolTip(
            "A diagram too large to stay readable on one page is never shrunk "
            "into illegibility."
        )
        pages = QGroupBox("Pages")
        pages_form = QFormLayout(pages)
        pages_form.addRow("Page &size:", self.page_size)
        pages_form.addRow("&Large diagrams:", self.large)

        self.diagrams = QListWidget()
        self.diagrams.setAccessibleName("Diagrams in the report")
        self.diagrams.itemChanged.connect(lambda _item: self._update_buttons())
        diagrams = QGroupBox("&Diagrams")
        QVBoxLayout(diagrams).addWidget(self.diagrams)
        diagrams.setFocusProxy(self.diagrams)

        self.sections: dict[str, QCheckBox] = {}
        sections = QGroupBox("Sections")
        grid = QGridLayout(sections)
        for i, key in enumerate(SECTIONS):
            box = QCheckBox(SECTION_TITLES[key])
            box.setChecked(True)
            box.setAccessibleName(f"Section {SECTION_TITLES[key]}")
            box.toggled.connect(lambda _on: self._update_buttons())
            self.sections[key] = box
            grid.addWidget(box, i % 4, i // 4)

        self.path = QLineEdit(default_report_path(window))
        self.path.setAccessibleName("Report file")
        self.path.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton("&Browse…")
        browse.setAutoDefault(False)  # Enter exports, wherever the focus is
        browse.setAccessibleName("Choose the report file")
        browse.clicked.connect(self.browse)
        self.open_when_done = QCheckBox("&Open the PDF when done")
        self.open_when_done.setChecked(True)
        self.open_when_done.setAccessibleName("Open the PDF when done")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        output = QGroupBox("Save as")
        output_layout = QVBoxLayout(output)
        output_layout.addLayout(file_row)
        output_layout.addWidget(self.open_when_done)

        self.progress = QProgressBar()
        self.progress.setAccessibleName("Report progress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setObjectName("dialog_hint")
        self.status.setAccessibleName("Report status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName("Export the report")
        self.cancel_button = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Close
        )
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.form = [pages, diagrams, sections, output]

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(pages)
        layout.addWidget(diagrams, 1)
        layout.addWidget(sections)
        layout.addWidget(output)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.export_button.setDefault(True)  # now that it is inside the dialog
        self.resize(600, 640)
        self.fill_diagrams()

    # -- options -----------------------------------------------------------------------

    def fill_diagrams(self) -> None:
        """The project's diagrams, all chosen; kept choices when shown again."""
        before = {
            self.diagrams.item(i).data(Qt.ItemDataRole.UserRole): self.diagrams.item(
                i
            ).checkState()
            for i in range(self.diagrams.count())
        }
        self.diagrams.clear()
        for diagram in self.window_.session.document.diagrams():
            item = QListWidgetItem(diagram.name)
            item.setData(Qt.ItemDataRole.UserRole, diagram.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(before.get(diagram.id, Qt.CheckState.Checked))
            self.diagrams.addItem(item)
        self._update_buttons()

    def chosen_diagrams(self) -> list[str]:
        return [
            self.diagrams.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.diagrams.count())
            if self.diagrams.item(i).checkState() == Qt.CheckState.Checked
        ]

    def options(self) -> ReportOptions:
        return ReportOptions(
            page_size=self.page_size.currentData(),
            diagrams=self.chosen_diagrams(),
            sections={k for k, box in self.sections.items() if box.isChecked()},
            large_diagrams=self.large.currentData(),
        )

    def browse(self) -> None:
        path = self.window_.prompts.export_path(self, self.path.text(), ".pdf")
        if path:
            self.path.setText(path)

    def _update_buttons(self) -> None:
        running = self.job is not None
        chosen = any(box.isChecked() for box in self.sections.values())
        self.export_button.setEnabled(
            not running and chosen and bool(self.path.text().strip())
        )
        self.cancel_button.setText("&Cancel" if running else "&Close")
        for widget in self.form:
            widget.setEnabled(not running)
        self.progress.setVisible(running)

    # -- running -----------------------------------------------------------------------

    def export(self) -> ReportJob | None:
        """Start writing the report; None if it could not start (error shown)."""
        if self.job is not None:
            return None
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(os.path.expanduser(text))
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
            self.path.setText(str(path))
        snapshot = document_copy(self.window_.session.document)  # on the GUI thread
        job = ReportJob(snapshot, path, self.options())
        job.progressed.connect(self._progressed, Queued)
        job.succeeded.connect(self._succeeded, Queued)
        job.failed.connect(self._failed, Queued)
        job.cancelled.connect(self._cancelled, Queued)
        self.destroyed.connect(job.cancel)
        self.job = job
        self.progress.setRange(0, 0)  # busy until the first report of progress
        self.status.setText("Preparing…")
        self._update_buttons()
        _start(job)
        return job

    def _progressed(self, done: int, total: int, what: str) -> None:
        if self.job is None:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        self.status.setText(f"{what}…" if done < total else what)

    def _finished(self) -> None:
        self.job = None
        self.progress.setRange(0, 100)
        self._update_buttons()

    def _succeeded(self, result: ReportResult) -> None:
        self._finished()
        self.progress.setValue(100)
        pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
        message = f"Report written: {result.path.name} ({pages})"
        if result.warnings:
            message += f"; {result.warnings[0]}"
        self.status.setText(message)
        self.window_.statusBar().showMessage(message, 8000)
        self.report_written.emit(result)
        if self.open_when_done.isChecked():
            open_local_file(result.path)
        self.hide()

    def _failed(self, message: str) -> None:
        self._finished()
        self.progress.setValue(0)
        self.status.setText("")
        self.report_failed.emit(message)
        self.window_.prompts.error(self, "Could Not Export Report", message)

    def _cancelled(self) -> None:
        self._finished()
        self.progress.setValue(0)
        self.status.setText("Cancelled: no file was written.")
        self.report_cancelled.emit()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _cancel_or_close(self) -> None:
        if self.job is not None:
            self.cancel()
        else:
            self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()


def show_export_dialog(window: MainWindow) -> ExportReportDialog:
    """The window's export dialog, shown (one per window, keeping its choices)."""
    dialog = window.findChild(ExportReportDialog)
    if not isinstance(dialog, ExportReportDialog):
        dialog = ExportReportDialog(window)
    elif dialog.job is None:
        dialog.fill_diagrams()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
