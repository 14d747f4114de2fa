"""Fork server for the kill test: forks children that save in a loop until killed.

The test starts this once (paying Python's start-up once) and sends a line per
round; a forked child gets ready (an edit session opens the file), reports, and
saves in a loop until the test kills it with SIGKILL. Run by test_atomic_save.py.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from blueprint.model import Document
from blueprint.store import EditSession, save_document
from tests.store.helpers import grid_document


def save_forever(mode: str, path: Path, doc: Document, round_: int, ready: int) -> None:
    session = EditSession.open(path) if mode == "session" else None
    if session is not None:
        assert not session.read_only, "the killed owner's lock must be stale"
        doc = session.document
    os.write(ready, b"x")
    i = 0
    while True:
        doc.set_project_info(title=f"round {round_} save {i}")
        doc.move_nodes({"n000001": (float(i), 100.0)})
        if session is not None:
            session.save()
        else:
            save_document(doc, path)
        i += 1


def main() -> None:
    mode, path, size = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    doc = grid_document(size, size * 3 // 2)
    print("ready", flush=True)
    for line in sys.stdin:
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                save_forever(mode, path, doc, int(line), ready_w)
            finally:
                os._exit(3)  # only reached if saving failed
        os.close(ready_w)
        os.read(ready_r, 1)
        os.close(ready_r)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"status {status}", flush=True)


if __name__ == "__main__":
    main()
