"""Benchmark: the PDF report against reportlab drawing the same things on a bare canvas.

Workloads (300 nodes / 500 annotations on one blueprint; --quick: 100 / 150):
  report          write_report with every section (two layout passes, tables,
                  contents, tiles) vs. a bare reportlab canvas drawing the same
                  rectangles, connector lines and strings: every node box and
                  label, every connector, and every text the tables hold as lines
                  of plain strings, on as many pages, in the same embedded font
  diagram pages   write_report(sections={"diagrams"}) vs. the same bare canvas
                  drawing only the diagram (boxes, lines, labels) and the step
                  texts: the cost of routing, wrapping, tiling and the tables
  drawing         the diagram alone: build_scene (routes, wrapped labels, badges)
                  and draw_scene on each tile of a bare canvas vs. the bare canvas
                  drawing node boxes, labels and connector lines on as many pages

The report must take under 5 s of CPU time at full size. Each figure is the minimum
of 5 interleaved runs, in CPU time (steadier on a shared machine; common.py);
--quick measures only the report. Run as
`python tests/bench/bench_report.py [--quick]` or call `run(quick)`, which returns
one dict per workload.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "report"))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from common import interleave  # noqa: E402
from report_projects import scaled_project  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from blueprint.layout import plan_tiles  # noqa: E402
from blueprint.model import Document, GapFinding, NoteText, QualityRating  # noqa: E402
from blueprint.report import ReportOptions, write_report  # noqa: E402
from blueprint.report.diagram_page import measure  # noqa: E402
from blueprint.report.fonts import BOLD, REGULAR, register_fonts  # noqa: E402
from blueprint.report.render import draw_scene  # noqa: E402
from blueprint.report.scene import build_scene  # noqa: E402

LIMIT = 5.0  # seconds of CPU time for the full report at 300 nodes
LINES_PER_PAGE = 60
CHARS_PER_LINE = 95


def _cpu(app: Callable[[], object], base: Callable[[], object], runs: int):
    """CPU seconds of app and baseline: minima of interleaved runs (common.py)."""
    m = interleave(app, base, runs)
    return m.app_cpu, m.base_cpu


def _texts(doc: Document, diagram_id: str) -> list[str]:
    """Every text the report's tables print for a diagram."""
    out = []
    for n in doc.nodes(diagram_id):
        out += [n.label, n.kind, n.description]
    for a in doc.annotations(diagram_id):
        body = a.body
        if isinstance(body, GapFinding):
            out += [body.finding, body.cause, body.remedy, body.owner, body.status]
        elif isinstance(body, QualityRating):
            out += [body.criterion, str(body.rating), body.evidence]
        elif isinstance(body, NoteText):
            out.append(body.text)
        else:
            out.append(f"{body.dimension} {body.expectation} {body.perception}")
    return [t for t in out if t]


def _bare_canvas(doc: Document, path: Path, pages: int, with_tables: bool) -> None:
    """The baseline: rectangles, lines and strings straight onto a canvas."""
    register_fonts()
    d = doc.diagrams()[0].id
    size = landscape(A4)
    c = Canvas(str(path), pagesize=size, initialFontName=REGULAR)
    nodes = {n.id: n for n in doc.nodes(d)}
    tiles = max(1, pages)
    for tile in range(tiles):
        c.translate(-tile * size[0], 0)
        for n in nodes.values():
            c.rect(
                n.x * 0.6,
                size[1] - (n.y + n.height) * 0.6,
                n.width * 0.6,
                n.height * 0.6,
            )
            c.setFont(REGULAR, 6)
            c.drawString(n.x * 0.6 + 4, size[1] - (n.y + 30) * 0.6, n.label)
        for e in doc.edges(d):
            a, b = nodes[e.source_id], nodes[e.target_id]
            c.line(a.x * 0.6, size[1] - a.y * 0.6, b.x * 0.6, size[1] - b.y * 0.6)
        c.showPage()
    if with_tables:
        y = 0
        c.setFont(REGULAR, 8)
        for text in _texts(doc, d):
            for start in range(0, len(text), CHARS_PER_LINE):
                if y == 0:
                    c.setFont(BOLD, 8)
                    c.drawString(40, 800, "Steps and annotations")
                    c.setFont(REGULAR, 8)
                c.drawString(40, 780 - y * 12, text[start : start + CHARS_PER_LINE])
                c.line(40, 776 - y * 12, 555, 776 - y * 12)
                y += 1
                if y == LINES_PER_PAGE:
                    c.showPage()
                    y = 0
    c.save()


def _scene_canvas(doc: Document, path: Path) -> None:
    """What the report does for a diagram, without platypus: scene, tiles, draw."""
    d = doc.diagrams()[0].id
    size = landscape(A4)
    scene = build_scene(doc, d, measure)
    plan = plan_tiles(scene.bounds, size[0] - 60, size[1] - 120, 0.6)
    c = Canvas(str(path), pagesize=size, initialFontName=REGULAR)
    for viewport in plan.viewports:
        draw_scene(c, scene, viewport, 30, 60, plan.scale)
        c.showPage()
    c.save()


def _report(doc: Document, path: Path, sections: set[str] | None):
    return write_report(doc, path, ReportOptions(sections=sections))


def run(quick: bool = False) -> list[dict]:
    nodes, notes = (100, 150) if quick else (300, 500)
    runs = 5
    doc = scaled_project(nodes=nodes, annotations=notes)
    register_fonts()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        out, base = Path(tmp) / "report.pdf", Path(tmp) / "bare.pdf"
        first = _report(doc, out, None)
        tiles = max(first.tiled.values(), default=1)
        for name, sections, tables in (
            ("report", None, True),
            ("diagram pages", {"diagrams"}, True),
        ):
            if quick and name != "report":  # information rows: full runs only
                continue
            seconds, baseline = _cpu(
                lambda s=sections: _report(doc, out, s),
                lambda t=tables: _bare_canvas(doc, base, tiles, t),
                runs,
            )
            results.append(
                {
                    "workload": name,
                    "nodes": nodes,
                    "annotations": notes,
                    "seconds": round(seconds, 3),
                    "baseline": round(baseline, 3),
                    "ratio": round(seconds / baseline, 1),
                    "pages": first.pages,
                    "limit": LIMIT if name == "report" else None,
                    "ok": seconds < LIMIT if name == "report" else True,
                }
            )
        if quick:
            return results
        drawing, bare = _cpu(
            lambda: _scene_canvas(doc, base),
            lambda: _bare_canvas(doc, base, tiles, False),
            runs,
        )
        results.append(
            {
                "workload": "drawing",
                "nodes": nodes,
                "annotations": notes,
                "seconds": round(drawing, 3),
                "baseline": round(bare, 3),
                "ratio": round(drawing / bare, 1),
                "pages": tiles,
                "limit": None,
                "ok": True,
            }
        )
    return results


def main() -> int:
    quick = "--quick" in sys.argv
    results = run(quick)
    for r in results:
        extra = f" (limit {r['limit']} s)" if r["limit"] else ""
        print(
            f"{r['workload']:14} {r['nodes']} nodes/{r['annotations']} annotations: "
            f"{r['seconds']:.3f} s vs bare canvas {r['baseline']:.3f} s, "
            f"x{r['ratio']}{extra}{'' if r['ok'] else '  TOO SLOW'}"
        )
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
