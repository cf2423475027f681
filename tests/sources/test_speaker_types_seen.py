"""Speakers right or honestly unknown (issue #12, point 3), continued from
``test_speaker_types.py``: the classes seen on held-back PTC articles (events, officials of
a named body, posts and blogs, roles from appositions, work titles). Every fixture is
invented text.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import sources, speaker_of
from tests.sources.test_speaker_types import Run, one

# ----------------------------------------------------------------------------------------
# Seen on held-back PTC articles: events, officials of a named body, posts and blogs


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Remembrance Week, the annual festival, said in a statement that tickets were gone.",
        "Founders’ Day, the movement's gathering, said that it was sold out.",
        "The Harbour Festival said the concert would go ahead.",
    ],
)
def test_an_event_is_never_a_person(run: Run, text: str) -> None:
    """The bug: an event's name ("... Day") typed as a named person."""
    a = sources(run, text)
    sp = speaker_of(a, one(a, "attribution"))
    assert sp.label == "named_organisation"
    assert "event's name" in sp.attributes["type_reason"]


@pytest.mark.slow
def test_a_pronoun_never_resolves_to_an_event(run: Run) -> None:
    text = (
        "Dana Miller attended the speech. In an essay, she said that she had attended "
        "Founders’ Day celebrations for years. “They were kind to me,” she said."
    )
    a = sources(run, text)
    assert {f.attributes["name"] for f in a.by_kind("speaker")} == {"Dana Miller"}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label", "name", "role"),
    [
        (
            "Pentagon officials said the drill would go ahead.",
            "government",
            "Pentagon",
            "officials",
        ),
        (
            "Immigration and Customs Enforcement (ICE) officials said 20 people were held.",
            "named_organisation",
            "Immigration and Customs Enforcement",
            "officials",
        ),
        (
            "Officials at the Harbor Authority said the port would reopen.",
            "named_organisation",
            "Harbor Authority",
            "officials",
        ),
        (
            "On Monday, senior Kestrel Bank executives said the merger was off.",
            "named_organisation",
            "Kestrel Bank",
            "senior executives",
        ),
    ],
)
def test_officials_of_a_named_body_speak_for_it(
    run: Run, text: str, label: str, name: str, role: str
) -> None:
    """The bug: "ICE officials" counted as an anonymous source."""
    a = sources(run, text)
    att = one(a, "attribution")
    sp = speaker_of(a, att)
    assert att.label == sp.label == label
    assert (sp.attributes["name"], sp.attributes["role"]) == (name, role)
    assert sp.explanation.rule == "speaker.officials"
    assert f"of {name}" in sp.attributes["type_reason"]
    assert a.summaries["sources"]["share_anonymous"] == 0.0


@pytest.mark.slow
def test_they_after_officials_of_a_body_is_that_body(run: Run) -> None:
    text = "Pentagon officials said the drill would go ahead. They added that it was routine."
    a = sources(run, text)
    second = a.by_kind("attribution")[1]
    assert (second.label, second.attributes["speaker"]) == ("government", "Pentagon")


@pytest.mark.slow
def test_a_blog_post_is_not_social_media(run: Run) -> None:
    a = sources(run, "The photographer Ali Karim, in a 2012 blog post, said that he was a fan.")
    att = one(a, "attribution")
    assert att.label == "named_person"
    assert att.attributes["medium"] == "blog"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Katie Moss, a spokeswoman for Mr. Vik, said on Friday that the plan was fair.",
            "Katie Moss",
            "spokeswoman for Mr. Vik",  # the role was cut at "Mr."
        ),
        (
            "Mr. Wilson, an avowed anarchist who hopes for a world without borders, said "
            "the law was void.",
            "Wilson",
            "avowed anarchist",  # not the relative clause
        ),
        (
            "The new foreign secretary of Norvia, Ida Lind, said that the police would act.",
            "Ida Lind",
            "new foreign secretary of Norvia",  # the name after an "of" phrase
        ),
        # a hyphened role was cut at the hyphen ("co"), and its institute made the
        # person an organisation
        (
            "Ines Varga, co-director of the Wenlow Institute, said the study was flawed.",
            "Ines Varga",
            "co-director of the Wenlow Institute",
        ),
        ("Co-founder Ines Varga said the study was flawed.", "Ines Varga", "Co-founder"),
        # the tagger's PERSON was "Pell" alone: "Ana" was the role ("Ana; co")
        (
            "Ana Pell, co-director of the Wenlow Institute, said the study was flawed.",
            "Ana Pell",
            "co-director of the Wenlow Institute",
        ),
        (
            "The study was flawed, said Ines Varga, the institute's vice-chair.",
            "Ines Varga",
            "institute's vice-chair",
        ),
    ],
)
def test_roles_from_appositions_and_names_after_them(
    run: Run, text: str, name: str, role: str
) -> None:
    sp = speaker_of(a := sources(run, text), one(a, "attribution"))
    assert (sp.label, sp.attributes["name"], sp.attributes["role"]) == ("named_person", name, role)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker", "label", "name"),
    [
        (
            "St. Thomas Aquinas says in his Summa that faith comes first.",
            "St. Thomas Aquinas",
            "named_person",
            "St. Thomas Aquinas",
        ),
        (
            '"The count was fair," Lund said, according to NBC Bay Area.',
            "NBC Bay Area",
            "media_outlet",
            "NBC Bay Area",
        ),
        (
            "According to new remarks from a senior Norvian official, the plan failed.",
            "a senior Norvian official",
            "anonymous",
            None,
        ),
        (
            "According to Kestrel News, Vasko’s federal lawsuit alleges that the fine was unfair.",
            "Vasko’s federal lawsuit",
            "document",
            "Vasko’s lawsuit",
        ),
        (
            "According to an English translation published by Kestrel Wire, the envoy quit.",
            "an English translation published by Kestrel Wire",
            "document",
            None,
        ),
        (
            "Even the attorney for the Daily Harbor said the case was weak.",
            "the attorney for the Daily Harbor",
            "unresolved",
            None,
        ),
    ],
)
def test_speaker_types_seen_on_held_back_articles(
    run: Run, text: str, speaker: str, label: str, name: str | None
) -> None:
    a = sources(run, text)
    sp = next(f for f in a.by_kind("speaker") if f.text == speaker)
    assert (sp.label, sp.attributes["name"]) == (label, name)


@pytest.mark.slow
def test_a_message_without_a_platform_is_no_social_media(run: Run) -> None:
    a = sources(run, "The alliance got a message saying that the raid was near.")
    assert [f.label for f in a.findings if f.kind == "speaker"] == ["document"]


@pytest.mark.slow
def test_a_surname_the_tagger_takes_for_a_common_noun_is_the_person_named_before(
    run: Run,
) -> None:
    text = (
        "Bishop Athanasius Schneider signed it. "
        "“This is contrary to the faith,” Schneider further told reporters."
    )
    a = sources(run, text)
    q = one(a, "quote")
    assert (q.label, q.attributes["speaker"]) == ("named_person", "Athanasius Schneider")


@pytest.mark.slow
def test_a_plural_noun_before_a_name_is_not_its_role(run: Run) -> None:
    text = "James Bacon, a lawyer, spoke first. Later, Hadeed told reporters Bacon had lied."
    a = sources(run, text)
    assert all(f.attributes["role"] != "reporters" for f in a.by_kind("speaker"))


@pytest.mark.slow
def test_the_object_of_prompt_is_the_speaker_of_its_infinitive(run: Run) -> None:
    """The bug: "politicians prompting the principal, X, to announce that ..." credited the
    announcement to the unnamed politicians."""
    text = (
        "The campaign sparked outrage among groups and politicians prompting Westby "
        "principal, Ada Holm, to announce that the school would act."
    )
    att = one(sources(run, text), "attribution")
    assert (att.label, att.attributes["speaker"]) == ("named_person", "Ada Holm")


@pytest.mark.slow
def test_a_title_acronym_is_the_holder_named_before_not_an_organisation(run: Run) -> None:
    text = (
        "Norvian Inspector General Ida Horwood testified on Monday. "
        "The IG also said her team focused on the emails."
    )
    sp = speaker_of(a := sources(run, text), one(a, "attribution"))
    assert (sp.label, sp.attributes["name"]) == ("named_person", "Ida Horwood")


@pytest.mark.slow
def test_a_misattached_who_clause_belongs_to_the_noun_before_it(run: Run) -> None:
    """The bug: "X spoke with Y as well, who said ..." credited Y's words to X."""
    text = "Reporter Dan Arroyo spoke with Juan Cruz as well, who said he was frustrated."
    att = one(sources(run, text), "attribution")
    assert att.attributes["speaker"] == "Juan Cruz"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to the Word of God, the meek will be rewarded.", "the Word of God"),
        ("According to God's Word, the meek will be rewarded.", "God's Word"),
        ("According to the Epistle of Arvid, faith needs works.", "the Epistle of Arvid"),
        ("According to Scripture, the meek will be rewarded.", "Scripture"),
    ],
)
def test_a_work_cited_by_its_title_is_a_document(run: Run, text: str, speaker: str) -> None:
    """The bug: "according to the Word of God" was typed as a person on a real article
    (here a vague rumour, "word"); a scripture or book is cited as a document."""
    a = sources(run, text)
    sp = next(f for f in a.by_kind("speaker") if f.text == speaker)
    assert sp.label == "document", sp.attributes["type_reason"]


@pytest.mark.slow
def test_a_bank_or_a_mayor_of_a_place_is_no_work_title(run: Run) -> None:
    a = sources(run, "According to the Bank of Norvia, rates will rise.")
    assert one(a, "speaker").label == "named_organisation"


@pytest.mark.slow
def test_capitals_of_a_title_case_heading_make_no_person(run: Run) -> None:
    """The bug: "New Audit Report" in a title-case headline was a person (a proper noun
    with no entity label); its head noun decides, as it does in running text."""
    a = sources(run, "New Audit Report Says Harbor Plan Was Late\n\nThe audit came out on Monday.")
    assert one(a, "speaker").label == "document"
