"""The hotel report read back: pages, text, contents, fonts, structure."""

from __future__ import annotations

import re
import shutil
import subprocess

import pikepdf
from pypdf import PdfReader
from report_helpers import squash

from blueprint.model import GAPS, GapFinding
from blueprint.model.catalogue import CRITERIA, SERVQUAL_DIMENSIONS

BASE_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def test_page_count_matches_the_result_and_every_page_says_n_of_m(hotel_pdf):
    path, result = hotel_pdf
    reader = PdfReader(path)
    assert result.pages == len(reader.pages) > 8
    total = len(reader.pages)
    for n, page in enumerate(reader.pages[1:], start=2):  # the cover has no footer
        assert f"Page {n} of {total}" in squash(page.extract_text())


def test_every_label_lane_stage_and_gap_title_is_real_text(hotel, hotel_pages):
    text = " ".join(hotel_pages)
    d = hotel.diagrams()[0].id
    for node in hotel.nodes(d):
        assert squash(node.label) in text, node.label
    for lane in hotel.lanes(d):
        assert squash(lane.name) in text
    for stage in hotel.stages(d):
        assert stage.name in text
    for gap in GAPS.values():
        assert gap.title in text
        assert gap.definition in text
    for criterion in CRITERIA.values():
        assert criterion.name in text
    for dimension in SERVQUAL_DIMENSIONS.values():
        assert dimension.name in text
    for a in hotel.annotations(d):
        if isinstance(a.body, GapFinding):
            assert squash(a.body.finding) in text
    for e in hotel.edges(d):
        if e.label:
            assert e.label in text


def test_the_drawing_itself_holds_the_labels(hotel, hotel_pdf):
    # the diagram pages (landscape) carry every label as text, not only the tables
    reader = PdfReader(hotel_pdf[0])
    wide = [
        squash(p.extract_text())
        for p in reader.pages
        if float(p.mediabox.width) > float(p.mediabox.height)
    ]
    assert len(wide) == hotel_pdf[1].tiled["Hotel stay"] == 2
    drawn = " ".join(wide)
    for node in hotel.nodes(hotel.diagrams()[0].id):
        words = node.label.replace(",", " ").split()
        assert all(w in drawn for w in words), node.label
    assert "Line of interaction" in drawn and "Line of visibility" in drawn
    assert "Fail point" in drawn  # the legend
    assert "Quality rating (1 red to 7 green)" in drawn


def test_cover_names_title_client_author_and_date(hotel_pages):
    cover = hotel_pages[0]
    assert "Overnight hotel stay" in cover
    assert "Prepared for Grand Hôtel Lumière" in cover
    assert "Åsa Øberg" in cover
    assert "14 March 2026" in cover


def test_contents_page_numbers_point_at_the_headings(hotel_pdf, hotel_pages):
    # each entry's leader and page number are a form drawn after its title (so
    # the number follows the title in extracted text; pypdf's layout mode does
    # not read forms, its plain mode does)
    contents = squash(PdfReader(hotel_pdf[0]).pages[1].extract_text())
    assert contents.startswith("Contents 1 Executive summary . . .")
    for title in ("Executive summary", "Hotel stay", "Gap register", "Findings"):
        found = re.search(rf"\d+ {re.escape(title)}(?: \.){{5,}} ?(\d+)\b", contents)
        assert found, title
        page = int(found.group(1))
        body = hotel_pages[page - 1].split("Page ")[0]
        assert re.search(rf"\d {re.escape(title)}", body), (title, page)


def test_outline_lists_the_sections(hotel_pdf):
    outline = PdfReader(hotel_pdf[0]).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert any(t.endswith("Executive summary") for t in titles)
    assert any(t.endswith("Gap register") for t in titles)


def _fonts(pdf: pikepdf.Pdf):
    seen = {}

    def visit(resources):
        for font in (resources.get("/Font") or {}).values():
            seen[str(font.get("/BaseFont"))] = font
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                visit(xobject.Resources)

    for page in pdf.pages:
        visit(page.Resources)
    return seen


def test_every_font_is_embedded_dejavu(hotel_pdf):
    with pikepdf.open(hotel_pdf[0]) as pdf:
        fonts = _fonts(pdf)
        assert len(fonts) >= 3  # regular, bold, oblique at least
        for name, font in fonts.items():
            assert "DejaVu" in name, name
            assert not any(b in name for b in BASE_14), name
            assert "/FontFile2" in font.FontDescriptor, f"{name} is not embedded"


def test_qpdf_finds_no_problems(hotel_pdf):
    with pikepdf.open(hotel_pdf[0]) as pdf:
        assert pdf.check_pdf_syntax() == []
        # every page's content streams parse into operators
        for page in pdf.pages:
            assert pikepdf.parse_content_stream(page)
    qpdf = shutil.which("qpdf")
    if qpdf:  # the command-line check too, where qpdf is installed
        run = subprocess.run(
            [qpdf, "--check", str(hotel_pdf[0])],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert "No syntax or stream encoding errors" in run.stdout


def test_pages_are_a4_with_landscape_diagram_pages(hotel_pdf):
    reader = PdfReader(hotel_pdf[0])
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in reader.pages
    }
    assert sizes == {(595, 842), (842, 595)}


def test_markers_and_timing_appear_in_the_steps_table(hotel, hotel_pages):
    text = " ".join(hotel_pages)
    assert "STEP STAGE KIND TIME MARKERS DESCRIPTION" in text
    assert "4 min + 6 min wait" in text  # "Process registration"
    assert (
        "Customer journey (10 steps, 8 min; moments of truth in bold): Arrive at "
        "hotel → Give bags to bellperson → Check in → Go to room" in text
    )
    assert "F G3" in text
    d = hotel.diagrams()[0].id
    flagged = [n for n in hotel.nodes(d) if n.fail_point]
    assert len(flagged) == 2


def test_findings_section_names_each_check_once_with_its_steps(hotel_pages):
    findings = next(p for p in hotel_pages if "6 Findings" in p.split("Page")[0][:200])
    assert findings.count("Customer action without support (4)") == 1
    assert 'Customer action "Eat" has no onstage or backstage support' in findings


def test_summary_states_the_figures(hotel_pages):
    summary = hotel_pages[2]
    assert "OVERVIEW 1 Executive summary" in summary
    assert "20 steps, 2 moments of truth and 2 fail points" in summary
    assert "4 gap findings are recorded (3 open, 1 in progress)" in summary
    assert "SERVQUAL score is −0.82" in summary


def test_connectors_are_drawn_with_arrowheads(hotel, hotel_pdf):
    # each connector ends in a filled triangle: "x y m x y l x y l h B*"
    reader = PdfReader(hotel_pdf[0])
    tiles = [p for p in reader.pages if float(p.mediabox.width) > 800]
    heads = set()
    for page in tiles:
        data = page.get_contents().get_data().decode("latin-1")
        heads.update(
            re.findall(
                r"([\d.\-]+ [\d.\-]+) m [\d.\-]+ [\d.\-]+ l "
                r"[\d.\-]+ [\d.\-]+ l h\s+B\*?",
                data,
            )
        )
    # tips in diagram coordinates; a connector on both tiles counts once
    assert len(heads) == len(hotel.edges(hotel.diagrams()[0].id))


def test_page_streams_are_deflated_without_ascii85(tmp_path, hotel):
    from reportlab import rl_config

    from blueprint.report import ReportOptions, write_report

    before = rl_config.useA85
    out = tmp_path / "r.pdf"
    write_report(hotel, out, ReportOptions(sections={"summary", "gaps"}))
    assert rl_config.useA85 == before  # other PDFs of the process keep theirs
    with pikepdf.open(out) as pdf:
        for page in pdf.pages:
            contents = page.obj.Contents
            streams = contents if isinstance(contents, pikepdf.Array) else [contents]
            for stream in streams:
                filters = stream.get("/Filter")
                names = (
                    [str(f) for f in filters]
                    if isinstance(filters, pikepdf.Array)
                    else [str(filters)]
                )
                assert names == ["/FlateDecode"]
