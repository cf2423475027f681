"""The claims analyzer: check-worthiness, claim types, quantities and dates (real parse)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.claims.analyzer import (
    DEFAULT_HEAD,
    WEIGHTS,
    CheckworthinessHead,
    ClaimsAnalyzer,
    ClaimsOptions,
)
from unspin.config import load_config
from unspin.errors import ConfigError, ModelError
from unspin.model import Analysis, Document, Explanation, Finding
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

Run = Callable[..., Analysis]
PUB = "2024-03-07"  # a Thursday


def claim_of(analysis: Analysis, start_text: str) -> Finding:
    found = [f for f in analysis.by_kind("claim") if f.text.startswith(start_text)]
    assert len(found) == 1, (start_text, [f.text for f in analysis.by_kind("claim")])
    return found[0]


def only(analysis: Analysis, kind: str) -> Finding:
    found = analysis.by_kind(kind)
    assert len(found) == 1, [(f.kind, f.text) for f in found]
    return found[0]


# -- check-worthiness: the trained model (the default) -------------------------------


@pytest.fixture(scope="module")
def run_baseline(backbone: Backbone) -> Run:
    """Like ``run`` with ``[analyzers.claims] model = "baseline"`` (hand-set weights)."""
    pipe = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(model="baseline")],
    )

    def _run(text: str, *_analyzers: str, **meta: Any) -> Analysis:
        analysis = pipe.analyze(Document(text, **meta))
        assert not analysis.failures, analysis.failures
        return analysis

    return _run


@pytest.mark.slow
def test_statistic_with_source_scores_high(run: Run) -> None:
    a = run("Unemployment rose to 7.2% in March, the statistics office said.", "claims")
    c = only(a, "claim")
    assert c.label == "numeric"
    assert set(c.attributes["types"]) == {"numeric", "temporal"}
    assert c.score >= 0.8
    assert c.attributes["checkworthiness"] == c.score
    assert c.attributes["checkworthy"] is True
    features = c.attributes["features"]
    assert {"bias", "sentence_embedding", "words", "quantity", "reporting_verb"} <= set(features)
    assert features["quantity"] > 0
    assert c.explanation.rule == "claims.checkworthiness-model"
    assert c.explanation.model == a.summaries["claims"]["model"]
    assert (c.explanation.model or "").startswith("checkworthiness-")
    assert c.explanation.confidence == pytest.approx(c.score, abs=1e-3)
    assert "7.2%" in c.explanation.cues
    assert "trained model" in c.explanation.detail
    qty, date = only(a, "quantity"), only(a, "date")
    assert c.related("quantity") == [qty.id]
    assert c.related("date") == [date.id]


@pytest.mark.slow
def test_pure_opinion_scores_low(run: Run) -> None:
    a = run("This is a disgrace and everyone knows it.", "claims")
    c = only(a, "claim")
    assert c.score < 0.5
    assert c.label == "opinion"
    assert c.attributes["checkworthy"] is False
    assert c.attributes["features"]["universal"] < 0
    assert c.attributes["features"]["subjective"] < 0
    assert c.explanation.confidence is not None and c.explanation.confidence > 0.5


@pytest.mark.slow
def test_should_in_an_embedded_question_is_no_opinion(run: Run) -> None:
    for text, opinion in (
        ("The union sent the mayor advice on what shops should do in a flood.", False),
        ("He asked whether the council should resign.", False),
        ("The council should resign.", True),
    ):
        c = only(run(text, "claims"), "claim")
        assert ("opinion" in c.attributes["types"]) is opinion, text


@pytest.mark.slow
def test_a_manner_adverb_is_no_opinion_marker(run: Run) -> None:
    """After a verb, "personally" and "frankly" tell a manner ("had personally delivered",
    "spoke frankly about"); opening a sentence, set off by commas or as "quite frankly"
    they give the writer's stance."""
    for text, opinion in (
        ("The clerk had personally delivered the ledger to the mayor.", False),
        ("The mayor spoke frankly about the cuts at the meeting.", False),
        ("Personally, the new ledger seems a waste of paper.", True),
        ("The ledger was a waste of paper, quite frankly.", True),
        ("The ledger is, frankly, a waste of paper.", True),
    ):
        c = only(run(text, "claims"), "claim")
        assert ("opinion_marker" in c.attributes["features"]) is opinion, text


@pytest.mark.slow
def test_a_quoted_question_and_who_asked_it_is_a_question(run: Run) -> None:
    """A sentence that is only a quoted question and its asker states nothing to check,
    even when the asker's tag ends it ("asked Vell (Ind.).")."""
    for text, question in (
        ("“Why would the council sell the pier at all?” asked Councillor Edda Vell (Ind.).", True),
        ("“The council sold the pier in March,” said Councillor Edda Vell.", False),
    ):
        c = only(run(text, "claims"), "claim")
        assert ("question" in c.attributes["features"]) is question, text
        if question:
            assert c.attributes["checkworthy"] is False, text


@pytest.mark.slow
def test_first_person_opinion_outweighs_a_plain_statement(run: Run) -> None:
    a = run("I think the council wasted the money. The council spent the money.", "claims")
    opinion = claim_of(a, "I think")
    fact = claim_of(a, "The council spent")
    assert opinion.score < fact.score
    assert opinion.score < 0.2
    assert "opinion" in opinion.attributes["types"]
    assert opinion.attributes["features"]["opinion_marker"] < 0


@pytest.mark.slow
def test_numeric_factual_claims_score_high_and_opinions_low(run: Run) -> None:
    text = (
        "Crime in the city fell by 12 percent last year, according to police figures. "
        "We have cut taxes for 95 percent of working families. "
        "What a beautiful morning. "
        "I believe we can do better."
    )
    a = run(text, "claims")
    for start in ("Crime in the city", "We have cut taxes"):
        assert claim_of(a, start).score >= 0.8
        assert claim_of(a, start).attributes["checkworthy"] is True
    for start in ("What a beautiful", "I believe"):
        assert claim_of(a, start).score < 0.2
        assert claim_of(a, start).attributes["checkworthy"] is False


@pytest.mark.slow
def test_contributions_sum_to_the_score(run: Run) -> None:
    import math

    a = run("Police said the Rivermark Front was behind the bombing in Velmora.", "claims")
    c = only(a, "claim")
    z = sum(c.attributes["features"].values())
    assert c.score == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-3)


@pytest.mark.slow
def test_questions_imperatives_and_fragments_score_low(run: Run) -> None:
    a = run(
        "Why did the council hide the report? Share this before it is deleted! Shocking. "
        "The council closed 14 schools in 2023, the ministry said.",
        "claims",
    )
    question = claim_of(a, "Why did")
    command = claim_of(a, "Share this")
    fragment = claim_of(a, "Shocking")
    fact = claim_of(a, "The council closed")
    assert question.attributes["features"]["question"] < 0
    assert command.attributes["features"]["imperative"] < 0
    assert fragment.attributes["features"]["short"] < 0
    for low in (question, command, fragment):
        assert low.score < 0.3
        assert low.score < fact.score
    assert fact.score >= 0.8


@pytest.mark.slow
def test_every_sentence_gets_a_claim_and_the_summary_ranks_them(run: Run) -> None:
    text = (
        "The budget grew by $2 million in 2023, the treasurer said. What a joke. "
        "The storm caused flooding across Velmora. I think it is a disgrace. "
        "Prices will rise next year. The mayor spoke."
    )
    a = run(text, "claims")
    claims = a.by_kind("claim")
    assert len(claims) == 6
    s = a.summaries["claims"]
    assert s["sentences"] == 6
    assert s["threshold"] == ClaimsOptions().threshold == 0.65
    assert s["checkworthy"] == sum(1 for c in claims if c.score >= 0.65)
    assert sum(s["by_type"].values()) == 6
    assert s["quantities"] == len(a.by_kind("quantity"))
    assert s["dates"] == len(a.by_kind("date"))
    top = [a.get(i) for i in s["top"]]
    assert len(top) == 5
    assert [c.score for c in top] == sorted((c.score for c in top), reverse=True)
    assert top[0].text.startswith("The budget grew")
    assert "I think it is a disgrace." not in [c.text for c in top]


@pytest.mark.slow
def test_threshold_option(backbone: Backbone) -> None:
    text = "The storm caused flooding across Velmora."
    strict = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(threshold=0.95)],
    ).analyze(Document(text))
    c = only(strict, "claim")
    assert c.score < 0.95
    assert c.attributes["checkworthy"] is False
    assert strict.summaries["claims"]["checkworthy"] == 0
    assert strict.summaries["claims"]["threshold"] == 0.95


@pytest.mark.parametrize("bad", [1.5, -0.1, "high", True])
def test_bad_threshold_is_a_config_error(bad: Any) -> None:
    with pytest.raises(ConfigError):
        ClaimsAnalyzer(threshold=bad)


def test_unknown_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        ClaimsAnalyzer(cutoff=0.3)


@pytest.mark.parametrize("bad", ["", 3, None])
def test_bad_model_option_is_a_config_error(bad: Any) -> None:
    with pytest.raises(ConfigError):
        ClaimsAnalyzer(model=bad)


def test_unreadable_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        ClaimsAnalyzer(model=str(tmp_path / "missing.json"))
    broken = tmp_path / "head.json"
    broken.write_text('{"name": "x", "features": ["no_such_feature"]}', encoding="utf-8")
    with pytest.raises(ModelError):
        ClaimsAnalyzer(model=str(broken))


def test_the_shipped_head_is_small_and_documented() -> None:
    assert DEFAULT_HEAD.stat().st_size < 1_000_000
    card = (DEFAULT_HEAD.parent / "MODEL_CARD.md").read_text(encoding="utf-8")
    head = CheckworthinessHead.load(DEFAULT_HEAD)
    assert head.label in card
    assert set(head.features) <= set(WEIGHTS)


# -- check-worthiness: the hand-set baseline -------------------------------------------


def test_baseline_needs_no_embeddings() -> None:
    assert ClaimsAnalyzer(model="baseline").requires == ("parse",)
    assert ClaimsAnalyzer().requires == ("parse", "embeddings", "token_states")


@pytest.mark.slow
def test_baseline_statistic_with_source(run_baseline: Run) -> None:
    a = run_baseline("Unemployment rose to 7.2% in March, the statistics office said.")
    c = only(a, "claim")
    assert c.score >= 0.8
    features = c.attributes["features"]
    assert features["bias"] == WEIGHTS["bias"]
    assert features["quantity"] == WEIGHTS["quantity"]
    assert features["reporting_verb"] == WEIGHTS["reporting_verb"]
    assert c.explanation.rule == "claims.baseline-linear"
    assert c.explanation.model is None
    assert a.summaries["claims"]["model"] == "baseline"


@pytest.mark.slow
def test_baseline_features_sum_to_the_score(run_baseline: Run) -> None:
    import math

    a = run_baseline("Police said the Rivermark Front was behind the bombing in Velmora.")
    c = only(a, "claim")
    z = sum(c.attributes["features"].values())
    assert c.score == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-3)
    opinion = only(run_baseline("I think the council wasted the money."), "claim")
    assert opinion.attributes["features"]["opinion_marker"] == WEIGHTS["opinion_marker"]


@pytest.mark.slow
def test_baseline_sweeping_appeal_does_not_bury_the_accusation_it_wraps(
    run_baseline: Run,
) -> None:
    a = run_baseline(
        "Everybody knows the Halvard Group bankrolled the riots. "
        "This is a disgrace and everyone knows it."
    )
    accusation = claim_of(a, "Everybody knows")
    assert accusation.label == "responsibility"
    assert accusation.attributes["actor"]["text"] == "the Halvard Group"
    assert accusation.score >= 0.5
    assert claim_of(a, "This is a disgrace").score < 0.2


# -- claim types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor", "event"),
    [
        (
            "Police said the Rivermark Front was behind the bombing.",
            "the Rivermark Front",
            "the bombing",
        ),
        ("The attack was carried out by the Nordvik cell.", "the Nordvik cell", "The attack"),
        ("The mayor is responsible for the delays.", "The mayor", "the delays"),
        (
            "The Orlen Brigade claimed responsibility for the ambush.",
            "The Orlen Brigade",
            "the ambush",
        ),
        ("Officials blamed the Nordvik cell for the blast.", "the Nordvik cell", "the blast"),
        ("The fire was blamed on faulty wiring.", "faulty wiring", "The fire"),
        ("The militia staged the attack.", "The militia", "the attack"),
        ("The Halvard Group bankrolled the riots.", "The Halvard Group", "the riots"),
    ],
)
@pytest.mark.slow
def test_responsibility_claims_with_actor_and_event(
    run: Run, text: str, actor: str, event: str
) -> None:
    a = run(text, "claims")
    c = only(a, "claim")
    assert c.label == "responsibility"
    for slot, expected in (("actor", actor), ("event", event)):
        got = c.attributes[slot]
        assert got["text"] == expected
        assert text[got["start"] : got["end"]] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The garden is behind the house.",
        "She led the team to victory.",
        "The committee carried on with the meeting.",
        "The troupe staged a play.",
        "The council funded the school.",
        # "no thanks to X": in spite of X, not because of it
        "Police arrested 40 suspects this week, no thanks to the mayor of Velmora.",
    ],
)
@pytest.mark.slow
def test_responsibility_and_causal_near_misses(run: Run, text: str) -> None:
    c = only(run(text, "claims"), "claim")
    assert not {"responsibility", "causal"} & set(c.attributes["types"])
    assert "actor" not in c.attributes
    assert "cause" not in c.attributes


@pytest.mark.parametrize(
    ("text", "cause", "effect"),
    [
        ("The storm caused flooding across Velmora.", "The storm", "flooding"),
        ("Prices rose because demand surged.", "demand surged", "Prices rose"),
        ("Due to the flooding, roads closed.", "the flooding", "roads closed"),
        ("The strike led to shortages.", "The strike", "shortages"),
    ],
)
@pytest.mark.slow
def test_causal_claims_with_cause_and_effect(run: Run, text: str, cause: str, effect: str) -> None:
    c = only(run(text, "claims"), "claim")
    assert c.label == "causal"
    assert c.attributes["cause"]["text"] == cause
    assert c.attributes["effect"]["text"] == effect


@pytest.mark.slow
def test_prediction_and_the_noun_will(run: Run) -> None:
    a = run("Prices will rise, analysts predict. The will was read aloud.", "claims")
    assert claim_of(a, "Prices will").label == "prediction"
    assert "prediction" not in claim_of(a, "The will").attributes["types"]


@pytest.mark.slow
def test_a_project_that_is_no_forecast(run: Run) -> None:
    a = run(
        "While she ran the Velmor Fund, it backed a river project that served three towns. "
        "The water board projects that demand doubles by spring.",
        "claims",
    )
    assert "prediction" not in claim_of(a, "While she ran").attributes["types"]
    assert "prediction" in claim_of(a, "The water board").attributes["types"]


@pytest.mark.slow
def test_quotation_from_quote_marks_but_not_scare_quotes(run: Run) -> None:
    a = run(
        '"We have repaired every bridge in the district," the mayor said. '
        'The so-called "experts" disagree.',
        "claims",
    )
    quoted = claim_of(a, '"We have')
    scare = claim_of(a, "The so-called")
    assert "quotation" in quoted.attributes["types"]
    assert "quotation" not in scare.attributes["types"]


@register("_test_quote_provider")
class _QuoteProvider(Analyzer[Any]):
    """Stands in for the sources analyzer: marks an indirect quote, with no quote marks."""

    requires = ("parse",)
    produces = ("quote",)

    def run(self, ctx: Context) -> AnalyzerResult:
        start = ctx.text.index("the bridge")
        end = ctx.text.index(".", start)
        return AnalyzerResult(
            (
                self.finding(
                    ctx, start, end, kind="quote", label="indirect", score=0.9,
                    explanation=Explanation(rule="test.quote"),
                ),
            )
        )  # fmt: skip


@pytest.mark.slow
def test_quotation_uses_quote_findings_of_earlier_analyzers(run: Run) -> None:
    text = "The mayor promised that the bridge would reopen within weeks. The river rose."
    a = run(text, "_test_quote_provider", "claims")
    assert "quotation" in claim_of(a, "The mayor").attributes["types"]
    assert "quotation" not in claim_of(a, "The river").attributes["types"]
    alone = run(text, "claims")
    assert "quotation" not in claim_of(alone, "The mayor").attributes["types"]


@pytest.mark.slow
def test_primary_label_priority(run: Run) -> None:
    a = run(
        '"This is a disgrace," the senator said. Inflation will reach 4% next year.',
        "claims",
    )
    quoted_opinion = claim_of(a, '"This is')
    assert quoted_opinion.label == "opinion"
    assert {"opinion", "quotation"} <= set(quoted_opinion.attributes["types"])
    forecast = claim_of(a, "Inflation")
    assert forecast.label == "prediction"
    assert {"prediction", "numeric", "temporal"} <= set(forecast.attributes["types"])


@pytest.mark.slow
def test_plain_sentence_is_other(run: Run) -> None:
    c = only(run("The garden is behind the house.", "claims"), "claim")
    assert c.label == "other"
    assert list(c.attributes["types"]) == ["other"]


# -- robustness -----------------------------------------------------------------------


def test_runs_on_the_fake_backbone(fake_backbone: Backbone) -> None:
    pipe = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=fake_backbone,
        analyzers=[ClaimsAnalyzer()],
    )
    a = pipe.analyze(Document("Unemployment rose to 7.2% in 2023. What now?"))
    assert a.ok
    assert len(a.by_kind("claim")) == 2
    assert only(a, "quantity").text == "7.2%"
    # no real embeddings: the hand-set baseline scores the claims
    assert a.summaries["claims"]["model"] == "baseline"
    assert {c.explanation.rule for c in a.by_kind("claim")} == {"claims.baseline-linear"}


def test_explanations_read_as_english(run: Run) -> None:
    # a gate report said "A age quantity, normalised to 54 years_old."
    a = run("The prime minister, 54, spoke for 18 minutes on Monday.")
    details = {f.text: f.explanation.detail for f in a.findings if f.kind in ("quantity", "date")}
    assert details["54"] == "An age quantity, normalised to 54 years old."
    assert details["18 minutes"].startswith("A duration expression")
    assert only(a, "quantity").attributes["unit"] == "years_old"  # the data keeps its unit
