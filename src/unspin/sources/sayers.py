"""Who says it where the subject the parse gives a verb of saying is not the sayer.

:func:`participle_sayer` reads the sayer of a participle clause ("..., saying they broke
the rules") that the parser hung on a clause whose subject cannot speak ("The case
involves X, who sued after the department made him ..., saying ..."): the subject of the
nearest finite clause before it when that one can speak, else nobody.
:func:`headline_sayer` cuts the speaker of a headline's "..., Says" out of the clause the
tagger read as one noun phrase ("Governor Signs Statement On Tax Law, Says ...": the
governor). :func:`can_speak` tells a mention that can say something from a noun the
lexicon does not know as a source ("the case", "the evidence"); :func:`no_sayer` says why
a subject is nobody at all (the impersonal "one", an abstract noun: "tradition holds");
:func:`writer_idiom` and :func:`figurative_tell` tell the writer's own idioms ("it goes
without saying", "it tells us") from speech reported. :func:`with_no_participle` cuts a
participle clause set off by commas out of a sayer ("The note, calling for ..., says").
"""

from __future__ import annotations

import re
from dataclasses import replace

from unspin.lexicon import VERB_FORMS
from unspin.nlp import Token
from unspin.sources.lexicon import POSSESSIVE_DETS
from unspin.sources.mentions import mention_from_token
from unspin.sources.noun_types import classify_words, noun_reason
from unspin.sources.parse_index import ParseIndex
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.roles import role_text
from unspin.sources.speakers import (
    PERSON_HEADS,
    Mention,
    gender_of,
)

__all__ = [
    "can_speak",
    "figurative_tell",
    "headline_sayer",
    "nearer_clause_subject",
    "no_sayer",
    "outer_sayer",
    "participle_sayer",
    "pcomp_governor",
    "prevented",
    "with_no_participle",
    "writer_idiom",
    "writer_voice",
]

#: Finite verb tags: a clause of its own with a subject that acts.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: The writer's own person: "I tell you", "we note".
_WRITER = frozenset({"i", "we"})
#: Words opening a clause of time, the one a following "and said" may go on with.
_TIME_OPENERS = frozenset({"when", "as", "after", "before", "while", "once", "whenever"})
_PRESENT_BE = frozenset({"am", "'m", "’m", "are", "'re", "’re"})
#: A line opened by a speaker's label ("Ana Roe: I tell you ..."): a turn, not the writer.
_TURN_LABEL = re.compile(r"[ \t]*[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}:[ \t]")
_RELATIVE_SUBJECTS = frozenset({"who", "which", "that"})


def can_speak(m: Mention | None) -> bool:
    """Whether ``m`` can say something: not a common noun the lexicon does not know as a
    source ("the case", "the evidence")."""
    return m is not None and m.rule != "speaker.unknown-noun"


def no_sayer(text: str, m: Mention) -> str | None:
    """Why the subject ``m`` of a verb of saying is no source at all, or ``None``:

    - the impersonal "one" ("This is how one explains that ..."): anyone, nobody's speech;
    - a bare singular noun the lexicon does not know, no person's word ("tradition has
      always declared", "[emphasis added]"): an abstract standard or the writer's note,
      not an unnamed person ("his ex-wife contended" is somebody).
    """
    words = text[m.start : m.end].split()
    low = [w.lower().strip(",;:") for w in words]
    if m.kind == "noun" and low == ["one"]:
        return 'the impersonal "one"'
    if m.rule != "speaker.unknown-noun" or len(words) != 1 or not words[0].islower():
        return None
    if m.plural and not low[0].endswith(("sis", "ss", "us")):  # "emphasis" is singular
        return None
    if gender_of(words) is not None or text[max(0, m.start - 1) : m.start] in ("-", "'"):
        return None  # "wife", "ex-wife": a person
    before = text[max(0, m.start - 12) : m.start].split()
    if before and before[-1].lower() in POSSESSIVE_DETS | {"the", "a", "an", "this", "that"}:
        return None
    return f'an abstract noun ("{words[0]}"), not a person'


def writer_voice(ix: ParseIndex, verb: Token, m: Mention, in_quote: int | None) -> bool:
    """Whether ``verb``, said by ``m``, is the writer speaking now ("I tell you this: ...",
    "we note that ...", "we will admit that ..."): a first person ("I", "we") in the
    present tense or with a modal, outside a quotation and outside a labelled turn of a
    transcript. What the writer asserts is no
    content reported from a source; "as I wrote last year" (past) still reports."""
    text = ix.parsed.text
    if in_quote is not None or m.kind != "pronoun" or text[m.start : m.end].lower() not in _WRITER:
        return False
    present = (
        verb.tag == "VBP"
        or (verb.tag == "VBG" and any(a.lower in _PRESENT_BE for a in ix.kids(verb.i, "aux")))
        or (verb.tag == "VB" and any(a.tag == "MD" for a in ix.kids(verb.i, "aux")))
    )  # "we note", "I am telling you", "we will admit", "I must say"
    if not present:
        return False
    line = text.rfind("\n", 0, m.start) + 1
    return _TURN_LABEL.match(text, line) is None


def pcomp_governor(ix: ParseIndex, verb: Token, word: str) -> Token | None:
    """What the preposition ``word`` before the clause of ``verb`` hangs on ("kept him
    from disclosing": "kept"; "quoted X as saying": "quoted"), or ``None``."""
    toks = ix.parsed.tokens
    if verb.dep != "pcomp" or verb.head == verb.i:
        return None
    prep = toks[verb.head]
    if prep.lower != word or prep.head == prep.i:
        return None
    return toks[prep.head]


def prevented(ix: ParseIndex, verb: Token) -> bool:
    """Speech something kept from happening: the verb after a "from" that hangs on a verb
    or an adjective ("kept the client from disclosing ...", "prevents him from revealing
    ...", "barred from saying"); not "apart from saying", "far from saying" (adverbs)."""
    governor = pcomp_governor(ix, verb, "from")
    return governor is not None and governor.pos in ("VERB", "AUX", "ADJ")


def nearer_clause_subject(ix: ParseIndex, verb: Token) -> Token | None:
    """The sayer of a verb joined by "and" to a clause the parser took as the main one
    though a subordinate clause stands between them ("X looked happy when Y made a
    remark and said ...": "said" goes with the nearer "made", Y's): the subject of that
    clause's verb when it has the same tense, its own subject and ends right before the
    "and" (no comma: "X smiled when Y spoke, and said ..." is X's). Else ``None``."""
    toks = ix.parsed.tokens
    if verb.dep != "conj" or verb.head == verb.i or verb.tag not in _FINITE:
        return None
    head = toks[verb.head]
    outer = _outer_sayer(ix, verb, head)
    if outer is not None:
        return outer
    cc = [c for c in ix.kids(head.i, "cc") if c.i < verb.i]
    if not cc or cc[-1].i != verb.i - 1 or cc[-1].lower != "and":
        return None
    for k in range(verb.i - 2, head.i, -1):
        v = toks[k]
        if v.pos != "VERB" or v.tag != verb.tag or v.dep != "advcl":
            continue
        subj = ix.kids(v.i, "nsubj")
        if not subj or ix.subtree(v.i)[1] != verb.i - 2:
            return None
        if not any(m.lower in _TIME_OPENERS and m.i < subj[0].i for m in ix.kids(v.i)):
            return None  # no "when", "as", "after" opening it ("if" asks: "ask if X did")
        return subj[0] if subj[0].lower not in _RELATIVE_SUBJECTS else None
    return None


def _outer_sayer(ix: ParseIndex, verb: Token, head: Token) -> Token | None:
    """The sayer of a verb the parse joined to a reported clause whose subject is a
    pronoun ("X announced it knew ... but said ...": "said" goes with "announced", X's;
    the pronoun inside the reported words stands for X anyway): the subject of the verb of
    saying above that clause when it has the same tense; else ``None``."""
    toks = ix.parsed.tokens
    if head.dep != "ccomp" or head.head == head.i:
        return None
    own = ix.kids(head.i, "nsubj")
    if not own or own[0].lower not in _CLAUSE_PRONOUNS:
        return None
    above = toks[head.head]
    if above.tag != verb.tag or VERB_FORMS.get(above.lower) is None:
        return None
    subj = ix.kids(above.i, "nsubj")
    return subj[0] if subj and subj[0].lower not in _RELATIVE_SUBJECTS else None


#: Pronouns that, as the subject of a reported clause, stand for its sayer ("X said it ...").
_CLAUSE_PRONOUNS = frozenset({"it", "he", "she", "they"})


def participle_sayer(ix: ParseIndex, verb: Token, subj: Token) -> Token | None:
    """The sayer of the participle ``verb`` ("saying", no subject of its own) whose subject
    the parse inherits, ``subj``: ``subj`` when it can speak; else the subject of the
    nearest finite clause between ``subj``'s clause and the participle when that one can
    ("after the department made him ..., saying": the department); with no clause between
    them, ``subj`` when it is plural ("several environmental groups": people, the lexicon
    only lacks the noun); else ``None``."""
    m = mention_from_token(ix, subj)
    if can_speak(m):
        return subj
    toks = ix.parsed.tokens
    for k in range(verb.i - 1, subj.i, -1):
        v = toks[k]
        if v.pos not in ("VERB", "AUX") or v.tag not in _FINITE:
            continue
        own = next(iter(ix.kids(v.i, "nsubj")), None)
        if own is None:
            continue
        if own.lower in _RELATIVE_SUBJECTS and v.dep == "relcl" and v.head != v.i:
            own = toks[v.head]  # "X, who sued ...": X
        if own.i == subj.i:
            break  # back at the clause of ``subj``: no clause between them
        return own if can_speak(mention_from_token(ix, own)) else None
    return subj if m is not None and m.plural else None


def outer_sayer(ix: ParseIndex, verb: Token) -> Token | None:
    """The subject of the verb of saying whose content clause holds the participle
    ``verb`` set off by a comma ("X said Lund must choose, saying, '...'": X, not Lund):
    the participle is the first speaker's next act of speech wherever the parse hangs
    it. ``None`` when no such verb stands above it."""
    toks = ix.parsed.tokens
    if verb.tag != "VBG" or verb.dep != "advcl" or verb.i == 0 or toks[verb.i - 1].text != ",":
        return None
    t, through_content = verb, False
    for _ in range(8):
        if t.head == t.i:
            return None
        through_content = through_content or t.dep == "ccomp"
        up = toks[t.head]
        if through_content and up.pos == "VERB" and up.lower in VERB_FORMS:
            subj = next(iter(ix.kids(up.i, "nsubj")), None)
            return subj if subj is not None and subj.i < verb.i else None
        if t.dep not in ("advcl", "xcomp", "ccomp", "conj", "relcl"):
            return None
        t = up
    return None


def headline_sayer(ix: ParseIndex, verb: Token, subj: Token) -> Mention | None:
    """The speaker of a headline's finite "..., Says" (a line with no closing stop) whose
    subject the tagger read as one noun phrase with the headline's first verb inside
    ("Mayor Signs Order On Fees, Says ...": "Signs" as a plural noun): the words before
    that verb (a word in "-s" tagged as a plural noun or a verb, after a noun and before
    another word). ``None`` when the verb has no such subject."""
    toks = ix.parsed.tokens
    text = ix.parsed.text
    if verb.tag not in _FINITE or verb.i < 2 or toks[verb.i - 1].text != ",":
        return None
    lo = ix.subtree(subj.i)[0]
    if subj.i >= verb.i or ix.subtree(subj.i)[1] != verb.i - 2:
        return None
    nl = text.find("\n", verb.end)
    line = text[text.rfind("\n", 0, verb.start) + 1 : len(text) if nl < 0 else nl].rstrip()
    if not line or line[-1] in ".!?\"'”’»)":
        return None
    for k in range(lo + 1, verb.i - 2):
        w, prev = toks[k], toks[k - 1]
        if (
            w.tag in ("NNS", "NNPS", "VBZ")
            and w.lower.endswith("s")
            and not w.lower.endswith(("ss", "'s", "’s"))
            and prev.pos in ("NOUN", "PROPN")
        ):
            return _headline_subject(text, toks[lo].start, prev.end)
    return None


def _headline_subject(text: str, start: int, end: int) -> Mention | None:
    """The mention of a headline's subject ``text[start:end]``: a title alone ("Governor",
    "Mayor") is an unnamed person, not a name."""
    words = text[start:end].split()
    if len(words) == 1 and words[0].lower() in PERSON_HEADS:
        head = words[0].lower()
        source_type, rule, score, cues = classify_words(words, head)
        return Mention(
            start,
            end,
            source_type,
            kind="noun",
            cues=cues,
            score=score,
            rule=rule,
            head_word=head,
            role=role_text(words[0]),
            gender=gender_of(words),
            reason=noun_reason(rule, cues),
        )
    return mention_from_span(text, start, end)


def writer_idiom(ix: ParseIndex, t: Token) -> bool:
    """The writer's own idiom, no speech reported: "it goes without saying that ...", "it
    must be noted that ...", "(shall we say)" ("shall" is hypothetical speech), "all
    told, ..." (a sum: all counted)."""
    toks = ix.parsed.tokens
    head = toks[t.head]
    if t.dep == "pcomp" and head.lower == "without":
        return True
    if t.lower == "told" and 0 < t.i < len(toks) - 1 and toks[t.i - 1].lower == "all":
        return toks[t.i + 1].text == "," and (t.i < 2 or toks[t.i - 2].pos == "PUNCT")
    return any(c.lower == "it" for c in ix.kids(t.i, "nsubjpass")) and any(
        c.lower == "must" for c in ix.kids(t.i, "aux")
    )


def figurative_tell(ix: ParseIndex, t: Token, lemma: str, speaker: Mention) -> bool:
    """ "it tells us ...", "this tells you ...": a thing or a fact in the present tense
    showing the writer and the reader something, nobody's words."""
    if lemma != "tell" or t.tag not in ("VBZ", "VBP"):
        return False
    if ix.parsed.text[speaker.start : speaker.end].lower() not in ("it", "this", "that"):
        return False
    return any(o.lower in ("us", "you") for o in ix.kids(t.i, "dobj", "dative"))


def with_no_participle(ix: ParseIndex, subj: Token, speaker: Mention) -> Mention:
    """``speaker`` without a participle clause set off by a comma after its head noun
    ("The note, calling for parents to ..., says"): the clause describes the sayer, it is
    not part of who speaks."""
    toks = ix.parsed.tokens
    for c in ix.kids(subj.i, "acl"):
        k = ix.subtree(c.i)[0] - 1
        if (
            c.i > subj.i
            and c.tag in ("VBG", "VBN")
            and k > subj.i - 1
            and toks[k].text == ","
            and speaker.start < toks[k].start < speaker.end
        ):
            return replace(speaker, end=toks[k - 1].end)
    return speaker
