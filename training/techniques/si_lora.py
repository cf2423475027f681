"""SI with LoRA adapters on the top MiniLM layers, branching off the backbone's pass.

    nice -n 19 .venv/bin/python training/techniques/si_lora.py --from-layer 4 --epochs 2

The backbone computes layers 1..6 of every sentence anyway; this model takes the cached
hidden states after layer ``--from-layer`` (K), runs its own copies of layers K+1..6 with
low-rank adapters (the base weights stay MiniLM's, frozen), and tags each word piece
O/B/I with a linear (or BiLSTM) head. At inference that costs (6-K)/6 of an extra
MiniLM pass over the text. Scored as in ``si_experiments.py``; probabilities of the test
folds go to /tmp/ptc-work/si_pin_NAME.npy.
"""

from __future__ import annotations

import argparse
import copy
from typing import Any

import numpy as np
from common import WORK, Data, Timer, load_data
from si_experiments import THRESHOLDS, decode, doc_context, evaluate, piece_labels

from unspin.techniques.ptc import score_si


def build(args: argparse.Namespace) -> Any:
    import torch
    from lora import add_lora
    from transformers import AutoModel

    from unspin.nlp import default_embedding_path

    base = AutoModel.from_pretrained(default_embedding_path(), local_files_only=True)
    K = args.from_layer

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = copy.deepcopy(base.encoder)
            self.encoder.layer = self.encoder.layer[K:]
            if args.full:  # fine-tune the copied layers themselves (no adapters)
                self.params = list(self.encoder.parameters())
            else:
                self.params = add_lora(
                    self, r=args.rank, targets=args.targets.split(","), layers=range(6 - K)
                )
            self.drop = torch.nn.Dropout(0.1)
            dim = 384 * (3 if args.concat else 1)
            self.rnn = (
                torch.nn.LSTM(dim, 128, batch_first=True, bidirectional=True)
                if args.head == "bilstm"
                else None
            )
            self.out = torch.nn.Linear(256 if self.rnn is not None else dim, 3)

        def forward(self, x: torch.Tensor, mask: torch.Tensor, doc: torch.Tensor) -> torch.Tensor:
            ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
            h = x
            for layer in self.encoder.layer:
                out = layer(h, attention_mask=ext)
                h = out[0] if isinstance(out, tuple) else out
            if args.concat:  # adapted top states + the branch's input + document context
                h = torch.cat([h, x, doc], -1)
            h = self.drop(h)
            if self.rnn is not None:
                h, _ = self.rnn(h)
                h = self.drop(h)
            return self.out(h)

    return Tagger()


def batch(X: np.ndarray, D: np.ndarray, y: np.ndarray | None, ranges: list[tuple[int, int]]) -> Any:
    import torch

    width = max(b - a for a, b in ranges)
    xb = torch.zeros((len(ranges), width, X.shape[1]))
    db = torch.zeros((len(ranges), width, D.shape[1]))
    mb = torch.zeros((len(ranges), width), dtype=torch.long)
    yb = torch.full((len(ranges), width), -100, dtype=torch.long)
    for r, (a, b) in enumerate(ranges):
        xb[r, : b - a] = torch.from_numpy(np.asarray(X[a:b], dtype=np.float32))
        db[r, : b - a] = torch.from_numpy(D[a:b])
        mb[r, : b - a] = 1
        if y is not None:
            yb[r, : b - a] = torch.from_numpy(y[a:b])
    return xb, mb, yb, db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--from-layer", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--targets", default="q,v,f1,f2")
    ap.add_argument("--head", default="linear", choices=["linear", "bilstm"])
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--concat", action="store_true", help="head also reads layer K + doc")
    ap.add_argument("--folds", default="0,1,2,3,4")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--full", action="store_true", help="train the copied layers, no LoRA")
    ap.add_argument("--seed", type=int, default=-1, help="torch seed (default: the fold)")
    ap.add_argument("--name", default="", help="also save O/B/I to $PTC_WORK/research/NAME.npy")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    name = args.name or (
        f"si_lora_from{args.from_layer}_r{args.rank}_{args.targets.replace(',', '')}"
        f"_{args.head}{'_cat' if args.concat else ''}_e{args.epochs}"
    )
    data: Data = load_data()
    X = data.layer(args.from_layer)
    D = doc_context(data) if args.concat else np.zeros((len(X), 0), np.float32)
    y = piece_labels(data)
    ids = [str(a) for a in data.pieces["ids"]]
    fold_of_article = np.array([data.folds[a] for a in ids])
    sent_art = data.pieces["sent_article"]
    ranges = list(
        zip(data.pieces["sent_first"].tolist(), data.pieces["sent_last"].tolist(), strict=True)
    )
    folds = [int(k) for k in args.folds.split(",")]
    p_in = np.zeros(len(y), np.float32)
    p_obi = np.zeros((len(y), 3), np.float16)
    secs = []
    for k in folds:
        t = Timer()
        torch.manual_seed(k if args.seed < 0 else args.seed)
        rng = np.random.default_rng(k if args.seed < 0 else args.seed)
        net = build(args)
        tr = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] != k]
        te = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] == k]
        head_params = [p for n, p in net.named_parameters() if not n.startswith("encoder")]
        opt = torch.optim.AdamW(
            [{"params": net.params}, {"params": head_params, "lr": 2e-3}],
            lr=args.lr,
            weight_decay=0.01,
        )
        order = sorted(range(len(tr)), key=lambda i: tr[i][1] - tr[i][0])
        batches = [order[b : b + 32] for b in range(0, len(order), 32)]
        total = args.epochs * len(batches)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s, n=total: max(0.0, (n - s) / n))
        for _ in range(args.epochs):
            net.train()
            for bi in rng.permutation(len(batches)):
                xb, mb, yb, db = batch(X, D, y, [tr[i] for i in batches[bi]])
                logits = net(xb, mb, db)
                loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 3), yb.reshape(-1))
                opt.zero_grad()
                loss.backward()
                opt.step()
                sched.step()
        net.eval()
        with torch.no_grad():
            for b in range(0, len(te), 64):
                rs = te[b : b + 64]
                xb, mb, _, db = batch(X, D, None, rs)
                probs = torch.softmax(net(xb, mb, db), -1).numpy()
                for r, (s, e) in enumerate(rs):
                    p_in[s:e] = probs[r, : e - s, 1] + probs[r, : e - s, 2]
                    p_obi[s:e] = probs[r, : e - s]
        secs.append(t())
        _, test = data.split(k)
        gold = [s for a in test for s in a.si_spans]
        best = (0.0, THRESHOLDS[0])
        for th, keep in THRESHOLDS:
            pred = []
            for a in test:
                lo, hi = data.piece_ranges[a.id]
                pred += decode(data, a.id, p_in[lo:hi], lo, hi, th, keep)
            best = max(best, (score_si(pred, gold).f1, (th, keep)))
        print(f"  fold {k}: {secs[-1]:.0f}s; best-threshold SI F1 {best[0]:.3f} at {best[1]}")
        if args.name:
            (WORK / "research").mkdir(exist_ok=True)
            np.save(WORK / "research" / f"{args.name}.npy", p_obi)
    np.save(WORK / f"si_pin_{name}.npy", p_in)
    if len(folds) == 5:
        evaluate(data, name, p_in, {"train_seconds_per_fold": float(np.mean(secs))})


if __name__ == "__main__":
    main()
