"""Ends of reported contents (invented fixtures): a content never runs over its own
quotation's verb and speaker ('"X" she said, but ...'), and a quotation set off by a dash
before its own "he said" is all that verb reports."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in a.by_kind("attribution")]


def test_a_content_never_runs_over_its_own_verb_and_speaker(run: Run) -> None:
    a = sources(
        run, 'Ann Lund spoke last. "The odds were poor" she said, but the file was found on Friday.'
    )
    assert not any("she said" in c for c in _contents(a)), _contents(a)


def test_a_quotation_after_a_dash_is_all_its_verb_reports(run: Run) -> None:
    a = sources(
        run,
        "Ida Vask left early. She phoned her brother to say the road is clear \u2014 "
        '"We made it," she said \u2014 but he still frets.',
    )
    contents = _contents(a)
    assert "the road is clear" in contents, contents
    assert not any("phoned" in c or "made it" in c for c in contents), contents


def test_a_quotation_going_on_after_its_verb_keeps_the_plain_content(run: Run) -> None:
    a = sources(run, "Ann Lund spoke. The plan, Lund said, would fail.")
    assert "The plan, Lund said, would fail" in _contents(a), _contents(a)
