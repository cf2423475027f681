"""The sources analyzer: quotations, reported speech, speakers, source types, the profile.

Every fixture is invented (people, places and outlets do not exist). Most tests run the
real spaCy backbone through the ``run`` fixture, which also checks that every finding
is anchored in the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.analyzer import analyzer_class
from unspin.model import Analysis, Document, Finding
from unspin.nlp import Backbone
from unspin.sources.quotes import find_quotes

Run = Callable[..., Analysis]


def sources(run: Run, text: str, **meta: object) -> Analysis:
    return run(text, "sources", **meta)


def quotes(a: Analysis) -> list[Finding]:
    return a.by_kind("quote")


def attributions(a: Analysis) -> list[Finding]:
    return a.by_kind("attribution")


def speaker_of(a: Analysis, f: Finding) -> Finding:
    ids = f.related("speaker")
    assert len(ids) == 1, f
    return a.get(ids[0])


def only(items: list[Finding]) -> Finding:
    assert len(items) == 1, [(f.kind, f.text) for f in items]
    return items[0]


# ----------------------------------------------------------------------------------------
# Quotation styles


@pytest.mark.parametrize(
    ("opening", "closing", "style"),
    [
        ('"', '"', "straight-double"),
        ("“", "”", "curly-double"),
        ("'", "'", "straight-single"),
        ("‘", "’", "curly-single"),
        ("«", "»", "guillemets"),
        ("»", "«", "guillemets"),
        ("„", "“", "low-double"),
    ],
)
@pytest.mark.slow
def test_every_quotation_style_is_found_with_its_speaker(
    run: Run, opening: str, closing: str, style: str
) -> None:
    text = f"{opening}We will not back down,{closing} said Maria Lund on Tuesday."
    a = sources(run, text)
    q = only(quotes(a))
    assert q.text == f"{opening}We will not back down,{closing}"
    assert q.start == 0
    assert q.attributes["style"] == style
    assert q.label == "named_person"
    assert q.attributes["speaker"] == "Maria Lund"
    assert q.attributes["verb"] == "say"
    assert q.attributes["stance"] == "neutral"
    assert q.attributes["multi_sentence"] is False
    assert q.explanation.rule == f"quote.{style}"
    assert q.explanation.model == "spacy:en_core_web_sm"
    assert q.score >= 0.75
    sp = speaker_of(a, q)
    assert sp.kind == "speaker" and sp.text == "Maria Lund" and sp.label == "named_person"


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We won the vote,“ said Maria Lund.", "“We won the vote,“"),  # wrong closing mark
        ('"We won" , said Maria Lund.', '"We won"'),  # stray space before the comma
        ('"We won the vote",said Maria Lund.', '"We won the vote"'),  # logical punctuation
        ('"WE WON THE VOTE," SAID MARIA LUND.', '"WE WON THE VOTE,"'),  # shouting
    ],
)
@pytest.mark.slow
def test_sloppy_typography_still_yields_the_quote_and_speaker(
    run: Run, text: str, quoted: str
) -> None:
    q = only(quotes(sources(run, text)))
    assert q.text == quoted
    assert q.attributes["speaker"] in ("Maria Lund", "MARIA LUND")
    assert q.attributes["speaker_link"] == "after"


@pytest.mark.slow
def test_quote_running_over_several_sentences_is_one_quote(run: Run) -> None:
    text = "“The plan is dead. Nobody will save it. Not now,” said Peter Vasko."
    q = only(quotes(sources(run, text)))
    assert q.text == "“The plan is dead. Nobody will save it. Not now,”"
    assert q.attributes["multi_sentence"] is True
    assert q.attributes["speaker"] == "Peter Vasko"


@pytest.mark.slow
def test_quote_running_over_paragraphs_follows_the_reopening_convention(run: Run) -> None:
    text = (
        '"We have warned the council for years about the harbour wall," said Ada Brenner.\n\n'
        '"Nobody listened to us. The wall was never repaired.\n\n'
        '"Now the whole quay is closed and the boats cannot land."'
    )
    a = sources(run, text)
    found = quotes(a)
    assert len(found) == 2
    second = found[1]
    assert second.text.startswith('"Nobody listened')
    assert second.text.endswith('cannot land."')
    assert second.attributes["paragraphs"] == 2
    assert second.attributes["multi_sentence"] is True
    # no speaker in its paragraphs: it carries over from the paragraph before, at a lower score
    assert second.attributes["speaker"] == "Ada Brenner"
    assert second.attributes["speaker_link"] == "previous-paragraph"
    assert second.score < found[0].score


@pytest.mark.slow
def test_block_quote_introduced_by_a_social_media_post(run: Run) -> None:
    text = (
        "In a post on Telegram, the mayor Karin Olsen wrote:\n\n"
        "> The vote was rigged from the start. We will not accept the result.\n"
        "> Our lawyers are ready.\n\n"
        "The electoral board has not responded."
    )
    a = sources(run, text)
    q = only(quotes(a))
    assert q.attributes["style"] == "block"
    assert q.text.startswith("> The vote was rigged")
    assert q.text.endswith("Our lawyers are ready.")
    assert q.attributes["speaker"] == "Karin Olsen"
    assert q.attributes["multi_sentence"] is True
    # a person who posts stays a person; the medium says where she wrote it
    assert q.label == speaker_of(a, q).label == "named_person"
    assert q.attributes["medium"] == "social_media"


@pytest.mark.slow
def test_block_quote_signed_at_the_end(run: Run) -> None:
    text = (
        "The statement was posted at noon.\n\n"
        "> We will rebuild the bridge before winter, whatever it costs.\n"
        "> — Tomas Varga\n\n"
        "Work has not started."
    )
    q = only(quotes(sources(run, text)))
    assert q.attributes["style"] == "block"
    assert q.attributes["speaker"] == "Tomas Varga"
    assert q.attributes["speaker_link"] == "signature"


@pytest.mark.slow
def test_quote_without_any_speaker_is_unattributed(run: Run) -> None:
    text = 'The ferry has not run for a week.\n\n"This cannot go on for much longer."'
    a = sources(run, text)
    q = only(quotes(a))
    assert q.label == "unattributed"
    assert q.attributes["speaker"] is None
    assert q.related("speaker") == []
    assert q.score < 0.8
    assert a.summaries["sources"]["counts_by_type"]["unattributed"] == 1


@pytest.mark.slow
def test_continuation_of_an_interrupted_quote(run: Run) -> None:
    text = '"We are not there yet," Tom Ekdahl said. "But we are close."'
    a = sources(run, text)
    first, second = quotes(a)
    assert first.attributes["speaker_link"] == "after"
    assert second.attributes["speaker"] == "Tom Ekdahl"
    assert second.attributes["speaker_link"] == "continuation"
    assert second.score < first.score
    assert speaker_of(a, first).id == speaker_of(a, second).id


@pytest.mark.slow
def test_speaker_named_before_the_quote(run: Run) -> None:
    text = 'Tomas Varga told the council on Monday: "The bridge will be rebuilt."'
    q = only(quotes(sources(run, text)))
    assert q.attributes["speaker"] == "Tomas Varga"
    assert q.attributes["verb"] == "tell"
    assert q.attributes["speaker_link"] == "before"


@pytest.mark.slow
def test_headline_and_colon_introductions(run: Run) -> None:
    text = (
        'Defence Minister Anna Berg: "We will not resign"\n\n'
        "The minister spoke in Westby on Monday. "
        'Tomas Varga was blunt: "We are finished with this government."'
    )
    a = sources(run, text)
    headline, blunt = quotes(a)
    assert headline.attributes["speaker"] == "Anna Berg"
    assert headline.attributes["role"] == "Defence Minister"
    assert headline.attributes["speaker_link"] == "colon"
    assert blunt.attributes["speaker"] == "Tomas Varga"
    assert blunt.attributes["speaker_link"] == "colon"
    assert blunt.score < 0.7  # inferred from the clause, not from a verb of saying


@pytest.mark.slow
def test_quote_never_takes_its_speaker_from_the_next_paragraph(run: Run) -> None:
    text = '"The harbour must stay open for the boats"\n\nTomas Varga spoke at noon.'
    q = only(quotes(sources(run, text)))
    assert q.label == "unattributed"


@pytest.mark.slow
def test_nested_quote_is_hearsay_inside_the_outer_quote(run: Run) -> None:
    text = "\"Vasko told me 'the whole plan is finished now' and walked out,\" Ada Brenner said."
    a = sources(run, text)
    outer, inner = quotes(a)
    assert outer.attributes["speaker"] == "Ada Brenner"
    assert inner.attributes["nested"] is True
    assert inner.attributes["speaker"] == "Vasko"
    quoted_by = a.get(only_id(inner.related("quoted_by")))
    assert quoted_by.attributes["name"] == "Ada Brenner"


def only_id(ids: list[str]) -> str:
    assert len(ids) == 1, ids
    return ids[0]


# ----------------------------------------------------------------------------------------
# Indirect speech


@pytest.mark.slow
def test_said_that_covers_the_reported_clause_only(run: Run) -> None:
    text = "Maria Lund said that the ferry would run again on Monday."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.text == "the ferry would run again on Monday"
    assert att.label == "named_person"
    assert att.attributes["speaker"] == "Maria Lund"
    assert att.attributes["verb"] == "say"
    assert att.attributes["stance"] == "neutral"
    assert att.explanation.rule == "attribution.verb"
    assert "said" in att.explanation.cues
    assert speaker_of(a, att).text == "Maria Lund"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "According to the Norvian Fisheries Authority, catches fell by a third.",
            "catches fell by a third",
        ),
        (
            "Catches fell by a third, according to the Norvian Fisheries Authority.",
            "Catches fell by a third",
        ),
    ],
)
@pytest.mark.slow
def test_according_to_attributes_the_rest_of_the_sentence(
    run: Run, text: str, content: str
) -> None:
    a = sources(run, text)
    att = only(attributions(a))
    assert att.text == content
    assert att.label == "named_organisation"
    assert att.attributes["speaker"] == "Norvian Fisheries Authority"
    assert att.attributes["construction"] == "according-to"
    assert att.attributes["verb"] is None and att.attributes["stance"] is None
    assert att.explanation.rule == "attribution.according-to"
    assert "according to" in att.explanation.cues


@pytest.mark.slow
def test_told_someone_that(run: Run) -> None:
    text = "Ada Brenner told the council that the harbour wall was unsafe."
    att = only(attributions(sources(run, text)))
    assert att.text == "the harbour wall was unsafe"
    assert att.attributes["verb"] == "tell"
    assert att.attributes["speaker"] == "Ada Brenner"


@pytest.mark.parametrize(
    ("verb", "lemma", "stance", "verb_class"),
    [
        ("said", "say", "neutral", "neutral"),
        ("claimed", "claim", "loaded", "doubt"),
        ("admitted", "admit", "loaded", "concession"),
        ("insisted", "insist", "loaded", "emphasis"),
        ("warned", "warn", "loaded", "alarm"),
        ("boasted", "boast", "loaded", "emotive"),
    ],
)
@pytest.mark.slow
def test_stance_of_the_reporting_verb(
    run: Run, verb: str, lemma: str, stance: str, verb_class: str
) -> None:
    text = f"Jonas Fiske {verb} that the board knew nothing about the payments."
    att = only(attributions(sources(run, text)))
    assert att.text == "the board knew nothing about the payments"
    assert att.attributes["verb"] == lemma
    assert att.attributes["stance"] == stance
    assert att.attributes["verb_class"] == verb_class
    assert ("loaded" in att.explanation.detail) is (stance == "loaded")


@pytest.mark.slow
def test_stance_on_a_direct_quote(run: Run) -> None:
    q = only(quotes(sources(run, '"It was a mistake," admitted Jonas Fiske.')))
    assert q.attributes["verb"] == "admit"
    assert q.attributes["stance"] == "loaded"


@pytest.mark.slow
def test_before_adding_that_inherits_the_subject(run: Run) -> None:
    text = '"We are done," Ada Brenner said, before adding that she would return.'
    att = only(attributions(sources(run, text)))
    assert att.text == "she would return"
    assert att.attributes["speaker"] == "Ada Brenner"


@pytest.mark.slow
def test_adding_that_inherits_the_subject(run: Run) -> None:
    text = '"We have nothing to hide," Ada Brenner said, adding that the audit would be public.'
    a = sources(run, text)
    q = only(quotes(a))
    att = only(attributions(a))
    assert att.text == "the audit would be public"
    assert att.attributes["verb"] == "add"
    assert speaker_of(a, att).id == speaker_of(a, q).id


@pytest.mark.slow
def test_two_speakers_in_one_sentence_do_not_swallow_each_other(run: Run) -> None:
    text = "Ada Brenner said the plan was fair, while Tomas Varga said it was doomed."
    a = sources(run, text)
    brenner, varga = attributions(a)
    assert brenner.text == "the plan was fair"
    assert brenner.attributes["speaker"] == "Ada Brenner"
    assert varga.text == "it was doomed"
    assert varga.attributes["speaker"] == "Tomas Varga"
    assert varga.related("quoted_by") == []  # not hearsay: Varga speaks for himself


@pytest.mark.slow
def test_attribution_after_the_content(run: Run) -> None:
    text = "The reform failed, the Valley Gazette reported. Prices rose, Ada Brenner said."
    gazette, brenner = attributions(sources(run, text))
    assert gazette.text == "The reform failed"
    assert gazette.label == "media_outlet"
    assert brenner.text == "Prices rose"
    assert brenner.attributes["speaker"] == "Ada Brenner"


@pytest.mark.slow
def test_dateline_is_not_part_of_the_reported_content(run: Run) -> None:
    text = "WESTBY — The harbour will close next year, officials said."
    att = only(attributions(sources(run, text)))
    assert att.text == "The harbour will close next year"
    assert att.label == "anonymous"


@pytest.mark.slow
def test_denying_a_noun_phrase_scores_lower_than_a_reported_clause(run: Run) -> None:
    text = "Tomas Varga denied the report. Tomas Varga denied that he had resigned."
    noun, clause = attributions(sources(run, text))
    assert noun.text == "the report"
    assert clause.text == "he had resigned"
    assert noun.score < clause.score


@pytest.mark.slow
def test_dash_signature_after_a_quote(run: Run) -> None:
    text = '"We will rebuild the bridge before the winter." — Tomas Varga, mayor of Westby'
    q = only(quotes(sources(run, text)))
    assert q.attributes["speaker"] == "Tomas Varga"
    assert q.attributes["role"] == "mayor of Westby"
    assert q.attributes["speaker_link"] == "signature"


@pytest.mark.slow
def test_document_quoted_directly(run: Run) -> None:
    text = 'The audit states: "Catches fell by a third in two years."'
    a = sources(run, text)
    q = only(quotes(a))
    assert q.label == "document"
    assert speaker_of(a, q).text == "The audit"


# ----------------------------------------------------------------------------------------
# Source types


@pytest.mark.slow
def test_named_organisation_and_media_outlet(run: Run) -> None:
    text = (
        "The Norvian Fisheries Authority said the quotas would be cut. "
        "The Valley Gazette reported that three trawlers had been seized."
    )
    a = sources(run, text)
    org, outlet = attributions(a)
    assert org.label == "named_organisation"
    assert org.attributes["speaker"] == "Norvian Fisheries Authority"
    assert outlet.label == "media_outlet"
    assert outlet.attributes["speaker"] == "Valley Gazette"
    assert speaker_of(a, outlet).label == "media_outlet"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A person familiar with the matter said the deal was off.", "familiar with"),
        ("Sources say the minister will resign.", "sources"),
        (
            "Officials who spoke on condition of anonymity said the talks had collapsed.",
            "on condition of anonymity",
        ),
        (
            "A senior diplomat, who asked not to be named, said the envoy had been recalled.",
            "asked not to be named",
        ),
    ],
)
@pytest.mark.slow
def test_anonymous_sources(run: Run, text: str, cue: str) -> None:
    a = sources(run, text)
    att = only(attributions(a))
    assert att.label == "anonymous"
    sp = speaker_of(a, att)
    assert sp.label == "anonymous"
    assert sp.attributes["name"] is None
    assert any(cue in c.lower() for c in sp.explanation.cues), sp.explanation.cues
    assert a.summaries["sources"]["share_anonymous"] == 1.0


@pytest.mark.slow
def test_social_media_sources(run: Run) -> None:
    text = (
        "Peter Vasko tweeted that the vote had been stolen. "
        "A widely shared post claimed that the ballots were burned."
    )
    a = sources(run, text)
    tweet, post = attributions(a)
    # the bug: a person who tweets was typed social_media (in the report's source table)
    assert tweet.label == speaker_of(a, tweet).label == "named_person"
    assert tweet.attributes["speaker"] == "Peter Vasko"
    assert tweet.attributes["medium"] == "social_media"
    assert a.summaries["sources"]["top_speakers"][0]["type"] == "named_person"
    assert post.label == "social_media"
    assert post.attributes["stance"] == "loaded"
    assert speaker_of(a, post).label == "social_media"


@pytest.mark.slow
def test_document_sources(run: Run) -> None:
    text = (
        "A report by the ministry found that catches fell. "
        "Court documents show that the firm paid two million crowns."
    )
    a = sources(run, text)
    report, docs = attributions(a)
    assert report.label == "document" and report.text == "catches fell"
    assert docs.label == "document"
    assert docs.text == "the firm paid two million crowns"


@pytest.mark.slow
def test_unattributed_reported_speech(run: Run) -> None:
    text = "It is claimed that the dam will burst. The minister reportedly resigned."
    a = sources(run, text)
    claimed, reportedly = attributions(a)
    assert claimed.label == "unattributed"
    assert claimed.text == "the dam will burst"
    assert claimed.attributes["construction"] == "passive"
    assert claimed.related("speaker") == []
    assert reportedly.label == "unattributed"
    assert reportedly.attributes["construction"] == "reportedly"
    assert reportedly.score <= 0.6


@pytest.mark.slow
def test_spokesperson_speaks_for_the_organisation(run: Run) -> None:
    text = "A spokeswoman for the Norvian Fisheries Authority said the figures were wrong."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.label == "named_organisation"
    assert att.attributes["speaker"] == "Norvian Fisheries Authority"
    assert att.attributes["role"] == "spokeswoman"


@pytest.mark.slow
def test_outlet_recognised_from_a_media_noun_not_a_list(run: Run) -> None:
    """The outlet a speaker talks to is the channel (``via``), never a speaker: "told Fox
    News" was shown as a speaker on a real article."""
    text = '"We will not back down," Maria Lund told the Daily Kestrel newspaper.'
    a = sources(run, text)
    q = only(quotes(a))
    assert q.attributes["via"] == "Daily Kestrel"
    assert q.related("quoted_by") == []
    assert [f.text for f in a.by_kind("speaker")] == ["Maria Lund"]


@pytest.mark.slow
def test_an_outlet_spoken_to_is_never_a_speaker(run: Run) -> None:
    for verb in ("told Kestrel News on Sunday", "said in an interview with Kestrel News"):
        a = sources(run, f"Ivo Brandt {verb} that the bridge would reopen.")
        att = only(attributions(a))
        assert att.attributes["speaker"] == "Ivo Brandt"
        assert att.attributes["via"] == "Kestrel News" and att.related("quoted_by") == []
        assert "media_outlet" not in {f.label for f in a.by_kind("speaker")}


# ----------------------------------------------------------------------------------------
# Hearsay


@pytest.mark.slow
def test_agency_quoted_someone_as_saying(run: Run) -> None:
    text = "The Norvian News Agency quoted Peter Vasko as saying the deal was dead."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.text == "the deal was dead"
    assert att.attributes["construction"] == "as-saying"
    assert att.attributes["speaker"] == "Peter Vasko"
    assert att.attributes["via"] == "Norvian News Agency"
    inner = speaker_of(a, att)
    outer = a.get(only_id(att.related("quoted_by")))
    assert inner.text == "Peter Vasko" and inner.label == "named_person"
    assert outer.text == "The Norvian News Agency" and outer.label == "media_outlet"


@pytest.mark.slow
def test_passive_quoted_by_outlet(run: Run) -> None:
    text = "Anna Berg was quoted by the Kestrel Times as saying the vote was rigged."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.attributes["speaker"] == "Anna Berg"
    assert a.get(only_id(att.related("quoted_by"))).attributes["name"] == "Kestrel Times"


@pytest.mark.slow
def test_citing_makes_the_cited_source_the_speaker_and_the_outlet_the_carrier(run: Run) -> None:
    text = "The Harbor Times reported, citing two officials, that the deal was dead."
    a = sources(run, text)
    att = only(attributions(a))
    assert att.text == "the deal was dead"
    assert att.label == "anonymous"
    assert speaker_of(a, att).text == "two officials"
    assert a.get(only_id(att.related("quoted_by"))).attributes["name"] == "Harbor Times"


@pytest.mark.slow
def test_reported_speech_inside_reported_speech(run: Run) -> None:
    text = "According to the Valley Gazette, Tomas Varga said the bridge was unsafe."
    a = sources(run, text)
    inner = next(f for f in attributions(a) if f.attributes["speaker"] == "Tomas Varga")
    assert inner.text == "the bridge was unsafe"
    assert a.get(only_id(inner.related("quoted_by"))).attributes["name"] == "Valley Gazette"


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
    """ "The Senate confirmed Ann Roe" reports nothing; "confirmed the figures" does."""
    a = sources(run, "The Senate confirmed Ann Roe as a judge, aides said.")
    assert [f.attributes["verb"] for f in attributions(a)] == ["say"]
    a = sources(run, "Aides said the ministry confirmed the figures.")
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
