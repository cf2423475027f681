"""Shared fixtures of the web tests (see docs in WEB.md, contract 5).

- ``web_settings``: loopback settings over a fresh SQLite store in ``tmp_path``, the fake
  backbone, no warm-up, ``testserver`` (TestClient's Host) allowed; derive others with
  ``dataclasses.replace(web_settings, queue_size=1)``.
- ``web_app``: the app of ``web_settings``; ``client``: a TestClient that already holds
  the session cookie and sends its ``X-CSRF-Token`` header.
- ``seeded_settings`` / ``seeded_client``: the same over a store holding
  :data:`SEED_DOCUMENTS` (short texts written for these tests), ingested once per test
  session with the fake backbone and copied for each test.
- ``live_server``: the seeded app served by uvicorn on a free loopback port in a thread;
  yields the base URL (``http://127.0.0.1:PORT``). :func:`serve_live` does the same for
  any app (a token wall, a tiny queue).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi import FastAPI
from fastapi.testclient import TestClient

from unspin import app as unspin_app
from unspin.web import ServeSettings, create_app

#: Short documents written for these tests (never external article text).
SEED_DOCUMENTS: list[dict[str, Any]] = [
    {
        "title": "Council approves the river bridge repairs",
        "outlet": "Riverside Gazette",
        "published": "2026-03-02",
        "url": "https://gazette.example/bridge",
        "text": "Council approves the river bridge repairs\n\n"
        "The city council voted 7 to 2 on Monday to repair the old river bridge. "
        '"The bridge will reopen in May," said Mayor Ana Ruiz. '
        "Repairs will cost 4 million dollars, according to the city budget office.",
    },
    {
        "title": "Bridge repairs delayed, officials say",
        "outlet": "Valley Courier",
        "published": "2026-04-10",
        "url": "https://courier.example/bridge-delay",
        "text": "Bridge repairs delayed, officials say\n\n"
        "The river bridge will not reopen before September, officials said on Friday. "
        "Some experts believe the repairs could cost far more than planned. "
        '"We found more rust than expected," engineer Tom Blake told reporters.',
    },
    {
        "title": "School lunches get more vegetables",
        "outlet": "Riverside Gazette",
        "published": "2026-05-20",
        "url": "https://gazette.example/lunches",
        "text": "School lunches get more vegetables\n\n"
        "Public schools will serve fresh vegetables every day from next year. "
        "Unemployment fell to 4.1 percent in April, the statistics office reported. "
        "Parents clearly welcomed the change, a spokesperson claimed.",
    },
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.contextmanager
def csrf_client(app: FastAPI, **kwargs: Any) -> Iterator[TestClient]:
    """A started TestClient holding the session cookie and sending its CSRF header."""
    with TestClient(app, **kwargs) as client:
        token = client.get("/api/v1/session").json()["csrf_token"]
        client.headers["X-CSRF-Token"] = token
        yield client


def base_settings() -> ServeSettings:
    """Test settings (fake backbone, no warm-up, TestClient's Host allowed); replace
    ``db`` and whatever else a test needs (``dataclasses.replace``)."""
    return ServeSettings(backbone="fake", allowed_hosts=("testserver",), warm_up=False)


@pytest.fixture()
def web_settings(tmp_path: Path) -> ServeSettings:
    db = str(tmp_path / "web.db")
    with unspin_app.opened_store(db, create=True):
        pass
    return dataclasses.replace(base_settings(), db=db)


@pytest.fixture()
def web_app(web_settings: ServeSettings) -> FastAPI:
    return create_app(web_settings)


@pytest.fixture()
def client(web_app: FastAPI) -> Iterator[TestClient]:
    with csrf_client(web_app) as c:
        yield c


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding :data:`SEED_DOCUMENTS`, ingested once (fake backbone)."""
    folder = tmp_path_factory.mktemp("seeded")
    source = folder / "seed.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in SEED_DOCUMENTS), encoding="utf-8")
    db = folder / "seeded.db"
    config = unspin_app.pipeline_config(backbone="fake")
    result = unspin_app.ingest_paths(str(db), [source], config)
    assert result.report.added == len(SEED_DOCUMENTS), result.report
    return db


@pytest.fixture()
def seeded_settings(seeded_db: Path, tmp_path: Path) -> ServeSettings:
    db = tmp_path / "seeded.db"
    shutil.copyfile(seeded_db, db)
    return dataclasses.replace(base_settings(), db=str(db))


@pytest.fixture()
def seeded_client(seeded_settings: ServeSettings) -> Iterator[TestClient]:
    with csrf_client(create_app(seeded_settings)) as c:
        yield c


@contextlib.contextmanager
def serve_live(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yield its URL."""
    import uvicorn

    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture()
def live_server(seeded_settings: ServeSettings) -> Iterator[str]:
    """The seeded app on a free port (loopback, no token); yields the base URL."""
    port = free_port()
    settings = dataclasses.replace(seeded_settings, host="127.0.0.1", port=port, allowed_hosts=())
    with serve_live(create_app(settings), port) as url:
        yield url
