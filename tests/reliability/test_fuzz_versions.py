"""Mutation fuzz of project files of every schema version (the fixtures in
tests/data, and version-0 files that take the upgrade path): no crash, hang or
traceback; every refusal is one line naming the file; nothing is written.

tests/store/test_fuzz.py fuzzes files written by the current code; this adds the
shipped fixture files and the upgrade path, and opening for editing. Quick: 1,000
mutants; long (--long or BLUEPRINT_LONG=1): 10,000.
"""

from __future__ import annotations

import contextlib
import random
import signal
import time
import traceback
from collections import Counter
from pathlib import Path

import pytest

from blueprint.store import (
    EditSession,
    ProjectFileError,
    check_file,
    load_document,
    migrations,
)
from blueprint.store.ddl import SCHEMA_DDL
from tests.store.test_fuzz import mutate
from tests.store.test_migration import V0, make_v0_file, upgrade_0_to_1

DATA = Path(__file__).resolve().parents[1] / "data"
HANG_SECONDS = 20  # one mutant: far beyond any real open (milliseconds)


def fixtures() -> dict[str, bytes]:
    """Every schema version's fixture file in tests/data."""
    found = {p.stem: p.read_bytes() for p in sorted(DATA.glob("project-v*.blueprint"))}
    assert found, "no fixture files"
    return found


@pytest.fixture
def version_0(monkeypatch):
    monkeypatch.setitem(SCHEMA_DDL, 0, V0)
    monkeypatch.setitem(migrations.STEPS, 0, upgrade_0_to_1)


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int):
    def alarm(signum, frame):
        raise Hang(f"no answer in {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def open_for_editing(path: Path):
    with EditSession.open(path):
        pass


def fuzz(originals: dict[str, bytes], folder: Path, data_dir: Path, count: int):
    """Open `count` mutants by every way in; return the outcome counts and the
    problems (crashes, hangs, bad messages, writes)."""
    rng = random.Random(20251123)
    outcomes: Counter[str] = Counter()
    problems: list[str] = []
    names = sorted(originals)
    path = folder / "mutant.blueprint"
    slowest = 0.0
    for i in range(count):
        version = names[i % len(names)]
        data, what = mutate(originals[version], rng)
        path.write_bytes(data)
        ways = [load_document] + ([open_for_editing] if i % 5 == 0 else [])
        for way in ways:
            started = time.perf_counter()
            try:
                with time_limit(HANG_SECONDS):
                    way(path)
                outcomes[f"{version} opened"] += 1
            except ProjectFileError as exc:
                outcomes[f"{version} refused"] += 1
                message = str(exc)
                if "\n" in message or not message.startswith(str(path)):
                    problems.append(f"{i} {version} {what}: message {message!r}")
            except Hang as exc:
                problems.append(f"{i} {version} {what}: hang: {exc}")
            except Exception:
                problems.append(
                    f"{i} {version} {what}: {traceback.format_exc(limit=4)}"
                )
            slowest = max(slowest, time.perf_counter() - started)
        if i % 20 == 0:
            try:
                report = check_file(path)
                if not (report.ok or report.problems):
                    problems.append(f"{i} {version} {what}: check said nothing")
            except Exception:
                problems.append(
                    f"{i} {version} {what}: check: {traceback.format_exc()}"
                )
        if path.read_bytes() != data:
            problems.append(f"{i} {version} {what}: the file was changed")
        beside = {p.name for p in folder.iterdir()} - {path.name}
        if beside:
            problems.append(f"{i} {version} {what}: left beside it: {beside}")
            for name in beside:
                (folder / name).unlink()
        left = list((data_dir).rglob("*.blueprint"))
        if left:
            problems.append(f"{i} {version} {what}: working copies left: {left}")
    outcomes["slowest ms"] = round(slowest * 1000)
    return outcomes, problems


def test_mutants_of_every_schema_version_fail_cleanly(
    version_0, tmp_path, isolated, long_mode
):
    originals = fixtures()
    originals["project-v0 (upgraded on open)"] = make_v0_file(
        tmp_path / "v0.blueprint"
    ).read_bytes()
    for name, data in originals.items():  # the unmutated files open
        (tmp_path / "plain.blueprint").write_bytes(data)
        assert load_document(tmp_path / "plain.blueprint").diagrams(), name
    count = 10_000 if long_mode else 1000
    folder = tmp_path / "fuzz"
    folder.mkdir()
    outcomes, problems = fuzz(originals, folder, isolated, count)
    print(f"{count} mutants: {dict(outcomes)}")
    assert not problems, f"{len(problems)} problems; first:\n" + "\n".join(problems[:5])
    for name in originals:  # the mutations really damaged each kind of file
        assert outcomes[f"{name} refused"] > count / len(originals) * 0.4, outcomes


def test_the_fuzzer_counts_crashes_hangs_and_writes(tmp_path, isolated, monkeypatch):
    """A test that cannot fail is a defect: every kind of problem is reported."""
    originals = {"v1": fixtures()["project-v1"]}

    def crash(path):
        raise KeyError("boom")

    monkeypatch.setattr(f"{__name__}.load_document", crash)
    folder = tmp_path / "f"
    folder.mkdir()
    _, problems = fuzz(originals, folder, isolated, 2)
    assert len(problems) == 2 and "KeyError" in problems[0]

    def scribble(path):
        path.write_bytes(b"changed")
        (path.parent / "extra").write_text("x")

    monkeypatch.setattr(f"{__name__}.load_document", scribble)
    _, problems = fuzz(originals, folder, isolated, 1)
    assert any("was changed" in p for p in problems)
    assert any("left beside it" in p for p in problems)

    def hang(path):
        time.sleep(5)

    monkeypatch.setattr(f"{__name__}.HANG_SECONDS", 1)
    monkeypatch.setattr(f"{__name__}.load_document", hang)
    _, problems = fuzz(originals, folder, isolated, 1)
    assert "hang" in problems[0]
