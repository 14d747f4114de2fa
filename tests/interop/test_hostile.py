"""Malformed and hostile files get a one-line DrawioError naming the file, never a
traceback; broken structure inside a valid file is repaired and reported."""

import base64
import random
import zlib
from pathlib import Path

import pytest

from blueprint.interop import mxfile
from blueprint.interop.drawio import DrawioError, import_drawio

from .codec import compress

DATA = Path(__file__).parent / "data"

PAGE = (
    '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>{}'
    "</root></mxGraphModel>"
)
SHAPE = (
    '<mxCell id="{id}" value="{label}" style="rounded=1;" vertex="1" parent="{parent}">'
    '<mxGeometry x="{x}" y="{y}" width="80" height="40" as="geometry"/></mxCell>'
)


def write(tmp_path: Path, content: str | bytes, name: str = "bad.drawio") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def refused(path: Path, reason: str) -> str:
    with pytest.raises(DrawioError) as info:
        import_drawio(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert reason in message, message
    return message


def page_file(text: str) -> str:
    return f'<mxfile><diagram name="P" id="p">{text}</diagram></mxfile>'


def test_billion_laughs_is_refused(tmp_path):
    entities = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE mxfile [<!ENTITY lol0 "lol">{entities}]>'
        "<mxfile><diagram name='&lol9;'/></mxfile>"
    )
    refused(write(tmp_path, bomb), "document type declarations are not allowed")


def test_external_entity_is_refused(tmp_path):
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<mxGraphModel><root><mxCell id='0' value='&x;'/></root></mxGraphModel>"
    )
    refused(write(tmp_path, xxe), "unsafe XML")


def test_hostile_xml_inside_a_compressed_page_is_refused(tmp_path):
    inner = '<!DOCTYPE m [<!ENTITY a "aaaa">]><mxGraphModel><root/></mxGraphModel>'
    refused(write(tmp_path, page_file(compress(inner))), "unsafe XML in page 'P'")


def test_broken_base64_is_refused(tmp_path):
    refused(write(tmp_path, page_file("not*base64*at*all")), "broken base64 data")


def test_broken_deflate_is_refused(tmp_path):
    junk = base64.b64encode(b"\xff\xfe this is not deflate data").decode()
    refused(write(tmp_path, page_file(junk)), "broken compressed data")


def test_truncated_deflate_is_refused(tmp_path):
    whole = base64.b64decode(compress(PAGE.format("")))
    cut = base64.b64encode(whole[: len(whole) // 2]).decode()
    refused(write(tmp_path, page_file(cut)), "truncated compressed data")


def test_deflate_bomb_stops_at_the_cap(tmp_path):
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"A" * (1 << 20)
    raw = b"".join(deflater.compress(chunk) for _ in range(110)) + deflater.flush()
    assert len(raw) < 200_000  # 110 MB of XML text in a small file
    page = page_file(base64.b64encode(raw).decode())
    refused(write(tmp_path, page), "larger than 100 MB when decompressed")


def test_compressed_page_that_is_not_a_diagram(tmp_path):
    refused(
        write(tmp_path, page_file(compress("<svg/>"))), "holds <svg>, not a diagram"
    )


def test_invalid_utf8_after_url_decoding_is_refused(tmp_path):
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflater.compress(b"%3CmxGraphModel%3E%ff%fe") + deflater.flush()
    page = page_file(base64.b64encode(raw).decode())
    message = refused(write(tmp_path, page), "page 'P'")
    assert "does not decode" in message or "malformed" in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<svg xmlns='http://www.w3.org/2000/svg'/>", "root element <svg>"),
        ("<html><body/></html>", "root element <html>"),
        ("<mxfile></mxfile>", "has no pages"),
        ("", "malformed XML"),
        ("<mxfile><diagram>", "malformed XML"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "malformed XML"),
        ("just text", "malformed XML"),
    ],
)
def test_wrong_or_broken_documents_are_refused(tmp_path, content, reason):
    refused(write(tmp_path, content), reason)


def test_missing_file_and_folder(tmp_path):
    refused(tmp_path / "nothing.drawio", "cannot read file")
    folder = tmp_path / "folder.drawio"
    folder.mkdir()
    refused(folder, "cannot read file")


def test_file_over_the_size_cap_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.drawio"
    with path.open("wb") as f:  # sparse: no 50 MB written to disk
        f.truncate(mxfile.MAX_FILE_BYTES + 1)
    refused(path, "larger than 50 MB")


def test_huge_attribute_is_refused(tmp_path):
    label = "x" * (mxfile.MAX_ATTRIBUTE + 1)
    content = page_file(
        PAGE.format(SHAPE.format(id=2, label=label, parent=1, x=0, y=0))
    )
    refused(write(tmp_path, content), "attribute of <mxCell> is longer than 10 MB")


def test_too_many_cells_and_elements(tmp_path, monkeypatch):
    shapes = "".join(
        SHAPE.format(id=f"s{i}", label=i, parent=1, x=i * 100, y=0) for i in range(60)
    )
    path = write(tmp_path, page_file(PAGE.format(shapes)))
    monkeypatch.setattr(mxfile, "MAX_CELLS", 50)
    refused(path, "more than 50 cells")
    monkeypatch.setattr(mxfile, "MAX_CELLS", 1_000_000)
    monkeypatch.setattr(mxfile, "MAX_ELEMENTS", 100)
    refused(path, "more than 100 XML elements")


def test_deep_nesting_in_annotation_json_is_ignored(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    cell = (
        f'<object label="Step" bp_type="node" bp_annotations="{deep}" id="n">'
        '<mxCell style="rounded=1;" vertex="1" parent="1">'
        '<mxGeometry width="80" height="40" as="geometry"/></mxCell></object>'
    )
    doc, summary = import_drawio(write(tmp_path, page_file(PAGE.format(cell))))
    assert [n.label for n in doc.nodes(doc.diagrams()[0].id)] == ["Step"]
    assert any("unreadable annotation" in a for a in summary.approximations)


def test_broken_structure_is_repaired_and_reported(tmp_path):
    cells = "".join(
        [
            SHAPE.format(id="a", label="Loop A", parent="b", x=0, y=0),
            SHAPE.format(id="b", label="Loop B", parent="a", x=10, y=10),
            SHAPE.format(id="c", label="Orphan", parent="gone", x=200, y=0),
            SHAPE.format(id="c", label="Twin", parent="1", x=400, y=0),
            SHAPE.format(id="d", label="Bad numbers", parent="1", x="NaN", y="1e999"),
            '<mxCell id="e" edge="1" parent="1" source="a" target="nowhere">'
            '<mxGeometry relative="1" as="geometry"/></mxCell>',
            '<mxCell id="f" edge="1" parent="1" source="a" target="a">'
            '<mxGeometry relative="1" as="geometry"/></mxCell>',
            "<mystery/>",
        ]
    )
    doc, summary = import_drawio(write(tmp_path, page_file(PAGE.format(cells))))
    d = doc.diagrams()[0]
    labels = sorted(n.label for n in doc.nodes(d.id))
    assert labels == ["Bad numbers", "Loop A", "Loop B", "Orphan"]
    assert doc.edges(d.id) == []
    text = "\n".join(summary.approximations)
    for expected in (
        "cell with a duplicate id was ignored",
        "cell with a missing parent was put on the page",
        "cell inside itself was put on the page",
        "2 unreadable or out-of-range numbers were replaced",
        "connector not attached to shapes at both ends was left out",
        "connector from a shape to itself was left out",
        "unknown XML element was left out",
    ):
        assert expected in text, text


def test_bad_blueprint_properties_fall_back_to_defaults(tmp_path):
    cell = (
        '<object label="Step" bp_type="node" bp_id="" bp_kind="spaceship" '
        'bp_flags="fail_point,teleport" bp_duration="-3" bp_style="fill=red" '
        'bp_pos="x,y" id="n"><mxCell style="rounded=1;fillColor=#zzzzzz;" '
        'vertex="1" parent="1"><mxGeometry x="5" y="5" width="2" height="40" '
        'as="geometry"/></mxCell></object>'
    )
    doc, summary = import_drawio(write(tmp_path, page_file(PAGE.format(cell))))
    (node,) = doc.nodes(doc.diagrams()[0].id)
    assert node.kind == "action" and node.fail_point and node.duration is None
    assert node.style.fill is None and node.width == 10
    assert len(node.id) == 32
    text = "\n".join(summary.approximations)
    assert "unknown flag was ignored: 'teleport'" in text
    assert "tiny shape was enlarged" in text


def test_random_damage_never_escapes_as_a_traceback(tmp_path):
    """Mutate the fixture's attributes at random: every result is a document or a
    DrawioError, nothing else."""
    original = (DATA / "hotel.drawio").read_text(encoding="utf-8")
    rng = random.Random(1234)
    values = ['""', '"-1e308"', '"abc"', '"1"', '"0"', '"pool"', '"L2"', '"e3"']
    attrs = ['parent="', 'source="', 'target="', 'x="', 'width="', 'style="']
    for _ in range(60):
        text = original
        for _ in range(8):
            attr = rng.choice(attrs)
            start = text.find(attr, rng.randrange(len(text)))
            if start < 0:
                continue
            end = text.index('"', start + len(attr))
            text = text[: start + len(attr) - 1] + rng.choice(values) + text[end + 1 :]
        path = write(tmp_path, text)
        try:
            doc, _ = import_drawio(path)
        except DrawioError as exc:
            assert "\n" not in str(exc)
        else:
            assert doc.diagrams()
