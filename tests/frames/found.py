"""What the quantity scanner finds in a fixture sentence, dates left out (resolved against
1 May 2016), for the frames' audit-round tests."""

from __future__ import annotations

from datetime import date

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

__all__ = ["Found", "quantities"]

#: A quantity's covered text -> (label, value, value_max, unit).
Found = dict[str, tuple[str, float, float | None, str | None]]


def quantities(backbone: Backbone, text: str) -> Found:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2016, 5, 1))
    return {
        text[q.start : q.end]: (q.label, q.value, q.value_max, q.unit)
        for q in find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    }
