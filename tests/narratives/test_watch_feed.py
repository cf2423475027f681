"""``unspin corpus watch FEED.jsonl`` names what it read as lines of the feed, counted from
its start (not as lines of the temporary copy a cycle reads), says in every cycle that
contradictions are left out while their kind is experimental, and ``--once`` exits 1 when
an input could not be stored; an ``--interval`` that is no wait is a usage error (-5 was a
traceback after the first cycle). Invented records; the fake backbone."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from unspin import app
from unspin.cli import main
from unspin.corpus.audited import is_experimental

MILL = {"text": "The Dunmore mill will close in May, the owners said.", "outlet": "a.example"}
FERRY = {"text": "The Dunmore ferry carried 40 passengers on Friday.", "outlet": "b.example"}


def _append(feed: Path, *lines: str) -> None:
    with feed.open("a", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)


def _cycle(db: Path, feed: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(
        ["corpus", "watch", str(feed), "--db", str(db), "--once", "-f", "json",
         "--backbone", "fake"]
    )  # fmt: skip
    return code, json.loads(capsys.readouterr().out)


def test_feed_lines_are_named_in_the_feed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, feed = tmp_path / "corpus.db", tmp_path / "feed.jsonl"
    _append(feed, json.dumps(MILL), '{"text": "cut off')
    code, first = _cycle(db, feed, capsys)
    assert code == 1  # one line could not be stored
    assert first["errors"] == [
        f"{feed}:2: MalformedRecordError: malformed JSON line "
        "(Invalid control character at column 18)"
    ]
    _append(feed, "", "not json", json.dumps(FERRY))  # lines 3 (blank), 4 and 5
    code, second = _cycle(db, feed, capsys)
    assert code == 1 and second["documents"] == 1
    assert len(second["errors"]) == 1 and second["errors"][0].startswith(f"{feed}:4: ")
    assert second["inputs"] == [f"{feed} (lines 3-5)"]
    assert [e.source for e in app.corpus_errors(db)] == [f"{feed}:2", f"{feed}:4"]
    capsys.readouterr()
    assert main(["corpus", "export", "--what", "documents", "-f", "csv", "--db", str(db)]) == 0
    rows = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert sorted(r["source"] for r in rows) == [f"{feed}:1", f"{feed}:5"]
    code, third = _cycle(db, feed, capsys)  # nothing new: exit 0
    assert code == 0 and third["inputs"] == [] and third["errors"] == []
    assert third["contradictions_left_out"] == is_experimental("contradiction")


def test_a_cycle_that_adds_nothing_still_says_contradictions_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not is_experimental("contradiction"):
        pytest.skip("contradictions are reported by default")
    db, folder = tmp_path / "corpus.db", tmp_path / "inbox"
    folder.mkdir()
    (folder / "mill.txt").write_text(MILL["text"], encoding="utf-8")
    args = ["corpus", "watch", str(folder), "--db", str(db), "--once", "--backbone", "fake"]
    for _ in range(2):  # the second cycle finds nothing new
        capsys.readouterr()
        assert main(args) == 0
        out = capsys.readouterr().out
        assert "contradictions not reported (experimental" in out
        assert "new contradiction(s)" not in out
    assert app.latest_changes(db).contradictions_left_out


@pytest.mark.parametrize("interval", ["-5", "0", "nan"])
def test_an_interval_that_is_no_wait_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], interval: str
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    args = ["corpus", "watch", str(folder), "--db", str(tmp_path / "corpus.db"),
            "--interval", interval, "--backbone", "fake"]  # fmt: skip
    with pytest.raises(SystemExit) as exited:  # argparse's usage error, before any cycle
        main(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--interval: must be a number of seconds above 0" in err
