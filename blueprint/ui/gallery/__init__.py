"""The template gallery (File > New, the start page) and the worked examples menu."""

from __future__ import annotations

from typing import Any

__all__ = ["TemplateGallery"]


def __getattr__(name: str) -> Any:
    # loaded on first use, so `python -m blueprint.ui.gallery.previews` runs clean
    if name == "TemplateGallery":
        from .widget import TemplateGallery

        return TemplateGallery
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
