"""``unspin.ingest.iter_documents``: documents out, input errors to a callback."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.errors import EmptyInputError, InputError
from unspin.ingest import iter_documents, load_text
from unspin.model import Document

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_paths_documents_and_errors_in_order() -> None:
    errors: list[InputError] = []
    given = load_text("Given directly.")
    bad = EmptyInputError("no text", source="earlier")
    items: list[Path | str | Document | InputError] = [
        FIXTURES / "bad" / "mixed.jsonl",
        given,
        bad,
        str(FIXTURES / "articles" / "plain.txt"),
    ]
    docs = list(iter_documents(items, on_error=errors.append))
    assert given in docs and len(docs) == 4  # two good records, the given one, plain.txt
    assert docs[-1].source is not None and docs[-1].source.endswith("plain.txt")
    assert bad in errors and len(errors) == 4  # three bad records and the given error
    assert all(isinstance(e, InputError) for e in errors)


def test_an_on_error_that_raises_stops_at_the_first_error() -> None:
    def stop(error: InputError) -> None:
        raise error

    found = iter_documents([FIXTURES / "bad" / "empty.txt"], on_error=stop)
    with pytest.raises(EmptyInputError):
        next(found)


def test_max_bytes_is_passed_to_the_loaders(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The council said yes. " * 100)
    errors: list[InputError] = []
    assert list(iter_documents([big], on_error=errors.append, max_bytes=1000)) == []
    assert "over the limit of 1,000" in str(errors[0])
