"""Light and dark chrome: palettes, the style sheet's colours and icons that follow.

Only the chrome (menus, panels, dialogs) follows the theme. The diagram paper, lanes
and nodes are drawn from `blueprint.theme` and stay light on screen, in print and in
PDF, so a diagram looks the same wherever it is shown.
"""

from __future__ import annotations

import atexit
import colorsys
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from blueprint.resources import resource

THEMES = ("light", "dark")
THEME_TITLES = {"light": "Light", "dark": "Dark"}
DEFAULT_THEME = "light"
ICON_INK = "#3b4350"  # the stroke every glyph in resources/icons is drawn with


@dataclass(frozen=True)
class Colours:
    window: str  # behind panels
    surface: str  # fields, lists, menus, toolbar
    raised: str  # panel titles, tab bar, buttons
    border: str
    text: str
    muted: str
    accent: str
    selected: str  # background of selected rows
    selected_text: str
    icon_ink: str


LIGHT = Colours(
    window="#f6f7f9",
    surface="#ffffff",
    raised="#eef1f4",
    border="#d0d7de",
    text="#1f2328",
    muted="#57606a",
    accent="#1f6feb",
    selected="#ddf4ff",
    selected_text="#0a3069",
    icon_ink=ICON_INK,
)
DARK = Colours(
    window="#0f1217",
    surface="#161b22",
    raised="#21262d",
    border="#3d444d",
    text="#e6edf3",
    muted="#9198a1",
    accent="#2f81f7",
    selected="#1c3a5e",
    selected_text="#cae8ff",
    icon_ink="#c9d1d9",
)
COLOURS = {"light": LIGHT, "dark": DARK}

# The light style sheet's colours and their dark counterparts; a colour not listed
# gets its lightness mirrored, so a new rule still reads in the dark theme.
DARK_SHEET_COLOURS = {
    "#f6f7f9": DARK.window,
    "#ffffff": DARK.surface,
    "#eef1f4": DARK.raised,
    "#d8dee4": "#30363d",
    "#d0d7de": DARK.border,
    "#dde3ea": "#373e47",
    "#e4e8ec": "#292e36",
    "#f0f3f6": "#1f242c",
    "#1f2328": DARK.text,
    "#57606a": DARK.muted,
    "#6e7781": DARK.muted,
    "#1f6feb": DARK.accent,
    "#ddf4ff": DARK.selected,
    "#0a3069": DARK.selected_text,
    "#cf222e": "#f85149",
    "#fff5f5": "#3c1e20",
    "#fff8c5": "#3b2e00",
    "#d4a72c": "#9e6a03",
    "#f6fbff": "#1b2330",
    "#54aeff": "#388bfd",
    "#f3f4f6": "#262c36",
    "#1a5fd0": "#1f6feb",
    "#8c959f": "#6e7681",
    "#f6f8fa": "#161b22",
    "#fffffe": "#ffffff",  # text on the accent colour
}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")

# Rules for the start page and the export dialog, in the light colours (mapped like
# the rest for the dark theme).
EXTRA_SHEET = """
QScrollArea#start_page, QWidget#start_page_body { background: #f6f7f9; border: none; }
QLabel#start_title { font-size: 20pt; font-weight: 600; color: #1f2328; }
QLabel#start_tagline { color: #57606a; font-size: 10pt; }
QLabel#start_section { font-size: 11pt; font-weight: 600; color: #1f2328; }
QLabel#start_hint { color: #6e7781; }
QFrame#start_card {
    background: #ffffff; border: 1px solid #d8dee4; border-radius: 10px;
}
QFrame#start_card:hover { background: #f6fbff; border-color: #54aeff; }
QFrame#start_card:focus { border: 2px solid #1f6feb; }
QLabel#start_card_title { font-weight: 600; color: #1f2328; }
QLabel#start_card_text { color: #57606a; }
QFrame#start_notice {
    background: #ddf4ff; border: 1px solid #54aeff; border-radius: 8px;
}
QListWidget#start_recent::item { padding: 6px 6px; }
QPushButton {
    background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px;
    padding: 5px 14px; color: #1f2328;
}
QPushButton:hover { background: #f3f4f6; }
QPushButton:pressed { background: #eef1f4; }
QPushButton:focus { border-color: #1f6feb; }
QPushButton:default { background: #1f6feb; border-color: #1a5fd0; color: #fffffe; }
QPushButton:default:hover { background: #1a5fd0; }
QPushButton:disabled { color: #8c959f; background: #f6f8fa; }
QGroupBox {
    border: 1px solid #d8dee4; border-radius: 8px; margin-top: 14px;
    padding: 12px 10px 8px 10px; font-weight: 600; color: #1f2328;
}
QGroupBox::title {
    subcontrol-origin: margin; left: 10px; padding: 0 4px; background: transparent;
}
QGroupBox QLabel, QGroupBox QCheckBox { font-weight: normal; }
QProgressBar {
    border: 1px solid #d0d7de; border-radius: 5px; background: #eef1f4;
    height: 10px; text-align: center; color: transparent;
}
QProgressBar::chunk { background: #1f6feb; border-radius: 4px; }
QLabel#dialog_title { font-size: 13pt; font-weight: 600; color: #1f2328; }
QLabel#dialog_hint { color: #57606a; }
QTreeView#shortcuts_tree::item { padding: 3px 2px; }
"""

_current = DEFAULT_THEME


def current_theme() -> str:
    return _current


def known(name: str) -> str:
    """A theme's name, or the default for anything unknown (a hand-edited file)."""
    return name if name in THEMES else DEFAULT_THEME


def dark_colour(colour: str) -> str:
    """The dark theme's counterpart of a light chrome colour."""
    mapped = DARK_SHEET_COLOURS.get(colour.lower())
    if mapped is not None:
        return mapped
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, lightness, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, 1.0 - lightness * 0.9, s * 0.8)
    return "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in (r, g, b)))


def themed(sheet: str, name: str | None = None) -> str:
    """A widget's own style sheet, written in the light chrome's colours, in a
    theme (the current one by default): for rules the application sheet lacks."""
    if known(name or _current) == "light":
        return sheet
    return _HEX.sub(lambda m: dark_colour(m[0]), sheet)


def stylesheet(base: str, name: str) -> str:
    """The application style sheet for a theme, from the light one; `@ICONS@`
    becomes the folder of the theme's icon files (for arrows and close buttons)."""
    name = known(name)
    base += EXTRA_SHEET
    sheet = base if name == "light" else _HEX.sub(lambda m: dark_colour(m[0]), base)
    return sheet.replace("@ICONS@", icon_folder(name).as_posix())


def palette(name: str) -> QPalette:
    """The Fusion palette of a theme, for what the style sheet does not cover."""
    c = COLOURS[known(name)]
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, c.window),
        (role.WindowText, c.text),
        (role.Base, c.surface),
        (role.AlternateBase, c.raised),
        (role.ToolTipBase, c.surface),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Text, c.text),
        (role.Button, c.raised),
        (role.ButtonText, c.text),
        (role.BrightText, "#ffffff"),
        (role.Light, c.surface),
        (role.Midlight, c.raised),
        (role.Mid, c.border),
        (role.Dark, c.border),
        (role.Shadow, "#000000"),
        (role.Highlight, c.accent),
        (role.HighlightedText, "#ffffff"),
        (role.Link, c.accent),
        (role.LinkVisited, c.accent),
    ):
        p.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(c.muted))
    return p


# -- icons ---------------------------------------------------------------------------

_folders: dict[str, Path] = {}


def icon_folder(name: str) -> Path:
    """resources/icons for the light theme; for the dark one, a private copy of
    the glyphs in the dark ink (a style sheet can only name files)."""
    name = known(name)
    if name == "light":
        return resource("icons")
    folder = _folders.get(name)
    if folder is None or not folder.is_dir():
        folder = Path(tempfile.mkdtemp(prefix="blueprint-icons-"))
        atexit.register(shutil.rmtree, folder, True)
        ink = COLOURS[name].icon_ink
        for svg in resource("icons").glob("*.svg"):
            text = svg.read_text(encoding="utf-8").replace(ICON_INK, ink)
            (folder / svg.name).write_text(text, encoding="utf-8")
        _folders[name] = folder
    return folder


class _ThemedSvgEngine(QIconEngine):
    """Draws a glyph in the current theme's ink, so icons already handed to menus
    and tool buttons change with the theme."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def _renderer(self) -> QSvgRenderer:
        ink = COLOURS[_current].icon_ink
        renderer = self._renderers.get(ink)
        if renderer is None:
            data = self._svg.replace(ICON_INK.encode(), ink.encode())
            renderer = self._renderers[ink] = QSvgRenderer(QByteArray(data))
        return renderer

    def paint(
        self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State
    ) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.35)
        self._renderer().render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Drawn at the screen's pixel density; kept per size, mode and ink, as
        tool buttons ask for their icon at every repaint."""
        key = (size.width(), size.height(), mode, scale, COLOURS[_current].icon_ink)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        if len(self._pixmaps) > 32:  # a handful of sizes in practice
            self._pixmaps.clear()
        self._pixmaps[key] = pixmap
        return pixmap

    def clone(self) -> QIconEngine:
        return _ThemedSvgEngine(self._svg)


def themed_icon(path: Path) -> QIcon:
    """An icon from a glyph file that follows the theme; a plain one for files not
    drawn in the glyph ink (the application's logo keeps its colours)."""
    data = path.read_bytes()
    if ICON_INK.encode() not in data:
        return QIcon(str(path))
    return QIcon(_ThemedSvgEngine(data))


# -- applying --------------------------------------------------------------------------


def apply_theme(app: QApplication, name: str, base_sheet: str) -> None:
    """Switch the chrome to a theme at once: palette, style sheet and icons."""
    global _current
    name = known(name)
    _current = name
    # The new palette makes every widget repaint, drawing icons in the new ink;
    # walking app.allWidgets() from Python instead crashed now and then, through
    # wrappers of widgets that Qt had deleted.
    app.setPalette(palette(name))
    sheet = stylesheet(base_sheet, name)
    if app.styleSheet() != sheet:  # re-polishing every widget is not free
        app.setStyleSheet(sheet)
