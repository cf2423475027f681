"""``unspin analyze``: analyse articles and write reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from unspin import app
from unspin.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    WITH_EPILOG,
    Commands,
    echo,
    language_notes,
    paths_argument,
    pipeline_config,
    pipeline_options,
    positive_int,
    progress_bar,
    progress_options,
    report_formats_option,
    wants_progress,
)
from unspin.errors import ConfigError
from unspin.report import render_html, render_json, render_markdown, write_report


def add_analyze_command(sub: Commands) -> None:
    p = sub.add_parser(
        "analyze",
        help="analyse articles and write reports",
        description="Analyse articles (text, Markdown, HTML, JSON Lines, directories, '-' for "
        "stdin) and write JSON, HTML or Markdown reports.",
        **WITH_EPILOG,
    )
    paths_argument(p)
    report_formats_option(
        p,
        "json, html or md; repeat or comma-separate for several (default: md on a "
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
    pipeline_options(p)
    p.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="analyse in N processes, each loading the models once; reports are still "
        "written in input order (default 1: this process)",
    )
    progress_options(p, "when several inputs and stderr is a terminal")
    p.set_defaults(func=cmd_analyze)


def cmd_analyze(args: argparse.Namespace) -> int:
    config = pipeline_config(args, db=args.db)
    app.load_pipeline(config)  # a bad pipeline fails before anything is written

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

    several = len(args.paths) > 1 or any(app.may_hold_several(p) for p in args.paths)
    rows: list[dict[str, Any]] = []
    written: list[Path] = []
    stdout_html: list[str] = []  # printed after the run: a second one is a usage error
    taken: set[str] = set()
    unwritten: list[str] = []
    last: app.Analysis | None = None

    with progress_bar(wants_progress(args, several), "analysing") as on_progress:
        run = app.analyze_paths(args.paths, config, on_progress=on_progress, workers=args.workers)
        for analysis in run.analyses:
            rows.append(_summary_row(analysis))
            last = analysis
            if to_stdout:
                fmt = formats[0]
                if fmt == "json":
                    sys.stdout.write(render_json(analysis, indent=None if several else 2))
                elif fmt == "md":
                    echo(render_markdown(analysis))
                else:
                    if stdout_html:
                        raise ConfigError("several HTML reports need --output DIR")
                    stdout_html.append(render_html(analysis))
            else:
                for fmt in formats:
                    try:
                        written.append(write_report(analysis, args.output, fmt, taken=taken))
                    except OSError as exc:  # disk full, permissions: no partial file is left
                        source = analysis.document.source or analysis.document.id
                        unwritten.append(
                            f"{source}: cannot write the {fmt} report: {exc.strerror or exc}"
                        )

    for page in stdout_html:
        echo(page)
    if not args.quiet and (several or not to_stdout):
        if len(rows) == 1 and last is not None and not to_stdout:
            echo(render_markdown(last))
        elif len(rows) > 1:
            echo(_summary_table(rows), err=to_stdout)
        if written:
            echo(f"wrote {len(written)} report file(s) to {args.output}", err=to_stdout)
    language_notes(run)
    if run.errors or run.failures or unwritten:
        echo(
            f"unspin: {len(run.errors)} input(s) could not be read, "
            f"{run.failed_documents} document(s) had analyzer failures"
            + (f", {len(unwritten)} report(s) could not be written:" if unwritten else ":"),
            err=True,
        )
        for e in run.errors:
            echo(f"  {e}", err=True)
        for message in [*run.failures, *unwritten]:
            echo(f"  {message}", err=True)
        if args.output is not None:
            try:
                app.write_error_log(args.output / "errors.jsonl", run, unwritten)
            except OSError as exc:
                echo(f"unspin: cannot write errors.jsonl: {exc.strerror or exc}", err=True)
        return EXIT_PARTIAL
    if args.output is not None:  # the log of an earlier run would read as this one's
        try:
            (args.output / "errors.jsonl").unlink(missing_ok=True)
        except OSError as exc:
            echo(f"unspin: cannot remove the old errors.jsonl: {exc.strerror or exc}", err=True)
    if not rows:
        echo("unspin: no documents to analyse", err=True)
        return EXIT_PARTIAL
    return EXIT_OK


def _summary_row(analysis: app.Analysis) -> dict[str, Any]:
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
    }


def _summary_table(rows: list[dict[str, Any]]) -> str:
    header = f"{'document':<40} {'quotes':>6} {'anon':>5} {'hedge':>5} {'boost':>5} {'claims':>6}"
    lines = [header, "-" * len(header)]
    for r in rows:
        name = r["name"] if len(r["name"]) <= 40 else r["name"][:37] + "..."
        # no statement: no share of anonymous ones (the profile says 0.0 for none)
        anon = "-" if r["anonymous"] is None or not r["quotes"] else f"{r['anonymous']:.0%}"
        lines.append(
            f"{name:<40} {r['quotes']:>6} {anon:>5} {r['hedges']:>5} {r['boosters']:>5} "
            f"{r['checkworthy']:>6}"
        )
    lines.append(f"{len(rows)} document(s) analysed; 'claims' counts check-worthy sentences.")
    return "\n".join(lines)
