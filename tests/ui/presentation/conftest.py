"""Presentation tests reuse the window tests' fixtures (tmp settings and data dir,
scripted prompts, a shown window); presentations jump to each step at once."""

from __future__ import annotations

import pytest
from window.conftest import (  # noqa: F401  (fixtures)
    FakePrompts,
    isolated,
    prompts,
    window,
    workspace,
)


@pytest.fixture(autouse=True)
def no_glide(monkeypatch):
    monkeypatch.setattr("blueprint.ui.presentation.view.GLIDE_MS", 0)
