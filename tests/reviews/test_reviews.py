"""Marks and ratings in a store (migration 6) through the application functions, on
SQLite and PostgreSQL (see conftest): anchoring across an edited version, orphans,
the summary, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.reviews.conftest import ARTICLE, EDITED, URL
from unspin import app
from unspin.model import Analysis, Document
from unspin.pipeline import Pipeline
from unspin.report.audited import AUDITED
from unspin.reviews import EXPORT_COLUMNS, ReviewTable
from unspin.store import ingest, open_store

CLAIM_PRECISION = round(AUDITED["claim"].precision, 4)


def stored(url: str, pipeline: Pipeline, *texts: str) -> list[Analysis]:
    """Ingest ``texts`` (all under the same URL: versions of one article)."""
    docs = [Document(text=t, url=URL, title="Velmora dam") for t in texts]
    with open_store(url) as store:
        ingest(store, docs, pipeline=pipeline)
        return [store.get_analysis(d.id) for d in docs]


def claim(analysis: Analysis, words: str) -> str:
    return next(f.id for f in analysis.findings if f.kind == "claim" and words in f.text)


def test_migration_6_creates_the_review_tables(store_url: str) -> None:
    with open_store(store_url) as store:
        assert 6 in [v for v, _ in store.migrations()]
        assert store.repository(ReviewTable).counts() == (0, 0)


def test_a_mark_is_stored_and_listed_anchored(store_url: str, pipeline: Pipeline) -> None:
    (a,) = stored(store_url, pipeline, ARTICLE)
    fid = claim(a, "dam holds")
    state = app.add_review_mark(
        store_url, a.document.id, fid, "wrong", reviewer="Ana Vik", note="a quote"
    )
    assert state.item.id > 0 and state.item.created and state.counted
    assert state.anchoring.finding is not None and state.anchoring.finding.id == fid
    listed = app.document_reviews(store_url, a.document.id)
    (mark,) = listed.marks
    assert mark.item == state.item
    assert mark.item.anchor.quote == a.get(fid).text
    assert mark.to_dict()["current"] == {
        "state": "anchored",
        "method": "exact",
        "start": a.get(fid).start,
        "end": a.get(fid).end,
        "finding_id": fid,
        "label_changed": False,
    }


def test_marks_survive_an_edit_that_shifts_offsets_and_orphans_are_listed(
    store_url: str, pipeline: Pipeline
) -> None:
    old, new = stored(store_url, pipeline, ARTICLE, EDITED)
    dam = claim(old, "dam holds")
    choir = claim(old, "choir")
    app.add_review_mark(store_url, old.document.id, dam, "correct", reviewer="ana")
    app.add_review_mark(store_url, old.document.id, choir, "wrong", reviewer="ana")
    # the edited version (same URL, new id) carries both marks: one moved, one orphan
    listed = app.document_reviews(store_url, new.document.id)
    by_quote = {s.item.anchor.quote[:10]: s for s in listed.marks}
    moved = by_quote["Mayor Ilsa"]
    assert moved.anchoring.located is not None and moved.anchoring.located.method == "moved"
    now_dam = claim(new, "dam holds")
    assert moved.anchoring.finding is not None and moved.anchoring.finding.id == now_dam
    assert new.get(now_dam).start != old.get(dam).start  # the offsets did shift
    orphan = by_quote["The school"]
    assert orphan.anchoring.orphan
    assert [s.item.id for s in listed.orphans] == [orphan.item.id]
    assert [s.item.id for s in app.review_orphans(store_url, new.document.id)] == [orphan.item.id]
    # in the old version both are still anchored; the store-wide list has no orphan
    assert not app.document_reviews(store_url, old.document.id).orphans
    assert app.review_orphans(store_url) == []


def test_summary_counts_the_newest_mark_per_reviewer_and_finding(
    store_url: str, pipeline: Pipeline
) -> None:
    (a,) = stored(store_url, pipeline, ARTICLE)
    doc = a.document.id
    dam, prices, choir = claim(a, "dam holds"), claim(a, "prices rose"), claim(a, "choir")
    hedge = next(f.id for f in a.findings if f.kind == "hedge")
    app.add_review_mark(store_url, doc, dam, "wrong", reviewer="ana")
    app.add_review_mark(store_url, doc, dam, "correct", reviewer="ana")  # supersedes
    app.add_review_mark(store_url, doc, dam, "correct", reviewer="ben")
    app.add_review_mark(store_url, doc, prices, "correct", reviewer="ana")
    app.add_review_mark(store_url, doc, choir, "wrong", reviewer="ana")
    app.add_review_mark(store_url, doc, hedge, "wrong", reviewer="ben")
    summary = app.review_summary(store_url)
    rows = {(k.kind, k.label): k.to_dict() for k in summary.kinds}
    # claims: 3 correct (ana and ben on dam, ana on prices), 1 wrong (choir)
    assert rows[("claim", "*")] == {
        "kind": "claim",
        "label": "*",
        "marks": 4,
        "correct": 3,
        "wrong": 1,
        "precision": 0.75,
        "orphans": 0,
        "audited_precision": CLAIM_PRECISION,  # unspin's own audit (report.audited)
    }
    labels = {lbl: r for (kind, lbl), r in rows.items() if kind == "claim" and lbl != "*"}
    assert sum(r["marks"] for r in labels.values()) == 4
    assert rows[("hedge", "*")]["precision"] == 0.0
    assert summary.marks == 6 and summary.counted == 5 and summary.reviewers == ["ana", "ben"]
    assert summary.kinds[0].label == "*"  # each kind's total first
    text = app.render_review_summary(summary.kinds)
    assert "claim" in text and "0.750" in text


def test_ratings_are_for_claims_on_a_five_point_scale(store_url: str, pipeline: Pipeline) -> None:
    (a,) = stored(store_url, pipeline, ARTICLE)
    doc, dam = a.document.id, claim(a, "dam holds")
    state = app.add_claim_rating(store_url, doc, dam, 2, reviewer="ana", note="capacity is 2 bn")
    assert (
        state.item.to_dict()["rating"] == "mostly false"
    )  # the scale's label when no text is given
    custom = app.add_claim_rating(store_url, doc, dam, 3, reviewer="ana", rating="Missing context")
    assert custom.item.to_dict()["rating"] == "Missing context"
    listed = app.document_reviews(store_url, doc).ratings
    assert [s.counted for s in listed] == [False, True]
    hedge = next(f.id for f in a.findings if f.kind == "hedge")
    with pytest.raises(app.ReviewError, match="only claims"):
        app.add_claim_rating(store_url, doc, hedge, 3, reviewer="ana")
    with pytest.raises(app.ReviewError, match="from 1 to 5"):
        app.add_claim_rating(store_url, doc, dam, 9, reviewer="ana")


def test_bad_values_and_unknown_targets_are_one_line_errors(
    store_url: str, pipeline: Pipeline
) -> None:
    (a,) = stored(store_url, pipeline, ARTICLE)
    doc, dam = a.document.id, claim(a, "dam holds")
    with pytest.raises(app.ReviewError, match="verdict"):
        app.add_review_mark(store_url, doc, dam, "maybe", reviewer="ana")
    for name in ("", "x" * 65, "<script>", "a\x07b"):
        with pytest.raises(app.ReviewError, match="reviewer"):
            app.add_review_mark(store_url, doc, dam, "wrong", reviewer=name)
    with pytest.raises(app.ReviewError, match="note"):
        app.add_review_mark(store_url, doc, dam, "wrong", reviewer="ana", note="n" * 2001)
    with pytest.raises(app.UnknownTargetError, match="no document"):
        app.add_review_mark(store_url, "f" * 16, dam, "wrong", reviewer="ana")
    with pytest.raises(app.UnknownTargetError, match="no finding"):
        app.add_review_mark(store_url, doc, "claim-0-nothing", "wrong", reviewer="ana")
    with open_store(store_url) as store:
        assert store.repository(ReviewTable).counts() == (0, 0)


def test_exports_every_mark_and_rating(store_url: str, pipeline: Pipeline, tmp_path: Path) -> None:
    (a,) = stored(store_url, pipeline, ARTICLE)
    doc, dam = a.document.id, claim(a, "dam holds")
    app.add_review_mark(store_url, doc, dam, "wrong", reviewer="ana", note="=HYPERLINK(1)")
    app.add_claim_rating(store_url, doc, dam, 1, reviewer="ben", rating="False")
    out = io.StringIO()
    assert app.export_reviews(store_url, out, fmt="jsonl") == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [x["type"] for x in lines] == ["mark", "rating"]
    assert lines[0]["verdict"] == "wrong" and lines[0]["anchor"]["quote"] == a.get(dam).text
    assert lines[1]["scale"] == 1 and lines[1]["best"] == 5
    assert lines[0]["current"]["state"] == "anchored"
    path = tmp_path / "reviews.csv"
    assert app.export_reviews(store_url, path, fmt="csv") == 2
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert rows[0]["note"] == "'=HYPERLINK(1)"  # never a formula
    assert rows[0]["quote"] == a.get(dam).text and rows[0]["state"] == "anchored"
    assert rows[1]["type"] == "rating" and rows[1]["rating"] == "False"
    assert list(rows[0]) == list(EXPORT_COLUMNS) and rows[0]["counted"] == "True"
