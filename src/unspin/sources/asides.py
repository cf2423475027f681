"""Reporting clauses set into another clause by commas or dashes, read from the parse.

Shapes where the parse loses the speaker or the reach of a verb of saying:

- an aside: "X, whose record, the League wrote last year, is "a byword for greed," ...":
  the reporting clause sits between two commas (or dashes) inside a sentence that goes
  on; its subject is the phrase right after the opening mark (the parser may hang the
  subject on a noun before it), and a quotation later in the interrupted clause is what
  it reports (:func:`aside_subject`, :func:`aside_span`);
- a subject after a dash-enclosed apposition: "As reported in X—a new book on the
  papacy—Cardinal Y told a journalist, "..."": the parser hangs the subject on the
  apposition and leaves the verb without one (:func:`subject_after_dash`);
- a subject after an "according to" source and a comma: "According to the Herald, Gov.
  Ann Lund signed ...": the parser joins both into one phrase and leaves the verb
  without a subject (:func:`source_before_subject`).
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["aside_span", "aside_subject", "source_before_subject", "subject_after_dash"]

_MARKS = frozenset({",", "—", "–", "--"})
_DASHES = frozenset({"—", "–", "--"})
#: Parts of speech of a subject noun phrase ("the Harbor League", "its lawyer, Ann Lund").
_PHRASE = frozenset({"DET", "ADJ", "PROPN", "NOUN", "PART", "NUM"})
#: What may stand between an aside's verb and its closing mark ("last week", "in a
#: statement after the event"): no verb, no quotation.
_ADVERBIAL = frozenset({"ADV", "ADP", "DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "PRON"})
_RELATIVES = frozenset({"who", "which", "that"})


def _aside_marks(ix: ParseIndex, t: Token) -> tuple[int, int] | None:
    """The token indices of the marks opening and closing the aside of verb ``t`` (a
    subject phrase after the opening mark, then ``t``, then at most a short adverbial),
    when the sentence has words before and after it; else None."""
    toks = ix.parsed.tokens
    sent = ix.parsed.sentences[ix.sentence_of[t.i]]
    first, last = sent.first, sent.last - 1
    k = t.i - 1
    while k > first and toks[k].pos in _PHRASE and toks[k].text not in _MARKS:
        k -= 1
    if k <= first or k == t.i - 1 or t.i - k > 8 or toks[k].text not in _MARKS:
        return None
    if not any(toks[j].pos in ("PROPN", "NOUN") for j in range(k + 1, t.i)):
        return None
    j = t.i + 1
    while j < last and j - t.i <= 10 and toks[j].text not in _MARKS:
        if toks[j].pos not in _ADVERBIAL:
            return None
        j += 1
    if j >= last or toks[j].text not in _MARKS or (toks[k].text == ",") != (toks[j].text == ","):
        return None
    if not any(ch.isalpha() for m in range(j + 1, last + 1) for ch in toks[m].text):
        return None  # nothing left of the interrupted clause
    return k, j


def aside_subject(ix: ParseIndex, t: Token, subj: Token) -> Token:
    """The subject of verb ``t`` when ``t`` is an aside and the parse took a noun before the
    opening mark ("whose record, the League wrote, ...": the League, not "record"); else
    ``subj``."""
    marks = _aside_marks(ix, t)
    if marks is None or ix.subtree(subj.i)[0] > marks[0]:
        return subj
    inside = range(marks[0] + 1, t.i)
    toks = ix.parsed.tokens
    top = [toks[j] for j in inside if toks[j].head not in inside and toks[j].pos in _PHRASE]
    if len(top) != 1 or top[0].pos not in ("PROPN", "NOUN") or top[0].dep == "appos":
        return subj  # "Lund, the mayor, said": the apposition is no other subject
    return top[0]


def aside_span(ix: ParseIndex, t: Token) -> tuple[int, int] | None:
    """Where the aside of verb ``t`` starts and ends (its opening mark, the character after
    its closing mark), if it is one: a quotation after it in the sentence is the
    interrupted clause's, reported."""
    marks = _aside_marks(ix, t)
    if marks is None:
        return None
    toks = ix.parsed.tokens
    return toks[marks[0]].start, toks[marks[1]].end


def subject_after_dash(ix: ParseIndex, t: Token) -> Token | None:
    """The subject of a finite verb ``t`` the parse left without one, when a noun phrase
    right after a closing dash stands before it ("—Cardinal Y told", also with a relative
    clause between: "—Cardinal Y, who led the vote, told"); else None."""
    if t.tag not in ("VBD", "VBZ", "VBP"):
        return None
    toks = ix.parsed.tokens
    sent = ix.parsed.sentences[ix.sentence_of[t.i]]
    dashes = [j for j in range(sent.first, t.i) if toks[j].text in _DASHES]
    if len(dashes) < 2:
        return None  # no insertion closed before the verb
    j = dashes[-1] + 1
    while j < t.i and toks[j].pos in ("DET", "ADJ"):
        j += 1
    run = j
    while j < t.i and toks[j].pos in ("PROPN", "NOUN"):
        j += 1
    if j == run or (j < t.i and toks[j].lower not in _RELATIVES and toks[j].text != ","):
        return None
    return toks[j - 1]


def source_before_subject(ix: ParseIndex, obj: Token, verb: Token) -> tuple[Token, int] | None:
    """ "According to the Herald, Gov.\\nAnn Lund signed ...", "According to the Project,
    women and men made up ...": the parse may join the source and the clause's subject
    into one phrase ("Herald" a modifier of "Lund", "women" an apposition of "Project").
    When the verb that "according to" hangs on has no subject of its own and comes after
    the phrase, and one comma splits the phrase, the source is the part before the comma
    (its head token and last token, returned) and the words after it the verb's subject;
    else None."""
    toks = ix.parsed.tokens
    lo, hi = ix.subtree(obj.i)
    if verb.i <= hi or verb.pos not in ("VERB", "AUX") or ix.kids(verb.i, "nsubj", "nsubjpass"):
        return None
    commas = [k for k in range(lo + 1, hi) if toks[k].text == ","]
    if len(commas) != 1:
        return None
    k = commas[0]
    if k > obj.i:
        after = [c for c in ix.kids(obj.i, "appos") if ix.subtree(c.i) == (k + 1, hi)]
        return (obj, k - 1) if after and verb.i == hi + 1 else None
    for c in ix.kids(obj.i):
        if c.pos in ("PROPN", "NOUN") and ix.subtree(c.i)[1] == k - 1:
            return c, k - 1
    return None
