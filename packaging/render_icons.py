"""Render Blueprint's application icon to PNG sizes, a Windows .ico and a macOS .icns.

Run from the repository with the project's venv (needs PySide6's QtSvg):
    .venv/bin/python packaging/render_icons.py
The SVGs are the sources; everything this writes is generated and committed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.blueprint_editor.Blueprint"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HICOLOR = ROOT / "resources" / "app" / "icons" / "hicolor"
SVG = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
# The full drawing blurs at 16 px; this one is drawn on the pixel grid.
SMALL_SVG = HERE / "icons" / "blueprint-small.svg"

PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types holding PNG data (macOS 10.7+), by pixel size
ICNS_TYPES = {
    16: b"icp4",
    32: b"icp5",
    64: b"icp6",
    128: b"ic07",
    256: b"ic08",
    512: b"ic09",
}


def render_png(size: int) -> bytes:
    """The icon at `size` pixels square, as PNG bytes."""
    source = SMALL_SVG if size <= 16 else SVG
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {source}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon whose images are PNG-compressed (Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family with PNG elements."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
        for size, png in sorted(pngs.items())
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QtSvg needs an application
    pngs = {size: render_png(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
    (HERE / "windows" / "blueprint.ico").write_bytes(
        ico({s: pngs[s] for s in ICO_SIZES})
    )
    (HERE / "macos" / "blueprint.icns").write_bytes(
        icns({s: pngs[s] for s in ICNS_TYPES})
    )
    print(f"wrote {len(PNG_SIZES)} PNG sizes, blueprint.ico and blueprint.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
