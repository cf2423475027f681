"""Data and metrics of ``bench/claim_retrieval.py``: the CheckThat! 2020 Task 2 files read
as ClaimReviews, tweets and qrels; cached MiniLM embeddings and word-piece states; MAP@k,
MRR and P@1 as the task's scorer defines them (trec_eval: AP@k divides by the number of
relevant claims)."""

from __future__ import annotations

import csv
import hashlib
import itertools
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unspin.factchecks import ClaimReview  # noqa: E402
from unspin.factchecks.match import PieceEncoder, Pieces, QueryEncoder  # noqa: E402


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)
        return [row for row in reader if row]


def load(data: Path, split: str) -> tuple[list[ClaimReview], dict[str, str], dict[str, set[str]]]:
    """The verified claims (as ClaimReviews whose id is the vclaim id), the tweets and the
    qrels of one split."""
    reviews = [
        ClaimReview(claim=row[1], title=row[2] or None, publisher="Snopes", id=row[0])
        for row in read_tsv(data / "verified_claims.docs.tsv")
    ]
    tweets = {row[0]: row[1] for row in read_tsv(data / split / "tweets.queries.tsv")}
    qrels: dict[str, set[str]] = {}
    with open(data / split / "tweet-vclaim-pairs.qrels", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and parts[3] != "0":
                qrels.setdefault(parts[0], set()).add(parts[2])
    return reviews, tweets, qrels


def cached_embed(
    texts: Sequence[str], name: str, cache: Path, threads: int, adapter: Path | None = None
) -> np.ndarray:
    """The backbone's embeddings of ``texts`` (with ``adapter``: the matcher's query
    encoder's), cached by content hash."""
    key = "\x1e".join(texts)
    if adapter is not None:
        key += hashlib.sha1(adapter.read_bytes()).hexdigest()
    else:  # the backbone's encoder runtime (onnx-int8, torch-fp32) changes the vectors
        from unspin.nlp import SpacyBackbone

        if SpacyBackbone().encoder != "torch-fp32":  # fp32 keeps the older caches' names
            key += SpacyBackbone().encoder
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    path = cache / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    import torch

    from unspin.nlp import SpacyBackbone

    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    encode = SpacyBackbone().embed if adapter is None else QueryEncoder(adapter)
    out = encode(list(texts))
    print(f"  embedded {len(texts)} {name} texts in {time.perf_counter() - t0:.0f}s", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


def cached_pieces(texts: Sequence[str], name: str, cache: Path, threads: int) -> list[Pieces]:
    """MiniLM word-piece states of ``texts`` (the matcher's :class:`PieceEncoder`), cached
    by content hash as float16 (``training/factchecks/maxsim.py`` shares the files)."""
    digest = hashlib.sha1("\x1e".join(texts).encode()).hexdigest()[:12]
    path = cache / f"pieces-{name}-{digest}.npz"
    if not path.exists():
        import torch

        torch.set_num_threads(threads)
        t0 = time.perf_counter()
        encoded = PieceEncoder(cache_size=0)(list(texts))
        print(f"  piece states of {len(texts)} {name} texts in {time.perf_counter() - t0:.0f}s")
        lengths = [len(i) for _, i in encoded]
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(
            path,
            ids=np.concatenate([i for _, i in encoded] or [np.zeros(0)]).astype(np.int32),
            offsets=np.concatenate([[0], np.cumsum(lengths)]),
            layer6=np.concatenate([h for h, _ in encoded] or [np.zeros((0, 384))]).astype(
                np.float16
            ),
        )
    with np.load(path) as z:
        off, ids, h = z["offsets"], z["ids"], z["layer6"]
    spans = itertools.pairwise(off)
    return [(h[a:b].astype(np.float32), ids[a:b].astype(np.int64)) for a, b in spans]


def piece_idf(*collections: Sequence[Pieces], vocabulary: int = 30_522) -> np.ndarray:
    """IDF of every MiniLM vocabulary id over the texts of ``collections`` (each text a
    document, empty ones included): log((n + 1) / (df + 1)) + 1."""
    df = np.zeros(vocabulary, np.float64)
    n = 0
    for texts in collections:
        for _, ids in texts:
            df[np.unique(ids)] += 1
        n += len(texts)
    return np.log((n + 1) / (df + 1)) + 1.0


# ----------------------------------------------------------------------------------------
# metrics


def average_precision(ranked: Sequence[str], gold: set[str], k: int) -> float:
    hits, total = 0, 0.0
    for r, doc in enumerate(ranked[:k], 1):
        if doc in gold:
            hits += 1
            total += hits / r
    return total / len(gold) if gold else 0.0


def reciprocal_rank(ranked: Sequence[str], gold: set[str]) -> float:
    return next((1.0 / r for r, doc in enumerate(ranked, 1) if doc in gold), 0.0)


def metrics(runs: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict[str, float]:
    qs = sorted(qrels)
    out = {f"MAP@{k}": float(np.mean([average_precision(runs[q], qrels[q], k) for q in qs]))
           for k in (1, 3, 5)}  # fmt: skip
    out["MRR"] = float(np.mean([reciprocal_rank(runs[q], qrels[q]) for q in qs]))
    out["P@1"] = float(np.mean([runs[q][:1] != [] and runs[q][0] in qrels[q] for q in qs]))
    return out
