"""``unspin serve``: the web workbench and REST API (the ``web`` extra).

Models load once, before the server answers. On loopback (the default, 127.0.0.1) it
runs without login; bound to any other address it needs a token (``UNSPIN_TOKEN`` or
``--token-file``) and refuses to start without one (exit 2). Without the ``web`` extra it
names the package to install (exit 3).
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
from pathlib import Path

from unspin.cli.common import (
    EXIT_OK,
    Commands,
    config_backbone_options,
    db_option,
    echo,
    positive_int,
)
from unspin.errors import ConfigError, MissingExtraError

__all__ = ["add_serve_command", "check_address", "cmd_serve", "read_token"]

TOKEN_ENV = "UNSPIN_TOKEN"


def add_serve_command(sub: Commands) -> None:
    s = sub.add_parser(
        "serve",
        help="run the web workbench and REST API (pages, /api/v1, OpenAPI)",
        description="Serve the workbench and the REST API. Loopback (the default) needs no "
        "login; any other --host needs a token: $UNSPIN_TOKEN or --token-file (API "
        "clients send 'Authorization: Bearer TOKEN'; browsers log in at /login).",
    )
    db_option(s)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument(
        "--token-file",
        type=Path,
        metavar="FILE",
        help=f"a file holding the access token (else ${TOKEN_ENV}); required off loopback",
    )
    s.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="also answer to this Host name (repeatable; loopback names and --host always)",
    )
    s.add_argument(
        "--max-body",
        type=positive_int,
        default=5 * 1024 * 1024,
        metavar="BYTES",
        help="largest request body (default 5 MiB)",
    )
    s.add_argument(
        "--queue-size",
        type=positive_int,
        default=8,
        metavar="N",
        help="analyses that may wait for the worker before requests get 503 (default 8)",
    )
    config_backbone_options(s)
    s.set_defaults(func=cmd_serve)


def read_token(token_file: Path | None) -> str | None:
    """The token of ``--token-file`` (its first line) or ``$UNSPIN_TOKEN``; None if
    neither is given."""
    if token_file is not None:
        try:
            lines = token_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"--token-file {token_file}: cannot read it ({exc})") from None
        token = lines[0].strip() if lines else ""
        if not token:
            raise ConfigError(f"--token-file {token_file}: the file is empty")
        return token
    return os.environ.get(TOKEN_ENV, "").strip() or None


def _log_with_request_ids(filter_: logging.Filter) -> None:
    """Put the request id in every log line and show the web layer's request log."""
    for handler in logging.getLogger().handlers:
        handler.addFilter(filter_)
        handler.setFormatter(
            logging.Formatter("unspin: %(levelname)s: [%(request_id)s] %(message)s")
        )
    web = logging.getLogger("unspin.web")
    if web.getEffectiveLevel() > logging.INFO:
        web.setLevel(logging.INFO)


def check_address(host: str, port: int) -> None:
    """A one-line :class:`ConfigError` when ``host:port`` cannot be listened on (another
    server holds it, or a port the user may not open), before the models load: uvicorn
    says so only after, in its own words, and exits 3, the code of a missing model."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                hint="another server may hold it: choose another --port",
            ) from None


def cmd_serve(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port}: not a port number (1-65535)")
    from unspin.web import ServeSettings, create_app
    from unspin.web.security import RequestIdFilter, check_settings

    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtraError(exc.name or "uvicorn", "web") from exc
    settings = ServeSettings(
        db=args.db,
        host=args.host,
        port=args.port,
        token=read_token(args.token_file),
        config=args.config,
        backbone=args.backbone,
        max_body=args.max_body,
        queue_size=args.queue_size,
        allowed_hosts=tuple(args.allow_host),
    )
    check_settings(settings)  # the token first: it is what a non-loopback host lacks
    check_address(args.host, args.port)
    _log_with_request_ids(RequestIdFilter())
    app = create_app(settings)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    login = "" if settings.loopback and not settings.token else " (token required)"
    echo(f"unspin: serving http://{shown}:{args.port}/{login}; Ctrl+C stops", err=True)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
    )
    return EXIT_OK
