"""The Markdown summary and the batch summary."""

from __future__ import annotations

import re
from collections.abc import Callable

from unspin.model import Analysis
from unspin.report import render_batch_summary, render_markdown
from unspin.report.markdown import md_escape

UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _tables(md: str) -> list[list[str]]:
    """Every table in ``md`` as its list of lines."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in md.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _cells(line: str) -> list[str]:
    return [c.strip() for c in UNESCAPED_PIPE.split(line)[1:-1]]


def _section(md: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    assert m is not None, title
    return m.group(1)


def test_title_and_metadata(analysis: Analysis) -> None:
    md = render_markdown(analysis)
    first = md.splitlines()[0]
    assert first == r'# \<script\>alert("title")\</script\> Bridge \| "repairs" & more'
    assert r"- **Author:** \<img src=x onerror=alert(1)\>" in md
    assert f"- **Document id:** {analysis.document.id}" in md
    assert "- **Published:** 2031-04-01" in md


def test_no_raw_html_survives(analysis: Analysis) -> None:
    md = render_markdown(analysis)
    assert not re.search(r"(?<!\\)<", md)
    assert r"\<script\>window.\_\_pwned=1\</script\>" in md


def test_tables_keep_their_columns_despite_pipes(analysis: Analysis) -> None:
    md = render_markdown(analysis)
    tables = _tables(md)
    # counts by kind, sources, sources from weaker findings only, techniques
    assert len(tables) == 4
    for table in tables:
        width = len(_cells(table[0]))
        assert all(len(_cells(line)) == width for line in table), table
    sources, weaker = tables[1], tables[2]
    assert _cells(sources[0]) == ["Speaker", "Type", "Role", "Count", "Example"]
    rows = {(_cells(r)[0]): _cells(r) for r in sources[2:]}
    assert r'Jon "Pipe\|Man" Rask' not in rows  # listed apart: all its statements weaker
    assert "Speakers from weaker findings only (experimental):" in md
    rows = {(_cells(r)[0]): _cells(r) for r in weaker[2:]}
    assert rows[r'Jon "Pipe\|Man" Rask'] == [
        r'Jon "Pipe\|Man" Rask',
        "person",  # the type in words, not the JSON label named_person
        r"\<b\>reader\</b\>",
        "1 (1 weaker)",  # scored 0.7, under the 0.78 floor of its kind
        "the toll was unfair",
    ]
    rows = {(_cells(r)[0]): _cells(r) for r in sources[2:]}
    assert rows["Edda Pilkvist"][2:4] == ["Mayor", "1"]


def test_counts_by_kind(analysis: Analysis) -> None:
    counts = {_cells(r)[0]: _cells(r)[1] for r in _tables(render_markdown(analysis))[0][2:]}
    expected = {md_escape(k): str(n) for k, n in analysis.kinds.items()}
    assert counts == expected
    assert counts["claim"] == "4" and counts[r"mystery\_kind"] == "1"


def test_checkworthy_claims_with_types(analysis: Analysis) -> None:
    section = _section(render_markdown(analysis), "Check-worthy claims")
    assert "3 of 4 sentences are check-worthy (threshold 0.50)" in section
    items = [line for line in section.splitlines() if re.match(r"\d+\. ", line)]
    assert len(items) == 3
    assert items[0].startswith("1. Mayor Edda Pilkvist said the bridge")
    assert "*statistical, causal*" in items[0] and "score 0.82" in items[0]
    assert "The council will certainly review" not in section  # not check-worthy


def test_certainty_and_share_anonymous(analysis: Analysis) -> None:
    md = render_markdown(analysis)
    certainty = _section(md, "Certainty")
    assert "- Hedges: 1" in certainty and "- Boosters: 1" in certainty
    assert "- Vague attributions: 1" in certainty and "- Balance: +0.00" in certainty
    assert "Anonymous sources: 33%" in _section(md, "Sources")


def test_failures_listed(analysis: Analysis, clean_analysis: Analysis) -> None:
    md = render_markdown(analysis)
    assert "> **Warning:** 1 analyzer(s) failed" in md
    assert r"> - **exploder** (RuntimeError): \<script\>alert(" in md
    assert "Warning" not in render_markdown(clean_analysis)


def test_empty_analysis(empty_analysis: Analysis) -> None:
    md = render_markdown(empty_analysis)
    assert md.startswith("# Quiet day\n")
    assert "No findings." in md
    assert "## Sources" not in md and "## Check-worthy claims" not in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_md_escape() -> None:
    assert md_escape("a|b") == r"a\|b"
    assert md_escape("[click](javascript:x)") == r"\[click\](javascript:x)"
    assert md_escape("line one\n\nline  two") == "line one line two"
    assert md_escape("x" * 50, 10) == "x" * 9 + "…"


def test_batch_summary(
    analysis: Analysis, clean_analysis: Analysis, empty_analysis: Analysis
) -> None:
    md = render_batch_summary(
        [analysis, clean_analysis, empty_analysis],
        links={
            clean_analysis.document.id: "bridge-repairs.html",
            analysis.document.id: "javascript:alert(1)",
        },
    )
    assert md.startswith("# unspin batch summary: 3 documents\n")
    assert "analyzers failed on 1 document(s)" in md
    (table,) = _tables(md)
    header = _cells(table[0])
    assert header[:3] == ["Document", "Id", "Words"] and header[-3:] == [
        "Check-worthy",
        "Anonymous",
        "Failures",
    ]
    assert all(len(_cells(line)) == len(header) for line in table)
    rows = [dict(zip(header, _cells(r), strict=True)) for r in table[2:]]
    assert [r["Id"] for r in rows] == [
        a.document.id for a in (analysis, clean_analysis, empty_analysis)
    ]
    assert rows[1]["Document"] == "[Bridge repairs](bridge-repairs.html)"
    assert "javascript" not in rows[0]["Document"]
    assert rows[0]["Failures"] == "exploder" and rows[1]["Failures"] == "—"
    assert rows[0]["claim"] == "4" and rows[2]["claim"] == "0"
    assert rows[0]["Check-worthy"] == "3" and rows[2]["Check-worthy"] == "—"
    assert rows[1]["claim"] == "5"
    assert "Totals: " in md and "claim 9" in md


def test_batch_summary_of_nothing(make: Callable[..., Analysis]) -> None:
    assert "No documents." in render_batch_summary([])
