"""Inspector forms for one node or connector; each edit is one undo step.

Typing into a field merges into one step per field (MERGE_PROPERTY keyed by entity
and field); a value the model refuses is marked on the field and never pushed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueprint import theme
from blueprint.model import Diagram, DomainError, Edge, Entity, Node, Style
from blueprint.model.catalogue import (
    EDGE_KINDS,
    GAPS,
    NODE_FLAGS,
    SUPPORT_TYPES,
)
from blueprint.model.notations import NODE_KINDS, NOTATIONS
from blueprint.model.rules import lane_spans
from blueprint.ui.commands import MERGE_PROPERTY
from blueprint.ui.icons import swatch_icon
from blueprint.ui.session import Session


def set_combo(combo: QComboBox, items: Iterable[tuple[str, object]], value) -> None:
    """Fill a combo with (text, data) pairs and select `value`, without signals."""
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(value), 0))
    combo.blockSignals(False)


def set_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Show the model's text unless the field already holds it (keeps the cursor)."""
    current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    if current != text:
        widget.blockSignals(True)
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)
        widget.blockSignals(False)
    widget.setProperty("invalid", False)
    widget.setToolTip("")
    widget.style().polish(widget)


class EntityForm(QWidget):
    """Edits one entity of the session's document."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.entity_id: str | None = None
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # fields stay at the top, however tall the dock
        self.form.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

    def show_entity(self, session: Session, entity: Entity) -> None:
        self.session, self.entity_id = session, entity.id
        self.load(entity)

    def load(self, entity: Entity) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def edit(self, text: str, *, merge: str | None = None, **fields: object) -> bool:
        """Push a change of fields; False (and nothing pushed) if the model refuses."""
        if self.session is None or self.entity_id is None:
            return False
        key = (self.entity_id, merge) if merge else None
        return self.session.update(
            self.entity_id,
            text,
            merge_id=MERGE_PROPERTY if merge else -1,
            merge_key=key,
            **fields,
        )

    def text_field(self, label: str, field: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.textEdited.connect(lambda text: self._typed(edit, field, name, text))
        edit.editingFinished.connect(lambda: self._reload_if_invalid(edit))
        self.form.addRow(label, edit)
        return edit

    def _typed(self, widget: QWidget, field: str, name: str, text: str) -> None:
        try:
            self.edit(f"Edit {name.lower()}", merge=field, **{field: text})
        except DomainError as error:
            widget.setProperty("invalid", True)
            widget.setToolTip(str(error))
            widget.style().polish(widget)
        else:
            widget.setProperty("invalid", False)
            widget.setToolTip("")
            widget.style().polish(widget)

    def _reload_if_invalid(self, widget: QWidget) -> None:
        if widget.property("invalid") and self.session and self.entity_id:
            entity = self.session.document.get(self.entity_id)
            if entity is not None:
                self.load(entity)

    def combo(
        self, label: str, name: str, on_pick: Callable[[object], None]
    ) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        # long lane or kind names must not widen the dock
        box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        box.setMinimumContentsLength(10)
        box.activated.connect(lambda i: on_pick(box.itemData(i)))
        self.form.addRow(label, box)
        return box


class _Minutes(QDoubleSpinBox):
    """Minutes, or no value: the lowest step shows as an em dash and means None."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setRange(-1, 100_000)
        self.setDecimals(1)
        self.setSpecialValueText("—")
        self.setSuffix(" min")
        self.setAccessibleName(name)
        self.setKeyboardTracking(False)

    def minutes(self) -> float | None:
        return None if self.value() < 0 else self.value()

    def show_minutes(self, value: float | None) -> None:
        self.blockSignals(True)
        self.setValue(-1 if value is None else value)
        self.blockSignals(False)


class _ColourButton(QToolButton):
    """A swatch with Choose… and Default; reports the new colour or None."""

    def __init__(self, name: str, on_pick: Callable[[str | None], None]) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._colour: str | None = None
        self._default = "#ffffff"
        menu = QMenu(self)
        menu.addAction("Choose…", self._choose)
        menu.addAction("Default", lambda: on_pick(None))
        self.setMenu(menu)
        self._on_pick = on_pick

    def show_colour(self, colour: str | None, default: str) -> None:
        self._colour, self._default = colour, default
        self.setIcon(swatch_icon(colour or default))
        self.setText(colour or "Default")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._colour or self._default), self, self.accessibleName()
        )
        if chosen.isValid():
            self._on_pick(chosen.name())


class NodeForm(EntityForm):
    def __init__(self) -> None:
        super().__init__()
        self.label = self.text_field("&Label:", "label", "Label")
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(84)
        self.description.textChanged.connect(self._description_typed)
        self.form.addRow("&Description:", self.description)
        self.kind = self.combo(
            "&Kind:", "Kind", lambda k: self.edit("Change kind", kind=k)
        )
        self.lane = self.combo("La&ne:", "Lane", self._pick_lane)

        flags = QWidget()
        column = QVBoxLayout(flags)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.flags: dict[str, QCheckBox] = {}
        for flag, text in (
            ("fail_point", "&Fail point"),
            ("wait_point", "&Wait point"),
            ("moment_of_truth", "&Moment of truth"),
        ):
            box = QCheckBox(text)
            box.setAccessibleName(text.replace("&", ""))
            term = NODE_FLAGS.get(flag)
            box.setToolTip(term.definition if term else "")
            box.clicked.connect(
                lambda checked, f=flag: self.edit("Change flags", **{f: checked})
            )
            column.addWidget(box)
            self.flags[flag] = box
        self.form.addRow("Flags:", flags)

        self.duration = _Minutes("Duration")
        self.duration.valueChanged.connect(
            lambda: self.edit("Change duration", duration=self.duration.minutes())
        )
        self.form.addRow("D&uration:", self.duration)
        self.wait_time = _Minutes("Wait time")
        self.wait_time.valueChanged.connect(
            lambda: self.edit("Change wait time", wait_time=self.wait_time.minutes())
        )
        self.form.addRow("Wai&t time:", self.wait_time)

        self.colours = {
            part: _ColourButton(
                f"{title} colour", lambda c, p=part: self.set_colour(p, c)
            )
            for part, title in (
                ("fill", "Fill"),
                ("stroke", "Border"),
                ("text", "Text"),
            )
        }
        for part, title in (
            ("fill", "Fill:"),
            ("stroke", "Border:"),
            ("text", "Text:"),
        ):
            self.form.addRow(title, self.colours[part])

    def load(self, entity: Entity) -> None:
        assert isinstance(entity, Node) and self.session is not None
        doc = self.session.document
        set_text(self.label, entity.label)
        set_text(self.description, entity.description)
        notation = doc.get(entity.diagram_id)
        kinds = (
            list(NOTATIONS[notation.notation].node_kinds)
            if isinstance(notation, Diagram)
            else []
        )
        if entity.kind not in kinds:
            kinds.append(entity.kind)
        set_combo(self.kind, ((NODE_KINDS[k].name, k) for k in kinds), entity.kind)
        set_combo(
            self.lane,
            ((lane.name, lane.id) for lane in doc.lanes(entity.diagram_id)),
            entity.lane_id,
        )
        for flag, box in self.flags.items():
            box.setChecked(getattr(entity, flag))
        self.duration.show_minutes(entity.duration)
        self.wait_time.show_minutes(entity.wait_time)
        look = theme.node_look(entity.evolve(style=Style()))
        defaults = {"fill": look.fill, "stroke": look.stroke, "text": look.text}
        for part, button in self.colours.items():
            button.show_colour(getattr(entity.style, part), defaults[part])

    def _description_typed(self) -> None:
        if not self.description.signalsBlocked():
            self._typed(
                self.description,
                "description",
                "Description",
                self.description.toPlainText(),
            )

    def _pick_lane(self, lane_id: object) -> None:
        """Move the node into the chosen lane's band, so lane and position agree."""
        if self.session is None or self.entity_id is None:
            return
        node = self.session.document.get(self.entity_id)
        if not isinstance(node, Node) or node.lane_id == lane_id:
            return
        for lane, top, bottom in lane_spans(self.session.document, node.diagram_id):
            if lane.id == lane_id:
                y = top + max((bottom - top - node.height) / 2, 0.0)
                self.edit("Change lane", lane_id=lane.id, y=y)
                return

    def set_colour(self, part: str, colour: str | None) -> None:
        if self.session is None or self.entity_id is None:
            return
        node = self.session.document.get(self.entity_id)
        if isinstance(node, Node):
            self.edit("Change colour", style=replace(node.style, **{part: colour}))


class EdgeForm(EntityForm):
    def __init__(self) -> None:
        super().__init__()
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        self.form.addRow("Connects:", self.ends)
        self.label = self.text_field("&Label:", "label", "Connector label")
        self.kind = self.combo("&Kind:", "Connector kind", self._pick_kind)
        self.support_type = self.combo(
            "&Support:",
            "Support type",
            lambda s: self.edit("Change support type", support_type=s),
        )
        self.gap = self.combo("&Gap:", "Gap", lambda g: self.edit("Change gap", gap=g))
        self.routing = self.combo(
            "&Routing:", "Routing", lambda r: self.edit("Change routing", routing=r)
        )

    def _pick_kind(self, kind: object) -> None:
        extra: dict[str, object] = {}
        if kind != "support":
            extra["support_type"] = None
        if kind != "gap":
            extra["gap"] = None
        self.edit("Change connector kind", kind=kind, **extra)

    def load(self, entity: Entity) -> None:
        assert isinstance(entity, Edge) and self.session is not None
        doc = self.session.document
        source, target = doc.get(entity.source_id), doc.get(entity.target_id)
        self.ends.setText(
            f"{getattr(source, 'label', '?')} → {getattr(target, 'label', '?')}"
        )
        set_text(self.label, entity.label)
        diagram = doc.get(entity.diagram_id)
        kinds = (
            list(NOTATIONS[diagram.notation].edge_kinds)
            if isinstance(diagram, Diagram)
            else []
        )
        if entity.kind not in kinds:
            kinds.append(entity.kind)
        set_combo(self.kind, ((EDGE_KINDS[k].name, k) for k in kinds), entity.kind)
        set_combo(
            self.support_type,
            [("—", None), *((t.name, t.id) for t in SUPPORT_TYPES.values())],
            entity.support_type,
        )
        set_combo(
            self.gap,
            [("—", None), *((f"Gap {n}: {g.name}", n) for n, g in GAPS.items())],
            entity.gap,
        )
        set_combo(
            self.routing,
            (("Orthogonal", "orthogonal"), ("Straight", "straight")),
            entity.routing,
        )
        self.form.setRowVisible(self.support_type, entity.kind == "support")
        self.form.setRowVisible(self.gap, entity.kind == "gap")
