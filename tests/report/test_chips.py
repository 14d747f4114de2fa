"""Severity and rating chips are drawn once per kind and shown as forms."""

from __future__ import annotations

import shutil

import pikepdf
import pytest
from report_helpers import DAY, page_texts, rendered_pages
from report_projects import texts_project
from reportlab import rl_config

from blueprint.report import ReportOptions, tables, write_report
from blueprint.report.fonts import BOLD
from blueprint.report.render import colour


def _drawn_each_time(self) -> None:
    # how a chip was drawn before forms: every operator on the page
    c = self.canv
    c.setFillColor(colour(self.fill))
    c.roundRect(0, 0, self.width, self.height, 2.5, stroke=0, fill=1)
    c.setFillColor(colour(self.ink))
    c.setFont(BOLD, 7.2)
    c.drawCentredString(self.width / 2, 3.0, self.text)


def _chip_forms(path) -> tuple[set[str], int]:
    """The chip forms the PDF holds, and how often the pages show one."""
    names: set[str] = set()
    shown = 0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            xobjects = page.Resources.get("/XObject", {})
            chips = {k for k in xobjects if "Chip_" in k}
            names |= chips
            for operands, op in pikepdf.parse_content_stream(page):
                if op == pikepdf.Operator("Do") and str(operands[0]) in chips:
                    shown += 1
    return names, shown


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler")
def test_chips_look_as_drawn_each_time_and_are_drawn_once_per_kind(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(rl_config, "invariant", 1)
    doc = texts_project()
    formed = write_report(doc, tmp_path / "formed.pdf", ReportOptions(date=DAY))
    names, shown = _chip_forms(formed.path)
    # severities 1-5 and ratings 1-7 (a kind is its number and colours)
    assert 5 <= len(names) <= 12
    assert shown >= 60  # every gap finding and rating, in two places each
    monkeypatch.setattr(tables.Chip, "draw", _drawn_each_time)
    direct = write_report(doc, tmp_path / "direct.pdf", ReportOptions(date=DAY))
    assert _chip_forms(direct.path) == (set(), 0)
    assert page_texts(formed.path) == page_texts(direct.path)
    got, want = rendered_pages(formed.path), rendered_pages(direct.path)
    assert len(got) == len(want) == formed.pages
    assert [
        i + 1 for i, (a, b) in enumerate(zip(got, want, strict=True)) if a != b
    ] == []
