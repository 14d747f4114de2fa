"""The analysis panel: findings and summaries of the shown diagram, analysed on a
worker thread as the diagram changes."""

from .panel import AnalysisDock, severity_icon
from .runner import DEBOUNCE_MS, AnalysisRunner

__all__ = ["DEBOUNCE_MS", "AnalysisDock", "AnalysisRunner", "severity_icon"]
