"""Nodes and connectors check the usual values in one quick expression and send
anything else to the full checks: whatever the quick path accepts, the full
checks must accept too, and the usual values must take the quick path."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.model import DomainError, Edge, Node, Style
from blueprint.model.catalogue import EDGE_KINDS
from blueprint.model.notations import NODE_KINDS

IDS = ["", "n1", "x" * 64, "x" * 65, 7, None]
TEXTS = [
    "",
    " ",
    "\t\n",
    "Step",
    "a\x00b",
    "Café",
    "\ud800",
    "x" * 20_001,
    3,
    None,
    [1],
]
NUMBERS = [9.99, 10.0, 1e9, 1e9 + 1, -1e9, -1e9 - 1, 0.0, -0.0, -1.0, 5, 10**10]
NUMBERS += [math.nan, math.inf, -math.inf, True, None, "1"]
FLAGS = [True, False, 0, 1, None, "yes"]
KINDS = [*NODE_KINDS, *EDGE_KINDS, "nope", [1], None]
NODE_FIELDS = {
    "id": IDS,
    "diagram_id": IDS,
    "lane_id": IDS,
    "kind": KINDS,
    "label": TEXTS,
    "description": TEXTS,
    "x": NUMBERS,
    "y": NUMBERS,
    "width": NUMBERS,
    "height": NUMBERS,
    "style": [Style(), Style("#ffffff"), None, "red"],
    "duration": NUMBERS,
    "wait_time": NUMBERS,
    "moment_of_truth": FLAGS,
    "fail_point": FLAGS,
    "wait_point": FLAGS,
}
EDGE_FIELDS = {
    "id": IDS,
    "diagram_id": IDS,
    "source_id": IDS,
    "target_id": IDS,
    "kind": KINDS,
    "label": TEXTS,
    "support_type": [None, "person", "nope", 1],
    "gap": [None, 0, 1, 5, 6, True, 2.0],
    "routing": ["orthogonal", "straight", "curved", None],
    "waypoints": [(), ((1.0, 2.0),), ((math.nan, 0.0),), [(1.0, 2.0)], ("x",)],
}
NODE = {"id": "n1", "diagram_id": "d", "lane_id": "l1", "x": 1.0, "y": 2.0}
EDGE = {"id": "e1", "diagram_id": "d", "source_id": "n1", "target_id": "n2"}


def _accepts_only_what_the_full_checks_accept(cls, values: dict) -> None:
    try:
        made = cls(**values)
    except DomainError:
        return
    made._validate()  # must not raise


@pytest.mark.parametrize(
    ("cls", "base", "pool"), [(Node, NODE, NODE_FIELDS), (Edge, EDGE, EDGE_FIELDS)]
)
def test_every_single_unusual_value_gets_the_full_checks(cls, base, pool) -> None:
    for name, candidates in pool.items():
        for value in candidates:
            _accepts_only_what_the_full_checks_accept(cls, {**base, name: value})


def _mixes(base: dict, pool: dict):
    return st.fixed_dictionaries(
        {}, optional={name: st.sampled_from(values) for name, values in pool.items()}
    ).map(lambda changes: {**base, **changes})


@settings(max_examples=300, deadline=None)
@given(_mixes(NODE, NODE_FIELDS))
def test_any_mix_a_node_accepts_passes_the_full_checks(values) -> None:
    _accepts_only_what_the_full_checks_accept(Node, values)


@settings(max_examples=300, deadline=None)
@given(_mixes(EDGE, EDGE_FIELDS))
def test_any_mix_an_edge_accepts_passes_the_full_checks(values) -> None:
    _accepts_only_what_the_full_checks_accept(Edge, values)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Node("n1", "d", "l1", "action", "Greet", "At the door", 1.0, 2.0),
        lambda: Node("n1", "d", "l1", label="Pay", duration=3.0, fail_point=True),
        lambda: Edge("e1", "d", "n1", "n2"),
        lambda: Edge("e1", "d", "n1", "n2", "support", "data", routing="straight"),
    ],
)
def test_usual_values_take_the_quick_path(monkeypatch, make) -> None:
    calls = []
    for cls in (Node, Edge):
        monkeypatch.setattr(cls, "_validate", lambda self: calls.append(self))
    make()
    assert calls == []


def test_an_unusual_value_still_gets_a_precise_error() -> None:
    with pytest.raises(DomainError, match=r"node\.kind.*unknown value \[1\]"):
        Node("n1", "d", "l1", kind=[1])  # type: ignore[arg-type]
    with pytest.raises(DomainError, match=r"node\.width.*at least 10"):
        Node("n1", "d", "l1", width=9.5)
    with pytest.raises(DomainError, match=r"edge\.label.*NUL"):
        Edge("e1", "d", "n1", "n2", label="a\x00b")
