"""The analysis panel: findings of the shown diagram (a click selects the steps
concerned) and its summaries, refreshed in the background as the diagram changes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from blueprint.analysis import DiagramAnalysis, Finding
from blueprint.model import Diagram
from blueprint.ui.session import Session

from .look import STYLE, themed
from .runner import AnalysisRunner
from .summary_html import summary_html

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


@cache
def severity_icon(severity: str, size: int = 16) -> QIcon:
    """A warning triangle or an information disc, drawn (no image files needed)."""
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    s = float(size)
    if severity == "warning":
        p.setBrush(QColor("#bf8700"))
        p.drawPolygon(
            QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 2), QPointF(1, s - 2)])
        )
        mark = "!"
    else:
        p.setBrush(QColor("#0969da"))
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        mark = "i"
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(s * 0.6))
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    box = QRectF(0, 2 if severity == "warning" else 0, s, s - 2)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, mark)
    p.end()
    return QIcon(pixmap)


class AnalysisDock(QDockWidget):
    """Findings and summaries of the current diagram."""

    select_requested = Signal(object)  # tuple of node and edge ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Analysis", parent)
        self.setObjectName("analysis_dock")
        self.setAccessibleName("Analysis")
        self.session: Session | None = None
        self.colour_blind = False
        self.runner = AnalysisRunner(self)
        self.runner.started.connect(self._started)
        self.runner.finished.connect(self.show_result)
        self.runner.failed.connect(self._failed)
        self.runner.stale.connect(lambda: self.state.setText("Updating…"))

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("analysis_title")
        self.state = QLabel()
        self.state.setObjectName("dock_hint")
        self.state.setAccessibleName("Analysis state")
        head.addWidget(self.title, 1)
        head.addWidget(self.state)
        column.addLayout(head)

        self.findings = QListWidget()
        self.findings.setAccessibleName("Findings")
        self.findings.setWordWrap(True)
        self.findings.setMouseTracking(True)
        self.findings.itemClicked.connect(self._finding_clicked)
        self.findings.currentItemChanged.connect(self._finding_current)
        self.findings_label = QLabel("Findings")
        self.findings_label.setObjectName("field_caption")
        self.explanation = QLabel()
        self.explanation.setObjectName("finding_explanation")
        self.explanation.setWordWrap(True)
        page = QWidget()
        page_column = QVBoxLayout(page)
        page_column.setContentsMargins(0, 0, 0, 0)
        page_column.setSpacing(4)
        page_column.addWidget(self.findings_label)
        page_column.addWidget(self.findings, 1)
        page_column.addWidget(self.explanation)
        self.summary = QTextBrowser()
        self.summary.setObjectName("analysis_summary")
        self.summary.setAccessibleName("Summaries")
        self.summary.setOpenLinks(False)
        self.summary.anchorClicked.connect(self._link)
        # side by side under the canvas, one above the other in a side dock
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(page)
        self.splitter.addWidget(self.summary)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.dockLocationChanged.connect(self._placed)
        column.addWidget(self.splitter, 1)
        self.setWidget(body)
        self.setStyleSheet(themed(STYLE))
        self.show_result(None)

    # -- following the window ----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.runner.stop()
        self.session = session
        self.runner.set_document(session.document if session is not None else None)
        self.show_result(None)

    def _placed(self, area: Qt.DockWidgetArea) -> None:
        side = area in (
            Qt.DockWidgetArea.LeftDockWidgetArea,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.splitter.setOrientation(
            Qt.Orientation.Vertical if side else Qt.Orientation.Horizontal
        )

    def restyle(self) -> None:
        """Follow the chrome's theme (the summary's colours are in its HTML)."""
        self.setStyleSheet(themed(STYLE))
        self.show_result(self.runner.result)

    def set_diagram(self, diagram_id: str | None) -> None:
        self.runner.set_diagram(diagram_id)

    def stop(self) -> None:
        self.runner.stop()

    # -- showing -----------------------------------------------------------------------

    def _started(self) -> None:
        self.state.setText("Updating…")

    def _failed(self, error: str) -> None:
        self.state.setText("Analysis failed")
        self.state.setToolTip(error)

    def show_result(self, result: DiagramAnalysis | None) -> None:
        doc = self.session.document if self.session is not None else None
        self.findings.blockSignals(True)
        self.findings.clear()
        self.explanation.clear()
        self.explanation.hide()
        if result is None or doc is None:
            self.title.setText("No diagram")
            self.state.setText("")
            self.summary.setHtml(
                themed(
                    "<p style='color:#57606a'>Open a diagram to see its analysis.</p>"
                )
            )
            self.findings_label.setText("Findings")
            self.findings.blockSignals(False)
            return
        diagram = doc.get(result.diagram_id)
        name = diagram.name if isinstance(diagram, Diagram) else result.name
        self.title.setText(name)
        self.state.setText("Up to date")
        self.state.setToolTip("")
        for finding in result.findings:
            item = QListWidgetItem(severity_icon(finding.severity), finding.title)
            item.setToolTip(f"<p>{finding.explanation}</p>")
            item.setData(FINDING_ROLE, finding)
            self.findings.addItem(item)
        if not result.findings:
            item = QListWidgetItem("No findings: nothing to look at here.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.findings.addItem(item)
        self.findings_label.setText(f"Findings ({len(result.findings)})")
        self.findings.blockSignals(False)
        scroll = self.summary.verticalScrollBar().value()
        self.summary.setHtml(summary_html(doc, result, self.colour_blind))
        self.summary.verticalScrollBar().setValue(scroll)

    def finding_titles(self) -> list[str]:
        return [
            self.findings.item(i).text()
            for i in range(self.findings.count())
            if self.findings.item(i).data(FINDING_ROLE) is not None
        ]

    # -- clicks ------------------------------------------------------------------------

    def _finding_clicked(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.explanation.setText(finding.explanation)
            self.explanation.show()
            self.select_requested.emit((*finding.node_ids, *finding.edge_ids))

    def _finding_current(
        self, item: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        # arrow keys move through the findings too; the current item Qt picks
        # when the list gets the focus changes nobody's selection
        if item is not None and previous is not None:
            self._finding_clicked(item)

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("node:"):
            self.select_requested.emit((text.removeprefix("node:"),))
