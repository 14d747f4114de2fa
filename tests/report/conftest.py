"""Shared report fixtures: projects built with the model API and their PDFs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parent))

from report_projects import hotel_project

from blueprint.report import ReportOptions, write_report

DAY = dt.date(2026, 3, 14)


def squash(text: str) -> str:
    """Text with all runs of white space made single spaces."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(path).pages]


@pytest.fixture(scope="session")
def hotel():
    return hotel_project()


@pytest.fixture(scope="session")
def hotel_pdf(tmp_path_factory, hotel):
    path = tmp_path_factory.mktemp("hotel") / "hotel report.pdf"
    result = write_report(hotel, path, ReportOptions(date=DAY))
    return path, result


@pytest.fixture(scope="session")
def hotel_pages(hotel_pdf):
    return page_texts(hotel_pdf[0])
