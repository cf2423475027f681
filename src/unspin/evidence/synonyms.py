"""Words that say the same thing in other words ("employees" / "workers", "commended" /
"praised"): the backbone's encoder embeds each word alone, and two words are near when
the cosine of their embeddings is at least :data:`NEAR` (0.6: on the shared MiniLM,
synonyms and inflections score 0.6-0.9, while opposites such as "praised" / "criticised"
or "rose" / "fell" and words of one topic such as "flood" / "fire" stay under it).
Vectors are cached per word for the life of the matcher.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from unspin.nlp import Backbone

__all__ = ["NEAR", "WordMatcher"]

#: Cosine of two single-word embeddings at which the words count as the same.
NEAR = 0.6


class WordMatcher:
    """Which words of one text have a near word in another (cached word vectors)."""

    def __init__(self, backbone: Backbone, *, near: float = NEAR, size: int = 50_000) -> None:
        self.backbone = backbone
        self.near = near
        self.size = size
        self._vectors: dict[str, np.ndarray] = {}

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
