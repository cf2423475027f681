"""Make docs/screenshot.png: the workbench's report of examples/article.md.

Starts ``unspin serve`` on a free loopback port with a temporary store, uploads
examples/article.md through the analyse page in Debian's Chromium (Playwright with
``executable_path``; no browser is downloaded), and saves the first screen of the report
(1280x900), scrolled to the highlighted text with one finding's details open.
Every request to a host other than the server is aborted, and the run fails if any was
attempted. Run on purpose (``make screenshot``), never by the tests.

Usage: python scripts/screenshot.py [--out docs/screenshot.png] [--backbone fake]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "article.md"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]
LOOPBACK = {"127.0.0.1", "localhost"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_up(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll ``url`` until it answers (the models load first), or fail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"unspin serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    sys.exit(f"unspin serve did not answer at {url} within {timeout:.0f} s")


def shoot(base: str, out: Path, width: int, height: int, section: str) -> None:
    from playwright.sync_api import Route, sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    blocked: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height})
            context.route("**/*", only_loopback)
            page: Any = context.new_page()
            page.set_default_timeout(300_000)
            page.goto(base + "/")
            page.set_input_files("#file", str(ARTICLE))
            page.click("#file-form button[type=submit]")
            page.wait_for_url("**/analyses/**")
            page.wait_for_load_state("networkidle")
            if section:
                shown = page.locator(f"#{section} button.fi:visible")
                if shown.count():
                    shown.nth(min(2, shown.count() - 1)).click()
                page.evaluate(f"document.getElementById('{section}').scrollIntoView()")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=False)
        finally:
            browser.close()
    if blocked:
        sys.exit(f"requests to other hosts were attempted: {blocked}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--backbone", help="override the configured backbone (e.g. fake)")
    parser.add_argument(
        "--section",
        default="reading",
        help="the element id to scroll to ('reading': the highlighted text; '': the top)",
    )
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds to wait for the server"
    )
    args = parser.parse_args()
    unspin = Path(sys.executable).with_name("unspin")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="unspin-screenshot-") as tmp:
        command = [str(unspin), "serve", "--db", str(Path(tmp) / "store.db"), "--port", str(port)]
        if args.backbone:
            command += ["--backbone", args.backbone]
        server = subprocess.Popen(command, cwd=tmp)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/", server, args.timeout)
            shoot(base, args.out, args.width, args.height, args.section)
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({args.width}x{args.height}, {size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
