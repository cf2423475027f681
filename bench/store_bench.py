"""Corpus store benchmark: ingest rate and search latency, SQLite and PostgreSQL.

    python bench/store_bench.py [--sentences 10000 100000] [--backends sqlite postgresql]
                                [--encoder fake|minilm] [--queries 200] [--json out.json]

For each backend and size, on seeded synthetic articles (bench/synthetic.py, invented
names; each with an outlet and a 2024 date):

* ``ingest, with analysis``: ``unspin.store.ingest`` end to end (backbone, analyzers,
  sentence embeddings, batched writes) over the first 200 articles, in documents/s;
* ``ingest, without analysis``: writing already analysed documents (``Store.add`` in
  batches of 64, one transaction each; the analyses are made once, before, and shared
  by the backends) until the store holds the wanted number of sentences, in
  documents/s and sentences/s;
* search latency p50/p95 (ms, wall clock, one query at a time, after a warm-up) of
  ``Store.search`` with the query embedded by the store's encoder, in the modes hybrid,
  keyword and semantic, and hybrid with an outlet filter and with a finding filter;
* semantic recall@10 against an exact cosine ranking of every stored sentence (a
  result counts when it is at least as similar as the exact 10th, as ties are common);
* ``link`` (unless ``--no-link``): ``unspin.corpus.store_adapter.link_store`` over the
  whole store (contradictions, quote drift, propagation from the tables of schema
  version 5), in a separate process: documents/s, links found, and that process's
  resident memory before linking (interpreter, unspin, libraries, the open store) and
  at its peak while linking (Linux: the peak is reset just before).

``--encoder fake`` (default) embeds with the fake backbone's hashed vectors: the store
does the same work for any 384-dimensional vectors, and no model is needed.
``--encoder minilm`` uses spaCy + all-MiniLM-L6-v2 for analysis, embeddings and
queries (much slower to build; the query embedding then counts in the latency).
PostgreSQL runs in a pgserver started in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import FIRST, LAST, PLACES, THINGS, article

from unspin.config import load_config
from unspin.model import Document
from unspin.pipeline import Pipeline, Processed
from unspin.store import Filters, Store, ingest, open_store

OUTLETS = [f"outlet-{c}.example" for c in "abcdefgh"]
INGEST_DOCS = 200


def documents(seed: int = 11) -> Iterator[Document]:
    """An endless, seeded stream of synthetic articles of ~600 words."""
    rng = random.Random(seed)
    i = 0
    while True:
        yield Document(
            article(rng, 600),
            title=f"Synthetic article {i}",
            outlet=OUTLETS[i % len(OUTLETS)],
            published=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            source=f"synthetic-{i}.txt",
        )
        i += 1


def queries(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    shapes = [
        "{thing} cost million",
        "{first} {last} said",
        "anonymous source {thing} delayed",
        "{thing} in {place}",
        "complaints rose last year",
        "experts believe costs will increase",
        "who is to blame for {thing}",
        "talks broke down agreement",
        "{place} traffic increased",
        "council must resign",
    ]
    return [
        rng.choice(shapes).format(
            thing=rng.choice(THINGS).replace("the ", ""),
            first=rng.choice(FIRST),
            last=rng.choice(LAST),
            place=rng.choice(PLACES),
        )
        for _ in range(n)
    ]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def analysed(pipeline: Pipeline, sentences: int) -> tuple[list[Document], list[Processed], float]:
    """The first INGEST_DOCS articles (to ingest with analysis), then analysed articles
    holding together at least ``sentences`` sentences; and the analysis rate (docs/s)."""
    stream = documents()
    first = [next(stream) for _ in range(INGEST_DOCS)]
    held = sum(len(pipeline.backbone.parse(d.text).sentences) for d in first)
    rest: list[Processed] = []
    t0 = time.perf_counter()
    while held < sentences:
        for processed in pipeline.process((next(stream) for _ in range(64)), embed_sentences=True):
            rest.append(processed)
            held += len(processed.sentences)
    rate = len(rest) / (time.perf_counter() - t0) if rest else 0.0
    return first, rest, rate


def fill(
    store: Store, pipeline: Pipeline, first: list[Document], rest: list[Processed]
) -> dict[str, Any]:
    """Ingest ``first`` with analysis, then write the analysed ``rest`` in batches of 64."""
    t0 = time.perf_counter()
    report = ingest(store, first, pipeline=pipeline, batch_size=64)
    with_analysis = report.added / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for i in range(0, len(rest), 64):
        store.add(rest[i : i + 64])
    write_s = time.perf_counter() - t0
    sentences = sum(len(p.sentences) for p in rest)
    return {
        "ingest_with_analysis_docs_per_s": round(with_analysis, 1),
        "ingest_without_analysis_docs_per_s": round(len(rest) / write_s, 1) if rest else None,
        "write_sentences_per_s": round(sentences / write_s) if rest else None,
    }


def exact_top(store: Store, vector: np.ndarray, k: int) -> list[float]:
    """Exact cosine similarities of the top k stored sentences, read in chunks."""
    best: list[tuple[float, int]] = []
    rows = store.sql.stream("SELECT id, embedding FROM sentences WHERE embedding IS NOT NULL")
    ids: list[int] = []
    vecs: list[np.ndarray] = []

    def flush() -> None:
        if not ids:
            return
        sims = np.stack(vecs) @ vector
        best.extend(zip(sims.tolist(), ids, strict=True))
        best.sort(key=lambda t: (-t[0], t[1]))
        del best[k:]
        ids.clear()
        vecs.clear()

    for sid, emb in rows:
        ids.append(int(sid))
        if isinstance(emb, bytes | memoryview):
            vecs.append(np.frombuffer(bytes(emb), dtype=np.float32))
        else:  # pgvector text
            vecs.append(np.asarray(json.loads(emb), dtype=np.float32))
        if len(ids) >= 4096:
            flush()
    flush()
    return [sim for sim, _ in best]


def measure(store: Store, pipeline: Pipeline, n_queries: int) -> dict[str, Any]:
    qs = queries(n_queries)
    for q in qs[:10]:  # warm-up: caches, the encoder
        store.search(q, backbone=pipeline.backbone)
    out: dict[str, Any] = {}
    cases: list[tuple[str, str, Filters | None]] = [
        ("hybrid", "hybrid", None),
        ("keyword", "keyword", None),
        ("semantic", "semantic", None),
        ("hybrid + outlet", "hybrid", Filters(outlet=OUTLETS[3])),
        ("hybrid + kind=quote", "hybrid", Filters(kind="quote")),
    ]
    for name, mode, filters in cases:
        times = []
        for q in qs:
            t0 = time.perf_counter()
            store.search(q, filters, limit=10, mode=mode, backbone=pipeline.backbone)  # type: ignore[arg-type]
            times.append((time.perf_counter() - t0) * 1000)
        out[name] = {
            "p50_ms": round(percentile(times, 50), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "mean_ms": round(statistics.fmean(times), 1),
        }
    recall = []
    for q in qs[:20]:
        vector = pipeline.backbone.embed([q])[0]
        want = exact_top(store, vector, 10)
        if not want or want[-1] <= 0:
            continue
        got = store.search(q, limit=10, mode="semantic", backbone=pipeline.backbone)
        # ties are common: a result counts when it is as similar as the exact 10th
        good = sum(1 for h in got if (h.similarity or 0.0) >= want[-1] - 1e-5)
        recall.append(good / len(want))
    out["semantic_recall_at_10"] = round(statistics.fmean(recall), 3) if recall else None
    return out


_LINK = """
import json, resource, sys, threading, time
from unspin.store import open_store
from unspin.corpus.store_adapter import link_store


def status(field):
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


peak = [0.0]


def sample():
    while True:
        peak[0] = max(peak[0], status("RssAnon"))
        time.sleep(0.05)


with open_store(sys.argv[1]) as store:
    try:  # reset the peak (VmHWM) so that it measures the linking alone
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass
    before, anon = status("VmRSS"), status("RssAnon")
    threading.Thread(target=sample, daemon=True).start()
    t = time.perf_counter()
    run = link_store(store)
    seconds = time.perf_counter() - t
    print(json.dumps({"documents": run.documents, "links": run.links, "seconds": seconds,
                      "rss_before_mb": before, "peak_rss_mb": status("VmHWM"),
                      "anon_before_mb": anon, "anon_peak_mb": peak[0]}))
"""


def link(url: str) -> dict[str, Any]:
    """Link every stored document in a fresh process: documents/s, links, and the
    process's resident memory before linking (interpreter, unspin, libraries, open
    store) and at its peak while linking (Linux: VmHWM reset just before)."""
    done = subprocess.run(
        [sys.executable, "-c", _LINK, url], capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout.splitlines()[-1])
    return {
        "link_docs_per_s": round(out["documents"] / out["seconds"], 1),
        "link_seconds": round(out["seconds"], 1),
        "links": out["links"],
        "link_rss_before_mb": round(out["rss_before_mb"]),
        "link_peak_rss_mb": round(out["peak_rss_mb"]),
        "link_anon_before_mb": round(out["anon_before_mb"]),
        "link_anon_peak_mb": round(out["anon_peak_mb"]),
    }


def run(
    backend: str,
    sentences: int,
    pipeline: Pipeline,
    data: tuple[list[Document], list[Processed], float],
    n_queries: int,
    pg: Any,
    do_link: bool = True,
) -> dict[str, Any]:
    first, rest, analysis_rate = data
    with tempfile.TemporaryDirectory(prefix="unspin-bench-") as tmp:
        name = f"bench_{sentences}_{int(time.time())}"
        if backend == "sqlite":
            url = str(Path(tmp) / "bench.db")
        else:
            pg.psql(f"CREATE DATABASE {name};")
            url = pg.get_uri(name)
        with open_store(url) as store:
            result: dict[str, Any] = {"backend": backend, "target_sentences": sentences}
            result.update(fill(store, pipeline, first, rest))
            result["analysis_docs_per_s"] = round(analysis_rate, 1)
            stats = store.stats()
            result["documents"] = stats.documents
            result["sentences"] = stats.sentences
            if backend == "sqlite":
                result["file_mb"] = round(Path(url).stat().st_size / 1e6, 1)
            result.update(measure(store, pipeline, n_queries))
        if do_link:
            result.update(link(url))
            if backend == "sqlite":
                result["file_mb_linked"] = round(Path(url).stat().st_size / 1e6, 1)
        if backend != "sqlite":
            pg.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE);")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    ap.add_argument("--encoder", choices=("fake", "minilm"), default="fake")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--no-link", action="store_true", help="skip the corpus linking")
    args = ap.parse_args()
    pg = None
    pg_dir = None
    if "postgresql" in args.backends:
        import pgserver

        pg_dir = tempfile.mkdtemp(prefix="unspin-pg-")
        pg = pgserver.get_server(pg_dir, cleanup_mode="delete")
    results = []
    pipeline = Pipeline(load_config(backbone="fake" if args.encoder == "fake" else "spacy"))
    try:
        for n in args.sentences:
            data = analysed(pipeline, n)
            for backend in args.backends:
                r = run(backend, n, pipeline, data, args.queries, pg, not args.no_link)
                results.append(r)
                print(json.dumps(r), flush=True)
    finally:
        if pg is not None:
            pg.cleanup()
    print()
    print(f"encoder: {args.encoder}; {args.queries} queries per case; latencies in ms")
    header = (
        f"{'backend':<11}{'sentences':>10}{'ingest d/s':>11}{'write d/s':>10}"
        f"{'hybrid p50/p95':>16}{'keyword p95':>12}{'semantic p95':>13}"
        f"{'+outlet p95':>12}{'+kind p95':>10}{'recall@10':>10}"
    )
    print(header)
    for r in results:
        print(
            f"{r['backend']:<11}{r['sentences']:>10,}{r['ingest_with_analysis_docs_per_s']:>11}"
            f"{r['ingest_without_analysis_docs_per_s']!s:>10}"
            f"{r['hybrid']['p50_ms']:>9}/{r['hybrid']['p95_ms']:<6}"
            f"{r['keyword']['p95_ms']:>12}{r['semantic']['p95_ms']:>13}"
            f"{r['hybrid + outlet']['p95_ms']:>12}{r['hybrid + kind=quote']['p95_ms']:>10}"
            f"{r['semantic_recall_at_10']!s:>10}"
        )
    if not args.no_link:
        print()
        print(f"{'backend':<11}{'sentences':>10}{'link d/s':>10}{'links':>8}{'peak MB':>9}"
              f"{'before MB':>10}")  # fmt: skip
        for r in results:
            print(
                f"{r['backend']:<11}{r['sentences']:>10,}{r['link_docs_per_s']:>10}"
                f"{sum(r['links'].values()):>8}{r['link_peak_rss_mb']:>9}{r['link_rss_before_mb']:>10}"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
