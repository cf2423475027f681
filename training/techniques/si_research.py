"""SI research: richer inputs, sentence context, cheap token features, seed ensembles.

    PTC_WORK=/tmp/ptc-work/fresh OPENBLAS_NUM_THREADS=1 nice -n 19 .venv/bin/python \
        training/techniques/si_research.py train NAME --inputs L4,6+doc+ctx+cheap \
        [--epochs 4] [--hidden 128] [--proj 0] [--seed 0] [--folds 0,1,2,3,4]
    ... si_research.py eval NAME [NAME ...]      # average the runs' probabilities, score

The tagger is the BiLSTM of ``si_experiments.py`` (dropout 0.2 on its input and output,
one bidirectional LSTM layer, linear to O/B/I, AdamW 2e-3, batches of 32 sentences)
over a configurable input per word piece, all read from the backbone's own pass:

* ``L4,6``: hidden states of the listed MiniLM layers (0 = embeddings, 6 = output);
* ``doc``: the article's mean layer-6 state (all pieces, specials included);
* ``ctx``: the backbone's sentence embeddings (mean of layer 6 over the sentence's
  pieces, L2-normalised) of the current, previous and next sentence (zeros at the
  article's edges): 3 x 384 dims;
* ``cheap``: :data:`TOKEN_FEATURES`, cheap surface features of the piece's word, its
  sentence and its article (see :func:`token_features` for the exact definitions).

Out-of-fold probabilities (float16, O/B/I) go to ``$PTC_WORK/research/NAME.npy``; the
``eval`` command averages the probabilities of several runs (a seed ensemble) and
scores them with the decoding of ``si_experiments.py`` (hysteresis, thresholds of fold
k chosen on the other four folds), plus optional span post-processing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from common import LEXICONS, WORK, Data, Timer, load_data, log_result, mean_std
from si_experiments import THRESHOLDS, decode, piece_labels, predict_head

from unspin.techniques.ptc import Span, score_si

OUT = WORK / "research"
_WORDRE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’]*")
_QUOTES = '"“”'
_STOP_TEXT = (
    "the a an and or of to in on for with at by from is are was were be been it this that "
    "as his her their its our we they he she you i not no but so if than then has have had "
    "will would can could who which what there about more"
)
_STOP = frozenset(_STOP_TEXT.split(" "))
#: Names of the per-piece cheap features, in order (see :func:`token_features`).
TOKEN_FEATURES = [
    "continuation",  # the piece continues a word (alnum character right before it)
    "init_cap",  # the piece's word starts with an upper-case letter
    "all_caps",  # the word is all upper case, 2+ letters
    "excl",  # the piece contains "!"
    "question",  # the piece contains "?"
    "quote_mark",  # the piece contains a double quote mark (" “ ”)
    "in_quotes",  # odd number of double quote marks in the sentence before the piece
    "sent_excl",  # the sentence contains "!"
    "sent_question",  # the sentence contains "?"
    "sent_quote",  # the sentence contains a double quote mark
    "pos_in_sent",  # (piece start - sentence start) / sentence length in characters
    "sent_pos",  # sentence index / number of sentences of the article
    "in_title",  # the piece lies on the article's first line
    "log_sent_words",  # log(1 + words in the sentence) / 4
    "word_repeats",  # content word: log(1 + other occurrences in the article) / 2
    "bigram_repeats",  # log(1 + other occurrences of a word bigram containing the word) / 2
    "trigram_repeats",  # same with word trigrams
    *(f"lex_{k}" for k in LEXICONS),  # the word (or a bigram with it) is in the lexicon
]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORDRE.finditer(text)]


def token_features(data: Data) -> np.ndarray:
    """Per word piece, the :data:`TOKEN_FEATURES` (float32, zeros for [CLS]/[SEP])."""
    P = data.pieces
    starts, ends, sent = P["start"], P["end"], P["sentence"]
    s_start, s_end, s_art = P["sent_start"], P["sent_end"], P["sent_article"]
    out = np.zeros((len(starts), len(TOKEN_FEATURES)), np.float32)
    lex_single = {k: {w for w in v if " " not in w} for k, v in LEXICONS.items()}
    lex_double = {k: {w for w in v if w.count(" ") == 1} for k, v in LEXICONS.items()}
    sent_count = Counter(s_art.tolist())
    first_sent = {}
    for si in range(len(s_art)):
        first_sent.setdefault(int(s_art[si]), si)
    for aid, (lo, hi) in data.piece_ranges.items():
        text = data.corpus[aid].text
        words = _words(text)
        toks = [w for _, _, w in words]
        n = len(toks)
        uni = Counter(toks)
        bi = Counter(itertools.pairwise(toks))
        tri = Counter(zip(toks, toks[1:], toks[2:], strict=False))
        wstart = np.array([s for s, _, _ in words] + [len(text) + 1])
        title_end = text.find("\n")
        title_end = len(text) if title_end < 0 else title_end
        # per word features
        wf = np.zeros((n, 3 + len(LEXICONS)), np.float32)
        for i, w in enumerate(toks):
            if w not in _STOP and len(w) > 2:
                wf[i, 0] = np.log1p(uni[w] - 1) / 2
            b = 0
            if i > 0:
                b = max(b, bi[(toks[i - 1], w)])
            if i + 1 < n:
                b = max(b, bi[(w, toks[i + 1])])
            wf[i, 1] = np.log1p(max(0, b - 1)) / 2
            t = 0
            for j in range(max(0, i - 2), min(i, n - 3) + 1):
                t = max(t, tri[(toks[j], toks[j + 1], toks[j + 2])])
            wf[i, 2] = np.log1p(max(0, t - 1)) / 2
            for li, k in enumerate(LEXICONS):
                hit = w in lex_single[k]
                if not hit and i > 0:
                    hit = f"{toks[i - 1]} {w}" in lex_double[k]
                if not hit and i + 1 < n:
                    hit = f"{w} {toks[i + 1]}" in lex_double[k]
                wf[i, 3 + li] = float(hit)
        ai = data.article_index[aid]
        n_sent = sent_count[ai]
        for i in range(lo, hi):
            s, e = int(starts[i]), int(ends[i])
            if s < 0:
                continue
            si = int(sent[i])
            ss, se = int(s_start[si]), int(s_end[si])
            stext = text[ss:se]
            ptext = text[s:e]
            wi = int(np.searchsorted(wstart, s, "right")) - 1
            word = text[words[wi][0] : words[wi][1]] if 0 <= wi < n and words[wi][1] > s else ""
            f = out[i]
            f[0] = float(s > 0 and text[s - 1].isalnum() and text[s].isalnum())
            f[1] = float(bool(word) and word[0].isupper())
            f[2] = float(len(word) > 1 and word.isupper())
            f[3] = float("!" in ptext)
            f[4] = float("?" in ptext)
            f[5] = float(any(q in ptext for q in _QUOTES))
            f[6] = float(sum(text[ss:s].count(q) for q in _QUOTES) % 2 == 1)
            f[7] = float("!" in stext)
            f[8] = float("?" in stext)
            f[9] = float(any(q in stext for q in _QUOTES))
            f[10] = (s - ss) / max(1, se - ss)
            f[11] = (si - first_sent[ai]) / max(1, n_sent)
            f[12] = float(s < title_end)
            f[13] = np.log1p(len(_WORDRE.findall(stext))) / 4
            if word:
                f[14:] = wf[wi]
    return out


def sentence_context(data: Data) -> np.ndarray:
    """Per piece: embeddings of its sentence, the previous and the next one (3 x 384)."""
    h = data.layer(6)
    P = data.pieces
    first, last, s_art = P["sent_first"], P["sent_last"], P["sent_article"]
    emb = np.zeros((len(first), h.shape[1]), np.float32)
    for si in range(len(first)):
        v = np.asarray(h[first[si] : last[si]], np.float32).mean(0)
        emb[si] = v / max(1e-9, float(np.linalg.norm(v)))
    prev = np.zeros_like(emb)
    nxt = np.zeros_like(emb)
    same_prev = s_art[1:] == s_art[:-1]
    prev[1:][same_prev] = emb[:-1][same_prev]
    nxt[:-1][same_prev] = emb[1:][same_prev]
    sent = P["sentence"]
    return np.hstack([emb[sent], prev[sent], nxt[sent]]).astype(np.float16)


def _cached(name: str, make: Any) -> np.ndarray:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"feat_{name}.npy"
    if path.exists():
        return np.load(path)
    arr: np.ndarray = make()
    np.save(path, arr)
    return arr


def build_inputs(data: Data, spec: str) -> tuple[np.ndarray, np.ndarray | None]:
    """Dense blocks (layers, doc, ctx) and the cheap token features (or None)."""
    parts = spec.split("+")
    layers = [int(x) for x in parts[0].removeprefix("L").split(",")]
    blocks = [np.asarray(data.layer(k), np.float16) for k in layers]
    if "doc" in parts:
        from si_experiments import doc_context

        blocks.append(doc_context(data).astype(np.float16))
    if "ctx" in parts:
        blocks.append(_cached("ctx", lambda: sentence_context(data)))
    cheap = None
    if "cheap" in parts:
        cheap = _cached("cheap", lambda: token_features(data)).astype(np.float16)
    return np.hstack(blocks), cheap


def fit_pca(X: np.ndarray, rows: np.ndarray, k: int, seed: int) -> tuple[np.ndarray, ...]:
    """Standardise each dim, then the top-k principal axes, from a sample of ``rows``."""
    from sklearn.decomposition import PCA

    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(rows, size=min(len(rows), 40000), replace=False))
    S = np.asarray(X[sample], np.float32)
    mean, std = S.mean(0), S.std(0) + 1e-3
    pca = PCA(k, svd_solver="randomized", random_state=seed).fit((S - mean) / std)
    W = pca.components_.T.astype(np.float32)  # (dim, k)
    scale = float(np.sqrt(pca.explained_variance_.mean()))
    return mean, std, W / scale


def project(X: np.ndarray, mean: np.ndarray, std: np.ndarray, W: np.ndarray) -> np.ndarray:
    out = np.zeros((len(X), W.shape[1]), np.float16)
    for b in range(0, len(X), 50000):
        out[b : b + 50000] = ((np.asarray(X[b : b + 50000], np.float32) - mean) / std) @ W
    return out


# -- tagger ------------------------------------------------------------------------------


def make_net(dim: int, hidden: int, proj: int, layers: int = 1) -> Any:
    import torch

    class Head(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.2)
            self.proj = torch.nn.Linear(dim, proj) if proj else None
            self.rnn = torch.nn.LSTM(
                proj or dim, hidden, num_layers=layers, batch_first=True, bidirectional=True
            )
            self.out = torch.nn.Linear(2 * hidden, 3)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h = self.drop(x)
            if self.proj is not None:
                h = self.drop(torch.relu(self.proj(h)))
            h, _ = self.rnn(h)
            return self.out(self.drop(h))

    return Head()


def _batch(X: np.ndarray, batch: Sequence[tuple[int, int]]) -> Any:
    import torch

    width = max(b - a for a, b in batch)
    xb = torch.zeros((len(batch), width, X.shape[1]))
    for r, (a, b) in enumerate(batch):
        xb[r, : b - a] = torch.from_numpy(np.asarray(X[a:b], np.float32))
    return xb


def train(
    X: np.ndarray,
    y: np.ndarray,
    ranges: Sequence[tuple[int, int]],
    epochs: int,
    hidden: int,
    proj: int,
    seed: int,
    lr: float = 2e-3,
    layers: int = 1,
    sched: bool = False,
) -> Any:
    import torch

    torch.manual_seed(seed)
    net = make_net(X.shape[1], hidden, proj, layers)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-2)
    rng = np.random.default_rng(seed)
    order = sorted(range(len(ranges)), key=lambda i: ranges[i][1] - ranges[i][0])
    batches = [order[b : b + 32] for b in range(0, len(order), 32)]
    steps = epochs * len(batches)
    lam = (lambda s: min(1.0, (s + 1) / 200) * max(0.05, 1 - s / steps)) if sched else None
    scheduler = torch.optim.lr_scheduler.LambdaLR(opt, lam or (lambda s: 1.0))
    for _ in range(epochs):
        net.train()
        for bi in rng.permutation(len(batches)):
            batch = [ranges[i] for i in batches[bi]]
            xb = _batch(X, batch)
            yb = torch.full(xb.shape[:2], -100, dtype=torch.long)
            for r, (a, b) in enumerate(batch):
                yb[r, : b - a] = torch.from_numpy(y[a:b])
            loss = torch.nn.functional.cross_entropy(net(xb).reshape(-1, 3), yb.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            scheduler.step()
    net.eval()
    return net


def cmd_train(args: argparse.Namespace) -> None:
    import torch

    torch.set_num_threads(args.threads)
    data = load_data()
    t = Timer()
    dense, cheap = build_inputs(data, args.inputs)
    y = piece_labels(data)
    print(f"{args.name}: inputs {dense.shape} + cheap {cheap is not None} ({t():.0f}s)", flush=True)
    ids = [str(a) for a in data.pieces["ids"]]
    fold_of_article = np.array([data.folds[a] for a in ids])
    sent_art = data.pieces["sent_article"]
    ranges = list(
        zip(data.pieces["sent_first"].tolist(), data.pieces["sent_last"].tolist(), strict=True)
    )
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{args.name}.npy"
    probs = np.load(path) if path.exists() else np.zeros((len(dense), 3), np.float16)
    piece_fold = fold_of_article[data.pieces["article"]]
    done_path = OUT / f"{args.name}.json"
    meta = json.loads(done_path.read_text()) if done_path.exists() else {"folds": {}}
    meta["args"] = {k: v for k, v in vars(args).items() if k != "func"}
    for k in [int(f) for f in args.folds.split(",")]:
        t = Timer()
        tr = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] != k]
        te = [r for r, a in zip(ranges, sent_art, strict=True) if fold_of_article[a] == k]
        if args.pca:
            mean, std, W = fit_pca(dense, np.nonzero(piece_fold != k)[0], args.pca, k)
            X = project(dense, mean, std, W)
        else:
            X = dense
        if cheap is not None:
            X = np.hstack([X, cheap])
        print(f"  fold {k}: inputs {X.shape} ({t():.0f}s)", flush=True)
        net = train(
            X,
            y,
            tr,
            args.epochs,
            args.hidden,
            args.proj,
            args.seed + 1000 * k,
            args.lr,
            args.layers,
            args.sched,
        )
        p = predict_head(net, X, te)
        for s, e in te:
            probs[s:e] = p[s:e]
        meta["folds"][str(k)] = t()
        np.save(path, probs)
        done_path.write_text(json.dumps(meta))
        n_par = sum(x.numel() for x in net.parameters())
        print(f"  fold {k}: {meta['folds'][str(k)]:.0f}s ({n_par} parameters)", flush=True)


# -- evaluation --------------------------------------------------------------------------


def postprocess(text: str, spans: list[Span], gap: int, min_chars: int) -> list[Span]:
    """Join spans separated by at most ``gap`` characters; drop spans under ``min_chars``."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: x.start):
        if out and s.start - out[-1].end <= gap and "\n" not in text[out[-1].end : s.start]:
            out[-1] = Span(s.article_id, out[-1].start, s.end)
        else:
            out.append(s)
    return [s for s in out if s.end - s.start >= min_chars]


def score_table(
    data: Data, p_in: np.ndarray, folds: Sequence[int], gap: int = -1, min_chars: int = 0
) -> np.ndarray:
    table = np.zeros((5, len(THRESHOLDS), 3))
    for k in folds:
        _, test = data.split(k)
        gold = [s for a in test for s in a.si_spans]
        for ti, (th, keep) in enumerate(THRESHOLDS):
            pred: list[Span] = []
            for a in test:
                lo, hi = data.piece_ranges[a.id]
                sp = decode(data, a.id, p_in[lo:hi], lo, hi, th, keep)
                if gap >= 0 or min_chars:
                    sp = postprocess(a.text, sp, gap, min_chars)
                pred += sp
            sc = score_si(pred, gold)
            table[k, ti] = (sc.precision, sc.recall, sc.f1)
    return table


def summarise(name: str, table: np.ndarray, folds: Sequence[int]) -> dict[str, Any]:
    chosen, f1s, ps, rs = [], [], [], []
    for k in folds:
        others = [j for j in folds if j != k]
        ti = int(np.argmax(table[others, :, 2].mean(0)))
        chosen.append(THRESHOLDS[ti])
        ps.append(table[k, ti, 0])
        rs.append(table[k, ti, 1])
        f1s.append(table[k, ti, 2])
    best = int(np.argmax(table[list(folds), :, 2].mean(0)))
    print(
        f"{name:40s} SI F1 {mean_std(f1s)} (P {mean_std(ps)}, R {mean_std(rs)}) "
        f"folds {[round(f, 3) for f in f1s]} th {chosen}; "
        f"oracle {THRESHOLDS[best]} {table[list(folds), best, 2].mean():.3f}",
        flush=True,
    )
    return {
        "task": "SI",
        "folds": list(folds),
        "f1_folds": f1s,
        "f1": mean_std(f1s),
        "precision": mean_std(ps),
        "recall": mean_std(rs),
        "thresholds": chosen,
    }


def cmd_eval(args: argparse.Namespace) -> None:
    data = load_data()
    folds = [int(f) for f in args.folds.split(",")]
    probs = [np.load(OUT / f"{n}.npy").astype(np.float32) for n in args.names]
    p = np.mean(probs, 0)
    p_in = p[:, 1] + p[:, 2]
    name = "+".join(args.names)
    for gap, mc in [(-1, 0)] + [tuple(map(int, x.split(":"))) for x in args.post]:  # type: ignore[misc]
        t = score_table(data, p_in, folds, gap, mc)
        res = summarise(f"{name} gap{gap} min{mc}", t, folds)
        log_result(f"research:{name}:gap{gap}:min{mc}", res)


def cmd_import(args: argparse.Namespace) -> None:
    """Map P(inside) saved over another cache's pieces onto this cache's pieces.

    Word pieces are matched by (article, start, end): the tokenizer splits words the same
    way whatever the sentence boundaries, so only [CLS]/[SEP] differ between caches.
    """
    old = np.load(args.pieces)
    data = load_data()
    new = data.pieces
    assert (old["ids"] == new["ids"]).all()
    p_old = np.load(args.source).astype(np.float32)
    where = {
        (int(a), int(s), int(e)): i
        for i, (a, s, e) in enumerate(zip(old["article"], old["start"], old["end"], strict=True))
        if s >= 0
    }
    out = np.zeros((len(new["start"]), 3), np.float16)
    for i, (a, s, e) in enumerate(zip(new["article"], new["start"], new["end"], strict=True)):
        j = where.get((int(a), int(s), int(e))) if s >= 0 else None
        if j is not None:
            out[i] = (1 - p_old[j], 0.0, p_old[j])
    OUT.mkdir(exist_ok=True)
    np.save(OUT / f"{args.name}.npy", out)


def cmd_merge(args: argparse.Namespace) -> None:
    """Join runs that trained different folds of one configuration (zeros elsewhere)."""
    parts = [np.load(OUT / f"{n}.npy").astype(np.float32) for n in args.parts]
    np.save(OUT / f"{args.name}.npy", np.sum(parts, 0).astype(np.float16))
    folds: dict[str, float] = {}
    for n in args.parts:  # the folds each part predicted (written by ``train``)
        meta = OUT / f"{n}.json"
        if meta.exists():
            folds.update(json.loads(meta.read_text())["folds"])
    (OUT / f"{args.name}.json").write_text(json.dumps({"folds": folds, "parts": args.parts}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(required=True)
    tr = sub.add_parser("train")
    tr.add_argument("name")
    tr.add_argument("--inputs", default="L4,6+doc")
    tr.add_argument("--epochs", type=int, default=4)
    tr.add_argument("--hidden", type=int, default=128)
    tr.add_argument("--proj", type=int, default=0)
    tr.add_argument("--pca", type=int, default=0, help="PCA of the dense blocks, per fold")
    tr.add_argument("--layers", type=int, default=1)
    tr.add_argument("--lr", type=float, default=2e-3)
    tr.add_argument("--seed", type=int, default=0)
    tr.add_argument("--sched", action="store_true", help="warm-up then linear decay")
    tr.add_argument("--folds", default="0,1,2,3,4")
    tr.add_argument("--threads", type=int, default=1)
    tr.set_defaults(func=cmd_train)
    ev = sub.add_parser("eval")
    ev.add_argument("names", nargs="+")
    ev.add_argument("--folds", default="0,1,2,3,4")
    ev.add_argument("--post", nargs="*", default=[], help="GAP:MINCHARS post-processing")
    ev.set_defaults(func=cmd_eval)
    mg = sub.add_parser("merge", help="join runs made on different folds")
    mg.add_argument("name")
    mg.add_argument("parts", nargs="+")
    mg.set_defaults(func=cmd_merge)
    im = sub.add_parser("import", help="map P(inside) of another cache onto this one")
    im.add_argument("name")
    im.add_argument("source", help="si_pin_*.npy of si_experiments.py (P(inside) per piece)")
    im.add_argument("pieces", help="pieces.npz of the cache it was computed on")
    im.set_defaults(func=cmd_import)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
