"""Notations: each model's lanes or zones, dividing lines, node and connector kinds.

Node kinds are shared across notations (an "action" looks the same everywhere); a
notation lists which kinds its palette offers and where they belong.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import BITNER_2008, GRONROOS_1990, SHOSTACK_1984, ZEITHAML_1988

SHAPES = (
    "rounded_rect",
    "rect",
    "diamond",
    "ellipse",
    "document",
    "cylinder",
    "hexagon",
    "person",
    "note",
    "circle",
)


@dataclass(frozen=True)
class NodeKind:
    id: str
    name: str
    shape: str
    description: str


NODE_KINDS: dict[str, NodeKind] = {
    k.id: k
    for k in (
        NodeKind("action", "Action", "rounded_rect", "A step somebody takes."),
        NodeKind(
            "evidence",
            "Physical evidence",
            "document",
            "Something the customer sees or touches.",
        ),
        NodeKind("decision", "Decision", "diamond", "A choice between paths."),
        NodeKind("system", "System", "cylinder", "An IT system or database."),
        NodeKind("note", "Note", "note", "Free text on the canvas."),
        NodeKind("start", "Start", "circle", "Where the customer's journey begins."),
        NodeKind("end", "End", "circle", "Where the customer's journey ends."),
        NodeKind("customer", "Customer", "person", "The focal customer."),
        NodeKind(
            "needs",
            "Needs and expectations",
            "ellipse",
            "What the customer needs and expects.",
        ),
        NodeKind(
            "contact_personnel",
            "Contact personnel",
            "person",
            "Staff who meet the customer.",
        ),
        NodeKind(
            "physical_resources",
            "Physical resources and equipment",
            "rect",
            "Premises, tools and equipment the customer meets.",
        ),
        NodeKind(
            "systems_routines",
            "Systems and operational routines",
            "hexagon",
            "Queuing, booking, billing as the customer experiences them.",
        ),
        NodeKind(
            "other_customers",
            "Other customers",
            "person",
            "Other customers present at the same time.",
        ),
        NodeKind(
            "support_function",
            "Support functions",
            "rect",
            "Functions that give physical support to the interactive part.",
        ),
        NodeKind(
            "support_system",
            "Support systems",
            "cylinder",
            "Technology that supports the interactive part.",
        ),
        NodeKind("management", "Management", "hexagon", "Management support."),
        NodeKind(
            "frame",
            "Framing element",
            "rect",
            "Service concept, culture, image or market communication around a system.",
        ),
        NodeKind(
            "segment",
            "Customer segment",
            "person",
            "A customer segment with its demand variety.",
        ),
        NodeKind(
            "front_office",
            "Front-office unit",
            "rounded_rect",
            "A unit in customer contact.",
        ),
        NodeKind(
            "back_office",
            "Back-office unit",
            "rect",
            "A unit out of customer contact.",
        ),
        NodeKind(
            "environment",
            "Operational environment",
            "hexagon",
            "How a unit is run and optimised.",
        ),
        NodeKind(
            "promise",
            "Service promise",
            "ellipse",
            "What the organisation promises its customers.",
        ),
        NodeKind(
            "gap_element",
            "Gaps model element",
            "rounded_rect",
            "An element of the Gaps model, such as expected service.",
        ),
        NodeKind(
            "concept_element",
            "Concept element",
            "ellipse",
            "An element of a service concept or of service excellence.",
        ),
    )
}


@dataclass(frozen=True)
class LaneSpec:
    role: str
    name: str
    height: float = 120.0


@dataclass(frozen=True)
class LineSpec:
    kind: str
    below: int  # index of the lane the line runs under


@dataclass(frozen=True)
class Notation:
    id: str
    name: str
    description: str
    source: str
    lanes: tuple[LaneSpec, ...]
    lines: tuple[LineSpec, ...]
    node_kinds: tuple[str, ...]
    edge_kinds: tuple[str, ...]
    # role -> node kinds the palette suggests there; soft, used by the analysis
    kinds_by_role: tuple[tuple[str, tuple[str, ...]], ...] = ()


_BLUEPRINT_LANES = (
    LaneSpec("physical_evidence", "Physical evidence", 110),
    LaneSpec("customer", "Customer actions", 130),
    LaneSpec("onstage", "Onstage contact employee actions", 130),
    LaneSpec("backstage", "Backstage contact employee actions", 130),
    LaneSpec("support", "Support processes", 130),
)

NOTATIONS: dict[str, Notation] = {
    n.id: n
    for n in (
        Notation(
            "service-blueprint",
            "Service blueprint",
            "The customer's steps and everything that supports them, in lanes "
            "separated by the lines of interaction, visibility and internal "
            "interaction.",
            f"{SHOSTACK_1984}; {BITNER_2008}",
            _BLUEPRINT_LANES,
            (
                LineSpec("interaction", 1),
                LineSpec("visibility", 2),
                LineSpec("internal_interaction", 3),
            ),
            ("action", "evidence", "decision", "system", "start", "end", "note"),
            ("flow", "information", "communication"),
            (
                ("physical_evidence", ("evidence",)),
                ("customer", ("action", "decision", "start", "end")),
                ("onstage", ("action", "decision")),
                ("backstage", ("action", "decision")),
                ("support", ("action", "system")),
            ),
        ),
        Notation(
            "production-system",
            "Service production system",
            "Grönroos' service system: the customer, the interactive part where the "
            "moments of truth happen, the line of visibility and the support part.",
            f"{GRONROOS_1990}, p. 208",
            (
                LaneSpec("other", "Service concept, culture and image", 100),
                LaneSpec("customer", "Customer", 120),
                LaneSpec("onstage", "Interactive part", 160),
                LaneSpec("support", "Support part", 160),
            ),
            (LineSpec("visibility", 2),),
            (
                "customer",
                "needs",
                "contact_personnel",
                "physical_resources",
                "systems_routines",
                "other_customers",
                "support_function",
                "support_system",
                "management",
                "frame",
                "note",
            ),
            ("support", "flow", "information"),
        ),
        Notation(
            "delivery-system",
            "Service delivery system",
            "Front office and back office linking the outside-in view of the service "
            "promise with the inside-out view of operations.",
            "Dahl, Kjærgaard & Støvring Sørensen, 'The Missing Link - The Service "
            "Promise and Delivery', Touchpoint 3(3), 2012",
            (
                LaneSpec("other", "Service promise", 100),
                LaneSpec("customer", "Customer segments", 130),
                LaneSpec("onstage", "Front office", 140),
                LaneSpec("backstage", "Back office", 140),
            ),
            (LineSpec("interaction", 1), LineSpec("visibility", 2)),
            (
                "segment",
                "front_office",
                "back_office",
                "environment",
                "promise",
                "note",
            ),
            ("flow", "information", "communication"),
        ),
        Notation(
            "gaps-model",
            "Gaps model",
            "Where expected and perceived service come apart, and the four provider "
            "gaps behind the customer gap.",
            ZEITHAML_1988,
            (
                LaneSpec("customer", "Customer", 300),
                LaneSpec("other", "Provider", 360),
            ),
            (LineSpec("interaction", 0),),
            ("gap_element", "note"),
            ("flow", "communication", "gap"),
        ),
        Notation(
            "service-concept",
            "Service concept",
            "The customer experience, the service outcome, the operation and its "
            "value, for the customer segments it serves.",
            "Service management techniques (seed essay)",
            (LaneSpec("other", "Service concept", 480),),
            (),
            ("concept_element", "segment", "note"),
            ("flow", "information"),
        ),
        Notation(
            "four-elements",
            "Four elements of service excellence",
            "Service culture, employee engagement, service quality and customer "
            "experience as a virtuous circle.",
            "Ankerstjerne & Kamp Andersen, Service Management 3.0, ISS, 2014",
            (LaneSpec("other", "Service excellence", 520),),
            (),
            ("concept_element", "note"),
            ("flow",),
        ),
        Notation(
            "blank",
            "Blank",
            "Free drawing on generic lanes.",
            "",
            (
                LaneSpec("other", "Lane 1", 140),
                LaneSpec("other", "Lane 2", 140),
                LaneSpec("other", "Lane 3", 140),
            ),
            (),
            tuple(NODE_KINDS),
            ("flow", "support", "information", "communication"),
        ),
    )
}
