"""The ``unspin`` command line: a thin layer over the library, and the only place that prints.

Exit codes (also in ``unspin --help`` and the README):

====  ===========================================================================
0     every input was read and every analyzer ran
1     some inputs could not be read, or an analyzer failed on some document
      (everything else was still analysed and written)
2     usage or configuration error (unknown option, bad config file, bad pipeline)
3     environment error (a model or an optional package is missing)
130   interrupted (reports already written are kept)
====  ===========================================================================
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from unspin import __version__
from unspin.config import Config, load_config
from unspin.errors import (
    ConfigError,
    InputError,
    MissingExtraError,
    ModelError,
    PipelineError,
    StoreError,
    UnspinError,
)
from unspin.model import Analysis, Document

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3
EXIT_INTERRUPTED = 130

FORMATS = ("json", "html", "md")

EPILOG = """\
exit codes:
  0    every input was read and every analyzer ran
  1    some inputs could not be read, or an analyzer failed on some document
  2    usage or configuration error
  3    a model or an optional package is missing
  130  interrupted (reports already written are kept)
"""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"unspin: error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


def _formats(value: str) -> list[str]:
    out = []
    for part in value.split(","):
        part = part.strip().lower()
        if part == "markdown":
            part = "md"
        if part not in FORMATS:
            raise argparse.ArgumentTypeError(
                f"unknown format {part!r}; choose from {', '.join(FORMATS)}"
            )
        out.append(part)
    return out


def _positive_int(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return number


def _pipeline_options(p: argparse.ArgumentParser) -> None:
    """The options that configure the analysis, shared by analyze and corpus ingest."""
    p.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    p.add_argument(
        "--analyzers", metavar="NAMES", help="comma-separated analyzers to run (overrides config)"
    )
    p.add_argument(
        "--backbone", choices=("spacy", "fake"), help="NLP backbone ('fake': no models, rules only)"
    )
    p.add_argument(
        "--max-bytes", type=_positive_int, metavar="N", help="refuse inputs larger than N bytes"
    )


def _progress_options(p: argparse.ArgumentParser, auto: str) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help=f"progress bar with rate and ETA on stderr (auto: {auto})",
    )


def _pipeline_config(args: argparse.Namespace) -> Config:
    """The configuration the options of :func:`_pipeline_options` ask for."""
    overrides: dict[str, Any] = {}
    if args.analyzers is not None:
        overrides["analyzers"] = args.analyzers
    if args.backbone:
        overrides["backbone"] = args.backbone
    if args.max_bytes:
        overrides["max_bytes"] = args.max_bytes
    return load_config(args.config, **overrides)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="unspin",
        description="Audit news and opinion articles: sources, quotes, certainty and claims, "
        "every finding anchored to the exact characters it is about.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"unspin {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv: debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "analyze",
        help="analyse articles and write reports",
        description="Analyse articles (text, Markdown, HTML, JSON Lines, directories, '-' for "
        "stdin) and write JSON, HTML or Markdown reports.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")
    p.add_argument(
        "-f",
        "--format",
        type=_formats,
        action="extend",
        dest="formats",
        metavar="FORMAT",
        help="json, html or md; repeat or comma-separate for several (default: md on a "
        "terminal without --output, else json)",
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="DIR", help="write one report per document here"
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="a store with imported fact-checks (and evidence) to match claims against: sets "
        "the db option of the analyzers that read a store",
    )
    _pipeline_options(p)
    _progress_options(p, "when several inputs and stderr is a terminal")
    p.set_defaults(func=cmd_analyze)

    a = sub.add_parser("analyzers", help="list the available analyzers")
    a.set_defaults(func=cmd_analyzers)

    c = sub.add_parser("config", help="print the default configuration (TOML)")
    c.set_defaults(func=cmd_config)

    s = sub.add_parser("schema", help="print the JSON Schema of the analysis output")
    s.set_defaults(func=cmd_schema)

    add_corpus_commands(sub)
    add_technique_commands(sub)
    add_evidence_commands(sub)
    add_factcheck_commands(sub)
    return parser


# ----------------------------------------------------------------------------------------
# unspin corpus ...


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        help="the store: a file path, sqlite:///PATH or postgresql://... (default: "
        "$UNSPIN_DB, else unspin.db here)",
    )


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _filter_options(p: argparse.ArgumentParser, *, sentences: bool) -> None:
    p.add_argument("--outlet", metavar="NAME", help="only documents from this outlet")
    p.add_argument("--since", type=_date, metavar="DATE", help="published on or after DATE")
    p.add_argument("--until", type=_date, metavar="DATE", help="published on or before DATE")
    p.add_argument("--kind", metavar="KIND", help="with a finding of this kind (quote, claim, ...)")
    if sentences:
        p.add_argument("--technique", metavar="NAME", help="with a finding of this technique")
        p.add_argument(
            "--source-type", metavar="TYPE", help="citing this source type (anonymous, ...)"
        )
        p.add_argument("--speaker", metavar="NAME", help="citing this speaker (case-insensitive)")
        p.add_argument(
            "--checkworthy", action="store_true", help="only check-worthy claim sentences"
        )


def add_corpus_commands(
    sub: argparse._SubParsersAction[_Parser],
) -> argparse._SubParsersAction[_Parser]:
    """``unspin corpus ...``; returns its subcommands, for more to be added."""
    corpus = sub.add_parser(
        "corpus",
        help="store, search and export many analysed articles",
        description="A corpus store (SQLite by default, or PostgreSQL) of analysed articles.",
    )
    commands = corpus.add_subparsers(dest="corpus_command", metavar="COMMAND", parser_class=_Parser)
    corpus.set_defaults(func=lambda args: _usage(corpus))

    i = commands.add_parser(
        "ingest",
        help="analyse articles and store them (idempotent, resumable)",
        description="Analyse articles and store documents, findings and sentence embeddings. "
        "Documents already stored are skipped before analysis, so a rerun resumes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")
    _db_option(i)
    _pipeline_options(i)
    i.add_argument(
        "--batch-size",
        type=_positive_int,
        default=64,
        metavar="N",
        help="documents written per transaction (default 64)",
    )
    _progress_options(i, "when stderr is a terminal")
    i.set_defaults(func=cmd_corpus_ingest)

    s = commands.add_parser(
        "search",
        help="hybrid keyword + semantic search over stored sentences and claims",
        description="Rank stored sentences by keyword relevance and embedding similarity, "
        "fused by reciprocal rank fusion; filters narrow both rankings.",
    )
    s.add_argument("query", metavar="QUERY")
    _db_option(s)
    _filter_options(s, sentences=True)
    s.add_argument(
        "-n", "--limit", type=_positive_int, default=10, metavar="N", help="results (default 10)"
    )
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
    _db_option(t)
    t.add_argument("-f", "--format", choices=("text", "json"), default="text")
    t.set_defaults(func=cmd_corpus_stats)

    e = commands.add_parser(
        "export",
        help="export documents or findings as JSON Lines or CSV",
        description="documents as JSON Lines are full analyses (they load back with "
        "unspin.Analysis.from_json); as CSV, metadata and counts. findings: one per line "
        "or row with the document's metadata.",
    )
    _db_option(e)
    e.add_argument("-f", "--format", choices=("jsonl", "csv"), default="jsonl")
    e.add_argument("--what", choices=("documents", "findings"), default="documents")
    e.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    _filter_options(e, sentences=False)
    e.set_defaults(func=cmd_corpus_export)

    r = commands.add_parser("errors", help="inputs that could not be stored, analyzer failures")
    _db_option(r)
    r.set_defaults(func=cmd_corpus_errors)
    _add_link_commands(commands)
    return commands


# ----------------------------------------------------------------------------------------
# unspin factchecks ... / unspin claims


def add_factcheck_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """``unspin factchecks import|search`` and ``unspin claims``."""
    fc = sub.add_parser(
        "factchecks",
        help="import published fact-checks (ClaimReview) into a store, search them",
        description="Known fact-checks: schema.org ClaimReview records that claims are "
        "matched against (unspin analyze --db URL).",
    )
    commands = fc.add_subparsers(dest="factchecks_command", metavar="COMMAND", parser_class=_Parser)
    fc.set_defaults(func=lambda args: _usage(fc))
    i = commands.add_parser(
        "import",
        help="import ClaimReview files (JSON-LD pages, Fact Check Tools API JSON, CSV)",
        description="Read ClaimReview records from files and directories and store them with "
        "embeddings of the reviewed claims; a review already stored is skipped, so a rerun "
        "adds nothing. Unreadable files and records are reported one per line; the rest is "
        "imported.",
    )
    i.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    _db_option(i)
    i.add_argument(
        "--backbone",
        choices=("spacy", "fake"),
        help="encoder of the claims (default: the store's, else spacy = MiniLM)",
    )
    i.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    i.set_defaults(func=cmd_factchecks_import)
    s = commands.add_parser(
        "search",
        help="keyword search over the imported fact-checks",
        description="Full-text search over the claims and headlines of imported fact-checks.",
    )
    s.add_argument("query", metavar="QUERY")
    _db_option(s)
    s.add_argument(
        "-n", "--limit", type=_positive_int, default=10, metavar="N", help="results (default 10)"
    )
    s.add_argument("-f", "--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_factchecks_search)

    c = sub.add_parser(
        "claims",
        help="list the claims of articles: check-worthiness, fact-check matches, verdict",
        description="Analyse articles and list their claims ranked by check-worthiness, with "
        "matching published fact-checks and the evidence verdict ('not verified' without "
        "cited evidence).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")
    c.add_argument(
        "-f",
        "--format",
        choices=("table", "json", "jsonl", "csv"),
        default="table",
        help="table (default), JSON (one object per document), JSON Lines or CSV (one "
        "claim per line or row)",
    )
    c.add_argument("--checkworthy", action="store_true", help="only check-worthy claims")
    c.add_argument(
        "--db",
        metavar="URL",
        help="a store with imported fact-checks (and evidence) to match the claims against",
    )
    _pipeline_options(c)
    c.set_defaults(func=cmd_claims)


def _with_store(config: Config, url: str | None) -> Config:
    """The config with ``db = url`` for every configured analyzer that reads a store."""
    if not url:
        return config
    from unspin.analyzer import analyzer_class
    from unspin.options import option_docs

    options = {k: dict(v) for k, v in config.analyzer_options.items()}
    readers = [n for n in config.analyzers if "db" in option_docs(analyzer_class(n).Options)]
    if not readers:
        raise ConfigError(
            "--db: none of the configured analyzers reads a store",
            hint="add factchecks to [pipeline] analyzers or --analyzers",
        )
    for name in readers:
        options.setdefault(name, {})["db"] = url
    return config.replace(analyzer_options=options)


def cmd_factchecks_import(args: argparse.Namespace) -> int:
    from unspin.factchecks.stored import import_factchecks
    from unspin.nlp import Backbone, FakeBackbone, SpacyBackbone

    backbone: Backbone | None = None
    if args.backbone == "fake":
        backbone = FakeBackbone()
    elif args.backbone == "spacy":
        backbone = SpacyBackbone()
    with _open(args, create=True) as store:
        report = import_factchecks(store, args.paths, backbone=backbone)
        total = store.factcheck_count()
        url = store.url
    for error in report.errors:
        _echo(f"unspin: {error}", err=True)
    if not args.quiet:
        _echo(
            f"imported {report.added:,} new fact-check(s) into {url} ({report.read:,} read, "
            f"{report.already:,} already stored, {len(report.errors):,} error(s); "
            f"{total:,} in the store)",
            err=True,
        )
    return EXIT_OK if report.ok else EXIT_PARTIAL


def cmd_factchecks_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        found = store.search_factchecks(args.query, args.limit)
    for review, score in found:
        if args.format == "json":
            _echo(json.dumps({**review.to_dict(), "score": round(score, 6)}, ensure_ascii=False))
        else:
            who = review.publisher or review.publisher_site or "?"
            rating = f"“{review.rating}”" if review.rating else "no rating"
            _echo(f"{score:8.3f}  {who}: {rating} {review.review_date or ''}".rstrip())
            _echo(f"          {review.claim}")
            if review.url:
                _echo(f"          {review.url}")
    if not found:
        _echo("unspin: no results", err=True)
    return EXIT_OK


def cmd_claims(args: argparse.Namespace) -> int:
    import csv

    from unspin.ingest import load_paths
    from unspin.pipeline import Pipeline
    from unspin.claims.report import CSV_COLUMNS, claim_rows

    config = _with_store(_pipeline_config(args), args.db)
    pipeline = Pipeline(config)
    errors: list[InputError] = []
    failed: list[str] = []

    def documents() -> Iterator[Document]:
        for item in load_paths(args.paths, max_bytes=config.max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    writer = csv.DictWriter(sys.stdout, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    if args.format == "csv":
        writer.writeheader()
    count = 0
    for analysis in pipeline.analyze_many(documents()):
        count += 1
        doc = analysis.document
        name = doc.source or doc.id
        failed.extend(f"{name}: {f.analyzer}: {f.message}" for f in analysis.failures)
        rows = claim_rows(analysis, checkworthy_only=args.checkworthy)
        if args.format == "json":
            record = {
                "document": {"id": doc.id, "source": doc.source, "title": doc.title},
                "claims": [r.to_dict() for r in rows],
            }
            _echo(json.dumps(record, ensure_ascii=False, indent=2))
        elif args.format == "jsonl":
            for rank, r in enumerate(rows, 1):
                _echo(
                    json.dumps(
                        {"document": doc.id, "rank": rank, **r.to_dict()}, ensure_ascii=False
                    )
                )
        elif args.format == "csv":
            for rank, r in enumerate(rows, 1):
                writer.writerow(r.csv_row(doc.id, rank))
        else:
            if count > 1:
                _echo()
            _echo(_claims_table(doc.title or name, rows))
    for e in errors:
        _echo(f"unspin: {e}", err=True)
    for message in failed:
        _echo(f"unspin: {message}", err=True)
    if not count:
        _echo("unspin: no documents to analyse", err=True)
    return EXIT_PARTIAL if errors or failed or not count else EXIT_OK


def _claims_table(title: str, rows: Sequence[Any]) -> str:
    lines = [f"{title}: {len(rows)} claim(s), most check-worthy first"]
    lines.append(f"{'#':>3} {'score':>5} {'cw':>3}  {'verdict':<13} claim")
    for rank, r in enumerate(rows, 1):
        text = " ".join(r.text.split())
        text = text if len(text) <= 90 else text[:87] + "..."
        cw = "yes" if r.checkworthy else "-"
        lines.append(f"{rank:>3} {r.score:>5.2f} {cw:>3}  {r.verdict:<13} {text}")
        for m in r.matches:
            rating = f"“{m.rating}”" if m.rating else "no rating"
            sim = "" if m.similarity is None else f", similarity {m.similarity:.2f}"
            when = f" ({m.review_date})" if m.review_date else ""
            who = m.publisher or "?"
            lines.append(f"{'':>14}fact-check: {who} {rating}{when}{sim} {m.url or ''}".rstrip())
        if r.passages:
            lines.append(f"{'':>14}evidence: {len(r.passages)} cited passage(s)")
    return "\n".join(lines)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    from unspin.store import open_store

    return open_store(args.db, create=create)


def _filters(args: argparse.Namespace) -> Any:
    from unspin.store import Filters

    return Filters(
        outlet=args.outlet,
        since=args.since,
        until=args.until,
        kind=args.kind,
        technique=getattr(args, "technique", None),
        source_type=getattr(args, "source_type", None),
        speaker=getattr(args, "speaker", None),
        checkworthy=getattr(args, "checkworthy", False),
    )


def cmd_corpus_ingest(args: argparse.Namespace) -> int:
    from unspin.pipeline import Pipeline
    from unspin.store import IngestReport, count_inputs, ingest
    from unspin.store.text import render_errors, render_ingest

    pipeline = Pipeline(_pipeline_config(args))
    bar = None
    if not args.quiet and (
        args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    ):
        from tqdm import tqdm

        bar = tqdm(
            total=count_inputs(args.paths),
            desc="ingesting",
            unit="doc",
            file=sys.stderr,
            dynamic_ncols=True,
        )

    def progress(report: IngestReport) -> None:
        if bar is not None:
            bar.update(report.handled - bar.n)
            bar.set_postfix(
                new=report.added + report.pending,
                skipped=report.skipped,
                errors=len(report.input_errors),
                refresh=False,
            )

    with _open(args, create=True) as store:
        try:
            report = ingest(
                store,
                args.paths,
                pipeline=pipeline,
                batch_size=args.batch_size,
                on_progress=progress,
            )
        except KeyboardInterrupt:
            if bar is not None:
                bar.close()
            _echo(
                "unspin: interrupted; documents already written are kept, and a rerun "
                "resumes with the rest",
                err=True,
            )
            return EXIT_INTERRUPTED
        finally:
            if bar is not None:
                bar.close()
        url = store.url
    if not args.quiet:
        _echo(render_ingest(report, url), err=True)
    if not report.ok:
        _echo(
            f"unspin: {len(report.input_errors)} input(s) could not be stored, "
            f"{len(report.analyzer_failures)} analyzer failure(s) (recorded in the store; "
            "see 'unspin corpus errors'):",
            err=True,
        )
        for line in render_errors([*report.input_errors, *report.analyzer_failures]):
            _echo(line, err=True)
        return EXIT_PARTIAL
    return EXIT_OK


def cmd_corpus_search(args: argparse.Namespace) -> int:
    from unspin.store.text import render_hits

    with _open(args) as store:
        hits = store.search(args.query, _filters(args), limit=args.limit, mode=args.mode)
    if args.format == "json":
        for hit in hits:
            _echo(json.dumps(hit.to_dict(), ensure_ascii=False))
    elif hits:
        _echo(render_hits(hits))
    if not hits:
        _echo("unspin: no results", err=True)
    return EXIT_OK


def cmd_corpus_stats(args: argparse.Namespace) -> int:
    from unspin.store.text import render_stats

    with _open(args) as store:
        stats = store.stats()
    if args.format == "json":
        _echo(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False))
    else:
        _echo(render_stats(stats))
    return EXIT_OK


def cmd_corpus_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if args.output is None:
            count = store.export(
                sys.stdout, fmt=args.format, what=args.what, filters=_filters(args)
            )
        else:
            count = store.export_file(
                args.output, fmt=args.format, what=args.what, filters=_filters(args)
            )
    _echo(f"exported {count:,} {args.what}", err=True)
    return EXIT_OK


def cmd_corpus_errors(args: argparse.Namespace) -> int:
    with _open(args) as store:
        count = 0
        for error in store.iter_errors():
            _echo(str(error))
            count += 1
    if not count:
        _echo("unspin: no errors recorded", err=True)
    return EXIT_OK


# -- unspin corpus link / contradictions / quotes / propagation / report ----------------

_CONTRADICTION_KINDS = ("contradiction", "compatible", "update", "differs")
_DRIFTS = ("wording", "speaker", "occasion")
_VIEW_KINDS = {
    "contradictions": _CONTRADICTION_KINDS,
    "quotes": ("quote_drift",),
    "propagation": ("propagation",),
}


def _choices(allowed: Sequence[str], what: str) -> Any:
    """An argparse type: comma-separated values, each one of ``allowed``."""

    def parse(value: str) -> list[str]:
        out = [v.strip().lower() for v in value.split(",") if v.strip()]
        for v in out:
            if v not in allowed:
                raise argparse.ArgumentTypeError(
                    f"unknown {what} {v!r}; choose from {', '.join(allowed)}"
                )
        return out

    return parse


def _score(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return number


def _link_list_options(p: argparse.ArgumentParser) -> None:
    _db_option(p)
    p.add_argument("--document", metavar="ID", help="only links involving this document")
    p.add_argument(
        "--min-score", type=_score, default=0.0, metavar="X", help="only links scoring X or more"
    )
    p.add_argument("-n", "--limit", type=_positive_int, metavar="N", help="at most N links")
    p.add_argument(
        "-f",
        "--format",
        choices=("text", "jsonl", "csv", "json"),
        default="text",
        help="text blocks (default), JSON Lines, CSV or one JSON array",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.add_argument(
        "--no-link",
        action="store_true",
        help="read the stored links only (by default, documents not compared yet are "
        "compared first)",
    )


def _add_link_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    from unspin.corpus.store_adapter import ALL

    k = commands.add_parser(
        "link",
        help="compare the stored documents not compared yet (contradictions, quotes, passages)",
        description="Compare each stored document not linked yet with the documents already "
        "linked (blocking keys and MinHash LSH bands kept in the store) and store the links. "
        "Incremental: a rerun compares only new documents.",
    )
    _db_option(k)
    k.add_argument(
        "--what",
        type=_choices(ALL, "comparison"),
        action="extend",
        metavar="NAMES",
        help="contradictions, quotes, propagation; repeat or comma-separate (default: all)",
    )
    k.add_argument(
        "--rebuild",
        action="store_true",
        help="drop the comparison index and the links it made, then link every document "
        "again, earliest publication first",
    )
    k.add_argument(
        "--batch-size",
        type=_positive_int,
        default=100,
        metavar="N",
        help="documents per transaction (default 100)",
    )
    _progress_options(k, "when stderr is a terminal")
    k.set_defaults(func=cmd_corpus_link)

    c = commands.add_parser(
        "contradictions",
        help="list values that differ across (or within) documents: the same slot, other values",
        description="Links between two spans that fill the same slot (entity, event, "
        "quantity, unit; an event's date; a person's role): contradiction, compatible "
        "(a part and its total, a rounded figure, a bound), update (a later or updated "
        "figure) or differs (two roles of one person).",
    )
    _link_list_options(c)
    c.add_argument(
        "--kind",
        type=_choices(_CONTRADICTION_KINDS, "kind"),
        action="extend",
        dest="kinds",
        metavar="KIND",
        help="contradiction, compatible, update, differs; repeat or comma-separate "
        "(default: all four, contradictions first)",
    )
    c.set_defaults(func=cmd_corpus_links, view="contradictions")

    q = commands.add_parser(
        "quotes",
        help="list quotations that drifted: other wording, another speaker or occasion",
        description="One quotation in several documents, each later appearance linked to "
        "the earliest it matches, when its wording, speaker or occasion differs.",
    )
    _link_list_options(q)
    q.add_argument(
        "--drift",
        type=_choices(_DRIFTS, "drift"),
        action="extend",
        metavar="WHAT",
        help="wording, speaker, occasion: only quotations where one of these differs",
    )
    q.set_defaults(func=cmd_corpus_links, view="quotes")

    g = commands.add_parser(
        "propagation",
        help="list near-duplicate passages across documents, the earlier publication first",
        description="Passages (runs of sentences) repeated near verbatim in another "
        "document; side A is the earlier publication.",
    )
    _link_list_options(g)
    g.set_defaults(func=cmd_corpus_links, view="propagation")

    r = commands.add_parser(
        "report",
        help="write stored documents' reports with their corpus links (HTML, Markdown, JSON)",
        description="Write one report per document with a section listing its "
        "contradictions, drifted quotes and propagated passages, linking to the other "
        "documents' reports in the same folder.",
    )
    r.add_argument("ids", nargs="*", metavar="ID", help="document ids")
    r.add_argument("--all", action="store_true", help="every stored document")
    _db_option(r)
    r.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="write here")
    r.add_argument(
        "-f",
        "--format",
        type=_formats,
        action="extend",
        dest="formats",
        metavar="FORMAT",
        help="html (default), md or json; repeat or comma-separate",
    )
    r.add_argument(
        "--linked",
        action="store_true",
        help="also write the reports of the documents the given ones link to",
    )
    r.add_argument(
        "--no-link", action="store_true", help="do not compare documents not compared yet"
    )
    r.set_defaults(func=cmd_corpus_report)


def _link_pending(
    args: argparse.Namespace, store: Any, *, what: Sequence[str] | None = None
) -> int:
    """Compare the documents not compared yet (``link_store``), with a progress bar;
    return how many were."""
    from unspin.corpus.store_adapter import ALL, link_store
    from unspin.corpus.text import render_run

    bar = None
    quiet = getattr(args, "quiet", False)
    progress = getattr(args, "progress", "auto")
    if not quiet and (progress == "always" or (progress == "auto" and sys.stderr.isatty())):
        from tqdm import tqdm

        bar = tqdm(desc="linking", unit="doc", file=sys.stderr, dynamic_ncols=True)

    def step(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.update(done - bar.n)

    try:
        run = link_store(
            store,
            what=what or ALL,
            rebuild=getattr(args, "rebuild", False),
            batch_size=getattr(args, "batch_size", 100),
            on_progress=step,
        )
    finally:
        if bar is not None:
            bar.close()
    if run.documents and not quiet:
        _echo(render_run(run, store.url), err=True)
    return int(run.documents)


def cmd_corpus_link(args: argparse.Namespace) -> int:
    with _open(args) as store:
        try:
            done = _link_pending(args, store, what=args.what)
        except KeyboardInterrupt:
            _echo(
                "unspin: interrupted; the documents already linked are kept, and a rerun "
                "goes on with the rest",
                err=True,
            )
            return EXIT_INTERRUPTED
    if not done and not args.quiet:
        _echo("unspin: every document is linked already (--rebuild to link them again)", err=True)
    return EXIT_OK


def _checked_document(store: Any, doc_id: str | None) -> str | None:
    if doc_id is not None and not store.has_document(doc_id):
        raise StoreError(f"no document {doc_id!r} in {store.url}")
    return doc_id


def cmd_corpus_links(args: argparse.Namespace) -> int:
    """``unspin corpus contradictions``, ``quotes`` and ``propagation``."""
    import csv
    from functools import lru_cache

    from unspin.corpus.store_adapter import iter_corpus_links
    from unspin.corpus.text import COLUMNS, in_context, link_row, render_link

    view: str = args.view
    kinds = list(dict.fromkeys(getattr(args, "kinds", None) or _VIEW_KINDS[view]))
    drift = set(getattr(args, "drift", None) or ())
    out: TextIO = sys.stdout
    count = 0
    with _open(args) as store:

        @lru_cache(maxsize=64)
        def text_of(doc_id: str) -> str | None:
            try:
                return str(store.get_analysis(doc_id).document.text)
            except KeyError:
                return None

        def context(side: Any) -> str | None:
            text = text_of(side.doc_id)
            return None if text is None else in_context(side, text)

        document = _checked_document(store, args.document)
        if not args.no_link:  # only the comparison this command lists
            _link_pending(args, store, what=[view])
        if args.output is not None:
            try:
                out = args.output.open("w", encoding="utf-8", newline="")
            except OSError as exc:
                raise ConfigError(f"cannot write {args.output}: {exc}") from None
        try:
            writer = None
            if args.format == "csv":
                writer = csv.DictWriter(out, fieldnames=COLUMNS[view])
                writer.writeheader()
            elif args.format == "json":
                out.write("[")
            for link in iter_corpus_links(store, kinds, document_id=document):
                if link.score < args.min_score or (drift and not drift & set(link.differs)):
                    continue
                if args.limit is not None and count >= args.limit:
                    break
                if writer is not None:
                    writer.writerow(link_row(link, view))
                elif args.format == "jsonl":
                    out.write(json.dumps(link.to_dict(), ensure_ascii=False) + "\n")
                elif args.format == "json":
                    out.write(
                        ("," if count else "")
                        + "\n  "
                        + json.dumps(link.to_dict(), ensure_ascii=False)
                    )
                else:
                    block = render_link(link, view, context=context)
                    out.write(("\n" if count else "") + block + "\n")
                count += 1
            if args.format == "json":
                out.write("\n]\n" if count else "]\n")
        finally:
            if out is not sys.stdout:
                out.close()
    if not count:
        _echo(f"unspin: no {view} links", err=True)
    elif args.output is not None:
        _echo(f"wrote {count:,} link(s) to {args.output}", err=True)
    return EXIT_OK


def cmd_corpus_report(args: argparse.Namespace) -> int:
    from unspin.corpus.store_adapter import store_report
    from unspin.report import corpus_json_name, report_filename, write_report

    if bool(args.ids) == bool(args.all):
        raise ConfigError("give document ids or --all (not both)")
    formats = list(dict.fromkeys(args.formats or ["html"]))
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output folder {args.output}: {exc}") from None
    written = 0
    with _open(args) as store:
        ids = list(dict.fromkeys(args.ids))
        for doc_id in ids:
            _checked_document(store, doc_id)
        if not args.no_link:
            _link_pending(args, store)
        if args.linked:
            for doc_id in list(ids):
                ids.extend(store_report(store, doc_id).other_documents)
            ids = list(dict.fromkeys(ids))
        wanted = None if args.all else set(ids)
        names: dict[tuple[str, str], str] = {}

        def name(doc_id: str, fmt: str) -> str:
            """The file name of a document's report (read from the store once)."""
            if (doc_id, fmt) not in names:
                found = report_filename(store.get_analysis(doc_id), fmt)
                names[(doc_id, fmt)] = corpus_json_name(found) if fmt == "json" else found
            return names[(doc_id, fmt)]

        analyses = store.iter_analyses() if args.all else map(store.get_analysis, ids)
        for analysis in analyses:
            corpus = store_report(store, analysis.document.id)
            for fmt in formats:
                links = {
                    other: name(other, fmt)
                    for other in corpus.other_documents
                    if wanted is None
                    or other in wanted
                    or (args.output / name(other, fmt)).is_file()
                }
                write_report(analysis, args.output, fmt, links=links, corpus=corpus)
                written += 1
    _echo(f"wrote {written:,} report file(s) to {args.output}", err=True)
    return EXIT_OK


# ----------------------------------------------------------------------------------------
# unspin eval ptc, unspin techniques import/export


def add_technique_commands(sub: Any) -> None:
    ev = sub.add_parser("eval", help="score unspin on public benchmarks")
    benches = ev.add_subparsers(dest="benchmark", metavar="BENCHMARK", parser_class=_Parser)
    ev.set_defaults(func=lambda a: _usage(ev))
    p = benches.add_parser(
        "ptc",
        help="propaganda techniques (SemEval-2020 Task 11): SI, TC and FLC scores",
        description="Score the techniques analyzer (or a label file given with --pred) on "
        "PTC articles with the official SI / TC scorers of SemEval-2020 Task 11 and the "
        "NLP4IF-2019 FLC scorer.",
    )
    p.add_argument(
        "--data", type=Path, required=True, metavar="DIR", help="a PTC folder (train-articles/...)"
    )
    p.add_argument(
        "--ids",
        metavar="IDS",
        help="article ids: comma-separated, a file with one per line, or 'all' (default: the "
        "articles the shipped model was not trained on)",
    )
    p.add_argument(
        "--pred",
        type=Path,
        metavar="FILE",
        help="score this PTC label file instead of running the analyzer",
    )
    p.add_argument(
        "--task",
        choices=("all", "si", "tc", "flc"),
        default="all",
        help="which scores to report (default: all that apply)",
    )
    p.add_argument(
        "--format", choices=("text", "json"), default="text", dest="out_format", help="output"
    )
    p.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    p.add_argument(
        "--backbone", choices=("spacy", "fake"), help="NLP backbone ('fake': no models, rules only)"
    )
    p.set_defaults(func=cmd_eval_ptc)

    tech = sub.add_parser("techniques", help="PTC label files: export findings, import labels")
    tcmd = tech.add_subparsers(dest="techniques_command", metavar="COMMAND", parser_class=_Parser)
    tech.set_defaults(func=lambda a: _usage(tech))
    x = tcmd.add_parser(
        "export",
        help="analyse articles and write their technique spans as PTC labels",
        description="Analyse articles and write their technique findings in the PTC label "
        "format (article id, technique, start, end; tab-separated). The article id is NNN "
        "for a file named articleNNN.txt, else the document id.",
    )
    x.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")
    x.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the labels here (default: stdout)"
    )
    x.add_argument(
        "--si", action="store_true", help="SI format: spans only, overlapping spans merged"
    )
    _pipeline_options(x)
    x.set_defaults(func=cmd_techniques_export)
    m = tcmd.add_parser(
        "import",
        help="load PTC label files as technique findings and write reports",
        description="Read PTC label files (gold or another system's) as technique findings of "
        "their articles and write one report per article.",
    )
    m.add_argument("labels", nargs="+", type=Path, metavar="LABELS", help="label files")
    m.add_argument(
        "--articles", type=Path, required=True, metavar="DIR", help="folder of articleNNN.txt"
    )
    m.add_argument(
        "-f",
        "--format",
        type=_formats,
        action="extend",
        dest="formats",
        metavar="FORMAT",
        help="json, html or md; repeat or comma-separate (default: html)",
    )
    m.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="write reports here"
    )
    m.set_defaults(func=cmd_techniques_import)


def _ptc_ids(spec: str | None, corpus: Any) -> list[str]:
    if spec is None:
        from unspin.techniques.evaluate import held_out_ids

        ids = held_out_ids()
        if not ids:
            _echo("unspin: the model lists no held-out articles; scoring all of them", err=True)
            return list(corpus.ids)
        return [i for i in ids if i in set(corpus.ids)]
    if spec == "all":
        return list(corpus.ids)
    path = Path(spec)
    if path.is_file():
        try:
            raw = path.read_text(encoding="utf-8").split()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the id list {path}: {exc}") from None
    else:
        raw = [i.strip() for i in spec.split(",") if i.strip()]
    wanted = [i.removeprefix("article") for i in raw]
    unknown = sorted(set(wanted) - set(corpus.ids))
    if unknown:
        raise ConfigError(f"unknown PTC article id(s): {', '.join(unknown[:5])}")
    return wanted


def _score_table(name: str, score: Any, per_technique: bool) -> str:
    lines = [
        f"{name}: F1 {score.f1:.4f}  precision {score.precision:.4f}  recall "
        f"{score.recall:.4f}  ({score.n_pred} predicted, {score.n_gold} gold)"
    ]
    if per_technique and score.per_technique:
        lines.append(f"  {'technique':<38} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
        for t, sc in sorted(score.per_technique.items(), key=lambda kv: -kv[1].n_gold):
            lines.append(
                f"  {t:<38} {sc.precision:>6.3f} {sc.recall:>6.3f} {sc.f1:>6.3f} "
                f"{sc.n_pred:>5} {sc.n_gold:>5}"
            )
    return "\n".join(lines)


def cmd_eval_ptc(args: argparse.Namespace) -> int:
    from unspin.techniques import ptc

    try:
        corpus = ptc.load_corpus(args.data)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot load the PTC folder {args.data}: {exc}") from None
    articles = corpus.subset(_ptc_ids(args.ids, corpus))
    if args.pred is not None:
        try:
            pred = ptc.read_labels(args.pred)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"cannot read {args.pred}: {exc}") from None
        wanted = {a.id for a in articles}
        pred = [s for s in pred if s.article_id in wanted]
        labelled = [s for s in pred if s.technique]
        result = ptc.score_system(articles, pred, labelled or None, techniques=corpus.techniques)
    else:
        from unspin.techniques.evaluate import evaluation_system

        overrides: dict[str, Any] = {"analyzers": "techniques"}
        if args.backbone:
            overrides["backbone"] = args.backbone
        detect, classify = evaluation_system(load_config(args.config, **overrides))
        result = ptc.evaluate(articles, detect, classify, techniques=corpus.techniques)
    shown = {"si": result.si, "tc": result.tc, "flc": result.flc}
    if args.task != "all":
        shown = {args.task: shown[args.task]}
    if args.out_format == "json":
        full = result.as_dict()
        _echo(json.dumps({"articles": result.articles, **{k: full[k] for k in shown}}, indent=2))
        return EXIT_OK
    _echo(f"PTC: {result.articles} article(s) from {args.data}")
    names = {"si": "SI (spans)", "tc": "TC (gold spans)", "flc": "FLC (span and technique)"}
    for key, score in shown.items():
        if score is None:
            _echo(f"{names[key]}: not scored (no technique labels)")
        else:
            _echo(_score_table(names[key], score, per_technique=key != "si"))
    return EXIT_OK


def cmd_techniques_export(args: argparse.Namespace) -> int:
    from unspin.ingest import load_paths
    from unspin.pipeline import Pipeline
    from unspin.report import write_text_atomic
    from unspin.techniques import ptc

    config = _pipeline_config(args)
    pipeline = Pipeline(config)
    if "technique" not in {k for a in pipeline.analyzers for k in a.produces}:
        raise ConfigError("no analyzer in this pipeline produces techniques: add 'techniques'")
    errors: list[InputError] = []

    def documents() -> Iterator[Document]:
        for item in load_paths(args.paths, max_bytes=config.max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    spans: list[Any] = []
    failures = 0
    for analysis in pipeline.analyze_many(documents()):
        failures += bool(analysis.failures)
        found = ptc.spans_from_analysis(analysis)
        if args.si:
            aid = ptc.article_id_for(analysis.document)
            merged = ptc.merge_overlapping((s.start, s.end) for s in found)
            spans.extend(ptc.Span(aid, a, b) for a, b in merged)
        else:
            spans.extend(found)
    text = ptc.format_labels(spans)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_atomic(args.output, text)
        _echo(f"wrote {len(spans)} span(s) to {args.output}", err=True)
    for e in errors:
        _echo(f"unspin: {e}", err=True)
    return EXIT_PARTIAL if errors or failures else EXIT_OK


def cmd_techniques_import(args: argparse.Namespace) -> int:
    from collections import defaultdict

    from unspin.report import write_report
    from unspin.techniques import ptc

    by_article: defaultdict[str, list[Any]] = defaultdict(list)
    for path in args.labels:
        try:
            spans = ptc.read_labels(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from None
        for s in spans:
            by_article[s.article_id].append(s)
    formats = list(dict.fromkeys(args.formats or ["html"]))
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output folder {args.output}: {exc}") from None
    problems: list[str] = []
    written = 0
    for aid, spans in sorted(by_article.items()):
        path = args.articles / f"article{aid}.txt"
        try:
            text = ptc.read_article(path)
            analysis = ptc.analysis_from_labels(ptc.article_document(ptc.Article(aid, text)), spans)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problems.append(f"article {aid}: {exc}")
            continue
        for fmt in formats:
            write_report(analysis, args.output, fmt)
            written += 1
    _echo(
        f"wrote {written} report file(s) for {len(by_article) - len(problems)} article(s) "
        f"to {args.output}",
        err=True,
    )
    for p in problems:
        _echo(f"unspin: {p}", err=True)
    return EXIT_PARTIAL if problems else EXIT_OK


# ----------------------------------------------------------------------------------------
# unspin evidence ...


def add_evidence_commands(sub: Any) -> None:
    """``unspin evidence add`` and ``unspin evidence search``."""
    ev = sub.add_parser(
        "evidence",
        help="index trusted documents as evidence passages for verdicts",
        description="An evidence store (the tables of store migration 4): trusted documents "
        "split into passages with offsets, a full-text index and MiniLM embeddings. The "
        "verdicts analyzer ([analyzers.verdicts] db = URL) retrieves them for each claim.",
    )
    commands = ev.add_subparsers(dest="evidence_command", metavar="COMMAND", parser_class=_Parser)
    ev.set_defaults(func=lambda args: _usage(ev))

    a = commands.add_parser(
        "add",
        help="index trusted documents as passages (idempotent)",
        description="Split documents (text, Markdown, HTML, JSON Lines) into passages (one "
        "per sentence) and store them with offsets, a full-text index and embeddings. "
        "A document already stored (same text) is skipped; a file that cannot be read is "
        "reported in one line and the rest goes on.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or '-' (stdin)")
    _db_option(a)
    _evidence_backbone_options(a)
    a.add_argument(
        "--max-bytes", type=_positive_int, metavar="N", help="refuse inputs larger than N bytes"
    )
    a.add_argument(
        "--batch-size",
        type=_positive_int,
        default=32,
        metavar="N",
        help="documents parsed, embedded and written per transaction (default 32)",
    )
    a.add_argument("-q", "--quiet", action="store_true", help="no summary")
    a.set_defaults(func=cmd_evidence_add)

    s = commands.add_parser(
        "search",
        help="the evidence passages a claim would be checked against",
        description="Rank stored evidence passages for a claim: keyword and embedding "
        "rankings fused by reciprocal rank fusion, with the cosine similarity of each.",
    )
    s.add_argument("claim", metavar="CLAIM")
    _db_option(s)
    _evidence_backbone_options(s)
    s.add_argument(
        "-n", "--limit", type=_positive_int, default=5, metavar="N", help="passages (default 5)"
    )
    s.add_argument("-f", "--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_evidence_search)


def _evidence_backbone_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    p.add_argument(
        "--backbone", choices=("spacy", "fake"), help="NLP backbone ('fake': no models, rules only)"
    )


def _evidence_index(args: argparse.Namespace, store: Any) -> Any:
    from unspin.evidence import EvidenceIndex
    from unspin.pipeline import make_backbone

    overrides: dict[str, Any] = {"backbone": args.backbone} if args.backbone else {}
    return EvidenceIndex(store, make_backbone(load_config(args.config, **overrides)))


def cmd_evidence_add(args: argparse.Namespace) -> int:
    with _open(args, create=True) as store:
        index = _evidence_index(args, store)
        report = index.add(
            args.paths,
            batch_size=args.batch_size,
            max_bytes=args.max_bytes or load_config(args.config).max_bytes,
        )
        docs, passages = index.counts()
        url = store.url
    if not args.quiet:
        _echo(
            f"evidence: {report.added} document(s) added ({report.passages} passages), "
            f"{report.skipped} already stored, {len(report.errors)} error(s) in "
            f"{report.seconds:.1f}s; {url} holds {docs} document(s), {passages} passage(s)",
            err=True,
        )
    for error in report.errors:
        _echo(f"unspin: {error}", err=True)
    return EXIT_PARTIAL if report.errors else EXIT_OK


def cmd_evidence_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        hits = _evidence_index(args, store).search(args.claim, limit=args.limit)
    for n, h in enumerate(hits, start=1):
        p = h.passage
        if args.format == "json":
            record = {
                **p.citation(),
                "score": round(h.score, 6),
                "similarity": round(h.similarity, 4),
                "keyword_rank": h.keyword_rank,
                "semantic_rank": h.semantic_rank,
            }
            _echo(json.dumps(record, ensure_ascii=False))
            continue
        where = " ".join(x for x in (p.title, p.source or p.url) if x)
        span = f"{p.document_id} [{p.start}:{p.end}]"
        _echo(f"{n:>2}. {h.score:.4f} cos {h.similarity:.3f}  {span}  {where}")
        _echo(f"    {' '.join(p.text.split())}")
    return EXIT_OK


# ----------------------------------------------------------------------------------------


def _echo(text: str = "", *, err: bool = False) -> None:
    stream: TextIO = sys.stderr if err else sys.stdout
    stream.write(text + "\n")


def cmd_analyzers(args: argparse.Namespace) -> int:
    from unspin.analyzer import analyzer_class, available_analyzers

    for name in available_analyzers():
        cls = analyzer_class(name)
        doc = (cls.__doc__ or "").strip().splitlines()
        _echo(f"{name} {cls.version}: {doc[0] if doc else ''}")
        _echo(f"    requires: {', '.join(cls.requires) or '-'}")
        _echo(f"    produces: {', '.join(cls.produces) or '-'}")
    return EXIT_OK


def cmd_config(args: argparse.Namespace) -> int:
    from importlib import resources

    sys.stdout.write(resources.files("unspin").joinpath("default.toml").read_text("utf-8"))
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from unspin.report import schema

    _echo(json.dumps(schema(), indent=2))
    return EXIT_OK


def _progress(args: argparse.Namespace, several: bool) -> bool:
    if args.quiet or args.progress == "never":
        return False
    if args.progress == "always":
        return True
    return several and sys.stderr.isatty()


def cmd_analyze(args: argparse.Namespace) -> int:
    from unspin.ingest import load_paths
    from unspin.pipeline import Pipeline
    from unspin.report import render_html, render_json, render_markdown, write_report

    config = _with_store(_pipeline_config(args), args.db)
    pipeline = Pipeline(config)

    to_stdout = args.output is None
    formats: list[str] = args.formats or (["md"] if to_stdout and sys.stdout.isatty() else ["json"])
    formats = list(dict.fromkeys(formats))
    if to_stdout and len(formats) > 1:
        raise ConfigError("several formats need --output DIR")
    if args.output is not None:
        try:
            args.output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create output folder {args.output}: {exc}") from None

    several = len(args.paths) > 1 or any(_may_hold_several(p) for p in args.paths)
    errors: list[InputError] = []
    rows: list[dict[str, Any]] = []
    written: list[Path] = []
    stdout_html = 0
    last: Analysis | None = None

    def documents() -> Iterator[Document]:
        for item in load_paths(args.paths, max_bytes=config.max_bytes):
            if isinstance(item, InputError):
                errors.append(item)
                logging.getLogger("unspin").debug("input error: %s", item)
            else:
                yield item

    bar = None
    if _progress(args, several):
        from tqdm import tqdm

        bar = tqdm(desc="analysing", unit="doc", file=sys.stderr, dynamic_ncols=True)
    try:
        for analysis in pipeline.analyze_many(documents()):
            if bar is not None:
                bar.update(1)
                bar.set_postfix(errors=len(errors), refresh=False)
            rows.append(_summary_row(analysis))
            last = analysis
            if to_stdout:
                fmt = formats[0]
                if fmt == "json":
                    sys.stdout.write(render_json(analysis, indent=None if several else 2))
                elif fmt == "md":
                    _echo(render_markdown(analysis))
                else:
                    stdout_html += 1
                    if stdout_html > 1:
                        raise ConfigError("several HTML reports need --output DIR")
                    _echo(render_html(analysis))
            else:
                for fmt in formats:
                    written.append(write_report(analysis, args.output, fmt))
    finally:
        if bar is not None:
            bar.close()

    failed_docs = [r for r in rows if r["failures"]]
    if not args.quiet and (several or not to_stdout):
        if len(rows) == 1 and last is not None and not to_stdout:
            _echo(render_markdown(last))
        elif len(rows) > 1:
            _echo(_summary_table(rows), err=to_stdout)
        if written:
            _echo(f"wrote {len(written)} report file(s) to {args.output}", err=to_stdout)
    if errors or failed_docs:
        _echo(
            f"unspin: {len(errors)} input(s) could not be read, "
            f"{len(failed_docs)} document(s) had analyzer failures:",
            err=True,
        )
        for e in errors:
            _echo(f"  {e}", err=True)
        for r in failed_docs:
            for message in r["failed"]:
                _echo(f"  {r['where']}: {message}", err=True)
        return EXIT_PARTIAL
    if not rows:
        _echo("unspin: no documents to analyse", err=True)
        return EXIT_PARTIAL
    return EXIT_OK


def _may_hold_several(path: str) -> bool:
    """A directory, a JSON Lines file or stdin may hold several documents."""
    from unspin.ingest import JSONL_SUFFIXES

    return path == "-" or Path(path).is_dir() or Path(path).suffix.lower() in JSONL_SUFFIXES


def _summary_row(analysis: Analysis) -> dict[str, Any]:
    """What the end-of-run summary needs, without holding the document's text."""
    doc = analysis.document
    sources = analysis.summaries.get("sources", {})
    claims = analysis.summaries.get("claims", {})
    kinds = analysis.kinds
    return {
        "name": doc.title or Path(doc.source or doc.id).name,
        "quotes": kinds.get("quote", 0) + kinds.get("attribution", 0),
        "anonymous": sources.get("share_anonymous"),
        "hedges": kinds.get("hedge", 0),
        "boosters": kinds.get("booster", 0),
        "checkworthy": claims.get("checkworthy", 0),
        "failures": len(analysis.failures),
        "failed": [f"{f.analyzer}: {f.message}" for f in analysis.failures],
        "where": doc.source or doc.id,
    }


def _summary_table(rows: list[dict[str, Any]]) -> str:
    header = f"{'document':<40} {'quotes':>6} {'anon':>5} {'hedge':>5} {'boost':>5} {'claims':>6}"
    lines = [header, "-" * len(header)]
    for r in rows:
        name = r["name"] if len(r["name"]) <= 40 else r["name"][:37] + "..."
        anon = "-" if r["anonymous"] is None else f"{r['anonymous']:.0%}"
        lines.append(
            f"{name:<40} {r['quotes']:>6} {anon:>5} {r['hedges']:>5} {r['boosters']:>5} "
            f"{r['checkworthy']:>6}"
        )
    lines.append(f"{len(rows)} document(s) analysed; 'claims' counts check-worthy sentences.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="unspin: %(levelname)s: %(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except (ConfigError, PipelineError, StoreError) as exc:
        _echo(f"unspin: error: {exc}", err=True)
        return EXIT_USAGE
    except (ModelError, MissingExtraError) as exc:
        _echo(f"unspin: error: {exc}", err=True)
        return EXIT_ENVIRONMENT
    except UnspinError as exc:
        _echo(f"unspin: error: {exc}", err=True)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        _echo("unspin: interrupted; reports already written are kept", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
