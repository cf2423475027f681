"""Round 15 of the precision audit (and round 16's weaker layer), unnamed sources,
attribution contents and quotations: speakers taken for unnamed sources that the text
names or that are no sources, contents that are only a topic or the writer's own words,
and quoted terms. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import cast

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.model import Analysis, Finding
from unspin.sources.named_unknowns import set_right_unknown_nouns
from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState
from unspin.sources.writer_notes import cut_writers_notes

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


def test_a_counted_set_of_groups_listed_later_is_not_anonymous() -> None:
    # as for the web address: the rule on the mention the parse gave in the article
    text = (
        "Nine farming and rural organizations are asking Ann Vik to drop a judge.\n\n"
        "The other groups that signed the letter are FarmNet.org, Rural Voice, Grain "
        "Action, Soil First and the Norvian Growers League."
    )
    m = Mention(0, 40, "anonymous", kind="noun", rule="speaker.unknown-noun", score=0.4)
    m.head_word = "organizations"
    e = Event((45, 51), "asking", "ask", None, m, None, "verb", 0.9, 0, (0, 51), (0, 70))
    set_right_unknown_nouns(cast(RunState, SimpleNamespace(text=text, knowns=[])), [e])
    assert m.source_type == "named_organisation"


# --- a "not A, but B" content cut before its contrast (round 15 anonymous/38) ---


def test_a_denial_keeps_its_but_tail(run: Run) -> None:
    a = sources(
        run,
        "The paper quoted another unnamed party official as saying that Vik was not "
        "opposed by Lund, but by the board members.",
    )
    texts = [f.text for f in attributions(a)]
    assert "Vik was not opposed by Lund, but by the board members" in texts


# --- the reporter's own written account, a name in quotes (quote/29, 35; r16 13, 29, 37) ---


def test_a_reporters_quoted_sentences_are_hers_not_her_sources(run: Run) -> None:
    a = sources(
        run,
        'There are doubts about the nominee. "The mayor stressed that he did not pick her '
        'to please any group," wrote Gazette city hall chief Ann Lindqvist, citing people '
        'at the meeting. "He said he thought most voters would see the delay as unfair."',
    )
    for q in quotes(a):
        assert speaker_of(a, q).label == "named_person", q.text


def test_a_name_given_to_a_period_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        "The court upheld a law that ended the week of early voting before the deadline.\n\n"
        "Democrats had sued after the state dropped what had been called the “Silver "
        "Week,” saying that ending it burdened older voters.",
    )
    assert not [q for q in quotes(a) if "Silver" in q.text]


def test_a_word_in_doubled_marks_after_an_article_is_a_scare_quote(run: Run) -> None:
    a = sources(
        run,
        "On his visits to the camps, he spends his time meeting fighters and leading "
        "history seminars with chalk and a board in a ''schoolroom'' in the hills.",
    )
    assert not [q for q in quotes(a) if "schoolroom" in q.text]


def test_a_curly_quotation_closed_by_a_straight_mark(run: Run) -> None:
    a = sources(
        run,
        'The two senators, however, argue that “there is a rule for this," citing a case '
        'in which a clerk was found guilty of "gross neglect."\n\n'
        "“You seem to have made up a new test — ‘great haste’ — for the case,” the two "
        "write.",
    )
    spans = [q.text for q in quotes(a)]
    assert '“there is a rule for this,"' in spans
    assert not [t for t in spans if "citing" in t]


# --- contents that are a topic, speech not made, the writer's notes (attribution/09 ...) ---


def test_a_wh_clause_after_recall_is_only_a_topic(run: Run) -> None:
    a = sources(
        run,
        "Over dinner, Lund recalled what it was like to be a young soldier when the army "
        "took power. He had grown up poor.",
    )
    assert not [f for f in attributions(a) if f.text.startswith("what it was like")]


def test_speech_only_considered_is_not_reported(run: Run) -> None:
    a = sources(
        run,
        "Lund dismissed a report in the Gazette that Ann Vik has been considering announcing "
        "that she will not back him if he wins the nomination.",
    )
    assert not [f for f in attributions(a) if f.text.startswith("she will not back him")]


def test_an_act_the_writer_reads_as_a_concession_is_no_statement(run: Run) -> None:
    a = sources(
        run,
        "Vik says she will vote for Lund but has withheld her endorsement, meaning she will "
        "not campaign with him - essentially conceding that she does not feel comfortable "
        "telling others to vote for him.",
    )
    assert not [f for f in attributions(a) if f.text.startswith("she does not feel")]


def test_a_note_that_names_the_source_again_is_the_writers(run: Run) -> None:
    a = sources(
        run,
        "The new survey shows Lund ahead by eight points.\n\nThe survey also found that:\n\n"
        "The survey has a margin of error of 3 percentage points.",
    )
    assert not [f for f in attributions(a) if "margin of error" in f.text]


def test_the_main_clause_after_a_concessive_statement_is_the_writers(run: Run) -> None:
    a = sources(
        run,
        "Vik, though she praised the judge and said senators should give him a hearing, "
        "notably stopped short of promising to name him again if she wins.",
    )
    texts = [f.text for f in attributions(a)]
    assert "senators should give him a hearing" in texts


# --- sources the text names that were shown as none (round 16 quote/03, 32, 36; attribution/28) ---


def test_as_a_columnist_puts_it_credits_the_quotation(run: Run) -> None:
    a = sources(
        run,
        "The plan now rests on the committee. As The Gazette's Ann Lindqvist puts it, the "
        'mayor is giving the council "an offer it cannot afford to turn down."',
    )
    q = only_quote(a, "an offer it cannot")
    s = speaker_of(a, q)
    assert s.label == "named_person"
    assert s.attributes["name"] == "Ann Lindqvist"


def test_a_colon_after_addressing_an_audience_credits_the_quotation(run: Run) -> None:
    a = sources(
        run,
        'Ann Lindqvist spoke at the rally. "We won," Lindqvist said.\n\n'
        "She then addressed the hecklers again: “Here is what I regret. I regret they do "
        "not want to listen.”",
    )
    q = only_quote(a, "Here is what I regret")
    assert speaker_of(a, q).label == "named_person"


def test_a_contracted_has_said_is_no_passive(run: Run) -> None:
    a = sources(
        run,
        "Other leaders are less careful. Just look at Senate leader Tom K. Brannick. He's "
        'said he gets his ideas about money from a speech in Ann Lund\'s "The Iron Bank" '
        "- which, to be clear, is a novel - and it shows.",
    )
    f = next(f for f in attributions(a) if f.text.startswith("he gets his ideas"))
    assert speaker_of(a, f).attributes["name"] == "Tom K. Brannick"
    assert "novel" not in f.text


def test_according_to_and_the_writers_contrast_are_out_of_the_content(run: Run) -> None:
    a = sources(
        run,
        "Her choice could cost her votes. Lund is trailing Vik by more than nine points, "
        "according to the StatePolls polling average in Norvia - despite winning the "
        "state's first primary in March.",
    )
    f = next(f for f in attributions(a) if f.text.startswith("Lund is trailing"))
    assert f.text == "Lund is trailing Vik by more than nine points"


def test_a_clefts_that_clause_is_not_what_was_announced(run: Run) -> None:
    a = sources(
        run,
        "6:45 pm - One suspect is named in news reports.\n\nThat's seven hours after the "
        "police announced Ann Vik's name several times on the radio that the press finally "
        "reported it.",
    )
    assert not [f for f in attributions(a) if f.text.startswith("the press")]


def test_a_that_clause_after_an_inserted_sayer_stays_the_sayers(run: Run) -> None:
    a = sources(
        run,
        "It's clear, Lund said in a statement on Monday, that the plan has failed.",
    )
    assert [f for f in attributions(a) if f.text.endswith("the plan has failed")]


def test_a_reporting_clause_after_doubled_single_marks_is_no_content() -> None:
    # the article's parse read "' said Mr. Vikander, who ..." as what "they say" said
    text = "''Sometimes they say, 'Yeah, go home,''' said Mr. Vikander, who was born in Oslo."
    c0 = text.index("' said")
    e = Event(
        (15, 18), "say", "say", None, None, (c0, len(text) - 1), "verb", 0.6, 0, (10, 18), (0, 80)
    )
    st = SimpleNamespace(text=text, has_parse=False, sentence_start=lambda pos: 0)
    cut_writers_notes(cast(RunState, st), [e])
    assert e.content is None


def only_quote(a: Analysis, words: str) -> Finding:
    found = [q for q in quotes(a) if words in q.text]
    assert len(found) == 1, [q.text for q in quotes(a)]
    return found[0]


def test_a_word_a_passive_calls_something_is_still_a_partial_quotation() -> None:
    from unspin.sources.findings import AS_WORD, NAMED_AS

    hit = NAMED_AS.search("The plan was called ")
    assert hit is not None and not hit.group("det") and not AS_WORD.search(hit.group(0))
    hit = NAMED_AS.search("the week is known as ")
    assert hit is not None and AS_WORD.search(hit.group(0))
