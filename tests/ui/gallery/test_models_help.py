"""Help > Models and Terms, and the term texts it shares with the palette's tooltips."""

from __future__ import annotations

from html import escape

import pytest

from blueprint.model.catalogue import (
    CRITERIA,
    EDGE_KINDS,
    GAPS,
    LINE_KINDS,
    NODE_FLAGS,
    SERVQUAL_DIMENSIONS,
)
from blueprint.model.notations import NODE_KINDS, NOTATIONS
from blueprint.ui.docks.palette import KIND_ROLE
from blueprint.ui.models_help import ModelsPanel, term_tooltip

TERMS = (
    [("notation", n, NOTATIONS[n].name, NOTATIONS[n].source) for n in NOTATIONS]
    + [("gap", g, GAPS[g].title, GAPS[g].source) for g in GAPS]
    + [("criterion", c, CRITERIA[c].name, CRITERIA[c].source) for c in CRITERIA]
    + [
        ("dimension", d, SERVQUAL_DIMENSIONS[d].name, SERVQUAL_DIMENSIONS[d].source)
        for d in SERVQUAL_DIMENSIONS
    ]
    + [("line", k, LINE_KINDS[k].name, LINE_KINDS[k].source) for k in LINE_KINDS]
    + [("flag", f, NODE_FLAGS[f].name, NODE_FLAGS[f].source) for f in NODE_FLAGS]
    + [("edge_kind", e, EDGE_KINDS[e].name, EDGE_KINDS[e].source) for e in EDGE_KINDS]
)


def _open_panel(qtbot, window) -> ModelsPanel:
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Help"
    )
    entry = next(a for a in help_menu.actions() if a.text() == "&Models and Terms")
    entry.trigger()
    panel = window.findChild(ModelsPanel)
    assert panel is not None
    qtbot.waitExposed(panel)
    return panel


def test_the_panel_lists_every_model_gap_criterion_and_dimension(qtbot, window):
    panel = _open_panel(qtbot, window)
    assert panel.terms("notation") == list(NOTATIONS)
    assert panel.terms("gap") == [1, 2, 3, 4, 5]
    assert panel.terms("criterion") == list(CRITERIA)
    assert panel.terms("dimension") == list(SERVQUAL_DIMENSIONS)
    assert panel.terms("line") == list(LINE_KINDS)
    # one panel per window: Help > Models again brings the same one forward
    assert _open_panel(qtbot, window) is panel


def test_choosing_a_term_shows_its_definition_details_and_source(qtbot, window):
    panel = _open_panel(qtbot, window)
    panel.show_term("gap", 2)
    page = panel.page.toPlainText()
    assert GAPS[2].title in page and GAPS[2].definition in page
    assert all(cause in page for cause in GAPS[2].causes)
    assert "Journal of Marketing 52(2)" in page
    panel.show_term("dimension", "empathy")
    page = panel.page.toPlainText()
    assert "5 of the 22 SERVQUAL items" in page
    assert SERVQUAL_DIMENSIONS["empathy"].definition in page
    panel.show_term("notation", "production-system")
    page = panel.page.toPlainText()
    assert "Interactive part" in page and "Management support" in page


def test_a_section_lists_its_terms_and_the_filter_finds_by_definition(qtbot, window):
    panel = _open_panel(qtbot, window)
    servqual = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0) == "SERVQUAL dimensions"
    )
    panel.tree.setCurrentItem(servqual)
    page = panel.page.toPlainText()
    assert "item gap = P − E" in page
    assert all(d.name in page for d in SERVQUAL_DIMENSIONS.values())

    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "promises")
    shown = [
        panel.tree.topLevelItem(i).child(j).text(0)
        for i in range(panel.tree.topLevelItemCount())
        for j in range(panel.tree.topLevelItem(i).childCount())
        if not panel.tree.topLevelItem(i).child(j).isHidden()
    ]
    assert shown == ["Reliability and trustworthiness", "Communication"]


@pytest.mark.parametrize(("kind", "term_id", "name", "source"), TERMS)
def test_every_term_has_a_tooltip_with_its_name_and_source(kind, term_id, name, source):
    tip = term_tooltip(kind, term_id)
    assert f"<b>{escape(name)}</b>" in tip
    if source:
        assert "Source:" in tip
    assert len(term_tooltip(kind, term_id, detailed=True)) > len(tip)


def test_unknown_terms_are_refused():
    with pytest.raises(KeyError):
        term_tooltip("colour", "red")
    with pytest.raises(KeyError):
        term_tooltip("gap", 9)


def test_palette_tooltips_are_the_shared_term_text(qtbot, workspace):
    window = workspace.new_project(template="service-blueprint")
    qtbot.waitExposed(window)
    palette = window.palette
    assert palette.kinds_shown()
    for row in range(palette.model.rowCount()):
        item = palette.model.item(row)
        kind = item.data(KIND_ROLE)
        assert item.toolTip() == term_tooltip("node_kind", kind)
        assert NODE_KINDS[kind].name in item.toolTip()
