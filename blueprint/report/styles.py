"""The report's palette, paragraph styles and table styles, keyed to the accent."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from blueprint import theme

from .fonts import BOLD, ITALIC, REGULAR, register_fonts
from .render import colour

INK = theme.INK
MUTED = theme.MUTED_INK
RULE = "#d0d7de"
FAINT = "#f6f8fa"


def _rgb(value: str) -> tuple[float, float, float]:
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(min(max(c, 0), 1) * 255):02x}" for c in rgb)


def _luminance(value: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def mix(value: str, other: str, t: float) -> str:
    """value blended toward other by t (0 = value, 1 = other)."""
    a, b = _rgb(value), _rgb(other)
    return _hex(tuple(x + (y - x) * t for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def readable(value: str, minimum: float = 4.5) -> str:
    """The colour darkened until text in it has at least `minimum` contrast on
    white (a pale brand colour still gives legible headings)."""
    out = value
    for _ in range(20):
        if 1.05 / (_luminance(out) + 0.05) >= minimum:
            return out
        out = mix(out, "#000000", 0.12)
    return out


@dataclass(frozen=True)
class Palette:
    accent: str  # fills and rules, as the client chose it
    accent_text: str  # the accent darkened for text on white
    tint: str  # a pale wash of the accent for table headers and cards
    on_accent: str  # text colour on an accent fill

    @classmethod
    def from_accent(cls, accent: str) -> Palette:
        on = "#ffffff" if 1.05 / (_luminance(accent) + 0.05) >= 3.0 else INK
        return cls(accent, readable(accent), mix(accent, "#ffffff", 0.9), on)

    def c(self, name: str) -> Color:
        return colour(getattr(self, name))


class Styles:
    """Paragraph styles for one report: a restrained sans-serif hierarchy."""

    def __init__(self, palette: Palette) -> None:
        register_fonts()
        self.palette = palette
        ink, muted, accent = colour(INK), colour(MUTED), palette.c("accent_text")
        base = ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=9,
            leading=13,
            textColor=ink,
            bulletFontName=REGULAR,
            spaceAfter=5,
        )
        self.body = base
        self.small = ParagraphStyle(
            "small", base, fontSize=7.8, leading=10.5, spaceAfter=0
        )
        self.cell = ParagraphStyle("cell", self.small, fontSize=8, leading=10.6)
        self.bullet = ParagraphStyle(
            "bullet",
            self.cell,
            leftIndent=9,
            bulletIndent=0,
            bulletFontName=REGULAR,
            bulletFontSize=8,
        )
        self.cell_bold = ParagraphStyle("cell_bold", self.cell, fontName=BOLD)
        self.head = ParagraphStyle(
            "head", self.cell, fontName=BOLD, fontSize=7.4, textColor=muted
        )
        self.caption = ParagraphStyle(
            "caption", self.small, textColor=muted, fontName=ITALIC, spaceBefore=3
        )
        self.muted = ParagraphStyle("muted", base, textColor=muted)
        self.kicker = ParagraphStyle(
            "kicker",
            base,
            fontName=BOLD,
            fontSize=8,
            leading=10,
            textColor=accent,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.h1 = ParagraphStyle(
            "h1",
            base,
            fontName=BOLD,
            fontSize=19,
            leading=23,
            spaceAfter=4,
            textColor=ink,
        )
        self.h2 = ParagraphStyle(
            "h2",
            base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=14,
            spaceAfter=5,
            textColor=ink,
        )
        self.h3 = ParagraphStyle(
            "h3",
            base,
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            spaceBefore=8,
            spaceAfter=3,
            textColor=accent,
        )
        self.lead = ParagraphStyle(
            "lead", base, fontSize=10.5, leading=15, textColor=muted, spaceAfter=10
        )
        self.stat = ParagraphStyle(
            "stat",
            base,
            fontName=BOLD,
            fontSize=20,
            leading=23,
            textColor=accent,
            spaceAfter=0,
        )
        self.stat_label = ParagraphStyle("stat_label", self.small, textColor=muted)
        self.cover_title = ParagraphStyle(
            "cover_title",
            base,
            fontName=BOLD,
            fontSize=30,
            leading=35,
            textColor=ink,
            spaceAfter=10,
        )
        self.cover_sub = ParagraphStyle(
            "cover_sub", base, fontSize=14, leading=19, textColor=muted, spaceAfter=4
        )
        self.cover_meta = ParagraphStyle(
            "cover_meta", base, fontSize=9.5, leading=14, textColor=ink, spaceAfter=0
        )
        self.toc = [
            ParagraphStyle(
                "toc0",
                base,
                fontName=BOLD,
                fontSize=10,
                leading=14,
                spaceBefore=7,
                leftIndent=0,
                firstLineIndent=0,
            ),
            ParagraphStyle(
                "toc1",
                base,
                fontSize=8.8,
                leading=12.5,
                spaceBefore=1,
                leftIndent=16,
                firstLineIndent=0,
                textColor=muted,
            ),
        ]

    def table(self, header_rows: int = 1, zebra: bool = False) -> TableStyle:
        """Thin horizontal rules, a tinted header row, top-aligned cells."""
        rule = colour(RULE)
        cmds: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("TEXTCOLOR", (0, 0), (-1, -1), colour(INK)),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, rule),
        ]
        if header_rows:
            cmds += [
                ("BACKGROUND", (0, 0), (-1, header_rows - 1), self.palette.c("tint")),
                (
                    "LINEBELOW",
                    (0, header_rows - 1),
                    (-1, header_rows - 1),
                    0.9,
                    self.palette.c("accent"),
                ),
            ]
        if zebra:
            cmds.append(
                (
                    "ROWBACKGROUNDS",
                    (0, header_rows),
                    (-1, -1),
                    [colour("#ffffff"), colour(FAINT)],
                )
            )
        return TableStyle(cmds)
