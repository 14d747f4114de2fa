"""The application icon: SVG source, PNG sizes, Windows .ico and macOS .icns."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from .desktop_files import APP_ID, HICOLOR, ICON_SVG, PACKAGING, PNG_SIZES, png_size

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    "path", [ICON_SVG, PACKAGING / "icons" / "blueprint-small.svg"]
)
def test_icon_svg_is_square_and_tiny_profile(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    _x, _y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert width == height == float(root.get("width", "0"))
    # Qt's renderer (and so render_icons.py) draws SVG Tiny 1.2: no filters,
    # masks, patterns or clip paths, which it would silently leave out.
    tags = {element.tag.removeprefix(SVG_NS) for element in root.iter()}
    assert not tags & {"filter", "mask", "pattern", "clipPath", "image", "text"}


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_has_its_size(size):
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    width, height, colour = png_size(path.read_bytes())
    assert (width, height) == (size, size)
    assert colour == 6, "RGBA, so the sheet's rounded corners are transparent"


def test_windows_icon_holds_png_images_of_each_size():
    data = (PACKAGING / "windows" / "blueprint.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        width, height, _ = png_size(data[offset : offset + length])
        assert (width, height) == (w or 256, h or 256)
        assert bpp == 32
        sizes.append(width)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_family_holds_png_images_of_each_size():
    data = (PACKAGING / "macos" / "blueprint.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256}
    expected[b"ic09"] = 512
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = (
            data[pos : pos + 4],
            struct.unpack(">I", data[pos + 4 : pos + 8])[0],
        )
        found[kind] = png_size(data[pos + 8 : pos + length])[:2]
        pos += length
    assert found == {kind: (size, size) for kind, size in expected.items()}
