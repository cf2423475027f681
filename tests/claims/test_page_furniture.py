"""Page furniture (a share bar, a shop widget scraped with the page) states no quantity
and no date; the same figures in running text are read as usual. Fixtures written for
this file."""

from __future__ import annotations

from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

TEXT = (
    "Ferry strike ends\n\n"
    "412 SHARES Facebook Twitter\n\n"
    "The ferry crews went back to work on Friday after 9 days on strike.\n"
    "Tide Tables: A Sho... Mia Ford Best Price: $3.15 Buy New $8.40 (as of 11:00 EDT - "
    "Details)\n"
    "The union said 412 members had voted and fares of $8.40 would stay.\n"
)


def _found(backbone: Backbone, text: str) -> list[tuple[str, str, int]]:
    pipe = Pipeline(load_config(analyzers=["claims"]), backbone=backbone)
    analysis = pipe.analyze(Document(text))
    assert not analysis.failures, analysis.failures
    return [(f.kind, f.text, f.start) for f in analysis.findings if f.kind in ("quantity", "date")]


def _at(text: str, needle: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos


def test_a_share_bar_and_a_shop_widget_state_no_quantity_or_date(
    fake_backbone: Backbone,
) -> None:
    found = _found(fake_backbone, TEXT)
    starts = {start for _, _, start in found}
    bar = _at(TEXT, "412 SHARES")
    shop = _at(TEXT, "Tide Tables")
    shop_end = _at(TEXT, "Details)") + len("Details)")
    assert not [f for f in found if bar <= f[2] < bar + 27], found
    assert not [f for f in found if shop <= f[2] < shop_end], found
    # the same figures in the article's sentences are still read
    assert _at(TEXT, "412", 1) in starts
    assert _at(TEXT, "$8.40", 1) in starts
    assert _at(TEXT, "Friday") in starts
