"""Fit the narratives' pair model (``unspin.narratives.pairs.NARRATIVE_WEIGHTS``) and choose
its threshold (``Params.narrative_threshold``) on CheckThat! 2020 claim-retrieval **train**.

Data (only ``../shared/data``): the train tweets ingested with their verified claims and as
many distractor claims, in the bench's fixed arrival order (``bench/narratives.py prepare``
and ``ingest``: the ``cr-tune`` store, claims analyzer). Dev is never read here.

Training pairs are teacher-forced: documents arrive in order, each is put in its story by
the library's story stage, and its most check-worthy claim is compared
(:meth:`unspin.narratives.cluster.Space.features`) with every narrative of its story and
polarity, the narratives being the gold groups formed so far (a pair is positive when the
narrative is the claim's gold group); then the claim joins its gold group. A logistic
regression (scikit-learn, C = 1) is fitted on those pairs.

Selection: 3-fold cross-validation over the train gold groups (the bench's folds): for
each fold the model is fitted on the other two folds' pairs and the whole online
clustering (:func:`bench.narratives.simulate`, the library's ``State``) is run on the fold
for each threshold of the grid; the threshold with the best mean pairwise F1 among those
whose mean precision is at least 0.8 is kept, and the model refitted on the pairs of all
three folds::

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py prepare --work W
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python bench/narratives.py ingest --work W \\
        --sets cr-tune,fnc1-tune
    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python training/narratives/pair_weights.py \\
        --work W [--json OUT]

It prints the weights and threshold to paste into ``pairs.py`` / ``cluster.py``, and the
FNC-1 tuning stories' CV B-cubed F1 under them (the story stage does not use them: a check
that nothing else moved).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import narratives as bench  # noqa: E402  (bench/narratives.py)
from unspin.narratives.cluster import DocumentInput, Params, State  # noqa: E402
from unspin.narratives.pairs import PAIR_FEATURES  # noqa: E402
from unspin.nlp import EMBEDDING_DIM  # noqa: E402

GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
#: The threshold is the best mean F1 among those with this mean CV precision at least (a
#: wrong merge misleads a reader more than a missed one).
MIN_PRECISION = 0.8


def teacher(
    inputs: Sequence[DocumentInput], gold: dict[str, str], params: Params
) -> tuple[np.ndarray, np.ndarray]:
    """Pair features and labels, each document's first claim against the gold groups of
    its story formed before it."""
    state = State(dataclasses.replace(params, narrative_weights=()), EMBEDDING_DIM)
    groups: dict[str, int] = {}
    rows: list[np.ndarray] = []
    labels: list[int] = []
    for doc in inputs:
        story, _ = state.join_story(doc)
        if doc.claims:
            claim = min(doc.claims, key=lambda c: (-c.checkworthiness, c.start))
            allowed = state.narratives_of(story.id, claim.polarity)
            ids, features = state.narratives.features(claim.vector, claim.terms, allowed)
            target = groups.get(gold[doc.document_id])
            rows.extend(features)
            labels.extend(int(g == target) for g in ids)
            groups[gold[doc.document_id]] = state.join(claim, story.id, target).id
        state.vocabulary.add(doc.terms)
    return np.asarray(rows, np.float64).reshape(-1, len(PAIR_FEATURES)), np.asarray(labels)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, ...]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return (float(model.intercept_[0]), *(float(w) for w in model.coef_[0]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=bench.WORK)
    parser.add_argument("--json", type=Path, help="write the weights and the CV table here")
    args = parser.parse_args(argv)
    base = Params()
    inputs, urls = bench.load_inputs(args.work / "cr-tune.db", base)
    gold_url = json.loads((args.work / "cr-tune.gold.json").read_text(encoding="utf-8"))
    gold = {i.document_id: gold_url[urls[i.document_id]] for i in inputs}
    folds = bench._folds(gold)
    subsets = [[i for i in inputs if i.document_id in fold] for fold in folds]
    pairs = [teacher(s, gold, base) for s in subsets]
    for k, (_, y) in enumerate(pairs):
        print(f"fold {k}: {len(subsets[k])} documents, {len(y)} pairs, {int(y.sum())} positive")
    table: dict[float, list[dict[str, float]]] = {t: [] for t in GRID}
    for k, subset in enumerate(subsets):
        x = np.vstack([pairs[j][0] for j in range(len(folds)) if j != k])
        y = np.concatenate([pairs[j][1] for j in range(len(folds)) if j != k])
        weights = fit(x, y)
        sub_gold = {i.document_id: gold[i.document_id] for i in subset}
        for t in GRID:
            params = dataclasses.replace(base, narrative_weights=weights, narrative_threshold=t)
            _, narratives = bench.simulate(subset, params)
            table[t].append(bench.pairwise(sub_gold, narratives))
    for t in GRID:
        f1 = [s["f1"] for s in table[t]]
        p = np.mean([s["precision"] for s in table[t]])
        r = np.mean([s["recall"] for s in table[t]])
        print(f"threshold {t:.2f}: CV pairwise F1 {np.mean(f1):.4f} (P {p:.4f} R {r:.4f}) "
              f"folds {' '.join(f'{v:.4f}' for v in f1)}")  # fmt: skip
    mean = {t: {k: float(np.mean([s[k] for s in table[t]])) for k in table[t][0]} for t in GRID}
    precise = [t for t in GRID if mean[t]["precision"] >= MIN_PRECISION] or list(GRID)
    best = max(precise, key=lambda t: (mean[t]["f1"], -t))
    weights = fit(np.vstack([x for x, _ in pairs]), np.concatenate([y for _, y in pairs]))
    rounded = tuple(round(w, 4) for w in weights)
    chosen = mean[best]
    print(f"chosen threshold {best} (CV F1 {chosen['f1']:.4f}, P {chosen['precision']:.4f})")
    print("NARRATIVE_WEIGHTS =", rounded, " # intercept,", ", ".join(PAIR_FEATURES))
    result: dict[str, Any] = {
        "threshold": best,
        "weights": rounded,
        "features": PAIR_FEATURES,
        "cv": {str(t): table[t] for t in GRID},
    }
    if (args.work / "fnc1-tune.db").exists():
        story_inputs, story_urls = bench.load_inputs(args.work / "fnc1-tune.db", base)
        story_gold_url = json.loads((args.work / "fnc1-tune.gold.json").read_text("utf-8"))
        story_gold = {
            i.document_id: story_gold_url[story_urls[i.document_id]] for i in story_inputs
        }
        scores = []
        for fold in bench._folds(story_gold):
            subset = [i for i in story_inputs if i.document_id in fold]
            params = dataclasses.replace(base, narrative_weights=rounded, narrative_threshold=best)
            stories, _ = bench.simulate(subset, params)
            scores.append(bench.bcubed({d: story_gold[d] for d in fold}, stories)["f1"])
        print(f"FNC-1 tuning stories, 3-fold B-cubed F1 {np.mean(scores):.4f}")
        result["fnc1_cv_bcubed_f1"] = float(np.mean(scores))
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
