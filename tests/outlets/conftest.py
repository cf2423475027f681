"""The store tests' PostgreSQL fixtures (pgserver; skipped without it unless CI is set)."""

from __future__ import annotations

from tests.store.conftest import pg_server, pg_url

__all__ = ["pg_server", "pg_url"]
