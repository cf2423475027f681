"""A ``.json`` file named as an input is one document with the fields of one JSON Lines
record; anything else in it is a one-line error naming the file (found by a new-user
trial: {"text": ...} in a .json file was analysed as its own JSON source, braces and all)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import unspin
from unspin.ingest import load_path
from unspin.model import Document

RECORD = {
    "text": "The council voted on Tuesday to approve a budget, officials said.",
    "title": "Budget vote",
    "published": "2024-03-05",
    "outlet": "The Ledger",
    "url": "https://ledger.test/budget",
}


def test_a_json_object_is_one_document_with_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "budget.json"
    path.write_text(json.dumps(RECORD, indent=2), encoding="utf-8")  # several lines
    result = unspin("analyze", path, "-f", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)["document"]
    assert document["text"] == RECORD["text"]
    for field in ("title", "published", "outlet", "url"):
        assert document[field] == RECORD[field]


def test_a_json_file_that_is_no_such_object_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([RECORD]), encoding="utf-8")
    result = unspin("analyze", path, "-f", "json")
    assert result.returncode == 1
    (line,) = [line for line in result.stderr.splitlines() if str(path) in line]
    assert "one JSON object, not an array" in line


def test_json_errors_name_the_file(tmp_path: Path) -> None:
    cases = {"notext.json": '{"title": "T"}', "broken.json": '{"text": "x",'}
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        (error,) = list(load_path(tmp_path / name))
        assert not isinstance(error, Document)
        assert str(error).startswith(f"{tmp_path / name}: ") and "\n" not in str(error)
