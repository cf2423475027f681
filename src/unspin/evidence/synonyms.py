"""Words that say the same thing in other words ("employees" / "workers", "commended" /
"praised"): the backbone's encoder embeds each word alone, and two words are near when
the cosine of their embeddings is at least :data:`NEAR` (0.6: on the shared MiniLM,
synonyms and inflections score 0.6-0.9, while opposites such as "praised" / "criticised"
or "rose" / "fell" and words of one topic such as "flood" / "fire" stay under it).
Vectors are cached per word for the life of the matcher.

Single-word embeddings miss many verbs of one sense ("commend" / "praise" score 0.33,
"turn down" / "reject" 0.40, under "rise" / "fall" at 0.52), so the verbs that carry a
claim also go through :data:`VERB_SENSES`, a short general list of common news verbs
(phrasal verbs as "turn down", "point to") grouped by sense (kept in
:mod:`unspin.frames.senses`, which fact-check matching reads too): :func:`same_sense`,
:func:`sense_matches`. A noun made of a verb ("closure", "reduction", "approval",
"recruitment") reads as the verb too (:func:`bases`, a few general English endings).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.evidence.opposites import OPPOSITES
from unspin.frames.senses import GENERAL_VERBS, VERB_SENSES, bases, has_senses, same_sense
from unspin.nlp import Backbone

__all__ = [
    "GENERAL_VERBS",
    "NEAR",
    "VERB_SENSES",
    "WordMatcher",
    "bases",
    "has_senses",
    "may_restate",
    "same_sense",
    "sense_matches",
]

#: Cosine of two single-word embeddings at which the words count as the same.
NEAR = 0.6


def may_restate(mine: str, theirs: str, others: Iterable[str]) -> bool:
    """Whether a claim's predicate ``mine`` may be said with another verb of a passage whose
    predicate is ``theirs`` and whose words the claim lacks are ``others`` (lemmas): neither
    predicate is a verb whose senses or opposites the lists know ("hire" said as "lay off"
    is another event), and one side says it with a verb of general sense
    (:data:`GENERAL_VERBS`: "used" / "crossed"; "extended" / "ended" are other events)."""
    theirs = theirs.lower()
    known = has_senses(mine) or mine in OPPOSITES or theirs in OPPOSITES
    return not known and (mine in GENERAL_VERBS or bool(GENERAL_VERBS & set(others)))


def sense_matches(mine: Mapping[str, Iterable[str]], theirs: Iterable[str]) -> dict[str, str]:
    """``{key: their word}`` for each of ``mine`` (key -> its lemma and phrasal forms) with
    a word of its sense among ``theirs`` (lemmas, phrasal verbs): verbs of one group of
    :data:`VERB_SENSES`, a noun made of a verb read as the verb ("the closure" / "shut")."""
    pool = [(w, bases(w)) for w in sorted(set(theirs))]
    out = {}
    for key, words in mine.items():
        ours = {b for w in words for b in bases(w)}
        hit = next((w for w, bs in pool if any(same_sense(a, b) for a in ours for b in bs)), None)
        if hit is not None:
            out[key] = hit
    return out


class WordMatcher:
    """Which words of one text have a near word in another (cached word vectors)."""

    def __init__(self, backbone: Backbone, *, near: float = NEAR, size: int = 50_000) -> None:
        self.backbone = backbone
        self.near = near
        self.size = size
        self._vectors: dict[str, NDArray[Any]] = {}

    def clear(self) -> None:
        """Forget every word vector computed so far."""
        self._vectors.clear()

    def prepare(self, words: Iterable[str]) -> None:
        """Embed these words now, in one batch (what :meth:`matches` will ask for)."""
        self._embed(words)

    def _embed(self, words: Iterable[str]) -> None:
        new = sorted({w for w in words if w not in self._vectors})
        if not new:
            return
        if len(self._vectors) + len(new) > self.size:
            self._vectors.clear()
        vectors = np.asarray(self.backbone.embed(new), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        self._vectors.update(zip(new, vectors, strict=True))

    def matches(self, mine: Mapping[str, str], theirs: Iterable[str]) -> dict[str, str]:
        """``{key: their word}`` for each of ``mine`` (key -> word) with a near word among
        ``theirs``."""
        others = sorted(set(theirs))
        if not mine or not others:
            return {}
        self._embed([*mine.values(), *others])
        b = np.stack([self._vectors[w] for w in others])
        out = {}
        for key, word in mine.items():
            sims = b @ self._vectors[word]
            k = int(np.argmax(sims))
            if sims[k] >= self.near:
                out[key] = others[k]
        return out
