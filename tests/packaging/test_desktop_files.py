"""The Linux desktop files: menu entry, AppStream metadata and the MIME type."""

from __future__ import annotations

import ast
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET

import pytest

from blueprint import __version__

from .desktop_files import APP_ID, DESKTOP, HICOLOR, METAINFO, MIME, ROOT, desktop_entry

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_starts_blueprint_on_a_project_file():
    entry = desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Blueprint"
    assert entry["Exec"] == "blueprint %f"
    assert entry["TryExec"] == "blueprint"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].split(";") == ["application/x-blueprint", ""]
    assert entry["Categories"].endswith(";")
    assert "Office" in entry["Categories"].split(";")
    for key in ("GenericName", "Comment", "Keywords"):
        assert entry[key].strip(), key


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (Debian: desktop-file-utils) is not installed",
)
def test_desktop_entry_passes_desktop_file_validate():
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower(), result.stdout


def test_metainfo_has_the_appstream_fields():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    with open(ROOT / "pyproject.toml", "rb") as f:
        licence = tomllib.load(f)["project"]["license"]["text"]
    assert root.findtext("project_license") == licence
    assert root.findtext("name") == "Blueprint"
    summary = root.findtext("summary")
    assert summary and len(summary) <= 80 and not summary.endswith(".")
    paragraphs = root.findall("description/p")
    assert paragraphs and all(p.text and p.text.strip() for p in paragraphs)
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == "blueprint"
    assert root.findtext("provides/mediatype") == "application/x-blueprint"
    assert root.find("content_rating") is not None
    releases = [r.get("version") for r in root.findall("releases/release")]
    assert releases[0] == __version__, "the newest release is listed first"


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli is not installed"
)
def test_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_matches_the_glob_and_the_project_file_header():
    from blueprint.store.schema import APPLICATION_ID

    root = ET.parse(MIME).getroot()
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-blueprint"
    assert mime_type.findtext(f"{MIME_NS}comment") == "Blueprint project"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == [
        "*.blueprint"
    ]
    sub = mime_type.find(f"{MIME_NS}sub-class-of")
    assert sub is not None and sub.get("type") == "application/vnd.sqlite3"
    icon = mime_type.find(f"{MIME_NS}icon")
    assert icon is not None and icon.get("name") == APP_ID
    (magic,) = mime_type.findall(f"{MIME_NS}magic")
    assert int(magic.get("priority", "50")) > 50, "above plain SQLite's magic"
    (sqlite,) = magic.findall(f"{MIME_NS}match")
    assert sqlite.get("type") == "string" and sqlite.get("offset") == "0"
    assert sqlite.get("value") == "SQLite format 3\\000"
    (app_id,) = sqlite.findall(f"{MIME_NS}match")
    assert app_id.get("type") == "big32" and app_id.get("offset") == "68"
    assert int(app_id.get("value", ""), 16) == APPLICATION_ID


def test_every_icon_the_desktop_files_name_exists():
    assert desktop_entry(DESKTOP)["Icon"] == APP_ID
    assert (HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (HICOLOR / "48x48" / "apps" / f"{APP_ID}.png").is_file()


def test_windows_installer_matches_the_version_and_associates_projects():
    script = (ROOT / "packaging" / "windows" / "blueprint.iss").read_text("utf-8")
    assert f'#define AppVersion "{__version__}"' in script
    assert "SetupIconFile=blueprint.ico" in script
    assert (ROOT / "packaging" / "windows" / "blueprint.ico").is_file()
    assert r'Subkey: "Software\Classes\.blueprint\OpenWithProgids"' in script
    assert r'ValueData: """{app}\blueprintw.exe"" ""%1"""' in script


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((ROOT / "packaging" / "blueprint.spec").read_text("utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == name
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"blueprint.spec has no {name} list")


def test_the_bundle_leaves_out_only_modules_blueprint_does_not_import():
    """The spec excludes Qt modules and ssl to keep the bundle small: if the code
    starts using one, this fails before a user's bundle does."""
    excluded = set(_spec_list("excludes"))
    for path in (ROOT / "blueprint").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for name in names:
                hits = [e for e in excluded if name == e or name.startswith(e + ".")]
                assert not hits, f"{path.relative_to(ROOT)} imports {name}: {hits}"
