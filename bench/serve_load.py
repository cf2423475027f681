"""Load benchmark of ``unspin serve`` (#15 point 7): 20 concurrent clients on loopback for
a bounded time over a store of 1,000 documents, 80 % searches (half keyword, half
semantic) and 20 % analyses.

    python bench/serve_load.py [--store /tmp/unspin-serve-load/store.db] [--documents 1000]
        [--real 60] [--clients 20] [--seconds 60] [--backbone spacy|fake]
        [--queue-size 8] [--json out.json]

**The store** (built once, then reused from ``--store``; a store holding fewer documents
than asked is rebuilt). Analysing 1,000 long articles with the real pipeline takes long on
a small machine, so the store is a mix: the first ``--real`` PTC training articles
(``../shared/data/ptc/train-articles``, read at run time, never copied) are analysed by
the real pipeline (spaCy + MiniLM: findings, sentences, sentence embeddings); the rest
are *variants* of those analysed articles, each stored as its own document (another id,
title, outlet of 12 and date in 2024-2026) with the same text plus one appended line and
the same findings, and its sentence embeddings moved by a little noise (so vectors are
near-duplicates, as syndicated copies are, not ties). Every stored document has real
findings, sentences and embeddings; the keyword and vector indexes hold the sentences of
all 1,000 documents.

**The run.** ``unspin serve --db STORE`` starts in a subprocess on a free loopback port
(the real models unless ``--backbone fake``); once it answers, ``--clients`` httpx async
clients (each with its session cookie and CSRF header) loop for ``--seconds``: each
request is a keyword search (40 %), a semantic search (40 %) or an analysis of the first
1,500 characters of a PTC article not in the store (20 %; ``--analyze-share``). Before
that, 20 searches of each mode one at a time give the idle latency (the floor). A 503
(analysis queue full) is counted apart and its client waits ``min(Retry-After, 2 s)``;
an error is any other 5xx, a timeout (30 s), a transport error or a wrong answer (a
search result without the fields and offsets it must have, a keyword hit holding none of
the query's words, an analysis of another text than the one sent, line ends and Unicode
normalised as the ingestion does).

**The report**: requests/s, per kind the count and p50/p95 latency (ms, of the answered
requests), 503s, errors, the machine's load average before and after, and the targets:
0 errors, keyword p95 < 200 ms, semantic p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from unspin.config import load_config
from unspin.ingest.decode import normalise_text
from unspin.model import Analysis, Document
from unspin.pipeline import Pipeline, Processed, encoder_name
from unspin.store import open_store

PTC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc" / "train-articles"
OUTLETS = [f"outlet-{c}.example" for c in "abcdefghijkl"]
KEYWORD_QUERIES = [
    "president trump",
    "immigration border",
    "police shooting",
    "election fraud",
    "vaccine",
    "media coverage",
    "investigation fbi",
    "congress vote",
    "church pope",
    "terror attack",
    "gun control",
    "north korea",
    "tax cuts",
    "climate change",
    "supreme court",
    "muslim",
]
SEMANTIC_QUERIES = [
    "the government hid the truth from the public",
    "officials refused to answer questions from reporters",
    "a court ruled against the administration",
    "the attack killed several people",
    "lawmakers passed a new bill",
    "critics called the decision dangerous",
    "the economy is growing faster than expected",
    "protesters gathered outside the building",
    "the report was based on anonymous sources",
    "the church faces abuse allegations",
    "migrants crossed the border illegally",
    "the senator denied the accusations",
]
TARGETS = {"keyword": 200.0, "semantic": 300.0}


# -- the store ------------------------------------------------------------------------------


def ptc_paths() -> list[Path]:
    if not PTC.is_dir():
        sys.exit(f"PTC articles not found at {PTC} (../shared/data/ptc/train-articles)")
    return sorted(PTC.glob("article*.txt"))


def ptc_document(path: Path, limit: int | None = None) -> Document:
    text = path.read_text(encoding="utf-8").strip()
    if limit is not None and len(text) > limit:
        cut = text.rfind(". ", 0, limit)
        text = text[: cut + 1 if cut > 0 else limit]
    title = text.split("\n", 1)[0][:200]
    return Document(text, title=title, source=path.name)


def variant(processed: Processed, i: int, rng: np.random.Generator) -> Processed:
    """A stored copy of an analysed article under another id, title, outlet and date:
    the same text plus one appended line (so the findings' offsets hold), embeddings
    moved by a little noise."""
    doc = processed.analysis.document
    text = f"{doc.text}\n\nSyndicated copy {i}."
    copy = Document(
        text,
        title=f"{doc.title or 'Untitled'} (copy {i})",
        outlet=OUTLETS[i % len(OUTLETS)],
        published=f"{2024 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        source=f"variant-{i}.txt",
    )
    analysis = Analysis(
        copy,
        processed.analysis.findings,
        analyzers=processed.analysis.analyzers,
        summaries=processed.analysis.summaries,
        failures=processed.analysis.failures,
    )
    vectors = None
    if processed.embeddings is not None:
        noisy = processed.embeddings + rng.normal(0, 0.03, processed.embeddings.shape)
        vectors = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    return replace(processed, analysis=analysis, embeddings=vectors)


def build_store(path: Path, documents: int, real: int, backbone: str) -> dict[str, Any]:
    """Build (or reuse) the store; return how it was made."""
    if path.exists():
        with open_store(path) as store:
            held = store.stats().documents
        if held >= documents:
            print(f"reusing {path} ({held} documents)", file=sys.stderr)
            return {"reused": True, "documents": held}
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(load_config(backbone=backbone))
    sources = ptc_paths()[:real]
    started = time.perf_counter()
    analysed: list[Processed] = []
    with open_store(path) as store:
        store.bind_encoder(encoder_name(pipeline.backbone))
        docs = (ptc_document(p) for p in sources)
        for i, processed in enumerate(pipeline.process(docs, embed_sentences=True), 1):
            analysed.append(processed)
            if i % 10 == 0:
                print(f"  analysed {i}/{len(sources)}", file=sys.stderr)
        store.add(analysed)
        analysis_s = time.perf_counter() - started
        rng = np.random.default_rng(7)
        batch: list[Processed] = []
        for i in range(documents - len(analysed)):
            batch.append(variant(analysed[i % len(analysed)], i, rng))
            if len(batch) == 64:
                store.add(batch)
                batch = []
        store.add(batch)
        stats = store.stats()
    return {
        "reused": False,
        "documents": stats.documents,
        "sentences": stats.sentences,
        "findings": stats.findings,
        "real_articles": len(analysed),
        "analysis_seconds": round(analysis_s, 1),
        "build_seconds": round(time.perf_counter() - started, 1),
    }


# -- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(store: Path, port: int, backbone: str, queue_size: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "unspin", "serve", "--db", str(store), "--port", str(port),
        "--backbone", backbone, "--queue-size", str(queue_size),
    ]  # fmt: skip
    log = open(Path(tempfile.gettempdir()) / "unspin-serve-load.log", "wb")  # noqa: SIM115
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"unspin serve exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/api/v1/session", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    sys.exit("unspin serve did not answer in time")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


# -- the clients -----------------------------------------------------------------------------


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter[str] = field(default_factory=Counter)
    unavailable: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def error(self, kind: str, what: str) -> None:
        self.errors[f"{kind}: {what.split(':')[0]}"] += 1
        if len(self.examples) < 10:
            self.examples.append(f"{kind}: {what[:300]}")


def _words(query: str) -> list[str]:
    """The query's words cut to 3 letters (a crude stem: 'cuts' matches 'cut')."""
    return [w[:3] for w in re.findall(r"[a-z]+", query.lower())]


def wrong_answer(kind: str, request: dict[str, Any], body: Any) -> str | None:
    """Why a 200 answer is wrong (None when it is right)."""
    if kind == "analyze":
        if body.get("document", {}).get("text") != normalise_text(request["text"]):
            return "analysis of another text"
        return None if isinstance(body.get("findings"), list) else "no findings list"
    items = body.get("items")
    if not isinstance(items, list) or (kind == "semantic" and not items):
        return "no results"  # a vector search always finds neighbours
    for hit in items:
        if not {"document_id", "title", "start", "end", "text"} <= set(hit):
            return "result without its fields"
        if hit["end"] - hit["start"] != len(hit["text"]):
            return "offsets do not match the text"
        if kind == "keyword" and not any(w in hit["text"].lower() for w in _words(request["q"])):
            return f"keyword hit without the query's words: {hit['text'][:80]!r}"
    return None


async def client_loop(
    base: str,
    deadline: float,
    rng: random.Random,
    texts: list[str],
    results: Results,
    analyze_share: float = 0.2,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        token = (await client.get("/api/v1/session")).json()["csrf_token"]
        client.headers["X-CSRF-Token"] = token
        while time.monotonic() < deadline:
            roll = rng.random()
            search = (1 - analyze_share) / 2
            kind = "keyword" if roll < search else "semantic" if roll < 2 * search else "analyze"
            started = time.perf_counter()
            request: dict[str, Any]
            try:
                if kind == "analyze":
                    request = {"text": rng.choice(texts)}
                    response = await client.post("/api/v1/analyze", json=request)
                else:
                    queries = KEYWORD_QUERIES if kind == "keyword" else SEMANTIC_QUERIES
                    request = {"q": rng.choice(queries), "mode": kind, "limit": 10}
                    response = await client.get("/api/v1/search", params=request)
            except httpx.TimeoutException:
                results.error(kind, "timeout")
                continue
            except httpx.HTTPError as exc:
                results.error(kind, f"transport: {exc!r}")
                continue
            elapsed = (time.perf_counter() - started) * 1000
            results.counts[kind] += 1
            if response.status_code == 503:
                results.unavailable[kind] += 1
                wait = min(2.0, float(response.headers.get("retry-after", "1")))
                await asyncio.sleep(wait)
                continue
            if response.status_code != 200:
                results.error(kind, f"HTTP {response.status_code}: {response.text[:200]}")
                continue
            why = wrong_answer(kind, request, response.json())
            if why:
                results.error(kind, f"wrong answer: {why}")
                continue
            results.latencies[kind].append(elapsed)


async def drive(
    base: str, clients: int, seconds: float, texts: list[str], analyze_share: float
) -> tuple[Results, float]:
    results = Results()
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(
            client_loop(base, deadline, random.Random(i), texts, results, analyze_share)
            for i in range(clients)
        )
    )
    return results, time.monotonic() - started


async def idle_latency(base: str, rounds: int = 20) -> dict[str, float | None]:
    """p50 of one request at a time (no other load): the floor under the load figures."""
    out: dict[str, float | None] = {}
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        for kind, queries in (("keyword", KEYWORD_QUERIES), ("semantic", SEMANTIC_QUERIES)):
            times = []
            for i in range(rounds):
                params: dict[str, str | int] = {"q": queries[i % len(queries)], "mode": kind}
                started = time.perf_counter()
                (await client.get("/api/v1/search", params=params)).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
            out[f"{kind}_p50_ms"] = percentile(times[2:], 50)
    return out


def percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def report(results: Results, wall: float) -> dict[str, Any]:
    kinds = {}
    for kind in ("keyword", "semantic", "analyze"):
        values = results.latencies.get(kind, [])
        kinds[kind] = {
            "requests": results.counts[kind],
            "answered": len(values),
            "p50_ms": percentile(values, 50),
            "p95_ms": percentile(values, 95),
            "503": results.unavailable[kind],
        }
    total = sum(results.counts.values()) + sum(results.errors.values())
    errors = sum(results.errors.values())
    targets = {"errors == 0": errors == 0}
    for kind, limit in TARGETS.items():
        p95 = kinds[kind]["p95_ms"]
        targets[f"{kind} p95 < {limit:.0f} ms"] = p95 is not None and p95 < limit
    return {
        "seconds": round(wall, 1),
        "requests": total,
        "requests_per_s": round(total / wall, 1),
        "kinds": kinds,
        "503": sum(results.unavailable.values()),
        "errors": errors,
        "error_kinds": dict(results.errors),
        "error_examples": results.examples,
        "targets": targets,
    }


def analysis_texts(skip: int, n: int = 40) -> Iterator[str]:
    for path in ptc_paths()[skip : skip + n]:
        yield ptc_document(path, limit=1500).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=Path("/tmp/unspin-serve-load/store.db"))
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--real", type=int, default=60, help="PTC articles analysed for real")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--backbone", choices=["spacy", "fake"], default="spacy")
    parser.add_argument("--queue-size", type=int, default=8)
    parser.add_argument("--analyze-share", type=float, default=0.2, help="share of analyses")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    load_before = os.getloadavg()
    built = build_store(args.store, args.documents, args.real, args.backbone)
    print(f"store: {json.dumps(built)}", file=sys.stderr)
    texts = list(analysis_texts(args.real))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.store, port, args.backbone, args.queue_size)
    try:
        started = time.monotonic()
        wait_ready(base, server)
        ready_s = time.monotonic() - started
        idle = asyncio.run(idle_latency(base))
        run = drive(base, args.clients, args.seconds, texts, args.analyze_share)
        results, wall = asyncio.run(run)
    finally:
        stop_server(server)
    out = {
        "store": built,
        "server_ready_s": round(ready_s, 1),
        "idle_latency": idle,
        "analyze_share": args.analyze_share,
        "clients": args.clients,
        "backbone": args.backbone,
        "queue_size": args.queue_size,
        "cpus": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        **report(results, wall),
    }
    text = json.dumps(out, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
