"""Stores written by unspin 0.1.0 (schema version 5) open, migrate once and lose nothing.

The fixtures were made by the 0.1.0 release with its CLI and the fake backbone: two
ingested articles (``corpus ingest``), two imported fact-checks (``factchecks import
tests/factchecks/fixtures/reviews.csv``), one evidence document (``evidence add``) and a
``corpus link`` run. ``v5-sqlite.db.gz`` is the SQLite file, ``v5-postgres.sql.gz`` a
``pg_dump --no-owner --no-privileges`` of the same on PostgreSQL.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def unspin(*args: str | Path) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "UNSPIN_DB"}
    proc = subprocess.run(
        [sys.executable, "-m", "unspin", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env={**environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(params=["sqlite", "postgres"])
def v5_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "v5.db"
        with gzip.open(FIXTURES / "v5-sqlite.db.gz") as src, path.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        return str(path)
    url: str = request.getfixturevalue("pg_url")
    from pgserver._commands import POSTGRES_BIN_PATH

    dump = gzip.decompress((FIXTURES / "v5-postgres.sql.gz").read_bytes()).decode()
    subprocess.run(
        [str(POSTGRES_BIN_PATH / "psql"), url, "-q", "-v", "ON_ERROR_STOP=1"],
        input=dump,
        text=True,
        check=True,
        capture_output=True,
    )
    return url


def _stats(url: str) -> dict[str, Any]:
    proc = unspin("corpus", "stats", "--db", url, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data: dict[str, Any] = json.loads(proc.stdout)
    return data


def test_a_version_5_store_opens_migrates_and_keeps_everything(v5_url: str, tmp_path: Path) -> None:
    before = _stats(v5_url)
    assert before["documents"] == 2
    assert before["findings"] == 15
    assert before["encoder"] == "fake"
    assert before["schema_version"] >= 5

    hits = unspin("corpus", "search", "arrested", "--db", v5_url, "--format", "json")
    assert hits.returncode == 0, hits.stderr
    assert len([json.loads(line) for line in hits.stdout.splitlines() if line]) >= 2

    checks = unspin("factchecks", "search", "eagles wind turbines", "--db", v5_url)
    assert checks.returncode == 0, checks.stderr
    assert "Bird Desk" in checks.stdout

    passages = unspin("evidence", "search", "arrested", "--db", v5_url, "--backbone", "fake")
    assert passages.returncode == 0, passages.stderr
    assert "Police records show" in passages.stdout

    new = tmp_path / "c.txt"
    new.write_text("The mayor said on Friday that 12 people were hurt.\n", encoding="utf-8")
    ingest = unspin(
        "corpus", "ingest", new, "--db", v5_url, "--backbone", "fake", "--progress", "never"
    )
    assert ingest.returncode == 0, ingest.stderr
    after = _stats(v5_url)
    assert after["documents"] == 3
    assert after["schema_version"] == before["schema_version"]
    assert unspin("corpus", "link", "--db", v5_url).returncode == 0
