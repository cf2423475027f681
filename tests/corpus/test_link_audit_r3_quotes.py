"""Quote drift and role links on real news (link audit round 3): credible speakers only.

A speaker drift needs both sides to credit the words to the person speaking: a heading
on its own line before a colon, a name cut from an organisation's name in the sentence
before, the person a spokeswoman speaks for, a "he said" resolved to someone named two
sentences back, or one "he said" after the same narration resolved to two people are no
different speaker; an editor's bracket beside the speaker's words is no drift. Role
links: a spokesman's title is not the role of the one he speaks for, the office someone
runs for is not theirs, and one mention read twice is no pair. Invented quotations and
names throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from tests.corpus.mentions import links, mention
from unspin.corpus import (
    QuoteMention,
    RoleSlot,
    extract_slots,
    find_contradictions,
    quote_mentions,
)
from unspin.corpus.quote_speakers import speakers_differ
from unspin.corpus.quotes import unbracketed
from unspin.corpus.roles import appositions, one_mention
from unspin.model import Analysis, Document, Explanation, Finding, Relation

SAID = "The lanterns on the old quay would all be lit again after nine dark winters."


Speaker = tuple[str, str, dict[str, Any]]


def analysed(text: str, quote: str, said: dict[str, Any], *found: Speaker) -> Analysis:
    """A document with one quotation (``quote``, which appears once in ``text``) with
    quote attributes ``said``, credited to the first of the speaker findings ``found``
    (each: the speaker's text, the analyzer's rule, its attributes)."""
    doc = Document(text)
    speakers = [_speaker(doc, *f) for f in found]
    k = text.index(quote)
    quoted = Finding.anchored(
        doc, k, k + len(quote), kind="quote", label="named_person", score=0.9,
        analyzer="sources", analyzer_version="t", explanation=Explanation("quote.curly-double"),
        attributes={"speaker": None, "verb": None, **said},
        relations=[Relation("speaker", speakers[0].id)] if speakers else [],
    )  # fmt: skip
    return Analysis(doc, (*speakers, quoted))


def _speaker(doc: Document, span: str, rule: str, attrs: dict[str, Any]) -> Finding:
    k = doc.text.index(span)
    return Finding.anchored(
        doc, k, k + len(span), kind="speaker", label="named_person", score=0.9,
        analyzer="sources", analyzer_version="t", explanation=Explanation(rule),
        attributes={"resolved_from": None, "type_reason": "NER PERSON", **attrs},
    )  # fmt: skip


def only(analysis: Analysis) -> QuoteMention:
    (m,) = quote_mentions(analysis)
    return m


LINE = "“None of the lanterns on the old quay would be lit again this winter”"
BARE = "capitalised name, taken as a person"


# -- a heading is no speaker -----------------------------------------------------------


def test_a_heading_before_a_colon_is_no_speaker() -> None:
    text = f"The harbour tapes\nBroken Promises: {LINE} and more.\nOla Brek runs the quay."
    heading = ("Broken Promises", "speaker.named-person", {"name": "Broken Promises",
                                                             "type_reason": BARE})  # fmt: skip
    m = only(analysed(text, LINE, {"speaker": "Broken Promises"}, heading))
    assert (m.speaker, m.credit) == (None, "label")
    other = mention("d2", LINE, "Ida Brenn", "2024-05-03")
    assert links(replace(m, published="2024-05-02"), other) == []


def test_a_name_before_a_colon_who_speaks_elsewhere_stays_the_speaker() -> None:
    text = f"The harbour tapes\nOla Brek: {LINE}\nLater, Ola Brek said the quay was safe."
    label = ("Ola Brek", "speaker.named-person", {"name": "Ola Brek", "type_reason": BARE})
    named = ("Ola Brek said", "speaker.named-person", {"name": "Ola Brek"})
    m = only(analysed(text, LINE, {"speaker": "Ola Brek"}, label, named))
    assert (m.speaker, m.credit) == ("Ola Brek", "named")


def test_a_heading_with_a_reporting_verb_is_a_speaker() -> None:
    text = f"Ola Brek: {LINE}, she said."
    label = ("Ola Brek", "speaker.named-person", {"name": "Ola Brek", "type_reason": BARE})
    m = only(analysed(text, LINE, {"speaker": "Ola Brek", "verb": "say"}, label))
    assert m.credit == "named"


# -- a name guessed from the sentence before -------------------------------------------


def test_a_name_cut_from_an_organisation_is_no_other_speaker() -> None:
    text = (
        "The mayor ordered the files released by the Office of the Director of Harbour "
        f"Safety {LINE} according to a statement issued by spokeswoman Ida Brenn."
    )
    statement = ("a statement issued by spokeswoman Ida Brenn", "speaker.document", {"name": None})
    m = only(analysed(text, LINE, {}, statement))
    assert (m.speaker, m.credit) == ("Harbour Safety", "guess")
    other = mention("d2", LINE, "Ida Brenn", "2024-05-09")
    assert links(replace(m, published="2024-05-02"), other) == []


def test_a_guessed_name_can_still_be_the_same_speaker() -> None:
    a = replace(mention("d1", SAID, "Ida Brenn"), credit="guess")
    b = mention("d2", SAID.replace("nine dark", "seven long"), "Ida Brenn", "2024-05-03")
    assert links(a, b) == [("d1", "d2", ("wording",))]


# -- the one spoken for ----------------------------------------------------------------


def test_the_person_a_spokeswoman_speaks_for_is_not_another_speaker() -> None:
    text = f"An Ola Brek spokeswoman said {LINE}."
    spokeswoman = ("An Ola Brek spokeswoman", "speaker.representative",
                   {"name": "Ola Brek", "role": "spokeswoman"})  # fmt: skip
    m = only(analysed(text, LINE, {"speaker": "Ola Brek", "verb": "say"}, spokeswoman))
    assert (m.speaker, m.credit) == ("Ola Brek", "principal")
    other = mention("d2", LINE, "Ida Brenn", "2024-05-09")
    assert links(replace(m, published="2024-05-02"), other) == []


# -- two pronouns ----------------------------------------------------------------------


TOLD = "the harbour board met on monday and the keeper spoke to the crowd on the old quay"


def test_two_pronouns_after_one_narration_are_no_speaker_change() -> None:
    a = replace(mention("d1", SAID, "Ivo Brandt"), credit="pronoun", lead_in=TOLD)
    b = replace(
        mention("d2", SAID, "Tam Rusk", "2024-05-03"), credit="pronoun", lead_in=f"{TOLD} again"
    )
    assert not speakers_differ(a.credit, b.credit, a.lead_in, b.lead_in)
    assert links(a, b) == []


def test_two_pronouns_after_two_narrations_can_differ() -> None:
    a = replace(mention("d1", SAID, "Ivo Brandt"), credit="pronoun", lead_in=TOLD)
    b = replace(
        mention("d2", SAID, "Tam Rusk", "2024-05-03"),
        credit="pronoun",
        lead_in="hopes rose last week when the fleet commander tam rusk announced a truce",
    )
    assert links(a, b) == [("d1", "d2", ("speaker",))]


def test_a_named_speaker_against_a_pronoun_can_differ() -> None:
    a = replace(mention("d1", SAID, "Ivo Brandt"), credit="pronoun")
    b = mention("d2", SAID, "Tam Rusk", "2024-05-03")
    assert links(a, b) == [("d1", "d2", ("speaker",))]
    text = f"Tam Rusk left the quay. {LINE} he said."
    he = ("he", "speaker.pronoun",
          {"name": "Tam Rusk", "resolved_from": "pronoun", "antecedent_start": 0})  # fmt: skip
    m = only(analysed(text, LINE, {"speaker": "Tam Rusk", "verb": "say"}, he))
    assert (m.credit, m.lead_in) == ("pronoun", "tam rusk left the quay")


def test_a_pronoun_resolved_beyond_the_sentence_before_is_a_guess() -> None:
    text = f"Tam Rusk left the quay. The lawsuit is due in May. {LINE} he said."
    he = ("he", "speaker.pronoun",
          {"name": "Tam Rusk", "resolved_from": "pronoun", "antecedent_start": 0})  # fmt: skip
    m = only(analysed(text, LINE, {"speaker": "Tam Rusk", "verb": "say"}, he))
    assert (m.speaker, m.credit) == ("Tam Rusk", "guess")
    other = mention("d2", LINE, "Ida Brenn", "2024-05-09")
    assert links(replace(m, published="2024-05-02"), other) == []


# -- an editor's bracket ---------------------------------------------------------------


def test_an_editors_bracket_beside_the_words_is_no_drift() -> None:
    a = mention(
        "d1",
        "When we gave him [Brenn] the keys to the quay, he promised to light the lanterns. "
        "And later he told us it was done.",
        "Ola Brek",
    )
    b = mention(
        "d2", "When we gave him the keys to the quay, he promised to light the lanterns,",
        "Ola Brek", "2024-05-03",
    )  # fmt: skip
    assert unbracketed(a.text, b.text) is not None
    assert links(a, b) == []


def test_a_bracket_in_place_of_the_words_is_drift() -> None:
    a = mention("d1", "The tomb was opened for [the rite], and the sickness spread.", "Ola Brek")
    b = mention(
        "d2", "The tomb was opened for the Varan rite, and the sickness spread.", "Ola Brek",
        "2024-05-03",
    )  # fmt: skip
    assert unbracketed(a.text, b.text) is None
    assert links(a, b) == [("d1", "d2", ("wording",))]
    c = mention("d3", "When we gave [Brenn] the keys to the quay, he promised to light them.",
                "Ola Brek")  # fmt: skip
    d = mention("d4", "When we gave him the keys to the quay, he promised to light them.",
                "Ola Brek", "2024-05-03")  # fmt: skip
    assert unbracketed(c.text, d.text) is None


# -- roles -----------------------------------------------------------------------------


def roles_of(text: str, *found: Speaker) -> set[tuple[str, str]]:
    doc = Document(text)
    slots = extract_slots(Analysis(doc, tuple(_speaker(doc, *f) for f in found)))
    return {(s.name, s.role) for s in slots if isinstance(s, RoleSlot)}


def test_a_spokesmans_title_is_not_the_role_of_the_one_he_speaks_for() -> None:
    text = "A spokesman for Mayor Ola Brek said the quay was safe."
    got = roles_of(
        text,
        ("A spokesman for Mayor Ola Brek", "speaker.representative",
         {"name": "Ola Brek", "role": "spokesman"}),
    )  # fmt: skip
    assert got == {("Ola Brek", "Mayor")}  # the mayor's own title stays


def test_the_office_someone_runs_for_is_not_their_role() -> None:
    for text in (
        "Westmark Democratic candidate for governor Ilse Maran spoke on Monday.",
        "The party's nominee for Mayor Ilse Maran spoke on Monday.",
    ):
        assert [r for r in appositions(text) if r[2] == "Ilse Maran"] == [], text
    assert appositions("A spokesman for Governor Ilse Maran spoke.")[0][2:] == (
        "Ilse Maran",
        "Governor",
    )


def test_one_mention_read_twice_is_no_pair() -> None:
    text = "The pope named Cardinal Ilse Maran, the archbishop of Westmark, to run it."
    doc = Document(text)
    slots = [s for s in extract_slots(Analysis(doc)) if isinstance(s, RoleSlot)]
    assert {s.role for s in slots} == {"Cardinal", "archbishop of Westmark"}
    a, b = slots
    assert one_mention(a, b)
    elsewhere = replace(b, doc_id="other")
    assert not one_mention(a, elsewhere)
    # the linker makes no role link of the one mention, but links it to another document
    assert [lk for lk in find_contradictions(slots) if lk.kind == "compatible"] == []
    other = replace(b, doc_id="other", published="2024-05-02")
    assert [lk.kind for lk in find_contradictions([a, other])] == ["compatible"]


# -- the same credits from the real analyzers ------------------------------------------


@pytest.mark.slow
def test_credits_read_from_real_analyses(run: Callable[..., Analysis]) -> None:
    said = "“None of the lanterns on the old quay would be lit again this winter”"
    cases = {
        "Harbour tapes expose the quay plan\n\nThe video shows a staffer of the campaign.\n"
        f"Broken Promises: {said} but “That is not for the voters to know.”\n"
        "Ola Brek, a campaign staffer, said the plan was secret.": (None, "label"),
        f"An Ola Brek spokeswoman said: {said}.": ("Ola Brek", "principal"),
        "Ida Brenn spoke to the harbour board on Monday about the old quay.\n"
        f"{said[:-1]},” she said.": ("Ida Brenn", "pronoun"),
        "The mayor ordered the files released by the Office of the Director of Harbour Safety "
        f"{said} according to a statement issued by spokeswoman Ida Brenn.": (
            "Harbour Safety",
            "guess",
        ),
    }
    for text, credited in cases.items():
        m = quote_mentions(run(text, "sources", "claims"))[0]
        assert (m.speaker, m.credit) == credited, text
