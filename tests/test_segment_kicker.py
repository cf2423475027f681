"""A section label of one word in capitals over a page's headline ("OPINION", then the
headline) is a heading, and the headline the title; the label was the title and the
headline a heading (found by a newsroom-analyst trial on a saved opinion column)."""

from __future__ import annotations

import pytest

from unspin.segment import find_blocks


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in find_blocks(text)]


@pytest.mark.parametrize("label", ["OPINION", "ANALYSIS", "EXCLUSIVE"])
def test_a_label_over_the_headline_is_a_heading(label: str) -> None:
    text = f"{label}\n\nThe ferry deserves a second chance\n\nBy Ann Lee\n\nThe ferry is old."
    assert _kinds(text)[:3] == [
        ("heading", label),
        ("title", "The ferry deserves a second chance"),
        ("byline", "By Ann Lee"),
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # two words in capitals may be the headline over its subheading
        ("STORM HITS\n\nThousands without power\n\nThe storm hit the coast.", "STORM HITS"),
        # a label over the body alone is the title still, as any short first line
        ("OPINION\n\nThe plan is bad, says a reader of ours today.", "OPINION"),
        # a headline in capitals over a dateline keeps its title
        ("FERRY\n\nKELLBY, May 2 —\n\nThe ferry sank, officials said.", "FERRY"),
    ],
)
def test_a_first_line_in_capitals_stays_the_title_otherwise(text: str, title: str) -> None:
    assert _kinds(text)[0] == ("title", title)
