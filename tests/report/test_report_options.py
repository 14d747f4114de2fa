"""Report options: page sizes, diagram and section choice, progress, errors."""

from __future__ import annotations

import os
import stat
from itertools import pairwise

import pytest
from pypdf import PdfReader
from report_helpers import DAY, page_texts
from report_projects import hotel_project

from blueprint.model.factory import add_diagram
from blueprint.report import ReportError, ReportOptions, write_report


@pytest.fixture
def two_diagrams():
    doc = hotel_project()
    add_diagram(doc, "gaps-model", "Gaps at the desk")
    return doc


@pytest.mark.parametrize(
    ("size", "portrait"), [("A3", (842, 1191)), ("letter", (612, 792))]
)
def test_page_sizes(tmp_path, hotel, size, portrait):
    out = tmp_path / "r.pdf"
    write_report(
        hotel, out, ReportOptions(page_size=size, sections={"cover", "diagrams"})
    )
    sizes = {
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(out).pages
    }
    assert sizes == {portrait, portrait[::-1]}


def test_a3_fits_the_hotel_diagram_on_one_page(tmp_path, hotel):
    result = write_report(hotel, tmp_path / "r.pdf", ReportOptions(page_size="A3"))
    assert result.tiled == {}


def test_choosing_diagrams_by_name_or_id(tmp_path, two_diagrams):
    gaps = two_diagrams.diagram_named("Gaps at the desk")
    out = tmp_path / "r.pdf"
    write_report(two_diagrams, out)
    summary = page_texts(out)[2]
    assert "Diagrams at a glance" in summary and "Gaps at the desk 0 0 0 0" in summary
    result = write_report(two_diagrams, out, ReportOptions(diagrams=[gaps.id]))
    text = " ".join(page_texts(out))
    assert result.diagrams == 1
    assert "Gaps at the desk" in text and "Check in" not in text
    result = write_report(two_diagrams, out, ReportOptions(diagrams=["Hotel stay"]))
    text = " ".join(page_texts(out))
    assert result.diagrams == 1
    assert "Check in" in text and "Gaps at the desk" not in text


def test_choosing_sections(tmp_path, hotel):
    out = tmp_path / "r.pdf"
    write_report(hotel, out, ReportOptions(sections={"gaps", "servqual"}))
    pages = page_texts(out)
    text = " ".join(pages)
    assert "1 Gap register" in text and "2 SERVQUAL" in text
    assert "Executive summary" not in text and "Contents" not in text
    assert "Check in" not in text  # no diagram, no step table
    assert "1 Gap register" in pages[0]  # no blank first page


def test_a_report_of_only_diagrams_starts_on_a_landscape_page(tmp_path, hotel):
    out = tmp_path / "r.pdf"
    write_report(hotel, out, ReportOptions(sections={"diagrams"}))
    first = PdfReader(out).pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    assert "1 Hotel stay" in page_texts(out)[0]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (ReportOptions(page_size="A5"), "unknown page size 'A5'"),
        (ReportOptions(diagrams=["Nope"]), "no diagram named 'Nope'"),
        (ReportOptions(sections={"cover", "appendix"}), "unknown section 'appendix'"),
        (ReportOptions(sections=set()), "no sections chosen"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path, hotel, options, message):
    out = tmp_path / "r.pdf"
    with pytest.raises(ReportError) as caught:
        write_report(hotel, out, options)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_unwritable_paths_are_one_line_errors_naming_the_file(tmp_path, hotel):
    missing = tmp_path / "no such folder" / "r.pdf"
    with pytest.raises(ReportError, match="r.pdf: cannot write the report: folder"):
        write_report(hotel, missing)
    with pytest.raises(ReportError, match="is a folder"):
        write_report(hotel, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder(tmp_path, hotel):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ReportError, match="no permission"):
            write_report(hotel, folder / "r.pdf")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_a_failure_while_writing_keeps_the_old_file(tmp_path, hotel, monkeypatch):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"the previous report")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # the disk fills up as the laid-out report is written to the file
    monkeypatch.setattr("reportlab.pdfgen.canvas.Canvas.save", broken)
    with pytest.raises(ReportError) as caught:
        write_report(hotel, out)
    assert (
        str(caught.value) == f"{out}: cannot write the report: No space left on device"
    )
    assert out.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_replacing_an_existing_report(tmp_path, hotel):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")
    result = write_report(hotel, out, ReportOptions(sections={"summary"}, date=DAY))
    assert out.read_bytes().startswith(b"%PDF-")
    assert result.path == out and result.pages == len(PdfReader(out).pages)


def test_progress_goes_forward_and_ends_complete(tmp_path, hotel):
    calls: list[tuple[int, int, str]] = []
    write_report(
        hotel,
        tmp_path / "r.pdf",
        ReportOptions(progress=lambda d, t, w: calls.append((d, t, w))),
    )
    assert len(calls) > 5
    done, total, what = calls[-1]
    assert done == total and what == "Done"
    layout = [c for c in calls if c[1] == total]
    assert all(a[0] <= b[0] for a, b in pairwise(layout))
    assert all(0 <= d <= t for d, t, _ in calls)
    assert any(w == "Drawing Hotel stay" for _, _, w in calls)


def test_a_large_diagram_can_go_on_a_larger_page_instead_of_tiles(tmp_path, hotel):
    out = tmp_path / "r.pdf"
    result = write_report(
        hotel, out, ReportOptions(sections={"diagrams"}, large_diagrams="larger")
    )
    assert result.tiled == {}
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(out).pages
    ]
    assert sizes[0] == (1191, 842)  # A3 landscape in an A4 report
    assert sizes[1:] and set(sizes[1:]) == {(595, 842)}
    with pytest.raises(ReportError, match="large_diagrams"):
        write_report(hotel, out, ReportOptions(large_diagrams="shrink"))


def test_a_copy_of_the_document_reports_the_same(tmp_path, hotel):
    # how the editor reports off its GUI thread: a cheap copy of frozen entities
    from blueprint.model import PROJECT_ID, Change, Document

    copy = Document(hotel.project)
    copy.apply(Change(puts=tuple(e for e in hotel.entities() if e.id != PROJECT_ID)))
    assert copy.state() == hotel.state()
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_report(hotel, a, ReportOptions(date=DAY))
    write_report(copy, b, ReportOptions(date=DAY))
    assert page_texts(a) == page_texts(b)
