"""Help > Models and Terms: each model, gap, criterion and SERVQUAL dimension with
its definition and source, from the catalogue. `term_tooltip` builds the text for
one term, for this panel and for the tooltips elsewhere (the palette, say)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.model.catalogue import (
    CRITERIA,
    EDGE_KINDS,
    GAPS,
    GRONROOS_1990,
    LANE_ROLES,
    LINE_KINDS,
    NODE_FLAGS,
    SERVQUAL_1988,
    SERVQUAL_DIMENSIONS,
    SUPPORT_TYPES,
    ZEITHAML_1988,
)
from blueprint.model.notations import NODE_KINDS, NOTATIONS

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

GROUPS = {
    "outcome": "Outcome-related criterion (technical quality)",
    "process": "Process-related criterion (functional quality)",
    "image": "Image-related criterion",
}


def _source(source: str) -> str:
    return (
        f"<p style='color:#57606a'><i>Source: {escape(source)}</i></p>"
        if source
        else ""
    )


def _names(ids, table) -> str:
    return ", ".join(escape(table[i].name) for i in ids)


def _details(kind: str, term_id: str | int) -> str:
    """The longer explanation the panel shows below the definition."""
    if kind == "notation":
        n = NOTATIONS[str(term_id)]
        rows = [("Lanes or zones", ", ".join(escape(s.name) for s in n.lanes))]
        if n.lines:
            rows.append(
                ("Dividing lines", _names((s.kind for s in n.lines), LINE_KINDS))
            )
        rows.append(("Kinds of step", _names(n.node_kinds, NODE_KINDS)))
        rows.append(("Connectors", _names(n.edge_kinds, EDGE_KINDS)))
        if n.support_types:
            rows.append(("Support", _names(n.support_types, SUPPORT_TYPES)))
        return (
            "<table cellpadding='3'>"
            + "".join(
                f"<tr><td valign='top' style='color:#57606a'>{k}</td><td>{v}</td></tr>"
                for k, v in rows
            )
            + "</table>"
        )
    if kind == "gap":
        causes = "".join(f"<li>{escape(c)}</li>" for c in GAPS[int(term_id)].causes)
        return f"<p><b>Typical causes</b></p><ul>{causes}</ul>"
    if kind == "dimension":
        d = SERVQUAL_DIMENSIONS[str(term_id)]
        return (
            f"<p>{d.items} of the 22 SERVQUAL items. Each is rated 1–7 for "
            "expectation (E) and perception (P); the item gap is P − E, and the "
            "dimension's score is the mean of its item gaps (negative: a shortfall)."
            "</p>"
        )
    return ""


def _term(kind: str, term_id: str | int) -> tuple[str, str, str, str]:
    """(name, kicker, definition, source) of a term; KeyError if unknown."""
    if kind == "notation":
        n = NOTATIONS[str(term_id)]
        return n.name, "Model", n.description, n.source
    if kind == "node_kind":
        k = NODE_KINDS[str(term_id)]
        return k.name, "Kind of step", k.description, k.source
    if kind == "gap":
        g = GAPS[int(term_id)]
        return g.title, "Gaps model", g.definition, g.source
    if kind == "criterion":
        c = CRITERIA[str(term_id)]
        return c.name, GROUPS.get(c.group, c.group), c.definition, c.source
    if kind == "dimension":
        d = SERVQUAL_DIMENSIONS[str(term_id)]
        return d.name, "SERVQUAL dimension", d.definition, d.source
    tables = {
        "lane_role": ("Lane", LANE_ROLES),
        "line": ("Dividing line", LINE_KINDS),
        "edge_kind": ("Connector", EDGE_KINDS),
        "support_type": ("Support connector", SUPPORT_TYPES),
        "flag": ("Step marker", NODE_FLAGS),
    }
    if kind not in tables:
        raise KeyError(f"unknown kind of term {kind!r}")
    kicker, table = tables[kind]
    t = table[str(term_id)]
    return t.name, kicker, t.definition, t.source


def term_tooltip(kind: str, term_id: str | int, *, detailed: bool = False) -> str:
    """Rich text explaining a term: its name, definition and source; `detailed`
    adds what the models panel shows (a model's lanes, a gap's causes, ...).

    kind: notation, node_kind, lane_role, line, edge_kind, support_type, flag,
    gap, criterion or dimension."""
    name, kicker, definition, source = _term(kind, term_id)
    if not detailed:
        return f"<p><b>{escape(name)}</b><br>{escape(definition)}</p>" + _source(source)
    return (
        f"<p style='color:#0969da'><b>{escape(kicker.upper())}</b></p>"
        f"<h2>{escape(name)}</h2>"
        f"<p style='font-size:large'>{escape(definition)}</p>"
        + _details(kind, term_id)
        + _source(source)
    )


# -- the panel --------------------------------------------------------------------

SECTIONS: tuple[tuple[str, str, str, str, tuple], ...] = (
    (
        "Models",
        "notation",
        "The models Blueprint draws. Each is a notation with its own lanes or "
        "zones, dividing lines, kinds of step and connectors, and each comes as a "
        "template (File > New).",
        "",
        tuple(NOTATIONS),
    ),
    (
        "Gaps",
        "gap",
        "The Gaps model explains a shortfall in service quality as five gaps: four "
        "on the provider's side, which together cause the fifth, the customer gap "
        "between expected and perceived service.",
        ZEITHAML_1988,
        tuple(GAPS),
    ),
    (
        "Quality criteria",
        "criterion",
        "Six criteria of good perceived service quality: one about the outcome "
        "(technical quality), four about the process (functional quality) and one "
        "about the provider's image.",
        f"{GRONROOS_1990}, p. 47",
        tuple(CRITERIA),
    ),
    (
        "SERVQUAL dimensions",
        "dimension",
        "SERVQUAL measures the customer gap with 22 items in five dimensions. Each "
        "item is rated 1–7 for expectation (E) and perception (P); item gap = "
        "P − E; a dimension's score is the mean of its item gaps; the unweighted "
        "score is the mean of the five, the weighted score Σ weight × score with "
        "weights from 100 points of importance split across the dimensions.",
        SERVQUAL_1988,
        tuple(SERVQUAL_DIMENSIONS),
    ),
    (
        "Lanes",
        "lane_role",
        "The lanes of a service blueprint, top to bottom.",
        "",
        tuple(r for r in LANE_ROLES if r != "other"),
    ),
    ("Dividing lines", "line", "The lines between the lanes.", "", tuple(LINE_KINDS)),
    ("Step markers", "flag", "Markers drawn on steps.", "", tuple(NODE_FLAGS)),
    ("Connectors", "edge_kind", "Kinds of connector.", "", tuple(EDGE_KINDS)),
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_STYLE = "h1, h2 { color: #1f2328; } body { color: #1f2328; } li { margin: 2px; }"


class ModelsPanel(QDialog):
    """A browser of the models and terms, with a filter; not modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("models_panel")
        self.setWindowTitle("Models and Terms")
        self.setAccessibleName("Models and terms")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter terms")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter terms")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Models and terms")
        self.page = QTextBrowser()
        self.page.setAccessibleName("Explanation")
        self.page.setOpenLinks(False)
        self.page.document().setDefaultStyleSheet(PAGE_STYLE)
        self.page.document().setDocumentMargin(18)
        font = self.page.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.page.setFont(font)

        for title, kind, _intro, _source, ids in SECTIONS:
            section = QTreeWidgetItem(self.tree, [title])
            section.setData(0, KEY_ROLE, ("section", title))
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            for term_id in ids:
                name = _term(kind, term_id)[0]
                child = QTreeWidgetItem(section, [name])
                child.setData(0, KEY_ROLE, (kind, term_id))
                child.setToolTip(0, term_tooltip(kind, term_id))
        self.tree.expandAll()
        self.tree.currentItemChanged.connect(lambda item, _old: self._show(item))
        self.filter.textChanged.connect(self._filter)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.tree, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.page)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 660])
        layout = QHBoxLayout(self)
        layout.addWidget(split)
        self.resize(980, 660)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def terms(self, kind: str) -> list[str | int]:
        """The ids listed for a kind of term (what a test checks is complete)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                k, term_id = section.child(j).data(0, KEY_ROLE)
                if k == kind:
                    out.append(term_id)
        return out

    def show_term(self, kind: str, term_id: str | int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                if section.child(j).data(0, KEY_ROLE) == (kind, term_id):
                    self.tree.setCurrentItem(section.child(j))
                    return

    def _show(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, key = item.data(0, KEY_ROLE)
        if kind != "section":
            self.page.setHtml(term_tooltip(kind, key, detailed=True))
            return
        title, kind, intro, source, ids = next(s for s in SECTIONS if s[0] == key)
        entries = "".join(
            f"<p><b>{escape(_term(kind, i)[0])}</b> — {escape(_term(kind, i)[2])}</p>"
            for i in ids
        )
        self.page.setHtml(
            f"<h1>{escape(title)}</h1><p style='font-size:large'>{escape(intro)}</p>"
            f"{entries}{_source(source)}"
        )

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            shown = 0
            for j in range(section.childCount()):
                child = section.child(j)
                kind, term_id = child.data(0, KEY_ROLE)
                name, kicker, definition, _ = _term(kind, term_id)
                hit = needle in f"{name} {kicker} {definition}".casefold()
                child.setHidden(not hit)
                shown += hit
            section.setHidden(shown == 0 and bool(needle))


def show_models_help(
    window: MainWindow, kind: str | None = None, term_id: str | int | None = None
) -> ModelsPanel:
    """Show the window's models panel (one per window), at a term if given."""
    panel = window.findChild(ModelsPanel)
    if panel is None:
        panel = ModelsPanel(window)
    if kind is not None and term_id is not None:
        panel.show_term(kind, term_id)
    panel.show()
    panel.raise_()
    panel.activateWindow()
    return panel
