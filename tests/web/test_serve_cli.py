"""``unspin serve`` as a user runs it: refuses a non-loopback address without a token,
starts and answers on a free port (fake backbone), and names the missing extra."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import SEED_DOCUMENTS, free_port

from unspin import app
from unspin.cli import EXIT_ENVIRONMENT, EXIT_USAGE, main
from unspin.cli.serve import read_token
from unspin.errors import ConfigError


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"UNSPIN_TOKEN", "UNSPIN_DB"}}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    return env


def test_non_loopback_without_token_exits_2_with_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "unspin", "serve", "--host", "0.0.0.0", "--backbone", "fake",
         "--db", str(tmp_path / "s.db")],
        capture_output=True, text=True, timeout=120, env=_env(), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == EXIT_USAGE
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "needs a token" in lines[0]
    assert "UNSPIN_TOKEN" in lines[0]


def test_token_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UNSPIN_TOKEN", raising=False)
    assert read_token(None) is None
    monkeypatch.setenv("UNSPIN_TOKEN", "from-the-environment-123")
    assert read_token(None) == "from-the-environment-123"
    path = tmp_path / "token"
    path.write_text("from-the-file-0123456789\n", encoding="utf-8")
    assert read_token(path) == "from-the-file-0123456789"
    path.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        read_token(path)
    with pytest.raises(ConfigError, match="cannot read"):
        read_token(tmp_path / "missing")


def test_missing_extra_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn -> ImportError
    assert main(["serve", "--backbone", "fake"]) == EXIT_ENVIRONMENT
    err = capsys.readouterr().err
    assert "pip install 'unspin[web]'" in err
    assert len(err.strip().splitlines()) == 1


@contextlib.contextmanager
def _served(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``unspin serve --backbone fake ARGS`` on a free port until it answers; yields the
    loopback URL and, afterwards, checks the start line it printed."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "unspin", "serve", "--port", str(port), "--backbone", "fake",
         "--db", str(tmp_path / "served.db"), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or _env(),
        cwd=tmp_path,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300  # a loaded machine starts slowly
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                httpx.get(f"{url}/api/v1/session", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        assert proc.poll() is None, proc.communicate()[1]
        yield url
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert f":{port}/" in err
    assert "Traceback" not in err


def test_serves_on_a_free_port(tmp_path: Path) -> None:
    with _served(tmp_path) as url:
        answer = httpx.get(f"{url}/api/v1/session", timeout=10)
        assert answer.status_code == 200
        assert answer.json()["token_required"] is False
        assert "unspin_session" in answer.headers["set-cookie"]
        spec = httpx.get(f"{url}/api/v1/openapi.json", timeout=10).json()
        assert "/api/v1/jobs" in spec["paths"]
        assert "X-CSRF-Token" in spec["info"]["description"]
        rebinding = httpx.get(f"{url}/api/v1/session", headers={"Host": "evil.example"})
        assert rebinding.status_code == 400
        assert (tmp_path / "served.db").exists()  # the store is created at start


def test_serves_off_loopback_behind_the_token(tmp_path: Path) -> None:
    token = "a-token-of-the-test-0123456789"
    env = {**_env(), "UNSPIN_TOKEN": token}
    with _served(tmp_path, "--host", "0.0.0.0", env=env) as url:
        walled = httpx.get(f"{url}/api/v1/openapi.json", timeout=10)
        assert walled.status_code == 401
        assert walled.headers["content-type"].startswith("application/problem+json")
        bearer = {"Authorization": f"Bearer {token}"}
        assert httpx.get(f"{url}/api/v1/openapi.json", headers=bearer, timeout=10).is_success


def test_live_server_fixture_answers_on_loopback(live_server: str) -> None:
    answer = httpx.get(f"{live_server}/api/v1/session", timeout=10)
    assert answer.status_code == 200
    assert answer.headers["x-request-id"]
    rebinding = httpx.get(f"{live_server}/api/v1/session", headers={"Host": "evil.example"})
    assert rebinding.status_code == 400


def test_seeded_store_holds_the_seed_documents(seeded_client: TestClient) -> None:
    db = seeded_client.app.state.unspin.db
    assert app.corpus_stats(db).documents == len(SEED_DOCUMENTS)
