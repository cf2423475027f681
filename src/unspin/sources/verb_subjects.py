"""Who says it: the speaker token of a verb of saying, read from the dependency parse.

:func:`verb_subject` finds the verb's subject, or the subject it shares: through a
relative pronoun ("Lund, who said"), a control or raising verb ("promised to say", "asked
the principal to announce"), a conjunction, a causative ("had a minister come up and
tell"), a passive "heard saying" or a preposition ("before adding that"), and tells a
passive subject apart. :func:`as_saying_carrier` and :func:`carrier_roles` read "X quoted
Y as saying": the carrier verb, its inner source (Y) and outer source (X). Used by
:mod:`~unspin.sources.parse_events`.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.clause_edges import repeated_verb
from unspin.sources.content_ends import sayers_next_saying
from unspin.sources.contents import person_object
from unspin.sources.judged import judged_in_passive
from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.object_control import past_bound_object
from unspin.sources.relatives import relative_antecedent
from unspin.sources.sayers import nearer_clause_subject, pcomp_governor
from unspin.sources.state import RunState

__all__ = ["as_saying_carrier", "carrier_roles", "verb_subject"]

#: Verbs whose subject, not object, does the infinitive ("promised voters to ...").
_SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten"})
#: Raising verbs: "the lawyer happened to mention ...": the lawyer mentioned it.
_SUBJECT_CONTROL |= {"happen", "seem", "appear", "tend", "continue", "begin", "start"}
#: Verbs whose object does the infinitive ("prompting the principal to announce ...").
_OBJECT_CONTROL = frozenset({"prompt", "ask", "urge", "force", "lead", "push", "press"})
_OBJECT_CONTROL |= {"pressure", "encourage", "compel", "order", "invite", "tell", "get"}
_HEARSAY_CARRIERS = frozenset({"quote", "cite", "report", "describe"})
#: Verbs whose clause of a bare infinitive has its own subject ("had a minister come").
_CAUSATIVES = frozenset({"have", "make", "let", "see", "hear", "watch", "help"})


def as_saying_carrier(st: RunState, t: Token) -> Token | None:
    """The verb that carries "saying" ``t`` in "X quoted Y as saying" ("quoted him
    saying"), if any."""
    assert st.ix is not None
    carrier = pcomp_governor(st.ix, t, "as")
    if carrier is None and t.tag == "VBG" and t.head != t.i:
        # "quoted him saying ...", "cited a spokesman saying ...": no "as"
        head = st.parsed.tokens[t.head]
        if t.dep == "xcomp" and st.ix.kids(head.i, "dobj"):
            carrier = head
        elif t.dep == "acl" and head.dep == "dobj" and head.head != head.i:
            carrier = st.parsed.tokens[head.head]
        if carrier is not None and VERB_FORMS.get(carrier.lower) not in ("quote", "cite"):
            carrier = None
    if carrier is not None and VERB_FORMS.get(carrier.lower) in _HEARSAY_CARRIERS:
        return carrier
    return None


def carrier_roles(st: RunState, carrier: Token) -> tuple[Token | None, Token | None]:
    """The inner source (Y, the one quoted) and the outer source (X, who quotes) of a
    carrier verb."""
    assert st.ix is not None
    ix = st.ix
    inner = next(iter(ix.kids(carrier.i, "dobj", "nsubjpass")), None)
    outer = next(iter(ix.kids(carrier.i, "nsubj")), None)
    if outer is None:
        outer = next((o for a in ix.kids(carrier.i, "agent") for o in ix.kids(a.i, "pobj")), None)
    return inner, outer


def verb_subject(st: RunState, t: Token, depth: int) -> tuple[Token | None, bool]:
    """The subject of the verb ``t`` (its own, or the one it shares, ``depth`` clauses
    up), and whether it is a passive subject."""
    assert st.ix is not None
    ix = st.ix
    toks = st.parsed.tokens
    # two subjects is a misparse ("the Agency (IAEA) Director General Amano admitted"):
    # the one nearest before the verb is its subject
    kids = ix.kids(t.i, "nsubj", "nsubjpass", "csubj")
    if len(kids) > 1 and t.dep == "parataxis":
        # "The plan, said Lund, would fail": the subject right after an inserted verb is
        # its own; the one before belongs to the clause it interrupts
        kids = [c for c in kids if ix.subtree(c.i)[0] == t.i + 1] or kids
    for c in sorted(kids, key=lambda c: (c.i > t.i, abs(t.i - c.i))):
        if not any(ch.isalnum() for ch in c.text):
            continue  # a quotation mark the tagger took for a noun
        if c.dep == "nsubj" and c.i < t.i and judged_in_passive(st, t):
            return c, True  # "Councillor slammed for 'empty gesture'": the one judged
        if c.lower in ("who", "which", "that") and t.dep == "relcl" and t.head != t.i:
            if c.lower == "which" and person_object(toks[t.head]):
                return _thing_above(st, toks[t.head]), False
            return relative_antecedent(ix, toks[t.head], c.lower), False  # "Lund, who ..."
        if c.lower == "who" and c.i > 0:
            # "spoke with Cruz as well, who said": a misattached relative clause belongs to
            # the noun right before its "who"
            j = c.i - 1
            while j > 0 and toks[j].pos in ("PUNCT", "ADV"):
                j -= 1
            if toks[j].pos in ("PROPN", "NOUN"):
                return toks[j], False
        return c, c.dep == "nsubjpass"
    if depth >= 3 or t.head == t.i:
        return None, False
    head = toks[t.head]
    if (
        t.dep == "xcomp"
        and head.lemma.lower() == "be"
        and any(c.lower == "to" for c in ix.kids(t.i, "aux"))
    ):
        return None, False  # "it is safe to say that ...": the writer's comment, no sayer
    obj = [c for c in ix.kids(head.i, "dobj") if c.i < t.i and c.pos in ("NOUN", "PROPN")]
    control = head.lemma.lower()
    if obj and (
        (t.dep == "xcomp" and control not in _SUBJECT_CONTROL)
        or (t.dep == "advcl" and control in _OBJECT_CONTROL and ix.kids(t.i, "aux"))
    ):
        return obj[-1], False  # "prompting the principal to announce": the principal
    if t.dep == "conj" and head.lemma.lower() in _CAUSATIVES and t.tag == "VB":
        # "I had a minister come up and tell me ...": the minister tells, not "I"
        done = [c for c in ix.kids(head.i, "ccomp", "xcomp") if c.i < t.i and c.tag == "VB"]
        subj = [s for c in done for s in ix.kids(c.i, "nsubj")]
        if subj:
            return subj[-1], False
    if t.dep == "conj" and head.dep == "ccomp" and head.head != head.i:
        sayer = toks[head.head]
        if repeated_verb(ix, sayer, head, t) or sayers_next_saying(st, sayer, head, t):
            # "say X has ... and say that ...", "said X is ... and added that ...": the sayer
            return verb_subject(st, sayer, depth + 1)
    quoted = st.top_quote_index(head.start) if t.dep == "conj" else None
    own = ix.kids(head.i, "nsubj", "nsubjpass")
    if (
        quoted is not None
        and st.top_quote_index(t.start) != quoted
        and own
        and all(st.top_quote_index(c.start) == quoted for c in own)
    ):
        # the joined verb's subject is inside the quotation, the verb itself outside it
        before = _before_quotation(st, head, st.top_quotes[quoted].start)
        if before is not None:
            return before, False
    nearer = nearer_clause_subject(ix, t)
    if nearer is not None:
        return nearer, False  # "X smiled when Y spoke and said ...": Y said it
    if t.dep in ("xcomp", "advcl") and t.tag == "VBG" and not ix.kids(head.i, "agent"):
        heard = ix.kids(head.i, "nsubjpass")
        if heard:
            # "Rob can be heard saying ...": Rob says it; "a story was published claiming
            # that ...": the story claims it
            return heard[0], False
    if t.dep == "conj" or (t.dep in ("xcomp", "advcl") and head.pos in ("VERB", "AUX")):
        if t.dep == "advcl" and t.tag not in ("VBG", "VBN") and not ix.kids(t.i, "mark"):
            return verb_subject(st, head, depth + 1)
        return verb_subject(st, past_bound_object(ix, t, head), depth + 1)
    if t.dep in ("relcl", "acl") and head.pos in ("NOUN", "PROPN", "PRON"):
        return head, False
    if t.dep == "pcomp" and head.pos == "ADP" and head.head != head.i:
        # "..., Lund said, before adding that ..."
        up = toks[head.head]
        if (
            head.lower == "by"
            and up.dep == "acl"
            and any(m.lower == "that" for m in ix.kids(up.i, "mark"))
        ):
            # "addressed the reports that X could be ... by saying": the reports' clause
            # is others' words; the one who addressed them is saying it
            noun = toks[up.head]
            if noun.dep == "dobj" and noun.head != noun.i:
                up = toks[noun.head]
        # "got A to join by telling them": those told are not the one telling
        return verb_subject(st, past_bound_object(ix, t, up), depth + 1)
    return None, False


def _before_quotation(st: RunState, head: Token, start: int) -> Token | None:
    """The subject of a verb joined to a verb inside a quotation that opens at ``start``
    while it stands outside it ('the page was headlined, "Mayor Found Dead," and claimed
    that ...': the page claimed it, not the mayor): the subject of the clause before the
    quotation that the parse hangs on that verb; None when there is none (the
    verb is then read as before)."""
    assert st.ix is not None
    for c in reversed(st.ix.kids(head.i)):
        if c.end <= start and c.pos in ("VERB", "AUX"):
            subj = sorted(st.ix.kids(c.i, "nsubj", "nsubjpass"), key=lambda k: abs(c.i - k.i))
            if subj:
                return subj[0]  # two is a misparse: the one nearest the verb
    return None


def _thing_above(st: RunState, t: Token) -> Token | None:
    """The noun a misattached "which" clause belongs to: "which" is never a person ("a
    release tweeted by Ana Roe, the mayor, which noted ...": the release), else none."""
    toks = st.parsed.tokens
    for _ in range(4):
        if t.head == t.i:
            return None
        t = toks[t.head]
        if t.pos == "NOUN" and not person_object(t):
            return t
    return None
