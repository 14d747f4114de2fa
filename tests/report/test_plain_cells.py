"""Plain text in table cells is drawn as lines of strings and looks as Paragraphs."""

from __future__ import annotations

import random
import shutil
from types import SimpleNamespace

import pytest
from report_helpers import DAY, page_texts, rendered_pages
from report_projects import texts_project
from reportlab import rl_config
from reportlab.lib.colors import black, red

from blueprint.report import ReportOptions, cells, tables, write_report
from blueprint.report.cells import ColumnStyles
from blueprint.report.fonts import register_fonts
from blueprint.report.para import Paragraph
from blueprint.report.plain import Lines, break_lines
from blueprint.report.styles import Palette, Styles
from blueprint.report.text import chunks, markup

WORDS = [
    "a",
    "the",
    "check-in",
    "réception",
    "Überprüfung",
    "naïve",
    "Ελληνικά",
    "Кириллица",
    "1.50",
    "—",
    "(no)",
    "WWWWWW",
    "i",
    "10\u00a0min",
    "tab\there",
    "Donaudampfschifffahrtsgesellschaft",
    "x" * 45,
]


def _paragraph_lines(text: str, style, width: float) -> list[tuple[str, float]]:
    """(line, extra space) as reportlab's Paragraph breaks each chunk of text."""
    out = []
    for part in chunks(text):
        p = Paragraph(markup(part), style)
        p.wrap(width, 1e6)
        bl = p.blPara
        if bl.kind == 0:  # one fragment: (extra, words) per line
            out += [(" ".join(words), extra) for extra, words in bl.lines]
        else:  # lines with line breaks: fragments per line
            out += [
                ("".join(f.text for f in line.words).rstrip(" "), line.extraSpace)
                for line in bl.lines
            ]
    return out


def _plain_lines(text: str, style, width: float) -> list[tuple[str, float]]:
    out = []
    for part in chunks(text):
        found = break_lines(part, style.fontName, style.fontSize, width)
        out += [(line, width - used) for line, used in found]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_plain_text_breaks_where_a_paragraph_breaks(seed):
    # random texts in several scripts, with long words, no-break spaces, tabs,
    # doubled spaces and line breaks, in three styles and many widths: the same
    # lines, and the same lines let over the width (drawn with narrowed spaces)
    register_fonts()
    styles = Styles(Palette.from_accent("#2f6f9f"))
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(
            rng.choice(WORDS) + rng.choice([" ", " ", " ", "  ", "\n", " \n "])
            for _ in range(rng.randint(1, 50))
        )
        if rng.random() < 0.4:
            text = text.replace("\n", " ")
        width = rng.choice([28, 55, 80.5, 120, 135.5, 200, 300])
        style = rng.choice([styles.cell, styles.caption, styles.cell_bold])
        want = _paragraph_lines(text, style, width)
        got = _plain_lines(text, style, width)
        assert [line for line, _ in got] == [line for line, _ in want], text
        over = [(line, round(x, 6)) for line, x in want if x < -1e-8]
        assert [(line, round(x, 6)) for line, x in got if x < -1e-8] == over, text


def test_cell_styles_are_shared_only_when_commands_cover_whole_columns():
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, black),
        ("BACKGROUND", (0, 0), (-1, 0), red),
    ]
    styles, rest = ColumnStyles.of(cmds, 10, 3, 10.6)
    assert styles is not None
    assert [c[0] for c in rest] == ["LINEBELOW", "BACKGROUND"]
    assert [s.alignment for s in styles.base] == ["LEFT", "LEFT", "RIGHT"]
    assert {s.fontsize for s in styles.base} == {8}
    assert [s.leading for s in styles.text] == [10.6] * 3
    assert styles.base[0].leading != 10.6  # other strings keep reportlab's leading
    rows = styles.rows([["x", Lines("y"), ""]])
    assert rows == [[styles.base[0], styles.text[1], styles.base[2]]]
    # a command for some rows only: every cell styled by reportlab, as before
    for single in [
        ("TEXTCOLOR", (2, 1), (-1, -1), red),
        ("FONTSIZE", (0, 0), (0, 0), 9),
    ]:
        styles, rest = ColumnStyles.of([*cmds, single], 10, 3, 10.6)
        assert styles is None and rest == [*cmds, single]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler")
def test_plain_cells_draw_the_pages_paragraphs_would(tmp_path, monkeypatch):
    # the same report with every plain cell as Paragraphs (as before): the same
    # text on the same pages, drawn pixel for pixel the same
    monkeypatch.setattr(rl_config, "invariant", 1)
    doc = texts_project()
    made = []
    lines = cells.lines

    def counted_lines(*args):
        made.append(lines(*args))
        return made[-1]

    monkeypatch.setattr(cells, "lines", counted_lines)
    plain = write_report(doc, tmp_path / "plain.pdf", ReportOptions(date=DAY))
    assert len(made) > 300  # plain cells were drawn
    monkeypatch.setattr(cells, "_fits", lambda *args: False)
    paras = write_report(doc, tmp_path / "paras.pdf", ReportOptions(date=DAY))
    assert plain.pages == paras.pages > 8
    assert page_texts(plain.path) == page_texts(paras.path)
    want = rendered_pages(tmp_path / "paras.pdf")
    got = rendered_pages(tmp_path / "plain.pdf")
    assert len(got) == len(want) == plain.pages
    differ = [i + 1 for i, (a, b) in enumerate(zip(got, want, strict=True)) if a != b]
    assert differ == []


def test_a_plain_cell_splits_between_its_lines_as_a_paragraph_would():
    # (rows split inside only when no whole row fits the space left on a page)
    table = tables.ReportTable([["x"]])
    style = SimpleNamespace(topPadding=3.0, leading=10.0)
    squeezed = Lines.of(["one", "two", "three", "four"], {2: -0.4})

    def split(room: float):
        return table._splitCell(squeezed, style, 43.0, 3.0 + room, 100.0)

    top, rest = split(25.0)  # two lines fit
    assert (top, rest) == ("one\ntwo", "three\nfour")
    assert type(top) is type(rest) is Lines and rest.squeeze == {0: -0.4}
    assert split(15.0) == []  # one line alone is not left at a page's foot
    assert split(40.0) == (squeezed, ())  # all of it fits
