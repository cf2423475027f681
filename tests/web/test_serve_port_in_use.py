"""``unspin serve`` on a port another server holds: one line naming the address and what
to do (exit code 2), before any model loads. It loaded the models, printed "serving
http://...", then uvicorn's own error, and exited 3 (the code of a missing model)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from unspin.cli import EXIT_USAGE, main


def test_a_port_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        args = ["serve", "--port", str(port), "--db", str(tmp_path / "s.db"), "--backbone", "fake"]
        assert main(args) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "serving" not in err, err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "choose another --port" in err
