"""The vocabulary of the models as data: lane roles, lines, gaps, criteria, SERVQUAL.

Defined once, with sources, and read by the UI (choosers, tooltips, the models panel),
the analysis and the report. Labels live here so they can be corrected without code.
"""

from __future__ import annotations

from dataclasses import dataclass

ZEITHAML_1988 = (
    "Zeithaml, Berry & Parasuraman, 'Communication and Control Processes in the "
    "Delivery of Service Quality', Journal of Marketing 52(2), 1988, pp. 35-48"
)
GRONROOS_1990 = (
    "Grönroos, Service Management and Marketing: Managing the Moments of Truth in "
    "Service Competition, 1990"
)
SERVQUAL_1988 = (
    "Parasuraman, Zeithaml & Berry, 'SERVQUAL: A Multiple-Item Scale for Measuring "
    "Consumer Perceptions of Service Quality', Journal of Retailing 64(1), 1988"
)
SHOSTACK_1984 = (
    "Shostack, 'Designing services that deliver', Harvard Business Review 62(1), 1984"
)
BITNER_2008 = (
    "Bitner, Ostrom & Morgan, 'Service Blueprinting: A Practical Technique for Service "
    "Innovation', California Management Review 50(3), 2008, pp. 66-94"
)


@dataclass(frozen=True)
class Term:
    """A named concept with a definition and where it comes from."""

    id: str
    name: str
    definition: str
    source: str


# -- lanes, lines, edges ---------------------------------------------------------

LANE_ROLES: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "physical_evidence",
            "Physical evidence",
            "What the customer sees or touches at each step: buildings, signage, "
            "forms, e-mails, app screens, receipts.",
            BITNER_2008,
        ),
        Term(
            "customer",
            "Customer actions",
            "The customer's steps, choices and interactions; drawn first, everything "
            "else supports it.",
            BITNER_2008,
        ),
        Term(
            "onstage",
            "Onstage contact employee actions",
            "What contact staff or visible technology do in front of the customer.",
            BITNER_2008,
        ),
        Term(
            "backstage",
            "Backstage contact employee actions",
            "Contact staff's actions out of the customer's sight.",
            BITNER_2008,
        ),
        Term(
            "support",
            "Support processes",
            "Internal services, systems and departments needed to deliver the service.",
            BITNER_2008,
        ),
        Term(
            "management",
            "Management",
            "Management and planning, below the line of implementation.",
            "Kingman-Brundage, 'The ABCs of service system blueprinting', 1989",
        ),
        Term("other", "Other", "A lane or zone without a blueprint role.", ""),
    )
}

LINE_KINDS: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "interaction",
            "Line of interaction",
            "Each connector crossing it is a direct customer-organisation contact, "
            "a moment of truth.",
            BITNER_2008,
        ),
        Term(
            "visibility",
            "Line of visibility",
            "Above it is what the customer sees; below it is hidden.",
            SHOSTACK_1984,
        ),
        Term(
            "internal_interaction",
            "Line of internal interaction",
            "Separates contact staff from the rest of the organisation.",
            BITNER_2008,
        ),
        Term(
            "implementation",
            "Line of implementation",
            "Separates support processes from management and planning.",
            "Kingman-Brundage, 'The ABCs of service system blueprinting', 1989",
        ),
    )
}

EDGE_KINDS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("flow", "Flow", "The order in which steps happen.", BITNER_2008),
        Term(
            "support",
            "Support",
            "One part of the system enables another (management, physical or "
            "systems support).",
            GRONROOS_1990,
        ),
        Term("information", "Information", "Information passed between steps.", ""),
        Term(
            "communication",
            "Communication",
            "Communication between parties, e.g. promises made to the customer.",
            ZEITHAML_1988,
        ),
        Term(
            "gap",
            "Gap",
            "A gap of the Gaps model between two of its elements.",
            ZEITHAML_1988,
        ),
    )
}

SUPPORT_TYPES: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "management", "Management support", "Support by management.", GRONROOS_1990
        ),
        Term(
            "physical",
            "Physical support",
            "Support by support functions with physical resources.",
            GRONROOS_1990,
        ),
        Term(
            "systems",
            "Systems support",
            "Support by technology and systems.",
            GRONROOS_1990,
        ),
    )
}

NODE_FLAGS: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "fail_point",
            "Fail point",
            "A step likely to go wrong; it needs an owner and a recovery.",
            SHOSTACK_1984,
        ),
        Term("wait_point", "Wait point", "The customer waits here.", SHOSTACK_1984),
        Term(
            "moment_of_truth",
            "Moment of truth",
            "An interaction in which the customer judges the service.",
            GRONROOS_1990,
        ),
    )
}

# -- the Gaps model ---------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    number: int
    name: str
    between: str
    causes: tuple[str, ...]
    source: str = ZEITHAML_1988

    @property
    def title(self) -> str:
        return f"Gap {self.number}: {self.name}"

    @property
    def definition(self) -> str:
        return f"The gap between {self.between}."


GAPS: dict[int, Gap] = {
    g.number: g
    for g in (
        Gap(
            1,
            "Listening gap",
            "customer expectations and management's perception of them",
            (
                "Too little customer research",
                "Poor upward communication from contact staff",
                "Too many levels of management",
            ),
        ),
        Gap(
            2,
            "Design and standards gap",
            "management's perception of expectations and the service quality "
            "specifications",
            (
                "Weak management commitment to service quality",
                "No goal setting",
                "Tasks not standardised",
                "'Not feasible' thinking",
                "No customer-driven standards",
            ),
        ),
        Gap(
            3,
            "Performance gap",
            "the service quality specifications and the service actually delivered",
            (
                "Poor teamwork",
                "Poor employee-job fit",
                "Poor technology-job fit",
                "Little perceived control",
                "Weak supervisory control systems",
                "Role conflict",
                "Role ambiguity",
                "Customers not playing their part",
            ),
        ),
        Gap(
            4,
            "Communication gap",
            "the service delivered and external communications about it",
            (
                "Poor horizontal communication between operations and marketing",
                "Poor communication across sites",
                "Propensity to over-promise",
            ),
        ),
        Gap(
            5,
            "Customer gap",
            "expected service and perceived service",
            ("The result of gaps 1-4; measured with SERVQUAL",),
        ),
    )
}

GAP_STATUSES: tuple[str, ...] = ("open", "in_progress", "closed")

# -- Grönroos' six criteria -------------------------------------------------------


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    group: str  # outcome, process or image
    definition: str
    source: str = f"{GRONROOS_1990}, p. 47"


CRITERIA: dict[str, Criterion] = {
    c.id: c
    for c in (
        Criterion(
            "professionalism",
            "Professionalism and skills",
            "outcome",
            "The provider, its staff, systems and resources have the knowledge and "
            "skills to solve the customer's problem.",
        ),
        Criterion(
            "attitudes",
            "Attitudes and behaviour",
            "process",
            "Contact staff show concern and a spontaneous, friendly interest in "
            "solving the customer's problem.",
        ),
        Criterion(
            "accessibility",
            "Accessibility and flexibility",
            "process",
            "Location, hours, staff and systems make the service easy to reach and "
            "able to adjust to the customer's demands.",
        ),
        Criterion(
            "reliability",
            "Reliability and trustworthiness",
            "process",
            "The customer can rely on promises being kept and on staff acting in the "
            "customer's interest.",
        ),
        Criterion(
            "recovery",
            "Recovery",
            "process",
            "When something goes wrong, the provider acts at once to keep the "
            "customer in control and find a solution.",
        ),
        Criterion(
            "reputation",
            "Reputation and credibility",
            "image",
            "The customer trusts the provider's operations, value for money and "
            "values.",
        ),
    )
}

# -- SERVQUAL ------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    items: int
    definition: str
    source: str = SERVQUAL_1988


SERVQUAL_DIMENSIONS: dict[str, Dimension] = {
    d.id: d
    for d in (
        Dimension(
            "tangibles",
            "Tangibles",
            4,
            "Appearance of physical facilities, equipment, personnel and "
            "communication materials.",
        ),
        Dimension(
            "reliability",
            "Reliability",
            5,
            "Ability to perform the promised service dependably and accurately.",
        ),
        Dimension(
            "responsiveness",
            "Responsiveness",
            4,
            "Willingness to help customers and provide prompt service.",
        ),
        Dimension(
            "assurance",
            "Assurance",
            4,
            "Knowledge and courtesy of staff and their ability to inspire trust and "
            "confidence.",
        ),
        Dimension(
            "empathy",
            "Empathy",
            5,
            "Caring, individualised attention the firm provides its customers.",
        ),
    )
}

SCALE_MIN, SCALE_MAX = 1, 7  # quality ratings and SERVQUAL scores
SEVERITY_MIN, SEVERITY_MAX = 1, 5
