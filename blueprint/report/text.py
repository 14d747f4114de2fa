"""User text made safe for Paragraph markup, and long text cut into paragraphs."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

# C0/C1 controls other than tab and newline, lone surrogates and non-characters
# cannot be written to a PDF string or shown by any font
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
PARAGRAPH_LIMIT = 1500  # characters; Paragraph layout time grows fast with length


def clean(text: str) -> str:
    """Text with line breaks normalised and unprintable characters removed."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _UNPRINTABLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def markup(text: str) -> str:
    """Plain user text as Paragraph markup: cleaned, escaped, newlines as <br/>."""
    return escape(clean(text)).replace("\n", "<br/>").replace("\t", " ")


def chunks(text: str, limit: int = PARAGRAPH_LIMIT) -> list[str]:
    """Text split into paragraphs at blank lines, and any paragraph longer than
    limit split again at a sentence or word boundary, so no single Paragraph is
    long (one of 1M characters takes minutes to lay out)."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", clean(text)):
        block = block.strip("\n")
        while len(block) > limit:
            cut = _cut_point(block, limit)
            out.append(block[:cut].rstrip())
            block = block[cut:].lstrip()
        if block.strip():
            out.append(block)
    return out


def _cut_point(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for pattern in (". ", "\n", "; ", ", ", " "):
        at = window.rfind(pattern, limit // 2)
        if at > 0:
            return at + len(pattern)
    return limit


def short(text: str, limit: int = 120) -> str:
    """A one-line preview of text for table cells and captions."""
    line = " ".join(clean(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
