"""Writes the store's fixture files; run once per schema version, then keep them.

    .venv/bin/python -m tests.data.make_fixtures

A fixture of a released version is never regenerated: it proves that files
written by that version still open. A new schema version adds new files.
"""

from __future__ import annotations

from pathlib import Path

from blueprint.store import SCHEMA_VERSION, save_document, write_json
from blueprint.store.ddl import SCHEMA_DDL
from tests.store.helpers import sample_document

HERE = Path(__file__).resolve().parent


def main() -> None:
    v = SCHEMA_VERSION
    doc = sample_document()
    for name in (f"project-v{v}.blueprint", f"project-v{v}.json", f"schema-v{v}.sql"):
        if (HERE / name).exists():
            raise SystemExit(f"{name} exists: fixtures of a version are never remade")
    save_document(doc, HERE / f"project-v{v}.blueprint")
    write_json(doc, HERE / f"project-v{v}.json")
    (HERE / f"schema-v{v}.sql").write_text(
        ";\n\n".join(SCHEMA_DDL[v]) + ";\n", encoding="utf-8"
    )
    print(f"wrote the fixtures of schema version {v} to {HERE}")


if __name__ == "__main__":
    main()
