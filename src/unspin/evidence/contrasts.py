"""Three ways a passage says the opposite of a claim without an opposite verb
(:mod:`unspin.evidence.frame_checks` reads them as an antonym):

* **judgement**: the claim praises a thing ("Inspectors praised the science teaching")
  and the passage judges that thing badly ("science teaching was inconsistent"), or the
  claim criticises it and the passage judges it well; the thing is the same common noun
  (and the claim's words before it, "science", are the passage's too) and the claim's
  judge ("Inspectors") is named in the passage;
* **difference / likeness**: the claim compares two sides ("complaints were more common
  in Ardley than in Corran") and the passage says they are alike ("complaints came at
  similar rates in both towns", "the numbers were the same in the two groups"); a bound
  ("more than 200") compares nothing;
* **paid / free**: the claim says a fee or price was paid or charged for a thing
  ("paid a transfer fee", "charged an entry fee") and the passage gives that thing free
  ("a free transfer", "free entry").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from unspin.frames import SlotCheck
from unspin.nlp import Token

__all__ = ["Contrasts", "contrast", "read_contrasts"]

_PRAISE = frozenset(str.split("praise commend applaud hail laud"))
_BLAME = frozenset(str.split("criticise criticize condemn fault censure"))
_GOOD = frozenset(str.split("good excellent outstanding strong effective impressive exemplary"))
_BAD = frozenset(
    str.split("poor weak inconsistent inadequate unsatisfactory bad ineffective substandard")
)
_ALIKE = frozenset(str.split("similar same equal comparable identical"))
#: Nouns that measure how much or how often ("similar rates", "the same level").
_MEASURES = frozenset(
    str.split("rate level number share proportion percentage frequency amount risk degree")
)
#: Words that say a likeness holds between two sides ("in both groups", "the two towns").
_SIDES = frozenset(("both", "two", "each", "either"))
#: Words after "than" that make a bound or an idiom, not a comparison of two sides ("more
#: than a year", "more than double", "more likely than not", "more than enough").
_BOUNDS = frozenset(str.split("a an one half double twice enough not ever usual expected"))
_EMPHATIC = frozenset(("no", "nothing", "little"))
_PAYMENT_NOUNS = frozenset(str.split("fee price fare payment"))


#: A judged thing: its noun, the words before it, "+" or "-", the judging word and who
#: judges (the lemma and form of the subject of "praised"; none for "X was poor").
Judgement = tuple[str, frozenset[str], str, str, frozenset[str]]


@dataclass(frozen=True)
class Contrasts:
    """What one sentence says of judgement, likeness and payment (see the module)."""

    #: each judged thing as (its noun, the words before it, "+" or "-", the judging word)
    judged: tuple[Judgement, ...] = ()
    #: the word a comparison with "than" compares ("more common": common), else ""
    compares: str = ""
    #: the word saying two sides are alike ("similar"), else ""
    alike: str = ""
    #: the nouns given free ("a free transfer": transfer) as lemmas
    free: frozenset[str] = frozenset()
    #: the payment words said, not negated ("paid", "fee"), as lemmas
    paid: frozenset[str] = frozenset()
    #: whether it compares anything at all ("further than was reported"; not "rather than")
    than: bool = False


def _thing(noun: Token, tokens: Sequence[Token]) -> tuple[str, frozenset[str]]:
    words = frozenset(
        t.lemma.lower() for t in tokens if t.head == noun.i and t.dep in ("compound", "amod")
    )
    return noun.lemma.lower(), words


def _judged(tokens: Sequence[Token], by_i: Mapping[int, Token]) -> list[Judgement]:
    out: list[Judgement] = []
    negated = {t.head for t in tokens if t.dep == "neg"}
    for t in tokens:
        head = by_i.get(t.head)
        if head is None or head.i == t.i or head.i in negated or t.pos != "NOUN":
            continue  # a thing, not a person by name ("praised Duke")
        lemma = head.lemma.lower()
        sign = "+" if lemma in _PRAISE else "-" if lemma in _BLAME else ""
        if sign and t.dep in ("dobj", "nsubjpass"):
            judge = {
                form
                for u in tokens
                if u.head == head.i and u.dep == "nsubj"
                for form in (u.lemma.lower(), u.lower)
            }
            out.append((*_thing(t, tokens), sign, lemma, frozenset(judge)))
        if t.dep == "nsubj" and lemma == "be":
            for adj in tokens:
                word = adj.lemma.lower()
                if adj.head == head.i and adj.dep == "acomp" and word in _GOOD | _BAD:
                    out.append(
                        (*_thing(t, tokens), "+" if word in _GOOD else "-", word, frozenset())
                    )
    return out


def _compares(tokens: Sequence[Token], by_i: Mapping[int, Token]) -> str:
    """ "were more common among A than in B": common; "fewer homes ... than": few;
    "more than 200", "more than a year", "no less than": nothing."""
    for t in tokens:
        if t.tag not in ("JJR", "RBR") or t.lower in ("rather", "other"):
            continue
        if (by_i.get(t.i - 1) or t).lower in _EMPHATIC:
            continue  # "no less than", "little more than"
        than = next((u for u in tokens if u.i > t.i and u.lower == "than"), None)
        after = by_i.get(than.i + 1) if than is not None else None
        if than is None or after is None or after.lower in _BOUNDS:
            continue
        if after.pos in ("NUM", "SYM") or after.tag == "$":
            continue  # "more than 200", "more than $2,000"
        head = by_i.get(t.head)
        if t.dep == "advmod" and head is not None and head.pos in ("ADJ", "ADV"):
            return head.lemma.lower()
        return t.lemma.lower()
    return ""


def _alike(tokens: Sequence[Token], by_i: Mapping[int, Token]) -> str:
    """ "at similar rates in both groups": "similar" (a likeness of a measure, or said of
    the subject, between two sides)."""
    if not any(t.lower in _SIDES for t in tokens):
        return ""
    for t in tokens:
        if t.lemma.lower() not in _ALIKE or t.dep not in ("amod", "acomp"):
            continue
        head = by_i.get(t.head)
        if t.dep == "acomp" or (head is not None and head.lemma.lower() in _MEASURES):
            return t.lower
    return ""


def read_contrasts(tokens: Sequence[Token]) -> Contrasts:
    """The judgements, comparison, likeness and payments of one sentence's tokens."""
    by_i = {t.i: t for t in tokens}
    negated = {t.head for t in tokens if t.dep == "neg" or t.lower in ("no", "without")}
    free = frozenset(
        by_i[t.head].lemma.lower()
        for t in tokens
        if t.lower == "free" and t.dep == "amod" and t.head in by_i and t.head != t.i
    )
    nouns = {t.lemma.lower() for t in tokens if t.pos == "NOUN" and t.i not in negated}
    verbs = {t.lemma.lower(): t.i for t in tokens if t.pos == "VERB"}
    paid = nouns & _PAYMENT_NOUNS
    # "paid", and "charged" with a fee or price ("charged with theft" is no payment)
    paid |= {v for v in ("pay", "charge") if v in verbs and (v == "pay" or paid)}
    if any(verbs[v] in negated for v in ("pay", "charge") if v in verbs):
        paid = set()  # "did not pay a fee"
    than = any(
        t.lower == "than" and (by_i.get(t.i - 1) or t).lower not in ("rather", "other")
        for t in tokens
    )
    judged = tuple(_judged(tokens, by_i))
    return Contrasts(
        judged, _compares(tokens, by_i), _alike(tokens, by_i), free, frozenset(paid), than
    )


def contrast(
    claim: Contrasts,
    passage: Contrasts,
    claim_lemmas: frozenset[str],
    passage_lemmas: frozenset[str],
) -> SlotCheck | None:
    """The antonym check of a passage that says the opposite by judgement, likeness or
    payment (None: it does not); ``claim_lemmas``, ``passage_lemmas``: their lemmas."""
    for noun, before, sign, word, judge in claim.judged:
        if judge and not judge & passage_lemmas:
            continue  # the passage's judgement is not the claim's judge's ("Inspectors")
        for other, their_before, their_sign, their_word, _ in passage.judged:
            if other == noun and before <= their_before | {other} and sign != their_sign:
                return SlotCheck("antonym", False, word, f"{their_word} {other}")
    if claim.compares and passage.alike and not passage.than:
        return SlotCheck("antonym", False, claim.compares, passage.alike)
    given = passage.free & claim_lemmas
    if claim.paid and given and not passage.paid:
        word = "pay" if "pay" in claim.paid else sorted(claim.paid)[0]
        return SlotCheck("antonym", False, word, f"free {sorted(given)[0]}")
    return None
