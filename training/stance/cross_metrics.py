"""Scores of the cross-encoder's held-out predictions (original pairs only).

* Climate-FEVER: pair-level macro-F1 over SUPPORTS / REFUTES / NOT_ENOUGH_INFO and each
  class's F1; claim-level macro-F1 of the verdict rule (``unspin.evidence.verdict``, its
  defaults) over the claim's five evidences, three classes with the DISPUTED claims left
  out (a "mixed" verdict then counts as wrong), and four classes (DISPUTED = mixed).
* FNC-1: the official relative score (weighted accuracy over its maximum) and per-class
  F1, each sampled pair weighted by (pairs of its class in its fold) / (sampled). Two
  readings: ``verdict head`` = the three-way head verdicts use decides agree (supports),
  disagree (refutes) or discuss (not enough info) and the FNC-1 head only says whether the
  pair is unrelated; ``fnc head`` = the four-way FNC-1 head alone.
* Contrast pairs of the test fold (never trained on by that fold's model): the share read
  as refutes (or, for negated not-enough-info claims, as not enough info).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from common import load_climate_fever
from cross_data import Item

from unspin.evidence.stance import STANCES
from unspin.evidence.verdict import VERDICT_TO_CLIMATE_FEVER, aggregate

CLAIM_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED")


def f1s(y: np.ndarray, p: np.ndarray, n: int, w: np.ndarray | None = None) -> list[float]:
    w = np.ones(len(y)) if w is None else w
    out = []
    for c in range(n):
        tp = float(w[(p == c) & (y == c)].sum())
        fp = float(w[(p == c) & (y != c)].sum())
        fn = float(w[(p != c) & (y == c)].sum())
        out.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return out


def fnc_relative(y: np.ndarray, p: np.ndarray, w: np.ndarray) -> float:
    unrelated = 3
    score = np.where(y == p, 0.25, 0.0)
    score += np.where((y == p) & (y != unrelated), 0.5, 0.0)
    score += np.where((y != unrelated) & (p != unrelated), 0.25, 0.0)
    best = np.where(y == unrelated, 0.25, 1.0)
    return float((w * score).sum() / (w * best).sum())


def claim_scores(p3: np.ndarray, claims: np.ndarray, gold: dict[int, str]) -> dict[str, float]:
    by: dict[int, list[int]] = {}
    for r, k in enumerate(claims):
        by.setdefault(int(k), []).append(r)
    g, v = [], []
    for k, rows in by.items():
        stances = [(STANCES[int(np.argmax(p3[r]))], float(p3[r].max())) for r in rows]
        verdict = VERDICT_TO_CLIMATE_FEVER[aggregate(stances).verdict]
        g.append(CLAIM_LABELS.index(gold[k]))
        v.append(CLAIM_LABELS.index(verdict))
    ga, va = np.asarray(g), np.asarray(v)
    keep = ga != 3
    return {
        "claim_macro_f1_3": float(np.mean(f1s(ga[keep], va[keep], 3))),
        "claim_macro_f1_4": float(np.mean(f1s(ga, va, 4))),
        "claims": len(g),
        "claims_3": int(keep.sum()),
    }


def score(items: list[Item], rows: np.ndarray, p3: np.ndarray, p4: np.ndarray) -> dict:
    cf = load_climate_fever()
    gold = dict(enumerate(cf.claim_labels))
    it = [items[int(r)] for r in rows]
    out: dict[str, object] = {}
    sel = np.asarray([i.source == "cf" and not i.contrast for i in it])
    if sel.any():
        y = np.asarray([i.y3 for i in it])[sel]
        pred = p3[sel].argmax(1)
        f = f1s(y, pred, 3)
        claims = np.asarray([cf.pair_claim[i.ref] for i, s in zip(it, sel, strict=True) if s])
        out["cf"] = {
            "pairs": int(sel.sum()),
            "pair_macro_f1": float(np.mean(f)),
            "pair_f1": dict(zip(("supports", "refutes", "nei"), f, strict=True)),
            **claim_scores(p3[sel], claims, gold),
        }
    sel = np.asarray([i.source == "fnc" and not i.contrast for i in it])
    if sel.any():
        y = np.asarray([i.y4 for i in it])[sel]
        w = np.asarray([i.weight for i in it])[sel]
        four = p4[sel].argmax(1)
        hybrid = np.where(four == 3, 3, p3[sel].argmax(1))  # 0 agree, 1 disagree, 2 discuss
        out["fnc"] = {"pairs": int(sel.sum()), "pairs_represented": float(w.sum())}
        for name, pred in (("verdict_head", hybrid), ("fnc_head", four)):
            f = f1s(y, pred, 4, w)
            out["fnc"][name] = {  # type: ignore[index]
                "relative_score": fnc_relative(y, pred, w),
                "macro_f1": float(np.mean(f)),
                "f1": dict(zip(("agree", "disagree", "discuss", "unrelated"), f, strict=True)),
            }
    rules: dict[str, list[bool]] = {}
    for i, row in zip(it, p3, strict=True):
        if i.contrast:
            want = i.y3  # the variant's own label: refutes, or kept (controls, restatements)
            rules.setdefault(f"{i.source}:{i.contrast}", []).append(int(np.argmax(row)) == want)
    out["contrast"] = {k: [len(v), float(np.mean(v))] for k, v in sorted(rules.items())}
    return out


def _mean_sd(values: list[float]) -> list[float]:
    return [float(np.mean(values)), float(np.std(values, ddof=1)) if len(values) > 1 else 0.0]


def score_folds(items: list[Item], folder: Path) -> dict:
    folds = {}
    all_rows, all3, all4 = [], [], []
    for path in sorted(folder.glob("fold[0-9]-pred.npz")):
        with np.load(path) as npz:
            rows, p3, p4 = npz["rows"], npz["p3"], npz["p4"]
        folds[path.name[:5]] = score(items, rows, p3, p4)
        all_rows.append(rows)
        all3.append(p3)
        all4.append(p4)
    if not folds:
        raise SystemExit(f"no fold predictions in {folder}: run `cross.py train --fold K`")
    pooled = score(items, np.concatenate(all_rows), np.concatenate(all3), np.concatenate(all4))
    per = list(folds.values())
    summary = {
        "folds": len(per),
        "cf_pair_macro_f1": _mean_sd([f["cf"]["pair_macro_f1"] for f in per]),
        "cf_refutes_f1": _mean_sd([f["cf"]["pair_f1"]["refutes"] for f in per]),
        "cf_claim_macro_f1_3": _mean_sd([f["cf"]["claim_macro_f1_3"] for f in per]),
        "cf_claim_macro_f1_4": _mean_sd([f["cf"]["claim_macro_f1_4"] for f in per]),
        "fnc_relative_verdict_head": _mean_sd(
            [f["fnc"]["verdict_head"]["relative_score"] for f in per]
        ),
        "fnc_disagree_f1_verdict_head": _mean_sd(
            [f["fnc"]["verdict_head"]["f1"]["disagree"] for f in per]
        ),
        "fnc_relative_fnc_head": _mean_sd([f["fnc"]["fnc_head"]["relative_score"] for f in per]),
        "fnc_disagree_f1_fnc_head": _mean_sd([f["fnc"]["fnc_head"]["f1"]["disagree"] for f in per]),
    }
    return {"summary": summary, "pooled": pooled, "folds": folds}
