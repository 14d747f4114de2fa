"""The annotation register's table model: one row per annotation of the project.

Fed from the Document and kept in step with its events row by row (added rows are
appended, removed ones taken out, changed ones re-read), so a project with
thousands of annotations stays quick to edit. Sort keys are plain strings and
numbers, which Qt compares without calling back into Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from blueprint import theme
from blueprint.model import (
    Annotation,
    Diagram,
    Document,
    Edge,
    EntitiesChanged,
    GapFinding,
    Node,
    QualityRating,
    ServqualScore,
)
from blueprint.model.catalogue import (
    CRITERIA,
    GAP_STATUSES,
    SCALE_MAX,
    SERVQUAL_DIMENSIONS,
)
from blueprint.ui.icons import swatch_icon

from .target import (
    KIND_NAMES,
    STATUS_NAMES,
    item_name,
    main_text,
    signed,
    target_name,
)

COLUMNS = (
    "Diagram",
    "Target",
    "Type",
    "Gap / criterion / dimension",
    "Severity / rating / P − E",
    "Status",
    "Owner",
    "Text",
)
(DIAGRAM, TARGET, TYPE, ITEM, VALUE, STATUS, OWNER, TEXT) = range(len(COLUMNS))
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ORDER = {k: i for i, k in enumerate(KIND_NAMES)}
_CRITERION_ORDER = {c: i for i, c in enumerate(CRITERIA)}
_DIMENSION_ORDER = {d: i for i, d in enumerate(SERVQUAL_DIMENSIONS)}
_STATUS_ORDER = {s: i for i, s in enumerate(GAP_STATUSES)}
_ROOT = QModelIndex()  # the table's invisible root
RESET_ABOVE = 200  # removing more rows than this at once: rebuild the table


@dataclass(frozen=True)
class Row:
    """One annotation as the register shows, sorts, filters and exports it."""

    annotation: Annotation
    cells: tuple[str, ...]
    sort: tuple[object, ...]
    haystack: str  # every cell, case-folded, for the filter
    tip: str
    colour: str | None

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def kind(self) -> str:
        return self.annotation.kind


def _first_line(text: str) -> str:
    stripped = text.strip()
    return stripped.splitlines()[0] if stripped else ""


def make_row(doc: Document, a: Annotation, colour_blind: bool = False) -> Row:
    diagram = doc.get(a.diagram_id)
    diagram_name = diagram.name if isinstance(diagram, Diagram) else "?"
    order = diagram.order if isinstance(diagram, Diagram) else 0
    target = target_name(doc, a.target_kind, a.target_id)
    body = a.body
    value, value_key, status, status_key, owner = "", -1e18, "", -1, ""
    colour: str | None = None
    item_key = ""
    text = main_text(a)
    tip = text
    if isinstance(body, GapFinding):
        value, value_key = f"Severity {body.severity}", float(body.severity)
        status, status_key = STATUS_NAMES[body.status], _STATUS_ORDER[body.status]
        owner = body.owner
        colour = theme.severity_colour(body.severity, colour_blind)
        item_key = f"{body.gap}"
        extra = [f"Cause: {body.cause}"] if body.cause else []
        extra += [f"Remedy: {body.remedy}"] if body.remedy else []
        tip = "\n\n".join([text, *extra]).strip()
    elif isinstance(body, QualityRating):
        value, value_key = f"{body.rating} / {SCALE_MAX}", float(body.rating)
        colour = theme.rating_colour(body.rating, colour_blind)
        item_key = f"{_CRITERION_ORDER[body.criterion]}"
    elif isinstance(body, ServqualScore):
        value, value_key = signed(body.gap), float(body.gap)
        item_key = f"{_DIMENSION_ORDER[body.dimension]}"
        text = (
            f"E {body.expectation:g} · P {body.perception:g} · weight {body.weight:g}"
        )
        tip = text
    cells = (
        diagram_name,
        target,
        KIND_NAMES[a.kind],
        item_name(a),
        value,
        status,
        owner,
        _first_line(text)[:300],
    )
    sort = (
        f"{order:09d} {diagram_name.casefold()} {a.diagram_id}",
        target.casefold(),
        KIND_ORDER[a.kind],
        f"{KIND_ORDER[a.kind]} {item_key}",
        value_key,
        status_key,
        owner.casefold(),
        cells[TEXT].casefold(),
    )
    haystack = "\n".join((*cells, text)).casefold()
    return Row(a, cells, sort, haystack, tip[:2000], colour)


class RegisterModel(QAbstractTableModel):
    """Every annotation of a Document, one per row, in the Document's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.colour_blind = False
        self._rows: list[Row] = []
        self._index: dict[str, int] = {}
        self._unsubscribe: Callable[[], None] | None = None

    def set_document(self, doc: Document | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.document = doc
        if doc is not None:
            self._unsubscribe = doc.events.subscribe(self._on_change)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        doc = self.document
        self._rows = (
            [make_row(doc, a, self.colour_blind) for a in doc.annotations()]
            if doc is not None
            else []
        )
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._index = {r.id: i for i, r in enumerate(self._rows)}

    # -- reading -----------------------------------------------------------------------

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, annotation_id: str) -> int | None:
        return self._index.get(annotation_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # headers are cut short in a narrow dock
        ):
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == SORT_ROLE:
            return row.sort[column]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TEXT:
                return row.tip or None
            return row.cells[column] or None
        if role == Qt.ItemDataRole.DecorationRole and column == VALUE and row.colour:
            return swatch_icon(row.colour)
        return None

    # -- following the document --------------------------------------------------------

    def _on_change(self, event: EntitiesChanged) -> None:
        doc = self.document
        if doc is None:
            return
        gone = [e.id for e in event.removed if isinstance(e, Annotation)]
        if gone:
            self._remove(gone)
        stale: set[str] = set()
        targets: set[str] = set()
        diagrams: set[str] = set()
        for old, new in event.updated:
            if isinstance(new, Annotation):
                stale.add(new.id)
            elif isinstance(new, Node):
                targets.add(new.id)
                if old.label != new.label:  # type: ignore[attr-defined]
                    targets.update(e.id for e in doc.edges_of(new.id))
            elif isinstance(new, Edge):
                targets.add(new.id)
            elif isinstance(new, Diagram):
                diagrams.add(new.id)
        if targets or diagrams:
            stale.update(
                r.id
                for r in self._rows
                if r.annotation.target_id in targets
                or r.annotation.diagram_id in diagrams
            )
        self._refresh(stale)
        added = [e for e in event.added if isinstance(e, Annotation)]
        if added:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._rows.extend(make_row(doc, a, self.colour_blind) for a in added)
            for i, a in enumerate(added, start):
                self._index[a.id] = i
            self.endInsertRows()

    def _refresh(self, ids: Iterable[str]) -> None:
        doc = self.document
        assert doc is not None
        last = len(COLUMNS) - 1
        for annotation_id in ids:
            number = self._index.get(annotation_id)
            entity = doc.get(annotation_id)
            if number is None or not isinstance(entity, Annotation):
                continue
            self._rows[number] = make_row(doc, entity, self.colour_blind)
            self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def _remove(self, ids: list[str]) -> None:
        numbers = sorted(n for i in ids if (n := self._index.get(i)) is not None)
        if not numbers:
            return
        if len(numbers) > RESET_ABOVE:
            self.beginResetModel()
            dropped = set(ids)
            self._rows = [r for r in self._rows if r.id not in dropped]
            self._reindex()
            self.endResetModel()
            return
        # contiguous runs, last first, so earlier row numbers stay valid
        runs: list[list[int]] = []
        for n in numbers:
            if runs and runs[-1][1] == n - 1:
                runs[-1][1] = n
            else:
                runs.append([n, n])
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        self._reindex()


class RegisterFilter(QSortFilterProxyModel):
    """Sorts by plain keys; filters by annotation type and by text in any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        row = model.row(source_row)
        if self.kind is not None and row.kind != self.kind:
            return False
        return not self.needle or self.needle in row.haystack

    def shown_rows(self) -> list[Row]:
        model = self.sourceModel()
        assert isinstance(model, RegisterModel)
        return [
            model.row(self.mapToSource(self.index(i, 0)).row())
            for i in range(self.rowCount())
        ]
