"""draw.io interoperability: import .drawio / .xml files and export diagrams.

doc, summary = import_drawio(path)      # DrawioError with a one-line message
export_drawio(doc, path, diagram_ids)   # atomic: temporary file + os.replace
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

from blueprint.model.document import Document
from blueprint.model.entities import ProjectInfo
from blueprint.model.errors import DomainError
from blueprint.model.factory import now_iso

from .merge import merge_entities
from .mxfile import DrawioError, read_pages
from .reader import Ids, PageReader
from .summary import ImportSummary, Notes
from .writer import write_document

__all__ = [
    "DrawioError",
    "ImportSummary",
    "export_drawio",
    "import_drawio",
    "merge_entities",
]


def import_drawio(path: str | os.PathLike[str]) -> tuple[Document, ImportSummary]:
    """A new Document with one diagram per page of a draw.io file, and a summary of
    what was imported and approximated. Raises DrawioError (one line) on bad input."""
    path = Path(path)
    try:
        pages = read_pages(path)
        notes, ids = Notes(), Ids()
        readers = [PageReader(page, ids, notes) for page in pages]
        diagrams = [r.read() for r in readers]
        orders = _diagram_orders(diagrams, [r.stored_order for r in readers])
        entities = []
        for reader, diagram, order in zip(readers, diagrams, orders, strict=True):
            reader.entities[reader.entities.index(diagram)] = diagram.evolve(
                order=order
            )
            entities.extend(reader.entities)
        project = next((r.project for r in readers if r.project), None)
        if project is None:
            stamp = now_iso()
            title = (path.stem or "Imported diagram")[:500]
            project = ProjectInfo(title=title, created=stamp, modified=stamp)
        doc = Document(project)
        doc.add(entities)
    except DrawioError:
        raise
    except (DomainError, ValueError, RecursionError, zlib.error) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DrawioError(f"{path}: cannot import ({reason})") from None
    summary = ImportSummary(source=path.name, approximations=notes.lines())
    for d in doc.diagrams():
        summary.diagrams += 1
        summary.lanes += len(doc.lanes(d.id))
        summary.nodes += len(doc.nodes(d.id))
        summary.edges += len(doc.edges(d.id))
        summary.annotations += len(doc.annotations(d.id))
        summary.stages += len(doc.stages(d.id))
        summary.dividing_lines += len(doc.lines(d.id))
    return doc, summary


def _diagram_orders(diagrams, stored: Sequence[int | None]) -> list[int]:
    """Stored diagram orders while the pages are still in that order, else 0, 1..."""
    if all(o is not None for o in stored):
        keyed = [(o, d.name, d.id) for d, o in zip(diagrams, stored, strict=True)]
        if sorted(keyed) == keyed:
            return list(stored)  # type: ignore[arg-type]
    return list(range(len(diagrams)))


def export_drawio(
    doc: Document, path: str | os.PathLike[str], diagram_ids: list[str] | None = None
) -> None:
    """Write diagrams (all, in order, by default) to an uncompressed .drawio file,
    atomically. Raises DrawioError for an unknown diagram or a failed write."""
    path = Path(path)
    if diagram_ids is None:
        diagrams = doc.diagrams()
    else:
        known = {d.id: d for d in doc.diagrams()}
        missing = [i for i in diagram_ids if i not in known]
        if missing:
            raise DrawioError(f"{path}: no diagram {missing[0]!r} to export")
        diagrams = [known[i] for i in diagram_ids]
    if not diagrams:
        raise DrawioError(f"{path}: there is no diagram to export")
    data = write_document(doc, diagrams).encode("utf-8")
    if path.exists() and not os.access(path, os.W_OK):  # never behind their back
        raise DrawioError(f"{path}: cannot write (the file is read-only)")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise DrawioError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
