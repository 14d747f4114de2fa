"""Long tables split a window of rows at a time and look as reportlab's own split."""

from __future__ import annotations

from report_helpers import DAY, page_texts
from report_projects import scaled_project, texts_project
from reportlab import rl_config

from blueprint.report import ReportOptions, tables, write_report
from blueprint.report.tables import window_commands


def test_window_commands_renumber_clip_and_keep_colours_in_step():
    cmds = [
        ("FONTSIZE", (0, 0), (-1, -1), 8),  # header and every row
        ("BACKGROUND", (0, 0), (-1, 0), "tint"),  # the header only
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, "rule"),  # every row, not the header
        ("SPAN", (0, 5), (-1, 5)),  # a lane's row inside the window
        ("SPAN", (0, 40), (-1, 40)),  # one after it
        ("NOSPLIT", (0, 9), (-1, 10)),  # a pair cut by the window's end
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), ["white", "grey", "blue"]),
    ]
    # 50 rows (a header and 49); the window: the header and rows 5..9
    got = window_commands(cmds, 50, 1, 5, 10)
    assert got == [
        ("FONTSIZE", (0, 0), (-1, 5), 8),
        ("BACKGROUND", (0, 0), (-1, 0), "tint"),
        ("LINEBELOW", (0, 1), (-1, 5), 0.4, "rule"),
        ("SPAN", (0, 1), (-1, 1)),
        ("NOSPLIT", (0, 5), (-1, 5)),
        # row 5 was grey (rows 1, 2, 3 white, grey, blue), and stays so
        ("ROWBACKGROUNDS", (0, 1), (-1, 5), ["grey", "blue", "white"]),
    ]


def _pages(tmp_path, name, doc):
    path = tmp_path / name
    result = write_report(doc, path, ReportOptions(date=DAY))
    return result, page_texts(path)


def test_a_long_table_pages_as_one_reportlab_table_would(tmp_path, monkeypatch):
    # steps and annotations over many pages, lanes' rows kept with their first
    # step, long texts in cells: split by windows, and as one Table split at each
    # page end by reportlab, the report has the same pages with the same text
    monkeypatch.setattr(rl_config, "invariant", 1)
    doc = scaled_project(nodes=260, annotations=300)
    windowed, pages = _pages(tmp_path, "windowed.pdf", doc)
    monkeypatch.setattr(tables, "WINDOW", 10**6)  # no table counts as long
    whole, expected = _pages(tmp_path, "whole.pdf", doc)
    assert windowed.pages == whole.pages > 20
    assert pages == expected
    # the header row is repeated on every page the steps table runs over
    steps = [p for p in pages if "Step " in p and "KIND" in p]
    assert len(steps) > 5


def test_a_split_table_goes_on_at_the_top_of_the_next_page(tmp_path):
    # tall rows of long texts: reportlab splits between rows where it can, and
    # the rest used to fill the space left below, repeating the header there
    doc = texts_project()
    path = tmp_path / "texts.pdf"
    write_report(doc, path, ReportOptions(date=DAY))
    steps = [p for p in page_texts(path) if "MARKERS" in p]
    assert len(steps) > 5  # the one steps table runs over several pages
    assert [p.count("STEP KIND MARKERS DESCRIPTION") for p in steps] == [1] * len(steps)
