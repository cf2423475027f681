"""Session 30 readings, second wave (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in a.by_kind("attribution")]


def test_content_runs_to_the_close_of_a_quotation_split_at_an_exclamation(run: Run) -> None:
    # the sentence splits at the '!' inside the quotation; the content never ends just
    # after the quotation's opening mark
    a = sources(
        run,
        "According to emails, the Harbour League got a message saying “Urgent notice! "
        "Raids in Varn Sunday and Monday” and “This comes from the Mayor.” Nobody replied.",
    )
    contents = _contents(a)
    assert any("Sunday and Monday”" in c for c in contents), contents
    assert not any(c.endswith("Urgent notice") for c in contents), contents
