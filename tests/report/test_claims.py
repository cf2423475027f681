"""The claims table (claim rows) and the claims panel of the HTML report.

The analysis is made by hand: three claims, a fact-check match on one, a supported, a
refuted and a passage-less verdict, so that each verdict path is seen without models.
"""

from __future__ import annotations

import re

import pytest

from unspin.claims.report import NOT_VERIFIED, claim_rows
from unspin.model import JSON, Analysis, Document, Explanation, Finding, Relation
from unspin.report import render_html

TEXT = (
    "The Velmora dam holds three billion litres of water. "
    "Harbour fees rose by 40 percent in 2023. "
    "Nobody enjoys the long winter. "
    "The ferry to Orlen carries 900 passengers."
)
DOC = Document(TEXT, title="Velmora notes")


def _at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def _finding(
    needle: str,
    kind: str,
    label: str,
    score: float,
    attributes: dict[str, JSON],
    relations: tuple[Relation, ...] = (),
) -> Finding:
    start, end = _at(needle)
    return Finding.anchored(
        DOC, start, end, kind=kind, label=label, score=score, analyzer=kind + "s",
        analyzer_version="0", explanation=Explanation(rule=f"test.{kind}", detail="why"),
        attributes=attributes, relations=relations,
    )  # fmt: skip


DAM = "The Velmora dam holds three billion litres of water."
FEES = "Harbour fees rose by 40 percent in 2023."
WINTER = "Nobody enjoys the long winter."
FERRY = "The ferry to Orlen carries 900 passengers."

CLAIMS = {
    s: _finding(s, "claim", label, score, {"checkworthy": score >= 0.5})
    for s, label, score in (
        (DAM, "numeric", 0.81),
        (FEES, "numeric", 0.92),
        (WINTER, "opinion", 0.12),
        (FERRY, "numeric", 0.55),
    )
}
MATCH: dict[str, JSON] = {
    "publisher": "Example <b>Checks</b>",
    "rating": "False",
    "review_date": "2024-02-03",
    "url": "https://checkers.example/velmora-dam",
    "similarity": 0.83,
    "score": 0.93,
    "claim_reviewed": "The Velmora dam holds 3 billion litres.",
}
PASSAGE: dict[str, JSON] = {
    "document_id": "5f3a9c0d2b7e41aa",
    "title": "Port <i>statistics</i> 2023",
    "url": "https://stats.example/port",
    "start": 10,
    "end": 80,
    "text": "Port statistics: harbour fees increased 40% over 2023.",
    "stance": "supports",
    "stance_score": 0.91,
}


def _verdict(claim: str, verdict: str, passages: list[JSON]) -> Finding:
    return _finding(
        claim, "verdict", verdict, 0.8 if passages else 0.0,
        {"verdict": verdict, "passages": passages},
        (Relation("claim", CLAIMS[claim].id),),
    )  # fmt: skip


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    factcheck = _finding(
        DAM, "factcheck", "match", 0.93,
        {**MATCH, "matches": [MATCH, {**MATCH, "url": "javascript:alert(1)", "publisher": "Z"}]},
        (Relation("claim", CLAIMS[DAM].id),),
    )  # fmt: skip
    refuting = {**PASSAGE, "stance": "refutes", "document_id": "9e1b", "title": None, "url": None}
    return Analysis(
        DOC,
        findings=(
            *CLAIMS.values(),
            factcheck,
            _verdict(FEES, "supported", [PASSAGE]),
            _verdict(FERRY, "refuted", [refuting]),
            _verdict(DAM, "supported", []),  # no passage cited: never a verdict
        ),
        summaries={"claims": {"threshold": 0.5}},
    )


def test_rows_are_ranked_by_checkworthiness_with_matches_and_verdicts(
    analysis: Analysis,
) -> None:
    rows = claim_rows(analysis)
    assert [r.text for r in rows] == [FEES, DAM, FERRY, WINTER]
    fees, dam, ferry, winter = rows
    assert fees.verdict == "supported" and fees.passages[0]["document_id"] == "5f3a9c0d2b7e41aa"
    assert ferry.verdict == "refuted"
    assert dam.verdict == NOT_VERIFIED and dam.verdict_score is None
    assert winter.verdict == NOT_VERIFIED and not winter.matches and not winter.checkworthy
    best = dam.matches[0]
    assert (best.publisher, best.rating, best.review_date) == (
        "Example <b>Checks</b>",
        "False",
        "2024-02-03",
    )
    assert best.url == MATCH["url"] and best.similarity == 0.83
    assert len(dam.matches) == 2
    assert [r.text for r in claim_rows(analysis, checkworthy_only=True)] == [FEES, DAM, FERRY]


def test_rows_serialise_for_json_and_csv(analysis: Analysis) -> None:
    dam = next(r for r in claim_rows(analysis) if r.text == DAM)
    data = dam.to_dict()
    assert data["verdict"] == NOT_VERIFIED and data["passages"] == []
    assert data["matches"][0]["publisher"] == "Example <b>Checks</b>"
    row = dam.csv_row("doc", 2)
    assert row["match_url"] == MATCH["url"] and row["matches"] == 2 and row["rank"] == 2


def test_the_claims_panel_lists_claims_matches_and_verdicts(analysis: Analysis) -> None:
    html = render_html(analysis)
    panel = re.search(r'<section id="claims".*?</section>', html, re.S)
    assert panel is not None
    section = panel.group(0)
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]
    text = [re.sub(r"<[^>]+>", " ", r) for r in rows]
    # check-worthy claims and claims with a match or verdict, most check-worthy first
    assert [FEES in t for t in text] == [True, False, False]
    assert DAM in text[1] and FERRY in text[2]
    assert all(WINTER not in t for t in text)
    # evidence by title (linked), offsets and snippet; never the document's id
    assert "supported" in text[0] and "chars 10–80" in text[0]
    assert '<a href="https://stats.example/port" rel="noopener noreferrer">' in rows[0]
    assert "Port &lt;i&gt;statistics&lt;/i&gt; 2023" in rows[0]
    assert "harbour fees increased 40% over 2023" in text[0]
    assert "refuted" in text[2] and "untitled evidence document" in text[2]
    assert "5f3a9c0d2b7e41aa" not in section and "9e1b" not in section
    assert "not verified" in text[1]
    assert "“False” (2024-02-03)" in rows[1] and "similarity 0.83" in rows[1]
    assert 'href="https://checkers.example/velmora-dam"' in rows[1]
    assert "Example &lt;b&gt;Checks&lt;/b&gt;" in rows[1] and "<b>Checks" not in rows[1]
    assert "javascript:" not in section  # an unsafe URL is shown, never linked


def test_schema_1_1_checks_the_claim_checking_kinds(analysis: Analysis) -> None:
    import copy

    from unspin.errors import SchemaError
    from unspin.report import validate

    data = analysis.to_dict()
    with pytest.raises(SchemaError, match="passages"):
        validate(data)  # the fixture's "supported" verdict that cites nothing
    data["findings"] = [
        f for f in data["findings"] if f["kind"] != "verdict" or f["attributes"]["passages"]
    ]
    validate(data)  # matches, a supported and a refuted verdict with passages
    bad = copy.deepcopy(data)
    verdict = next(
        f for f in bad["findings"] if f["kind"] == "verdict" and f["attributes"]["passages"]
    )
    verdict["attributes"]["passages"] = []  # "supported" citing nothing
    with pytest.raises(SchemaError):
        validate(bad)
    bad = copy.deepcopy(data)
    match = next(f for f in bad["findings"] if f["kind"] == "factcheck")
    del match["attributes"]["matches"][0]["publisher"]
    with pytest.raises(SchemaError):
        validate(bad)


def test_the_markdown_report_lists_matches_and_verdicts(analysis: Analysis) -> None:
    from unspin.report import render_markdown

    md = render_markdown(analysis)
    section = md.split("## Check-worthy claims", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    fees = next(i for i, line in enumerate(lines) if line.startswith("1. Harbour fees"))
    assert lines[fees].endswith(
        "verdict: supported (experimental: verdicts were right for 0.861 of the team's "
        "180 contrast claims, 0.791 of the half no rule was tuned on "
        "(bench/verdict\\_contrast.py)))"
    )
    assert lines[fees + 1].startswith(
        "   - evidence [Port \\<i\\>statistics\\</i\\> 2023](https://stats.example/port) "
        "(chars 10–80) supports:"
    )
    assert "5f3a9c0d2b7e41aa" not in md
    dam = next(i for i, line in enumerate(lines) if "Velmora dam" in line and line[0].isdigit())
    assert lines[dam].endswith("verdict: not verified)")
    assert lines[dam + 1].startswith("   - fact-check: [Example")
    assert "](https://checkers.example/velmora-dam) rated “False” (2024-02-03)" in lines[dam + 1]
    assert "<b>" not in lines[dam + 1]
    assert "javascript:" not in md
    # a verdict that cites nothing says why (its explanation: what was looked at)
    assert "   - verdict: why" in lines[dam + 1 : dam + 5]
    html = render_html(analysis)
    badge = '<span class="verdict v-not-verified">not verified</span>'
    assert f'{badge} <span class="types">(why)' in html


def test_the_verdict_caution_quotes_the_accuracy_the_readme_reports() -> None:
    """The caution next to a verdict gives the contrast-set accuracy of the rule that made
    it: the README's figure, not the baseline's before the slot rule (0.36)."""
    from pathlib import Path

    from unspin.claims.report import (
        VERDICT_CAUTION,
        VERDICT_CHECK_HALF_ACCURACY,
        VERDICT_CONTRAST_ACCURACY,
    )

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `verdicts` |"))
    [figure] = re.findall(r"contrast-set accuracy (\d\.\d+)", row)
    assert float(figure) == VERDICT_CONTRAST_ACCURACY
    assert f"right for {figure} of the team's 180 contrast claims" in VERDICT_CAUTION
    [half] = re.findall(r"(\d\.\d+) on the check half", row)
    assert float(half) == VERDICT_CHECK_HALF_ACCURACY
    assert f"{half} of the half no rule was tuned on" in VERDICT_CAUTION


def test_the_layer_switch_knows_fact_checks_and_verdicts(analysis: Analysis) -> None:
    """The built-in analyzers' fact-check and verdict findings are named layers of the
    report (the verdict one says it is experimental), not 'a kind this report version
    does not know'."""
    html = render_html(analysis)
    labels = re.findall(r'<label class="opt" title="([^"]*)">.*?</span>([^<]*)<span', html)
    names = {name.strip(): title for title, name in labels}
    assert "fact-check" in names and "verdict" in names, names
    assert "does not know" not in html
    assert names["verdict"].startswith("a claim weighed against your evidence")
    assert "experimental" in names["verdict"]


def test_a_claim_under_the_threshold_is_never_shown_at_it() -> None:
    """A score the flag passed over (0.4966 under 0.5) reads 0.49 (the score the claims
    table of 'unspin claims' and the claims panel show), not 0.50 next to "-" or "below
    threshold"; a flagged one keeps its rounding."""
    under = _finding(FERRY, "claim", "numeric", 0.4966, {"checkworthy": False})
    over = _finding(FEES, "claim", "numeric", 0.5049, {"checkworthy": True})
    low = _finding(WINTER, "claim", "opinion", 0.29, {"checkworthy": False})
    rows = claim_rows(Analysis(DOC, findings=(under, over, low)))
    shown = [(r.text, r.score_text) for r in rows]
    assert shown == [(FEES, "0.50"), (FERRY, "0.49"), (WINTER, "0.29")]
