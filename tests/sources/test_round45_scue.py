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
