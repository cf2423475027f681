"""Variants of CheckThat! tweets for ``bench/factcheck_edits.py``: a tweet read as an
article claim (its closing signature date becomes the publication date), and one-slot
edits generated from the training tweets (a number or date the gold claim states changed,
"not" inserted or removed, a named agent swapped for another of its entity type)."""

from __future__ import annotations

import hashlib
import pickle
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unspin.factchecks.framecheck import ClaimSide, read_side  # noqa: E402
from unspin.frames.compare import same_value  # noqa: E402
from unspin.nlp import Parsed  # noqa: E402

_SIGNATURE = re.compile(r"(?<=\))\s*([A-Z][a-z]+ \d{1,2}, \d{4})\s*$")


def digest(items: Sequence[Any]) -> str:
    return hashlib.sha1(repr(items).encode()).hexdigest()[:12]


# ----------------------------------------------------------------------------------------
# tweets as article claims


def as_article(tweet: str) -> tuple[str, date | None]:
    """The tweet without its closing date, and that date (its publication date)."""
    m = _SIGNATURE.search(tweet)
    if not m:
        return tweet, None
    try:
        published = datetime.strptime(m.group(1), "%B %d, %Y").date()
    except ValueError:
        return tweet, None
    return tweet[: m.start()].rstrip(), published


@dataclass(frozen=True)
class Variant:
    """A tweet as matched: unedited (``slot`` None) or with one edit; ``gold`` the verified
    claims that must (unedited) or must not (edited) be shown."""

    qid: str
    text: str
    gold: frozenset[str]
    slot: str | None = None
    why: str = ""


# ----------------------------------------------------------------------------------------
# edits generated from the training tweets


_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
_NUMBER_WORDS = {
    "one": "four",
    "two": "five",
    "three": "seven",
    "four": "nine",
    "five": "eight",
    "six": "ten",
    "seven": "three",
    "eight": "two",
    "nine": "four",
    "ten": "six",
    "dozen": "hundred",
    "hundred": "thousand",
    "thousand": "million",
    "million": "billion",
    "billion": "million",
}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b([12]?\d|3[01])(?:st|nd|rd|th)?\b")
_AUX_NOT = {"ca": "can", "wo": "will", "sha": "shall"}


def _new_number(digits: str) -> str:
    value = float(digits.replace(",", ""))
    new = value * 3 if value < 10 else value * 1.6 + 1
    if "." in digits:
        return f"{new:.{len(digits.split('.')[1])}f}"
    return f"{int(new):,}" if "," in digits else str(int(new))


def _edit_number(text: str, tweet: ClaimSide, claim: ClaimSide) -> Iterator[tuple[int, int, str]]:
    claimed = [float(q["value"]) for f in claim.frames for q in f.get("quantities") or ()]
    for f in tweet.frames:
        for q in f.get("quantities") or ():
            if q.get("value") is None or not any(same_value(float(q["value"]), v) for v in claimed):
                continue
            qs, qtext = int(q["start"]), str(q["text"])
            m = _NUM.search(qtext)
            if m:
                yield qs + m.start(), qs + m.end(), _new_number(m.group())
                return
            for word, new in _NUMBER_WORDS.items():
                k = re.search(rf"\b{word}\b", qtext, re.IGNORECASE)
                if k:
                    yield qs + k.start(), qs + k.end(), new
                    return


def _edit_date(text: str, tweet: ClaimSide, claim: ClaimSide) -> Iterator[tuple[int, int, str]]:
    isos = [str(d["iso"]) for f in claim.frames for d in f.get("dates") or () if d.get("iso")]
    years = {i[:4] for i in isos if i[:4].isdigit()}
    for f in tweet.frames:
        for d in f.get("dates") or ():
            iso, ds, dtext = str(d.get("iso") or ""), int(d["start"]), str(d["text"])
            if d.get("relative") or iso[:4] not in years:
                continue
            y = _YEAR.search(dtext)
            if y:
                yield ds + y.start(), ds + y.end(), str(int(y.group()) - 4)
                return
            day = _DAY.search(dtext)
            if day and len(iso) >= 10 and any(i[:10] == iso[:10] for i in isos):
                new = int(day.group(1)) % 27 + 2
                yield ds + day.start(1), ds + day.end(1), str(new)
                return


def _edit_polarity(
    parsed: Parsed, tweet: ClaimSide, claim: ClaimSide
) -> Iterator[tuple[int, int, str]]:
    best, shared = 0, -1
    for i, t in enumerate(tweet.terms):
        n = max((len(t & c) for c in claim.terms), default=0)
        if n > shared:
            best, shared = i, n
    if shared < 2 or best >= len(parsed.sentences):
        return
    s = parsed.sentences[best]
    toks = parsed.tokens[s.first : s.last]
    root = next((t for t in toks if t.dep == "ROOT"), None)
    if root is None or root.pos not in ("VERB", "AUX"):
        return
    # the proposition of "X said (that) Y" is Y
    comp = next((t for t in toks if t.head == root.i and t.dep == "ccomp"), None)
    if comp is not None and comp.pos in ("VERB", "AUX"):
        root = comp
    kids = [t for t in toks if t.head == root.i and t.i != root.i]
    neg = next((t for t in kids if t.dep == "neg" or t.lower == "never"), None)
    if neg is not None:  # remove the negation
        if neg.lower == "n't":
            prev = parsed.tokens[neg.i - 1]
            yield prev.start, neg.end, _AUX_NOT.get(prev.lower, prev.text)
        else:
            yield neg.start - 1 if parsed.text[neg.start - 1] == " " else neg.start, neg.end, ""
        return
    aux = next((t for t in kids if t.dep in ("aux", "auxpass") and t.i < root.i), None)
    if aux is not None:
        yield aux.end, aux.end, " not"
    elif root.lemma.lower() == "be":
        yield root.end, root.end, " not"
    elif root.tag in ("VBD", "VBZ", "VBP"):
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[root.tag]
        yield root.start, root.end, f"{do} not {root.lemma.lower()}"


def _edit_actor(
    parsed: Parsed,
    tweet: ClaimSide,
    claim: ClaimSide,
    pool: dict[str, list[str]],
    rng: random.Random,
) -> Iterator[tuple[int, int, str]]:
    for e in parsed.entities:
        if e.label not in ("PERSON", "ORG") or not (
            {w.lower() for w in e.text.split()} & claim.words
        ):
            continue
        options = [
            o
            for o in pool.get(e.label, ())
            if not {w.lower() for w in o.split()} & (claim.words | tweet.words)
        ]
        if options:
            yield e.start, e.end, rng.choice(options)
            return


def generated_edits(
    qids: Sequence[str],
    raw: dict[str, str],
    qrels: dict[str, set[str]],
    claims: dict[str, str],
    parse_many: Any,
    cache: Path,
) -> list[Variant]:
    """One edit per slot per training tweet, where the tweet states that slot as its gold
    claim does (a number or date of equal value, a sentence sharing words, a shared name)."""
    # v2: Variant lives in this module now, so older pickles would not load
    path = cache / f"train-edits-v2-{digest(list(qids))}.pkl"
    if path.exists():
        return list(pickle.loads(path.read_bytes()))
    rng = random.Random(13)
    articles = [as_article(raw[q]) for q in qids]
    parsed = parse_many([a for a, _ in articles])
    gold = [min(qrels[q]) for q in qids]
    claim_parsed = dict(zip(gold, parse_many([claims[g] for g in gold]), strict=True))
    pool: dict[str, list[str]] = {}
    for p in claim_parsed.values():
        for e in p.entities:
            if e.label in ("PERSON", "ORG") and len(e.text.split()) <= 3:
                pool.setdefault(e.label, []).append(e.text)
    pool = {k: sorted(set(v)) for k, v in pool.items()}
    out = []
    for q, (text, published), p, g in zip(qids, articles, parsed, gold, strict=True):
        tweet = read_side(p, published)
        claim = read_side(claim_parsed[g])
        makers = {
            "number": _edit_number(text, tweet, claim),
            "date": _edit_date(text, tweet, claim),
            "polarity": _edit_polarity(p, tweet, claim),
            "actor": _edit_actor(p, tweet, claim, pool, rng),
        }
        for slot, edits in makers.items():
            for start, end, new in edits:
                edited = raw[q][:start] + new + raw[q][end:]
                why = f"{raw[q][start:end]!r} -> {new!r}"
                out.append(Variant(q, edited, frozenset(qrels[q]), slot, why))
    path.write_bytes(pickle.dumps(out))
    return out
