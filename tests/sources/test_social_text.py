"""Speakers and quotations in social-media text (found by a trust-and-safety batch trial):
an @handle that speaks is the account, a social-media source, not an unnamed one or an
organisation; a web address is never a speaker; emoji around a speaker are no part of its
span; a quotation on a line written in capitals is no title for its capitals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis, Finding


def _speakers(analysis: Analysis) -> list[Finding]:
    return analysis.by_kind("speaker")


@pytest.mark.slow
@pytest.mark.parametrize("handle", ["@JaneDoe_99", "@DrSmith", "@kell.police"])
def test_a_handle_that_speaks_is_a_social_media_account(
    run: Callable[..., Analysis], handle: str
) -> None:
    analysis = run(f"{handle} said that 95% of the trials passed.", "sources")
    (speaker,) = _speakers(analysis)
    assert speaker.text == handle
    assert speaker.label == "social_media"
    assert speaker.attributes["name"] == handle
    assert speaker.explanation.rule == "speaker.handle"
    (said,) = analysis.by_kind("attribution")
    assert said.label == "social_media" and said.attributes["speaker"] == handle


@pytest.mark.slow
def test_a_web_address_is_no_speaker_and_the_name_joined_to_it_is(
    run: Callable[..., Analysis],
) -> None:
    # the parser makes the address and the handle after it one subject of "replied"
    text = (
        '@JaneDoe_99 said the vaccine is "totally untested" '
        "https://example.invalid/path?x=1&y=2 but @DrSmith replied that 95% of trials passed."
    )
    analysis = run(text, "sources")
    speakers = [(s.text, s.label) for s in _speakers(analysis)]
    assert speakers == [("@JaneDoe_99", "social_media"), ("@DrSmith", "social_media")]
    assert not any("://" in f.text for f in analysis.by_kind("speaker", "attribution"))


@pytest.mark.slow
def test_emoji_before_a_speaker_are_no_part_of_it(run: Callable[..., Analysis]) -> None:
    text = "Can you believe this?? \U0001f921\U0001f921 Experts say the river will rise by Friday."
    (speaker,) = _speakers(run(text, "sources"))
    assert speaker.text == "Experts"
    assert speaker.label == "anonymous"


@pytest.mark.slow
def test_a_quotation_in_a_rant_in_capitals_is_a_quotation(run: Callable[..., Analysis]) -> None:
    text = (
        "THIS IS AN OUTRAGE!!! "
        'SENATOR MARK DOLAN SAID "WE WILL NEVER RAISE TAXES" AND THEN RAISED THEM!!!'
    )
    (quote,) = run(text, "sources").by_kind("quote")
    assert quote.text == '"WE WILL NEVER RAISE TAXES"'
    assert quote.attributes["speaker"] == "MARK DOLAN"


@pytest.mark.slow
def test_capitals_in_a_sentence_in_lower_case_still_make_a_title(
    run: Callable[..., Analysis],
) -> None:
    analysis = run('Lund said the film "The Long Night Of The Soul" was her best work.', "sources")
    assert not analysis.by_kind("quote")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["#BREAKING Officials say the dam will hold.", "#KellFloods officials said the dam held."],
)
def test_a_hashtag_before_a_speaker_is_no_part_of_it(
    run: Callable[..., Analysis], text: str
) -> None:
    (speaker,) = _speakers(run(text, "sources"))
    assert speaker.text.lower() == "officials"
    assert speaker.label == "anonymous"


@pytest.mark.slow
def test_a_handle_with_a_title_before_it_is_the_person(run: Callable[..., Analysis]) -> None:
    # a person who posts is a person: the title is the text's evidence
    (speaker,) = _speakers(run("Senator @marklund said the plant will close in May.", "sources"))
    assert speaker.text == "Senator @marklund"
    assert speaker.label == "named_person"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Officials say the dam will hold \U0001f64f\U0001f64f", "the dam will hold"),
        (
            "Experts say the river will rise by Friday \U0001f30a\U0001f30a #ClimateCrisis #WakeUp",
            "the river will rise by Friday",
        ),
        ("Officials say the plan is a #disaster", "the plan is a #disaster"),
    ],
)
def test_emoji_closing_what_was_said_are_no_part_of_it(
    run: Callable[..., Analysis], text: str, said: str
) -> None:
    (attribution,) = run(text, "sources").by_kind("attribution")
    assert attribution.text == said
