"""The sources analyzer: quotations, reported speech, speakers, source types, the profile.

Every fixture is invented (people, places and outlets do not exist). Most tests run the
real spaCy backbone through the ``run`` fixture, which also checks that every finding
is anchored in the text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis, Finding

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
    text = "Tomas Varga denied the report of his exit. Tomas Varga denied that he had resigned."
    noun, clause = attributions(sources(run, text))
    assert noun.text == "the report of his exit"
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
