"""How the annotation and analysis panels look: their style rules, in the chrome's
light colours and mapped for the dark theme (the canvas and its legend stay light,
like the diagram paper)."""

from __future__ import annotations

import re

from blueprint.ui import themes

STYLE = """
QLabel#annotation_heading { font-weight: 600; color: #1f2328; }
QLabel#definition, QLabel#field_caption, QLabel#annotation_summary,
QLabel#finding_explanation { color: #57606a; }
QLabel#criterion_name { font-weight: 600; color: #1f2328; padding-top: 4px; }
QFrame#annotation_card { background: #ffffff; border: 1px solid #d8dee4;
    border-radius: 6px; }
QLabel#analysis_title { font-weight: 600; color: #1f2328; }
QTableView#register_table { background: #ffffff; alternate-background-color: #f6f8fa;
    border: 1px solid #d8dee4; border-radius: 6px; selection-background-color: #ddf4ff;
    selection-color: #0a3069; }
QHeaderView::section { background: #eef1f4; color: #57606a; border: none;
    border-right: 1px solid #d8dee4; padding: 4px 6px; }
QTextBrowser#analysis_summary { background: #ffffff; border: 1px solid #d8dee4;
    border-radius: 6px; padding: 4px; }
"""
# The inspector has up to five tabs in a narrow dock: tighter than the app's tabs.
COMPACT_TABS = "QTabBar::tab { padding: 7px 7px; min-width: 0px; }"
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def dark() -> bool:
    return themes.current_theme() == "dark"


def colour(light: str) -> str:
    """A chrome colour in the current theme."""
    return themes.dark_colour(light) if dark() else light


def themed(sheet: str) -> str:
    """A style sheet written in light colours, in the current theme."""
    return _HEX.sub(lambda m: themes.dark_colour(m[0]), sheet) if dark() else sheet
