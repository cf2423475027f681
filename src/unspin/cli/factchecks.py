"""``unspin factchecks import|search``: published fact-checks (ClaimReview) in a store."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from unspin import app
from unspin.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    Commands,
    db_option,
    echo,
    group,
    limit_option,
    nothing_found,
    search_text,
)


def add_factcheck_commands(sub: Commands) -> None:
    """``unspin factchecks import|search``."""
    commands = group(
        sub,
        "factchecks",
        "factchecks_command",
        help="import published fact-checks (ClaimReview) into a store, search them",
        description="Known fact-checks: schema.org ClaimReview records that claims are "
        "matched against (unspin analyze --db URL).",
    )
    i = commands.add_parser(
        "import",
        help="import ClaimReview files (JSON-LD pages, Fact Check Tools API JSON, CSV)",
        description="Read ClaimReview records from files and directories and store them with "
        "embeddings of the reviewed claims; a review already stored is skipped, so a rerun "
        "adds nothing. Unreadable files and records are reported one per line; the rest is "
        "imported.",
    )
    i.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    db_option(i)
    i.add_argument(
        "-c", "--config", type=Path, metavar="FILE", help="a TOML config file ([models])"
    )
    i.add_argument(
        "--backbone",
        choices=("spacy", "fake"),
        help="encoder of the claims (default: the store's, else the config's = MiniLM)",
    )
    i.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    i.set_defaults(func=cmd_factchecks_import)
    s = commands.add_parser(
        "search",
        help="keyword search over the imported fact-checks",
        description="Full-text search over the claims and headlines of imported fact-checks.",
    )
    s.add_argument("query", metavar="QUERY", type=search_text)
    db_option(s)
    limit_option(s, 10, "results")
    s.add_argument("-f", "--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_factchecks_search)


def cmd_factchecks_import(args: argparse.Namespace) -> int:
    result = app.import_factcheck_files(
        args.db, args.paths, backbone=args.backbone, config=args.config
    )
    report = result.report
    for error in report.errors:
        echo(f"unspin: {error}", err=True)
    if not args.quiet:
        echo(
            f"imported {report.added:,} new fact-check(s) into {result.url} ({report.read:,} "
            f"read, {report.already:,} already stored, {len(report.errors):,} error(s); "
            f"{result.total:,} in the store)",
            err=True,
        )
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_factchecks_search(args: argparse.Namespace) -> int:
    found = app.search_factchecks(args.db, args.query, limit=args.limit)
    for review, score in found:
        if args.format == "json":
            echo(json.dumps({**review.to_dict(), "score": round(score, 6)}, ensure_ascii=False))
        else:
            who = review.publisher or review.publisher_site or "?"
            rating = f"“{review.rating}”" if review.rating else "no rating"
            echo(f"{score:8.3f}  {who}: {rating} {review.review_date or ''}".rstrip())
            echo(f"          {review.claim}")
            if review.url:
                echo(f"          {review.url}")
    if not found:
        echo(f"unspin: {nothing_found(args.db, 'factchecks')}", err=True)
    return EXIT_OK
