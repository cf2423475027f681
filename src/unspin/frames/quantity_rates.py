"""What a found quantity's context adds to it, asked once the scan is done: cents and
pence are money, a hundredth of the currency ("20 cents": 0.2 USD; euros in a text of
euros); a short time base after it makes it a rate ("$8.50 an hour", "300 plates a
minute": the span and the unit take the base in, "USD/hour"), and a bare "$" in a text
that names another country of dollars and neither the United States nor a state of it is
dollars of an unstated currency (unit "dollar"), not US dollars. A text that names no
country keeps "USD" for "$"."""

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
    if q.label == "count" and q.unit in ("cent", "pence") and _SUBUNIT.search(text, q.start, q.end):
        q = replace(
            q, label="money", unit=_currency_of_cents(text) if q.unit == "cent" else "GBP",
            value=round(q.value / 100, 6), score=0.9,
            value_max=None if q.value_max is None else round(q.value_max / 100, 6),
        )  # fmt: skip
    rate = _RATE.match(text, q.end)
    if rate is not None and q.label in ("money", "count", "measure") and q.unit:
        q = replace(q, end=rate.end(), unit=f"{q.unit}/{rate['base'].lower()}")
    return q


#: A hundredth of a currency right after the figure: "20 cents", "50 pence", "5-cent".
_SUBUNIT = re.compile(r"(?:cents?|pence)\Z", re.I)
_EUROS = re.compile(r"€|\beuros?\b", re.I)


def _currency_of_cents(text: str) -> str:
    """The currency a text's cents are hundredths of: euros in a text that writes euros and
    no "$", dollars of an unstated currency where :func:`_bare_dollar` says so, else US
    dollars."""
    if "$" not in text and _EUROS.search(text):
        return "EUR"
    return "dollar" if _OTHER_DOLLARS.search(text) and not _UNITED_STATES.search(text) else "USD"


def _bare_dollar(text: str, q: QuantityMatch) -> bool:
    at = text.find("$", q.start, q.end)
    if at > 0 and text[at - 1].isalpha():
        return False  # "US$", "A$": the currency is written
    return bool(_OTHER_DOLLARS.search(text)) and not _UNITED_STATES.search(text)
