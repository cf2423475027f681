"""Findings a fact-checker read as wrong on held-back PTC articles (issue #12 point 3),
each reproduced on an invented fixture: a title named by a definite description far
back in a long text, a phrase mentioned as the topic of a question, a document's title
in quotation marks."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.model import Analysis
from unspin.sources.report import source_rows

Run = Callable[..., Analysis]

_NAMES = [
    "Ana Ruiz", "Marek Olsen", "Tom Brandt", "Lia Vale", "Piet Varga", "Lena Holt",
    "Omar Diallo", "Sara Berg", "Ivo Kral", "Nina Petrova", "Jonas Lind", "Eva Moreau",
    "Karl Weiss", "Rita Soto", "Paul Dumont", "Hana Novak", "Luis Ortega", "Mia Jensen",
]  # fmt: skip


def test_a_title_resolves_to_its_holder_named_long_before(run: Run) -> None:
    meetings = " ".join(
        f"{a} met {b} at the Velmora Rowing Club and the Orvel Museum."
        for a, b in zip(_NAMES[::2], _NAMES[1::2], strict=True)
    )
    a = sources(
        run,
        f"Pope Clement visited the harbour town of Velmora on Sunday. {meetings} "
        'Yet the pope said the parish was "a light for the whole valley."',
    )
    (q,) = quotes(a)
    assert q.attributes["speaker"] == "Clement"
    assert q.attributes["source_type"] == "named_person"


def test_a_phrase_asked_about_is_not_the_askers_quotation(run: Run) -> None:
    a = sources(
        run,
        'Senator Lena Holt asked the minister, Piet Varga, about the switch of "quite '
        'careless" for "gross neglect" in the memo.',
    )
    assert not any(q.attributes.get("speaker") == "Lena Holt" for q in quotes(a))
    # what was asked in a clause stays the asker's
    a = sources(run, 'Senator Lena Holt asked whether the bridge plan was "a reckless gamble."')
    assert [q.attributes["speaker"] for q in quotes(a)] == ["Lena Holt"]


def test_a_documents_title_in_quotation_marks_is_not_a_quotation(run: Run) -> None:
    a = sources(
        run,
        "Archbishop Ivo Kral, head of the diocese of Velmora, yesterday added his signature "
        'to the "Declaration of Lasting Principles about Civic Duty," raising the number of '
        "signers to twelve, the Velmora Herald has learned.",
    )
    assert quotes(a) == []
    assert all(f.attributes.get("speaker") != "Ivo Kral" for f in attributions(a))


def test_a_scare_quote_in_a_relative_clause_is_not_the_passive_agents(run: Run) -> None:
    a = sources(
        run,
        'So the fourth chapter, which says that tenants can keep their flats when "hard '
        'circumstances" make it difficult to pay, is now declared "lawful" by the Ministry '
        "of Housing.",
    )
    (q,) = [q for q in quotes(a) if "circumstances" in q.text]
    assert q.attributes.get("speaker") != "Ministry of Housing"
    a = sources(
        run,
        "Hence Chapter Four, which proposes that tenants living in arrears can be blameless "
        'and thus be allowed to keep their flats when "hard circumstances" make it difficult '
        'to pay their rent, is now declared "lawful" by the Ministry of Justice.',
    )
    assert all(
        q.attributes.get("speaker") != "Ministry of Justice"
        for q in quotes(a)
        if "circumstances" in q.text
    )


def test_he_said_goes_on_with_the_one_who_told_not_the_one_who_listened(run: Run) -> None:
    told = (
        "Reporter Tom Brandt spoke with farmer Paul Dumont as well, who said he was "
        '"deeply upset" when the plan was announced. He\'d warned about three officials who '
        "had ignored the floods, he said, but the mayor mattered most to him."
    )
    assert _speaker_of(run, told, "officials") == "Paul Dumont"
    # the main subject who told something keeps the pronoun
    told = (
        "Tom Brandt told farmer Paul Dumont that the dam would hold. He said the "
        "engineers had checked it twice."
    )
    assert _speaker_of(run, told, "engineers") == "Tom Brandt"


def _speaker_of(run: Run, text: str, word: str) -> object:
    """The speaker of the one attribution whose content holds ``word``."""
    (e,) = [f for f in attributions(sources(run, text)) if word in f.text]
    return e.attributes["speaker"]


def test_a_part_of_a_document_is_a_document_with_no_role(run: Run) -> None:
    for text in (
        "Hence Chapter Four, which says that tenants can keep their flats, is now binding.",
        'So the fourth chapter says that tenants can keep their flats when "hard times" come.',
    ):
        (e,) = attributions(sources(run, text))
        assert e.attributes["source_type"] == "document"
        assert e.attributes.get("role") is None  # "fourth chapter" is no role


def test_the_sources_table_shows_a_whole_quotation_before_a_scare_quoted_word(
    run: Run,
) -> None:
    a = sources(
        run,
        'Ana Ruiz, a harbour engineer, said the old pier offered only "comfort" to the '
        'owners. "The pier will not survive another winter storm," she told reporters.',
    )
    (row,) = [r for r in source_rows(a) if r.speaker == "Ana Ruiz"]
    assert "survive" in row.example


def test_a_word_named_in_a_reported_clause_is_no_quotation_of_the_reporter(run: Run) -> None:
    a = sources(
        run,
        "Judge Lena Holt observed that the order used 'intent' rather than 'purpose', "
        'and that the bill used the word "shall".',
    )
    assert quotes(a) == []
    assert [f.attributes["speaker"] for f in attributions(a)] == ["Lena Holt"]
    # a phrase the reporter's clause quotes as speech stays theirs
    a = sources(run, 'Holt noted that the memo used "intent" and said it was "plainly unlawful."')
    assert [(q.text, q.attributes["speaker"]) for q in quotes(a)] == [
        ('"plainly unlawful."', "Holt")
    ]


def test_what_an_unnamed_warning_was_about_is_no_reported_speech(run: Run) -> None:
    a = sources(
        run, "Hours before the public was warned about the raids, some shops got a head start."
    )
    assert attributions(a) == []
    # warned of something by a named speaker, or warned that ...: reported speech
    a = sources(run, "The union warned of a strike in May.")
    assert [(f.text, f.attributes["speaker"]) for f in attributions(a)] == [
        ("a strike in May", "the union")
    ]
    a = sources(run, "Residents were warned that the river would flood.")
    assert [f.text for f in attributions(a)] == ["the river would flood"]


def test_an_unnamed_speaker_has_no_role_that_only_repeats_its_words(run: Run) -> None:
    a = sources(run, "Her lawyer said the appeal would follow. She added that it was filed.")
    assert [f.attributes["role"] for f in a.by_kind("speaker")] == [None, "Her lawyer"]
    (row,) = [r for r in source_rows(a) if r.speaker == "Her lawyer"]
    assert row.role == ""
    # a role in apposition stays the named speaker's role
    a = sources(run, "His lawyer, Omar Diallo, said the ruling was wrong.")
    (att,) = attributions(a)
    assert (att.attributes["speaker"], att.attributes["role"]) == ("Omar Diallo", "His lawyer")


def test_a_persons_record_is_evidence_about_them_not_a_document_speaking(run: Run) -> None:
    for text in (
        "His record indicates that he was absent for months.",
        "Her voting record shows that she opposed the bill.",
    ):
        a = sources(run, text)
        assert attributions(a) == [] and a.by_kind("speaker") == [], text
    a = sources(run, "The court record shows that he was jailed twice.")
    assert [f.label for f in attributions(a)] == ["document"]


def test_which_never_stands_for_a_person(run: Run) -> None:
    a = sources(
        run,
        "The raids went ahead despite a press release tweeted by Maria Lopez, the mayor "
        "of Velmora, which noted that the raids were coming.",
    )
    (att,) = attributions(a)
    assert att.attributes["speaker"] != "Maria Lopez"
    assert speaker_of(a, att).text == "a press release"


def test_one_unnamed_source_is_one_row_whatever_its_case(run: Run) -> None:
    a = sources(
        run,
        "Emails reveal that the mayor knew of the raids. According to emails, the shops "
        "got a warning on Sunday.",
    )
    rows = [r for r in source_rows(a) if r.speaker.lower() == "emails"]
    assert [(r.speaker, r.count) for r in rows] == [("Emails", 2)]


def test_a_quotation_woven_into_the_next_sentence_is_not_carried_over(run: Run) -> None:
    a = sources(
        run,
        "The Velmora Herald reports that “targeted harbour enforcement operations” led to "
        "the arrests. "
        "One of those held is a trader whose “unpaid fines in three ports have grown for "
        "a decade” and who had been banned twice.\n"
        '"We will appeal," said Marek Olsen, the trader\'s lawyer. "The fines are unjust."',
    )
    by_text = {q.text.strip('"“”'): q for q in quotes(a)}
    first = by_text["targeted harbour enforcement operations"]
    assert first.attributes["speaker"] == "Velmora Herald"
    fines = next(q for t, q in by_text.items() if t.startswith("unpaid fines"))
    assert fines.attributes["speaker"] is None
    # a quotation that opens the next sentence still continues the one before
    unjust = by_text["The fines are unjust."]
    assert unjust.attributes["speaker_link"] == "continuation"


def test_a_headline_verb_read_as_a_noun_is_not_part_of_the_speaker(run: Run) -> None:
    a = sources(
        run, "Swiss bishop signs statement saying tax law is unjust\n\nThe law passed in May."
    )
    assert [f.text for f in a.by_kind("speaker")] == ["statement"]
    # in running text (a closing stop) the noun phrase is left as parsed
    a = sources(run, "UN weapons inspectors said the site was empty.")
    assert [f.text for f in a.by_kind("speaker")] == ["UN weapons inspectors"]


def test_a_line_that_introduces_a_statement_attributes_the_next_line(run: Run) -> None:
    a = sources(
        run,
        "The warning did not win her friends.\n"
        "Harbor Deputy Chief Tomas Berg said in a statement Tuesday,\n"
        "The decision to publicize her suspicions put my officers at risk.\n"
        "Our officers will continue to do their duty.",
    )
    (att,) = attributions(a)
    assert att.text == "The decision to publicize her suspicions put my officers at risk"
    assert att.attributes["speaker"] == "Tomas Berg"
    # a clause that goes on after the comma is no introduction
    a = sources(run, "Tomas Berg said the port was closed,\nand the ships waited outside.")
    assert [f.text for f in attributions(a)] == ["the port was closed"]


def test_a_dash_aside_about_whom_is_the_writers_not_the_speakers(run: Run) -> None:
    a = sources(
        run,
        'The port authority reports that 80 sailors with unpaid fines "remain at large" in '
        "the area -- an unknown number of whom may have been tipped off by a harbour master "
        "who betrayed the town.",
    )
    (att,) = attributions(a)
    assert att.text == '80 sailors with unpaid fines "remain at large" in the area'
    # paired dashes inside the clause stay in it
    a = sources(run, "Officials said the bridge -- which cost millions -- was unsafe.")
    assert [f.text for f in attributions(a)] == ["the bridge -- which cost millions -- was unsafe"]
