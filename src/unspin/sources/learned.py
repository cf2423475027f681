"""The learned attribution extractor: a tagger for source, cue and content on an adapter of
the backbone's sentence pass, with the rules' own spans among its inputs.

Each spaCy token gets the mean of its word pieces' adapted states (MiniLM's layers 5-6,
fine-tuned copies run on the pass's layer-4 states: :mod:`unspin.adapters`) and
:func:`hand_features`: part of speech, dependency, entity type, the reporting-verb
lexicon, quotation marks, sentence and paragraph starts and the spans the rules found.
The head (:func:`build_head`, a bidirectional LSTM) tags windows of whole sentences of one
paragraph (so a content may cross sentences) with O / B / I for each role.
:func:`decode` turns tag probabilities into spans kept above a per-role threshold (a
content the cue interrupts is one span of two pieces) and ties each content to its cue
and source; :func:`plan` combines them with the rules' findings (the tagger decides
which contents there are, the rules keep their speakers and hearsay links).

The adapter, head and thresholds live in ``artifacts/``, written by
``training/attribution/`` (model card beside them).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once
from unspin.errors import MissingExtraError, ModelError
from unspin.lexicon import VERBS
from unspin.nlp import Parsed, TokenStates
from unspin.sources.lexicon import PRONOUNS
from unspin.sources.polnear import Extraction, Span, jaccard
from unspin.sources.quotes import find_quotes, paragraph_spans

__all__ = [
    "DEFAULT_DIR",
    "Decision",
    "LearnedExtractor",
    "Tagged",
    "build_head",
    "combine",
    "decode",
    "hand_features",
    "load_extractor",
    "piece_owners",
    "plan",
    "pool_pieces",
    "windows",
]

DEFAULT_DIR = Path(__file__).resolve().parent / "artifacts"
#: Tags: O, then B and I for each role.
ROLE_TAGS = ("source", "cue", "content")
N_TAGS = 1 + 2 * len(ROLE_TAGS)
#: Width of the head's input projection and of each LSTM direction.
HIDDEN = 128
LSTM = 64
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


def hand_features(text: str, parsed: Parsed, rules: Extraction) -> NDArray[Any]:
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


def piece_owners(parsed: Parsed, starts: NDArray[Any]) -> NDArray[Any]:
    """Per word piece (offsets ``starts``, -1 for [CLS]/[SEP]), the index of the token
    whose characters it starts in, or -1."""
    toks = parsed.tokens
    owner = np.full(len(starts), -1, np.int64)
    if not toks or len(starts) == 0:
        return owner
    tok_starts = np.array([t.start for t in toks])
    tok_ends = np.array([t.end for t in toks])
    real = np.nonzero(starts >= 0)[0]
    found = np.searchsorted(tok_starts, starts[real], side="right") - 1
    ok = (found >= 0) & (starts[real] < tok_ends[np.clip(found, 0, None)])
    owner[real[ok]] = found[ok]
    return owner


def pool_pieces(n_tokens: int, owner: NDArray[Any], pieces: NDArray[Any]) -> NDArray[Any]:
    """Per token, the mean of the vectors of the pieces it owns (``owner`` from
    :func:`piece_owners`); zeros for a token that owns none. ``(n_tokens, dim)`` float32."""
    out = np.zeros((n_tokens, pieces.shape[1]), np.float32)
    ok = owner >= 0
    if not ok.any():
        return out
    np.add.at(out, owner[ok], pieces[ok].astype(np.float32))
    counts = np.bincount(owner[ok], minlength=n_tokens).astype(np.float32)
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


def build_head(input_dim: int, hidden: int = HIDDEN, lstm: int = LSTM) -> Any:
    """The tagging head over a window's token inputs ``(batch, tokens, input_dim)`` (the
    adapted state of each token and its hand features): a linear layer to ``hidden`` with
    ReLU, a bidirectional LSTM (``lstm`` per direction) over the window, and a linear
    layer from both to :data:`N_TAGS` tag logits; dropout 0.2. ``forward(x, lengths)``
    packs padded windows so that padding never reaches the LSTM."""
    import torch

    class Head(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.2)
            self.proj = torch.nn.Linear(input_dim, hidden)
            self.rnn = torch.nn.LSTM(hidden, lstm, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(hidden + 2 * lstm, N_TAGS)

        def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
            h = torch.relu(self.proj(self.drop(x)))
            if lengths is None:
                r, _ = self.rnn(h)
            else:
                packed = torch.nn.utils.rnn.pack_padded_sequence(
                    h, lengths, batch_first=True, enforce_sorted=False
                )
                r, _ = self.rnn(packed)
                r, _ = torch.nn.utils.rnn.pad_packed_sequence(
                    r, batch_first=True, total_length=h.shape[1]
                )
            out: torch.Tensor = self.out(self.drop(torch.cat([h, r], -1)))
            return out

    return Head()


@dataclass(frozen=True)
class Tagged:
    """One extracted attribution: content (its pieces: a content the source and cue
    interrupt is one span of two pieces), source (or ``None``), cue (or ``None``) and the
    content's score (the mean probability of its tokens' role)."""

    content: Span
    source: Span | None
    cue: Span | None
    score: float


@dataclass
class _Run:
    """Tagged tokens of one role: token ranges (pieces) and the mean role probability."""

    pieces: list[tuple[int, int]]
    score: float
    weight: int

    @property
    def first(self) -> int:
        return self.pieces[0][0]

    @property
    def last(self) -> int:
        return self.pieces[-1][1]


def _role_runs(
    probs: NDArray[Any], parsed: Parsed, first: int, threshold: Sequence[float], join: int
) -> dict[str, list[_Run]]:
    """Spans per role from one window's tag probabilities (arg-max tags). A content run
    that opens with an I tag continues the window's previous content when at most
    ``join`` tokens lie between them (a quotation the cue interrupts)."""
    tags = probs.argmax(1)
    out: dict[str, list[_Run]] = {r: [] for r in ROLE_TAGS}
    n = len(tags)
    k = 0
    while k < n:
        tag = int(tags[k])
        if tag == 0:
            k += 1
            continue
        r = (tag - 1) // 2
        j = k + 1
        while j < n and int(tags[j]) == 2 + 2 * r:  # I of the same role
            j += 1
        words = any(ch.isalnum() for t in parsed.tokens[first + k : first + j] for ch in t.text)
        if words:
            mass = float((probs[k:j, 1 + 2 * r] + probs[k:j, 2 + 2 * r]).sum())
            runs = out[ROLE_TAGS[r]]
            prev = runs[-1] if runs else None
            if (
                ROLE_TAGS[r] == "content"
                and tag == 2 + 2 * r
                and prev is not None
                and first + k - prev.last <= join
            ):
                total = prev.weight + (j - k)
                prev.score = (prev.score * prev.weight + mass) / total
                prev.weight = total
                prev.pieces.append((first + k, first + j))
            else:
                runs.append(_Run([(first + k, first + j)], mass / (j - k), j - k))
        k = j
    return {
        role: [run for run in runs if run.score >= threshold[ROLE_TAGS.index(role)]]
        for role, runs in out.items()
    }


def decode(
    text: str,
    parsed: Parsed,
    probs: Sequence[tuple[tuple[int, int], NDArray[Any]]],
    threshold: Sequence[float],
    rules: Extraction,
    join: int = 8,
) -> list[Tagged]:
    """Attributions from each window's ``(token range, tag probabilities)``: each content
    is tied to the nearest cue in its sentences (or the one before or after) and to the
    source nearest that cue in the cue's sentence (or the one before), else to the
    source the rules gave an overlapping content."""
    toks = parsed.tokens
    sent_of = np.zeros(len(toks), np.int32)
    for i, s in enumerate(parsed.sentences):
        sent_of[s.first : s.last] = i

    def span(pieces: Sequence[tuple[int, int]]) -> Span:
        return Span(tuple((toks[a].start, toks[b - 1].end) for a, b in pieces))

    rule_source = {c: s for s, c in rules.relations}
    out: list[Tagged] = []
    for (lo, _hi), p in probs:
        runs = _role_runs(p, parsed, lo, threshold, join)
        for c in runs["content"]:
            c_sents = {int(v) for a, b in c.pieces for v in sent_of[a:b]}
            near_c = c_sents | {min(c_sents) - 1, max(c_sents) + 1}
            cues = [q for q in runs["cue"] if int(sent_of[q.first]) in near_c]
            cue = min(cues, key=lambda q: _gap(q, c), default=None)
            if cue is not None:
                anchor: _Run = cue
                near = {int(sent_of[cue.first]), int(sent_of[cue.first]) - 1}
            else:
                anchor, near = c, near_c
            sources = [s for s in runs["source"] if int(sent_of[s.first]) in near]
            src = min(sources, key=lambda s: _gap(s, anchor), default=None)
            content = span(c.pieces)
            source = span(src.pieces) if src is not None else None
            if source is None:
                source = _rule_source(content, rule_source)
            cue_span = span(cue.pieces) if cue is not None else None
            out.append(Tagged(content, source, cue_span, c.score))
    return out


def _gap(a: _Run, b: _Run) -> int:
    """Tokens between two runs (0 when they touch or overlap), inside pieces not counted."""
    if any(x0 < y1 and y0 < x1 for x0, x1 in a.pieces for y0, y1 in b.pieces):
        return 0
    return min(max(y0 - x1, x0 - y1) for x0, x1 in a.pieces for y0, y1 in b.pieces)


def _rule_source(content: Span, rule_source: dict[Span, Span]) -> Span | None:
    best: tuple[int, Span] | None = None
    for c, s in rule_source.items():
        inter = min(c.end, content.end) - max(c.start, content.start)
        if inter > 0 and (best is None or inter > best[0]):
            best = (inter, s)
    return best[1] if best is not None else None


@dataclass(frozen=True)
class Decision:
    """One content the extractor reports: its span, source and cue; ``rule`` is the rule
    content it keeps (``None``: a content the tagger added); ``score`` the tagger's."""

    content: Span
    source: Span | None
    cue: Span | None
    rule: Span | None
    score: float | None


def plan(
    text: str,
    rules: Extraction,
    tagged: Sequence[Tagged],
    keep_rules: bool = False,
    prefer: str = "rules",
) -> tuple[list[Decision], dict[Span, Span]]:
    """How the tagger's attributions and the rules' combine: the tagger decides which
    contents there are. A rule content it confirms (word-token Jaccard >= 0.5 with a
    tagged content, best first) is kept as the rules found it, with the rules' source
    (``prefer="tagger"``: the tagger's when it has one); a tagged content no rule content
    matches is added. A rule content inside an added one is a part of it (second
    value: rule content -> the added content); any other rule content the tagger does not
    confirm is dropped, or kept with ``keep_rules`` when it overlaps no reported content."""
    rule_src = {c: s for s, c in rules.relations}
    free = sorted(rules.spans["content"])
    out: list[Decision] = []
    for t in sorted(tagged, key=lambda t: -t.score):
        scored = [(jaccard(text, t.content, c), c) for c in free]
        best = max(scored, key=lambda jc: jc[0], default=None)
        if best is None or best[0] < 0.5:
            out.append(Decision(t.content, t.source, t.cue, None, t.score))
            continue
        rule = best[1]
        free.remove(rule)
        source = rule_src.get(rule)
        if source is None or (prefer == "tagger" and t.source is not None):
            source = t.source
        out.append(Decision(rule, source, t.cue, rule, t.score))
    added = [d.content for d in out if d.rule is None]
    parts: dict[Span, Span] = {}
    for c in free:
        enclosing = next((a for a in added if a.start <= c.start and c.end <= a.end), None)
        if enclosing is not None:
            parts[c] = enclosing
        elif keep_rules and not any(
            c.start < d.content.end and d.content.start < c.end for d in out
        ):
            out.append(Decision(c, rule_src.get(c), None, c, None))
    return out, parts


def combine(text: str, rules: Extraction, tagged: Sequence[Tagged], **how: Any) -> Extraction:
    """The :class:`Extraction` of :func:`plan` (``how``: its options): what the analyzer
    reports, as scored."""
    out = Extraction()
    for d in plan(text, rules, tagged, **how)[0]:
        out.add(d.content, d.source, d.cue)
    return out


class LearnedExtractor:
    """The adapter (fine-tuned MiniLM layers 5-6), the tagging head and the decoding
    thresholds, loaded from a model folder (``adapter.npz``, ``head.npz``,
    ``config.json``)."""

    def __init__(self, path: Path) -> None:
        try:
            import torch

            from unspin.adapters import TopLayers
        except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
            raise MissingExtraError("torch", "nlp") from exc
        try:
            self.config: dict[str, Any] = json.loads((path / "config.json").read_text())
            weights = np.load(path / "head.npz")
            self.adapter = TopLayers.load(path / "adapter.npz")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"cannot load the attribution model at {str(path)!r}: {exc}",
                hint="rebuild it with training/attribution/train.py",
            ) from exc
        self.head = build_head(
            int(self.config["input_dim"]), int(self.config["hidden"]), int(self.config["lstm"])
        )
        try:
            self.head.load_state_dict(
                {k: torch.from_numpy(weights[k].astype(np.float32)) for k in weights.files}
            )
        except RuntimeError as exc:
            raise ModelError(
                f"the attribution model at {str(path)!r} does not fit this code: {exc}",
                hint="rebuild it with training/attribution/train.py",
            ) from exc
        self.head.eval()
        self.threshold = tuple(float(t) for t in self.config["threshold"])
        self.join = int(self.config.get("join", 8))

    def inputs(
        self, parsed: Parsed, states: TokenStates, rules: Extraction, text: str
    ) -> NDArray[Any]:
        """Per token: the mean adapted state of its pieces and its hand features."""
        owner = piece_owners(parsed, states.starts)
        x = pool_pieces(len(parsed.tokens), owner, self.adapter.run(states))
        h = hand_features(text, parsed, rules)
        out: NDArray[Any] = np.concatenate([x, h], axis=1).astype(np.float32)
        return out

    def probabilities(
        self, text: str, parsed: Parsed, states: TokenStates, rules: Extraction
    ) -> list[tuple[tuple[int, int], NDArray[Any]]]:
        import torch

        x = self.inputs(parsed, states, rules, text)
        out = []
        with torch.inference_mode():
            for lo, hi in windows(text, parsed):
                logits = self.head(torch.from_numpy(x[None, lo:hi]))[0]
                out.append(((lo, hi), torch.softmax(logits, -1).numpy()))
        return out

    def extract(
        self, text: str, parsed: Parsed, states: TokenStates, rules: Extraction
    ) -> list[Tagged]:
        probs = self.probabilities(text, parsed, states, rules)
        return decode(text, parsed, probs, self.threshold, rules, self.join)


_MODELS: Once[str, LearnedExtractor] = Once()


def load_extractor(path: str | Path | None = None) -> LearnedExtractor:
    """The extractor at ``path`` (the shipped one by default), loaded once per process."""
    folder = Path(path) if path else DEFAULT_DIR
    return _MODELS.get(str(folder), lambda: LearnedExtractor(folder))
