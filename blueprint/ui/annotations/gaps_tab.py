"""The Gaps tab: gaps of the Gaps model marked on a step, a connector or a diagram.

A list of the target's gap annotations with Add and Remove, and a form for the one
selected: the gap (name and definition), the finding, its cause (the gap's typical
causes as a pick-list, or free text), severity, remedy, owner and status.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint import theme
from blueprint.model import Annotation, DomainError, Edge, GapFinding
from blueprint.model.catalogue import GAPS, SEVERITY_MAX, SEVERITY_MIN
from blueprint.ui.docks.inspector_forms import set_combo, set_text
from blueprint.ui.icons import icon, swatch_icon

from .gap_chooser import GapChooser, gap_tooltip
from .tab_base import AnnotationTab, mark_invalid
from .target import STATUS_NAMES, add_annotation, edit_body, remove_annotation

SEVERITY_WORDS = {1: "minor", 2: "moderate", 3: "serious", 4: "major", 5: "critical"}


def gap_line(body: GapFinding) -> str:
    """How a gap annotation reads in the list."""
    words = f"G{body.gap} {GAPS[body.gap].name} · severity {body.severity}"
    words += f" · {STATUS_NAMES[body.status].lower()}"
    first = body.finding.strip().splitlines()[0] if body.finding.strip() else ""
    return f"{words}\n{first[:80]}" if first else words


def text_area(name: str, placeholder: str, height: int = 62) -> QPlainTextEdit:
    area = QPlainTextEdit()
    area.setAccessibleName(name)
    area.setPlaceholderText(placeholder)
    area.setTabChangesFocus(True)
    area.setFixedHeight(height)
    return area


class GapsTab(AnnotationTab):
    title = "Gaps"
    body_kind = "gap"

    def __init__(self) -> None:
        super().__init__()
        self.current_id: str | None = None
        column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)

        self.list = QListWidget()
        self.list.setAccessibleName("Gaps marked here")
        self.list.setWordWrap(False)  # two lines each: the gap, then the finding
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._picked)
        column.addWidget(self.list)

        buttons = QHBoxLayout()
        self.add_button = QToolButton()
        self.add_button.setText("Add Gap")
        self.add_button.setIcon(icon("add"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.add_button.setAccessibleName("Add gap")
        self.add_button.setToolTip("Mark a gap here (the arrow picks which one)")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_button.clicked.connect(lambda: self.add_gap(self.default_gap()))
        menu = QMenu(self.add_button)
        menu.setToolTipsVisible(True)
        self.add_actions: dict[int, QAction] = {}
        for number, gap in GAPS.items():
            action = menu.addAction(f"{gap.title}")
            action.setToolTip(gap_tooltip(number))
            action.setStatusTip(gap.definition)
            action.triggered.connect(lambda _=False, n=number: self.add_gap(n))
            self.add_actions[number] = action
        self.add_button.setMenu(menu)
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.remove_button.setIcon(icon("delete"))
        self.remove_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        self.remove_button.setAccessibleName("Remove gap")
        self.remove_button.clicked.connect(self.remove_current)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.form_frame = QFrame()
        self.form_frame.setObjectName("annotation_card")
        form = QFormLayout(self.form_frame)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.gap = GapChooser()
        self.gap.activated.connect(
            lambda i: self._edit("Change gap", gap=self.gap.itemData(i))
        )
        form.addRow("&Gap:", self.gap)
        self.definition = QLabel()
        self.definition.setObjectName("definition")
        self.definition.setWordWrap(True)
        form.addRow("", self.definition)
        self.finding = text_area("Finding", "What goes wrong here, as observed", 80)
        self.finding.textChanged.connect(
            lambda: self._typed(self.finding, "finding", self.finding.toPlainText())
        )
        form.addRow("&Finding:", self.finding)
        self.cause = QComboBox()
        self.cause.setEditable(True)
        self.cause.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cause.setAccessibleName("Cause")
        self.cause.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.cause.setMinimumContentsLength(12)
        self.cause.lineEdit().setPlaceholderText("Pick a typical cause or type one")
        self.cause.lineEdit().textEdited.connect(
            lambda text: self._typed(self.cause, "cause", text)
        )
        self.cause.lineEdit().editingFinished.connect(self._reload_if_invalid)
        self.cause.activated.connect(
            lambda i: self._edit("Change cause", cause=self.cause.itemText(i))
        )
        form.addRow("&Cause:", self.cause)
        severity_row = QWidget()
        row = QHBoxLayout(severity_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.severity = QSpinBox()
        self.severity.setRange(SEVERITY_MIN, SEVERITY_MAX)
        self.severity.setAccessibleName("Severity")
        self.severity.setToolTip("1 = minor … 5 = critical")
        self.severity.valueChanged.connect(
            lambda v: self._edit("Change severity", merge="severity", severity=v)
        )
        self.severity_chip = QLabel()
        row.addWidget(self.severity)
        row.addWidget(self.severity_chip)
        row.addStretch(1)
        form.addRow("Se&verity:", severity_row)
        self.remedy = text_area("Remedy", "What will close the gap")
        self.remedy.textChanged.connect(
            lambda: self._typed(self.remedy, "remedy", self.remedy.toPlainText())
        )
        form.addRow("&Remedy:", self.remedy)
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who acts on it")
        self.owner.textEdited.connect(lambda t: self._typed(self.owner, "owner", t))
        self.owner.editingFinished.connect(self._reload_if_invalid)
        form.addRow("&Owner:", self.owner)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status, name in STATUS_NAMES.items():
            self.status.addItem(name, status)
        self.status.activated.connect(
            lambda i: self._edit("Change status", status=self.status.itemData(i))
        )
        form.addRow("&Status:", self.status)
        column.addWidget(self.form_frame)

    # -- loading -----------------------------------------------------------------------

    def target_changed(self) -> None:
        self.current_id = None

    def load(self, annotations: list[Annotation]) -> None:
        ids = [a.id for a in annotations]
        if self.current_id not in ids:
            self.current_id = ids[0] if ids else None
        self.list.blockSignals(True)
        shown = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
        ]
        same = shown == ids
        if not same:
            self.list.clear()
        for row, a in enumerate(annotations):
            assert isinstance(a.body, GapFinding)
            item = self.list.item(row) if same else QListWidgetItem()
            item.setText(gap_line(a.body))
            item.setIcon(swatch_icon(theme.severity_colour(a.body.severity)))
            item.setToolTip(gap_tooltip(a.body.gap))
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            if not same:
                self.list.addItem(item)
            if a.id == self.current_id:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.list.setVisible(bool(ids))
        # as tall as its rows, up to four; then it scrolls
        rows = sum(self.list.sizeHintForRow(i) for i in range(min(len(ids), 4)))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
        self.remove_button.setEnabled(bool(ids))
        if not ids:
            self.hint.setText("No gaps marked here yet.")
            self.hint.show()
        current = next((a for a in annotations if a.id == self.current_id), None)
        self.form_frame.setVisible(current is not None)
        if current is not None:
            self._load_form(current.body)  # type: ignore[arg-type]

    def _load_form(self, body: GapFinding) -> None:
        self.gap.setCurrentIndex(self.gap.findData(body.gap))
        gap = GAPS[body.gap]
        self.definition.setText(gap.definition)
        self.definition.setToolTip(gap_tooltip(body.gap))
        set_text(self.finding, body.finding)
        if [self.cause.itemText(i) for i in range(self.cause.count())] != list(
            gap.causes
        ):
            typed = self.cause.lineEdit().text()
            self.cause.blockSignals(True)
            self.cause.clear()
            self.cause.addItems(gap.causes)
            self.cause.setEditText(typed)
            self.cause.blockSignals(False)
        if self.cause.lineEdit().text() != body.cause:
            self.cause.blockSignals(True)
            self.cause.setEditText(body.cause)
            self.cause.blockSignals(False)
        mark_invalid(self.cause, None)
        self.severity.blockSignals(True)
        self.severity.setValue(body.severity)
        self.severity.blockSignals(False)
        self.severity_chip.setText(SEVERITY_WORDS[body.severity])
        self.severity_chip.setStyleSheet(
            f"background: {theme.severity_colour(body.severity)};"
            " border-radius: 8px; padding: 1px 8px; color: #1f2328;"
        )
        set_text(self.remedy, body.remedy)
        set_text(self.owner, body.owner)
        set_combo(self.status, ((n, s) for s, n in STATUS_NAMES.items()), body.status)

    # -- editing -----------------------------------------------------------------------

    def default_gap(self) -> int:
        """The gap a plain Add marks: the performance gap at a step, the
        communication gap on a communication connector, the customer gap on a
        diagram, else the listening gap (a relation, e.g. management-customer)."""
        target, session = self.target, self.session
        if target is None or session is None:
            return 3
        if target.kind == "node":
            return 3
        if target.kind == "diagram":
            return 5
        edge = session.document.get(target.id)
        if isinstance(edge, Edge):
            if edge.gap is not None:
                return edge.gap
            if edge.kind == "communication":
                return 4
        return 1

    def add_gap(self, number: int) -> str | None:
        if self.session is None or self.target is None:
            return None
        new = add_annotation(
            self.session, self.target, GapFinding(number), f"Mark gap {number}"
        )
        self.current_id = new
        self.refresh()
        self.finding.setFocus(Qt.FocusReason.OtherFocusReason)
        return new

    def remove_current(self) -> None:
        if self.session is None or self.current_id is None:
            return
        row = self.list.currentRow()
        gone = self.current_id
        remove_annotation(self.session, gone, "Remove gap")
        if self.list.count():
            item = self.list.item(min(row, self.list.count() - 1))
            self.current_id = item.data(Qt.ItemDataRole.UserRole)
            self.refresh()

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        self.current_id = item.data(Qt.ItemDataRole.UserRole)
        self.refresh()

    def _edit(self, text: str, *, merge: str | None = None, **fields: object) -> None:
        if self.session is None or self.current_id is None:
            return
        key = (self.current_id, merge) if merge else None
        edit_body(self.session, self.current_id, text, merge_key=key, **fields)

    def _reload_if_invalid(self) -> None:
        """Leaving a field the model refused shows the model's value again."""
        if any(w.property("invalid") for w in (self.owner, self.cause)):
            self.refresh()

    def _typed(self, widget: QWidget, field: str, text: str) -> None:
        if widget.signalsBlocked() or self.current_id is None:
            return
        try:
            self._edit(f"Edit gap {field}", merge=field, **{field: text})
        except DomainError as error:
            mark_invalid(widget, error)
        else:
            mark_invalid(widget, None)
