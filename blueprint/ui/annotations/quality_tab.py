"""The Quality tab: Grönroos' six criteria of good perceived service quality, each
rated 1-7 with its evidence; "—" means not rated (and removes a rating)."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from blueprint import theme
from blueprint.model import Annotation, DomainError, QualityRating
from blueprint.model.catalogue import CRITERIA, SCALE_MAX, SCALE_MIN, Criterion
from blueprint.ui.analysis_panel.look import colour
from blueprint.ui.docks.inspector_forms import set_text

from .tab_base import AnnotationTab, mark_invalid
from .target import add_annotation, edit_body, remove_annotation

NOT_RATED = "—"
GROUP_NAMES = {"outcome": "outcome", "process": "process", "image": "image"}


def criterion_tooltip(criterion: Criterion) -> str:
    return (
        f"{criterion.name} ({GROUP_NAMES.get(criterion.group, criterion.group)}-"
        f"related)\n{criterion.definition}\n\n{criterion.source}"
    )


def chip_style(fill: str) -> str:
    return (
        f"background: {fill}; border: 1px solid #ffffff; border-radius: 7px;"
        " min-width: 14px; max-width: 14px; min-height: 14px; max-height: 14px;"
    )


class QualityRow:
    """The widgets of one rating slot: a criterion and, if rated, its annotation."""

    def __init__(self, tab: QualityTab, criterion: Criterion, slot: int) -> None:
        self.tab, self.criterion, self.slot = tab, criterion, slot
        self.annotation_id: str | None = None
        tip = criterion_tooltip(criterion)
        suffix = f" ({slot + 1})" if slot else ""
        self.label = QLabel(f"{criterion.name}{suffix}")
        self.label.setObjectName("criterion_name")
        self.label.setToolTip(tip)
        self.rating = QSpinBox()
        self.rating.setRange(SCALE_MIN - 1, SCALE_MAX)
        self.rating.setSpecialValueText(NOT_RATED)
        self.rating.setSuffix(f" / {SCALE_MAX}")
        self.rating.setAccessibleName(f"{criterion.name} rating")
        self.rating.setToolTip(f"{tip}\n\n1 = very poor … 7 = excellent; — = not rated")
        self.rating.valueChanged.connect(self._rated)
        self.chip = QLabel()
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName(f"{criterion.name} evidence")
        self.evidence.textEdited.connect(self._typed)

    def merge_key(self) -> Hashable:
        target = self.tab.target
        return ("quality", target.id if target else None, self.criterion.id, self.slot)

    def show(self, annotation: Annotation | None) -> None:
        self.annotation_id = annotation.id if annotation is not None else None
        body = annotation.body if annotation is not None else None
        rating = body.rating if isinstance(body, QualityRating) else 0
        if self.rating.value() != rating:
            self.rating.blockSignals(True)
            self.rating.setValue(rating)
            self.rating.blockSignals(False)
        self._show_chip(rating)
        self.evidence.setEnabled(body is not None)
        self.evidence.setPlaceholderText(
            "Evidence: what was observed or said" if body else "Rate first"
        )
        evidence = body.evidence if isinstance(body, QualityRating) else ""
        replaced = self.evidence.text() != evidence
        set_text(self.evidence, evidence)
        if replaced:
            self.evidence.setCursorPosition(0)  # show the start of long evidence
        self.evidence.setToolTip(evidence)

    def _show_chip(self, rating: int) -> None:
        if rating:
            fill = theme.rating_colour(rating, self.tab.colour_blind)
            self.chip.setStyleSheet(chip_style(fill))
            self.chip.setToolTip(f"Rating {rating} of {SCALE_MAX}")
        else:
            self.chip.setStyleSheet(chip_style(colour("#eaeef2")))
            self.chip.setToolTip("Not rated")

    def _rated(self, value: int) -> None:
        session, target = self.tab.session, self.tab.target
        if session is None or target is None:
            return
        self._show_chip(value)
        name = self.criterion.name
        if self.annotation_id is None:
            if value:
                self.annotation_id = add_annotation(
                    session,
                    target,
                    QualityRating(self.criterion.id, value),
                    f"Rate {name.lower()}",
                    merge_key=self.merge_key(),
                )
        elif value:
            edit_body(
                session,
                self.annotation_id,
                f"Rate {name.lower()}",
                merge_key=self.merge_key(),
                rating=value,
            )
        else:
            gone, self.annotation_id = self.annotation_id, None
            remove_annotation(
                session,
                gone,
                f"Remove {name.lower()} rating",
                merge_key=self.merge_key(),
            )

    def _typed(self, text: str) -> None:
        session = self.tab.session
        if session is None or self.annotation_id is None:
            return
        try:
            edit_body(
                session,
                self.annotation_id,
                "Edit evidence",
                merge_key=(self.annotation_id, "evidence"),
                evidence=text,
            )
        except DomainError as error:
            mark_invalid(self.evidence, error)
        else:
            mark_invalid(self.evidence, None)


class QualityTab(AnnotationTab):
    title = "Quality"
    body_kind = "quality"

    def __init__(self) -> None:
        super().__init__()
        self.colour_blind = False
        self.rows: list[QualityRow] = []
        self._shape: tuple[int, ...] = ()
        self.grid = QGridLayout(self.content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.summary = QLabel()
        self.summary.setObjectName("annotation_summary")
        self.summary.setWordWrap(True)

    def load(self, annotations: list[Annotation]) -> None:
        by_criterion: dict[str, list[Annotation]] = {c: [] for c in CRITERIA}
        for a in annotations:
            by_criterion[a.body.criterion].append(a)  # type: ignore[union-attr]
        shape = tuple(max(len(v), 1) for v in by_criterion.values())
        if shape != self._shape:
            self._build(shape)
        rows = iter(self.rows)
        for rated in by_criterion.values():
            for slot in range(max(len(rated), 1)):
                next(rows).show(rated[slot] if slot < len(rated) else None)
        ratings = [a.body.rating for a in annotations]  # type: ignore[union-attr]
        if ratings:
            mean = sum(ratings) / len(ratings)
            self.summary.setText(
                f"Mean rating {mean:.1f} of {SCALE_MAX} over {len(ratings)} "
                f"rating{'s' if len(ratings) != 1 else ''}"
            )
        else:
            self.summary.setText(
                "Not rated yet: rate any criterion from 1 (very poor) to 7 "
                "(excellent). Hover a name for its meaning."
            )

    def _build(self, shape: tuple[int, ...]) -> None:
        focused = self.focusWidget()
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.summary:
                widget.hide()
                widget.deleteLater()
        self.rows = []
        line = 0
        for criterion, count in zip(CRITERIA.values(), shape, strict=True):
            for slot in range(count):
                row = QualityRow(self, criterion, slot)
                self.rows.append(row)
                self.grid.addWidget(row.label, line, 0, 1, 3)
                controls = QWidget()
                box = QHBoxLayout(controls)
                box.setContentsMargins(0, 0, 0, 6)
                box.addWidget(row.rating)
                box.addWidget(row.chip)
                box.addWidget(row.evidence, 1)
                self.grid.addWidget(controls, line + 1, 0, 1, 3)
                line += 2
        self.grid.addWidget(self.summary, line, 0, 1, 3)
        self._shape = shape
        if focused is not None and not focused.isVisible():
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def target_changed(self) -> None:
        for row in self.rows:
            row.annotation_id = None
