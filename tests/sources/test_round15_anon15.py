"""Round 15 of the precision audit (and round 16's weaker layer), unnamed sources,
attribution contents and quotations: speakers taken for unnamed sources that the text
names or that are no sources, contents that are only a topic or the writer's own words,
and quoted terms. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import cast

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import quotes, sources, speaker_of
from unspin.model import Analysis
from unspin.sources.named_unknowns import set_right_unknown_nouns
from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState

Run = Callable[..., Analysis]


# --- unknown nouns the text names, or that are no source (round 15 anonymous/03 ...) ---


def test_surname_of_a_person_named_inside_a_quotation(run: Run) -> None:
    a = sources(
        run,
        '"The meeting was closed but Senator Tom King spoke to reporters and said the '
        'plan had failed."\n\n"We were told the opposite in May," King said.',
    )
    s = _speaker(a, "King")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Tom King"


def test_a_web_address_is_a_named_site() -> None:
    # the parse that reads the address as an unknown common noun needs a long article;
    # the rule is checked on the mention the parse gave there
    text = "A statement on the website TradeHubby.com said listings are user generated."
    at = text.index("TradeHubby")
    m = Mention(at, at + 14, "anonymous", kind="noun", rule="speaker.unknown-noun", score=0.4)
    m.head_word = "tradehubby.com"
    e = Event((at + 15, at + 19), "said", "say", None, m, None, "verb", 0.9, 0, (at, at), (0, 9))
    set_right_unknown_nouns(cast(RunState, SimpleNamespace(text=text, knowns=[])), [e])
    assert (m.source_type, m.name) == ("named_organisation", "TradeHubby.com")


def test_an_advertisement_is_no_unnamed_source(run: Run) -> None:
    a = sources(
        run,
        'One Farm Freedom League ad, which is airing now, argues that "only Lund can win '
        'the state. Vik cannot do it."',
    )
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))


def test_pictures_are_no_unnamed_source(run: Run) -> None:
    a = sources(
        run,
        'One post showed her first job. Another featured six faded photos telling "the '
        'story of how the two of them met."',
    )
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))


def test_the_reasons_cited_are_no_source(run: Run) -> None:
    a = sources(
        run,
        "In an interview in May, the adviser Tom Brannick boasted about the race. "
        "\"This is an easy race,\" he said, citing Lund's rural appeal and Vik's weak polling.",
    )
    q = next(f for f in quotes(a) if "easy race" in f.text)
    assert speaker_of(a, q).label == "named_person"
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))
