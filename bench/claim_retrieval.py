"""Known-fact-check retrieval on CheckThat! 2020 Task 2 (English tweets vs. Snopes claims).

Ranks the 10,375 verified claims of ``verified_claims.docs.tsv`` for each tweet with the
``unspin.factchecks`` matcher and prints MAP@1, MAP@3, MAP@5, MRR and P@1 (trec_eval
definitions, as the task's official scorer: AP@k divides by the number of relevant
claims; MRR is over the returned ranking of ``--depth`` claims).

    .venv/bin/python bench/claim_retrieval.py                 # dev, the re-ranked matcher
    .venv/bin/python bench/claim_retrieval.py --split train --method all
    .venv/bin/python bench/claim_retrieval.py --fit           # refit the re-ranker on train

Methods: ``bm25`` (lexical only), ``dense`` (MiniLM cosine, claim or headline), ``rrf``
(the two fused by reciprocal rank: the first stage), ``rerank`` (the shipped matcher:
first stage, then :data:`unspin.factchecks.match.RERANKER`). ``--fit`` fits the
re-ranker's logistic weights on the training tweets (model selection by 5-fold
cross-validation over training tweets; dev is never used) and prints them.

Data are read from ``../shared/data/claim-retrieval`` (or ``--data``); embeddings are
cached in ``--cache`` (default ``/tmp/cw-work/cr``), never in the repository. Every
encoder call runs under ``torch.set_num_threads(--threads)``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unspin.factchecks import ClaimReview  # noqa: E402
from unspin.factchecks.match import (  # noqa: E402
    RERANKER,
    Candidate,
    FactCheckIndex,
    FactCheckMatcher,
    Reranker,
)
from unspin.factchecks.text import clean_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "claim-retrieval"
CACHE = Path("/tmp/cw-work/cr")
METHODS = ("bm25", "dense", "rrf", "rerank")


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


def cached_embed(texts: Sequence[str], name: str, cache: Path, threads: int) -> np.ndarray:
    """The backbone's embeddings of ``texts``, cached by content hash."""
    digest = hashlib.sha1("\x1e".join(texts).encode()).hexdigest()[:12]
    path = cache / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    import torch

    from unspin.nlp import SpacyBackbone

    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    out = SpacyBackbone().embed(list(texts))
    print(f"  embedded {len(texts)} {name} texts in {time.perf_counter() - t0:.0f}s", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out


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


# ----------------------------------------------------------------------------------------
# runs


class Setup:
    """Index, queries and their embeddings for one split."""

    def __init__(self, data: Path, split: str, cache: Path, threads: int) -> None:
        self.reviews, tweets, self.qrels = load(data, split)
        self.qids = sorted(self.qrels)
        self.queries = {q: clean_text(tweets[q]) for q in self.qids}
        emb = cached_embed([r.claim for r in self.reviews], "vclaim", cache, threads)
        temb = cached_embed([r.title or "" for r in self.reviews], "vtitle", cache, threads)
        qemb = cached_embed([self.queries[q] for q in self.qids], f"tweets-{split}", cache, threads)
        self.qemb = {q: qemb[i] for i, q in enumerate(self.qids)}
        self.index = FactCheckIndex(self.reviews, embeddings=emb, title_embeddings=temb)

    def candidates(self, q: str, depth: int) -> list[Candidate]:
        return self.index.candidates(self.queries[q], self.qemb[q], depth)


def run(
    setup: Setup, method: str, depth: int, reranker: Reranker = RERANKER
) -> dict[str, list[str]]:
    runs: dict[str, list[str]] = {}
    index = setup.index
    matcher = FactCheckMatcher(index, reranker=reranker, depth=depth)
    for q in setup.qids:
        text, emb = setup.queries[q], setup.qemb[q]
        if method == "bm25":
            from unspin.factchecks.text import terms

            scores = index.bm25.scores(terms(text))
            order = np.argsort(-scores, kind="stable")[:depth]
        elif method == "dense":
            assert index.embeddings is not None and index.title_embeddings is not None
            sims = np.maximum(index.embeddings @ emb, index.title_embeddings @ emb)
            order = np.argsort(-sims, kind="stable")[:depth]
        elif method == "rrf":
            runs[q] = [c.review.id for c in index.candidates(text, emb, depth)]
            continue
        else:
            ranked = matcher.rerank(text, index.candidates(text, emb, depth))
            runs[q] = [m.review.id for m in ranked]
            continue
        runs[q] = [index.reviews[int(i)].id for i in order]
    return runs


# ----------------------------------------------------------------------------------------
# fitting the re-ranker


def pair_table(
    setup: Setup, depth: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[str]]]:
    """Feature rows of every (training tweet, candidate) pair, labels, query numbers."""
    rows, labels, groups, ids = [], [], [], []
    for n, q in enumerate(setup.qids):
        cands = setup.candidates(q, depth)
        ids.append([c.review.id for c in cands])
        for c in cands:
            values, _ = RERANKER.features(setup.queries[q], c, setup.index.idf)
            rows.append([values[f] for f in Reranker.FEATURES])
            labels.append(int(c.review.id in setup.qrels[q]))
            groups.append(n)
    return np.asarray(rows), np.asarray(labels), np.asarray(groups), ids


def fit(setup: Setup, depth: int, folds: int = 5, seed: int = 13) -> Reranker:
    from sklearn.linear_model import LogisticRegression

    t0 = time.perf_counter()
    X, y, g, ids = pair_table(setup, depth)
    print(f"  {len(y)} pairs ({int(y.sum())} relevant) in {time.perf_counter() - t0:.0f}s")
    rng = np.random.default_rng(seed)
    fold_of = rng.permutation(len(setup.qids)) % folds

    def evaluate(make: Callable[[], LogisticRegression]) -> float:
        aps = []
        for f in range(folds):
            tr = fold_of[g] != f
            model = make().fit(X[tr], y[tr])
            for n in np.nonzero(fold_of == f)[0]:
                rows = g == n
                if not rows.any():
                    aps.append(0.0)
                    continue
                p = model.decision_function(X[rows])
                order = np.argsort(-p, kind="stable")
                ranked = [ids[n][i] for i in order]
                aps.append(average_precision(ranked, setup.qrels[setup.qids[n]], 5))
        return float(np.mean(aps))

    best = None
    for c in (0.1, 1.0, 10.0, 100.0):
        for cw in (None, "balanced"):
            score = evaluate(
                lambda c=c, cw=cw: LogisticRegression(C=c, class_weight=cw, max_iter=2000)
            )
            print(f"  C={c:g} class_weight={cw}: 5-fold train MAP@5 {score:.4f}")
            if best is None or score > best[0]:
                best = (score, c, cw)
    assert best is not None
    _, c, cw = best
    model = LogisticRegression(C=c, class_weight=cw, max_iter=2000).fit(X, y)
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    for f, w in zip(Reranker.FEATURES, model.coef_[0], strict=True):
        weights[f] = round(float(w), 4)
    print(f"chosen C={c:g} class_weight={cw}; weights for unspin/factchecks/match.py:")
    print("RERANKER = Reranker(")
    print("    {")
    for k, v in weights.items():
        print(f'        "{k}": {v},')
    print("    }")
    print(")")
    return Reranker(weights)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--method", default="rerank", choices=(*METHODS, "all"))
    ap.add_argument("--depth", type=int, default=50, help="candidates re-ranked (and MRR depth)")
    ap.add_argument("--fit", action="store_true", help="fit the re-ranker on train and print it")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()

    if args.fit:
        print("fitting the re-ranker on the training tweets")
        reranker = fit(Setup(args.data, "train", args.cache, args.threads), args.depth)
        setup = Setup(args.data, "train", args.cache, args.threads)
        m = metrics(run(setup, "rerank", args.depth, reranker), setup.qrels)
        print("train (fitted on it): " + "  ".join(f"{k} {v:.4f}" for k, v in m.items()))
        return

    setup = Setup(args.data, args.split, args.cache, args.threads)
    print(f"{args.split}: {len(setup.qids)} tweets, {len(setup.reviews)} verified claims")
    for method in METHODS if args.method == "all" else (args.method,):
        t0 = time.perf_counter()
        m = metrics(run(setup, method, args.depth), setup.qrels)
        ms = 1000 * (time.perf_counter() - t0) / len(setup.qids)
        print(
            f"{method:7s} "
            + "  ".join(f"{k} {v:.4f}" for k, v in m.items())
            + f"  ({ms:.0f} ms/query)"
        )


if __name__ == "__main__":
    main()
