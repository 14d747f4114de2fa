"""Random edit sequences: each inverse restores the previous state; no dangling refs."""

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from blueprint.model import (
    Annotation,
    DomainError,
    Edge,
    GapFinding,
    Node,
    QualityRating,
    new_id,
)
from blueprint.model.factory import new_document

coords = st.floats(min_value=-100, max_value=2000, allow_nan=False)


class DocumentMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.doc = new_document("Machine")
        self.diagram = self.doc.diagrams()[0].id
        self.history = []  # (state before, inverse)

    def _do(self, edit):
        before = self.doc.state()
        inverse = edit()
        self.history.append((before, inverse))

    def _nodes(self):
        return [n.id for n in self.doc.nodes(self.diagram)]

    @rule(x=coords, lane=st.integers(0, 2), label=st.text(min_size=1, max_size=20))
    def add_node(self, x, lane, label):
        if not label.strip() or "\x00" in label:
            return
        lane_id = self.doc.lanes(self.diagram)[lane].id
        node = Node(
            new_id(), self.diagram, lane_id, label=label, x=x, y=lane * 140 + 10
        )
        self._do(lambda: self.doc.add([node]))

    @precondition(lambda self: len(self._nodes()) >= 2)
    @rule(data=st.data())
    def connect(self, data):
        a, b = data.draw(
            st.lists(st.sampled_from(self._nodes()), min_size=2, max_size=2)
        )
        edge = Edge(new_id(), self.diagram, a, b)
        if a == b:
            try:
                self.doc.add([edge])
            except DomainError:
                return
            raise AssertionError("a self-loop was accepted")
        self._do(lambda: self.doc.add([edge]))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), x=coords, y=coords)
    def move(self, data, x, y):
        n = data.draw(st.sampled_from(self._nodes()))
        self._do(lambda: self.doc.move_nodes({n: (x, y)}))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data(), gap=st.integers(1, 5), rating=st.integers(1, 7))
    def annotate(self, data, gap, rating):
        n = data.draw(st.sampled_from(self._nodes()))
        body = data.draw(
            st.sampled_from([GapFinding(gap), QualityRating("recovery", rating)])
        )
        ann = Annotation(new_id(), self.diagram, "node", n, body)
        self._do(lambda: self.doc.add([ann]))

    @precondition(lambda self: self._nodes())
    @rule(data=st.data())
    def delete(self, data):
        n = data.draw(st.sampled_from(self._nodes()))
        self._do(lambda: self.doc.remove([n]))

    @rule(lane=st.integers(0, 2), index=st.integers(0, 2))
    def move_lane(self, lane, index):
        lane_id = self.doc.lanes(self.diagram)[lane].id
        self._do(lambda: self.doc.move_lane(lane_id, index))

    @rule(lane=st.integers(0, 2), height=st.floats(40, 400))
    def resize_lane(self, lane, height):
        lane_id = self.doc.lanes(self.diagram)[lane].id
        self._do(lambda: self.doc.set_lane_height(lane_id, height))

    @precondition(lambda self: self.history)
    @rule()
    def undo(self):
        before, inverse = self.history.pop()
        self.doc.apply(inverse)
        assert self.doc.state() == before

    @invariant()
    def no_dangling_references(self):
        state = self.doc.state()
        for e in state.values():
            for ref in ("lane_id", "source_id", "target_id", "below_lane_id"):
                if hasattr(e, ref):
                    assert getattr(e, ref) in state


DocumentMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None
)
TestDocumentMachine = DocumentMachine.TestCase
