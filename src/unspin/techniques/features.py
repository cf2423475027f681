"""Features of the ``techniques`` analyzer, shared with its training script.

Everything the heads read is computed here from the backbone's :class:`TokenStates` and
the text, so ``training/techniques/train.py`` and the analyzer cannot drift apart:

* :func:`si_inputs`: per word piece, layer 4 ⊕ layer 6 ⊕ the document's mean layer 6;
* :func:`decode`: tagger probabilities to character spans (hysteresis, whole words);
* :func:`span_vectors`: per span, mean and max of its pieces' layer 4 and 6 states and the
  embedding of its sentence(s), followed by :func:`cheap_features` (repetition,
  punctuation, case, position, lexicon hits);
* :func:`parse_features`: per span, its shape in the backbone's parse (:func:`syntax_features`)
  and the words around it (:func:`context_features`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.nlp import EMBEDDING_DIM, STATE_LAYERS, Parsed, Token, TokenStates

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_LEXICON_TEXT: dict[str, str] = {
    "flag": (
        "america|american|americans|nation|national|patriot|patriots|patriotic|country|"
        "homeland|our people|freedom|flag|citizens|we the people|great again|"
        "our country|our nation|sovereignty"
    ),
    "fear": (
        "threat|danger|dangerous|destroy|destruction|kill|killed|terror|terrorist|"
        "terrorists|attack|invasion|invade|collapse|crisis|war|death|die|chaos|"
        "catastrophe|disaster|fear|risk|deadly"
    ),
    "doubt": (
        "alleged|allegedly|so-called|claim|claims|claimed|question|questions|supposedly|"
        "really|whether|doubt|why|how can|credible"
    ),
    "authority": (
        "said|according to|expert|experts|professor|study|studies|scientist|scientists|"
        "report|official|officials|dr.|told|says"
    ),
    "bandwagon": (
        "everyone|everybody|all|nobody|majority|hitler|nazi|nazis|fascist|communist|"
        "stalin|people know|most people"
    ),
    "blackwhite": ("either|or|only|no choice|no alternative|must|never|always|nothing|the only"),
    "causal": (
        "because|therefore|cause|caused|causes|lead to|leads to|result|due to|so|thus|"
        "consequence|responsible|blame"
    ),
    "cliche": (
        "it is what it is|period|end of story|enough|nothing to see|that's it|"
        "let's move on|move on|so be it|no matter"
    ),
    "whatabout": (
        "what about|hypocrite|hypocrisy|hypocritical|double standard|but|instead|while|yet"
    ),
    "loaded": (
        "outrageous|disgusting|shocking|horrible|evil|corrupt|radical|insane|crazy|"
        "absurd|ridiculous|stupid|idiot|disaster|massive|huge|devastating|brutal|"
        "vicious|hate|hateful|liar|lies|fake|hoax|treason|traitor|thug|thugs|savage|"
        "globalist|elite|elites|leftist|leftists|libtard|snowflake|propaganda"
    ),
}
#: Small hand-written cue lexicons (features and explanation cues, not detectors).
LEXICONS: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _LEXICON_TEXT.items()}
#: The techniques that work through emotive words.
_EMOTIVE = frozenset(
    (
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Exaggeration,Minimisation",
        "Appeal_to_fear-prejudice",
    )
)
#: The techniques whose cue words each lexicon holds: a span's explanation names a
#: lexicon's words only for these ("but" is a cue of whataboutism, not of loaded
#: language; the words of ``loaded`` and ``fear`` serve every emotive technique). The
#: technique head reads every lexicon's count whatever the label.
LEXICON_TECHNIQUES: dict[str, frozenset[str]] = {
    "flag": frozenset(("Flag-Waving", "Slogans")),
    "fear": _EMOTIVE,
    "doubt": frozenset(("Doubt",)),
    "authority": frozenset(("Appeal_to_Authority",)),
    "bandwagon": frozenset(("Bandwagon,Reductio_ad_hitlerum",)),
    "blackwhite": frozenset(("Black-and-White_Fallacy",)),
    "causal": frozenset(("Causal_Oversimplification",)),
    "cliche": frozenset(("Thought-terminating_Cliches",)),
    "whatabout": frozenset(("Whataboutism,Straw_Men,Red_Herring",)),
    "loaded": _EMOTIVE,
}

_STOP_WORDS = (
    "the a an and or of to in on for with at by from is are was were be been it this that "
    "as his her their its our we they he she you i not no but so if than then"
)
_STOP = frozenset(_STOP_WORDS.split(" "))
#: Characters the official checker rejects at span boundaries.
_TRIM = " \n\t.,:;"


def normalise(text: str) -> str:
    """Lower-cased words joined by single spaces (for repetition and lexicon matching)."""
    return " ".join(_WORD.findall(text.lower()))


def lexicon_words(text: str) -> dict[str, list[str]]:
    """Per lexicon, the entries found in ``text`` (whole words)."""
    low = " " + normalise(text) + " "
    return {k: [w for w in words if f" {w} " in low] for k, words in LEXICONS.items()}


def _content_repeats(words: list[str], full_norm: str) -> float:
    """Share of the span's content words that occur at least twice more in the text."""
    content = [w.lower() for w in words if w.lower() not in _STOP and len(w) > 2]
    if not content:
        return 0.0
    padded = f" {full_norm} "
    return sum(padded.count(f" {w} ") >= 3 for w in content) / len(content)


CHEAP_NAMES: tuple[str, ...] = (
    "log_chars",
    "log_words",
    "short",
    "long",
    "occurrences",
    "repeated",
    "log_occ",
    "excl_in",
    "excl_after",
    "q_in",
    "q_after",
    "quote_in",
    "quote_before",
    "caps_ratio",
    "title_case",
    "position",
    "in_title",
    "line_fraction",
    "whole_line",
    "hashtag",
    "multi_line",
    "said_before",
    "said_later",
    "content_repeats",
    *(f"lex_{k}" for k in LEXICONS),
)


def cheap_features(text: str, start: int, end: int, full_norm: str | None = None) -> list[float]:
    """Surface features of ``text[start:end]``, in the order of :data:`CHEAP_NAMES`."""
    span = text[start:end]
    words = _WORD.findall(span)
    norm = normalise(span)
    full = normalise(text) if full_norm is None else full_norm
    occurrences = full.count(norm) if norm else 0
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    after = text[end : end + 2]
    caps = [w for w in words if w.isupper() and len(w) > 1]
    feats = [
        np.log1p(len(span)),
        np.log1p(len(words)),
        float(len(words) <= 2),
        float(len(words) >= 10),
        float(occurrences),
        float(occurrences >= 2),
        np.log1p(occurrences),
        float("!" in span),
        float("!" in after),
        float("?" in span),
        float("?" in after),
        float(any(q in span for q in '"“”')),
        float(any(q in text[max(0, start - 2) : start] for q in "\"“”'‘")),
        len(caps) / max(1, len(words)),
        float(bool(words) and all(w[:1].isupper() for w in words)),
        start / max(1, len(text)),
        float(line_start == 0),  # the title
        (end - start) / max(1, len(line)),
        float(span.strip() == line.strip()),
        float("#" in span),
        float(span.count("\n") > 0),
        float(bool(norm) and norm in normalise(text[:start])),  # said before
        float(bool(norm) and norm in normalise(text[end:])),  # said again later
        _content_repeats(words, full),
    ]
    hits = [float(len(v)) for v in lexicon_words(span).values()]
    return [float(x) for x in feats] + hits


# -- word-piece inputs and decoding -------------------------------------------------------


def si_inputs(states: TokenStates) -> NDArray[Any]:
    """Per piece: layer 4 ⊕ layer 6 ⊕ the document's mean layer-6 state (float32)."""
    h4 = states.layers[4].astype(np.float32)
    h6 = states.layers[6].astype(np.float32)
    doc = h6.mean(0, keepdims=True) if len(h6) else np.zeros((1, EMBEDDING_DIM), np.float32)
    return np.hstack([h4, h6, np.repeat(doc, len(h6), 0)])


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole words, then trimmed of boundary characters
    (spaces, newlines, ``.,:;``) that the official PTC checker rejects at span edges."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def decode(
    text: str,
    states: TokenStates,
    p_in: NDArray[Any],
    low: float,
    high: float,
    trim: float = 0.0,
) -> list[tuple[int, int, float]]:
    """Runs of pieces with ``p_in >= low`` inside one segment, kept when a piece reaches
    ``high``; the run's edge pieces under ``trim`` x its best piece are dropped; then
    widened to whole words and trimmed of boundary characters (runs that meet once
    widened are merged). Returns ``(start, end, mean p_in of the run)``."""
    out: list[tuple[int, int, float]] = []
    for first, last in states.segments.tolist():
        run: list[int] = []
        for i in [*range(first, last), -1]:
            if i >= 0 and states.starts[i] >= 0 and p_in[i] >= low:
                run.append(i)
                continue
            best = max((float(p_in[j]) for j in run), default=0.0)
            if run and best >= high:
                a, b = 0, len(run)
                while a < b and p_in[run[a]] < trim * best:
                    a += 1
                while b > a and p_in[run[b - 1]] < trim * best:
                    b -= 1
                kept = run[a:b]
                s, e = widen(text, int(states.starts[kept[0]]), int(states.ends[kept[-1]]))
                mean = float(np.mean(p_in[kept]))
                if e > s and out and s < out[-1][1]:  # widened into the previous span
                    out[-1] = (out[-1][0], max(e, out[-1][1]), max(out[-1][2], mean))
                elif e > s:
                    out.append((s, e, mean))
            run = []
    return out


def span_vectors(text: str, states: TokenStates, spans: Sequence[tuple[int, int]]) -> NDArray[Any]:
    """The TC head's input for each ``(start, end)``: pooled states, sentence embedding,
    cheap features."""
    full = normalise(text)
    sentence = states.sentence
    h = {k: states.layers[k] for k in STATE_LAYERS}
    dim = EMBEDDING_DIM * (2 * len(STATE_LAYERS) + 1) + len(CHEAP_NAMES)
    out = np.zeros((len(spans), dim), np.float32)
    for row, (start, end) in enumerate(spans):
        idx = states.pieces_in(start, end)
        parts: list[NDArray[Any]] = []
        for k in STATE_LAYERS:
            v = h[k][idx].astype(np.float32) if len(idx) else np.zeros((1, EMBEDDING_DIM))
            parts += [v.mean(0), v.max(0)]
        sids = sorted(set(sentence[idx].tolist()))
        emb = states.embeddings[sids].mean(0) if sids else np.zeros(EMBEDDING_DIM)
        parts.append(emb)
        parts.append(np.asarray(cheap_features(text, start, end, full)))
        out[row] = np.concatenate(parts)
    return out


# -- parse features (the technique head) ----------------------------------------------------

POS = ("ADJ", "ADV", "NOUN", "PROPN", "VERB", "AUX", "PRON", "DET", "ADP", "NUM", "PUNCT", "CCONJ")
DEPS = ("ROOT", "nsubj", "dobj", "pobj", "amod", "attr", "conj", "ccomp", "advcl", "compound")
ENTS = ("PERSON", "NORP", "ORG", "GPE")
#: Verbs of saying or naming that may govern a span ("called him a ...").
SAYING = frozenset(
    [
        "say",
        "claim",
        "call",
        "label",
        "dub",
        "brand",
        "describe",
        "accuse",
        "tell",
        "admit",
        "insist",
    ]
)
N_SYNTAX = 1 + 2 * len(POS) + len(DEPS) + len(ENTS) + 7
N_CONTEXT = 3 * (len(POS) + 1) + 1


def _span_head(tokens: Sequence[Token]) -> Token:
    """The span's first token whose head lies outside it (or is itself)."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in ids or t.head == t.i), tokens[0])


def syntax_features(parsed: Parsed, start: int, end: int) -> list[float]:
    """The shape of ``[start, end)`` in the parse: tokens (log), POS shares, its head's POS
    and relation, entity shares, how many subtrees it covers, whether it is nominal, a
    clause, a whole sentence, how many sentences it spans, a leading determiner."""
    toks = parsed.tokens_in(start, end)
    n = len(toks)
    if not toks:
        return [0.0] * N_SYNTAX
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head not in ids or t.head == t.i]
    head = heads[0]  # :func:`_span_head`
    pos = Counter(t.pos for t in toks)
    sents = parsed.sentences_in(start, end)
    share = (end - start) / (sum(s.end - s.start for s in sents) or 1)
    has_verb = any(t.pos in ("VERB", "AUX") for t in toks)
    out = [
        np.log1p(n),
        *(pos[p] / n for p in POS),
        *(float(head.pos == p) for p in POS),
        *(float(head.dep == d) for d in DEPS),
        *(sum(t.ent_type == e for t in toks) / n for e in ENTS),
        float(len(heads)),
        float(head.pos in ("NOUN", "PROPN", "PRON") and not has_verb),
        float(has_verb and any(t.dep in ("nsubj", "nsubjpass") for t in toks)),
        share,
        float(share >= 0.9),
        float(len(sents)),
        float(toks[0].pos == "DET"),
    ]
    return [float(x) for x in out]


def context_features(parsed: Parsed, start: int, end: int) -> list[float]:
    """The words around ``[start, end)``: POS of the token before and after it and of the
    word governing its head from outside (each with a "none" slot), and whether that word
    is a verb of saying or naming (:data:`SAYING`)."""
    tokens = parsed.tokens
    inside = parsed.tokens_in(start, end)
    gov = None
    if inside:
        i, j = inside[0].i - 1, inside[-1].i + 1
        before = tokens[i] if i >= 0 else None
        after = tokens[j] if j < len(tokens) else None
        head = _span_head(inside)
        if head.head not in {t.i for t in inside}:
            gov = tokens[head.head]
    else:
        before = next((t for t in reversed(tokens) if t.end <= start), None)
        after = next((t for t in tokens if t.start >= end), None)
    out: list[float] = []
    for t in (before, after, gov):
        out += [float(t is not None and t.pos == p) for p in POS]
        out.append(float(t is None))
    out.append(float(gov is not None and gov.lemma.lower() in SAYING))
    return out


def parse_features(parsed: Parsed, spans: Sequence[tuple[int, int]]) -> NDArray[Any]:
    """Per span, :func:`syntax_features` then :func:`context_features` (float32)."""
    out = np.zeros((len(spans), N_SYNTAX + N_CONTEXT), np.float32)
    for row, (start, end) in enumerate(spans):
        out[row] = syntax_features(parsed, start, end) + context_features(parsed, start, end)
    return out


def tc_inputs(
    text: str, states: TokenStates, spans: Sequence[tuple[int, int]], parsed: Parsed | None
) -> NDArray[Any]:
    """The technique head's dense input: :func:`span_vectors`, then :func:`parse_features`
    when ``parsed`` is given (heads trained with them need it)."""
    X = span_vectors(text, states, spans)
    return X if parsed is None else np.hstack([X, parse_features(parsed, spans)])
