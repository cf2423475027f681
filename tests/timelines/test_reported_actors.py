"""A predicate a verb of saying reports ("the harbour office said two sailors were hurt on
Sunday") is not the speaker's doing: its date's event does not give the speaker as the
one who did it ("the harbour office: hurt"), and a date of the saying ("on Monday the
harbour office said ...") is the speaker's saying. Session 29 found "Cameroon's defence
ministry: kill" and "local officials: walk" in FNC-1 bodies. Fixtures written for this
file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.frames import sentence_frames
from unspin.model import Analysis
from unspin.nlp import Backbone
from unspin.timelines import document_events

TEXT = (
    "The Tessby harbour office said two sailors were hurt in the storm on Sunday. "
    "On Monday, Mayor Edda Pilkvist said the old pier would reopen. "
    "The crew rebuilt the pier in 2015."
)


@pytest.mark.slow
def test_a_frame_names_its_verb_of_saying_and_the_dates_of_the_saying(
    backbone: Backbone,
) -> None:
    frames = sentence_frames(backbone.parse(TEXT))
    assert [f.report for f in frames] == ["say", "say", None]
    said = {TEXT[d.start : d.end]: d.said for f in frames for d in f.dates}
    assert said == {"Sunday": False, "Monday": True, "2015": False}


@pytest.mark.slow
def test_the_speaker_says_but_does_not_do_what_is_reported(run: Callable[..., Analysis]) -> None:
    events = {e.date_text: e for e in document_events(run(TEXT, "claims", "timelines"))}
    hurt = events["Sunday"]
    assert hurt.actors == ()
    assert (
        hurt.what == "The Tessby harbour office said two sailors were hurt in the storm on Sunday."
    )
    saying = events["Monday"]
    assert (saying.what, saying.reported) == ("Mayor Edda Pilkvist: say", True)
    assert events["2015"].what == "The crew: rebuild"


@pytest.mark.slow
def test_a_negated_verb_of_saying_reports_nothing(backbone: Backbone) -> None:
    text = "The Tessby charges do not allege that the mayor knew of the leak on Monday."
    (frame,) = sentence_frames(backbone.parse(text))
    assert frame.report is None
    assert [d.said for d in frame.dates] == [False]


@pytest.mark.slow
def test_a_date_in_brackets_closes_its_bracket(run: Callable[..., Analysis]) -> None:
    text = (
        "Some Tessby fishermen have speculated that the wreck may be a part of the old ferry "
        "Marlin, which sank near the harbour mouth on Sunday (Sept. 7), the Ledger reported."
    )
    events = {e.date_text: e for e in document_events(run(text, "claims", "timelines"))}
    assert events["Sept. 7"].what.endswith("on Sunday (Sept. 7)")
