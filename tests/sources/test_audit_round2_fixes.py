"""Wrong source findings of the round-2 precision audit (bench/audit/round2), each
reproduced on an invented fixture: a description the text names nearby, subjects that are
nobody ("one", an abstract noun, a proverbial "they"), a label in capitals, a petition,
a crowd as the antecedent of "they", an epigraph's hyphen signature, "she gushed".
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def speakers(a: Analysis) -> list[tuple[str, str, str | None]]:
    """``(text, source type, name)`` of every speaker finding, in text order."""
    return [
        (f.text, f.label, f.attributes.get("name"))
        for f in sorted(a.by_kind("speaker"), key=lambda f: f.start)
    ]


def said(a: Analysis) -> list[tuple[str | None, str, str]]:
    """``(speaker text, content, label)`` of every quotation and attribution."""
    out = []
    for f in sorted([*a.by_kind("quote"), *a.by_kind("attribution")], key=lambda f: f.start):
        ids = f.related("speaker")
        out.append((a.get(ids[0]).text if ids else None, f.text, f.label))
    return out


def test_a_description_named_a_few_sentences_on_is_that_person(run: Run) -> None:
    a = sources(
        run,
        "Fees cannot be cut, party's lawyer says.\n"
        "A lawyer hired by the Harbor Party says she is unable to confirm the fees.\n"
        "The paper obtained a report written by Ann Lund, a lawyer hired by the Harbor "
        "Party to review the fees.",
    )
    found = {t: (label, name) for t, label, name in speakers(a)}
    assert found["party's lawyer"] == ("named_person", "Ann Lund")
    assert found["A lawyer hired by the Harbor Party"] == ("named_person", "Ann Lund")
    f = next(f for f in a.by_kind("speaker") if f.text == "party's lawyer")
    assert "Ann Lund" in f.explanation.detail
    assert ("A lawyer hired by the Harbor Party", "she is unable to confirm the fees",
            "named_person") in said(a)  # fmt: skip


def test_a_description_is_not_merged_with_another_named_holder_of_the_role(run: Run) -> None:
    # a lawyer for the city is not the plaintiffs' lawyer named next
    a = sources(
        run,
        "A lawyer for the city said the deal was off. Ann Lund, a lawyer for the "
        "plaintiffs, said the deal was on.",
    )
    assert ("A lawyer for the city", "anonymous", None) in speakers(a)
    # an anonymity cue keeps a source anonymous, whoever is named next
    a = sources(
        run,
        "A senior official, who asked not to be named, said the port would close. "
        "Jens Holm, the deputy trade minister, said the talks went well.",
    )
    assert speakers(a)[0] == ("A senior official, who asked not to be named", "anonymous", None)


def test_an_official_followed_by_a_named_speaker_is_unresolved(run: Run) -> None:
    a = sources(
        run,
        "A senior Danish official said the port would close. Jens Holm, a Danish deputy "
        "minister, told state television that the decision was final.",
    )
    assert speakers(a) == [
        ("A senior Danish official", "unresolved", None),
        ("Jens Holm", "named_person", "Jens Holm"),
    ]
    assert said(a)[0] == ("A senior Danish official", "the port would close", "unresolved")
    # a named speaker whose role does not fit ("a Danish official" is no mayor of Oslo)
    a = sources(
        run,
        "A senior Danish official said the port would close. Jens Holm, the mayor of "
        "Oslo, told state television that the decision was final.",
    )
    assert speakers(a)[0] == ("A senior Danish official", "anonymous", None)


def test_the_impersonal_one_and_abstract_nouns_are_no_sources(run: Run) -> None:
    for text in (
        "This is how one explains that the mayor replaced the whole board.",
        "The networks are strangling the town. [emphasis added]",
        "Basing itself on the charter, tradition has always declared that the dues are binding.",
        "When you love the town according to the charter of the club, all of a sudden, "
        "the world acts like you are wrong.",
    ):
        a = sources(run, text)
        assert speakers(a) == [] and said(a) == [], text
    a = sources(
        run,
        "So, according to Lund, the mayor who fires clerks according to his pleasure is "
        "powerless to fire the chief.",
    )
    assert [t for t, _, _ in speakers(a)] == ["Lund"]
    # a source "according to" at the edge of the clause or set off by commas stays one
    a = sources(run, "Prices, according to the report, rose 5 percent.")
    assert speakers(a) == [("the report", "document", None)]
    a = sources(run, "Prices rose 5 percent according to the report.")
    assert said(a) == [("the report", "Prices rose 5 percent", "document")]


def test_a_proverbial_they_is_no_speaker(run: Run) -> None:
    a = sources(
        run,
        "Silence is a choice. They say you should never shout in a crowded hall. "
        "But you know better.",
    )
    assert speakers(a) == []
    assert said(a) == [(None, "you should never shout in a crowded hall", "unattributed")]
    # "they say" after what they say is somebody's, unresolved
    a = sources(run, "The fees will rise, they say.")
    assert said(a) == [("they", "The fees will rise", "unresolved")]
    # a "they" that names a group speaks for it
    a = sources(run, "Officials met the press. They say the port will close.")
    assert said(a) == [("They", "the port will close", "anonymous")]


def test_a_label_in_capitals_and_a_petition_are_not_anonymous(run: Run) -> None:
    a = sources(
        run,
        "May these days be days of grace for this town.\n"
        "COVENANT COMMENT: While we appreciate the mayor's candid explanation, we would "
        "also beg him to go further.",
    )
    assert speakers(a) == [("COVENANT", "named_organisation", None)]
    a = sources(
        run,
        'Three years ago this newspaper published a petition which states: "We ask the '
        'mayor to change course."',
    )
    assert speakers(a) == [("a petition", "document", None)]


def test_a_crowd_is_no_antecedent_for_a_speaking_they(run: Run) -> None:
    a = sources(
        run,
        "More than 58,000 soldiers died fighting rebels. And they're going to tell us that "
        "the clerk just skated across the stage?",
    )
    assert speakers(a) == [("they", "unresolved", None)]
    a = sources(run, "Two officials met the press. They said the port would close.")
    assert speakers(a) == [("They", "anonymous", None)]


def test_an_epigraph_signed_with_a_hyphen_and_a_gushing_speaker(run: Run) -> None:
    a = sources(
        run,
        "Keepers of the Town\n"
        '"If you want to change the future you have to trouble the present."-Ann Lund\n'
        "Before I begin, I need to make clear that leaders follow.",
    )
    assert said(a)[0] == (
        "Ann Lund",
        '"If you want to change the future you have to trouble the present."',
        "named_person",
    )
    a = sources(
        run,
        'Ann Lund had assured the crowd that the mayor was kind. "I see the mayor talk '
        'of peace every year," she gushed.',
    )
    assert ("she", '"I see the mayor talk of peace every year,"', "named_person") in said(a)


def test_a_bare_plural_description_of_people_quoted_next_is_unresolved(run: Run) -> None:
    a = sources(
        run,
        'Whatever the mayor meant, law scholars stressed that the rule is clear. "It is '
        'plain," said Ann Lund, a professor of law at Westby.',
    )
    assert speakers(a)[0] == ("law scholars", "unresolved", None)
    f = next(f for f in a.by_kind("speaker") if f.text == "law scholars")
    assert "Ann Lund" in f.explanation.detail
    # a description whose words fit nobody named after it stays anonymous
    a = sources(
        run,
        'Whatever the mayor meant, critics stressed that the law is unclear. "It is '
        'plain," said Ann Lund, a professor of law at Westby.',
    )
    assert speakers(a)[0] == ("critics", "anonymous", None)
