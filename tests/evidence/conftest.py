"""Fixtures for the evidence tests: stores on both backends (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import pg_server, pg_url, store, store_url

FIXTURES = Path(__file__).parent / "fixtures"
EVIDENCE = FIXTURES / "evidence"
ARTICLE = FIXTURES / "article.txt"

__all__ = ["ARTICLE", "EVIDENCE", "FIXTURES", "pg_server", "pg_url", "store", "store_url"]
