"""Reliability suite set-up: the long mode, and isolation from the user's files.

`--long` (when tests/reliability is named on the command line) or BLUEPRINT_LONG=1
(anywhere) runs ten times as many kills and mutants and longer state machines.
Editor tests reuse the window tests' fixtures (scripted prompts, tmp settings).
"""

from __future__ import annotations

import os

import pytest

from tests.ui.window.conftest import FakePrompts, prompts, window, workspace

__all__ = ["FakePrompts", "prompts", "window", "workspace"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="reliability: 1,000 kills, 10,000 mutants, longer state machines",
    )


def is_long(config: pytest.Config) -> bool:
    return bool(config.getoption("--long", default=False)) or bool(
        os.environ.get("BLUEPRINT_LONG")
    )


@pytest.fixture(scope="session")
def long_mode(pytestconfig: pytest.Config) -> bool:
    return is_long(pytestconfig)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Working copies, settings and locks live in tmp; nothing of the user's is
    read or written."""
    from PySide6.QtCore import QSettings

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(data))
    conf = tmp_path / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(conf))
    return data
