"""Ingest survives SIGKILL: a rerun stores the rest, with no duplicates and nothing lost.

The kill lands at a fixed point, not at a moment: the ingesting process runs under
:data:`KILLER`, which wraps every concrete ``Store.write`` (one batch, one transaction)
and SIGKILLs its own process as soon as ``KILL_AFTER_WRITES`` batches are committed. So
exactly ``KILL_AFTER_WRITES * BATCH`` documents are stored when the rerun starts, on
SQLite and on PostgreSQL, however fast or slow the machine is; no change to the ingest
code is needed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from unspin.store import open_store

from .articles import generated

ARTICLES = 20  # the kill is at a fixed batch, so a short run is enough
BATCH = 2
KILL_AFTER_WRITES = 3

#: Runs ``python -m unspin <argv>`` with every concrete ``Store.write`` wrapped: after
#: the ``KILL_AFTER_WRITES``-th committed batch the process SIGKILLs itself (a write
#: that calls another through ``super()`` counts once).
KILLER = """
import importlib, os, pkgutil, runpy, signal, sys
import unspin.store
from unspin.store import Store

for info in pkgutil.iter_modules(unspin.store.__path__):
    importlib.import_module(f"unspin.store.{info.name}")
limit = int(os.environ["KILL_AFTER_WRITES"])
state = {"depth": 0, "writes": 0}

def killing(write):
    def wrapper(self, *args, **kwargs):
        state["depth"] += 1
        try:
            added = write(self, *args, **kwargs)
        finally:
            state["depth"] -= 1
        if state["depth"] == 0:
            state["writes"] += 1
            if state["writes"] >= limit:
                os.kill(os.getpid(), signal.SIGKILL)
        return added
    return wrapper

def family(cls):
    yield cls
    for sub in cls.__subclasses__():
        yield from family(sub)

wrapped = 0
for cls in set(family(Store)):
    write = vars(cls).get("write")
    if write is not None and not getattr(write, "__isabstractmethod__", False):
        setattr(cls, "write", killing(write))
        wrapped += 1
assert wrapped, "no concrete Store.write to wrap"
sys.argv = ["unspin", *sys.argv[1:]]
runpy.run_module("unspin", run_name="__main__", alter_sys=True)
"""


def _ingest_argv(folder: Path, url: str | Path, batch: int, *, killer: bool = False) -> list[str]:
    return [
        sys.executable,
        *(["-c", KILLER] if killer else ["-m", "unspin"]),
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

    killed = subprocess.run(
        _ingest_argv(folder, store_url, BATCH, killer=True),
        capture_output=True,
        text=True,
        env={**os.environ, "KILL_AFTER_WRITES": str(KILL_AFTER_WRITES)},
        timeout=600,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    stored = _count(store_url)
    assert stored == KILL_AFTER_WRITES * BATCH < ARTICLES, f"{stored} stored at the kill"

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
        assert got.sql.one(tags) == want.sql.one(tags)
        # every document is searchable, none twice
        for i in (0, ARTICLES // 2, ARTICLES - 1):
            hits = got.search(f"Report number {i} from", mode="keyword", limit=3)
            assert hits[0].text.startswith(f"Report number {i} from")
