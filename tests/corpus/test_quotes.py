"""Quote drift across invented articles: wording, speaker and occasion."""

from __future__ import annotations

import json

import pytest

from tests.corpus.articles import QUOTES
from tests.corpus.conftest import Analyse, assert_sides_anchored
from unspin.corpus import (
    QuoteIndex,
    QuoteMention,
    compare_wording,
    find_quote_drift,
    quote_clusters,
    quote_mentions,
)
from unspin.model import Analysis


@pytest.fixture(scope="module")
def quoted(analyse: Analyse) -> dict[str, Analysis]:
    return analyse(QUOTES)


def name_of(quoted: dict[str, Analysis], doc_id: str) -> str:
    return next(n for n, a in quoted.items() if a.document.id == doc_id)


@pytest.mark.slow
def test_one_quotation_is_one_cluster_in_publication_order(quoted: dict[str, Analysis]) -> None:
    clusters = quote_clusters(quoted.values())
    assert len(clusters) == 1
    order = [name_of(quoted, m.doc_id) for m in clusters[0].mentions]
    assert order == ["first", "faithful", "reworded", "misattributed"]
    assert clusters[0].first.published == "2024-03-03"
    # a different statement by the same speaker, and a two-word quotation, stay out
    assert quoted["unrelated"].document.id not in clusters[0].doc_ids


@pytest.mark.slow
def test_drift_links(quoted: dict[str, Analysis]) -> None:
    links = find_quote_drift(quoted.values())
    got = {(name_of(quoted, lk.a.doc_id), name_of(quoted, lk.b.doc_id)): lk for lk in links}
    # the faithful repetition (same words, speaker and occasion) is not drift
    assert set(got) == {("first", "reworded"), ("first", "misattributed")}
    reworded = got[("first", "reworded")]
    assert reworded.kind == "quote_drift"
    assert reworded.differs == ("wording", "occasion")
    assert reworded.slot["wording"] == "drifted"
    detail = reworded.explanation.detail
    assert "first seen in first.example on 2024-03-03" in detail
    assert "Tessaly" in detail and "Ostrava" in detail and "2024-03-05" in detail
    assert "press conference" in reworded.slot["occasion"] and "trip" in reworded.slot["occasion"]
    other = got[("first", "misattributed")]
    assert other.differs == ("speaker",)
    assert other.slot["wording"] == "identical"
    assert other.slot["speaker"] == "Dana Kerrow / Ion Petrescu"
    assert "Dana Kerrow vs Ion Petrescu" in other.explanation.detail
    assert_sides_anchored(links, quoted)
    for lk in links:
        assert lk.a.text.startswith('"We will rebuild')
        assert json.loads(json.dumps(lk.to_dict()))["kind"] == "quote_drift"


@pytest.mark.slow
def test_input_order_does_not_matter(quoted: dict[str, Analysis]) -> None:
    forward = {lk.id for lk in find_quote_drift(quoted.values())}
    backward = {lk.id for lk in find_quote_drift(reversed(list(quoted.values())))}
    assert forward == backward


@pytest.mark.slow
def test_mentions_carry_speaker_and_occasion(quoted: dict[str, Analysis]) -> None:
    (m,) = quote_mentions(quoted["first"])
    assert m.norm == "we will rebuild every bridge and every road in this province"
    assert m.speaker == "Dana Kerrow"
    assert m.dates == ("2024-03-03",)
    assert m.places == ("Tessaly",)
    assert m.settings == ("press", "conference")
    assert QuoteMention.from_dict(json.loads(json.dumps(m.to_dict()))) == m
    # "a disgrace" is too short to be told apart from common speech
    assert quote_mentions(quoted["short"]) == []
    assert [x.norm for x in quote_mentions(quoted["short"], min_words=2)] == ["a disgrace"]


@pytest.mark.slow
def test_one_document_is_not_compared_with_itself(quoted: dict[str, Analysis]) -> None:
    index = QuoteIndex()
    index.add(quoted["first"])
    index.add(quoted["first"])  # the same document twice
    assert index.clusters() == [] and index.links() == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("we will rebuild every bridge", "we will rebuild every bridge", "identical"),
        (
            "we will rebuild every bridge and every road",
            "we will rebuild every bridge and every road in this province before winter",
            "partial",
        ),
        ("we will never give up on this town", "we will never give in on this town", "drifted"),
        ("we will rebuild every bridge and road", "we will rebuild every road and bridge",
         "drifted"),
        ("we will rebuild every bridge", "we will not negotiate with anyone who threatens us",
         None),
    ],
)  # fmt: skip
def test_compare_wording(a: str, b: str, expected: str | None) -> None:
    got = compare_wording(a, b)
    assert (got[0] if got else None) == expected
    if got:
        assert 0 <= got[1] <= 100
