"""Kill during save: autosave commits, Save, Save As and migrations, SIGKILLed at
random moments; every file and working copy is then whole and exactly one state.

The plain save loop of tests/store/test_atomic_save.py is not repeated here. Quick:
25 kills per mode (100); long (--long or BLUEPRINT_LONG=1): 250 per mode (1,000).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from blueprint.store import (
    SCHEMA_VERSION,
    ProjectFileError,
    check_file,
    find_recoveries,
    load_document,
    migrations,
    save_document,
)
from blueprint.store.ddl import SCHEMA_DDL
from tests.store.helpers import grid_document
from tests.store.test_migration import V0, make_v0_file, upgrade_0_to_1

SERVER = Path(__file__).with_name("kill_server.py")
TITLE = re.compile(r"round (\d+) edit (\d+)")
NODE = "n000001"
SIZE = 150  # nodes: a save takes a few milliseconds, many fit in a round
MODES = ["autosave", "save", "save_as", "migrate"]


def kills(long_mode: bool) -> int:
    return 250 if long_mode else 25


class Outcomes:
    """What the checks after each kill found."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.problems: list[str] = []
        self.states: set[str] = set()

    def bad(self, kind: str, round_: int, what: str) -> None:
        self.counts[kind] += 1
        self.problems.append(f"round {round_}: {kind}: {what}")

    def check_state(self, doc, round_: int, where: str) -> None:
        """One edit's whole state: the title and the node's x changed together."""
        title = doc.project.title
        if title != "initial":
            match = TITLE.fullmatch(title)
            if not match or doc.get(NODE).x != float(match.group(2)):
                self.bad("torn", round_, f"{where}: {title!r}, x={doc.get(NODE).x}")
                return
        self.states.add(title)

    def check_file(self, path: Path, round_: int) -> object:
        report = check_file(path)  # integrity_check, schema, every value
        if not report.ok:
            self.bad("corrupt", round_, f"{path.name}: {report.problems}")
            return None
        for suffix in ("-journal", "-wal"):
            if path.with_name(path.name + suffix).exists():
                self.bad("corrupt", round_, f"{path.name}{suffix} left beside it")
        return load_document(path)


def integrity_of_working_copy(db: Path, scratch: Path) -> str:
    """PRAGMA integrity_check of a copy of a working copy (with its log), so
    that checking it changes nothing the recovery will read."""
    scratch.mkdir(exist_ok=True)
    for old in scratch.iterdir():
        old.unlink()
    for part in db.parent.glob(db.name + "*"):
        shutil.copy(part, scratch / part.name)
    conn = sqlite3.connect(scratch / db.name)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def check_recoveries(out: Outcomes, data_dir: Path, round_: int, tmp: Path, expect):
    """Every working copy the killed editor left is whole and restores to one
    state; restoring and closing it leaves nothing behind."""
    found = 0
    for rec in find_recoveries(data_dir):
        found += 1
        verdict = integrity_of_working_copy(rec.working_copy, tmp / "scratch")
        if verdict != "ok":
            out.bad("corrupt", round_, f"working copy: {verdict}")
            rec.discard()
            continue
        try:
            session = rec.restore()
        except ProjectFileError as exc:
            out.bad("corrupt", round_, f"working copy does not restore: {exc}")
            rec.discard()
            continue
        try:
            expect(session.document, "working copy")
        finally:
            session.close()
    return found


@pytest.fixture
def version_0(monkeypatch):
    monkeypatch.setitem(SCHEMA_DDL, 0, V0)
    monkeypatch.setitem(migrations.STEPS, 0, upgrade_0_to_1)


@pytest.fixture
def server(isolated, version_0):
    proc = subprocess.Popen(
        [sys.executable, str(SERVER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline() == "ready\n"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=30)


def kill_round(server, line: str, rng: random.Random) -> None:
    server.stdin.write(line + "\n")
    server.stdin.flush()
    answer = server.stdout.readline().strip()
    assert answer.isdigit(), f"the child could not start: {answer}"
    time.sleep(rng.uniform(0.0, 0.06))
    with contextlib.suppress(ProcessLookupError):
        os.kill(int(answer), signal.SIGKILL)
    status = server.stdout.readline()
    assert status == f"status {signal.SIGKILL}\n", f"the child died alone: {status}"


def leftovers(folder: Path) -> int:
    """Temporary files of saves that a kill cut short (proof a kill landed inside
    a save); removed, as a later save does once they are old."""
    found = [p for p in folder.iterdir() if p.name.endswith(".saving")]
    for p in found:
        p.unlink()
    return len(found)


@pytest.mark.parametrize("mode", MODES)
def test_kills_leave_whole_files_and_working_copies(
    mode, server, tmp_path, isolated, long_mode
):
    count = kills(long_mode)
    folder = tmp_path / "files"
    folder.mkdir()
    path, other = folder / "project.blueprint", folder / "copy.blueprint"
    out = Outcomes()
    rng = random.Random(f"kill-{mode}")
    cut_short = recovered = 0
    if mode == "migrate":
        original = make_v0_file(tmp_path / "v0.blueprint")
        old_bytes = original.read_bytes()
        upgraded = load_document(original).state()
        shutil.copy(original, path)

        def expect(doc, where):
            if doc.state() != upgraded:
                out.bad("torn", round_, f"{where}: not the upgraded project")
            else:
                out.states.add("upgraded")
    else:
        doc = grid_document(SIZE, SIZE * 3 // 2)
        doc.set_project_info(title="initial")
        save_document(doc, path)
        initial = hashlib.sha256(path.read_bytes()).hexdigest()

        def expect(doc, where):
            out.check_state(doc, round_, where)

    for round_ in range(count):
        names = f"{path} {original if mode == 'migrate' else other}"
        kill_round(server, f"{mode} {round_} {names}", rng)
        cut_short += leftovers(folder)
        if mode == "migrate":
            if path.read_bytes() == old_bytes:
                out.states.add("version 0")
            else:
                loaded = out.check_file(path, round_)
                if loaded is not None:
                    assert check_file(path).schema_version == SCHEMA_VERSION
                    expect(loaded, path.name)
        elif mode == "autosave":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest != initial:
                out.bad("corrupt", round_, "autosave changed the user's file")
        else:
            for p in (path, other):
                if p.exists():
                    loaded = out.check_file(p, round_)
                    if loaded is not None:
                        expect(loaded, p.name)
        recovered += check_recoveries(out, isolated, round_, tmp_path, expect)

    summary = (
        f"{mode}: {count} kills, {out.counts['corrupt']} corrupt, "
        f"{out.counts['torn']} torn, {len(out.states)} distinct states, "
        f"{cut_short} kills inside a save's write, {recovered} working copies "
        "recovered"
    )
    print(summary)
    assert not out.problems, summary + "\n" + "\n".join(out.problems[:10])
    # the kills landed among the edits and saves, not all before the first one
    if mode == "migrate":
        assert out.states == {"version 0", "upgraded"}, summary
    else:
        assert len(out.states) > count // 3, summary
    if mode != "migrate":
        assert recovered >= count // 2, summary  # unsaved work was there to restore
