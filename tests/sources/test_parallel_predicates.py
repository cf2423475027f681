"""Where a reported content ends when a second predicate follows it (session 27, on
invented fixtures; read on a real news body): a predicate joined by "and" whose
auxiliary and form are the content verb's belongs to the content, though the parse hung
it on the verb of saying ('reported that the captain was "resting at home," and was
recovering ...'); one whose auxiliary agrees in number with the sayer and not with the content's
subject is the sayer's own act ("Officials said the bridge was closing and were told to
leave"). "But" keeps a writer's comment out ("he was trained, but was admitted anyway").
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


def _contents(run: Run, text: str) -> list[str]:
    return [f.text for f in sources(run, text).by_kind("attribution")]


def test_a_parallel_predicate_stays_in_the_content(run: Run) -> None:
    text = (
        'Ferry Radio reported that the captain was "resting at home," and was recovering '
        'from a "minor back injury."'
    )
    assert _contents(run, text)[0].endswith('recovering from a "minor back injury."')


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Officials said the bridge was closing and were told to leave.", "the bridge was closing"),
        ("The agency reported that prices were rising and was criticised for it.",
         "prices were rising"),
    ],
)  # fmt: skip
def test_the_sayers_own_act_by_number_is_cut(run: Run, text: str, content: str) -> None:
    assert _contents(run, text)[0] == content


def test_agreeing_predicates_stay(run: Run) -> None:
    text = "Officials said the bridges were closing and were unsafe."
    assert _contents(run, text)[0] == "the bridges were closing and were unsafe"


def test_but_keeps_the_writers_comment_out(run: Run) -> None:
    text = "The teen told border officials that he was trained abroad, but was admitted anyway."
    assert _contents(run, text)[0] == "he was trained abroad"
