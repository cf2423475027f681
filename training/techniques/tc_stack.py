"""TC on gold spans: cheap views of the span added to the shipped head, on the pinned folds.

    export PTC_WORK=/tmp/tc-work OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
    nice -n 10 .venv/bin/python training/techniques/tc_stack.py [VARIANT ...]

Needs the feature cache of ``features.py`` (``--work $PTC_WORK``). Every variant is scored
as ``operating_point.py tc`` scores the shipped design: fitted on four folds of
``folds.json``, scored on the fifth (TC micro-F1, a span with k gold techniques gets its k
most probable ones), mean ± sample std over the five folds.

Base models (each fitted on the items of every fold but a set ``excl`` of folds, and
asked for all items, cached in ``$PTC_WORK/tc_stack/``):

* ``dense``: the shipped head, LR C=0.003 over :func:`unspin.techniques.features.
  span_vectors` (mean+max of layers 4 and 6, sentence embedding, 34 cheap features);
* ``dense+syn`` / ``+ctx`` / ``+look`` (any combination): the same with syntax features of
  the span (:func:`unspin.techniques.features.syntax_features`: spaCy POS shares, the
  span's head word's POS and relation, nominal / clause / whole sentence, tokens), the
  words around it (:func:`unspin.techniques.features.context_features`) and / or the
  techniques of the training spans with the same normalised text in other articles
  (:func:`unspin.techniques.head.lookup_rows`);
* ``tfidf<C>``: LR over TF-IDF word 1-2-grams and char_wb 2-5-grams of the span text,
  vocabulary and idf fitted on the training items only.

Stacked variants (hyper-parameters chosen by *inner* CV: for outer fold k the inner folds
are the other four pinned folds, and the base models of the inner runs are fitted on
three folds, so nothing of fold k is seen):

* ``blend``: P ∝ P_dense^w · P_tfidf^(1-w), w and the TF-IDF C chosen on the inner folds;
* ``stack[:BASE]``: a second LR over [log P_BASE, log P_tfidf, lookup, syntax, cheap],
  its C and the TF-IDF C chosen on the inner folds; ``stack+ctx[:BASE]`` also gives it
  the context features.

``blend:BASE`` and ``stack:BASE`` take any dense base (default ``dense``). The variants of
EXPERIMENTS.md, section 11, in the order they were run::

    tc_stack.py dense tfidf3 tfidf10 tfidf30 dense+syn dense+look dense+syn+look blend stack
    tc_stack.py dense+ctx dense+syn+ctx dense+syn+ctx+look blend:dense+syn+ctx+look \
        stack+ctx:dense+syn+ctx+look stack+ctx

Logistic regression here (lbfgs) and TF-IDF have no randomness, so three seeds give the
same number.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("PTC_WORK", "/tmp/h2-work")
from common import Data, TCItem, load_data, mean_std, tc_items
from operating_point import article_states
from train import TC_C

from unspin.techniques import features as feats
from unspin.techniques.head import lookup_rows
from unspin.techniques.ptc import TECHNIQUES, score_tc

N_T = len(TECHNIQUES)
FOLDS = range(5)

# -- features -------------------------------------------------------------------------------


def syntax_matrix(data: Data, items: Sequence[TCItem]) -> np.ndarray:
    """:func:`unspin.techniques.features.syntax_features` of each item."""
    return np.array(
        [feats.syntax_features(data.parsed[i.article_id], i.start, i.end) for i in items]
    )


def context_matrix(data: Data, items: Sequence[TCItem]) -> np.ndarray:
    """:func:`unspin.techniques.features.context_features` of each item."""
    return np.array(
        [feats.context_features(data.parsed[i.article_id], i.start, i.end) for i in items]
    )


# -- base models ----------------------------------------------------------------------------


def expand(labels: Sequence[tuple[str, ...]], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One training row per (span, technique) instance."""
    r, y = [], []
    for i in rows:
        for t in labels[i]:
            r.append(i)
            y.append(TECHNIQUES.index(t))
    return np.array(r), np.array(y)


def lr_proba(Xtr: Any, ytr: np.ndarray, Xall: Any, C: float, scale: bool) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if scale:
        sc = StandardScaler().fit(Xtr)
        Xtr, Xall = sc.transform(Xtr), sc.transform(Xall)
    clf = LogisticRegression(C=C, max_iter=3000).fit(Xtr, ytr)
    out = np.full((Xall.shape[0], N_T), 1e-9)
    out[:, clf.classes_] = clf.predict_proba(Xall)
    return out / out.sum(1, keepdims=True)


class Bases:
    """Base models' probabilities for all items, fitted without the folds in ``excl``."""

    def __init__(self, data: Data, items: list[TCItem]) -> None:
        self.data, self.items = data, items
        self.fold = np.array([data.folds[i.article_id] for i in items])
        self.labels = [i.labels for i in items]
        self.keys = [
            feats.normalise(data.corpus[i.article_id].text[i.start : i.end]) for i in items
        ]
        self.dir = data.work / "tc_stack"
        self.dir.mkdir(exist_ok=True)
        self._dense: np.ndarray | None = None

    @property
    def dense(self) -> np.ndarray:
        if self._dense is None:
            path = self.dir / "dense.npy"
            if not path.exists():
                t0 = time.perf_counter()
                rows = []
                for a in self.data.corpus.articles:
                    its = [i for i in self.items if i.article_id == a.id]
                    if its:
                        st = article_states(self.data, a.id)
                        rows.append(feats.span_vectors(a.text, st, [(i.start, i.end) for i in its]))
                np.save(path, np.vstack(rows))
                print(f"dense features in {time.perf_counter() - t0:.0f}s", flush=True)
            self._dense = np.load(path)
        return self._dense

    @cached_property
    def syn(self) -> np.ndarray:
        return self._npy("syntax", lambda: syntax_matrix(self.data, self.items))

    @cached_property
    def ctx(self) -> np.ndarray:
        return self._npy("context", lambda: context_matrix(self.data, self.items))

    def _npy(self, name: str, make: Callable[[], np.ndarray]) -> np.ndarray:
        """``make()``, cached in ``$PTC_WORK/tc_stack/<name>.npy``."""
        path = self.dir / f"{name}.npy"
        if not path.exists():
            np.save(path, make())
        out: np.ndarray = np.load(path)
        return out

    def train_mask(self, excl: frozenset[int]) -> np.ndarray:
        return ~np.isin(self.fold, sorted(excl))

    def lookup(self, excl: frozenset[int]) -> np.ndarray:
        """:func:`unspin.techniques.head.lookup_rows` from the items outside ``excl``."""
        labels = [[TECHNIQUES.index(t) for t in ls] for ls in self.labels]
        ids = [i.article_id for i in self.items]
        return lookup_rows(self.keys, labels, ids, self.train_mask(excl), N_T)

    def proba(self, name: str, excl: frozenset[int]) -> np.ndarray:
        path = self.dir / f"{name}_{''.join(map(str, sorted(excl)))}.npy"
        if path.exists():
            return np.load(path)
        t0 = time.perf_counter()
        rows, y = expand(self.labels, np.nonzero(self.train_mask(excl))[0])
        if name.startswith("dense"):
            parts = [self.dense]
            if "+syn" in name:
                parts.append(self.syn)
            if "+ctx" in name:
                parts.append(self.ctx)
            if "+look" in name:
                parts.append(self.lookup(excl))
            X = np.hstack(parts)
            p = lr_proba(X[rows], y, X, TC_C, scale=True)
        elif name.startswith("tfidf"):
            X = self.tfidf(excl)
            p = lr_proba(X[rows], y, X, float(name[5:]), scale=False)
        else:
            raise SystemExit(f"unknown base model {name}")
        np.save(path, p)
        print(f"  {name} without folds {sorted(excl)}: {time.perf_counter() - t0:.0f}s", flush=True)
        return p

    def tfidf(self, excl: frozenset[int]) -> Any:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [self.data.corpus[i.article_id].text[i.start : i.end] for i in self.items]
        train = [t for t, m in zip(texts, self.train_mask(excl), strict=True) if m]
        word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)
        word.fit(train)
        char.fit(train)
        return hstack([word.transform(texts), char.transform(texts)]).tocsr()


# -- scoring --------------------------------------------------------------------------------


def hits(labels: Sequence[tuple[str, ...]], proba: np.ndarray) -> tuple[int, int]:
    """(correct labels, gold labels) when each span gets its k most probable techniques."""
    order = np.argsort(-proba, 1)
    correct = total = 0
    for ls, o in zip(labels, order, strict=True):
        gold = {TECHNIQUES.index(t) for t in ls}
        correct += sum(int(c in gold) for c in o[: len(ls)])
        total += len(ls)
    return correct, total


def fold_f1(b: Bases, k: int, proba: np.ndarray) -> float:
    """The official TC scorer on fold k (``proba`` for that fold's items, in order)."""
    from common import top_k_predictions

    idx = np.nonzero(b.fold == k)[0]
    items = [b.items[i] for i in idx]
    gold = [s for a in b.data.corpus.articles if b.data.folds[a.id] == k for s in a.spans]
    return score_tc(top_k_predictions(items, proba, TECHNIQUES), gold).f1


def inner_f1(b: Bases, k: int, make: Callable[[int], np.ndarray]) -> float:
    """Micro-F1 pooled over the inner folds j != k; ``make(j)`` gives fold j's probabilities."""
    c = t = 0
    for j in FOLDS:
        if j != k:
            cj, tj = hits([b.labels[i] for i in np.nonzero(b.fold == j)[0]], make(j))
            c, t = c + cj, t + tj
    return c / t


def excl(*folds: int) -> frozenset[int]:
    return frozenset(folds)


def base_inner_f1(b: Bases, name: str, k: int) -> float:
    def make(j: int) -> np.ndarray:
        return b.proba(name, excl(k, j))[b.fold == j]

    return inner_f1(b, k, make)


def blend_inner_f1(b: Bases, dense: str, sparse: str, k: int, w: float) -> float:
    def make(j: int) -> np.ndarray:
        m, e = b.fold == j, excl(k, j)
        return blend(b.proba(dense, e)[m], b.proba(sparse, e)[m], w)

    return inner_f1(b, k, make)


# -- variants -------------------------------------------------------------------------------


def base_variant(b: Bases, name: str) -> tuple[list[float], str]:
    f1 = [fold_f1(b, k, b.proba(name, excl(k))[b.fold == k]) for k in FOLDS]
    return f1, ""


def blend(pd: np.ndarray, ps: np.ndarray, w: float) -> np.ndarray:
    z = w * np.log(pd) + (1 - w) * np.log(ps)
    return np.exp(z - z.max(1, keepdims=True))


W_GRID = [round(x, 2) for x in np.arange(0.3, 1.001, 0.05)]


def blend_variant(b: Bases, dense: str, Cs: Sequence[str]) -> tuple[list[float], str]:
    f1, chosen = [], []
    for k in FOLDS:
        best = (-1.0, 0.0, "")
        for C in Cs:
            for w in W_GRID:
                best = max(best, (blend_inner_f1(b, dense, f"tfidf{C}", k, w), w, C))
        _, w, C = best
        m = b.fold == k
        f1.append(
            fold_f1(b, k, blend(b.proba(dense, excl(k))[m], b.proba(f"tfidf{C}", excl(k))[m], w))
        )
        chosen.append(f"w={w} C={C}")
    return f1, "; ".join(chosen)


def level2_inputs(b: Bases, dense: str, C: str, k: int, j: int | None, ctx: bool) -> np.ndarray:
    """Second-level inputs of fold j's items (inner, base models without {k, j}) or, with
    ``j`` None, of fold k's items (base models without {k})."""
    e, m = (excl(k), b.fold == k) if j is None else (excl(k, j), b.fold == j)
    parts = [
        np.log(b.proba(dense, e)[m]),
        np.log(b.proba(f"tfidf{C}", e)[m]),
        b.lookup(e)[m],
        b.syn[m],
        *([b.ctx[m]] if ctx else []),
        b.dense[m][:, -len(feats.CHEAP_NAMES) :],
    ]
    return np.hstack(parts)


C2_GRID = (0.01, 0.03, 0.1, 0.3)


def stack_variant(b: Bases, dense: str, Cs: Sequence[str], ctx: bool) -> tuple[list[float], str]:
    labels_of = {j: [b.labels[i] for i in np.nonzero(b.fold == j)[0]] for j in FOLDS}

    def fit(Z: dict[int, np.ndarray], tr: Sequence[int], Zte: np.ndarray, c2: float) -> np.ndarray:
        labels = [ls for j in tr for ls in labels_of[j]]
        rows, y = expand(labels, np.arange(len(labels)))
        return lr_proba(np.vstack([Z[j] for j in tr])[rows], y, Zte, c2, scale=True)

    f1, chosen = [], []
    for k in FOLDS:
        inner = [j for j in FOLDS if j != k]
        C = max(Cs, key=lambda C: base_inner_f1(b, f"tfidf{C}", k))
        Z = {j: level2_inputs(b, dense, C, k, j, ctx) for j in inner}
        best = (-1.0, 0.0)
        for c2 in C2_GRID:  # the level-2 C, by CV over the inner folds (level-2 rows only)
            c = t = 0
            for j in inner:
                p = fit(Z, [i for i in inner if i != j], Z[j], c2)
                cj, tj = hits(labels_of[j], p)
                c, t = c + cj, t + tj
            best = max(best, (c / t, c2))
        c2 = best[1]
        p = fit(Z, inner, level2_inputs(b, dense, C, k, None, ctx), c2)
        f1.append(fold_f1(b, k, p))
        chosen.append(f"C={C} C2={c2}")
    return f1, "; ".join(chosen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("variants", nargs="*", default=["dense"])
    ap.add_argument("--tfidf-C", default="3,10,30", help="TF-IDF LR C grid (inner CV)")
    args = ap.parse_args()
    data = load_data(work=Path(os.environ["PTC_WORK"]))
    b = Bases(data, tc_items(data.corpus.articles))
    print(f"{len(b.items)} distinct spans, dense {b.dense.shape}", flush=True)
    Cs = args.tfidf_C.split(",")
    for v in args.variants:
        t0 = time.perf_counter()
        if v.startswith("blend"):
            f1, note = blend_variant(b, v.partition(":")[2] or "dense", Cs)
        elif v.startswith("stack"):
            kind, _, base = v.partition(":")
            f1, note = stack_variant(b, base or "dense", Cs, kind == "stack+ctx")
        else:
            f1, note = base_variant(b, v)
        print(
            f"{v:24s} TC micro-F1 {mean_std(f1)}  folds {[round(x, 3) for x in f1]}  "
            f"{note} ({time.perf_counter() - t0:.0f}s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
