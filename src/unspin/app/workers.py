"""Worker processes: one pipeline per process, documents handed out in chunks, results
back in input order.

:func:`process_in_workers` runs a configuration's pipeline in ``workers`` processes
started with the ``spawn`` method (never a fork of a process that may hold PyTorch). Each
worker builds its pipeline once (:func:`~unspin.app.pipelines.load_pipeline`, models
loaded on first use) and analyses the chunks of documents the parent sends it, one chunk
at a time; the parent yields the results in input order, so the one writer (report
files, the store) stays in the parent. At most a few chunks per worker are ahead of the
next result to yield, so memory stays bounded when one document is slow.

A document the pipeline raises on comes back as that document with a
:class:`WorkerError`, like an input that could not be read. When a worker dies (killed,
out of memory) a fresh one takes its place and the documents it held are retried one at
a time, so that only the document that kills a worker alone is lost, as a
:class:`WorkerError` whose one line names it; when workers keep dying the run stops with
a :class:`~unspin.errors.PipelineError`. Workers ignore SIGINT: Ctrl-C reaches the parent,
which stops them all (so does closing the generator). As with any ``spawn`` pool, a
script that starts workers needs the ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import contextlib
import copyreg
import ctypes
import dataclasses
import io
import logging
import multiprocessing
import os
import pickle
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from types import MappingProxyType
from typing import Any

from unspin.analyzer import Analyzer, analyzer_class, builtin_analyzers, register
from unspin.app.pipelines import load_pipeline
from unspin.config import Config
from unspin.errors import ConfigError, InputError, PipelineError
from unspin.model import Document
from unspin.pipeline import Pipeline, Processed

__all__ = [
    "DEFAULT_CHUNK",
    "Outcome",
    "WorkerError",
    "check_workers",
    "one_line",
    "pickled",
    "plugin_classes",
    "process_batch",
    "process_in_workers",
]

log = logging.getLogger("unspin")

#: Documents sent to a worker at a time.
DEFAULT_CHUNK = 2
#: Chunks handed out per worker beyond the next one to yield (bounds what waits in memory).
WINDOW = 4
#: The run stops when workers have died this many times per worker.
MAX_DEATHS_PER_WORKER = 4
#: Seconds a worker gets to leave on its own before it is terminated.
GRACE = 5.0


class WorkerError(InputError):
    """A document with no analysis: the pipeline raised on it in a worker process, or the
    worker process died while it held the document."""


#: What comes back for each document, in input order: its processed analysis, or the
#: document with the error that stopped it.
Outcome = Processed | tuple[Document, WorkerError]


def check_workers(workers: int) -> int:
    """``workers`` when it is at least 1; else a one-line :class:`ConfigError`."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ConfigError(f"workers must be a whole number of at least 1, not {workers!r}")
    return workers


# ---------------------------------------------------------------------------------------
# What crosses the pipe: pickles in which read-only mappings (the frozen attributes and
# summaries of an analysis) travel as plain dicts and come back read-only.


def _read_only(value: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(value)


def _reduce_proxy(proxy: MappingProxyType[str, Any]) -> tuple[Any, tuple[dict[str, Any]]]:
    return _read_only, (dict(proxy),)


_DISPATCH = copyreg.dispatch_table.copy()
_DISPATCH[MappingProxyType] = _reduce_proxy


def pickled(value: object) -> bytes:
    """``value`` pickled for another process (read-only mappings travel as dicts)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(value)
    return buffer.getvalue()


def one_line(exc: BaseException) -> str:
    """An exception as one line of at most 500 characters, for error records."""
    return (" ".join(str(exc).split()) or type(exc).__name__)[:500]


# ---------------------------------------------------------------------------------------
# The worker process


def _serve(
    conn: Connection,
    config: Config,
    plugins: dict[str, type[Analyzer[Any]]],
    threads: int,
    log_level: int,
) -> None:
    """A worker's life: build the pipeline, then answer each chunk until told to stop
    (``None``) or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.basicConfig(level=log_level, format="unspin: %(levelname)s: %(message)s")
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # before PyTorch is imported
        os.environ.setdefault(var, str(threads))
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        for name, cls in plugins.items():
            register(name)(cls)
        pipeline = load_pipeline(config)
    except Exception as exc:
        conn.send_bytes(pickled(("fatal", one_line(exc))))
        return
    trim = _heap_trimmer()
    with pipeline:  # closes the stores its analyzers opened
        while True:
            try:
                job = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                return
            if job is None:
                return
            documents, embed = job
            conn.send_bytes(pickled(("done", process_batch(pipeline, documents, embed))))
            trim()


def _heap_trimmer() -> Callable[[], object]:
    """glibc's ``malloc_trim``: after each chunk the heap pages a document's analysis
    freed go back to the system, so that a long run's RSS stays near the models' size
    (measured: about 790 MB after 25 PTC articles instead of 1,000 and rising); a no-op
    where there is no glibc."""
    try:
        malloc_trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return lambda: None
    return lambda: malloc_trim(0)


def process_batch(
    pipeline: Pipeline, documents: list[Document], embed: bool
) -> list[Processed | str]:
    """Each document's Processed (embeddings only when asked for), or the one-line error
    the pipeline raised on it."""
    out: list[Processed | str]
    try:
        out = list(pipeline.process(documents, batch_size=len(documents), embed_sentences=embed))
    except Exception:  # find which document it was: one at a time
        out = []
        for document in documents:
            try:
                out.extend(pipeline.process([document], embed_sentences=embed))
            except Exception as exc:
                log.warning("pipeline failed on %s: %s", document.id, exc)
                out.append(one_line(exc))
    if embed:
        return out
    return [o if isinstance(o, str) else dataclasses.replace(o, embeddings=None) for o in out]


# ---------------------------------------------------------------------------------------
# The parent


@dataclass
class _Chunk:
    index: int
    documents: list[Document]
    #: A document retried alone: its place in chunk ``index``.
    slot: int | None = None


@dataclass
class _Worker:
    number: int
    process: BaseProcess
    conn: Connection
    held: _Chunk | None = None


def plugin_classes(config: Config) -> dict[str, type[Analyzer[Any]]]:
    """The configured analyzers that are not built in: registered in each worker too
    (their classes travel by module and name)."""
    builtin = builtin_analyzers()
    return {n: analyzer_class(n) for n in config.analyzers if n not in builtin}


def _threads(workers: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(1, cores // workers)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


class _Pool:
    """Worker processes started on demand (up to ``size``), one chunk in flight each."""

    def __init__(self, config: Config, size: int, embed: bool) -> None:
        self.config = config
        self.size = size
        self.embed = embed
        self.plugins = plugin_classes(config)
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = []
        self.started = 0
        self.deaths = 0
        #: Outcomes of chunks waiting for their turn; of chunks retried document by
        #: document; the documents to retry.
        self.done: dict[int, list[Outcome]] = {}
        self.parts: dict[int, list[Outcome | None]] = {}
        self.retry: deque[_Chunk] = deque()

    def _start(self) -> _Worker:
        self.started += 1
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_serve,
            args=(child, self.config, self.plugins, _threads(self.size), log.getEffectiveLevel()),
            name=f"unspin-worker-{self.started}",
            daemon=True,
        )
        try:
            with _sigint_ignored():  # inherited: a worker ignores Ctrl-C from its start
                process.start()
        except (pickle.PicklingError, AttributeError, TypeError) as exc:
            raise PipelineError(
                f"the pipeline cannot be sent to worker processes: {one_line(exc)}",
                hint="define plugin analyzers at module level, or use --workers 1",
            ) from None
        finally:
            child.close()
        worker = _Worker(self.started, process, parent)
        self.workers.append(worker)
        return worker

    def _idle(self) -> _Worker | None:
        for worker in self.workers:
            if worker.held is None:
                return worker
        return self._start() if len(self.workers) < self.size else None

    def _give(self, worker: _Worker, chunk: _Chunk) -> None:
        worker.held = chunk
        with contextlib.suppress(OSError):  # a worker that is gone: _collect tells
            worker.conn.send_bytes(pickled((chunk.documents, self.embed)))

    def run(self, documents: Iterable[Document], chunk_size: int) -> Iterator[Outcome]:
        source = iter(documents)
        sent = emitted = 0
        exhausted = False
        while True:
            while self.retry or (not exhausted and sent - emitted < self.size * WINDOW):
                worker = self._idle()
                if worker is None:
                    break
                if self.retry:
                    self._give(worker, self.retry.popleft())
                    continue
                chunk = [d for _, d in zip(range(chunk_size), source, strict=False)]
                if not chunk:
                    exhausted = True
                    break
                self._give(worker, _Chunk(sent, chunk))
                sent += 1
            while emitted in self.done:
                yield from self.done.pop(emitted)
                emitted += 1
            if exhausted and emitted == sent:
                return
            self._collect()

    def _collect(self) -> None:
        """Wait for a busy worker to answer or die; file its chunk's outcomes."""
        busy = [w for w in self.workers if w.held is not None]
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        for worker in busy:
            if worker.conn not in ready and worker.process.sentinel not in ready:
                continue
            held = worker.held
            assert held is not None
            try:
                if not worker.conn.poll():
                    raise EOFError
                kind, payload = pickle.loads(worker.conn.recv_bytes())
            except (EOFError, OSError, pickle.UnpicklingError):
                self._lost(worker, held)
                continue
            if kind == "fatal":
                raise PipelineError(f"a worker process could not build the pipeline: {payload}")
            worker.held = None
            self._file(
                held,
                [
                    (doc, WorkerError(f"the pipeline failed: {p}", source=doc.source or doc.id))
                    if isinstance(p, str)
                    else p
                    for doc, p in zip(held.documents, payload, strict=True)
                ],
            )

    def _file(self, chunk: _Chunk, outcomes: list[Outcome]) -> None:
        """Keep a chunk's outcomes until their turn (a retried document: once the rest of
        its chunk is back too)."""
        if chunk.slot is None:
            self.done[chunk.index] = outcomes
            return
        parts = self.parts[chunk.index]
        parts[chunk.slot] = outcomes[0]
        if all(p is not None for p in parts):
            self.done[chunk.index] = [p for p in self.parts.pop(chunk.index) if p is not None]

    def _lost(self, worker: _Worker, held: _Chunk) -> None:
        """A worker died: a fresh one will take its place. The documents it held are
        retried one at a time; a document that was alone is lost, with one line naming it."""
        worker.process.join(GRACE)
        code = worker.process.exitcode
        self.workers.remove(worker)
        worker.conn.close()
        self.deaths += 1
        if code is not None and code < 0:
            how = f"killed by signal {-code}" + (", out of memory?" if code == -9 else "")
        else:
            how = f"exit code {code}"
        names = ", ".join(d.source or d.id for d in held.documents)
        message = (
            f"worker process {worker.number} died ({how}) holding "
            f"{len(held.documents)} document(s): {names}"
        )
        if self.deaths > MAX_DEATHS_PER_WORKER * self.size:
            raise PipelineError(
                f"worker processes died {self.deaths} times; stopping (last: {message})",
                hint="fewer --workers, or more memory",
            )
        if len(held.documents) > 1:
            log.warning("%s; retrying them one at a time", message)
            self.parts[held.index] = [None] * len(held.documents)
            self.retry.extend(_Chunk(held.index, [d], j) for j, d in enumerate(held.documents))
            return
        log.warning("%s", message)
        self._file(
            held, [(d, WorkerError(message, source=d.source or d.id)) for d in held.documents]
        )

    def close(self) -> None:
        """Tell idle workers to stop, terminate busy ones, and wait for all of them."""
        for worker in self.workers:
            try:
                if worker.held is None:
                    worker.conn.send_bytes(pickled(None))
                else:
                    worker.process.terminate()
            except OSError:
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(GRACE)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()


def process_in_workers(
    config: Config,
    documents: Iterable[Document],
    workers: int,
    *,
    embed_sentences: bool = False,
    chunk_size: int = DEFAULT_CHUNK,
) -> Generator[Outcome, None, None]:
    """``config``'s pipeline over ``documents`` in ``workers`` processes: each document's
    :class:`~unspin.pipeline.Processed` (with sentence embeddings when
    ``embed_sentences``), or the document with its :class:`WorkerError`, in input order.

    Workers start as documents come (no more than there are chunks) and stop when the
    iteration ends, fails, is interrupted or is closed."""
    check_workers(workers)
    pool = _Pool(config, workers, embed_sentences)
    try:
        yield from pool.run(documents, max(1, chunk_size))
    finally:
        pool.close()
