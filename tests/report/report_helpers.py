"""Helpers for reading report PDFs back (a unique module name: every test folder
has its own conftest, so tests must not import from `conftest`)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from pypdf import PdfReader

DAY = dt.date(2026, 3, 14)


def squash(text: str) -> str:
    """Text with all runs of white space made single spaces."""
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(path).pages]


def rendered_pages(path: Path) -> list[bytes]:
    """Each page of the PDF as a 50 dpi grey image (pdftoppm), for comparing."""
    subprocess.run(
        ["pdftoppm", "-r", "50", "-gray", str(path), str(path.with_suffix(""))],
        check=True,
    )
    return [p.read_bytes() for p in sorted(path.parent.glob(f"{path.stem}-*.pgm"))]
