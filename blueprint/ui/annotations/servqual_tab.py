"""The SERVQUAL tab: expectation (E) and perception (P) 1-7 per dimension, with the
respondents' importance weight, and the gap P − E shown as the values change."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from blueprint.analysis import servqual_summary
from blueprint.model import Annotation, ServqualScore
from blueprint.model.catalogue import (
    SCALE_MAX,
    SCALE_MIN,
    SERVQUAL_DIMENSIONS,
    Dimension,
)
from blueprint.ui.analysis_panel.look import colour

from .tab_base import AnnotationTab
from .target import add_annotation, edit_body, remove_annotation, signed

SHORTFALL, SURPLUS, EVEN = "#cf222e", "#1a7f37", "#57606a"


def gap_colour(gap: float) -> str:
    """Red for a shortfall, green for a surplus, in the chrome's theme."""
    if gap <= -0.005:
        return colour(SHORTFALL)
    return colour(SURPLUS if gap >= 0.005 else EVEN)


def dimension_tooltip(d: Dimension) -> str:
    scale = f"({d.items} items in the 22-item scale)"
    return f"{d.name}: {d.definition}\n{scale}\n\n{d.source}"


def _spin(name: str, low: float, high: float, decimals: int) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setAccessibleName(name)
    spin.setMinimumWidth(64)
    return spin


class ServqualRow:
    """One dimension slot: measured (an annotation) or not."""

    def __init__(self, tab: ServqualTab, dimension: Dimension, slot: int) -> None:
        self.tab, self.dimension, self.slot = tab, dimension, slot
        self.annotation_id: str | None = None
        name = dimension.name + (f" ({slot + 1})" if slot else "")
        tip = dimension_tooltip(dimension)
        self.frame = QFrame()
        self.frame.setObjectName("servqual_row")
        column = QVBoxLayout(self.frame)
        column.setContentsMargins(0, 2, 0, 6)
        column.setSpacing(2)
        top = QHBoxLayout()
        self.measured = QCheckBox(name)
        self.measured.setAccessibleName(f"{dimension.name} measured")
        self.measured.setToolTip(f"{tip}\n\nTick to score this dimension here.")
        self.measured.clicked.connect(self._toggled)
        self.gap = QLabel()
        self.gap.setObjectName("servqual_gap")
        self.gap.setAccessibleName(f"{dimension.name} P − E")
        self.gap.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        top.addWidget(self.measured)
        top.addStretch(1)
        top.addWidget(self.gap)
        column.addLayout(top)
        values = QGridLayout()
        values.setContentsMargins(22, 0, 0, 0)
        values.setHorizontalSpacing(4)
        self.expectation = _spin(
            f"{dimension.name} expectation", SCALE_MIN, SCALE_MAX, 2
        )
        self.expectation.setToolTip("Expectation (E): 1 = not at all … 7 = strongly")
        self.perception = _spin(f"{dimension.name} perception", SCALE_MIN, SCALE_MAX, 2)
        self.perception.setToolTip("Perception (P): 1 = not at all … 7 = strongly")
        self.weight = _spin(f"{dimension.name} weight", 0, 100, 1)
        self.weight.setSuffix(" pts")
        self.weight.setToolTip(
            "Importance: the points of 100 respondents give this dimension"
        )
        for col, (text, spin, field) in enumerate(
            (
                ("E", self.expectation, "expectation"),
                ("P", self.perception, "perception"),
                ("Weight", self.weight, "weight"),
            )
        ):
            label = QLabel(text)
            label.setObjectName("field_caption")
            label.setBuddy(spin)
            values.addWidget(label, 0, col)
            values.addWidget(spin, 1, col)
            spin.valueChanged.connect(lambda v, f=field: self._changed(f, v))
        values.setColumnStretch(3, 1)
        column.addLayout(values)

    def merge_key(self, field: str) -> Hashable:
        target = self.tab.target
        return (
            "servqual",
            target.id if target else None,
            self.dimension.id,
            self.slot,
            field,
        )

    def show(self, annotation: Annotation | None) -> None:
        self.annotation_id = annotation.id if annotation is not None else None
        body = annotation.body if annotation is not None else None
        measured = isinstance(body, ServqualScore)
        # unmeasured rows show the defaults a new score starts from
        shown = body if measured else ServqualScore(self.dimension.id)
        self.measured.setChecked(measured)
        for spin, field in (
            (self.expectation, "expectation"),
            (self.perception, "perception"),
            (self.weight, "weight"),
        ):
            spin.setEnabled(measured)
            value = getattr(shown, field)
            if abs(spin.value() - value) > 1e-9:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._show_gap()

    def _show_gap(self) -> None:
        if not self.measured.isChecked():
            self.gap.setText("not measured")
            self.gap.setStyleSheet(f"color: {colour(EVEN)};")
            return
        gap = self.perception.value() - self.expectation.value()
        self.gap.setText(f"P − E  {signed(gap)}")
        self.gap.setStyleSheet(f"color: {gap_colour(gap)}; font-weight: 600;")

    def _toggled(self, checked: bool) -> None:
        session, target = self.tab.session, self.tab.target
        if session is None or target is None:
            return
        name = self.dimension.name.lower()
        if checked and self.annotation_id is None:
            self.annotation_id = add_annotation(
                session,
                target,
                ServqualScore(self.dimension.id),
                f"Score {name}",
                merge_key=self.merge_key("measured"),
            )
        elif not checked and self.annotation_id is not None:
            gone, self.annotation_id = self.annotation_id, None
            remove_annotation(
                session,
                gone,
                f"Remove {name} score",
                merge_key=self.merge_key("measured"),
            )

    def _changed(self, field: str, value: float) -> None:
        self._show_gap()  # live, before the model has the value
        session = self.tab.session
        if session is None or self.annotation_id is None:
            return
        label = {"expectation": "expectation", "perception": "perception"}.get(
            field, "weight"
        )
        edit_body(
            session,
            self.annotation_id,
            f"Change {self.dimension.name.lower()} {label}",
            merge_key=self.merge_key(field),
            **{field: round(value, 2)},
        )


class ServqualTab(AnnotationTab):
    title = "SERVQUAL"
    body_kind = "servqual"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ServqualRow] = []
        self._shape: tuple[int, ...] = ()
        self.column = QVBoxLayout(self.content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(0)
        self.rows_box = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_box)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(0)
        self.column.addWidget(self.rows_box)
        self.summary = QLabel()
        self.summary.setObjectName("annotation_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.column.addWidget(self.summary)

    def load(self, annotations: list[Annotation]) -> None:
        by_dimension: dict[str, list[Annotation]] = {d: [] for d in SERVQUAL_DIMENSIONS}
        for a in annotations:
            by_dimension[a.body.dimension].append(a)  # type: ignore[union-attr]
        shape = tuple(max(len(v), 1) for v in by_dimension.values())
        if shape != self._shape:
            self._build(shape)
        rows = iter(self.rows)
        for scored in by_dimension.values():
            for slot in range(max(len(scored), 1)):
                next(rows).show(scored[slot] if slot < len(scored) else None)
        self._summarise(annotations)

    def _summarise(self, annotations: list[Annotation]) -> None:
        summary = servqual_summary(annotations)
        if summary.unweighted is None:
            self.summary.setText(
                "Tick a dimension to score it: the mean expectation and perception "
                "of its items, 1 to 7. P − E below zero is a shortfall."
            )
            return
        parts = [
            f"Unweighted SERVQUAL <b style='color:{gap_colour(summary.unweighted)}'>"
            f"{signed(summary.unweighted)}</b>"
        ]
        if summary.weighted is not None:
            parts.append(
                f"weighted <b style='color:{gap_colour(summary.weighted)}'>"
                f"{signed(summary.weighted)}</b>"
            )
        text = " · ".join(parts)
        if summary.weights_rescaled:
            text += (
                f"<br><span style='color:{colour(EVEN)}'>Weights do not add up to 100 "
            )
            text += "points: they were rescaled.</span>"
        self.summary.setText(text)

    def _build(self, shape: tuple[int, ...]) -> None:
        for row in self.rows:
            row.frame.hide()
            row.frame.deleteLater()
        self.rows = []
        for dimension, count in zip(SERVQUAL_DIMENSIONS.values(), shape, strict=True):
            for slot in range(count):
                row = ServqualRow(self, dimension, slot)
                self.rows.append(row)
                self.rows_layout.addWidget(row.frame)
        self._shape = shape

    def target_changed(self) -> None:
        for row in self.rows:
            row.annotation_id = None
