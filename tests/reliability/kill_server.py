"""Fork server for the kill tests: children that edit and save until SIGKILLed.

Started once by test_kill.py (paying Python's start-up once). Each input line
`MODE ROUND PATH [PATH2]` forks a child that opens PATH, says it is ready, and
loops until killed; the server prints the child's pid, then its exit status.

Every edit is one change that sets the project title to "round R edit I" and the
x of node n000001 to I together, so a file or working copy holding one without
the other is torn. Modes:
  autosave  edit; every third edit an autosave commit (EditSession.checkpoint)
  save      edit; autosave every fourth edit; Save every second edit
  save_as   edit; Save As alternately to PATH and PATH2 (the lock moves along)
  migrate   put the version-0 file back (atomic rename of a prepared copy), open
            it (upgraded in memory), Save (writes version 1), close; again
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blueprint.model import Change
from blueprint.store import EditSession, migrations
from blueprint.store.ddl import SCHEMA_DDL
from tests.store.test_migration import V0, upgrade_0_to_1

NODE = "n000001"


def version_0() -> None:
    """The made-up schema version 0 of the migration tests, and its upgrade."""
    SCHEMA_DDL[0] = V0
    migrations.STEPS[0] = upgrade_0_to_1


def edit(session: EditSession, round_: int, i: int) -> None:
    doc = session.document
    doc.apply(
        Change(
            puts=(
                doc.project.evolve(title=f"round {round_} edit {i}"),
                doc.get(NODE).evolve(x=float(i)),
            )
        )
    )


def work(mode: str, round_: int, paths: list[Path], ready: int) -> None:
    if mode == "migrate":
        migrate_forever(paths[0], paths[1], ready)
    session = EditSession.open(paths[0])
    assert not session.read_only, "a killed owner's lock must be stale"
    os.write(ready, b"x")
    i = 0
    while True:
        i += 1
        edit(session, round_, i)
        if mode == "autosave" and i % 3 == 0:
            session.checkpoint()
        elif mode == "save":
            if i % 4 == 0:
                session.checkpoint()
            if i % 2 == 0:
                session.save()
        elif mode == "save_as":
            session.save_as(paths[i % 2])


def migrate_forever(path: Path, original: Path, ready: int) -> None:
    data = original.read_bytes()
    staged = path.with_name(path.name + ".staged")
    os.write(ready, b"x")
    while True:
        staged.write_bytes(data)
        os.replace(staged, path)  # the old file again, whole
        with EditSession.open(path) as session:
            session.save()


def main() -> None:
    version_0()
    print("ready", flush=True)
    for line in sys.stdin:
        mode, round_, *names = line.split()
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                work(mode, int(round_), [Path(n) for n in names], ready_w)
            finally:
                os._exit(3)  # only reached if the work failed
        os.close(ready_w)
        got = os.read(ready_r, 1)
        os.close(ready_r)
        print(pid if got else f"failed {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"status {status}", flush=True)


if __name__ == "__main__":
    main()
