"""Scale-out on Ray: the pipeline as Ray Data ``map_batches`` over a pool of actors.

:func:`process_on_ray` is an ingest processor (:data:`unspin.store.ingest.Processor`)
like :func:`~unspin.app.workers.process_in_workers`: documents in, each document's
:class:`~unspin.pipeline.Processed` (with sentence embeddings) or the document with its
:class:`~unspin.app.workers.WorkerError` out, in input order, to the one writer that stays
in the driver (this process: SQLite or PostgreSQL). Reading the inputs, skipping the
documents already stored and recording input errors stay in the driver too, as with the
local engine.

Each actor builds its pipeline once, in its ``__init__``, from the run's
:class:`~unspin.config.Config` (:func:`~unspin.app.pipelines.load_pipeline`: one model
copy per actor) and analyses batches of documents; a document the pipeline raises on
comes back as a :class:`WorkerError` with its one line, the rest of the batch goes on.
Documents travel as pickles (read-only mappings as dicts, :mod:`unspin.app.workers`).

The driver hands Ray the documents in segments of :data:`SEGMENT` (one Ray dataset each,
its actor pool started for it), so the input is never read whole into memory; an actor
pool that fails (an actor that keeps dying, a pipeline that cannot be built) stops the run
with a :class:`~unspin.errors.PipelineError`; what was written before is kept and a rerun
resumes.

:func:`ray_session` connects to a cluster (``address``) or starts a local one with
``num_cpus`` CPUs, and shuts down what it started. Ray is the ``ray`` extra.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.analyzer import Analyzer, register
from unspin.app.pipelines import load_pipeline
from unspin.app.workers import (
    Outcome,
    WorkerError,
    check_workers,
    one_line,
    pickled,
    plugin_classes,
    process_batch,
)
from unspin.config import Config
from unspin.errors import ConfigError, MissingExtraError, PipelineError
from unspin.model import Document

__all__ = [
    "DEFAULT_BATCH",
    "ENGINES",
    "SEGMENT",
    "check_engine",
    "process_on_ray",
    "ray_map",
    "ray_session",
]

log = logging.getLogger("unspin")

#: The engines ``corpus ingest`` knows.
ENGINES = ("local", "ray")
#: Documents per ``map_batches`` call of an actor.
DEFAULT_BATCH = 4
#: Documents per Ray dataset (one actor pool, models loaded once per actor, each).
SEGMENT = 4096


def _ray() -> Any:
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")  # read when Ray is imported
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise MissingExtraError(exc.name or "ray", "ray") from None
    return ray


def check_engine(engine: str, workers: int | None = None, address: str | None = None) -> str:
    """``engine`` when it is one of :data:`ENGINES`, ``workers`` (if given) a valid count
    and ``address`` given only with the Ray engine; else a one-line ConfigError."""
    if engine not in ENGINES:
        raise ConfigError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    check_workers(workers or 1)
    if address and engine != "ray":
        raise ConfigError("--address needs --engine ray", hint="add --engine ray")
    return engine


@contextlib.contextmanager
def _native_stderr_muted() -> Iterator[None]:
    """File descriptor 2 sent to /dev/null for a while: Ray's native core prints a line
    there when it starts ("Set ray log level ..."), whatever the log level asked for.
    Python errors still reach the caller as exceptions."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr to mute
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@contextlib.contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[int]:
    """Ray ready for work: already initialised in this process (left as it is), connected
    to the cluster at ``address``, or a local cluster of ``num_cpus`` CPUs (default: this
    machine's) started and shut down afterwards. Yields the cluster's CPU count."""
    ray = _ray()
    for name in ("ray", "ray.data"):  # Ray's own progress lines stay out of ours
        logging.getLogger(name).setLevel(logging.ERROR)
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "configure_logging": False,
        }
        if address:
            kwargs["address"] = address
        else:  # "local": a new cluster, never one that `ray start` left running here
            kwargs["address"] = "local"
            kwargs["num_cpus"] = num_cpus or len(os.sched_getaffinity(0))
        try:
            with _native_stderr_muted():
                ray.init(**kwargs)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            where = f"the Ray cluster at {address}" if address else "a local Ray cluster"
            raise PipelineError(f"cannot start or reach {where}: {one_line(exc)}") from None
        started = True
    try:
        yield max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        if started:
            ray.shutdown()


class _Actor:
    """One pipeline per actor, built once; analyses batches of pickled documents."""

    def __init__(self, config: Config, plugins: dict[str, type[Analyzer[Any]]]) -> None:
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        logging.basicConfig(level=logging.WARNING, format="unspin: %(levelname)s: %(message)s")
        for name, cls in plugins.items():
            register(name)(cls)
        self.pipeline = load_pipeline(config)

    def __call__(self, batch: dict[str, NDArray[Any]]) -> dict[str, NDArray[Any]]:
        documents = [pickle.loads(blob) for blob in batch["doc"]]
        results = process_batch(self.pipeline, documents, True)
        out = np.empty(len(results), dtype=object)
        for i, result in enumerate(results):
            out[i] = pickled(result)
        return {"i": batch["i"], "out": out}


def _mapped(ray: Any, config: Config, rows: list[dict[str, Any]], actors: int, batch: int) -> Any:
    """The dataset of ``rows`` (index, pickled document) mapped by a pool of actors."""
    blocks = max(1, min(len(rows), -(-len(rows) // batch)))
    with warnings.catch_warnings():  # max_restarts has no named parameter in every Ray
        warnings.simplefilter("ignore", DeprecationWarning)
        return ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            _Actor,
            fn_constructor_args=(config, plugin_classes(config)),
            batch_size=batch,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=min(actors, blocks)),
            num_cpus=1,
            # one restart for an actor lost by accident; a document that keeps killing
            # its actor fails the segment instead of looping
            max_restarts=1,
            max_task_retries=1,
        )


@contextlib.contextmanager
def _ordered(ray: Any) -> Iterator[None]:
    """Ray Data keeping the input order, without its progress bars, for a while."""
    with warnings.catch_warnings():  # Ray's own deprecated settings, read on first use
        warnings.simplefilter("ignore", DeprecationWarning)
        context = ray.data.DataContext.get_current()
    preserve, progress = context.execution_options.preserve_order, context.enable_progress_bars
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    try:
        yield
    finally:
        context.execution_options.preserve_order = preserve
        context.enable_progress_bars = progress


def _segment(
    ray: Any, config: Config, documents: list[Document], actors: int, batch: int
) -> Iterator[Outcome]:
    """One Ray dataset over ``documents``; their outcomes in input order."""
    try:
        rows = [{"i": i, "doc": pickled(d)} for i, d in enumerate(documents)]
        with _ordered(ray):
            for row in _mapped(ray, config, rows, actors, batch).iter_rows():
                document = documents[int(row["i"])]
                result = pickle.loads(row["out"])
                if isinstance(result, str):
                    where = document.source or document.id
                    yield document, WorkerError(f"the pipeline failed: {result}", source=where)
                else:
                    yield result
    except Exception as exc:
        if isinstance(exc, PipelineError | WorkerError):
            raise
        raise PipelineError(
            f"the Ray engine failed on a segment of {len(documents)} document(s): {one_line(exc)}",
            hint="documents written before are kept; rerun to resume",
        ) from None


def process_on_ray(
    config: Config,
    documents: Iterable[Document],
    actors: int,
    *,
    batch_size: int = DEFAULT_BATCH,
    segment: int = SEGMENT,
) -> Generator[Outcome, None, None]:
    """``config``'s pipeline over ``documents`` on ``actors`` Ray actors (Ray initialised:
    :func:`ray_session`): each document's Processed with its sentence embeddings, or the
    document with its :class:`WorkerError`, in input order."""
    ray = _ray()
    if not ray.is_initialized():
        raise PipelineError("Ray is not initialised", hint="run inside ray_session()")
    source = iter(documents)
    while chunk := list(islice(source, max(1, segment))):
        yield from _segment(ray, config, chunk, max(1, actors), max(1, batch_size))


class _Apply:
    """A Ray Data batch function: ``fn`` on each pickled item of the batch."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        self.fn = fn

    def __call__(self, batch: dict[str, NDArray[Any]]) -> dict[str, NDArray[Any]]:
        out = np.empty(len(batch["x"]), dtype=object)
        for i, blob in enumerate(batch["x"]):
            out[i] = pickled(self.fn(pickle.loads(blob)))
        return {"i": batch["i"], "out": out}


def ray_map(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """``fn`` over ``items`` as Ray Data tasks (about four per CPU of the cluster, each a
    run of items; Ray initialised: :func:`ray_session`), the results in input order:
    the mapper of ``corpus link --engine ray`` (:mod:`unspin.corpus.sharding`). A failure
    is a one-line :class:`~unspin.errors.PipelineError`."""
    ray = _ray()
    if not ray.is_initialized():
        raise PipelineError("Ray is not initialised", hint="run inside ray_session()")
    if not items:
        return []
    rows = [{"i": i, "x": pickled(x)} for i, x in enumerate(items)]
    try:
        with _ordered(ray), warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
            blocks = min(len(rows), 4 * cpus)  # a few tasks per CPU, each a run of items
            dataset = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
                _Apply(fn), batch_size=1, batch_format="numpy", num_cpus=1
            )
            return [pickle.loads(row["out"]) for row in dataset.iter_rows()]
    except Exception as exc:
        raise PipelineError(
            f"the Ray engine failed on {len(rows)} task(s) of {getattr(fn, '__name__', fn)}: "
            f"{one_line(exc)}",
            hint="links written before are kept; rerun to resume",
        ) from None
