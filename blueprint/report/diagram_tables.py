"""A diagram's steps and annotations as tables that split across pages."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer

from blueprint import theme
from blueprint.model import (
    CRITERIA,
    GAPS,
    NODE_KINDS,
    SERVQUAL_DIMENSIONS,
    GapFinding,
    NoteText,
    QualityRating,
    ServqualScore,
)
from blueprint.model.rules import stage_at

from .context import Context
from .para import Paragraph
from .plain import Plain
from .render import colour
from .tables import head, minutes, rating_chip, severity_chip, signed, table
from .text import markup, short

STEP_COLUMNS = {  # relative widths
    "Step": 140,
    "Stage": 58,
    "Kind": 74,
    "Time": 62,
    "Markers": 54,
    "Description": 152,
}
FLAG_WORDS = {"fail_point": "F", "wait_point": "W", "moment_of_truth": "M"}
STATUS = {"open": "Open", "in_progress": "In progress", "closed": "Closed"}


def cell(ctx: Context, text: str, style=None, title: str = "") -> Plain | list | str:
    """A table cell of user text of any length (see Context.cell)."""
    return ctx.cell(text, style, title)


def markers(node, gaps: Sequence[int] = ()) -> str:
    """Coloured badge letters as Paragraph markup."""
    out = []
    for flag, letter in FLAG_WORDS.items():
        if getattr(node, flag):
            col = theme.FLAG_BADGES[flag][1]
            out.append(f'<font color="{col}"><b>{letter}</b></font>')
    out += [
        f'<font color="{theme.GAP_BADGE}"><b>G{g}</b></font>' for g in sorted(set(gaps))
    ]
    return " ".join(out)


def steps_section(ctx: Context, diagram_id: str) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = ctx.subheading("Steps")
    nodes = ctx.doc.nodes(diagram_id)
    timing = ctx.analyses[diagram_id].timing
    if not nodes:
        return [
            *out,
            Paragraph(
                "No steps yet: add steps to the diagram's lanes to list them here.",
                s.muted,
            ),
        ]
    sentence = []
    if timing.total_time:
        sentence.append(
            f"The customer's longest path takes {minutes(timing.total_time)}"
        )
    if timing.critical_time:
        sentence.append(
            f"the longest path through all lanes {minutes(timing.critical_time)}"
        )
    text = "; ".join(sentence)
    if timing.untimed_steps:
        text += (". " if text else "") + (
            f"{timing.untimed_steps} of the steps have no duration or wait time yet"
        )
    if text:
        out.append(Paragraph(markup(text + "."), s.muted))
    out += journey(ctx, diagram_id)
    gaps: dict[str, list[int]] = {}
    for a in ctx.doc.annotations(diagram_id):
        if isinstance(a.body, GapFinding):
            gaps.setdefault(a.target_id, []).append(a.body.gap)
    # columns that would be empty for every step are left out
    has = {
        "Stage": bool(ctx.doc.stages(diagram_id)),
        "Time": any(n.duration is not None or n.wait_time for n in nodes),
        "Markers": any(
            n.fail_point or n.wait_point or n.moment_of_truth or n.id in gaps
            for n in nodes
        ),
        "Description": any(n.description.strip() for n in nodes),
    }
    columns = [c for c in STEP_COLUMNS if has.get(c, True)]
    rows: list[list] = [head(ctx, *columns)]
    extra = []
    by_lane: dict[str, list] = {}
    for n in nodes:
        by_lane.setdefault(n.lane_id, []).append(n)
    for lane in ctx.doc.lanes(diagram_id):
        members = sorted(by_lane.get(lane.id, ()), key=lambda n: (n.x, n.y))
        if not members:
            continue
        extra += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            # a lane's name never ends a page without its first step
            ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
            (
                "BACKGROUND",
                (0, len(rows)),
                (-1, len(rows)),
                colour(theme.LANE_HEADER_FILL.get(lane.role, "#e9ecef")),
            ),
        ]
        rows.append(
            [Paragraph(markup(lane.name), s.cell_bold)] + [""] * (len(columns) - 1)
        )
        for n in members:
            values = {
                "Step": ctx.cell(n.label, s.cell, "Step label"),
                "Kind": ctx.plain(NODE_KINDS[n.kind].name),
            }
            if has["Stage"]:
                stage = stage_at(ctx.doc, diagram_id, n.x + n.width / 2)
                values["Stage"] = ctx.plain(short(stage.name, 60)) if stage else ""
            if has["Time"]:
                time = minutes(n.duration)
                if n.wait_time:
                    time = (
                        (time + " + " if time else "") + minutes(n.wait_time) + " wait"
                    )
                values["Time"] = ctx.plain(time) if time else ""
            if has["Markers"]:
                values["Markers"] = Paragraph(markers(n, gaps.get(n.id, ())), s.cell)
            if has["Description"]:
                values["Description"] = cell(
                    ctx, n.description, title=f"Description of {short(n.label, 80)}"
                )
            rows.append([values[c] for c in columns])
    widths = [STEP_COLUMNS[c] for c in columns]
    out += table(ctx, rows, widths, extra=extra)
    return out


def journey(ctx: Context, diagram_id: str) -> list[Flowable]:
    """The customer's paths through the diagram, step by step, moments of truth
    in bold (the analysis lists alternative paths separately)."""
    analysis = ctx.analyses[diagram_id]
    out: list[Flowable] = []
    shown = analysis.journeys[:3]
    for i, j in enumerate(shown, start=1):
        names = []
        for node_id in j.node_ids[:40]:
            name = markup(ctx.name_of(node_id))
            names.append(f"<b>{name}</b>" if node_id in j.moments_of_truth else name)
        if len(j.node_ids) > 40:
            names.append(f"… {len(j.node_ids) - 40} more")
        label = "Customer journey" if len(shown) == 1 else f"Customer journey {i}"
        facts = f"{len(j.node_ids)} steps" + (f", {minutes(j.time)}" if j.time else "")
        out.append(
            Paragraph(
                f"<b>{label}</b> ({facts}; moments of truth in bold): "
                + " → ".join(names),
                ctx.styles.body,
            )
        )
    more = len(analysis.journeys) - len(shown)
    if more or analysis.journeys_truncated:
        out.append(
            Paragraph(
                f"{more if more else 'More'} other paths are not shown.",
                ctx.styles.caption,
            )
        )
    return out


def annotations_section(ctx: Context, diagram_id: str) -> list[Flowable]:
    s = ctx.styles
    notes = ctx.doc.annotations(diagram_id)
    out: list[Flowable] = ctx.subheading("Annotations")
    if not notes:
        return [
            *out,
            Paragraph(
                "No annotations on this diagram: gap findings, quality "
                "ratings, SERVQUAL scores and notes added to its steps "
                "appear here.",
                s.muted,
            ),
        ]
    kinds: dict[str, list] = {"gap": [], "quality": [], "servqual": [], "note": []}
    for a in notes:
        kinds[a.kind].append(a)
    if kinds["gap"]:
        rows = [gap_head(ctx, with_gap=True)]
        for a in sorted(kinds["gap"], key=lambda a: (a.body.gap, -a.body.severity)):
            rows.append(gap_row(ctx, a.target_id, a.body, with_gap=True))
        out += [*ctx.minor("Gap findings"), *table(ctx, rows, GAP_WIDTHS)]
    if kinds["quality"]:
        rows = [head(ctx, "On", "Criterion", "Rating", "Evidence")]
        order = list(CRITERIA)
        for a in sorted(kinds["quality"], key=lambda a: order.index(a.body.criterion)):
            q: QualityRating = a.body
            rows.append(
                [
                    ctx.plain(ctx.name_of(a.target_id)),
                    ctx.plain(CRITERIA[q.criterion].name),
                    rating_chip(q.rating),
                    cell(ctx, q.evidence, title="Evidence"),
                ]
            )
        out += [*ctx.minor("Quality ratings"), *table(ctx, rows, (130, 120, 50, 240))]
    if kinds["servqual"]:
        rows = [
            head(ctx, "On", "Dimension", "Expected", "Perceived", "Gap P − E", "Weight")
        ]
        order = list(SERVQUAL_DIMENSIONS)
        for a in sorted(kinds["servqual"], key=lambda a: order.index(a.body.dimension)):
            v: ServqualScore = a.body
            rows.append(
                [
                    ctx.plain(ctx.name_of(a.target_id)),
                    ctx.plain(SERVQUAL_DIMENSIONS[v.dimension].name),
                    f"{v.expectation:.2f}",
                    f"{v.perception:.2f}",
                    signed(v.gap),
                    f"{v.weight:g}",
                ]
            )
        numbers = [("ALIGN", (2, 0), (-1, -1), "RIGHT")]
        out += [
            *ctx.minor("SERVQUAL scores"),
            *table(ctx, rows, (150, 110, 60, 60, 70, 50), extra=numbers),
        ]
    if kinds["note"]:
        rows = [head(ctx, "On", "Note")]
        for a in kinds["note"]:
            n: NoteText = a.body
            rows.append(
                [
                    ctx.plain(ctx.name_of(a.target_id)),
                    cell(ctx, n.text, title="Note on " + ctx.name_of(a.target_id)),
                ]
            )
        out += [*ctx.minor("Notes"), *table(ctx, rows, (150, 390))]
    out.append(Spacer(1, 6))
    return out


GAP_WIDTHS = (96, 82, 152, 32, 122, 56)
REGISTER_WIDTHS = (120, 195, 30, 140, 55)


def gap_head(ctx: Context, with_gap: bool) -> list[Paragraph]:
    names = ["Where", "Gap", "Finding and cause", "Sev.", "Remedy", "Status"]
    return head(ctx, *(names if with_gap else names[:1] + names[2:]))


def gap_row(
    ctx: Context,
    target_id: str,
    g: GapFinding,
    diagram: str = "",
    with_gap: bool = False,
) -> list:
    """A gap finding as a table row: where, (gap,) finding and cause, severity,
    remedy and owner, status."""
    s = ctx.styles
    where = ctx.name_of(target_id)
    if diagram:
        where = f"{diagram}: {where}"
    finding = _list(ctx.cell(g.finding, s.cell, "Finding"))
    finding += _list(
        ctx.cell("Cause: " + g.cause, s.caption, "Cause") if g.cause.strip() else ""
    )
    remedy = _list(ctx.cell(g.remedy, s.cell, "Remedy"))
    remedy += _list(
        ctx.cell("Owner: " + g.owner, s.caption, "Owner") if g.owner.strip() else ""
    )
    row = [
        ctx.plain(where),
        _one(finding),
        severity_chip(g.severity),
        _one(remedy),
        ctx.plain(STATUS[g.status]),
    ]
    if with_gap:
        row.insert(
            1,
            [
                Paragraph(f"<b>Gap {g.gap}</b>", s.cell),
                Paragraph(markup(GAPS[g.gap].name), s.caption),
            ],
        )
    return row


def _list(content: Plain | list | str) -> list:
    if isinstance(content, Plain):
        return [content]
    return content if isinstance(content, list) else []


def _one(content: list) -> Plain | list | str:
    """A cell of these texts: a lone Plain as itself (see cells.prepare)."""
    if len(content) == 1 and isinstance(content[0], Plain):
        return content[0]
    return content or ""
