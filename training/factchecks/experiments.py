"""Ranker experiments for known fact-check retrieval (CheckThat! 2020 Task 2), train only.

Every number is a 5-fold cross-validated MAP@5 over the 800 *training* tweets (the folds
of ``bench/claim_retrieval.py --fit``); dev is never read. The shipped ranker scores
0.9168 on these folds. Run from the repository root::

    nice -n 19 .venv/bin/python training/factchecks/experiments.py            # all
    nice -n 19 .venv/bin/python training/factchecks/experiments.py features   # one group

Groups: ``features`` (extra pair features, one at a time, logistic ranker C=0.1
balanced), ``chars`` (character 3-5-gram TF-IDF cosines), ``hadamard`` (the 384
element-wise products of query and claim embeddings as features), ``poly`` (pairwise
products of the features), ``topk`` (training on the first-stage top 10 / 20 only),
``listnet`` (a listwise softmax loss instead of the pointwise one), ``bm25`` (BM25 k1 and
b of the first stage), ``adapter`` (a low-rank query adapter on MiniLM trained with a
softmax over claims; dense retrieval MAP@5 before and after), ``lora`` (the cosine of
out-of-fold LoRA-adapted query embeddings from ``encoder_lora.py cv --oof``, read from
``LORA_OOF``, as extra features). Results are in
``training/factchecks/EXPERIMENTS.md``. Embeddings are cached as by the bench.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import claim_retrieval as cr  # noqa: E402

from unspin.factchecks.match import FEATURES, pair_features  # noqa: E402
from unspin.factchecks.terms import BM25, terms  # noqa: E402

SIG = re.compile(r"\s*[—–-]\s*[^—–]*\(@\w+\)\s*\w+ \d{1,2}, \d{4}\s*$")
FOLDS, SEED = 5, 13


class Table:
    """Pair features (shipped and extra) of every (training tweet, candidate) pair."""

    def __init__(self, depth: int = 50) -> None:
        s = cr.Setup(cr.DATA, "train", cr.CACHE, 1)
        self.setup = s
        self.qids = s.qids
        bodies = [SIG.sub("", s.queries[q]).strip() or s.queries[q] for q in s.qids]
        bemb = cr.cached_embed(bodies, "tbody-train", cr.CACHE, 1)
        title_bm25 = BM25([terms(r.title or "") for r in s.reviews])
        claim_bm25 = BM25([terms(r.claim) for r in s.reviews])
        E, T = s.index.embeddings, s.index.title_embeddings
        assert E is not None and T is not None
        rows: list[dict[str, float]] = []
        y: list[int] = []
        g: list[int] = []
        self.ids: list[list[str]] = []
        self.cand: list[int] = []
        for n, q in enumerate(s.qids):
            text = s.queries[q]
            cands = s.index.candidates(text, s.qemb[q], depth)
            idx = [int(c.review.id) for c in cands]  # vclaim ids are row numbers
            pf = pair_features(text, cands, s.index.stats)
            qt = terms(text)
            tb, cb = title_bm25.scores(qt)[idx], claim_bm25.scores(qt)[idx]
            bsim = np.maximum(E[idx] @ bemb[n], T[idx] @ bemb[n])
            sims = np.array([c.similarity or 0.0 for c in cands])
            tsims = np.array([v["title_similarity"] for v, _ in pf])
            mx = np.maximum(sims, tsims)
            rrf = np.array(
                [sum(1 / (60 + r) for r in (c.lexical_rank, c.semantic_rank) if r) for c in cands]
            )
            ov = np.array([v["overlap"] for v, _ in pf])
            cov = np.array([v["coverage"] for v, _ in pf])
            simrank = np.argsort(np.argsort(-sims)) + 1
            for j, (c, (v, _)) in enumerate(zip(cands, pf, strict=True)):
                rows.append(
                    {
                        **v,
                        "max_sim": mx[j],
                        "max_sim_gap": mx[j] - mx.max(),
                        "title_sim_gap": tsims[j] - tsims.max(),
                        "body_sim": bsim[j],
                        "body_sim_gap": bsim[j] - bsim.max(),
                        "rrf_gap": rrf[j] / rrf.max() - 1,
                        "overlap_gap": ov[j] - ov.max(),
                        "coverage_gap": cov[j] - cov.max(),
                        "title_bm25_gap": tb[j] / (tb.max() or 1) - 1,
                        "claim_bm25_gap": cb[j] / (cb.max() or 1) - 1,
                        "sim_rank_in_candidates": 1 / np.log2(1 + simrank[j]) - 1,
                        "first_stage_position": 1 / np.log2(2 + j) - 1,
                    }
                )
                y.append(int(c.review.id in s.qrels[q]))
                g.append(n)
                self.cand.append(int(c.review.id))
            self.ids.append([c.review.id for c in cands])
        self.rows, self.y, self.g = rows, np.asarray(y), np.asarray(g)
        self.fold_of = np.random.default_rng(SEED).permutation(len(s.qids)) % FOLDS

    def X(self, names: Sequence[str]) -> np.ndarray:
        return np.array([[r[k] for k in names] for r in self.rows], dtype=np.float64)

    def cv(self, X: np.ndarray, make: Callable[[], Any], keep: np.ndarray | None = None) -> float:
        """5-fold MAP@5 of a classifier's scores used as the ranking."""
        aps = []
        for f in range(FOLDS):
            tr = self.fold_of[self.g] != f
            if keep is not None:
                tr &= keep
            model = make().fit(X[tr], self.y[tr])
            for n in np.nonzero(self.fold_of == f)[0]:
                r = self.g == n
                order = np.argsort(-model.predict_proba(X[r])[:, 1], kind="stable")
                ranked = [self.ids[n][i] for i in order]
                aps.append(cr.average_precision(ranked, self.setup.qrels[self.qids[n]], 5))
        return float(np.mean(aps))


def logistic(c: float = 0.1, poly: bool = False) -> Callable[[], Any]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    def make() -> Any:
        steps: list[Any] = [StandardScaler()]
        if poly:
            steps += [PolynomialFeatures(2, include_bias=False), StandardScaler()]
        lr = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        return make_pipeline(*steps, lr)

    return make


def features(t: Table) -> None:
    base = list(FEATURES)
    print(f"shipped features: {t.cv(t.X(base), logistic()):.4f}", flush=True)
    for extra in [k for k in t.rows[0] if k not in base]:
        print(f"  + {extra}: {t.cv(t.X([*base, extra]), logistic()):.4f}", flush=True)


def chars(t: Table) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    s = t.setup
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
    vec.fit([r.claim for r in s.reviews] + [r.title or "" for r in s.reviews])
    D = vec.transform([r.claim for r in s.reviews])
    T = vec.transform([r.title or "" for r in s.reviews])
    Q = vec.transform([s.queries[q] for q in t.qids])
    cand = np.asarray(t.cand)
    cs = np.asarray(D[cand].multiply(Q[t.g]).sum(axis=1)).ravel()
    ct = np.asarray(T[cand].multiply(Q[t.g]).sum(axis=1)).ravel()
    base = t.X(FEATURES)
    for name, extra in (("claim", [cs]), ("claim + headline", [cs, ct])):
        print(
            f"char n-gram cosine, {name}: {t.cv(np.column_stack([base, *extra]), logistic()):.4f}"
        )


def _query_embeddings(t: Table) -> np.ndarray:
    s = t.setup
    return cr.cached_embed([s.queries[q] for q in t.qids], "tweets-train", cr.CACHE, 1)


def hadamard(t: Table) -> None:
    s = t.setup
    assert s.index.embeddings is not None
    Q = _query_embeddings(t)
    H = Q[t.g] * s.index.embeddings[np.asarray(t.cand)]
    for c in (0.001, 0.01):
        print(f"hadamard features, C={c}: {t.cv(np.hstack([t.X(FEATURES), H]), logistic(c)):.4f}")


def poly(t: Table) -> None:
    for c in (0.01, 0.1):
        print(f"pairwise products, C={c}: {t.cv(t.X(FEATURES), logistic(c, poly=True)):.4f}")


def topk(t: Table) -> None:
    position = np.array([r["first_stage_position"] for r in t.rows])
    for k in (10, 20):
        keep = position >= 1 / np.log2(2 + k - 1) - 1
        print(f"trained on the first-stage top {k}: {t.cv(t.X(FEATURES), logistic(), keep):.4f}")


def _listnet_weights(Xs: Any, groups: list[np.ndarray], y: np.ndarray) -> Any:
    """Linear weights minimising a listwise softmax loss over each tweet's candidates."""
    import torch

    w = torch.zeros(Xs.shape[1], requires_grad=True)
    opt = torch.optim.LBFGS([w], max_iter=300, line_search_fn="strong_wolfe")
    targets = [torch.tensor(y[i], dtype=torch.float32) for i in groups]

    def closure() -> Any:
        opt.zero_grad()
        loss = torch.zeros(())
        for i, yy in zip(groups, targets, strict=True):
            loss = loss - (torch.log_softmax(Xs[i] @ w, 0) * yy / yy.sum()).sum()
        loss = loss / len(groups) + 0.01 * (w**2).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return w.detach()


def listnet(t: Table) -> None:
    import torch

    torch.set_num_threads(1)
    X = t.X(FEATURES).astype(np.float32)
    aps = []
    for f in range(FOLDS):
        tr = t.fold_of[t.g] != f
        mu, sd = X[tr].mean(0), X[tr].std(0) + 1e-6
        Xs = torch.tensor((X - mu) / sd)
        groups = [np.nonzero(t.g == n)[0] for n in np.nonzero(t.fold_of != f)[0]]
        w = _listnet_weights(Xs, [i for i in groups if t.y[i].any()], t.y)
        for n in np.nonzero(t.fold_of == f)[0]:
            r = np.nonzero(t.g == n)[0]
            order = np.argsort(-(Xs[r] @ w).numpy(), kind="stable")
            ranked = [t.ids[n][i] for i in order]
            aps.append(cr.average_precision(ranked, t.setup.qrels[t.qids[n]], 5))
    print(f"listwise softmax loss: {np.mean(aps):.4f}")


def bm25(t: Table) -> None:
    s = t.setup
    docs = [terms(r.index_text) for r in s.reviews]
    for k1, b in ((0.9, 0.4), (1.5, 0.9)):
        s.index.bm25 = BM25(docs, k1=k1, b=b)
        _, info = cr.fit(s, 50)
        print(f"BM25 k1={k1} b={b}: {info['ranker']['cv5_train_map@5']:.4f}", flush=True)


def adapter(t: Table, rank: int = 32, steps: int = 150, tau: float = 0.05) -> None:
    import torch

    torch.set_num_threads(1)
    s = t.setup
    E = torch.tensor(s.index.embeddings)
    T = torch.tensor(s.index.title_embeddings)
    Q = torch.tensor(_query_embeddings(t))
    gold = torch.tensor([int(sorted(s.qrels[q])[0]) for q in t.qids])

    def dense(idx: np.ndarray, A: Any = None, B: Any = None) -> list[float]:
        q = Q[idx]
        if A is not None:
            q = q + (q @ B) @ A.T
            q = q / q.norm(dim=1, keepdim=True)
        order = torch.argsort(-torch.maximum(q @ E.T, q @ T.T), dim=1)[:, :5]
        return [
            cr.average_precision([str(int(i)) for i in order[k]], s.qrels[t.qids[j]], 5)
            for k, j in enumerate(idx)
        ]

    base, adapted = [], []
    for f in range(FOLDS):
        tr, te = np.nonzero(t.fold_of != f)[0], np.nonzero(t.fold_of == f)[0]
        torch.manual_seed(0)
        A = torch.zeros(384, rank, requires_grad=True)
        B = (torch.randn(384, rank) * 0.01).requires_grad_(True)
        opt = torch.optim.AdamW([A, B], lr=1e-2, weight_decay=1e-2)
        cols = torch.unique(
            torch.cat([gold[tr], torch.tensor(np.random.default_rng(1).choice(len(E), 1500))])
        )
        where = {int(c): i for i, c in enumerate(cols)}
        target = torch.tensor([where[int(v)] for v in gold[tr]])
        for _ in range(steps):
            q = Q[tr] + (Q[tr] @ B) @ A.T
            q = q / q.norm(dim=1, keepdim=True)
            loss = torch.nn.functional.cross_entropy(q @ E[cols].T / tau, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
        base += dense(te)
        adapted += dense(te, A.detach(), B.detach())
    print(
        f"query adapter (rank {rank}), dense MAP@5: {np.mean(base):.4f} -> {np.mean(adapted):.4f}"
    )


#: Out-of-fold LoRA query embeddings of the training tweets (``encoder_lora.py cv --oof``).
LORA_OOF = Path("/tmp/cw-work/cr-lora/oof-b.npy")


def lora(t: Table) -> None:
    """The LoRA-adapted query's cosine (out of fold) as extra ranker features, next to
    the frozen ones (the first stage stays frozen)."""
    oof = np.load(LORA_OOF)
    E, T = t.setup.index.embeddings, t.setup.index.title_embeddings
    assert E is not None and T is not None
    cand, g = np.asarray(t.cand), t.g
    sim = np.einsum("ij,ij->i", E[cand], oof[g])
    tsim = np.einsum("ij,ij->i", T[cand], oof[g])
    mx = np.maximum(sim, tsim)
    best = np.zeros(len(g))
    np.maximum.at(best, g, mx)
    for row, a, b, c in zip(t.rows, sim, mx, mx - best[g], strict=True):
        row["lora_sim"], row["lora_max"], row["lora_gap"] = a, b, c
    base = list(FEATURES)
    print(f"shipped features: {t.cv(t.X(base), logistic()):.4f}", flush=True)
    for extra in (["lora_sim"], ["lora_gap"], ["lora_sim", "lora_gap"], ["lora_max", "lora_gap"]):
        print(f"+ {', '.join(extra)}: {t.cv(t.X(base + extra), logistic()):.4f}", flush=True)


GROUPS = {
    "features": features,
    "chars": chars,
    "hadamard": hadamard,
    "poly": poly,
    "topk": topk,
    "listnet": listnet,
    "bm25": bm25,
    "adapter": adapter,
    "lora": lora,
}


def main() -> None:
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(__doc__)
        return
    wanted = sys.argv[1:] or list(GROUPS)
    unknown = [w for w in wanted if w not in GROUPS]
    if unknown:
        raise SystemExit(f"unknown group(s) {', '.join(unknown)}; choose from {', '.join(GROUPS)}")
    t0 = time.perf_counter()
    table = Table()
    print(f"{len(table.y)} pairs over {len(table.qids)} training tweets", flush=True)
    for name in wanted:
        GROUPS[name](table)
    print(f"done in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
