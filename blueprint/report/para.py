"""Paragraph that parses each distinct text in a style once (tables repeat them)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.platypus import paragraph as _rl
from reportlab.platypus.paraparser import ParaParser


@lru_cache(maxsize=8192)
def _parsed(raw: str, style, case_sensitive: int) -> tuple:
    # what Paragraph._setup does before it stores the fragments
    text = _rl.cleanBlockQuotedText(raw)
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    out_style, frags, bullet = parser.parse(text, style)
    if frags is None:
        raise ValueError(
            f"xml parser error ({parser.errors[0]}) in paragraph beginning\n"
            f"'{text[: min(30, len(text))]}'"
        )
    _rl.textTransformFrags(frags, out_style)
    return text, out_style, tuple(frags), bullet


class Paragraph(_rl.Paragraph):
    """A reportlab Paragraph whose markup is parsed once per (text, style): a long
    report's tables repeat kinds, stages, statuses and names thousands of times,
    and parsing is most of what making a Paragraph costs. Each paragraph gets its
    own copies of the fragments, so nothing is shared between them."""

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and cleaner is _rl.cleanBlockQuotedText:
            text, style, parsed, bullet = _parsed(text, style, self.caseSensitive)
            frags = [f.clone() for f in parsed]
            if bullet:
                bulletText = [f.clone() for f in bullet]
            self.text, self.frags, self.style = text, frags, style
            self.bulletText, self.debug = bulletText, 0
            return
        return super()._setup(text, style, bulletText, frags, cleaner)
