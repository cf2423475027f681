"""One says it was done, another that it never was: "the council had offered a grant" and
"the council never offered any grant" in one story, a day apart, naming nothing in the two
sentences themselves (found by a corpus trial: a loan offered and never offered)."""

from __future__ import annotations

import pytest

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import Link, extract_slots, find_contradictions

pytestmark = pytest.mark.slow  # needs the real NLP models

OFFERED = Article(
    "nd-offered",
    "a.example",
    "2025-05-06",
    "Harlow Mills will close its Fenby works in June. An official close to the talks said "
    "the council had offered a $5 million grant that the firm refused.",
)


def _offer_links(analyse: Analyse, denial: str, name: str) -> list[Link]:
    other = Article(
        name, "b.example", "2025-05-07", "Harlow Mills is shutting its Fenby works. " + denial
    )
    analyses = analyse([OFFERED, other])
    links = find_contradictions(s for a in analyses.values() for s in extract_slots(a))
    return [lk for lk in links if lk.kind == "contradiction" and lk.slot.get("event") == "offer"]


def test_never_done_contradicts_done(analyse: Analyse) -> None:
    (lk,) = _offer_links(
        analyse, "The council never offered any grant, a council spokeswoman said.", "nd-never"
    )
    assert lk.explanation.rule == "polarity.opposite"
    assert lk.slot["entity"] == "the council"
    assert "grant" in lk.slot["same_event"] and "never" in lk.slot["polarity"]


@pytest.mark.parametrize(
    ("denial", "name"),
    [
        # "not" on another day may be another time: only "never" denies every time
        ("The council did not offer a grant this week, a council spokeswoman said.", "nd-not"),
        ("The bank never offered any grant, a bank spokeswoman said.", "nd-bank"),  # who?
        ("The council never offered any apology, a council spokeswoman said.", "nd-what"),
    ],
)
def test_no_link_without_never_one_subject_and_one_thing(
    analyse: Analyse, denial: str, name: str
) -> None:
    assert _offer_links(analyse, denial, name) == []
