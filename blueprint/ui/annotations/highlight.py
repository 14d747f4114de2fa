"""Highlight modes: which nodes to colour or dim for a view of the annotations.

Pure computation from the Document (the controller in highlight_view.py applies it
to a scene): only gap N, worst open gap severity, mean quality rating as a heat
map, or everything not annotated dimmed. Colours come from the theme, in its
colour-blind-safe palette when that preference is on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from blueprint import theme
from blueprint.model import Document, GapFinding, QualityRating
from blueprint.model.catalogue import (
    GAPS,
    SCALE_MAX,
    SCALE_MIN,
    SEVERITY_MAX,
    SEVERITY_MIN,
)

NONE = "none"
SEVERITY = "severity"
QUALITY = "quality"
ANNOTATED = "annotated"
GAP_MODES = {f"gap{n}": n for n in GAPS}
MODES: dict[str, str] = {
    NONE: "No Highlight",
    **{mode: f"Only {GAPS[n].title}" for mode, n in GAP_MODES.items()},
    SEVERITY: "Worst Gap Severity",
    QUALITY: "Mean Quality Rating",
    ANNOTATED: "Dim What Is Not Annotated",
}
ANNOTATED_COLOUR = "#1f6feb"  # the project accent: "this has annotations"
DIM = 0.22  # opacity of what a mode puts in the background
TINT = 0.6  # how much of a heat map's colour fills a node's body
SEVERITY_WORDS = ("minor", "moderate", "serious", "major", "critical")
RATING_WORDS = {1: "very poor", 4: "neutral", 7: "excellent"}


@dataclass(frozen=True)
class Legend:
    title: str
    entries: tuple[tuple[str, str], ...] = ()  # (colour, text)
    note: str = ""


@dataclass(frozen=True)
class Highlight:
    """What a mode does to one diagram: halo and body colours, and what to dim."""

    mode: str
    colours: dict[str, str] = field(default_factory=dict)  # node id -> halo
    fills: dict[str, str] = field(default_factory=dict)  # node id -> body colour
    dimmed_nodes: frozenset[str] = frozenset()
    dimmed_edges: frozenset[str] = frozenset()
    legend: Legend | None = None


def tint(colour: str, strength: float = TINT) -> str:
    """A colour mixed with white: a heat map's body colour that text stays
    readable on, while the halo shows the full colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(255 - (255 - c) * strength) for c in (r, g, b))
    return "#{:02x}{:02x}{:02x}".format(*mix)


def _tints(colours: dict[str, str]) -> dict[str, str]:
    return {n: tint(c) for n, c in colours.items()}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def severity_entries(colour_blind: bool) -> tuple[tuple[str, str], ...]:
    return tuple(
        (theme.severity_colour(s, colour_blind), f"{s} {SEVERITY_WORDS[s - 1]}")
        for s in range(SEVERITY_MIN, SEVERITY_MAX + 1)
    )


def rating_entries(colour_blind: bool) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            theme.rating_colour(r, colour_blind),
            f"{r} {RATING_WORDS[r]}" if r in RATING_WORDS else str(r),
        )
        for r in range(SCALE_MIN, SCALE_MAX + 1)
    )


def compute(
    doc: Document, diagram_id: str, mode: str, colour_blind: bool = False
) -> Highlight:
    """The highlight of one diagram in a mode (NONE gives an empty one)."""
    if mode == NONE or mode not in MODES:
        return Highlight(NONE)
    annotations = doc.annotations(diagram_id)
    node_ids = {n.id for n in doc.nodes(diagram_id)}
    edge_ids = {e.id for e in doc.edges(diagram_id)}
    if mode in GAP_MODES:
        number = GAP_MODES[mode]
        worst: dict[str, int] = defaultdict(int)
        marked_edges: set[str] = set()
        on_diagram = 0
        for a in annotations:
            body = a.body
            if isinstance(body, GapFinding) and body.gap == number:
                if a.target_kind == "node":
                    worst[a.target_id] = max(worst[a.target_id], body.severity)
                elif a.target_kind == "edge":
                    marked_edges.add(a.target_id)
                else:
                    on_diagram += 1
        colours = {n: theme.severity_colour(s, colour_blind) for n, s in worst.items()}
        note = (
            f"{_plural(len(worst), 'step')}, {_plural(len(marked_edges), 'connector')}"
        )
        if on_diagram:
            note += f"; {on_diagram} on the whole diagram"
        return Highlight(
            mode,
            colours,
            _tints(colours),
            frozenset(node_ids - worst.keys()),
            frozenset(edge_ids - marked_edges),
            Legend(
                f"{GAPS[number].title} by severity",
                severity_entries(colour_blind),
                note,
            ),
        )
    if mode == SEVERITY:
        worst = defaultdict(int)
        for a in annotations:
            body = a.body
            if (
                isinstance(body, GapFinding)
                and a.target_kind == "node"
                and body.status != "closed"
            ):
                worst[a.target_id] = max(worst[a.target_id], body.severity)
        colours = {n: theme.severity_colour(s, colour_blind) for n, s in worst.items()}
        return Highlight(
            mode,
            colours,
            _tints(colours),
            legend=Legend(
                "Worst open gap severity",
                severity_entries(colour_blind),
                f"{_plural(len(worst), 'step')} with open gaps; closed gaps left out",
            ),
        )
    if mode == QUALITY:
        ratings: dict[str, list[int]] = defaultdict(list)
        for a in annotations:
            if isinstance(a.body, QualityRating) and a.target_kind == "node":
                ratings[a.target_id].append(a.body.rating)
        colours = {
            n: theme.rating_colour(sum(r) / len(r), colour_blind)
            for n, r in ratings.items()
        }
        return Highlight(
            mode,
            colours,
            _tints(colours),
            legend=Legend(
                "Mean quality rating",
                rating_entries(colour_blind),
                f"{_plural(len(ratings), 'step')} rated",
            ),
        )
    # ANNOTATED
    nodes = {a.target_id for a in annotations if a.target_kind == "node"}
    edges = {a.target_id for a in annotations if a.target_kind == "edge"}
    return Highlight(
        mode,
        {n: ANNOTATED_COLOUR for n in nodes},
        {},
        frozenset(node_ids - nodes),
        frozenset(edge_ids - edges),
        Legend(
            "Annotated",
            ((ANNOTATED_COLOUR, "has annotations"), ("#d0d7de", "none (dimmed)")),
            f"{_plural(len(nodes), 'step')}, {_plural(len(edges), 'connector')}",
        ),
    )
