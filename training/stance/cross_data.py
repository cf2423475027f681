"""Pairs for the cross-encoder stance model: data, folds, FNC-1 passages and contrast pairs.

* Climate-FEVER: every (claim, evidence) pair; folds by claim (``common.claim_folds``).
* FNC-1: (headline, passage) pairs where the passage is the body's sentences ranked by
  IDF-weighted word overlap with the headline (most similar first; the pair encoder
  truncates the tail). Folds by story: connected components of the headline-body graph
  of the related pairs (agree / disagree / discuss), assigned to folds greedily by size
  after a seeded shuffle, so no headline and no body is on both sides. Unrelated pairs
  whose headline and body fall in different folds are left out. All agree and disagree
  pairs are kept; discuss and unrelated pairs are sampled, and the scores weight each
  sampled pair by (pairs of its class in its fold) / (sampled), i.e. they estimate the
  score over all pairs of the fold.
* Contrast pairs (rule-made, from the pair's own fold, so a test fold never lends one to
  training; never scored): a supporting / agreeing pair's claim negated, a number or a
  year it shares with the passage changed, or a capitalised name it shares with the
  passage swapped for another -> refutes / disagree; a few not-enough-info claims negated
  keep their label (so "not" alone is no cue).
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from common import FNC_LABELS, claim_folds, load_climate_fever, load_fnc, split_sentences

SEED = 13
FOLDS = 3
DISCUSS_SAMPLE = 4000
UNRELATED_SAMPLE = 2500
FNC_CONTRAST_SHARE = 0.5
CF_NEI_NEGATED_SHARE = 0.15
FNC_MAX_PIECES = 112

STANCE_OF_FNC = (0, 1, 2, 2)  # agree -> supports, disagree -> refutes, else NEI


@dataclass
class Item:
    claim: str
    passage: str
    y3: int  # index into STANCES
    y4: int  # index into FNC_LABELS, -1 for Climate-FEVER
    source: str  # "cf" | "fnc"
    fold: int
    contrast: str  # "" for an original pair, else the rule
    ref: int  # Climate-FEVER pair index or FNC-1 row index
    weight: float = 1.0  # evaluation weight (sampled FNC-1 classes)
    max_pieces: int = 128
    group: str = ""  # the claim (Climate-FEVER) or story (FNC-1) the pair belongs to

    @property
    def gate(self) -> bool:
        """In the quality gate's slice (1/8 of the claims and stories), which the shipped
        model is not trained on."""
        return int(hashlib.md5(f"cross-gate:{self.group}".encode()).hexdigest(), 16) % 8 == 0


# ----------------------------------------------------------------------------------------
# FNC-1 passages and story folds

_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def rank_sentences(headline: str, sentences: list[str], idf: dict[str, float]) -> str:
    """The body's sentences, most similar to the headline first (IDF-weighted overlap)."""
    head = set(_tokens(headline))

    def score(k: int) -> float:
        words = set(_tokens(sentences[k]))
        return sum(idf.get(w, 0.0) for w in head & words) / math.sqrt(1 + len(words)) - 0.01 * k

    order = sorted(range(len(sentences)), key=lambda k: -score(k))
    return " ".join(sentences[k] for k in order[:5])


def body_idf(sentences: dict[int, list[str]]) -> dict[str, float]:
    """Inverse document frequency of each word over the bodies."""
    df: Counter[str] = Counter()
    for sents in sentences.values():
        df.update(set(_tokens(" ".join(sents))))
    return {w: math.log(len(sentences) / (1 + n)) for w, n in df.items()}


def story_folds(
    headlines: list[str], bodies: np.ndarray, labels: np.ndarray
) -> dict[object, tuple[int, str]]:
    """Fold and story of every headline ``("h", text)`` and body ``("b", id)``: a story
    (connected component of the related pairs) is never split."""
    parent: dict[object, object] = {}

    def find(x: object) -> object:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for h, b, y in zip(headlines, bodies, labels, strict=True):
        a, c = find(("h", h)), find(("b", int(b)))
        if y != FNC_LABELS.index("unrelated"):
            parent[a] = c
    sizes: Counter[object] = Counter()
    for h, y in zip(headlines, labels, strict=True):
        sizes[find(("h", h))] += int(y != FNC_LABELS.index("unrelated"))
    roots = sorted(sizes, key=str)
    random.Random(SEED).shuffle(roots)
    roots.sort(key=lambda r: -sizes[r])
    load = [0] * FOLDS
    fold_of: dict[object, int] = {}
    for r in roots:
        f = min(range(FOLDS), key=lambda k: load[k])
        fold_of[r] = f
        load[f] += sizes[r]
    return {x: (fold_of[find(x)], str(find(x))) for x in list(parent)}


# ----------------------------------------------------------------------------------------
# Contrast rules

_AUX = re.compile(
    r"\b(is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|does|do|did)\b",
    re.I,
)
_NEG = re.compile(r"\b(not|never)\s+|n't\b", re.I)
_NT = {"won't": "will", "can't": "can", "shan't": "shall"}
_NUM = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w])")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})*")


def negate(claim: str, rng: random.Random) -> str:
    """The claim with its polarity flipped (a negation removed, or one added)."""
    for word, base in _NT.items():
        if re.search(rf"\b{word}\b", claim, re.I):
            return re.sub(rf"\b{word}\b", base, claim, count=1, flags=re.I)
    if _NEG.search(claim):
        return _NEG.sub("", claim, count=1)
    m = _AUX.search(claim)
    if m:
        word = m.group(0)
        neg = "cannot" if word.lower() == "can" else f"{word} not"
        return claim[: m.start()] + neg + claim[m.end() :]
    body = claim[0].lower() + claim[1:] if claim[1:2].islower() else claim
    return rng.choice(("It is not true that ", "It is false that ")) + body


def change_number(claim: str, passage: str, rng: random.Random) -> str | None:
    """A number the claim shares with the passage (not a year) changed, else None."""
    found = [
        m for m in _NUM.finditer(claim) if not _YEAR.fullmatch(m.group(0)) and m.group(0) in passage
    ]
    if not found:
        return None
    m = rng.choice(found)
    value = float(m.group(0).replace(",", ""))
    new = value * rng.choice((2, 3, 5, 10, 0.5)) if value else rng.randint(2, 9)
    text = f"{new:g}" if "." in m.group(0) else str(round(new) or 1)
    if text == m.group(0):
        return None
    return claim[: m.start()] + text + claim[m.end() :]


def change_year(claim: str, passage: str, rng: random.Random) -> str | None:
    found = [m for m in _YEAR.finditer(claim) if m.group(0) in passage]
    if not found:
        return None
    m = rng.choice(found)
    year = int(m.group(0)) + rng.choice((-1, 1)) * rng.randint(3, 40)
    return claim[: m.start()] + str(year) + claim[m.end() :]


def swap_name(claim: str, passage: str, names: list[str], rng: random.Random) -> str | None:
    found = [m for m in _NAME.finditer(claim) if m.group(0) in passage]
    if not found or not names:
        return None
    m = rng.choice(found)
    for _ in range(10):
        other = rng.choice(names)
        if other not in passage and other not in claim:
            return claim[: m.start()] + other + claim[m.end() :]
    return None


Negator = Callable[[str, random.Random], str]


def contrast(
    claim: str, passage: str, names: list[str], rng: random.Random, negator: Negator = negate
) -> tuple[str, str]:
    """One refuting variant of a supporting pair's claim: ``(rule, new claim)``."""
    options = [("negated", negator(claim, rng), 0.4)]
    for rule, new, weight in (
        ("number", change_number(claim, passage, rng), 0.25),
        ("date", change_year(claim, passage, rng), 0.2),
        ("entity", swap_name(claim, passage, names, rng), 0.15),
    ):
        if new is not None and new != claim:
            options.append((rule, new, weight))
    rule, new, _ = rng.choices(options, weights=[o[2] for o in options])[0]
    return rule, new


def tokenise(items: list[Item]) -> tuple[list[list[int]], np.ndarray]:
    """Each pair's word pieces as the runtime's tokenizer cuts them (``max_pieces`` each,
    longest segment first) and the length of its first segment ([CLS] claim [SEP])."""
    from unspin.evidence.cross import pair_tokenizer

    tok = pair_tokenizer()
    ids: list[list[int]] = [[] for _ in items]
    seg = np.zeros(len(items), np.int64)
    for cap in sorted({it.max_pieces for it in items}):
        idx = [i for i, it in enumerate(items) if it.max_pieces == cap]
        enc = tok(
            [items[i].claim for i in idx],
            [items[i].passage for i in idx],
            truncation="longest_first",
            max_length=cap,
        )
        for i, pieces, types in zip(idx, enc["input_ids"], enc["token_type_ids"], strict=True):
            ids[i] = list(pieces)
            seg[i] = len(types) - sum(types)
    return ids, seg


# ----------------------------------------------------------------------------------------
# All pairs


def build_items(
    discuss_sample: int | None = DISCUSS_SAMPLE,
    unrelated_sample: int | None = UNRELATED_SAMPLE,
    negator: Negator = negate,
    nei_negated_share: float = CF_NEI_NEGATED_SHARE,
) -> list[Item]:
    """Every pair the cross-encoder is trained or scored on, with its fold (deterministic).

    ``discuss_sample`` and ``unrelated_sample`` are the FNC-1 discuss and unrelated pairs
    kept over all folds (``None``: all of them); ``negator`` flips a claim's polarity for
    the contrast pairs, and ``nei_negated_share`` of the not-enough-info pairs get a
    negated copy that keeps the label (``cross_variants`` sets both for 2.x)."""
    rng = random.Random(SEED)
    items: list[Item] = []
    cf = load_climate_fever()
    folds = claim_folds(cf.claim_ids, k=FOLDS, seed=SEED)
    names = sorted({m.group(0) for c in cf.claims for m in _NAME.finditer(c)})
    for i, (k, ev, y) in enumerate(zip(cf.pair_claim, cf.evidences, cf.pair_labels, strict=True)):
        claim, f = cf.claims[int(k)], int(folds[int(k)])
        g = f"cf:{cf.claim_ids[int(k)]}"
        items.append(Item(claim, ev, int(y), -1, "cf", f, "", i, group=g))
        if y == 0:
            rule, new = contrast(claim, ev, names, rng, negator)
            items.append(Item(new, ev, 1, -1, "cf", f, rule, i, group=g))
        elif y == 2 and rng.random() < nei_negated_share:
            neg = negator(claim, rng)
            items.append(Item(neg, ev, 2, -1, "cf", f, "negated-nei", i, group=g))

    fnc = load_fnc()
    sentences = {b: split_sentences(t) for b, t in fnc.bodies.items()}
    idf = body_idf(sentences)
    fold_of = story_folds(fnc.headlines, fnc.body_ids, fnc.labels)
    fnc_names = sorted({m.group(0) for h in set(fnc.headlines) for m in _NAME.finditer(h)})
    by_class: dict[tuple[int, int], list[int]] = {}
    for r, (h, b, y) in enumerate(zip(fnc.headlines, fnc.body_ids, fnc.labels, strict=True)):
        fh, fb = fold_of[("h", h)][0], fold_of[("b", int(b))][0]
        if fh == fb:
            by_class.setdefault((int(y), fh), []).append(r)
    sample = {
        0: None,
        1: None,
        2: None if discuss_sample is None else discuss_sample // FOLDS,
        3: None if unrelated_sample is None else unrelated_sample // FOLDS,
    }
    for (y, f), rows in sorted(by_class.items()):
        n = sample[y]
        chosen = sorted(rng.sample(rows, n)) if n is not None and n < len(rows) else rows
        weight = len(rows) / len(chosen)
        for r in chosen:
            h, b = fnc.headlines[r], int(fnc.body_ids[r])
            passage = rank_sentences(h, sentences[b], idf)
            # an unrelated pair's story: its headline's (the body's may differ)
            g = f"fnc:{fold_of[('h', h)][1]}"
            items.append(
                Item(h, passage, STANCE_OF_FNC[y], y, "fnc", f, "", r, weight, FNC_MAX_PIECES, g)
            )
            if y == 0 and rng.random() < FNC_CONTRAST_SHARE:
                rule, new = contrast(h, passage, fnc_names, rng, negator)
                items.append(Item(new, passage, 1, 1, "fnc", f, rule, r, 1.0, FNC_MAX_PIECES, g))
    return items
