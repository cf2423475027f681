"""Audit round 7 (PTC train articles and FNC-1 news bodies): inferences and findings read
as speech, content spans that run on past the claim. Invented fixtures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import attributions, only, sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in attributions(a)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials now suspect that one of the men has made contact with old associates, "
        "suggesting that he may be planning a return.",
        "Officers stopped the truck. A records check confirmed the truck had been stolen.",
        "This is the seventh video the group has released in a series revealing secrets "
        "and lies from campaigns.",
    ],
)
def test_an_inference_or_a_finding_is_no_speech(run: Run, text: str) -> None:
    a = sources(run, text)
    assert _contents(a) == []
    assert a.by_kind("speaker") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "He wrote to the board, suggesting that the plan be dropped.",
            "the plan be dropped",
        ),
        ("The bishops confirmed that the meeting would go ahead.", "the meeting would go ahead"),
        ("The report revealed that the mayor had lied.", "the mayor had lied"),
        ("A spokesman confirmed the deal had been signed.", "the deal had been signed"),
    ],
)
def test_speech_of_a_source_is_kept(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'He claims the phrase is a "misnomer," before then defending the time limits.',
            'the phrase is a "misnomer,"',
        ),
        ("She said the plan would fail, after meeting the board.", "the plan would fail"),
        (
            "He said he would leave before talking to the press.",
            "he would leave before talking to the press",
        ),
    ],
)
def test_content_stops_before_what_the_speaker_did_next(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]


def test_a_trailing_according_to_relays_the_speaker(run: Run) -> None:
    a = sources(
        run,
        "When she was arrested, Smith said she confused the house for her own and shot "
        "him, according to court documents.",
    )
    f = only(attributions(a))
    assert f.text == "she confused the house for her own and shot him"
    assert speaker_of(a, f).text == "Smith"
    assert [a.get(i).text for i in f.related("quoted_by")] == ["court documents"]


def test_a_leading_according_to_keeps_its_own_attribution(run: Run) -> None:
    a = sources(run, "According to the report, officials said the bridge was unsafe.")
    assert _contents(a) == ["officials said the bridge was unsafe", "the bridge was unsafe"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mary said no and that was it.", None),
        ("She said yes to the offer.", None),
        ("He said no evidence was found.", "no evidence was found"),
    ],
)
def test_an_answer_is_no_statement(run: Run, text: str, content: str | None) -> None:
    assert _contents(sources(run, text)) == ([content] if content else [])


@pytest.mark.parametrize(
    ("text", "speaker", "relay"),
    [
        ("Reuters cited a spokesman saying the plant was closed.", "a spokesman", "Reuters"),
        ("The paper quoted the minister as saying the plan was dead.", "the minister", "The paper"),
    ],
)
def test_quoted_saying_credits_the_inner_speaker(
    run: Run, text: str, speaker: str, relay: str
) -> None:
    a = sources(run, text)
    f = only(attributions(a))
    assert speaker_of(a, f).text == speaker
    assert [a.get(i).text for i in f.related("quoted_by")] == [relay]


def test_quoted_him_saying_is_not_the_relays_own_statement(run: Run) -> None:
    a = sources(run, "The agency quoted him saying that talks would resume.")
    f = only(attributions(a))
    assert f.related("speaker") == []
    assert [a.get(i).text for i in f.related("quoted_by")] == ["The agency"]


def test_a_threatened_place_is_no_statement(run: Run) -> None:
    a = sources(
        run,
        "In the northwest, Ruritania has sent its allies to attack Dorval and President Jan "
        "Oster has threatened Kelby, 80 miles to the east, where U.S. troops mix with the "
        "local defenders and U.S. generals were visible last week.",
    )
    assert _contents(a) == []
    assert _contents(sources(run, "The union threatened that workers would strike.")) == [
        "workers would strike"
    ]


def _vague(run: Run, text: str) -> list[tuple[str, float]]:
    a = run(text, "certainty")
    return [(f.text, f.score) for f in a.by_kind("vague_attribution")]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Hale saw it on Saturday. Experts said they believed the aircraft was an unarmed "
        "drone. Aaron Stein, an associate fellow with the Halden Institute think tank, said "
        "it could be identified by its tail.",
        "The change was done to promote inclusivity, campus officials said in interviews "
        "with The Campus Fix. Leigh Royster, director of Elon's Inclusive Wellbeing Office, "
        "said in an email that the term is outdated.",
    ],
)
def test_a_group_one_of_whom_the_next_sentence_names_is_no_vague_source(
    run: Run, text: str
) -> None:
    assert _vague(run, text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Jane Roe, the director of the bureau, said in September that officials believed "
            "they had succeeded.",
            "officials believed",
        ),
        (
            "The Interior Ministry's transport department said it is investigating the breach. "
            'According to the Mirror, a spokesman said: "We are looking into the matter."',
            "a spokesman said",
        ),
        (
            "He was rushed to Halden General Hospital, where doctors battled to save his life. "
            "Although doctors feared that he would have suffered brain damage, he woke up.",
            "doctors feared",
        ),
    ],
)
def test_a_group_the_text_places_is_not_shown(run: Run, text: str, cue: str) -> None:
    found = _vague(run, text)
    assert [c for c, _ in found] == [cue]
    assert all(score < 0.7 for _, score in found)  # under the report's floor


@pytest.mark.parametrize(
    "text",
    [
        "Experts say the drug works. Jane Roe said she was not sure.",
        "Analysts say the market will fall. Some analysts disagree.",
        "Officials said the road was closed. The mayor's office did not respond.",
    ],
)
def test_unnamed_groups_stay_vague(run: Run, text: str) -> None:
    assert [score >= 0.7 for _, score in _vague(run, text)] == [True]


def test_a_preposition_before_a_gerund_is_no_speaker(run: Run) -> None:
    a = sources(
        run,
        "It is no surprise that the site's editor, and host of 'The Hour,' was suspended "
        "from the network for 30 days yesterday, on September 11, after posting his "
        "article, '9 Steps to Win.' He believed that the article was urgent.",
    )
    assert "after" not in [f.text for f in a.by_kind("speaker")]


def test_a_group_of_a_named_kind_keeps_its_low_score(run: Run) -> None:
    found = _vague(
        run,
        "It published photos of the site. American officials said they were looking into "
        "the report. Jane Roe, the spokeswoman for the Halden Security Council, said the "
        "office had seen no evidence.",
    )
    assert [(c, s < 0.7) for c, s in found] == [("American officials said", True)]


def test_a_free_relative_is_the_writers_description(run: Run) -> None:
    a = sources(run, "In the studio, Lemon said what is clearly not only rude but utterly insane.")
    assert _contents(a) == []
    assert _contents(sources(run, "Lemon said that the plan was insane.")) == [
        "the plan was insane"
    ]


def test_according_to_inside_the_sentence_keeps_the_claim(run: Run) -> None:
    a = sources(
        run,
        "She chose to compare social media use in the US to Canada. The professor, "
        'according to the Daily Harbor, failed Arnolds because "Canada is a continent; not '
        'a country," which is incorrect.',
    )
    assert all("failed Arnolds" in c for c in _contents(a))
    assert _contents(a)


def test_both_is_a_pronoun_not_an_unnamed_group(run: Run) -> None:
    a = sources(
        run,
        "Both women are college professors. Both claim to have reluctantly been drawn into "
        "the fight.",
    )
    f = only(attributions(a))
    assert speaker_of(a, f).label != "anonymous"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "U.S.-led planes hit the town on Friday, according to activists.",
            "U.S.-led planes hit the town on Friday",
        ),
        ("WESTBY - The council said the road was closed.", "the road was closed"),
        (
            "WESTBY - Road closed on Friday, according to the council.",
            "Road closed on Friday",
        ),
    ],
)
def test_a_hyphenated_capital_word_is_no_dateline(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]


def test_a_report_whose_outlet_the_next_sentence_names_is_not_shown(run: Run) -> None:
    found = dict(
        _vague(
            run,
            "Harbor has been testing platinum for future watches, according to a new report. "
            "Sources told the Wall Street Journal that Harbor has been studying platinum.",
        )
    )
    assert found["according to a new report"] < 0.7
    assert found["Sources told"] >= 0.7
    found = dict(_vague(run, "The drug works, according to a new report. Critics disagree."))
    assert found["according to a new report"] >= 0.7


def test_an_official_whose_quoted_words_a_named_person_says_later_is_not_shown(
    run: Run,
) -> None:
    found = dict(
        _vague(
            run,
            'But an official says it would be "irresponsible" to name the dead\n'
            "A mass grave was found near the town. State Attorney General Jan Oster said "
            'there was a link. However, Oster said it would be "irresponsible" to say so.',
        )
    )
    assert found["an official says"] < 0.7
    found = dict(_vague(run, 'An official said the plan was "dead on arrival." The mayor agreed.'))
    assert found["An official said"] >= 0.7


def test_according_to_unnamed_people_keeps_their_hearsay(run: Run) -> None:
    a = sources(
        run,
        "Harbor partner Dina Lund has told some colleagues that she is leaning against "
        "leaving the firm, according to two people familiar with the matter.",
    )
    assert any(f.text.startswith("Harbor partner Dina Lund has told") for f in attributions(a))


def test_a_placed_group_stays_vague_beside_another_bodys_named_voice(run: Run) -> None:
    found = _vague(
        run,
        "Officials at the hospital say patients run away because they fear needles. Jean "
        "Manhes, the deputy representative of Unicef, told the Irish Times they were afraid.",
    )
    assert [c for c, _ in found] == ["Officials"]


@pytest.mark.parametrize(
    "text",
    [
        "The Daily Harbor reported in March that the firm was weighing such a move, but "
        "sources confirmed that it is a definite go. The firm is prepping a new attack at a "
        "time when its service is gaining ground, sources said.",
        "ICE officials caught 232 people in the sweep but said that hundreds more escaped. "
        "But on Tuesday, officials said that three of them had since been arrested.",
    ],
)
def test_the_same_unnamed_voice_again_stays_vague(run: Run, text: str) -> None:
    assert all(score >= 0.7 for _, score in _vague(run, text))
