"""Fixtures for the review tests: stores on both backends (SQLite and PostgreSQL), the
default analyzers on the fake backbone, and short invented articles."""

from __future__ import annotations

from tests.store.conftest import pg_server, pg_url, pipeline, store, store_url

URL = "https://news.example/velmora-dam"

#: An invented article, and an edited version of it (a sentence added at the start,
#: which shifts every offset, and the festival sentence removed).
ARTICLE = (
    "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
    "Officials reportedly claim that prices rose 40% in 2023. "
    "The school choir sang at the spring festival, which was absolutely the best ever."
)
EDITED = (
    "Velmora council met on Tuesday evening to discuss the reservoir. "
    "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
    "Officials reportedly claim that prices rose 40% in 2023."
)

__all__ = ["ARTICLE", "EDITED", "URL", "pg_server", "pg_url", "pipeline", "store", "store_url"]
