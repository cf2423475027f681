"""The content words of a text, for the lexical half of the clustering's similarity.

Lower-cased words of three or more characters and numbers, links and common function
words left out, with a light suffix trim ("reports", "reported" -> "report") so that
headline and article wordings meet. Weighted by tf-idf with document frequencies counted
online, over the documents clustered before (:class:`Vocabulary`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

__all__ = ["Vocabulary", "terms"]

_LINK = re.compile(r"https?://\S+|www\.\S+|pic\.twitter\.com/\S+", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

_COMMON_TEXT = """
    the and but nor yet then than that this these those there here from for with without
    within into onto over under about above below after before during since until while
    per via among amid between against across through throughout around near are was were
    been being has have had having does did will would shall should can could may might
    must not its it's they them their him his her our you your who whom whose which what
    when where why how all any both each few more most other some such only own same too
    very just also again now new one two says said say told tells according report reports
    reported reportedly claim claims claimed news people like get got make made after just
    amp http https www com
    """
_COMMON = frozenset(_COMMON_TEXT.split())


def _trim(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> tuple[str, ...]:
    """The content words of ``text``, in order (repeats kept)."""
    out = []
    for m in _WORD.finditer(_LINK.sub(" ", text).lower()):
        w = m.group().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        if (len(w) >= 3 or w.isdigit()) and w not in _COMMON:
            out.append(_trim(w))
    return tuple(out)


class Vocabulary:
    """Document frequencies counted online; tf-idf vectors and their cosines."""

    def __init__(self, df: Mapping[str, int] | None = None, documents: int = 0) -> None:
        self.df: Counter[str] = Counter(df or {})
        self.documents = documents

    def add(self, words: Iterable[str]) -> None:
        """Count one more document holding ``words``."""
        self.df.update(set(words))
        self.documents += 1

    def idf(self, word: str) -> float:
        """The inverse document frequency of ``word`` (0 for a word in every document)."""
        return math.log((self.documents + 1) / (self.df.get(word, 0) + 1))

    def weights(self, counts: Mapping[str, int | float]) -> dict[str, float]:
        """The unit tf-idf vector of term ``counts``."""
        vec = {w: (1.0 + math.log(c)) * self.idf(w) + 0.0 for w, c in counts.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {w: v / norm for w, v in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
