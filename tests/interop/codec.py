"""draw.io's compressed page encoding, written independently of the importer so
tests can build compressed fixtures: base64(raw deflate(encodeURIComponent(xml)))."""

import base64
import zlib
from urllib.parse import quote
from xml.etree import ElementTree as ET


def encode_uri_component(text: str) -> str:
    # JavaScript's encodeURIComponent leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) alone
    return quote(text, safe="!~*'()")


def compress(xml: str) -> str:
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflater.compress(encode_uri_component(xml).encode("ascii"))
    raw += deflater.flush()
    return base64.b64encode(raw).decode("ascii")


def compress_file(plain: str, *, old_header: bool = True) -> str:
    """A plain .drawio document with every page compressed."""
    root = ET.fromstring(plain)
    out = ET.Element("mxfile")
    if old_header:  # the header draw.io wrote before 2020
        out.attrib.update(
            {
                "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                "version": "12.4.8",
                "editor": "www.draw.io",
                "type": "device",
            }
        )
    else:
        out.attrib.update({"host": "Electron", "compressed": "true"})
    for diagram in root.findall("diagram"):
        page = ET.SubElement(out, "diagram", dict(diagram.attrib))
        model = diagram.find("mxGraphModel")
        page.text = compress(ET.tostring(model, encoding="unicode"))
    return ET.tostring(out, encoding="unicode")
