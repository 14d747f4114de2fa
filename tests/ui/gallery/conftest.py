"""Gallery tests reuse the window tests' fixtures (tmp settings and data dir,
scripted prompts, a shown window)."""

from __future__ import annotations

from window.conftest import (  # noqa: F401  (fixtures)
    FakePrompts,
    isolated,
    prompts,
    window,
    workspace,
)
