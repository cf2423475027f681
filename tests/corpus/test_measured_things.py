"""A measure of one thing given differently by two outlets ("the sea wall is 2.4 metres
high" / "3 metres high"): the dimension after the figure (or "a depth of" before it)
says what it measures, so the two are one slot; figures of a measure under ten were
never compared and a measure with no verb had no slot at all."""

from __future__ import annotations

import pytest

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import extract_slots, find_contradictions
from unspin.corpus.model import QuantitySlot
from unspin.corpus.predicates import dimension_predicate

LOW = Article(
    "mt-low",
    "a.example",
    "2025-04-10",
    "The new sea wall in Pellham is 2.4 metres high, the council said.",
)
HIGH = Article(
    "mt-high",
    "b.example",
    "2025-04-10",
    "The sea wall in Pellham is 3 metres high, engineers said.",
)
BRIDGE = Article(
    "mt-bridge",
    "c.example",
    "2025-04-10",
    "The footbridge in Pellham is 3.5 metres high, engineers said.",
)
LONG = Article(
    "mt-long",
    "d.example",
    "2025-04-10",
    "The sea wall in Pellham is 4 metres long, the council said.",
)


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("a wall 3 metres high", ("height", "high")),
        ("a 3-metre-high wall", ("height", "high")),
        ("the mast stands 40 feet tall", ("height", "tall")),
        ("water reached a depth of 1.2 metres", ("depth", "depth")),
        ("a depth of about 1.2 metres", ("depth", "depth")),
        ("a route of 14 kilometres", None),
        ("740 metres of track", None),
    ],
)
def test_the_dimension_a_measure_gives(text: str, dimension: tuple[str, str] | None) -> None:
    figure = next(
        w
        for w in ("3-metre", "40 feet", "1.2 metres", "14 kilometres", "740 metres", "3 metres")
        if w in text
    )
    start = text.index(figure)
    assert dimension_predicate(text, start, start + len(figure)) == dimension


@pytest.mark.slow  # needs the real NLP models
def test_two_heights_of_one_sea_wall_conflict(analyse: Analyse) -> None:
    slots = [
        s
        for a in analyse([LOW, HIGH, BRIDGE, LONG]).values()
        for s in extract_slots(a)
        if isinstance(s, QuantitySlot)
    ]
    links = {frozenset((lk.a.text, lk.b.text)): lk for lk in find_contradictions(slots)}
    lk = links[frozenset(("2.4 metres", "3 metres"))]
    assert (lk.kind, lk.explanation.rule) == ("contradiction", "quantity.different-values")
    assert "sea" in lk.slot["quantity"] or "wall" in lk.slot["quantity"]
    # another thing of the same height, and the same thing's length, are no rivals
    assert frozenset(("3 metres", "3.5 metres")) not in links
    assert frozenset(("2.4 metres", "3.5 metres")) not in links
    assert not [k for k in links if "4 metres" in k]
