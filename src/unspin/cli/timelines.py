"""``unspin corpus timeline``: the dated events of a corpus store, merged and ordered."""

from __future__ import annotations

import argparse
from pathlib import Path

from unspin import app
from unspin.app import timelines
from unspin.cli.common import EXIT_OK, Commands, db_option, echo, iso_date, output_stream


def add_timeline_command(commands: Commands) -> None:
    t = commands.add_parser(
        "timeline",
        help="dated events across the stored documents, merged, ordered, conflicts flagged",
        description="Every date of every stored claim (resolved against its document's "
        "publication date, or the event told before for 'two days later'; left relative "
        "when nothing resolves it), with what the claim's frame says happened and where the "
        "date is written. Mentions of one event across documents are merged; events are "
        "ordered by date; an event given incompatible dates is flagged.",
    )
    db_option(t)
    which = t.add_mutually_exclusive_group()
    which.add_argument("--document", metavar="ID", help="only this stored document")
    which.add_argument(
        "--narrative", type=int, metavar="ID",
        help="only the events its claims tell (ids of 'unspin corpus narratives')",
    )  # fmt: skip
    which.add_argument(
        "--story", type=int, metavar="ID",
        help="only the documents of this story (ids of 'unspin corpus narratives')",
    )  # fmt: skip
    t.add_argument("--outlet", metavar="NAME", help="only documents from this outlet")
    t.add_argument("--since", type=iso_date, metavar="DATE", help="published on or after DATE")
    t.add_argument("--until", type=iso_date, metavar="DATE", help="published on or before DATE")
    t.add_argument(
        "-f", "--format", choices=timelines.TIMELINE_FORMATS, default="text",
        help="text (default), json (one object: events, undated, conflicts) or csv (one "
        "row per mention; cells a spreadsheet would run as a formula are quoted)",
    )  # fmt: skip
    t.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    t.set_defaults(func=cmd_corpus_timeline)


def cmd_corpus_timeline(args: argparse.Namespace) -> int:
    timeline = timelines.timeline_for(
        args.db,
        document=args.document,
        narrative=args.narrative,
        story=args.story,
        filters=app.Filters(outlet=args.outlet, since=args.since, until=args.until),
    )
    with output_stream(args.output) as out:
        count = timelines.write_timeline(out, timeline, args.format)
    if not count:
        echo("unspin: no dated events", err=True)
    elif args.output is not None:
        echo(f"wrote {count:,} event(s) to {args.output}", err=True)
    return EXIT_OK
