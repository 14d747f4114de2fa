"""Fixtures of the window tests (tmp settings and data folder, scripted prompts),
shared rather than copied, plus helpers for the start page and dialogs."""

from __future__ import annotations

from window.conftest import (  # noqa: F401  (fixtures are found by name)
    FakePrompts,
    isolated,
    prompts,
    window,
    workspace,
)
