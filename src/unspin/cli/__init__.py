"""The ``unspin`` command line: it parses arguments, calls :mod:`unspin.app` and renders;
the only place that prints.

Exit codes (also in ``unspin --help`` and the README):

====  ===========================================================================
0     every input was read and every analyzer ran
1     some inputs could not be read, or an analyzer failed on some document
      (everything else was still analysed and written); or an id or name the store
      holds nothing under (a document, story, narrative or outlet)
2     usage or configuration error (unknown option, bad config file, bad pipeline)
3     environment error (a model or an optional package is missing)
130   interrupted (reports already written are kept)
====  ===========================================================================

One module per command group: ``analyze``, ``meta`` (analyzers, config, schema),
``corpus`` and ``links``, ``techniques`` (eval ptc, techniques export/import),
``evidence``, ``factchecks``, ``claims``, ``serve`` (the web workbench and REST API);
``common`` holds what they share.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from unspin import app
from unspin.cli.analyze import add_analyze_command
from unspin.cli.claims import add_claims_command
from unspin.cli.common import (
    EPILOG,
    EXIT_ENVIRONMENT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    Parser,
    TerminalText,
    echo,
)
from unspin.cli.corpus import add_corpus_commands
from unspin.cli.evidence import add_evidence_commands
from unspin.cli.factchecks import add_factcheck_commands
from unspin.cli.meta import add_meta_commands
from unspin.cli.serve import add_serve_command
from unspin.cli.techniques import add_technique_commands
from unspin.errors import (
    ConfigError,
    MissingExtraError,
    ModelError,
    NotFoundError,
    PipelineError,
    StoreError,
    UnspinError,
)

__all__ = [
    "EXIT_ENVIRONMENT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "build_parser",
    "main",
]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="unspin",
        description="Audit news and opinion articles: sources, quotes, certainty and claims, "
        "every finding anchored to the exact characters it is about.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"unspin {app.version()}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    add_analyze_command(sub)
    add_meta_commands(sub)
    add_corpus_commands(sub)
    add_technique_commands(sub)
    add_evidence_commands(sub)
    add_factcheck_commands(sub)
    add_claims_command(sub)
    add_serve_command(sub)
    return parser


def _own_or_error(record: logging.LogRecord) -> bool:
    """Whether a log record is shown without ``-v``: unspin's own warnings, and only the
    errors of the libraries it calls (the HTML extractor's "discarding data: None" on a
    page with no article tells a reader nothing the one-line input error does not)."""
    own = record.name == "unspin" or record.name.startswith("unspin.")
    return own or record.levelno >= logging.ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="unspin: %(levelname)s: %(message)s")
    if not args.verbose:
        for handler in logging.getLogger().handlers:
            handler.addFilter(_own_or_error)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    stdout = sys.stdout
    if stdout.isatty() and not isinstance(stdout, TerminalText):
        sys.stdout = TerminalText(stdout)
    try:
        return _run(args)
    finally:
        sys.stdout = stdout


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except NotFoundError as exc:  # before StoreError: an unknown document id is both
        echo(f"unspin: error: {exc}", err=True)
        return EXIT_PARTIAL
    except (ConfigError, PipelineError, StoreError) as exc:
        echo(f"unspin: error: {exc}", err=True)
        return EXIT_USAGE
    except (ModelError, MissingExtraError) as exc:
        echo(f"unspin: error: {exc}", err=True)
        return EXIT_ENVIRONMENT
    except UnspinError as exc:
        echo(f"unspin: error: {exc}", err=True)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        echo("unspin: interrupted; reports already written are kept", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
