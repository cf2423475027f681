"""Quantities session 29 found wrong: an alternative of two numbers ("two or three
streets") read as its top alone, a height in feet and inches ("six foot one") cut to its
feet, cents counted as things, "one such" read as a count of one, a scale word hyphened
to its figure ("1.7-million-square-foot") read as a bare million, a small figure with
a capital M before a count of people ("1M people") left out, a bare scale word read
as one of it ("thousand will rise", "three-and-a-half thousand" as 1,000), and the
numbers of a page's script in a markup comment read as quantities. Fixtures written for
this file."""

from __future__ import annotations

from datetime import date

import pytest

from tests.frames.found import quantities
from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an alternative of two numbers is a range, never its top alone
        ("Crews searched two or three streets near the Tessby pier.",
         {"two or three streets": ("count", 2.0, 3.0, "street")}),
        ("Crews searched 10 or 11 sheds near the Tessby pier.",
         {"10 or 11 sheds": ("count", 10.0, 11.0, "shed")}),
        # a height in feet and inches is one measure, in feet
        ("Mayor Edda Pilkvist is six foot one and quick to laugh.",
         {"six foot one": ("measure", 6.0833, None, "ft")}),
        ("The skipper, a tall 5-foot-10, steered the ferry.",
         {"5-foot-10": ("measure", 5.8333, None, "ft")}),
        ("The Tessby sea wall is 10 feet 6 inches high.",
         {"10 feet 6 inches": ("measure", 10.5, None, "ft")}),
        ("The skipper is barely 5’9” tall.", {"5’9”": ("measure", 5.75, None, "ft")}),
        # bare inches before a plural they count stay a count of their own
        ("The crane lifted six feet two crates higher.",
         {"six feet": ("measure", 6.0, None, "ft"), "two crates": ("count", 2.0, None, "crate")}),
        # cents are money, a hundredth of a dollar; with a time base, a rate
        ("Dockers at Tessby earned 20 cents an hour.",
         {"20 cents an hour": ("money", 0.2, None, "USD/hour")}),
        ("The ferry fare rose five cents.", {"five cents": ("money", 0.05, None, "USD")}),
        # "one such" names an instance of a kind, no count; "only one such" counts
        ("One such trawler is a rusting hulk moored at Tessby.", {}),
        ("Only one such trawler is still afloat.",
         {"one such trawler": ("count", 1.0, None, "trawler")}),
        ("One sailor drowned off the pier.", {"One sailor": ("count", 1.0, None, "sailor")}),
        # a scale hyphened to its figure scales it
        ("The yard will lease a 1.7-million-square-foot shed.",
         {"1.7-million-square-foot": ("measure", 1.7e6, None, "ft2")}),
        ("The council offered a $2-million grant.",
         {"$2-million": ("money", 2e6, None, "USD")}),
        # a small figure with a capital M before people counts them; a brand's stays out
        ("The Harbour Ledger reaches roughly 1M people.",
         {"roughly 1M people": ("count", 1e6, None, "people")}),
        ("The yard bought 3M masks for 3M employees.", {}),
        # a bare scale word with no number counts nothing; after a number and a half, or
        # "a couple of", it scales them
        ('The dockers\' motto, "Sink one, thousand will sail," is old.', {}),
        ("Tessby has some three-and-a-half thousand boats.",
         {"some three-and-a-half thousand boats": ("count", 3500.0, None, "boat")}),
        ("The pier cost a couple of million dollars.",
         {"a couple of million dollars": ("money", 2e6, None, "USD")}),
        # a page's script left in a markup comment states nothing
        ("The yard sold 40 boats. <!-- ad_width = 468; ad_height = 60; //-->",
         {"40 boats": ("count", 40.0, None, "boat")}),
    ],
)  # fmt: skip
def test_alternatives_heights_cents_and_scales(backbone: Backbone, text: str, want: dict) -> None:
    assert quantities(backbone, text) == want


@pytest.mark.slow
def test_an_alternative_of_two_numbers_is_approximate(backbone: Backbone) -> None:
    text = "Crews searched two or three streets, then 4 to 5 sheds."
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2016, 5, 1))
    found = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    assert [(text[q.start : q.end], q.approximate) for q in found] == [
        ("two or three streets", True),
        ("4 to 5 sheds", False),
    ]
