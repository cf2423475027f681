"""Claim frames: one shared reading of what a sentence asserts, slot by slot.

Below every feature (it imports only the kernel), so that the features that compare
claims all read them the same way: ``claims`` (which shows each claim's frame),
``factchecks`` (a match only when the frames agree), ``evidence`` (frame checks feed the
verdict) and ``corpus`` (contradictions by slot).

* :func:`find_dates` / :func:`parse_published`: dates, times and durations, resolved
  against the publication date (:mod:`.dates` states the conventions);
* :func:`find_quantities`: numbers with their unit (:mod:`.quantities`);
* :func:`claim_frame`: predicate, polarity with its cues, modality, actors, places,
  quantities with what they count and dates of one sentence (:mod:`.frame`);
* :func:`sentence_frames`: the three above over a parsed text, one frame per sentence;
* :func:`compare_frames`: which slots of two frames agree and which differ
  (:mod:`.compare`).
"""

from __future__ import annotations

from unspin.frames.compare import SlotCheck, compare_frames, describe_checks
from unspin.frames.date_scanner import DateMatch
from unspin.frames.dates import find_dates, parse_published
from unspin.frames.frame import Frame, FrameDate, FrameQuantity, claim_frame, with_frame
from unspin.frames.quantities import QuantityMatch, find_quantities
from unspin.frames.read import sentence_frames
from unspin.frames.spans import SpanIndex

__all__ = [
    "DateMatch",
    "Frame",
    "FrameDate",
    "FrameQuantity",
    "QuantityMatch",
    "SlotCheck",
    "SpanIndex",
    "claim_frame",
    "compare_frames",
    "describe_checks",
    "find_dates",
    "find_quantities",
    "parse_published",
    "sentence_frames",
    "with_frame",
]
