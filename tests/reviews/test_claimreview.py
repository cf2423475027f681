"""``corpus export -f claimreview --reviewer ORG``: one reviewer's own claim ratings as
schema.org ClaimReview; expanded by pyld with a minimal schema.org context served
offline, and read back by unspin's own ClaimReview importer. Only claims that reviewer
rated are written (the newest rating of each); nothing is invented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from tests.reviews.conftest import ARTICLE, URL
from unspin import app
from unspin.cli import main
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.parse import parse_jsonld
from unspin.model import Document
from unspin.pipeline import Pipeline
from unspin.store import ingest, open_store

SCHEMA = "http://schema.org/"


def _schema_loader(url: str, options: Any = None) -> dict[str, Any]:
    """schema.org's context, reduced to its vocabulary, never fetched."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"no network in tests: {url}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


@pytest.fixture
def db(tmp_path: Path, pipeline: Pipeline) -> tuple[Path, Document]:
    """Ana rates two claims (the first twice: the newest counts), Bo rates one."""
    path = tmp_path / "corpus.db"
    doc = Document(
        text=ARTICLE, url=URL, title="Velmora dam", outlet="Velmora Times", published="2026-02-01"
    )
    with open_store(path) as store:
        ingest(store, [doc], pipeline=pipeline)
        analysis = store.get_analysis(doc.id)
    claims = {f.text[:10]: f.id for f in analysis.findings if f.kind == "claim"}
    app.add_claim_rating(path, doc.id, claims["Mayor Ilsa"], 4, reviewer="Ana Desk")
    app.add_claim_rating(
        path, doc.id, claims["Mayor Ilsa"], 2, reviewer="Ana Desk", rating="Overstated", note="n"
    )
    app.add_claim_rating(path, doc.id, claims["Officials "], 1, reviewer="Ana Desk")
    app.add_claim_rating(path, doc.id, claims["Officials "], 5, reviewer="Bo")
    return path, doc


def _export(db: Path, *args: str) -> int:
    return main(
        ["corpus", "export", "--what", "findings", "-f", "claimreview", *args, "--db", str(db)]
    )


def test_only_the_reviewers_own_ratings_round_trip(
    db: tuple[Path, Document], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, doc = db
    out = tmp_path / "reviews.jsonld"
    assert _export(path, "--reviewer", "Ana Desk", "-o", str(out)) == 0
    assert "exported 2 claim reviews by Ana Desk" in capsys.readouterr().err
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert len(reviews) == 2
    expanded = [jsonld.expand(r, {"documentLoader": _schema_loader})[0] for r in reviews]
    by_claim = {e[f"{SCHEMA}claimReviewed"][0]["@value"]: e for e in expanded}
    rated = {f.text: f for f in app.document_analysis(path, doc.id).findings if f.kind == "claim"}
    assert set(by_claim) <= set(rated)  # each claim is the text of a stored claim
    mayor = by_claim[next(t for t in by_claim if t.startswith("Mayor Ilsa"))]
    f = rated[mayor[f"{SCHEMA}claimReviewed"][0]["@value"]]
    assert doc.text[f.start : f.end] == mayor[f"{SCHEMA}claimReviewed"][0]["@value"]
    assert mayor["@type"] == [f"{SCHEMA}ClaimReview"]
    rating = mayor[f"{SCHEMA}reviewRating"][0]
    assert {k.removeprefix(SCHEMA): v[0]["@value"] for k, v in rating.items() if k != "@type"} == {
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Overstated",
    }
    author = mayor[f"{SCHEMA}author"][0]
    assert author["@type"] == [f"{SCHEMA}Organization"]
    assert author[f"{SCHEMA}name"][0]["@value"] == "Ana Desk"
    appearance = mayor[f"{SCHEMA}itemReviewed"][0][f"{SCHEMA}appearance"][0]
    assert appearance[f"{SCHEMA}url"][0]["@value"] == URL
    assert appearance[f"{SCHEMA}headline"][0]["@value"] == "Velmora dam"
    assert mayor[f"{SCHEMA}datePublished"][0]["@value"][:4].isdigit()
    assert mayor[f"{SCHEMA}reviewBody"][0]["@value"] == "n"
    officials = next(e for t, e in by_claim.items() if t.startswith("Officials"))
    assert officials[f"{SCHEMA}reviewRating"][0][f"{SCHEMA}alternateName"][0]["@value"] == "false"

    loaded = list(parse_jsonld(out.read_text(encoding="utf-8"), source=str(out)))
    assert all(isinstance(x, ClaimReview) for x in loaded)
    assert sorted((x.rating, x.rating_value, x.publisher) for x in loaded) == [  # type: ignore[union-attr]
        ("Overstated", 2.0, "Ana Desk"),
        ("false", 1.0, "Ana Desk"),
    ]


def test_a_reviewer_without_ratings_exports_nothing(
    db: tuple[Path, Document], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(db[0], "--reviewer", "Cy") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "exported 0 claim reviews by Cy" in captured.err
    # a misspelt name is not left to look like a reviewer who rated nothing: who did rate
    assert "Cy rated no claim in this store (claims were rated by: Ana Desk, Bo)" in captured.err


def test_the_reviewer_is_required(
    db: tuple[Path, Document], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(db[0]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "unspin: error: -f claimreview exports one reviewer's own ratings: name them with "
        "--reviewer ORG"
    )


def test_a_reviewer_name_that_is_no_name_is_a_usage_error(
    db: tuple[Path, Document], capsys: pytest.CaptureFixture[str]
) -> None:
    """A --reviewer the review loop could never have stored ('<b>Ana</b>') is a bad option
    value: one line naming the option, exit 2, as a missing --reviewer is."""
    assert _export(db[0], "--reviewer", "<b>Ana</b>") == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "unspin: error: --reviewer '<b>Ana</b>': the reviewer name may hold letters, digits, "
        "spaces and . _ - @ ' only"
    )
