"""Random valid projects for property tests."""

from __future__ import annotations

from itertools import count

from hypothesis import strategies as st

from blueprint.model import (
    Annotation,
    Diagram,
    DividingLine,
    Document,
    Edge,
    GapFinding,
    Lane,
    Node,
    NoteText,
    ProjectInfo,
    QualityRating,
    ServqualScore,
    Stage,
    Style,
)
from blueprint.model.catalogue import (
    CRITERIA,
    EDGE_KINDS,
    GAP_STATUSES,
    LANE_ROLES,
    LINE_KINDS,
    SERVQUAL_DIMENSIONS,
    SUPPORT_TYPES,
)
from blueprint.model.notations import NODE_KINDS, NOTATIONS

# any character SQLite and JSON can carry: no NUL (the model refuses it) and no
# lone surrogates (not Unicode text; the store refuses them with a clear error)
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=20,
)
LABEL = TEXT.filter(lambda s: s.strip())
FINITE = st.floats(-1e9, 1e9)  # the model refuses numbers beyond ±1e9
COLOUR = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
SCALE = st.floats(1, 7)


def _pick(draw, options):
    return draw(st.sampled_from(list(options)))


def _body(draw):
    kind = draw(st.sampled_from(["gap", "quality", "servqual", "note"]))
    if kind == "gap":
        return GapFinding(
            draw(st.integers(1, 5)),
            draw(TEXT),
            draw(TEXT),
            draw(st.integers(1, 5)),
            draw(TEXT),
            draw(TEXT),
            _pick(draw, GAP_STATUSES),
        )
    if kind == "quality":
        return QualityRating(_pick(draw, CRITERIA), draw(st.integers(1, 7)), draw(TEXT))
    if kind == "servqual":
        return ServqualScore(
            _pick(draw, SERVQUAL_DIMENSIONS),
            draw(SCALE | st.integers(1, 7)),
            draw(SCALE),
            draw(st.floats(0, 100)),
        )
    return NoteText(draw(TEXT))


@st.composite
def projects(draw) -> Document:
    ids = (f"id{i}" for i in count())
    logo = st.none() | st.binary(max_size=40).map(lambda b: b"\x89PNG\r\n\x1a\n" + b)
    doc = Document(
        ProjectInfo(
            title=draw(LABEL),
            client=draw(TEXT),
            author=draw(TEXT),
            created=draw(TEXT),
            modified=draw(TEXT),
            accent_colour=draw(COLOUR),
            logo=draw(logo),
        )
    )
    for order in range(draw(st.integers(0, 3))):
        d = Diagram(
            next(ids),
            draw(LABEL),
            _pick(draw, NOTATIONS),
            order,
            draw(st.floats(0.01, 100)),
            draw(FINITE),
            draw(FINITE),
            tuple(draw(st.lists(TEXT, max_size=3))),
        )
        lanes = [
            Lane(
                next(ids),
                d.id,
                draw(LABEL),
                _pick(draw, LANE_ROLES),
                draw(st.floats(20, 100_000)),
                i,
            )
            for i in range(draw(st.integers(1, 4)))
        ]
        lines = [
            DividingLine(
                next(ids), d.id, _pick(draw, LINE_KINDS), _pick(draw, lanes).id
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
        stages = [
            Stage(next(ids), d.id, draw(LABEL), draw(st.floats(20, 1e6)), i)
            for i in range(draw(st.integers(0, 3)))
        ]
        optional_colour = st.none() | COLOUR
        minutes = st.none() | st.floats(0, 1e6)
        nodes = [
            Node(
                next(ids),
                d.id,
                _pick(draw, lanes).id,
                _pick(draw, NODE_KINDS),
                draw(LABEL),
                draw(TEXT),
                draw(FINITE),
                draw(FINITE),
                draw(st.floats(10, 1e6)),
                draw(st.floats(10, 1e6)),
                Style(
                    draw(optional_colour), draw(optional_colour), draw(optional_colour)
                ),
                draw(minutes),
                draw(minutes),
                draw(st.booleans()),
                draw(st.booleans()),
                draw(st.booleans()),
            )
            for _ in range(draw(st.integers(0, 6)))
        ]
        edges = []
        if len(nodes) >= 2:
            for _ in range(draw(st.integers(0, 6))):
                source, target = draw(st.permutations(nodes))[:2]
                edges.append(
                    Edge(
                        next(ids),
                        d.id,
                        source.id,
                        target.id,
                        _pick(draw, EDGE_KINDS),
                        draw(TEXT),
                        draw(st.none() | st.sampled_from(list(SUPPORT_TYPES))),
                        draw(st.none() | st.integers(1, 5)),
                        _pick(draw, ("orthogonal", "straight")),
                        tuple(draw(st.lists(st.tuples(FINITE, FINITE), max_size=3))),
                    )
                )
        targets = [("diagram", d.id)] + [("node", n.id) for n in nodes]
        targets += [("edge", e.id) for e in edges]
        annotations = [
            Annotation(next(ids), d.id, *_pick(draw, targets), _body(draw), order)
            for order in range(draw(st.integers(0, 5)))
        ]
        doc.add([d, *lanes, *lines, *stages, *nodes, *edges, *annotations])
    return doc
