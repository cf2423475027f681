"""The certainty analyzer: hedges, boosters and vague attributions, with the real parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.errors import ConfigError
from unspin.model import Analysis, Document, Finding
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

Run = Callable[..., Analysis]


def cues(analysis: Analysis, kind: str | None = None) -> list[Finding]:
    kinds = (kind,) if kind else ("hedge", "booster", "vague_attribution")
    return analysis.by_kind(*kinds)


def texts(analysis: Analysis, kind: str) -> list[str]:
    return [f.text for f in analysis.by_kind(kind)]


def one(analysis: Analysis, kind: str, text: str) -> Finding:
    found = [f for f in analysis.by_kind(kind) if f.text == text]
    assert len(found) == 1, (text, [(f.kind, f.text) for f in cues(analysis)])
    return found[0]


# -- hedges ---------------------------------------------------------------------------


@pytest.mark.slow
def test_epistemic_adverbs_are_hedges_spanning_the_word(run: Run) -> None:
    a = run(
        "The minister allegedly took the money. He reportedly fled to Torvane, "
        "and perhaps he never meant to return.",
        "certainty",
    )
    assert texts(a, "hedge") == ["allegedly", "reportedly", "perhaps"]
    f = one(a, "hedge", "allegedly")
    assert f.label == "epistemic_adverb"
    assert f.score >= 0.9
    assert f.explanation.rule == "hedge.lexicon"
    assert f.explanation.cues == ("allegedly",)
    assert f.explanation.detail


@pytest.mark.slow
def test_reporting_and_appearance_hedges(run: Run) -> None:
    a = run(
        "It is believed the mayor resigned. The suspect is said to have fled. "
        "The council appears to have ignored the warning. It seems the plan failed.",
        "certainty",
    )
    labels = {f.text: f.label for f in a.by_kind("hedge")}
    assert labels["It is believed"] == "reporting_hedge"
    assert labels["is said to"] == "reporting_hedge"
    assert labels["appears to"] == "appearance"
    assert labels["It seems"] == "appearance"


@pytest.mark.slow
def test_appear_in_its_literal_sense_is_not_a_hedge(run: Run) -> None:
    a = run(
        "She appeared in court on Tuesday. The singer appeared to the crowd at dusk.",
        "certainty",
    )
    assert a.by_kind("hedge") == []


@pytest.mark.slow
def test_epistemic_adjective_only_before_a_noun(run: Run) -> None:
    a = run("The alleged bribe was never found. He was suspected by nobody.", "certainty")
    assert texts(a, "hedge") == ["alleged"]
    assert one(a, "hedge", "alleged").label == "epistemic_adjective"


@pytest.mark.slow
def test_may_modal_versus_may_the_month(run: Run) -> None:
    a = run("The minister may have lied about the vote on May 5.", "certainty")
    hedges = a.by_kind("hedge")
    assert [h.text for h in hedges] == ["may have"]
    assert hedges[0].label == "modal"
    assert hedges[0].score >= 0.85
    month = a.document.text.index("May 5")
    assert all(not (h.start <= month < h.end) for h in hedges)


@pytest.mark.slow
def test_permission_may_scores_low(backbone: Backbone) -> None:
    a = modals(backbone, "You may enter the hall now. The dam might fail.")
    assert texts(a, "hedge") == ["might"]  # permission is under the default min_score
    assert one(a, "hedge", "might").score >= 0.7


def candidates(backbone: Backbone, text: str) -> Analysis:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    return pipe.analyze(Document(text))


def modals(backbone: Backbone, text: str) -> Analysis:
    """Every hedge over ``min_score``, the modals under the display floor too: the tests
    of how a modal is scored."""
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(min_hedge_score=0.5)],
    )
    return pipe.analyze(Document(text))


@pytest.mark.slow
def test_modal_hedges_are_under_the_display_floor_by_default(run: Run, backbone: Backbone) -> None:
    text = "The dam might fail. Reportedly, the mayor knew."
    assert texts(run(text, "certainty"), "hedge") == ["Reportedly"]
    assert texts(modals(backbone, text), "hedge") == ["might", "Reportedly"]
    assert texts(candidates(backbone, text), "hedge") == ["might", "Reportedly"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("You may enter the hall now.", "permission"),
        ("Absurd as it may sound, the dam held.", "concession"),
        ("Asked what the cost might be, she paused.", "question"),
        ("It is hard to see what a better plan might look like.", "question"),
        ("While the mayor may be a fan of trains, his record says otherwise.", "concession"),
        ("The mayor may be a fan of trains, but his record says otherwise.", "concession"),
        ("The rules set the conditions under which members may vote twice.", "permission"),
        ("Anyone who breaks the rules may be subject to arrest.", "permission"),
    ],
)
def test_modals_that_do_not_doubt_score_low_and_show_only_as_candidates(
    run: Run, backbone: Backbone, text: str, why: str
) -> None:
    assert texts(run(text, "certainty"), "hedge") == []
    (hedge,) = candidates(backbone, text).by_kind("hedge")
    assert hedge.score <= 0.3
    assert why in hedge.explanation.detail


@pytest.mark.slow
def test_could_of_ability_is_not_a_hedge_but_could_have_is(backbone: Backbone) -> None:
    a = modals(
        backbone, "She could not attend the meeting. The fire could have been set deliberately."
    )
    assert texts(a, "hedge") == ["could have"]


@pytest.mark.slow
def test_negated_could_be_of_an_action_is_ability_or_prohibition(backbone: Backbone) -> None:
    a = modals(
        backbone,
        "The judge ruled that the map could not be published. "
        "She told me that I could not be using that word in the hall. "
        "The figure could be higher. That might not be a precise parallel, but it helps.",
    )
    assert texts(a, "hedge") == ["could", "might"]
    could = a.document.text.index("could be higher")
    assert a.by_kind("hedge")[0].start == could


@pytest.mark.slow
def test_could_not_be_sure_is_one_hedge_not_the_modal_alone(backbone: Backbone) -> None:
    a = modals(backbone, "He said the leak began in May, though he couldn't be sure.")
    (hedge,) = a.by_kind("hedge")
    assert hedge.text == "couldn't be sure"
    assert hedge.label == "epistemic_adjective"


@pytest.mark.slow
def test_i_believe_of_conviction_is_not_a_hedge(backbone: Backbone) -> None:
    a = modals(
        backbone,
        "I did what I believe was right for the town. We believe in second chances. "
        "I think the plan failed. She saw what I believe to be a forged letter.",
    )
    assert texts(a, "hedge") == ["I think", "I believe"]


@pytest.mark.slow
def test_a_word_standing_alone_as_a_sentence_qualifies_nothing(
    run: Run, backbone: Backbone
) -> None:
    text = (
        "Should the mayor resign? Yes? No? Maybe? "
        "The council said the levee seems to be fine. Obviously. Will it hold? Perhaps."
    )
    a = run(text, "certainty")
    assert texts(a, "hedge") == ["seems to", "Perhaps"]
    assert a.by_kind("booster") == []
    low = {f.text: f.score for f in candidates(backbone, text).by_kind("hedge", "booster")}
    assert low["Maybe"] < 0.5
    assert low["Obviously"] < 0.5


@pytest.mark.slow
def test_probability_and_uncertainty_phrases_are_hedges(backbone: Backbone) -> None:
    a = modals(
        backbone,
        "The dam is likely to fail. It is unclear whether the mayor knew. "
        "It is not clear that he lied.",
    )
    assert texts(a, "hedge") == ["is likely to", "It is unclear whether", "It is not clear that"]
    assert a.by_kind("booster") == []  # "not clear" must not read as "it is clear that"


# -- boosters -------------------------------------------------------------------------


@pytest.mark.slow
def test_certainty_adverbs_and_emphatic_phrases(run: Run) -> None:
    a = run(
        "Obviously the report is a fraud. Beyond any doubt, it is plain that the council lied. "
        "The figures were undeniably wrong.",
        "certainty",
    )
    labels = {f.text: f.label for f in a.by_kind("booster")}
    assert labels["Obviously"] == "certainty_adverb"
    assert labels["undeniably"] == "certainty_adverb"
    assert labels["Beyond any doubt"] == "emphatic_phrase"
    assert labels["it is plain that"] == "emphatic_phrase"
    assert a.by_kind("hedge") == []


@pytest.mark.slow
def test_clearly_as_manner_adverb_is_not_a_booster(run: Run) -> None:
    a = run(
        "He spoke clearly to the crowd. Clearly, the plan failed. The plan clearly failed.",
        "certainty",
    )
    boosters = a.by_kind("booster")
    assert [b.text for b in boosters] == ["Clearly", "clearly"]
    second = a.document.text.index("The plan clearly") + len("The plan ")
    assert boosters[1].start == second


@pytest.mark.slow
def test_clearly_after_a_verb_of_saying_is_manner_even_before_that(run: Run) -> None:
    a = run(
        "It must be said clearly that the plan failed. The figures show clearly that it failed.",
        "certainty",
    )
    (booster,) = a.by_kind("booster")
    assert booster.start == a.document.text.index("clearly that it")


@pytest.mark.slow
def test_the_truth_as_a_plain_subject_is_not_a_booster(run: Run) -> None:
    a = run(
        "The truth is the important thing. The truth is indeed out. "
        "The truth is that the council lied. The fact is, we lost. "
        "He said the reality is it was the mayor who lied.",
        "certainty",
    )
    boosters = a.by_kind("booster")
    assert [b.text for b in boosters] == ["The truth is", "The fact is", "the reality is"]
    assert boosters[0].start == a.document.text.index("The truth is that")


@pytest.mark.slow
def test_negated_and_idiomatic_boosters_do_not_fire(run: Run) -> None:
    a = run("It was not clearly stated. They walked on slowly but surely.", "certainty")
    assert a.by_kind("booster") == []


@pytest.mark.slow
def test_everyone_knows_is_common_knowledge_booster(run: Run) -> None:
    a = run("As everyone knows, the vote was rigged.", "certainty")
    f = one(a, "booster", "As everyone knows")
    assert f.label == "common_knowledge"


@pytest.mark.slow
def test_all_caps_emphasis_versus_acronyms(run: Run) -> None:
    a = run(
        "This report is TOTALLY FALSE and NATO knows it. The FBI and the USA said nothing. "
        "The Velmoran Rail Authority (VRA) said trains were NOT late.",
        "certainty",
    )
    caps = [f for f in a.by_kind("booster") if f.label == "all_caps"]
    assert [f.text for f in caps] == ["TOTALLY FALSE", "NOT"]
    assert caps[0].score >= 0.85
    assert caps[0].explanation.rule == "booster.all-caps"


@pytest.mark.slow
def test_capitals_opening_a_line_or_in_a_heading_are_layout_not_emphasis(run: Run) -> None:
    a = run(
        "MARKET NEWS\n\nTORVANE - The council met on Monday.\n"
        "THE MAYOR said the plan was fine, and the critics were TOTALLY WRONG.",
        "certainty",
    )
    caps = [f.text for f in a.by_kind("booster") if f.label == "all_caps"]
    assert caps == ["TOTALLY WRONG"]


@pytest.mark.slow
def test_whole_text_in_capitals_is_not_reported_as_emphasis(run: Run) -> None:
    a = run(
        "CITY COUNCIL APPROVES NEW BUDGET FOR SCHOOLS AND ROADS AFTER LONG DEBATE IN TORVANE",
        "certainty",
    )
    assert [f for f in a.by_kind("booster") if f.label == "all_caps"] == []


@pytest.mark.slow
def test_intensifiers_score_below_certainty_adverbs(run: Run) -> None:
    a = run("The claim is absolutely wrong and obviously invented.", "certainty")
    absolutely = one(a, "booster", "absolutely")
    obviously = one(a, "booster", "obviously")
    assert absolutely.label == "intensifier"
    assert absolutely.score < obviously.score


# -- vague attributions ---------------------------------------------------------------


@pytest.mark.slow
def test_vague_crowd_and_expert_attributions(run: Run) -> None:
    a = run(
        "Many people say the election was stolen. Experts believe the dam will fail. "
        "Critics say the plan is flawed. Studies show the drug works.",
        "certainty",
    )
    labels = {f.text: f.label for f in a.by_kind("vague_attribution")}
    assert labels == {
        "Many people say": "vague_crowd",
        "Experts believe": "vague_expert",
        "Critics say": "vague_crowd",
        "Studies show": "vague_research",
    }
    assert all(f.score >= 0.8 for f in a.by_kind("vague_attribution"))


@pytest.mark.slow
def test_anonymous_sources(run: Run) -> None:
    a = run(
        "People familiar with the matter said the deal collapsed. "
        "Sources close to the minister said he would resign. "
        "According to experts, the bridge is unsafe.",
        "certainty",
    )
    found = {f.text: (f.label, f.score) for f in a.by_kind("vague_attribution")}
    assert found["People familiar with the matter said"] == ("vague_source", 0.9)
    assert found["Sources close to the minister said"][0] == "vague_source"
    assert found["According to experts"][0] == "vague_expert"


@pytest.mark.slow
def test_named_groups_are_not_vague(run: Run) -> None:
    a = run(
        "Experts at Halden University say the dam is safe. "
        "Ilse Maren, an economist, said prices would fall.",
        "certainty",
    )
    assert a.by_kind("vague_attribution") == []


@pytest.mark.slow
def test_a_group_with_a_noun_object_states_no_claim(run: Run) -> None:
    """A verb of saying or thinking that takes only a noun object attributes no claim to
    the group (both seen as vague attributions in a real article)."""
    a = run(
        "We laughed about situations that others might consider too bleak to discuss. "
        "The abuse came from columnists, many claiming liberal credentials. "
        "Some claim the vote was rigged.",
        "certainty",
    )
    assert [f.text for f in a.by_kind("vague_attribution")] == ["Some claim"]


@pytest.mark.slow
def test_institutional_and_anaphoric_groups_score_lower(run: Run) -> None:
    a = run(
        "Velmoran officials said the border was closed. The experts believe the levee held.",
        "certainty",
    )
    scores = {f.text: f.score for f in a.by_kind("vague_attribution")}
    assert scores["Velmoran officials said"] <= 0.55
    # "the experts" the text has named before: under the default floor since round 4
    assert scores.get("The experts believe", 0.0) <= 0.55


@pytest.mark.slow
def test_unnamed_report_of_a_known_kind_scores_lower_than_studies_show(run: Run) -> None:
    a = run(
        "According to a police report, the fire spread. Studies show it was arson.", "certainty"
    )
    scores = {f.text: f.score for f in a.by_kind("vague_attribution")}
    assert scores["According to a police report"] < scores["Studies show"]


@pytest.mark.slow
def test_a_source_named_beside_the_group_or_by_its_publication_is_not_vague(run: Run) -> None:
    a = run(
        "As the political scientist Jane Roe said, voters punish chaos. "
        "An analyst, Piet Marsh, said prices would fall. "
        "The comet will spin for ages, scientists have reported in a study published in "
        "Orbital Letters. Analysts say prices will rise.",
        "certainty",
    )
    assert texts(a, "vague_attribution") == ["Analysts say"]


@pytest.mark.slow
def test_one_expert_named_a_few_sentences_later_is_not_vague(run: Run) -> None:
    lead = "The clinics will not cope, a scientist has warned. Cases rose again this week."
    named = run(
        lead + " Dr Ilse Maren, of Halden University, told reporters the wards were full.",
        "certainty",
    )
    assert named.by_kind("vague_attribution") == []
    assert texts(run(lead, "certainty"), "vague_attribution") == ["a scientist has warned"]


@pytest.mark.slow
def test_the_report_named_before_is_a_known_document(run: Run) -> None:
    a = run(
        "The preliminary report indicated the driver was tired. Reports say the road was wet.",
        "certainty",
    )
    assert texts(a, "vague_attribution") == ["Reports say"]


@pytest.mark.slow
def test_groups_that_may_believe_or_live_through_something_hold_no_claim(run: Run) -> None:
    a = run(
        "People can believe it or not. Without clean water, many are finding life too hard. "
        "Many people say the vote was rigged. Many find that the rules changed.",
        "certainty",
    )
    assert texts(a, "vague_attribution") == ["Many people say", "Many find"]


@pytest.mark.slow
def test_the_writers_own_often_said_is_not_a_crowd(run: Run) -> None:
    a = run(
        "I've often said the council wastes money. It is often said that the council wastes it.",
        "certainty",
    )
    (f,) = a.by_kind("vague_attribution")
    assert f.text == "often said"
    assert f.start == a.document.text.index("often said that")


@pytest.mark.slow
def test_widely_believed(run: Run) -> None:
    a = run("It is widely believed that the mayor knew.", "certainty")
    f = one(a, "vague_attribution", "widely believed")
    assert f.label == "vague_crowd"


# -- summary --------------------------------------------------------------------------


@pytest.mark.slow
def test_summary_counts_rates_and_assertive_balance(run: Run) -> None:
    text = (
        "Obviously the plan failed. It was undeniably a fraud, and beyond any doubt the "
        "minister lied. Experts believe it may have cost millions."
    )
    a = run(text, "certainty")
    s = a.summaries["certainty"]
    assert s["hedges"] == 1
    assert s["boosters"] == 3
    assert s["vague_attributions"] == 1
    words = sum(1 for w in text.replace(",", " ").replace(".", " ").split())
    assert s["per_1000_words"]["boosters"] == pytest.approx(3000 / words, rel=0.02)
    assert s["balance"] == "assertive"
    assert s["balance_basis"] == {"hedges": 1, "boosters": 3}


@pytest.mark.slow
def test_summary_hedged_and_sparse(run: Run) -> None:
    hedged = run(
        "The mayor allegedly resigned. He reportedly fled, and perhaps he may have taken files.",
        "certainty",
    )
    assert hedged.summaries["certainty"]["balance"] == "hedged"
    balanced = run(
        "The mayor allegedly resigned and perhaps fled. "
        "Obviously the books were undeniably cooked.",
        "certainty",
    )
    assert balanced.summaries["certainty"]["balance_basis"] == {"hedges": 2, "boosters": 2}
    assert balanced.summaries["certainty"]["balance"] == "balanced"
    plain = run("The council met on Tuesday and approved the budget.", "certainty")
    s = plain.summaries["certainty"]
    assert cues(plain) == []
    assert s["balance"] == "sparse"
    assert s["per_1000_words"] == {"hedges": 0.0, "boosters": 0.0, "vague_attributions": 0.0}


@pytest.mark.slow
def test_low_score_cues_do_not_tip_the_balance(backbone: Backbone) -> None:
    a = candidates(backbone, "You may enter. You may sit. You may leave. Obviously it rained.")
    s = a.summaries["certainty"]
    assert s["hedges"] == 3
    assert s["balance_basis"]["hedges"] == 0
    assert s["balance"] == "sparse"


# -- contract -------------------------------------------------------------------------


def test_contract_and_options() -> None:
    assert CertaintyAnalyzer.requires == ("parse",)
    assert set(CertaintyAnalyzer.produces) == {"hedge", "booster", "vague_attribution"}
    with pytest.raises(ConfigError):
        CertaintyAnalyzer(strictness=2)


def test_runs_without_a_parse_on_the_fake_backbone(fake_backbone: Backbone) -> None:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=fake_backbone,
        analyzers=[CertaintyAnalyzer()],
    )
    a = pipe.analyze(Document("The minister allegedly lied. It is TOTALLY FALSE, obviously."))
    assert a.ok
    assert {f.text for f in a.by_kind("hedge")} == {"allegedly"}
    assert {"TOTALLY FALSE", "obviously"} <= {f.text for f in a.by_kind("booster")}
