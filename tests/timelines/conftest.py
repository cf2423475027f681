"""Short invented texts for the timeline tests, analysed once per session (real backbone)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis

#: Three reports of one invented event (a ferry strike in Tallowmere) and a text with no
#: publication date.
TEXTS = {
    "first": (
        "2025-06-06",
        "Ferry crews in Tallowmere walked out on Wednesday over pay. Two days later, the "
        "harbour board cancelled all crossings. The Tallowmere harbour board will meet the "
        "ferry union on June 12.",
    ),
    "second": (
        "2025-06-09",
        "The Tallowmere harbour board cancelled all crossings on Friday. The Tallowmere harbour "
        "board is due to meet the ferry union on June 13, a spokesman said.",
    ),
    "third": (
        "2025-06-16",
        "The Tallowmere harbour board met the ferry union on Thursday. Crossings resumed "
        "on Saturday.",
    ),
    "undated": (
        None,
        "The rowing club held its summer race on Saturday. The club opened in May 2021.",
    ),
}


@pytest.fixture(scope="session")
def analyses(run: Callable[..., Analysis]) -> dict[str, Analysis]:
    """name -> analysis of each text (sources, claims, timelines; real backbone)."""
    out = {}
    for name, (published, text) in TEXTS.items():
        meta = {"published": published} if published else {}
        out[name] = run(
            text, "sources", "claims", "timelines", title=name, outlet=f"{name}.example", **meta
        )
    return out
