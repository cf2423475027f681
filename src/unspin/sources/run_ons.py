"""Where a reported content ends in a sentence written without punctuation.

In a rant typed as one run ("they said the election was stolen and everyone knows it
they lied about the count and nobody cares"), the parser hangs each new clause on the
one before, so a content read from the parse runs on over every clause after it.
:func:`run_on_clause` ends it before a new subject and its finite verb that follow a
finished clause (one with a finite verb) with nothing joining them: no conjunction, no
"that", not the verb, adjective, adverbial or object that takes them ("said the school
is closing", "sure it would hold", "said last week he ...", "told him they lied" go on).
It only reads sentences with no punctuation inside, so punctuated text is never cut.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.state import RunState

__all__ = ["run_on_clause"]

#: Fewer words than this in a sentence with no punctuation: no rant to cut.
_MIN_WORDS = 12
#: Words a clause's subject opens with (a pronoun, or a determiner before its noun).
_SUBJECT_OPENERS = frozenset(
    {"i", "you", "he", "she", "it", "we", "they", "everyone", "everybody", "nobody"}
    | {"someone", "somebody", "people", "the", "this", "these", "those", "my", "your"}
    | {"his", "her", "our", "their", "its"}
)
#: What a finished clause may end with, right before the new subject.
_CLAUSE_ENDS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADV", "ADJ"})
#: Verbs taking an object and then a clause without "that" ("told him they lied").
_OBJECT_THEN_CLAUSE = frozenset(
    {"tell", "warn", "remind", "assure", "inform", "convince", "show", "promise", "teach"}
    | {"notify", "persuade", "bet", "ask", "advise", "reassure", "caution", "instruct"}
    | {"alert", "email", "text", "write", "guarantee"}
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: "that", "what", "which", "who", "whose", "where", "when", "how": they open the clause.
_WH = frozenset({"WDT", "WP", "WP$", "WRB"})


def run_on_clause(st: RunState, lo: int, hi: int) -> int:
    """The last token of the content ``[lo, hi]`` (token indices): before the first new
    clause run on without punctuation or conjunction, else ``hi``."""
    ix = st.ix
    if ix is None or hi - lo < 4:
        return hi
    toks = st.parsed.tokens
    sentence = st.parsed.sentence_of(toks[lo].start)
    if sentence is None or not _unpunctuated(st.parsed.sentence_tokens(sentence)):
        return hi
    for k in range(lo + 2, hi + 1):
        s = toks[k]
        if s.dep not in ("nsubj", "nsubjpass") or not lo < s.head <= hi or s.head <= k:
            continue
        verb = toks[s.head]
        if verb.dep not in ("ccomp", "conj", "parataxis") or not _finite(st, verb):
            continue
        first = ix.subtree(s.i)[0]
        if first <= lo + 1 or toks[first].lower not in _SUBJECT_OPENERS:
            continue
        before = toks[first - 1]
        if before.pos not in _CLAUSE_ENDS or before.i == verb.head or _opens_clause(before):
            continue  # "sure it would hold", "know what the Bible says"
        if before.head == verb.head and (
            before.dep != "dobj" or toks[verb.head].lemma in _OBJECT_THEN_CLAUSE
        ):
            continue  # "told him they lied", "said last week he ...": what the verb takes
        if not any(_finite(st, t) for t in toks[lo : first - 1] if t.pos in ("VERB", "AUX")):
            continue  # no clause finished before it ("the star our globe revolves around")
        return first - 1
    return hi


def _unpunctuated(tokens: tuple[Token, ...]) -> bool:
    words = [t for t in tokens if t.pos != "SPACE"]
    inner = words[:-1] if words and words[-1].pos == "PUNCT" else words
    return len(inner) >= _MIN_WORDS and all(t.pos != "PUNCT" for t in inner)


def _opens_clause(t: Token) -> bool:
    return t.tag in _WH or t.lower in ("that", "whether", "if")


def _finite(st: RunState, verb: Token) -> bool:
    if verb.tag in _FINITE:
        return True
    assert st.ix is not None
    return any(a.tag in _FINITE for a in st.ix.kids(verb.i, "aux", "auxpass"))
