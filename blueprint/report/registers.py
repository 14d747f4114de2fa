"""Project-wide sections: gap register, quality scorecard, SERVQUAL and findings."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak, Spacer

from blueprint.analysis import CHECKS, Finding
from blueprint.model import CRITERIA, GAPS, SERVQUAL_DIMENSIONS, Annotation, GapFinding

from .charts import QualityChart, ServqualChart
from .context import Context
from .diagram_tables import REGISTER_WIDTHS, cell, gap_head, gap_row
from .para import Paragraph
from .tables import head, rating_chip, signed, table
from .text import markup, short

SEVERITY_WORDS = {"warning": "Warning", "info": "Note"}


def where_prefix(ctx: Context, a: Annotation) -> str:
    """The diagram's name, when the report covers more than one."""
    return (
        short(ctx.doc.diagram(a.diagram_id).name, 40) if len(ctx.diagrams) > 1 else ""
    )


def gap_register(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [PageBreak(), *ctx.heading("Gap register", "Gaps model")]
    out.append(
        Paragraph(
            "Each gap of the Gaps model with the findings recorded against it, most "
            "severe first. Severity runs from 1 (mild) to 5 (severe). Source: "
            + markup(GAPS[1].source)
            + ".",
            s.lead,
        )
    )
    findings = [a for a in ctx.annotations if isinstance(a.body, GapFinding)]
    if not findings:
        out.append(
            Paragraph(
                "No gap findings have been recorded yet. Add gap "
                "annotations to steps, connectors or whole diagrams to "
                "fill this register.",
                s.muted,
            )
        )
    for number, gap in GAPS.items():
        mine = sorted(
            (a for a in findings if a.body.gap == number),
            key=lambda a: (-a.body.severity, a.order),
        )
        out += ctx.subheading(gap.title)
        out.append(Paragraph(markup(gap.definition), s.body))
        causes = " · ".join(markup(c) for c in gap.causes)
        out.append(Paragraph(f"<b>Typical causes:</b> {causes}", s.small))
        out.append(Spacer(1, 5))
        if not mine:
            out.append(Paragraph("No findings recorded for this gap.", s.muted))
            continue
        rows = [gap_head(ctx, with_gap=False)]
        rows += [gap_row(ctx, a.target_id, a.body, where_prefix(ctx, a)) for a in mine]
        out += table(ctx, rows, REGISTER_WIDTHS)
    return out


def quality_section(ctx: Context) -> list[Flowable]:
    s, q = ctx.styles, ctx.quality
    out: list[Flowable] = [PageBreak(), *ctx.heading("Quality scorecard", "Grönroos")]
    out.append(
        Paragraph(
            "Mean rating (1 worst to 7 best) of each of Grönroos' six criteria of good "
            "perceived service quality, over every rating in the report. Source: "
            + markup(CRITERIA["professionalism"].source)
            + ".",
            s.lead,
        )
    )
    if not q.count:
        out.append(
            Paragraph(
                "No quality ratings recorded yet: the criteria are shown unrated.",
                s.muted,
            )
        )
    else:
        out.append(
            Paragraph(
                f"{q.count} ratings, overall mean <b>{q.mean:.1f}</b> of 7.", s.body
            )
        )
    out.append(QualityChart(q, ctx.palette))
    ratings = [a for a in ctx.annotations if a.kind == "quality"]
    if ratings:
        out += ctx.subheading("Ratings and evidence")
        rows = [head(ctx, "Criterion", "Where", "Rating", "Evidence")]
        order = list(CRITERIA)
        ratings.sort(key=lambda a: (order.index(a.body.criterion), -a.body.rating))
        for a in ratings:
            where = ctx.name_of(a.target_id)
            if prefix := where_prefix(ctx, a):
                where = f"{prefix}: {where}"
            rows.append(
                [
                    ctx.plain(CRITERIA[a.body.criterion].name),
                    ctx.plain(where),
                    rating_chip(a.body.rating),
                    cell(ctx, a.body.evidence),
                ]
            )
        out += table(ctx, rows, (110, 130, 45, 255))
    out.append(Spacer(1, 10))
    out.append(
        Paragraph(
            "<b>The criteria.</b> "
            + " ".join(
                f"<i>{markup(c.name)}</i> ({c.group}): {markup(c.definition)}"
                for c in CRITERIA.values()
            ),
            s.small,
        )
    )
    return out


def servqual_section(ctx: Context) -> list[Flowable]:
    s, sq = ctx.styles, ctx.servqual
    out: list[Flowable] = [
        PageBreak(),
        *ctx.heading("SERVQUAL", "Expected and perceived"),
    ]
    out.append(
        Paragraph(
            "Mean expectation and perception (1 to 7) on each of the five SERVQUAL "
            "dimensions; the gap is perception minus expectation, so a negative gap is "
            "a shortfall. Source: "
            + markup(SERVQUAL_DIMENSIONS["tangibles"].source)
            + ".",
            s.lead,
        )
    )
    if not sq.count:
        out.append(Paragraph("No SERVQUAL scores recorded yet.", s.muted))
    else:
        text = f"Unweighted SERVQUAL score <b>{signed(sq.unweighted)}</b>"
        if sq.weighted is not None:
            text += f"; weighted by importance <b>{signed(sq.weighted)}</b>"
            if sq.weights_rescaled:
                text += " (weights rescaled to the dimensions measured)"
        out.append(Paragraph(text + f", from {sq.count} scores.", s.body))
    out.append(ServqualChart(sq, ctx.palette))
    if sq.count:
        rows = [
            head(
                ctx,
                "Dimension",
                "Scores",
                "Expected",
                "Perceived",
                "Gap P − E",
                "Importance",
            )
        ]
        for d in sq.dimensions:
            number = lambda v: "—" if v is None else f"{v:.2f}"  # noqa: E731
            share = "—" if d.weight is None else f"{d.weight:.0%}"
            rows.append(
                [
                    ctx.plain(d.name),
                    str(d.count),
                    number(d.expectation),
                    number(d.perception),
                    signed(d.score) if d.score is not None else "—",
                    share,
                ]
            )
        out += [
            *ctx.minor("Scores by dimension"),
            *table(
                ctx,
                rows,
                (150, 60, 70, 70, 70, 70),
                extra=[("ALIGN", (1, 0), (-1, -1), "RIGHT")],
            ),
        ]
    out.append(Spacer(1, 10))
    out.append(
        Paragraph(
            "<b>The dimensions.</b> "
            + " ".join(
                f"<i>{markup(d.name)}</i>: {markup(d.definition)}"
                for d in SERVQUAL_DIMENSIONS.values()
            )
            + " SERVQUAL's difference scores and its five-factor structure have been "
            "questioned (Cronin &amp; Taylor's SERVPERF uses perceptions only); read "
            "small gaps with care.",
            s.small,
        )
    )
    return out


@dataclass
class FindingGroup:
    """The findings of one check: said once, with every place it applies."""

    check: str
    name: str
    severity: str
    explanation: str
    items: list[tuple[str, str]]  # (diagram id, what)


def grouped(findings: list[Finding]) -> list[FindingGroup]:
    groups: dict[tuple[str, str], FindingGroup] = {}
    for f in findings:
        known = CHECKS.get(f.check)
        if known is not None:
            name, item = known.name, f.title
        else:  # a notation's soft rule: "Rule name: subject"
            name, _, item = f.title.partition(": ")
            item = item or f.title
        key = (f.check, f.explanation)
        group = groups.get(key)
        if group is None:
            group = groups[key] = FindingGroup(
                f.check, name, f.severity, f.explanation, []
            )
        group.items.append((f.diagram_id, item))
    return sorted(
        groups.values(), key=lambda g: (g.severity != "warning", -len(g.items))
    )


def findings_table(
    ctx: Context, groups: list[FindingGroup], limit: int = 0
) -> list[Flowable]:
    """One row per check: severity, what was found where, and why it matters."""
    s = ctx.styles
    many = len(ctx.diagrams) > 1
    rows = [head(ctx, "", "Finding", "Why it matters")]
    for g in groups:
        items = g.items[:limit] if limit else g.items
        found = [Paragraph(markup(f"{g.name} ({len(g.items)})"), s.cell_bold)]
        for diagram_id, item in items:
            prefix = f"{short(ctx.doc.diagram(diagram_id).name, 30)}: " if many else ""
            found.append(
                Paragraph(markup(prefix + short(item, 300)), s.bullet, bulletText="•")
            )
        if len(items) < len(g.items):
            found.append(Paragraph(f"and {len(g.items) - len(items)} more", s.caption))
        rows.append(
            [
                ctx.plain(SEVERITY_WORDS.get(g.severity, g.severity)),
                found,
                cell(ctx, g.explanation),
            ]
        )
    return table(ctx, rows, (48, 262, 230))


def findings_section(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [PageBreak(), *ctx.heading("Findings", "Analysis")]
    out.append(
        Paragraph(
            "What the analysis of the diagrams' structure found worth a look, by "
            "check: steps without support, hidden steps meeting the customer, contacts "
            "not marked as moments of truth and the like. Warnings come first; none of "
            "them blocks anything.",
            s.lead,
        )
    )
    if not ctx.findings:
        out.append(Paragraph("The analysis found nothing to report.", s.muted))
        return out
    out += findings_table(ctx, grouped(ctx.findings))
    return out
