"""Where bundled resources (fonts, examples, templates' previews, schema) live."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """The resources folder: beside the package in a checkout, inside it when
    installed or frozen (packaging copies it to blueprint/_resources)."""
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Blueprint's resources folder is missing")


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
