"""The shared headless Chromium of the browser tests: Debian's system Chromium driven by
Playwright (the browser ``playwright install`` downloads is never used).

A test module defines its fixture in three lines::

    @pytest.fixture(scope="module")
    def browser() -> Iterator[Any]:
        with launch_browser() as b:
            yield b

Without Chromium or the playwright package the tests skip, except under CI (``CI``
set), where they fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

__all__ = ["CHROMIUM_ARGS", "chromium_path", "launch_browser", "unavailable"]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    """Skip (or, under CI, fail) because the browser cannot run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is an error, not a skip)")
    pytest.skip(reason)


def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        unavailable("Chromium is not installed (apt-get install -y chromium)")
    return path


@contextlib.contextmanager
def launch_browser() -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), closed afterwards."""
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
