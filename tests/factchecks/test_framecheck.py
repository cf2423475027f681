"""Matching that checks the frame: a fact-check whose number, date, polarity or actor
differs from the claim's is related, not a match (issue #13 point 4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from unspin.factchecks import ClaimReview, FactCheckIndex, FactCheckMatcher
from unspin.factchecks.framecheck import (
    ClaimSide,
    FrameChecks,
    FrameReader,
    check_sides,
    differs_line,
    read_side,
)
from unspin.frames import describe_checks
from unspin.nlp import Parsed, SpacyBackbone


@pytest.fixture(scope="module")
def backbone() -> SpacyBackbone:
    return SpacyBackbone()


def side(backbone: SpacyBackbone, text: str, published: date | None = None) -> ClaimSide:
    return read_side(backbone.parse(text), published)


def verdicts(backbone: SpacyBackbone, article: str, factcheck: str) -> dict[str, bool]:
    checks = check_sides(side(backbone, article), side(backbone, factcheck))
    return {c.slot: c.agrees for c in checks}


def test_a_changed_number_differs_and_the_same_number_agrees(backbone: SpacyBackbone) -> None:
    claim = "The city council spent $4 million on the new stadium."
    assert (
        verdicts(backbone, "The city council spent $9 million on the new stadium.", claim)["number"]
        is False
    )
    assert verdicts(backbone, "Council spent 4 million dollars on a stadium!", claim).get(
        "number", True
    )


def test_another_year_differs_but_another_day_of_the_same_year_agrees(
    backbone: SpacyBackbone,
) -> None:
    claim = "The bridge collapsed in March 2016."
    assert verdicts(backbone, "The bridge collapsed in March 2012.", claim)["date"] is False
    assert verdicts(backbone, "The bridge collapsed on 3 March 2016.", claim)["date"] is True


def test_two_days_of_one_year_agree_only_in_the_year_and_say_so(
    backbone: SpacyBackbone,
) -> None:
    """At the default year level another day of the year does not veto a match, but the
    check says only the year agrees ("agree: year"), never "agree: date" for 31 January
    against 31 March."""
    checks = check_sides(
        side(backbone, "Halvard Mills will shut its Orrin plant on 31 January 2027."),
        side(backbone, "Halvard Mills will shut its Orrin plant on 31 March 2027."),
    )
    [year] = [c for c in checks if c.slot in ("date", "year")]
    assert (year.slot, year.agrees, year.a, year.b) == (
        "year",
        True,
        "31 January 2027",
        "31 March 2027",
    )
    assert "date" not in describe_checks(checks)


def test_an_inserted_negation_differs(backbone: SpacyBackbone) -> None:
    claim = "The governor signed the bill banning plastic bags."
    article = "The governor did not sign the bill banning plastic bags."
    assert verdicts(backbone, article, claim)["polarity"] is False
    assert verdicts(backbone, claim, claim)["polarity"] is True


def test_a_negation_in_a_sentence_worded_otherwise_is_not_compared(
    backbone: SpacyBackbone,
) -> None:
    checks = check_sides(
        side(backbone, "Nothing to see here."),
        side(backbone, "The governor signed the bill banning plastic bags."),
    )
    assert "polarity" not in {c.slot for c in checks}


def test_another_speaker_differs_but_a_shorter_name_agrees(backbone: SpacyBackbone) -> None:
    claim = "Senator Maria Ortiz said the plant would close in June."
    other = verdicts(backbone, "Governor Tom Becker said the plant would close in June.", claim)
    assert other["actor"] is False
    assert verdicts(backbone, "Ortiz said the plant would close in June.", claim)["actor"] is True


def test_the_line_says_what_each_side_holds(backbone: SpacyBackbone) -> None:
    claim = "The city council spent $4 million on the new stadium."
    checks = check_sides(
        side(backbone, "The city council spent $9 million on the new stadium."),
        side(backbone, claim),
    )
    line = differs_line(checks)
    assert line is not None
    assert line.startswith("related, but differs: number: fact-check says $4 million")
    assert "article says $9 million" in line
    assert line.endswith("differ: number)")
    assert differs_line(checks, slots=("date",)) is None


def test_the_reader_parses_each_claim_once(backbone: SpacyBackbone) -> None:
    calls: list[int] = []

    def parse_many(texts: Sequence[str]) -> list[Parsed]:
        calls.append(len(texts))
        return backbone.parse_many(texts)

    reader = FrameReader(parse_many)
    review = ClaimReview(claim="The dam holds three billion litres.", id="r1")
    first = reader.sides([review])
    again = reader.sides([review, review])
    assert calls == [1]
    assert again[0] is first[0]


def test_the_matcher_marks_a_fact_check_that_differs(backbone: SpacyBackbone) -> None:
    reviews = [
        ClaimReview(
            claim="The mayor spent $4 million on the new stadium.", publisher="Check", id="a"
        ),
    ]
    matcher = FactCheckMatcher(
        FactCheckIndex(reviews),
        frames=FrameReader(backbone.parse_many),
        frame_checks=FrameChecks(),
        pieces=False,
    )
    texts = [
        "The mayor spent $4 million on the new stadium.",
        "The mayor spent $9 million on the new stadium.",
    ]
    sides = [side(backbone, t) for t in texts]
    same, changed = matcher.match(texts, top=3, min_score=0.0, sides=sides)
    assert same and same[0].differs is None and same[0].checks
    assert changed and changed[0].differs is not None
    assert changed[0].differs == (
        "related, but differs: number: fact-check says $4 million (money), article says "
        "$9 million (money) (agree: polarity, predicate; differ: number)"
    )
    # without sides, nothing is checked (as before)
    plain = matcher.match(texts, top=3, min_score=0.0)
    assert all(m.differs is None and not m.checks for ms in plain for m in ms)


@pytest.mark.slow
def test_the_analyzer_lists_a_fact_check_that_differs_as_related(
    backbone: SpacyBackbone,
) -> None:
    from pathlib import Path

    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.claims.report import claim_rows
    from unspin.config import load_config
    from unspin.errors import SchemaError
    from unspin.factchecks.analyzer import FactChecksAnalyzer
    from unspin.model import Document
    from unspin.pipeline import Pipeline
    from unspin.report import render_html, render_markdown, validate

    fixtures = Path(__file__).parent / "fixtures"
    pipe = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(), FactChecksAnalyzer(path=str(fixtures))],
    )
    same = pipe.analyze(
        Document("Mayor Ilsa Varn said the Velmora dam holds three billion litres of water.")
    )
    (f,) = same.by_kind("factcheck")
    assert f.label == "match"
    assert "differ" not in f.attributes["frame_check"]
    assert "Frames: agree:" in f.explanation.detail

    changed = pipe.analyze(
        Document("Mayor Ilsa Varn said the Velmora dam holds nine billion litres of water.")
    )
    (f,) = changed.by_kind("factcheck")
    assert f.label == "related"
    assert not f.attributes["matches"]
    (related,) = [m for m in f.attributes["related"] if "velmora" in str(m["url"])]
    assert str(related["differs"]).startswith(
        "related, but differs: number: fact-check says three billion litres"
    )
    assert "article says nine billion litres" in str(related["differs"])
    (row,) = [r for r in claim_rows(changed) if r.related]
    assert row.matches == ()
    assert row.related[0].differs == related["differs"]
    assert row.to_dict()["related"][0]["differs"] == related["differs"]
    html = render_html(changed)
    assert "related, but differs: number: fact-check says three billion litres" in html
    assert row.checkworthy
    validate(same.to_dict())
    validate(changed.to_dict())  # a related finding may have no matches; a match may not
    data = changed.to_dict()
    next(x for x in data["findings"] if x["kind"] == "factcheck")["label"] = "match"
    with pytest.raises(SchemaError, match="matches"):
        validate(data)
    assert "fact-check of a related claim: [Example Checks]" in render_markdown(changed)


def test_a_claim_without_a_frame_attribute_is_read_from_its_sentence(
    backbone: SpacyBackbone,
) -> None:
    from dataclasses import replace
    from types import SimpleNamespace
    from typing import Any

    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.config import load_config
    from unspin.factchecks.analyzer import FactChecksAnalyzer
    from unspin.model import Document
    from unspin.pipeline import Pipeline

    text = "The council met on Tuesday. The council spent $9 million on the stadium."
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=backbone, analyzers=[ClaimsAnalyzer()]
    )
    claims = pipe.analyze(Document(text)).by_kind("claim")
    bare = [replace(c, attributes={}) for c in claims]
    ctx: Any = SimpleNamespace(document=Document(text), parsed=backbone.parse(text))
    with_frames = FactChecksAnalyzer._sides(ctx, claims)
    without = FactChecksAnalyzer._sides(ctx, bare)

    def slots(sides: list[ClaimSide]) -> list[tuple[object, ...]]:
        return [
            (f["predicate"], f["polarity"], tuple(q["value"] for q in f["quantities"]))
            for side in sides
            for f in side.frames
        ]

    assert slots(without) == slots(with_frames)
    assert without[1].frames[0]["quantities"][0]["counts"] == "money"


SIGNED = "Governor Ann Holt signed the housing bill."


@pytest.mark.parametrize(
    ("article", "factcheck"),
    [
        ("Ann Holt vetoed the housing bill on Friday.", SIGNED),
        ("Ann Holt read the housing bill on Friday.", "Ann Holt did not sign the housing bill."),
    ],
)  # fmt: skip
def test_another_action_on_the_same_thing_differs(
    backbone: SpacyBackbone, article: str, factcheck: str
) -> None:
    checks = check_sides(side(backbone, article), side(backbone, factcheck))
    (predicate,) = [c for c in checks if c.slot == "predicate"]
    assert not predicate.agrees and predicate.b == "sign"
    line = differs_line(checks)
    assert line is not None and "predicate: fact-check says sign, article says " in line


@pytest.mark.parametrize(
    ("article", "factcheck"),
    [
        # a verb of the same sense, phrasal or not; a form of the same verb
        ("Ann Holt turned down the housing bill.", "Ann Holt rejected the housing bill."),
        ("Ann Holt has signed the housing bill into law.", SIGNED),
        # the article uses the fact-check's verb too: not certainly another action
        ("Ann Holt read the housing bill and signed it.", SIGNED),
        # a verb of saying or being tells no action to compare
        ("Ann Holt is the author of the housing bill.", SIGNED),
        # done to another thing; two verbs whose wordings the sense list does not know
        ("Ann Holt vetoed the housing budget.", SIGNED),
        ("Ann Holt read the housing bill.", "Ann Holt drafted the housing bill."),
    ],
)  # fmt: skip
def test_one_action_in_other_words_does_not_differ(
    backbone: SpacyBackbone, article: str, factcheck: str
) -> None:
    assert verdicts(backbone, article, factcheck).get("predicate", True) is True
