"""Fixtures for the store tests: every store test runs against SQLite and PostgreSQL.

PostgreSQL comes from pgserver (a PostgreSQL build with pgvector, from PyPI), started
once per session in a temporary folder. Where it cannot start, the PostgreSQL half of
the suite is skipped on a developer's machine with the reason, and fails under CI.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from unspin.config import load_config
from unspin.pipeline import Pipeline
from unspin.store import Store, open_store

BACKENDS = ("sqlite", "postgresql")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests must run in CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped (CI is unset): {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Any]:
    try:
        import pgserver
    except ImportError as exc:
        _unavailable(f"pgserver is not installed ({exc}); pip install -e '.[dev]'")
    # a short folder: the server's Unix socket lives there, and socket paths are short
    folder = tempfile.mkdtemp(prefix="unspin-pg-")
    try:
        server = pgserver.get_server(folder, cleanup_mode="delete")
    except Exception as exc:  # pragma: no cover - depends on the machine
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"pgserver could not start PostgreSQL: {exc}")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


_databases = itertools.count()


@pytest.fixture
def pg_url(pg_server: Any) -> Iterator[str]:
    """A fresh, empty database for one test."""
    name = f"unspin_test_{os.getpid()}_{next(_databases)}"
    pg_server.psql(f"CREATE DATABASE {name};")
    yield pg_server.get_uri(name)
    pg_server.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE);")


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default analyzers on the fake backbone (hashed embeddings, no models)."""
    return Pipeline(load_config(backbone="fake"))
