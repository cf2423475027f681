"""Copy-paste propagation: near-duplicate passages across outlets, earliest first."""

from __future__ import annotations

import pytest

from tests.corpus.articles import PROPAGATION, QUOTE_FAITHFUL, WIRE, Article
from tests.corpus.conftest import Analyse, assert_sides_anchored
from unspin.corpus import Link, PassageIndex, find_propagation, passages
from unspin.model import Analysis

pytestmark = pytest.mark.slow  # needs the real NLP models


@pytest.fixture(scope="module")
def copied(analyse: Analyse) -> dict[str, Analysis]:
    return analyse(PROPAGATION)


@pytest.fixture(scope="module")
def links(copied: dict[str, Analysis]) -> list[Link]:
    return find_propagation(copied.values())


def pairs(links: list[Link], copied: dict[str, Analysis]) -> dict[tuple[str, str], Link]:
    names = {a.document.id: n for n, a in copied.items()}
    return {(names[lk.a.doc_id], names[lk.b.doc_id]): lk for lk in links}


def test_copied_passages_are_found_earliest_first(
    links: list[Link], copied: dict[str, Analysis]
) -> None:
    got = pairs(links, copied)
    # the article written in its own words is linked to nothing
    assert set(got) == {("wire", "copyfull"), ("wire", "copyone"), ("copyfull", "copyone")}
    assert [lk.kind for lk in links] == ["propagation"] * 3
    assert links[0].a.outlet == "wireservice.example"  # the first appearance leads
    for lk in links:
        assert lk.a.published is not None and lk.b.published is not None
        assert lk.a.published < lk.b.published
        assert "first seen in" in lk.explanation.detail
    assert_sides_anchored(links, copied)


def test_consecutive_sentences_merge_into_one_passage(
    links: list[Link], copied: dict[str, Analysis]
) -> None:
    full = pairs(links, copied)[("wire", "copyfull")]
    assert full.slot["sentences"] == "3"
    assert full.a.text == WIRE.text  # the whole wire paragraph
    assert full.b.text.startswith("Engineers from the regional water authority")
    assert full.b.text.endswith("by the end of next week.")
    assert "Anxious families" not in full.b.text
    assert full.explanation.rule == "propagation.near-duplicate"  # lightly edited
    assert 0.88 <= full.score < 1.0
    one = pairs(links, copied)[("wire", "copyone")]
    assert one.slot["sentences"] == "1"
    assert one.explanation.rule == "propagation.verbatim"
    assert one.score == 1.0


def test_input_order_does_not_matter(copied: dict[str, Analysis]) -> None:
    forward = [lk.id for lk in find_propagation(copied.values())]
    backward = [lk.id for lk in find_propagation(reversed(list(copied.values())))]
    assert forward == backward


def test_quotations_do_not_count_as_copied_words(analyse: Analyse) -> None:
    a = analyse([QUOTE_FAITHFUL])["faithful"]
    # the sentence is mostly quotation; its own words are compared, not the quotation,
    # and ten words of attribution are too few to tell copying from coincidence
    assert passages(a) == []
    (p,) = passages(a, min_words=8)
    assert "rebuild" not in p.norm
    assert p.norm.startswith("interior minister dana kerrow told")


def test_same_outlet_is_said(analyse: Analyse) -> None:
    rerun = Article(
        "rerun", WIRE.outlet, "2024-04-03",
        WIRE.text + " An earlier version of this report gave the wrong day.",
    )  # fmt: skip
    docs = analyse([WIRE, rerun])
    index = PassageIndex()
    for d in docs.values():
        index.add(d)
    (lk,) = index.links()
    assert lk.a.doc_id == docs["wire"].document.id
    assert lk.slot["outlets"] == "wireservice.example"
    assert "both from the same outlet" in lk.explanation.detail


def test_a_passage_of_documents_without_outlets_never_names_their_ids(analyse: Analyse) -> None:
    text = (
        "The lighthouse on Corra Point was switched off on Tuesday after ninety years. "
        "The keepers' cottage will become a small museum run by the harbour trust."
    )
    docs = analyse([Article("one", "", "", text), Article("two", "", "", "Coast news. " + text)])
    (link,) = find_propagation(list(docs.values()))
    for d in docs.values():
        assert d.document.id not in link.explanation.detail
    assert "in one document and another" in link.explanation.detail
