"""How a claim or an evidence passage is read for the frame checks
(:mod:`unspin.evidence.frame_checks`): sentence by sentence, its frame (JSON), content
words (lemmas compared on their first five letters, a final "e" dropped: :func:`word_key`)
with the clause each stands in, names by their distinctive words (codes such as "CB-214"
too), places, the names that stand in a place phrase ("in Carden"), the names of buildings
and sites with their kind word ("Wexmoor Town Hall"), negated verbs (also those stopped:
"stopped making cloth"), phrasal verbs ("turn down", "point to"), words set aside ("rather
than X"), a falsity word ("Reports that X are false"), the verb each figure and date hangs
from and whether a figure is given as a comparison ("up from 583"), each name's kind noun
("The CB-214 results": results) and the nouns said with a bare "the", the verb a support
verb says with a noun made of it ("won re-election": elect); a capitalised plural opening
the sentence ("Inspectors praised ...") is a common noun, not a name, "took place" says
only that it happened and "kept going" that it went on; the sentence's judgements,
comparison, likeness and payments (:mod:`.contrasts`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unspin.evidence.contrasts import Contrasts, read_contrasts
from unspin.evidence.opposites import VERBS_ONLY
from unspin.evidence.synonyms import bases
from unspin.nlp import Parsed, Token

__all__ = [
    "GENERIC_NAMES",
    "SITE_WORDS",
    "WORD",
    "Reading",
    "SentenceReading",
    "read_parsed",
    "read_sentence",
    "title_words",
    "word_key",
]

_CONTENT = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "ADV"))
#: Lemmas that carry no content of their own.
_LIGHT = frozenset(
    str.split(
        """be have do say will would can could may might must shall should also still just
    only even then there here now so very too much many other such more most
    per cent percent year day week month time"""
    )
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: A code name: capital letters then digits ("CB-214", "A380", "M25").
_CODE = re.compile(r"[A-Z][A-Za-z]*-?\d[\dA-Za-z-]*")


def word_key(lemma: str) -> str:
    """The form words are compared in: lower case, at most five letters."""
    w = lemma.lower().replace("’", "'").removesuffix("'s")
    # a final e dropped first: "fine" and the lemma "fin" a small tagger gives "fined"
    return (w[:-1] if len(w) > 3 and w.endswith("e") else w)[:5]


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
    #: whether each quantity is given as a comparison ("up from 583", "compared with 97")
    baselines: tuple[bool, ...] = ()
    #: the nouns that figures count ("two libraries": libra), stated like words
    counted: frozenset[str] = frozenset()
    #: phrasal verbs as "turn down", "point to" (verb lemma and particle or preposition)
    phrasal: frozenset[str] = frozenset()
    #: whether each date belongs to a comparison figure ("down from 38.9 per cent at the
    #: previous election in 2020")
    date_baselines: tuple[bool, ...] = ()
    #: the verb each quantity (date) hangs from, as compared ("evacu" for "evacuated on 11
    #: August"; "" when none)
    quantity_verbs: tuple[str, ...] = ()
    date_verbs: tuple[str, ...] = ()
    #: the word that calls the sentence's own content false ("Reports that X are false")
    denies: str = ""
    #: lemmas of its adjectives, adverbs and prepositions ("upstream", "below", "higher")
    modifiers: frozenset[str] = frozenset()
    #: the names of buildings and sites (all their words), each with its kind word
    #: ("Wexmoor Town Hall": (("wexmo", "town", "hall"), "hall"); :data:`SITE_WORDS`)
    sites: tuple[tuple[tuple[str, ...], str], ...] = ()
    #: the distinctive words of the names that stand in a place phrase ("in Carden", "at
    #: the Tessby gauge", "near the village of Marsby")
    located: frozenset[str] = frozenset()
    #: each name's kind noun: the common noun it modifies ("the CB-214 results": resul) or
    #: its own last word when that is a kind word ("Holloway Academy": acade)
    kinds: Mapping[tuple[str, ...], str] = field(default_factory=dict)
    #: the nouns said with "the" and no name or modifier of their own ("The results",
    #: "the academy"): what a definite description may refer to
    definite: frozenset[str] = frozenset()
    #: verbs that say no more than "happen" with their bare object ("took place"): light
    idioms: frozenset[str] = frozenset()
    #: a support verb with a noun made of a verb as its object, as (support verb, that
    #: verb): "won re-election" (win, elect), "gave approval" (give, approve)
    nominal: frozenset[tuple[str, str]] = frozenset()
    #: its judgements, comparison, likeness and payments (:mod:`.contrasts`)
    contrasts: Contrasts = field(default_factory=Contrasts)


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


#: Words that put a figure under a mark it did not reach ("peaked at 3.91 metres, below
#: the 2007 record", "short of the 50 per cent target"); "short" / "shy" with "of".
_SHORT_OF = frozenset(("below", "short", "shy"))


def _fell_short(tokens: Sequence[Token]) -> set[str]:
    """The mark a sentence says was not reached: the noun (with its compounds) after
    "below", "short of" or "shy of" when its phrase holds a figure or year ("below the 2007
    record of 4.05 metres" -> record; not "the path below the bridge")."""
    by_i = {t.i: t for t in tokens}
    out: set[str] = set()
    for t in tokens:
        if t.lower not in _SHORT_OF:
            continue
        prep = t if t.lower == "below" else by_i.get(t.i + 1)
        if prep is None or (prep is not t and prep.lower != "of"):
            continue
        for noun in tokens:
            if noun.head != prep.i or noun.dep != "pobj" or noun.pos not in ("NOUN", "PROPN"):
                continue
            if any(u.pos == "NUM" and _leads_to(u, noun.i, by_i) for u in tokens):
                words = [noun, *(u for u in tokens if u.head == noun.i and u.dep == "compound")]
                out |= {word_key(u.lemma) for u in words if WORD.fullmatch(u.text)}
    return out


def _leads_to(u: Token, target: int, by_i: Mapping[int, Token]) -> bool:
    """Whether ``u`` is ``target`` or its heads lead to it (within the sentence)."""
    cur: Token | None = u
    for _ in range(20):
        if cur is None or cur.i == target:
            return cur is not None
        cur = by_i.get(cur.head) if cur.head != cur.i else None
    return False


def _denied(tokens: Sequence[Token]) -> frozenset[str]:
    """The content words a sentence sets aside: "over rostering rather than pay" -> pay;
    "below the 2007 record" -> record (:func:`_fell_short`)."""
    out: set[str] = _fell_short(tokens)
    for k in range(len(tokens) - 1):
        pair = f"{tokens[k].lower} {tokens[k + 1].lower}"
        if pair not in ("rather than", "instead of"):
            continue
        for t in tokens[k + 2 :]:
            if t.pos == "PUNCT" or t.dep in ("cc", "mark"):
                break
            if t.pos in _CONTENT:
                out.add(word_key(t.lemma))
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


#: "up from X" says a thing rose from X, "down from X" that it fell.
_MOVED = {"up": "rise", "down": "fall"}
#: Verbs that stop a proposal: "an amendment to reopen the libraries was defeated".
_THWARTING = frozenset(
    str.split("""defeat reject block withdraw drop scrap abandon veto overturn quash shelve""")
)


def _thwarted(tokens: Sequence[Token]) -> frozenset[str]:
    """The verbs of proposals a sentence says were stopped ("an amendment to reopen two
    libraries was defeated", "the council rejected a plan to close the pool": reopen,
    close): they are negated."""
    out: set[str] = set()
    for t in tokens:
        if t.pos != "VERB" or t.lemma.lower() not in _THWARTING:
            continue
        for noun in tokens:
            if noun.head != t.i or noun.dep not in ("nsubjpass", "dobj", "nsubj"):
                continue
            for verb in tokens:
                infinitive = any(a.head == verb.i and a.dep == "aux" for a in tokens)
                if verb.head == noun.i and verb.dep == "acl" and infinitive:
                    out.add(verb.lemma.lower())
    return frozenset(out)


#: Verbs that end what their complement says: "stopped making cloth" (no longer makes it),
#: "ceased to operate"; "stopped to talk" (a purpose) is not.
_CEASING = frozenset(("stop", "cease", "quit"))


def _ceased(tokens: Sequence[Token]) -> frozenset[str]:
    """The verbs a sentence says were stopped ("stopped making cloth": make): negated."""
    by_i = {t.i: t for t in tokens}
    out: set[str] = set()
    for t in tokens:
        verb = by_i.get(t.head)
        if t.dep != "xcomp" or t.pos != "VERB" or verb is None or verb.i == t.i:
            continue
        to = any(a.head == t.i and a.dep == "aux" and a.lower == "to" for a in tokens)
        if verb.lemma.lower() in _CEASING and (verb.lemma.lower() == "cease" or not to):
            out.add(t.lemma.lower())
    return frozenset(out)


def _baseline(tokens: Sequence[Token], start: int) -> bool:
    """Whether the quantity at ``start`` is given as a comparison: in a phrase opened by
    "from", "than", "versus" or "compared with / to" ("up from 583", "compared with an
    average of 71")."""
    before = [t for t in tokens if t.end <= start][-6:]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.lower in ("from", "than", "versus"):
            return True
        if t.lower in ("with", "to") and k > 0 and before[k - 1].lower == "compared":
            return True
        if t.pos in ("PUNCT", "VERB", "AUX", "CCONJ", "SCONJ"):
            return False
    return False


#: Prepositions that place a thing ("in Carden", "from Halvering to Dunmore").
_PLACING = frozenset(
    str.split(
        """in at near from to into through outside inside across around towards toward via
    off onto along beside within between"""
    )
)


def _in_place_phrase(token: Token, by_i: Mapping[int, Token]) -> bool:
    """Whether a name's word stands in a place phrase: the object of a placing preposition,
    or a word of the phrase's noun ("at the Tessby gauge", "near the village of Marsby")."""
    cur = token
    for _ in range(8):
        head = by_i.get(cur.head)
        if head is None or head.i == cur.i:
            return False
        if cur.dep == "pobj":
            if head.lower in _PLACING:
                return True
            if head.lower != "of" or head.head not in by_i:
                return False
            head = by_i[head.head]  # "the village of Marsby": the village's phrase
        elif cur.dep not in ("compound", "appos", "poss", "case"):
            return False
        cur = head
    return False


#: Verb + bare noun idioms that say only that something happened ("the trial took place at
#: nine clinics"), as verb lemma and noun.
_HAPPENED = frozenset((("take", "place"),))


def _idioms(tokens: Sequence[Token]) -> set[int]:
    """The token indices of the "took place" idioms of a sentence (verb and noun) and of
    "kept going" (verb and its complement: it went on)."""
    by_i = {t.i: t for t in tokens}
    with_det = {t.head for t in tokens if t.dep == "det"}
    out: set[int] = set()
    for u in tokens:
        verb = by_i.get(u.head)
        if u.dep != "dobj" or u.i in with_det or verb is None:
            continue
        if (verb.lemma.lower(), u.lower) in _HAPPENED:
            out |= {verb.i, u.i}
    for u in tokens:  # "the routes it kept going": that they went on, no more
        verb = by_i.get(u.head)
        if u.dep == "xcomp" and u.lemma.lower() == "go" and verb and verb.lemma.lower() == "keep":
            out |= {verb.i, u.i}
    return out


#: Adverbs that a small tagger gives a phrasal verb's particle as ("are going up 5 per
#: cent": advmod): right after their verb they are its particle.
_PARTICLES = frozenset(str.split("up down out off back over away"))

#: Verbs that with a noun made of a verb as object say that verb ("won re-election": was
#: re-elected; "gave approval": approved; "carried out an inspection": inspected).
SUPPORT_VERBS = frozenset(
    str.split("""win make take give get gain secure receive reach hold conduct carry undergo""")
)


def _nominal(tokens: Sequence[Token]) -> frozenset[tuple[str, str]]:
    """Each support verb with the verbs its object noun may be made of ("won re-election":
    (win, elect); "gave approval": (give, approve); "won a prize": none)."""
    by_i = {t.i: t for t in tokens}
    out: set[tuple[str, str]] = set()
    for t in tokens:
        verb = by_i.get(t.head)
        if t.pos != "NOUN" or t.dep != "dobj" or verb is None or verb.i == t.i:
            continue
        if verb.pos == "VERB" and verb.lemma.lower() in SUPPORT_VERBS and WORD.fullmatch(t.text):
            noun = t.lemma.lower()
            out |= {(verb.lemma.lower(), b) for b in bases(noun) - {noun}}
    return frozenset(out)


def _capitalised_plural(token: Token, tokens: Sequence[Token]) -> bool:
    """A plural common noun that a small tagger reads as a name only because it opens the
    sentence ("Inspectors praised ...", "Residents said ..."): the first word, one word, a
    lower-case plural ending, no entity type and no name after it."""
    first = next((t for t in tokens if WORD.fullmatch(t.text)), None)
    after = next((t for t in tokens if t.i == token.i + 1), None)
    text = token.text
    return (
        first is token
        and not token.ent_type
        and (after is None or after.pos != "PROPN")
        and len(text) > 4
        and text[1:].islower()
        and text.endswith("s")
        and not text.endswith(("ss", "us", "is"))
    )


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
    idioms = _idioms(tokens)
    for t in tokens:
        lemma = t.lemma.lower()
        lemmas.update((lemma, t.lower))
        after = by_i.get(t.i + 1)
        if t.lower in _MOVED and after is not None and after.lower == "from":
            doing.add(_MOVED[t.lower])  # "up from 'requires improvement'": it rose
        if t.pos in ("VERB", "ADJ", "ADV", "ADP") or lemma in VERBS_ONLY:
            doing.update((lemma, t.lower))
        if t.pos in ("ADJ", "ADV", "ADP"):
            modifiers.update((lemma, t.lower))
        if t.lower in _NEGATIONS and t.dep in ("neg", "advmod") and t.head in by_i:
            negated.add(by_i[t.head].lemma.lower())
        if any(s <= t.start < e for s, e in spans):
            continue  # numbers and dates have their own slots
        if _CODE.fullmatch(t.text):
            # a product or model code ("CB-214", "A380") names one thing
            words.setdefault(t.lower, clause[t.i])
            names.append((t.i, (t.lower,)))
            continue
        if t.pos not in _CONTENT or lemma in _LIGHT or not WORD.fullmatch(t.text):
            continue
        if t.i in idioms:
            continue  # "took place" says only that it happened
        words.setdefault(word_key(t.lemma), clause[t.i])
        plain = t.pos != "PROPN" or _capitalised_plural(t, tokens)
        if plain:
            forms.setdefault(
                word_key(t.lemma), lemma.removesuffix("s") if t.pos == "PROPN" else lemma
            )
        if not plain and t.text[:1].isupper():
            if names and names[-1][0] == t.i - 1:
                names[-1] = (t.i, (*names[-1][1], word_key(t.text)))
            else:
                names.append((t.i, (word_key(t.text),)))
    places = {word_key(w) for p in frame.get("places") or () for w in WORD.findall(str(p))}
    located = frozenset(
        word_key(t.text)
        for t in tokens
        if t.pos == "PROPN" and _in_place_phrase(t, by_i) and word_key(t.text) not in GENERIC_NAMES
    )

    def clause_at(start: int) -> int:
        return next((clause[t.i] for t in tokens if t.start <= start < t.end), 0)

    # a comparison figure's phrase runs to the next punctuation ("down from 38.9 per cent at
    # the previous election in 2020")
    compared = []
    for q in frame.get("quantities") or ():
        if _baseline(tokens, int(q["start"])):
            stop = next(
                (t.start for t in tokens if t.start >= int(q["end"]) and t.pos == "PUNCT"),
                tokens[-1].end if tokens else 0,
            )
            compared.append((int(q["start"]), stop))

    def verb_at(start: int) -> str:
        cur = next((t for t in tokens if t.start <= start < t.end), None)
        for _ in range(50):
            if cur is None or cur.pos == "VERB":
                break
            cur = by_i.get(cur.head) if cur.head != cur.i else None
        return word_key(cur.lemma) if cur is not None else ""

    kinds: dict[tuple[str, ...], str] = {}
    for last, name in names:
        head = by_i.get(by_i[last].head)
        handle = tuple(w for w in name if w not in GENERIC_NAMES)
        modifier = by_i[last].dep in ("compound", "nummod", "nmod", "amod")
        if modifier and head is not None and head.pos == "NOUN":
            kinds[handle] = word_key(head.lemma)
        elif len(name) > 1 and name[-1] in GENERIC_NAMES | SITE_WORDS:
            kinds[handle] = name[-1]
    the = {u.head for u in tokens if u.dep == "det" and u.lower == "the"}
    modified = {u.head for u in tokens if u.dep in ("compound", "amod", "nmod", "poss")}
    definite = frozenset(
        word_key(t.lemma) for t in tokens if t.pos == "NOUN" and t.i in the - modified
    )
    handles = [tuple(w for w in n if w not in GENERIC_NAMES) for _, n in names]
    sites = tuple(
        (n, n[-1]) for h, (_, n) in zip(handles, names, strict=True) if h and n[-1] in SITE_WORDS
    )
    handles = [h for h in handles if h]
    flat = frozenset(w for n in handles for w in n)
    return SentenceReading(
        frame,
        words,
        tuple(handles),
        frozenset(places) & flat,
        frozenset(lemmas),
        frozenset(negated | _thwarted(tokens) | _ceased(tokens)),
        _denied(tokens),
        forms,
        frozenset(doing),
        tuple(clause_at(int(q["start"])) for q in frame.get("quantities") or ()),
        tuple(clause_at(int(d["start"])) for d in frame.get("dates") or ()),
        denies=_falsity(tokens),
        sites=sites,
        located=located,
        kinds=kinds,
        idioms=frozenset(by_i[i].lemma.lower() for i in idioms if by_i[i].pos == "VERB"),
        nominal=_nominal(tokens),
        contrasts=read_contrasts(tokens),
        definite=definite,
        modifiers=frozenset(modifiers),
        baselines=tuple(_baseline(tokens, int(q["start"])) for q in frame.get("quantities") or ()),
        quantity_verbs=tuple(verb_at(int(q["start"])) for q in frame.get("quantities") or ()),
        date_verbs=tuple(verb_at(int(d["start"])) for d in frame.get("dates") or ()),
        counted=frozenset(
            word_key(t.lemma)
            for t in tokens
            if t.pos == "NOUN"
            and any(a <= t.start < b for a, b in spans)
            and WORD.fullmatch(t.text)
        ),
        phrasal=frozenset(
            f"{by_i[t.head].lemma.lower()} {t.lower}"
            for t in tokens
            if t.head in by_i
            and (
                t.dep == "prt"
                or (t.dep == "prep" and by_i[t.head].pos == "VERB")
                or (t.dep == "advmod" and t.lower in _PARTICLES and t.i == t.head + 1)
            )
        ),
        date_baselines=tuple(
            any(a <= int(d["start"]) < b for a, b in compared) for d in frame.get("dates") or ()
        ),
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
    return frozenset(word_key(w) for w in WORD.findall(title or "") if w.lower() not in _LIGHT)


#: Words that end the name of a building or site ("Wexmoor Town Hall", "Corran Leisure
#: Centre"): two such names of one event are two places even when one holds a town's name.
SITE_WORDS = frozenset(
    word_key(w)
    for w in str.split(
        """hall centre center church school hospital station park bridge street road square
    stadium ground arena court college university academy library museum theatre airport
    port harbour market"""
    )
)

#: Words of names that name no one in particular ("the River Ousel", "Dunmore City Council").
GENERIC_NAMES = frozenset(
    word_key(w)
    for w in str.split(
        """river lake mount st saint mr mrs ms dr lady sir lord city town county district
    borough council court hall church school street road centre center university college
    hospital park bridge station primary academy club party company group ltd plc inc
    national royal new north south east west"""
    )
)
