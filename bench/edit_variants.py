"""Variants of CheckThat! tweets for ``bench/factcheck_edits.py``: a tweet read as an
article claim (its closing signature date becomes the publication date), and one-slot
edits generated from the training tweets (a number or date the gold claim states changed,
"not" inserted or removed, a named agent swapped for another of its entity type, the verb
the gold claim states swapped for a verb of another sense)."""

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
from unspin.factchecks.terms import terms  # noqa: E402
from unspin.frames.compare import same_value  # noqa: E402
from unspin.frames.senses import same_sense  # noqa: E402
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


def _closest_root(parsed: Parsed, tweet: ClaimSide, claim: ClaimSide) -> tuple[list[Any], Any]:
    """The tokens and root of the tweet's sentence sharing most words with the claim (at
    least 2; else no tokens and no root)."""
    best, shared = 0, -1
    for i, t in enumerate(tweet.terms):
        n = max((len(t & c) for c in claim.terms), default=0)
        if n > shared:
            best, shared = i, n
    if shared < 2 or best >= len(parsed.sentences):
        return [], None
    s = parsed.sentences[best]
    toks = list(parsed.tokens[s.first : s.last])
    return toks, next((t for t in toks if t.dep == "ROOT"), None)


def _edit_polarity(
    parsed: Parsed, tweet: ClaimSide, claim: ClaimSide
) -> Iterator[tuple[int, int, str]]:
    toks, root = _closest_root(parsed, tweet, claim)
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


#: Verbs of other senses a claim's verb is swapped for: past, third person, base, -ing.
_OTHER_VERBS = {
    "praise": ("praised", "praises", "praise", "praising"),
    "criticize": ("criticized", "criticizes", "criticize", "criticizing"),
    "deny": ("denied", "denies", "deny", "denying"),
    "ban": ("banned", "bans", "ban", "banning"),
    "fund": ("funded", "funds", "fund", "funding"),
    "investigate": ("investigated", "investigates", "investigate", "investigating"),
    "cancel": ("cancelled", "cancels", "cancel", "cancelling"),
    "visit": ("visited", "visits", "visit", "visiting"),
    "delay": ("delayed", "delays", "delay", "delaying"),
    "approve": ("approved", "approves", "approve", "approving"),
}
_FORM = {"VBD": 0, "VBN": 0, "VBZ": 1, "VB": 2, "VBP": 2, "VBG": 3}
_NOT_SWAPPED = frozenset(
    [
        "be",
        "have",
        "do",
        "say",
        "tell",
        "state",
        "claim",
        "report",
        "add",
        "get",
        "make",
        "go",
        "come",
    ]
)


def _edit_predicate(
    parsed: Parsed, tweet: ClaimSide, claim: ClaimSide, rng: random.Random
) -> Iterator[tuple[int, int, str]]:
    """The main verb of the tweet's sentence closest to the claim, when the claim uses it
    too, swapped for a verb of another sense in the same form."""
    toks, root = _closest_root(parsed, tweet, claim)
    if root is None:
        return
    comp = next((t for t in toks if t.head == root.i and t.dep == "ccomp"), None)
    if comp is not None and comp.pos == "VERB":
        root = comp  # the proposition of "X said (that) Y" is Y
    lemma = root.lemma.lower()
    claimed = frozenset().union(*claim.terms) if claim.terms else frozenset()
    if (
        root.pos != "VERB"
        or root.tag not in _FORM
        or lemma in _NOT_SWAPPED
        or not set(terms(root.text)) & claimed
    ):
        return
    options = sorted(
        v for v in _OTHER_VERBS
        if v != lemma and not same_sense(v, lemma) and not set(terms(v)) & claimed
    )  # fmt: skip
    if options:
        yield root.start, root.end, _OTHER_VERBS[rng.choice(options)][_FORM[root.tag]]


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
    # v2: Variant lives in this module now, so older pickles would not load; v3: and
    # predicate edits
    path = cache / f"train-edits-v3-{digest(list(qids))}.pkl"
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
            "predicate": _edit_predicate(p, tweet, claim, rng),
        }
        for slot, edits in makers.items():
            for start, end, new in edits:
                edited = raw[q][:start] + new + raw[q][end:]
                why = f"{raw[q][start:end]!r} -> {new!r}"
                out.append(Variant(q, edited, frozenset(qrels[q]), slot, why))
    path.write_bytes(pickle.dumps(out))
    return out
