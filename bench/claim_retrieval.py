"""Known-fact-check retrieval on CheckThat! 2020 Task 2 (English tweets vs. Snopes claims).

Ranks the 10,375 verified claims of ``verified_claims.docs.tsv`` for each tweet with the
``unspin.factchecks`` matcher and prints MAP@1, MAP@3, MAP@5, MRR and P@1 (trec_eval
definitions, as the task's official scorer: AP@k divides by the number of relevant
claims; MRR is over the returned ranking of ``--depth`` claims).

    .venv/bin/python bench/claim_retrieval.py                 # dev, the re-ranked matcher
    .venv/bin/python bench/claim_retrieval.py --split train --method all
    .venv/bin/python bench/claim_retrieval.py --fit --write   # refit both models on train
    .venv/bin/python bench/claim_retrieval.py --live --no-verify --cache "$(mktemp -d)" \
        --json dev.json                                         # the CI gate's run, cold

Methods: ``bm25`` (lexical only), ``dense`` (MiniLM cosine, claim or headline), ``rrf``
(the two fused by reciprocal rank: the first stage), ``rerank`` (the shipped matcher:
first stage, then the ranker of ``unspin/factchecks/artifacts/matcher.json``; also prints
how the verifier's score separates right from wrong top matches). ``--fit`` fits the
ranker and the verifier on the training tweets (model selection by 5-fold
cross-validation over training tweets; dev is never used); ``--fit --write`` writes
``matcher.json``.

Data are read from ``../shared/data/claim-retrieval`` (or ``--data``); embeddings are
cached in ``--cache`` (default ``/tmp/cw-work/cr``), never in the repository. Every
encoder call runs under ``torch.set_num_threads(--threads)``.

The quality gate (``tests/factchecks/test_retrieval_quality.py``) runs the dev split cold
with ``--live --no-verify`` (MiniLM embeds the 10,375 claims and headlines once; word
pieces only of each tweet's top 10; no verifier table, which would need the word pieces of
the whole collection) and reads the metrics from ``--json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unspin.factchecks.analyzer import DEFAULT_MIN_SCORE  # noqa: E402
from unspin.factchecks.match import (  # noqa: E402
    FEATURES,
    LATE_FEATURES,
    MODEL_PATH,
    Candidate,
    FactCheckIndex,
    FactCheckMatcher,
    LateStage,
    LinearScorer,
    MatchModel,
    PieceEncoder,
    Pieces,
    pair_features,
    review_late_features,
)
from unspin.factchecks.terms import clean_text, terms  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from retrieval_data import (  # noqa: E402
    average_precision,
    cached_embed,
    cached_pieces,
    load,
    metrics,
    piece_idf,
)

DATA = ROOT.parent / "shared" / "data" / "claim-retrieval"
CACHE = Path("/tmp/cw-work/cr")
METHODS = ("bm25", "dense", "rrf", "rerank")
VERSION = "1.0.0"
#: Features the verifier may use: they do not depend on the other candidates.
ABSOLUTE = FEATURES[:7]
#: Wrong candidates per training tweet the verifier learns from (the ranker's top ones).
NEGATIVES = 3
#: Candidates the late-interaction ranker orders again (the first ranker's top ones).
LATE_DEPTH = 10
#: Word-piece IDF weights of the late-interaction features, written next to matcher.json.
IDF_PATH = MODEL_PATH.parent / "piece_idf.npz"


# ----------------------------------------------------------------------------------------
# runs


class Setup:
    """Index, queries and their embeddings for one split: the claims and headlines by the
    backbone's MiniLM, the tweets by it or (``adapter``) the matcher's query encoder, or
    (``queries``) read from a ``.npy`` (one row per tweet, in tweet-id order)."""

    def __init__(
        self,
        data: Path,
        split: str,
        cache: Path,
        threads: int,
        adapter: Path | None = None,
        queries: Path | None = None,
    ) -> None:
        self.reviews, tweets, self.qrels = load(data, split)
        self.qids = sorted(self.qrels)
        self.queries = {q: clean_text(tweets[q]) for q in self.qids}
        emb = cached_embed([r.claim for r in self.reviews], "vclaim", cache, threads)
        temb = cached_embed([r.title or "" for r in self.reviews], "vtitle", cache, threads)
        texts = [self.queries[q] for q in self.qids]
        if queries is not None:
            qemb = np.load(queries)
            assert qemb.shape[0] == len(texts), f"{queries}: {qemb.shape[0]} rows"
        elif adapter is not None:
            qemb = cached_embed(texts, f"tweets-{split}-adapted", cache, threads, adapter)
        else:
            qemb = cached_embed(texts, f"tweets-{split}", cache, threads)
        self.qemb = {q: qemb[i] for i, q in enumerate(self.qids)}
        self.index = FactCheckIndex(self.reviews, embeddings=emb, title_embeddings=temb)
        self._piece_args = (cache, threads, split)
        self._pieces: dict[str, Pieces] | None = None
        self.idf: np.ndarray | None = None

    def pieces(self, texts: Sequence[str]) -> list[Pieces]:
        """The cached word-piece states of claims, headlines and queries (a
        :class:`PieceEncoder` stand-in for the matcher); also sets :attr:`idf`, the
        collection's piece IDF."""
        if self._pieces is None:
            cache, threads, split = self._piece_args
            claims = cached_pieces([r.claim for r in self.reviews], "vclaim", cache, threads)
            titles = cached_pieces([r.title or "" for r in self.reviews], "vtitle", cache, threads)
            texts_q = [self.queries[q] for q in self.qids]
            queries = cached_pieces(texts_q, f"tweets-{split}", cache, threads)
            self.idf = piece_idf(claims, titles)
            self._pieces = {}
            for r, c, t in zip(self.reviews, claims, titles, strict=True):
                self._pieces[r.claim] = c
                if r.title:
                    self._pieces[r.title] = t
            self._pieces.update(zip(texts_q, queries, strict=True))
        return [self._pieces[t] for t in texts]

    def candidates(self, q: str, depth: int) -> list[Candidate]:
        return self.index.candidates(self.queries[q], self.qemb[q], depth)


def run(
    setup: Setup, method: str, depth: int, model: MatchModel | None = None, live: bool = False
) -> Runs:
    """Ranked verified-claim ids per tweet, and for ``rerank`` the verifier's scores
    (``live``: word pieces encoded by MiniLM as the matcher goes, not read from the
    cache, so that the time per query is the real one)."""
    runs: dict[str, list[str]] = {}
    scores: dict[str, list[float]] = {}
    index = setup.index
    pieces = PieceEncoder() if live else setup.pieces
    matcher = FactCheckMatcher(index, model=model, depth=depth, pieces=pieces)
    for q in setup.qids:
        text, emb = setup.queries[q], setup.qemb[q]
        if method == "bm25":
            lex = index.bm25.scores(terms(text))
            order = np.argsort(-lex, kind="stable")[:depth]
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
            scores[q] = [m.score for m in ranked]
            continue
        runs[q] = [index.reviews[int(i)].id for i in order]
    return Runs(runs, scores)


@dataclass
class Runs:
    ranked: dict[str, list[str]]
    scores: dict[str, list[float]]


def verification(
    setup: Setup, depth: int, model: MatchModel | None = None, threshold: float = 0.5
) -> dict[str, float]:
    """How the verifier's score of the top-ranked claim separates right from wrong.

    ``shown``: share of tweets whose top match scores >= ``threshold``;
    ``shown_correct``: share of those top matches that are a gold claim;
    ``no_gold_shown``: the same tweets with their gold claims removed from the collection
    (as for a claim no one fact-checked, the nearest near-misses left): the share still
    shown a match (false matches, though some near-misses review the same story).
    """
    matcher = FactCheckMatcher(setup.index, model=model, depth=depth, pieces=setup.pieces)
    shown = correct = false_shown = 0
    for q in setup.qids:
        text, emb = setup.queries[q], setup.qemb[q]
        cands = setup.index.candidates(text, emb, depth + 5)
        ranked = matcher.rerank(text, cands[:depth])
        if ranked and ranked[0].score >= threshold:
            shown += 1
            correct += ranked[0].review.id in setup.qrels[q]
        rest = [c for c in cands if c.review.id not in setup.qrels[q]][:depth]
        ranked = matcher.rerank(text, rest)
        false_shown += bool(ranked and ranked[0].score >= threshold)
    n = len(setup.qids)
    return {
        "shown": shown / n,
        "shown_correct": correct / max(1, shown),
        "no_gold_shown": false_shown / n,
    }


# ----------------------------------------------------------------------------------------
# fitting the ranker and the verifier


def pair_table(
    setup: Setup, depth: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[str]]]:
    """Feature rows of every (training tweet, candidate) pair, labels, query numbers."""
    rows, labels, groups, ids = [], [], [], []
    stats = setup.index.stats
    for n, q in enumerate(setup.qids):
        cands = setup.candidates(q, depth)
        ids.append([c.review.id for c in cands])
        for c, (values, _) in zip(
            cands, pair_features(setup.queries[q], cands, stats), strict=True
        ):
            rows.append([values[f] for f in FEATURES])
            labels.append(int(c.review.id in setup.qrels[q]))
            groups.append(n)
    return np.asarray(rows), np.asarray(labels), np.asarray(groups), ids


def _linear(model: Any, names: Sequence[str], name: str) -> LinearScorer:
    """A fitted StandardScaler + LogisticRegression as raw-feature weights."""
    scaler, lr = model[0], model[1]
    w = lr.coef_[0] / scaler.scale_
    bias = float(lr.intercept_[0] - np.sum(lr.coef_[0] * scaler.mean_ / scaler.scale_))
    weights = {"bias": round(bias, 5)}
    for f, v in zip(names, w, strict=True):
        weights[f] = round(float(v), 5)
    return LinearScorer(name, weights)


def _late_table(
    setup: Setup,
    idf: np.ndarray,
    X: np.ndarray,
    g: np.ndarray,
    ids: list[list[str]],
    p: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Rows (into ``X``) of each tweet's top ``k`` candidates by ``p``, best first, and
    their :data:`LATE_FEATURES`."""
    reviews = {r.id: r for r in setup.reviews}
    rows_out: list[int] = []
    late: list[list[float]] = []
    for n, q in enumerate(setup.qids):
        rows = np.nonzero(g == n)[0]
        top = rows[np.argsort(-p[rows], kind="stable")[:k]]
        chosen = [reviews[ids[n][int(i - rows[0])]] for i in top]
        for v in review_late_features(setup.pieces, setup.queries[q], chosen, idf):
            late.append([v[f] for f in LATE_FEATURES])
        rows_out.extend(top)
    return np.asarray(rows_out), np.asarray(late)


def fit_late(
    setup: Setup,
    X: np.ndarray,
    y: np.ndarray,
    g: np.ndarray,
    ids: list[list[str]],
    make: Any,
    ranker: tuple[float, str | None],
    k: int = LATE_DEPTH,
    folds: int = 5,
    seed: int = 13,
) -> tuple[LinearScorer, dict[str, Any]]:
    """The late-interaction ranker over the first ranker's top ``k``: C and class
    weighting chosen by the 5-fold MAP@5 of the two-stage ranking (both stages fitted in
    fold, the second on the in-fold top ``k``), then fitted on all training tweets."""
    setup.pieces([])
    assert setup.idf is not None
    idf = setup.idf
    fold_of = np.random.default_rng(seed).permutation(len(setup.qids)) % folds
    t0 = time.perf_counter()
    per_fold = []
    for f in range(folds):
        tr = fold_of[g] != f
        first = make(*ranker).fit(X[tr], y[tr])
        pa = first.predict_proba(X)[:, 1]
        rows, late = _late_table(setup, idf, X, g, ids, pa, k)
        per_fold.append((pa, rows, np.hstack([X[rows], late])))
    print(f"  late features of the top {k}, 5 folds, in {time.perf_counter() - t0:.0f}s")

    by_fold: dict[tuple[float, str | None], list[float]] = {}

    def cv_map(c: float, cw: str | None) -> float:
        aps: list[float] = []
        for f, (pa, rows, Xb) in enumerate(per_fold):
            start = len(aps)
            tr = fold_of[g[rows]] != f
            second = make(c, cw).fit(Xb[tr], y[rows][tr])
            score = pa.copy()
            score[rows] = 10.0 + second.predict_proba(Xb)[:, 1]
            for n in np.nonzero(fold_of == f)[0]:
                r = np.nonzero(g == n)[0]
                order = np.argsort(-score[r], kind="stable")
                ranked = [ids[n][i] for i in order]
                aps.append(average_precision(ranked, setup.qrels[setup.qids[n]], 5))
            by_fold.setdefault((c, cw), []).append(float(np.mean(aps[start:])))
        return float(np.mean(aps))

    grid = []
    for c in (0.01, 0.1, 1.0, 10.0):
        for cw in (None, "balanced"):
            score = cv_map(c, cw)
            grid.append((score, c, cw))
            print(f"  late ranker C={c:g} class_weight={cw}: 5-fold train MAP@5 {score:.4f}")
    best, c, cw = max(grid, key=lambda t: t[0])
    print(f"  late ranker per fold: {' '.join(f'{v:.4f}' for v in by_fold[(c, cw)])}")
    pa = make(*ranker).fit(X, y).predict_proba(X)[:, 1]
    rows, late = _late_table(setup, idf, X, g, ids, pa, k)
    second = make(c, cw).fit(np.hstack([X[rows], late]), y[rows])
    scorer = _linear(second, (*FEATURES, *LATE_FEATURES), "factcheck-late-ranker")
    return scorer, {"C": c, "class_weight": cw, "depth": k, "cv5_train_map@5": round(best, 4)}


def fit(
    setup: Setup,
    depth: int,
    folds: int = 5,
    seed: int = 13,
    adapter: Path | None = None,
    late: bool = True,
) -> tuple[MatchModel, dict[str, Any]]:
    """Ranker: all features, C and class weighting chosen by 5-fold MAP@5 over training
    tweets. Verifier: the absolute features only, unweighted (a probability), C chosen by
    5-fold log-loss. Late-interaction ranker (``late``): see :func:`fit_late`; its piece
    IDF weights are written to the cache folder (``--write`` copies them next to
    matcher.json)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    t0 = time.perf_counter()
    X, y, g, ids = pair_table(setup, depth)
    print(f"  {len(y)} pairs ({int(y.sum())} relevant) in {time.perf_counter() - t0:.0f}s")
    fold_of = np.random.default_rng(seed).permutation(len(setup.qids)) % folds
    absolute = [i for i, f in enumerate(FEATURES) if f in ABSOLUTE]

    def make(c: float, cw: str | None) -> Any:
        return make_pipeline(
            StandardScaler(), LogisticRegression(C=c, class_weight=cw, max_iter=3000)
        )

    by_fold: dict[tuple[float, str | None], list[float]] = {}

    def cv_map(c: float, cw: str | None) -> float:
        aps: list[float] = []
        for f in range(folds):
            start = len(aps)
            model = make(c, cw).fit(X[fold_of[g] != f], y[fold_of[g] != f])
            for n in np.nonzero(fold_of == f)[0]:
                rows = g == n
                if not rows.any():
                    aps.append(0.0)
                    continue
                order = np.argsort(-model.predict_proba(X[rows])[:, 1], kind="stable")
                ranked = [ids[n][i] for i in order]
                aps.append(average_precision(ranked, setup.qrels[setup.qids[n]], 5))
            by_fold.setdefault((c, cw), []).append(float(np.mean(aps[start:])))
        return float(np.mean(aps))

    def cv_logloss(c: float, keep: np.ndarray) -> float:
        p = np.zeros(len(y))
        for f in range(folds):
            tr, te = (fold_of[g] != f) & keep, (fold_of[g] == f) & keep
            model = make(c, None).fit(X[tr][:, absolute], y[tr])
            p[te] = model.predict_proba(X[te][:, absolute])[:, 1]
        return float(log_loss(y[keep], p[keep]))

    grid = [(c, cw) for c in (0.01, 0.1, 1.0, 10.0) for cw in (None, "balanced")]
    ranked_grid = []
    for c, cw in grid:
        score = cv_map(c, cw)
        ranked_grid.append((score, c, cw))
        print(f"  ranker C={c:g} class_weight={cw}: 5-fold train MAP@5 {score:.4f}")
    best_map, rc, rcw = max(ranked_grid, key=lambda t: t[0])
    print(f"  ranker per fold: {' '.join(f'{v:.4f}' for v in by_fold[(rc, rcw)])}")
    ranker_model = make(rc, rcw).fit(X, y)
    ranker = _linear(ranker_model, FEATURES, "factcheck-ranker")
    # The verifier decides whether the top of a ranking is shown, so it learns from the
    # gold claims against the hardest wrong ones: the ranker's top NEGATIVES non-gold
    # candidates of each tweet (what stays on top when the gold claim is missing).
    rank_p = ranker_model.predict_proba(X)[:, 1]
    keep = y == 1
    for n in range(len(setup.qids)):
        rows = np.nonzero((g == n) & (y == 0))[0]
        keep[rows[np.argsort(-rank_p[rows], kind="stable")[:NEGATIVES]]] = True
    print(
        f"  verifier: {int(y[keep].sum())} gold vs {int((~y[keep].astype(bool)).sum())} top wrong"
    )
    losses = []
    for c in (0.01, 0.1, 1.0, 10.0):
        loss = cv_logloss(c, keep)
        losses.append((loss, c))
        print(f"  verifier C={c:g}: 5-fold train log-loss {loss:.4f}")
    best_loss, vc = min(losses)
    names = [FEATURES[i] for i in absolute]
    verifier_model = make(vc, None).fit(X[keep][:, absolute], y[keep])
    verifier = _linear(verifier_model, names, "factcheck-verifier")
    info = {
        "ranker": {"C": rc, "class_weight": rcw, "cv5_train_map@5": round(best_map, 4)},
        "verifier": {
            "C": vc,
            "cv5_train_log_loss": round(best_loss, 4),
            "negatives_per_tweet": NEGATIVES,
        },
        "pairs": len(y),
        "relevant_in_candidates": int(y.sum()),
        "depth": depth,
    }
    stage = None
    if late:
        scorer, info["late_interaction"] = fit_late(setup, X, y, g, ids, make, (rc, rcw))
        assert setup.idf is not None
        idf_path = setup._piece_args[0] / IDF_PATH.name
        np.savez(idf_path, idf=setup.idf.astype(np.float16))
        stage = LateStage(scorer, LATE_DEPTH, idf_path)
    return MatchModel(ranker, verifier, VERSION, adapter, stage), info


def write_model(model: MatchModel, info: dict[str, Any], train: dict[str, float]) -> Path:
    data = {
        **model.to_dict(),
        "trained": date.today().isoformat(),
        "data": "CLEF CheckThat! 2020 Task 2 English, train split (800 tweets vs 10,375 "
        "Snopes verified claims)",
        "features": list(FEATURES),
        "absolute_features": list(ABSOLUTE),
        "fit": info,
        "train_metrics": {k: round(v, 4) for k, v in train.items()},
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    if model.late is not None:
        import shutil

        shutil.copyfile(model.late.idf, IDF_PATH)
        data["late_interaction"]["idf"] = IDF_PATH.name
    MODEL_PATH.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return MODEL_PATH


def fmt(m: dict[str, float]) -> str:
    return "  ".join(f"{k} {v:.4f}" for k, v in m.items())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--method", default="rerank", choices=(*METHODS, "all"))
    ap.add_argument("--depth", type=int, default=50, help="candidates re-ranked (and MRR depth)")
    ap.add_argument("--fit", action="store_true", help="fit the ranker and verifier on train")
    ap.add_argument("--write", action="store_true", help="with --fit: write matcher.json")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument(
        "--adapter",
        default=None,
        help="query adapter .npz, or 'none' (default: the one matcher.json names)",
    )
    ap.add_argument(
        "--queries",
        type=Path,
        default=None,
        help="with --fit: training-tweet embeddings to use (.npy, e.g. the out-of-fold "
        "ones of training/factchecks/encoder_lora.py cv)",
    )
    ap.add_argument(
        "--no-late",
        action="store_true",
        help="without the late-interaction stage (fit: none is fitted; eval: it is skipped)",
    )
    ap.add_argument(
        "--live",
        action="store_true",
        help="encode word pieces with MiniLM while matching (the real ms/query) instead of "
        "reading them from the cache",
    )
    ap.add_argument(
        "--no-verify",
        action="store_true",
        help="skip the verifier table (it reads the word pieces of the whole collection)",
    )
    ap.add_argument(
        "--json",
        type=Path,
        default=None,
        help="also write the split, its tweets and each method's metrics to this file",
    )
    args = ap.parse_args()
    if args.adapter is None:
        adapter = MatchModel.load().query_adapter
    else:
        adapter = None if args.adapter == "none" else Path(args.adapter).resolve()

    if args.fit:
        print("fitting the ranker and the verifier on the training tweets")
        setup = Setup(args.data, "train", args.cache, args.threads, adapter, args.queries)
        model, info = fit(setup, args.depth, adapter=adapter, late=not args.no_late)
        m = metrics(run(setup, "rerank", args.depth, model).ranked, setup.qrels)
        print(f"train (fitted on it): {fmt(m)}")
        print(f"  ranker: {dict(model.ranker.weights)}")
        print(f"  verifier: {dict(model.verifier.weights)}")
        if args.write:
            print(f"wrote {write_model(model, info, m)}")
        return

    setup = Setup(args.data, args.split, args.cache, args.threads, adapter)
    print(f"{args.split}: {len(setup.qids)} tweets, {len(setup.reviews)} verified claims")
    print(f"query encoder: {'MiniLM' if adapter is None else f'MiniLM + {adapter.name}'}")
    model = MatchModel.load()
    if args.no_late:
        model = dataclasses.replace(model, late=None)
    print(f"late interaction: {'off' if model.late is None else f'top {model.late.depth}'}")
    report: dict[str, Any] = {"split": args.split, "tweets": len(setup.qids)}
    for method in METHODS if args.method == "all" else (args.method,):
        t0 = time.perf_counter()
        runs = run(setup, method, args.depth, model, args.live)
        ms = 1000 * (time.perf_counter() - t0) / len(setup.qids)
        report[method] = metrics(runs.ranked, setup.qrels)
        print(f"{method:7s} {fmt(report[method])}  ({ms:.0f} ms/query)")
        if method == "rerank" and model.late is not None:
            # the matcher skips the late stage when < 2 of its top candidates are shown
            k = model.late.depth
            needed = np.mean([sum(s >= 0.5 for s in runs.scores[q][:k]) >= 2 for q in setup.qids])
            print(f"late stage needed at min_score 0.5: {needed:.1%} of queries")
        if method == "rerank" and not args.no_verify:
            for t in (DEFAULT_MIN_SCORE, 0.3, 0.5):
                v = verification(setup, args.depth, model, threshold=t)
                print(f"verifier, top match score >= {t}: {fmt(v)}")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
