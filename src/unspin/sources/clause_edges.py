"""Where a reported clause begins when the parser hung a word before it on the clause.

:func:`past_recipient` drops the recipient of a verb such as "told" that the parser
attached to the clause's subject ("told reporters Vale had ...": "reporters" as a
compound of "Vale"), so the content starts at the subject's own phrase, and
:func:`object_as_subject` takes back a subject the parser made the verb's object ("argued
her actions don't match ...");
:func:`juxtaposed_subject` finds the speaker of a reduced relative clause ("a claim Ann's
lawyer said would ...") that the parser hung on the clause's head noun;
:func:`quoted_clause` tells a clause that opens with a quotation ("ruled that, “...”");
:func:`noun_reading` tells a noun the parser made a verb of saying ("The phone reveal
back in May was big"), :func:`participle_before_noun` a participle the parser made a
verb of saying ("who has alleged links to ..."); :func:`repeated_verb` tells a verb of
saying said again ("say X and say that ...") that the parser joined to the reported clause,
:func:`past_after_auxiliary` a past-tense verb that cannot share the reported clause's
auxiliary ("said the names did not match, and put him on the stand").
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = [
    "RECIPIENT_VERBS",
    "juxtaposed_subject",
    "noun_reading",
    "object_as_subject",
    "participle_before_noun",
    "past_after_auxiliary",
    "past_recipient",
    "quoted_clause",
    "repeated_verb",
]

#: Verbs of saying whose object is the person told ("told reporters X had ...").
RECIPIENT_VERBS = frozenset({"tell", "inform", "warn", "caution", "assure", "remind", "promise"})


def object_as_subject(ix: ParseIndex, verb: Token, lemma: str, clause: Token, lo: int) -> int:
    """Where the content clause ``clause`` (its subtree starting at ``lo``) starts, when the
    parse made its subject the object of the verb of saying ``verb`` (lemma ``lemma``):
    "some have argued [her actions in some cases] [don't match her stances]". A clause
    with no subject of its own right after a noun object of a verb that names no
    recipient (not "told reporters ...") takes that object as its subject, and so does
    one after the recipient the parse found ("told the Ledger [the worst problem facing
    them] [had to do with the tides]": the Ledger was told); ``lo`` otherwise."""
    if clause.dep != "ccomp" or clause.i < verb.i:
        return lo
    if ix.kids(clause.i, "nsubj", "nsubjpass", "csubj", "expl"):
        return lo
    told = [d.i for d in ix.kids(verb.i, "dative") if d.i > verb.i]
    if lemma in RECIPIENT_VERBS and not told:
        return lo
    for o in ix.kids(verb.i, "dobj"):
        o_lo, o_hi = ix.subtree(o.i)
        if lemma in RECIPIENT_VERBS and not any(d < o_lo for d in told):
            continue
        if verb.i < o_lo and o_hi == lo - 1 and o.pos in ("NOUN", "PROPN"):
            return o_lo
    return lo


def past_recipient(ix: ParseIndex, clause: int, lo: int) -> int:
    """The first token of the clause headed by ``clause`` (its subtree starting at ``lo``,
    right after a verb of :data:`RECIPIENT_VERBS` with no "that") past a recipient: a
    common noun phrase ("reporters", "the court", "his staff", also after names modifying
    it: "Senate investigators") followed, before the clause's subject, by the start of
    another noun phrase (a name, a pronoun or a determiner) or by "that". Two noun
    phrases in a row cannot be one subject; the first is who was told. A recognised name
    whose last word the parser made the clause's verb is a recipient too
    (:func:`_named_recipient`). ``lo`` when there is no such phrase."""
    toks = ix.parsed.tokens
    named = _named_recipient(ix, clause, lo)
    if named is not None:
        return named
    subj = next(iter(ix.kids(clause, "nsubj", "nsubjpass")), None)
    if subj is None or subj.i <= lo:
        return lo
    k = lo
    if toks[k].pos == "DET" or toks[k].tag == "PRP$":
        k += 1  # "the court", "his staff"
    while k < subj.i and toks[k].pos == "PROPN":
        k += 1  # "Senate investigators": a name modifying the recipient noun
    if k >= subj.i or toks[k].pos != "NOUN":
        return lo
    while k < subj.i and toks[k].pos == "NOUN":
        k += 1
    if toks[k].pos in ("PROPN", "PRON", "DET") and toks[k].tag not in ("WP", "WDT"):
        return k  # "Vale", "he", "his father", "the plan": the subject's own phrase
    if toks[k].lower == "that" and toks[k].pos == "SCONJ":
        return k + 1  # "told Senate investigators that the firm had ...": past "that" too
    return lo


#: Entity labels of a recipient's name ("told BBC Radio Kelby", "told Ann Lund").
_RECIPIENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def _named_recipient(ix: ParseIndex, clause: int, lo: int) -> int | None:
    """Where the clause starts when the parser took the last word of a recipient's name
    for the clause's verb ("told BBC Radio Kelby the vote was close": "Kelby" a verb,
    the clause hung on it): the recognised name opens the content and holds its head,
    and a clause of its own follows the name right after it; ``None`` else."""
    toks = ix.parsed.tokens
    ent = ix.entity_at(lo)
    if ent is None or ent.first != lo or ent.label not in _RECIPIENT_LABELS:
        return None
    if not ent.first <= clause < ent.last:
        return None
    for c in ix.kids(clause, "ccomp"):
        start = ix.subtree(c.i)[0]
        if c.i >= ent.last and start == ent.last:
            return start + (toks[start].lower == "that" and c.i > start)
    return None


def juxtaposed_subject(ix: ParseIndex, subj: Token, verb: Token) -> Token:
    """The speaker of a reduced relative clause the parser read as one subject: in "a
    claim Ann's lawyer said would ...", "a claim" is what the clause is about, "Ann's
    lawyer" who said it. A noun phrase led by a possessive that ends right before the
    verb and follows a noun with no comma is a subject of its own (two noun phrases in a
    row cannot be one); its head is returned, else ``subj``."""
    toks = ix.parsed.tokens
    lo, hi = ix.subtree(subj.i)
    if hi != verb.i - 1:
        return subj
    for p in toks[lo : hi + 1]:
        if p.dep != "poss" or p.head == subj.i:
            continue  # the subject's own owner ("a claim Ann's lawyer" as one phrase: cut there)
        head = toks[p.head]
        p_lo = ix.subtree(p.i)[0]
        if (
            p_lo > lo
            and toks[p_lo - 1].pos in ("NOUN", "PROPN")
            and head.pos in ("NOUN", "PROPN")
            and ix.subtree(head.i)[1] == hi
        ):
            return head
    return subj


def quoted_clause(ix: ParseIndex, verb: Token, dep: str = "ccomp") -> bool:
    """Whether a clause of ``verb`` (its ``dep``: "ccomp", or "xcomp" for 'promised to
    "..."') opens with a quotation mark past "that" or "to" and a comma or colon ("the
    judge ruled that, “The buyer has ...”"): the clause is quoted speech."""
    toks = ix.parsed.tokens
    for c in ix.kids(verb.i, dep):
        lo, hi = ix.subtree(c.i)
        while lo < hi and (
            toks[lo].dep == "mark"
            or toks[lo].text in (",", ":")
            or (toks[lo].lower == "to" and toks[lo].dep == "aux")
        ):
            lo += 1
        if toks[lo].text in ('"', "“", "``"):
            return True
    return False


def noun_reading(ix: ParseIndex, t: Token) -> bool:
    """A base form with a singular noun right before it as its subject and a clause hung
    on it that has no subject of its own ("The phone reveal back in May was big"): the
    parser made a verb of a noun ("the reveal") and of the sentence's own verb its clause."""
    if t.tag not in ("VBP", "VB") or t.lower != t.lemma.lower() or ix.kids(t.i, "aux", "auxpass"):
        return False
    subj = ix.kids(t.i, "nsubj")
    if len(subj) != 1 or subj[0].tag not in ("NN", "NNP") or subj[0].i != t.i - 1:
        return False
    return any(
        c.i > t.i and c.tag in ("VBD", "VBZ") and not ix.kids(c.i, "nsubj", "nsubjpass", "expl")
        for c in ix.kids(t.i, "ccomp", "conj")
    )


def participle_before_noun(ix: ParseIndex, t: Token) -> bool:
    """ "who fled in 2006 and has alleged links to X": a past participle after "has" right
    before a bare plural noun joined to another by "to" or "with" is an adjective on the
    noun (links that are alleged), not the verb of one who alleges links."""
    toks = ix.parsed.tokens
    if t.tag != "VBN" or not any(a.lemma.lower() == "have" for a in ix.kids(t.i, "aux")):
        return False
    if t.i + 1 >= len(toks) or ix.kids(t.i, "ccomp", "xcomp"):
        return False
    obj = toks[t.i + 1]
    return (
        obj.dep == "dobj"
        and obj.head == t.i
        and obj.tag == "NNS"
        and any(p.lower in ("to", "with") and p.i == obj.i + 1 for p in ix.kids(obj.i, "prep"))
    )


def repeated_verb(ix: ParseIndex, verb: Token, clause: Token, d: Token) -> bool:
    """ "friends say Ann has a laugh and say that ...": the verb of saying ``verb`` said
    again (``d``, the same lemma) with no subject, in another form than the reported
    clause's verb (``clause``, "has") it was joined to by the parser, goes on with the
    reporting clause: the same sayers say it again, not the clause's subject."""
    return (
        d.dep == "conj"
        and d.head == clause.i
        and clause.head == verb.i
        and d.i > clause.i
        and d.lemma.lower() == verb.lemma.lower()
        and d.tag != clause.tag
        and not ix.kids(d.i, "nsubj", "nsubjpass", "expl")
    )


#: Auxiliaries a bare verb form follows ("did not match", "will close", "could lose").
_BARE_AUXILIARIES = frozenset(
    {"do", "does", "did", "will", "would", "can", "could", "may", "might", "shall", "should"}
    | {"must", "wo", "ca"}
)


def past_after_auxiliary(ix: ParseIndex, verb: Token, clause: Token, d: Token) -> bool:
    """ "Lund said the names did not match, and put Vik on the stand": a past-tense verb
    (``d``) with no subject of its own, joined by the parser to a reported clause whose
    verb (``clause``) is a bare form after an auxiliary ("did not match"), cannot share
    that auxiliary ("did not ... put" would be bare too); it goes on with the past-tense
    verb of saying (``verb``): the sayer's own act, not what was said. On PTC and PolNeAR
    train 10 reported clauses end earlier: 7 before the sayer's own act ("and referred
    questions to ...", "and predicted that ..."), 3 before a verb whose subject is the
    sayer either way ("said she did not condone violence and hoped ...")."""
    return (
        d.dep == "conj"
        and d.head == clause.i
        and d.i > clause.i > verb.i  # not a quotation before the verb: "did come, and won"
        and d.tag == "VBD"
        and clause.tag == "VB"
        and verb.tag == "VBD"
        and any(a.lower in _BARE_AUXILIARIES for a in ix.kids(clause.i, "aux"))
        and not ix.kids(d.i, "nsubj", "nsubjpass", "expl", "aux")
    )
