"""Helpers for reading report PDFs back (a unique module name: every test folder
has its own conftest, so tests must not import from `conftest`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

DAY = dt.date(2026, 3, 14)


def squash(text: str) -> str:
    """Text with all runs of white space made single spaces."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(path).pages]
