"""The analysis panel: findings and summaries of the shown diagram, analysed on a
worker thread after edits settle, without holding up the editor."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from blueprint.analysis import analyse_diagram
from blueprint.model import Edge, new_id
from blueprint.ui.analysis_panel import DEBOUNCE_MS


def _panel(s):
    panel = s.ui.analysis
    panel.show()
    panel.raise_()
    s.qtbot.waitUntil(lambda: panel.runner.result is not None)
    return panel


def test_a_known_finding_and_a_click_selects_its_step(sample):
    s = sample
    panel = _panel(s)
    titles = panel.finding_titles()
    assert '"Lonely step" has no connections' in titles
    row = titles.index('"Lonely step" has no connections')
    item = panel.findings.item(row)
    assert "No connector joins this step" in item.toolTip()
    rect = panel.findings.visualItemRect(item)
    QTest.mouseClick(
        panel.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert s.scene().selected_ids() == [s.ids["Lonely step"]]
    assert "No connector joins this step" in panel.explanation.text()
    # the inspector follows the selection as for a click on the canvas
    assert s.window.inspector.ids == (s.ids["Lonely step"],)

    html = panel.summary.toHtml()
    for words in (
        "Customer journey",
        "Timing",
        "Gaps",
        "Quality scorecard",
        "SERVQUAL",
    ):
        assert words in html
    assert "Arrive" in html and "Reliability and trustworthiness" in html


def test_a_journey_step_in_the_summary_selects_it(sample):
    s = sample
    panel = _panel(s)
    panel.summary.anchorClicked.emit(f"node:{s.ids['Check in']}")  # a link click
    assert s.scene().selected_ids() == [s.ids["Check in"]]


def test_the_panel_refreshes_after_an_edit_without_blocking(sample):
    s, qtbot = sample, sample.qtbot
    panel = _panel(s)
    runner = panel.runner
    release = threading.Event()
    entered = threading.Event()

    def slow(snapshot, diagram_id):  # an analysis that takes as long as we like
        entered.set()
        release.wait(10)
        return analyse_diagram(snapshot, diagram_id)

    runner.analyse = slow
    runs = runner.runs
    edge = Edge(new_id(), s.ids["stay"], s.ids["Register guest"], s.ids["Lonely step"])
    s.window.session.push("Connect", lambda: s.doc.add([edge]))
    assert panel.state.text() == "Updating…"
    assert runner.runs == runs  # debounced: nothing starts at once
    qtbot.waitUntil(lambda: runner.runs == runs + 1, timeout=DEBOUNCE_MS + 2000)
    assert entered.wait(5)
    # the analysis is running on the worker; the GUI thread is free meanwhile
    started = time.perf_counter()
    s.window.session.push(
        "Rename", lambda: s.doc.update(s.ids["Arrive"], label="Come in")
    )
    qtbot.wait(50)
    assert time.perf_counter() - started < 1.0
    assert '"Lonely step" has no connections' in panel.finding_titles()  # old result
    release.set()
    # the first run's result is stale (renamed meanwhile): dropped; a second run
    # analyses the newest state
    qtbot.waitUntil(lambda: runner.runs == runs + 2, timeout=5000)
    qtbot.waitUntil(lambda: not runner.busy and panel.state.text() == "Up to date")
    assert '"Lonely step" has no connections' not in panel.finding_titles()
    assert "Come in" in panel.summary.toPlainText()


def test_edits_in_a_burst_give_one_analysis_and_tabs_switch_it(sample):
    s, qtbot = sample, sample.qtbot
    panel = _panel(s)
    runner = panel.runner
    runs = runner.runs
    for i in range(5):
        s.doc.update(s.ids["Leave"], label=f"Leave {i}")
    qtbot.waitUntil(lambda: not runner.busy and runner.runs > runs)
    qtbot.wait(DEBOUNCE_MS + 50)
    assert runner.runs == runs + 1
    assert "Leave 4" in panel.summary.toPlainText()

    s.window.open_diagram(s.ids["payment"])
    qtbot.waitUntil(lambda: panel.title.text() == "Payment" and not runner.busy)
    assert "Pay bill" in panel.summary.toPlainText()
    assert "Card reader" not in panel.summary.toPlainText()
    assert "1 marked: 1 open" in panel.summary.toPlainText()
