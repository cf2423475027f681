"""A publication date given with an input (front matter, a JSON Lines record) is read only
when it names a whole calendar day; anything else is reported, naming the file and the
field, and left unset (found by a new-user trial: front matter 'date: 5' became the 5th of
the month the article was analysed in)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from tests.test_cli import unspin
from unspin.ingest import load_bytes, load_path
from unspin.ingest.dates import read_date
from unspin.model import Document

TEXT = "The council voted on Tuesday to approve a budget, officials said."


@pytest.mark.parametrize("value", ["5", "March", "5 March", "2024", "2024-03", "Tue", "soon"])
def test_a_date_without_its_year_month_or_day_is_unread(value: str) -> None:
    assert read_date(value) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [("2024-03-05", "2024-03-05"), ("March 5, 2024", "2024-03-05"), ("5 Mar 2024", "2024-03-05")],
)
def test_a_whole_date_is_read(value: str, day: str) -> None:
    found = read_date(value)
    assert found is not None and found.date().isoformat() == day


def test_front_matter_date_that_is_no_day_is_reported_and_left_unset(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(f"---\ntitle: Budget\ndate: 5\n---\n{TEXT}\n", encoding="utf-8")
    result = unspin("analyze", path, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["published"] is None
    (warning,) = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert str(path) in warning and "'date'" in warning and "'5'" in warning


def test_a_json_line_date_that_is_no_day_names_the_line_and_field(
    caplog: pytest.LogCaptureFixture,
) -> None:
    data = (json.dumps({"text": TEXT, "published": "March"}) + "\n").encode()
    with caplog.at_level(logging.WARNING):
        (doc,) = list(load_bytes(data, source="feed.jsonl", suffix=".jsonl"))
    assert isinstance(doc, Document) and doc.published is None
    assert "feed.jsonl:1" in caplog.text and "'published'" in caplog.text


def test_a_whole_front_matter_date_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "budget.md"
    path.write_text(f"---\ndate: March 5, 2024\n---\n{TEXT}\n", encoding="utf-8")
    (doc,) = list(load_path(path))
    assert isinstance(doc, Document) and doc.published == "2024-03-05"
