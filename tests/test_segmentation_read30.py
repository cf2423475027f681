"""Session 30's reading of real pages: a page's "take our poll - story continues below"
was glued to the sentence before it (a lower-case line goes on the paragraph) or to the
poll's question after it, and the whole scored as a claim; labels such as
"Advertisement", "Read more: ...", "Related: ..." and the comments' widget ("12 comments")
are page furniture too, and so is a teaser of another article whose headline runs into
its date in capitals. A credit on a line of its own after a dash ("–The Harbour Ledger")
or an agency's credits in parentheses ("(Reporting by ...; Editing by ...)") was read as
a paragraph. Texts written for this file."""

from __future__ import annotations

import pytest

from tests.segmentation_blocks import Expected, sentences
from unspin.nlp import Backbone, FakeBackbone


def F(s: str) -> tuple[str, str]:
    return ("furniture", s)


def B(s: str) -> tuple[str, str]:
    return ("byline", s)


CASES: list[tuple[str, str, Expected]] = [
    (
        "a-share-button-label-is-furniture",
        "The ferry runs hourly.\n>Share this story on Facebook\nSHARE THIS ARTICLE\n"
        "Share prices in Varn rose on Monday.",
        [
            "The ferry runs hourly.",
            F(">Share this story on Facebook"),
            F("SHARE THIS ARTICLE"),
            "Share prices in Varn rose on Monday.",
        ],
    ),
    (
        "a-poll-line-glued-below-a-sentence-is-furniture",
        "Mayor Edda Pilkvist opened the harbour bridge on Monday.\ntake our poll - story "
        "continues below\nThe bridge cost 40 million crowns.",
        [
            "Mayor Edda Pilkvist opened the harbour bridge on Monday.",
            F("take our poll - story continues below"),
            "The bridge cost 40 million crowns.",
        ],
    ),
    (
        "a-poll-line-glued-above-its-question-takes-the-question-and-its-repeats",
        "The ferry runs hourly.\ntake our poll - story continues below Should the bridge "
        "charge a toll?\nShould the bridge charge a toll?\nCritics said the toll was high.",
        [
            "The ferry runs hourly.",
            F("take our poll - story continues below"),
            F("Should the bridge charge a toll?"),
            F("Should the bridge charge a toll?"),
            "Critics said the toll was high.",
        ],
    ),
    (
        "story-continues-below-inside-a-line-is-cut-out",
        "The toll starts in May. Story continues below The council meets on Friday.\n"
        "It will vote then.",
        [
            "The toll starts in May.",
            F("Story continues below"),
            "The council meets on Friday.",
            "It will vote then.",
        ],
    ),
    (
        "page-labels-on-lines-of-their-own-are-furniture",
        "The ferry runs hourly.\nAdvertisement\nThe toll starts in May.\nRead more: Harbour "
        "toll splits council\nRelated: Ferry fares rise again\nStory continues below the "
        "video.\nThe vote is on Friday.",
        [
            "The ferry runs hourly.",
            F("Advertisement"),
            "The toll starts in May.",
            F("Read more: Harbour toll splits council"),
            F("Related: Ferry fares rise again"),
            F("Story continues below the video."),
            "The vote is on Friday.",
        ],
    ),
    (
        "teasers-of-other-articles-run-into-their-dates-are-furniture",
        "The council voted for the toll.\nRELATED COVERAGE\n\nMayor Edda Pilkvist at the "
        "harbour in 2012.Ferry Union Threatens Strike Over TollSEPT. 2, 2014\nPort Council "
        "Bans Night FerriesJULY 29, 2014\nThe vote ends on July 29, 2014, the clerk said.",
        [
            "The council voted for the toll.",
            F("RELATED COVERAGE"),
            F(
                "Mayor Edda Pilkvist at the harbour in 2012.Ferry Union Threatens Strike Over "
                "TollSEPT. 2, 2014"
            ),
            F("Port Council Bans Night FerriesJULY 29, 2014"),
            "The vote ends on July 29, 2014, the clerk said.",
        ],
    ),
    (
        "the-comments-widget-is-furniture",
        "The ferry runs hourly.\nAdd a comment\n12 comments\nSorry we are not currently "
        "accepting comments on this article.\nReaders commented on the toll all week.",
        [
            "The ferry runs hourly.",
            F("Add a comment"),
            F("12 comments"),
            F("Sorry we are not currently accepting comments on this article."),
            "Readers commented on the toll all week.",
        ],
    ),
    (
        "a-story-that-continues-below-the-surface-is-prose",
        "The ferry runs hourly.\nThe diver said the story continues below the surface.\n"
        "Readers can read more about it.",
        [
            "The ferry runs hourly.",
            "The diver said the story continues below the surface.",
            "Readers can read more about it.",
        ],
    ),
    (
        "a-dash-led-credit-at-the-end-is-a-byline",
        "Harbour toll splits council\n\nThe council voted 5-2 for the toll.\n–The Harbour Ledger",
        [
            ("title", "Harbour toll splits council"),
            "The council voted 5-2 for the toll.",
            B("–The Harbour Ledger"),
        ],
    ),
    (
        "a-dash-led-credit-under-a-passage-is-a-byline",
        "The ferry runs hourly.\n- Harbour Ledger staff\nThe toll starts in May.",
        ["The ferry runs hourly.", B("- Harbour Ledger staff"), "The toll starts in May."],
    ),
    (
        "an-agencys-credits-in-parentheses-are-a-byline",
        "The ferry runs hourly, the port said.\n(Reporting by Edda Pilkvist; Editing by "
        "Tomas Lind)",
        [
            "The ferry runs hourly, the port said.",
            B("(Reporting by Edda Pilkvist; Editing by Tomas Lind)"),
        ],
    ),
    (
        "an-agencys-credits-ending-the-last-paragraphs-line-are-a-byline",
        "The ferry runs hourly.\nThe port said so. (Additional reporting by Edda Pilkvist; "
        "Editing by Tomas Lind)\nThe vote is on Friday (reporting by the clerk).",
        [
            "The ferry runs hourly.",
            "The port said so.",
            B("(Additional reporting by Edda Pilkvist; Editing by Tomas Lind)"),
            "The vote is on Friday (reporting by the clerk).",
        ],
    ),
    (
        "a-list-of-names-stays-a-list",
        "Three towns signed:\n- North Vale\n- Harbour Ledge",
        ["Three towns signed:", ("list_item", "North Vale"), ("list_item", "Harbour Ledge")],
    ),
    (
        "a-dash-led-sentence-stays-body",
        "The ferry runs hourly.\n— Critics said the toll was high.",
        ["The ferry runs hourly.", "— Critics said the toll was high."],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fake_backbone(name: str, text: str, expected: Expected) -> None:
    assert sentences(FakeBackbone(), text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_spacy_backbone(backbone: Backbone, name: str, text: str, expected: Expected) -> None:
    assert sentences(backbone, text) == expected


def test_a_poll_line_is_no_claim(fake_backbone: Backbone) -> None:
    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.pipeline import Pipeline

    text = (
        "Mayor Edda Pilkvist opened the harbour bridge on Monday.\ntake our poll - story "
        "continues below\nShould the bridge charge a toll?\nThe bridge cost 40 million crowns."
    )
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=fake_backbone, analyzers=[ClaimsAnalyzer()]
    )
    claims = [c.text for c in pipe.analyze(Document(text)).by_kind("claim")]
    assert "take our poll" not in " ".join(claims)
    assert "Should the bridge charge a toll?" not in claims
