"""A station's name with its channel number ("5 News Now is reporting"): the tagger
leaves the number and a last capitalised word outside the name, so the outlet's name and
span are cut to "News". The whole name is the span: the number before and a capitalised
word right after it ("Now", "Today"), when the number stands first."""

from __future__ import annotations

from unspin.sources.parse_index import ParseIndex

__all__ = ["station_span"]


def station_span(ix: ParseIndex, first: int, last: int) -> tuple[int, int] | None:
    """The token range ``[lo, hi)`` of the station name around ``tokens[first:last]``
    when a channel number (a bare figure, no date or amount) stands right before it
    ("5 News"), with the one capitalised word right after it taken in ("5 News Now");
    ``None`` when no number stands before."""
    toks = ix.parsed.tokens
    if first < 1 or last > len(toks):
        return None
    num = toks[first - 1]
    if num.tag != "CD" or not num.text.isdigit() or len(num.text) > 2:
        return None
    prev = toks[first - 2] if first >= 2 else None
    if prev is not None and prev.tag != "DT" and (prev.text[:1].isupper() or prev.tag == "CD"):
        return None  # "Channel 5 News", "May 5 News": the number is no name's start
    hi = last
    if last < len(toks):
        after = toks[last]
        if (
            after.text.isalpha()
            and after.text[:1].isupper()
            and after.tag in ("RB", "NNP", "NNPS")
            and ix.entity_at(after.i) is None
        ):
            hi = last + 1
    return first - 1, hi
