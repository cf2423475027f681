"""Shared helpers for the technique experiments: corpus, folds, cached features, reporting.

Everything heavy lives in the scratch folder written by ``features.py`` (default
``/tmp/ptc-work``); nothing here writes into the repository except through the scripts
that call :func:`log_result` (which appends to ``/tmp/ptc-work/results.jsonl``).
"""

from __future__ import annotations

import json
import os
import pickle
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from unspin.eval.ptc import Article, Corpus, Span, load_corpus

HERE = Path(__file__).resolve().parent
DEFAULT_PTC = HERE.parents[2] / "shared" / "data" / "ptc"
WORK = Path(os.environ.get("PTC_WORK", "/tmp/ptc-work"))  # scratch, never the repo
FOLDS = HERE / "folds.json"


def load_folds(path: Path = FOLDS) -> dict[str, int]:
    data: dict[str, Any] = json.loads(path.read_text())
    return {str(k): int(v) for k, v in data["folds"].items()}


@dataclass
class Data:
    """The corpus, the folds and the cached backbone features."""

    corpus: Corpus
    folds: dict[str, int]
    work: Path = WORK

    @cached_property
    def parsed(self) -> dict[str, Any]:
        with open(self.work / "parsed.pkl", "rb") as f:
            out: dict[str, Any] = pickle.load(f)
        return out

    @cached_property
    def pieces(self) -> dict[str, np.ndarray]:
        z = np.load(self.work / "pieces.npz")
        return {k: z[k] for k in z.files}

    def layer(self, k: int) -> np.ndarray:
        arr: np.ndarray = np.load(self.work / f"layer{k}.npy", mmap_mode="r")
        return arr

    @cached_property
    def article_index(self) -> dict[str, int]:
        return {str(a): i for i, a in enumerate(self.pieces["ids"])}

    @cached_property
    def piece_ranges(self) -> dict[str, tuple[int, int]]:
        """Per article, the range of its word pieces in the global arrays."""
        art = self.pieces["article"]
        out = {}
        for aid, i in self.article_index.items():
            lo = int(np.searchsorted(art, i, "left"))
            hi = int(np.searchsorted(art, i, "right"))
            out[aid] = (lo, hi)
        return out

    def pieces_in(self, aid: str, start: int, end: int) -> np.ndarray:
        """Global indices of the (non-special) word pieces overlapping ``[start, end)``."""
        lo, hi = self.piece_ranges[aid]
        s = self.pieces["start"][lo:hi]
        e = self.pieces["end"][lo:hi]
        idx = np.nonzero((s >= 0) & (s < end) & (e > start))[0]
        return idx + lo

    def split(self, k: int) -> tuple[list[Article], list[Article]]:
        train = [a for a in self.corpus.articles if self.folds[a.id] != k]
        test = [a for a in self.corpus.articles if self.folds[a.id] == k]
        return train, test


def load_data(ptc: Path = DEFAULT_PTC, work: Path = WORK) -> Data:
    return Data(load_corpus(ptc), load_folds(), work)


# -- cheap, hand-made features ------------------------------------------------------------

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
LEXICONS: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _LEXICON_TEXT.items()}


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def lexicon_hits(text: str) -> list[float]:
    low = " " + normalise(text) + " "
    return [float(sum(f" {w} " in low for w in words)) for words in LEXICONS.values()]


_STOP_TEXT = (
    "the a an and or of to in on for with at by from is are was were be been it this that "
    "as his her their its our we they he she you i not no but so if than then"
)
_STOP = frozenset(_STOP_TEXT.split(" "))


def _content_repeats(words: list[str], full_norm: str) -> float:
    """Share of the span's content words that occur at least twice more in the article."""
    content = [w.lower() for w in words if w.lower() not in _STOP and len(w) > 2]
    if not content:
        return 0.0
    padded = f" {full_norm} "
    return sum(padded.count(f" {w} ") >= 3 for w in content) / len(content)


def cheap_features(article: Article, start: int, end: int) -> list[float]:
    """Span-level surface features (length, repetition, punctuation, case, position, lexicons)."""
    text = article.text
    span = text[start:end]
    words = _WORD.findall(span)
    norm = normalise(span)
    full = normalise(text)
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
    return [float(x) for x in feats] + lexicon_hits(span)


CHEAP_NAMES = [
    *[
        "log_chars",
        "log_words",
        "short",
        "long",
        "occurrences",
        "repeated",
        "log_occ",
        "excl_in",
        "excl_after",
    ],
    *[
        "q_in",
        "q_after",
        "quote_in",
        "quote_before",
        "caps_ratio",
        "title_case",
        "position",
        "in_title",
    ],
    *["line_fraction", "whole_line", "hashtag", "multi_line", "said_before", "said_later"],
    "content_repeats",
    *(f"lex_{k}" for k in LEXICONS),
]


# -- TC instances ------------------------------------------------------------------------


@dataclass(frozen=True)
class TCItem:
    """One distinct gold span with all its techniques (a span may carry several)."""

    article_id: str
    start: int
    end: int
    labels: tuple[str, ...]


def tc_items(articles: Iterable[Article]) -> list[TCItem]:
    out = []
    for a in articles:
        groups: dict[tuple[int, int], list[str]] = {}
        for s in a.spans:
            groups.setdefault((s.start, s.end), []).append(str(s.technique))
        for (s0, e0), labels in sorted(groups.items()):
            out.append(TCItem(a.id, s0, e0, tuple(labels)))
    return out


def top_k_predictions(
    items: Sequence[TCItem], proba: np.ndarray, classes: Sequence[str]
) -> list[Span]:
    """For a span with k gold lines, predict its k most probable distinct techniques."""
    out = []
    for item, p in zip(items, proba, strict=True):
        order = np.argsort(-p)
        for r in range(len(item.labels)):
            out.append(Span(item.article_id, item.start, item.end, classes[order[r]]))
    return out


# -- reporting ---------------------------------------------------------------------------


def mean_std(values: Sequence[float]) -> str:
    arr = np.asarray(values, dtype=float)
    return f"{arr.mean():.3f} ± {arr.std(ddof=1) if len(arr) > 1 else 0.0:.3f}"


def log_result(name: str, payload: dict[str, Any], work: Path = WORK) -> None:
    payload = {"name": name, "time": time.strftime("%Y-%m-%d %H:%M:%S"), **payload}
    with open(work / "results.jsonl", "a") as f:
        f.write(json.dumps(payload) + "\n")


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    def __call__(self) -> float:
        return time.perf_counter() - self.t0
