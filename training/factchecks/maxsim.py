"""Late interaction without training: ColBERT-style MaxSim between frozen MiniLM piece states.

For each (training tweet, first-stage candidate) pair, the cosine of every word piece of the
tweet with every word piece of the reviewed claim (and of the headline), taken from the
*frozen* all-MiniLM-L6-v2 (the backbone's encoder, layer 6 = its output, or layer 4), gives:

* ``q2c``: the mean over tweet pieces of their best cosine with a claim piece (ColBERT);
* ``c2q``: the mean over claim pieces of their best cosine with a tweet piece (how much
  of the claim the tweet covers, the direction that suits short claims vs. long tweets);
* ``*_idf``: the same means weighted by the piece's IDF over the 10,375 claims + headlines;
* the same against the headline (``t`` instead of ``c``), the best of claim and headline,
  and each one's gap to the best candidate of the tweet.

These are added to the shipped ranker's 11 features and scored by 5-fold cross-validated
MAP@5 over the 800 *training* tweets (the folds of ``bench/claim_retrieval.py --fit``, seed
13, logistic C=0.1 balanced, as ``experiments.py``); dev is never read.

    nice -n 19 .venv/bin/python training/factchecks/maxsim.py cache   # piece states -> /tmp
    nice -n 19 .venv/bin/python training/factchecks/maxsim.py cv      # the 80 variants
    nice -n 19 .venv/bin/python training/factchecks/maxsim.py robust  # 5 sets, 5 splits
    nice -n 19 .venv/bin/python training/factchecks/maxsim.py seeds   # the bench's fit, 5 splits
    nice -n 19 .venv/bin/python training/factchecks/maxsim.py timing  # ms per query

``robust`` checks five candidate sets on four more fold splits (seeds 1-4) and as a
two-stage ranker (the shipped ranker's top 10 / 20 ordered again); ``seeds`` runs the
bench's own fit (which is what ships: the late-interaction stage of the matcher, see
``unspin.factchecks.match.late_features``) on the five splits. Results:
``training/factchecks/EXPERIMENTS.md``.

Piece states are cached in ``/tmp/cw-work/cr`` (float16), never in the repository.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "training" / "factchecks"))

import claim_retrieval as cr  # noqa: E402
import experiments as ex  # noqa: E402

from unspin.factchecks.match import FEATURES, PieceEncoder  # noqa: E402

LAYERS = (4, 6)
THREADS = 2


def encode_pieces(texts: Sequence[str], threads: int = THREADS) -> dict[str, np.ndarray]:
    """Piece ids, offsets into the flat arrays, and L2-normalised states of each layer of
    :data:`LAYERS` (float16) of every text, [CLS] and [SEP] left out: the matcher's
    :class:`PieceEncoder`, once per layer."""
    import torch

    torch.set_num_threads(threads)
    out: dict[str, np.ndarray] = {}
    for k in LAYERS:
        encoded = PieceEncoder(cache_size=0, layer=k)(list(texts))
        out[f"layer{k}"] = np.concatenate([h for h, _ in encoded]).astype(np.float16)
    out["ids"] = np.concatenate([i for _, i in encoded]).astype(np.int32)
    out["offsets"] = np.concatenate([[0], np.cumsum([len(i) for _, i in encoded])])
    return out


def cached_pieces(texts: Sequence[str], name: str) -> dict[str, np.ndarray]:
    import hashlib

    digest = hashlib.sha1("\x1e".join(texts).encode()).hexdigest()[:12]
    path = cr.CACHE / f"pieces-{name}-{digest}.npz"
    if path.exists():
        with np.load(path) as z:
            return {k: z[k] for k in z.files}
    t0 = time.perf_counter()
    out = encode_pieces(texts)
    print(f"  piece states of {len(texts)} {name} texts in {time.perf_counter() - t0:.0f}s")
    np.savez(path, **out)
    return out


def piece_idf(*sets: dict[str, np.ndarray]) -> np.ndarray:
    """IDF of every piece id over the texts of ``sets`` (each text a document)."""
    df = np.zeros(31_000, np.float64)
    n = 0
    for s in sets:
        off = s["offsets"]
        for i in range(len(off) - 1):
            df[np.unique(s["ids"][off[i] : off[i + 1]])] += 1
        n += len(off) - 1
    return np.log((n + 1) / (df + 1)) + 1.0


class Pieces:
    def __init__(self, s: dict[str, np.ndarray], layer: int, idf: np.ndarray) -> None:
        self.off, self.ids, self.h, self.idf = s["offsets"], s["ids"], s[f"layer{layer}"], idf

    def get(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        a, b = self.off[i], self.off[i + 1]
        return self.h[a:b].astype(np.float32), self.idf[self.ids[a:b]]


def _wmean(x: np.ndarray, w: np.ndarray | None) -> float:
    if x.size == 0:
        return 0.0
    return float(np.mean(x)) if w is None else float(np.sum(x * w) / np.sum(w))


def pair_maxsim(q: tuple[np.ndarray, np.ndarray], d: tuple[np.ndarray, np.ndarray]) -> list[float]:
    """q2c, q2c_idf, c2q, c2q_idf of one query and one document."""
    (qh, qw), (dh, dw) = q, d
    if len(dh) == 0 or len(qh) == 0:
        return [0.0, 0.0, 0.0, 0.0]
    s = qh @ dh.T
    q2c, c2q = s.max(1), s.max(0)
    return [_wmean(q2c, None), _wmean(q2c, qw), _wmean(c2q, None), _wmean(c2q, dw)]


NAMES = ("q2c", "q2c_idf", "c2q", "c2q_idf")


def add_features(t: ex.Table, layer: int) -> list[str]:
    s = t.setup
    claims = cached_pieces([r.claim for r in s.reviews], "vclaim")
    titles = cached_pieces([r.title or "" for r in s.reviews], "vtitle")
    tweets = cached_pieces([s.queries[q] for q in t.qids], "tweets-train")
    idf = piece_idf(claims, titles)
    C, T, Q = (Pieces(x, layer, idf) for x in (claims, titles, tweets))
    t0 = time.perf_counter()
    vals = np.zeros((len(t.rows), 12))
    for j, (n, c) in enumerate(zip(t.g, t.cand, strict=True)):
        q = Q.get(int(n))
        mc = pair_maxsim(q, C.get(c))
        mt = pair_maxsim(q, T.get(c)) if s.reviews[c].title else mc
        vals[j] = [*mc, *mt, *np.maximum(mc, mt)]
    print(f"  layer {layer}: MaxSim of {len(t.rows)} pairs in {time.perf_counter() - t0:.0f}s")
    names = [f"{p}_{k}{layer}" for p in ("c", "t", "m") for k in NAMES]
    best = np.full((len(t.qids), vals.shape[1]), -np.inf)
    np.maximum.at(best, t.g, vals)
    gaps = vals - best[t.g]
    for row, v, gp in zip(t.rows, vals, gaps, strict=True):
        for k, name in enumerate(names):
            row[name] = float(v[k])
            row[name + "_gap"] = float(gp[k])
    return names


def cv(t: ex.Table) -> None:
    base = list(FEATURES)
    print(f"shipped features: {t.cv(t.X(base), ex.logistic()):.4f}", flush=True)
    for layer in (6, 4):
        names = add_features(t, layer)
        for name in names:
            for extra in ([name], [name + "_gap"], [name, name + "_gap"]):
                score = t.cv(t.X(base + extra), ex.logistic())
                print(f"  + {', '.join(extra)}: {score:.4f}", flush=True)
        for group in (
            [f"c_c2q_idf{layer}", f"t_c2q_idf{layer}"],
            [f"c_c2q_idf{layer}_gap", f"t_c2q_idf{layer}_gap"],
            [f"m_q2c_idf{layer}", f"m_c2q_idf{layer}", f"m_q2c_idf{layer}_gap",
             f"m_c2q_idf{layer}_gap"],
            [n for n in names] + [n + "_gap" for n in names],
        ):  # fmt: skip
            score = t.cv(t.X(base + group), ex.logistic())
            print(f"  + {', '.join(group)}: {score:.4f}", flush=True)


#: Candidate feature sets checked for robustness (chosen from the ``cv`` table above).
CANDIDATE_SETS = {
    "m_q2c_idf6": ["m_q2c_idf6"],
    "m_q2c_idf6+gap": ["m_q2c_idf6", "m_q2c_idf6_gap"],
    "t_q2c6_gap": ["t_q2c6_gap"],
    "t_q2c_idf6": ["t_q2c_idf6"],
    "c_q2c_idf6_gap+t_q2c_idf6": ["c_q2c_idf6_gap", "t_q2c_idf6"],
}


def fold_aps(t: ex.Table, X: np.ndarray, fold_of: np.ndarray, c: float = 0.1) -> np.ndarray:
    """Per training tweet, its out-of-fold AP@5 (logistic C=c balanced over all pairs)."""
    aps = np.zeros(len(t.qids))
    for f in range(ex.FOLDS):
        model = ex.logistic(c)().fit(X[fold_of[t.g] != f], t.y[fold_of[t.g] != f])
        for n in np.nonzero(fold_of == f)[0]:
            r = t.g == n
            order = np.argsort(-model.predict_proba(X[r])[:, 1], kind="stable")
            aps[n] = cr.average_precision([t.ids[n][i] for i in order], t.setup.qrels[t.qids[n]], 5)
    return aps


def two_stage_aps(
    t: ex.Table, Xa: np.ndarray, Xb: np.ndarray, fold_of: np.ndarray, k: int
) -> np.ndarray:
    """Stage A (shipped features) orders all candidates; stage B (with the extra features)
    re-orders stage A's top ``k``; both fitted in fold (B on the in-fold top-``k`` pairs)."""
    aps = np.zeros(len(t.qids))
    top = np.zeros(len(t.y), bool)
    for f in range(ex.FOLDS):
        tr = fold_of[t.g] != f
        a = ex.logistic()().fit(Xa[tr], t.y[tr])
        pa = a.predict_proba(Xa)[:, 1]
        for n in range(len(t.qids)):
            rows = np.nonzero(t.g == n)[0]
            top[rows] = False
            top[rows[np.argsort(-pa[rows], kind="stable")[:k]]] = True
        b = ex.logistic()().fit(Xb[tr & top], t.y[tr & top])
        pb = b.predict_proba(Xb)[:, 1]
        for n in np.nonzero(fold_of == f)[0]:
            rows = np.nonzero(t.g == n)[0]
            score = np.where(top[rows], 10 + pb[rows], pa[rows])
            order = np.argsort(-score, kind="stable")
            aps[n] = cr.average_precision([t.ids[n][i] for i in order], t.setup.qrels[t.qids[n]], 5)
    return aps


def robust(t: ex.Table) -> None:
    """Per-fold deltas (seed 13), repeated 5-fold CV over other seeds, wins/losses per
    tweet, and the two-stage variant (MaxSim only for the ranker's top k)."""
    add_features(t, 6)
    base = list(FEATURES)
    Xa = t.X(base)
    seeds = (13, 1, 2, 3, 4)
    folds = {s: np.random.default_rng(s).permutation(len(t.qids)) % ex.FOLDS for s in seeds}
    ref = {s: fold_aps(t, Xa, folds[s]) for s in seeds}
    f13 = folds[13]
    print("shipped per fold (seed 13):", [f"{ref[13][f13 == f].mean():.4f}" for f in range(5)])
    print("shipped over seeds:", [f"{ref[s].mean():.4f}" for s in seeds], flush=True)
    for name, extra in CANDIDATE_SETS.items():
        X = t.X(base + extra)
        aps = {s: fold_aps(t, X, folds[s]) for s in seeds}
        d = aps[13] - ref[13]
        per_fold = [f"{d[f13 == f].mean():+.4f}" for f in range(5)]
        over = [aps[s].mean() - ref[s].mean() for s in seeds]
        print(
            f"{name}: seed13 {aps[13].mean():.4f} per-fold delta {per_fold}; "
            f"tweets better/worse {(d > 1e-9).sum()}/{(d < -1e-9).sum()}; "
            f"delta over seeds {' '.join(f'{v:+.4f}' for v in over)} mean {np.mean(over):+.4f}",
            flush=True,
        )
        for k in (10, 20):
            two = {s: two_stage_aps(t, Xa, X, folds[s], k) for s in seeds}
            over = [two[s].mean() - ref[s].mean() for s in seeds]
            print(
                f"  two-stage top {k}: seed13 {two[13].mean():.4f}; delta over seeds "
                f"{' '.join(f'{v:+.4f}' for v in over)} mean {np.mean(over):+.4f}",
                flush=True,
            )


def seeds() -> None:
    """The bench's own fit (``bench/claim_retrieval.py --fit``: ranker grid, then the
    late-interaction grid over the ranker's top 10) on other fold splits of the training
    tweets: 5-fold MAP@5 without and with the late stage, per seed."""
    setup = cr.Setup(cr.DATA, "train", cr.CACHE, 1)
    for seed in (13, 1, 2, 3, 4):
        _, info = cr.fit(setup, 50, seed=seed)
        before = info["ranker"]["cv5_train_map@5"]
        after = info["late_interaction"]["cv5_train_map@5"]
        print(f"seed {seed}: ranker {before:.4f} -> late {after:.4f} ({after - before:+.4f})")


def timing() -> None:
    """CPU time per query of the matcher's re-ranking with and without the late stage
    (60 training tweets, a fresh :class:`PieceEncoder`, one thread)."""
    import dataclasses

    import torch

    from unspin.factchecks.match import FactCheckMatcher, MatchModel

    torch.set_num_threads(1)
    s = cr.Setup(cr.DATA, "train", cr.CACHE, 1)
    model = MatchModel.load()
    encoder = PieceEncoder()
    encoder(["load the encoder first"])
    late = FactCheckMatcher(s.index, model=model, pieces=encoder)
    plain = FactCheckMatcher(s.index, model=dataclasses.replace(model, late=None))
    qids = s.qids[::13][:60]
    cands = {q: s.candidates(q, 50) for q in qids}
    for name, matcher in (("ranker only", plain), ("with the late stage", late)):
        wall, cpu = time.perf_counter(), time.process_time()
        for q in qids:
            matcher.rerank(s.queries[q], cands[q])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name}: {1000 * cpu / len(qids):.0f} ms CPU, {1000 * wall / len(qids):.0f} ms wall")


MODES = ("cache", "cv", "robust", "seeds", "timing")


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "cv"
    if what in ("-h", "--help"):
        print(__doc__)
        return
    if what not in MODES or len(sys.argv) > 2:
        raise SystemExit(f"usage: maxsim.py [{'|'.join(MODES)}] (one mode; --help for more)")
    t0 = time.perf_counter()
    if what == "seeds":
        seeds()
    elif what == "timing":
        timing()
    elif what == "cache":
        s = cr.Setup(cr.DATA, "train", cr.CACHE, 1)
        cached_pieces([s.queries[q] for q in s.qids], "tweets-train")
        cached_pieces([r.claim for r in s.reviews], "vclaim")
        cached_pieces([r.title or "" for r in s.reviews], "vtitle")
    else:
        table = ex.Table()
        print(f"{len(table.y)} pairs over {len(table.qids)} training tweets", flush=True)
        {"cv": cv, "robust": robust}[what](table)
    print(f"done in {time.perf_counter() - t0:.0f}s")


if __name__ == "__main__":
    main()
