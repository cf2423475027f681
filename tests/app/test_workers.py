"""``--workers N`` (#14 point 2): the same reports and the same store as one process,
a bad record recorded, a dying worker's document named while the rest goes on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.app.crashing import MARKER
from unspin import app
from unspin.app.workers import WorkerError, process_in_workers
from unspin.errors import ConfigError, PipelineError
from unspin.model import Document

FAKE = {"pipeline": {"backbone": "fake"}}


def _batch(folder: Path) -> Path:
    """Seven documents in four files, with a binary file and a malformed JSON line."""
    folder.mkdir()
    (folder / "a.txt").write_text(
        'The minister said on Monday that prices would rise by 5 percent. "We have no '
        'choice," she told reporters.\n',
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "# Plan\n\nCritics claim the plan is a disaster. According to officials, 300 jobs "
        "could be lost by 2027.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_bytes(b"\x00\x01\x02 not text")
    records = [
        {"text": f"Record {i}: the council said {10 * i} homes were built.", "title": f"R{i}"}
        for i in range(4)
    ]
    lines = (
        [json.dumps(r) for r in records[:2]] + ["{not json"] + [json.dumps(r) for r in records[2:]]
    )
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _unspin(*args: str | Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "unspin", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_two_workers_write_the_same_reports_as_one(tmp_path: Path) -> None:
    inputs = _batch(tmp_path / "in")
    runs = {}
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        proc = _unspin(
            "analyze",
            inputs,
            "--backbone",
            "fake",
            "-f",
            "json",
            "-o",
            out,
            "-q",
            "--workers",
            str(n),
        )
        assert proc.returncode == 1, proc.stderr  # partial: two bad inputs
        runs[n] = ({p.name: p.read_bytes() for p in sorted(out.iterdir())}, proc.stderr)
    files, stderr = runs[2]
    assert files == runs[1][0]
    assert stderr == runs[1][1]
    assert len([name for name in files if name.endswith(".json")]) == 6
    kinds = [json.loads(line)["kind"] for line in files["errors.jsonl"].splitlines()]
    assert sorted(kinds) == ["BinaryInputError", "MalformedRecordError"]


def test_workers_must_be_positive(tmp_path: Path) -> None:
    commands: list[list[str | Path]] = [["analyze", tmp_path], ["corpus", "ingest", tmp_path]]
    for command in commands:
        proc = _unspin(*command, "--workers", "0")
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "--workers" in lines[0] and "positive" in lines[0]
    with pytest.raises(ConfigError, match="at least 1"):
        app.analyze_paths([tmp_path], FAKE, workers=-1)


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path: Path) -> None:
    inputs = _batch(tmp_path / "in")
    stored = {}
    for n in (1, 2):
        db = tmp_path / f"s{n}.db"
        events: list[app.ProgressEvent] = []
        result = app.ingest_paths(db, [inputs], FAKE, workers=n, on_progress=events.append)
        assert result.report.added == 6
        assert events[-1].done == 8  # six stored, two unreadable
        documents = tmp_path / f"docs{n}.jsonl"
        app.export_corpus(db, documents)
        stats = app.corpus_stats(db).to_dict()
        errors = sorted((e.source, e.error) for e in app.corpus_errors(db))
        stored[n] = (documents.read_text(encoding="utf-8"), stats["findings"], errors)
    assert stored[2] == stored[1]
    assert stored[1][1]  # findings of several kinds


def test_a_dying_worker_loses_only_the_document_that_killed_it(tmp_path: Path) -> None:
    texts = [f"Story {i}: the mayor said {i + 2} roads would close." for i in range(7)]
    texts[2] = f"Story 2: {MARKER} the mayor said 4 roads would close."
    documents = [Document(t, source=f"doc{i}") for i, t in enumerate(texts)]
    config = app.pipeline_config(backbone="fake", analyzers="certainty,crash-test")
    outcomes = list(process_in_workers(config, documents, 2, chunk_size=3))
    assert len(outcomes) == 7
    for i, outcome in enumerate(outcomes):
        if i == 2:
            assert isinstance(outcome, tuple)
            document, error = outcome
            assert document.source == "doc2" and isinstance(error, WorkerError)
            assert str(error).startswith("doc2: worker process")
            assert "exit code 3" in str(error) and "1 document(s): doc2" in str(error)
        else:
            assert not isinstance(outcome, tuple)
            assert outcome.analysis.document.source == f"doc{i}"  # input order


def test_a_dying_worker_is_an_error_of_the_run_that_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("The mayor said 3 roads would close.", encoding="utf-8")
    (tmp_path / "poison.txt").write_text(f"{MARKER}: the mayor said so.", encoding="utf-8")
    config = app.pipeline_config(backbone="fake", analyzers="certainty,crash-test")
    run = app.analyze_paths([tmp_path], config, workers=2)
    analysed = [a.document.source for a in run.analyses]
    assert [Path(s).name for s in analysed if s] == ["ok.txt"]
    assert len(run.errors) == 1 and "poison.txt" in str(run.errors[0])
    lines = app.write_error_log(tmp_path / "errors.jsonl", run).read_text().splitlines()
    assert json.loads(lines[0])["kind"] == "WorkerError"


def test_a_worker_that_cannot_build_the_pipeline_stops_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The mayor said 3 roads would close.", encoding="utf-8")
    config = app.pipeline_config(backbone="fake", analyzers="certainty,unbuildable-in-worker")
    run = app.analyze_paths([tmp_path], config, workers=2)
    with pytest.raises(PipelineError, match="could not build the pipeline: no model here"):
        list(run.analyses)


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_stops_every_worker(tmp_path: Path) -> None:
    records = [{"text": f"Story {i}: the mayor said {i} roads would close."} for i in range(3000)]
    (tmp_path / "many.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["analyze", tmp_path / "many.jsonl", "--backbone", "fake", "-f", "json", "-o", out]
    proc = subprocess.Popen(
        [sys.executable, "-m", "unspin", *map(str, argv), "-q", "--workers", "2"],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 240
        while not (out.exists() and any(out.iterdir())) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.2)
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends every process
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    time.sleep(0.5)
    left = subprocess.run(
        ["ps", "-o", "stat=", "-g", str(proc.pid)], capture_output=True, text=True
    )
    assert all(s.startswith("Z") for s in left.stdout.split()), left.stdout  # none running
    assert len(list(out.iterdir())) < 3000
