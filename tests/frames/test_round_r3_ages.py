"""Link audit round 3 (PTC train): an age read as a count. "Between the ages of 20 and
53", "ages 19 to 45", "ages ranging 18-61" and "in her 50's" gave bare numbers with no
unit, which the corpus slot rule then counted as the arrests or deaths of the sentence
before. Both ends of an age range are one age range; the near misses (two counts joined
by "and", a range of people, a temperature in the 50s) keep their reading. Fixtures
written for this file."""

from __future__ import annotations

import pytest

from tests.frames.found import quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("All those detained were women between the ages of 24 and 57.", "24 and 57", 24, 57),
        ("The workers hired were between the ages of 19 and 33.", "19 and 33", 19, 33),
        ("The suspects, ages 21 to 48, were held overnight.", "21 to 48", 21, 48),
        ("The pupils, ages 9-12, were sent home early.", "9-12", 9, 12),
        ("Nine men and two women, ages ranging 18-64, were detained.", "18-64", 18, 64),
        ("The riders, ages ranging from 17 to 70, finished the course.", "17 to 70", 17, 70),
        ("Guards stopped six men at the age of 30 and over.", "30 and over", 30, None),
    ],
)
def test_an_age_range_is_an_age_with_both_ends(
    backbone: Backbone, text: str, span: str, low: float, high: float | None
) -> None:
    found = quantities(backbone, text)
    assert found.get(span) == ("age", low, high, "years_old"), found
    others = {k: v for k, v in found.items() if v[0] != "age"}
    assert not any(k in span or span in k for k in others), found


@pytest.mark.parametrize(
    ("text", "span", "low"),
    [
        ("Soon after, his aunt in her 60’s also died of the fever.", "60’s", 60),
        ("Soon after, his aunt in her 60's also died of the fever.", "60's", 60),
        ("A neighbour in his late 40s fell ill the same week.", "40s", 40),
        ("Two cousins in their early 20s were treated at the clinic.", "20s", 20),
        ("A driver in her mid-30s was hurt in the crash.", "30s", 30),
    ],
)
def test_a_decade_of_life_is_an_age(backbone: Backbone, text: str, span: str, low: float) -> None:
    found = quantities(backbone, text)
    assert found.get(span) == ("age", low, low + 9, "years_old"), found
    assert not any(v[0] != "age" and v[1] == low for v in found.values()), found


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Police held 20 and 53 people in two raids.", "53 people", "count"),
        ("Between 20 and 53 people were arrested in the raids.", "20 and 53 people", "count"),
        ("The clinic treated between 40 and 60 patients a day.", "40 and 60 patients", "count"),
        ("The ages of 12 suspects were not released.", "12 suspects", "count"),
        ("Rain fell on 30 towns in their region over the weekend.", "30 towns", "count"),
    ],
)
def test_a_count_near_an_age_word_stays_a_count(
    backbone: Backbone, text: str, span: str, label: str
) -> None:
    found = quantities(backbone, text)
    assert found.get(span, ("",))[0] == label, found


def test_a_temperature_in_the_fifties_is_no_age(backbone: Backbone) -> None:
    found = quantities(backbone, "Temperatures in the 50's are expected on Friday.")
    assert all(v[0] != "age" for v in found.values()), found
