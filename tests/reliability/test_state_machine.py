"""A hypothesis state machine over the model, the editor's undo stack and the store:
random add/move/connect/annotate/delete/undo/redo/save/load. Invariants: no
dangling references; the working copy always holds the document (what recovery
would restore); save then load gives the document back; undo of everything
restores the start and redo of everything the end.

tests/model/test_document_state_machine.py checks the model's inverses alone;
this one adds the QUndoStack commands, the working copy and the project file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QUndoStack

from blueprint.model import (
    Annotation,
    Edge,
    GapFinding,
    Node,
    NoteText,
    QualityRating,
    ServqualScore,
    new_id,
)
from blueprint.model.templates import new_from_template
from blueprint.store import EditSession, load_document
from blueprint.store.files import read_document
from blueprint.ui.commands import DocumentCommand

labels = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
).filter(str.strip)
coords = st.floats(min_value=-50, max_value=3000, allow_nan=False)
bodies = st.one_of(
    st.builds(GapFinding, st.integers(1, 5), labels, severity=st.integers(1, 5)),
    st.builds(
        QualityRating, st.sampled_from(["reliability", "recovery"]), st.integers(1, 7)
    ),
    st.builds(ServqualScore, st.just("empathy"), st.integers(1, 7), st.integers(1, 7)),
    st.builds(NoteText, labels),
)


class EditorMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="machine-"))
        self.path = self.folder / "machine.blueprint"
        self.session = EditSession.create(new_from_template("service-blueprint"))
        self.session.save_as(self.path)
        self._start()

    def _start(self) -> None:
        self.doc = self.session.document
        self.diagram = self.doc.diagrams()[0].id
        self.stack = QUndoStack()
        self.start = self.doc.state()  # what undo of everything returns to
        self.saved = self.doc.state()

    def _push(self, text: str, edit) -> None:
        self.stack.push(DocumentCommand(self.doc, text, edit))

    def _nodes(self) -> list[str]:
        return [n.id for n in self.doc.nodes(self.diagram)]

    def teardown(self) -> None:
        self.session.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- edits ------------------------------------------------------------------

    @rule(lane=st.integers(0, 4), x=coords, label=labels)
    def add_node(self, lane, x, label):
        lanes = self.doc.lanes(self.diagram)
        lane_id = lanes[lane % len(lanes)].id
        top = sum(la.height for la in lanes[: lane % len(lanes)])
        node = Node(new_id(), self.diagram, lane_id, label=label, x=x, y=top + 10)
        self._push("Add", lambda: self.doc.add([node]))

    @precondition(lambda self: len(self._nodes()) >= 2)
    @rule(data=st.data())
    def connect(self, data):
        a, b = data.draw(
            st.lists(
                st.sampled_from(self._nodes()), min_size=2, max_size=2, unique=True
            )
        )
        edge = Edge(new_id(), self.diagram, a, b)
        self._push("Connect", lambda: self.doc.add([edge]))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), x=coords, y=coords)
    def move(self, data, x, y):
        n = data.draw(st.sampled_from(self._nodes()))
        self._push("Move", lambda: self.doc.move_nodes({n: (x, y)}))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), body=bodies)
    def annotate(self, data, body):
        n = data.draw(st.sampled_from(self._nodes()))
        note = Annotation(new_id(), self.diagram, "node", n, body)
        self._push("Annotate", lambda: self.doc.add([note]))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data())
    def delete(self, data):
        n = data.draw(st.sampled_from(self._nodes()))
        self._push("Delete", lambda: self.doc.remove([n]))

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self):
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self):
        self.stack.redo()

    # -- files ------------------------------------------------------------------

    @rule()
    def save(self):
        self.session.save()
        self.saved = self.doc.state()
        assert load_document(self.path).state() == self.saved
        assert not self.session.has_unsaved_changes

    @rule()
    def load(self):
        """Close without saving and open the file again: the last save comes back."""
        self.session.close()
        self.session = EditSession.open(self.path)
        assert not self.session.read_only
        self._start()
        assert self.doc.state() == self.saved

    @precondition(lambda self: self.stack.count())
    @rule()
    def undo_all_and_redo_all(self):
        end, index = self.doc.state(), self.stack.index()
        self.stack.setIndex(0)
        assert self.doc.state() == self.start
        self.stack.setIndex(self.stack.count())
        self.stack.setIndex(index)
        assert self.doc.state() == end

    # -- invariants -----------------------------------------------------------------

    @invariant()
    def no_dangling_references(self):
        state = self.doc.state()
        for e in state.values():
            for ref in ("diagram_id", "lane_id", "source_id", "target_id"):
                value = getattr(e, ref, None)
                if value is not None:
                    assert value in state, (e, ref)
            if isinstance(e, Annotation):
                assert e.target_id in state, e

    @invariant()
    def the_working_copy_holds_the_document(self):
        self.session.flush()  # as the editor does whenever its event loop goes idle
        copy = read_document(self.session.working_copy.db, self.session._raw)
        assert copy.state() == self.doc.state()


def test_editing_saving_and_loading_keep_every_invariant(isolated, long_mode):
    run_state_machine_as_test(
        EditorMachine,
        settings=settings(
            max_examples=200 if long_mode else 20,
            stateful_step_count=50 if long_mode else 25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_the_machine_finds_a_working_copy_that_misses_deletions(isolated, monkeypatch):
    """A test that cannot fail is a defect: a store that forgets deletions fails."""
    from blueprint.store import commit

    def forgetful(conn, event):
        commit.write_change(conn, type(event)(event.added, event.updated, ()))

    monkeypatch.setattr("blueprint.store.session.write_change", forgetful)
    with pytest.raises(AssertionError):
        run_state_machine_as_test(
            EditorMachine,
            settings=settings(
                max_examples=50,
                stateful_step_count=25,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
                derandomize=True,  # the same examples each run: never a lucky miss
            ),
        )
