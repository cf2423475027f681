"""A headline's reduced passive of a verb of judging (session 27, on invented fixtures):
in "Local councillor slammed for 'empty gesture'" the councillor is the one judged, so the
councillor is no speaker of the quoted words (read on a real news body, a teaser line
made the councillor an anonymous source); an active "slams" keeps its subject, and a
full sentence with its own speaker is untouched.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


def _who(run: Run, text: str) -> list[tuple[str, str, object]]:
    found = sources(run, text)
    return [
        (f.kind, f.text, f.attributes.get("speaker") or f.attributes.get("name"))
        for f in found.findings
        if f.kind in ("speaker", "quote", "attribution")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Local councillor slammed for "empty gesture"',
        "SCHOOLS: Harbour councillor slammed for ‘empty gesture’",
        'Mayor accused of "cover-up" over bridge',
        'Coach praised for "brave" call',
    ],
)
def test_the_one_judged_is_no_speaker(run: Run, text: str) -> None:
    judged = text.split(":")[-1].split(" slammed")[0].split(" accused")[0].split(" praised")[0]
    assert not any(kind == "speaker" for kind, _, _ in _who(run, text)), _who(run, text)
    assert not any(judged.strip() in str(who) for _, _, who in _who(run, text))


def test_an_active_verb_of_judging_keeps_its_subject(run: Run) -> None:
    found = _who(run, 'Mayor slams "empty gesture" by rivals')
    assert any(k == "speaker" and t == "Mayor" for k, t, _ in found), found
    assert any(k == "quote" and t == '"empty gesture"' for k, t, _ in found)


def test_a_named_speaker_after_a_judging_verb_is_kept(run: Run) -> None:
    text = 'Ann Lee, the mayor, slammed the plan on Monday. "It is an empty gesture," she said.'
    assert ("quote", '"It is an empty gesture,"', "Ann Lee") in _who(run, text)
