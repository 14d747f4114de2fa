"""The command line as scripts use it: names, options, exit codes and error format."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args, cwd=None, env_extra=None, block_qt=False):
    env = dict(os.environ)
    env.update(env_extra or {})
    code = "import sys; from blueprint.cli import main; sys.exit(main(sys.argv[1:]))"
    if block_qt:  # prove the headless commands never import Qt
        code = "import sys; sys.modules['PySide6'] = None; " + code
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("blueprint 0.")


def test_usage_error_exits_2():
    result = run("info")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_unknown_option_exits_2():
    result = run("report", "x.blueprint")
    assert result.returncode == 2


def test_missing_file_is_a_one_line_error(tmp_path):
    missing = tmp_path / "nope.blueprint"
    result = run("info", missing, block_qt=True)
    assert result.returncode == 1
    assert result.stderr == f"blueprint: error: {missing}: no such file\n"


def test_templates_lists_ids_with_descriptions():
    result = run("templates", block_qt=True)
    assert result.returncode == 0
    ids = [line.split("\t")[0] for line in result.stdout.splitlines()]
    for expected in (
        "service-blueprint",
        "production-system",
        "delivery-system",
        "gaps-model",
        "service-concept",
        "four-elements",
        "blank",
    ):
        assert expected in ids
    assert all("\t" in line for line in result.stdout.splitlines())


def test_new_info_check_convert_round_trip(tmp_path):
    project = tmp_path / "hotel.blueprint"
    result = run("new", project, "--title", "Hotel stay", block_qt=True)
    assert result.returncode == 0, result.stderr
    assert project.exists()

    again = run("new", project, block_qt=True)
    assert again.returncode == 1
    assert (
        again.stderr
        == f"blueprint: error: {project}: already exists (use --force to replace it)\n"
    )

    info = run("info", project, "--json", block_qt=True)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["title"] == "Hotel stay"
    assert len(data["diagrams"]) == 1
    assert "analysis" in data

    check = run("check", project, block_qt=True)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(f"{project}: OK")

    as_json = tmp_path / "hotel.json"
    back = tmp_path / "back.blueprint"
    assert run("convert", project, as_json, block_qt=True).returncode == 0
    assert json.loads(as_json.read_text())["format"] == "blueprint"
    assert run("convert", as_json, back, block_qt=True).returncode == 0
    info_back = json.loads(run("info", back, "--json", block_qt=True).stdout)
    assert info_back["diagrams"] == data["diagrams"]


def test_new_from_each_template_passes_check(tmp_path):
    from blueprint.model.templates import TEMPLATES

    for template_id in TEMPLATES:
        path = tmp_path / f"{template_id}.blueprint"
        result = run("new", path, "--template", template_id, block_qt=True)
        assert result.returncode == 0, result.stderr
        check = run("check", path, "--json", block_qt=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert json.loads(check.stdout)["ok"] is True


def test_unknown_template_is_an_error(tmp_path):
    result = run("new", tmp_path / "x.blueprint", "--template", "nope", block_qt=True)
    assert result.returncode == 1
    assert result.stderr.startswith("blueprint: error: nope: unknown template")


def test_check_of_a_corrupt_file_exits_1_and_leaves_it_untouched(tmp_path):
    bad = tmp_path / "bad.blueprint"
    bad.write_bytes(b"this is not a database" * 50)
    before = bad.read_bytes()
    result = run("check", bad, block_qt=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"blueprint: error: {bad}: ") or (
        f"{bad}: " in result.stdout
    )
    assert len(result.stderr.splitlines()) <= 1
    assert "Traceback" not in result.stderr + result.stdout
    assert bad.read_bytes() == before


def test_info_of_a_corrupt_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.blueprint"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    result = run("info", bad, block_qt=True)
    assert result.returncode == 1
    assert result.stderr.startswith(f"blueprint: error: {bad}: ")
    assert len(result.stderr.splitlines()) == 1


def test_convert_refuses_unknown_extension(tmp_path):
    src = tmp_path / "a.blueprint"
    run("new", src, block_qt=True)
    result = run("convert", src, tmp_path / "a.docx", block_qt=True)
    assert result.returncode == 1
    assert "unknown file type" in result.stderr


def test_report_runs_without_qt(tmp_path):
    project = tmp_path / "p.blueprint"
    run("new", project, "--template", "service-blueprint", block_qt=True)
    pdf = tmp_path / "p.pdf"
    result = run("report", project, "-o", pdf, "--page-size", "letter", block_qt=True)
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_report_to_unwritable_path_is_one_line(tmp_path):
    project = tmp_path / "p.blueprint"
    run("new", project, block_qt=True)
    out = tmp_path / "missing-folder" / "r.pdf"
    result = run("report", project, "-o", out, block_qt=True)
    assert result.returncode == 1
    assert result.stderr.startswith("blueprint: error: ")
    assert str(out.parent) in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_report_unknown_diagram(tmp_path):
    project = tmp_path / "p.blueprint"
    run("new", project, block_qt=True)
    result = run("report", project, "-o", tmp_path / "r.pdf", "--diagram", "Nope")
    assert result.returncode == 1
    assert "no diagram named 'Nope'" in result.stderr


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_render_writes_an_image(tmp_path, suffix):
    project = tmp_path / "p.blueprint"
    run("new", project, "--template", "service-blueprint", block_qt=True)
    name = json.loads(run("info", project, "--json").stdout)["diagrams"][0]["name"]
    out = tmp_path / f"d{suffix}"
    result = run("render", project, "--diagram", name, "-o", out)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data[:2000]
