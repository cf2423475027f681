"""Where a reported content ends when the parse stops it short or runs it on too far.

Each function takes the end of a content that
:func:`~unspin.sources.contents.reported_content` read from the parse and returns where
it really ends: past a predicate the parse hung on the verb of saying
(:func:`stranded_predicate`), past the rest of a word split at its hyphen
(:func:`split_word_end`), past the items of a broken-off list (:func:`list_run_on`) or the
second half of a broken coordination (:func:`broken_coordination`), through a closing
quotation mark (:func:`closing_quote`), before the writer's own remark on the statement
(:func:`writers_tail`); :func:`whole_first_word` mends a start cut inside a word.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.state import SINGLE_CLOSING, SINGLE_OPENING, RunState

__all__ = [
    "across_quotes",
    "broken_coordination",
    "closing_quote",
    "list_run_on",
    "opening_quote",
    "sayers_next_saying",
    "split_word_end",
    "stranded_predicate",
    "whole_first_word",
    "writers_tail",
]


_NOMINAL = frozenset({"NOUN", "PROPN", "NUM"})


def stranded_predicate(st: RunState, t: Token, c: Token, hi: int) -> int:
    """Where a content ``[.., hi]`` read from the clause ``c`` ends when the parse hung
    that clause's own predicate on the verb of saying: "reporting that anybody trying to
    reset it could lose ..." ("could lose" a conjunct of "reporting") or "say its main flaw
    is that ..." ("is" a second clause of "say"). A verb of ``t`` right after the content,
    with no subject, comma or conjunction of its own, is the rest of the clause."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    if hi + 1 >= len(toks) or toks[hi + 1].pos in ("PUNCT", "CCONJ") or toks[hi + 1].dep == "cc":
        return hi
    if toks[hi].ws == "" or not toks[hi + 1].text[:1].isalnum():
        return hi  # "had re-entered": a word split at its hyphen, not a clause stranded
    for d in ix.kids(t.i, "conj", "ccomp"):
        if d.i <= c.i or d.pos not in ("VERB", "AUX") or ix.subtree(d.i)[0] != hi + 1:
            continue
        if ix.kids(d.i, "nsubj", "nsubjpass", "expl", "csubj", "cc"):
            continue
        return ix.subtree(d.i)[1]
    return hi


def parallel_predicate(st: RunState, t: Token, c: Token, hi: int) -> int:
    """Where a content ``[.., hi]`` read from the clause ``c`` ends when the parse hung a
    second predicate of that clause on the verb of saying ``t``: 'reported that the captain
    was "resting at home," and was recovering from ...' ("was recovering" a conjunct of
    "reported").
    A conjunct of ``t`` after the content, joined by "and" (not "but": 'told them he was
    trained, but was admitted anyway' is the writer's) with no subject of its own, whose
    auxiliaries and form are the content verb's ("was resting" / "was
    recovering") and not the verb of saying's, is the rest of the clause; else ``hi``."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    aux = [a.lower for a in ix.kids(c.i, "aux", "auxpass")]
    if not aux or [a.lower for a in ix.kids(t.i, "aux", "auxpass")] == aux:
        return hi
    for d in ix.kids(t.i, "conj"):
        d_lo, d_hi = ix.subtree(d.i)
        if d.i <= c.i or d_hi <= hi or d.tag != c.tag:
            continue
        gap = toks[hi + 1 : d_lo]
        if not any(g.lower == "and" for g in gap) or any(
            g.pos not in ("PUNCT", "CCONJ") for g in gap
        ):
            continue
        if ix.kids(d.i, "nsubj", "nsubjpass", "expl", "csubj"):
            continue
        if [a.lower for a in ix.kids(d.i, "aux", "auxpass")] == aux:
            return d_hi
    return hi


_SINGULAR = frozenset({"is", "was", "has", "does"})
_PLURAL = frozenset({"are", "were", "have", "do"})


def _number(ix: ParseIndex, v: Token) -> str | None:
    """The number of the subject of the verb ``v``: its own subject's, by tag or pronoun."""
    subj = ix.kids(v.i, "nsubj", "nsubjpass")
    if not subj:
        return None
    s = subj[0]
    if s.lower in ("they", "we") or s.tag in ("NNS", "NNPS"):
        return "plural"
    if s.lower in ("he", "she", "it") or s.tag in ("NN", "NNP"):
        return "singular"
    return None


def sayers_number_cut(ix: ParseIndex, t: Token, c: Token, d: Token) -> bool:
    """True when ``d``, a conjunct of the content clause ``c`` with no subject of its own,
    has an auxiliary whose number is not that of ``c``'s subject but is that of the sayer
    (``t``'s subject): 'Officials said the bridge was closing and were told to leave':
    "were told" is the officials', the sayers' own act."""
    if d.dep != "conj" or ix.kids(d.i, "nsubj", "nsubjpass", "expl"):
        return False
    d_lo = ix.subtree(d.i)[0]
    if d_lo == 0 or ix.parsed.tokens[d_lo - 1].lower != "and":
        return False  # "and were told": not a verb the parse joined across a clause
    first = min(ix.kids(d.i, "aux", "auxpass"), key=lambda a: a.i, default=None)
    if first is None:
        return False
    number = (
        "singular" if first.lower in _SINGULAR else "plural" if first.lower in _PLURAL else None
    )
    theirs, sayers = _number(ix, c), _number(ix, t)
    return number is not None and theirs is not None and number != theirs and number == sayers


_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "should", "must"})


def sayers_next_saying(st: RunState, t: Token, c: Token, d: Token) -> bool:
    """True when ``d``, a past-tense verb joined by "and" to a content clause ``c`` in the
    present ("said the mill is closed and added that ...", "said she admires the crews
    and called them ..."), is the sayer's own next act of saying: the verb of saying
    ``t`` is in the past too, ``d`` has no subject or auxiliary of its own and is itself a
    verb of saying, or takes a clause or a quotation; it is outside any quotation. A past
    verb of another kind may be the content's ("said his brother is ill and lived with
    them"), and a clause in the perfect may share its auxiliary ("has met them and
    listened")."""
    assert st.ix is not None
    ix, toks = st.ix, st.parsed.tokens
    if d.dep != "conj" or d.tag != "VBD" or t.tag != "VBD" or not d.i > c.i > t.i:
        return False
    if ix.kids(d.i, "nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass"):
        return False
    auxes = ix.kids(c.i, "aux", "auxpass")
    present = (c.tag in ("VBZ", "VBP") and c.lemma.lower() != "have" and not auxes) or (
        len(auxes) == 1 and auxes[0].dep == "auxpass" and auxes[0].lower in ("is", "are", "am")
    )
    modal = bool(auxes) and all(a.dep == "aux" and a.lower in _MODALS for a in auxes)
    if not (present or modal):
        return False
    d_lo, d_hi = ix.subtree(d.i)
    if toks[d_lo - 1].lower != "and" or st.top_quote_index(d.start) is not None:
        return False
    quoted = any(d.end <= q.start < toks[d_hi].end for q in st.top_quotes)
    return d.lower in VERB_FORMS or bool(ix.kids(d.i, "ccomp")) or quoted


def split_word_end(st: RunState, hi: int) -> int:
    """Where a content ending at token ``hi`` ends when the parse split a hyphenated word
    there ("does co-ordinate with ...": "co" as the clause's head, "-ordinate" hung on the
    verb of saying): past the rest of the word and the words that hang on it; else ``hi``."""
    assert st.ix is not None
    toks = st.parsed.tokens
    last = st.parsed.sentences[st.ix.sentence_of[hi]].last - 1
    while (
        hi + 2 <= last
        and toks[hi].ws == ""
        and toks[hi + 1].text == "-"
        and toks[hi + 1].ws == ""
        and toks[hi].text[-1:].isalnum()
        and toks[hi + 2].text[:1].isalnum()
    ):
        hi = max(hi + 2, st.ix.subtree(hi + 2)[1])
    return hi


#: Gerunds after "without" that say what the speaker left out ("said X without specifying
#: when"): the writer's remark on the statement, not part of it.
_LEFT_OUT = frozenset(
    """
    specifying elaborating detailing disclosing explaining identifying
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def writers_tail(st: RunState, lo: int, hi: int) -> int:
    """Where a content ``[lo, hi]`` ends before the writer's own remark on it: "without
    specifying a date" (what the speaker left out), ", although it sounds like ..." (the
    writer's impression of what was said), ", before then defending ..." (what the speaker
    did next) or ", according to court documents" (where the writer found the statement);
    else ``hi``."""
    toks = st.parsed.tokens
    for k in range(lo + 2, hi):
        low = toks[k].lower
        if low == "without" and toks[k + 1].lower in _LEFT_OUT:
            return k - 1
        after_comma = toks[k - 1].text == "," or (
            toks[k - 1].pos == "PUNCT" and toks[k - 2].text == ","
        )  # '... a "misnomer," before ...'
        if after_comma and low == "according" and toks[k + 1].lower == "to":
            return k - 1
        nxt = k + 2 if toks[k + 1].lower == "then" else k + 1
        if after_comma and low in ("before", "after") and nxt <= hi and toks[nxt].tag == "VBG":
            return k - 1
        if (
            low in ("although", "though", "but")
            and toks[k - 1].text == ","
            and k + 2 <= hi
            and toks[k + 1].lower == "it"
            and toks[k + 2].lemma.lower() == "sound"
        ):
            return k - 1
    return hi


def closing_quote(st: RunState, lo: int, hi: int) -> int:
    """``hi``, or the closing quotation mark right after it when the content opens a
    quotation it would leave open ('a "misnomer," before ...': 'a "misnomer"'; "was
    'rash'": "was 'rash'"), or the closing bracket of a bracket it opens ("the Trust
    (known as OHT)")."""
    toks = st.parsed.tokens
    inner = st.text[toks[lo].start : toks[hi].end]
    if hi + 1 < len(toks) and toks[hi + 1].text == ")":
        return hi + 1 if inner.count("(") > inner.count(")") else hi
    inside = hi + 2 < len(toks) and toks[hi + 1].text in (",", ".", "!", "?")
    k = hi + 2 if inside else hi + 1  # 'a "misnomer,"', 'was "tired."': the mark after
    if k >= len(toks) or toks[k].start != toks[k - 1].end:
        return hi
    if toks[k].text in ("'", "’"):
        opened = len(SINGLE_OPENING.findall(inner)) > len(SINGLE_CLOSING.findall(inner))
        outer = st.top_quote_index(toks[k].start)
        if outer is not None and st.top_quotes[outer].end > toks[k].end:
            return hi  # a quotation inside a longer one the content runs on in
        return k if opened else hi
    if toks[k].text not in ('"', "”"):
        return hi
    if inner.count('"') % 2 == 1 or inner.count("“") > inner.count("”"):
        return k  # the comma or stop inside the marks with it: 'a "misnomer,"'
    return hi


def opening_quote(st: RunState, lo: int, hi: int) -> int:
    """``lo``, or the opening quotation mark right before it when the content closes a
    quotation it would leave unopened ('said "we are closed" on Monday': the content
    is '"we are closed" on Monday', marks and all, as the parse hangs the opening mark
    on the verb)."""
    toks = st.parsed.tokens
    if lo == 0 or toks[lo - 1].text not in ('"', "“"):
        return lo
    inner = st.text[toks[lo].start : toks[hi].end]
    if inner.count('"') % 2 == 1 or inner.count("”") > inner.count("“"):
        return lo - 1
    return lo


def across_quotes(st: RunState, lo: int, hi: int) -> tuple[int, int]:
    """``(lo, hi)``, or both quotation marks of a content that opens right inside one
    quotation and ends right inside another ('said "we are tired" and "we want to go
    home"': the content runs from the first opening mark to the last closing one, as
    PolNeAR marks such a content; the marks' count is even, so :func:`opening_quote` and
    :func:`closing_quote` keep it cut inside both)."""
    toks = st.parsed.tokens
    first, last = st.top_quote_index(toks[lo].start), st.top_quote_index(toks[hi].end - 1)
    if first is None or last is None or first == last:
        return lo, hi
    q1, q2 = st.top_quotes[first], st.top_quotes[last]
    if not q2.closed or st.text[q1.inner_start : toks[lo].start].strip():
        return lo, hi  # the content opens after the quotation's first words
    if st.text[toks[hi].end : q2.inner_end].strip(" ,.!?"):
        return lo, hi  # it ends before the quotation's last words
    opening = st.parsed.tokens_in(q1.start, q1.inner_start)
    closing = st.parsed.tokens_in(q2.inner_end, q2.end)
    if not opening or not closing:
        return lo, hi
    return opening[0].i, closing[-1].i


def whole_first_word(st: RunState, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` without a cut inside its first word: a content trimmed past "U.S.-" (read
    as a dateline) or starting at "led" of "U.S.-led" starts at the whole word again."""
    if span is None:
        return None
    text = st.text
    start, end = span
    k = start
    if k >= 2 and text[k - 1] == "-" and text[k - 2] not in " \t\n-" and text[k].isalnum():
        k -= 1
        while k > 0 and not text[k - 1].isspace() and text[k - 1] not in "\"“‘'«(,;:—–":
            k -= 1
        head = text[k : start - 1]
        if head.isalpha() and head.isupper() and len(head) > 3:
            return span  # "LONDON-The ...": a dateline after all
    return (k, end)


def list_run_on(st: RunState, hi: int) -> int:
    """Where a content ending at token ``hi`` ends when it stops after the first item of a
    list the parse broke off ("police seized 60 AK-47, AR-10 and G3 rifles X had sent to
    ..."): the end of the sentence, when the next items (like the first, up to "and" or
    "or") follow a comma and no verb of saying comes after; else ``hi``."""
    assert st.ix is not None
    toks = st.parsed.tokens
    last = st.parsed.sentences[st.ix.sentence_of[hi]].last - 1
    item = hi - 1 if toks[hi].text == "," else hi  # the subtree may end on the comma
    first = toks[item]
    if first.pos not in _NOMINAL or item + 3 > last or toks[item + 1].text != ",":
        return hi
    nxt = toks[item + 2]
    if nxt.pos != first.pos or nxt.ent_type != first.ent_type:
        return hi  # not another item of the same kind
    k = item + 2
    while k < last and k - item <= 8 and (toks[k].pos in _NOMINAL or toks[k].text == ","):
        k += 1
    if k >= last or toks[k].lower not in ("and", "or"):
        return hi  # no "and"/"or" before the sentence's last word: no list run on
    if toks[k + 1].pos not in _NOMINAL | {"ADJ", "DET"}:
        return hi
    if any(t.lower in VERB_FORMS and t.pos == "VERB" for t in toks[k : last + 1]):
        return hi  # another statement follows
    while last > k and toks[last].pos in ("PUNCT", "SPACE"):
        last -= 1
    return last


def broken_coordination(st: RunState, lo: int, hi: int) -> int:
    """Where a content ending at token ``hi`` ends when it stops on a coordinator whose
    second half the parser hung elsewhere ("... during the race as well as helped him
    recover the money": "as well as" inside the content, "helped" joined to the verb of
    saying): the end of that second half, a verb hung outside the content that starts
    right after the coordinator and has no subject of its own; else ``hi``."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    k = hi
    while k > lo and toks[k].dep == "punct":
        k -= 1
    if toks[k].dep != "cc" or k + 1 >= len(toks):
        return hi
    if any(c.dep == "conj" and c.i > k for c in ix.kids(toks[k].head)):
        return hi  # the coordinator has its second half inside the content
    nxt = toks[k + 1]
    if (
        nxt.dep not in ("conj", "ccomp")
        or nxt.pos != "VERB"
        or lo <= nxt.head <= hi
        or ix.kids(nxt.i, "nsubj", "nsubjpass")
        or nxt.lower in VERB_FORMS
    ):
        return hi
    return ix.subtree(nxt.i)[1]
