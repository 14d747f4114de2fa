"""Reading .drawio / mxGraph XML safely into pages of plain cells.

Files are untrusted: the size is capped before reading, XML is parsed with defusedxml
(no DTDs, entities or external references), compressed pages are inflated with a cap,
and element, cell and attribute counts are bounded. Every failure is a DrawioError
whose message is one line.
"""

from __future__ import annotations

import base64
import binascii
import gc
import math
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_INFLATED_BYTES = 100 * 1024 * 1024  # all compressed pages together
MAX_ELEMENTS = 3_000_000
MAX_CELLS = 1_000_000
MAX_PAGES = 10_000
MAX_ATTRIBUTE = 10 * 1024 * 1024  # embedded images in styles can be large
MAX_COORDINATE = 10_000_000.0
FEED_BYTES = 256 * 1024
# attributes of an object/UserObject wrapper that are not custom properties
WRAPPER_ATTRIBUTES = {"id", "label", "placeholders"}


class DrawioError(ValueError):
    """A .drawio file that cannot be read or written; the message is one line."""


@dataclass
class Geometry:
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    relative: bool = False
    points: list[tuple[float, float]] = field(default_factory=list)
    source_point: tuple[float, float] | None = None
    target_point: tuple[float, float] | None = None


@dataclass
class Cell:
    """One mxCell with its wrapper's label and custom properties, if any."""

    id: str
    parent: str | None
    value: str
    style: str
    vertex: bool
    edge: bool
    source: str | None
    target: str | None
    geometry: Geometry
    properties: dict[str, str]


@dataclass
class Page:
    name: str
    cells: list[Cell]
    # counts of things that could not be read exactly, for the import summary
    bad_numbers: int = 0
    unknown_elements: int = 0


class _Budget:
    """Caps shared by every XML document parsed for one file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.elements = 0
        self.inflated = 0
        self.cells = 0

    def fail(self, reason: str) -> DrawioError:
        return DrawioError(f"{self.name}: {reason}")


def read_pages(path: Path) -> list[Page]:
    """Every page of a .drawio / .xml file as cells; raises DrawioError."""
    budget = _Budget(str(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise budget.fail(f"file is larger than {MAX_FILE_BYTES // 2**20} MB")
        with path.open("rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise budget.fail(f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise budget.fail(f"file is larger than {MAX_FILE_BYTES // 2**20} MB")
    root = _parse(data, budget, "file")
    tag = _local(root.tag)
    if tag == "mxGraphModel":
        return [_page(root, path.stem or "Page 1", budget)]
    if tag != "mxfile":
        raise budget.fail(f"not a draw.io file (root element <{tag}>)")
    diagrams = [d for d in root if _local(d.tag) == "diagram"]
    if not diagrams:
        raise budget.fail("the draw.io file has no pages")
    if len(diagrams) > MAX_PAGES:
        raise budget.fail(f"more than {MAX_PAGES:,} pages")
    pages = []
    for i, d in enumerate(diagrams, start=1):
        name = d.get("name") or ""
        if not name.strip():
            name = f"Page {i}"
        pages.append(_page(_page_model(d, name, budget), name, budget))
    return pages


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _parse(data: bytes, budget: _Budget, what: str) -> Element:
    """Parse with defusedxml, counting elements and checking attribute sizes."""
    parser = XMLPullParser(("start",), _parser=DefusedXMLParser(forbid_dtd=True))
    root = None
    # expat re-scans a token split across feeds from its start: feeds double while
    # nothing completes, so one huge attribute costs linear time, not quadratic
    offset, size = 0, FEED_BYTES
    collecting = gc.isenabled()
    gc.disable()  # millions of new elements would trigger full collections
    try:
        while True:
            chunk = data[offset : offset + size]
            if chunk:
                parser.feed(chunk)
                offset += len(chunk)
            else:
                parser.close()
            events = 0
            for _, element in parser.read_events():
                events += 1
                _check(element, budget)
                if root is None:
                    root = element
            if not chunk:
                break
            size = FEED_BYTES if events else size * 2
    except DefusedXmlException as exc:
        reason = _defused_reason(exc)
        raise budget.fail(f"unsafe XML in {what} refused ({reason})") from None
    except ParseError as exc:
        raise budget.fail(f"malformed XML in {what} ({exc})") from None
    finally:
        if collecting:
            gc.enable()
    if root is None:
        raise budget.fail(f"{what} is empty")
    return root


def _check(element: Element, budget: _Budget) -> Element:
    budget.elements += 1
    if budget.elements > MAX_ELEMENTS:
        raise budget.fail(f"more than {MAX_ELEMENTS:,} XML elements")
    for value in element.attrib.values():
        if len(value) > MAX_ATTRIBUTE:
            raise budget.fail(
                f"an attribute of <{_local(element.tag)}> is longer than "
                f"{MAX_ATTRIBUTE // 2**20} MB"
            )
    return element


def _defused_reason(exc: DefusedXmlException) -> str:
    name = type(exc).__name__
    return {
        "DTDForbidden": "document type declarations are not allowed",
        "EntitiesForbidden": "entity declarations are not allowed",
        "ExternalReferenceForbidden": "external references are not allowed",
    }.get(name, name)


def _page_model(diagram: Element, name: str, budget: _Budget) -> Element:
    """The <mxGraphModel> of a <diagram>: a child element, or compressed text."""
    model = next((c for c in diagram if _local(c.tag) == "mxGraphModel"), None)
    if model is not None:
        return model
    text = "".join((diagram.text or "").split())
    if not text:
        return Element("mxGraphModel")
    where = f"page {name!r}"
    if text.startswith("<"):  # some tools store the XML escaped, uncompressed
        xml = (diagram.text or "").strip().encode("utf-8")
    else:
        xml = _decompress(text, where, budget)
    model = _parse(xml, budget, where)
    if _local(model.tag) != "mxGraphModel":
        raise budget.fail(f"{where} holds <{_local(model.tag)}>, not a diagram")
    return model


def _decompress(text: str, where: str, budget: _Budget) -> bytes:
    """draw.io's page encoding: base64 of raw deflate of URL-encoded XML."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise budget.fail(f"{where} has broken base64 data") from None
    room = MAX_INFLATED_BYTES - budget.inflated
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, room + 1)
    except zlib.error:
        raise budget.fail(f"{where} has broken compressed data") from None
    if len(out) > room or inflater.unconsumed_tail:
        raise budget.fail(
            f"{where} is larger than {MAX_INFLATED_BYTES // 2**20} MB when decompressed"
        )
    if not inflater.eof:
        raise budget.fail(f"{where} has truncated compressed data")
    budget.inflated += len(out)
    try:
        xml = unquote(out.decode("ascii"), errors="strict")
    except UnicodeError:
        try:  # very old files deflate the XML itself, without URL encoding
            xml = out.decode("utf-8")
        except UnicodeError:
            raise budget.fail(f"{where} does not decode as text") from None
    return xml.encode("utf-8")


def _page(model: Element, name: str, budget: _Budget) -> Page:
    page = Page(name=name, cells=[])
    root = next((c for c in model if _local(c.tag) == "root"), None)
    if root is None:
        return page
    for element in root:
        tag = _local(element.tag)
        if tag == "mxCell":
            cell = _cell(element, element, element.get("value") or "", {}, page)
        elif tag in ("UserObject", "object"):
            inner = next((c for c in element if _local(c.tag) == "mxCell"), None)
            label = element.get("label") or ""
            props = {
                k: v for k, v in element.attrib.items() if k not in WRAPPER_ATTRIBUTES
            }
            if element.get("placeholders") == "1":
                label = _fill_placeholders(label, props)
            cell = _cell(element, inner, label, props, page)
        else:
            page.unknown_elements += 1
            continue
        budget.cells += 1
        if budget.cells > MAX_CELLS:
            raise budget.fail(f"more than {MAX_CELLS:,} cells")
        page.cells.append(cell)
    return page


def _fill_placeholders(label: str, props: dict[str, str]) -> str:
    for key, value in props.items():
        label = label.replace(f"%{key}%", value)
    return label


def _cell(
    outer: Element,
    inner: Element | None,
    value: str,
    props: dict[str, str],
    page: Page,
) -> Cell:
    attrs = inner.attrib if inner is not None else {}
    geometry = Geometry()
    if inner is not None:
        g = next(
            (c for c in inner if _local(c.tag) == "mxGeometry"),
            None,
        )
        if g is not None:
            geometry = _geometry(g, page)
    return Cell(
        id=outer.get("id") or "",
        parent=attrs.get("parent"),
        value=value,
        style=attrs.get("style") or "",
        vertex=attrs.get("vertex") == "1",
        edge=attrs.get("edge") == "1",
        source=attrs.get("source"),
        target=attrs.get("target"),
        geometry=geometry,
        properties=props,
    )


def _geometry(g: Element, page: Page) -> Geometry:
    geo = Geometry(
        x=_number(g.get("x"), page),
        y=_number(g.get("y"), page),
        width=_number(g.get("width"), page),
        height=_number(g.get("height"), page),
        relative=g.get("relative") == "1",
    )
    for child in g:
        tag, role = _local(child.tag), child.get("as")
        if tag == "mxPoint" and role == "sourcePoint":
            geo.source_point = _point(child, page)
        elif tag == "mxPoint" and role == "targetPoint":
            geo.target_point = _point(child, page)
        elif tag == "Array" and role == "points":
            geo.points = [_point(p, page) for p in child if _local(p.tag) == "mxPoint"]
    return geo


def _point(p: Element, page: Page) -> tuple[float, float]:
    return (_number(p.get("x"), page), _number(p.get("y"), page))


def _number(text: str | None, page: Page) -> float:
    """A coordinate; unreadable or absurd values are counted and replaced."""
    if text is None or not text.strip():
        return 0.0
    try:
        value = float(text)
    except ValueError:
        page.bad_numbers += 1
        return 0.0
    if not math.isfinite(value):
        page.bad_numbers += 1
        return 0.0
    if abs(value) > MAX_COORDINATE:
        page.bad_numbers += 1
        return math.copysign(MAX_COORDINATE, value)
    return value
