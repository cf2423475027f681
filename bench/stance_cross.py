"""Cross-encoder stance model (unspin.evidence.cross): CV numbers, gate and cost per claim.

    nice -n 10 .venv/bin/python bench/stance_cross.py            # CV numbers (model card)
    nice -n 10 .venv/bin/python bench/stance_cross.py --gate     # shipped model, gate subset
    nice -n 10 .venv/bin/python bench/stance_cross.py --speed    # seconds per claim, 10 passages
    nice -n 10 .venv/bin/python bench/stance_cross.py --plain [--model DIR]  # 10 plain pairs
    nice -n 10 .venv/bin/python bench/stance_cross.py --verdict-pairs dev    # team's pairs

* **CV** (default): the 3-fold cross-validation of 1.0.0, ``training/stance/cross.py``
  (Climate-FEVER by claim, FNC-1 by story; see ``cross_data.py``), scored on original pairs only
  (``cross_metrics.py``). It reuses what ``/tmp/stance-work/cross`` holds (about 10 s when
  every fold's predictions are there) and makes what is missing, one process: the layer-4
  cache (about 18 min), the frozen layer 5 (about 13 min), each fold's model and
  predictions (about 6-8 min each on a free core). ``--run DIR`` scores instead the fold
  predictions of a ``training/stance/cross_gpu.py train`` run (the shipped 2.1.0: every
  layer tuned on a GPU; see the model card).
* **Gate** (``--gate``; ``tests/evidence/test_cross_quality.py``): the shipped artifact as it
  is, through its runtime (``CrossStance``), on the gate slice of ``cross_data.Item.gate``
  (1/8 of the Climate-FEVER claims and of the FNC-1 stories, by a seeded hash), which the
  shipped model was not trained on: its Climate-FEVER pairs and 600 seeded FNC-1 pairs
  (FNC-1 scores weighted as in the CV).
* **Speed** (``--speed``): a warm model; 20 Climate-FEVER claims, each with 10 passages (its
  5 evidence sentences and 5 of the next claim), one ``predict`` call per claim.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "stance"))

from common import load_climate_fever  # noqa: E402
from cross_metrics import claim_scores, f1s, fnc_relative  # noqa: E402


def cv(run: Path | None = None) -> dict[str, object]:
    if run is not None:  # a `cross_gpu.py train` output (the 2.0.0 recipe, not shipped)
        import cross_gpu

        return cross_gpu.score_run(run, Path("/tmp/stance-work/cross-gpu/folds"))
    import cross
    from cross_metrics import score_folds

    items = cross.build_items()
    for shard in range(2):
        cross.encode(shard, 2)  # each step skips itself when its cache exists
        cross.lift(shard, 2)
    for fold in range(3):
        if not (cross.CROSS / f"fold{fold}-pred.npz").exists():
            cross.train(str(fold))
    return score_folds(items, cross.CROSS)


def gate() -> dict[str, float]:
    """The shipped model on the gate slice's original pairs (600 seeded FNC-1 ones)."""
    from cross_data import build_items

    from unspin.evidence.cross import CrossStance

    model = CrossStance.load()
    items = [it for it in build_items() if it.gate and not it.contrast]
    cf_items = [it for it in items if it.source == "cf"]
    fnc_items = [it for it in items if it.source == "fnc"]
    fnc_items = [fnc_items[k] for k in sorted(random.Random(13).sample(range(len(fnc_items)), 600))]
    cf = load_climate_fever()
    p3 = model.predict([(it.claim, it.passage) for it in cf_items])
    cf_y = np.asarray([it.y3 for it in cf_items])
    f = f1s(cf_y, p3.argmax(1), 3)
    claims = np.asarray([cf.pair_claim[it.ref] for it in cf_items])
    pooled = model.pooled([(it.claim, it.passage) for it in fnc_items])
    four = model.head_proba(pooled, "fnc").argmax(1)
    hybrid = np.where(four == 3, 3, model.head_proba(pooled, "stance").argmax(1))
    y4 = np.asarray([it.y4 for it in fnc_items])
    w = np.asarray([it.weight for it in fnc_items])
    return {
        "cf_pair_macro_f1": float(np.mean(f)),
        "cf_refutes_f1": f[1],
        "cf_claim_macro_f1_3": claim_scores(p3, claims, dict(enumerate(cf.claim_labels)))[
            "claim_macro_f1_3"
        ],
        "fnc_relative_verdict_head": fnc_relative(y4, hybrid, w),
        "fnc_disagree_f1_verdict_head": f1s(y4, hybrid, 4, w)[1],
        "cf_pairs": len(cf_items),
        "fnc_pairs": len(fnc_items),
    }


# (claim, its negation, a passage that states the claim); written for this bench.
PLAIN = [
    (
        "The mayor signed the law in May.",
        "The mayor did not sign the law in May.",
        "In May the mayor signed the new law at a public ceremony.",
    ),
    (
        "The company reported a profit last year.",
        "The company did not report a profit last year.",
        "Last year the company reported a profit for the first time.",
    ),
    (
        "The team won the final.",
        "The team did not win the final.",
        "The team won the final after extra time.",
    ),
    (
        "Prices rose in April.",
        "Prices did not rise in April.",
        "Consumer prices rose sharply in April, the statistics office said.",
    ),
    (
        "The river flooded the town.",
        "The river did not flood the town.",
        "Heavy rain caused the river to flood the town overnight.",
    ),
    (
        "The minister resigned on Friday.",
        "The minister did not resign on Friday.",
        "The minister resigned on Friday after the report was published.",
    ),
    (
        "The vaccine reduces hospital admissions.",
        "The vaccine does not reduce hospital admissions.",
        "Studies found the vaccine reduces hospital admissions by half.",
    ),
    (
        "The school closed in 2019.",
        "The school never closed.",
        "The school closed in 2019 because too few pupils enrolled.",
    ),
    (
        "Wages have increased this year.",
        "Wages have not increased this year.",
        "Wages have increased this year, according to the survey.",
    ),
    (
        "The bridge was built in 1932.",
        "The bridge was not built in 1932.",
        "The bridge was built in 1932 and renovated in 1990.",
    ),
]


def plain(model_path: Path | None) -> dict[str, object]:
    """Plain restatements read as supports, and their negations as refutes (of 10 each)."""
    from unspin.evidence.cross import CrossStance

    model = CrossStance.load(model_path)
    p = model.predict([(c, x) for c, _, x in PLAIN] + [(n, x) for _, n, x in PLAIN])
    k = len(PLAIN)
    return {
        "model": model.name,
        "restatements_supports": int((p[:k].argmax(1) == 0).sum()),
        "negations_refutes": int((p[k:].argmax(1) == 1).sum()),
        "pairs": k,
    }


def verdict_pairs(model_path: Path | None, which: str = "dev") -> dict[str, object]:
    """Each claim of the team's verdict contrast set (``tests/data/verdicts``, one half)
    against its labelled passages: refuted claims' pairs read as supporting, supported
    claims' pairs read as refuting (argmax)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from verdict_contrast import half

    from unspin.evidence.cross import CrossStance

    data = ROOT / "tests" / "data" / "verdicts"
    passages = {
        p["id"]: p["text"]
        for p in map(json.loads, (data / "passages.jsonl").read_text().splitlines())
    }
    claims = [json.loads(line) for line in (data / "claims.jsonl").read_text().splitlines()]
    rows = [
        (c["verdict"], c["text"], passages[pid])
        for c in claims
        if half(c["id"]) == which
        for pid in c.get("evidence") or []
    ]
    model = CrossStance.load(model_path)
    p = model.predict([(claim, passage) for _, claim, passage in rows]).argmax(1)
    verdicts = [v for v, _, _ in rows]
    refuted = [k for k, v in enumerate(verdicts) if v == "refuted"]
    supported = [k for k, v in enumerate(verdicts) if v == "supported"]
    return {
        "model": model.name,
        "half": which,
        "refuted_pairs": len(refuted),
        "refuted_read_as_supports": int(sum(p[k] == 0 for k in refuted)),
        "supported_pairs": len(supported),
        "supported_read_as_refutes": int(sum(p[k] == 1 for k in supported)),
    }


def speed(claims: int = 20) -> dict[str, float]:
    from unspin.evidence.cross import CrossStance

    model = CrossStance.load()
    cf = load_climate_fever()
    ev: dict[int, list[str]] = {}
    for k, e in zip(cf.pair_claim, cf.evidences, strict=True):
        ev.setdefault(int(k), []).append(e)
    model.predict([(cf.claims[0], ev[0][0])])  # warm
    times = []
    for k in range(claims):
        passages = ev[k][:5] + ev[k + 1][:5]
        t = time.perf_counter()
        model.predict([(cf.claims[k], p) for p in passages])
        times.append(time.perf_counter() - t)
    return {
        "claims": claims,
        "mean_s": float(np.mean(times)),
        "median_s": float(np.median(times)),
        "max_s": float(np.max(times)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gate", action="store_true")
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--plain", action="store_true", help="10 plain restatements and negations")
    ap.add_argument(
        "--verdict-pairs",
        choices=("dev", "check"),
        help="the verdict contrast set's labelled pairs of one half, read by the model",
    )
    ap.add_argument("--model", type=Path, help="--plain: a model folder (default: shipped)")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--run", type=Path, help="CV of a `cross_gpu.py train` output folder instead")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (gate, speed)")
    ap.add_argument("--cache", type=Path, help="unused: the gate and speed runs cache nothing")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(
        args.threads if args.gate or args.speed or args.plain or args.verdict_pairs else 1
    )
    t0 = time.time()
    if args.gate:
        out: dict[str, object] = dict(gate())
    elif args.speed:
        out = dict(speed())
    elif args.plain:
        out = plain(args.model)
    elif args.verdict_pairs:
        out = verdict_pairs(args.model, args.verdict_pairs)
    else:
        out = cv(args.run)
    out["seconds"] = round(time.time() - t0, 1)
    text = json.dumps(out.get("summary", out), indent=2)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
