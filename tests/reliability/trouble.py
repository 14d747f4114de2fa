"""Writes that cannot succeed, run in a child process: Save, Save As, JSON, draw.io
and the report, each into trouble set up by test_disk_trouble.py.

    python trouble.py SPEC.json   ->  one JSON line: a result per operation

SPEC: {"project": file to edit, "target": folder the outputs go to,
"spare": a writable folder, "fsize": bytes or null (RLIMIT_FSIZE: a full disk)}.
The parent may also drop the process's capabilities, so that even root meets
permission bits. Each result says whether the error was one line naming the file,
whether the target and the document stayed as they were, which files the attempt
left behind, and whether the editor's session could still save elsewhere after.
"""

from __future__ import annotations

import hashlib
import json
import resource
import signal
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blueprint.interop.drawio import DrawioError, export_drawio
from blueprint.model import Change
from blueprint.report import ReportError, write_report
from blueprint.store import EditSession, ProjectFileError, load_document, write_json

CLEAN = (ProjectFileError, DrawioError, ReportError)


def digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"unreadable: {exc}"


def listing(folder: Path) -> set[str]:
    try:
        return {p.name for p in folder.iterdir()}
    except OSError:
        return set()


def limit(fsize: int | None) -> None:
    """A full disk for this process: writes past fsize bytes fail with EFBIG."""
    if fsize is None:
        return
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, hard))


def unlimit() -> None:
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))


def edit(session: EditSession) -> None:
    doc = session.document
    node = doc.nodes(doc.diagrams()[0].id)[0]
    doc.apply(Change(puts=(node.evolve(label=f"{node.label} (edited)"),)))


def attempt(name: str, spec: dict, run) -> dict:
    target = Path(spec["target"])
    out = {
        "save": Path(spec["project"]),
        "save_as": target / "copy.blueprint",
        "json": target / "project.json",
        "drawio": target / "project.drawio",
        "report": target / "report.pdf",
    }[name]
    folder = out.parent
    before, names = digest(out), listing(folder)
    result: dict = {"operation": name, "target": str(out)}
    try:
        run(out)
        result["error"] = None
    except CLEAN as exc:
        message = str(exc)
        result["error"] = message
        result["one_line"] = "\n" not in message and (
            str(out) in message or out.name in message
        )
    except Exception:
        result["error"] = "TRACEBACK " + traceback.format_exc(limit=5)
        result["one_line"] = False
    result["target_unchanged"] = digest(out) == before
    result["left_behind"] = sorted(listing(folder) - names)
    return result


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    project, spare = Path(spec["project"]), Path(spec["spare"])
    doc = load_document(project)
    results = []
    for name in ("json", "drawio", "report"):
        state = doc.state()
        limit(spec["fsize"])
        writers = {
            "json": lambda p: write_json(doc, p),
            "drawio": lambda p: export_drawio(doc, p),
            "report": lambda p: write_report(doc, p),
        }
        r = attempt(name, spec, writers[name])
        unlimit()
        r["document_unchanged"] = doc.state() == state
        results.append(r)
    for name in ("save", "save_as"):
        session = EditSession.open(project)
        try:
            edit(session)
            state = session.document.state()
            limit(spec["fsize"])
            run = session.save if name == "save" else session.save_as
            r = attempt(
                name, spec, lambda p, run=run, n=name: run() if n == "save" else run(p)
            )
            unlimit()
            r["read_only_session"] = session.read_only
            r["document_unchanged"] = session.document.state() == state
            r["unsaved_kept"] = session.has_unsaved_changes or r["error"] is None
            # the editor goes on: the work can still be saved somewhere else
            rescue = spare / f"rescue-{name}.blueprint"
            try:
                session.save_as(rescue)
                r["usable_after"] = load_document(rescue).state() == state
            except CLEAN as exc:
                r["usable_after"] = f"rescue failed: {exc}"
        finally:
            session.close()
        results.append(r)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
