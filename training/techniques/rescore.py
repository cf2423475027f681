"""A span-level re-scorer for the ``techniques`` analyzer (issue #12, point 4), measured
out of fold.

    PTC_WORK=/tmp/h2-work OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python \\
        training/techniques/rescore.py [features] [cv] [diagnose] [--decode 0.05,0.25,0.6]
        [--members p0all+p1all+p2all+p3all] [--models span,lr_soft,...] [--other low,high,trim]

Reads the out-of-fold candidates of ``operating_point.py build`` (every decoded, snapped,
labelled span of all 371 articles, each scored by taggers and a technique head that never
saw its fold) and asks whether a second stage, fitted on *candidates* (the taggers and the
technique head are fitted on gold spans only), ranks them better than the span score
(the highest P(inside) of the span's pieces) that the analyzer thresholds today.

Features (:func:`candidate_features`) use only what the analyzer has at run time: the
taggers' P(inside) over and around the span, the technique probabilities, surface
features of the span (:func:`unspin.techniques.features.cheap_features`), its parse, and
the article's other candidates. Targets: the share of the candidate's characters inside
gold SI spans (its SemEval precision contribution), or that share >= 0.5, and its recall
contribution (:func:`gold_overlap`).

Protocol (``cv``): leave one of the five pinned folds out; fit on the other four folds'
candidates; choose the threshold on those four folds only (nested: out-of-fold
predictions of an inner leave-one-fold-out over the four); score the held-out fold.
Held-out predictions are pooled and scored with the analyzer's selection (top technique,
a second one at >= 0.5, overlapping spans of one technique merged; SemEval SI scorer),
at a grid of thresholds and at each fold's nested threshold, next to the plain span
score on exactly the same candidates. ``diagnose`` shows where precision is lost (the
candidates partly inside gold spans) and what an oracle choice between two decodings'
extents would give.

Result (EXPERIMENTS.md, section 10): no re-scorer reaches pooled precision 0.55 with F1
0.42; the best gains about 0.02 F1 over the span score at precision 0.55, so the analyzer
does not use one. Scratch in ``$RESCORE_WORK`` (default ``/tmp/tech-work``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("PTC_WORK", "/tmp/h2-work")
from common import Data, load_data, mean_std
from operating_point import SECOND_LABEL, article_states, members_p_in

from unspin.nlp import Parsed
from unspin.techniques import features as feats
from unspin.techniques.analyzer import TechniqueSpan
from unspin.techniques.ptc import TECHNIQUES, Span, merge_overlapping, score_si
from unspin.techniques.spans import merge_same

SCRATCH = Path(os.environ.get("RESCORE_WORK", "/tmp/tech-work"))
TARGET_P = 0.55
MIN_F1 = 0.42
GRID = [round(x, 3) for x in np.arange(0.05, 1.201, 0.01)]
_ENTS = ("PERSON", "NORP", "ORG", "GPE")
_POS = ("ADJ", "NOUN", "PROPN", "VERB", "ADV", "PRON")

TAGGER_NAMES = (
    "p_span",
    "p_max",
    "p_min",
    "p_std",
    "share_ge_05",
    "log_pieces",
    "p_before",
    "p_after",
    "p_near_max",
)
TC_NAMES = ("tc_max", "tc_second", "tc_entropy", *(f"top_{t}" for t in TECHNIQUES))
PARSE_NAMES = (
    *(f"pos_{p}" for p in _POS),
    *(f"ent_{e}" for e in _ENTS),
    "starts_det",
    "sentences",
    "sentence_share",
    "sentence_quoted",
)
CONTEXT_NAMES = (
    "art_candidates",
    "art_mean_p_max",
    "art_rank",
    "p_max_minus_mean",
    "art_log_chars",
    "overlaps_other",
)
NAMES = (
    *TAGGER_NAMES,
    *TC_NAMES,
    *(f"cheap_{n}" for n in feats.CHEAP_NAMES),
    *PARSE_NAMES,
    *CONTEXT_NAMES,
)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    p_span: float
    proba: np.ndarray  # 14 technique probabilities, TECHNIQUES order


def _parse_features(parsed: Parsed | None, text: str, start: int, end: int) -> list[float]:
    if parsed is None:
        return [0.0] * len(PARSE_NAMES)
    toks = [t for t in parsed.tokens_in(start, end) if t.text.strip()]
    n = max(1, len(toks))
    pos = [sum(t.pos == p for t in toks) / n for p in _POS]
    ents = [float(any(t.ent_type == e for t in toks)) for e in _ENTS]
    det = float(bool(toks) and toks[0].pos == "DET")
    sents = [s for s in parsed.sentences if s.start < end and s.end > start]
    length = sum(s.end - s.start for s in sents)
    quoted = float(
        any(q in text[s.start : s.end] for s in sents for q in ('"', "\u201c", "\u201d"))
    )
    return [*pos, *ents, det, float(len(sents)), (end - start) / max(1, length), quoted]


def candidate_features(
    text: str,
    parsed: Parsed | None,
    starts: np.ndarray,
    ends: np.ndarray,
    p_in: np.ndarray,
    cands: Sequence[Candidate],
) -> np.ndarray:
    """One row of :data:`NAMES` per candidate of one article. ``starts`` / ``ends`` are
    the word pieces' character offsets (-1 for special pieces) and ``p_in`` the taggers'
    P(inside) per piece: what the analyzer has at run time."""
    full = feats.normalise(text)
    real = np.nonzero(starts >= 0)[0]
    maxima = []
    rows: list[list[float]] = []
    for c in cands:
        idx = np.nonzero((starts >= 0) & (starts < c.end) & (ends > c.start))[0]
        p = p_in[idx] if len(idx) else np.array([c.p_span], np.float32)
        p_max = float(p.max())
        maxima.append(p_max)
        pos = np.searchsorted(real, idx[0]) if len(idx) else 0
        before = float(p_in[real[pos - 1]]) if len(idx) and pos > 0 else 0.0
        last = np.searchsorted(real, idx[-1]) if len(idx) else 0
        after = float(p_in[real[last + 1]]) if len(idx) and last + 1 < len(real) else 0.0
        near = real[max(0, pos - 5) : pos].tolist() + real[last + 1 : last + 6].tolist()
        tagger = [
            c.p_span,
            p_max,
            float(p.min()),
            float(p.std()),
            float((p >= 0.5).mean()),
            math.log1p(len(idx)),
            before,
            after,
            float(p_in[near].max()) if near else 0.0,
        ]
        pr = np.asarray(c.proba, np.float64)
        order = np.argsort(-pr)
        top = [0.0] * len(TECHNIQUES)
        top[int(order[0])] = 1.0
        entropy = float(-(pr * np.log(np.clip(pr, 1e-9, 1))).sum())
        tc = [float(pr[order[0]]), float(pr[order[1]]), entropy, *top]
        cheap = feats.cheap_features(text, c.start, c.end, full)
        rows.append(tagger + tc + cheap + _parse_features(parsed, text, c.start, c.end))
    m = np.array(maxima) if maxima else np.zeros(0)
    for i, c in enumerate(cands):
        overlaps = any(j != i and o.start < c.end and o.end > c.start for j, o in enumerate(cands))
        rows[i] += [
            math.log1p(len(cands)),
            float(m.mean()),
            float((m < m[i]).mean()),
            float(m[i] - m.mean()),
            math.log1p(len(text)),
            float(overlaps),
        ]
    return np.array(rows, np.float64).reshape(len(cands), len(NAMES))


# -- the candidates, their features and targets ---------------------------------------


def gold_overlap(gold: Sequence[Span], start: int, end: int) -> tuple[float, float]:
    """A candidate's share of characters inside the (merged) gold spans and its recall
    contribution (sum of |s & t| / |t|): its two terms in the SemEval SI scorer."""
    inside = rec = 0.0
    for gs, ge in merge_overlapping((g.start, g.end) for g in gold):
        inter = min(end, ge) - max(start, gs)
        if inter > 0:
            inside += inter
            rec += inter / (ge - gs)
    return inside / max(1, end - start), rec


def build_features(data: Data, z: Any, members: list[str], out: Path) -> None:
    t0 = time.perf_counter()
    p_in, _ = members_p_in(data.work, members)
    ids = [str(x) for x in z["ids"]]
    P = data.pieces
    n = len(z["start"])
    X = np.zeros((n, len(NAMES)))
    V: np.ndarray | None = None
    share, rec = np.zeros(n), np.zeros(n)
    arts = z["article"]
    for ai in np.unique(arts):
        rows = np.nonzero(arts == ai)[0]
        a = data.corpus[ids[ai]]
        lo, hi = data.piece_ranges[a.id]
        cands = [
            Candidate(int(z["start"][r]), int(z["end"][r]), float(z["p_span"][r]), z["proba"][r])
            for r in rows
        ]
        X[rows] = candidate_features(
            a.text, data.parsed.get(a.id), P["start"][lo:hi], P["end"][lo:hi], p_in[lo:hi], cands
        )
        assert np.allclose(X[rows, 1], z["p_max"][rows], atol=1e-4), a.id
        v = feats.span_vectors(
            a.text, article_states(data, a.id), [(c.start, c.end) for c in cands]
        )
        if V is None:
            V = np.zeros((n, v.shape[1]), np.float32)
        V[rows] = v
        for r, c in zip(rows, cands, strict=True):
            share[r], rec[r] = gold_overlap(a.si_spans, c.start, c.end)
    np.savez(out, X=X, V=V, share=share, rec=rec, names=np.array(NAMES))
    print(f"features {X.shape} -> {out} ({time.perf_counter() - t0:.0f}s)", flush=True)


# -- scoring as the analyzer shows spans ----------------------------------------------


class Shown:
    """The (span, technique) findings of every candidate (top technique, a second at
    >= 0.5), ready to be thresholded on any per-candidate value."""

    def __init__(self, data: Data, z: Any) -> None:
        self.data = data
        self.ids = [str(x) for x in z["ids"]]
        self.article = np.asarray(z["article"])
        self.fold = np.asarray(z["fold"])
        self.rows: list[list[TechniqueSpan]] = []
        for s, e, p_span, pr in zip(z["start"], z["end"], z["p_span"], z["proba"], strict=True):
            order = np.argsort(-pr)
            ts = []
            for rank, i in enumerate(order[:2]):
                if rank and pr[i] < SECOND_LABEL:
                    break
                score = float(p_span) * float(pr[i])
                ts.append(
                    TechniqueSpan(int(s), int(e), TECHNIQUES[i], score, float(p_span), 0.0, ())
                )
            self.rows.append(ts)
        self.gold = {a.id: list(a.si_spans) for a in data.corpus.articles}

    def predicted(self, keep: np.ndarray) -> list[Span]:
        by_article: dict[int, list[TechniqueSpan]] = {}
        for r in np.nonzero(keep)[0]:
            by_article.setdefault(int(self.article[r]), []).extend(self.rows[r])
        out = []
        for ai, spans in by_article.items():
            for t in merge_same(spans):
                out.append(Span(self.ids[ai], t.start, t.end, t.technique))
        return out

    def score(self, keep: np.ndarray, folds: Sequence[int]) -> dict[str, Any]:
        """Pooled SI P / R / F1 over the articles of ``folds`` and per-fold values."""
        pred = self.predicted(keep & np.isin(self.fold, folds))
        fold_of = self.data.folds
        per = []
        for k in folds:
            gold = [s for aid, g in self.gold.items() if fold_of[aid] == k for s in g]
            sc = score_si([s for s in pred if fold_of[s.article_id] == k], gold)
            per.append((sc.precision, sc.recall, sc.f1))
        gold = [s for aid, g in self.gold.items() if fold_of[aid] in folds for s in g]
        sc = score_si(pred, gold)
        return {"p": sc.precision, "r": sc.recall, "f1": sc.f1, "per": np.array(per)}


def choose(shown: Shown, value: np.ndarray, folds: Sequence[int], grid: Sequence[float]) -> float:
    """The lowest threshold whose pooled precision over ``folds`` reaches TARGET_P (else
    the one of highest precision)."""
    best_t, best_p = grid[-1], -1.0
    for t in grid:
        sc = shown.score(value >= t, folds)
        if sc["p"] >= TARGET_P:
            return t
        if sc["p"] > best_p:
            best_t, best_p = t, sc["p"]
    return best_t


# -- models ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """Every candidate's features (``X``: :data:`NAMES`; ``V``: the technique head's
    input, pooled states and sentence embedding), targets (``share``: its characters'
    share inside gold SI spans; ``rec``: its recall contribution, sum of |s & t| / |t|
    over the gold spans t) and fold."""

    X: np.ndarray
    V: np.ndarray
    share: np.ndarray
    rec: np.ndarray
    fold: np.ndarray


#: fit on the rows ``train`` of the table, predict the rows ``test``
Model = Callable[[Table, np.ndarray, np.ndarray], np.ndarray]


def _lr(A: np.ndarray, share: np.ndarray, At: np.ndarray, C: float, soft: bool) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    sc = StandardScaler().fit(A)
    B = sc.transform(A)
    if soft:  # the share as a soft label: a positive copy weighted share, a negative 1-share
        B2 = np.vstack([B, B])
        y = np.r_[np.ones(len(B)), np.zeros(len(B))]
        w = np.r_[share, 1 - share]
    else:
        B2, y, w = B, (share >= 0.5).astype(int), np.ones(len(B))
    clf = LogisticRegression(C=C, max_iter=3000).fit(B2, y, sample_weight=w)
    out: np.ndarray = clf.predict_proba(sc.transform(At))[:, 1]
    return out


def _hgb(A: np.ndarray, y: np.ndarray, At: np.ndarray, classify: bool = False) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

    kw: dict[str, Any] = {"max_iter": 200, "learning_rate": 0.05, "max_depth": 3}
    kw |= {"min_samples_leaf": 40, "l2_regularization": 1.0, "random_state": 0}
    if classify:
        out: np.ndarray = (
            HistGradientBoostingClassifier(**kw).fit(A, y >= 0.5).predict_proba(At)[:, 1]
        )
        return out
    out = HistGradientBoostingRegressor(**kw).fit(A, y).predict(At)
    return out


def _pmax(t: Table, rows: np.ndarray) -> np.ndarray:
    out: np.ndarray = t.X[rows, NAMES.index("p_max")]
    return out


MODELS: dict[str, tuple[str, Model]] = {
    "span": (
        "the span score (highest P(inside) of its pieces), as shipped",
        lambda t, a, b: _pmax(t, b),
    ),
    "lr_soft": (
        "logistic regression (C 0.1), share as soft label",
        lambda t, a, b: _lr(t.X[a], t.share[a], t.X[b], 0.1, True),
    ),
    "lr_bin": (
        "logistic regression (C 0.1), share >= 0.5",
        lambda t, a, b: _lr(t.X[a], t.share[a], t.X[b], 0.1, False),
    ),
    "hgb_soft": (
        "gradient boosting regressor on the share",
        lambda t, a, b: np.clip(_hgb(t.X[a], t.share[a], t.X[b]), 0, 1),
    ),
    "hgb_bin": (
        "gradient boosting classifier, share >= 0.5",
        lambda t, a, b: _hgb(t.X[a], t.share[a], t.X[b], classify=True),
    ),
    "hgb_util": (
        "boosted share + 0.5 x boosted recall contribution",
        lambda t, a, b: _hgb(t.X[a], t.share[a], t.X[b]) + 0.5 * _hgb(t.X[a], t.rec[a], t.X[b]),
    ),
    "hgb_x_span": (
        "boosted share x span score",
        lambda t, a, b: np.clip(_hgb(t.X[a], t.share[a], t.X[b]), 0, 1) * _pmax(t, b),
    ),
    "lr_vec_x_span": (
        "logistic regression (C 0.001, soft share) on pooled states + features, x span score",
        lambda t, a, b: (
            _lr(np.hstack([t.V[a], t.X[a]]), t.share[a], np.hstack([t.V[b], t.X[b]]), 0.001, True)
            * _pmax(t, b)
        ),
    ),
}


def nested(
    shown: Shown, model: Model, table: Table, grid: Sequence[float]
) -> tuple[np.ndarray, dict[int, float]]:
    """Held-out predictions of every fold (fitted on the other four) and each fold's
    threshold, chosen on the other four folds only, from their inner leave-one-fold-out
    predictions."""
    fold = table.fold
    pred = np.full(len(fold), np.nan)
    chosen: dict[int, float] = {}
    for k in range(5):
        train = [f for f in range(5) if f != k]
        inner = np.full(len(fold), np.nan)
        for j in train:
            a = np.nonzero(np.isin(fold, [f for f in train if f != j]))[0]
            inner[fold == j] = model(table, a, np.nonzero(fold == j)[0])
        pred[fold == k] = model(table, np.nonzero(fold != k)[0], np.nonzero(fold == k)[0])
        chosen[k] = choose(shown, inner, train, grid)
    return pred, chosen


def row(sc: dict[str, Any]) -> str:
    per = sc["per"]
    return (
        f"{sc['p']:.3f} / {sc['r']:.3f} / {sc['f1']:.3f}  "
        f"P {mean_std(per[:, 0])}  F1 {mean_std(per[:, 2])}"
    )


def evaluate(
    shown: Shown,
    table: Table,
    name: str,
    pred: np.ndarray,
    chosen: dict[int, float],
    grid: Sequence[float],
) -> dict[str, Any]:
    """Pooled and per-fold SI at each fold's nested threshold; over the pooled held-out
    curve (thresholds picked by looking at it: optimistic), the best F1 at precision >=
    TARGET_P and the best precision at F1 >= MIN_F1; average precision of share >= 0.5."""
    from sklearn.metrics import average_precision_score

    folds = list(range(5))
    keep = np.zeros(len(pred), bool)
    for k, t in chosen.items():
        keep |= (shown.fold == k) & (pred >= t)
    at = shown.score(keep, folds)
    curve = [(t, shown.score(pred >= t, folds)) for t in grid]
    ok = [(t, s) for t, s in curve if s["p"] >= TARGET_P]
    f1_at_p = max(ok, key=lambda x: x[1]["f1"], default=None)
    good = [(t, s) for t, s in curve if s["f1"] >= MIN_F1]
    p_at_f1 = max(good, key=lambda x: x[1]["p"], default=None)
    ap = float(average_precision_score(table.share >= 0.5, pred))

    def cell(x: tuple[float, dict[str, Any]] | None) -> str:
        if x is None:
            return "none"
        return f"t {x[0]:.2f}: {x[1]['p']:.3f} / {x[1]['r']:.3f} / {x[1]['f1']:.3f}"

    print(f"== {name} ({MODELS[name][0]})", flush=True)
    print(f"   nested thresholds {', '.join(f'{k}: {t:.2f}' for k, t in chosen.items())}")
    print(f"   at nested thresholds: {row(at)}")
    print(f"   best F1 with pooled P >= {TARGET_P}: {cell(f1_at_p)}")
    print(f"   best P with pooled F1 >= {MIN_F1}: {cell(p_at_f1)}; AP(share >= 0.5) {ap:.3f}")
    return {
        "name": name,
        "chosen": chosen,
        "nested": {"p": at["p"], "r": at["r"], "f1": at["f1"]}
        | {"fold_p": mean_std(at["per"][:, 0]), "fold_f1": mean_std(at["per"][:, 2])},
        "best_f1_at_p": cell(f1_at_p),
        "best_p_at_f1": cell(p_at_f1),
        "ap": ap,
        "curve": [(t, round(s["p"], 4), round(s["r"], 4), round(s["f1"], 4)) for t, s in curve],
    }


def oracle(shown: Shown, table: Table) -> None:
    """The ceiling of any ranking of these candidates: the true share as the score."""
    folds = list(range(5))
    best = max(
        (shown.score(table.share >= t, folds) for t in np.arange(0.0, 1.0, 0.05)),
        key=lambda s: s["f1"] if s["p"] >= TARGET_P else -1,
    )
    print(f"== oracle (true share as the score): {row(best)}", flush=True)


def diagnose(data: Data, tag: str, table: Table, z: Any, other: str | None) -> None:
    """Where precision is lost: by span score, the share of candidates with no gold
    character, wholly inside gold, or partly (too long); and, with ``other`` (a second
    decoding of the same members, e.g. trim 0.8), the best F1 at pooled P >= TARGET_P
    when an oracle picks, for every candidate, itself or the shorter candidates of the
    other decoding inside it (ranking by the span score)."""
    pm = table.X[:, NAMES.index("p_max")]
    chars = np.expm1(table.X[:, NAMES.index("cheap_log_chars")])
    print(
        f"{'span score':>12} {'n':>5} {'share':>6} {'none':>6} {'whole':>6} {'partly':>6} "
        f"{'its share':>9} {'chars':>6}"
    )
    for lo, hi in [(0, 0.45), (0.45, 0.55), (0.55, 0.65), (0.65, 0.75), (0.75, 1.01)]:
        m = (pm >= lo) & (pm < hi)
        sh = table.share[m]
        part = (sh > 0) & (sh < 0.95)
        print(
            f"{lo:.2f}-{min(hi, 1):.2f} {m.sum():5d} {sh.mean():6.3f} {np.mean(sh == 0):6.3f} "
            f"{np.mean(sh >= 0.95):6.3f} {np.mean(part):6.3f} {sh[part].mean():9.3f} "
            f"{np.median(chars[m]):6.0f}"
        )
    if other is None:
        return
    zb = dict(np.load(data.work / f"operating_point_{other}.npz"))
    fb = np.load(SCRATCH / f"rescore_features_{other}.npz")
    n = len(table.share)
    keys = ("article", "fold", "start", "end", "p_span", "p_max", "proba")
    zz = {k: (np.concatenate([z[k], zb[k]]) if k in keys else z[k]) for k in z}
    shown = Shown(data, zz)
    share = np.r_[table.share, fb["share"]]
    value = np.r_[pm, fb["X"][:, NAMES.index("p_max")]]
    parent = np.full(len(share), -1)
    for j in range(n, len(share)):
        m = np.nonzero(
            (zz["article"][:n] == zz["article"][j])
            & (zz["start"][:n] < zz["end"][j])
            & (zz["end"][:n] > zz["start"][j])
        )[0]
        if len(m):
            parent[j] = m[0]
    kids = parent >= 0
    kid_share = np.full(n, -1.0)
    for i in np.unique(parent[kids]):
        kid_share[i] = share[parent == i].mean()

    def best(use_other: np.ndarray) -> str:
        keep = np.zeros(len(share), bool)
        keep[:n] = ~use_other
        keep[kids] = use_other[parent[kids]]
        ok = [shown.score(keep & (value >= t), list(range(5))) for t in GRID[30:90]]
        top = max((s for s in ok if s["p"] >= TARGET_P), key=lambda s: s["f1"], default=None)
        return "none" if top is None else f"{top['p']:.3f} / {top['r']:.3f} / {top['f1']:.3f}"

    print(f"{tag} only: {best(np.zeros(n, bool))}; {other} only: {best(np.ones(n, bool))}")
    print(f"oracle choice between them: {best(kid_share > table.share)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("steps", nargs="*", default=["cv"], help="features, cv, diagnose")
    ap.add_argument("--members", default="p0all+p1all+p2all+p3all")
    ap.add_argument("--decode", default="0.05,0.25,0.6")
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--other", default="", help="diagnose: a second decoding low,high,trim")
    args = ap.parse_args()
    data = load_data()
    low, high, trim = (float(x) for x in args.decode.split(","))
    tag = f"{args.members}_{low}_{high}_{trim}"
    z = dict(np.load(data.work / f"operating_point_{tag}.npz"))
    SCRATCH.mkdir(parents=True, exist_ok=True)
    path = SCRATCH / f"rescore_features_{tag}.npz"
    if "features" in args.steps or not path.exists():
        build_features(data, z, args.members.split("+"), path)
    f = np.load(path)
    table = Table(f["X"], f["V"], f["share"], f["rec"], np.asarray(z["fold"]))
    shown = Shown(data, z)
    if "diagnose" in args.steps:
        other = None
        if args.other:
            lo2, hi2, tr2 = (float(x) for x in args.other.split(","))
            other = f"{args.members}_{lo2}_{hi2}_{tr2}"
        diagnose(data, tag, table, z, other)
    if "cv" not in args.steps:
        return
    print(f"{len(table.share)} candidates ({tag}); grid {GRID[0]}..{GRID[-1]}", flush=True)
    oracle(shown, table)
    results = []
    for name in args.models.split(","):
        t0 = time.perf_counter()
        pred, chosen = nested(shown, MODELS[name][1], table, GRID)
        results.append(evaluate(shown, table, name, pred, chosen, GRID))
        print(f"   ({time.perf_counter() - t0:.0f}s)", flush=True)
    out = SCRATCH / f"rescore_results_{tag}.json"
    out.write_text(json.dumps(results, indent=1, default=float))


if __name__ == "__main__":
    main()
