"""Frames of every sentence of a parsed text (for texts that are not claims of an analysis:
a fact-check, an evidence passage, a stored sentence)."""

from __future__ import annotations

from datetime import date

from unspin.frames.dates import find_dates
from unspin.frames.frame import Frame, claim_frame
from unspin.frames.quantities import find_quantities
from unspin.nlp import Parsed

__all__ = ["sentence_frames"]


def sentence_frames(parsed: Parsed, published: date | None = None) -> list[Frame]:
    """One frame per sentence of ``parsed``, dates resolved against ``published``."""
    dates = find_dates(parsed.text, parsed, published)
    quantities = find_quantities(parsed.text, parsed, [(d.start, d.end) for d in dates])
    return [claim_frame(parsed, s, quantities, dates) for s in parsed.sentences]
