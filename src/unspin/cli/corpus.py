"""``unspin corpus ingest|search|stats|export|errors`` (the link commands: links.py)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from unspin import app
from unspin.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    WITH_EPILOG,
    Commands,
    batch_size_option,
    db_option,
    echo,
    engine_options,
    group,
    iso_date,
    limit_option,
    paths_argument,
    pipeline_config,
    pipeline_options,
    progress_bar,
    progress_options,
    search_text,
    wants_progress,
)
from unspin.cli.exports import (
    STANDARD_FORMATS,
    add_standard_export_options,
    cmd_standard_export,
    reject_standard_options,
)
from unspin.cli.links import add_link_commands
from unspin.cli.narratives import add_narrative_commands
from unspin.cli.outlets import add_outlets_command
from unspin.cli.timelines import add_timeline_command
from unspin.cli.watch import add_watch_command


def known(values: str, what: str) -> Callable[[str], str]:
    """An argparse type: one of the values ``app.<values>`` names (looked up when the option
    is given, so that building the parser imports nothing more), which a misspelt filter
    would otherwise match nothing with."""

    def parse(value: str) -> str:
        allowed: tuple[str, ...] = getattr(app, values)
        if value not in allowed:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {value!r}; choose from {', '.join(allowed)}"
            )
        return value

    return parse


def filter_options(p: argparse.ArgumentParser, *, sentences: bool) -> None:
    p.add_argument("--outlet", metavar="NAME", help="only documents from this outlet")
    p.add_argument("--since", type=iso_date, metavar="DATE", help="published on or after DATE")
    p.add_argument("--until", type=iso_date, metavar="DATE", help="published on or before DATE")
    p.add_argument(
        "--kind", type=known("FINDING_KINDS", "finding kind"), metavar="KIND",
        help="with a finding of this kind (quote, claim, ...)",
    )  # fmt: skip
    p.add_argument("--language", metavar="CODE", help="only documents in this language (de, ...)")
    if sentences:
        p.add_argument(
            "--technique", type=known("TECHNIQUES", "technique"), metavar="NAME",
            help="with a finding of this technique (Loaded_Language, Doubt, ...)",
        )  # fmt: skip
        p.add_argument(
            "--source-type", type=known("SOURCE_TYPES", "source type"), metavar="TYPE",
            help="citing this source type (named_person, government, group, document, "
            "anonymous, unresolved, ...)",
        )  # fmt: skip
        p.add_argument("--speaker", metavar="NAME", help="citing this speaker (case-insensitive)")
        p.add_argument(
            "--checkworthy", action="store_true", help="only check-worthy claim sentences"
        )


def filters(args: argparse.Namespace) -> app.Filters:
    return app.Filters(
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        kind=args.kind,
        language=args.language,
        technique=getattr(args, "technique", None),
        source_type=getattr(args, "source_type", None),
        speaker=getattr(args, "speaker", None),
        checkworthy=getattr(args, "checkworthy", False),
    )


def add_corpus_commands(sub: Commands) -> Commands:
    """``unspin corpus ...``; returns its subcommands, for more to be added."""
    commands = group(
        sub,
        "corpus",
        "corpus_command",
        help="store, search and export many analysed articles",
        description="A corpus store (SQLite by default, or PostgreSQL) of analysed articles.",
    )
    i = commands.add_parser(
        "ingest",
        help="analyse articles and store them (idempotent, resumable)",
        description="Analyse articles and store documents, findings and sentence embeddings. "
        "Documents already stored are skipped before analysis, so a rerun resumes.",
        **WITH_EPILOG,
    )
    paths_argument(i)
    db_option(i)
    pipeline_options(i)
    batch_size_option(i, 64, "documents written per transaction")
    engine_options(
        i,
        "analyse in N processes, each loading the models once; this process alone "
        "writes the store, in input order (default 1: this process; with --engine ray, "
        "N actors, default one per CPU of the cluster)",
    )
    progress_options(i, "when stderr is a terminal")
    i.set_defaults(func=cmd_corpus_ingest)

    s = commands.add_parser(
        "search",
        help="hybrid keyword + semantic search over stored sentences and claims",
        description="Rank stored sentences by keyword relevance and embedding similarity, "
        "fused by reciprocal rank fusion; filters narrow both rankings.",
    )
    s.add_argument("query", metavar="QUERY", type=search_text)
    db_option(s)
    filter_options(s, sentences=True)
    limit_option(s, 10, "results")
    s.add_argument(
        "--mode",
        choices=("hybrid", "keyword", "semantic"),
        default="hybrid",
        help="rankings to use (default hybrid)",
    )
    s.add_argument(
        "-f",
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or JSON Lines (one result per line)",
    )
    s.set_defaults(func=cmd_corpus_search)

    t = commands.add_parser("stats", help="documents, findings by kind, documents per outlet")
    db_option(t)
    t.add_argument("-f", "--format", choices=("text", "json"), default="text")
    t.set_defaults(func=cmd_corpus_stats)

    e = commands.add_parser(
        "export",
        help="export documents or findings as JSON Lines or CSV, or findings in standard "
        "formats (W3C Web Annotation, brat, Label Studio, Parquet, ClaimReview)",
        description="documents as JSON Lines are full analyses (they load back with "
        "unspin.Analysis.from_json); as CSV, metadata and counts. findings: one per line "
        "or row with the document's metadata. Standard formats of findings: webannotation "
        "(W3C JSON-LD), labelstudio (tasks with predictions), brat and parquet (folders: "
        "-o DIR), claimreview (a reviewer's own claim ratings: --reviewer ORG); see "
        "docs/exports.md.",
    )
    db_option(e)
    e.add_argument("-f", "--format", choices=("jsonl", "csv", *STANDARD_FORMATS), default="jsonl")
    e.add_argument(
        "--what",
        choices=("documents", "findings", "reviews"),
        help="documents (the default of jsonl and csv), findings (what the standard formats "
        "export), or reviews (every review mark and claim rating with its anchoring in the "
        "current analysis; the filters do not apply)",
    )
    e.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here, not stdout (brat, parquet: a folder)",
    )
    filter_options(e, sentences=False)
    add_standard_export_options(e)
    e.set_defaults(func=cmd_corpus_export)

    v = commands.add_parser(
        "reviews",
        help="reviewers' marks summed per finding kind: precision, orphans",
        description="Marks correct and wrong per finding kind and label, and the precision "
        "they give (the newest mark of a reviewer on a finding counts; orphans, marks no "
        "current finding holds, are counted apart). --orphans lists those instead.",
    )
    db_option(v)
    v.add_argument("-f", "--format", choices=("text", "json"), default="text")
    v.add_argument("--orphans", action="store_true", help="list the orphaned marks and ratings")
    v.set_defaults(func=cmd_corpus_reviews)

    r = commands.add_parser("errors", help="inputs that could not be stored, analyzer failures")
    db_option(r)
    r.set_defaults(func=cmd_corpus_errors)
    add_link_commands(commands)
    add_narrative_commands(commands)
    add_watch_command(commands)
    add_outlets_command(commands)
    add_timeline_command(commands)
    return commands


def cmd_corpus_ingest(args: argparse.Namespace) -> int:
    config = pipeline_config(args)
    app.load_pipeline(config)
    try:
        with progress_bar(wants_progress(args), "ingesting") as on_progress:
            result = app.ingest_paths(
                args.db,
                args.paths,
                config,
                batch_size=args.batch_size,
                on_progress=on_progress,
                workers=args.workers,
                engine=args.engine,
                address=args.address,
            )
    except KeyboardInterrupt:
        echo(
            "unspin: interrupted; documents already written are kept, and a rerun "
            "resumes with the rest",
            err=True,
        )
        return EXIT_INTERRUPTED
    report = result.report
    if not args.quiet:
        echo(app.render_ingest(report, result.url), err=True)
    for line in report.languages:
        echo(f"unspin: {line} (--language en to force)", err=True)
    if not report.ok:
        echo(
            f"unspin: {len(report.input_errors)} input(s) could not be stored, "
            f"{len(report.analyzer_failures)} analyzer failure(s) (recorded in the store; "
            "see 'unspin corpus errors'):",
            err=True,
        )
        for line in app.render_errors([*report.input_errors, *report.analyzer_failures]):
            echo(line, err=True)
        return EXIT_PARTIAL
    return EXIT_OK


def cmd_corpus_search(args: argparse.Namespace) -> int:
    hits = app.search_corpus(args.db, args.query, filters(args), limit=args.limit, mode=args.mode)
    if args.format == "json":
        for hit in hits:
            echo(json.dumps(hit.to_dict(), ensure_ascii=False))
    elif hits:
        echo(app.render_hits(hits))
    if not hits:
        echo("unspin: no results", err=True)
    return EXIT_OK


def cmd_corpus_stats(args: argparse.Namespace) -> int:
    stats = app.corpus_stats(args.db)
    if args.format == "json":
        echo(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False))
    else:
        echo(app.render_stats(stats))
    return EXIT_OK


def cmd_corpus_export(args: argparse.Namespace) -> int:
    if args.format in STANDARD_FORMATS:
        return cmd_standard_export(args, filters(args))
    reject_standard_options(args)
    out = sys.stdout if args.output is None else args.output
    if args.what is None:
        args.what = "documents"
    if args.what == "reviews":
        count = app.export_reviews(args.db, out, fmt=args.format)
        echo(f"exported {count:,} review marks and ratings", err=True)
        return EXIT_OK
    count = app.export_corpus(args.db, out, fmt=args.format, what=args.what, filters=filters(args))
    echo(f"exported {count:,} {args.what}", err=True)
    return EXIT_OK


def cmd_corpus_reviews(args: argparse.Namespace) -> int:
    if args.orphans:
        orphans = app.review_orphans(args.db)
        for state in orphans:
            if args.format == "json":
                echo(json.dumps(state.to_dict(), ensure_ascii=False))
            else:
                item = state.item
                echo(
                    f"{state.type} {item.id} {item.document_id} {item.kind}:{item.label} "
                    f"[{item.anchor.start}:{item.anchor.end}] {item.reviewer}: "
                    f"{' '.join(item.anchor.quote.split())[:80]}"
                )
        if not orphans:
            echo("unspin: no orphaned marks", err=True)
        return EXIT_OK
    summary = app.review_summary(args.db)
    if args.format == "json":
        echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    elif summary.marks or summary.ratings:
        echo(app.render_review_summary(summary.kinds))
        echo(
            f"{summary.marks:,} mark(s) ({summary.counted:,} counted), {summary.ratings:,} "
            f"claim rating(s), {summary.orphans:,} orphan(s), "
            f"{len(summary.reviewers):,} reviewer(s)",
            err=True,
        )
    else:
        echo("unspin: no review marks yet", err=True)
    return EXIT_OK


def cmd_corpus_errors(args: argparse.Namespace) -> int:
    errors = app.corpus_errors(args.db)
    for error in errors:
        echo(str(error))
    if not errors:
        echo("unspin: no errors recorded", err=True)
    return EXIT_OK
