"""Colours, shapes, sizes and fonts by node kind and lane role; stdlib only.

Shared by the canvas, the image export and the PDF report so all of them look alike.
Colours are '#rrggbb' strings. The colour-blind-safe palette uses Okabe & Ito's set.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.model.entities import Node
from blueprint.model.notations import NODE_KINDS

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
LABEL_SIZE = 10.0  # points at 100 % zoom
LANE_TITLE_SIZE = 10.5
LINE_LABEL_SIZE = 8.5
NODE_PADDING = 6.0
CORNER_RADIUS = 8.0
BADGE_SIZE = 16.0

PAPER = "#ffffff"
INK = "#1f2328"
MUTED_INK = "#57606a"
GRID_DOT = "#d0d7de"
SELECTION = "#0969da"
EDGE_INK = "#424a53"

LANE_FILL: dict[str, str] = {
    "physical_evidence": "#f6f8fa",
    "customer": "#eef6ff",
    "onstage": "#f0faf3",
    "backstage": "#fbf8ef",
    "support": "#f7f2fb",
    "management": "#f3f4f6",
    "other": "#f8f9fa",
}
LANE_HEADER_FILL: dict[str, str] = {
    "physical_evidence": "#e4e8ec",
    "customer": "#cfe5ff",
    "onstage": "#d3f0dc",
    "backstage": "#f4eacb",
    "support": "#e8dcf4",
    "management": "#e1e4e8",
    "other": "#e9ecef",
}

LINE_STYLE: dict[str, tuple[str, str]] = {  # kind -> (colour, dash: solid|dash|dot)
    "interaction": ("#0969da", "solid"),
    "visibility": ("#cf222e", "dash"),
    "internal_interaction": ("#8250df", "dot"),
    "implementation": ("#57606a", "dash"),
}

KIND_FILL: dict[str, str] = {
    "action": "#ffffff",
    "evidence": "#fff8c5",
    "decision": "#ffefd5",
    "system": "#e7e1f7",
    "note": "#fffbe6",
    "start": "#dafbe1",
    "end": "#ffebe9",
    "customer": "#ddf4ff",
    "needs": "#ddf4ff",
    "contact_personnel": "#dafbe1",
    "physical_resources": "#fff1e5",
    "systems_routines": "#e7e1f7",
    "other_customers": "#eaeef2",
    "support_function": "#fff1e5",
    "support_system": "#e7e1f7",
    "management": "#eaeef2",
    "frame": "#f6f8fa",
    "segment": "#ddf4ff",
    "front_office": "#dafbe1",
    "back_office": "#fff1e5",
    "environment": "#e7e1f7",
    "promise": "#fff8c5",
    "gap_element": "#ffffff",
    "concept_element": "#ddf4ff",
}
KIND_STROKE = "#57606a"

EDGE_STYLE: dict[str, tuple[str, str]] = {  # kind -> (colour, dash)
    "flow": (EDGE_INK, "solid"),
    "support": ("#8250df", "dash"),
    "information": ("#0969da", "dot"),
    "communication": ("#bf8700", "dash"),
    "gap": ("#cf222e", "dash"),
}

FLAG_BADGES: dict[str, tuple[str, str]] = {  # flag -> (letter, colour)
    "fail_point": ("F", "#cf222e"),
    "wait_point": ("W", "#bf8700"),
    "moment_of_truth": ("M", "#0969da"),
}
GAP_BADGE = "#a40e26"

# ratings 1..7, worst to best; severities 1..5, mild to severe
RATING_COLOURS = (
    "#d73027",
    "#f46d43",
    "#fdae61",
    "#fee08b",
    "#d9ef8b",
    "#a6d96a",
    "#1a9850",
)
SEVERITY_COLOURS = ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#cb181d")
# Okabe & Ito: safe for the common colour-vision deficiencies
CB_RATING_COLOURS = (
    "#d55e00",
    "#e69f00",
    "#f0e442",
    "#f5f5f5",
    "#bfe3f5",
    "#56b4e9",
    "#0072b2",
)
CB_SEVERITY_COLOURS = ("#f5f5f5", "#f0e442", "#e69f00", "#d55e00", "#7f2704")


@dataclass(frozen=True)
class NodeLook:
    shape: str
    fill: str
    stroke: str
    text: str


def node_look(node: Node) -> NodeLook:
    """How a node is drawn: its kind's shape and colours, with its style overrides."""
    kind = NODE_KINDS[node.kind]
    return NodeLook(
        shape=kind.shape,
        fill=node.style.fill or KIND_FILL.get(node.kind, "#ffffff"),
        stroke=node.style.stroke or KIND_STROKE,
        text=node.style.text or INK,
    )


def rating_colour(rating: float, colour_blind: bool = False) -> str:
    colours = CB_RATING_COLOURS if colour_blind else RATING_COLOURS
    return colours[min(max(round(rating), 1), 7) - 1]


def severity_colour(severity: float, colour_blind: bool = False) -> str:
    colours = CB_SEVERITY_COLOURS if colour_blind else SEVERITY_COLOURS
    return colours[min(max(round(severity), 1), 5) - 1]
