"""Wrong speakers of the round-3 precision audit (bench/audit/round3), each reproduced on
an invented fixture: a "she" that took the antecedent of a "he", a surname the tagger
read as a common noun with the full name given later, the officials or spokesperson of a
named body typed anonymous, a thing ("an error", "an agreement") or a hypothetical
claimant as a speaker, a writer's article taken for an unnamed source, a family typed as
an organisation, and a titled person typed as an organisation where named alone.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_audit_round2_speakers import Row, _analyse
from tests.sources.test_sources import attributions, sources, speaker_of
from unspin.model import Analysis, Finding
from unspin.sources.resolver import Known, Resolver
from unspin.sources.speakers import Mention

Run = Callable[..., Analysis]


def _speaker(a: Analysis, text: str) -> Finding:
    found = [f for f in a.by_kind("speaker") if f.text == text]
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


def test_a_she_never_takes_the_antecedent_of_a_he_in_the_clause_before(run: Run) -> None:
    a = sources(
        run,
        "In the case, an executive of a trucking firm and a banker from Ohio pled guilty "
        "to fraud in 2015. Moss added her client has had contact from two committees "
        "seeking information about what he witnessed at the plant. \"He can't disclose "
        'anything that he came upon in his work," she said.',
    )
    she = _speaker(a, "she")
    assert she.label == "named_person"
    assert she.attributes["name"] == "Moss"
    assert she.attributes["role"] is None  # never the executive's description


def test_a_surname_read_as_a_noun_is_the_person_named_in_full_later(run: Run) -> None:
    a = sources(
        run,
        "The deal was approved in 2010. Toelsing added her client has had contact from two "
        "committees seeking information about what he witnessed. The client has hired an "
        "attorney, Vera Toelsing, a former prosecutor.",
    )
    s = _speaker(a, "Toelsing")
    assert (s.label, s.attributes["name"]) == ("named_person", "Vera Toelsing")
    (f,) = attributions(a)
    assert f.label == "named_person"


def test_a_spokesperson_of_a_named_department_speaks_for_it(run: Run) -> None:
    a = sources(
        run, 'A Transport Department spokesperson told the Gazette that the agency "is working '
        'on the order."',
    )  # fmt: skip
    s = _speaker(a, "A Transport Department spokesperson")
    assert s.label != "anonymous"
    assert s.attributes["name"] == "Transport Department"


def test_officials_of_a_name_the_parse_cut_off_speak_for_it() -> None:
    # 'ACME officials told the Gazette that ...' after a quotation: the parser hangs
    # "ACME" on the verb as an interjection, and the recogniser takes it for a person
    rows: list[Row] = [
        ("ACME", "PROPN", "NNP", "intj", 2, "PERSON"),
        ("officials", "NOUN", "NNS", "nsubj", 2, ""),
        ("told", "VERB", "VBD", "ROOT", 2, ""),
        ("the", "DET", "DT", "det", 4, ""),
        ("Gazette", "PROPN", "NNP", "dobj", 2, "ORG"),
        ("that", "SCONJ", "IN", "mark", 8, ""),
        ("its", "PRON", "PRP$", "poss", 7, ""),
        ("plan", "NOUN", "NN", "nsubj", 8, ""),
        ("failed", "VERB", "VBD", "ccomp", 2, ""),
        (".", "PUNCT", ".", "punct", 2, ""),
    ]
    a = _analyse(rows)
    s = _speaker(a, "ACME officials")
    assert (s.label, s.attributes["name"]) == ("named_organisation", "ACME")


def test_a_thing_is_no_speaker(run: Run) -> None:
    a = sources(
        run,
        "The witness was asked to sign a nondisclosure agreement that prevents him from "
        "revealing what he knows to the council, Moss explained.",
    )
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))
    a = sources(
        run, "An administrative error this month revealed that the city had secretly sold the "
        "port.",
    )  # fmt: skip
    assert all(f.label != "anonymous" for f in a.by_kind("speaker"))


def test_a_claimant_a_rule_describes_reports_nothing(run: Run) -> None:
    a = sources(
        run,
        "The order can be based on the testimony of only one person claiming that the "
        "owner poses a risk to others.",
    )
    assert not a.by_kind("speaker")
    assert not attributions(a)


def test_a_writers_article_is_a_document_not_an_unnamed_source(run: Run) -> None:
    a = sources(
        run,
        "Reporter Ann Lund's latest article, claiming that the mayor secretly met the "
        "builder, is full of holes.",
    )
    (f,) = attributions(a)
    s = speaker_of(a, f)
    assert s.label == "document"
    assert s.attributes["affiliation"] == "Ann Lund"


def test_a_family_is_people_not_an_organisation(run: Run) -> None:
    a = sources(
        run,
        "Ivo Vask sold the port in 2010. The deal was approved by the board, transactions "
        "that both the Vasks and the council denied had any influence on the vote.",
    )
    s = _speaker(a, "Vasks")
    assert s.label == "group"
    assert s.attributes["entity_type"] == "group"


def test_a_surname_the_text_gives_a_title_is_a_person(run: Run) -> None:
    a = sources(
        run,
        '"The mayor was responding to comments from Vice President Holt that cities should '
        "have more tools. 'Allow due process,' Holt said.\"",
    )
    s = _speaker(a, "Holt")
    assert (s.label, s.attributes["entity_type"]) == ("named_person", "person")


def test_the_lawyer_is_the_attorney_named_before_but_not_another_kind(run: Run) -> None:
    a = sources(
        run,
        "The witness has hired an attorney, Vera Moss, a former federal prosecutor, to "
        "represent him. At the time, the mayor was serving on the panel that approved the "
        "deal, the lawyer said.",
    )
    s = _speaker(a, "the lawyer")
    assert (s.label, s.attributes["name"]) == ("named_person", "Vera Moss")
    a = sources(
        run,
        "The witness has hired an attorney, Vera Moss, a former federal prosecutor, to "
        "represent him. The government was harsh, the civil lawyer wrote in an email.",
    )
    assert _speaker(a, "the civil lawyer").attributes["name"] is None  # another lawyer


def test_a_surname_is_the_full_name_the_recogniser_missed_before_it() -> None:
    # 'For Ann Jarvik, BC, the show went wrong. Jarvik said it was rude.': the recogniser
    # misses the full name and takes the lone surname for a person
    rows: list[Row] = [
        ("For", "ADP", "IN", "prep", 9, ""), ("Ann", "PROPN", "NNP", "compound", 2, ""),
        ("Jarvik", "PROPN", "NNP", "pobj", 0, ""), (",", "PUNCT", ",", "punct", 2, ""),
        ("BC", "PROPN", "NNP", "appos", 2, ""), (",", "PUNCT", ",", "punct", 9, ""),
        ("the", "DET", "DT", "det", 7, ""), ("show", "NOUN", "NN", "nsubj", 8, ""),
        ("failed", "VERB", "VBD", "ROOT", 8, ""), (".", "PUNCT", ".", "punct", 8, ""),
        ("Jarvik", "PROPN", "NNP", "nsubj", 11, "PERSON"),
        ("said", "VERB", "VBD", "ROOT", 11, ""), ("it", "PRON", "PRP", "nsubj", 13, ""),
        ("was", "AUX", "VBD", "ccomp", 11, ""), ("rude", "ADJ", "JJ", "acomp", 13, ""),
        (".", "PUNCT", ".", "punct", 11, ""),
    ]  # fmt: skip
    a = _analyse(rows)
    s = _speaker(a, "Jarvik")
    assert (s.label, s.attributes["name"]) == ("named_person", "Ann Jarvik")


def test_the_writers_own_present_or_hypothetical_i_reports_nothing(run: Run) -> None:
    for text in (
        "I tell you that the city will pay for this.",
        "If we claimed that the rights are optional, most people would have none.",
    ):
        a = sources(run, text)
        assert not a.by_kind("speaker"), text
        assert not attributions(a), text
    # the writer reporting a remark of theirs stays
    a = sources(run, "I told her that the city will pay for this.")
    (f,) = attributions(a)
    assert speaker_of(a, f).text == "I"


def test_a_phrase_cut_before_its_end_is_no_speaker(run: Run) -> None:
    a = sources(run, 'How? No specifics except to say he was "staring" at people.')
    assert not a.by_kind("speaker")


def test_a_common_noun_a_headline_capitalised_names_no_one() -> None:
    # "Harbor Informant Silenced" as a headline the recogniser took for a person's name:
    # "the informant" later is not that "person"; "the lawyer" is the attorney named before
    resolver = Resolver()
    resolver.add(Known(0, 16, "Harbor Informant", "person", "named_person", True, 0, None))
    m = Mention(40, 53, "anonymous", kind="noun", rule="speaker.unnamed-person",
                head_word="informant", definite=True, pointing=True)  # fmt: skip
    resolver.definite_noun(m)
    assert m.name is None and m.source_type == "unresolved"
    resolver.add(Known(60, 69, "Vera Moss", "person", "named_person", True, 1, "attorney"))
    m = Mention(90, 100, "anonymous", kind="noun", rule="speaker.unnamed-person",
                head_word="lawyer", definite=True, pointing=True)  # fmt: skip
    resolver.definite_noun(m)
    assert m.name == "Vera Moss"
