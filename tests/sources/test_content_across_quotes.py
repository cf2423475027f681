"""A content of two quotations joined by "and" (session 27, on invented fixtures):
'They said "we are tired" and "we want to go home"' started inside the first quotation
and ended inside the second; it runs from the first opening mark to the last closing
one, one content as PolNeAR marks it (its scorer matches one gold content to one).
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    "said",
    [
        '"we are tired" and "we want to go home"',
        "“we are tired” and “we want to go home.”",
        '"we are tired," and "we want to go home."',
    ],
)
def test_a_content_of_two_quotations_takes_both_whole(run: Run, said: str) -> None:
    analysis = sources(run, f"The miners said {said}")
    assert [f.text for f in analysis.by_kind("attribution")] == [said]
    assert len(analysis.by_kind("quote")) == 2


def test_a_content_opening_before_a_quotation_keeps_its_start(run: Run) -> None:
    content = 'the plan was "a disaster" and "a waste"'
    analysis = sources(run, f"Ann Lund said {content}.")
    assert [f.text for f in analysis.by_kind("attribution")] == [content]
