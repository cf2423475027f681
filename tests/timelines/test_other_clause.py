"""A date of another clause than the sentence's predicate ("the fair began in 2012, when
the council said the pier would reopen on 5 May 2013") is not a date of the predicate:
its event takes neither the predicate nor the actors, and is told by the sentence's words
up to the date. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.frames import sentence_frames
from unspin.model import Analysis
from unspin.nlp import Backbone
from unspin.timelines import document_events

TEXT = (
    "The Tessby harbour fair first began back in the summer of 2012, when the council said "
    "that the old pier would reopen on 5 May 2013. The plant closed in 2015 and reopened in "
    "2019."
)


@pytest.mark.slow
def test_a_frame_marks_the_dates_of_other_clauses(backbone: Backbone) -> None:
    frames = sentence_frames(backbone.parse(TEXT))
    main = {TEXT[d.start : d.end]: d.main for f in frames for d in f.dates}
    assert main == {
        "summer of 2012": True,
        "5 May 2013": False,
        "2015": True,
        "2019": False,
    }


@pytest.mark.slow
def test_an_other_clauses_date_takes_neither_predicate_nor_actors(
    run: Callable[..., Analysis],
) -> None:
    events = {e.date_text: e for e in document_events(run(TEXT, "claims", "timelines"))}
    began, reopen = events["summer of 2012"], events["5 May 2013"]
    assert began.predicate == "begin" and began.actors
    assert (reopen.predicate, reopen.actors) == (None, ())
    said = "…of 2012, when the council said that the old pier would reopen on 5 May 2013"
    assert reopen.what == said
    assert events["2015"].predicate == "close"
    later = events["2019"]
    assert later.predicate is None
    assert later.what == "The plant closed in 2015 and reopened in 2019."


@pytest.mark.slow
def test_a_complements_date_is_its_verbs(backbone: Backbone) -> None:
    text = "Tessby Yards began building the ferry about four years ago."
    (frame,) = sentence_frames(backbone.parse(text))
    assert [(text[d.start : d.end], d.main) for d in frame.dates] == [("four years ago", True)]
