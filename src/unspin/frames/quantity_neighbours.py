"""What a number's neighbour words tell the quantity scanner
(:mod:`unspin.frames.quantities`): a plural noun right after it, the noun a vague
magnitude counts ("dozens of protesters"), a plural it modifies a few words on, and a
preposition before it that is no qualifier ("curious about two agents")."""

from __future__ import annotations

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.frames.quantity_context import counted_unit, noun_after
from unspin.frames.quantity_figures import age_bound
from unspin.frames.quantity_patterns import (
    ABOUT_TOPIC_VERBS,
    ABOUT_VERBS,
    CURRENCY_WORD,
    CURRENCY_WORD_CODES,
    OF,
    PREPOSITIONS,
    TIME_NOUNS,
)
from unspin.nlp import Parsed, Token

__all__ = ["far_head", "of_noun", "plural_next", "preposition_before"]


def plural_next(parsed: Parsed, end: int) -> bool:
    """A plural noun, not of time, follows the number ending at ``end``: what it counts
    ("the ages of 12 suspects"), so no age."""
    k = parsed.token_at(end - 1)
    nxt = parsed.tokens[k + 1] if k is not None and k + 1 < len(parsed.tokens) else None
    return nxt is not None and nxt.tag == "NNS" and nxt.lemma.lower() not in TIME_NOUNS


def of_noun(
    text: str, parsed: Parsed, end: int, label: str, score: float
) -> tuple[str, str | None, float, int]:
    """ "dozens of protesters", "millions of dollars": what a vague magnitude counts."""
    om = OF.match(text, end)
    if om is None:
        return label, None, score, end
    cw = CURRENCY_WORD.match(text, om.end() - 1)
    if cw:
        u = " ".join(cw["u"].split())
        return "money", CURRENCY_WORD_CODES.get(u.lower(), u.upper()), 0.8, cw.end()
    k = parsed.token_at(om.end())
    if k is None:
        return label, None, score, end
    # "dozens of armed men", "millions of manufacturing jobs", "tens of millions of
    # Dutch and Belgian voters"
    noun = noun_after(parsed, k, reach=5, proper=True)  # "of House Democrats"
    if noun is not None:
        if noun.lemma.lower() in TIME_NOUNS:
            return label, None, score, end
        return "count", counted_unit(noun), 0.75, noun.end
    return label, None, score, end


def far_head(parsed: Parsed, num: Token) -> bool:
    """The number (not "one") modifies a plural noun four to six words on, and only
    nouns, adjectives, nationalities, hyphens and "and" stand between."""
    toks = parsed.tokens
    if num.dep != "nummod" or not 3 < num.head - num.i <= 6 or num.lower == "one":
        return False  # "without even one grand-jury summons": no count worth checking
    if toks[num.head].tag not in ("NNS", "NNPS"):
        return False
    return all(
        b.pos in ("NOUN", "ADJ")
        or b.lower == "and"
        or (b.tag == "HYPH" and parsed.text[b.start - 1] != " ")  # no dash: "children - citizens"
        or b.ent_type == "NORP"
        or (b.pos == "VERB" and b.dep == "amod")  # "300 work-related files"
        for b in toks[num.i + 1 : num.head]
    )  # "one or more such sites": no count either


def preposition_before(parsed: Parsed, char: int) -> bool:
    """The word at ``char`` heads a prepositional phrase ("curious about two agents",
    "ruled over two seats"): no qualifier of the number. So does "about" right after a
    verb of speaking or thinking whose object the counted noun is ("testified about
    three bishops"; "said about 40 people died" keeps its approximation), or after a
    verb of writing or reading before a count of people ("wrote about three women";
    "wrote about 300 letters" and "sold about 40 cars" keep theirs)."""
    k = parsed.token_at(char)
    t = parsed.tokens[k] if k is not None else None
    if t is None or t.lower not in PREPOSITIONS:
        return False
    if t.dep == "prep":
        # "voters under 30": the bound of an age group; "said around three-and-a-half
        # thousand people came": a "preposition" with no object is the number's qualifier
        return not age_bound(parsed, t.i) and any(
            c.dep in ("pobj", "pcomp") for c in parsed.children(t.i)
        )
    toks = parsed.tokens
    if t.lower != "about" or t.i == 0 or t.i + 1 >= len(toks):
        return False
    verb = toks[t.i - 1]
    noun = toks[toks[t.i + 1].head]
    lemma = verb.lemma.lower()
    people = noun.lower in PEOPLE_NOUNS or noun.ent_type == "NORP"
    return (
        verb.pos == "VERB"
        and (lemma in ABOUT_VERBS or (lemma in ABOUT_TOPIC_VERBS and people))
        and noun.head == verb.i
        and noun.dep in ("dobj", "pobj", "attr", "npadvmod")
    )
