"""The front of the report: cover, table of contents and executive summary."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from blueprint import theme
from blueprint.model import GapFinding

from .charts import QualityChart
from .contents import Contents
from .context import Context
from .diagram_tables import GAP_WIDTHS, gap_head, gap_row
from .fonts import REGULAR
from .para import Paragraph
from .registers import findings_table, grouped, where_prefix
from .render import colour
from .styles import RULE
from .tables import head, minutes, signed, table
from .template import Heading
from .text import markup, short

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def logo_image(data: bytes | None, max_w: float, max_h: float) -> Image | None:
    """The project's logo scaled into max_w x max_h, or None if it cannot be read
    (a damaged image must not stop the report)."""
    if not data:
        return None
    try:
        w, h = ImageReader(BytesIO(data)).getSize()
        scale = min(max_w / w, max_h / h)
        return Image(BytesIO(data), width=w * scale, height=h * scale, hAlign="LEFT")
    except Exception:
        return None


def cover(ctx: Context, day: dt.date, warnings: list[str]) -> list[Flowable]:
    s, p = ctx.styles, ctx.doc.project
    out: list[Flowable] = [NextPageTemplate("body"), Spacer(1, 24)]
    logo = logo_image(p.logo, 150, 60)
    if p.logo and logo is None:
        warnings.append("the project's logo could not be read and was left out")
    out.append(logo if logo is not None else Spacer(1, 60))
    out.append(Spacer(1, ctx.body_frame[1] * 0.16))
    out.append(Paragraph("SERVICE DESIGN REPORT", s.kicker))
    title = short(p.title, 220)
    out.append(Heading(markup(title), s.cover_title, 0, title, contents=False))
    if p.client.strip():
        out.append(
            Paragraph("Prepared for " + markup(short(p.client, 160)), s.cover_sub)
        )
    out.append(Spacer(1, 34))
    names = ", ".join(short(d.name, 60) for d in ctx.diagrams[:8])
    if len(ctx.diagrams) > 8:
        names += f" and {len(ctx.diagrams) - 8} more"
    rows = [
        ("Author", short(p.author, 120) or "—"),
        ("Date", long_date(day)),
        ("Diagrams", names or "none"),
    ]
    data = [
        [Paragraph(k.upper(), s.head), Paragraph(markup(v), s.cover_meta)]
        for k, v in rows
    ]
    t = Table(data, colWidths=[70, ctx.body_frame[0] * 0.6], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, colour(RULE)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, colour(RULE)),
            ]
        )
    )
    out.append(t)
    return out


def contents(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    toc = Contents(
        s.toc,
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [
        PageBreak(),
        Heading("Contents", s.h1, 0, "Contents", contents=False, section="Contents"),
        Spacer(1, 10),
        toc,
    ]


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def summary_text(ctx: Context) -> str:
    c, g, sq = ctx.counts, ctx.gaps, ctx.servqual
    out = [
        f"This report covers {_plural(len(ctx.diagrams), 'diagram')} with "
        f"{_plural(c.steps, 'step')}, "
        f"{_plural(c.moments_of_truth, 'moment of truth', 'moments of truth')} "
        f"and {_plural(c.fail_points, 'fail point')}."
    ]
    if g.total:
        worst = max(g.by_gap, key=lambda x: (x.max_severity or 0, x.total))
        state = ", ".join(
            f"{n} {word}"
            for n, word in (
                (g.open, "open"),
                (g.in_progress, "in progress"),
                (g.closed, "closed"),
            )
            if n
        )
        out.append(
            f"{_plural(g.total, 'gap finding')} {'is' if g.total == 1 else 'are'} "
            f"recorded ({state}); the most severe is in gap {worst.gap} "
            f"({worst.name.lower()}, severity {worst.max_severity})."
        )
    else:
        out.append("No gap findings are recorded yet.")
    if sq.unweighted is not None:
        mood = "fall short of" if sq.unweighted < 0 else "meet or exceed"
        out.append(
            f"The unweighted SERVQUAL score is {signed(sq.unweighted)}: "
            f"perceptions {mood} expectations."
        )
    warnings = sum(f.severity == "warning" for f in ctx.findings)
    if ctx.findings:
        out.append(
            f"The analysis raised {_plural(len(ctx.findings), 'finding')}, "
            f"{_plural(warnings, 'warning')} among them."
        )
    return " ".join(out)


def _stat_cards(ctx: Context) -> Table:
    s, c = ctx.styles, ctx.counts
    stats = [
        (len(ctx.diagrams), "Diagrams"),
        (c.steps, "Steps"),
        (c.moments_of_truth, "Moments of truth"),
        (c.fail_points, "Fail points"),
        (c.wait_points, "Wait points"),
        (ctx.gaps.open + ctx.gaps.in_progress, "Unresolved gaps"),
    ]
    row = [
        [Paragraph(str(n), s.stat), Paragraph(markup(label), s.stat_label)]
        for n, label in stats
    ]
    width = ctx.body_frame[0] / len(stats)
    t = Table([row], colWidths=[width] * len(stats), hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BACKGROUND", (0, 0), (-1, -1), ctx.palette.c("tint")),
                ("LINEBEFORE", (1, 0), (-1, -1), 2, colour("#ffffff")),
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, ctx.palette.c("accent")),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


def _gap_matrix(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    rows: list[list] = [
        head(ctx, "Gap", "", "Sev. 1", "2", "3", "4", "5", "Total", "Unresolved")
    ]
    extra = []
    for i, g in enumerate(ctx.gaps.by_gap, start=1):
        row: list = [
            Paragraph(f"<b>{g.gap}</b>", s.cell),
            Paragraph(markup(g.name), s.cell),
        ]
        for sev, n in enumerate(g.by_severity, start=1):
            row.append(str(n) if n else "·")
            if n:
                extra.append(
                    (
                        "BACKGROUND",
                        (1 + sev, i),
                        (1 + sev, i),
                        colour(theme.severity_colour(sev)),
                    )
                )
                if sev >= 4:
                    extra.append(
                        ("TEXTCOLOR", (1 + sev, i), (1 + sev, i), colour("#ffffff"))
                    )
        row += [str(g.total), str(g.open + g.in_progress)]
        rows.append(row)
    extra += [
        ("ALIGN", (2, 0), (-1, -1), "CENTER"),
        ("TEXTCOLOR", (2, 1), (-1, -1), colour(theme.INK)),
    ]
    return table(ctx, rows, (28, 160, 40, 40, 40, 40, 40, 45, 60), extra=extra[::-1])


def _diagram_table(ctx: Context) -> list[Flowable]:
    """One row per diagram: its size, markers, gaps and the customer's time."""
    rows: list[list] = [
        head(
            ctx,
            "Diagram",
            "Steps",
            "Moments of truth",
            "Fail points",
            "Gaps",
            "Findings",
            "Customer time",
        )
    ]
    for d in ctx.diagrams:
        a = ctx.analyses[d.id]
        c = a.counts
        rows.append(
            [
                ctx.plain(short(d.name, 120)),
                str(c.steps),
                str(c.moments_of_truth),
                str(c.fail_points),
                str(a.gap_summary.total),
                str(len(a.findings)),
                minutes(a.timing.total_time) if a.timing.total_time else "—",
            ]
        )
    return table(
        ctx,
        rows,
        (170, 45, 80, 60, 45, 60, 80),
        extra=[("ALIGN", (1, 0), (-1, -1), "RIGHT")],
    )


def summary(ctx: Context) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [PageBreak(), *ctx.heading("Executive summary", "Overview")]
    out += [Paragraph(markup(summary_text(ctx)), s.lead), _stat_cards(ctx)]
    if len(ctx.diagrams) > 1:
        out += ctx.subheading("Diagrams at a glance", contents=False)
        out += _diagram_table(ctx)
    out += ctx.subheading("Gaps by number and severity", contents=False)
    out += _gap_matrix(ctx)
    out += ctx.subheading("Quality scorecard", contents=False)
    if ctx.quality.count:
        out.append(QualityChart(ctx.quality, ctx.palette))
    else:
        out.append(Paragraph("No quality ratings recorded yet.", s.muted))
    sq = ctx.servqual
    if sq.unweighted is not None:
        text = f"SERVQUAL: unweighted score <b>{signed(sq.unweighted)}</b>"
        if sq.weighted is not None:
            text += f", weighted <b>{signed(sq.weighted)}</b>"
        out.append(Paragraph(text + f" from {sq.count} scores.", s.body))
    else:
        out.append(Paragraph("SERVQUAL: no scores recorded yet.", s.muted))
    gaps = sorted(
        (
            a
            for a in ctx.annotations
            if isinstance(a.body, GapFinding) and a.body.status != "closed"
        ),
        key=lambda a: (-a.body.severity, a.body.gap),
    )[:5]
    if gaps:
        out += ctx.subheading("Most severe unresolved gaps", contents=False)
        rows = [gap_head(ctx, with_gap=True)]
        rows += [
            gap_row(ctx, a.target_id, a.body, where_prefix(ctx, a), with_gap=True)
            for a in gaps
        ]
        out += table(ctx, rows, GAP_WIDTHS)
    groups = grouped(ctx.findings)
    if groups:
        out += ctx.subheading("Key findings of the analysis", contents=False)
        out += findings_table(ctx, groups[:4], limit=3)
        if len(groups) > 4:
            more = sum(len(g.items) for g in groups[4:])
            out.append(
                Paragraph(markup(f"{more} more in the Findings section."), s.caption)
            )
    return out
