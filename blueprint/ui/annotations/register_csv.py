"""The annotation register as CSV: full texts and plain numbers, in UTF-8 with a
byte order mark so that spreadsheet programs read accents right."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from blueprint.model import Document, GapFinding, QualityRating, ServqualScore

from .register import DIAGRAM, ITEM, OWNER, STATUS, TARGET, TYPE, Row
from .target import main_text

CSV_HEADER = (
    "Diagram",
    "Target",
    "Target kind",
    "Type",
    "Gap / criterion / dimension",
    "Severity / rating / P-E",
    "Status",
    "Owner",
    "Text",
    "Cause",
    "Remedy",
    "Expectation",
    "Perception",
    "Weight",
)


def csv_record(doc: Document, row: Row) -> list[str]:
    """A row as the CSV export writes it: full texts and plain numbers."""
    a, body = row.annotation, row.annotation.body
    number = ""
    cause = remedy = expectation = perception = weight = ""
    if isinstance(body, GapFinding):
        number, cause, remedy = str(body.severity), body.cause, body.remedy
    elif isinstance(body, QualityRating):
        number = str(body.rating)
    elif isinstance(body, ServqualScore):
        number = f"{body.gap:.2f}"
        expectation, perception = f"{body.expectation:g}", f"{body.perception:g}"
        weight = f"{body.weight:g}"
    text = main_text(a)
    return [
        row.cells[DIAGRAM],
        row.cells[TARGET],
        a.target_kind,
        row.cells[TYPE],
        row.cells[ITEM],
        number,
        row.cells[STATUS],
        row.cells[OWNER],
        text,
        cause,
        remedy,
        expectation,
        perception,
        weight,
    ]


def write_csv(doc: Document, rows: Iterable[Row], path: str) -> int:
    """Write rows as CSV in UTF-8 with a byte order mark (so Excel reads accents);
    returns the number of rows. Raises OSError."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow(csv_record(doc, row))
            count += 1
    return count
