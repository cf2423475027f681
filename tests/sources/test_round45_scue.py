"""Attribution findings that report nothing, or the wrong span (audit rounds 4 and 5 on
fresh PTC articles): "admit" as to let in, "according to" as in keeping with, the
writer's own idioms, hypothetical tellers and content spans that run on into the
writer's gloss. Invented fixtures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import attributions, sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _shown(a: Analysis) -> list[str]:
    """The texts of the attribution findings the default report shows."""
    return [
        f.text
        for f in attributions(a)
        if f.attributes.get("shown") is not False and f.attributes.get("candidate") is not True
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The country admitted thousands of refugees last year.",
        "The government bans critics while admitting numerous preachers of hatred.",
        "Nor does the kingdom admit only preachers of violence. It admits known fighters too.",
        "The ministry wants the bishops to admit remarried couples to the sacraments.",
        "The Home Office also admitted Omar Haddad into the country.",
        "The hospital admitted the boy on Tuesday.",
        "No clever wording can hide what is happening in the parish: remarried couples are "
        "being admitted to communion without any change of life.",
    ],
)
def test_admit_as_to_let_people_in_reports_nothing(run: Run, text: str) -> None:
    assert _shown(sources(run, text)) == []


def test_a_habit_of_not_admitting_reports_nothing(run: Run) -> None:
    assert _shown(sources(run, "Everyone knows he hates to admit a mistake.")) == []


def test_admit_as_a_concession_is_still_reported(run: Run) -> None:
    assert _shown(sources(run, "Lund admitted his mistake and resigned.")) == ["his mistake"]
    a = sources(run, "The minister admitted that the plan had failed.")
    assert _shown(a) == ["the plan had failed"]


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, the mayor is sending clear signals of worry about the growing resistance "
        "to his grand plan according to his odd notion of fairness.",
        "The council acted according to the plan it had adopted in May.",
    ],
)
def test_according_to_a_standard_names_no_source(run: Run, text: str) -> None:
    assert _shown(sources(run, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that the reversal by the company happened only because of "
        "the wide publicity.",
        "The same book, it must be noted, contains an appendix listing doubtful works, of "
        "which the letter is not part.",
        "Rather, the rule change naturally provided more (shall we say) openings for idle men.",
        "This is critical information because it tells us how power works and we would never "
        "learn about it otherwise.",
        "The facts refute their arguments, but beyond that the charter protects the right.",
        "A day will come when the civilized world will deny its God.",
    ],
)
def test_the_writers_own_idioms_report_nothing(run: Run, text: str) -> None:
    assert _shown(sources(run, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "It was as though someone had plausibly told me that, yes, there were dragons in "
        "real life.",
        "They support punishing people merely because someone claims that a relative is a "
        "danger to others.",
        "If anyone says that the river is clean, ask for the samples.",
    ],
)
def test_a_hypothetical_teller_is_no_source(run: Run, text: str) -> None:
    a = sources(run, text)
    assert _shown(a) == []
    assert not [f for f in a.by_kind("speaker") if f.label == "anonymous"]


def test_real_reports_with_these_verbs_stay(run: Run) -> None:
    a = sources(run, "Police confirmed that two people had died in the fire.")
    assert _shown(a) == ["two people had died in the fire"]
    a = sources(run, "According to the ministry, the plan will cost $5 million.")
    assert _shown(a) == ["the plan will cost $5 million"]
    a = sources(run, "The IG did confirm that Vance and Cole worked on the review.")
    assert _shown(a) == ["Vance and Cole worked on the review"]
    a = sources(run, "The report tells us that the river is polluted, Lund said.")
    assert "the river is polluted" in " ".join(_shown(a))
