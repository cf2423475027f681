"""Text helpers for matching claims to fact-checks: cleaning, terms, numbers, names, BM25."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["BM25", "clean_text", "names", "numbers", "terms"]

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+", re.I)
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|of|de|van|von|bin|al))*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Short English function words, ignored by lexical matching.
STOPWORDS = _words(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves rt via amp s t ll re ve d m
    """
)


def clean_text(text: str) -> str:
    """Text as matching reads it: URLs dropped, hashtags split into words
    (``#AustralianFires`` -> ``Australian Fires``), whitespace collapsed."""
    text = _URL.sub(" ", text)
    text = _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)
    return " ".join(text.split())


def _stem(word: str) -> str:
    """A light, predictable suffix stripper (plurals, possessives, -ing/-ed) for matching."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        return word[:-1]  # "vote", "voted", "voting" -> "vot"
    return word


def terms(text: str) -> list[str]:
    """Lower-cased, lightly stemmed content words and numbers (thousands separators
    dropped) of ``text``, stop words left out, in order."""
    out = []
    for m in _WORD.finditer(clean_text(text)):
        w = m.group().lower()
        if w[0].isdigit():
            out.append(w.replace(",", ""))
        elif w not in STOPWORDS and len(w) > 1:
            out.append(_stem(w))
    return out


def numbers(text: str) -> set[str]:
    """The numbers written in digits in ``text`` (``1,000`` -> ``1000``; years included)."""
    return {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(clean_text(text))}


def names(text: str) -> set[str]:
    """Capitalised word runs not at the start of a sentence, lower-cased (rough names)."""
    text = clean_text(text)
    out = set()
    for m in _NAME.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before[-1] in '.!?:"“—-':
            words = m.group().split()
            if len(words) == 1:
                continue  # a capitalised sentence opener is not a name
            out.add(" ".join(words[1:]).lower())
            continue
        out.add(m.group().lower())
    return {n for n in out if n not in STOPWORDS}


class BM25:
    """Okapi BM25 over a fixed list of term lists (an inverted index in plain Python)."""

    def __init__(self, docs: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.n = len(docs)
        self.lengths = np.asarray([len(d) for d in docs], dtype=np.float64)
        self.avgdl = float(self.lengths.mean()) if self.n else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings.setdefault(term, []).append((i, tf))
        self._norm = k1 * (1 - b + b * self.lengths / (self.avgdl or 1.0))

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, ()))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def scores(self, query: Iterable[str]) -> NDArray[Any]:
        """BM25 score of every document for the query terms (repeats count once)."""
        out = np.zeros(self.n, dtype=np.float64)
        for term in set(query):
            posting = self.postings.get(term)
            if not posting:
                continue
            idx = np.fromiter((i for i, _ in posting), dtype=np.int64, count=len(posting))
            tf = np.fromiter((t for _, t in posting), dtype=np.float64, count=len(posting))
            out[idx] += self.idf(term) * tf * (self.k1 + 1) / (tf + self._norm[idx])
        return out
