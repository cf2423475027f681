"""TC (technique classification on gold spans) experiments over the fixed 5 folds.

    nice -n 19 .venv/bin/python training/techniques/tc_experiments.py majority cheap lr_sent ...

Each model is trained on four folds and scored on the fifth with the official-style TC
scorer (:func:`unspin.techniques.ptc.score_tc`); a span with k gold techniques gets the model's
k most probable techniques. Prints fold-level micro-F1, mean ± std, per-technique F1 and
timings, and appends them to /tmp/ptc-work/results.jsonl.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from common import (
    CHEAP_NAMES,
    WORK,
    Data,
    TCItem,
    Timer,
    cheap_features,
    load_data,
    log_result,
    mean_std,
    tc_items,
    top_k_predictions,
)

from unspin.techniques.ptc import TECHNIQUES, score_tc

# -- features ------------------------------------------------------------------------------


def span_text_embeddings(data: Data, items: Sequence[TCItem]) -> np.ndarray:
    """MiniLM sentence embedding of each span's own text (a separate forward pass)."""
    path = WORK / "span_text_emb.npz"
    keys = [f"{i.article_id}:{i.start}:{i.end}" for i in items]
    if path.exists():
        z = np.load(path, allow_pickle=False)
        cached = dict(zip(z["keys"].tolist(), z["emb"], strict=True))
        if all(k in cached for k in keys):
            return np.stack([cached[k] for k in keys])
    from unspin.nlp import SpacyBackbone

    texts = [data.corpus[i.article_id].text[i.start : i.end] for i in items]
    emb = SpacyBackbone().embed(texts)
    np.savez(path, keys=np.array(keys), emb=emb)
    return emb


def sentence_embedding(data: Data, layer6: np.ndarray, sent_ids: Sequence[int]) -> np.ndarray:
    """The backbone's sentence embedding (mean over all pieces incl. [CLS]/[SEP], L2-normed)."""
    first, last = data.pieces["sent_first"], data.pieces["sent_last"]
    vecs = []
    for s in sent_ids:
        v = layer6[first[s] : last[s]].astype(np.float32).mean(0)
        vecs.append(v / (np.linalg.norm(v) + 1e-9))
    return np.mean(vecs, 0)


def token_features(data: Data, items: Sequence[TCItem], layers: Sequence[int]) -> np.ndarray:
    """Per span: mean and max of its pieces' states (each layer) and its sentences' embedding."""
    cache = {k: data.layer(k) for k in {*layers, 6}}
    sent = data.pieces["sentence"]
    rows = []
    for it in items:
        idx = data.pieces_in(it.article_id, it.start, it.end)
        parts = []
        for k in layers:
            h = cache[k][idx].astype(np.float32)
            parts += [h.mean(0), h.max(0)]
        sids = sorted(set(sent[idx].tolist()))
        parts.append(sentence_embedding(data, cache[6], sids))
        rows.append(np.concatenate(parts))
    return np.stack(rows)


def cheap_matrix(data: Data, items: Sequence[TCItem]) -> np.ndarray:
    return np.array([cheap_features(data.corpus[i.article_id], i.start, i.end) for i in items])


# -- models ----------------------------------------------------------------------------------

Fit = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def expand(items: Sequence[TCItem], X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One training row per (span, technique) instance."""
    rows, ys = [], []
    for i, it in enumerate(items):
        for lab in it.labels:
            rows.append(i)
            ys.append(TECHNIQUES.index(lab))
    return X[rows], np.array(ys)


def fit_lr(C: float) -> Fit:
    def fit(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray) -> np.ndarray:
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        sc = StandardScaler().fit(Xtr)
        clf = LogisticRegression(C=C, max_iter=2000)
        clf.fit(sc.transform(Xtr), ytr)
        proba = np.zeros((len(Xte), len(TECHNIQUES)))
        proba[:, clf.classes_] = clf.predict_proba(sc.transform(Xte))
        return proba

    return fit


def fit_mlp(hidden: int = 256, epochs: int = 40, dropout: float = 0.3, wd: float = 1e-2) -> Fit:
    def fit(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray) -> np.ndarray:
        import torch

        torch.manual_seed(0)
        mu, sd = Xtr.mean(0), Xtr.std(0) + 1e-6
        xt = torch.tensor((Xtr - mu) / sd, dtype=torch.float32)
        yt = torch.tensor(ytr)
        net = torch.nn.Sequential(
            torch.nn.Dropout(0.1),
            torch.nn.Linear(xt.shape[1], hidden),
            torch.nn.GELU(),
            torch.nn.Dropout(dropout),
            torch.nn.Linear(hidden, len(TECHNIQUES)),
        )
        opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=wd)
        g = torch.Generator().manual_seed(0)
        for _ in range(epochs):
            net.train()
            perm = torch.randperm(len(xt), generator=g)
            for b in range(0, len(xt), 64):
                j = perm[b : b + 64]
                loss = torch.nn.functional.cross_entropy(net(xt[j]), yt[j])
                opt.zero_grad()
                loss.backward()
                opt.step()
        net.eval()
        with torch.no_grad():
            xe = torch.tensor((Xte - mu) / sd, dtype=torch.float32)
            return torch.softmax(net(xe), -1).numpy()

    return fit


def fit_majority(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray) -> np.ndarray:
    proba = np.bincount(ytr, minlength=len(TECHNIQUES)).astype(float)
    return np.tile(proba / proba.sum(), (len(Xte), 1))


# -- the experiment loop ---------------------------------------------------------------------


def run(data: Data, name: str, X: np.ndarray, items: list[TCItem], fit: Fit) -> dict[str, Any]:
    fold_of = np.array([data.folds[i.article_id] for i in items])
    f1s, per_tech, secs = [], {t: [] for t in TECHNIQUES}, []
    gold_all = [s for a in data.corpus.articles for s in a.spans]
    proba_all = np.zeros((len(items), len(TECHNIQUES)), np.float32)
    for k in range(5):
        t = Timer()
        tr, te = np.nonzero(fold_of != k)[0], np.nonzero(fold_of == k)[0]
        Xtr, ytr = expand([items[i] for i in tr], X[tr])
        proba = fit(Xtr, ytr, X[te])
        secs.append(t())
        proba_all[te] = proba
        pred = top_k_predictions([items[i] for i in te], proba, TECHNIQUES)
        test_ids = {items[i].article_id for i in te}
        gold = [s for s in gold_all if s.article_id in test_ids]
        score = score_tc(pred, gold)
        f1s.append(score.f1)
        for tech in TECHNIQUES:
            per_tech[tech].append(score.per_technique[tech].f1)
    print(
        f"{name:28s} TC micro-F1 {mean_std(f1s)}  folds {[round(f, 3) for f in f1s]}  "
        f"fit {np.mean(secs):.1f}s/fold",
        flush=True,
    )
    result = {
        "task": "TC",
        "f1_folds": f1s,
        "f1": mean_std(f1s),
        "per_technique_f1": {t: mean_std(v) for t, v in per_tech.items()},
        "fit_seconds_per_fold": float(np.mean(secs)),
        "dims": int(X.shape[1]),
    }
    log_result(name, result)
    np.save(WORK / f"tc_proba_{name.replace(':', '_')}.npy", proba_all)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("models", nargs="+")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch

    torch.set_num_threads(args.threads)
    data = load_data()
    items = tc_items(data.corpus.articles)
    t = Timer()
    cheap = cheap_matrix(data, items)
    print(f"{len(items)} distinct spans; cheap features {cheap.shape[1]} ({t():.1f}s)")
    assert cheap.shape[1] == len(CHEAP_NAMES)
    feats: dict[str, Callable[[], np.ndarray]] = {
        "cheap": lambda: cheap,
        "sent": lambda: np.hstack([span_text_embeddings(data, items), cheap]),
        "tok6": lambda: np.hstack([token_features(data, items, [6]), cheap]),
        "tok46": lambda: np.hstack([token_features(data, items, [4, 6]), cheap]),
        "tok346": lambda: np.hstack([token_features(data, items, [3, 4, 6]), cheap]),
        "tok46sent": lambda: np.hstack(
            [token_features(data, items, [4, 6]), span_text_embeddings(data, items), cheap]
        ),
        "tok6sent": lambda: np.hstack(
            [token_features(data, items, [6]), span_text_embeddings(data, items), cheap]
        ),
    }
    cache: dict[str, np.ndarray] = {}

    def X(kind: str) -> np.ndarray:
        if kind not in cache:
            t = Timer()
            cache[kind] = feats[kind]()
            print(f"  features {kind}: {cache[kind].shape} in {t():.1f}s", flush=True)
        return cache[kind]

    for m in args.models:
        if m == "majority":
            run(data, m, cheap, items, fit_majority)
            continue
        model, _, kind = m.partition(":")
        if model.startswith("lr"):
            C = float(model[2:] or 1.0)
            run(data, m, X(kind), items, fit_lr(C))
        elif model.startswith("mlp"):
            hidden = int(model[3:] or 256)
            run(data, m, X(kind), items, fit_mlp(hidden))
        else:
            raise SystemExit(f"unknown model {m}")


if __name__ == "__main__":
    main()
