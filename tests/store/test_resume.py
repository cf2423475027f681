"""Ingest survives SIGKILL: a rerun stores the rest, with no duplicates and nothing lost."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from unspin.store import open_store

from .articles import generated

ARTICLES = 60


def _ingest_argv(folder: Path, url: str | Path, batch: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "unspin",
        "corpus",
        "ingest",
        str(folder),
        "--db",
        str(url),
        "--backbone",
        "fake",
        "--batch-size",
        str(batch),
        "--progress",
        "never",
    ]


def _count(url: str) -> int:
    """Documents committed so far, read from outside the ingesting process."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            try:
                row = conn.execute("SELECT count(*) FROM documents").fetchone()
            except psycopg.errors.UndefinedTable:
                return 0
            return int(row[0]) if row else 0
    if not Path(url).exists():
        return 0
    with contextlib.closing(sqlite3.connect(url, timeout=10)) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        except sqlite3.OperationalError:  # the schema is not there yet
            return 0


def test_sigkill_mid_ingest_then_rerun_stores_everything_once(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, text in enumerate(generated(ARTICLES)):
        (folder / f"article-{i:02d}.txt").write_text(text, encoding="utf-8")

    clean = tmp_path / "clean.db"
    done = subprocess.run(_ingest_argv(folder, clean, 16), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

    proc = subprocess.Popen(
        _ingest_argv(folder, store_url, 2), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None and _count(store_url) < 6:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    stored = _count(store_url)
    assert 0 < stored < ARTICLES, f"the kill should land mid-run ({stored} stored)"

    rerun = subprocess.run(_ingest_argv(folder, store_url, 8), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {ARTICLES - stored} new document(s)" in rerun.stderr
    assert f"skipped {stored} already stored" in rerun.stderr

    with open_store(store_url) as got, open_store(clean) as want:
        ids = [a.document.id for a in got.iter_analyses()]
        assert len(ids) == len(set(ids)) == ARTICLES
        assert set(ids) == {a.document.id for a in want.iter_analyses()}
        for doc_id in ids:
            assert got.get_analysis(doc_id) == want.get_analysis(doc_id)
        g, w = got.stats(), want.stats()
        assert (g.documents, g.sentences, g.embedded_sentences, g.findings) == (
            w.documents,
            w.sentences,
            w.embedded_sentences,
            w.findings,
        )
        assert g.findings_by_kind == w.findings_by_kind
        tags = "SELECT count(*) FROM sentence_tags"
        assert got._one(tags) == want._one(tags)  # type: ignore[attr-defined]
        # every document is searchable, none twice
        for i in (0, ARTICLES // 2, ARTICLES - 1):
            hits = got.search(f"Report number {i} from", mode="keyword", limit=3)
            assert hits[0].text.startswith(f"Report number {i} from")
