"""Fine-tune a top-layer adapter for check-worthiness by leave-one-block-out CV.

The adapter: copies of MiniLM layers 5 and 6 run on the layer-4 word-piece states of the
backbone's own sentence pass (cached by ``states.py``), a masked mean pool of their output
and a linear head giving a logit. Trained with binary cross-entropy (AdamW, the layers at
a low learning rate and the head at a higher one, linear warm-up and decay).

Protocol (issue #12, point 5), for each held-out block k: the validation block
``v = (k + 1) % 5`` is one of the four training blocks; the adapter is fitted on the three
other training blocks and scores v and k. Everything chosen (the epoch, the stacking
weights with the logistic head, the Platt calibration, the threshold) is fitted on v, i.e.
inside the training blocks; block k is scored once. The logistic head's logits of v and k
come from its own fit on the same three blocks (``train.py``'s cached pair logits).

    nice -n 10 .venv/bin/python training/checkworthiness/adapter.py --work /tmp/cw-work2 --fold 0
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the machine is shared

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from common import TRAIN, blocks, load_split  # noqa: E402

K = 5
SEED = 13
#: The variant reported and shipped, fixed after block 1's results (before the other
#: blocks were trained): the stack of the logistic head (its leave-one-block-out fit on
#: four blocks) and the adapter after 2 epochs, weights fitted on the validation block.
SHIPPED_CV = "stack4 e2"


@dataclass(frozen=True)
class Hyper:
    epochs: int = 2
    batch: int = 32
    lr_layers: float = 5e-5
    lr_head: float = 1e-3
    weight_decay: float = 0.01
    warmup: float = 0.06
    max_pieces: int = 64
    dropout: float = 0.1
    pool: str = "mean"  # "mean" or "mean+cls"


def load_pieces(work: Path, tag: str, n: int, max_pieces: int) -> list[np.ndarray]:
    """Per sentence, the layer-4 states of its first segment ([CLS] ... [SEP]), cut to
    ``max_pieces`` (the first pieces and the closing [SEP])."""
    l4 = np.load(work / f"l4_{tag}.npy", mmap_mode="r")
    seg = np.load(work / f"seg_{tag}.npy")
    out: list[np.ndarray | None] = [None] * n
    for a, b, s in seg:
        if out[s] is not None:
            continue
        x = np.asarray(l4[a:b])
        if len(x) > max_pieces:
            x = np.concatenate([x[: max_pieces - 1], x[b - a - 1 :]])
        out[s] = x
    assert all(x is not None for x in out)
    return [x for x in out if x is not None]


def build(hp: Hyper) -> Any:
    """The adapter (layers 5-6 copied from the backbone's encoder) with its head."""
    import torch

    from unspin.adapters import TopLayersModule
    from unspin.nlp import default_embedding_path, load_encoder

    class Adapter(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            encoder = load_encoder(default_embedding_path())
            self.top = TopLayersModule.from_encoder(encoder, first=5)
            width = 384 * (2 if hp.pool == "mean+cls" else 1)
            self.drop = torch.nn.Dropout(hp.dropout)
            self.head = torch.nn.Linear(width, 1)
            torch.nn.init.zeros_(self.head.bias)
            torch.nn.init.normal_(self.head.weight, std=0.02)

        def forward(self, x: Any, mask: Any) -> Any:
            h = self.top(x, mask)
            m = mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            if hp.pool == "mean+cls":
                pooled = torch.cat([pooled, h[:, 0]], dim=1)
            return self.head(self.drop(pooled)).squeeze(-1)

    return Adapter()


def batches(
    pieces: list[np.ndarray], rows: np.ndarray, size: int, rng: np.random.Generator | None
) -> list[np.ndarray]:
    """Batches of row indices of similar length (shuffled when ``rng`` is given)."""
    rows = np.asarray(rows)
    if rng is not None:
        rows = rng.permutation(rows)
        # sort within windows of 50 batches: little padding, still random
        win = size * 50
        parts = [
            sorted(rows[i : i + win], key=lambda r: len(pieces[r]))
            for i in range(0, len(rows), win)
        ]
        out = [np.asarray(p[j : j + size]) for p in parts for j in range(0, len(p), size)]
        return [out[i] for i in rng.permutation(len(out))]
    order = sorted(rows, key=lambda r: len(pieces[r]))
    return [np.asarray(order[j : j + size]) for j in range(0, len(order), size)]


def tensor(pieces: list[np.ndarray], idx: np.ndarray) -> tuple[Any, Any]:
    import torch

    width = max(len(pieces[i]) for i in idx)
    x = np.zeros((len(idx), width, 384), np.float32)
    mask = np.zeros((len(idx), width), np.int64)
    for r, i in enumerate(idx):
        x[r, : len(pieces[i])] = pieces[i]
        mask[r, : len(pieces[i])] = 1
    return torch.from_numpy(x), torch.from_numpy(mask)


def predict(model: Any, pieces: list[np.ndarray], rows: np.ndarray, size: int = 128) -> np.ndarray:
    import torch

    model.eval()
    out = np.zeros(len(pieces), np.float64)
    with torch.inference_mode():
        for idx in batches(pieces, rows, size, None):
            x, m = tensor(pieces, idx)
            out[idx] = model(x, m).numpy()
    model.train()
    return out[rows]


def train(
    pieces: list[np.ndarray],
    y: np.ndarray,
    rows: np.ndarray,
    hp: Hyper,
    evals: dict[str, np.ndarray],
    log: str = "",
) -> tuple[Any, dict[str, list[np.ndarray]]]:
    """Fit on ``rows``; after each epoch the logits of every ``evals`` row set."""
    import torch

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    model = build(hp)
    model.train()
    head = [p for n, p in model.named_parameters() if n.startswith("head.")]
    body = [p for n, p in model.named_parameters() if not n.startswith("head.")]
    opt = torch.optim.AdamW(
        [{"params": body, "lr": hp.lr_layers}, {"params": head, "lr": hp.lr_head}],
        weight_decay=hp.weight_decay,
    )
    steps = hp.epochs * math.ceil(len(rows) / hp.batch)
    warm = max(1, int(hp.warmup * steps))

    def schedule(step: int) -> float:
        return step / warm if step < warm else max(0.0, (steps - step) / max(1, steps - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    yt = torch.from_numpy(y.astype(np.float32))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    out: dict[str, list[np.ndarray]] = {k: [] for k in evals}
    t0 = time.perf_counter()
    step = 0
    for epoch in range(hp.epochs):
        run = 0.0
        for b, idx in enumerate(batches(pieces, rows, hp.batch, rng)):
            x, m = tensor(pieces, idx)
            loss = loss_fn(model(x, m), yt[idx])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            run += float(loss)
            if b % 100 == 99:
                print(f"  {log} epoch {epoch + 1} batch {b + 1} loss {run / 100:.4f} "
                      f"{time.perf_counter() - t0:.0f}s", flush=True)  # fmt: skip
                run = 0.0
        for k, r in evals.items():
            out[k].append(predict(model, pieces, r))
        print(f"  {log} epoch {epoch + 1} done {time.perf_counter() - t0:.0f}s", flush=True)
    return model, out


def adapter_from(top: Any, trained: Any) -> Any:
    """``trained`` (an adapter with its head) with its layers replaced by ``top``."""
    import copy

    out = copy.deepcopy(trained)
    out.top = top
    return out.eval()


def lr_logits(work: Path) -> Any:
    """The logistic head's cached leave-block-out logits (``train.py`` on the shipped
    configuration): ``pair{ij}`` from the fit without blocks i and j, ``outer``."""
    from train import SHIPPED, cache_name

    return np.load(work / "lobo" / cache_name(SHIPPED))


def stack_fit(z: np.ndarray, y: np.ndarray) -> Any:
    """Logistic regression on the columns of logits ``z`` (practically unregularised): the
    stacking weights and the Platt calibration in one."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1e4, max_iter=1000).fit(z, y)


def score(work: Path, lr_work: Path, tag: str) -> None:
    from common import best_threshold, ece, f1_pos

    split = load_split(TRAIN)
    y = split.y
    lr = lr_logits(lr_work)
    rows: dict[str, list[float]] = {}
    thresholds: dict[str, list[float]] = {}
    pooled: dict[str, np.ndarray] = {}
    for k in range(K):
        f = work / f"adapter_{tag}_fold{k}.npz"
        if not f.exists():
            continue
        d = np.load(f)
        v = (k + 1) % K
        vr, kr = d["v_rows"], d["k_rows"]
        pair = lr[f"pair{min(k, v)}{max(k, v)}"]
        epochs = sorted(int(n[1:]) for n in d.files if n.startswith("v") and n != "v_rows")
        cands: dict[str, tuple[np.ndarray, np.ndarray]] = {
            "lr (3 blocks)": (pair[vr][:, None], pair[kr][:, None]),
        }
        for e in epochs:
            za_v, za_k = d[f"v{e}"], d[f"k{e}"]
            cands[f"adapter e{e + 1}"] = (za_v[:, None], za_k[:, None])
            cands[f"stack e{e + 1}"] = (np.c_[pair[vr], za_v], np.c_[pair[kr], za_k])
            cands[f"stack4 e{e + 1}"] = (np.c_[pair[vr], za_v], np.c_[lr["outer"][kr], za_k])
        line = []
        for name, (zv, zk) in cands.items():
            m = stack_fit(zv, y[vr])
            t, fv = best_threshold(y[vr], m.predict_proba(zv)[:, 1])
            pk = m.predict_proba(zk)[:, 1]
            fk = f1_pos(y[kr], (pk >= t).astype(np.int64))
            rows.setdefault(name, [np.nan] * K)[k] = fk
            thresholds.setdefault(name, [np.nan] * K)[k] = t
            pooled.setdefault(name, np.full(len(y), np.nan))[kr] = pk
            w = " ".join(f"{c:+.2f}" for c in m.coef_[0])
            line.append(f"{name}: {fk:.3f} (v {fv:.3f} t {t:.2f} w {w})")
        print(f"block {k} (validation block {v}): " + "; ".join(line))
    print("| head | per block | mean ± sd | ECE |")
    for name, fs in rows.items():
        done = [f for f in fs if not np.isnan(f)]
        p = pooled[name]
        ok = ~np.isnan(p)
        sd = np.std(done, ddof=1) if len(done) > 1 else float("nan")
        print(f"| {name} | {' '.join(f'{f:.3f}' for f in fs)} | {np.mean(done):.3f} ± {sd:.3f} "
              f"| {ece(y[ok], p[ok]):.3f} |")  # fmt: skip
    if SHIPPED_CV in rows and not any(np.isnan(rows[SHIPPED_CV])):
        import json

        from common import reliability

        p = pooled[SHIPPED_CV]
        blk = blocks(split.ids, K)
        at = [f1_pos(y[blk == k], (p[blk == k] >= 0.5).astype(np.int64)) for k in range(K)]
        cv = {
            "variant": SHIPPED_CV,
            "per_block": rows[SHIPPED_CV],
            "per_block_threshold": thresholds[SHIPPED_CV],
            "mean": float(np.mean(rows[SHIPPED_CV])),
            "std": float(np.std(rows[SHIPPED_CV], ddof=1)),
            "ece": ece(y, p),
            "reliability": reliability(y, p),
            "f1_at_050_per_block": at,
            "train_flagged_at_050": float(np.mean(p >= 0.5)),
        }
        (work / f"cv_{tag}.json").write_text(json.dumps(cv, indent=1), "utf-8")
        np.save(work / f"p_oof_{tag}.npy", p)
        print(f"{SHIPPED_CV}: F1 at 0.50 per block {' '.join(f'{f:.3f}' for f in at)} "
              f"(mean {np.mean(at):.3f} ± {np.std(at, ddof=1):.3f})")  # fmt: skip


def lr_head_logits(texts: list[str], feats: dict[str, np.ndarray]) -> np.ndarray:
    """The shipped logistic head's calibrated logits (``head.json`` read by the analyzer's
    own code) from cached sentence embeddings and feature counts."""
    from train import EXCLUDED, baseline_names

    from unspin.claims.head import DEFAULT_HEAD, CheckworthinessHead

    head = CheckworthinessHead._read(DEFAULT_HEAD)
    names = [n for n in baseline_names() if n not in EXCLUDED]
    out = []
    for text, e, b in zip(texts, feats["emb"], feats["base"], strict=True):
        counts = {n: int(x) for n, x in zip(names, b, strict=True) if x}
        out.append(sum(head.logit_parts(text, e, counts)[0].values()))
    return np.asarray(out)


#: The shipped default threshold: the lowest of 0.50, 0.55, ... at which at most 38 % of
#: the cached PTC news sentences are flagged (40 % is the issue's cap; 2 points of margin
#: for other articles). The stacked head flags news more than the logistic one did
#: (48.7 % at 0.50), so its default is 0.65 where the logistic head's was 0.50.
DEFAULT_THRESHOLD = 0.65


def finalize(work: Path, lr_work: Path, tag: str, threshold: float) -> None:
    """Set the shipped threshold in the written head, score dev-test (once), the PTC share
    and the out-of-block F1 at it, check the analyzer's code, and copy the head into the
    package."""
    import json
    import shutil

    import torch
    from common import DEVTEST, ece, f1_pos, sigmoid
    from train import EXCLUDED, OUT, baseline_names, load_features

    from unspin.adapters import TopLayersModule
    from unspin.claims.head import CheckworthinessHead
    from unspin.nlp import SpacyBackbone

    tmp = work / "head_with_adapter.json"
    data = json.loads(tmp.read_text("utf-8"))
    data["threshold"] = threshold
    split = load_split(TRAIN)
    y, blk = split.y, blocks(split.ids, K)
    p_oof = np.load(work / f"p_oof_{tag}.npy")
    at = [f1_pos(y[blk == k], (p_oof[blk == k] >= threshold).astype(np.int64)) for k in range(K)]
    data["metrics"]["oof_f1_at_threshold_per_block"] = [round(f, 4) for f in at]
    print(f"out-of-block F1 at {threshold}: {' '.join(f'{f:.3f}' for f in at)} "
          f"= {np.mean(at):.3f} ± {np.std(at, ddof=1):.3f}; train flagged "
          f"{np.mean(p_oof >= threshold):.3f}")  # fmt: skip
    new = OUT / "head.json.new"
    new.write_text(json.dumps(data), "utf-8")
    head = CheckworthinessHead._read(new)
    new.unlink()
    assert head.adapter is not None
    names = [n for n in baseline_names() if n not in EXCLUDED]

    def probabilities(
        texts: list[str], feats: dict[str, np.ndarray], pooled: np.ndarray
    ) -> np.ndarray:
        z = []
        for text, e, b, pv in zip(texts, feats["emb"], feats["base"], pooled, strict=True):
            counts = {n: int(x) for n, x in zip(names, b, strict=True) if x}
            z.append(sum(head.logit_parts(text, e, counts, pv)[0].values()))
        return sigmoid(np.asarray(z))

    # dev-test, once, through the analyzer's code on the real backbone pass
    dev = load_split(DEVTEST)
    starts = np.concatenate([[0], np.cumsum([len(t) + 1 for t in dev.texts])[:-1]]).tolist()
    states = SpacyBackbone().token_states(dev.texts, starts)
    pooled = head.adapter.pooled(states, len(dev.texts))
    assert pooled is not None
    p_dev = probabilities(dev.texts, load_features(lr_work, "devtest"), pooled)
    f1 = f1_pos(dev.y, (p_dev >= threshold).astype(np.int64))
    data["metrics"]["devtest_f1_pos"] = round(f1, 4)
    data["metrics"]["devtest_ece"] = round(ece(dev.y, p_dev), 4)
    print(f"dev-test (once): F1 {f1:.4f} at {threshold}, ECE {ece(dev.y, p_dev):.4f}, "
          f"flagged {np.mean(p_dev >= threshold):.3f}")  # fmt: skip
    # PTC sentences (cached by features.py --ptc and states.py --ptc; no labels)
    texts = json.loads((lr_work / "ptc_texts.json").read_text("utf-8"))
    pieces = load_pieces(work, "ptc", len(texts), 10_000)
    top = TopLayersModule.read(head.adapter.path)
    pooled = np.zeros((len(texts), 384))
    with torch.inference_mode():
        for idx in batches(pieces, np.arange(len(texts)), 64, None):
            x, m = tensor(pieces, idx)
            h = top(x, m)
            mm = m.unsqueeze(-1).to(h.dtype)
            pooled[idx] = ((h * mm).sum(1) / mm.sum(1)).numpy()
    p_ptc = probabilities(texts, load_features(lr_work, "ptc"), pooled)
    grid = " ".join(f"{t:.2f} {np.mean(p_ptc >= t):.1%}" for t in np.arange(0.5, 0.751, 0.05))
    print(f"PTC ({len(texts):,} sentences) flagged: {grid}")
    data["metrics"]["ptc_share_at_threshold"] = round(float(np.mean(p_ptc >= threshold)), 4)
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    shutil.copy(tmp, OUT / "head.json")
    print(f"wrote {OUT / 'head.json'}")


def write(work: Path, lr_work: Path, tag: str, hp: Hyper) -> None:
    """Fit the shipped adapter on blocks 1-4 (0-3 here), stack it with the shipped
    logistic head on block 5 (the most recent debates: the stacking weights and the
    calibration in one logistic regression), write the adapter and the head, check the
    analyzer's code reproduces it, score dev-test once and the PTC share."""
    import json

    from common import best_threshold, ece
    from train import OUT

    from unspin.adapters import TopLayersModule
    from unspin.claims.head import DEFAULT_HEAD

    if "adapter" in json.loads(DEFAULT_HEAD.read_text("utf-8")):
        raise SystemExit("head.json already has an adapter: run train.py --write first")
    split = load_split(TRAIN)
    y, blk = split.y, blocks(split.ids, K)
    pieces = load_pieces(work, "train", len(y), hp.max_pieces)
    held = K - 1
    rows = np.nonzero(blk != held)[0]
    v = np.nonzero(blk == held)[0]
    model, out = train(pieces, y, rows, hp, {"v": v}, log="final")
    za = out["v"][-1]
    # the logistic head's out-of-block logits of block 5 (fitted on blocks 1-4), calibrated
    # as the shipped head is
    data = json.loads(DEFAULT_HEAD.read_text("utf-8"))
    A, B = data["calibration"]["a"], data["calibration"]["b"]
    zl = A * lr_logits(lr_work)["outer"][v] + B
    st = stack_fit(np.c_[zl, za], y[v])
    s_lr, s_ad = (float(c) for c in st.coef_[0])
    s0 = float(st.intercept_[0])
    p_v = st.predict_proba(np.c_[zl, za])[:, 1]
    t_v, f_v = best_threshold(y[v], p_v)
    print(f"stack on block 5: {s0:+.3f} {s_lr:+.3f} x logistic {s_ad:+.3f} x adapter; "
          f"F1 {f_v:.3f} at {t_v:.2f}, ECE {ece(y[v], p_v):.3f}", flush=True)  # fmt: skip
    weights = OUT / "checkworthiness-adapter.npz"
    model.top.save(weights)
    w = model.head.weight.detach().numpy()[0].astype(np.float64)
    b = float(model.head.bias.detach().numpy()[0])
    data["adapter"] = {
        "weights": weights.name,
        "layers": "MiniLM layers 5-6 (fine-tuned copies) on the sentence pass's layer-4 states",
        "pool": "mean over the sentence's pieces, [CLS] and [SEP] included",
        "lr_scale": round(s_lr, 6),
        "bias": round(s0 + s_lr * data["bias"] + s_ad * b, 6),
        "w_pool": [round(float(x), 6) for x in s_ad * w],
        "stack": {"bias": s0, "logistic": s_lr, "adapter": s_ad, "adapter_bias": b},
        "hyper": hp.__dict__,
        "trained_on": "blocks 1-4 (Sentence_id order); stacked and calibrated on block 5",
    }
    cv = json.loads((work / f"cv_{tag}.json").read_text("utf-8"))
    data["metrics_logistic"] = data.pop("metrics")  # the logistic part alone (the fallback)
    data["metrics"] = {
        "lobo_f1_pos": {
            "mean": round(cv["mean"], 4),
            "std": round(cv["std"], 4),
            "per_block": [round(f, 4) for f in cv["per_block"]],
            "per_block_threshold": cv["per_block_threshold"],
            "protocol": "adapter fitted on 3 blocks; stacking, calibration and threshold "
            "on the 4th training block (the next one); scored on the held-out block",
        },
        "lobo_ece": round(cv["ece"], 4),
        "lobo_reliability": [
            [round(lo, 1), round(hi, 1), n, round(mp, 4), round(ob, 4)]
            for lo, hi, n, mp, ob in cv["reliability"]
        ],
        "oof_f1_at_threshold_per_block": [round(f, 4) for f in cv["f1_at_050_per_block"]],
    }
    data["name"], data["version"] = "checkworthiness-minilm-adapter-stack", "3.0.0"
    data["kind"] = "logistic + adapter (stacked)"
    data["trained"] = date.today().isoformat()
    data["command"] = (
        "nice -n 10 .venv/bin/python training/checkworthiness/adapter.py "
        "--work /tmp/cw-work2 --write"
    )
    # the shipped float16 weights reproduce the trained adapter's logits
    shipped = adapter_from(TopLayersModule.read(weights), model)
    check = predict(shipped, pieces, v[:500])
    print(f"float16 adapter vs trained: max |logit difference| "
          f"{np.max(np.abs(check - za[:500])):.4f}")  # fmt: skip
    tmp = work / "head_with_adapter.json"
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {weights} ({weights.stat().st_size:,} bytes) and {tmp}", flush=True)

    finalize(work, lr_work, tag, DEFAULT_THRESHOLD)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--fold", type=int, default=None, help="held-out block (0-4)")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--max-pieces", type=int, default=64)
    ap.add_argument("--pool", default="mean")
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--tag", default="a")
    ap.add_argument("--limit", type=int, default=None, help="train on the first N rows (test)")
    ap.add_argument("--score", action="store_true", help="score the folds run so far")
    ap.add_argument("--write", action="store_true", help="fit and write the shipped adapter")
    ap.add_argument(
        "--finalize", action="store_true", help="only set the threshold and score (after --write)"
    )
    ap.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    ap.add_argument("--lr-work", type=Path, default=Path("/tmp/h3-work"))
    args = ap.parse_args()
    hp = Hyper(epochs=args.epochs, max_pieces=args.max_pieces, pool=args.pool, lr_layers=args.lr)
    if args.score:
        score(args.work, args.lr_work, args.tag)
        return
    if args.write:
        write(args.work, args.lr_work, args.tag, hp)
        return
    if args.finalize:
        finalize(args.work, args.lr_work, args.tag, args.threshold)
        return
    import torch

    torch.set_num_threads(1)
    split = load_split(TRAIN)
    y, blk = split.y, blocks(split.ids, K)
    pieces = load_pieces(args.work, "train", len(y), hp.max_pieces)
    if args.fold is not None:
        k = args.fold
        v = (k + 1) % K
        rows = np.nonzero((blk != k) & (blk != v))[0]
        if args.limit:
            rows = rows[: args.limit]
        evals = {"v": np.nonzero(blk == v)[0], "k": np.nonzero(blk == k)[0]}
        t0 = time.perf_counter()
        _, out = train(pieces, y, rows, hp, evals, log=f"fold {k}")
        np.savez(args.work / f"adapter_{args.tag}_fold{k}.npz", v_rows=evals["v"],
                 k_rows=evals["k"], **{f"{n}{e}": z for n, zs in out.items()
                                       for e, z in enumerate(zs)})  # fmt: skip
        print(f"fold {k}: {len(rows)} train rows, {time.perf_counter() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
