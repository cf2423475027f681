"""Stance model quality: FNC-1 relative score and Climate-FEVER macro-F1 (the model card's numbers).

    nice -n 19 .venv/bin/python bench/stance.py                 # both
    nice -n 19 .venv/bin/python bench/stance.py --only fnc1     # the shipped FNC-1 head on dev
    nice -n 19 .venv/bin/python bench/stance.py --only climate-fever
    .venv/bin/python bench/stance.py --gate --cache "$(mktemp -d)" --json gate.json  # CI gate

* **FNC-1** (``../shared/data/fnc1``, training data only): the shipped artifact's FNC-1 head
  (agree / disagree / discuss / unrelated over the pair features of the headline and the
  body's most similar sentence plus document features; fitted on the training bodies
  outside the dev split) scored on the dev split (20% of the bodies, chosen by a seeded
  hash of the body id: ``training/stance/common.py``) with the official relative score
  (0.25 for a correct related/unrelated decision, 0.75 more for the correct agree /
  disagree / discuss, over the maximum), plus macro-F1 over the four classes.
* **Climate-FEVER** (``../shared/data/climate-fever``): 5-fold cross-validation split by
  claim, refitting the shipped three-way head's recipe (read from ``stance.json``) in each
  fold; pair-level macro-F1 (SUPPORTS / REFUTES / NOT_ENOUGH_INFO) and claim-level
  macro-F1 of the verdict rule over each claim's five evidences (four classes, DISPUTED
  scored as "mixed"; and three classes with the DISPUTED claims left out), mean ± sample
  standard deviation over folds.
* **Gate** (``--gate``; ``tests/evidence/test_stance_quality.py`` runs it): the shipped
  artifact as it is, on the FNC-1 bodies of ``common.fnc_gate_bodies`` (the half of the dev
  split under a 10% hash: neither head was fitted on them): the FNC-1 head's relative score
  and macro-F1 over all their pairs, the shared three-way head's macro-F1 over their
  related pairs (agree -> supports, disagree -> refutes, discuss -> not enough info). Only
  those bodies' sentences and headlines are embedded. Climate-FEVER has no such slice: the
  shared head was fitted on every Climate-FEVER pair (see the model card).

Embeddings come from the shared MiniLM backbone and are cached in ``--cache`` (default
``/tmp/stance-work``; ``training/stance/features.py`` fills it; this script fills it too if
needed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training" / "stance"))

from common import WORK, load_fnc  # noqa: E402
from train import (  # noqa: E402
    cf_data,
    evaluate_cf,
    fnc_data,
    fnc_score,
    fnc_X,
    gate_scores,
    macro_f1,
)

from unspin.evidence.stance import StanceModel  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=("fnc1", "climate-fever"))
    parser.add_argument("--gate", action="store_true", help="score the gate slices only")
    parser.add_argument("--cache", type=Path, default=WORK, help="embedding cache folder")
    parser.add_argument("--json", type=Path, default=None, help="with --gate: write the scores")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    model = StanceModel.load()
    meta = model.meta
    blocks = tuple(str(b) for b in meta["blocks"])  # type: ignore[attr-defined]
    print(f"model {model.label}, trained {meta.get('trained')}")
    t0 = time.time()
    if args.gate:
        assert model.fnc_head is not None
        gate = fnc_data(blocks, "gate", args.cache, args.threads)
        scores = gate_scores(model.head, model.fnc_head, gate)
        print(
            f"FNC-1 gate ({scores['bodies']} bodies, {scores['pairs']} pairs): FNC-1 head "
            f"relative score {scores['relative_score']:.4f}, macro-F1 {scores['macro_f1']:.4f}; "
            f"shared head on the {scores['related_pairs']} related pairs: macro-F1 "
            f"{scores['stance_macro_f1']:.4f} {scores['stance_per_class_f1']}"
        )
        if args.json is not None:
            args.json.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
        print(f"{time.time() - t0:.0f}s")
        return
    fnc = fnc_data(blocks, "all", args.cache)
    if args.only in (None, "fnc1"):
        assert model.fnc_head is not None
        pred = model.fnc_head.proba(fnc_X(fnc)[fnc.dev]).argmax(axis=1)
        y = fnc.y[fnc.dev]
        print(
            f"FNC-1 dev ({int(fnc.dev.sum())} pairs, "
            f"{len(set(fnc.body_ids[fnc.dev].tolist()))} bodies): "
            f"relative score {fnc_score(y, pred):.4f}, macro-F1 {macro_f1(y, pred, 4):.4f}"
        )
        # headlines recur across bodies: score the dev pairs whose headline training never saw
        heads = np.asarray(load_fnc().headlines, dtype=object)
        seen = set(heads[~fnc.dev].tolist())
        fresh = np.asarray([h not in seen for h in heads[fnc.dev]])
        if fresh.any():
            print(
                f"  of which {int(fresh.sum())} pairs with a headline unseen in training: "
                f"relative score {fnc_score(y[fresh], pred[fresh]):.4f}"
            )
        else:
            print("  every dev headline also occurs in training (with other bodies)")
    if args.only in (None, "climate-fever"):
        cf = cf_data(blocks)
        result = evaluate_cf(
            cf,
            fnc,
            fnc_weight=float(meta["fnc_weight"]),  # type: ignore[arg-type]
            related_only=bool(meta.get("fnc_related_only", False)),
            hidden=tuple(int(h) for h in meta["hidden"]),  # type: ignore[attr-defined]
            alpha=float(meta["alpha"]),  # type: ignore[arg-type]
        )
        for key, name in (
            ("pair_macro_f1", "pair-level macro-F1"),
            ("claim_macro_f1_4", "claim-level macro-F1 (4 classes, DISPUTED = mixed)"),
            ("claim_macro_f1_3", "claim-level macro-F1 (3 classes, DISPUTED left out)"),
        ):
            mean, std = result[key]  # type: ignore[misc]
            print(f"Climate-FEVER 5-fold CV {name}: {mean:.3f} ± {std:.3f}")
        print(json.dumps(result))
    print(f"{time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
