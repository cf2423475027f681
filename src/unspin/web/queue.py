"""The analysis queue: ONE worker thread owns the pipeline (models loaded once, at start)
and runs, one at a time, the analyses requests wait for and the ingestion jobs.

``await get_queue(request).analyze(document)`` returns the :class:`Analysis`; when
``queue_size`` analyses are already waiting it raises :class:`QueueFull` (a 503 problem
with ``Retry-After``, counted apart from errors in :meth:`AnalysisQueue.stats`).

How analyses and ingestion jobs share the worker: analyses always go first. A job is
started only when no analysis waits, and while it runs, its progress callback (called
after every document the ingestion handles) runs the analyses that arrived meanwhile
before the next document. The ingestion parses documents in batches of
:data:`unspin.web.jobs.INGEST_BATCH` (4), so a single analysis waits at most for one such
batch of a job, never for the whole job, and a job is never starved: it moves on between
bursts of analyses.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from unspin import app as unspin_app
from unspin.web.problems import Problem

__all__ = ["AnalysisQueue", "QueueFull", "QueueStats", "get_queue"]

log = logging.getLogger("unspin.web")


class QueueFull(Problem):
    """Too many analyses (or jobs) are waiting: 503 with ``Retry-After`` seconds."""

    def __init__(self, what: str, retry_after: int) -> None:
        super().__init__(
            503,
            "Analysis queue full",
            f"{what} are already waiting for the analysis worker; retry in {retry_after} s",
            headers={"Retry-After": str(retry_after)},
            retry_after=retry_after,
        )


@dataclass(frozen=True)
class QueueStats:
    """What the worker has done: analyses run, failed and refused (503), jobs run, and
    what is waiting now."""

    analyses: int
    failed: int
    rejected: int
    jobs: int
    waiting: int
    jobs_waiting: int
    mean_seconds: float


_Work = tuple[Callable[[], Any], "concurrent.futures.Future[Any]"]


class AnalysisQueue:
    """A bounded queue in front of one worker thread (see the module docstring)."""

    def __init__(self, config: unspin_app.Config, *, queue_size: int = 8) -> None:
        self.config = config
        self.queue_size = max(1, queue_size)
        self._analyses: collections.deque[_Work] = collections.deque()
        self._jobs: collections.deque[_Work] = collections.deque()
        self._cond = threading.Condition()
        self._closed = False
        self._seconds = 2.0
        self._counts = {"analyses": 0, "failed": 0, "rejected": 0, "jobs": 0}
        self._thread = threading.Thread(target=self._run, name="unspin-worker", daemon=True)
        self._thread.start()

    # -- what requests call --------------------------------------------------------
    async def analyze(self, document: unspin_app.Document) -> unspin_app.Analysis:
        """Analyse ``document`` on the worker; :class:`QueueFull` when too many wait."""
        future = self.submit(lambda: unspin_app.analyze_input(document, self.config))
        result: unspin_app.Analysis = await asyncio.wrap_future(future)
        return result

    def submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Run ``fn`` on the worker as an analysis (ahead of jobs); QueueFull when full."""
        return self._put(self._analyses, fn, "analyses")

    def submit_job(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        """Run ``fn`` on the worker when no analysis waits; ``fn`` should call
        :meth:`yield_to_analyses` between small units of work. QueueFull when
        ``queue_size`` jobs already wait."""
        return self._put(self._jobs, fn, "jobs")

    def yield_to_analyses(self) -> None:
        """Run the analyses waiting now (called by a job, on the worker thread)."""
        if threading.current_thread() is not self._thread:
            return
        while True:
            with self._cond:
                if not self._analyses:
                    return
                work = self._analyses.popleft()
            self._execute(work, "analyses")

    def retry_after(self) -> int:
        """Seconds a refused client should wait: the waiting analyses times the mean."""
        with self._cond:
            waiting = len(self._analyses) + 1
        return max(1, min(120, round(waiting * self._seconds)))

    def stats(self) -> QueueStats:
        with self._cond:
            return QueueStats(
                analyses=self._counts["analyses"],
                failed=self._counts["failed"],
                rejected=self._counts["rejected"],
                jobs=self._counts["jobs"],
                waiting=len(self._analyses),
                jobs_waiting=len(self._jobs),
                mean_seconds=round(self._seconds, 3),
            )

    def close(self, timeout: float = 5.0) -> None:
        """Stop taking work, cancel what waits, and let the worker finish its item."""
        with self._cond:
            self._closed = True
            waiting = list(self._analyses) + list(self._jobs)
            self._analyses.clear()
            self._jobs.clear()
            self._cond.notify_all()
        for _, future in waiting:
            future.cancel()
        self._thread.join(timeout)

    # -- the worker ----------------------------------------------------------------
    def _put(
        self, lane: collections.deque[_Work], fn: Callable[[], Any], what: str
    ) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        with self._cond:
            if self._closed:
                raise Problem(503, "Server shutting down", "the analysis worker has stopped")
            if len(lane) >= self.queue_size:
                self._counts["rejected"] += 1
                full = True
            else:
                lane.append((fn, future))
                self._cond.notify()
                full = False
        if full:
            raise QueueFull(f"{self.queue_size} {what}", self.retry_after())
        return future

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and not self._analyses and not self._jobs:
                    self._cond.wait()
                if self._closed:
                    return
                if self._analyses:
                    work, what = self._analyses.popleft(), "analyses"
                else:
                    work, what = self._jobs.popleft(), "jobs"
            self._execute(work, what)

    def _execute(self, work: _Work, what: str) -> None:
        fn, future = work
        if not future.set_running_or_notify_cancel():
            return
        started = time.perf_counter()
        try:
            result = fn()
        except BaseException as exc:  # the worker must outlive any one item
            with self._cond:
                self._counts["failed"] += 1
            if not isinstance(exc, Exception):
                log.error("worker item stopped by %r", exc)
            future.set_exception(exc)
            return
        seconds = time.perf_counter() - started
        with self._cond:
            self._counts[what] += 1
            if what == "analyses":
                self._seconds = 0.8 * self._seconds + 0.2 * seconds
        future.set_result(result)


def get_queue(request: Request) -> AnalysisQueue:
    """The analysis queue of the application serving ``request``."""
    queue: AnalysisQueue = request.app.state.unspin.services["queue"]
    return queue
