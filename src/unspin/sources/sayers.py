"""Who says it where the subject the parse gives a verb of saying is not the sayer.

:func:`participle_sayer` reads the sayer of a participle clause ("..., saying they broke
the rules") that the parser hung on a clause whose subject cannot speak ("The case
involves X, who sued after the department made him ..., saying ..."): the subject of the
nearest finite clause before it when that one can speak, else nobody.
:func:`headline_sayer` cuts the speaker of a headline's "..., Says" out of the clause the
tagger read as one noun phrase ("Governor Signs Statement On Tax Law, Says ...": the
governor). :func:`can_speak` tells a mention that can say something from a noun the
lexicon does not know as a source ("the case", "the evidence"); :func:`no_sayer` says why
a subject is nobody at all (the impersonal "one", an abstract noun: "tradition holds").
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.lexicon import POSSESSIVE_DETS
from unspin.sources.mentions import mention_from_token
from unspin.sources.parse_index import ParseIndex
from unspin.sources.plain_mentions import mention_from_span
from unspin.sources.roles import role_text
from unspin.sources.speakers import (
    PERSON_HEADS,
    Mention,
    classify_words,
    gender_of,
    noun_reason,
)

__all__ = ["can_speak", "headline_sayer", "no_sayer", "participle_sayer"]

#: Finite verb tags: a clause of its own with a subject that acts.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
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
