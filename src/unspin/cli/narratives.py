"""``unspin corpus narratives``: stories and narratives of a corpus store."""

from __future__ import annotations

import argparse
import json

from unspin import app
from unspin.cli.common import EXIT_OK, Commands, db_option, echo, positive_int, score


def add_narrative_commands(commands: Commands) -> None:
    defaults = app.NarrativeParams()
    n = commands.add_parser(
        "narratives",
        help="stories (documents on one event) and narratives (claims told alike) in them",
        description="Cluster the stored documents not clustered yet into stories and their "
        "claims into narratives (online, in ingestion order: earlier placements never move, "
        "so the result does not depend on how the documents were batched), then list the "
        "stories, largest first. Opposite claims (the same claim negated) are distinct "
        "narratives of one story. Each narrative is named by its most central claim.",
    )
    db_option(n)
    n.add_argument(
        "-f", "--format", choices=("text", "json"), default="text",
        help="text (default) or one JSON array of stories (each narrative with its timeline)",
    )  # fmt: skip
    n.add_argument(
        "--min-documents", type=positive_int, default=1, metavar="N",
        help="only stories of at least N documents (default 1)",
    )  # fmt: skip
    n.add_argument("--story", type=int, metavar="ID", help="only this story")
    n.add_argument(
        "--no-timelines", action="store_true",
        help="leave out each narrative's timeline from -f json (the dated events its claims "
        "tell: date, precision, what, where each date is written; conflicts flagged)",
    )  # fmt: skip
    n.add_argument("-n", "--limit", type=positive_int, metavar="N", help="at most N stories")
    n.add_argument(
        "--period", choices=("day", "week"), default="day",
        help="growth counted per day (default) or per ISO week",
    )  # fmt: skip
    n.add_argument(
        "--no-update", action="store_true",
        help="list what earlier runs clustered; cluster no new document",
    )  # fmt: skip
    n.add_argument(
        "--rebuild", action="store_true",
        help="forget every story and narrative and cluster the whole store again (needed "
        "to change the thresholds of a store already clustered)",
    )  # fmt: skip
    n.add_argument(
        "--story-threshold", type=score, default=defaults.story_threshold, metavar="X",
        help=f"a document joins a story from this similarity on (default "
        f"{defaults.story_threshold})",
    )  # fmt: skip
    n.add_argument(
        "--narrative-threshold", type=score, default=defaults.narrative_threshold,
        metavar="X",
        help=f"a claim joins a narrative from this pair-model probability on (default "
        f"{defaults.narrative_threshold})",
    )  # fmt: skip
    n.set_defaults(func=cmd_corpus_narratives)


def cmd_corpus_narratives(args: argparse.Namespace) -> int:
    params = app.NarrativeParams(
        story_threshold=args.story_threshold, narrative_threshold=args.narrative_threshold
    )
    listing = app.list_narratives(
        args.db,
        params,
        cluster=not args.no_update,
        rebuild=args.rebuild,
        period=args.period,
        min_documents=args.min_documents,
        story=args.story,
    )
    found = listing.stories[: args.limit] if args.limit else listing.stories
    if args.format == "json":
        data = app.stories_json(args.db, found, timelines=not args.no_timelines)
        echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif found:
        echo(app.render_narratives(found))
    run = listing.run
    if run is not None and run.documents:
        echo(
            f"unspin: clustered {run.documents:,} new document(s): {len(run.new_stories):,} "
            f"new stor{'y' if len(run.new_stories) == 1 else 'ies'}, "
            f"{len(run.new_narratives):,} new narrative(s)",
            err=True,
        )
    if listing.waiting:
        echo(f"unspin: {listing.waiting:,} document(s) not clustered yet", err=True)
    if not found:
        echo("unspin: no stories", err=True)
    return EXIT_OK
