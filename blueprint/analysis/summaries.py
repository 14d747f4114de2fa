"""Summaries of the annotations: gaps, Grönroos' quality criteria and SERVQUAL.

Each summary is computed from a flat sequence of annotations, so a diagram's and the
project's summaries use the same code (the project's from all annotations at once,
not as means of the diagrams' means).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

from blueprint.model import (
    CRITERIA,
    GAPS,
    SERVQUAL_DIMENSIONS,
    Annotation,
    GapFinding,
    QualityRating,
    ServqualScore,
)

from .results import (
    CriterionScore,
    DimensionScore,
    GapCount,
    GapSummary,
    QualitySummary,
    ServqualSummary,
)

B = TypeVar("B")

# tolerance for "the points sum to 100" (points are entered as whole numbers)
WEIGHT_TOTAL_TOLERANCE = 1e-6
STATUSES = ("open", "in_progress", "closed")


def _five(counts: list[int]) -> tuple[int, int, int, int, int]:
    return (counts[0], counts[1], counts[2], counts[3], counts[4])


def _bodies(annotations: Iterable[Annotation], kind: type[B]) -> list[B]:
    # an exact type test: cheaper than isinstance, and bodies are never subclassed
    return [a.body for a in annotations if type(a.body) is kind]


def gap_summary(annotations: Iterable[Annotation]) -> GapSummary:
    gaps = _bodies(annotations, GapFinding)
    statuses = Counter((b.gap, b.status) for b in gaps)
    severities = Counter((b.gap, b.severity) for b in gaps)
    by_gap = []
    for number, gap in GAPS.items():
        s = {status: statuses[number, status] for status in STATUSES}
        sev = [severities[number, level] for level in range(1, 6)]
        worst = max((i + 1 for i, c in enumerate(sev) if c), default=None)
        by_gap.append(
            GapCount(
                number,
                gap.name,
                sum(s.values()),
                s["open"],
                s["in_progress"],
                s["closed"],
                _five(sev),
                worst,
            )
        )
    return GapSummary(
        total=sum(c.total for c in by_gap),
        open=sum(c.open for c in by_gap),
        in_progress=sum(c.in_progress for c in by_gap),
        closed=sum(c.closed for c in by_gap),
        by_severity=_five([sum(c.by_severity[i] for c in by_gap) for i in range(5)]),
        by_gap=tuple(by_gap),
    )


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def quality_summary(annotations: Iterable[Annotation]) -> QualitySummary:
    ratings: dict[str, list[int]] = {c: [] for c in CRITERIA}
    for body in _bodies(annotations, QualityRating):
        ratings[body.criterion].append(body.rating)
    scores = tuple(
        CriterionScore(
            c.id,
            c.name,
            c.group,
            len(r := ratings[c.id]),
            _mean(r),  # type: ignore[arg-type]
            min(r, default=None),
            max(r, default=None),
        )
        for c in CRITERIA.values()
    )
    every = [x for r in ratings.values() for x in r]
    return QualitySummary(len(every), _mean(every), scores)  # type: ignore[arg-type]


def servqual_summary(annotations: Iterable[Annotation]) -> ServqualSummary:
    items: dict[str, list[ServqualScore]] = {d: [] for d in SERVQUAL_DIMENSIONS}
    for body in _bodies(annotations, ServqualScore):
        items[body.dimension].append(body)
    measured: dict[str, tuple[float, float]] = {}  # dimension -> (score, mean weight)
    partial = []
    for dim in SERVQUAL_DIMENSIONS.values():
        scores = items[dim.id]
        if not scores:
            partial.append(DimensionScore(dim.id, dim.name))
            continue
        n = len(scores)
        score = sum(s.gap for s in scores) / n
        weight = sum(s.weight for s in scores) / n
        measured[dim.id] = (score, weight)
        partial.append(
            DimensionScore(
                dim.id,
                dim.name,
                n,
                sum(s.expectation for s in scores) / n,
                sum(s.perception for s in scores) / n,
                score,
                weight,
            )
        )
    if not measured:
        return ServqualSummary(dimensions=tuple(partial))
    unweighted = sum(s for s, _ in measured.values()) / len(measured)
    points = sum(w for _, w in measured.values())
    rescaled = abs(points - 100.0) > WEIGHT_TOTAL_TOLERANCE
    shares: dict[str, float] = {}
    if points > 0:
        # w_d = points/100; when the points do not sum to 100, rescale to sum to 1
        divisor = points if rescaled else 100.0
        shares = {d: w / divisor for d, (_, w) in measured.items()}
    weighted = sum(shares[d] * s for d, (s, _) in measured.items()) if shares else None
    dimensions = tuple(
        DimensionScore(
            p.dimension,
            p.name,
            p.count,
            p.expectation,
            p.perception,
            p.score,
            p.mean_weight,
            shares.get(p.dimension),
        )
        for p in partial
    )
    return ServqualSummary(
        count=sum(p.count for p in partial),
        unweighted=unweighted,
        weighted=weighted,
        weights_rescaled=rescaled and points > 0,
        dimensions=dimensions,
    )
