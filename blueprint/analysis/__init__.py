"""Analysis of diagrams on networkx: checks, customer journeys, timing, summaries.

Entry points: `analyse_project(doc)` and `analyse_diagram(doc, diagram_id)` take a
Document, a `snapshot(doc)`, `doc.state()` or any iterable of entities, and return
plain frozen dataclasses (results.py; `as_dict` makes them JSON-ready). Only this
package imports networkx, and no networkx object leaves it.

- Findings are advice, never errors: built-in checks (CHECKS) and the notations'
  soft rules (model/softrules.py); `describe(check_id)` names any of them.
- The analysis only reads. To run it off the GUI thread, call `snapshot(doc)` on
  the GUI thread (a few list copies) and analyse the snapshot on the worker.
  `Analyser` re-runs a project and reuses the results of unchanged diagrams.
- A Document guarantees sound references; entities from a damaged import can be
  analysed as a plain list, and their broken references become findings.
"""

from .analyse import Analyser, analyse_diagram, analyse_project
from .checks import CHECKS, Check, describe
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
    "describe",
    "gap_summary",
    "quality_summary",
    "servqual_summary",
    "snapshot",
]
