"""The Quality, SERVQUAL and Notes tabs driven like a user, with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from blueprint.model.catalogue import CRITERIA, SERVQUAL_DIMENSIONS


def _row(tab, criterion: str):
    return next(r for r in tab.rows if r.criterion.id == criterion)


def test_rate_criteria_with_evidence_and_undo(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("quality")
    s.click_node("Greet")
    node = s.ids["Greet"]
    assert len(tab.rows) == 6 and not s.annotations("quality", node)
    row = _row(tab, "attitudes")
    assert CRITERIA["attitudes"].definition in row.label.toolTip()
    assert CRITERIA["attitudes"].definition in row.rating.toolTip()
    assert not row.evidence.isEnabled()  # rate first

    steps = s.stack.count()
    row.rating.setFocus()
    for _ in range(3):
        qtbot.keyClick(row.rating, Qt.Key.Key_Up)
    (rating,) = s.annotations("quality", node)
    assert (rating.body.criterion, rating.body.rating) == ("attitudes", 3)
    assert s.stack.count() == steps + 1  # creating and stepping up: one undo step
    assert row.rating.text() == "3 / 7"
    assert row.evidence.isEnabled()
    qtbot.keyClicks(row.evidence, "Staff look away")
    assert s.doc.get(rating.id).body.evidence == "Staff look away"
    assert s.stack.count() == steps + 2
    assert s.scene().node_item(node).quality  # the quality dot on the canvas
    assert "Mean rating 3.0" in tab.summary.text()

    s.stack.undo()
    assert row.evidence.text() == ""
    s.stack.undo()
    assert row.rating.text() == "—" and not s.annotations("quality", node)
    assert not row.evidence.isEnabled()
    s.stack.redo()
    assert row.rating.value() == 3

    # back to "—" removes the rating
    row.rating.setFocus()
    for _ in range(3):
        qtbot.keyClick(row.rating, Qt.Key.Key_Down)
    assert not s.annotations("quality", node)
    assert s.scene().node_item(node).quality == []


def test_the_quality_tab_shows_existing_ratings(sample):
    s = sample
    tab = s.show_tab("quality")
    s.click_node("Check in")
    row = _row(tab, "reliability")
    assert row.rating.value() == 2 and row.evidence.text() == "Queue of twenty"
    tabs = s.window.inspector.tabs
    assert tabs.tabText(s.ui.tab_index["quality"]) == "Quality (1)"


def test_servqual_scores_show_p_minus_e_live(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("servqual")
    s.click_empty()
    diagram = s.ids["stay"]
    row = next(r for r in tab.rows if r.dimension.id == "reliability")
    assert SERVQUAL_DIMENSIONS["reliability"].definition in row.measured.toolTip()
    assert not row.expectation.isEnabled() and row.gap.text() == "not measured"

    qtbot.mouseClick(row.measured, Qt.MouseButton.LeftButton)
    (score,) = s.annotations("servqual", diagram)
    assert score.target_kind == "diagram" and score.body.dimension == "reliability"
    assert row.expectation.isEnabled() and row.gap.text() == "P − E  0.00"

    steps = s.stack.count()
    row.expectation.selectAll()
    qtbot.keyClicks(row.expectation, "6.5")
    assert row.gap.text() == "P − E  −2.50"  # live, while typing
    row.perception.selectAll()
    qtbot.keyClicks(row.perception, "5")
    assert row.gap.text() == "P − E  −1.50"
    row.weight.selectAll()
    qtbot.keyClicks(row.weight, "40")
    body = s.doc.get(score.id).body
    assert (body.expectation, body.perception, body.weight) == (6.5, 5.0, 40.0)
    assert s.stack.count() == steps + 3  # one step per field, typing merged
    assert "−1.50" in tab.summary.text()  # the unweighted SERVQUAL of the target

    other = next(r for r in tab.rows if r.dimension.id == "empathy")
    qtbot.mouseClick(other.measured, Qt.MouseButton.LeftButton)
    other.perception.selectAll()
    qtbot.keyClicks(other.perception, "5")
    assert other.gap.text() == "P − E  +1.00"
    # (−1.50 + 1.00) / 2 unweighted; weights 40 and 20 rescaled to 2/3 and 1/3
    assert "−0.25" in tab.summary.text() and "−0.67" in tab.summary.text()
    assert "rescaled" in tab.summary.text()

    s.stack.undo()  # empathy perception
    assert other.gap.text() == "P − E  0.00"
    s.stack.undo()  # empathy measured
    assert other.gap.text() == "not measured"
    s.stack.undo()  # weight
    assert row.weight.value() == 20.0
    s.stack.undo()  # perception
    assert row.gap.text() == "P − E  −2.50"  # E 6.5, P back to 4

    qtbot.mouseClick(row.measured, Qt.MouseButton.LeftButton)  # untick: removed
    assert not s.annotations("servqual", diagram)
    s.stack.undo()
    assert len(s.annotations("servqual", diagram)) == 1 and row.measured.isChecked()


def test_notes_add_edit_remove_and_undo(sample):
    s, qtbot = sample, sample.qtbot
    tab = s.show_tab("note")
    s.click_node("Arrive")
    node = s.ids["Arrive"]
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    (card,) = tab.cards
    qtbot.keyClicks(card.text, "Ask about parking")
    (note,) = s.annotations("note", node)
    assert note.body.text == "Ask about parking"
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(tab.cards) == 2
    qtbot.mouseClick(tab.cards[0].remove, Qt.MouseButton.LeftButton)
    assert [a.body.text for a in s.annotations("note", node)] == [""]
    s.stack.undo()
    assert [c.text.toPlainText() for c in tab.cards] == ["Ask about parking", ""]
    s.stack.undo()
    s.stack.undo()
    assert tab.cards[0].text.toPlainText() == ""
    s.stack.undo()
    assert tab.cards == [] and tab.hint.text() == "No notes here yet."
