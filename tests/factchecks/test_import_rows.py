"""A fact-check whose address is not http(s) or whose date names no whole day is refused,
one line naming the file and the row, while the other rows are imported and the run ends
with exit code 1 (found by a new-user trial: 'ftp://...' and 'javascript:...' were stored
as review links, and a review date '5' became the 5th of the current month)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import unspin
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.parse import parse_jsonld

CSV = (
    "claim,rating,link,date,publisher\n"
    "The budget was 48 million,False,https://fc.example/a,2024-03-05,FC\n"
    "The mayor cut 300 jobs,False,ftp://fc.example/b,2024-03-06,FC\n"
    "The vote was on Tuesday,True,https://fc.example/c,5,FC\n"
    "The pier closed in May,True,javascript:alert(1),2024-03-07,FC\n"
    'The ferry runs twice a day,False,https://fc.example/e,"March 8, 2024",FC\n'
)


def test_bad_rows_are_refused_one_line_each_and_the_rest_imported(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(CSV, encoding="utf-8")
    db = tmp_path / "fc.db"
    result = unspin("factchecks", "import", path, "--db", db, "--backbone", "fake")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("unspin: ")]
    assert errors == [
        f"unspin: {path}:3: url 'ftp://fc.example/b' is not an http:// or https:// address",
        f"unspin: {path}:4: date '5' is not a date (write it as 2024-03-05)",
        f"unspin: {path}:5: url 'javascript:alert(1)' is not an http:// or https:// address",
    ]
    assert "imported 2 new fact-check(s)" in result.stderr
    found = unspin("factchecks", "search", "budget OR ferry", "--db", db, "-f", "json")
    dates = sorted(json.loads(line)["review_date"] for line in found.stdout.splitlines())
    assert dates == ["2024-03-05", "2024-03-08"]


def test_json_ld_review_with_an_unreadable_date_is_refused() -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "The budget was 48 million",
        "url": "https://fc.example/a",
        "datePublished": "March",
    }
    other = {**review, "claimReviewed": "The mayor cut 300 jobs", "datePublished": "2024-03-05"}
    found = list(parse_jsonld(json.dumps([review, other]), source="r.json"))
    assert [type(x) for x in found] == [type(found[0]), ClaimReview]
    assert str(found[0]) == (
        "r.json ClaimReview 1: datePublished 'March' is not a date (write it as 2024-03-05)"
    )
