"""Session 28: a quotation of several paragraphs that re-opens at each of them (the
British convention) scores as a quotation when its speaker is clear: in single marks
(the re-opening shows they are no apostrophes), with a quotation in the same marks inside
one of its paragraphs (which had ended it there, unclosed), and where its last closing
mark was lost before a caption line that did not re-open it. Invented fixtures.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, quotes, sources, speaker_of
from unspin.report.audited import SCORE_FLOORS


@pytest.mark.parametrize(
    "text",
    [
        # single marks, each paragraph re-opened, closed at the last
        "Harbour master Nils Aberg said: ‘The mill will not reopen this winter.\n\n"
        "‘The harbour fund will pay the crews until March.\n\n"
        "‘After that the council will decide again.’\n\nThe owners did not reply.",
        # a quotation in the same marks inside the second paragraph
        "Harbour master Nils Aberg said: ‘The mill will not reopen this winter.\n\n"
        "‘The word ‘closed’ is not one we use lightly, and we told the owners so.\n\n"
        "‘After that the council will decide again.’\n\nThe owners did not reply.",
        # the last closing mark lost before a caption line
        'Harbour master Nils Aberg said: "The mill will not reopen this winter.\n\n'
        '"The harbour fund will pay the crews until March.\n\n'
        "Photo: the empty mill at Oskby on Monday\n\nThe owners did not reply.",
    ],
)
def test_a_quotation_of_several_paragraphs_is_shown(run: Run, text: str) -> None:
    a = sources(run, text)
    q = max(quotes(a), key=lambda f: len(f.text))
    assert q.attributes["paragraphs"] >= 2
    assert q.text.startswith(("‘The mill", '"The mill'))
    assert q.score >= SCORE_FLOORS["quote"]
    assert speaker_of(a, q).attributes["name"] == "Nils Aberg"
