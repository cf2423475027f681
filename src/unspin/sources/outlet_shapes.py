"""Media outlets known by the shape of their name alone: a broadcaster's call sign with
its band ("KXYZ-TV", "WQRT-FM") or a newspaper's name of two words joined by a hyphen
whose part is a newspaper word ("Sun-Times", "Post-Dispatch") (:func:`outlet_shape`)."""

from __future__ import annotations

import re

__all__ = ["outlet_shape"]

#: A call sign: three or four capitals, a hyphen and the band ("KXYZ-TV", "WQRT-FM2").
_CALL_SIGN = re.compile(r"[A-Z]{3,4}-(TV|FM|AM|DT|LP)\d?")
#: Newspaper words that mark a hyphenated name as a paper's ("Star" or "Record" end a
#: company's or a product's as well).
_PAPER_PARTS = frozenset(
    {"times", "post", "news", "gazette", "herald", "journal", "tribune", "dispatch",
     "courier", "telegraph", "chronicle", "inquirer", "examiner", "bulletin", "sentinel",
     "observer", "newspaper", "newsletter"}
)  # fmt: skip


def outlet_shape(words: list[str]) -> str | None:
    """The band of a call sign ("tv" of "KXYZ-TV") or the newspaper word of a hyphenated
    last word ("times" of "the Harbor Sun-Times") that makes ``words`` an outlet's name."""
    if not words:
        return None
    last = re.sub(r"['’]s?\Z", "", words[-1]).strip(".,;:")
    call = _CALL_SIGN.fullmatch(last)
    if call is not None:
        return call.group(1).lower()
    parts = last.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return None
    return next((p.lower() for p in parts[1:] if p.lower() in _PAPER_PARTS), None)
