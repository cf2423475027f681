"""``unspin evidence add|search``: trusted documents as evidence passages for verdicts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from unspin import app
from unspin.cli.common import (
    EXIT_OK,
    EXIT_PARTIAL,
    WITH_EPILOG,
    Commands,
    batch_size_option,
    config_backbone_options,
    db_option,
    echo,
    group,
    limit_option,
    max_bytes_option,
    nothing_found,
    paths_argument,
    search_text,
)


def add_evidence_commands(sub: Commands) -> None:
    """``unspin evidence add`` and ``unspin evidence search``."""
    commands = group(
        sub,
        "evidence",
        "evidence_command",
        help="index trusted documents as evidence passages for verdicts",
        description="An evidence store (the tables of store migration 4): trusted documents "
        "split into passages with offsets, a full-text index and MiniLM embeddings. The "
        "verdicts analyzer ([analyzers.verdicts] db = URL) retrieves them for each claim.",
    )
    a = commands.add_parser(
        "add",
        help="index trusted documents as passages (idempotent)",
        description="Split documents (text, Markdown, HTML, JSON Lines) into passages (one "
        "per sentence) and store them with offsets, a full-text index and embeddings. "
        "A document already stored (same text) is skipped; a file that cannot be read is "
        "reported in one line and the rest goes on.",
        **WITH_EPILOG,
    )
    paths_argument(a)
    db_option(a)
    config_backbone_options(a)
    max_bytes_option(a)
    batch_size_option(a, 32, "documents parsed, embedded and written per transaction")
    a.add_argument("-q", "--quiet", action="store_true", help="no summary")
    a.set_defaults(func=cmd_evidence_add)

    s = commands.add_parser(
        "search",
        help="the evidence passages a claim would be checked against",
        description="Rank stored evidence passages for a claim: keyword and embedding "
        "rankings fused by reciprocal rank fusion, with the cosine similarity of each.",
    )
    s.add_argument("claim", metavar="CLAIM", type=search_text)
    db_option(s)
    s.add_argument("-c", "--config", type=Path, metavar="FILE", help="a TOML config file")
    s.add_argument(
        "--backbone",
        choices=("spacy", "fake"),
        help="encoder of the claim (default: the one the store's passages were embedded "
        "with; another one is refused)",
    )
    limit_option(s, 5, "passages")
    s.add_argument("-f", "--format", choices=("text", "json"), default="text")
    s.set_defaults(func=cmd_evidence_search)


def cmd_evidence_add(args: argparse.Namespace) -> int:
    result = app.add_evidence(
        args.db,
        args.paths,
        config=args.config,
        backbone=args.backbone,
        batch_size=args.batch_size,
        max_bytes=args.max_bytes,
    )
    report = result.report
    if not args.quiet:
        echo(
            f"evidence: {report.added} document(s) added ({report.passages} passages), "
            f"{report.skipped} already stored, {len(report.errors)} error(s) in "
            f"{report.seconds:.1f}s; {result.url} holds {result.documents} document(s), "
            f"{result.passages} passage(s)",
            err=True,
        )
    for error in report.errors:  # as analyze names them: no exception class
        echo(f"unspin: {error.source}: {error.message}", err=True)
    return EXIT_PARTIAL if report.errors else EXIT_OK


def cmd_evidence_search(args: argparse.Namespace) -> int:
    hits = app.search_evidence(
        args.db, args.claim, config=args.config, backbone=args.backbone, limit=args.limit
    )
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
            echo(json.dumps(record, ensure_ascii=False))
            continue
        where = " ".join(x for x in (p.title, p.source or p.url) if x)
        span = f"{p.document_id} [{p.start}:{p.end}]"
        echo(f"{n:>2}. {h.score:.4f} cos {h.similarity:.3f}  {span}  {where}")
        echo(f"    {' '.join(p.text.split())}")
    if not hits:
        echo(f"unspin: {nothing_found(args.db, 'passages')}", err=True)
    return EXIT_OK
