"""Text stress: a 1M-character note and 10k-character labels keep the editor
responsive and the report fast and whole; labels in many scripts survive the
project file, JSON and the PDF's text.

Timings are of one event-loop turn (what a user waits for after an action),
measured while other tests share the machine, so the limits leave room.
"""

from __future__ import annotations

import time
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from blueprint.model import Annotation, Change, Node, NoteText, new_id
from blueprint.model.templates import new_from_template
from blueprint.report import ReportOptions, write_report
from blueprint.store import load_document, read_json, save_document, write_json
from blueprint.ui.annotations.notes_tab import NotesTab
from blueprint.ui.session import Session
from tests.report.report_helpers import page_texts

SENTENCE = "The guest waits at the desk while the porter looks for the key. "
# a pasted interview transcript: paragraphs of twenty sentences
NOTE = ((SENTENCE * 20).strip() + "\n") * (1_000_000 // (len(SENTENCE) * 20) + 1)
NOTE = NOTE[:1_000_000]
# the report's hard case: a million characters without a single line break
ONE_PARAGRAPH = (SENTENCE * (1_000_000 // len(SENTENCE) + 1))[:1_000_000]
LABEL = ("Check the booking, the guest's name and the room " * 220)[:10_000]
TURN = 0.5  # seconds: one event-loop turn after an edit, on a busy machine
LOAD = 1.0  # seconds: showing a step whose note holds a million characters


def stressed_document(note: str = NOTE):
    """A blueprint whose steps have 10,000-character labels, one of them with a
    note of a million characters."""
    doc = new_from_template("service-blueprint")
    d = doc.diagrams()[0].id
    nodes = doc.nodes(d)[:3]
    puts = [n.evolve(label=f"{i} {LABEL}"[:10_000]) for i, n in enumerate(nodes)]
    note = Annotation(new_id(), d, "node", nodes[0].id, NoteText(note))
    doc.apply(Change(puts=(*puts, note)))
    return doc, d, nodes[0].id, note.id


def turn(action) -> float:
    """Seconds for an action and the event-loop turn it causes."""
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - started


def test_editing_beside_huge_texts_stays_responsive(qtbot, workspace):
    doc, _, node_id, note_id = stressed_document()
    window = workspace.show_session(Session.new(doc))
    qtbot.waitExposed(window)
    scene, view = window.current_scene(), window.current_view()
    times = {"paint": turn(view.viewport().repaint)}
    times["select the step"] = turn(lambda: scene.select_ids([node_id]))
    (notes,) = window.findChildren(NotesTab)
    (card,) = notes.cards
    assert card.text.toPlainText() == NOTE
    form = window.inspector.current_form()
    label_field = form.label
    assert label_field.text().startswith("0 Check the booking")

    def type_into_label():
        label_field.setFocus()
        label_field.end(False)
        qtbot.keyClicks(label_field, "!")
        qtbot.keyClick(label_field, Qt.Key.Key_Return)

    times["type into the label"] = turn(type_into_label)
    assert doc.get(node_id).label.endswith("!")

    def type_into_note():
        card.text.moveCursor(card.text.textCursor().MoveOperation.End)
        qtbot.keyClicks(card.text, "?")

    times["type into the note"] = turn(type_into_note)
    assert doc.get(note_id).body.text == NOTE + "?"
    body = NoteText(NOTE[::-1])
    times["replace the note by a command"] = turn(
        lambda: window.session.update(note_id, "Replace note", body=body)
    )
    assert card.text.toPlainText() == NOTE[::-1]
    times["undo"] = turn(window.session.undo_stack.undo)
    times["paint after"] = turn(view.viewport().repaint)
    print({k: f"{v * 1000:.0f} ms" for k, v in times.items()})
    assert times["select the step"] < LOAD, times
    for what, seconds in times.items():
        if what != "select the step":
            assert seconds < TURN, (what, times)


def test_the_report_of_huge_texts_is_fast_and_whole(tmp_path):
    doc, *_ = stressed_document(ONE_PARAGRAPH)
    out = tmp_path / "huge.pdf"
    started, cpu = time.perf_counter(), time.process_time()
    result = write_report(doc, out, ReportOptions())  # every section
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"report: {result.pages} pages, {seconds:.2f} s ({cpu:.2f} s CPU)")
    assert cpu < 5.0, f"{cpu:.2f} s of CPU time"
    text = "".join(page_texts(out)).replace("\n", " ").replace("  ", " ")
    # the whole note is there: every sentence (a page break may fall inside one,
    # so count a word)
    assert text.count("porter") >= ONE_PARAGRAPH.count("porter")
    assert "Check the booking" in text


SCRIPTS = {
    "accents": "Réception – Überprüfung – façade – ñandú",
    "greek": "Υποδοχή πελάτη και έλεγχος κράτησης",
    "cyrillic": "Регистрация гостя и выдача ключа",
    "cjk": "前台登记 チェックイン 체크인",
    "emoji": "Check-in 🛎️ with key 🔑 and smile 😀",
    "combining": "Cafe\u0301 – A\u030a – n\u0303 – Z\u0335\u0327",
}


@pytest.fixture(scope="module")
def unicode_project(tmp_path_factory):
    doc = new_from_template("service-blueprint")
    d = doc.diagrams()[0].id
    lane = doc.lanes(d)[1]
    top = sum(la.height for la in doc.lanes(d)[:1])
    doc.add(
        [
            Node(new_id(), d, lane.id, "action", label, x=900 + 180 * i, y=top + 20)
            for i, label in enumerate(SCRIPTS.values())
        ]
    )
    doc.set_project_info(title="Ünïcødé — Υποδοχή — Регистрация")
    return doc, tmp_path_factory.mktemp("unicode")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_labels_in_every_script_survive_the_file_and_json(unicode_project):
    doc, folder = unicode_project
    d = doc.diagrams()[0].id
    labels = {n.label for n in doc.nodes(d)}
    for label in SCRIPTS.values():  # exactly as typed: no normalisation
        assert label in labels
    save_document(doc, folder / "u.blueprint")
    assert load_document(folder / "u.blueprint").state() == doc.state()
    write_json(doc, folder / "u.json")
    assert read_json(folder / "u.json").state() == doc.state()
    text = (folder / "u.json").read_text(encoding="utf-8")
    for label in SCRIPTS.values():  # as text, not escaped
        assert label in text


@pytest.fixture(scope="module")
def pdf_text(unicode_project) -> str:
    """The report's text, composed (NFC): extractors may compose accents."""
    doc, folder = unicode_project
    out = folder / "u.pdf"
    write_report(doc, out)
    return nfc(" ".join(page_texts(out)))


@pytest.mark.parametrize("script", ["accents", "greek", "cyrillic", "combining"])
def test_labels_in_european_scripts_are_real_text_in_the_pdf(pdf_text, script):
    assert nfc(SCRIPTS[script]) in pdf_text, script


@pytest.mark.parametrize("script", ["cjk", "emoji"])
def test_labels_in_other_scripts_keep_their_latin_words_in_the_pdf(pdf_text, script):
    latin = [w for w in SCRIPTS[script].split() if w.isascii() and w.isalpha()]
    assert all(w in pdf_text for w in latin), (script, latin)


@pytest.mark.xfail(
    strict=True,
    reason="the bundled DejaVu fonts have no CJK or emoji glyphs: the report "
    "draws empty boxes (.notdef) and its text layer holds NUL characters there",
)
@pytest.mark.parametrize("script", ["cjk", "emoji"])
def test_cjk_and_emoji_reach_the_pdf(pdf_text, script):
    assert nfc(SCRIPTS[script]) in pdf_text
