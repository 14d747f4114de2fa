"""The layering promised in the architecture, checked over the package's imports."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "blueprint"

# library -> the only sub-package allowed to import it
HEAVY = {
    "PySide6": "ui",
    "shiboken6": "ui",
    "sqlalchemy": "store",
    "reportlab": "report",
    "networkx": "analysis",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules():
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_heavy_libraries_stay_in_their_layer(path):
    sub = path.relative_to(PACKAGE).parts[0]
    for name in _imports(path):
        top = name.split(".")[0]
        if top in HEAVY:
            assert sub == HEAVY[top], (
                f"{path.name} imports {top} outside blueprint/{HEAVY[top]}"
            )


def test_model_imports_only_the_standard_library():
    import sys

    for path in (PACKAGE / "model").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or top == "blueprint", (
                f"{path.name} imports {name}"
            )
            assert not name.startswith("blueprint.") or name.startswith(
                "blueprint.model"
            ), f"{path.name} imports {name}"


def test_theme_is_standard_library_only():
    import sys

    for name in _imports(PACKAGE / "theme.py"):
        top = name.split(".")[0]
        assert top in sys.stdlib_module_names or name.startswith("blueprint.model")


def test_headless_layers_do_not_import_the_ui():
    for path in _modules():
        sub = path.relative_to(PACKAGE).parts[0]
        if sub in {"model", "store", "analysis", "report", "interop"}:
            for name in _imports(path):
                assert not name.startswith("blueprint.ui"), f"{path} imports {name}"


def test_modules_stay_small():
    big = [
        (p.name, n)
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not big, f"split these modules by responsibility: {big}"
