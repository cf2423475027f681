"""What a found quantity's context adds to it, asked once the scan is done: a short time
base after it makes it a rate ("$8.50 an hour", "300 plates a minute": the span and the
unit take the base in, "USD/hour"), and a bare "$" in a text that names another
country of dollars and neither the United States nor a state of it is dollars of an
unstated currency (unit "dollar"), not US dollars. A text that names no country keeps
"USD" for "$"."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from unspin.frames.quantities import QuantityMatch

__all__ = ["in_context"]

#: A short time base right after the quantity: "an hour", "per minute", "a second".
_RATE = re.compile(r"[ \t]+(?:an?|per|each|every)[ \t]+(?P<base>second|minute|hour)\b", re.I)
#: Countries other than the United States whose money is called dollars.
_OTHER_DOLLARS = re.compile(
    r"\b(?:Australian?|Canad(?:a|ian)|New\s+Zealand(?:ers?)?|Singapore(?:an)?|Hong\s+Kong|"
    r"Taiwan(?:ese)?|Jamaican?|Fiji(?:an)?|Namibian?|Liberian?|Zimbabwean?)\b"
)
#: The United States named, or a state of it, its capital or its largest city: a bare
#: "$" there is read as US dollars.
_UNITED_STATES = re.compile(
    r"\b(?:U\.S\.A?\.?|US|USA|Americans?|United\s+States|Washington|New\s+York|"
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    r"Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    r"Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    r"New\s+Hampshire|New\s+Jersey|New\s+Mexico|North\s+Carolina|North\s+Dakota|Ohio|"
    r"Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|"
    r"Tennessee|Texas|Utah|Vermont|Virginia|Wisconsin|Wyoming)\b"
)


def in_context(text: str, q: QuantityMatch) -> QuantityMatch:
    """``q`` with what its context adds: a time base after it ("$8.50 an hour" ->
    "USD/hour", the span through "hour"), and "dollar" for "USD" read off a bare "$" when
    the text names another country of dollars and neither the United States nor a state
    of it."""
    if q.unit == "USD" and "$" in text[q.start : q.end] and _bare_dollar(text, q):
        q = replace(q, unit="dollar")
    rate = _RATE.match(text, q.end)
    if rate is not None and q.label in ("money", "count", "measure") and q.unit:
        q = replace(q, end=rate.end(), unit=f"{q.unit}/{rate['base'].lower()}")
    return q


def _bare_dollar(text: str, q: QuantityMatch) -> bool:
    at = text.find("$", q.start, q.end)
    if at > 0 and text[at - 1].isalpha():
        return False  # "US$", "A$": the currency is written
    return bool(_OTHER_DOLLARS.search(text)) and not _UNITED_STATES.search(text)
