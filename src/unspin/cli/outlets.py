"""``unspin corpus outlets [NAME]``: outlet profiles over a store."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from unspin import app
from unspin.cli.common import EXIT_OK, Commands, db_option, echo

__all__ = ["add_outlets_command"]


def add_outlets_command(commands: Commands) -> None:
    """Add ``outlets`` to ``unspin corpus``."""
    o = commands.add_parser(
        "outlets",
        help="outlet profiles: techniques, anonymous quotes, hedges, claims, ratings",
        description="Per outlet (the outlet each document was stored with): documents, "
        "words, persuasion techniques per 1,000 words (by technique), the share of "
        "quotations from anonymous or unresolved sources, hedges and boosters per 1,000 "
        "words, check-worthy claims and claims matching fact-checks per document (by "
        "rating), narratives carried, and published ratings with their source and year. "
        "Each rate has a 95 % bootstrap interval over the outlet's documents (seeded: the "
        "same store gives the same intervals) and the corpus average beside it; outlets "
        "with under 10 documents are flagged. With NAME: that outlet in detail.",
    )
    o.add_argument("name", nargs="?", metavar="NAME", help="one outlet (any case)")
    db_option(o)
    o.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    o.add_argument(
        "--ratings",
        type=Path,
        metavar="DIR",
        help="the domain-ratings data set folder (default: [analyzers.outlets] path)",
    )
    o.add_argument("-f", "--format", choices=("text", "json"), default="text")
    o.set_defaults(func=cmd_corpus_outlets)


def cmd_corpus_outlets(args: argparse.Namespace) -> int:
    profiles = app.outlet_profiles(args.db, args.name, config=args.config, ratings=args.ratings)
    if args.format == "json":
        echo(json.dumps(profiles.to_dict(), indent=2, ensure_ascii=False))
    elif args.name is not None:
        echo(app.render_outlet(profiles.outlets[0], profiles))
    elif profiles.outlets:
        echo(app.render_outlets(profiles))
    else:
        echo("unspin: no outlets: no stored document has outlet metadata", err=True)
    return EXIT_OK
