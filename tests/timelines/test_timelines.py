"""Dated events of a document, merged across documents, ordered, conflicts flagged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from unspin.model import Analysis
from unspin.timelines import build_timeline, document_events


def test_events_carry_resolved_dates_with_their_anchors(analyses: dict[str, Analysis]) -> None:
    a = analyses["first"]
    events = document_events(a)
    text = a.document.text
    by_text = {e.date_text: e for e in events}
    assert set(by_text) == {"Wednesday", "Two days later", "June 12"}, by_text
    for e in events:
        assert text[e.start : e.end] == e.date_text
        assert e.sentence_start <= e.start < e.end <= e.sentence_end
    wednesday = by_text["Wednesday"]
    assert (wednesday.iso, wednesday.precision) == ("2025-06-04", "day")
    assert wednesday.resolved_against == "publication 2025-06-06"
    assert wednesday.predicate == "walk" and wednesday.relative
    later = by_text["Two days later"]
    assert later.iso == "2025-06-06" and later.resolved_against == "event 2025-06-04"
    assert by_text["June 12"].iso == "2025-06-12"


def test_without_a_publication_date_relative_dates_stay_relative(
    analyses: dict[str, Analysis],
) -> None:
    events = {e.date_text: e for e in document_events(analyses["undated"])}
    assert events["Saturday"].iso is None and events["Saturday"].precision == "relative"
    assert (events["May 2021"].iso, events["May 2021"].precision) == ("2021-05", "month")
    timeline = build_timeline(events.values())
    assert [e.first.date_text for e in timeline.undated] == ["Saturday"]


def _dateline_race(run: Callable[..., Analysis]) -> Analysis:
    """A dated dateline, no publication date, and a weekday it resolves."""
    return run(
        "TALLOWMERE, June 20, 2025 (Wire) - The rowing club held its summer race on Saturday.",
        "sources",
        "claims",
        "timelines",
    )


def test_without_a_publication_date_a_datelines_date_stands_for_it(
    run: Callable[..., Analysis],
) -> None:
    a = _dateline_race(run)
    saturday = {e.date_text: e for e in document_events(a)}["Saturday"]
    assert (saturday.iso, saturday.precision) == ("2025-06-14", "day")
    assert saturday.resolved_against == "the dateline's date"


def test_mentions_merge_across_documents_and_conflicting_dates_are_flagged(
    analyses: dict[str, Analysis],
) -> None:
    events = [e for name in ("first", "second", "third") for e in document_events(analyses[name])]
    timeline = build_timeline(events)
    ids = {a.document.id: name for name, a in analyses.items()}
    by_date = {(e.iso, tuple(sorted(ids[d] for d in e.documents))): e for e in timeline.dated}
    # the crossings cancelled: "two days later" (first) and "on Friday" (second), one event
    cancelled = by_date[("2025-06-06", ("first", "second"))]
    assert not cancelled.conflict and len(cancelled.mentions) == 2
    # the meeting: June 12 (first), June 13 (second), Thursday = June 12 (third)
    meeting = next(e for e in timeline.dated if e.conflict)
    assert sorted(ids[d] for d in meeting.documents) == ["first", "second", "third"]
    assert meeting.iso == "2025-06-12"
    assert [d for d, _ in meeting.dates] == ["2025-06-12", "2025-06-13"]
    assert "2025-06-13" in meeting.conflict_note
    assert len(timeline.conflicts) == 1


def test_events_are_ordered_by_date(analyses: dict[str, Analysis]) -> None:
    events = [e for a in analyses.values() for e in document_events(a)]
    timeline = build_timeline(events)
    firsts = [e.interval.first for e in timeline.dated if e.interval is not None]
    assert firsts == sorted(firsts) and len(firsts) == len(timeline.dated)
    assert [e.iso for e in timeline.dated][:2] == ["2021-05", "2025-06-04"]
    assert timeline.dated[-1].iso == "2025-06-14"  # crossings resumed on Saturday


def test_the_analyzer_puts_the_timeline_in_the_json_output(analyses: dict[str, Analysis]) -> None:
    a = analyses["first"]
    summary = a.summaries["timelines"]
    dates = [e["date"] for e in summary["events"]]
    assert dates == ["2025-06-04", "2025-06-06", "2025-06-12"]
    anchor = summary["events"][1]["mentions"][0]["anchor"]
    assert a.document.text[anchor["start"] : anchor["end"]] == "Two days later"
    assert Analysis.from_json(a.to_json()).summaries["timelines"] == summary


def test_copies_of_a_text_merge_into_the_same_events(analyses: dict[str, Analysis]) -> None:
    one = document_events(analyses["first"])
    copies = [replace(e, document_id=f"copy-{k}") for k in range(300) for e in one]
    timeline = build_timeline(copies)
    assert len(timeline.events) == len(one)
    assert all(len(e.documents) == 300 and not e.conflict for e in timeline.events)


def test_updates_bounds_and_report_dates_are_not_conflicts(run: Callable[..., Analysis]) -> None:
    texts = [
        ("2025-06-06", "Six people were killed on Wednesday when the Ashby footbridge in "
         "Tallowmere collapsed. By Friday, forty volunteers had joined the search for the "
         "victims of the Ashby footbridge in Tallowmere."),
        ("2025-06-09", "The number of people killed in the collapse of the Ashby footbridge in "
         "Tallowmere rose to nine on Saturday. Forty volunteers joined the search for the "
         "victims of the Ashby footbridge in Tallowmere on Thursday."),
        ("2025-06-10", "The Tallowmere regatta will open on June 20 on the river Ashby, "
         "organisers said on Monday."),
        ("2025-06-10", "The Tallowmere regatta on the river Ashby will open on June 27, a club "
         "official said on Monday."),
    ]  # fmt: skip
    events = [
        e
        for published, text in texts
        for e in document_events(run(text, "sources", "claims", published=published))
    ]
    by_text = {e.date_text: e for e in events}
    assert by_text["Friday"].bound and not by_text["Thursday"].bound
    assert all(e.reported for e in events if e.date_text == "Monday")
    timeline = build_timeline(events)
    (conflict,) = timeline.conflicts  # the regatta's opening: 20 or 27 June
    assert [d for d, _ in conflict.dates] == ["2025-06-20", "2025-06-27"]
    rose = next(e for e in timeline.events if any(m.date_text == "Saturday" for m in e.mentions))
    assert len(rose.mentions) == 1  # the toll rising is not the collapse


def test_the_day_something_was_said_dates_the_saying(run: Callable[..., Analysis]) -> None:
    # the only date of the sentence follows "said on": it is when the company spoke, not
    # when the plant closes, and what it dates reads as the saying, without the negation
    # of what was said
    text = (
        "The Brenmark plant in Osterby will close with the loss of 400 jobs, the company "
        "said on Thursday. Union leaders said on Friday that the closure was never discussed."
    )
    events = document_events(run(text, "sources", "claims", published="2026-11-14"))
    by_text = {e.date_text: e for e in events}
    thursday, friday = by_text["Thursday"], by_text["Friday"]
    assert thursday.reported and thursday.predicate == "say", thursday
    assert thursday.what == "the company: say"
    assert friday.reported and friday.polarity == "positive" and friday.predicate == "say"


def test_the_report_says_a_datelines_date_once_with_its_article(
    run: Callable[..., Analysis],
) -> None:
    from html import unescape

    from unspin.report import render_html, render_markdown

    a = _dateline_race(run)
    for page in (unescape(render_html(a)), render_markdown(a)):
        assert "from the dateline's date" in page
        assert "the the" not in page
