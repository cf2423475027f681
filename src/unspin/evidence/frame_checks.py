"""Frame checks: how one evidence passage bears on one claim, slot by slot.

A verdict never rests on a similarity score alone: for each retrieved passage the claim
and the passage are read the same way (their frames, :mod:`unspin.frames`, and their
content words) and compared, one passage sentence at a time (the one most about the claim
speaks):

* **units**: the claim's content words (nouns, names, verbs, adjectives, adverbs; lemmas
  compared on their first five letters; a word also counts when the passage has a near
  word, :mod:`.synonyms`), each figure and each date; a word is stated when the passage
  or its document's title uses it, a figure or date when the passage gives the same one
  (figures with "more than" / "nearly" / "about" as bounds; the claim's figure or date
  matching only the passage's second one of its kind is neither alike nor different);
  **coverage** is the share stated alike, **about** the share stated alike or differently;
* **slots**: polarity (the frames' when they share the predicate, else the negation of the
  claim's verb in the passage; "Reports that X are false" and "rather than X" negate),
  number and date (:func:`unspin.frames.compare_frames`), **antonym** (the claim's verb,
  adjective or adverb against its opposite, :data:`ANTONYMS`; a verb only when it is the
  predicate or the passage states the predicate), **name** / **place** (a name of the
  claim that neither the passage nor its title names while the passage names another;
  names by their distinctive words) and **actor** (the named subjects share no name).

:func:`check_passage` turns them into one stance with its reason:

* **refutes** when exactly one kind of slot differs and the passage states at least
  :data:`ABOUT_COVERAGE` (half) of the rest of the claim alike; a differing name, actor or
  figure also needs the claim's predicate (or a near word) in the passage: the same event;
* **supports** when nothing differs, it names every name of the claim, states its
  predicate, figures and dates, at least :data:`SUPPORT_COVERAGE` (three in four) of its
  units and half of each of its clauses (or, with a stance model, it is about the claim
  and the model says it supports it);
* anything else is **neutral** (a distractor on the same topic).

Every stance carries the one line of :func:`unspin.frames.describe_checks` saying which
slots agreed and which differed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unspin.evidence.synonyms import WordMatcher
from unspin.frames import SlotCheck, compare_frames, describe_checks
from unspin.frames.compare import polarity_text
from unspin.nlp import Parsed, Token

__all__ = [
    "ABOUT_COVERAGE",
    "ANTONYMS",
    "SUPPORT_COVERAGE",
    "PassageCheck",
    "Reading",
    "SentenceReading",
    "check_passage",
    "read_parsed",
    "read_sentence",
    "title_words",
]

#: A passage is about the claim's proposition when it uses at least this share of the
#: claim's content words (those of a differing slot counted as used): half.
ABOUT_COVERAGE = 0.5
#: A passage that differs on no slot supports the claim when it uses at least this share
#: of the claim's content words (three in four) and names every name of the claim.
SUPPORT_COVERAGE = 0.75

#: Pairs of opposite words (lemmas): a claim with one and a passage with the other (and
#: not the first) state opposite things. General direction and outcome words only.
ANTONYMS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (a, frozenset(b.split()))
    for a, b in (
        ("rise", "fall drop decline decrease cut shrink"),
        ("increase", "fall drop decline decrease cut reduce lower freeze"),
        ("raise", "cut lower reduce freeze"),
        ("grow", "shrink decline fall"),
        ("gain", "lose loss"),
        ("win", "lose"),
        ("accept", "reject refuse decline"),
        ("approve", "reject defeat refuse"),
        ("allow", "reject dismiss ban forbid refuse"),
        ("uphold", "overturn quash"),
        ("permit", "forbid ban"),
        ("open", "close shut"),
        ("reopen", "close shut"),
        ("create", "cut axe lose"),
        ("hire", "fire cut"),
        ("higher", "lower"),
        ("more", "less fewer"),
        ("above", "below"),
        ("upstream", "downstream"),
        ("succeed", "fail"),
        ("pass", "fail defeat reject"),
        ("support", "oppose"),
        ("praise", "criticise criticize"),
        ("confirm", "deny"),
        ("include", "exclude"),
        ("convict", "acquit clear"),
        ("guilty", "innocent"),
        ("buy", "sell"),
        ("survive", "die"),
        ("legal", "illegal"),
        ("best", "worst"),
        ("highest", "lowest"),
        ("strengthen", "weaken"),
        ("expand", "contract shrink"),
    )
)
#: Words of :data:`ANTONYMS` that are verbs whatever the tagger says ("the ban forbids
#: watering", where a small parser can tag "forbids" a noun); "ban" or "cut" can be nouns.
_VERBS_ONLY = frozenset(
    str.split(
        """forbid allow approve reject accept refuse dismiss uphold overturn quash acquit
        convict criticise criticize praise oppose confirm deny permit"""
    )
)
_OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _bs in ANTONYMS:
    _OPPOSITES[_a] = _OPPOSITES.get(_a, frozenset()) | _bs
    for _b in _bs:
        _OPPOSITES[_b] = _OPPOSITES.get(_b, frozenset()) | {_a}

_CONTENT = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "ADV"))
#: Lemmas that carry no content of their own.
_LIGHT = frozenset(
    str.split(
        """be have do say will would can could may might must shall should also still just
    only even then there here now so very too much many other such more most
    per cent percent year day week month time"""
    )
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _key(lemma: str) -> str:
    """The form words are compared in: lower case, at most five letters."""
    w = lemma.lower().replace("’", "'").removesuffix("'s")
    return w[:5]


@dataclass(frozen=True)
class SentenceReading:
    """One sentence: its frame (JSON), content words (each with the clause it stands in),
    names, places, lemmas and the lemmas of its negated verbs."""

    frame: Mapping[str, Any]
    words: Mapping[str, int]
    #: each name (consecutive proper nouns) as its distinctive words ("River Ousel": ousel)
    names: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    lemmas: frozenset[str]
    negated: frozenset[str]
    denied: frozenset[str] = frozenset()  # words after "rather than", "instead of"
    forms: Mapping[str, str] = field(default_factory=dict)  # key -> lemma (not names)
    #: lemmas of the words that can state a direction or outcome (not nouns or names)
    doing: frozenset[str] = frozenset()
    quantity_clauses: tuple[int, ...] = ()
    date_clauses: tuple[int, ...] = ()
    #: the word that calls the sentence's own content false ("Reports that X are false")
    denies: str = ""
    #: lemmas of its adjectives, adverbs and prepositions ("upstream", "below", "higher")
    modifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reading:
    """A claim or a passage, sentence by sentence (a claim is one sentence)."""

    sentences: tuple[SentenceReading, ...]


def _slot_spans(frame: Mapping[str, Any]) -> list[tuple[int, int]]:
    spans = [(int(q["start"]), int(q["end"])) for q in frame.get("quantities") or ()]
    spans += [(int(d["start"]), int(d["end"])) for d in frame.get("dates") or ()]
    return spans


#: Dependencies that start a clause of their own ("X, and Y", "X, which Y", "X after Y").
_CLAUSE_DEPS = frozenset(("ROOT", "relcl", "advcl"))
_NEGATIONS = frozenset(("not", "n't", "never", "no"))


def _clauses(tokens: Sequence[Token]) -> dict[int, int]:
    """Token index -> the index of the clause it stands in (coordinated verbs, relative and
    adverbial clauses each make one)."""
    by_i = {t.i: t for t in tokens}
    heads: dict[int, int] = {}
    out: dict[int, int] = {}
    for t in tokens:
        cur, hops = t, 0
        while hops < 50:
            verbal = cur.pos in ("VERB", "AUX")
            if cur.dep in _CLAUSE_DEPS or (cur.dep == "conj" and verbal) or cur.head == cur.i:
                break
            if cur.head not in by_i:
                break
            cur, hops = by_i[cur.head], hops + 1
        out[t.i] = heads.setdefault(cur.i, len(heads))
    return out


def _denied(tokens: Sequence[Token]) -> frozenset[str]:
    """The content words a sentence sets aside: "over rostering rather than pay" -> pay."""
    out: set[str] = set()
    for k in range(len(tokens) - 1):
        pair = f"{tokens[k].lower} {tokens[k + 1].lower}"
        if pair not in ("rather than", "instead of"):
            continue
        for t in tokens[k + 2 :]:
            if t.pos == "PUNCT" or t.dep in ("cc", "mark"):
                break
            if t.pos in _CONTENT:
                out.add(_key(t.lemma))
    return frozenset(out)


#: Words that call a reported proposition false.
_FALSITY = frozenset(
    ["false", "untrue", "wrong", "incorrect", "baseless", "unfounded", "groundless", "fake"]
)


def _falsity(tokens: Sequence[Token]) -> str:
    """ "Reports that X are false", "It is untrue that X": the falsity word, else ""."""
    root = next((t for t in tokens if t.dep == "ROOT"), None)
    if root is None:
        return ""
    kids = [t for t in tokens if t.head == root.i and t.i != root.i]
    word = next(
        (t for t in kids if t.dep in ("acomp", "attr") and t.lemma.lower() in _FALSITY), None
    )
    said = any(t.dep in ("ccomp", "acl", "relcl") and t.pos in ("VERB", "AUX") for t in tokens)
    negated = any(t.dep == "neg" for t in kids)
    return word.text if word is not None and said and not negated else ""


def read_sentence(tokens: Sequence[Token], frame: Mapping[str, Any]) -> SentenceReading:
    """The reading of one sentence's tokens with its frame (JSON)."""
    spans = _slot_spans(frame)
    clause = _clauses(tokens)
    words: dict[str, int] = {}
    names: list[tuple[int, tuple[str, ...]]] = []
    lemmas: set[str] = set()
    doing: set[str] = set()
    modifiers: set[str] = set()
    negated: set[str] = set()
    forms: dict[str, str] = {}
    by_i = {t.i: t for t in tokens}
    for t in tokens:
        lemma = t.lemma.lower()
        lemmas.update((lemma, t.lower))
        if t.pos in ("VERB", "ADJ", "ADV", "ADP") or lemma in _VERBS_ONLY:
            doing.update((lemma, t.lower))
        if t.pos in ("ADJ", "ADV", "ADP"):
            modifiers.update((lemma, t.lower))
        if t.lower in _NEGATIONS and t.dep in ("neg", "advmod") and t.head in by_i:
            negated.add(by_i[t.head].lemma.lower())
        if t.pos not in _CONTENT or lemma in _LIGHT or not _WORD.fullmatch(t.text):
            continue
        if any(s <= t.start < e for s, e in spans):
            continue  # numbers and dates have their own slots
        words.setdefault(_key(t.lemma), clause[t.i])
        if t.pos != "PROPN":
            forms.setdefault(_key(t.lemma), lemma)
        if t.pos == "PROPN" and t.text[:1].isupper():
            if names and names[-1][0] == t.i - 1:
                names[-1] = (t.i, (*names[-1][1], _key(t.text)))
            else:
                names.append((t.i, (_key(t.text),)))
    places = {_key(w) for p in frame.get("places") or () for w in _WORD.findall(str(p))}

    def clause_at(start: int) -> int:
        return next((clause[t.i] for t in tokens if t.start <= start < t.end), 0)

    handles = [tuple(w for w in n if w not in _GENERIC_NAMES) for _, n in names]
    handles = [h for h in handles if h]
    flat = frozenset(w for n in handles for w in n)
    return SentenceReading(
        frame,
        words,
        tuple(handles),
        frozenset(places) & flat,
        frozenset(lemmas),
        frozenset(negated),
        _denied(tokens),
        forms,
        frozenset(doing),
        tuple(clause_at(int(q["start"])) for q in frame.get("quantities") or ()),
        tuple(clause_at(int(d["start"])) for d in frame.get("dates") or ()),
        denies=_falsity(tokens),
        modifiers=frozenset(modifiers),
    )


def read_parsed(
    parsed: Parsed, frames: Sequence[Mapping[str, Any]], start: int = 0, end: int | None = None
) -> Reading:
    """The reading of the sentences of ``parsed`` inside ``[start, end)`` with their frames
    (JSON, one per sentence of ``parsed``, offsets into ``parsed.text``)."""
    stop = len(parsed.text) if end is None else end
    out = []
    for sentence, frame in zip(parsed.sentences, frames, strict=True):
        if sentence.end <= start or sentence.start >= stop:
            continue
        out.append(read_sentence(parsed.tokens[sentence.first : sentence.last], frame))
    return Reading(tuple(out))


def title_words(title: str | None) -> frozenset[str]:
    """The words of a document title, in the form content words are compared in."""
    return frozenset(_key(w) for w in _WORD.findall(title or "") if w.lower() not in _LIGHT)


@dataclass(frozen=True)
class PassageCheck:
    """How one passage bears on a claim: ``stance`` (supports / refutes / neutral), the
    ``reason`` in a few words, the slot ``checks``, ``coverage`` (the share of the claim's
    content the passage states alike) and ``about`` (... states alike or differently)."""

    stance: str
    reason: str
    checks: tuple[SlotCheck, ...]
    coverage: float
    about: float

    @property
    def line(self) -> str:
        """Which slots agreed and which differed, in one line."""
        return describe_checks(self.checks, "claim", "passage")


def _antonym(claim: SentenceReading, passage: SentenceReading) -> SlotCheck | None:
    for word in sorted(claim.doing):
        for other in sorted(_OPPOSITES.get(word, ())):
            fresh = word not in passage.lemmas and other not in claim.lemmas
            if other in passage.doing and fresh:
                return SlotCheck("antonym", False, word, other)
    return None


#: Words of names that name no one in particular ("the River Ousel", "Dunmore City Council").
_GENERIC_NAMES = frozenset(
    _key(w)
    for w in str.split(
        """river lake mount st saint mr mrs ms dr lady sir lord city town county district
    borough council court hall church school street road centre center university college
    hospital park bridge station primary academy club party company group ltd plc inc
    national royal new north south east west"""
    )
)


def _names(
    claim: SentenceReading, passage: SentenceReading, title: frozenset[str]
) -> tuple[SlotCheck | None, list[tuple[str, ...]]]:
    """The name check and the claim's names the passage never names (a name is named when
    one of its distinctive words is: "Ruth Ekwueme" by "Ekwueme", "Calderon Biologics" by
    "Calderon", never "Kestrel District Council" by "Dunmore City Council")."""
    if not claim.names:
        return None, []
    theirs = frozenset(passage.words) | {w for n in passage.names for w in n} | title
    ours = frozenset(claim.words) | {w for n in claim.names for w in n}
    missing = [n for n in claim.names if not set(n) & theirs]
    extra = [n for n in passage.names if not set(n) & ours]
    if not missing:
        shown = "; ".join(" ".join(n) for n in claim.names)
        return SlotCheck("name", True, shown, shown), missing
    if not extra:
        return None, missing
    slot = "place" if any(set(n) & claim.places for n in missing) else "name"
    text_a = "; ".join(" ".join(n) for n in missing)
    return SlotCheck(slot, False, text_a, "; ".join(" ".join(n) for n in extra)), missing


_LIGHT_PREDICATES = frozenset(("be", "have", "do"))


def _polarity(claim: SentenceReading, passage: SentenceReading, coverage: float) -> bool | None:
    """Whether the passage states the claim's proposition with the same polarity (None: it
    does not say): the frames' polarity when they share the predicate, else the negation of
    the claim's predicate in the passage, else (when the passage covers the claim) the
    frames' polarity."""
    pred = str(claim.frame.get("predicate") or "").lower()
    mine = claim.frame.get("polarity") == "positive"
    theirs = (passage.frame.get("polarity") == "positive") != bool(passage.denies)
    if pred and pred == str(passage.frame.get("predicate") or "").lower():
        return mine == theirs
    if pred and pred not in _LIGHT_PREDICATES and pred in passage.lemmas:
        return mine != ((pred in passage.negated) != bool(passage.denies))
    if coverage >= SUPPORT_COVERAGE:
        return mine == theirs
    return None


def _slot_units(
    claim: SentenceReading, passage: SentenceReading, slot: str
) -> list[tuple[int, bool | None]]:
    """Each claim quantity (or date) with its clause and whether the passage states it
    alike (True), differently (False) or not at all (None: also when the claim's figure is
    not the passage's first figure for the same thing but a later one, its comparison; the
    same for dates)."""
    items = list(claim.frame.get(slot) or ())
    clauses = claim.quantity_clauses if slot == "quantities" else claim.date_clauses
    out: list[tuple[int, bool | None]] = []
    theirs = list(passage.frame.get(slot) or ())
    for item, clause in zip(items, clauses, strict=False):
        said = [
            c.agrees
            for other in theirs
            for c in compare_frames({slot: [item]}, {slot: [other]}, bounds=True)
        ]
        if said and not said[0] and any(said):
            # "612 million, up from 583 million", "evacuated on 11 August ... allowed back on
            # 13 August": the claim's figure or date is only the passage's second one (a
            # comparison, another event), not the one it states first: neither alike nor
            # different
            out.append((clause, None))
        else:
            out.append((clause, any(said) if said else None))
    return out


def _actor(claim: SentenceReading, passage: SentenceReading) -> SlotCheck | None:
    """Who does the main thing, by name: differs when both subjects are named (a name of the
    sentence) and share no distinctive word ("Kestrel Textiles" / "Dunmore District
    Council"); a subject without a name ("the company", "bus drivers") is not compared."""

    def named(reading: SentenceReading) -> tuple[str, set[str]]:
        handles = {w for n in reading.names for w in n}
        actors = [str(a) for a in reading.frame.get("actors") or ()]
        words = {_key(w) for a in actors for w in _WORD.findall(a)} & handles
        return "; ".join(actors), words

    text_a, ours = named(claim)
    text_b, theirs = named(passage)
    if not ours or not theirs:
        return None
    return SlotCheck("actor", bool(ours & theirs), text_a, text_b)


def _share(units: Sequence[tuple[int, bool | None]], clause: int | None = None) -> float:
    """The share of the units (of one clause) the passage states alike."""
    mine = [ok for c, ok in units if clause is None or c == clause]
    return sum(1 for ok in mine if ok) / len(mine) if mine else 1.0


def _check_sentence(
    claim: SentenceReading,
    passage: SentenceReading,
    title: frozenset[str],
    supports: float,
    matcher: WordMatcher | None,
) -> PassageCheck:
    seen = frozenset(passage.words) | title
    antonym = _antonym(claim, passage)
    actor = _actor(claim, passage)
    if matcher is not None:
        unseen = {k: w for k, w in claim.forms.items() if k not in seen and k in claim.words}
        if antonym is not None:
            unseen.pop(_key(antonym.a), None)
        seen |= set(matcher.matches(unseen, passage.forms.values()))
    predicate = _key(str(claim.frame.get("predicate") or ""))
    stated = not predicate or predicate in _LIGHT_PREDICATES or predicate in seen
    if antonym is not None and not (
        stated or _key(antonym.a) == predicate or antonym.a in claim.modifiers
    ):
        # an opposite verb outside the claim's proposition ("... before it was shut" against
        # "reopened") says nothing about it; the predicate's own opposite or a direction
        # word ("upstream" / "downstream") does
        antonym = None
    name, missing = _names(claim, passage, title)
    gone = {w for n in missing for w in n}
    words = [(key, clause) for key, clause in claim.words.items()]
    units: list[tuple[int, bool | None]] = [
        (clause, True if key in seen and key not in gone else None) for key, clause in words
    ]
    units += _slot_units(claim, passage, "quantities") + _slot_units(claim, passage, "dates")
    n = max(1, len(units))
    coverage = _share(units)
    checks = [
        c
        for c in compare_frames(claim.frame, passage.frame, bounds=True)
        if c.slot not in ("actor", "polarity")
    ]
    same = _polarity(claim, passage, coverage)
    denied = sorted(set(claim.words) & passage.denied)
    if denied:
        checks.insert(0, SlotCheck("polarity", False, denied[0], f"not {denied[0]}"))
    elif same is not None:
        theirs = f"negative ({passage.denies})" if passage.denies else polarity_text(passage.frame)
        checks.insert(0, SlotCheck("polarity", same, polarity_text(claim.frame), theirs))
    differing_words = set(gone if name is not None and not name.agrees else ())
    if antonym is not None:
        checks.append(antonym)
        differing_words.add(_key(antonym.a))
    if name is not None:
        checks.append(name)
    if actor is not None and (name is None or name.agrees or actor.agrees):
        checks.append(actor)
    if name is not None and not name.agrees:
        # a swapped name counts where the rest of its clause is stated alike
        clauses = {claim.words.get(w) for w in gone} - {None}
        rest_units = [
            (c, ok) for (key, c), (_, ok) in zip(words, units, strict=False) if key not in gone
        ]
        if not any(_share(rest_units, c) >= ABOUT_COVERAGE for c in clauses if c is not None):
            checks.remove(name)
    stated_or_not = sum(1 for _, ok in units if ok is not None)
    about = min(1.0, (stated_or_not + len(differing_words & set(claim.words))) / n)
    differing = [c.slot for c in checks if not c.agrees]
    covered = sum(1 for _, ok in units if ok)
    rest = covered / max(1, n - sum(1 for _, ok in units if ok is False) - len(differing_words))
    # a swapped name, actor or figure refutes only a claim about the same event: the
    # claim's predicate (or a near word) is the passage's too ("earn £60,000 a week" is not
    # refuted by "cost £12.5 million")
    by_name = set(differing) <= {"name", "place", "actor", "number"}
    if len(set(differing)) == 1 and rest >= ABOUT_COVERAGE and (stated or not by_name):
        return PassageCheck("refutes", f"{differing[0]} differs", tuple(checks), coverage, about)
    slots_said = all(ok for _, ok in units[len(words) :])
    if not differing and not missing and slots_said:
        each = all(_share(units, k) >= 0.5 for k in {c for c, _ in units})
        if coverage >= SUPPORT_COVERAGE and each and stated:
            return PassageCheck("supports", "covers the claim", tuple(checks), coverage, about)
        if about >= ABOUT_COVERAGE and supports >= 0.5 and each and stated:
            return PassageCheck(
                "supports", "about the claim, stance supports", tuple(checks), coverage, about
            )
    reason = "not about the claim" if about < ABOUT_COVERAGE else "does not settle the claim"
    return PassageCheck("neutral", reason, tuple(checks), coverage, about)


_RANK = {"refutes": 2, "supports": 1, "neutral": 0}


def check_passage(
    claim: Reading,
    passage: Reading,
    title: Iterable[str] = (),
    *,
    supports: float = 0.0,
    matcher: WordMatcher | None = None,
) -> PassageCheck:
    """How ``passage`` (its sentences, its title's words) bears on ``claim`` (one sentence);
    ``supports``: the stance model's probability that the passage supports the claim;
    ``matcher``: counts a claim word as stated when the passage has a near word.
    Of several sentences, the one most about the claim speaks."""
    heard = frozenset(title)
    if not claim.sentences or not passage.sentences:
        return PassageCheck("neutral", "nothing to compare", (), 0.0, 0.0)
    c = claim.sentences[0]
    checks = [_check_sentence(c, s, heard, supports, matcher) for s in passage.sentences]
    return max(checks, key=lambda k: (k.about, _RANK[k.stance], k.coverage))
