"""The store fixtures (SQLite, and PostgreSQL through pgserver) of tests/store."""

from __future__ import annotations

from tests.store.conftest import pg_server, pg_url, pipeline, store, store_url

__all__ = ["pg_server", "pg_url", "pipeline", "store", "store_url"]
