"""``corpus ingest --engine ray`` against the plain pass, and a measured projection to 10
and 100 nodes (issue #14 point 3).

    .venv/bin/python bench/ray_ingest.py [--articles 20] [--actors 1 2] [--nodes 10 100]
        [--cores-per-node 8] [--backends sqlite postgresql] [--json out.json]

What it runs, on the same PTC training articles (the first ``--articles`` by name):

* **the plain pass** (``bench/speed.py``'s: spaCy ``en_core_web_sm`` + all-MiniLM-L6-v2
  fp32 over every sentence, a process of its own, timed from start to exit);
* **the Ray engine**: the whole ``unspin corpus ingest DIR --db NEW.db --engine ray
  --workers N -q`` command for each N of ``--actors`` (a local Ray cluster of N CPUs
  started and shut down, N actors each loading the default pipeline once, the driver
  writing SQLite), timed from start to exit, and its ratio to the plain pass (target
  >= 1.4 x with 2 actors);
* **the measurements of the projection**, in this process: the default pipeline's time
  per document (after loading, one thread, each article alone); what a result costs to
  cross to the driver (its pickle: bytes, and seconds to load); and the single writer's
  time per document (``prepare`` + ``Store.write`` in transactions of 64, as ``corpus
  ingest`` writes) for SQLite and PostgreSQL (pgserver, when installed), over
  ``--write-copies`` copies of every analysed article under fresh ids.

The projection (a model, not a run on a cluster). Assumptions:

1. A node has ``--cores-per-node`` cores (default 8) and runs one actor per core; an actor
   analyses one document per ``t_a`` seconds, ``t_a`` measured here on one core. Actors
   scale linearly across nodes (documents are independent; Ray Data feeds each actor
   batches of 4); the measured scaling from 1 to 2 actors on this machine is printed
   beside it for comparison (on a shared 2-core machine it understates it).
2. One writer (the driver) spends ``t_d = t_load + t_prepare + t_write`` per document and
   does nothing else (reading inputs and the skip check are not counted: they are cheap
   beside the writes). It can absorb at most ``1 / t_d`` documents/s.
3. Throughput at N nodes = min(N x cores / t_a, 1 / t_d); the writer saturates from
   N* = t_a / (cores x t_d) nodes on. Store load = documents/s x (1 document row +
   sentences + findings per document) rows/s, and the embeddings' bytes/s; the driver's
   network input = documents/s x the pickle's size.
4. Model loading (once per actor) and cluster start are left out: they are a constant
   per run, measured in the whole-command timings above.

Beyond N*, more nodes add nothing until the store is written by more than one writer
(PostgreSQL: one writer per actor or per shard; SQLite cannot). The load average before
and after is printed: the machine may be shared.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import DEFAULT_DATA, _loadavg, plain_pass

from unspin.app.pipelines import load_pipeline
from unspin.app.workers import pickled as pickle_result
from unspin.ingest import iter_documents
from unspin.pipeline import Processed, encoder_name
from unspin.store import open_store
from unspin.store.rows import prepare

ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
WRITE_BATCH = 64


def ray_ingest(folder: Path, db: Path, actors: int) -> dict[str, float]:
    """The whole ``corpus ingest --engine ray`` command: seconds, documents stored."""
    cmd = [sys.executable, "-m", "unspin", "corpus", "ingest", str(folder), "--db", str(db)]
    cmd += ["--engine", "ray", "--workers", str(actors), "-q"]
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=ENV, check=False)
    wall = time.perf_counter() - start
    if out.returncode:
        raise SystemExit(f"bench/ray_ingest.py: {' '.join(cmd)} failed:\n{out.stderr[-2000:]}")
    with open_store(db) as store:
        stored = store.stats().documents
    return {"wall_s": wall, "documents": stored}


def analyse(files: list[Path]) -> tuple[list[Processed], list[float], dict[str, float]]:
    """The default pipeline over each article alone (after one warm-up): the results,
    seconds per document, and the pickle's cost (bytes, seconds to load) per document."""
    pipeline = load_pipeline(None)
    errors: list[object] = []
    documents = list(iter_documents([str(p) for p in files], on_error=errors.append))
    if errors:
        raise SystemExit(f"bench/ray_ingest.py: unreadable articles: {errors}")
    list(pipeline.process(documents[:1], embed_sentences=True))  # loads the models
    results, seconds = [], []
    for doc in documents:
        start = time.perf_counter()
        results.extend(pipeline.process([doc], embed_sentences=True))
        seconds.append(time.perf_counter() - start)
    blobs = [pickle_result(r) for r in results]
    start = time.perf_counter()
    for blob in blobs:
        pickle.loads(blob)
    load_s = (time.perf_counter() - start) / len(blobs)
    return results, seconds, {"bytes": statistics.mean(map(len, blobs)), "load_s": load_s}


def _copies(results: list[Processed], copies: int, first: int = 0) -> Iterator[Processed]:
    for k in range(first, first + copies):
        for p in results:
            doc = dataclasses.replace(p.analysis.document, id=f"{p.analysis.document.id}-{k}")
            yield dataclasses.replace(p, analysis=dataclasses.replace(p.analysis, document=doc))


def writer_cost(url: str, results: list[Processed], copies: int, encoder: str) -> dict[str, float]:
    """Seconds per document of ``prepare`` and of ``Store.write`` (transactions of 64)."""
    variants = list(_copies(results, copies))
    start = time.perf_counter()
    rows = [prepare(p) for p in variants]
    prepare_s = (time.perf_counter() - start) / len(rows)
    with open_store(url, create=True) as store:
        store.bind_encoder(encoder)
        store.write([prepare(p) for p in _copies(results, 1, copies)])  # warm-up, not timed
        start = time.perf_counter()
        for i in range(0, len(rows), WRITE_BATCH):
            store.write(rows[i : i + WRITE_BATCH])
        write_s = (time.perf_counter() - start) / len(rows)
    return {"documents": len(rows), "prepare_s": prepare_s, "write_s": write_s}


@contextmanager
def _postgres() -> Iterator[str | None]:
    """A fresh PostgreSQL database URL from pgserver, or None without it."""
    try:
        import pgserver
    except ImportError:
        yield None
        return
    folder = tempfile.mkdtemp(prefix="unspin-pg-")
    server = pgserver.get_server(folder, cleanup_mode="delete")
    try:
        server.psql("CREATE DATABASE unspin_ray_bench;")
        yield server.get_uri("unspin_ray_bench")
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def project(
    t_a: float, t_d: float, cores: int, nodes: int, per_doc: dict[str, float]
) -> dict[str, float]:
    """Assumptions 1-3 of the module docstring at ``nodes`` nodes."""
    capacity = nodes * cores / t_a
    writer = 1 / t_d
    rate = min(capacity, writer)
    return {
        "nodes": nodes,
        "analysis_capacity_docs_s": capacity,
        "writer_capacity_docs_s": writer,
        "throughput_docs_s": rate,
        "docs_per_day": rate * 86400,
        "writer_busy": min(1.0, capacity / writer),
        "rows_s": rate * per_doc["rows"],
        "embedding_mb_s": rate * per_doc["embedding_bytes"] / 1e6,
        "driver_in_mb_s": rate * per_doc["pickle_bytes"] / 1e6,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--actors", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--nodes", type=int, nargs="+", default=[10, 100])
    ap.add_argument("--cores-per-node", type=int, default=8)
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--write-copies", type=int, default=5, help="copies of each article written")
    ap.add_argument("--skip-plain", action="store_true", help="no plain pass (no ratios)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    files = sorted((args.data / "train-articles").glob("article*.txt"))[: args.articles]
    if not files:
        print(f"bench/ray_ingest.py: no PTC articles under {args.data}", file=sys.stderr)
        return 2
    n = len(files)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    results: dict[str, Any] = {"articles": n, "words": words, "loadavg_before": _loadavg()}
    print(f"{n} PTC articles, {words:,} words; load average {results['loadavg_before']}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for p in files:
            shutil.copy(p, folder / p.name)
        plain = None if args.skip_plain else plain_pass(files)
        if plain:
            results["plain"] = plain
            rate = n / plain["wall_s"]
            print(f"plain pass (whole process)      {plain['wall_s']:7.1f} s {rate:6.2f}/s")
        for actors in args.actors:
            run = ray_ingest(folder, Path(tmp) / f"ray{actors}.db", actors)
            results[f"ray_{actors}"] = run
            ratio = f"  {plain['wall_s'] / run['wall_s']:.2f} x the plain pass" if plain else ""
            print(
                f"--engine ray --workers {actors} (whole) {run['wall_s']:7.1f} s "
                f"{n / run['wall_s']:6.2f}/s  ({run['documents']} stored){ratio}"
            )
        processed, seconds, pickled = analyse(files)
        t_a = statistics.mean(seconds)
        sentences = statistics.mean(len(p.sentences) for p in processed)
        findings = statistics.mean(len(p.analysis.findings) for p in processed)
        per_doc = {
            "rows": 1 + sentences + findings,
            "embedding_bytes": sentences * 384 * 4,
            "pickle_bytes": pickled["bytes"],
        }
        print(
            f"analysis, one core: {t_a:.2f} s/document (median {statistics.median(seconds):.2f}); "
            f"{sentences:.0f} sentences, {findings:.0f} findings a document; result pickle "
            f"{pickled['bytes'] / 1e3:.0f} KB, loaded in {pickled['load_s'] * 1e3:.2f} ms"
        )
        encoder = encoder_name(load_pipeline(None).backbone)
        writers: dict[str, dict[str, float]] = {}
        stores: dict[str, Callable[[], AbstractContextManager[str | None]]] = {
            "sqlite": lambda: _nullcontext(str(Path(tmp) / "writer.db")),
            "postgresql": _postgres,
        }
        for backend in args.backends:
            with stores[backend]() as url:
                if url is None:
                    print(f"{backend}: not available (pgserver not installed)")
                    continue
                cost = writer_cost(url, processed, args.write_copies, encoder)
                writers[backend] = cost
                print(
                    f"{backend} writer: prepare {cost['prepare_s'] * 1e3:.2f} ms + write "
                    f"{cost['write_s'] * 1e3:.2f} ms a document ({cost['documents']} written)"
                )
    results |= {"t_a_s": t_a, "per_doc": per_doc, "pickle": pickled, "writers": writers}
    results["loadavg_after"] = _loadavg()
    print(f"load average after {results['loadavg_after']}")
    cores = args.cores_per_node
    print(f"\nprojection ({cores} cores a node, one actor a core; see the docstring):")
    print(
        f"{'store':<11} {'nodes':>5} {'analysis/s':>11} {'writer max/s':>13} "
        f"{'docs/s':>8} {'docs/day':>12} {'writer busy':>12} {'rows/s':>9} {'driver MB/s':>12}"
    )
    projections = []
    for backend, cost in writers.items():
        t_d = pickled["load_s"] + cost["prepare_s"] + cost["write_s"]
        saturates = t_a / (cores * t_d)
        for nodes in args.nodes:
            row = project(t_a, t_d, cores, nodes, per_doc) | {"store": backend}
            projections.append(row)
            print(
                f"{backend:<11} {nodes:>5} {row['analysis_capacity_docs_s']:>11.1f} "
                f"{row['writer_capacity_docs_s']:>13.1f} {row['throughput_docs_s']:>8.1f} "
                f"{row['docs_per_day']:>12,.0f} {row['writer_busy']:>11.0%} "
                f"{row['rows_s']:>9,.0f} {row['driver_in_mb_s']:>12.1f}"
            )
        print(f"{backend:<11} the single writer saturates from {saturates:.1f} nodes on")
    if len(args.actors) >= 2 and "ray_1" in results and "ray_2" in results:
        scaling = results["ray_1"]["wall_s"] / results["ray_2"]["wall_s"]
        print(f"measured here: 2 actors / 1 actor (whole commands) = {scaling:.2f} x")
    results["projections"] = projections
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


@contextmanager
def _nullcontext(value: str) -> Iterator[str]:
    yield value


if __name__ == "__main__":
    raise SystemExit(main())
