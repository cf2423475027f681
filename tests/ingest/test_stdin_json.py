"""Piped input holding one JSON object over several lines is one document with its
fields, as a ``.json`` file is; JSON Lines on stdin stay one document a line (a new user
piped a pretty-printed object and was told line 1 was malformed)."""

from __future__ import annotations

import io
import json

from tests.test_cli import unspin
from unspin.ingest import load_stream
from unspin.model import Document

RECORD = {
    "text": "The ferry timetable changes in June, the harbour office said.",
    "title": "Ferry times",
    "outlet": "Harbour Weekly",
    "published": "2024-05-02",
}


def test_one_object_over_several_lines_on_stdin_is_one_document() -> None:
    result = unspin("analyze", "-", "-f", "json", stdin=json.dumps(RECORD, indent=2).encode())
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)["document"]
    for field, value in RECORD.items():
        assert document[field] == value


def test_json_lines_on_stdin_are_still_one_document_a_line() -> None:
    second = {**RECORD, "text": "The ferry fares stay the same this summer."}
    data = (json.dumps(RECORD) + "\n" + json.dumps(second) + "\n").encode()
    loaded = list(load_stream(io.BytesIO(data)))
    assert [d.text for d in loaded if isinstance(d, Document)] == [RECORD["text"], second["text"]]
    assert [d.source for d in loaded if isinstance(d, Document)] == ["<stdin>:1", "<stdin>:2"]


def test_an_object_without_text_over_several_lines_is_one_error_saying_so() -> None:
    (error,) = list(load_stream(io.BytesIO(json.dumps({"title": "T"}, indent=2).encode())))
    assert not isinstance(error, Document)
    assert str(error).startswith("<stdin>: record has no string field 'text' (a JSON object")
    assert "\n" not in str(error)
