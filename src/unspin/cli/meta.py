"""``unspin analyzers``, ``unspin config`` and ``unspin schema``."""

from __future__ import annotations

import argparse
import json
import sys

from unspin import app
from unspin.cli.common import EXIT_OK, Commands, echo


def add_meta_commands(sub: Commands) -> None:
    a = sub.add_parser("analyzers", help="list the available analyzers")
    a.set_defaults(func=cmd_analyzers)

    c = sub.add_parser("config", help="print the default configuration (TOML)")
    c.set_defaults(func=cmd_config)

    s = sub.add_parser("schema", help="print the JSON Schema of the analysis output")
    s.set_defaults(func=cmd_schema)


def cmd_analyzers(args: argparse.Namespace) -> int:
    for info in app.list_analyzers():
        echo(f"{info.name} {info.version}: {info.summary}")
        echo(f"    requires: {', '.join(info.requires) or '-'}")
        echo(f"    produces: {', '.join(info.produces) or '-'}")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    sys.stdout.write(app.default_config_text())
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    echo(json.dumps(app.analysis_schema(), indent=2))
    return EXIT_OK
