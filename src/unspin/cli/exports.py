"""The standard formats of ``unspin corpus export`` (W3C Web Annotation, brat, Label
Studio, Parquet, ClaimReview): their options and command (``cli/corpus.py`` hooks them
into ``corpus export``)."""

from __future__ import annotations

import argparse

from unspin import app
from unspin.cli.common import EXIT_OK, echo
from unspin.errors import ConfigError

__all__ = [
    "STANDARD_FORMATS",
    "add_standard_export_options",
    "cmd_standard_export",
    "reject_standard_options",
]

#: ``app.STANDARD_FORMATS``, spelled out so that building the parser imports nothing.
STANDARD_FORMATS = ("webannotation", "brat", "labelstudio", "parquet", "claimreview")


def add_standard_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--label", metavar="LABEL", help="standard formats: only findings with this label"
    )
    p.add_argument("--document", metavar="ID", help="standard formats: only this document")
    p.add_argument(
        "--reviewer",
        metavar="ORG",
        help="-f claimreview: whose claim ratings to publish (required; the ClaimReview "
        "author); only claims this reviewer rated are exported",
    )


def reject_standard_options(args: argparse.Namespace) -> None:
    """A one-line error when an option of the standard formats comes with jsonl or csv."""
    for option in ("label", "document", "reviewer"):
        if getattr(args, option, None) is not None:
            raise ConfigError(
                f"--{option} applies to -f {', '.join(STANDARD_FORMATS)} only "
                f"(not -f {args.format})"
            )


def cmd_standard_export(args: argparse.Namespace, filters: app.Filters) -> int:
    """``corpus export`` in a standard format, with the filters of ``corpus export``."""
    fmt = args.format
    exported = "a reviewer's claim ratings" if fmt == "claimreview" else "findings"
    if args.what == "documents" or (args.what == "reviews" and fmt != "claimreview"):
        raise ConfigError(
            f"-f {fmt} exports {exported}, not {args.what}: leave --what out "
            f"({args.what} go out as -f jsonl or csv)"
        )
    if fmt == "claimreview":
        if args.label is not None or args.document is not None:
            raise ConfigError("-f claimreview exports ratings: --label and --document do not apply")
        count = app.export_claimreviews(args.db, args.output, reviewer=args.reviewer)
        echo(f"exported {count.findings:,} claim reviews by {args.reviewer}", err=True)
        if not count.findings:
            echo(
                f"unspin: {args.reviewer} rated no claim in this store ("
                + (
                    f"claims were rated by: {', '.join(count.raters)}"
                    if count.raters
                    else "rate claims on a stored document's page in 'unspin serve'"
                )
                + ")",
                err=True,
            )
        return EXIT_OK
    if args.reviewer is not None:
        raise ConfigError("--reviewer applies to -f claimreview only")
    count = app.export_findings_as(
        args.db,
        args.output,
        fmt,
        filters=filters,
        label=args.label,
        document=args.document,
    )
    echo(
        f"exported {count.findings:,} findings of {count.documents:,} documents ({fmt})",
        err=True,
    )
    if fmt == "labelstudio" and args.output is not None:
        echo(f"labeling configuration: {app.label_config_path(args.output)}", err=True)
    if args.label is not None and not count.findings:
        kind = args.label in app.FINDING_KINDS
        echo(
            f"unspin: no finding with the label {args.label!r} was exported"
            + (
                f" ({args.label!r} is a kind: use --kind; a label is what follows the kind, "
                "as in quote:named_person)"
                if kind
                else " (labels are what follows the kind, as in quote:named_person)"
            ),
            err=True,
        )
    return EXIT_OK
