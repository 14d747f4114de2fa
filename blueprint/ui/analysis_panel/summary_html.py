"""The analysis summaries of one diagram as rich text for the panel.

Step names link to "node:ID", so a click in the panel selects the step.
"""

from __future__ import annotations

from html import escape

from blueprint import theme
from blueprint.analysis import DiagramAnalysis
from blueprint.model import Document, Node
from blueprint.model.catalogue import SCALE_MAX

from .look import colour, themed

SHORTFALL, SURPLUS = "#cf222e", "#1a7f37"
STYLE = """
<style>
body { color: #1f2328; }
h3 { margin: 12px 0 4px 0; font-size: 10pt; color: #1f2328; }
p { margin: 2px 0; }
td, th { padding: 2px 8px 2px 0; }
th { text-align: left; color: #57606a; font-weight: normal; }
a { color: #1f6feb; text-decoration: none; }
.muted { color: #57606a; }
</style>
"""


def minutes(value: float) -> str:
    if value >= 120:
        hours, rest = divmod(round(value), 60)
        return f"{hours} h {rest:02d} min"
    return f"{value:g} min"


def signed(value: float) -> str:
    if abs(value) < 0.005:
        return "0.00"
    return f"{'+' if value > 0 else '−'}{abs(value):.2f}"


def chip(fill: str, text: str = "&nbsp;&nbsp;&nbsp;") -> str:
    """A value on its colour (theme colours: dark text reads on all of them)."""
    return f"<span style='background:{fill}; color:#1f2328'>&nbsp;{text}&nbsp;</span>"


def _step(doc: Document, node_id: str, star: bool = False) -> str:
    node = doc.get(node_id)
    label = node.label if isinstance(node, Node) else "?"
    name = escape(label.replace("\n", " ")[:60])
    link = f"<a href='node:{node_id}'>{name}</a>"
    return f"<b>{link}&nbsp;★</b>" if star else link


def journeys(doc: Document, result: DiagramAnalysis, colour_blind: bool) -> str:
    out = ["<h3>Customer journey</h3>"]
    if not result.journeys:
        out.append(
            "<p class='muted'>No customer actions in a customer lane, so no "
            "journey to follow.</p>"
        )
        return "".join(out)
    many = len(result.journeys) > 1
    for i, j in enumerate(result.journeys[:5], start=1):
        moments = set(j.moments_of_truth)
        steps = " → ".join(_step(doc, n, n in moments) for n in j.node_ids)
        head = f"<b>Path {i}</b> · " if many else ""
        time = minutes(j.time) if j.time else "no times given"
        out.append(
            f"<p>{head}{steps}</p><p class='muted'>{len(j.node_ids)} steps · "
            f"{len(moments)} moment{'s' if len(moments) != 1 else ''} of truth (★) · "
            f"{time}</p>"
        )
    if len(result.journeys) > 5 or result.journeys_truncated:
        out.append("<p class='muted'>More alternative paths are not listed.</p>")
    return "".join(out)


def timing(doc: Document, result: DiagramAnalysis) -> str:
    t = result.timing
    rows = [
        ("Customer's time (longest path)", minutes(t.total_time)),
        (
            "Critical path (all lanes)",
            f"{minutes(t.critical_time)} over {len(t.critical_path)} steps",
        ),
    ]
    if t.untimed_steps:
        rows.append(("Steps without a time", str(t.untimed_steps)))
    body = "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in rows)
    return f"<h3>Timing</h3><table>{body}</table>"


def gaps(result: DiagramAnalysis, colour_blind: bool) -> str:
    s = result.gap_summary
    out = ["<h3>Gaps</h3>"]
    if not s.total:
        out.append("<p class='muted'>No gaps marked on this diagram.</p>")
        return "".join(out)
    out.append(
        f"<p>{s.total} marked: {s.open} open, {s.in_progress} in progress, "
        f"{s.closed} closed</p>"
    )
    out.append(
        "<table><tr><th>Gap</th><th>Total</th><th>Open</th><th>Worst</th>"
        "<th>By severity 1–5</th></tr>"
    )
    for g in s.by_gap:
        if not g.total:
            continue
        worst = (
            chip(
                theme.severity_colour(g.max_severity, colour_blind), str(g.max_severity)
            )
            if g.max_severity
            else ""
        )
        spread = " ".join(str(n) for n in g.by_severity)
        out.append(
            f"<tr><td>{g.gap} {escape(g.name)}</td><td>{g.total}</td>"
            f"<td>{g.open}</td><td>{worst}</td><td class='muted'>{spread}</td></tr>"
        )
    out.append("</table>")
    return "".join(out)


def quality(result: DiagramAnalysis, colour_blind: bool) -> str:
    q = result.quality_summary
    out = ["<h3>Quality scorecard</h3>"]
    if not q.count:
        out.append("<p class='muted'>No quality ratings on this diagram.</p>")
        return "".join(out)
    out.append(
        "<table><tr><th>Criterion</th><th>Ratings</th><th>Mean</th><th>Min</th></tr>"
    )
    for c in q.criteria:
        if c.count and c.mean is not None:
            mean = chip(theme.rating_colour(c.mean, colour_blind), f"{c.mean:.1f}")
            low = str(c.min)
        else:
            mean, low = "<span class='muted'>—</span>", ""
        out.append(
            f"<tr><td>{escape(c.name)}</td><td>{c.count}</td><td>{mean}</td>"
            f"<td>{low}</td></tr>"
        )
    out.append("</table>")
    if q.mean is not None:
        out.append(
            f"<p>Mean over all {q.count} ratings: {q.mean:.1f} of {SCALE_MAX}</p>"
        )
    return "".join(out)


def servqual(result: DiagramAnalysis) -> str:
    s = result.servqual_summary
    out = ["<h3>SERVQUAL</h3>"]
    if not s.count:
        out.append("<p class='muted'>No SERVQUAL scores on this diagram.</p>")
        return "".join(out)
    out.append(
        "<table><tr><th>Dimension</th><th>E</th><th>P</th><th>P − E</th>"
        "<th>Weight</th></tr>"
    )
    for d in s.dimensions:
        if not d.count or d.score is None:
            out.append(
                f"<tr><td>{escape(d.name)}</td><td colspan='4' class='muted'>"
                "not measured</td></tr>"
            )
            continue
        tone = colour(SHORTFALL if d.score < 0 else SURPLUS)
        weight = f"{d.mean_weight:g} pts" if d.mean_weight is not None else ""
        out.append(
            f"<tr><td>{escape(d.name)}</td><td>{d.expectation:.2f}</td>"
            f"<td>{d.perception:.2f}</td>"
            f"<td style='color:{tone}'><b>{signed(d.score)}</b></td>"
            f"<td>{weight}</td></tr>"
        )
    out.append("</table>")
    if s.unweighted is not None:
        line = f"Overall: unweighted <b>{signed(s.unweighted)}</b>"
        if s.weighted is not None:
            line += f", weighted <b>{signed(s.weighted)}</b>"
        out.append(f"<p>{line}</p>")
        if s.weights_rescaled:
            out.append(
                "<p class='muted'>The weights do not add up to 100 points; they "
                "were rescaled.</p>"
            )
    return "".join(out)


def counts(result: DiagramAnalysis) -> str:
    c = result.counts
    items = (
        (c.steps, "steps"),
        (c.customer_actions, "customer actions"),
        (c.moments_of_truth, "moments of truth"),
        (c.fail_points, "fail points"),
        (c.wait_points, "wait points"),
        (c.contacts, "contacts across the line of interaction"),
    )
    text = " · ".join(f"{n} {words}" for n, words in items)
    return f"<p class='muted'>{text}</p>"


def summary_html(doc: Document, result: DiagramAnalysis, colour_blind: bool) -> str:
    return themed(STYLE) + "".join(
        (
            counts(result),
            journeys(doc, result, colour_blind),
            timing(doc, result),
            gaps(result, colour_blind),
            quality(result, colour_blind),
            servqual(result),
        )
    )
