"""Train the attribution tagger (adapter + head) on PolNeAR train; out-of-fold by publisher.

    nice -n 10 python training/attribution/encode.py --out /tmp/attr-work/cache   # parse + encode
    nice -n 10 python training/attribution/train.py --folds 3 --epochs 2          # out-of-fold
    nice -n 10 python training/attribution/choose.py                              # choose decoding
    nice -n 10 python training/attribution/train.py --final --epochs 2            # the model

Inputs per spaCy token: the mean of its word pieces' states after the adapter (MiniLM's
layers 5-6 copied from the encoder and run on the sentence pass's layer-4 states; layer 5
is kept frozen, so its output is computed once by prepare.py, and layer 6 is fine-tuned)
and the hand features of :func:`unspin.sources.learned.hand_features`. ``--frozen``
trains the head alone on the pass's own layer-6 states instead (the baseline).
The head (:func:`unspin.sources.learned.build_head`) tags windows of whole sentences of
one paragraph with O / B / I for source, cue and content (gold: first annotator file).

Folds: publishers (file-name prefix); ``--folds 7`` leaves one publisher out,
``--folds 3`` holds out the groups of :data:`GROUPS`. Out-of-fold tag probabilities are
written to ``<work>/oof-<tag>.pkl`` for choose.py. ``--final`` trains on all of train and
writes ``adapter.npz`` and ``head.npz`` (float16) into ``--out`` (choose.py writes the
config). Dev is never read here.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prepare import load_prepared, prepare_split

ROOT = Path(__file__).resolve().parents[2]
SEED = 13
#: Publisher groups held out together with ``--folds 3``.
GROUPS = (
    ("breitbart", "huff-post"),
    ("nyt", "politico"),
    ("usa-today", "wash-post", "west-journal"),
)
TOKENS_PER_BATCH = 1200


def publisher(name: str) -> str:
    return name.split("_", 1)[0]


def fold_of(name: str, folds: int) -> str:
    pub = publisher(name)
    if folds == 7:
        return pub
    return next("+".join(g) for g in GROUPS if pub in g)


class Model:
    """The trainable part: layer 6 of the adapter (unless frozen) and the head."""

    def __init__(self, frozen: bool, adapter: Any, head: Any) -> None:
        self.frozen = frozen
        self.adapter = adapter  # TopLayersModule (layers 5, 6); only layers[1] trains
        self.head = head

    def token_inputs(self, rec: dict[str, Any], spans: list[tuple[int, int]]) -> list[Any]:
        """Per window ``(lo, hi)`` of ``rec``: a ``(hi - lo, 384 + N_HAND)`` tensor."""
        import torch

        hand = torch.from_numpy(rec["hand"].astype(np.float32))
        if self.frozen:
            states = torch.from_numpy(rec["frozen"].astype(np.float32))
            return [torch.cat([states[lo:hi], hand[lo:hi]], 1) for lo, hi in spans]
        owner = rec["owner"]
        segs = rec["segments"]
        tok2row = np.full(len(rec["hand"]), -1, np.int64)
        offsets = [0]
        for lo, hi in spans:
            tok2row[lo:hi] = offsets[-1] + np.arange(hi - lo)
            offsets.append(offsets[-1] + hi - lo)
        seg_rows = [tok2row[owner[a:b][owner[a:b] >= 0]] for a, b in segs]
        need = sorted(
            (s for s, rows in enumerate(seg_rows) if (rows >= 0).any()),
            key=lambda s: int(segs[s][1] - segs[s][0]),
        )
        total = offsets[-1]
        out = torch.zeros(total, 384)
        counts = torch.zeros(total)
        for c in range(0, len(need), 16):
            chunk = need[c : c + 16]
            width = max(int(segs[s][1] - segs[s][0]) for s in chunk)
            x = np.zeros((len(chunk), width, 384), np.float32)
            mask = np.zeros((len(chunk), width), bool)
            for r, s in enumerate(chunk):
                a, b = segs[s]
                x[r, : b - a] = rec["h5"][a:b]
                mask[r, : b - a] = True
            mt = torch.from_numpy(mask)
            bias = (~mt[:, None, None, :]).float() * torch.finfo(torch.float32).min
            y = self.adapter.layers[1](torch.from_numpy(x), bias)[mt]
            own = np.concatenate([owner[segs[s][0] : segs[s][1]] for s in chunk])
            rows = np.where(own >= 0, tok2row[np.clip(own, 0, None)], -1)
            sel = torch.from_numpy(rows >= 0)
            idx = torch.from_numpy(rows[rows >= 0])
            out = out.index_add(0, idx, y[sel])
            counts = counts.index_add(0, idx, torch.ones(len(idx)))
        pooled = out / counts.clamp(min=1.0)[:, None]
        return [
            torch.cat([pooled[offsets[w] : offsets[w + 1]], hand[lo:hi]], 1)
            for w, (lo, hi) in enumerate(spans)
        ]

    def logits(self, items: list[tuple[dict[str, Any], list[tuple[int, int]]]]) -> Any:
        import torch

        rows = [t for rec, spans in items for t in self.token_inputs(rec, spans)]
        lengths = torch.tensor([len(t) for t in rows])
        x = torch.nn.utils.rnn.pad_sequence(rows, batch_first=True)
        return self.head(x, lengths), lengths

    def parameters(self) -> list[Any]:
        params = list(self.head.parameters())
        return params if self.frozen else [*params, *self.adapter.layers[1].parameters()]

    def train(self, on: bool) -> None:
        self.head.train(on)
        self.adapter.train(on)


def batches(recs: list[dict[str, Any]], rng: np.random.Generator) -> list[list[Any]]:
    """Windows in random order, packed per text and up to TOKENS_PER_BATCH tokens."""
    items = [(i, w) for i, r in enumerate(recs) for w in r["windows"]]
    order = rng.permutation(len(items))
    out: list[list[Any]] = []
    cur: dict[int, list[tuple[int, int]]] = {}
    size = 0
    for k in order:
        i, w = items[k]
        cur.setdefault(i, []).append(w)
        size += w[1] - w[0]
        if size >= TOKENS_PER_BATCH:
            out.append([(recs[j], ws) for j, ws in cur.items()])
            cur, size = {}, 0
    if cur:
        out.append([(recs[j], ws) for j, ws in cur.items()])
    return out


def fit(recs: list[dict[str, Any]], args: Any, log: str) -> Model:
    import torch

    from unspin.adapters import TopLayersModule
    from unspin.nlp import default_embedding_path, load_encoder
    from unspin.sources.learned import N_HAND, build_head

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    adapter = TopLayersModule.from_encoder(load_encoder(default_embedding_path()))
    for p in adapter.layers[0].parameters():
        p.requires_grad_(False)
    model = Model(args.frozen, adapter, build_head(384 + N_HAND))
    groups = [{"params": list(model.head.parameters()), "lr": args.lr_head}]
    if not args.frozen:
        groups.append({"params": list(adapter.layers[1].parameters()), "lr": args.lr_adapter})
    opt = torch.optim.AdamW(groups, weight_decay=0.01)
    plan = [batches(recs, rng) for _ in range(args.epochs)]
    steps = sum(map(len, plan))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 50) * max(0.05, 1.0 - s / steps)
    )
    lossf = torch.nn.CrossEntropyLoss()
    for epoch, epoch_batches in enumerate(plan):
        model.train(True)
        adapter.layers[0].eval()
        started = time.perf_counter()
        total = 0.0
        for items in epoch_batches:
            logits, lengths = model.logits(items)
            gold = [
                torch.from_numpy(rec["tags"][lo:hi]) for rec, spans in items for lo, hi in spans
            ]
            y = torch.cat(gold)
            flat = torch.cat([logits[r, :n] for r, n in enumerate(lengths.tolist())])
            loss = lossf(flat, y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 2.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
        print(
            f"  {log} epoch {epoch + 1}: loss {total / len(epoch_batches):.4f} "
            f"({time.perf_counter() - started:.0f} s, {len(epoch_batches)} batches)",
            file=sys.stderr,
            flush=True,
        )
    model.train(False)
    return model


def predict(model: Model, rec: dict[str, Any]) -> list[tuple[tuple[int, int], np.ndarray]]:
    import torch

    out = []
    with torch.inference_mode():
        for lo, hi in rec["windows"]:
            (x,) = model.token_inputs(rec, [(lo, hi)])
            p = torch.softmax(model.head(x[None])[0], -1).numpy().astype(np.float16)
            out.append(((lo, hi), p))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/attr-work/cache"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/attr-work"))
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "unspin" / "sources" / "artifacts")
    ap.add_argument("--folds", type=int, choices=(3, 7), default=3)
    ap.add_argument("--only-fold", default=None, help="run just this fold (resumable CV)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--lr-head", type=float, default=2e-3)
    ap.add_argument("--lr-adapter", type=float, default=5e-5)
    ap.add_argument("--frozen", action="store_true", help="head only, on the pass's layer 6")
    ap.add_argument("--final", action="store_true", help="train on all of train, write --out")
    ap.add_argument("--limit", type=int, default=None, help="first N texts (smoke runs)")
    ap.add_argument("--name", default="", help="suffix of the out-of-fold file names")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(1)
    started = time.perf_counter()
    names = prepare_split(args.cache, args.polnear, "train", args.work)[: args.limit]
    recs = load_prepared(args.work, "train", names)
    print(
        f"{len(recs)} train texts loaded in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )
    tag = f"{'frozen' if args.frozen else 'adapter'}-f{args.folds}-e{args.epochs}{args.name}"
    if args.final:
        model = fit(recs, args, "final")
        args.out.mkdir(parents=True, exist_ok=True)
        if not args.frozen:
            model.adapter.save(args.out / "adapter.npz")
        weights = {k: v.numpy().astype(np.float16) for k, v in model.head.state_dict().items()}
        np.savez_compressed(args.out / "head.npz", **weights)
        print(f"wrote {args.out} ({time.perf_counter() - started:.0f} s)")
        return 0
    folds: dict[str, list[int]] = {}
    for i, n in enumerate(names):
        folds.setdefault(fold_of(n, args.folds), []).append(i)
    for fold, held in sorted(folds.items()):
        if args.only_fold and fold != args.only_fold:
            continue
        path = args.work / f"oof-{tag}-{fold}.pkl"
        if path.exists():
            continue
        held_set = set(held)
        model = fit([r for i, r in enumerate(recs) if i not in held_set], args, f"fold {fold}")
        probs = {recs[i]["name"]: predict(model, recs[i]) for i in held}
        path.write_bytes(pickle.dumps(probs, protocol=pickle.HIGHEST_PROTOCOL))
        print(
            f"fold {fold} done ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
