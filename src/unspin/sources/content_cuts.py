"""Edges of a reported content that the parse draws wrong, fixed on the characters.

:func:`writers_lead`: "Not every case was alike. ''In the first case there was no
campaign,'' said Lund": a parse that hangs the writer's sentence before a quotation on
the quotation's verb gives Lund the writer's words too; the content starts at the
quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from unspin.nlp import Token
from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.quoted_asides import dash_quotation, own_cue_cut
from unspin.sources.state import RunState

__all__ = [
    "content_clause",
    "coordinated_sayer_cut",
    "past_embedded_quotation",
    "past_quotation",
    "quote_left_open",
    "quote_run_on",
    "saying_cut",
    "second_that_clause",
    "split_clause_end",
    "tally_end",
    "topic_only",
    "writers_lead",
]

_SENTENCE_ENDS = (".", "!", "?")
#: The end of a writer's sentence: a full stop after a lower-case word (not "Mr.",
#: "Jan.", "U.S."), a question or exclamation mark.
_SENTENCE_END = re.compile(r"(?:[a-z]{3}\.|[!?])[\"”’']?$")
_SENTENCE_GAP = re.compile(r"[a-z]{3}[.!?]\s")


def writers_lead(st: RunState, span: tuple[int, int] | None, cue: int) -> tuple[int, int] | None:
    """``span`` without the writer's sentence(s) before the quotation it ends in, or
    before the quotation right before its verb (at ``cue``): "X. ''Y,'' said Z" gives Y,
    not "X. Y" nor X; a content that runs into a quotation within one sentence ('the
    plan is "a disaster," Lund said') is kept whole. A content run over its own verb or
    across a dash before a quotation is cut first (:mod:`~unspin.sources.quoted_asides`)."""
    span = dash_quotation(st, own_cue_cut(st, span, cue), cue)
    if span is None or span[1] > cue:
        return span
    k = st.top_quote_index(max(span[0], span[1] - 1))
    if k is None:  # "X. ''Y,'' said Z" with the content X alone
        k = bisect_right(st.top_quote_starts, cue) - 1
        if k < 0 or st.top_quotes[k].start < span[1]:
            return span
        if _SENTENCE_GAP.search(st.text, st.top_quotes[k].end, cue):
            return span  # the quotation is not the verb's own
    q = st.top_quotes[k]
    if q.start <= span[0] or q.inner_start >= q.inner_end:
        return span
    lead = st.text[span[0] : q.start].rstrip(" \n'\"`‘“")  # "''" may open with half a mark
    if not _SENTENCE_END.search(lead):
        return span
    end = q.inner_end if span[1] <= q.inner_start else min(span[1], q.inner_end)
    return st.trim_chars(q.inner_start, end) or span


def second_that_clause(ix: ParseIndex, c: Token, d: Token) -> bool:
    """Whether ``d``, a clause coordinated with the content clause ``c``, opens on its
    own "that" as ``c`` does ("said that A but that B"): B is said too, not the start of
    another speaker's clause ("said that A, and Lund said that B": "said" has no "that")."""
    return d.dep == "conj" and _that_marked(ix, c) and _that_marked(ix, d)


def _that_marked(ix: ParseIndex, v: Token) -> bool:
    lo = ix.subtree(v.i)[0]
    return any(m.lower == "that" and m.i == lo for m in ix.kids(v.i, "mark"))


def saying_cut(ix: ParseIndex, lo: int, hi: int) -> int:
    """The last token of the content ``[lo, hi]`` before a participle of saying set off
    by a comma, with no subject of its own (", saying, ..."); ``hi`` when there is none."""
    toks = ix.parsed.tokens
    for k in range(lo + 2, hi + 1):
        v = toks[k]
        if (
            v.tag == "VBG"
            and v.dep in ("advcl", "xcomp", "conj")
            and v.lower in VERB_FORMS
            and toks[k - 1].text == ","
            and not ix.kids(v.i, "nsubj", "nsubjpass")
        ):
            return k - 2
    return hi


def quote_run_on(st: RunState, span: tuple[int, int] | None, cue: int) -> tuple[int, int] | None:
    """``span`` run on past a full stop inside a quotation it opened (see the module)."""
    if span is None or cue > span[0]:
        return span
    k = st.top_quote_index(span[1] - 1)
    if k is None:
        return span
    q = st.top_quotes[k]
    if q.start < span[0] or not q.closed or q.paragraphs > 1:
        return span
    inside = st.text[span[1] : q.inner_end]
    if not inside.lstrip("\"”’'").startswith(_SENTENCE_ENDS) or "\n" in inside:
        return span  # the content stops inside the quotation for another reason
    sentences = st.parsed.sentences
    last = st.sentence_at(q.end - 1)
    if last == st.sentence_at(span[0]) or last >= len(sentences):
        return span
    end = sentences[last].end
    if "\n" in st.text[q.end : end] or _speech_between(st, q.end, end):
        end = q.end
    return st.trim_chars(span[0], end) or span


def quote_left_open(st: RunState, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span``, or ``span`` run to the close of a quotation it opened and would leave open
    (a line break inside the quotation, where :func:`quote_run_on` stops: 'saying "Alert!
    <line> Raids on Sunday"'); cut before the opening mark when that quotation runs over
    paragraphs or never closes. A content never ends inside a quotation it opened."""
    if span is None:
        return span
    k = st.top_quote_index(span[1] - 1)
    if k is None:
        j = st.text.rfind("“", span[0], span[1])
        if j > span[0] and "”" not in st.text[j : span[1]]:
            return st.trim_chars(span[0], j) or span  # a mark never closed: before it
        return span
    q = st.top_quotes[k]
    if q.start < span[0] or q.end <= span[1]:
        return span
    if q.closed and q.paragraphs == 1:
        return (span[0], q.end)
    return st.trim_chars(span[0], q.start) or span


def _speech_between(st: RunState, lo: int, hi: int) -> bool:
    return any(
        t.pos == "VERB" and t.lower in VERB_FORMS and lo <= t.start < hi for t in st.parsed.tokens
    )


#: Parts of speech of a subject phrase before its verb of saying ("more than 4 in 10").
_SUBJECT_POS = frozenset({"NUM", "ADJ", "NOUN", "PROPN", "DET", "ADP", "PRON", "ADV", "PUNCT"})


def coordinated_sayer_cut(ix: ParseIndex, lo: int, hi: int) -> int:
    """The last token of the content ``[lo, hi]`` before ", and <subject> said ..." (see
    the module); ``hi`` when there is none."""
    toks = ix.parsed.tokens
    for j in range(lo + 2, hi):
        if not (toks[j].text == ";" or (toks[j].text == "," and toks[j + 1].lower == "and")):
            continue
        first = j + 2 if toks[j + 1].lower == "and" else j + 1
        for k in range(first + 1, min(hi, first + 8) + 1):
            w = toks[k]
            if w.lower in VERB_FORMS and w.tag in ("VBD", "VBZ", "VBP") and w.dep != "ROOT":
                return j - 1
            if w.pos not in _SUBJECT_POS or w.text in (",", ";"):
                break
    return hi


def split_clause_end(ix: ParseIndex, verb: Token, c: Token, hi: int) -> int:
    """The end of the content clause ``c`` of ``verb`` (ending at ``hi``) run on over the
    verb's next clauses of the same kind that follow it at once, past a comma at most
    (see the module); ``hi`` when none does."""
    toks = ix.parsed.tokens
    for d in ix.kids(verb.i, c.dep):
        if d.i <= c.i:
            continue
        if not d.text[:1].isalnum():
            break  # "co - ordinate": a word split by the tokenizer, not a clause
        d_lo, d_hi = ix.subtree(d.i)
        gap = range(hi + 1, d_lo)
        if any(toks[k].text != "," for k in gap) or len(gap) > 1:
            break
        if any(m.dep == "mark" for m in ix.kids(d.i)) or _speech_inside(ix, d_lo, d_hi):
            break
        if toks[d_lo].tag in ("WDT", "WP", "WP$", "WRB"):
            break  # ", which may have helped ...": the writer's comment on the content
        hi = d_hi
    return hi


def past_quotation(st: RunState, lo: int, c: Token, d: Token) -> bool:
    """True when the clause ``d`` joined by "and" or "but" to the content clause ``c``
    begins after the closing mark of a quotation that opens the content at token ``lo``
    and holds ``c`` whole, and is no quotation itself: 'said "we are closed" and left, but
    "back soon" was written on the door': the writer goes on after the quoted clause ("and
    left", "but ... was written"), which the parse hangs on it; in 'said "we are closed"
    and "go home"' both are said, in 'said that "the plan" can fail' the content goes on."""
    assert st.ix is not None
    toks = st.parsed.tokens
    k = st.top_quote_index(toks[lo].start)
    if k is None or not st.top_quotes[k].closed or d.dep != "conj":
        return False
    q = st.top_quotes[k]
    if toks[lo].start > q.start + 1 or not q.inner_start <= c.start < q.inner_end:
        return False  # the content does not open the quotation, or its verb is outside
    d_lo, d_hi = st.ix.subtree(d.i)
    if toks[d_lo].start < q.end or _that_marked(st.ix, d):
        return False  # 'said "we are closed" and that no job would go': said too
    j = st.top_quote_index(toks[d_lo].start)
    return j is None or st.top_quotes[j].end < toks[d_hi].end


def past_embedded_quotation(st: RunState, verb: Token, c: Token, d: Token) -> bool:
    """True when ``d``, a past-tense verb with no subject or auxiliary of its own joined by
    the parser to the content clause ``c``, begins after the closing mark of a quotation
    inside the content that holds ``c``'s verb, the verb of saying (``verb``) in the past
    and ``c`` not: 'She said the mill "is closed for good" and walked out': "walked out"
    is the sayer's own act, as in :func:`past_quotation` where the quotation opens the
    content ('said the mill "closed" and ...', both in the past, may go on saying)."""
    assert st.ix is not None
    ix, toks = st.ix, st.parsed.tokens
    if d.dep != "conj" or d.tag != "VBD" or verb.tag != "VBD" or not d.i > c.i > verb.i:
        return False
    if c.tag == "VBD" or any(a.tag == "VBD" for a in ix.kids(c.i, "aux", "auxpass")):
        return False
    if ix.kids(d.i, "nsubj", "nsubjpass", "expl", "aux") or _that_marked(ix, d):
        return False
    k = st.top_quote_index(c.start)
    if k is None:
        return False
    q = st.top_quotes[k]
    return q.closed and q.start >= verb.end and toks[ix.subtree(d.i)[0]].start >= q.end


def _speech_inside(ix: ParseIndex, lo: int, hi: int) -> bool:
    return any(t.lower in VERB_FORMS and t.pos == "VERB" for t in ix.parsed.tokens[lo : hi + 1])


def tally_end(ix: ParseIndex, verb: Token, hi: int) -> int:
    """The end of an object content ending at ``hi`` run on over a tally's elliptic
    items (see the module), without a trailing ", a result which ..."; ``hi`` else."""
    toks = ix.parsed.tokens
    if toks[hi].pos == "NUM" and toks[hi].dep in ("appos", "conj") and hi + 1 < len(toks):
        nxt = toks[hi + 1]
        if nxt.dep == "prep" and nxt.head == verb.i:
            hi = ix.subtree(nxt.i)[1]
    for k in range(verb.i + 1, hi):
        w = toks[k]
        if (
            w.text == ","
            and toks[k + 1].lower in ("a", "an", "the")
            and any(
                n.dep == "appos" and ix.subtree(n.i)[0] == k + 1 and ix.kids(n.i, "relcl")
                for n in toks[k + 1 : hi + 1]
            )
        ):
            return k - 1
    return hi


def content_clause(ix: ParseIndex, verb: Token, comps: list[Token]) -> Token:
    """Which of the verb's content clauses ``comps`` is its content: the first after it,
    unless that one only follows the verb's own subject set after it while another
    stands before the verb (see the module); the last one when none follows."""
    after = [c for c in comps if c.i > verb.i]
    if not after:
        return comps[-1]
    before = [c for c in comps if c.i < verb.i]
    subjects = [s for s in ix.kids(verb.i, "nsubj") if s.i > verb.i]
    if before and subjects and ix.subtree(after[0].i)[0] > subjects[0].i:
        return before[-1]
    return after[0]


#: Verbs of recalling whose "what" clause is only the topic of the recollection
#: ("recalled what it was like to ..."): no claim reported.
_RECALL_VERBS = frozenset({"recall", "remember", "recount", "reminisce", "describe"})
#: Verbs of disclosing whose "what" clause names the thing disclosed ("revealed what the
#: agency spent"): a free relative, no claim reported ("revealed that ..." reports one).
_DISCLOSURE_VERBS = frozenset({"reveal", "disclose"})
#: Verbs whose wh-clause, under a participle that tells what a statement was for, is its
#: topic ("a statement explaining why he is speaking").
_TOPIC_VERBS = _RECALL_VERBS | {"explain", "discuss", "detail", "address"}
#: Words that open such a clause.
_TOPIC_WORDS = frozenset({"what", "why", "how", "whether"})


def topic_only(ix: ParseIndex, lemma: str, verb: Token, lo: int) -> bool:
    """The content right after ``verb`` is a wh-clause that names only what the speech was
    about ("recalled what it was like to be a student", "a statement explaining why he
    is speaking") or what was disclosed ("revealed what the agency spent"): not what was
    said. "Explained why the plan failed" as a clause's own verb tells what was said."""
    toks = ix.parsed.tokens
    if lo != verb.i + 1 or toks[lo].lower not in _TOPIC_WORDS:
        return False
    if lemma in _DISCLOSURE_VERBS:
        return toks[lo].lower == "what"
    if lemma not in _TOPIC_VERBS:
        return False
    if verb.tag == "VBG" and verb.dep in ("acl", "advcl", "xcomp"):
        return True
    return lemma in _RECALL_VERBS and toks[lo].lower == "what"
