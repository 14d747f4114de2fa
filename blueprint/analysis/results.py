"""What the analysis returns: plain frozen dataclasses, JSON-ready through `as_dict`.

Tuples everywhere (never networkx objects or mutable containers), so results can be
shared between threads and compared in tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Severity = Literal["info", "warning"]


@dataclass(frozen=True)
class Finding:
    """Something in a diagram worth a look; findings never block anything."""

    check: str  # stable id, e.g. "unsupported-customer-action"; see CHECKS
    title: str  # one line naming the step
    explanation: str  # why it matters and what to do, for users
    severity: Severity
    diagram_id: str
    node_ids: tuple[str, ...] = ()
    edge_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Journey:
    """One ordered path of customer actions (start/end markers included).

    `moments_of_truth` are the steps on it flagged as moments of truth or with a
    connector crossing the line of interaction (a direct contact; Bitner 2008), in
    path order; `contact_edge_ids` are those crossing connectors. `time` is the sum
    of the steps' durations and waits in minutes; `untimed` lists steps with neither.
    """

    node_ids: tuple[str, ...]
    moments_of_truth: tuple[str, ...]
    contact_edge_ids: tuple[str, ...]
    time: float
    untimed: tuple[str, ...]


@dataclass(frozen=True)
class Timing:
    """Times in minutes (duration + wait of each step).

    total_time: the customer's time along the longest of their paths; alternative
    or parallel branches are not added together. critical_time: the longest path
    through the whole flow (all lanes). Loops are counted once. Paths are the
    longest by time; when no step on them has a time, the longest by steps.
    """

    total_time: float = 0.0
    customer_path: tuple[str, ...] = ()
    critical_time: float = 0.0
    critical_path: tuple[str, ...] = ()
    untimed_steps: int = 0  # steps (any lane) with neither duration nor wait


@dataclass(frozen=True)
class GapCount:
    gap: int
    name: str
    total: int = 0
    open: int = 0
    in_progress: int = 0
    closed: int = 0
    by_severity: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # severity 1..5
    max_severity: int | None = None


@dataclass(frozen=True)
class GapSummary:
    """Gap annotations by gap number (1-5 always present), severity and status."""

    total: int = 0
    open: int = 0
    in_progress: int = 0
    closed: int = 0
    by_severity: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)  # severity 1..5
    by_gap: tuple[GapCount, ...] = ()


@dataclass(frozen=True)
class CriterionScore:
    criterion: str
    name: str
    group: str  # outcome, process or image
    count: int = 0
    mean: float | None = None
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class QualitySummary:
    """Grönroos' six criteria (always all six, catalogue order), ratings 1-7."""

    count: int = 0
    mean: float | None = None  # over every rating
    criteria: tuple[CriterionScore, ...] = ()


@dataclass(frozen=True)
class DimensionScore:
    dimension: str
    name: str
    count: int = 0
    expectation: float | None = None  # mean E
    perception: float | None = None  # mean P
    score: float | None = None  # mean of P - E (negative: a shortfall)
    mean_weight: float | None = None  # mean points of 100
    weight: float | None = None  # share used in the weighted score (sums to 1)


@dataclass(frozen=True)
class ServqualSummary:
    """SERVQUAL (Parasuraman, Zeithaml & Berry 1988).

    unweighted: mean of the dimension scores of the dimensions that were measured.
    weighted: sum of weight x score, where a dimension's weight is its mean points
    / 100; when the measured dimensions' mean points do not sum to 100 (e.g. a
    dimension was not measured) the weights are rescaled to sum to 1 and
    `weights_rescaled` is True. None when nothing (or no weight) was given.
    """

    count: int = 0
    unweighted: float | None = None
    weighted: float | None = None
    weights_rescaled: bool = False
    dimensions: tuple[DimensionScore, ...] = ()


@dataclass(frozen=True)
class Counts:
    nodes: int = 0
    edges: int = 0
    steps: int = 0  # nodes somebody acts in (not notes, frames, evidence, markers)
    customer_actions: int = 0  # actions and decisions in customer lanes
    moments_of_truth: int = 0  # flagged nodes
    fail_points: int = 0
    wait_points: int = 0
    contacts: int = 0  # connectors crossing the line of interaction
    gap_annotations: int = 0
    quality_annotations: int = 0
    servqual_annotations: int = 0
    note_annotations: int = 0

    @property
    def annotations(self) -> int:
        return (
            self.gap_annotations
            + self.quality_annotations
            + self.servqual_annotations
            + self.note_annotations
        )

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{
                f.name: getattr(self, f.name) + getattr(other, f.name)
                for f in fields(self)
            }
        )


@dataclass(frozen=True)
class DiagramAnalysis:
    diagram_id: str
    name: str
    notation: str
    findings: tuple[Finding, ...] = ()
    journeys: tuple[Journey, ...] = ()
    journeys_truncated: bool = False  # more paths exist than were listed
    timing: Timing = field(default_factory=Timing)
    gap_summary: GapSummary = field(default_factory=GapSummary)
    quality_summary: QualitySummary = field(default_factory=QualitySummary)
    servqual_summary: ServqualSummary = field(default_factory=ServqualSummary)
    counts: Counts = field(default_factory=Counts)


@dataclass(frozen=True)
class ProjectAnalysis:
    """Every diagram (in diagram order) and the summaries over all of them, computed
    from the annotations themselves (not as means of the diagrams' means)."""

    diagrams: tuple[DiagramAnalysis, ...] = ()
    gap_summary: GapSummary = field(default_factory=GapSummary)
    quality_summary: QualitySummary = field(default_factory=QualitySummary)
    servqual_summary: ServqualSummary = field(default_factory=ServqualSummary)
    counts: Counts = field(default_factory=Counts)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.diagrams for f in d.findings)

    def diagram(self, diagram_id: str) -> DiagramAnalysis:
        for d in self.diagrams:
            if d.diagram_id == diagram_id:
                return d
        raise KeyError(f"no diagram {diagram_id!r} in the analysis")


def as_dict(result: Any) -> dict[str, Any]:
    """Any result as JSON-ready dicts and lists (counts include their total)."""
    out = asdict(result)
    _add_totals(result, out)
    return out


def _add_totals(result: Any, out: dict[str, Any]) -> None:
    if isinstance(result, Counts):
        out["annotations"] = result.annotations
    elif isinstance(result, DiagramAnalysis | ProjectAnalysis):
        _add_totals(result.counts, out["counts"])
        if isinstance(result, ProjectAnalysis):
            for d, dd in zip(result.diagrams, out["diagrams"], strict=True):
                _add_totals(d, dd)
