"""The learned attribution extractor: a tagger for source, cue and content over the
backbone's MiniLM word-piece states, with the rules' own spans among its inputs.

Each spaCy token gets the mean of its word pieces' states (layers 4 and 6, projected to
:data:`PROJECTED` dimensions) and :func:`hand_features`: part of speech, dependency,
entity type, the reporting-verb lexicon, quotation marks, sentence and paragraph starts
and the spans the rules found. A small convolutional tagger tags windows of whole sentences
within a paragraph (so a content may cross sentences) with O / B / I for each role.
:func:`decode` turns tag probabilities into spans kept above a per-role threshold and ties
each content to a source: the source nearest the content's cue (the nearest cue in its
sentence), else the source the rules gave an overlapping content, else none.

The weights, the projection and the thresholds live in ``artifacts/``,
written by ``training/attribution/train.py`` (model card beside them).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.cache import Once
from unspin.errors import MissingExtraError, ModelError
from unspin.lexicon import VERBS
from unspin.nlp import Parsed, TokenStates
from unspin.sources.lexicon import PRONOUNS
from unspin.sources.polnear import Extraction, Span
from unspin.sources.quotes import find_quotes, paragraph_spans

__all__ = [
    "DEFAULT_DIR",
    "LearnedExtractor",
    "Tagged",
    "build_tagger",
    "decode",
    "hand_features",
    "piece_features",
    "windows",
]

DEFAULT_DIR = Path(__file__).resolve().parent / "artifacts"
#: Tags: O, then B and I for each role.
ROLE_TAGS = ("source", "cue", "content")
N_TAGS = 1 + 2 * len(ROLE_TAGS)
#: Dimensions of the projected word-piece states.
PROJECTED = 64
HIDDEN = 48
#: Tokens per tagged window (whole sentences of one paragraph, or one long sentence cut).
MAX_WINDOW = 160

_POS = [
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "INTJ",
    "NOUN",
    "NUM",
    "PART",
    "PRON",
    "PROPN",
    "PUNCT",
    "SCONJ",
    "SYM",
    "VERB",
    "X",
]
_DEPS = [
    "nsubj",
    "nsubjpass",
    "ccomp",
    "xcomp",
    "ROOT",
    "dobj",
    "pobj",
    "prep",
    "mark",
    "punct",
    "advcl",
    "conj",
    "cc",
    "compound",
    "poss",
    "appos",
    "agent",
    "relcl",
    "parataxis",
    "aux",
    "auxpass",
    "neg",
    "det",
    "amod",
    "attr",
    "acomp",
    "npadvmod",
    "advmod",
]
_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_QUOTE_CHARS = frozenset("\"'“”‘’«»")
_RULE_ROLES = ("source", "cue", "content")
#: Number of hand features per token.
N_HAND = len(_POS) + len(_DEPS) + 1 + len(_ENTS) + 1 + 14 + 2 * len(_RULE_ROLES)


def hand_features(text: str, parsed: Parsed, rules: Extraction) -> np.ndarray:
    """Per token, ``N_HAND`` features (float32): part of speech, dependency, entity type,
    lexicon and quotation-mark cues, sentence and paragraph starts and the rules' spans
    (inside, and first token of, each role)."""
    toks = parsed.tokens
    n = len(toks)
    out = np.zeros((n, N_HAND), np.float32)
    if n == 0:
        return out
    starts = np.array([t.start for t in toks])
    pos_ix = {p: k for k, p in enumerate(_POS)}
    dep_ix = {d: k for k, d in enumerate(_DEPS)}
    ent_ix = {e: k for k, e in enumerate(_ENTS)}
    o_dep = len(_POS)
    o_ent = o_dep + len(_DEPS) + 1
    o_lex = o_ent + len(_ENTS) + 1
    o_rule = o_lex + 14
    quote_depth = np.zeros(len(text) + 1, np.int32)
    for q in find_quotes(text):
        quote_depth[q.start : q.end] += 1
    para_starts = {p[0] for p in paragraph_spans(text)}
    sent_first = {s.first for s in parsed.sentences}
    sent_last = {s.last - 1 for s in parsed.sentences}
    for k, t in enumerate(toks):
        row = out[k]
        row[pos_ix.get(t.pos, len(_POS) - 1)] = 1.0
        row[o_dep + dep_ix.get(t.dep, len(_DEPS))] = 1.0
        if t.ent_type:
            row[o_ent + ent_ix.get(t.ent_type, len(_ENTS))] = 1.0
        lemma = t.lemma.lower()
        head = toks[t.head] if 0 <= t.head < n else t
        info = VERBS.get(lemma)
        row[o_lex + 0] = info is not None and t.pos in ("VERB", "AUX")
        row[o_lex + 1] = info is not None and info.stance == "loaded"
        row[o_lex + 2] = head.lemma.lower() in VERBS and head.pos == "VERB"
        row[o_lex + 3] = lemma == "according" or (
            k > 0 and lemma == "to" and toks[k - 1].lemma.lower() == "according"
        )
        row[o_lex + 4] = t.text.lower() in PRONOUNS
        row[o_lex + 5] = t.text[:1].isupper()
        row[o_lex + 6] = any(c in _QUOTE_CHARS for c in t.text)
        row[o_lex + 7] = quote_depth[t.start] > 0
        row[o_lex + 8] = quote_depth[t.start] > 1
        row[o_lex + 9] = k in sent_first
        row[o_lex + 10] = k in sent_last
        row[o_lex + 11] = t.start in para_starts or (
            k > 0 and "\n" in text[toks[k - 1].end : t.start]
        )
        row[o_lex + 12] = t.text in (":", ",")
        row[o_lex + 13] = t.dep in ("nsubj", "nsubjpass") and head.lemma.lower() in VERBS
    for r, role in enumerate(_RULE_ROLES):
        for span in rules.spans[role]:
            for a, b in span.pieces:
                lo = max(0, bisect_right(starts.tolist(), a) - 1)
                first = True
                for k in range(lo, n):
                    if toks[k].start >= b:
                        break
                    if toks[k].end > a:
                        out[k, o_rule + 2 * r] = 1.0
                        if first:
                            out[k, o_rule + 2 * r + 1] = 1.0
                            first = False
    return out


def piece_features(parsed: Parsed, states: TokenStates) -> np.ndarray:
    """Per token, the mean of its word pieces' states, layers 4 and 6 side by side
    (float32, ``(tokens, 768)``); zeros for a token no piece covers."""
    toks = parsed.tokens
    layers = [states.layers[k] for k in sorted(states.layers)]
    width = sum(a.shape[1] for a in layers)
    out = np.zeros((len(toks), width), np.float32)
    if not toks or len(states.starts) == 0:
        return out
    tok_starts = np.array([t.start for t in toks])
    tok_ends = np.array([t.end for t in toks])
    real = np.nonzero(states.starts >= 0)[0]
    owner = np.searchsorted(tok_starts, states.starts[real], side="right") - 1
    ok = (owner >= 0) & (states.starts[real] < tok_ends[np.clip(owner, 0, None)])
    real, owner = real[ok], owner[ok]
    stacked = np.concatenate([a[real].astype(np.float32) for a in layers], axis=1)
    np.add.at(out, owner, stacked)
    counts = np.bincount(owner, minlength=len(toks)).astype(np.float32)
    out /= np.maximum(counts, 1.0)[:, None]
    return out


def windows(text: str, parsed: Parsed) -> list[tuple[int, int]]:
    """Token ranges ``[first, last)`` to tag: consecutive sentences of one paragraph up to
    :data:`MAX_WINDOW` tokens; a longer sentence is cut into pieces of that size."""
    out: list[tuple[int, int]] = []
    paras = paragraph_spans(text)
    para_starts = [p[0] for p in paras]
    cur: tuple[int, int] | None = None
    cur_para = -1
    for s in parsed.sentences:
        if s.last <= s.first:
            continue
        para = bisect_right(para_starts, s.start) - 1
        if cur is not None and para == cur_para and s.last - cur[0] <= MAX_WINDOW:
            cur = (cur[0], s.last)
            continue
        if cur is not None:
            out.append(cur)
        cur, cur_para = None, para
        for lo in range(s.first, s.last, MAX_WINDOW):
            if cur is not None:
                out.append(cur)
            cur = (lo, min(s.last, lo + MAX_WINDOW))
    if cur is not None:
        out.append(cur)
    return out


def build_tagger(input_dim: int, hidden: int = HIDDEN, kind: str = "conv") -> Any:
    """The tagger over a window's token inputs ``(batch, tokens, input_dim)``, giving
    :data:`N_TAGS` tag logits per token. ``"conv"``: a 5-token convolution to ``hidden``
    channels and a dilated 3-token one (dilation 4) with a residual connection, 13
    tokens of context; ``"lstm"``: a bidirectional LSTM (2 x ``hidden``). Both with
    dropout 0.25 and a linear output layer."""
    import torch

    class Conv(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.25)
            self.c1 = torch.nn.Conv1d(input_dim, hidden, 5, padding=2)
            self.c2 = torch.nn.Conv1d(hidden, hidden, 3, padding=4, dilation=4)
            self.out = torch.nn.Linear(hidden, N_TAGS)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h = torch.relu(self.c1(self.drop(x).transpose(1, 2)))
            h = h + torch.relu(self.c2(self.drop(h)))
            out: torch.Tensor = self.out(self.drop(h.transpose(1, 2)))
            return out

    class Lstm(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.25)
            self.rnn = torch.nn.LSTM(input_dim, hidden, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * hidden, N_TAGS)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h, _ = self.rnn(self.drop(x))
            out: torch.Tensor = self.out(self.drop(h))
            return out

    if kind not in ("conv", "lstm"):
        raise ValueError(f"unknown tagger kind {kind!r}")
    return Conv() if kind == "conv" else Lstm()


@dataclass(frozen=True)
class Tagged:
    """One extracted attribution: content, source (or ``None``), cue (or ``None``), and
    the content's score (the mean probability of its tokens' role)."""

    content: Span
    source: Span | None
    cue: Span | None
    score: float


def _role_spans(
    probs: np.ndarray, parsed: Parsed, first: int, threshold: Sequence[float]
) -> dict[str, list[tuple[int, int, float]]]:
    """Token spans ``(first, last, score)`` per role from one window's tag probabilities."""
    tags = probs.argmax(1)
    out: dict[str, list[tuple[int, int, float]]] = {r: [] for r in ROLE_TAGS}
    k = 0
    n = len(tags)
    while k < n:
        tag = int(tags[k])
        if tag == 0:
            k += 1
            continue
        r = (tag - 1) // 2
        j = k + 1
        while j < n and int(tags[j]) == 2 + 2 * r:  # I of the same role
            j += 1
        score = float((probs[k:j, 1 + 2 * r] + probs[k:j, 2 + 2 * r]).mean())
        if score >= threshold[r] and any(
            ch.isalnum() for t in parsed.tokens[first + k : first + j] for ch in t.text
        ):
            out[ROLE_TAGS[r]].append((first + k, first + j, score))
        k = j
    return out


def decode(
    text: str,
    parsed: Parsed,
    probs: Sequence[tuple[tuple[int, int], np.ndarray]],
    threshold: Sequence[float],
    rules: Extraction,
) -> list[Tagged]:
    """Attributions from each window's ``(token range, tag probabilities)``."""
    toks = parsed.tokens
    sent_of = np.zeros(len(toks), np.int32)
    for i, s in enumerate(parsed.sentences):
        sent_of[s.first : s.last] = i

    def span(a: int, b: int) -> Span:
        return Span.of(toks[a].start, toks[b - 1].end)

    rule_source = {c: s for s, c in rules.relations}
    out: list[Tagged] = []
    for (lo, _hi), p in probs:
        spans = _role_spans(p, parsed, lo, threshold)
        for c0, c1, score in spans["content"]:
            c_sents = set(sent_of[c0:c1].tolist())
            c_sents |= {min(c_sents) - 1, max(c_sents) + 1}
            cues = [q for q in spans["cue"] if int(sent_of[q[0]]) in c_sents]
            cue = min(cues, key=lambda q: _gap(q, (c0, c1)), default=None)
            anchor = cue if cue is not None else (c0, c1)
            near = {int(sent_of[anchor[0]])} if cue is not None else c_sents
            sources = [s for s in spans["source"] if int(sent_of[s[0]]) in near]
            src = min(sources, key=lambda s: _gap(s, anchor), default=None)
            content = span(c0, c1)
            source = span(src[0], src[1]) if src is not None else None
            if source is None:
                source = _rule_source(text, content, rule_source)
            out.append(Tagged(content, source, span(cue[0], cue[1]) if cue else None, score))
    return out


def _gap(a: tuple[int, int, float] | tuple[int, int], b: tuple[int, int] | Any) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _rule_source(text: str, content: Span, rule_source: dict[Span, Span]) -> Span | None:
    best: tuple[int, Span] | None = None
    for c, s in rule_source.items():
        inter = min(c.end, content.end) - max(c.start, content.start)
        if inter > 0 and (best is None or inter > best[0]):
            best = (inter, s)
    return best[1] if best is not None else None


class LearnedExtractor:
    """The tagger, its input projection and thresholds, loaded from a model folder."""

    def __init__(self, path: Path) -> None:
        try:
            import torch
        except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
            raise MissingExtraError("torch", "nlp") from exc
        try:
            self.config: dict[str, Any] = json.loads((path / "config.json").read_text())
            weights = np.load(path / "tagger.npz")
            proj = np.load(path / "projection.npz")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"cannot load the attribution model at {str(path)!r}: {exc}",
                hint="rebuild it with training/attribution/train.py",
            ) from exc
        self.mean = proj["mean"].astype(np.float32)
        self.std = proj["std"].astype(np.float32)
        self.w = proj["w"].astype(np.float32)
        self.hand_scale = proj["hand_scale"].astype(np.float32)
        self.tagger = build_tagger(
            self.w.shape[1] + N_HAND, int(self.config["hidden"]), str(self.config["kind"])
        )
        try:
            self.tagger.load_state_dict(
                {k: torch.from_numpy(weights[k].astype(np.float32)) for k in weights.files}
            )
        except RuntimeError as exc:
            raise ModelError(
                f"the attribution model at {str(path)!r} does not fit this code: {exc}",
                hint="rebuild it with training/attribution/train.py",
            ) from exc
        self.tagger.eval()
        self.threshold = tuple(float(t) for t in self.config["threshold"])

    def inputs(
        self, parsed: Parsed, states: TokenStates, rules: Extraction, text: str
    ) -> np.ndarray:
        x = (piece_features(parsed, states) - self.mean) / self.std @ self.w
        h = hand_features(text, parsed, rules) * self.hand_scale
        return np.concatenate([x, h], axis=1).astype(np.float32)

    def probabilities(
        self, text: str, parsed: Parsed, states: TokenStates, rules: Extraction
    ) -> list[tuple[tuple[int, int], np.ndarray]]:
        import torch

        x = self.inputs(parsed, states, rules, text)
        out = []
        with torch.inference_mode():
            for lo, hi in windows(text, parsed):
                logits = self.tagger(torch.from_numpy(x[None, lo:hi]))[0]
                out.append(((lo, hi), torch.softmax(logits, -1).numpy()))
        return out

    def extract(
        self, text: str, parsed: Parsed, states: TokenStates, rules: Extraction
    ) -> list[Tagged]:
        probs = self.probabilities(text, parsed, states, rules)
        return decode(text, parsed, probs, self.threshold, rules)


_MODELS: Once[str, LearnedExtractor] = Once()


def load_extractor(path: str | Path | None = None) -> LearnedExtractor:
    """The extractor at ``path`` (the shipped one by default), loaded once per process."""
    folder = Path(path) if path else DEFAULT_DIR
    return _MODELS.get(str(folder), lambda: LearnedExtractor(folder))
