"""A corpus listing piped into a reader that stops early (``| head -1``) ends quietly: the
unfinished SQLite stream, collected after the store closed, printed a traceback ("Cannot
operate on a closed database"). The real command line, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RECORDS = [
    {
        "text": f"The Tarn council met on day {n} and approved {n} new benches.",
        "outlet": "t.example",
    }
    for n in range(1, 6)
]


def _unspin(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "unspin", *map(str, args)]


def test_a_reader_that_stops_after_one_line(tmp_path: Path) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "corpus.db"
    feed.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    ingest = _unspin("corpus", "ingest", feed, "--db", db, "--backbone", "fake", "-q")
    subprocess.run(ingest, check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for what in ("documents", "findings"):
        proc = subprocess.Popen(
            _unspin("corpus", "export", "--what", what, "-f", "csv", "--db", db),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()  # like `head -1`: one line, then the pipe closes
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=300) == 0
        assert "Traceback" not in err and "closed database" not in err, err
