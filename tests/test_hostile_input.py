"""Hostile input through the real CLI: a one-line error naming the input (and line), a
non-zero exit, the rest of the batch goes on, the failure is recorded, nothing stored is
lost or touched."""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from unspin.cli import main
from unspin.cli.common import printable
from unspin.files import csv_safe
from unspin.ingest import load_path, load_stream
from unspin.model import Document

FAKE = ["--backbone", "fake"]


def lines(path: Path, *records: str) -> Path:
    path.write_text("".join(r + "\n" for r in records), encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reports(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.suffix == ".json" and p.name != "errors.jsonl"
    )


def one_error_line(err: str) -> list[str]:
    """The indented error lines of the run summary (each names its input)."""
    return [line.strip() for line in err.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"text": "Bad \\ud800 text."}', "unpaired surrogate"),
        ("[" * 900 + "]" * 900, "nested deeper than 64 levels"),
        ('{"text": "' + "x" * 3000 + '"}', "over the limit of 2,000"),
    ],
    ids=["lone-surrogate", "deep-nesting", "oversized-line"],
)
def test_a_bad_json_line_is_one_error_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str, message: str
) -> None:
    src = lines(tmp_path / "batch.jsonl", '{"text": "First one."}', bad, '{"text": "Third one."}')
    out = tmp_path / "out"
    rc = main(["analyze", str(src), "-o", str(out), "--max-bytes", "2000", "-q", *FAKE])
    assert rc == 1
    errors = one_error_line(capsys.readouterr().err)
    assert len(errors) == 1 and errors[0].startswith(f"{src}:2: ") and message in errors[0]
    assert len(reports(out)) == 2
    logged = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [e["source"] for e in logged] == [f"{src}:2"]


def test_standard_input_is_read_with_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    huge = b'{"text": "' + b"y" * 50_000 + b'"}\n'
    stream = io.BytesIO(b'{"text": "One."}\n' + huge + b'{"text": "Two."}\n')
    read_sizes: list[int] = []
    real_read = stream.read

    def read(n: int = -1) -> bytes:
        read_sizes.append(n)
        return real_read(n)

    monkeypatch.setattr(stream, "read", read)
    loaded = list(load_stream(stream, max_bytes=1000))
    assert [d.text for d in loaded if isinstance(d, Document)] == ["One.", "Two."]
    assert "over the limit" in str(loaded[1])
    assert -1 not in read_sizes and max(read_sizes) <= 1 << 20  # never "read everything"


def test_plain_text_on_standard_input_over_the_limit_is_refused() -> None:
    loaded = list(load_stream(io.BytesIO(b"word " * 1000), max_bytes=1000))
    assert len(loaded) == 1 and "more than 1,000 bytes" in str(loaded[0])


def test_a_300_digit_number_is_no_quantity_and_no_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "big.txt"
    src.write_text(f"The council paid {'9' * 320} dollars for the bridge in 2020.\n")
    assert main(["analyze", str(src), "-o", str(tmp_path / "out"), "-q", *FAKE]) == 0
    assert "failure" not in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_read(tmp_path: Path, encoding: str) -> None:
    text = "The mayor said the new bridge would open in May, at a cost of €4 million."
    src = tmp_path / "wide.txt"
    src.write_bytes(text.encode(encoding))
    (doc,) = load_path(src)
    assert isinstance(doc, Document) and doc.text == text


def test_terminal_control_characters_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "esc.txt"
    src.write_text("The mayor said \x1b[2J\x1b]0;owned\x07 the plan \x9b31m works.\n")
    assert main(["analyze", str(src), "-f", "md", *FAKE]) == 0
    out = capsys.readouterr().out
    assert "the plan" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b")
    assert printable("a\tb\nc\x1b[31m\r") == "a\tb\nc[31m"


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert csv_safe({"a": "=1+1", "b": "-x", "c": -3, "d": "@SUM(A1)", "e": "plain"}) == {
        "a": "'=1+1",
        "b": "'-x",
        "c": -3,
        "d": "'@SUM(A1)",
        "e": "plain",
    }
    src = tmp_path / "formula.txt"
    src.write_text('=HYPERLINK("http://example.invalid","click") says 40% of 300 voters agreed.\n')
    assert main(["claims", str(src), "-f", "csv", *FAKE]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(
        not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v
    )


def test_disk_full_leaves_no_partial_report_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen

    class Full:
        """A file on a full disk: opening works, writing fails."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, s: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def writelines(self, lines: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        return Full(handle) if "w" in (args[0] if args else kwargs.get("mode", "r")) else handle

    src = lines(tmp_path / "two.jsonl", '{"text": "One text."}', '{"text": "Another text."}')
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(os, "fdopen", fdopen)
    rc = main(["analyze", str(src), "-o", str(out), "-q", *FAKE])
    monkeypatch.undo()
    assert rc == 1
    errors = one_error_line(capsys.readouterr().err)
    assert len(errors) == 2 and all("No space left on device" in e for e in errors)
    assert list(out.iterdir()) == []  # no report, no temporary file


def test_duplicate_records_get_distinct_report_names(tmp_path: Path) -> None:
    src = lines(
        tmp_path / "dup.jsonl", '{"id": "x", "text": "Same."}', '{"id": "x", "text": "Same."}'
    )
    out = tmp_path / "out"
    assert main(["analyze", str(src), "-o", str(out), "-q", *FAKE]) == 0
    names = reports(out)
    assert len(names) == 2 and names[0] != names[1]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "corpus.db"
    src = lines(tmp_path / "one.jsonl", '{"text": "The bridge opened in May."}')
    assert main(["corpus", "ingest", str(src), "--db", str(db), "-q", *FAKE]) == 0
    return db


def test_a_store_is_marked_with_the_unspin_application_id(store: Path) -> None:
    with sqlite3.connect(store) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x756E7370


def test_a_read_only_store_can_be_searched_but_not_written(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access: Callable[..., bool] = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, *a, **k: False if mode == os.W_OK else real_access(p, mode, *a, **k),
    )
    before = digest(store)
    assert main(["corpus", "search", "bridge", "--db", str(store)]) == 0
    assert "The bridge opened in May." in capsys.readouterr().out
    new = lines(tmp_path / "new.jsonl", '{"text": "A different text."}')
    assert main(["corpus", "ingest", str(new), "--db", str(store), "-q", *FAKE]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is read-only" in err
    assert digest(store) == before


@pytest.mark.parametrize("kind", ["foreign", "empty", "not-sqlite"])
def test_a_foreign_or_empty_database_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = tmp_path / "other.db"
    if kind == "foreign":
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE accounts (name TEXT)")
    elif kind == "empty":
        db.touch()
    else:
        db.write_text("just some notes\n")
    before = digest(db)
    assert main(["corpus", "search", "bridge", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(db) in err
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm
