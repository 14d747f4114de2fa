"""Paths and readers shared by the packaging tests."""

from __future__ import annotations

import configparser
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP = ROOT / "resources" / "app"
APP_ID = "io.github.blueprint_editor.Blueprint"
DESKTOP = APP / f"{APP_ID}.desktop"
METAINFO = APP / f"{APP_ID}.metainfo.xml"
MIME = APP / f"{APP_ID}.mime.xml"
HICOLOR = APP / "icons" / "hicolor"
ICON_SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def desktop_entry(path: Path) -> dict[str, str]:
    """The [Desktop Entry] group of a .desktop file, keys case-sensitive."""
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(data: bytes) -> tuple[int, int, int]:
    """Width, height and colour type from a PNG's IHDR chunk."""
    assert data[:8] == PNG_MAGIC, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height, _depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, colour
