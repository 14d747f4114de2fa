"""JSON interchange: lossless, described by its JSON Schema, strict on import."""

from __future__ import annotations

import copy
import json
import random
import tempfile
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from blueprint.model import catalogue
from blueprint.model.notations import NODE_KINDS, NOTATIONS
from blueprint.resources import resource
from blueprint.store import (
    ProjectFileError,
    export_json,
    import_json,
    load_document,
    read_json,
    save_document,
    write_json,
)
from blueprint.store.interchange import dumps

from .helpers import sample_document
from .strategies import projects

SCHEMA = json.loads(resource("schema", "project.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_export_matches_the_schema_and_round_trips(tmp_path):
    doc = sample_document()
    data = export_json(doc)
    VALIDATOR.validate(data)
    assert data["format"] == "blueprint" and data["version"] == 1
    assert import_json(data).state() == doc.state()
    write_json(doc, tmp_path / "p.json")
    assert json.loads((tmp_path / "p.json").read_text("utf-8")) == data
    assert read_json(tmp_path / "p.json").state() == doc.state()


def test_the_file_has_one_entity_per_line(tmp_path):
    write_json(sample_document(), tmp_path / "p.json")
    lines = (tmp_path / "p.json").read_text("utf-8").splitlines()
    node_lines = [line for line in lines if '"lane_id"' in line]
    assert len(node_lines) == 5
    assert all(json.loads(line.strip().rstrip(",")) for line in node_lines)


def test_schema_vocabulary_matches_the_catalogue():
    defs = SCHEMA["$defs"]
    assert defs["node"]["properties"]["kind"]["enum"] == list(NODE_KINDS)
    assert defs["diagram"]["properties"]["notation"]["enum"] == list(NOTATIONS)
    assert defs["lane"]["properties"]["role"]["enum"] == list(catalogue.LANE_ROLES)
    assert defs["line"]["properties"]["kind"]["enum"] == list(catalogue.LINE_KINDS)
    assert defs["edge"]["properties"]["kind"]["enum"] == list(catalogue.EDGE_KINDS)
    assert defs["edge"]["properties"]["support_type"]["enum"][:-1] == list(
        catalogue.SUPPORT_TYPES
    )
    assert defs["gap"]["properties"]["gap"]["enum"] == sorted(catalogue.GAPS)
    assert defs["gap"]["properties"]["status"]["enum"] == list(catalogue.GAP_STATUSES)
    assert defs["quality"]["properties"]["criterion"]["enum"] == list(
        catalogue.CRITERIA
    )
    assert defs["servqual"]["properties"]["dimension"]["enum"] == list(
        catalogue.SERVQUAL_DIMENSIONS
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(projects())
def test_project_to_file_to_json_to_file_to_project_is_lossless(doc):
    with tempfile.TemporaryDirectory() as folder:
        first, second = Path(folder, "a.blueprint"), Path(folder, "b.blueprint")
        save_document(doc, first)
        data = export_json(load_document(first))
        VALIDATOR.validate(data)
        text = dumps(data)
        save_document(import_json(json.loads(text)), second)
        assert load_document(second).state() == doc.state()


# -- refusing bad JSON ----------------------------------------------------------------


def bad(tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(ProjectFileError) as info:
        read_json(path)
    assert str(info.value) == f"{path}: {info.value.reason}"
    assert reason in info.value.reason, info.value.reason
    assert "\n" not in str(info.value)


def good() -> dict:
    return json.loads(dumps(export_json(sample_document())))


def test_not_json(tmp_path):
    bad(tmp_path, "{not json", "is not valid JSON (line 1, column 2")
    bad(tmp_path, b"\xff\xfe{}", "is not UTF-8 text")
    bad(tmp_path, "[" * 100_000 + "]" * 100_000, "is not valid JSON")
    bad(tmp_path, '{"format": "drawio"}', "is not a Blueprint JSON project")
    bad(tmp_path, "[]", "is not a Blueprint JSON project")


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda d: d.update(version=2), "was written by a newer Blueprint"),
        (lambda d: d.update(version="1"), "version: must be a whole number"),
        (lambda d: d.update(extra=1), "extra: is not a known key"),
        (lambda d: d.pop("project"), "project: must be an object"),
        (lambda d: d["project"].update(title=""), "project.title: must not be empty"),
        (
            lambda d: d["project"].update(logo="***"),
            "project.logo: is not valid base64",
        ),
        (
            lambda d: d["diagrams"][0]["nodes"][0].pop("lane_id"),
            "diagrams[0].nodes[0]: node: incomplete",
        ),
        (
            lambda d: d["diagrams"][0]["nodes"][0].update(colour="red"),
            "diagrams[0].nodes[0]: node.colour: is not a known field",
        ),
        (
            lambda d: d["diagrams"][0]["nodes"][0].update(diagram_id="d2"),
            "diagrams[0].nodes[0]: diagram_id must be 'd1'",
        ),
        (
            lambda d: d["diagrams"][0]["edges"][0].update(target_id="nowhere"),
            "is inconsistent: edge.target_id: refers to a missing node 'nowhere'",
        ),
        (
            lambda d: d["diagrams"][0]["annotations"][0]["body"].update(gap=6),
            "gap.gap: must be from 1 to 5, not 6",
        ),
        (
            lambda d: d["diagrams"][0]["nodes"].append(d["diagrams"][0]["nodes"][0]),
            "appears twice",
        ),
        (
            lambda d: d["diagrams"][0].update(lanes={}),
            "diagrams[0].lanes: must be a list",
        ),
        (lambda d: d["diagrams"][0].update(nodes=[1]), "nodes[0]: must be an object"),
    ],
)
def test_invalid_content_names_the_place_and_the_reason(tmp_path, change, reason):
    data = good()
    change(data)
    bad(tmp_path, json.dumps(data), reason)


def test_non_finite_numbers_are_refused(tmp_path):
    text = json.dumps(good()).replace('"x": 170.0', '"x": NaN', 1)
    bad(tmp_path, text, "node.x: must be finite")


def test_minimal_hand_written_json_gets_the_model_defaults():
    doc = import_json(
        {
            "format": "blueprint",
            "version": 1,
            "project": {"title": "By hand"},
            "diagrams": [
                {
                    "diagram": {"id": "d", "name": "Main"},
                    "lanes": [{"id": "l", "name": "Customer"}],
                    "nodes": [{"id": "n", "lane_id": "l", "label": "Ask"}],
                }
            ],
        }
    )
    node = doc.get("n")
    assert node.kind == "action" and node.width == 140.0
    assert doc.project.accent_colour == "#1f6feb"
    VALIDATOR.validate(export_json(doc))


def _paths(value, prefix=()):
    """Every place in a JSON value: (path, value) pairs."""
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


ODD_VALUES = [
    None, True, False, -1, 0, 7, 10**400, 2**64, 1e308, -0.0, float("nan"), "",
    "x" * 300, "#zzzzzz", "\u0000", [], {}, [1, 2], [[1, "a"]], {"kind": "gap"},
]  # fmt: skip


def test_mutated_json_fails_cleanly():
    """Any value anywhere replaced, removed or added: a Document or one clean error."""
    rng = random.Random(5)
    base = good()
    places = [p for p, _ in _paths(base) if p]
    crashes = []
    for i in range(400):
        data = copy.deepcopy(base)
        path = rng.choice(places)
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        action = rng.random()
        if action < 0.8:
            parent[path[-1]] = rng.choice(ODD_VALUES)
        elif action < 0.9 and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent["unexpected"] = 1
        try:
            import_json(data, source="mutant.json")
        except ProjectFileError as exc:
            assert "\n" not in str(exc)
        except Exception as exc:
            crashes.append(f"{i}: {path} -> {type(exc).__name__}: {exc}"[:300])
    assert not crashes, crashes[:5]
