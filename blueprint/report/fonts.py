"""The report's fonts: DejaVu Sans from the bundled resources, embedded as subsets."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from blueprint.resources import resource
from blueprint.theme import FONT_FILES

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_NAMES = {
    "regular": REGULAR,
    "bold": BOLD,
    "italic": ITALIC,
    "bold_italic": BOLD_ITALIC,
}


class FontError(Exception):
    """The bundled fonts are missing or unreadable."""


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register DejaVu Sans (all four faces) once; returns the family name.

    Every face is a TTFont, which reportlab always embeds as subsets with a
    ToUnicode map, so text stays extractable in every script the font covers."""
    for face, name in _NAMES.items():
        path = resource("fonts", FONT_FILES[face])
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # a damaged install: name the file
            raise FontError(f"{path}: cannot load font ({exc})") from exc
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # <b>/<i> inside Paragraphs resolve through these mappings
    for bold, italic, name in (
        (0, 0, REGULAR),
        (1, 0, BOLD),
        (0, 1, ITALIC),
        (1, 1, BOLD_ITALIC),
    ):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR


def string_width(text: str, font: str = REGULAR, size: float = 10.0) -> float:
    return pdfmetrics.stringWidth(text, font, size)
