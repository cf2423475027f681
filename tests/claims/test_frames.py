"""Claim frames (issue #13, point 1): polarity, quantities and what they count, dates.

Every fixture is a sentence written for this file; the labelled set under
``tests/data/claim_frames`` measures the same code at scale (test_frames_quality.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from unspin.model import Analysis
from unspin.nlp import Backbone

Run = Callable[..., Analysis]


def frame(run: Run, text: str, published: str | None = None) -> dict[str, Any]:
    (claim,) = run(text, "claims", published=published).by_kind("claim")
    return dict(claim.attributes["frame"])  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("The minister denied that troops had been deployed to the border.", "negative"),
        ("The company did not deny that it paid the consultants.", "positive"),
        ("No one was injured when the bus overturned.", "negative"),
        ("The council failed to approve the budget.", "negative"),
        ("The man, who had no criminal record, was jailed.", "positive"),
        ("Not only did prices rise, but wages also fell.", "positive"),
        ("Rescuers found nothing short of a miracle.", "positive"),
        ("Officials said there was no doubt that turnout rose.", "positive"),
        ("None of the miners trapped after the collapse were hurt, the company said.", "negative"),
        ("The plant no longer makes engines.", "negative"),
        # "are without" reads negative, as the team's labelled set has it (c013), so a
        # claim that residents have electricity and one that they are without it differ
        ("About 10 percent of residents are without electricity on Tuesday.", "negative"),
        ("The suspect was released without charge.", "negative"),
    ],
)
def test_polarity_of_the_main_proposition(run: Run, text: str, polarity: str) -> None:
    assert frame(run, text)["polarity"] == polarity


@pytest.mark.slow
def test_a_reported_claim_reads_the_reported_proposition(run: Run) -> None:
    f = frame(
        run, "Police said on Wednesday that 12 people were killed in the blast.", "2024-03-08"
    )
    assert (f["predicate"], f["polarity"], list(f["actors"])) == ("kill", "positive", ["Police"])
    assert [(q["text"], q["value"], q["unit"], q["counts"]) for q in f["quantities"]] == [
        ("12 people", 12.0, "people", "killed")
    ]
    assert [(d["text"], d["iso"]) for d in f["dates"]] == [("Wednesday", "2024-03-06")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The storm left 30 dead and 200 injured.", [("30", "killed"), ("200", "injured")]),
        ("Officials arrested 40 protesters.", [("40 protesters", "arrested")]),
        (
            "Three people were killed and 11 injured.",
            [("Three people", "killed"), ("11", "injured")],
        ),
        ("A 45-year-old man was arrested.", [("45-year-old", "age")]),
        # an apposed age after a title or a noun of people, not only after a name
        ("The prime minister, 54, said the vote was close.", [("54", "age")]),
        ("The welder, 38, was hurt in the blast.", [("38", "age")]),
        ("Ines Varga, 61, was hurt in the blast.", [("61", "age")]),
        ("The runner covered 42 kilometres.", [("42 kilometres", "distance")]),
        ("Unemployment rose by 2 percent.", [("2 percent", "percent")]),
        ("The firm paid $3.5 million in fines.", [("$3.5 million", "money")]),
        (
            "Floods killed 40 people and destroyed 1,500 houses.",
            [("40 people", "killed"), ("1,500 houses", "other")],
        ),
        ("The motion passed by 31 votes to 12.", [("31 votes", "other"), ("12", "other")]),
    ],
)
def test_what_each_quantity_counts(run: Run, text: str, want: list[tuple[str, str]]) -> None:
    got = [(q["text"], q["counts"]) for q in frame(run, text)["quantities"]]
    assert got == want


@pytest.mark.slow
def test_an_elided_noun_is_shared_and_a_duration_is_a_quantity(run: Run) -> None:
    f = frame(run, "The motion passed by 31 votes to 12, and he was jailed for three years.")
    units = [(q["text"], q["unit"]) for q in f["quantities"]]
    assert units == [("31 votes", "vote"), ("12", "vote"), ("three years", "year")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        ("The plant will close on Friday.", "2024-01-10", "2024-01-12"),
        ("The plant closed on Friday.", "2024-01-10", "2024-01-05"),
        # told on a Wednesday: that day, as news style names the day of publication
        ("The committee will vote on Wednesday.", "2024-01-10", "2024-01-10"),
        ("The committee will vote next Wednesday.", "2024-01-10", "2024-01-17"),
        ("The mayor said on Monday that fees would rise next year.", "2024-01-10", "2024-01-08"),
        ("Fares will rise from January 1, the authority said.", "2024-11-20", "2025-01-01"),
        ("The plant will close on Friday.", None, None),
    ],
)
def test_dates_resolve_by_the_tense_of_their_own_clause(
    run: Run, text: str, published: str | None, iso: str | None
) -> None:
    (date,) = [d for d in frame(run, text, published)["dates"] if d["text"] != "next year"]
    assert date["iso"] == iso


def test_a_frame_reads_in_one_line() -> None:
    from unspin.claims.report import frame_line

    frame = {
        "predicate": "deploy",
        "polarity": "negative",
        "negation_cues": ("denied",),
        "modality": "asserted",
        "quantities": ({"text": "12 people", "counts": "killed"},),
        "dates": ({"text": "Wednesday", "iso": "2024-03-06"}, {"text": "Friday", "iso": None}),
        "actors": ("The minister",),
        "places": (),
    }
    assert frame_line(frame) == (
        "deploy · negative (denied) · 12 people: killed · Wednesday = 2024-03-06 · "
        "Friday (unresolved) · actors: The minister"
    )
    assert frame_line(None) is None


@pytest.mark.slow
def test_reports_and_claim_rows_show_the_frame(backbone: Backbone) -> None:
    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.claims.report import claim_rows
    from unspin.config import Config
    from unspin.model import Document
    from unspin.pipeline import Pipeline
    from unspin.report import render_html, render_markdown

    text = "The minister denied on Monday that 40 soldiers had been killed near Lyon."
    claims = ClaimsAnalyzer(threshold=0.0)  # every claim listed
    pipeline = Pipeline(Config(analyzers=("claims",)), backbone=backbone, analyzers=[claims])
    a = pipeline.analyze(Document(text, published="2024-03-08"))
    (row,) = claim_rows(a)
    assert row.to_dict()["frame"]["polarity"] == "negative"
    line = row.csv_row("doc", 1)["frame"]
    assert line.startswith("kill · negative (denied) · 40 soldiers: killed")
    assert "Monday = 2024-03-04" in line
    assert f"frame: {line}" in render_markdown(a)
    assert "frame: kill · negative (denied)" in render_html(a)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "The city's health department said that 12 people were injured.",
            ["The city's health department"],
        ),
        ("This was what the mayor promised.", []),
        ("The bridge was closed by the county council.", ["the county council"]),
        ("Yesterday, 84% of people in the valley had no water.", []),  # an amount, not an actor
        ("A majority of voters backed the plan.", []),
        # a demonstrative phrase about the text's own news is no actor
        ("This news comes a day after the mayor resigned.", []),
        ("These developments follow a week of protests.", []),
        ("This company built the new bridge.", ["This company"]),
        # "the fact is that ...": a framing noun before "is", not an actor
        ("The fact is that the council spent the money on roads.", []),
        ("The problem is that the mayor never signed the order.", []),
        ("The problem forced the mayor to close the bridge.", ["The problem"]),
        # a name joined by "and" is whole (it was "Harbor")
        ("Harbor and Coast Patrol (HCP) arrested 12 people.", ["Harbor and Coast Patrol (HCP)"]),
    ],
)
def test_actors_are_whole_noun_phrases_and_never_a_bare_this(
    run: Run, text: str, actors: list[str]
) -> None:
    assert list(frame(run, text)["actors"]) == actors


@pytest.mark.slow
def test_an_age_is_a_quantity_labelled_age(run: Run) -> None:
    """The bug: "the 84-year-old head of the club" was a quantity labelled "other"."""
    a = run("Ada Brenner, the 71-year-old head of the club, resigned.", "claims")
    (age,) = a.by_kind("quantity")
    assert (age.text, age.label, age.attributes["unit"]) == ("71-year-old", "age", "years_old")


@pytest.mark.slow
def test_an_apposed_age_after_a_title_is_a_quantity_labelled_age(run: Run) -> None:
    """The bug: "the prime minister, 54, said" gave a quantity labelled "other" (the
    frame's own age reading only knew names)."""
    a = run("The prime minister, 54, said the vote was close.", "claims")
    (age,) = a.by_kind("quantity")
    assert (age.text, age.label, age.attributes["unit"]) == ("54", "age", "years_old")
    assert [q["counts"] for q in frame(run, a.document.text)["quantities"]] == ["age"]


@pytest.mark.slow
def test_a_number_between_commas_that_is_no_age_stays_a_number(run: Run) -> None:
    a = run("In the end, 54, not 60, voted for the plan.", "claims")
    assert "age" not in {q.label for q in a.by_kind("quantity")}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ('"We did what was right," Lund said, according to KVX Bay Area.', []),
        ("A group called Centro Vecinal de la Vega sent the mayor a list.", []),
        ("The Russia probe found that the mayor had lied in Paris.", ["Paris"]),
        ("Refugees fled to a town called Velmora in Ohio.", ["Velmora", "Ohio"]),
        (
            "Posters translated into Urdu, Pashto and other local languages stayed in Kabul.",
            ["Kabul"],
        ),
        ("The posters were translated into Urdu.", []),
        ("Vikland said the talks in Geneva failed.", ["Geneva"]),
        ("The posters were sent to Paris, Berlin and other cities.", ["Paris", "Berlin"]),
    ],
)
def test_a_place_name_that_says_no_place_is_no_place(
    run: Run, text: str, places: list[str]
) -> None:
    """A source after 'according to', the name of a group, the topic of a probe, a
    language."""
    assert list(frame(run, text)["places"]) == places


@pytest.mark.slow
def test_an_embedded_question_is_no_proposition(run: Run) -> None:
    """The bug: 'refuses to say how she learned of it' read 'learn', negative."""
    f = frame(run, "Lund refuses to say how she learned about the raids.")
    assert (f["predicate"], f["polarity"], list(f["actors"])) == ("say", "negative", ["Lund"])
    f = frame(run, "The minister did not say why the bridge closed.")
    assert (f["predicate"], f["polarity"]) == ("say", "negative")
    f = frame(run, "We did not find out who her sources were.")
    assert (f["predicate"], f["polarity"]) == ("find", "negative")
    f = frame(run, "Police said that 12 people were killed.")
    assert (f["predicate"], f["polarity"]) == ("kill", "positive")


@pytest.mark.slow
def test_a_name_or_noun_at_the_root_is_no_predicate(run: Run) -> None:
    """The bug: a verbless line ('... Harbor Raids in Velmora ...') gave the predicate 'Raids'."""
    f = frame(run, "Urgent notice: Harbor Raids in Velmora Sunday 2/25 and Monday 2/26.")
    assert f["predicate"] is None
    assert frame(run, "The council failed to approve the budget.")["predicate"] == "approve"


@pytest.mark.slow
def test_a_hyphenated_subject_is_one_actor(run: Run) -> None:
    """The parser cut 'Her ex-husband' into three subjects: the actors were 'Her ex', '-'
    and 'husband' on a real article."""
    assert list(frame(run, "Her ex-husband heads up the new firm.")["actors"]) == ["Her ex-husband"]
    assert list(frame(run, "The vice-president said it was over.")["actors"]) == [
        "The vice-president"
    ]


@pytest.mark.slow
def test_a_persons_name_is_no_place(run: Run) -> None:
    """A name NER read as a place: a title before it, or a person named in the text."""
    assert list(frame(run, "Senator Ana Kansas spoke in Topeka.")["places"]) == ["Topeka"]
    a = run("George Washington led the army. In Washington, he was praised.", "claims")
    assert [list(c.attributes["frame"]["places"]) for c in a.by_kind("claim")] == [[], []]
    a = run("J.D. Carolina wrote it. Lund pushed out Carolina in Paris.", "claims")
    assert [list(c.attributes["frame"]["places"]) for c in a.by_kind("claim")] == [[], ["Paris"]]
    assert list(frame(run, "Refugees fled from St. Louis to Fort Worth.")["places"]) == [
        "St. Louis",
        "Fort Worth",
    ]


@pytest.mark.slow
def test_a_name_apposed_to_a_person_or_a_body_is_no_place(run: Run) -> None:
    """The bug (a held-back PTC report): NER read a brother's first name and an insurance
    company as places ('the youngest brother, Jamal, ...', 'Americo, the life insurance
    company, said ...'), and every later mention of the name with them."""
    a = run(
        "When his father died, the youngest brother, Jamal, signed the certificate. "
        "Jamal sold a house to Ravi for $620,000 in Toledo. "
        "Americo, the life insurance company, said there was doubt.",
        "claims",
    )
    assert [list(c.attributes["frame"]["places"]) for c in a.by_kind("claim")] == [
        [],
        ["Toledo"],
        [],
    ]
    assert list(frame(run, "Ohio, the state where he grew up, voted early.")["places"]) == ["Ohio"]
