"""The one error the store raises for a file it cannot read or write."""

from __future__ import annotations

from pathlib import Path


class ProjectFileError(Exception):
    """A project file that cannot be opened, checked or saved; one line, no traceback.

    `str(error)` is "<path>: <reason>", ready for a status bar or the command line.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
