"""PDF reports of a project: cover, contents, summary, diagrams, registers, findings.

reportlab is imported only in this package. Use::

    from blueprint.report import write_report, ReportOptions, ReportError
    write_report(doc, "report.pdf", ReportOptions(page_size="A4"))
"""

from .api import (
    PAGE_SIZES,
    SECTION_TITLES,
    SECTIONS,
    ReportError,
    ReportOptions,
    ReportResult,
    write_report,
)

__all__ = [
    "PAGE_SIZES",
    "SECTIONS",
    "SECTION_TITLES",
    "ReportError",
    "ReportOptions",
    "ReportResult",
    "write_report",
]
