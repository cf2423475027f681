"""Reading ClaimReview from JSON-LD pages, Fact Check Tools API JSON and CSV (invented data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.errors import InputError
from unspin.factchecks import (
    ClaimReview,
    ClaimReviewError,
    iter_claimreviews,
    load_claimreviews,
    parse_csv,
    parse_html,
    parse_jsonld,
    parse_text,
)

REVIEW_LD = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checkers.example/velmora-dam",
    "claimReviewed": "The Velmora dam holds 3 billion litres of water.",
    "headline": "No, the Velmora dam does not hold 3 billion litres",
    "datePublished": "2024-02-03T10:00:00Z",
    "inLanguage": "en",
    "author": {
        "@type": "Organization",
        "name": "Example Checks",
        "url": "https://checkers.example",
    },
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": "2",
        "bestRating": "5",
        "worstRating": "1",
        "alternateName": "Mostly false",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Ilsa Varn"},
        "datePublished": "2024-01-30",
    },
}


def page(*blocks: object) -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{b if isinstance(b, str) else json.dumps(b)}</script>'
        for b in blocks
    )
    return f"<html><head><title>t</title>{scripts}</head><body><p>Body.</p></body></html>"


def reviews(items: list[ClaimReview | ClaimReviewError]) -> list[ClaimReview]:
    return [x for x in items if isinstance(x, ClaimReview)]


def errors(items: list[ClaimReview | ClaimReviewError]) -> list[ClaimReviewError]:
    return [x for x in items if isinstance(x, ClaimReviewError)]


# -- JSON-LD --------------------------------------------------------------------------


def test_jsonld_in_a_page_gives_every_field() -> None:
    (r,) = list(parse_html(page(REVIEW_LD), source="dam.html"))
    assert isinstance(r, ClaimReview)
    assert r.claim == "The Velmora dam holds 3 billion litres of water."
    assert r.publisher == "Example Checks"
    assert r.publisher_site == "checkers.example"
    assert r.rating == "Mostly false"
    assert (r.rating_value, r.best_rating, r.worst_rating) == (2.0, 5.0, 1.0)
    assert r.rating_score == pytest.approx(0.25)
    assert r.review_date == "2024-02-03"
    assert r.claimant == "Ilsa Varn"
    assert r.claim_date == "2024-01-30"
    assert r.url == "https://checkers.example/velmora-dam"
    assert r.title == "No, the Velmora dam does not hold 3 billion litres"
    assert r.language == "en"
    assert r.source == "dam.html"


def test_graph_lists_nesting_and_id_references() -> None:
    second = {**REVIEW_LD, "url": "https://checkers.example/b", "claimReviewed": "Claim B."}
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Graph Checks"},
            {"@type": "WebPage", "mainEntity": {**REVIEW_LD, "author": {"@id": "#org"}}},
        ],
    }
    html = page(graph, [second], "<!-- not json -->")
    found = list(parse_html(html, source="p.html"))
    got = reviews(found)
    assert [r.claim for r in got] == [REVIEW_LD["claimReviewed"], "Claim B."]
    assert got[0].publisher == "Graph Checks"
    assert len(errors(found)) == 1  # the comment-only block is not JSON


def test_type_lists_and_prefixed_types_and_old_style_items() -> None:
    node = {
        **REVIEW_LD,
        "@type": ["schema:ClaimReview"],
        "itemReviewed": {"@type": "CreativeWork", "author": {"name": "Old Style"}},
        "reviewRating": {"ratingValue": 1, "alternateName": "False"},
    }
    (r,) = reviews(list(parse_jsonld(json.dumps(node))))
    assert r.claimant == "Old Style"
    assert r.rating == "False"
    assert r.rating_score is None  # no scale given, no rescaling invented


def test_page_without_claimreview_and_broken_block_are_one_line_errors() -> None:
    found = list(parse_html(page({"@type": "NewsArticle", "headline": "x"}), source="a.html"))
    (err,) = found
    assert isinstance(err, ClaimReviewError)
    assert isinstance(err, InputError)
    assert "\n" not in str(err)
    assert str(err).startswith("a.html: no schema.org ClaimReview")
    broken = list(parse_html(page('{"@type": "ClaimReview", '), source="b.html"))
    assert any("invalid JSON-LD" in str(e) and "b.html" in str(e) for e in errors(broken))


def test_claimreview_without_claim_text_is_reported_and_the_rest_kept() -> None:
    bad = {k: v for k, v in REVIEW_LD.items() if k != "claimReviewed"}
    bad["itemReviewed"] = {"@type": "Claim"}
    found = list(parse_jsonld(json.dumps([bad, REVIEW_LD]), source="x.json"))
    assert len(reviews(found)) == 1
    (err,) = errors(found)
    assert "claimReviewed" in str(err) and "x.json" in str(err)


# -- Fact Check Tools API ---------------------------------------------------------------

API = {
    "claims": [
        {
            "text": "Drinking seawater cures the flu.",
            "claimant": "a viral post",
            "claimDate": "2023-11-01T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Sea Facts", "site": "seafacts.example"},
                    "url": "https://seafacts.example/seawater",
                    "title": "Seawater does not cure the flu",
                    "reviewDate": "2023-11-04T00:00:00Z",
                    "textualRating": "False",
                    "languageCode": "en",
                },
                {
                    "publisher": {"name": "Other Check"},
                    "url": "https://other.example/flu",
                    "textualRating": "Pants on fire",
                },
            ],
        },
        {"text": "No reviews here.", "claimReview": []},
        "not an object",
    ],
    "nextPageToken": "abc",
}


def test_api_response_gives_one_record_per_review() -> None:
    found = list(parse_jsonld(json.dumps(API), source="api.json"))
    first, second = reviews(found)
    assert first.claim == "Drinking seawater cures the flu."
    assert first.claimant == "a viral post"
    assert first.claim_date == "2023-11-01"
    assert first.publisher == "Sea Facts"
    assert first.publisher_site == "seafacts.example"
    assert first.rating == "False"
    assert first.review_date == "2023-11-04"
    assert first.language == "en"
    assert first.title == "Seawater does not cure the flu"
    assert first.source == "api.json"
    assert second.publisher_site == "other.example"  # from the URL
    assert second.rating == "Pants on fire"
    messages = [str(e) for e in errors(found)]
    assert messages == [
        "api.json claims[1]: a claim without claimReview entries",
        "api.json claims[2]: a claim that is not an object",
    ]


def test_api_single_claim_list_of_responses_and_json_lines() -> None:
    claim = API["claims"][0]  # type: ignore[index]
    assert len(reviews(list(parse_jsonld(json.dumps(claim))))) == 2
    assert len(reviews(list(parse_jsonld(json.dumps([API, API]))))) == 4
    lines = "\n".join([json.dumps(claim), "{oops", json.dumps(REVIEW_LD)])
    found = list(parse_text(lines, kind="jsonl", source="f.jsonl"))
    assert len(reviews(found)) == 3
    assert [str(e).split(":")[:2] for e in errors(found)] == [["f.jsonl", "2"]]


# -- CSV ------------------------------------------------------------------------------


def test_csv_with_aliased_columns_and_bad_rows() -> None:
    text = (
        "Claim Reviewed,Fact Checker,Textual Rating,Review Date,URL,Rating Value,Best Rating,"
        "Worst Rating,Claimant,Language\n"
        "The tram line cost €40m.,Tram Checks,Half true,03/02/2024,https://tram.example/1,3,5,1,"
        "Councillor Obi,en\n"
        ",Tram Checks,False,,,,,,,\n"
        "Another claim.,Tram Checks,False,2024-01-01,https://tram.example/2,high,5,1,,\n"
        "\n"
    )
    found = list(parse_csv(text, source="t.csv"))
    (r,) = reviews(found)
    assert r.claim == "The tram line cost €40m."
    assert r.publisher == "Tram Checks"
    assert r.publisher_site == "tram.example"
    assert r.rating == "Half true"
    assert r.rating_score == pytest.approx(0.5)
    assert r.claimant == "Councillor Obi"
    assert [str(e) for e in errors(found)] == [
        "t.csv:3: empty claim",
        "t.csv:4: rating_value 'high' is not a number",
    ]


def test_csv_without_claim_column_is_one_error() -> None:
    (err,) = list(parse_csv("publisher,rating\nA,False\n", source="x.csv"))
    assert isinstance(err, ClaimReviewError)
    assert "claim column" in str(err)


# -- files ----------------------------------------------------------------------------


def test_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(page(REVIEW_LD), encoding="utf-8")
    (tmp_path / "api.json").write_text(json.dumps(API), encoding="utf-8")
    (tmp_path / "list.csv").write_text("claim,rating\nA short claim here.,False\n", "utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    dup = tmp_path / "sub"
    dup.mkdir()
    (dup / "again.html").write_text(page(REVIEW_LD), encoding="utf-8")
    got, errs = load_claimreviews(tmp_path)
    seawater = "Drinking seawater cures the flu."
    assert sorted(r.claim for r in got) == sorted(  # the page seen twice is kept once
        [REVIEW_LD["claimReviewed"], seawater, seawater, "A short claim here."]
    )
    messages = [str(e) for e in errs]
    assert any(m.endswith("empty.csv: empty file") for m in messages)
    assert any("claims[1]" in m for m in messages)
    assert not any(".hidden" in m or "notes.txt" in m for m in messages)
    missing = list(iter_claimreviews(tmp_path / "nope.json"))
    assert [str(e) for e in missing] == [f"{tmp_path / 'nope.json'}: no such file or directory"]


def test_ids_are_stable_and_records_round_trip() -> None:
    (a,) = reviews(list(parse_jsonld(json.dumps(REVIEW_LD))))
    (b,) = reviews(list(parse_html(page(REVIEW_LD))))
    assert a.id == b.id
    assert ClaimReview.from_dict(a.to_dict()) == a
    with pytest.raises(ValueError):
        ClaimReview(claim="  ")


def test_script_tags_in_other_spellings_are_read() -> None:
    body = json.dumps(REVIEW_LD)
    for tag in (
        "<script type='application/ld+json; charset=utf-8'>",
        '<script id="ld" data-x="1" TYPE="application/ld+json">',
        "<script type=application/ld+json>",
    ):
        html = f"<html><head>{tag}{body}</script></head></html>"
        assert len(reviews(list(parse_html(html)))) == 1, tag
    assert errors(list(parse_html('<script type="text/javascript">{"@type": 1}</script>')))
