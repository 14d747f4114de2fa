"""The annotation register: every annotation in one table that sorts, filters,
jumps to the annotated step and exports CSV; fast on thousands of annotations."""

from __future__ import annotations

import csv
import time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from blueprint.model import (
    Annotation,
    GapFinding,
    NoteText,
    QualityRating,
    ServqualScore,
    new_id,
)
from blueprint.model.record import values
from blueprint.ui.annotations.register import (
    DIAGRAM,
    ITEM,
    OWNER,
    TARGET,
    TYPE,
    VALUE,
    RegisterFilter,
    RegisterModel,
)


def _register(s):
    dock = s.ui.register
    dock.show()
    dock.raise_()
    s.qtbot.waitExposed(dock.table)
    return dock


def _click_header(dock, column: int) -> None:
    header = dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(x, header.height() // 2),
    )


def _add_more(s) -> None:
    stay, pay = s.ids["stay"], s.ids["payment"]
    s.doc.add(
        [
            Annotation(
                new_id(),
                stay,
                "node",
                s.ids["Greet"],
                GapFinding(
                    3, "Nobody at the door", severity=2, owner="Anna", status="closed"
                ),
            ),
            Annotation(
                new_id(),
                stay,
                "edge",
                s.ids["Arrive->Greet"],
                GapFinding(1, "Guests' wishes unknown", severity=3),
            ),
            Annotation(
                new_id(), stay, "diagram", stay, ServqualScore("empathy", 6.0, 4.5, 30)
            ),
            Annotation(
                new_id(),
                pay,
                "node",
                s.ids["Take payment"],
                NoteText("Look at the tip screen"),
            ),
        ]
    )


def test_the_register_lists_sorts_and_filters_every_annotation(sample):
    s = sample
    dock = _register(s)
    assert dock.model.rowCount() == 2  # the sample's gap and rating
    _add_more(s)  # follows the document
    assert dock.count.text() == "6 annotations"
    assert sorted(dock.column_texts(TARGET)) == sorted(
        [
            "Pay bill",
            "Check in",
            "Greet",
            "Arrive → Greet",
            "whole diagram",
            "Take payment",
        ]
    )
    row = dock.column_texts(TARGET).index("whole diagram")
    assert dock.proxy.index(row, VALUE).data() == "−1.50"
    assert dock.proxy.index(row, ITEM).data() == "Empathy"

    _click_header(dock, VALUE)  # ascending: notes (no value), P − E, ratings…
    values = dock.column_texts(VALUE)
    assert values == ["", "−1.50", "2 / 7", "Severity 2", "Severity 3", "Severity 5"]
    _click_header(dock, VALUE)
    down = dock.column_texts(VALUE)  # rating 2 and severity 2 tie
    assert down[:2] == ["Severity 5", "Severity 3"] and down[-2:] == ["−1.50", ""]
    _click_header(dock, OWNER)
    assert dock.column_texts(OWNER)[-2:] == ["Anna", "Zoë"]

    QTest.keyClicks(dock.filter, "wishes")
    assert dock.column_texts(TARGET) == ["Arrive → Greet"]
    assert dock.count.text() == "1 of 6"
    dock.filter.clear()
    dock.types.setFocus()
    QTest.keyClick(dock.types, Qt.Key.Key_Down)  # Gaps
    assert set(dock.column_texts(TYPE)) == {"Gap"} and dock.proxy.rowCount() == 3
    QTest.keyClicks(dock.filter, "payment")  # a diagram's name matches too
    assert dock.column_texts(DIAGRAM) == ["Payment"]
    QTest.keyClick(dock.types, Qt.Key.Key_Down)  # Quality ratings
    assert dock.proxy.rowCount() == 0

    # edits, renames and undo show at once
    dock.filter.clear()
    dock.types.setCurrentIndex(0)
    s.doc.update(s.ids["Greet"], label="Welcome")
    assert "Welcome" in dock.column_texts(TARGET)
    assert "Welcome → Greet" not in dock.column_texts(TARGET)
    assert "Arrive → Welcome" in dock.column_texts(TARGET)
    s.doc.update(s.ids["payment"], name="Paying")
    assert "Paying" in dock.column_texts(DIAGRAM)
    s.doc.remove([s.ids["Greet"]])  # its annotations go with it
    assert dock.model.rowCount() == 4


def test_double_click_jumps_to_the_step_in_its_diagram(sample):
    s = sample
    dock = _register(s)
    assert s.window.current_diagram_id() == s.ids["stay"]
    row = dock.column_texts(TARGET).index("Pay bill")
    rect = dock.table.visualRect(dock.proxy.index(row, TARGET))
    for click in (QTest.mouseClick, QTest.mouseDClick):  # as a real double click
        click(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert s.window.current_diagram_id() == s.ids["payment"]
    scene, view = s.scene(), s.window.current_view()
    assert scene.selected_ids() == [s.ids["Pay bill"]]
    item = scene.node_item(s.ids["Pay bill"])
    centre = view.mapFromScene(item.sceneBoundingRect().center())
    middle = view.viewport().rect().center()
    assert (centre - middle).manhattanLength() < 40
    inspector = s.window.inspector
    assert inspector.tabs.currentIndex() == s.ui.tab_index["gap"]
    assert s.ui.gaps.owner.text() == "Zoë"

    # Enter on a row works as well (keyboard)
    row = dock.column_texts(TARGET).index("Check in")
    dock.table.setCurrentIndex(dock.proxy.index(row, 0))
    dock.table.setFocus()
    QTest.keyClick(dock.table, Qt.Key.Key_Return)
    assert s.window.current_diagram_id() == s.ids["stay"]
    assert s.scene().selected_ids() == [s.ids["Check in"]]
    assert inspector.tabs.currentIndex() == s.ui.tab_index["quality"]


def test_export_the_register_as_csv(sample, prompts, tmp_path):
    s = sample
    dock = _register(s)
    _add_more(s)
    QTest.keyClicks(dock.filter, "stay")
    path = tmp_path / "register.csv"
    prompts.save_paths.append(str(path))
    s.ui.export_action.trigger()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads the accents
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header[:6] == [
        "Diagram",
        "Target",
        "Target kind",
        "Type",
        "Gap / criterion / dimension",
        "Severity / rating / P-E",
    ]
    assert len(body) == 4 and {r[0] for r in body} == {"Stay"}  # only those shown
    by_target = {r[1]: dict(zip(header, r, strict=True)) for r in body}
    greet = by_target["Greet"]
    assert greet["Status"] == "Closed" and greet["Owner"] == "Anna"
    assert greet["Text"] == "Nobody at the door"
    whole = by_target["whole diagram"]
    assert whole["Target kind"] == "diagram"
    assert (whole["Expectation"], whole["Perception"], whole["Weight"]) == (
        "6",
        "4.5",
        "30",
    )
    assert whole["Severity / rating / P-E"] == "-1.50"

    dock.filter.clear()
    prompts.save_paths.append(str(path))
    s.ui.export_action.trigger()
    text = path.read_text(encoding="utf-8-sig")
    assert "Zoë" in text and "Card reader rejects foreign cards" in text
    assert "Exported 6 annotations" in s.window.statusBar().currentMessage()

    # a folder cannot be written: one line naming the file and the reason
    prompts.save_paths.append(str(tmp_path))
    s.ui.export_action.trigger()
    (error,) = prompts.errors
    assert error.startswith(str(tmp_path)) and "\n" not in error
    prompts.save_paths.append(None)  # cancelled: nothing happens
    s.ui.export_action.trigger()
    assert len(prompts.errors) == 1


def test_the_register_is_fast_with_two_thousand_annotations(sample):
    s = sample
    stay = s.ids["stay"]
    nodes = [n.id for n in s.doc.nodes(stay)]
    bodies = [
        lambda i: GapFinding(1 + i % 5, f"Finding {i}", severity=1 + i % 5),
        lambda i: QualityRating("recovery", 1 + i % 7, f"Evidence {i}"),
        lambda i: ServqualScore("tangibles", 1 + i % 7, 4.0),
        lambda i: NoteText(f"Note {i}"),
    ]
    many = [
        Annotation(new_id(), stay, "node", nodes[i % len(nodes)], bodies[i % 4](i), i)
        for i in range(2000)
    ]
    model = RegisterModel()
    proxy = RegisterFilter()
    proxy.setSourceModel(model)
    model.set_document(s.doc)
    start = time.perf_counter()
    s.doc.add(many)  # one event: 2,000 rows appended
    added = time.perf_counter() - start
    assert model.rowCount() == 2002
    start = time.perf_counter()
    proxy.sort(VALUE, Qt.SortOrder.DescendingOrder)
    proxy.set_text("finding 1")
    sorted_filtered = time.perf_counter() - start
    gaps_shown = sum(str(i).startswith("1") for i in range(0, 2000, 4))
    assert proxy.rowCount() == gaps_shown == 277
    start = time.perf_counter()
    for a in many[:50]:  # typing into one field, fifty times
        s.doc.update(a.id, body=a.body.__class__(**values(a.body)))
    s.doc.update(nodes[0], label="Renamed")  # many rows name this step
    edits = time.perf_counter() - start
    start = time.perf_counter()
    s.doc.remove([a.id for a in many[:1000]])
    removed = time.perf_counter() - start
    assert model.rowCount() == 1002
    print(
        f"add {added:.3f}s sort+filter {sorted_filtered:.3f}s "
        f"edits {edits:.3f}s remove {removed:.3f}s"
    )
    assert added < 1.0 and sorted_filtered < 0.5 and edits < 0.5 and removed < 0.5
    model.set_document(None)


def test_the_real_export_dialog_offers_csv(monkeypatch):
    from blueprint.ui.dialogs import prompts

    asked = []

    def fake(parent, title, suggested, kind):
        asked.append((title, kind))
        return ("/somewhere/register", kind)

    monkeypatch.setattr(prompts.QFileDialog, "getSaveFileName", fake)
    path = prompts.Prompts().export_path(None, "Café annotations.csv", ".csv")
    assert path == "/somewhere/register.csv"
    assert asked == [("Export as CSV", "CSV tables (*.csv)")]
