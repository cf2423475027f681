"""The pair-embedding stance model (unspin.evidence.stance) refitted on the cross-encoder's folds.

    cd training/stance && nice -n 10 ../../.venv/bin/python cross_baseline.py

Same recipe as ``train.py`` (pair features over MiniLM embeddings cached by ``features.py``;
the shared three-way head on Climate-FEVER + related FNC-1 pairs weight 0.5; the FNC-1
four-way head on FNC-1 pairs) but fitted on the training folds of ``cross_data.py``
(Climate-FEVER by claim, FNC-1 by story) and scored on the held-out fold: Climate-FEVER
pairs, and every FNC-1 pair of the fold whose headline and body are both in it (the
cross-encoder's scores estimate the same by weighting its sample).
"""

from __future__ import annotations

import json
import sys

import numpy as np
from common import WORK, claim_folds, load_fnc
from cross_data import FOLDS, SEED, story_folds
from cross_metrics import _mean_sd, claim_scores, f1s, fnc_relative
from train import FNC_TO_STANCE, STANCES, cf_data, fit_head, fnc_data


def main() -> None:
    cf = cf_data()
    fnc = fnc_data()
    raw = load_fnc()
    fold_of = story_folds(raw.headlines, raw.body_ids, raw.labels)
    fh = np.asarray([fold_of[("h", h)][0] for h in raw.headlines])
    fb = np.asarray([fold_of[("b", int(b))][0] for b in raw.body_ids])
    fnc_fold = np.where(fh == fb, fh, -1)
    cf_fold = claim_folds(cf.claim_ids, k=FOLDS, seed=SEED)[cf.pair_claim]
    gold = dict(enumerate(cf.claim_labels))
    per: list[dict] = []
    for f in range(FOLDS):
        related = (fnc_fold >= 0) & (fnc_fold != f) & (fnc.y != 3)
        X = np.concatenate([cf.X[cf_fold != f], fnc.X_pair[related]])
        y = np.concatenate([cf.y[cf_fold != f], FNC_TO_STANCE[fnc.y[related]]])
        w = np.concatenate([np.ones(int((cf_fold != f).sum())), np.full(int(related.sum()), 0.5)])
        head = fit_head(X, y, STANCES, weight=w)
        te = cf_fold == f
        p3 = head.proba(cf.X[te])
        fcf = f1s(cf.y[te], p3.argmax(1), 3)
        out = {
            "cf_pair_macro_f1": float(np.mean(fcf)),
            "cf_refutes_f1": fcf[1],
            **claim_scores(p3, cf.pair_claim[te], gold),
        }
        tr = (fnc_fold >= 0) & (fnc_fold != f)
        Xf = np.concatenate([fnc.X_pair, fnc.X_doc], axis=1)
        fhead = fit_head(
            Xf[tr], fnc.y[tr], ("agree", "disagree", "discuss", "unrelated"), balanced=False
        )
        te = fnc_fold == f
        four = fhead.proba(Xf[te]).argmax(1)
        hybrid = np.where(four == 3, 3, head.proba(fnc.X_pair[te]).argmax(1))
        ones = np.ones(int(te.sum()))
        for name, pred in (("verdict_head", hybrid), ("fnc_head", four)):
            out[f"fnc_relative_{name}"] = fnc_relative(fnc.y[te], pred, ones)
            out[f"fnc_disagree_f1_{name}"] = f1s(fnc.y[te], pred, 4)[1]
        print(f"fold {f}: {json.dumps(out)}", flush=True)
        per.append(out)
    summary = {k: _mean_sd([p[k] for p in per]) for k in per[0] if isinstance(per[0][k], float)}
    (WORK / "cross" / "baseline.json").write_text(
        json.dumps({"summary": summary, "folds": per}, indent=2)
    )
    print(json.dumps(summary, indent=2))
    sys.exit(0)


if __name__ == "__main__":
    main()
