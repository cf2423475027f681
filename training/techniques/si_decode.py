"""SI decoding variants over saved out-of-fold tagger probabilities (no training).

    PTC_WORK=/tmp/ptc-work/fresh .venv/bin/python training/techniques/si_decode.py \
        raw+pca0+pca1 [--low 0.02,0.05,0.1] [--high 0.2,0.25,0.3,0.4] [--trim 0,0.3,0.4,0.5,0.6] \
        [--valley 0] [--b-split 0]

The members' O/B/I probabilities (``$PTC_WORK/research/NAME.npy``, written by
``si_research.py train`` or ``si_lora.py --name``) are averaged; P(inside) = P(B) + P(I).
A run is a maximal sequence of pieces with P(inside) >= ``low`` inside one sentence; it
may be split where P(inside) dips under ``valley`` x the run's best piece, or where a
piece's P(B) reaches ``b_split``; a part is kept when its best piece reaches ``high``;
its edge pieces under ``trim`` x its best piece are dropped; it is widened to whole
words and trimmed of boundary punctuation, as the analyzer does
(``unspin.techniques.features.decode`` and ``widen``). Every combination of the grids is
scored on every fold; the setting of test fold k is the one with the best mean F1 on
the other four folds, and the script prints the resulting SI F1 (mean ± sample std)
and the best fixed settings.
"""

from __future__ import annotations

import argparse
import itertools
import time

import numpy as np
from common import load_data, log_result, mean_std
from si_research import OUT

from unspin.techniques.features import widen
from unspin.techniques.ptc import Span, score_si


def floats(text: str) -> tuple[float, ...]:
    return tuple(float(x) for x in text.split(","))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("names", help="members joined by '+'")
    ap.add_argument("--low", type=floats, default=(0.02, 0.05, 0.1))
    ap.add_argument("--high", type=floats, default=(0.2, 0.25, 0.3, 0.4))
    ap.add_argument("--trim", type=floats, default=(0.0, 0.3, 0.4, 0.5, 0.6))
    ap.add_argument("--valley", type=floats, default=(0.0,))
    ap.add_argument("--b-split", type=floats, default=(0.0,))
    args = ap.parse_args()
    data = load_data()
    members = args.names.split("+")
    probs = np.mean([np.load(OUT / f"{n}.npy").astype(np.float32) for n in members], 0)
    p_in, p_b = probs[:, 1] + probs[:, 2], probs[:, 1]
    starts, ends, sent = data.pieces["start"], data.pieces["end"], data.pieces["sentence"]
    sentences: dict[str, list[np.ndarray]] = {}
    for a in data.corpus.articles:
        lo, hi = data.piece_ranges[a.id]
        by: dict[int, list[int]] = {}
        for i in range(lo, hi):
            if starts[i] >= 0:
                by.setdefault(int(sent[i]), []).append(i)
        sentences[a.id] = [np.array(v) for v in by.values()]

    def split(part: list[int], pr: np.ndarray, idx: np.ndarray, valley: float, b: float):
        parts = [part]
        if valley > 0:
            m, parts, cur = pr[part].max(), [], []
            for t in part:
                if pr[t] < valley * m:
                    parts, cur = ([*parts, cur] if cur else parts), []
                else:
                    cur.append(t)
            parts += [cur] if cur else []
        if b > 0:
            out = []
            for p in parts:
                cur = []
                for t in p:
                    if cur and p_b[idx[t]] >= b:
                        out.append(cur)
                        cur = []
                    cur.append(t)
                out += [cur] if cur else []
            parts = out
        return parts

    def decode(aid: str, low: float, high: float, trim: float, valley: float, b: float):
        text = data.corpus[aid].text
        out = []
        for idx in sentences[aid]:
            pr = p_in[idx]
            on = pr >= low
            i, n = 0, len(idx)
            while i < n:
                if not on[i]:
                    i += 1
                    continue
                j = i
                while j < n and on[j]:
                    j += 1
                for part in split(list(range(i, j)), pr, idx, valley, b):
                    m = pr[part].max()
                    if m < high:
                        continue
                    a_, b_ = 0, len(part)
                    while a_ < b_ and pr[part[a_]] < trim * m:
                        a_ += 1
                    while b_ > a_ and pr[part[b_ - 1]] < trim * m:
                        b_ -= 1
                    s, e = widen(text, int(starts[idx[part[a_]]]), int(ends[idx[part[b_ - 1]]]))
                    if e > s:
                        out.append(Span(aid, s, e))
                i = j
        return out

    grid = list(itertools.product(args.low, args.high, args.trim, args.valley, args.b_split))
    tests = {k: data.split(k)[1] for k in range(5)}
    golds = {k: [s for a in tests[k] for s in a.si_spans] for k in range(5)}
    table = np.zeros((5, len(grid), 3))
    t0 = time.time()
    for gi, g in enumerate(grid):
        for k in range(5):
            sc = score_si([s for a in tests[k] for s in decode(a.id, *g)], golds[k])
            table[k, gi] = (sc.precision, sc.recall, sc.f1)
    f1s, ps, rs, chosen = [], [], [], []
    for k in range(5):
        gi = int(np.argmax(table[[j for j in range(5) if j != k], :, 2].mean(0)))
        chosen.append(grid[gi])
        ps.append(table[k, gi, 0])
        rs.append(table[k, gi, 1])
        f1s.append(table[k, gi, 2])
    print(
        f"{args.names}: SI F1 {mean_std(f1s)} (P {mean_std(ps)}, R {mean_std(rs)}); "
        f"folds {[round(f, 3) for f in f1s]}; chosen (low, high, trim, valley, b) {chosen}; "
        f"{len(grid)} settings in {time.time() - t0:.0f}s"
    )
    for gi in np.argsort(-table[:, :, 2].mean(0))[:5]:
        print(f"  fixed {grid[gi]}: {table[:, gi, 2].mean():.4f}")
    log_result(
        f"decode:{args.names}",
        {"task": "SI", "f1": mean_std(f1s), "f1_folds": f1s, "settings": chosen},
    )


if __name__ == "__main__":
    main()
