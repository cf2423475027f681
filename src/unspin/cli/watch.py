"""``unspin corpus watch DIR|FEED.jsonl``: ingest what appears, report what is new."""

from __future__ import annotations

import argparse
import json

from unspin import app
from unspin.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    Commands,
    db_option,
    echo,
    pipeline_config,
    pipeline_options,
)


def seconds(value: str) -> float:
    """An argparse type: a number of seconds above 0 (a wait between cycles)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError("must be a number of seconds above 0")
    return number


def add_watch_command(commands: Commands) -> None:
    w = commands.add_parser(
        "watch",
        help="ingest new files of a folder or new lines of a feed; report new narratives, "
        "fast-growing ones and new contradictions",
        description="Poll a folder (new or changed files) or a JSON Lines feed (appended "
        "lines); ingest what is new, compare it with the stored documents and place it in "
        "stories and narratives, then report what the cycle added: new narratives, "
        "narratives that at least doubled (by 2 claims or more), new contradictions. What "
        "was seen is kept in the store, so the next run goes on from there.",
    )
    w.add_argument("source", metavar="DIR|FEED.jsonl")
    db_option(w)
    pipeline_options(w)
    w.add_argument(
        "--once", action="store_true",
        help="one cycle, then exit (exit code 1 when an input could not be stored)",
    )  # fmt: skip
    w.add_argument(
        "--interval", type=seconds, default=60.0, metavar="S",
        help="seconds between cycles (default 60)",
    )  # fmt: skip
    w.add_argument(
        "-f", "--format", choices=("text", "json"), default="text",
        help="text, or one JSON object per cycle (JSON Lines)",
    )  # fmt: skip
    w.add_argument(
        "--experimental", action="store_true",
        help="also report new contradictions while that link kind's precision audited on "
        "real news is under 0.8 (left out by default)",
    )  # fmt: skip
    w.set_defaults(func=cmd_corpus_watch)


def cmd_corpus_watch(args: argparse.Namespace) -> int:
    config = pipeline_config(args)

    failed = False

    def show(report: app.WatchReport) -> None:
        nonlocal failed
        failed = failed or bool(report.errors)
        if args.format == "json":
            echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            echo(report.render())

    try:
        app.watch_corpus(
            args.db,
            args.source,
            config,
            interval=args.interval,
            on_report=show,
            cycles=1 if args.once else None,
            experimental=args.experimental,
        )
    except KeyboardInterrupt:
        echo("unspin: stopped watching; what was ingested is kept", err=True)
        return EXIT_INTERRUPTED
    return EXIT_PARTIAL if failed else EXIT_OK
