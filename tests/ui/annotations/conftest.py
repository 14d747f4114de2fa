"""The annotation UI tests reuse the window tests' fixtures (tmp settings and data
folder, scripted prompts, a workspace) and open a small sample project."""

from __future__ import annotations

import pytest
from window.conftest import FakePrompts, isolated, prompts, workspace  # noqa: F401

from .project import Sample, sample_document


@pytest.fixture
def sample(workspace, qtbot) -> Sample:  # noqa: F811
    """The sample project in a shown window, on its first diagram."""
    from blueprint.ui.session import Session

    doc, ids = sample_document()
    window = workspace.show_session(Session.new(doc))
    qtbot.waitExposed(window)
    return Sample(window, doc, ids, qtbot)
