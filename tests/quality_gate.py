"""What the benchmark-driven quality gates share: run a bench command that writes its
scores as JSON, fail with its error when it does not, and compare scores with floors.

A gate never skips: a run that fails or writes nothing fails the test with the command
and the end of its standard error; a score under its floor fails it with measured and
floor values.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def require_files(paths: Iterable[Path], what: str, hint: str) -> None:
    """Fail (never skip) naming every missing path: a gate that skips guards nothing."""
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        pytest.fail(f"{what} cannot run: missing {', '.join(missing)} ({hint})", pytrace=False)


def run_bench(script: Path, args: Sequence[str], tmp_path: Path, cache: Path | None = None) -> Any:
    """Run ``script`` with ``args`` from the repository root, cold (its embedding cache a
    fresh folder under ``tmp_path``, unless ``cache`` names one; ``--threads`` up to 4),
    and return the JSON it wrote (``--json``). Its stdout is printed, so ``pytest -s``
    shows it."""
    out = tmp_path / "scores.json"
    command = [
        sys.executable,
        str(script),
        *args,
        "--cache",
        str(cache or tmp_path / "cache"),
        "--json",
        str(out),
        "--threads",
        str(min(4, os.cpu_count() or 1)),
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    print(done.stdout)
    if done.returncode != 0 or not out.is_file():
        pytest.fail(
            f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr[-3000:]}",
            pytrace=False,
        )
    return json.loads(out.read_text(encoding="utf-8"))


def assert_floors(scores: Mapping[str, float], floors: Mapping[str, float], what: str) -> None:
    """Fail, naming every score under its floor, when any is."""
    low = [
        f"{name} {scores[name]:.4f} < floor {floor}"
        for name, floor in floors.items()
        if scores[name] < floor
    ]
    assert not low, f"{what} dropped: " + "; ".join(low)
