"""Train the learned attribution extractor on PolNeAR train, selecting by publisher CV.

    nice -n 10 python training/attribution/encode.py            # parse + encode once
    nice -n 10 python training/attribution/train.py [--cache /tmp/h5-work/cache]
        [--work /tmp/h5-work] [--out src/unspin/sources/artifacts]
        [--epochs 6] [--no-final]

Reads the cache ``encode.py`` wrote (spaCy parse, MiniLM word-piece states, the rules'
findings for every train text) and the gold (first annotator file per text). For each
of the 7 publishers: fits the projection and the tagger on the other six and tags the
held-out one (out-of-fold tag probabilities). Then chooses, on the out-of-fold
predictions, the per-role thresholds of the rules plus the tagger's contents they missed
("add", what the analyzer does; "add-sourced": only those with a source; the tagger
alone, "learned", is printed for reference):
the best mean strict F1 of content, source and relation whose content and source
precision are not below the rules'. Prints the rules'
and the chosen configuration's scores (micro over train, mean ± std over publisher
folds, strict and overlap), writes ``<work>/cv.json`` and, unless ``--no-final``,
trains on all of train and writes the model folder (config.json, tagger.npz,
projection.npz). Dev is never read here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pickle
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SEED = 13
BATCH = 128
ROLES_TAGGED = ("source", "cue", "content")


def _load(path: Path) -> dict[str, Any]:
    with path.open("rb") as fh:
        record: dict[str, Any] = pickle.load(fh)
    return record


def prepare(cache: Path, split: str, work: Path, names: list[str]) -> list[dict[str, Any]]:
    """Per text: piece features (float16), hand features, gold tags, windows, rules."""
    from unspin.model import Finding
    from unspin.sources.learned import hand_features, piece_features, windows
    from unspin.sources.polnear import findings_extraction

    target = work / f"prepared-{split}.pkl"
    if target.exists():
        prepared: list[dict[str, Any]] = pickle.loads(target.read_bytes())
        if [p["name"] for p in prepared] == names:
            return prepared
    out = []
    for name in names:
        rec = _load(cache / split / f"{name}.pkl")
        text, parsed = rec["text"], rec["parsed"]
        findings = [Finding.from_dict(f) for f in rec["findings"]]
        rules = findings_extraction(text, findings)
        out.append(
            {
                "name": name,
                "x": piece_features(parsed, rec["states"]).astype(np.float16),
                "h": hand_features(text, parsed, rules),
                "windows": windows(text, parsed),
                "rules": rules,
                "parsed": parsed,
            }
        )
    target.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def gold_tags(doc: Any, parsed: Any) -> np.ndarray:
    """O=0, then B/I per role in ``ROLES_TAGGED`` order (source wins over cue over content)."""
    toks = parsed.tokens
    tags = np.zeros(len(toks), np.int64)
    starts = np.array([t.start for t in toks])
    for r in reversed(range(len(ROLES_TAGGED))):
        for span in doc.spans[ROLES_TAGGED[r]]:
            first = True
            for a, b in span.pieces:
                lo = max(0, int(np.searchsorted(starts, a, side="right")) - 1)
                for k in range(lo, len(toks)):
                    if toks[k].start >= b:
                        break
                    if toks[k].end > a:
                        tags[k] = 1 + 2 * r + (0 if first else 1)
                        first = False
    return tags


def fit_projection(xs: list[np.ndarray], dim: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(SEED)
    pool = np.concatenate(xs).astype(np.float32)
    sample = pool[rng.choice(len(pool), size=min(60_000, len(pool)), replace=False)]
    mean = sample.mean(0)
    std = sample.std(0) + 1e-4
    z = (sample - mean) / std
    _, _, vt = np.linalg.svd(z, full_matrices=False)
    return {"mean": mean, "std": std, "w": vt[:dim].T.astype(np.float32)}


def inputs(p: dict[str, Any], proj: dict[str, np.ndarray], hand_scale: np.ndarray) -> np.ndarray:
    x = ((p["x"].astype(np.float32) - proj["mean"]) / proj["std"]) @ proj["w"]
    return np.concatenate([x, p["h"] * hand_scale], axis=1).astype(np.float32)


def train_tagger(
    seqs: list[tuple[np.ndarray, np.ndarray]], epochs: int, kind: str, hidden: int, log: str = ""
) -> Any:
    import torch

    from unspin.sources.learned import build_tagger

    torch.manual_seed(SEED)
    model = build_tagger(seqs[0][0].shape[1], hidden, kind)
    opt = torch.optim.Adam(model.parameters(), lr=4e-3)
    order = sorted(range(len(seqs)), key=lambda i: len(seqs[i][0]))
    batches = [order[b : b + BATCH] for b in range(0, len(order), BATCH)]
    rng = np.random.default_rng(SEED)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-1)
    for epoch in range(epochs):
        model.train()
        total = 0.0
        started = time.perf_counter()
        for bi in rng.permutation(len(batches)):
            batch = batches[bi]
            width = max(len(seqs[i][0]) for i in batch)
            x = np.zeros((len(batch), width, seqs[0][0].shape[1]), np.float32)
            y = np.full((len(batch), width), -1, np.int64)
            for r, i in enumerate(batch):
                n = len(seqs[i][0])
                x[r, :n], y[r, :n] = seqs[i]
            logits = model(torch.from_numpy(x))
            loss = lossf(logits.reshape(-1, logits.shape[-1]), torch.from_numpy(y).reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        print(
            f"  {log} epoch {epoch + 1}: loss {total / len(batches):.4f} "
            f"({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )
    model.eval()
    return model


def predict(model: Any, x: np.ndarray, wins: list[tuple[int, int]]) -> list[Any]:
    import torch

    out = []
    with torch.inference_mode():
        for lo, hi in wins:
            logits = model(torch.from_numpy(x[None, lo:hi]))[0]
            out.append(((lo, hi), torch.softmax(logits, -1).numpy()))
    return out


def extraction(text: str, p: dict[str, Any], probs: Any, threshold: Any, mode: str) -> Any:
    """The extraction of one text: the tagger alone (``"learned"``) or the rules plus the
    tagger's contents that overlap none of theirs (``"add"``, what the analyzer does)."""
    from unspin.sources.learned import decode
    from unspin.sources.polnear import Extraction

    rules = p["rules"]
    tagged = decode(text, p["parsed"], probs, threshold, rules)
    if mode == "learned":
        out = Extraction()
        for t in tagged:
            out.add(t.content, t.source, t.cue)
        return out
    out = Extraction({r: set(v) for r, v in rules.spans.items()}, set(rules.relations))
    taken = [(c.start, c.end) for c in rules.spans["content"]]
    for t in tagged:
        c0, c1 = t.content.start, t.content.end
        if any(a < c1 and c0 < b for a, b in taken) or (mode == "add-sourced" and not t.source):
            continue
        taken.append((c0, c1))
        out.add(t.content, t.source, t.cue)
    return out


def fold_scores(
    docs: list[Any],
    preds: list[Any],
    folds: dict[str, list[int]],
    hows: tuple[str, ...] = ("strict", "overlap"),
) -> dict[str, dict[str, Any]]:
    """Micro scores over all texts and per fold, strict and overlap."""
    from unspin.sources.polnear import gold_extraction, score, total

    out: dict[str, dict[str, Any]] = {}
    for how in hows:
        per = [score(d.text, p, gold_extraction(d), how) for d, p in zip(docs, preds, strict=True)]
        overall = total(per)
        by_fold = {f: total(per[i] for i in ix) for f, ix in folds.items()}
        out[how] = {
            key: {
                "precision": overall[key].precision,
                "recall": overall[key].recall,
                "f1": overall[key].f1,
                "f1_folds": [c[key].f1 for c in by_fold.values()],
                "precision_folds": [c[key].precision for c in by_fold.values()],
            }
            for key in ("content", "source", "cue", "relation")
        }
    return out


def _mean_std(values: list[float]) -> str:
    std = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.3f} ± {std:.3f}"


def show(title: str, s: dict[str, dict[str, Any]]) -> None:
    print(f"\n{title}")
    for how in ("strict", "overlap"):
        print(f"  {how}:      P      R     F1   F1 by publisher (mean ± std)   P (mean ± std)")
        for key, v in s[how].items():
            f, pf = v["f1_folds"], v["precision_folds"]
            print(
                f"    {key:<9}{v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}   "
                f"{_mean_std(f)}                {_mean_std(pf)}"
            )


def save_model(
    out: Path, model: Any, proj: dict[str, np.ndarray], hand_scale: np.ndarray, config: Any
) -> None:
    """Write the model folder: tagger.npz (float16), projection.npz, config.json."""
    out.mkdir(parents=True, exist_ok=True)
    weights = {k: v.numpy().astype(np.float16) for k, v in model.state_dict().items()}
    np.savez_compressed(out / "tagger.npz", **weights)
    np.savez_compressed(
        out / "projection.npz",
        mean=proj["mean"].astype(np.float16),
        std=proj["std"].astype(np.float16),
        w=proj["w"].astype(np.float16),
        hand_scale=hand_scale,
    )
    (out / "config.json").write_text(json.dumps(config, indent=1) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/h5-work/cache"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/h5-work"))
    ap.add_argument(
        "--out",
        type=Path,
        default=ROOT / "src" / "unspin" / "sources" / "artifacts",
    )
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--kind", choices=("conv", "lstm"), default="conv")
    ap.add_argument("--hidden", type=int, default=48)
    ap.add_argument(
        "--per-publisher", type=int, default=None, help="train on at most N texts per publisher"
    )
    ap.add_argument("--no-final", action="store_true")
    ap.add_argument("--modes", nargs="+", default=["add-sourced", "add"])
    ap.add_argument("--source-thresholds", type=float, nargs="+", default=[0.45, 0.6])
    ap.add_argument("--content-thresholds", type=float, nargs="+", default=[0.6, 0.75])
    ap.add_argument("--limit", type=int, default=None, help="first N texts per publisher")
    args = ap.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import torch

    torch.set_num_threads(1)
    from unspin.sources.learned import N_HAND, PROJECTED
    from unspin.sources.polnear import load_split

    docs = [
        d
        for d in load_split(args.polnear, "train")
        if (args.cache / "train" / f"{d.name}.pkl").exists()
    ]
    if args.limit:
        count: dict[str, int] = {}
        kept = []
        for d in docs:
            count[d.publisher] = count.get(d.publisher, 0) + 1
            if count[d.publisher] <= args.limit:
                kept.append(d)
        docs = kept
    print(f"{len(docs)} train texts with a cache", file=sys.stderr)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    prepared = prepare(args.cache, "train", args.work, [d.name for d in docs])
    print(f"prepared in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    tags = [gold_tags(d, p["parsed"]) for d, p in zip(docs, prepared, strict=True)]
    folds: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        folds.setdefault(d.publisher, []).append(i)
    hand_scale = np.ones(N_HAND, np.float32)

    def fit(train_ix: list[int], log: str) -> tuple[Any, dict[str, np.ndarray]]:
        if args.per_publisher:
            seen: dict[str, int] = {}
            capped = []
            for i in train_ix:
                seen[docs[i].publisher] = seen.get(docs[i].publisher, 0) + 1
                if seen[docs[i].publisher] <= args.per_publisher:
                    capped.append(i)
            train_ix = capped
        proj = fit_projection([prepared[i]["x"] for i in train_ix], PROJECTED)
        seqs: list[tuple[np.ndarray, np.ndarray]] = []
        for i in train_ix:
            x = inputs(prepared[i], proj, hand_scale)
            seqs.extend((x[lo:hi], tags[i][lo:hi]) for lo, hi in prepared[i]["windows"])
        return train_tagger(seqs, args.epochs, args.kind, args.hidden, log), proj

    oof_path = args.work / f"oof-{args.kind}{args.hidden}-e{args.epochs}-p{args.per_publisher}.pkl"
    if oof_path.exists() and pickle.loads(oof_path.read_bytes())[0] == [d.name for d in docs]:
        oof = pickle.loads(oof_path.read_bytes())[1]
    else:
        oof = [None] * len(docs)
        for fold, held in folds.items():
            train_ix = [i for i in range(len(docs)) if i not in set(held)]
            model, proj = fit(train_ix, f"fold {fold}")
            for i in held:
                oof[i] = predict(
                    model, inputs(prepared[i], proj, hand_scale), prepared[i]["windows"]
                )
        oof_path.write_bytes(pickle.dumps(([d.name for d in docs], oof)))
    print(f"out-of-fold in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    rules_scores = fold_scores(docs, [p["rules"] for p in prepared], folds)
    show("rules (the sources analyzer today), publisher CV on train", rules_scores)
    floor = {k: rules_scores["strict"][k]["precision"] for k in ("content", "source")}
    best: tuple[float, Any, Any] | None = None
    results = []
    configs = [
        (mode, (t_src, 0.3, t_con))
        for mode in args.modes
        for t_src, t_con in itertools.product(args.source_thresholds, args.content_thresholds)
    ]
    for mode, threshold in configs:
        preds = [
            extraction(d.text, p, o, threshold, mode)
            for d, p, o in zip(docs, prepared, oof, strict=True)
        ]
        s = fold_scores(docs, preds, folds, ("strict",))
        st = s["strict"]
        objective = (st["content"]["f1"] + st["source"]["f1"] + st["relation"]["f1"]) / 3
        ok = all(st[k]["precision"] >= floor[k] for k in floor)
        results.append({"mode": mode, "threshold": threshold, "objective": objective, "ok": ok})
        pc, ps = st["content"]["precision"], st["source"]["precision"]
        note = "" if ok else " (precision below the rules)"
        print(
            f"  {mode} {threshold}: {objective:.4f} P content {pc:.3f} source {ps:.3f}{note}",
            file=sys.stderr,
            flush=True,
        )
        if ok and mode != "learned" and (best is None or objective > best[0]):
            best = (objective, (mode, threshold), preds)
    report: dict[str, Any] = {
        "rules": rules_scores,
        "grid": results,
        "texts": len(docs),
        "epochs": args.epochs,
    }
    if best is None:
        print("\nno configuration keeps the rules' content and source precision")
    else:
        (mode, threshold), s = best[1], fold_scores(docs, best[2], folds)
        best = (best[0], best[1], s)
        show(f"learned, chosen: mode {mode}, thresholds (source, cue, content) {threshold}", s)
        report["chosen"] = {"mode": mode, "threshold": threshold, "scores": s}
    (args.work / "cv.json").write_text(json.dumps(report, indent=1))
    if best is None or args.no_final:
        return 0
    model, proj = fit(list(range(len(docs))), "final")
    config = {
        "mode": best[1][0],
        "hidden": args.hidden,
        "kind": args.kind,
        "per_publisher": args.per_publisher,
        "threshold": list(best[1][1]),
        "epochs": args.epochs,
        "seed": SEED,
        "texts": len(docs),
        "cv_strict_f1": {k: round(v["f1"], 4) for k, v in best[2]["strict"].items()},
    }
    save_model(args.out, model, proj, hand_scale, config)
    print(f"wrote {args.out} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
