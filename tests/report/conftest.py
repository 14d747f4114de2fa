"""Shared report fixtures: projects built with the model API and their PDFs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from report_helpers import DAY, page_texts
from report_projects import hotel_project

from blueprint.report import ReportOptions, write_report


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
