"""The whole project as versioned JSON (resources/schema/project.schema.json)."""

# Entities are written in the model's canonical form (serial.to_dict) without the
# keys their place already says ("type", and "diagram_id" inside a diagram), one
# entity per line so files diff well. Reading checks the structure here and every
# value through the model, so no JSON Schema library is needed at run time.

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from blueprint import __version__
from blueprint.model import Document, DomainError, Entity, ProjectInfo
from blueprint.model.serial import from_dict, to_dict

from .errors import ProjectFileError
from .files import replace_atomically
from .sqlitefile import MAX_FILE_BYTES

FORMAT = "blueprint"
JSON_VERSION = 1
# list name in a diagram -> entity type name (serial.TYPES)
PARTS = {
    "lanes": "lane",
    "lines": "line",
    "stages": "stage",
    "nodes": "node",
    "edges": "edge",
    "annotations": "annotation",
}
TOP_KEYS = {"format", "version", "generator", "project", "diagrams"}


def _plain(e: Entity, *drop: str) -> dict[str, Any]:
    data = to_dict(e)
    for key in drop:
        data.pop(key, None)
    return data


def _sorted(entities: Iterable[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda e: (getattr(e, "order", 0), e.id))


def export_json(doc: Document) -> dict[str, Any]:
    """The project as a JSON-ready dict (deterministic order)."""
    diagrams = []
    for d in doc.diagrams():
        part: dict[str, Any] = {"diagram": _plain(d, "type")}
        lists: dict[str, Iterable[Entity]] = {
            "lanes": doc.lanes(d.id),
            "lines": _sorted(doc.lines(d.id)),
            "stages": doc.stages(d.id),
            "nodes": _sorted(doc.nodes(d.id)),
            "edges": _sorted(doc.edges(d.id)),
            "annotations": doc.annotations(d.id),
        }
        for name, entities in lists.items():
            part[name] = [_plain(e, "type", "diagram_id") for e in entities]
        diagrams.append(part)
    return {
        "format": FORMAT,
        "version": JSON_VERSION,
        "generator": f"Blueprint {__version__}",
        "project": _plain(doc.project, "type"),
        "diagrams": diagrams,
    }


def _fail(source: str | Path, where: str, reason: str) -> ProjectFileError:
    return ProjectFileError(source, f"{where}: {reason}" if where else reason)


def _entity(source: str | Path, where: str, data: object, **restore: str) -> Entity:
    if not isinstance(data, dict):
        raise _fail(source, where, "must be an object")
    for key, value in restore.items():
        if key in data and data[key] != value:
            raise _fail(source, where, f"{key} must be {value!r}")
    try:
        return from_dict({**data, **restore})
    except DomainError as exc:
        raise _fail(source, where, str(exc)) from None
    except OverflowError:  # an integer beyond any float, from a hand-made file
        raise _fail(source, where, "holds a number too large") from None


def import_json(data: object, source: str | Path = "<json>") -> Document:
    """A Document from export_json's form; ProjectFileError names the place and
    the reason for anything wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _fail(source, "", "is not a Blueprint JSON project")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail(source, "version", "must be a whole number from 1")
    if version > JSON_VERSION:
        raise _fail(
            source,
            "",
            f"was written by a newer Blueprint (JSON version {version}; this "
            f"version reads up to {JSON_VERSION}); please update Blueprint",
        )
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise _fail(source, sorted(unknown)[0], "is not a known key")
    project = _entity(source, "project", data.get("project"), type="project")
    assert isinstance(project, ProjectInfo)
    diagrams = data.get("diagrams", [])
    if not isinstance(diagrams, list):
        raise _fail(source, "diagrams", "must be a list")
    entities: list[Entity] = []
    for i, part in enumerate(diagrams):
        where = f"diagrams[{i}]"
        if not isinstance(part, dict):
            raise _fail(source, where, "must be an object")
        extra = set(part) - set(PARTS) - {"diagram"}
        if extra:
            raise _fail(source, f"{where}.{sorted(extra)[0]}", "is not a known key")
        diagram = _entity(
            source, f"{where}.diagram", part.get("diagram"), type="diagram"
        )
        entities.append(diagram)
        for name, type_name in PARTS.items():
            items = part.get(name, [])
            if not isinstance(items, list):
                raise _fail(source, f"{where}.{name}", "must be a list")
            for j, item in enumerate(items):
                entities.append(
                    _entity(
                        source,
                        f"{where}.{name}[{j}]",
                        item,
                        type=type_name,
                        diagram_id=diagram.id,
                    )
                )
    try:
        doc = Document.from_entities([project, *entities])
    except DomainError as exc:
        raise _fail(source, "", f"is inconsistent: {exc}") from None
    return doc


# -- files ---------------------------------------------------------------------------


def _line(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def dumps(data: dict[str, Any]) -> str:
    """export_json's dict as text with one entity per line."""
    out = ["{"]
    for key in ("format", "version", "generator", "project"):
        out.append(f" {_line(key)}: {_line(data[key])},")
    out.append(' "diagrams": [')
    for i, part in enumerate(data["diagrams"]):
        out.append(f'  {{"diagram": {_line(part["diagram"])},')
        names = list(PARTS)
        for k, name in enumerate(names):
            items = [f"    {_line(item)}" for item in part[name]]
            body = ",\n".join(items)
            end = "," if k < len(names) - 1 else ""
            out.append(
                f'   "{name}": [\n{body}\n   ]{end}'
                if items
                else f'   "{name}": []{end}'
            )
        out.append("  }" + ("," if i < len(data["diagrams"]) - 1 else ""))
    out.append(" ]")
    out.append("}")
    return "\n".join(out) + "\n"


def write_json(doc: Document, path: str | Path) -> None:
    """Write the project as JSON, atomically."""
    text = dumps(export_json(doc))
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # lone surrogates cannot be UTF-8; JSON escapes keep them lossless
        data = json.dumps(export_json(doc), ensure_ascii=True).encode("ascii")
    replace_atomically(Path(path), lambda tmp: tmp.write_bytes(data))


def read_json(path: str | Path) -> Document:
    """A project from a JSON file written by write_json (or by hand)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ProjectFileError(path, "is too large for a project")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ProjectFileError(path, "is a folder, not a project file") from None
    except OSError as exc:
        raise ProjectFileError(
            path, f"cannot be read ({exc.strerror or exc})"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProjectFileError(
            path, f"is not UTF-8 text (byte {exc.start:,})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            path,
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    except RecursionError:
        raise ProjectFileError(path, "is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # e.g. an integer with too many digits
        raise ProjectFileError(path, f"is not valid JSON ({exc})") from None
    return import_json(data, source=path)
