"""Round 17 of the precision audit (and round 18's weaker layer), unnamed sources,
attribution contents and quotations: unnamed-sounding speakers the text names, grounds
for doubt taken for a source, contents that take in a dateline, the source's own clause
or an unhedged main clause, and quoted labels. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import cast

from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.model import Analysis
from unspin.sources.quoted_labels import quoted_label
from unspin.sources.quotes import find_quotes
from unspin.sources.state import RunState

Run = Callable[..., Analysis]


# --- unnamed-sounding speakers the text names (round 17 anonymous/10, 11, 23, 24) ---


def test_a_lone_person_named_in_the_next_sentence_is_that_person(run: Run) -> None:
    a = sources(
        run,
        "A British woman claims she found a live frog inside her salad after a trip. "
        "Thirty-year-old Mary Kettleby says she was at home on Sunday when she opened the bag.",
    )
    f = next(f for f in attributions(a) if "live frog" in f.text)
    s = speaker_of(a, f)
    assert s.label == "named_person"
    assert s.attributes["name"] == "Mary Kettleby"


def test_an_official_in_the_next_sentence_is_someone_else(run: Run) -> None:
    a = sources(
        run,
        "A local woman said she heard three shots near the mill. Sheriff Tom Vik said "
        "deputies arrived within minutes.",
    )
    f = next(f for f in attributions(a) if "three shots" in f.text)
    assert speaker_of(a, f).label == "anonymous"
    a = sources(
        run,
        "A local woman said she heard three shots near the mill. Tom Vik said he saw "
        "deputies arrive within minutes.",
    )
    f = next(f for f in attributions(a) if "three shots" in f.text)
    assert speaker_of(a, f).label == "anonymous"


def test_a_capitalised_role_before_a_full_name_is_a_named_person(run: Run) -> None:
    a = sources(
        run,
        "According to Iraqi Member of Parliament Ravi al-Tomar, the rebels have used gas "
        "against troops near the river.",
    )
    f = next(f for f in attributions(a) if "used gas" in f.text)
    s = speaker_of(a, f)
    assert s.label == "named_person"
    assert s.attributes["name"] == "Ravi al-Tomar"


# --- grounds for doubt are no source (round 17 anonymous/19, 20) ---


def test_reasons_not_to_trust_are_no_source(run: Run) -> None:
    a = sources(
        run,
        "There are rival accounts about rebels at the bridge, but there are reasons not to "
        "trust reporting that the account is false.",
    )
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))
    assert all(f.label != "anonymous" for f in attributions(a))


# --- contents (round 17 attribution/01, round 18 attribution/04) ---


def test_according_to_closing_the_sentence_is_cut_with_the_dateline(run: Run) -> None:
    a = sources(
        run,
        "(Wirewire) - A soldier was shot at the town memorial and a gunman was seen "
        "running towards the hall, according to multiple media and eyewitness reports on "
        "Monday.",
    )
    texts = [f.text for f in attributions(a)]
    assert texts == [
        "A soldier was shot at the town memorial and a gunman was seen running towards the hall"
    ]


def test_reportedly_in_a_when_clause_covers_that_clause(run: Run) -> None:
    a = sources(
        run,
        "Lund has been on the short list to play the king since last May, when Tom Vickers "
        "was reportedly directing the film.",
    )
    texts = [f.text for f in attributions(a)]
    assert texts == ["Tom Vickers was reportedly directing the film"]


# --- quoted labels (round 18 quote/01, 05, 06, 09) ---


def test_a_title_after_a_work_noun_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        '"Tides" is based on Ann Lund\'s popular biography of the late ship builder, '
        '"Harbor Light."\n\nVik has been on the list since May.',
    )
    assert not [f for f in quotes(a) if "Harbor" in f.text]


def test_a_nickname_after_known_as_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        'Big Tom ... the Harbor Band singer best known as "the captain with 2 drums that '
        'rock the hall for the old sailors" ... died early Monday.',
    )
    assert not quotes(a)
    a = sources(run, 'Tom Vik, the drummer best know as "the man with the golden sticks," died.')
    assert not quotes(a)


def test_a_word_held_at_a_distance_after_been_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        "Three local papers reported that two cases of flu have been 'recorded' in Kesby, "
        "which is the group's home town.",
    )
    assert not quotes(a)


def test_items_of_a_quoted_list_are_no_quotations() -> None:
    text = (
        "The card came with a check list featuring \u201cpaying rent,\u201d \u201ccar "
        "loans,\u201d and \u201cschool fees\u201d all ticked off."
    )
    qs = find_quotes(text)
    st = cast(RunState, SimpleNamespace(text=text, quotes=qs, sentence_start=lambda pos: 0))
    assert len(qs) == 3
    for q in qs:
        inner = text[q.inner_start : q.inner_end]
        assert quoted_label(st, q, inner, inner.split())
