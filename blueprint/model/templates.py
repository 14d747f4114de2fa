"""Ready templates of the models, each laid out as the literature draws it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .builder import Draft, IdMaker, random_ids
from .catalogue import GAPS, LANE_ROLES
from .document import Document
from .entities import Entity, ProjectInfo
from .factory import now_iso
from .notations import NOTATIONS


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    description: str

    @property
    def notation(self) -> str:
        return self.id  # every template starts a diagram of its own notation


def _lane_help(role: str) -> str:
    return LANE_ROLES[role].definition


def _service_blueprint(d: Draft) -> None:
    """Example stages and one step per lane that teaches what the lane holds."""
    d.node(
        "evidence",
        "physical_evidence",
        0.5,
        "What the customer sees or touches",
        "evidence",
        description=_lane_help("physical_evidence"),
    )
    d.node(
        "customer",
        "customer",
        0.5,
        "Customer's step, e.g. arrive",
        description=_lane_help("customer") + " Connect the steps in time order.",
        duration=2.0,
    )
    d.node(
        "onstage",
        "onstage",
        0.5,
        "Visible staff action, e.g. greet",
        description=_lane_help("onstage")
        + " A connector across the line of interaction is a moment of truth.",
        moment_of_truth=True,
        duration=2.0,
    )
    d.node(
        "backstage",
        "backstage",
        0.5,
        "Hidden staff action, e.g. prepare",
        description=_lane_help("backstage"),
        duration=5.0,
    )
    d.node(
        "support",
        "support",
        0.5,
        "Support process or system, e.g. booking",
        "system",
        description=_lane_help("support"),
    )
    d.path("customer", "onstage", "backstage", "support")


def _production_system(d: Draft) -> None:
    """Grönroos 1990, p. 208: frame, customer, interactive part, support part."""
    for column, label in enumerate(
        ("Service concept", "Corporate culture", "Image", "Market communication")
    ):
        d.node(f"frame{column}", "other", column, label, "frame")
    d.node("customer", "customer", 1.5, "Customer", "customer")
    d.node("needs", "customer", 3, "Needs and expectations", "needs")
    d.node("contact", "onstage", 0, "Contact personnel", "contact_personnel")
    d.node(
        "physical",
        "onstage",
        1,
        "Physical resources and equipment",
        "physical_resources",
    )
    d.node(
        "routines", "onstage", 2, "Systems and operational routines", "systems_routines"
    )
    d.node("others", "onstage", 3, "Other customers", "other_customers")
    d.node("management", "support", 0, "Management", "management")
    d.node("functions", "support", 1, "Support functions", "support_function")
    d.node("systems", "support", 2, "Support systems", "support_system")
    d.edge("frame2", "needs", "communication", key="image")
    d.edge("frame3", "needs", "communication", key="market")
    d.edge("needs", "customer", "information", label="brings")
    # the customer meets every part of the interactive part: one trunk that
    # branches above them, so no branch seems to run from one part to another
    trunk, bus = d.nodes["customer"].centre[0], d.top("onstage") + 20
    for part in ("contact", "physical", "routines", "others"):
        branch = d.nodes[part].centre[0]
        d.edge("customer", part, waypoints=((trunk, bus), (branch, bus)))
    for source, target, kind in (
        ("management", "contact", "management"),
        ("functions", "physical", "physical"),
        ("systems", "routines", "systems"),
    ):
        d.edge(
            source,
            target,
            "support",
            support_type=kind,
            label=f"{kind.capitalize()} support",
        )


def _delivery_system(d: Draft) -> None:
    """Dahl et al. 2012: the promise over segments, front office and back office."""
    d.node(
        "outside_in",
        "other",
        0,
        "Outside-in: service design and customer experience",
        "note",
    )
    d.node("promise", "other", 1.5, "Service promise", "promise")
    d.node(
        "inside_out",
        "other",
        3,
        "Inside-out: operations, efficient processes",
        "note",
    )
    d.node(
        "segment_a",
        "customer",
        0.5,
        "Segment A: high demand variety",
        "segment",
        height=80,
        description="Customers who bring many different requests.",
    )
    d.node(
        "segment_b",
        "customer",
        2.5,
        "Segment B: standard demand",
        "segment",
        height=80,
        description="Customers whose requests are alike and frequent.",
    )
    d.node("front", "onstage", 1, "Front-office unit", "front_office")
    d.node(
        "front_env",
        "onstage",
        2.5,
        "Flexible environment for variety",
        "environment",
    )
    d.node("back", "backstage", 1, "Back-office unit", "back_office")
    d.node(
        "back_env",
        "backstage",
        2.5,
        "Efficient environment for volume",
        "environment",
    )
    d.edge("promise", "segment_a", "communication", label="promise")
    d.edge("promise", "segment_b", "communication", label="promise")
    d.edge("segment_a", "front", label="demand")
    d.edge("segment_b", "front", label="demand")
    d.edge("front", "back", label="hand-off")
    d.edge("front", "front_env", "information", label="runs in")
    d.edge("back", "back_env", "information", label="runs in")


def _gaps_model(d: Draft) -> None:
    """Parasuraman et al. 1985 / Zeithaml et al. 1988: customer above the line,
    provider below, the five gaps as labelled connectors beside the flows."""
    elements = (
        ("wom", "customer", 1, 0, "Word-of-mouth communications"),
        ("needs", "customer", 2, 0, "Personal needs"),
        ("past", "customer", 3, 0, "Past experience"),
        ("expected", "customer", 2, 1.25, "Expected service"),
        ("perceived", "customer", 2, 2.5, "Perceived service"),
        (
            "delivery",
            "other",
            2,
            0,
            "Service delivery (including pre- and post-contacts)",
        ),
        ("external", "other", 4, 0, "External communications to consumers"),
        (
            "specs",
            "other",
            2,
            1.5,
            "Translation of perceptions into service quality specifications",
        ),
        (
            "perceptions",
            "other",
            2,
            3,
            "Management perceptions of consumer expectations",
        ),
    )
    for key, lane, column, row, label in elements:
        d.node(key, lane, column, label, "gap_element", row=row, width=180)
    for source in ("wom", "needs", "past"):
        d.edge(source, "expected")
    d.edge("external", "expected", "communication")
    d.edge("delivery", "perceived")
    d.edge("specs", "delivery")
    d.edge("perceptions", "specs")
    # gaps 1-3 run beside the solid flows, so their own lines never overlap them
    for gap, source, target, waypoints in (
        (1, "expected", "perceptions", ((460.0, 150.0), (460.0, 590.0))),
        (2, "perceptions", "specs", ((800.0, 590.0), (800.0, 470.0))),
        (3, "specs", "delivery", ((530.0, 470.0), (530.0, 350.0))),
        (4, "delivery", "external", ()),
        (5, "expected", "perceived", ()),
    ):
        d.edge(
            source,
            target,
            "gap",
            key=f"gap{gap}",
            gap=gap,
            label=GAPS[gap].title,
            waypoints=waypoints,
        )


def _service_concept(d: Draft) -> None:
    """Segments served by an operation that delivers experience and outcome, which
    the customer weighs as value."""
    d.node("segment_a", "other", 0, "Customer segment A", "segment", row=1)
    d.node("segment_b", "other", 0, "Customer segment B", "segment", row=4)
    d.node(
        "operation",
        "other",
        1.5,
        "Operation: how the service is delivered",
        "concept_element",
        row=2.5,
        height=80,
    )
    d.node(
        "experience",
        "other",
        3,
        "Customer experience",
        "concept_element",
        row=1,
        description="The customer's direct experience of the service process.",
    )
    d.node(
        "outcome",
        "other",
        3,
        "Service outcome",
        "concept_element",
        row=4,
        description="What the customer expects to get: products, benefits, emotions "
        "and judgements.",
    )
    d.node(
        "value",
        "other",
        4.5,
        "Value: benefits against cost",
        "concept_element",
        row=2.5,
        description="The benefits the customer receives weighed against the cost.",
    )
    d.edge("segment_a", "operation", label="demand")
    d.edge("segment_b", "operation", label="demand")
    d.edge("operation", "experience", label="delivers")
    d.edge("operation", "outcome", label="delivers")
    d.edge("experience", "value")
    d.edge("outcome", "value")


# element, its (column, row), its sub-elements' column and first row, sub-elements
FOUR_ELEMENTS = (
    (
        "Service culture",
        (1.5, 1),
        (0, 0),
        ("Leadership principles", "Norms and habits", "Vision, mission and values"),
    ),
    (
        "Employee engagement",
        (3, 1),
        (4.5, 0),
        ("Attitudes", "Purpose-driven leadership", "HR processes"),
    ),
    (
        "Service quality",
        (3, 5),
        (4.5, 4),
        ("Strategy", "Processes", "Performance management"),
    ),
    (
        "Customer experience",
        (1.5, 5),
        (0, 3.5),
        (
            "Customer intelligence",
            "Account management",
            "Continuous improvement",
            "Co-creation",
        ),
    ),
)


def _four_elements(d: Draft) -> None:
    """ISS 2014: the four elements as a virtuous circle, sub-elements outside it."""
    for i, (label, (column, row), (sub_column, first), subs) in enumerate(
        FOUR_ELEMENTS
    ):
        d.node(f"e{i}", "other", column, label, "concept_element", row=row)
        for j, sub in enumerate(subs):
            key = f"e{i}.{j}"
            d.node(key, "other", sub_column, sub, "concept_element", row=first + j)
            d.edge(f"e{i}", key, "information")
    d.path("e0", "e1", "e2", "e3", "e0")


def _blank(d: Draft) -> None:
    """Generic lanes only: free drawing."""


_BUILDERS: dict[str, Callable[[Draft], None]] = {
    "service-blueprint": _service_blueprint,
    "production-system": _production_system,
    "delivery-system": _delivery_system,
    "gaps-model": _gaps_model,
    "service-concept": _service_concept,
    "four-elements": _four_elements,
    "blank": _blank,
}

TEMPLATES: dict[str, Template] = {
    key: Template(key, NOTATIONS[key].name, NOTATIONS[key].description)
    for key in _BUILDERS
}


def draft(
    template_id: str,
    diagram_name: str | None = None,
    order: int = 0,
    *,
    ids: IdMaker = random_ids,
) -> Draft:
    """A template's diagram as a Draft that a worked example can extend."""
    if template_id not in TEMPLATES:
        raise KeyError(f"unknown template {template_id!r}")
    notation = NOTATIONS[template_id]
    stages = (
        [(name, 2) for name in notation.stage_names]
        if template_id == "service-blueprint"
        else []
    )
    d = Draft(
        template_id,
        diagram_name or TEMPLATES[template_id].name,
        order=order,
        ids=ids,
        stages=stages,
    )
    _BUILDERS[template_id](d)
    return d


def template_entities(
    template_id: str,
    diagram_name: str | None = None,
    order: int = 0,
    *,
    ids: IdMaker = random_ids,
) -> list[Entity]:
    """A complete diagram of a template, with fresh ids unless `ids` says otherwise."""
    return draft(template_id, diagram_name, order, ids=ids).entities()


def new_from_template(template_id: str, title: str | None = None) -> Document:
    """A new project whose first diagram is the template."""
    entities = template_entities(template_id)  # raises KeyError before any work
    stamp = now_iso()
    doc = Document(
        ProjectInfo(
            title=title or TEMPLATES[template_id].name, created=stamp, modified=stamp
        )
    )
    doc.add(entities)
    return doc
