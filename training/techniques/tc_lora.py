"""TC with LoRA adapters on MiniLM, fine-tuned on the span text (optionally + its sentence).

    nice -n 19 .venv/bin/python training/techniques/tc_lora.py --epochs 3 [--context]

Input per span: ``[CLS] span [SEP]`` (or ``[CLS] span [SEP] sentence [SEP]`` with
``--context``); the span's pieces are mean-pooled, concatenated with the standardised
cheap features and classified by a linear layer. Adapters (rank r on the chosen maps of
all six layers) and the head are trained; MiniLM stays frozen. Per-fold test
probabilities go to /tmp/ptc-work/tc_proba_NAME.npy for ensembling.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

import numpy as np
from common import (
    WORK,
    Data,
    TCItem,
    Timer,
    cheap_features,
    load_data,
    log_result,
    mean_std,
    tc_items,
    top_k_predictions,
)

from unspin.techniques.ptc import TECHNIQUES, score_tc


def encode_inputs(data: Data, items: list[TCItem], tok: Any, context: bool) -> list[dict[str, Any]]:
    out = []
    sent_start, sent_end = data.pieces["sent_start"], data.pieces["sent_end"]
    sent_art = data.pieces["sent_article"]
    for it in items:
        text = data.corpus[it.article_id].text
        span = text[it.start : it.end]
        if context:
            ai = data.article_index[it.article_id]
            rows = np.nonzero(
                (sent_art == ai) & (sent_start < max(it.end, it.start + 1)) & (sent_end > it.start)
            )[0]
            s0 = int(sent_start[rows].min()) if len(rows) else it.start
            e0 = int(sent_end[rows].max()) if len(rows) else it.end
            enc = tok(span, text[s0:e0], truncation="longest_first", max_length=160)
        else:
            enc = tok(span, truncation=True, max_length=96)
        out.append(enc)
    return out


def batch_tensors(inputs: list[dict[str, Any]], rows: list[int]) -> dict[str, Any]:
    import torch

    width = max(len(inputs[r]["input_ids"]) for r in rows)
    ii = torch.zeros((len(rows), width), dtype=torch.long)
    tt = torch.zeros((len(rows), width), dtype=torch.long)
    mm = torch.zeros((len(rows), width), dtype=torch.long)
    for j, r in enumerate(rows):
        enc = inputs[r]
        n = len(enc["input_ids"])
        ii[j, :n] = torch.tensor(enc["input_ids"])
        tt[j, :n] = torch.tensor(enc["token_type_ids"])
        mm[j, :n] = 1
    return {"input_ids": ii, "token_type_ids": tt, "attention_mask": mm}


def train_and_predict(
    args: argparse.Namespace,
    path: str,
    items: list[TCItem],
    inputs: list[dict[str, Any]],
    cheap: np.ndarray,
    tr: list[int],
    te: list[int],
    seed: int,
) -> np.ndarray:
    """Train adapters + head on the ``tr`` spans; class probabilities of the ``te`` spans."""
    import torch
    from lora import add_lora
    from transformers import AutoModel

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = AutoModel.from_pretrained(path, local_files_only=True)
    lora_params = add_lora(model, r=args.rank, targets=args.targets.split(","))
    mu, sd = cheap[tr].mean(0), cheap[tr].std(0) + 1e-6
    cheap_t = torch.tensor((cheap - mu) / sd, dtype=torch.float32)
    head = torch.nn.Linear(384 + cheap.shape[1], len(TECHNIQUES))
    drop = torch.nn.Dropout(0.1)
    rows = [(i, TECHNIQUES.index(lab)) for i in tr for lab in items[i].labels]
    opt = torch.optim.AdamW(
        [{"params": lora_params}, {"params": head.parameters()}], lr=args.lr, weight_decay=0.01
    )
    order = sorted(range(len(rows)), key=lambda j: len(inputs[rows[j][0]]["input_ids"]))
    batches = [order[b : b + 32] for b in range(0, len(order), 32)]
    total = args.epochs * len(batches)
    warm = max(1.0, 0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / total)
    )

    def forward(idx: list[int], train: bool) -> torch.Tensor:
        enc = batch_tensors(inputs, idx)
        h = model(**enc).last_hidden_state
        mask = (enc["attention_mask"] * (enc["token_type_ids"] == 0)).unsqueeze(-1).float()
        pooled = (h * mask).sum(1) / mask.sum(1)
        feats = torch.cat([pooled, cheap_t[idx]], -1)
        return head(drop(feats) if train else feats)

    for _ in range(args.epochs):
        model.train()
        for bi in rng.permutation(len(batches)):
            b = [rows[j] for j in batches[bi]]
            logits = forward([r for r, _ in b], True)
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([y for _, y in b]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    out = np.zeros((len(te), len(TECHNIQUES)), np.float32)
    with torch.no_grad():
        for b in range(0, len(te), 64):
            out[b : b + 64] = torch.softmax(forward(te[b : b + 64], False), -1).numpy()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--targets", default="q,v")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--context", action="store_true")
    ap.add_argument("--folds", default="0,1,2,3,4")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--name", default="")
    args = ap.parse_args()
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch
    from transformers import AutoTokenizer

    from unspin.nlp import default_embedding_path

    torch.set_num_threads(args.threads)
    name = args.name or (
        f"lora_r{args.rank}_{args.targets.replace(',', '')}_e{args.epochs}"
        + ("_ctx" if args.context else "")
    )
    data = load_data()
    items = tc_items(data.corpus.articles)
    path = default_embedding_path()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    inputs = encode_inputs(data, items, tok, args.context)
    cheap = np.array([cheap_features(data.corpus[i.article_id], i.start, i.end) for i in items])
    fold_of = np.array([data.folds[i.article_id] for i in items])
    n_pieces = np.mean([len(x["input_ids"]) for x in inputs])
    print(f"{name}: {len(items)} spans, {n_pieces:.1f} pieces per input", flush=True)
    proba_all = np.zeros((len(items), len(TECHNIQUES)), np.float32)
    gold_all = [s for a in data.corpus.articles for s in a.spans]
    f1s, secs = [], []
    folds = [int(k) for k in args.folds.split(",")]

    for k in folds:
        t = Timer()
        tr = [i for i in range(len(items)) if fold_of[i] != k]
        te = [i for i in range(len(items)) if fold_of[i] == k]
        proba_all[te] = train_and_predict(args, path, items, inputs, cheap, tr, te, seed=k)
        secs.append(t())
        pred = top_k_predictions([items[i] for i in te], proba_all[te], TECHNIQUES)
        test_ids = {items[i].article_id for i in te}
        score = score_tc(pred, [s for s in gold_all if s.article_id in test_ids])
        f1s.append(score.f1)
        print(f"  fold {k}: TC micro-F1 {score.f1:.3f} ({secs[-1]:.0f}s)", flush=True)
    np.save(WORK / f"tc_proba_{name}.npy", proba_all)
    print(f"{name:28s} TC micro-F1 {mean_std(f1s)}  train {np.mean(secs):.0f}s/fold", flush=True)
    log_result(
        name,
        {
            "task": "TC",
            "f1_folds": f1s,
            "f1": mean_std(f1s),
            "folds": folds,
            "train_seconds_per_fold": float(np.mean(secs)),
            "pieces_per_input": float(n_pieces),
            "args": vars(args),
        },
    )


if __name__ == "__main__":
    main()
