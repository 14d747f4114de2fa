"""Mutation fuzzing: no damaged file ever causes anything but a ProjectFileError."""

from __future__ import annotations

import os
import random
import traceback
from pathlib import Path

import pytest

from blueprint.store import ProjectFileError, check_file, load_document, save_document

from .helpers import grid_document, sample_document

COUNT = int(os.environ.get("BLUEPRINT_FUZZ_COUNT", "1000"))
PAGE = 4096


def _spot(rng: random.Random, size: int) -> int:
    """Where to damage: anywhere, or where SQLite keeps structure (page headers and
    cell pointers at a page's start, cells at its end), since much of a small
    file is free space no reader looks at."""
    page = rng.randrange(size // PAGE) * PAGE
    where = rng.random()
    if where < 0.3:
        return rng.randrange(size)
    if where < 0.65:
        return page + rng.randrange(min(64, PAGE))
    return page + PAGE - 1 - rng.randrange(min(600, PAGE))


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    out = bytearray(data)
    size = len(out)
    kind = rng.choice(
        [
            "truncate",
            "bits",
            "bits",
            "bytes",
            "zero_page",
            "header",
            "garbage",
            "copy_page",
        ]
    )
    if kind == "truncate":
        cut = rng.randrange(size)
        return bytes(out[:cut]), f"truncate at {cut}"
    if kind == "bits":
        spots = [_spot(rng, size) for _ in range(rng.randint(1, 8))]
        for spot in spots:
            out[spot] ^= 1 << rng.randrange(8)
        return bytes(out), f"flip bits at {spots}"
    if kind == "bytes":
        spot = _spot(rng, size)
        run = rng.randbytes(rng.randint(1, 16))
        out[spot : spot + len(run)] = run
        return bytes(out[:size]), f"random bytes at {spot}"
    if kind == "zero_page":
        page = rng.randrange(size // PAGE)
        out[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
        return bytes(out), f"zero page {page + 1}"
    if kind == "header":
        spot = rng.randrange(100)
        out[spot] = rng.randrange(256)
        return bytes(out), f"header byte {spot}"
    if kind == "garbage":
        extra = rng.randbytes(rng.choice([1, 100, PAGE, 3 * PAGE]))
        return bytes(out) + extra, f"append {len(extra)} bytes"
    a, b = rng.randrange(size // PAGE), rng.randrange(size // PAGE)
    out[b * PAGE : (b + 1) * PAGE] = data[a * PAGE : (a + 1) * PAGE]
    return bytes(out), f"copy page {a + 1} over {b + 1}"


@pytest.fixture(scope="module")
def originals(tmp_path_factory) -> list[bytes]:
    folder = tmp_path_factory.mktemp("fuzz")
    out = []
    for i, doc in enumerate([sample_document(), grid_document(60, 90)]):
        path = folder / f"{i}.blueprint"
        save_document(doc, path)
        out.append(path.read_bytes())
    return out


def run_mutants(originals, path: Path, count: int, load=load_document):
    """Load `count` mutants; return the crashes (anything but ProjectFileError)
    and how many opened or were refused."""
    rng = random.Random(int(os.environ.get("BLUEPRINT_FUZZ_SEED", "20240501")))
    crashes: list[str] = []
    outcomes = {"refused": 0, "opened": 0}
    for i in range(count):
        data, what = mutate(originals[i % len(originals)], rng)
        path.write_bytes(data)
        try:
            try:
                load(path)
                outcomes["opened"] += 1
            except ProjectFileError as exc:
                assert "\n" not in str(exc) and str(exc).startswith(str(path))
                outcomes["refused"] += 1
            if i % 10 == 0:
                report = check_file(path)
                assert report.ok or report.problems
        except Exception:
            crashes.append(f"mutant {i} ({what}): {traceback.format_exc(limit=3)}")
        assert path.read_bytes() == data, f"mutant {i} ({what}) was changed"
    return crashes, outcomes


def test_mutants_fail_cleanly(originals, tmp_path):
    crashes, outcomes = run_mutants(originals, tmp_path / "mutant.blueprint", COUNT)
    assert not crashes, f"{len(crashes)} crashes; first:\n{crashes[0]}"
    # the mutations must actually damage files, not only free space
    assert outcomes["refused"] > COUNT * 0.5, outcomes


def test_mutation_reasons_are_specific(originals, tmp_path):
    """Refusals say what is wrong, rather than one catch-all message."""
    rng = random.Random(7)
    path = tmp_path / "mutant.blueprint"
    reasons = set()
    for _ in range(150):
        data, _ = mutate(originals[0], rng)
        path.write_bytes(data)
        try:
            load_document(path)
        except ProjectFileError as exc:
            reasons.add(exc.reason.split(" (")[0])
    assert {"is truncated", "is damaged"} <= reasons, reasons


def test_the_fuzzer_reports_a_crash(originals, tmp_path):
    """A test that cannot fail is a defect: an uncaught error must be counted."""

    def broken(path: Path):
        raise KeyError("boom")

    crashes, _ = run_mutants(originals, tmp_path / "m.blueprint", 3, broken)
    assert len(crashes) == 3 and "KeyError" in crashes[0]
