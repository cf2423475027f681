"""Round 9 of the precision audit, speakers the text names a sentence on: "two men from
Westby say ..." and the next sentence opens on the two, named, joined as one subject (no
anonymous source). Fixtures written for this file; the near misses keep their reading
(and a plural "they" after a group that is a subject keeps that group)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import sources
from unspin.model import Analysis
from unspin.sources.nearby import NAMES_JOINED

Run = Callable[..., Analysis]


def _antecedent(a: Analysis, f_text: str) -> str | None:
    s = _speaker(a, f_text)
    lo, hi = s.attributes.get("antecedent_start"), s.attributes.get("antecedent_end")
    return a.document.text[lo:hi] if isinstance(lo, int) and isinstance(hi, int) else None


@pytest.mark.parametrize("names", ["Ali Karim and Omar Said", "Ali Karim, Omar Said"])
def test_counted_people_named_next_are_not_anonymous(run: Run, names: str) -> None:
    a = sources(
        run,
        "Now two young men from Westby who visited Norvia in May say they were held for "
        f"days on the orders of the agency.\n\n{names}, both in their mid-20s, and a "
        "friend travelling with them, allege they were threatened with beatings.",
    )
    s = _speaker(a, "two young men from Westby who visited Norvia in May")
    assert s.label != "anonymous"


def test_counted_people_not_named_next_stay_anonymous(run: Run) -> None:
    a = sources(
        run,
        "Now two young men from Westby say they were held for days on the orders of the "
        "agency.\n\nAli Karim, a lawyer, said the agency had broken the law.",
    )
    assert _speaker(a, "two young men from Westby").label == "anonymous"


def test_they_after_a_subject_group_is_kept(run: Run) -> None:
    a = sources(
        run,
        "The Green Party held a rally in Westby on Friday.\n\nThey said the plan would cut costs.",
    )
    assert _antecedent(a, "They") == "The Green Party"
    a = sources(run, "Rescue workers searched the river on Friday. They said the water was high.")
    assert _antecedent(a, "They") == "Rescue workers"


def test_counted_sources_stay_anonymous_before_other_names(run: Run) -> None:
    a = sources(
        run,
        "Two separate council sources have confirmed that Ann Lund and Jens Holm leaked the "
        "memo.\n\nKarl Berg said this about Ann Lund: she is careful.",
    )
    assert _speaker(a, "Two separate council sources").label == "anonymous"


@pytest.mark.parametrize(
    ("gap", "joined"),
    [
        (" and ", True),
        (", ", True),
        (", and ", True),
        (" and Mahmud ibn ", True),
        (" said this about ", False),
        (" told ", False),
    ],
)
def test_names_joined_as_one_subject(gap: str, joined: bool) -> None:
    # the second name may open on words the recogniser left out of it
    assert bool(NAMES_JOINED.fullmatch(gap)) is joined
