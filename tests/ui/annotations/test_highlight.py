"""Highlight modes colour and dim the scene's node items, with a legend; they follow
edits, tab switches and the colour-blind preference."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from blueprint import theme
from blueprint.model import Annotation, GapFinding, QualityRating, new_id
from blueprint.ui.annotations.highlight import DIM, tint


def _annotate(s) -> None:
    stay = s.ids["stay"]
    s.doc.add(
        [
            Annotation(
                new_id(), stay, "node", s.ids["Greet"], GapFinding(3, severity=2)
            ),
            Annotation(
                new_id(), stay, "node", s.ids["Greet"], GapFinding(3, severity=4)
            ),
            Annotation(
                new_id(),
                stay,
                "node",
                s.ids["Leave"],
                GapFinding(1, severity=5, status="closed"),
            ),
            Annotation(new_id(), stay, "edge", s.ids["Arrive->Greet"], GapFinding(3)),
            Annotation(
                new_id(), stay, "node", s.ids["Check in"], QualityRating("recovery", 6)
            ),
        ]
    )


def _look(s, label: str) -> tuple[str | None, str | None, float]:
    item = s.scene().node_item(s.ids[label])
    return item.highlight, item.highlight_fill, item.opacity()


def test_only_gap_n_colours_its_steps_and_dims_the_rest(sample):
    s = sample
    _annotate(s)
    combo = s.ui.highlight_combo
    combo.setFocus()
    combo.setCurrentIndex(0)
    s.qtbot.keyClick(combo, Qt.Key.Key_Down)  # the toolbar: "Only Gap 1"
    s.qtbot.keyClick(combo, Qt.Key.Key_Down)
    s.qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Only Gap 3"
    assert s.ui.highlight.mode == "gap3"
    assert s.ui.highlight_actions["gap3"].isChecked()  # the View menu agrees
    worst = theme.severity_colour(4)
    assert _look(s, "Greet") == (worst, tint(worst), 1.0)
    assert _look(s, "Leave") == (None, None, DIM)
    assert _look(s, "Check in") == (None, None, DIM)
    scene = s.scene()
    assert scene.edge_item(s.ids["Arrive->Greet"]).opacity() == 1.0
    assert scene.edge_item(s.ids["Check in->Leave"]).opacity() == DIM
    legend = s.ui.highlight.legend
    assert legend.isVisible() and legend.parentWidget() is s.window.current_view()
    assert legend.legend.title == "Gap 3: Performance gap by severity"
    assert legend.entry_texts()[0] == "1 minor"
    assert "1 step, 1 connector" in legend.legend.note

    # the View menu's action switches back; everything is plain again
    s.ui.highlight_actions["none"].trigger()
    assert _look(s, "Greet") == (None, None, 1.0)
    assert _look(s, "Leave") == (None, None, 1.0)
    assert scene.edge_item(s.ids["Check in->Leave"]).opacity() == 1.0
    assert not legend.isVisible() and combo.currentData() == "none"


def test_severity_and_quality_heat_maps_follow_edits(sample, qtbot):
    s = sample
    _annotate(s)
    s.ui.highlight_actions["severity"].trigger()
    assert _look(s, "Greet")[:2] == (
        theme.severity_colour(4),
        tint(theme.severity_colour(4)),
    )
    assert _look(s, "Leave") == (None, None, 1.0)  # closed gaps are left out
    assert _look(s, "Arrive")[2] == 1.0  # nothing is dimmed in a heat map

    # a new gap through the Gaps tab: the colours follow at once
    tab = s.show_tab("gap")
    s.click_node("Arrive")
    tab.add_actions[2].trigger()
    tab.severity.setFocus()
    qtbot.keyClick(tab.severity, Qt.Key.Key_Up)
    qtbot.keyClick(tab.severity, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: _look(s, "Arrive")[0] == theme.severity_colour(5))
    s.stack.undo()
    qtbot.waitUntil(lambda: _look(s, "Arrive")[0] == theme.severity_colour(3))

    s.ui.highlight_actions["quality"].trigger()
    assert _look(s, "Check in")[0] == theme.rating_colour(4)  # mean of 2 and 6
    assert _look(s, "Greet")[0] is None
    legend = s.ui.highlight.legend
    assert legend.entry_texts()[0] == "1 very poor"
    # the legend was rebuilt while shown: every line is visible and fits
    labels = [legend.grid.itemAt(i).widget() for i in range(legend.grid.count())]
    assert len(labels) == 1 + 7 * 2 + 1 and all(w.isVisible() for w in labels)
    assert legend.height() >= legend.sizeHint().height() > 100


def test_dim_what_is_not_annotated_and_move_with_the_tab(sample):
    s = sample
    s.ui.highlight.set_mode("annotated")
    assert _look(s, "Check in")[2] == 1.0  # it has a rating
    assert _look(s, "Arrive")[2] == DIM
    # another diagram's tab: the mode moves there, the old scene is plain again
    old_scene = s.scene()
    s.window.open_diagram(s.ids["payment"])
    assert old_scene.node_item(s.ids["Arrive"]).opacity() == 1.0
    assert _look(s, "Pay bill")[2] == 1.0 and _look(s, "Take payment")[2] == DIM
    assert s.ui.highlight.legend.parentWidget() is s.window.current_view()
    # closing the tab with the legend on it, then showing another: a new legend
    s.window.close_tab(s.window.tabs.currentIndex())
    s.window.open_diagram(s.ids["stay"])
    assert _look(s, "Arrive")[2] == DIM
    assert s.ui.highlight.legend.isVisible()


def test_the_colour_blind_preference_changes_the_heat_map(sample):
    s = sample
    _annotate(s)
    s.ui.highlight.set_mode("severity")
    workspace = s.window.workspace
    workspace.apply_preferences(replace(workspace.preferences, colour_blind=True))
    cb = theme.severity_colour(4, colour_blind=True)
    assert cb != theme.severity_colour(4)
    assert _look(s, "Greet")[0] == cb
    assert s.ui.highlight.legend.legend.entries[0][0] == theme.CB_SEVERITY_COLOURS[0]


def test_the_panels_follow_the_dark_theme(sample):
    s = sample
    workspace = s.window.workspace
    light = workspace.preferences
    panel = s.ui.analysis
    s.qtbot.waitUntil(lambda: panel.runner.result is not None)
    assert "#1f2328" in s.ui.gaps.styleSheet()  # light ink
    try:
        workspace.apply_preferences(replace(light, theme="dark"))
        assert "#1f2328" not in s.ui.gaps.styleSheet()
        assert "#e6edf3" in s.ui.gaps.styleSheet()  # the dark theme's ink
        assert "#e6edf3" in panel.summary.toHtml().lower()
    finally:
        workspace.apply_preferences(light)
    assert "#1f2328" in s.ui.gaps.styleSheet()
