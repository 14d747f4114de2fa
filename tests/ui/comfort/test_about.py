"""Help > About names every library Blueprint ships, with its licence, and says
that Blueprint makes no network connections."""

from __future__ import annotations

import re
from importlib import metadata

from blueprint.ui.dialogs.about import LIBRARIES, NO_NETWORK, AboutDialog

RUNTIME = ("PySide6-Essentials", "SQLAlchemy", "networkx", "reportlab", "defusedxml")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def shipped() -> set[str]:
    """The runtime dependencies and everything they always need (no extras)."""
    todo, seen = list(RUNTIME), set()
    while todo:
        name = canonical(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for requirement in metadata.requires(name) or ():
            if ";" in requirement:  # an extra or a platform's marker
                continue
            todo.append(re.split(r"[\s<>=!~\[(]", requirement, maxsplit=1)[0])
    return seen


def test_about_lists_every_shipped_library_and_the_privacy_promise(qtbot, window):
    listed = {canonical(dist) for dist, *_ in LIBRARIES}
    assert shipped() <= listed, shipped() - listed
    for _dist, _name, licence, use in LIBRARIES:
        assert licence and use
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert "no network connections" in NO_NETWORK
    assert "no network connections" in dialog.summary.text()
    libraries = dialog.tabs.widget(0).text()
    for _dist, name, licence, _use in LIBRARIES:
        assert name in libraries and licence in libraries
    assert "DejaVu" in libraries
    fonts = dialog.tabs.widget(1).toPlainText()
    assert "Bitstream" in fonts  # the font licence itself, not a pointer to it
