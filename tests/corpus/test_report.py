"""The corpus section of one document's report: its links, seen from that document."""

from __future__ import annotations

import json
import re

import pytest

from tests.corpus.articles import FLOOD, QUOTES, SELF_CONTRADICTING
from tests.corpus.conftest import Analyse
from unspin.corpus import (
    LINK_KINDS,
    DocumentReport,
    Link,
    Side,
    document_report,
    extract_slots,
    find_contradictions,
    find_quote_drift,
)
from unspin.model import Analysis, Document, Explanation
from unspin.report import render_html, render_markdown


@pytest.mark.slow
def test_links_seen_from_one_document(analyse: Analyse) -> None:
    flood = analyse(FLOOD)
    links = find_contradictions(s for a in flood.values() for s in extract_slots(a))
    courier = flood["courier"].document.id
    report = document_report(courier, links)
    assert report.entries
    assert all(e.this.doc_id == courier for e in report.entries)
    assert all(e.other.doc_id != courier for e in report.entries)
    counts = report.counts()
    assert counts["update"] >= 3 and counts["compatible"] >= 3
    assert "contradiction" not in counts
    # kinds in the documented order
    kinds = [e.link.kind for e in report.entries]
    assert kinds == sorted(kinds, key=LINK_KINDS.index)
    positions = {e.other.outlet: e.position for e in report.entries}
    assert positions["harbourpost.example"] == "earlier"  # published two days before
    assert positions["ledger.example"] == "later"
    assert flood["harbour"].document.id in report.other_documents
    assert flood["rail"].document.id not in report.other_documents
    data = json.loads(json.dumps(report.to_dict()))
    assert data["doc_id"] == courier
    assert data["entries"][0]["this"]["doc_id"] == courier


@pytest.mark.slow
def test_a_link_within_one_document_appears_once(analyse: Analyse) -> None:
    a = analyse([SELF_CONTRADICTING])["selfcheck"]
    links = find_contradictions(extract_slots(a))
    report = document_report(a.document.id, links)
    assert len(report.entries) == len(links)
    assert {e.position for e in report.entries} == {"same-document"}
    assert report.other_documents == ()


@pytest.mark.slow
def test_quote_drift_in_the_report(analyse: Analyse) -> None:
    quoted = analyse(QUOTES)
    links = find_quote_drift(quoted.values())
    first = document_report(quoted["first"].document.id, links)
    assert [e.position for e in first.entries] == ["later", "later"]
    later = document_report(quoted["reworded"].document.id, links)
    (entry,) = later.entries
    assert entry.position == "earlier"  # the first appearance is the other side
    assert entry.other.doc_id == quoted["first"].document.id
    assert document_report("no-such-document", links).entries == ()


def _hostile_report() -> tuple[Analysis, DocumentReport]:
    """A document and a contradiction with markup and a script in every text field."""
    here = Document(
        '<b>Officials</b> said 40 people "<script>alert(1)</script>" left.', outlet="a&b"
    )
    there = Document(
        "Officials said 55 people left.", outlet="<i>other</i>", published="2024-05-03"
    )
    a = Side(here.id, 21, 23, "40", here.published, here.outlet, 0, len(here.text))
    b = Side(there.id, 15, 17, "55", there.published, there.outlet, 0, len(there.text))
    link = Link(
        "contradiction", a, b, 0.8,
        Explanation(rule="quantity.different-values", cues=("40", "55"),
                    detail="40 vs 55 <img src=x onerror=alert(2)>"),
        slot={"entity": "<Officials>", "quantity": "leave (left)", "unit": "person",
              "same_event": "both name <Officials>",
              "checks": "agree: counted; differ: number (a: 40; b: 55)"},
        differs=("value",),
    )  # fmt: skip
    return Analysis(here), document_report(here.id, [link])


def test_the_html_section_lists_links_escaped_with_relative_links() -> None:
    analysis, report = _hostile_report()
    other = report.entries[0].other.doc_id
    page = render_html(analysis, links={other: f"other {other}.html"}, corpus=report)
    section = page.split('<section id="corpus"')[1].split("</section>")[0]
    assert "Contradictions (1)" in section and "1 contradictions" in section
    assert f'href="other {other}.html"' not in section  # spaces refused
    assert other not in section and "untitled document" in section  # never a bare id
    titles = {other: "Officials <b>count</b> 55"}
    page = render_html(analysis, links={other: f"r/{other}.html"}, corpus=report, titles=titles)
    section = page.split('<section id="corpus"')[1].split("</section>")[0]
    assert (
        f'<a href="r/{other}.html"><cite>Officials &lt;b&gt;count&lt;/b&gt; 55</cite></a>'
        in section
    )
    assert "&lt;img src=x onerror=alert(2)&gt;" in section and "<img" not in section
    assert "&lt;i&gt;other&lt;/i&gt;" in section and "&lt;Officials&gt;" in section
    assert "entity: &lt;Officials&gt;" in section and "differs: value" in section
    # why one event, and which slots agreed, shown with the explanation
    assert "same event: both name &lt;Officials&gt;" in section
    assert "slots: agree: counted; differ: number (a: 40; b: 55)" in section
    evil = render_html(analysis, links={other: "javascript:alert(3)"}, corpus=report)
    assert "javascript:" not in evil.split('<section id="corpus"')[1].split("</section>")[0]
    assert '<section id="corpus"' not in render_html(analysis)


def test_the_markdown_section_escapes_and_links() -> None:
    analysis, report = _hostile_report()
    other = report.entries[0].other.doc_id
    md = render_markdown(
        analysis, links={other: f"r/{other}.md"}, corpus=report, titles={other: "Count [55]"}
    )
    section = md.split("## Across the corpus")[1]
    assert "### Contradictions (1)" in section and f"[Count \\[55\\]](r/{other}.md)" in section
    assert f"[{other}]" not in section  # the link names the title, not the id
    assert "\\<img" in section and not re.search(r"(?<!\\)<img", section)
    assert "Slots: agree: counted; differ: number (a: 40; b: 55)." in section
    assert (
        render_markdown(analysis, corpus=document_report(analysis.document.id, [])).count(
            "Across the corpus"
        )
        == 0
    )


def test_a_report_of_some_kinds_counts_the_others_and_says_so() -> None:
    analysis, report = _hostile_report()
    shown = report.only({"propagation"})
    assert shown.entries == () and shown.left_out == {"contradiction": 1}
    assert shown.only({"propagation"}).left_out == {"contradiction": 1}  # counted once
    assert report.only({"contradiction"}) == DocumentReport(report.doc_id, report.entries, {})
    assert shown.to_dict()["left_out"] == {"contradiction": 1}
    page = render_html(analysis, corpus=shown)
    section = page.split('<section id="corpus"')[1].split("</section>")[0]
    assert "Not listed: contradictions (1): link kinds whose precision audited" in section
    assert "<table" not in section  # nothing listed, only the note
    md = render_markdown(analysis, corpus=shown).split("## Across the corpus")[1]
    assert "Not listed: contradictions (1)" in md and "--experimental" in md
