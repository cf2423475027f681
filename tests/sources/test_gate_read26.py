"""Reported contents found wrong reading PTC articles' reports (session 26), each
reproduced on an invented fixture:

- a sentence in brackets that ends on its "according to" phrase ("(X knew Y, according to
  court papers.)") reports what comes before the phrase, not the whole bracket with the
  phrase and its source;
- a past-tense verb joined to a reported clause whose verb is bare after an auxiliary
  ("said the names did not match, and put him on the stand") is the sayer's act, not
  part of what was said;
- a content opening with "not only" keeps its "but" half, a clause of the same statement
  ("said not only is it known that A, but it is also known that B");
- a possessive written with a typographic apostrophe after a word in small letters
  ("people’s right") is read by the parser as one written with a typewriter one; the
  model took "’s" for the clause's verb and the content stopped before the clause's verb.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    "text",
    [
        "Lund owed Vik nothing. (Lund knew Vik well enough to lend him money, according to "
        "court papers filed by Vik.) The loan was never repaid.",
        "Lund owed Vik nothing. (Lund knew Vik well enough to lend him money, according to "
        "court papers filed by Vik). The loan was never repaid.",
    ],
)
def test_according_to_ending_a_sentence_in_brackets(run: Run, text: str) -> None:
    (a,) = [f for f in sources(run, text).by_kind("attribution") if "money" in f.text]
    assert a.text == "Lund knew Vik well enough to lend him money"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a past-tense verb cannot share the reported clause's auxiliary: the sayer's act
        (
            "Hadley said two signatures from Vik on the loan papers did not match, and put "
            "a defiant Vik on the witness stand.",
            "two signatures from Vik on the loan papers did not match",
        ),
        (
            "Harbor police told the paper the department could not comment on the case, and "
            "referred questions to the ministry.",
            "the department could not comment on the case",
        ),
        # a verb that shares the auxiliary stays in what was said
        (
            "Hadley said the firm would not close the plant and move its staff.",
            "the firm would not close the plant and move its staff",
        ),
    ],
)
def test_a_past_verb_after_a_reported_auxiliary_is_the_sayers(
    run: Run, text: str, content: str
) -> None:
    (a,) = sources(run, text).by_kind("attribution")
    assert a.text == content


def test_not_only_keeps_its_but_half(run: Run) -> None:
    text = (
        "Vik said that not only is it now known that the mayor received a letter from one of "
        "the tenants, but it is also now known that he was “told from the start that this "
        "was a bad plan.”"
    )
    (a,) = sources(run, text).by_kind("attribution")
    assert a.text.startswith("not only is it now known")
    assert a.text.endswith(
        "but it is also now known that he was “told from the start that this was a bad plan.”"
    )
    # a "but" half with its own verb of saying is another statement
    other = "Vik said that not only did the mayor get the letter, but Lund said he read it."
    contents = {f.text for f in sources(run, other).by_kind("attribution")}
    assert "not only did the mayor get the letter" in contents


def test_a_possessive_with_a_typographic_apostrophe_does_not_cut_the_content(run: Run) -> None:
    text = (
        "Lund is a very principled man.\n"
        "When he first put up the site, he wrote that the whole idea of openness, honoring "
        "people’s right to know, was the central aim of the website."
    )
    (a,) = sources(run, text).by_kind("attribution")
    assert a.text == (
        "the whole idea of openness, honoring people’s right to know, was the central aim of "
        "the website"
    )
