"""What a worked example is, and the helpers its builder uses to stay deterministic."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..builder import Draft
from ..catalogue import GAPS
from ..document import Document
from ..entities import GapFinding, ProjectInfo, QualityRating, ServqualScore

# fixed stamps: a builder must produce the same project on every run
STAMP = "2025-01-15T09:00:00+00:00"


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    description: str
    build: Callable[[], Document]

    @property
    def filename(self) -> str:
        """The shipped file's name under resources/examples/."""
        return f"{self.id}.blueprint"


def project(title: str, client: str, accent: str, drafts: Iterable[Draft]) -> Document:
    doc = Document(
        ProjectInfo(
            title=title,
            client=client,
            author="Blueprint worked examples",
            created=STAMP,
            modified=STAMP,
            accent_colour=accent,
        )
    )
    for d in drafts:
        doc.add(d.entities())
    return doc


def servqual(d: Draft, scores: dict[str, tuple[float, float, float]]) -> None:
    """SERVQUAL scores on the whole diagram: dimension -> (E, P, weight)."""
    for dimension, (expectation, perception, weight) in scores.items():
        d.annotate("diagram", ServqualScore(dimension, expectation, perception, weight))


def finding(
    gap: int,
    text: str,
    cause: str,
    severity: int,
    remedy: str,
    owner: str,
    status: str = "open",
) -> GapFinding:
    """A gap finding whose cause is taken from the gap's own pick-list."""
    if cause not in GAPS[gap].causes:
        raise ValueError(f"gap {gap}: {cause!r} is not one of its causes")
    return GapFinding(gap, text, cause, severity, remedy, owner, status)


def rating(criterion: str, value: int, evidence: str) -> QualityRating:
    return QualityRating(criterion, value, evidence)
