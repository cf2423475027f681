"""``unspin corpus link|contradictions|quotes|propagation|report``: cross-document links."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
from pathlib import Path
from typing import TextIO

from unspin import app
from unspin.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    Commands,
    batch_size_option,
    choices,
    db_option,
    echo,
    engine_options,
    output_stream,
    positive_int,
    progress_bar,
    progress_options,
    report_formats_option,
    score,
    wants_progress,
)
from unspin.report import csv_safe


def _link_list_options(p: argparse.ArgumentParser) -> None:
    db_option(p)
    p.add_argument("--document", metavar="ID", help="only links involving this document")
    p.add_argument(
        "--min-score", type=score, default=0.0, metavar="X", help="only links scoring X or more"
    )
    p.add_argument("-n", "--limit", type=positive_int, metavar="N", help="at most N links")
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
    _experimental_option(p)


def _experimental_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--experimental",
        action="store_true",
        help="also list the link kinds whose precision audited on real news is under 0.8 "
        "(left out by default, and named with their figures after the listing)",
    )


def add_link_commands(commands: Commands) -> None:
    k = commands.add_parser(
        "link",
        help="compare the stored documents not compared yet (contradictions, quotes, passages)",
        description="Compare each stored document not linked yet with the documents already "
        "linked (blocking keys and MinHash LSH bands kept in the store) and store the links. "
        "Incremental: a rerun compares only new documents.",
    )
    db_option(k)
    k.add_argument(
        "--what",
        type=choices(app.COMPARISONS, "comparison"),
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
    batch_size_option(k, 100, "documents per transaction")
    engine_options(
        k,
        "with --engine ray: the CPUs of the local cluster started for the run (default: "
        "this machine's); the comparisons are sharded by blocking key, four shards per CPU",
    )
    progress_options(k, "when stderr is a terminal")
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
        type=choices(app.CONTRADICTION_KINDS, "kind"),
        action="extend",
        dest="kinds",
        metavar="KIND",
        help="contradiction, compatible, update, restatement, differs; repeat or "
        "comma-separate (default: those whose audited precision meets 0.8, or every one "
        "with --experimental; a kind named here is listed either way)",
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
        type=choices(app.DRIFTS, "drift"),
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
    db_option(r)
    r.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="write here")
    report_formats_option(r, "html (default), md or json; repeat or comma-separate")
    r.add_argument(
        "--linked",
        action="store_true",
        help="also write the reports of the documents the given ones link to",
    )
    r.add_argument(
        "--no-link", action="store_true", help="do not compare documents not compared yet"
    )
    _experimental_option(r)
    r.set_defaults(func=cmd_corpus_report)


def _show_run(args: argparse.Namespace, run: app.LinkRun | None, url: str) -> None:
    if run is not None and run.documents and not getattr(args, "quiet", False):
        echo(app.render_run(run, url), err=True)


def cmd_corpus_link(args: argparse.Namespace) -> int:
    try:
        with progress_bar(wants_progress(args), "linking") as on_progress:
            result = app.link_corpus(
                args.db,
                what=args.what,
                rebuild=args.rebuild,
                batch_size=args.batch_size,
                on_progress=on_progress,
                engine=args.engine,
                address=args.address,
                workers=args.workers,
            )
    except KeyboardInterrupt:
        echo(
            "unspin: interrupted; the documents already linked are kept, and a rerun "
            "goes on with the rest",
            err=True,
        )
        return EXIT_INTERRUPTED
    _show_run(args, result.run, result.url)
    if not result.run.documents and not args.quiet:
        echo("unspin: every document is linked already (--rebuild to link them again)", err=True)
    return EXIT_OK


def cmd_corpus_links(args: argparse.Namespace) -> int:
    """``unspin corpus contradictions``, ``quotes`` and ``propagation``."""
    view: str = args.view
    count = 0
    with contextlib.ExitStack() as stack:
        with contextlib.ExitStack() as bar:  # closed once linking is done, as listing starts
            on_progress = bar.enter_context(
                progress_bar(wants_progress(args) and not args.no_link, "linking")
            )
            listing = stack.enter_context(
                app.list_links(
                    args.db,
                    view,
                    kinds=getattr(args, "kinds", None),
                    document=args.document,
                    min_score=args.min_score,
                    drift=getattr(args, "drift", None) or (),
                    limit=args.limit,
                    link=not args.no_link,
                    on_progress=on_progress,
                    experimental=args.experimental,
                )
            )
        _show_run(args, listing.run, listing.url)
        with output_stream(args.output) as out:
            count = _write_links(out, listing, view, args.format)
    if not count:
        echo(f"unspin: no {view} links", err=True)
    elif args.output is not None:
        echo(f"wrote {count:,} link(s) to {args.output}", err=True)
    if listing.left_out:
        echo(app.render_left_out(listing.left_out), err=True)
    return EXIT_OK


def _write_links(out: TextIO, listing: app.LinkListing, view: str, fmt: str) -> int:
    count = 0
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=app.LINK_COLUMNS[view])
        writer.writeheader()
    elif fmt == "json":
        out.write("[")
    for link in listing.links:
        if writer is not None:
            writer.writerow(csv_safe(app.link_row(link, view)))
        elif fmt == "jsonl":
            out.write(json.dumps(link.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            out.write(
                ("," if count else "") + "\n  " + json.dumps(link.to_dict(), ensure_ascii=False)
            )
        else:
            block = app.render_link(link, view, context=listing.context)
            out.write(("\n" if count else "") + block + "\n")
        count += 1
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def cmd_corpus_report(args: argparse.Namespace) -> int:
    with progress_bar(wants_progress(args) and not args.no_link, "linking") as on_progress:
        result = app.write_corpus_reports(
            args.db,
            args.output,
            ids=args.ids,
            every=args.all,
            formats=args.formats or ["html"],
            linked=args.linked,
            link=not args.no_link,
            on_progress=on_progress,
            experimental=args.experimental,
        )
    _show_run(args, result.run, result.url)
    echo(f"wrote {result.written:,} report file(s) to {args.output}", err=True)
    return EXIT_OK
