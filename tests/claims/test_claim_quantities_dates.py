"""The claims analyzer's quantities and dates (real parse): values, units and counted
things, ranges, near misses; absolute and relative dates resolved against the publication
date, or left unresolved without one."""

from __future__ import annotations

import pytest

from tests.claims.test_claims import PUB, Run, only

# -- quantities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "label", "value", "unit", "qualifier"),
    [
        (
            "The firm lost $4.5 million last year.",
            "$4.5 million",
            "money",
            4_500_000.0,
            "USD",
            None,
        ),
        ("The fund holds €2.5m in cash.", "€2.5m", "money", 2_500_000.0, "EUR", None),
        ("The scheme cost £3bn so far.", "£3bn", "money", 3e9, "GBP", None),
        (
            "Nearly 5,000 euros went missing.",
            "Nearly 5,000 euros",
            "money",
            5000.0,
            "EUR",
            "at_most",
        ),
        ("Inflation hit 7.2% in the region.", "7.2%", "percent", 7.2, "%", None),
        ("Turnout was 64 per cent here.", "64 per cent", "percent", 64.0, "%", None),
        ("The flood killed 62 people.", "62 people", "count", 62.0, "people", None),
        (
            "About 300 soldiers crossed over.",
            "About 300 soldiers",
            "count",
            300.0,
            "soldier",
            "about",
        ),
        ("Two million people fled the war.", "Two million people", "count", 2e6, "people", None),
        (
            "More than 40 tonnes were seized.",
            "More than 40 tonnes",
            "measure",
            40.0,
            "t",
            "at_least",
        ),
        ("The pipeline runs 3,000 km north.", "3,000 km", "measure", 3000.0, "km", None),
        ("He lost two-thirds of his savings.", "two-thirds", "other", 0.6667, "fraction", None),
        ("A dozen were arrested.", "A dozen", "other", 12.0, None, None),
    ],
)
@pytest.mark.slow
def test_quantity_normalisation(
    run: Run,
    text: str,
    span: str,
    label: str,
    value: float,
    unit: str | None,
    qualifier: str | None,
) -> None:
    q = only(run(text, "claims"), "quantity")
    assert q.text == span
    assert q.label == label
    assert q.attributes["value"] == pytest.approx(value, rel=1e-4)
    assert q.attributes["unit"] == unit
    assert q.attributes["qualifier"] == qualifier
    assert q.attributes["approximate"] is (qualifier is not None)


@pytest.mark.slow
def test_quantity_range_and_vague_magnitude(run: Run) -> None:
    a = run("Between 300-400 people marched. Dozens of protesters were hurt.", "claims")
    ranged, vague = a.by_kind("quantity")
    assert ranged.text == "300-400 people"
    assert ranged.attributes["value"] == 300.0
    assert ranged.attributes["value_max"] == 400.0
    assert vague.text == "Dozens of protesters"
    assert vague.attributes["qualifier"] == "at_least"
    assert vague.attributes["approximate"] is True


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 wave ended.",
        "It was the 21st attempt.",
        "The 5G masts went up.",
        "One of them left early.",
        "The vote is on May 5.",
        "Officials met in 2019.",
        "The talks lasted three years.",
        "The church has zero tolerance for abuse.",
        "The 2015 appointment was criticised.",
    ],
)
@pytest.mark.slow
def test_quantity_near_misses(run: Run, text: str) -> None:
    assert run(text, "claims").by_kind("quantity") == []


@pytest.mark.slow
def test_a_count_of_a_singular_noun_needs_a_real_number(run: Run) -> None:
    """'zero tolerance' and 'the 2015 appointment' count nothing; these do."""
    a = run("Zero deaths were reported. He sent an eight-page letter.", "claims")
    found = {(q.text, q.attributes["unit"], q.attributes["value"]) for q in a.by_kind("quantity")}
    assert found == {("Zero deaths", "death", 0.0), ("eight-page", "page", 8.0)}


# -- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "label", "iso", "granularity"),
    [
        ("The law passed on March 5, 2024.", "March 5, 2024", "date", "2024-03-05", "day"),
        ("The law passed on 5 March 2024.", "5 March 2024", "date", "2024-03-05", "day"),
        ("The law passed on 2024-03-05.", "2024-03-05", "date", "2024-03-05", "day"),
        ("The law passed in March 2024.", "March 2024", "date", "2024-03", "month"),
        ("The law passed in 2019.", "2019", "date", "2019", "year"),
        (
            "Turnout fell between 2019 and 2023.",
            "between 2019 and 2023",
            "date",
            "2019/2023",
            "year",
        ),
        ("The boom of the 1990s ended.", "the 1990s", "date", "1990/1999", "decade"),
        ("A speech given in the 1930's was read.", "the 1930's", "date", "1930/1939", "decade"),
        ("Songs of the \u201990s came back.", "the \u201990s", "date", "1990/1999", "decade"),
        ("The law passed on 25/03/2024.", "25/03/2024", "date", "2024-03-25", "day"),
        ("The blast came at 3 p.m. sharp.", "3 p.m.", "time", "15:00", "minute"),
        ("The blast came at 14:30 GMT.", "14:30 GMT", "time", "14:30Z", "minute"),
        (
            "The blast came on March 5, 2024 at 10:15.",
            "March 5, 2024 at 10:15",
            "datetime",
            "2024-03-05T10:15",
            "minute",
        ),
        ("The strike lasted for three years.", "three years", "duration", "P3Y", "year"),
        ("A 10-day curfew began.", "10-day", "duration", "P10D", "day"),
    ],
)
@pytest.mark.slow
def test_absolute_dates_times_and_durations(
    run: Run, text: str, span: str, label: str, iso: str, granularity: str
) -> None:
    d = only(run(text, "claims"), "date")
    assert d.text == span
    assert d.label == label
    assert d.attributes["iso"] == iso
    assert d.attributes["granularity"] == granularity
    assert d.attributes["resolved_relative_to"] is None


@pytest.mark.slow
def test_ambiguous_numeric_date_is_not_resolved(run: Run) -> None:
    d = only(run("The law passed on 05/03/2024.", "claims"), "date")
    assert d.attributes["iso"] is None
    assert d.attributes["ambiguous"] is True
    assert d.score < 0.7


@pytest.mark.parametrize(
    ("text", "span", "iso", "granularity"),
    [
        ("The mayor resigned yesterday.", "yesterday", "2024-03-06", "day"),
        ("The mayor resigned on Monday.", "Monday", "2024-03-04", "day"),
        ("The mayor will resign on Monday.", "Monday", "2024-03-11", "day"),
        ("The mayor resigned last week.", "last week", "2024-W09", "week"),
        ("The mayor resigned two days ago.", "two days ago", "2024-03-05", "day"),
        ("The mayor resigned last year.", "last year", "2023", "year"),
        ("The mayor resigns next month.", "next month", "2024-04", "month"),
        ("The mayor resigned on March 1.", "March 1", "2024-03-01", "day"),
        # "a week ago" counts days back as "two days ago" does (it was an ISO week)
        ("The mayor resigned a week ago.", "a week ago", "2024-02-29", "day"),
        ("The mayor resigned two weeks ago.", "two weeks ago", "2024-02-22", "day"),
        # a day of the month alone: the latest such day, or the next in the future tense
        ("The mayor resigned on the 5th.", "the 5th", "2024-03-05", "day"),
        ("The mayor resigned on the 20th.", "the 20th", "2024-02-20", "day"),
        ("The mayor will resign on the 20th.", "the 20th", "2024-03-20", "day"),
        # the reporting verb is past: its Friday is past, though the clause says "will"
        ("The mayor said on Friday she will resign.", "Friday", "2024-03-01", "day"),
        ("The mayor said on Friday that she will resign.", "Friday", "2024-03-01", "day"),
        ("The mayor said she will resign on Friday.", "Friday", "2024-03-08", "day"),
    ],
)
@pytest.mark.slow
def test_relative_dates_resolve_against_the_publication_date(
    run: Run, text: str, span: str, iso: str, granularity: str
) -> None:
    d = only(run(text, "claims", published=PUB), "date")
    assert d.text == span
    assert d.attributes["iso"] == iso
    assert d.attributes["granularity"] == granularity
    assert d.attributes["resolved_relative_to"] == PUB


@pytest.mark.parametrize(
    "text",
    [
        "The mayor resigned yesterday.",
        "The mayor resigned on Monday.",
        "The mayor resigned last week.",
    ],
)
@pytest.mark.slow
def test_relative_dates_without_publication_date_stay_unresolved(run: Run, text: str) -> None:
    d = only(run(text, "claims"), "date")
    assert d.label == "relative"
    assert d.attributes["iso"] is None
    assert d.attributes["resolved_relative_to"] is None
    assert "publication date" in d.explanation.detail


@pytest.mark.parametrize(
    ("text", "span", "iso", "anchor"),
    [
        ("On Jan. 16, 2017, the court met. On Jan. 17 it ruled.", "Jan. 17", "2017-01-17",
         "Jan. 16, 2017"),
        ("Talks began on 30 December 2016. They ended on Jan. 2.", "Jan. 2", "2017-01-02",
         "30 December 2016"),
        ("The plant opened in March 2019. It closed on June 4.", "June 4", "2019-06-04",
         "March 2019"),
    ],
)  # fmt: skip
@pytest.mark.slow
def test_a_month_and_day_take_the_year_told_before_without_publication_date(
    run: Run, text: str, span: str, iso: str, anchor: str
) -> None:
    dates = {d.text: d for d in run(text, "claims").by_kind("date")}
    d = dates[span]
    assert (d.attributes["iso"], d.attributes["resolved_relative_to"]) == (iso, anchor)
    assert "date told before" in d.explanation.detail
    lone = only(run("The fair opens on May 5.", "claims"), "date")
    assert lone.attributes["iso"] is None


@pytest.mark.slow
def test_an_ordinal_before_a_noun_is_no_day_of_the_month(run: Run) -> None:
    a = run("The mayor works on the 20th floor.", "claims", published=PUB)
    assert a.by_kind("date") == []


@pytest.mark.slow
def test_publication_timestamp_is_accepted(run: Run) -> None:
    d = only(
        run("The mayor resigned yesterday.", "claims", published="2024-03-07T09:30:00Z"), "date"
    )
    assert d.attributes["iso"] == "2024-03-06"
    assert d.attributes["resolved_relative_to"] == "2024-03-07"


@pytest.mark.parametrize("published", ["not a date", "2024-02-30", ""])
@pytest.mark.slow
def test_unreadable_publication_date_counts_as_unknown(run: Run, published: str) -> None:
    d = only(run("The mayor resigned yesterday.", "claims", published=published), "date")
    assert d.attributes["iso"] is None
    assert d.attributes["resolved_relative_to"] is None


@pytest.mark.slow
def test_impossible_numeric_dates_are_not_dates(run: Run) -> None:
    a = run("Codes 31/31/2024 and 00/00/2024 were printed.", "claims")
    assert a.by_kind("date") == []


@pytest.mark.slow
def test_may_the_modal_is_not_a_date_but_may_the_month_is(run: Run) -> None:
    modal = run("Officials may delay the vote.", "claims")
    assert modal.by_kind("date") == []
    month = run("The vote is in May.", "claims", published=PUB)
    d = only(month, "date")
    assert d.text == "May"
    assert d.attributes["iso"] == "2024-05"
    assert d.attributes["granularity"] == "month"


@pytest.mark.slow
def test_frequencies_and_ages_are_not_durations(run: Run) -> None:
    a = run("The board meets once a year. A 45-year-old man was held.", "claims")
    assert [d for d in a.by_kind("date") if d.label == "duration"] == []
    age = only(a, "quantity")
    assert age.text == "45-year-old"
    assert age.attributes["unit"] == "years_old"


@pytest.mark.slow
def test_a_month_and_day_in_the_year_after_the_one_told_before_says_so(run: Run) -> None:
    text = "The firm sold the mill on Nov. 1, 2016. The court took the case on April 14."
    d = {d.text: d for d in run(text, "claims").by_kind("date")}["April 14"]
    assert d.attributes["iso"] == "2017-04-14"
    assert "the first such day after the date told before it, 'Nov. 1, 2016'" in (
        d.explanation.detail
    )
    assert "its year taken from" not in d.explanation.detail
