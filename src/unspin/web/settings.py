"""What ``unspin serve`` was given: one frozen value, checked once."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ServeSettings", "is_loopback"]


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and ``localhost`` are loopback; anything else is not."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServeSettings:
    """The server's settings.

    ``db``: the store URL or path (None: ``$UNSPIN_DB``, else ``unspin.db``).
    ``config``: a TOML configuration path (None: the defaults); ``backbone``: override the
    configured backbone (``"fake"`` in tests). ``token``: required when ``host`` is not
    loopback. ``max_body``: the largest request body in bytes. ``queue_size``: analyses
    waiting behind the one analysis worker before requests get 503. ``allowed_hosts``:
    extra Host header values accepted besides the bound host and loopback names.
    ``warm_up``: analyse a short text at start so that every lazily loaded model is
    loaded before the first request (tests switch it off to start faster).
    """

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    config: Path | None = None
    backbone: str | None = None
    max_body: int = 5 * 1024 * 1024
    queue_size: int = 8
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    warm_up: bool = True

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)
