"""Analysis of diagrams on networkx: checks, customer journeys, timing, summaries.

Only this package imports networkx, and no networkx object leaves it: every result
is a plain frozen dataclass (see results.py). The analysis never changes the
Document; to run it off the GUI thread, take `snapshot(doc)` on the GUI thread.
"""

from .analyse import Analyser, analyse_diagram, analyse_project
from .checks import CHECKS, Check
from .graph import DiagramGraph, build_graph
from .journey import MAX_JOURNEYS
from .results import (
    Counts,
    CriterionScore,
    DiagramAnalysis,
    DimensionScore,
    Finding,
    GapCount,
    GapSummary,
    Journey,
    ProjectAnalysis,
    QualitySummary,
    ServqualSummary,
    Timing,
    as_dict,
)
from .snapshot import DiagramParts, Snapshot, snapshot
from .softchecks import COVERED_BY_BUILT_IN
from .summaries import gap_summary, quality_summary, servqual_summary

__all__ = [
    "CHECKS",
    "COVERED_BY_BUILT_IN",
    "MAX_JOURNEYS",
    "Analyser",
    "Check",
    "Counts",
    "CriterionScore",
    "DiagramAnalysis",
    "DiagramGraph",
    "DiagramParts",
    "DimensionScore",
    "Finding",
    "GapCount",
    "GapSummary",
    "Journey",
    "ProjectAnalysis",
    "QualitySummary",
    "ServqualSummary",
    "Snapshot",
    "Timing",
    "analyse_diagram",
    "analyse_project",
    "as_dict",
    "build_graph",
    "gap_summary",
    "quality_summary",
    "servqual_summary",
    "snapshot",
]
