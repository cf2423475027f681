"""Session 28: cases carried forward and findings read wrong in reports of real news
bodies, each reproduced on an invented fixture.

- a verb of saying the parser made the head of its subject's words ("the 22-year-old
  quipped", the adjective and its determiner hung on the verb) has that subject; a verb
  of saying in a manner ("quipped") reports the clause that "that" opens after it;
- a past-tense verb of saying joined by "and" to a reported clause in the present
  ("said the mill stays shut and added that ...") is the sayer's own next statement: it
  ends the content and has the sayer as its speaker; a past verb of another kind stays
  in what was said ("said her brother runs the mill and worked there");
- "told the Ledger the worst trouble facing them had to do with ice": the clause's
  subject is the object after the one told, not left out of the content;
- "according to" a source with a relative clause after a comma ends the source before
  it, and a closing "according to" on a "though" clause reports that clause;
- a surname alone as a subject that the recogniser missed is the person named before,
  so a later "she" finds her and not a name in the object of her sentence; and a
  pronoun inserted in what it says is no name inside it ("Aberg, she said, was ...");
- a common noun opening a sentence as the speaker ("Maple informs you") that the
  recogniser names an organisation elsewhere in the text is that organisation, named;
- a content that opens a bracket or a quotation in single marks keeps its closing mark
  ("(known as OHT)", "was 'rash'"), an apostrophe counting as none ("the skippers'
  boats"); "social media sites" are social media, not a news outlet.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, attributions, quotes, sources, speaker_of


@pytest.mark.parametrize(
    "text",
    [
        'Nils Aberg won the regatta at Oskby on Sunday. "The ferry was late again, so I '
        'rowed," the 22-year-old quipped.',
        'Nils Aberg won the regatta at Oskby on Sunday. The 22-year-old quipped: "The ferry '
        'was late again, so I rowed."',
    ],
)
def test_an_adjective_subject_hung_on_the_verb_speaks(run: Run, text: str) -> None:
    a = sources(run, text)
    (q,) = quotes(a)
    assert speaker_of(a, q).text.lower() == "the 22-year-old"


def test_a_quip_reports_its_that_clause(run: Run) -> None:
    a = sources(run, "Mayor Edda Pilkvist quipped that the ferry was late again.")
    (f,) = attributions(a)
    assert f.text == "the ferry was late again"
    assert speaker_of(a, f).text == "Mayor Edda Pilkvist"


@pytest.mark.parametrize(
    ("text", "content", "second"),
    [
        (
            "Pilkvist said the mill stays shut and added that the fund would pay the crews.",
            "the mill stays shut",
            "the fund would pay the crews",
        ),
        (
            "Pilkvist said the mill is closed for good and told the crews that the fund "
            "would pay them.",
            "the mill is closed for good",
            "the fund would pay them",
        ),
    ],
)
def test_the_sayers_next_statement_ends_the_content(
    run: Run, text: str, content: str, second: str
) -> None:
    a = sources(run, "Mayor Edda Pilkvist met the fishermen on Monday. " + text)
    found = {f.text: f for f in attributions(a)}
    assert content in found and second in found, list(found)
    assert speaker_of(a, found[second]).attributes["name"] == "Edda Pilkvist"


def test_a_past_verb_of_another_kind_stays_in_the_content(run: Run) -> None:
    a = sources(run, "Mayor Edda Pilkvist said her brother runs the mill and worked there.")
    (f,) = attributions(a)
    assert f.text == "her brother runs the mill and worked there"


def test_the_object_after_the_one_told_is_the_clauses_subject(run: Run) -> None:
    text = (
        "Crews at Oskby harbour met on Friday. The deckhand told Harbourwatch the most "
        "pressing trouble facing them had to do with ice."
    )
    (f,) = attributions(sources(run, text))
    assert f.text == "the most pressing trouble facing them had to do with ice"


@pytest.mark.parametrize(
    "text",
    [
        "Crews have now cleared more than 40 wrecks from the bay, according to the harbour "
        'report, which it says are shown to have "cut losses and saved boats."',
        "Crews have now cleared more than 40 wrecks from the bay, according to the harbour "
        "report, which was published on Friday.",
    ],
)
def test_according_to_a_source_with_a_relative_clause(run: Run, text: str) -> None:
    a = sources(run, text)
    (f,) = [f for f in attributions(a) if f.attributes.get("construction") == "according-to"]
    assert f.text == "Crews have now cleared more than 40 wrecks from the bay"
    assert speaker_of(a, f).text == "the harbour report"


def test_according_to_closing_a_though_clause(run: Run) -> None:
    text = (
        "Ferries do not need a permit for the bay, though only 3% of skippers think that "
        "the bay is safe at night, according to a 2019 survey by the Oskby Sailing Club."
    )
    (f,) = attributions(sources(run, text))
    assert f.text == "only 3% of skippers think that the bay is safe at night"


def test_a_lone_surname_subject_is_the_antecedent_of_she(run: Run) -> None:
    text = (
        "While the Ledger offices are moving to the old mill, Anna Greyour may not be "
        "making the move soon.\n\nA Ledger clerk told the Gazette that the new offices are "
        "damp.\n\nGreyour, 65, has told her staff that the damp must go.\n\nMeanwhile, "
        "Greyour has defended her decision to put Kim Aberg and Kanye Tromm on the April "
        "cover of the Ledger, but now it appears she is suggesting that the choice was rash."
    )
    a = sources(run, text)
    (f,) = [f for f in attributions(a) if f.text.startswith("the choice")]
    assert speaker_of(a, f).attributes["name"] == "Anna Greyour"


def test_a_common_noun_that_names_an_organisation_elsewhere_is_that_organisation(
    run: Run,
) -> None:
    text = (
        "There may be another bug in the latest app from Maple. Maple informs you as you "
        'reset your phone that "no data will be deleted," but people are claiming that the '
        "reset wipes all of their files. We asked Maple for comment."
    )
    a = sources(run, text)
    q = next(f for f in quotes(a) if "no data" in f.text)
    sp = speaker_of(a, q)
    assert (sp.label, sp.attributes["name"]) == ("named_organisation", "Maple")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Harbour workers in Oskby say that storms have wrecked the pier, which was run by "
            "the Oskby Harbour Trust (known as OHT).",
            "storms have wrecked the pier, which was run by the Oskby Harbour Trust (known as OHT)",
        ),
        ("The mayor said the choice was 'rash'.", "the choice was 'rash'"),
        ("Vik said the skippers' boats were 'safe'.", "the skippers' boats were 'safe'"),
        ("Tromm said the boats are 'going home.'", "the boats are 'going home.'"),
        ("Lund said the plan wasn’t ‘fair’.", "the plan wasn’t ‘fair’"),
        ("Aberg said the crews' pay was late.", "the crews' pay was late"),
    ],
)
def test_a_content_keeps_the_closing_mark_of_what_it_opens(
    run: Run, text: str, content: str
) -> None:
    (f,) = attributions(sources(run, text))
    assert f.text == content


def test_social_media_sites_are_social_media(run: Run) -> None:
    a = sources(run, "Social media sites used by the group said the skipper was lost at sea.")
    (f,) = attributions(a)
    assert speaker_of(a, f).label == "social_media"


def test_a_pronoun_inserted_in_what_it_says_is_not_a_name_inside_it(run: Run) -> None:
    text = (
        "Harbour master Edda Pilkvist met the crews on Monday. Kim Aberg was at sea then. "
        "Aberg, she said, was using the radio as a phone."
    )
    a = sources(run, text)
    (f,) = attributions(a)
    assert speaker_of(a, f).attributes["name"] == "Edda Pilkvist"
