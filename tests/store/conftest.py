"""Every store test gets its own data folder: nothing touches the user's own."""

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("BLUEPRINT_DATA_DIR", str(folder))
    return folder
