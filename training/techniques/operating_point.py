"""The operating point of the ``techniques`` analyzer, measured on out-of-fold predictions.

    PTC_WORK=/tmp/h2-work OPENBLAS_NUM_THREADS=1 nice -n 10 .venv/bin/python \\
        training/techniques/operating_point.py [build] [report] [--members raw+pca0+pca1+pca2+pca3]

Needs the feature cache of ``features.py`` (``--work $PTC_WORK``) and the members'
out-of-fold O/B/I probabilities written by ``si_research.py train`` (EXPERIMENTS.md,
section 8 names the commands; each member is trained 5 times, once per fold of
``folds.json``, and predicts the fold it did not see).

``tc`` fits the technique head of each fold (on the other four folds' gold spans, with
``train.py``'s ``train_classifier``, as the shipped one) and scores it on the fold's gold
spans (TC micro-F1), cached in ``$PTC_WORK/tc_heads_v2.npz``. ``build`` averages the members'
P(inside), decodes every article with the analyzer's own code
(:func:`unspin.techniques.features.decode`, then :func:`unspin.techniques.analyzer.snapped`:
whole words and phrases from the cached spaCy parse), labels each candidate with its fold's
technique head and caches the candidates with their scores in
``$PTC_WORK/operating_point_<members>_<low>_<high>_<trim>.npz``. ``report`` reads that cache
and prints, for each score threshold, the SI precision / recall / F1 pooled over all 371
articles and the per-fold mean ± std, with what the analyzer shows at that threshold (top
technique, a second one at probability >= 0.5, overlapping spans of one technique merged),
and picks the default: the lowest threshold whose pooled precision reaches
``--precision`` (0.55) with pooled F1 >= ``--min-f1`` (0.42).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("PTC_WORK", "/tmp/h2-work")
from common import Data, load_data, mean_std, tc_items, top_k_predictions

from unspin.nlp import TokenStates
from unspin.techniques import features as feats
from unspin.techniques.analyzer import TechniqueSpan, snapped, span_score
from unspin.techniques.head import TechniqueHead
from unspin.techniques.ptc import TECHNIQUES, Span, score_flc, score_si, score_tc
from unspin.techniques.spans import merge_same, select

DECODE = (0.05, 0.25, 0.4)  # (low, high, trim), as shipped
SECOND_LABEL = 0.5
GRID = [round(x, 3) for x in np.arange(0.0, 0.601, 0.01)]


def article_states(data: Data, aid: str) -> TokenStates:
    """The :class:`TokenStates` the backbone gives an article, rebuilt from the cache."""
    P = data.pieces
    lo, hi = data.piece_ranges[aid]
    ai = data.article_index[aid]
    sents = np.nonzero(P["sent_article"] == ai)[0]
    first, last = P["sent_first"][sents] - lo, P["sent_last"][sents] - lo
    h6 = np.asarray(data.layer(6)[lo:hi])
    emb = np.zeros((len(sents), h6.shape[1]), np.float32)
    for j, (a, b) in enumerate(zip(first, last, strict=True)):
        v = h6[a:b].astype(np.float32).mean(0)
        emb[j] = v / max(1e-9, float(np.linalg.norm(v)))
    return TokenStates(
        P["start"][lo:hi].astype(np.int32),
        P["end"][lo:hi].astype(np.int32),
        np.stack([first, last], 1).astype(np.int64),
        np.arange(len(sents), dtype=np.int32),
        {4: np.asarray(data.layer(4)[lo:hi]), 6: h6},
        emb,
    )


def members_p_in(work: Path, names: list[str]) -> tuple[np.ndarray, list[int]]:
    """The members' averaged P(inside) and the folds every member has predicted."""
    probs, folds = [], {0, 1, 2, 3, 4}
    for n in names:
        meta = json.loads((work / "research" / f"{n}.json").read_text())
        folds &= {int(k) for k in meta["folds"]}
        probs.append(np.load(work / "research" / f"{n}.npy").astype(np.float32))
    if not folds:
        sys.exit(f"no fold is predicted by every member of {'+'.join(names)}")
    p = np.mean(probs, 0)
    out: np.ndarray = p[:, 1] + p[:, 2]
    return out, sorted(folds)


def tc_heads(data: Data, states: dict[str, TokenStates]) -> dict[str, Any]:
    """The technique head of each fold (trained on the other four folds' gold spans by
    ``train.py``'s ``train_classifier``, as the shipped one) and its micro-F1 on the
    fold's gold spans: ``{"heads": {k: TechniqueHead}, "tc_f1": array}``, cached in
    ``$PTC_WORK/tc_heads_v2.npz``."""
    from train import train_classifier

    path = data.work / "tc_heads_v2.npz"
    if path.exists():
        z = np.load(path)
        return {
            "heads": {
                k: TechniqueHead({n.partition("/")[2]: z[n] for n in z.files if n[0] == str(k)})
                for k in range(5)
            },
            "tc_f1": z["tc_f1"],
        }
    t0 = time.perf_counter()
    ids = [a.id for a in data.corpus.articles]
    arrays: dict[str, np.ndarray] = {}
    heads, tc_f1 = {}, []
    for k in range(5):
        train = [data.corpus[a] for a in ids if data.folds[a] != k]
        head = train_classifier(train, states, data.parsed)
        arrays.update({f"{k}/{n}": v for n, v in head.items()})
        heads[k] = TechniqueHead(head)
        test = [a for a in ids if data.folds[a] == k]
        pred = []
        for a in test:
            items = tc_items([data.corpus[a]])
            proba = tc_proba(data, states, heads[k], a, [(i.start, i.end) for i in items])
            pred += top_k_predictions(items, proba, heads[k].classes)
        tc_f1.append(score_tc(pred, [s for a in test for s in data.corpus[a].spans]).f1)
        print(
            f"fold {k}: TC micro-F1 on gold spans {tc_f1[-1]:.3f} "
            f"({time.perf_counter() - t0:.0f}s)",
            flush=True,
        )
    print(f"TC micro-F1 on gold spans, 5 folds: {mean_std(tc_f1)}", flush=True)
    np.savez(path, tc_f1=np.array(tc_f1), **arrays)
    return {"heads": heads, "tc_f1": np.array(tc_f1)}


def tc_proba(
    data: Data,
    states: dict[str, TokenStates],
    head: TechniqueHead,
    aid: str,
    spans: list[tuple[int, int]],
) -> np.ndarray:
    """A fold head's technique probabilities of spans of article ``aid`` (columns in
    :data:`TECHNIQUES` order, as the head is trained on all of them)."""
    text = data.corpus[aid].text
    X = feats.tc_inputs(text, states[aid], spans, data.parsed[aid])
    return head.probabilities(X, [text[s:e] for s, e in spans])


def all_states(data: Data) -> dict[str, TokenStates]:
    return {a.id: article_states(data, a.id) for a in data.corpus.articles}


def build(
    data: Data, names: list[str], out: Path, decode: tuple[float, float, float] = DECODE
) -> None:
    t0 = time.perf_counter()
    p_in, folds = members_p_in(data.work, names)
    cached = data.work / "tc_heads_v2.npz"
    wanted = [
        a for a in data.corpus.articles if cached.exists() is False or data.folds[a.id] in folds
    ]
    states = {a.id: article_states(data, a.id) for a in wanted}
    heads = tc_heads(data, states)
    print(f"states and TC heads ({time.perf_counter() - t0:.0f}s)", flush=True)
    rows: list[tuple[int, int, int, int, float, float]] = []
    proba_rows: list[np.ndarray] = []
    ids = [a.id for a in data.corpus.articles]
    for ai, a in enumerate(data.corpus.articles):
        if data.folds[a.id] not in folds:
            continue
        lo, hi = data.piece_ranges[a.id]
        spans = feats.decode(a.text, states[a.id], p_in[lo:hi], *decode)
        cands = snapped(a.text, data.parsed[a.id], spans)
        if not cands:
            continue
        k = data.folds[a.id]
        proba = tc_proba(data, states, heads["heads"][k], a.id, [(s, e) for s, e, _ in cands])
        for (s, e, p), row in zip(cands, proba, strict=True):
            idx = states[a.id].pieces_in(s, e)
            peak = float(p_in[lo:hi][idx].max()) if len(idx) else p
            rows.append((ai, k, s, e, p, peak))
            proba_rows.append(row)
    print(f"{len(rows)} candidates labelled ({time.perf_counter() - t0:.0f}s)", flush=True)
    tc_f1 = heads["tc_f1"]
    arr = np.array(rows, dtype=np.float64)
    np.savez(
        out,
        article=arr[:, 0].astype(np.int32),
        fold=arr[:, 1].astype(np.int32),
        start=arr[:, 2].astype(np.int32),
        end=arr[:, 3].astype(np.int32),
        p_span=arr[:, 4].astype(np.float32),
        p_max=arr[:, 5].astype(np.float32),
        proba=np.stack(proba_rows),
        ids=np.array(ids),
        members=np.array(names),
        decode=np.array(decode),
        tc_f1=np.array(tc_f1),
        folds=np.array(folds),
    )
    print(f"wrote {out} ({time.perf_counter() - t0:.0f}s)", flush=True)


def gate_candidates(data: Data) -> Path:
    """Every candidate (span, technique, score) of the *shipped* analyzer on the 25 gate
    articles it was not trained on (real backbone), cached in ``$PTC_WORK/gate_candidates.json``."""
    path = data.work / "gate_candidates.json"
    if path.exists():
        return path
    from unspin.nlp import SpacyBackbone
    from unspin.techniques.analyzer import TechniquesAnalyzer
    from unspin.techniques.evaluate import article_contexts

    ids = set(json.loads((Path(__file__).parent / "gate.json").read_text())["articles"])
    articles = [a for a in data.corpus.articles if a.id in ids]
    every = TechniquesAnalyzer(all_candidates=True)
    rows = []
    for article, ctx in article_contexts(SpacyBackbone(), articles):
        for t in every.detect(ctx):
            rows.append(
                [article.id, t.start, t.end, t.technique, t.score, t.span_probability, t.span_score]
            )
    path.write_text(json.dumps({"articles": sorted(ids), "candidates": rows}))
    return path


def gate_scores(data: Data, path: Path, threshold: float, by: str = "max") -> dict[str, float]:
    """SI of the shipped analyzer on the gate articles at ``threshold`` (same selection
    and merging as the analyzer)."""
    z = json.loads(path.read_text())
    ids = set(z["articles"])
    spans: dict[str, list[TechniqueSpan]] = {}
    for aid, s, e, tech, score, p_span, peak in z["candidates"]:
        value = {"score": score, "span": p_span, "max": peak, "max_x_tech": peak * score / p_span}
        t = TechniqueSpan(s, e, tech, score, p_span, 0.0, (), value[by])
        spans.setdefault(aid, []).append(t)
    pred = [
        Span(aid, t.start, t.end, t.technique)
        for aid, ts in spans.items()
        for t in merge_same(select(ts, threshold, key=lambda t: t.span_score))
    ]
    gold = [s for a in data.corpus.articles if a.id in ids for s in a.si_spans]
    sc = score_si(pred, gold)
    return {"precision": sc.precision, "recall": sc.recall, "f1": sc.f1}


def shown(z: Any, threshold: float, all_candidates: bool = False, by: str = "score") -> list[Span]:
    """The (span, technique) pairs the analyzer shows at ``threshold``, as PTC spans
    (``by="span"``: thresholding P(span) instead of the finding's score)."""
    ids = z["ids"]
    by_article: dict[int, list[TechniqueSpan]] = {}
    for ai, s, e, p_span, p_max, pr in zip(
        z["article"], z["start"], z["end"], z["p_span"], z["p_max"], z["proba"], strict=True
    ):
        order = np.argsort(-pr)
        for rank, i in enumerate(order[:2]):
            if rank and pr[i] < SECOND_LABEL:
                break
            score = {
                "score": span_score(float(p_span), float(pr[i])),
                "span": float(p_span),
                "max": float(p_max),
                "max_x_tech": float(p_max) * float(pr[i]),
            }[by]
            finding = span_score(float(p_span), float(pr[i]))
            t = TechniqueSpan(int(s), int(e), TECHNIQUES[i], finding, float(p_span), 0.0, (), score)
            by_article.setdefault(int(ai), []).append(t)
    out = []
    for ai, spans in by_article.items():
        for t in merge_same(select(spans, threshold, all_candidates, key=lambda t: t.span_score)):
            out.append(Span(str(ids[ai]), t.start, t.end, t.technique))
    return out


def scores(
    data: Data, z: Any, threshold: float, all_candidates: bool = False, by: str = "max"
) -> dict[str, Any]:
    pred = shown(z, threshold, all_candidates, by)
    fold_of = data.folds
    folds = [int(k) for k in z["folds"]]
    articles = [a for a in data.corpus.articles if fold_of[a.id] in folds]
    pooled = score_si(pred, [s for a in articles for s in a.si_spans])
    flc = score_flc(pred, [s for a in articles for s in a.spans])
    per: list[tuple[float, float, float]] = []
    for k in folds:
        gold = [s for a in articles if fold_of[a.id] == k for s in a.si_spans]
        sc = score_si([s for s in pred if fold_of[s.article_id] == k], gold)
        per.append((sc.precision, sc.recall, sc.f1))
    P = np.array(per)
    n_spans = len({(s.article_id, s.start, s.end) for s in pred})
    return {
        "threshold": threshold,
        "precision": pooled.precision,
        "recall": pooled.recall,
        "f1": pooled.f1,
        "folds": {
            "precision": mean_std(P[:, 0]),
            "recall": mean_std(P[:, 1]),
            "f1": mean_std(P[:, 2]),
        },
        "flc": {"precision": flc.precision, "recall": flc.recall, "f1": flc.f1},
        "spans": n_spans,
        "spans_per_article": n_spans / len(articles),
    }


def _gate_cells(data: Data, gate: Path, threshold: float, by: str) -> str:
    g = gate_scores(data, gate, threshold, by)
    return f"  {g['precision']:.3f} / {g['recall']:.3f} / {g['f1']:.3f}"


def report(
    data: Data, z: Any, target_p: float, min_f1: float, grid: list[float], by: str = "max"
) -> None:
    print(
        f"TC micro-F1 on gold spans (same folds, the shipped head's design): {mean_std(z['tc_f1'])}"
    )
    print(
        f"members {'+'.join(z['members'])}, decoding (low, high, trim) {tuple(z['decode'])}, "
        f"{len(z['start'])} candidate spans; folds {z['folds'].tolist()} "
        f"({sum(data.folds[str(a)] in z['folds'] for a in z['ids'])} articles)"
    )
    print(f"threshold on: {by} (max: the span score the analyzer's threshold reads)")
    gate = data.work / "gate_candidates.json"
    print(
        f"{'t':>5} {'P':>6} {'R':>6} {'F1':>6}  {'per-fold P':>14} {'per-fold R':>14} "
        f"{'per-fold F1':>14}  {'FLC P':>6} {'FLC F1':>6} {'spans/art':>9}"
        + ("  gate (shipped model, 25 held-out articles): P / R / F1" if gate.exists() else "")
    )
    rows = [scores(data, z, 0.0, all_candidates=True)] + [scores(data, z, t, by=by) for t in grid]
    for i, r in enumerate(rows):
        f = r["folds"]
        name = "all" if i == 0 else f"{r['threshold']:.2f}"
        print(
            f"{name:>5} {r['precision']:.3f} {r['recall']:.3f} {r['f1']:.3f}  "
            f"{f['precision']:>14} {f['recall']:>14} {f['f1']:>14}  "
            f"{r['flc']['precision']:.3f} {r['flc']['f1']:.3f} {r['spans_per_article']:9.1f}"
            + (
                _gate_cells(data, gate, 0.0 if i == 0 else r["threshold"], by)
                if gate.exists()
                else ""
            )
        )
    best = max(rows, key=lambda r: r["f1"])
    ok = [r for r in rows[1:] if r["precision"] >= target_p and r["f1"] >= min_f1]
    print(
        f"best F1: threshold {best['threshold']} (pooled P {best['precision']:.3f}, "
        f"R {best['recall']:.3f}, F1 {best['f1']:.3f}; folds F1 {best['folds']['f1']})"
    )
    if ok:
        d = min(ok, key=lambda r: r["threshold"])
        print(
            f"default: threshold {d['threshold']} (pooled P {d['precision']:.3f}, "
            f"R {d['recall']:.3f}, F1 {d['f1']:.3f}; folds P {d['folds']['precision']}, "
            f"R {d['folds']['recall']}, F1 {d['folds']['f1']}; FLC P {d['flc']['precision']:.3f})"
        )
    else:
        print(f"no threshold reaches pooled P >= {target_p} with F1 >= {min_f1}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "steps", nargs="*", default=["report"], choices=["tc", "gate", "build", "report"]
    )
    ap.add_argument("--members", default="raw+pca0+pca1+pca2+pca3")
    ap.add_argument("--precision", type=float, default=0.55)
    ap.add_argument("--min-f1", type=float, default=0.42)
    ap.add_argument("--grid", default="", help="comma-separated thresholds (default 0..0.6)")
    ap.add_argument(
        "--by",
        choices=["score", "span", "max", "max_x_tech"],
        default="max",
        help="what to threshold: the span score, the best piece's P(inside) (the analyzer's), "
        "or the finding's score P(span) x P(technique), P(span), or peak x P(technique)",
    )
    ap.add_argument("--decode", default=",".join(map(str, DECODE)), help="low,high,trim")
    args = ap.parse_args()
    data = load_data()
    if "tc" in args.steps:
        tc_heads(data, all_states(data))
    if "gate" in args.steps:
        gate_candidates(data)
    low, high, trim = (float(x) for x in args.decode.split(","))
    cache = data.work / f"operating_point_{args.members}_{low}_{high}_{trim}.npz"
    if "build" in args.steps or ("report" in args.steps and not cache.exists()):
        build(data, args.members.split("+"), cache, (low, high, trim))
    if "report" in args.steps:
        grid = [float(x) for x in args.grid.split(",")] if args.grid else GRID
        report(data, np.load(cache), args.precision, args.min_f1, grid, args.by)


if __name__ == "__main__":
    main()
