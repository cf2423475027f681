"""Cache the backbone's layer-4 word-piece states of every CT24 sentence (for the adapter).

The claims adapter (``adapter.py``) runs fine-tuned copies of MiniLM layers 5-6 on the
layer-4 states of the backbone's own sentence pass (``Backbone.token_states``, one
[CLS] ... [SEP] segment per sentence, as the default pipeline computes them). This
script computes those states once with the same call, over all sentences of a split
(chunks of 1,000 sentences, each sentence its own segment), and stores in ``--work``:

* ``l4_{split}.npy``: float16 ``(pieces, 384)``, layer-4 states of all pieces in order;
* ``seg_{split}.npy``: int64 ``(segments, 3)``: first piece, end piece, sentence index;
* ``emb_{split}.npy`` is not rewritten (``features.py`` owns it); the pass's own
  sentence embeddings go to ``pass_emb_{split}.npy`` (a check against ``emb``).

    nice -n 10 .venv/bin/python training/checkworthiness/states.py --work /tmp/cw-work2
    nice -n 10 .venv/bin/python training/checkworthiness/states.py --work /tmp/cw-work2 --ptc
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from common import DEVTEST, TRAIN, load_split  # noqa: E402

CHUNK = 1000


def sentence_states(
    texts: list[str], log_every: int = 5
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Layer-4 piece states, ``(first, end, sentence)`` per segment, and pass embeddings."""
    from unspin.nlp import SpacyBackbone

    backbone = SpacyBackbone()
    states, segs, embs = [], [], []
    offset = 0
    t0 = time.perf_counter()
    for c, lo in enumerate(range(0, len(texts), CHUNK)):
        chunk = texts[lo : lo + CHUNK]
        starts, pos = [], 0
        for t in chunk:  # the sentences concatenated with one space between them
            starts.append(pos)
            pos += len(t) + 1
        ts = backbone.token_states(chunk, starts)
        states.append(ts.layers[4])
        segs.append(
            np.column_stack([ts.segments + offset, ts.segment_sentence.astype(np.int64) + lo])
        )
        embs.append(ts.embeddings)
        offset += len(ts.starts)
        if c % log_every == 0:
            print(f"  {lo + len(chunk)}/{len(texts)} {time.perf_counter() - t0:.0f}s", flush=True)
    return np.concatenate(states), np.concatenate(segs), np.concatenate(embs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--ptc", type=Path, default=None, help="ptc_texts.json written by features.py")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(1)
    args.work.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, list[str]]]
    if args.ptc is not None:
        jobs = [("ptc", json.loads(args.ptc.read_text("utf-8")))]
    else:
        jobs = [("devtest", load_split(DEVTEST).texts), ("train", load_split(TRAIN).texts)]
    for tag, texts in jobs:
        t0 = time.perf_counter()
        l4, seg, emb = sentence_states(texts)
        np.save(args.work / f"l4_{tag}.npy", l4)
        np.save(args.work / f"seg_{tag}.npy", seg)
        np.save(args.work / f"pass_emb_{tag}.npy", emb)
        print(f"{tag}: {len(texts)} sentences, {len(l4)} pieces, {len(seg)} segments, "
              f"{time.perf_counter() - t0:.0f}s", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
