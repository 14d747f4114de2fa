"""The entities of a project as frozen dataclasses that validate themselves.

A Document holds them by id; changing one means replacing it (see changes.py), so
"unchanged" is an identity check and every change has an exact inverse.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any, ClassVar, Self

from . import fieldchecks as check
from .catalogue import (
    CRITERIA,
    EDGE_KINDS,
    GAP_STATUSES,
    GAPS,
    LANE_ROLES,
    LINE_KINDS,
    SCALE_MAX,
    SCALE_MIN,
    SERVQUAL_DIMENSIONS,
    SEVERITY_MAX,
    SEVERITY_MIN,
    SUPPORT_TYPES,
)
from .errors import DomainError
from .fieldchecks import MAX_NUMBER, MAX_TEXT
from .notations import NODE_KINDS, NOTATIONS
from .record import record, values

PROJECT_ID = "project"  # the one ProjectInfo of a document
MAX_LOGO_BYTES = 2 * 1024 * 1024


def new_id() -> str:
    return uuid.uuid4().hex


class Entity:
    """Base of everything a Document stores by id."""

    __slots__ = ()  # so that the records below hold no __dict__
    kind_name: ClassVar[str]
    field_names: ClassVar[tuple[str, ...]]
    id: str

    def evolve(self, **changes: Any) -> Self:
        return replace(self, **changes)  # type: ignore[type-var]

    def as_dict(self) -> dict[str, Any]:
        return values(self)


# -- project -----------------------------------------------------------------------


@record
class ProjectInfo(Entity):
    kind_name: ClassVar[str] = "project"
    title: str = "Untitled project"
    client: str = ""
    author: str = ""
    created: str = ""  # ISO 8601, UTC
    modified: str = ""
    accent_colour: str = "#1f6feb"
    logo: bytes | None = None  # PNG or JPEG bytes, shown on the report cover
    id: str = PROJECT_ID

    def __post_init__(self) -> None:
        if self.id != PROJECT_ID:
            raise DomainError("project.id", f"must be {PROJECT_ID!r}")
        check.text("project.title", self.title, required=True, limit=500)
        check.text("project.client", self.client, limit=500)
        check.text("project.author", self.author, limit=500)
        check.text("project.created", self.created, limit=64)
        check.text("project.modified", self.modified, limit=64)
        check.colour("project.accent_colour", self.accent_colour, optional=False)
        if self.logo is not None:
            if not isinstance(self.logo, bytes):
                raise DomainError("project.logo", "must be image bytes")
            if len(self.logo) > MAX_LOGO_BYTES:
                raise DomainError("project.logo", "is larger than 2 MiB")
            if not (
                self.logo.startswith(b"\x89PNG\r\n\x1a\n")
                or self.logo.startswith(b"\xff\xd8\xff")
            ):
                raise DomainError("project.logo", "must be a PNG or JPEG image")


@record
class Diagram(Entity):
    kind_name: ClassVar[str] = "diagram"
    id: str
    name: str
    notation: str = "blank"
    order: int = 0
    zoom: float = 1.0
    scroll_x: float = 0.0
    scroll_y: float = 0.0
    # ids of presentation steps in the trainer's order; empty means the default order
    presentation: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check.identifier("diagram.id", self.id)
        check.text("diagram.name", self.name, required=True, limit=200)
        check.choice("diagram.notation", self.notation, NOTATIONS)
        check.integer("diagram.order", self.order, 0, 1_000_000)
        check.number("diagram.zoom", self.zoom, low=0.01)
        if self.zoom > 100:
            raise DomainError("diagram.zoom", "must be at most 100")
        check.number("diagram.scroll_x", self.scroll_x)
        check.number("diagram.scroll_y", self.scroll_y)
        if not isinstance(self.presentation, tuple) or not all(
            isinstance(s, str) for s in self.presentation
        ):
            raise DomainError("diagram.presentation", "must be a list of step ids")


@record
class Lane(Entity):
    """A horizontal band; lanes stack from y = 0 in `order`."""

    kind_name: ClassVar[str] = "lane"
    id: str
    diagram_id: str
    name: str
    role: str = "other"
    height: float = 120.0
    order: int = 0

    def __post_init__(self) -> None:
        check.identifier("lane.id", self.id)
        check.identifier("lane.diagram_id", self.diagram_id)
        check.text("lane.name", self.name, required=True, limit=200)
        check.choice("lane.role", self.role, LANE_ROLES)
        check.number("lane.height", self.height, low=20)
        if self.height > 100_000:
            raise DomainError("lane.height", "must be at most 100000")
        check.integer("lane.order", self.order, 0, 1_000_000)


@record
class DividingLine(Entity):
    """A labelled line drawn under a lane (between it and the next one)."""

    kind_name: ClassVar[str] = "line"
    id: str
    diagram_id: str
    kind: str
    below_lane_id: str

    def __post_init__(self) -> None:
        check.identifier("line.id", self.id)
        check.identifier("line.diagram_id", self.diagram_id)
        check.choice("line.kind", self.kind, LINE_KINDS)
        check.identifier("line.below_lane_id", self.below_lane_id)


@record
class Stage(Entity):
    """A column grouping steps in time (e.g. arrive, stay, leave); stages run in
    `order` from the lane headers to the right."""

    kind_name: ClassVar[str] = "stage"
    id: str
    diagram_id: str
    name: str
    width: float = 400.0
    order: int = 0

    def __post_init__(self) -> None:
        check.identifier("stage.id", self.id)
        check.identifier("stage.diagram_id", self.diagram_id)
        check.text("stage.name", self.name, required=True, limit=200)
        check.number("stage.width", self.width, low=20)
        check.integer("stage.order", self.order, 0, 1_000_000)


@record
class Style:
    fill: str | None = None
    stroke: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        check.colour("style.fill", self.fill)
        check.colour("style.stroke", self.stroke)
        check.colour("style.text", self.text)


NO_STYLE = Style()


@record
class Node(Entity):
    """A step or element; (x, y) is its top-left corner in diagram coordinates."""

    kind_name: ClassVar[str] = "node"
    id: str
    diagram_id: str
    lane_id: str
    kind: str = "action"
    label: str = "Step"
    description: str = ""
    x: float = 0.0
    y: float = 0.0
    width: float = 140.0
    height: float = 60.0
    style: Style = NO_STYLE
    duration: float | None = None  # minutes
    wait_time: float | None = None  # minutes
    moment_of_truth: bool = False
    fail_point: bool = False
    wait_point: bool = False

    def __post_init__(self) -> None:
        # The usual node in one expression (opening a file builds thousands); any
        # other value goes through _validate, which names the field. Whatever this
        # accepts, _validate accepts too (tests/model/test_fast_checks.py).
        node_id, diagram_id, lane_id = self.id, self.diagram_id, self.lane_id
        label, text = self.label, self.description
        x, y, width, height = self.x, self.y, self.width, self.height
        if not (
            node_id.__class__ is str
            and diagram_id.__class__ is str
            and lane_id.__class__ is str
            and 0 < len(node_id) <= 64
            and 0 < len(diagram_id) <= 64
            and 0 < len(lane_id) <= 64
            and self.kind.__class__ is str
            and self.kind in NODE_KINDS
            and label.__class__ is str
            and text.__class__ is str
            and label.isascii()
            and text.isascii()
            and len(label) <= 20_000
            and len(text) <= MAX_TEXT
            and "\x00" not in label
            and "\x00" not in text
            and label
            and not label.isspace()
            and x.__class__ is float
            and y.__class__ is float
            and width.__class__ is float
            and height.__class__ is float
            and -MAX_NUMBER <= x <= MAX_NUMBER
            and -MAX_NUMBER <= y <= MAX_NUMBER
            and 10 <= width <= MAX_NUMBER
            and 10 <= height <= MAX_NUMBER
            and self.style.__class__ is Style
            and check.plain_minutes(self.duration)
            and check.plain_minutes(self.wait_time)
            and self.moment_of_truth.__class__ is bool
            and self.fail_point.__class__ is bool
            and self.wait_point.__class__ is bool
        ):
            self._validate()

    def _validate(self) -> None:
        check.identifier("node.id", self.id)
        check.identifier("node.diagram_id", self.diagram_id)
        check.identifier("node.lane_id", self.lane_id)
        check.choice("node.kind", self.kind, NODE_KINDS)
        check.text("node.label", self.label, required=True, limit=20_000)
        check.text("node.description", self.description)
        check.number("node.x", self.x)
        check.number("node.y", self.y)
        check.number("node.width", self.width, low=10)
        check.number("node.height", self.height, low=10)
        if self.style.__class__ is not Style:
            raise DomainError("node.style", "must be a style")
        if self.duration is not None:
            check.number("node.duration", self.duration, low=0)
        if self.wait_time is not None:
            check.number("node.wait_time", self.wait_time, low=0)
        check.flag("node.moment_of_truth", self.moment_of_truth)
        check.flag("node.fail_point", self.fail_point)
        check.flag("node.wait_point", self.wait_point)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)


@record
class Edge(Entity):
    """A connector from one node to another of the same diagram."""

    kind_name: ClassVar[str] = "edge"
    id: str
    diagram_id: str
    source_id: str
    target_id: str
    kind: str = "flow"
    label: str = ""
    support_type: str | None = None  # for kind "support"
    gap: int | None = None  # for kind "gap" in the Gaps model
    routing: str = "orthogonal"  # or "straight"
    waypoints: tuple[tuple[float, float], ...] = ()

    def __post_init__(self) -> None:
        # as Node.__post_init__: the usual connector in one expression
        edge_id, diagram_id = self.id, self.diagram_id
        source_id, target_id, label = self.source_id, self.target_id, self.label
        if not (
            edge_id.__class__ is str
            and diagram_id.__class__ is str
            and source_id.__class__ is str
            and target_id.__class__ is str
            and 0 < len(edge_id) <= 64
            and 0 < len(diagram_id) <= 64
            and 0 < len(source_id) <= 64
            and 0 < len(target_id) <= 64
            and self.kind.__class__ is str
            and self.kind in EDGE_KINDS
            and label.__class__ is str
            and label.isascii()
            and len(label) <= 2_000
            and "\x00" not in label
            and self.support_type is None
            and self.gap is None
            and (self.routing == "orthogonal" or self.routing == "straight")
            and self.waypoints == ()
        ):
            self._validate()

    def _validate(self) -> None:
        check.identifier("edge.id", self.id)
        check.identifier("edge.diagram_id", self.diagram_id)
        check.identifier("edge.source_id", self.source_id)
        check.identifier("edge.target_id", self.target_id)
        check.choice("edge.kind", self.kind, EDGE_KINDS)
        check.text("edge.label", self.label, limit=2_000)
        if self.support_type is not None:
            check.choice("edge.support_type", self.support_type, SUPPORT_TYPES)
        if self.gap is not None:
            check.integer("edge.gap", self.gap, 1, 5)
        check.choice("edge.routing", self.routing, ("orthogonal", "straight"))
        if not isinstance(self.waypoints, tuple):
            raise DomainError("edge.waypoints", "must be a list of points")
        for point in self.waypoints:
            if not (isinstance(point, tuple) and len(point) == 2):
                raise DomainError("edge.waypoints", "each point must be (x, y)")
            check.number("edge.waypoints", point[0])
            check.number("edge.waypoints", point[1])


# -- annotations ---------------------------------------------------------------------


@record
class GapFinding:
    """A gap of the Gaps model found at a step, with its cause and remedy."""

    kind: ClassVar[str] = "gap"
    gap: int
    finding: str = ""
    cause: str = ""
    severity: int = 3
    remedy: str = ""
    owner: str = ""
    status: str = "open"

    def __post_init__(self) -> None:
        check.integer("gap.gap", self.gap, 1, 5)
        check.text("gap.finding", self.finding)
        check.text("gap.cause", self.cause)
        check.integer("gap.severity", self.severity, SEVERITY_MIN, SEVERITY_MAX)
        check.text("gap.remedy", self.remedy)
        check.text("gap.owner", self.owner, limit=500)
        check.choice("gap.status", self.status, GAP_STATUSES)

    @property
    def definition(self):
        return GAPS[self.gap]


@record
class QualityRating:
    """A rating of one of Grönroos' six criteria of good perceived service quality."""

    kind: ClassVar[str] = "quality"
    criterion: str
    rating: int = 4
    evidence: str = ""

    def __post_init__(self) -> None:
        check.choice("quality.criterion", self.criterion, CRITERIA)
        check.integer("quality.rating", self.rating, SCALE_MIN, SCALE_MAX)
        check.text("quality.evidence", self.evidence)


@record
class ServqualScore:
    """Expectation and perception (1-7) on one SERVQUAL dimension; gap = P - E."""

    kind: ClassVar[str] = "servqual"
    dimension: str
    expectation: float = 4.0
    perception: float = 4.0
    weight: float = 20.0  # points of 100 a respondent gives this dimension

    def __post_init__(self) -> None:
        check.choice("servqual.dimension", self.dimension, SERVQUAL_DIMENSIONS)
        for name in ("expectation", "perception"):
            value = getattr(self, name)
            check.number(f"servqual.{name}", value)
            if not SCALE_MIN <= value <= SCALE_MAX:
                raise DomainError(
                    f"servqual.{name}", f"must be from 1 to 7, not {value:g}"
                )
        check.number("servqual.weight", self.weight, low=0)
        if self.weight > 100:
            raise DomainError("servqual.weight", "must be at most 100")

    @property
    def gap(self) -> float:
        return self.perception - self.expectation


@record
class NoteText:
    kind: ClassVar[str] = "note"
    text: str = ""

    def __post_init__(self) -> None:
        check.text("note.text", self.text)


AnnotationBody = GapFinding | QualityRating | ServqualScore | NoteText
ANNOTATION_BODIES: dict[str, type] = {
    b.kind: b for b in (GapFinding, QualityRating, ServqualScore, NoteText)
}
TARGET_KINDS = ("node", "edge", "diagram")


@record
class Annotation(Entity):
    """An annotation on a node, an edge or a whole diagram."""

    kind_name: ClassVar[str] = "annotation"
    id: str
    diagram_id: str
    target_kind: str  # node, edge or diagram
    target_id: str  # the diagram's own id when target_kind is "diagram"
    body: AnnotationBody
    order: int = 0

    def __post_init__(self) -> None:
        check.identifier("annotation.id", self.id)
        check.identifier("annotation.diagram_id", self.diagram_id)
        check.choice("annotation.target_kind", self.target_kind, TARGET_KINDS)
        check.identifier("annotation.target_id", self.target_id)
        if not isinstance(
            self.body, GapFinding | QualityRating | ServqualScore | NoteText
        ):
            raise DomainError("annotation.body", "unknown annotation type")
        if self.target_kind == "diagram" and self.target_id != self.diagram_id:
            raise DomainError("annotation.target_id", "must be the diagram's id")
        check.integer("annotation.order", self.order, 0, 10_000_000)

    @property
    def kind(self) -> str:
        return self.body.kind


ENTITY_TYPES: tuple[type[Entity], ...] = (
    ProjectInfo,
    Diagram,
    Lane,
    DividingLine,
    Stage,
    Node,
    Edge,
    Annotation,
)
