"""What the words around a date expression tell the date scanner
(:mod:`unspin.frames.date_scanner`): whether its clause speaks of the future or tells of
the past, and the year an earlier date in the text stated."""

from __future__ import annotations

import re

from unspin.frames.date_patterns import (
    DAY_YEAR_RE,
    FUTURE_RE,
    MONTHS,
    YEAR_DATE_RE,
    YEAR_DATE_REACH,
)
from unspin.nlp import Parsed

__all__ = [
    "PLAIN_FUTURE_AUX",
    "future_at",
    "future_clause",
    "past_at",
    "same_day_before",
    "scheduled_at",
    "verb_above",
    "year_before",
]


#: Auxiliaries that put a clause in the future ("wo" is "won't" split by the tokenizer).
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going"})
#: The same without "would", which is as often the future of a past telling ("said the
#: boy would not face charges over the crash in February": last February).
PLAIN_FUTURE_AUX = _FUTURE_AUX - {"would"}

#: Verbs whose complement is in the future ("due to", "set to", "expected to").
_FUTURE_HEADS = frozenset({"go", "schedule", "expect", "set", "due", "plan", "intend"})

#: Modifiers of a noun that put what it names ahead of the telling ("the looming showdown",
#: "the planned vote"): a date right after that noun may be its, not the past verb's.
_AHEAD_MODIFIERS = frozenset(
    {"loom", "looming", "upcoming", "coming", "forthcoming", "impending", "planned",
     "plan", "scheduled", "schedule", "expected", "expect", "proposed", "propose",
     "anticipated", "anticipate", "pending", "next"}
)  # fmt: skip

#: Dependents that open a clause: a date before them belongs to the verb above the clause.
_CLAUSE_OPENERS = frozenset({"nsubj", "nsubjpass", "mark", "expl"})


def verb_above(parsed: Parsed, k: int, reach: int = 6) -> int:
    """The verb (else the root, or the word ``reach`` heads up) token ``k`` hangs on."""
    toks = parsed.tokens
    t = toks[k]
    for _ in range(reach):
        if t.pos in ("VERB", "AUX") or t.head == t.i:
            break
        t = toks[t.head]
    return t.i


def _joined_participle(parsed: Parsed, k: int) -> bool:
    """Whether token ``k`` is an "-ing" form with no subject and no conjunction of its own
    hung on a verb ("will close ... starting Monday", "will speak, opening the session on
    Friday"): what it tells happens when its verb's does, so it has that verb's tense
    ("after ... balloting" tells of another time)."""
    toks = parsed.tokens
    t = toks[k]
    return (
        t.tag == "VBG"
        and t.dep in ("prep", "advcl")
        and t.head != t.i
        and toks[t.head].pos in ("VERB", "AUX")
        and not any(c.dep in ("nsubj", "nsubjpass", "mark") for c in parsed.children(k))
    )


def future_clause(parsed: Parsed, k: int, auxes: frozenset[str] = _FUTURE_AUX) -> bool:
    """Whether the clause of token ``k`` speaks of the future: the verb it hangs on has
    "will", "would", "shall" or "'ll", or is what someone is "going", "due", "scheduled",
    "expected" or "set" to do."""
    toks = parsed.tokens
    t = toks[verb_above(parsed, k)]
    if t.dep == "ccomp" and t.head != t.i and toks[t.head].i < k:
        # "said on Friday (that) it will close": a date before the subject or "that"
        # of a reported clause is the reporting verb's, whatever the parser hung it on
        opens = [c.i for c in parsed.children(t.i) if c.dep in _CLAUSE_OPENERS]
        if opens and k < min(opens):
            t = toks[t.head]
    for _ in range(3):  # "is expected to vote on Thursday": the verb above counts too
        if any(c.dep in ("aux", "auxpass") and c.lower in auxes for c in parsed.children(t.i)):
            return True
        if _joined_participle(parsed, t.i):
            t = toks[t.head]  # "will close for six weeks starting Monday": close's tense
            continue
        if t.dep != "xcomp" or t.head == t.i:
            return False
        t = toks[t.head]
        if t.lemma.lower() in _FUTURE_HEADS:
            return True
    return False


#: Words that date by the day of the telling ("last week", "this month", "yesterday",
#: "two days ago"): after one, the text tells of its present again, not of the time a
#: year was stated for before it.
_TELLING_NOW = re.compile(
    r"\b(?:yesterday|today|tonight|(?:last|this|past)\s+(?:week(?:end)?|month|year|night)"
    r"|\w+\s+(?:days?|weeks?|months?|years?)\s+ago)\b",
    re.I,
)


def year_before(text: str, at: int, month: int) -> tuple[int, str] | None:
    """The year of the last date before ``at`` that states one ("Jan. 16, 2017" before
    "Jan. 17"), within :data:`YEAR_DATE_REACH` characters, and that date's words; a month
    more than half a year before the told one is in the next year ("Dec. 30, 2016" then
    "Jan. 2"). None when that date is a month and year, no day, and words that date by
    the day of the telling come between (:data:`_TELLING_NOW`: "took over in December
    2011. ... again last week, and has not been seen since September 3": this year's, not
    2011's); a whole date is as often the dateline the text is told from ("ROME, Feb. 2,
    2018 ... today ... a Jan. 15 interview")."""
    found = None
    for m in YEAR_DATE_RE.finditer(text, max(0, at - YEAR_DATE_REACH), at):
        found = m
    if found is None:
        return None
    if DAY_YEAR_RE.fullmatch(found.group()) is None and _TELLING_NOW.search(text, found.end(), at):
        return None
    year = int(found["year"] or found["year2"])
    told = MONTHS[(found["mon"] or found["mon2"]).rstrip(".").lower()]
    return (year + 1 if month < told - 6 else year), found.group()


def same_day_before(text: str, at: int, month: int, day: int) -> tuple[int, str] | None:
    """The year of the last date before ``at`` that states the same day and month with a
    year ("Sept. 11, 2001" before "after the Sept. 11 attacks"), and that date's words: a
    text that names a day with its year and then without means the same day."""
    found = None
    for m in DAY_YEAR_RE.finditer(text, 0, at):
        mon = (m["mon"] or m["mon2"]).rstrip(".").lower()
        told_day = int(re.sub(r"\D", "", m["day"] or m["day2"]))
        if MONTHS.get(mon) == month and told_day == day:
            found = m
    if found is None:
        return None
    return int(found["year"] or found["year2"]), found.group()


#: Words before a date that end a span at it ("could wait until Tuesday").
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|before)\s+(?:the\s+)?$", re.I)
#: Modals of what may yet happen ("will" and "would" are :data:`_FUTURE_AUX`'s to weigh).
_MAY_MODALS = frozenset({"can", "could", "may", "might", "must", "should", "ca"})


def _may_last_until(text: str, parsed: Parsed, k: int) -> bool:
    """Whether token ``k`` opens a date that ends what a modal says may yet last or wait
    ("some areas could wait until Tuesday", "may stay shut until Friday"): that date is
    ahead; with "have" ("could have waited until Tuesday") it is not."""
    at = parsed.tokens[k].start
    opens = parsed.tokens[k].lower in ("until", "till", "before")  # "until Tuesday" matched whole
    if not opens and not _UNTIL_BEFORE.search(text, max(0, at - 12), at):
        return False
    below = parsed.children(verb_above(parsed, k))
    return any(c.dep == "aux" and c.lower in _MAY_MODALS for c in below) and not any(
        c.dep == "aux" and c.lemma.lower() == "have" for c in below
    )


def future_at(text: str, parsed: Parsed, char: int, auxes: frozenset[str] = _FUTURE_AUX) -> bool:
    """Whether the clause of the expression at ``char`` speaks of the future
    (:func:`future_clause`, with the future auxiliaries ``auxes``), or a modal's span
    ends at it ("could wait until Tuesday"); without a parse, any
    future word in its sentence."""
    k = parsed.token_at(char)
    if parsed.has_parse and k is not None:
        return future_clause(parsed, k, auxes) or _may_last_until(text, parsed, k)
    sentence = parsed.sentence_of(char)
    around = (
        text[sentence.start : sentence.end]
        if sentence is not None
        else text[max(0, char - 200) : char + 200]
    )
    return bool(FUTURE_RE.search(around))


def _ahead_noun_before(parsed: Parsed, prep: int) -> bool:
    """Whether the word before the preposition ``prep`` is a noun that something ahead
    modifies ("about the looming showdown in July": the showdown's July, wherever the
    parser hung "in July")."""
    if prep == 0:
        return False
    noun = parsed.tokens[prep - 1]
    if noun.pos not in ("NOUN", "PROPN"):
        return False
    return any(
        c.dep in ("amod", "compound") and c.i < noun.i
        and (c.lemma.lower() in _AHEAD_MODIFIERS or c.lower in _AHEAD_MODIFIERS)
        for c in parsed.children(noun.i)
    )  # fmt: skip


#: Words before a day that may put it after the time of the telling, whatever the tense
#: ("adjourned the case until June 3", "was set for June 3").
_AHEAD_BEFORE = re.compile(r"\b(?:until|till|through|by|before|to|for)\s+(?:the\s+)?$", re.I)


def _date_verb(parsed: Parsed, start: int, end: int) -> tuple[int, int] | None:
    """The head token of the date expression at ``start:end`` and the verb it hangs on
    itself (as the object of "on" or "in", or as a bare time phrase), or None when it
    hangs on a noun ("the June 7 primary", "the caucuses on Feb. 1", "the looming
    showdown in July") or on nothing one can tell."""
    inside = [t for t in parsed.tokens if start <= t.start < end]
    heads = [t for t in inside if not start <= parsed.tokens[t.head].start < end or t.head == t.i]
    if len(heads) != 1:
        return None
    toks = parsed.tokens
    t = heads[0]
    if t.dep == "pobj" and toks[t.head].lower in ("on", "in") and toks[t.head].dep == "prep":
        if _ahead_noun_before(parsed, t.head):
            return None
        verb = toks[toks[t.head].head]
    elif t.dep in ("npadvmod", "tmod"):
        verb = toks[t.head]
    else:
        return None
    if verb.pos not in ("VERB", "AUX"):
        return None
    return t.i, verb.i


#: Verbs of a planned event, which the simple present puts ahead ("the museum reopens in
#: March", "takes office in January"); a verb of a state or a comparison in the present
#: ("the figure follows 292,000 in June", "lags its target") tells of a past date as often.
_SCHEDULED_VERBS = frozenset(
    {"open", "reopen", "close", "shut", "start", "begin", "end", "finish", "conclude",
     "launch", "resume", "expire", "lapse", "take", "vote", "meet", "convene", "visit",
     "arrive", "leave", "depart", "retire", "return", "debut", "premiere", "air", "host",
     "hold", "stage", "rule", "decide", "graduate"}
)  # fmt: skip

#: Words that make a present-tense clause habitual ("every March the fair opens").
_HABITUAL = re.compile(r"\b(?:every|each|usually|typically|always|often|annually)\b", re.I)


def scheduled_at(text: str, parsed: Parsed, start: int, end: int) -> bool:
    """Whether the date expression at ``start:end`` dates an event that a verb in the
    simple present schedules ("the plan closes three libraries in March", "the museum
    reopens on March 3", "the vote is in March"): it hangs on that verb itself (see
    :func:`past_at`), which has no auxiliary and is a verb of a planned event or a bare
    "is"/"are" with no other complement, in a clause that says nothing habitual. Without
    a parse, False."""
    if not parsed.has_parse:
        return False
    found = _date_verb(parsed, start, end)
    if found is None:
        return False
    verb = parsed.tokens[found[1]]
    if verb.tag not in ("VBZ", "VBP"):
        return False
    below = parsed.children(verb.i)
    if any(c.dep in ("aux", "auxpass", "neg") or c.tag == "MD" for c in below):
        return False
    if verb.lemma.lower() == "be":
        if any(c.dep in ("acomp", "attr", "advmod", "ccomp", "xcomp") for c in below):
            return False
    elif verb.lemma.lower() not in _SCHEDULED_VERBS:
        return False
    sentence = parsed.sentence_of(start)
    if sentence is None:
        return False
    return not _HABITUAL.search(text, sentence.start, sentence.end)


def past_at(text: str, parsed: Parsed, start: int, end: int) -> bool:
    """Whether the date expression at ``start:end`` tells of the past: it hangs on a
    verb itself (its object after "on" or "in", or a bare time phrase), not on a noun
    ("the June 7 primary", "the caucuses on Feb. 1" may lie ahead of a past verb), and
    that verb is in the past tense (or has a past auxiliary: "was held"), with no modal,
    no "if" and nothing planned or due ("was scheduled for"); "until", "by" or "for"
    before the expression also may put it ahead. Without a parse, False."""
    if not parsed.has_parse or _AHEAD_BEFORE.search(text, max(0, start - 12), start):
        return False
    found = _date_verb(parsed, start, end)
    if found is None:
        return False
    toks = parsed.tokens
    t, verb = toks[found[0]], toks[found[1]]
    if verb.lemma.lower() in _FUTURE_HEADS:
        return False
    if future_clause(parsed, t.i):
        return False
    below = parsed.children(verb.i)
    first = verb
    while first.dep == "conj" and first.head != first.i:  # "may backfire and cost ...":
        first = toks[first.head]  # the first verb's modal is the second's too
    shared = below if first is verb else [*below, *parsed.children(first.i)]
    if any(c.tag == "MD" or (c.dep == "mark" and c.lower in ("if", "unless")) for c in shared):
        return False
    aux = [c for c in below if c.dep in ("aux", "auxpass")]
    return verb.tag == "VBD" or any(c.tag == "VBD" for c in aux)
