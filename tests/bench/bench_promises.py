"""Benchmark: the headless promises of issue 8 on generated tiers.

open project rows into the model (stress tier)
    app: load_document (header, quick_check, schema check, rows -> model)
    baseline: sqlite3 SELECT * of every table
save (stress tier)
    app: save_document, the whole project written atomically (temporary file,
    fsync, rename); and, for information, the editor's Save after one move
    baseline: sqlite3 executemany of the same rows into a new file, one transaction
report of the large tier, every section
    app: write_report
    baseline: a bare reportlab canvas drawing the same primitives: the diagram's
    rects, paths, lines and strings on each tile page, and every text the tables
    hold as lines of strings
Verdicts: open <= 4x and 0.5 s; save <= 8x and 1 s; report <= 6x and 10 s. The
analysis row of issue 8 is bench_analysis's large tier. `run(quick)` returns rows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import CHARS_PER_LINE, LINES_PER_PAGE, _texts
from bench_store import plain_read, plain_write, row_tuples
from common import compared, interleave, row
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from tiers import Tier, blueprint, fresh, tiers

from blueprint.layout import plan_tiles
from blueprint.model import Document
from blueprint.report import ReportOptions, write_report
from blueprint.report.diagram_page import measure
from blueprint.report.fonts import BOLD, REGULAR, register_fonts
from blueprint.report.scene import build_scene
from blueprint.store import EditSession, load_document, save_document


def bench_open(tier: Tier, folder: Path, runs: int) -> dict:
    doc, _ = blueprint(tier)
    path = folder / "open.blueprint"
    save_document(doc, path)
    assert load_document(path).state() == doc.state()
    return compared(
        f"open project rows into the model, {tier.label}",
        lambda: load_document(path),
        lambda: plain_read(path),
        runs=runs,
        clock="cpu",
        ratio_limit=4.0,
        ceiling=0.5,
    )


def bench_save(tier: Tier, folder: Path, runs: int, quick: bool) -> list[dict]:
    doc, d = blueprint(tier)
    tuples = row_tuples(doc)
    plain = folder / "plain.db"
    out = folder / "save.blueprint"
    rows = [
        compared(
            f"save, {tier.label}",
            lambda: save_document(doc, out),
            lambda: plain_write(plain, tuples),
            runs=runs,
            clock="wall",
            ratio_limit=8.0,
            ceiling=1.0,
        )
    ]
    if quick:  # the editor's Save is information: full runs only
        return rows
    edited, d = fresh(tier)
    path = folder / "edited.blueprint"
    save_document(edited, path)
    with EditSession.open(path) as session:
        node_id = session.document.nodes(d)[7].id

        def save_after_move() -> None:
            node = session.document.get(node_id)
            session.document.move_nodes({node_id: (node.x + 10, node.y)})
            session.save()

        rows.append(
            compared(
                "  Save in the editor after one move",
                save_after_move,
                lambda: plain_write(plain, tuples),
                runs=runs,
                clock="wall",
            )
        )
    return rows


# -- the report ------------------------------------------------------------------------


class BareReport:
    """The report's drawing done with bare canvas calls: the same primitives on as
    many tile pages, and every text of the tables as lines of strings."""

    def __init__(self, doc: Document, diagram_id: str) -> None:
        register_fonts()
        self.size = landscape(A4)
        scene = build_scene(doc, diagram_id, measure)
        plan = plan_tiles(scene.bounds, self.size[0] - 60, self.size[1] - 120, 0.6)
        self.scale = plan.scale
        self.pages = []
        for v in plan.viewports:
            seen = [
                p
                for p in scene.prims
                if p.bbox.x <= v.right
                and v.x <= p.bbox.right
                and p.bbox.y <= v.bottom
                and v.y <= p.bbox.bottom
            ]
            self.pages.append((v, seen))
        self.texts = _texts(doc, diagram_id)

    def draw(self, path: Path) -> None:
        c = Canvas(str(path), pagesize=self.size, initialFontName=REGULAR)
        for viewport, prims in self.pages:
            c.saveState()
            c.translate(30, 60 + viewport.h * self.scale)
            c.scale(self.scale, -self.scale)
            c.translate(-viewport.x, -viewport.y)
            for p in prims:
                if p.kind == "rect":
                    c.rect(p.bbox.x, p.bbox.y, p.bbox.w, p.bbox.h, fill=1)
                elif p.kind == "line":
                    c.lines(
                        [(*a, *b) for a, b in zip(p.points, p.points[1:], strict=False)]
                    )
                elif p.kind == "path":
                    outline = c.beginPath()
                    outline.rect(p.bbox.x, p.bbox.y, p.bbox.w, p.bbox.h)
                    c.drawPath(outline, fill=1)
                elif p.kind == "badge":
                    c.circle(p.x, p.y, p.bbox.w / 2, fill=1)
                    c.setFont(BOLD, p.size)
                    c.drawString(p.x, p.y, p.text)
                else:
                    c.setFont(REGULAR, p.size)
                    c.drawString(p.x, p.y, p.text)
            c.restoreState()
            c.showPage()
        y = 0
        c.setFont(REGULAR, 8)
        for text in self.texts:
            for start in range(0, len(text), CHARS_PER_LINE):
                c.drawString(40, 780 - y * 12, text[start : start + CHARS_PER_LINE])
                c.line(40, 776 - y * 12, 555, 776 - y * 12)
                y += 1
                if y == LINES_PER_PAGE:
                    c.showPage()
                    c.setFont(REGULAR, 8)
                    y = 0
        c.save()


def bench_report(tier: Tier, folder: Path, runs: int) -> dict:
    doc, d = blueprint(tier)
    out, bare_out = folder / "report.pdf", folder / "bare.pdf"
    first = write_report(doc, out, ReportOptions())  # also warms the app up
    bare = BareReport(doc, d)
    m = interleave(
        lambda: write_report(doc, out, ReportOptions()),
        lambda: bare.draw(bare_out),
        runs,
        app_repeat=1,  # seconds per report: no loop, no second warm-up
    )
    return row(
        f"report, every section, {tier.label}",
        m.app_cpu,
        m.base_cpu,
        ratio_limit=6.0,
        ceiling=10.0,
        ceiling_of=m.app_wall,
        app_wall=m.app_wall,
        clock="cpu",
        repeat=[m.app_repeat, m.base_repeat],
        runs=runs,
        pages=first.pages,
        bare_pages=len(bare.pages),
    )


def run(quick: bool = False) -> list[dict]:
    t = tiers(quick)
    runs = 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["BLUEPRINT_DATA_DIR"] = str(folder / "data")
        rows = [
            bench_open(t["stress"], folder, runs),
            *bench_save(t["stress"], folder, runs, quick),
        ]
        # (the quick run's large tier has 600 nodes: five reports in seconds)
        rows.append(bench_report(t["large"], folder, runs))
        return rows


def main(argv: list[str]) -> int:
    from common import table

    rows = run(quick="--quick" in argv)
    print(table(rows))
    return 0 if all(r["verdict"] != "FAIL" for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
