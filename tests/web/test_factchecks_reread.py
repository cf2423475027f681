"""Fact-checks imported by ``unspin factchecks import`` (another process) while the server
runs are matched by the server's next analysis: the server read its store's fact-checks
once, at its first analysis, and saw an import only after a restart (found by a
fact-checker trial). The server checks the store's count and last key of fact-checks
before each analysis and reads them again when they changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from tests.web.test_api_imports import REVIEW

from unspin.web import ServeSettings

TEXT = {"text": "Officials said the river bridge repairs cost 40 million dollars."}


def _import(db: str, path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "UNSPIN_DB"}
    done = subprocess.run(
        [sys.executable, "-m", "unspin", "factchecks", "import", str(path), "--db", db],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_running_server_matches_fact_checks_the_cli_imported(
    live_server: str, seeded_settings: ServeSettings, tmp_path: Path
) -> None:
    db = str(seeded_settings.db)
    with httpx.Client(base_url=live_server, timeout=120) as client:
        client.headers["X-CSRF-Token"] = client.get("/api/v1/session").json()["csrf_token"]

        def analyse() -> Any:
            answer = client.post("/api/v1/analyze", json=TEXT)
            assert answer.status_code == 200, answer.text
            return answer.json()

        before = analyse()
        assert before["summaries"]["factchecks"]["factchecks_loaded"] == 0
        review = tmp_path / "review.json"
        review.write_text(json.dumps(REVIEW), encoding="utf-8")
        _import(db, review)
        after = analyse()
    assert after["summaries"]["factchecks"]["factchecks_loaded"] == 1
    [match] = [f for f in after["findings"] if f["kind"] == "factcheck"]
    assert match["attributes"]["url"] == REVIEW["url"]
