"""Write folds.json: a fixed 5-fold split of the PTC training articles, by article.

Articles are sorted by their number of technique instances (ties broken by a seeded
shuffle) and dealt out in blocks of five, each block in a seeded random order of folds,
so every fold gets a similar mix of sparsely and densely annotated articles.

    .venv/bin/python training/techniques/make_folds.py [--ptc ../shared/data/ptc]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from unspin.techniques.ptc import load_corpus

HERE = Path(__file__).resolve().parent
DEFAULT_PTC = HERE.parents[2] / "shared" / "data" / "ptc"
SEED = 20200911
N_FOLDS = 5


def make_folds(counts: dict[str, int], n_folds: int = N_FOLDS, seed: int = SEED) -> dict[str, int]:
    rng = random.Random(seed)
    ids = sorted(counts)
    rng.shuffle(ids)
    ids.sort(key=lambda i: counts[i])  # stable: the shuffle breaks ties
    folds: dict[str, int] = {}
    for block in range(0, len(ids), n_folds):
        order = list(range(n_folds))
        rng.shuffle(order)
        for aid, fold in zip(ids[block : block + n_folds], order, strict=False):
            folds[aid] = fold
    return dict(sorted(folds.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ptc", type=Path, default=DEFAULT_PTC)
    ap.add_argument("--out", type=Path, default=HERE / "folds.json")
    args = ap.parse_args()
    corpus = load_corpus(args.ptc)
    counts = {a.id: len(a.spans) for a in corpus.articles}
    folds = make_folds(counts)
    stats = []
    for k in range(N_FOLDS):
        members = [a for a in corpus.articles if folds[a.id] == k]
        stats.append(
            {
                "fold": k,
                "articles": len(members),
                "tc_instances": sum(len(a.spans) for a in members),
                "si_spans": sum(len(a.si_spans) for a in members),
                "characters": sum(len(a.text) for a in members),
            }
        )
    doc = {
        "description": "5-fold split of the 371 PTC training articles by article id "
        "(training/techniques/make_folds.py); fold k is the test fold of run k.",
        "seed": SEED,
        "n_folds": N_FOLDS,
        "stratified_by": "number of TC instances per article",
        "stats": stats,
        "folds": folds,
    }
    args.out.write_text(json.dumps(doc, indent=1) + "\n")
    for s in stats:
        print(s)


if __name__ == "__main__":
    main()
