"""The sources analyzer, continued from ``test_sources.py``: speakers (pronouns, aliases,
roles), partial quotes and near misses, the source profile, and runs without a dependency
parse.

Every fixture is invented (people, places and outlets do not exist).
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, attributions, only, quotes, sources, speaker_of
from unspin.analyzer import analyzer_class
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.sources.quotes import find_quotes

# ----------------------------------------------------------------------------------------
# Speakers: pronouns, aliases, roles


@pytest.mark.slow
def test_pronoun_speaker_resolved_to_the_nearest_antecedent(run: Run) -> None:
    text = "Anna Berg opened the session on Monday. She said the talks had been productive."
    a = sources(run, text)
    att = only(attributions(a))
    sp = speaker_of(a, att)
    assert sp.text == "She"
    assert sp.explanation.rule == "speaker.pronoun"
    assert sp.attributes["name"] == "Anna Berg"
    assert sp.attributes["resolved_from"] == "pronoun"
    start, end = sp.attributes["antecedent_start"], sp.attributes["antecedent_end"]
    assert text[start:end] == "Anna Berg"
    assert att.attributes["speaker"] == "Anna Berg"
    assert att.label == "named_person"


@pytest.mark.slow
def test_pronoun_gender_from_honorifics_picks_the_fitting_antecedent(run: Run) -> None:
    text = "Ms Lund met Mr Vasko in the harbour office. He said the deal was dead."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.attributes["speaker"] == "Vasko"


@pytest.mark.slow
def test_pronoun_it_resolves_to_an_organisation(run: Run) -> None:
    text = "The Norvian Fisheries Authority published new quotas. It said the cuts were temporary."
    att = only(attributions(sources(run, text)))
    assert att.attributes["speaker"] == "Norvian Fisheries Authority"
    assert att.label == "named_organisation"


@pytest.mark.slow
def test_plural_pronoun_resolves_to_an_unnamed_group(run: Run) -> None:
    text = "Officials at the port said the ship had left. They added that no cargo was lost."
    a = sources(run, text)
    _, second = attributions(a)
    sp = speaker_of(a, second)
    assert sp.text == "They"
    assert sp.label == "anonymous"
    assert sp.attributes["resolved_from"] == "pronoun"
    assert text[sp.attributes["antecedent_start"] : sp.attributes["antecedent_end"]] == (
        "Officials at the port"
    )
    assert second.label == "anonymous"


@pytest.mark.slow
def test_pronoun_without_antecedent_stays_unresolved_and_honest(run: Run) -> None:
    a = sources(run, "She said the ferry would not run.")
    att = only(attributions(a))
    sp = speaker_of(a, att)
    assert sp.attributes["name"] is None
    assert sp.label == "unresolved"
    assert att.label == "unresolved"
    assert sp.score < 0.5


@pytest.mark.slow
def test_role_and_title_are_separated_from_the_name(run: Run) -> None:
    text = (
        '"We will not back down," ministry spokeswoman Maria Lund said. '
        "Senator Anna Berg said the bill would pass. "
        "Peter Vasko, a spokesman for the Norvian Fisheries Authority, said quotas would fall."
    )
    a = sources(run, text)
    q = only(quotes(a))
    assert q.attributes["speaker"] == "Maria Lund"
    assert q.attributes["role"] == "ministry spokeswoman"
    assert speaker_of(a, q).attributes["role"] == "ministry spokeswoman"
    berg, vasko = attributions(a)
    assert berg.attributes["speaker"] == "Anna Berg"
    assert berg.attributes["role"] == "Senator"
    assert vasko.attributes["speaker"] == "Peter Vasko"
    assert vasko.attributes["role"] == "spokesman for the Norvian Fisheries Authority"


@pytest.mark.slow
def test_affiliation_of_a_named_person(run: Run) -> None:
    a = sources(run, "Peter Vasko of the Norvian Fisheries Authority said quotas would fall.")
    att = only(attributions(a))
    assert att.label == "named_person"
    assert speaker_of(a, att).attributes["affiliation"] == "Norvian Fisheries Authority"


@pytest.mark.slow
def test_surname_maps_to_the_full_name_seen_earlier(run: Run) -> None:
    text = (
        "Maria Lund, the ministry spokeswoman, arrived late. "
        "Lund said that the plan was fair. Mr Vasko said he would appeal."
    )
    a = sources(run, text)
    lund = next(f for f in attributions(a) if f.text == "the plan was fair")
    sp = speaker_of(a, lund)
    assert sp.text == "Lund"
    assert sp.attributes["name"] == "Maria Lund"
    assert sp.attributes["resolved_from"] == "alias"
    assert sp.attributes["role"] == "ministry spokeswoman"
    assert text[sp.attributes["antecedent_start"] : sp.attributes["antecedent_end"]] == (
        "Maria Lund"
    )
    vasko = next(f for f in attributions(a) if f.text == "he would appeal")
    assert vasko.attributes["speaker"] == "Vasko"  # never named in full: kept as written


@pytest.mark.slow
def test_acronym_and_definite_noun_map_to_the_organisation(run: Run) -> None:
    text = (
        '"We are concerned," the Norvian Fisheries Authority (NFA) said. '
        "The NFA added that quotas would be cut. The authority insisted the cuts were temporary."
    )
    a = sources(run, text)
    names = [f.attributes["speaker"] for f in [*quotes(a), *attributions(a)]]
    assert names == ["Norvian Fisheries Authority"] * 3
    aliases = [f for f in a.by_kind("speaker") if f.attributes["resolved_from"] == "alias"]
    assert {f.text for f in aliases} == {"NFA", "The authority"}


@pytest.mark.slow
def test_definite_role_noun_maps_to_the_named_holder(run: Run) -> None:
    text = (
        "Maria Lund, the ministry spokeswoman, spoke to reporters. "
        "The spokeswoman said the ferry would run again on Monday."
    )
    att = only(attributions(sources(run, text)))
    assert att.attributes["speaker"] == "Maria Lund"
    assert att.score < 0.85  # a guess from the role noun, scored as one


# ----------------------------------------------------------------------------------------
# Partial quotes and near-misses


@pytest.mark.slow
def test_partial_quote_is_a_fragment_with_a_modest_score(run: Run) -> None:
    a = sources(run, 'Ada Brenner called the plan "a disaster".')
    q = only(quotes(a))
    assert q.attributes["fragment"] is True
    assert q.attributes["speaker"] == "Ada Brenner"
    assert q.score <= 0.6


@pytest.mark.slow
def test_short_reply_with_its_speaker_is_a_full_quote(run: Run) -> None:
    q = only(quotes(sources(run, '"Nonsense," Ada Brenner said.')))
    assert q.attributes["fragment"] is False
    assert q.score >= 0.75


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "reform" was passed on Monday.',
        'The "experts" were nowhere to be seen.',
        'She read "Northern Lights" on the train.',
        "I don't think James's view of the '90s is right, and the players' union agrees.",
        "Don’t worry about the ’90s or the workers’ canteen.",
        'Workers fitted a 6" pipe and a 4" valve to the 12"-wide drain.',
    ],
)
@pytest.mark.slow
def test_near_misses_produce_no_quote(run: Run, text: str) -> None:
    a = sources(run, text)
    assert quotes(a) == []
    assert attributions(a) == []


@pytest.mark.slow
def test_scare_quotes_are_counted_not_reported(run: Run) -> None:
    a = sources(run, 'The so-called "reform" and the "experts" who wrote it were praised.')
    assert quotes(a) == []
    assert a.summaries["sources"]["scare_quotes"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "The said property was sold in March.",
        "He said nothing at the meeting.",
        "The minister did not say whether the budget was balanced.",
        "The claims were false and the reports were late.",
        "She declined to say where the money went.",
        "Mahmoud added salt to the soup.",
        "That said, the plan is fair.",
        "Having said that, Lund left the room.",
        "Needless to say, the port closed.",
        # a question asks, it reports nothing (seen on a real article)
        "The question now is: will the Senate confirm one who has never run a clinic?",
        "Will the board confirm that the plant is closing?",
        "Did the minister say that taxes would rise?",
    ],
)
@pytest.mark.slow
def test_near_misses_produce_no_attribution(run: Run, text: str) -> None:
    assert attributions(sources(run, text)) == []


@pytest.mark.slow
def test_a_person_confirmed_in_office_is_no_reported_content(run: Run) -> None:
    """ "The Senate confirmed Ann Roe" reports nothing; "confirmed the new figures" does
    (a bare "the figures" only points back: see test_round11_quo11)."""
    a = sources(run, "The Senate confirmed Ann Roe as a judge, aides said.")
    assert [f.attributes["verb"] for f in attributions(a)] == ["say"]
    a = sources(run, "Aides said the ministry confirmed the new figures.")
    assert {f.attributes["verb"] for f in attributions(a)} == {"say", "confirm"}


def test_apostrophes_never_pair_into_quotes() -> None:
    text = "Rock 'n' roll isn't dead, the '80s aren't over and O'Neil's band agrees."
    assert find_quotes(text) == []


# ----------------------------------------------------------------------------------------
# The source profile


@pytest.mark.slow
def test_source_profile(run: Run) -> None:
    text = (
        '"The plan is fair," said Maria Lund. Lund added that the ferry would run. '
        '"It will fail," Peter Vasko said. '
        "Sources familiar with the talks said the deal was off. The talks resume on Friday.\n\n"
        '"Nobody asked us."\n\n'
        'The so-called "consultation" lasted a day.'
    )
    summary = sources(run, text).summaries["sources"]
    assert summary["total"] == 5
    assert summary["quotes"] == 3
    assert summary["attributions"] == 2
    counts = summary["counts_by_type"]
    assert counts["named_person"] == 3
    assert counts["anonymous"] == 1
    assert counts["unattributed"] == 1
    assert sum(counts.values()) == 5
    assert set(counts) == {
        "named_person",
        "named_organisation",
        "government",
        "media_outlet",
        "group",
        "document",
        "anonymous",
        "social_media",
        "unresolved",
        "unattributed",
    }
    assert summary["share_anonymous"] == pytest.approx(0.2)
    top = [dict(s) for s in summary["top_speakers"]]
    assert top[0] == {"name": "Maria Lund", "type": "named_person", "count": 2}
    assert top[1] == {"name": "Peter Vasko", "type": "named_person", "count": 1}
    assert len(top) == 2
    assert summary["scare_quotes"] == 1


@pytest.mark.slow
def test_partial_quote_inside_reported_speech_counts_once(run: Run) -> None:
    a = sources(run, 'Greta Solberg insisted that the plan was "on track" and fully funded.')
    att = only(attributions(a))
    q = only(quotes(a))
    assert q.attributes["fragment"] is True
    assert att.start <= q.start and q.end <= att.end
    summary = a.summaries["sources"]
    assert summary["total"] == 1
    assert list(summary["top_speakers"]) == [
        {"name": "Greta Solberg", "type": "named_person", "count": 1}
    ]


@pytest.mark.slow
def test_empty_profile(run: Run) -> None:
    a = sources(run, "The ferry runs twice a day in summer.")
    summary = a.summaries["sources"]
    assert a.findings == ()
    assert summary["total"] == 0
    assert summary["share_anonymous"] == 0.0
    assert list(summary["top_speakers"]) == []


@pytest.mark.slow
def test_every_relation_points_at_a_speaker_finding(run: Run) -> None:
    text = (
        "According to the Valley Gazette, Tomas Varga said the bridge was unsafe. "
        '"It will fall," he added. The Norvian News Agency quoted him as saying repairs '
        "would take a year."
    )
    a = sources(run, text)
    for f in a.findings:
        for rel in f.relations:
            assert rel.role in ("speaker", "quoted_by")
            assert a.get(rel.target).kind in ("speaker", "quote")


# ----------------------------------------------------------------------------------------
# Without a dependency parse (the ``run_fake`` fixture of conftest.py)


def test_fallback_without_parse_still_finds_quotes_and_reported_speech(run_fake: Run) -> None:
    text = (
        '"We will not back down," said Maria Lund, the ministry spokeswoman. '
        "Lund said that the plan was fair. "
        "According to officials who spoke on condition of anonymity, the talks collapsed."
    )
    a = run_fake(text)
    q = only(quotes(a))
    assert q.attributes["speaker"] == "Maria Lund"
    assert q.attributes["role"] == "ministry spokeswoman"
    plan, talks = attributions(a)
    assert plan.text == "the plan was fair"
    assert plan.attributes["speaker"] == "Maria Lund"
    assert plan.explanation.rule == "attribution.verb.pattern"
    assert talks.label == "anonymous"
    assert talks.text == "the talks collapsed"
    assert all(f.score <= 0.85 for f in attributions(a))
    assert all(f.explanation.model is None for f in a.findings)  # no statistical model


def test_fallback_near_misses(run_fake: Run) -> None:
    a = run_fake(
        'The said property was sold. The so-called "reform" failed. He said nothing. '
        "Having said that, Lund left. That said, the plan is fair."
    )
    assert quotes(a) == [] and attributions(a) == []


def test_random_quote_soup_never_breaks_the_analyzer(run_fake: Run) -> None:
    """Stray marks, unclosed quotes and broken sentences: findings stay anchored and linked."""
    import random

    pieces = [
        '"',
        "“",
        "”",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‹",
        ">",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "said",
        "Maria Lund",
        "according to",
        "officials",
        "she",
        "told",
        "quoted",
        "as saying",
        "that",
        '6"',
        "'90s",
        "don't",
        "reportedly",
        "wrote on Facebook",
        "NFA",
    ]
    rng = random.Random(7)
    for _ in range(150):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 40))]
        text = "".join(w + rng.choice(["", " ", " "]) for w in words)
        a = run_fake(text)  # raises if the analysis is invalid (unanchored, dangling links)
        ids = [f.id for f in a.findings]
        assert len(ids) == len(set(ids))


# ----------------------------------------------------------------------------------------
# Sentences that once crashed the analyzer (bench/sources_robustness.py runs it over the
# shared corpora and reports every failure)


@pytest.mark.slow
def test_passive_verb_with_a_clausal_complement_and_no_passive_subject_of_its_own(
    run: Run,
) -> None:
    # "said" inherits "The mill" from "sold" through the conjunction and has no
    # passive subject of its own: the reported content is its open complement
    a = sources(run, "The mill was sold and was said to be empty.")
    att = only(attributions(a))
    assert att.text == "to be empty"
    assert att.label == "unattributed"
    assert att.attributes["construction"] == "passive"


# ----------------------------------------------------------------------------------------
# Long articles (the timing is measured by bench/sources_speed.py)


def test_long_article_links_every_quote(fake_backbone: Backbone) -> None:
    paragraph = (
        '"We will not back down," said Maria Lund, the ministry spokeswoman. '
        "Lund said that the plan was fair. According to officials, the talks collapsed. "
        'The so-called "reform" failed, the Valley Gazette reported. She warned that '
        "prices would rise. It's the '90s again, Peter Vasko's aides said.\n\n"
    )
    text = paragraph * 150  # about 50,000 characters, 1,500 sentences
    parsed = fake_backbone.parse(text)
    from unspin.analyzer import Context

    analyzer = analyzer_class("sources")()
    result = analyzer.run(Context(Document(text), parsed))
    assert len([f for f in result.findings if f.kind == "quote"]) == 150


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker", "source_type"),
    [
        ("No lawyer will tell you that the scheme is legal.", "No lawyer", "unattributed"),
        ("A company said the plant in Velby would close.", "A company", "anonymous"),
        ("The company said the plant in Velby would close.", "The company", "named_organisation"),
    ],
)
def test_generic_and_unnamed_organisations_are_not_named_sources(
    run: Run, text: str, speaker: str, source_type: str
) -> None:
    a = sources(run, text)
    (found,) = [f for f in a.by_kind("speaker") if f.text == speaker]
    assert found.label == source_type


@pytest.mark.slow
def test_an_apposition_naming_a_company_types_the_speaker(run: Run) -> None:
    a = sources(run, "Velcorp, the shipping company, said there was “great doubt” about the claim.")
    (speaker,) = a.by_kind("speaker")
    assert (speaker.text, speaker.label) == ("Velcorp", "named_organisation")
    assert "apposition" in speaker.attributes["type_reason"]


@pytest.mark.slow
def test_a_speaker_inside_a_relative_clause_starts_after_the_relative_word(run: Run) -> None:
    a = sources(
        run,
        "The bank made a series of transfers, some of which federal auditors say broke the rules.",
    )
    assert [f.text for f in a.by_kind("speaker")] == ["federal auditors"]


def test_a_courtesy_honorific_is_no_part_of_the_name(run: Run) -> None:
    # "Herr" is in the kernel's one honorific table (unspin.lexicon.HONORIFICS)
    a = sources(run, '"The vote was fair," Herr Jonas Vogt said on Monday.')
    found = [f for f in a.by_kind("speaker") if "Vogt" in f.text]
    assert len(found) == 1, [f.text for f in a.by_kind("speaker")]
    assert found[0].label == "named_person"
    assert found[0].attributes["name"] == "Jonas Vogt"
