"""Speakers right or honestly unknown (issue #12, point 3).

The speaker of a quotation is the one its cue verb links; every speaker is typed (person,
organisation, government, outlet, group, document, anonymous, unresolved) with the
reason shown; a role comes only from an apposition or a title; a pronoun resolves to the
last compatible mention before it or stays ``unresolved``; a speaker span never crosses a
line break and never holds the reporting verb. Every fixture is invented text (the few
real names are reference works, platforms and countries the lexicon and NER type).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import sources, speaker_of
from unspin.model import Analysis, Finding
from unspin.report import schema
from unspin.sources.speakers import SOURCE_TYPES, TYPE_WORDS

Run = Callable[..., Analysis]


def one(a: Analysis, kind: str) -> Finding:
    found = a.by_kind(kind)
    assert len(found) == 1, [(f.kind, f.text) for f in a.findings]
    return found[0]


def test_every_source_type_has_words_and_is_in_the_schema() -> None:
    assert set(TYPE_WORDS) == set(SOURCE_TYPES)
    assert {"government", "group", "unresolved"} <= set(SOURCE_TYPES)
    assert schema()["$defs"]["source_type"]["enum"] == list(SOURCE_TYPES)


# ----------------------------------------------------------------------------------------
# Pronouns: the last compatible mention, or unresolved


@pytest.mark.slow
def test_pronoun_never_skips_an_unnamed_official_for_a_name_further_back(run: Run) -> None:
    """The bug: '"...," he said' after an unnamed official went to the lead-in's name."""
    text = (
        "Mayor Lena Holm opened the meeting. A city spokesman said the budget was late. "
        'He added: "We will fix it soon."'
    )
    a = sources(run, text)
    q = one(a, "quote")
    sp = speaker_of(a, q)
    assert sp.text == "He"
    assert q.attributes["speaker"] != "Lena Holm"
    assert q.label == sp.label == "anonymous"
    assert sp.attributes["role"] == "city spokesman"
    start, end = sp.attributes["antecedent_start"], sp.attributes["antecedent_end"]
    assert text[start:end] == "A city spokesman"
    assert sp.attributes["type_reason"] == 'pronoun he -> "A city spokesman" (previous sentence)'


@pytest.mark.slow
def test_pronoun_takes_the_nearest_person_not_the_lead_in(run: Run) -> None:
    text = (
        "Interior Minister Tomas Varga spoke on Monday. Later, Police Chief Anna Berg "
        'visited the harbour.\n\n"We will restore order," she said.'
    )
    a = sources(run, text)
    q = one(a, "quote")
    assert q.attributes["speaker"] == "Anna Berg"
    assert q.attributes["role"] == "Police Chief"
    sp = speaker_of(a, q)
    assert sp.attributes["type_reason"] == "pronoun she -> Anna Berg (previous sentence)"
    assert "Anna Berg" in sp.explanation.detail
    assert "Speaker: pronoun she -> Anna Berg (previous sentence)." in q.explanation.detail


@pytest.mark.slow
def test_a_spokeswoman_pronoun_speaks_for_her_organisation(run: Run) -> None:
    text = (
        "A spokeswoman for the Norvian Fisheries Authority said the quota was final. "
        'She added: "There will be no exceptions."'
    )
    a = sources(run, text)
    q = one(a, "quote")
    assert q.attributes["speaker"] == "Norvian Fisheries Authority"
    assert q.label == "named_organisation"
    assert q.attributes["role"] == "spokeswoman"


@pytest.mark.slow
def test_pronoun_without_any_antecedent_is_unresolved_not_guessed(run: Run) -> None:
    a = sources(run, '"We will win this case," he said.')
    q = one(a, "quote")
    sp = speaker_of(a, q)
    assert q.label == sp.label == "unresolved"
    assert q.attributes["speaker"] is None and sp.attributes["name"] is None
    assert sp.attributes["type_reason"] == "pronoun he: no compatible named mention before it"
    assert "unresolved" in sp.explanation.detail
    assert "no compatible named mention" in q.explanation.detail
    assert a.summaries["sources"]["counts_by_type"]["unresolved"] == 1


@pytest.mark.slow
def test_he_needs_a_person_an_organisation_does_not_fit(run: Run) -> None:
    text = "The Norvian Fisheries Authority published quotas. He said the cuts were temporary."
    a = sources(run, text)
    att = one(a, "attribution")
    assert att.label == "unresolved"
    assert att.attributes["speaker"] is None


@pytest.mark.slow
def test_they_resolves_to_a_political_group(run: Run) -> None:
    a = sources(run, "Democrats met on Tuesday. They said the bill would fail.")
    att = one(a, "attribution")
    assert att.label == "group"
    assert att.attributes["speaker"] == "Democrats"
    assert (
        speaker_of(a, att).attributes["type_reason"]
        == "pronoun they -> Democrats (previous sentence)"
    )


@pytest.mark.slow
def test_an_adjective_is_never_an_antecedent(run: Run) -> None:
    text = "Russian officials said the talks had failed. They added that no date was set."
    a = sources(run, text)
    second = a.by_kind("attribution")[1]
    assert second.label == "anonymous"
    assert second.attributes["role"] == "Russian officials"
    assert second.attributes["speaker"] is None


# ----------------------------------------------------------------------------------------
# Types with their reasons


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'Merriam-Webster defines gaslighting as "manipulation of a person over a long time."',
        '"Manipulation of a person over a long time," says Merriam-Webster, defining gaslighting.',
        'According to Merriam-Webster, gaslighting is "manipulation of a person over time."',
    ],
)
def test_a_dictionary_is_a_document_with_no_role(run: Run, text: str) -> None:
    """The bug: a dictionary typed as a person, with the defined phrase as its role."""
    a = sources(run, text)
    q = one(a, "quote")
    assert q.attributes["speaker"] == "Merriam-Webster"
    assert q.label == "document"
    assert q.attributes["role"] is None
    sp = speaker_of(a, q)
    assert sp.label == "document" and sp.attributes["role"] is None
    assert sp.attributes["type_reason"] == "lexicon: reference work (merriam-webster)"


@pytest.mark.slow
def test_a_common_noun_dictionary_and_a_website_are_documents(run: Run) -> None:
    a = sources(run, "The website said the product was safe. The dictionary says it is rare.")
    assert [f.label for f in a.by_kind("speaker")] == ["document", "document"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Democrats said the bill would hurt workers.", "Democrats"),
        ("Republicans claimed the election was unfair.", "Republicans"),
        ("The left argued that the tax was unfair.", "the left"),
        ("Conservatives said the plan would fail.", "Conservatives"),
    ],
)
def test_a_political_label_is_a_group_not_a_person(run: Run, text: str, speaker: str) -> None:
    a = sources(run, text)
    att = one(a, "attribution")
    assert att.label == "group"
    assert att.attributes["speaker"] == speaker
    sp = speaker_of(a, att)
    assert sp.attributes["entity_type"] == "group"
    assert sp.attributes["role"] is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label", "reason"),
    [
        ("Russia said the talks had failed.", "government", "NER GPE"),
        ("The Kremlin said the talks had failed.", "government", "lexicon: government"),
        ("The ministry said the plan was sound.", "government", "lexicon: government"),
        ("The Justice Ministry said the plan was sound.", "government", "lexicon: government"),
        ("Twitter said the outage was fixed.", "named_organisation", "lexicon: platform"),
        ("Amnesty International said the trial was unfair.", "named_organisation", "NER ORG"),
        ("The Valley Courier reported that the bridge was closed.", "media_outlet", "outlet"),
        ("Maria Lund said the plan was fair.", "named_person", "NER PERSON"),
        ("The Bible says the meek shall inherit the earth.", "document", "NER WORK_OF_ART"),
        ("Officials said the bridge was closed.", "anonymous", "unnamed person"),
    ],
)
def test_each_type_shows_its_reason(run: Run, text: str, label: str, reason: str) -> None:
    a = sources(run, text)
    att = one(a, "attribution")
    sp = speaker_of(a, att)
    assert att.label == sp.label == label
    assert reason in sp.attributes["type_reason"]
    assert sp.attributes["type_reason"] in sp.explanation.detail
    assert TYPE_WORDS[label] in sp.explanation.detail


@pytest.mark.slow
def test_an_organisation_named_with_the_is_not_a_person(run: Run) -> None:
    a = sources(run, "The Harbor Hill said the plan was sound.")
    att = one(a, "attribution")
    assert att.label != "named_person"


# ----------------------------------------------------------------------------------------
# Roles and spans


@pytest.mark.slow
def test_role_only_from_an_apposition_or_title(run: Run) -> None:
    a = sources(run, '"The plan is fair," said Maria Lund, speaking to reporters.')
    assert one(a, "quote").attributes["role"] is None
    a = sources(run, '"The plan is fair," said Maria Lund, the mayor of Westby.')
    assert one(a, "quote").attributes["role"] == "mayor of Westby"
    a = sources(run, "Senator Anna Berg said the bill would pass.")
    assert one(a, "attribution").attributes["role"] == "Senator"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Breaking: Storm hits coast\nOfficials said the bridge was closed.", "Officials"),
        (
            "LATEST UPDATE\nPolice Chief Anna Berg said the road would reopen.",
            "Police Chief Anna Berg",
        ),
        ("Harbour news\n\nMaria Lund said the ferry would run.", "Maria Lund"),
    ],
)
def test_speaker_span_never_swallows_a_heading_line(run: Run, text: str, speaker: str) -> None:
    a = sources(run, text)
    sp = speaker_of(a, one(a, "attribution"))
    assert sp.text == speaker
    assert "\n" not in sp.text


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "There are officials who say the plan is dead.",
        "Residents who said the water was unsafe were ignored.",
    ],
)
def test_speaker_span_never_holds_the_reporting_verb(run: Run, text: str) -> None:
    a = sources(run, text)
    for sp in a.by_kind("speaker"):
        assert " say" not in sp.text and " said" not in sp.text, sp.text


# ----------------------------------------------------------------------------------------
# Without a parse


def test_fallback_types_groups_references_and_skips_headings(
    run_fake: Callable[[str], Analysis],
) -> None:
    a = run_fake("Democrats said that the bill would fail.")
    assert one(a, "attribution").label == "group"
    a = run_fake('"A false statement made on purpose," says Wikipedia, defining the word.')
    q = one(a, "quote")
    assert q.label == "document" and q.attributes["role"] is None
    a = run_fake("Harbour News Today\nMaria Lund said that the ferry would run.")
    sp = speaker_of(a, one(a, "attribution"))
    assert sp.text == "Maria Lund"
    a = run_fake("People who say the plan failed argue that it was doomed.")
    assert [sp.text for sp in a.by_kind("speaker")] == ["People"]


# ----------------------------------------------------------------------------------------
# Anonymous means unnamed: a definite description points at someone identifiable


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Bishop Anna Ries wrote to the parish on Monday. The bishop said the letter was clear.",
            "Anna Ries",
        ),
        ("Pope Leo visited the town. The pope said the visit was short.", "Leo"),
        ("Pope Leo visited the town. Later the Pope said the visit was short.", "Leo"),
    ],
)
def test_a_definite_role_noun_is_the_named_holder_of_that_title(
    run: Run, text: str, name: str
) -> None:
    a = sources(run, text)
    sp = speaker_of(a, one(a, "attribution"))
    assert (sp.label, sp.attributes["name"]) == ("named_person", name)
    assert sp.explanation.rule == "speaker.role-alias"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The bishop said the letter was clear.",
        "The Pope said the letter was clear.",
        "This nominee said the law was clear.",
        "The ex-sailor is alleging that he was treated unfairly.",
    ],
)
def test_a_definite_description_nobody_named_is_unresolved_not_anonymous(
    run: Run, text: str
) -> None:
    a = sources(run, text)
    att = one(a, "attribution")
    sp = speaker_of(a, att)
    assert att.label == sp.label == "unresolved"
    assert "definite description" in sp.attributes["type_reason"]
    assert not [f for f in a.findings if f.label == "anonymous"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "An official said the bridge was closed.",
        "Officials said the bridge was closed.",
        "The official, who spoke on condition of anonymity, said the bridge was closed.",
        # unnamed individuals of a named body: anonymous (the body is their affiliation)
        "A Pentagon official said the drill would go ahead.",
        "Two Pentagon officials said the drill would go ahead.",
        "Pentagon officials who spoke on condition of anonymity said the drill would go ahead.",
        "Officials at the port said the ship had left.",
    ],
)
def test_unnamed_or_self_declared_anonymous_sources_stay_anonymous(run: Run, text: str) -> None:
    a = sources(run, text)
    att = one(a, "attribution")
    assert att.label == speaker_of(a, att).label == "anonymous"


@pytest.mark.slow
def test_an_acronym_speaker_is_a_named_organisation(run: Run) -> None:
    a = sources(run, "The agency was created in 2003. ICE reports that 300 people were detained.")
    sp = speaker_of(a, one(a, "attribution"))
    assert (sp.label, sp.attributes["name"]) == ("named_organisation", "ICE")
    assert "acronym" in sp.attributes["type_reason"]
    a = sources(run, "The CEO said the case was closed.")
    assert speaker_of(a, one(a, "attribution")).label != "named_organisation"


@pytest.mark.slow
def test_a_surname_the_tagger_takes_for_a_noun_is_a_named_person(run: Run) -> None:
    """spaCy tags "O’Gorman" (curly apostrophe) as a common noun; the "-man" ending made it
    an unnamed person."""
    text = "Brian O’Gorman said the plan was weak. But O’Gorman said more was needed."
    a = sources(run, text)
    labels = {(f.text, f.label) for f in a.by_kind("speaker")}
    assert labels == {("Brian O’Gorman", "named_person"), ("O’Gorman", "named_person")}


@pytest.mark.slow
def test_a_generic_name_keeps_the_capitals_of_a_nationality(run: Run) -> None:
    a = sources(run, "Brazilian police say the man was arrested in Florida.")
    sp = speaker_of(a, one(a, "attribution"))
    assert sp.attributes["name"] == "Brazilian police"
    a = sources(run, "The ministry said the plan was sound.")
    assert speaker_of(a, one(a, "attribution")).attributes["name"] == "the ministry"


def test_a_role_is_never_a_clause() -> None:
    from unspin.sources.roles import role_text

    assert role_text("in Argentina before he became Pope") is None
    assert role_text("the deputy mayor of Chur") == "deputy mayor of Chur"
    assert role_text("a spokeswoman for Mr. Vik") == "spokeswoman for Mr. Vik"
    assert role_text("an anarchist who hopes for a world without borders") == "anarchist"
    # an apposition closed by a dash runs into the sentence; an acronym is no role
    assert role_text("(NRA)—the agency's journal for rules—published the letter") is None
    assert role_text("the CEO") == "CEO"
