"""``unspin claims``: the claims of articles, fact-check matches and verdicts."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence

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
)
from unspin.report import csv_safe
from unspin.report.common import one_line


def add_claims_command(sub: Commands) -> None:
    c = sub.add_parser(
        "claims",
        help="list the claims of articles: check-worthiness, fact-check matches, verdict",
        description="Analyse articles and list their claims ranked by check-worthiness, with "
        "matching published fact-checks and the evidence verdict ('not verified' without "
        "cited evidence).",
        **WITH_EPILOG,
    )
    paths_argument(c)
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
    pipeline_options(c)
    c.set_defaults(func=cmd_claims)


def cmd_claims(args: argparse.Namespace) -> int:
    config = pipeline_config(args, db=args.db)
    run, documents = app.list_claims(args.paths, config, checkworthy_only=args.checkworthy)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(app.CLAIM_CSV_COLUMNS), lineterminator="\n")
    if args.format == "csv":
        writer.writeheader()
    for claims in documents:
        doc = claims.analysis.document
        rows = claims.rows
        if args.format == "json":
            record = {
                "document": {"id": doc.id, "source": doc.source, "title": doc.title},
                "claims": [r.to_dict() for r in rows],
            }
            echo(json.dumps(record, ensure_ascii=False, indent=2))
        elif args.format == "jsonl":
            for rank, r in enumerate(rows, 1):
                line = {"document": doc.id, "rank": rank, **r.to_dict()}
                echo(json.dumps(line, ensure_ascii=False))
        elif args.format == "csv":
            for rank, r in enumerate(rows, 1):
                writer.writerow(csv_safe(r.csv_row(doc.id, rank)))
        else:
            if run.count > 1:
                echo()
            echo(_claims_table(doc.title or doc.source or doc.id, rows))
    language_notes(run)  # "0 claim(s)" of a German text said nothing of why
    for e in run.errors:
        echo(f"unspin: {e}", err=True)
    for message in run.failures:
        echo(f"unspin: {message}", err=True)
    if not run.count:
        echo("unspin: no documents to analyse", err=True)
    return EXIT_PARTIAL if run.errors or run.failures or not run.count else EXIT_OK


def _claims_table(title: str, rows: Sequence[app.ClaimRow]) -> str:
    lines = [f"{title}: {len(rows)} claim(s), most check-worthy first"]
    lines.append(f"{'#':>3} {'score':>5} {'cw':>3}  {'verdict':<13} claim")
    for rank, r in enumerate(rows, 1):
        text = " ".join(r.text.split())
        text = text if len(text) <= 90 else text[:87] + "..."
        cw = "yes" if r.checkworthy else "-"
        lines.append(f"{rank:>3} {r.score_text:>5} {cw:>3}  {r.verdict:<13} {text}")
        for m in r.matches:
            rating = f"“{m.rating}”" if m.rating else "no rating"
            sim = "" if m.similarity is None else f", similarity {m.similarity:.2f}"
            when = f" ({m.review_date})" if m.review_date else ""
            who = m.publisher or "?"
            lines.append(f"{'':>14}fact-check: {who} {rating}{when}{sim} {m.url or ''}".rstrip())
        for m in r.related:
            who = m.publisher or "?"
            lines.append(f"{'':>14}fact-check of a related claim: {who}: {m.differs}")
        for p in r.passages:  # each with where it stands and why it counted
            why = f" ({p['reason']})" if isinstance(p.get("reason"), str) else ""
            lines.append(
                f"{'':>14}evidence: {app.passage_title(p)} ({app.passage_at(p)}) "
                f"{p.get('stance', '')}{why}: {one_line(str(p.get('text', '')), 120)}"
            )
        if not r.passages and r.verdict_detail:
            lines.append(f"{'':>14}why: {one_line(r.verdict_detail, 240)}")
    return "\n".join(lines)
