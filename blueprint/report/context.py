"""What every section needs: the project, its analysis, styles and text helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import CondPageBreak, Flowable

from blueprint.analysis import (
    Counts,
    DiagramAnalysis,
    Finding,
    GapSummary,
    QualitySummary,
    ServqualSummary,
    analyse_project,
    gap_summary,
    quality_summary,
    servqual_summary,
)
from blueprint.model import Annotation, Diagram, Document, Edge, Node

from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR
from .para import Paragraph
from .plain import Plain
from .styles import Palette, Styles
from .template import Heading
from .text import chunks, clean, markup, short

LONG_CELL = 800  # characters a table cell shows before referring to the full text
LONG_LINES = 12  # lines, likewise (a cell of many short lines is as tall)
PREVIEW = 400
FACES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC, "bold_italic": BOLD_ITALIC}


@dataclass
class Context:
    doc: Document
    diagrams: list[Diagram]  # the diagrams the report covers, in project order
    styles: Styles
    body_frame: tuple[float, float]
    wide_frame: tuple[float, float]
    larger_frame: tuple[float, float]
    analyses: dict[str, DiagramAnalysis] = field(default_factory=dict)
    gaps: GapSummary = field(default_factory=GapSummary)
    quality: QualitySummary = field(default_factory=QualitySummary)
    servqual: ServqualSummary = field(default_factory=ServqualSummary)
    counts: Counts = field(default_factory=Counts)
    findings: list[Finding] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # for ReportResult
    _section: int = 0
    _long: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def create(
        cls,
        doc: Document,
        diagrams: list[Diagram],
        palette: Palette,
        body_frame: tuple[float, float],
        wide_frame: tuple[float, float],
        larger_frame: tuple[float, float],
    ) -> Context:
        """Analyse the project and keep the summaries of the chosen diagrams
        (computed from their annotations, as the analysis does project-wide)."""
        ctx = cls(doc, diagrams, Styles(palette), body_frame, wide_frame, larger_frame)
        analysis = analyse_project(doc)
        chosen = {d.id for d in diagrams}
        ctx.analyses = {
            a.diagram_id: a for a in analysis.diagrams if a.diagram_id in chosen
        }
        ctx.annotations = [a for d in diagrams for a in doc.annotations(d.id)]
        ctx.gaps = gap_summary(ctx.annotations)
        ctx.quality = quality_summary(ctx.annotations)
        ctx.servqual = servqual_summary(ctx.annotations)
        for d in diagrams:
            ctx.counts = ctx.counts + ctx.analyses[d.id].counts
            ctx.findings.extend(ctx.analyses[d.id].findings)
        return ctx

    @property
    def palette(self) -> Palette:
        return self.styles.palette

    # -- text --------------------------------------------------------------------------

    def p(self, text: str, style=None) -> Paragraph:
        """One paragraph of plain user text (escaped; keep it short)."""
        return Paragraph(markup(text), style or self.styles.body)

    def paras(self, text: str, style=None) -> list[Flowable]:
        """Any length of user text as paragraphs short enough to lay out fast."""
        style = style or self.styles.body
        return [Paragraph(markup(part), style) for part in chunks(text)]

    def plain(self, text: str, style=None) -> Plain:
        """Short user text for a table cell, as ctx.p would show it (the table
        decides how: see cells.prepare)."""
        return Plain((clean(text),), style or self.styles.cell)

    def cell(self, text: str, style=None, title: str = "") -> Plain | list | str:
        """User text for a table cell, in paragraphs as ctx.paras makes them.
        Text longer than LONG_CELL characters or LONG_LINES lines shows its start
        and a reference; the whole text follows the table (see long_texts): a
        narrow column would stretch it over pages."""
        if not text.strip():
            return ""
        style = style or self.styles.cell
        if len(text) <= LONG_CELL and text.count("\n") <= LONG_LINES:
            parts = tuple(chunks(text))
            return Plain(parts, style) if parts else []
        self._long.append((title, text))
        number = len(self._long)
        preview = Plain(tuple(chunks(short(text, PREVIEW))), style)
        note = f"Full text below the table, [{number}]."
        return [preview, Paragraph(markup(note), self.styles.caption)]

    def long_texts(self) -> list[Flowable]:
        """The full texts that table cells referred to, since the last call."""
        if not self._long:
            return []
        out: list[Flowable] = [
            CondPageBreak(100),
            Paragraph("Full texts", self.styles.h3),
        ]
        for number, (title, text) in enumerate(self._long, start=1):
            out.append(
                Paragraph(
                    markup(f"[{number}] {short(title, 200)}"), self.styles.cell_bold
                )
            )
            out += self.paras(text, self.styles.body)
        self._long = []
        return out

    def next_number(self) -> int:
        self._section += 1
        return self._section

    def heading(
        self, title: str, kicker: str = "", numbered: bool = True
    ) -> list[Flowable]:
        """A numbered section heading (contents level 0) with an optional kicker."""
        number = self.next_number() if numbered else None
        shown = f"{number}\u2002{short(title, 160)}" if number else short(title, 160)
        out: list[Flowable] = []
        if kicker:
            out.append(Paragraph(markup(kicker.upper()), self.styles.kicker))
        out.append(
            Heading(markup(shown), self.styles.h1, 0, shown, section=short(title, 80))
        )
        return out

    def subheading(self, title: str, contents: bool = True) -> list[Flowable]:
        """A level-1 heading, on a new page when fewer than ~8 lines are left
        (so it never sits alone at the foot of a page)."""
        h = Heading(
            markup(title), self.styles.h2, 1, short(title, 120), contents=contents
        )
        return [CondPageBreak(110), h]

    def minor(self, title: str) -> list[Flowable]:
        """A small heading over a table, kept with the table's first rows."""
        return [CondPageBreak(100), Paragraph(markup(title), self.styles.h3)]

    # -- names -------------------------------------------------------------------------

    def name_of(self, entity_id: str) -> str:
        """How a table names an annotation's target or a finding's step."""
        e = self.doc.get(entity_id)
        if isinstance(e, Node):
            return short(e.label, 80)
        if isinstance(e, Edge):
            a, b = self.doc.get(e.source_id), self.doc.get(e.target_id)
            names = [short(x.label, 36) if isinstance(x, Node) else "?" for x in (a, b)]
            caption = f" ({short(e.label, 40)})" if e.label.strip() else ""
            return f"{names[0]} → {names[1]}{caption}"
        if isinstance(e, Diagram):
            return "Whole diagram"
        return "—"
