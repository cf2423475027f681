"""Inference cost of the candidate technique heads against the bare backbone, per article.

    nice -n 19 .venv/bin/python training/techniques/bench_inference.py --articles 8

On PTC articles of 800-1,200 words: the backbone (spaCy parse + MiniLM sentence
embeddings, as ``SpacyBackbone`` runs them) against the extra work of each design:

* ``tokens_again``: a second MiniLM pass keeping token states (what a techniques head
  costs if the backbone does not share its token states);
* ``bilstm_head``: the SI BiLSTM head over the article's word-piece states;
* ``top2_layers``: MiniLM layers 5-6 (with adapters merged) over every sentence, i.e. an
  SI tagger branching off the backbone after layer 4;
* ``span_pass``: MiniLM over the candidate spans' own text (TC on the span text), for
  as many spans as the article has gold spans.

Times are per 1,000 words, on ``--threads`` torch threads (default 1).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

import numpy as np
from common import DEFAULT_PTC

from unspin.techniques.ptc import load_corpus


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=8)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch
    from transformers import AutoModel, AutoTokenizer

    from unspin.nlp import SpacyBackbone, default_embedding_path, load_encoder

    torch.set_num_threads(args.threads)
    corpus = load_corpus(DEFAULT_PTC)
    chosen = [a for a in corpus.articles if 800 <= len(a.text.split()) <= 1200][: args.articles]
    backbone = SpacyBackbone()
    backbone.embed(backbone.parse("Warm up. Two sentences.").sentences and ["warm up"])
    path = default_embedding_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    load_encoder(path)
    lstm = torch.nn.LSTM(768, 128, batch_first=True, bidirectional=True).eval()
    rows: dict[str, list[float]] = {
        k: [] for k in ("parse", "embed", "tokens_again", "bilstm_head", "top2_layers", "span_pass")
    }
    words_total = 0
    for a in chosen:
        words = len(a.text.split())
        words_total += words
        parsed = backbone.parse(a.text)
        sents = [a.text[s.start : s.end] for s in parsed.sentences]
        spans = [a.text[s.start : s.end] for s in a.si_spans] or ["x"]
        rows["parse"].append(best_of(lambda t=a.text: backbone.parse(t)))
        rows["embed"].append(best_of(lambda s=sents: backbone.embed(s)))
        enc = tok(sents, padding=True, truncation=True, max_length=256, return_tensors="pt")
        with torch.inference_mode():
            rows["tokens_again"].append(
                best_of(lambda e=enc: model(**e, output_hidden_states=True))
            )
            n = int(enc["attention_mask"].sum())
            x = torch.randn(1, n, 768)
            rows["bilstm_head"].append(best_of(lambda x=x: lstm(x)))
            h = torch.randn(*enc["input_ids"].shape, 384)
            ext = (1.0 - enc["attention_mask"][:, None, None, :].float()) * -1e9

            def top2(h: torch.Tensor = h, ext: torch.Tensor = ext) -> None:
                for layer in model.encoder.layer[4:]:
                    h = layer(h, attention_mask=ext)
                    h = h[0] if isinstance(h, tuple) else h

            rows["top2_layers"].append(best_of(top2))
            senc = tok(spans, padding=True, truncation=True, max_length=96, return_tensors="pt")
            rows["span_pass"].append(best_of(lambda e=senc: model(**e)))
    per_kw = {k: 1000 * float(np.sum(v)) / words_total for k, v in rows.items()}
    backbone_s = per_kw["parse"] + per_kw["embed"]
    print(f"{len(chosen)} articles, {words_total / len(chosen):.0f} words on average")
    for k, v in per_kw.items():
        pct = 100 * v / backbone_s
        print(f"  {k:14s} {v * 1000:7.1f} ms per 1,000 words ({pct:5.1f}% of backbone)")
    print(f"  backbone       {backbone_s * 1000:7.1f} ms per 1,000 words")


if __name__ == "__main__":
    main()
