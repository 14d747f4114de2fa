"""draw.io style strings, HTML labels, colours, lane roles and shape-to-kind rules."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from blueprint.model.notations import NODE_KINDS

Style = dict[str, str | None]


def parse_style(style: str) -> Style:
    """'rounded=1;ellipse;html=1' -> {'rounded': '1', 'ellipse': None, 'html': '1'}.

    Bare words (None) are named styles; the first one usually names the shape."""
    out: Style = {}
    for part in style.split(";"):
        key, sep, value = part.partition("=")
        key = key.strip()
        if key:
            out.setdefault(key, value.strip() if sep else None)
    return out


def shape_of(style: Style) -> str:
    """The shape a style draws: shape=..., else the first bare word, else 'rect'."""
    if style.get("shape"):
        return str(style["shape"])
    return next((k for k, v in style.items() if v is None), "rect")


def is_swimlane(style: Style) -> bool:
    return shape_of(style) == "swimlane"


def format_style(items: dict[str, object]) -> str:
    return "".join(f"{k};" if v is None else f"{k}={v};" for k, v in items.items())


# -- labels ----------------------------------------------------------------------

_BLOCKS = {
    "div",
    "p",
    "li",
    "tr",
    "ul",
    "ol",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}


class _TextOnly(HTMLParser):
    """Collects an HTML label's text; <br> and block boundaries become newlines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pending_break = False
        self.skipping = 0

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")
            self.pending_break = False
        elif tag in ("script", "style"):
            self.skipping += 1
        elif tag in _BLOCKS:
            self._break()
            self.pending_break = False

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.pending_break = True

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.pending_break and data:
            self._break()
            self.pending_break = False
        self.parts.append(data)


def label_text(value: str, style: Style, *, keep_spacing: bool) -> str:
    """The plain text of a label: HTML labels (html=1) lose their markup.

    keep_spacing keeps leading and trailing whitespace (for labels Blueprint wrote)."""
    if style.get("html") == "1":
        parser = _TextOnly()
        parser.feed(value)
        parser.close()
        value = "".join(parser.parts)
    if keep_spacing:
        return value
    return value.replace("\xa0", " ").strip()  # draw.io types &nbsp; for spaces


def label_html(text: str) -> str:
    """Plain text as an HTML label that label_text turns back into the same text."""
    return html.escape(text, quote=False).replace("\n", "<br>")


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Characters XML 1.0 cannot hold become U+FFFD (draw.io could not open them)."""
    return _XML_INVALID.sub("\ufffd", text)


# -- colours -----------------------------------------------------------------------

_HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def colour(value: str | None) -> str | None:
    """'#ABC' or '#aabbcc' -> '#aabbcc'; 'none', 'default' and the rest -> None."""
    if not value:
        return None
    m = _HEX.match(value.strip())
    if not m:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.lower()


# -- lane roles ----------------------------------------------------------------------

# role -> (names that match exactly, prefixes that match whole words)
_ROLE_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "physical_evidence": (
        ("evidence", "props", "touchpoints", "touch points", "physical evidences"),
        ("physical evidence",),
    ),
    "customer": (
        ("customer", "customers", "user", "users", "guest", "client", "patient"),
        (
            "customer action",
            "customer actions",
            "customer journey",
            "customer step",
            "customer steps",
            "customer segment",
            "customer segments",
            "user action",
            "user actions",
            "guest action",
            "guest actions",
            "client action",
            "client actions",
        ),
    ),
    "onstage": (
        (),
        (
            "onstage",
            "on-stage",
            "on stage",
            "frontstage",
            "front-stage",
            "front stage",
            "visible contact",
            "front office",
            "front-office",
        ),
    ),
    "backstage": (
        (),
        (
            "backstage",
            "back-stage",
            "back stage",
            "invisible contact",
            "back office",
            "back-office",
        ),
    ),
    "support": (
        (),
        ("support", "supporting process", "supporting processes", "internal support"),
    ),
    "management": ((), ("management",)),
}
BLUEPRINT_ROLES = ("physical_evidence", "onstage", "backstage", "support")


def normalise_name(name: str) -> str:
    cleaned = re.sub(r"[^\w\s-]", " ", name.lower())
    return " ".join(cleaned.split())


def role_for(name: str) -> str:
    """The blueprint lane role a lane name stands for, or 'other'."""
    n = normalise_name(name)
    for role, (exact, prefixes) in _ROLE_NAMES.items():
        if n in exact or any(n == p or n.startswith(p + " ") for p in prefixes):
            return role
    return "other"


_LINE_LABEL = re.compile(
    r"^(the )?line of (?P<kind>internal interaction|interaction|visibility|"
    r"implementation)$"
)


def line_kind(text: str) -> str | None:
    """The dividing-line kind a label such as 'Line of visibility' names, or None."""
    m = _LINE_LABEL.match(normalise_name(text))
    return m.group("kind").replace(" ", "_") if m else None


# -- shapes to node kinds ------------------------------------------------------------

_KIND_BY_SHAPE = {
    "rhombus": "decision",
    "mxgraph.flowchart.decision": "decision",
    "cylinder": "system",
    "cylinder2": "system",
    "cylinder3": "system",
    "datastore": "system",
    "dataStorage": "system",
    "mxgraph.flowchart.database": "system",
    "mxgraph.flowchart.stored_data": "system",
    "mxgraph.flowchart.direct_data": "system",
    "note": "note",
    "note2": "note",
    "text": "note",
    "callout": "note",
    "mxgraph.flowchart.annotation_1": "note",
    "mxgraph.flowchart.annotation_2": "note",
    "document": "evidence",
    "mxgraph.flowchart.document": "evidence",
    "mxgraph.flowchart.multi-document": "evidence",
    "card": "evidence",
    "image": "evidence",
    "umlActor": "customer",
    "actor": "customer",
}
_PLAIN_SHAPES = {
    "rect",
    "label",
    "process",
    "mxgraph.flowchart.process",
    "mxgraph.basic.rect",
    "swimlane",
}
_ROUND_SHAPES = {
    "ellipse",
    "doubleEllipse",
    "mxgraph.flowchart.start_1",
    "mxgraph.flowchart.start_2",
    "mxgraph.flowchart.terminator",
    "terminator",
    "mxgraph.bpmn.event",
}
_START = re.compile(r"^(start|begin|arrive|arrival)\b", re.I)
_END = re.compile(r"^(end|finish|stop|done|leave|exit)\b", re.I)


def kind_for(style: Style, label: str) -> tuple[str, str | None]:
    """(node kind, the shape's name if the kind only approximates it)."""
    shape = shape_of(style)
    if shape in _KIND_BY_SHAPE:
        return _KIND_BY_SHAPE[shape], None
    if shape in _PLAIN_SHAPES:
        return "action", None
    if shape in _ROUND_SHAPES:
        if style.get("outline") == "end" or _END.match(label.strip()):
            return "end", None
        if style.get("outline") == "standard" or _START.match(label.strip()):
            return "start", None
        return "action", shape
    return "action", shape


def kind_name(kind: str) -> str:
    return NODE_KINDS[kind].name
