"""A number and a capitalised unit that quotation marks enclose whole is a show's or a
work's title, no duration (seen reading a gate article's report in Chromium)."""

from __future__ import annotations

import pytest

from unspin import analyze


def _durations(text: str) -> list[str]:
    return [f.text for f in analyze(text).findings if f.kind == "date" and f.label == "duration"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The senator made the remark in a “60 Hours” appearance last autumn.",
        'She said so on "Ninety Minutes" that night.',
    ],
)
def test_a_quoted_title_is_no_duration(text: str) -> None:
    assert _durations(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ('The senator spoke for "60 minutes" without a break.', "60 minutes"),
        ("The senator spoke for 60 Minutes, the clerk wrote.", "60 Minutes"),
        ("The senator spoke for 60 minutes without a break.", "60 minutes"),
    ],
)
def test_other_durations_stay(text: str, span: str) -> None:
    assert _durations(text) == [span]
