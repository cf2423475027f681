"""Ingestion jobs: uploaded files written to a private temporary folder, ingested into the
served store by :func:`unspin.app.ingest_paths` on the analysis worker, with their
progress kept for polling and server-sent events.

A job's files go through the same hardened loaders as ``unspin corpus ingest`` (size
limit, binary and encoding checks, one error per unreadable input while the rest goes
on). The folder is removed when the job ends. The registry keeps the last
:data:`KEEP_JOBS` jobs.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from unspin import app as unspin_app
from unspin.web.queue import AnalysisQueue

__all__ = ["KEEP_JOBS", "MAX_FILES", "Job", "JobRegistry", "JobStatus", "safe_name"]

log = logging.getLogger("unspin.web")

JobStatus = Literal["queued", "running", "done", "failed"]
KEEP_JOBS = 100
MAX_FILES = 200
#: Documents parsed together in a job: an analysis that arrives during a job waits for
#: at most one such batch (bigger batches ingest faster, smaller ones answer sooner).
INGEST_BATCH = 4
#: Errors kept per job (the count goes on past it).
MAX_ERRORS = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, index: int) -> str:
    """A file name safe to write in the job folder, keeping the suffix the loaders read
    (``../x/a b.jsonl`` -> ``003-a_b.jsonl``)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip("._") or "upload"
    return f"{index:03d}-{base[-100:]}"


@dataclass
class Job:
    """One ingestion job, as the API shows it."""

    id: str
    kind: str
    files: list[str]
    status: JobStatus = "queued"
    stage: str = "queued"
    done: int = 0
    total: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    version: int = 0
    message: str | None = None

    @property
    def finished_yet(self) -> bool:
        return self.status in {"done", "failed"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "counts": dict(self.counts),
            "files": list(self.files),
            "errors": list(self.errors),
            "error_count": self.error_count,
            "message": self.message,
            "created": self.created,
            "started": self.started,
            "finished": self.finished,
        }


class JobRegistry:
    """The jobs of this server: created from uploads, run on the queue's worker."""

    def __init__(self, queue: AnalysisQueue, db: str | None) -> None:
        self.queue = queue
        self.db = db
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._root = Path(tempfile.mkdtemp(prefix="unspin-uploads-"))  # mode 0700

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def snapshot(self, job_id: str) -> tuple[int, dict[str, Any]] | None:
        """The job's version and its dict, read together (for event streams)."""
        with self._lock:
            job = self._jobs.get(job_id)
            return None if job is None else (job.version, job.to_dict())

    def folder(self) -> Path:
        """A new private folder for one job's uploads."""
        path = Path(tempfile.mkdtemp(prefix="job-", dir=self._root))
        return path

    def start_ingest(self, folder: Path, paths: Sequence[Path], names: Sequence[str]) -> Job:
        """Queue the ingestion of ``paths`` (in ``folder``, removed afterwards); raises
        :class:`~unspin.web.queue.QueueFull` (and removes the folder) when full."""
        job = Job(secrets.token_hex(8), "ingest", list(names), total=None)
        try:
            self.queue.submit_job(lambda: self._ingest(job, folder, list(paths)))
        except Exception:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        return job

    def close(self) -> None:
        shutil.rmtree(self._root, ignore_errors=True)

    def _forget_old(self) -> None:
        done = [j for j in self._jobs.values() if j.finished_yet]
        for job in sorted(done, key=lambda j: j.created)[: max(0, len(self._jobs) - KEEP_JOBS)]:
            del self._jobs[job.id]

    def _update(self, job: Job, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(job, key, value)
            job.version += 1

    def _ingest(self, job: Job, folder: Path, paths: list[Path]) -> None:
        """Runs on the worker: ingest, letting waiting analyses go between documents."""
        self._update(job, status="running", stage="ingesting", started=time.time())

        def progress(event: unspin_app.ProgressEvent) -> None:
            self._update(
                job, stage=event.stage, done=event.done, total=event.total,
                counts=dict(event.counts),
            )  # fmt: skip
            self.queue.yield_to_analyses()

        try:
            result = unspin_app.ingest_paths(
                self.db, [str(p) for p in paths], self.queue.config,
                batch_size=INGEST_BATCH, on_progress=progress,
            )  # fmt: skip
        except Exception as exc:
            log.warning("job %s failed: %s", job.id, exc)
            self._update(
                job, status="failed", stage="failed", message=str(exc), finished=time.time()
            )
            return
        finally:
            with contextlib.suppress(OSError):
                shutil.rmtree(folder)
        report = result.report
        shown = {p.name: name for p, name in zip(paths, job.files, strict=True)}
        records = [*report.input_errors, *report.analyzer_failures]
        errors = [
            {"source": _shown(r.source, folder, shown), "error": r.error,
             "message": _shown(r.message, folder, shown)}
            for r in records[:MAX_ERRORS]
        ]  # fmt: skip
        counts = {
            "added": report.added,
            "skipped": report.skipped,
            "errors": len(report.input_errors),
            "analyzer_failures": len(report.analyzer_failures),
        }
        self._update(
            job, status="done", stage="done", done=report.handled,
            total=max(job.total or 0, report.handled), counts=counts, errors=errors,
            error_count=len(records), finished=time.time(),
        )  # fmt: skip


def _shown(text: str, folder: Path, names: dict[str, str]) -> str:
    """An error text naming the uploaded files as the client named them, without the
    server's temporary folder."""
    for safe, name in names.items():
        text = text.replace(f"{folder}/{safe}", name)
    return text.replace(str(folder), "<upload>")
