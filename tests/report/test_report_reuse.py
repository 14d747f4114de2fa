"""What the report reuses between pages and passes gives the same PDF as before."""

from __future__ import annotations

from report_helpers import DAY
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from blueprint.report import ReportOptions, write_report
from blueprint.report.para import Paragraph


def _frags(p) -> list[dict]:
    return [dict(vars(f)) for f in p.frags]


def test_a_repeated_text_parses_as_before_into_fragments_of_its_own():
    style = ParagraphStyle("cell", fontName="Helvetica", fontSize=8, leading=10)
    text = "Check-in &amp; <b>keys</b><br/>second line"
    a, b = Paragraph(text, style), Paragraph(text, style)
    assert _frags(a) == _frags(PlainParagraph(text, style))
    assert all(x is not y for x, y in zip(a.frags, b.frags, strict=True))
    a.frags[0].text = "changed"  # one paragraph's change stays its own
    assert b.frags[0].text != "changed"


def test_a_long_report_is_the_same_file_made_twice(tmp_path, monkeypatch):
    # parsed texts are shared between reports (each paragraph gets copies): a
    # report that changed what it was given would change the next one
    from report_projects import scaled_project

    monkeypatch.setattr(rl_config, "invariant", 1)
    doc = scaled_project(nodes=40, annotations=80)
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    results = [write_report(doc, p, ReportOptions(date=DAY)) for p in paths]
    assert results[0].pages == results[1].pages > 5
    assert paths[0].read_bytes() == paths[1].read_bytes()
