"""Claims of articles: check-worthiness, fact-check matches and the evidence verdict."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from unspin.app.analyze import AnalyzeRun, Input, analyze_paths
from unspin.app.pipelines import ConfigSource
from unspin.claims.report import CSV_COLUMNS, ClaimRow, claim_rows
from unspin.model import Analysis

__all__ = ["CLAIM_CSV_COLUMNS", "ClaimRow", "DocumentClaims", "list_claims"]

#: The CSV columns of one claim row (:meth:`ClaimRow.csv_row`).
CLAIM_CSV_COLUMNS = CSV_COLUMNS


@dataclass(frozen=True)
class DocumentClaims:
    """One analysed document and its claims, most check-worthy first."""

    analysis: Analysis
    rows: Sequence[ClaimRow]


def list_claims(
    inputs: Iterable[Input], config: ConfigSource = None, *, checkworthy_only: bool = False
) -> tuple[AnalyzeRun, Iterator[DocumentClaims]]:
    """Analyse ``inputs`` and list each document's claims (check-worthiness, fact-check
    matches, verdict); errors and failures collect in the returned run."""
    run = analyze_paths(inputs, config)
    claims = (
        DocumentClaims(a, claim_rows(a, checkworthy_only=checkworthy_only)) for a in run.analyses
    )
    return run, claims
