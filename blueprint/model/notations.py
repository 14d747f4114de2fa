"""Notations: each model's lanes or zones, dividing lines, node and connector kinds.

Node kinds are shared across notations (an "action" looks the same everywhere); a
notation lists which kinds its palette offers, the lanes they belong in, and the soft
rules (see softrules.py) the analysis reports as findings when they are broken.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import BITNER_2008, GRONROOS_1990, SHOSTACK_1984, ZEITHAML_1988
from .softrules import (
    DAHL_2012,
    ISS_2014,
    PARASURAMAN_1985,
    SEED_ESSAY,
    SoftRule,
    blueprint_rules,
    delivery_rules,
    excellence_rules,
    gaps_rules,
    production_rules,
    service_concept_rules,
)

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
    """A kind of node: its name, the shape the theme draws (also its palette icon),
    what it stands for and where that comes from."""

    id: str
    name: str
    shape: str
    description: str
    source: str = ""


_PRODUCTION = f"{GRONROOS_1990}, p. 208"

NODE_KINDS: dict[str, NodeKind] = {
    k.id: k
    for k in (
        NodeKind(
            "action",
            "Action",
            "rounded_rect",
            "A step somebody takes: the customer, contact staff or a support process.",
            BITNER_2008,
        ),
        NodeKind(
            "evidence",
            "Physical evidence",
            "document",
            "Something the customer sees or touches at a step: a building, a form, "
            "an e-mail, an app screen, a receipt.",
            BITNER_2008,
        ),
        NodeKind("decision", "Decision", "diamond", "A choice between paths."),
        NodeKind(
            "system",
            "System",
            "cylinder",
            "An IT system or database that supports the steps.",
            BITNER_2008,
        ),
        NodeKind("note", "Note", "note", "Free text on the canvas."),
        NodeKind("start", "Start", "circle", "Where the customer's journey begins."),
        NodeKind("end", "End", "circle", "Where the customer's journey ends."),
        NodeKind(
            "customer",
            "Customer",
            "person",
            "The focal customer, a co-producer of the service.",
            _PRODUCTION,
        ),
        NodeKind(
            "needs",
            "Needs and expectations",
            "ellipse",
            "What the customer needs and expects.",
            _PRODUCTION,
        ),
        NodeKind(
            "contact_personnel",
            "Contact personnel",
            "person",
            "Staff who meet the customer in the interactive part.",
            _PRODUCTION,
        ),
        NodeKind(
            "physical_resources",
            "Physical resources and equipment",
            "rect",
            "Premises, tools and equipment the customer meets.",
            _PRODUCTION,
        ),
        NodeKind(
            "systems_routines",
            "Systems and operational routines",
            "hexagon",
            "Queuing, booking, billing as the customer experiences them.",
            _PRODUCTION,
        ),
        NodeKind(
            "other_customers",
            "Other customers",
            "person",
            "Other customers present at the same time, who shape the experience.",
            _PRODUCTION,
        ),
        NodeKind(
            "support_function",
            "Support functions",
            "rect",
            "Functions that give physical support to the interactive part.",
            _PRODUCTION,
        ),
        NodeKind(
            "support_system",
            "Support systems",
            "cylinder",
            "Technology that supports the interactive part.",
            _PRODUCTION,
        ),
        NodeKind(
            "management",
            "Management",
            "hexagon",
            "Management, giving management support to the interactive part.",
            _PRODUCTION,
        ),
        NodeKind(
            "frame",
            "Framing element",
            "rect",
            "Service concept, corporate culture, image or market communication "
            "around a service system.",
            _PRODUCTION,
        ),
        NodeKind(
            "segment",
            "Customer segment",
            "person",
            "A customer segment with its demand variety.",
            DAHL_2012,
        ),
        NodeKind(
            "front_office",
            "Front-office unit",
            "rounded_rect",
            "A unit in customer contact.",
            DAHL_2012,
        ),
        NodeKind(
            "back_office",
            "Back-office unit",
            "rect",
            "A unit out of customer contact.",
            DAHL_2012,
        ),
        NodeKind(
            "environment",
            "Operational environment",
            "hexagon",
            "How a unit is run and optimised: flexible for variety or efficient for "
            "volume.",
            DAHL_2012,
        ),
        NodeKind(
            "promise",
            "Service promise",
            "ellipse",
            "What the organisation promises its customers (the outside-in view).",
            DAHL_2012,
        ),
        NodeKind(
            "gap_element",
            "Gaps model element",
            "rounded_rect",
            "An element of the Gaps model, such as expected service or service "
            "quality specifications.",
            PARASURAMAN_1985,
        ),
        NodeKind(
            "concept_element",
            "Concept element",
            "ellipse",
            "An element of a service concept or of service excellence.",
            f"{SEED_ESSAY}; {ISS_2014}",
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
    below: int  # index of the lane the line runs under (lanes, then optional lanes)


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
    # lanes and lines a user may add below the standard ones (not in new diagrams)
    optional_lanes: tuple[LaneSpec, ...] = ()
    optional_lines: tuple[LineSpec, ...] = ()
    stage_names: tuple[str, ...] = ()  # example stage columns; empty: no stages
    support_types: tuple[str, ...] = ()  # typed support connectors offered
    rules: tuple[SoftRule, ...] = ()

    def kinds_for_role(self, role: str) -> tuple[str, ...]:
        """The node kinds the palette offers in a lane of this role: those listed
        for it, then those that may go anywhere (e.g. notes)."""
        listed = dict(self.kinds_by_role)
        if role not in listed:
            return self.node_kinds
        anywhere = [k for k in self.node_kinds if not self.roles_for_kind(k)]
        return tuple(dict.fromkeys((*listed[role], *anywhere)))

    def roles_for_kind(self, kind: str) -> tuple[str, ...]:
        """Lane roles where a node kind belongs; empty means anywhere (e.g. notes)."""
        return tuple(role for role, kinds in self.kinds_by_role if kind in kinds)

    def all_lanes(self) -> tuple[LaneSpec, ...]:
        return self.lanes + self.optional_lanes


_BLUEPRINT_LANES = (
    LaneSpec("physical_evidence", "Physical evidence", 110),
    LaneSpec("customer", "Customer actions", 130),
    LaneSpec("onstage", "Onstage contact employee actions", 130),
    LaneSpec("backstage", "Backstage contact employee actions", 130),
    LaneSpec("support", "Support processes", 130),
)
_STEP_KINDS = ("action", "decision")

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
                ("customer", (*_STEP_KINDS, "start", "end")),
                ("onstage", (*_STEP_KINDS, "system")),
                ("backstage", _STEP_KINDS),
                ("support", (*_STEP_KINDS, "system")),
                ("management", (*_STEP_KINDS, "system")),
            ),
            optional_lanes=(LaneSpec("management", "Management and planning", 130),),
            optional_lines=(LineSpec("implementation", 4),),
            stage_names=("Before", "During", "After"),
            rules=blueprint_rules(),
        ),
        Notation(
            "production-system",
            "Service production system",
            "Grönroos' service system: the customer, the interactive part where the "
            "moments of truth happen, the line of visibility and the support part, "
            "framed by the service concept, culture, image and market communication.",
            _PRODUCTION,
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
            ("support", "flow", "information", "communication"),
            (
                ("other", ("frame",)),
                ("customer", ("customer", "needs")),
                (
                    "onstage",
                    (
                        "contact_personnel",
                        "physical_resources",
                        "systems_routines",
                        "other_customers",
                    ),
                ),
                ("support", ("support_function", "support_system", "management")),
            ),
            support_types=("management", "physical", "systems"),
            rules=production_rules(),
        ),
        Notation(
            "delivery-system",
            "Service delivery system",
            "Front office and back office linking the outside-in view of the service "
            "promise with the inside-out view of operations.",
            DAHL_2012,
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
            (
                ("other", ("promise",)),
                ("customer", ("segment",)),
                ("onstage", ("front_office", "environment")),
                ("backstage", ("back_office", "environment")),
            ),
            rules=delivery_rules(),
        ),
        Notation(
            "gaps-model",
            "Gaps model",
            "Where expected and perceived service come apart, and the four provider "
            "gaps behind the customer gap.",
            f"{PARASURAMAN_1985}; {ZEITHAML_1988}",
            (
                LaneSpec("customer", "Customer", 300),
                LaneSpec("other", "Provider", 360),
            ),
            (LineSpec("interaction", 0),),
            ("gap_element", "note"),
            ("flow", "communication", "gap"),
            (("customer", ("gap_element",)), ("other", ("gap_element",))),
            rules=gaps_rules(),
        ),
        Notation(
            "service-concept",
            "Service concept",
            "The customer experience, the service outcome, the operation and its "
            "value, for the customer segments it serves.",
            SEED_ESSAY,
            (LaneSpec("other", "Service concept", 480),),
            (),
            ("concept_element", "segment", "note"),
            ("flow", "information"),
            rules=service_concept_rules(),
        ),
        Notation(
            "four-elements",
            "Four elements of service excellence",
            "Service culture, employee engagement, service quality and customer "
            "experience as a virtuous circle.",
            ISS_2014,
            (LaneSpec("other", "Service excellence", 620),),
            (),
            ("concept_element", "note"),
            ("flow", "information"),
            rules=excellence_rules(),
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
            support_types=("management", "physical", "systems"),
        ),
    )
}
