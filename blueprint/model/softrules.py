"""Soft rules of the notations as data: conventions the analysis reports as findings.

A rule names a check from RULE_CHECKS and fills in its parameters; the analysis
implements each check once, so a new convention is a new line here, not new code.
Findings never block an edit: the literature's conventions are advice, not law.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import BITNER_2008, GRONROOS_1990, SHOSTACK_1984, ZEITHAML_1988

PARASURAMAN_1985 = (
    "Parasuraman, Zeithaml & Berry, 'A Conceptual Model of Service Quality and Its "
    "Implications for Future Research', Journal of Marketing 49(4), 1985, pp. 41-50"
)
KINGMAN_BRUNDAGE_1989 = (
    "Kingman-Brundage, 'The ABCs of service system blueprinting', in Bitner & "
    "Crosby (eds.), Designing a Winning Service Strategy, AMA, 1989"
)
DAHL_2012 = (
    "Dahl, Kjærgaard & Støvring Sørensen, 'The Missing Link - The Service Promise "
    "and Delivery', Touchpoint 3(3), 2012"
)
ISS_2014 = "Ankerstjerne & Kamp Andersen, Service Management 3.0, ISS, 2014"
SEED_ESSAY = "Service management techniques (seed essay)"

# check -> what it tests, in terms of the SoftRule fields it reads
RULE_CHECKS: dict[str, str] = {
    "kind_in_lane": "Each node's kind belongs in its lane's role "
    "(Notation.roles_for_kind); kinds that no role lists, such as notes, may go "
    "anywhere.",
    "lane_filled": "Every lane with one of `roles` holds at least one node.",
    "linked_to": "Every node in a lane of `roles` (of `kinds`, if given) has a "
    "connector (of `edge_kinds`, if given; either direction) to a node in a lane of "
    "`other_roles`.",
    "not_linked": "No connector (of `edge_kinds`, if given) joins a node in `roles` "
    "directly to a node in `other_roles`, in either direction.",
    "same_column": "Every node in `roles` (of `kinds`, if given) has a node in "
    "`other_roles` that overlaps it horizontally (the same column).",
    "flag_owned": "Every node with the flag `flag` has a gap annotation with an owner.",
    "crossing_flagged": "Every connector of `edge_kinds` that crosses the dividing "
    "line `line` has a node with the flag `flag` at one of its ends.",
    "support_typed": "Every connector of `edge_kinds` has a support type.",
    "edge_direction": "Connectors of `edge_kinds` run from a node in `roles` to a "
    "node in `other_roles`.",
    "kinds_present": "The diagram has at least one node of each of `kinds`.",
    "gaps_drawn": "Each gap 1-5 is drawn exactly once as a connector of kind gap "
    "with its number set.",
    "cycle": "The connectors of `edge_kinds` between nodes of `kinds` contain a "
    "closed cycle.",
}


@dataclass(frozen=True)
class SoftRule:
    """One convention of a notation; `explanation` is shown with each finding."""

    id: str
    check: str
    name: str
    explanation: str
    source: str = ""
    roles: tuple[str, ...] = ()
    other_roles: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    edge_kinds: tuple[str, ...] = ()
    flag: str = ""  # fail_point, wait_point or moment_of_truth
    line: str = ""  # a dividing line kind

    def __post_init__(self) -> None:
        if self.check not in RULE_CHECKS:
            raise ValueError(f"soft rule {self.id}: unknown check {self.check!r}")


def _kind_in_lane(prefix: str, source: str) -> SoftRule:
    return SoftRule(
        f"{prefix}.kind_in_lane",
        "kind_in_lane",
        "Element in a lane where it does not belong",
        "Each lane or zone of the model holds its own kind of element; an element "
        "elsewhere is usually misplaced or in the wrong lane.",
        source,
    )


def blueprint_rules() -> tuple[SoftRule, ...]:
    return (
        _kind_in_lane("blueprint", BITNER_2008),
        SoftRule(
            "blueprint.customer_first",
            "lane_filled",
            "No customer actions",
            "The customer's steps are drawn first; everything else supports them.",
            BITNER_2008,
            roles=("customer",),
        ),
        SoftRule(
            "blueprint.customer_supported",
            "linked_to",
            "Customer action with no onstage or backstage support",
            "Each customer action is supported by contact employees' actions, "
            "onstage or backstage; a step without support is unmanaged.",
            BITNER_2008,
            roles=("customer",),
            kinds=("action",),
            other_roles=("onstage", "backstage"),
        ),
        SoftRule(
            "blueprint.visibility_skipped",
            "not_linked",
            "Hidden step linked straight to a customer action",
            "A backstage or support step that meets the customer directly crosses "
            "the line of visibility: either an onstage step is missing or the "
            "customer is in contact with someone unseen (e.g. by phone).",
            BITNER_2008,
            roles=("backstage", "support", "management"),
            other_roles=("customer",),
        ),
        SoftRule(
            "blueprint.evidence",
            "same_column",
            "Customer action without physical evidence",
            "Bitner et al. add, above each customer action, what the customer sees "
            "or touches at that step.",
            BITNER_2008,
            roles=("customer",),
            kinds=("action",),
            other_roles=("physical_evidence",),
        ),
        SoftRule(
            "blueprint.fail_point_owner",
            "flag_owned",
            "Fail point without an owner",
            "A fail point needs somebody responsible for it and a recovery.",
            SHOSTACK_1984,
            flag="fail_point",
        ),
        SoftRule(
            "blueprint.moment_of_truth",
            "crossing_flagged",
            "Contact across the line of interaction not marked as a moment of truth",
            "Each connector crossing the line of interaction is a direct contact "
            "between customer and organisation: a moment of truth.",
            BITNER_2008,
            edge_kinds=("flow",),
            flag="moment_of_truth",
            line="interaction",
        ),
    )


def production_rules() -> tuple[SoftRule, ...]:
    return (
        _kind_in_lane("production", GRONROOS_1990),
        SoftRule(
            "production.components",
            "kinds_present",
            "Component of the service production system missing",
            "The model integrates the customer, contact personnel, physical "
            "resources, systems, support functions and systems, and management.",
            GRONROOS_1990,
            kinds=(
                "customer",
                "contact_personnel",
                "physical_resources",
                "systems_routines",
                "support_function",
                "support_system",
                "management",
            ),
        ),
        SoftRule(
            "production.support_typed",
            "support_typed",
            "Support connector without a type",
            "Support flows are management, physical or systems support.",
            GRONROOS_1990,
            edge_kinds=("support",),
        ),
        SoftRule(
            "production.support_direction",
            "edge_direction",
            "Support connector not from the support part to the interactive part",
            "The invisible support part supports the interactive part, where the "
            "moments of truth happen.",
            GRONROOS_1990,
            edge_kinds=("support",),
            roles=("support",),
            other_roles=("onstage",),
        ),
    )


def delivery_rules() -> tuple[SoftRule, ...]:
    return (
        _kind_in_lane("delivery", DAHL_2012),
        SoftRule(
            "delivery.units",
            "lane_filled",
            "Customer segments, front office or back office empty",
            "The delivery system links the customers' demand variety to front- and "
            "back-office units.",
            DAHL_2012,
            roles=("customer", "onstage", "backstage"),
        ),
        SoftRule(
            "delivery.hand_off",
            "linked_to",
            "Front-office unit with no hand-off to the back office",
            "Front and back office are optimised differently but must be linked "
            "into smooth cross-functional collaboration.",
            DAHL_2012,
            roles=("onstage",),
            kinds=("front_office",),
            other_roles=("backstage",),
        ),
        SoftRule(
            "delivery.promise",
            "kinds_present",
            "No service promise",
            "The service promise links the outside-in and the inside-out view.",
            DAHL_2012,
            kinds=("promise",),
        ),
    )


def gaps_rules() -> tuple[SoftRule, ...]:
    return (
        _kind_in_lane("gaps", ZEITHAML_1988),
        SoftRule(
            "gaps.all_gaps",
            "gaps_drawn",
            "Gap not drawn, or drawn twice",
            "The model has five gaps: four on the provider's side and the customer "
            "gap between expected and perceived service.",
            ZEITHAML_1988,
        ),
    )


def service_concept_rules() -> tuple[SoftRule, ...]:
    return (
        SoftRule(
            "concept.elements",
            "kinds_present",
            "Service concept without its elements or segments",
            "A service concept states the experience, outcome, operation and value "
            "for chosen customer segments.",
            SEED_ESSAY,
            kinds=("concept_element", "segment"),
        ),
    )


def excellence_rules() -> tuple[SoftRule, ...]:
    return (
        SoftRule(
            "excellence.cycle",
            "cycle",
            "The four elements do not form a circle",
            "Service culture drives employee engagement, service quality and "
            "customer experience, which feeds back into the culture.",
            ISS_2014,
            kinds=("concept_element",),
            edge_kinds=("flow",),
        ),
    )
