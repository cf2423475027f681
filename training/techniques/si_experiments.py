"""SI (span identification) experiments: word-piece tagging over frozen MiniLM states.

    nice -n 19 .venv/bin/python training/techniques/si_experiments.py linear bilstm ...

Each sentence's word pieces (as the backbone encodes them) are tagged O/B/I by a light head
over frozen hidden states; pieces whose probability of being inside a span exceeds a
threshold are joined into runs, widened to whole words, trimmed of boundary punctuation
and scored with :func:`unspin.techniques.ptc.score_si` against the SI gold of the test fold.
The threshold for fold k is the one that maximises SI F1 on the other four folds' test
predictions (so no fold picks its own threshold). Probabilities go to /tmp/ptc-work.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

import numpy as np
from common import WORK, Data, Timer, load_data, log_result, mean_std

from unspin.techniques.features import widen
from unspin.techniques.ptc import Span, score_si

#: (low, high) pairs: runs of pieces with p >= low, kept if their best piece has p >= high.
THRESHOLDS = [
    (lo, hi)
    for lo in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
    for hi in (0.2, 0.3, 0.4, 0.5, 0.6)
    if hi >= lo
]


def piece_labels(data: Data) -> np.ndarray:
    """0 = O, 1 = B, 2 = I per word piece, from the merged SI gold spans."""
    starts, ends, art = data.pieces["start"], data.pieces["end"], data.pieces["article"]
    ids = data.pieces["ids"]
    y = np.zeros(len(starts), np.int64)
    for ai, aid in enumerate(ids):
        article = data.corpus[str(aid)]
        mask = np.zeros(len(article.text) + 1, bool)
        for s in article.si_spans:
            mask[s.start : s.end] = True
        lo, hi = data.piece_ranges[str(aid)]
        prev_in = False
        for i in range(lo, hi):
            if starts[i] < 0:
                prev_in = False
                continue
            inside = mask[starts[i] : ends[i]].mean() >= 0.5
            y[i] = (2 if prev_in else 1) if inside else 0
            prev_in = inside
        assert art[lo] == ai
    return y


def decode(
    data: Data, aid: str, p_in: np.ndarray, lo: int, hi: int, threshold: float, keep: float = 0.0
) -> list[Span]:
    """Runs of inside pieces (within a sentence) -> character spans widened to whole words.

    A run is the maximal sequence of pieces with ``p_in >= threshold``; it is kept only if
    one of its pieces reaches ``keep`` (hysteresis).
    """
    text = data.corpus[aid].text
    starts, ends, sent = data.pieces["start"], data.pieces["end"], data.pieces["sentence"]
    spans: list[Span] = []
    run: list[int] = []

    def close() -> None:
        if not run:
            return
        if max(p_in[i - lo] for i in run) < keep:
            run.clear()
            return
        s, e = widen(text, int(starts[run[0]]), int(ends[run[-1]]))
        if e > s:
            spans.append(Span(aid, s, e))
        run.clear()

    for i in range(lo, hi):
        if starts[i] < 0 or (run and sent[i] != sent[run[-1]]):
            close()
            if starts[i] < 0:
                continue
        if p_in[i - lo] >= threshold:
            run.append(i)
        else:
            close()
    close()
    return spans


# -- heads -------------------------------------------------------------------------------------


def train_head(
    kind: str,
    X: np.ndarray,
    y: np.ndarray,
    sent_ranges: Sequence[tuple[int, int]],
    epochs: int,
    seed: int = 0,
) -> Any:
    import torch

    torch.manual_seed(seed)
    dim = X.shape[1]

    class Head(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.2)
            if kind == "linear":
                self.rnn = None
                out_dim = dim
            else:
                self.rnn = torch.nn.LSTM(dim, 128, batch_first=True, bidirectional=True)
                out_dim = 256
            self.out = torch.nn.Linear(out_dim, 3)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h = self.drop(x)
            if self.rnn is not None:
                h, _ = self.rnn(h)
                h = self.drop(h)
            return self.out(h)

    net = Head()
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-2)
    rng = np.random.default_rng(seed)
    order = sorted(range(len(sent_ranges)), key=lambda i: sent_ranges[i][1] - sent_ranges[i][0])
    batches = [order[b : b + 32] for b in range(0, len(order), 32)]
    for _ in range(epochs):
        net.train()
        for bi in rng.permutation(len(batches)):
            batch = [sent_ranges[i] for i in batches[bi]]
            width = max(b - a for a, b in batch)
            xb = torch.zeros((len(batch), width, dim))
            yb = torch.full((len(batch), width), -100, dtype=torch.long)
            for r, (a, b) in enumerate(batch):
                xb[r, : b - a] = torch.from_numpy(X[a:b])
                yb[r, : b - a] = torch.from_numpy(y[a:b])
            loss = torch.nn.functional.cross_entropy(net(xb).reshape(-1, 3), yb.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    return net


def predict_head(net: Any, X: np.ndarray, sent_ranges: Sequence[tuple[int, int]]) -> np.ndarray:
    import torch

    out = np.zeros((len(X), 3), np.float32)
    with torch.no_grad():
        for b in range(0, len(sent_ranges), 64):
            batch = sent_ranges[b : b + 64]
            width = max(e - s for s, e in batch)
            xb = torch.zeros((len(batch), width, X.shape[1]))
            for r, (s, e) in enumerate(batch):
                xb[r, : e - s] = torch.from_numpy(X[s:e])
            probs = torch.softmax(net(xb), -1).numpy()
            for r, (s, e) in enumerate(batch):
                out[s:e] = probs[r, : e - s]
    return out


# -- loop ----------------------------------------------------------------------------------------


def doc_context(data: Data) -> np.ndarray:
    """Per piece, the mean layer-6 state of its whole article (document context)."""
    h = data.layer(6)
    out = np.zeros((len(h), h.shape[1]), np.float32)
    for lo, hi in data.piece_ranges.values():
        out[lo:hi] = np.asarray(h[lo:hi], dtype=np.float32).mean(0)
    return out


def run(
    data: Data, name: str, kind: str, layers: Sequence[int], epochs: int, doc: bool = False
) -> dict[str, Any]:
    t = Timer()
    X = np.hstack([np.asarray(data.layer(k), dtype=np.float32) for k in layers])
    if doc:
        X = np.hstack([X, doc_context(data)])
    y = piece_labels(data)
    print(f"{name}: features {X.shape}, labels O/B/I {np.bincount(y)} ({t():.0f}s)", flush=True)
    ids = [str(a) for a in data.pieces["ids"]]
    fold_of_article = np.array([data.folds[a] for a in ids])
    sent_art = data.pieces["sent_article"]
    ranges = list(
        zip(data.pieces["sent_first"].tolist(), data.pieces["sent_last"].tolist(), strict=True)
    )
    p_in = np.zeros(len(X), np.float32)
    secs = []
    for k in range(5):
        t = Timer()
        tr = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] != k]
        te = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] == k]
        net = train_head(kind, X, y, tr, epochs)
        probs = predict_head(net, X, te)
        for s, e in te:
            p_in[s:e] = probs[s:e, 1] + probs[s:e, 2]
        secs.append(t())
        print(f"  fold {k}: trained+predicted in {secs[-1]:.0f}s", flush=True)
    np.save(WORK / f"si_pin_{name}.npy", p_in)
    return evaluate(data, name, p_in, {"train_seconds_per_fold": float(np.mean(secs))})


def evaluate(data: Data, name: str, p_in: np.ndarray, extra: dict[str, Any]) -> dict[str, Any]:
    """Per fold and threshold SI scores; fold k uses the best threshold of the other folds."""
    table = np.zeros((5, len(THRESHOLDS), 3))
    for k in range(5):
        _, test = data.split(k)
        gold = [s for a in test for s in a.si_spans]
        for ti, (th, keep) in enumerate(THRESHOLDS):
            pred: list[Span] = []
            for a in test:
                lo, hi = data.piece_ranges[a.id]
                pred += decode(data, a.id, p_in[lo:hi], lo, hi, th, keep)
            sc = score_si(pred, gold)
            table[k, ti] = (sc.precision, sc.recall, sc.f1)
    chosen, f1s, ps, rs = [], [], [], []
    for k in range(5):
        others = [j for j in range(5) if j != k]
        ti = int(np.argmax(table[others, :, 2].mean(0)))
        chosen.append(THRESHOLDS[ti])
        ps.append(table[k, ti, 0])
        rs.append(table[k, ti, 1])
        f1s.append(table[k, ti, 2])
    best = int(np.argmax(table[:, :, 2].mean(0)))
    print(
        f"{name:28s} SI F1 {mean_std(f1s)} (P {mean_std(ps)}, R {mean_std(rs)}) "
        f"thresholds {chosen}; oracle th={THRESHOLDS[best]} F1 {table[:, best, 2].mean():.3f}",
        flush=True,
    )
    result = {
        "task": "SI",
        "f1_folds": f1s,
        "f1": mean_std(f1s),
        "precision": mean_std(ps),
        "recall": mean_std(rs),
        "thresholds": chosen,
        "by_threshold_mean_f1": dict(
            zip(
                [f"{a}/{b}" for a, b in THRESHOLDS],
                table[:, :, 2].mean(0).round(4).tolist(),
                strict=True,
            )
        ),
        **extra,
    }
    log_result(name, result)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "models", nargs="+", help="KIND:LAYERS[+doc]:EPOCHS, e.g. bilstm:6:4, linear:4,6+doc:3"
    )
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    data = load_data()
    for m in args.models:
        if m.startswith("eval="):  # re-score saved probabilities
            name = m.removeprefix("eval=")
            evaluate(data, name, np.load(WORK / f"si_pin_{name}.npy"), {"rescored": True})
            continue
        kind, spec, epochs = m.split(":")
        layers, _, extra = spec.partition("+")
        run(
            data,
            f"si_{kind}_L{layers.replace(',', '')}{'_doc' if extra else ''}_e{epochs}",
            kind,
            [int(x) for x in layers.split(",")],
            int(epochs),
            doc=extra == "doc",
        )


if __name__ == "__main__":
    main()
