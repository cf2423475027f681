"""Where a responsibility reading stops, and whether it is one (round 15 of the precision
audit found these), beside :mod:`unspin.claims.responsibility` and
:mod:`unspin.claims.responsibility_limits`:

* :func:`contrast_end`: where the event stops before a clause that sets the other side
  against it ("accuses Berg of smearing her while Berg suggests she is ...": the
  "while" clause with a subject of its own is what the other side does, no part of the
  deed);
* :func:`portion_of_field`: "responsible for" a share of a field of policy ("I was
  responsible for quite a bit of the foreign policy"): a role, not a deed;
* :func:`self_inflicted`: the event is the possessor's own doing ("blaming others for
  his self-inflicted wounds"): the sentence makes the one who blames the cause, so the
  party blamed is no actor to show.
"""

from __future__ import annotations

from unspin.nlp import Parsed, Token

__all__ = ["contrast_end", "portion_of_field", "self_inflicted"]

#: Subordinators of a clause set against the one before ("while", "whereas").
_CONTRAST_MARKS = frozenset(("while", "whereas", "whilst"))
#: Personal pronouns: "... while he was in office" is a circumstance of the deed.
_PERSONAL = frozenset(("he", "she", "they", "it", "we", "i", "you"))
#: Nouns of a share of something ("quite a bit of", "a large part of").
_PORTION = frozenset(("bit", "lot", "part", "share", "portion", "deal", "much", "most", "some"))
#: Nouns of a field of policy one is in charge of.
#: Participles of a harm one did to oneself ("self-inflicted", "self-made"), not any
#: "self-" word ("self-evident failures" were someone's).
_SELF_DONE = frozenset(("inflicted", "made", "created", "imposed", "induced", "caused"))
_FIELDS = frozenset(
    ("policy", "agenda", "strategy", "portfolio", "affair", "diplomacy", "program", "programme")
)


def contrast_end(parsed: Parsed, event: Token, end: int) -> int | None:
    """Where the event (ending at ``end``) stops before a "while"/"whereas" clause in it
    with a subject of its own that is no personal pronoun; None when it carries none."""
    for t in parsed.tokens_in(event.start, end):
        if t.dep != "advcl" or t.i <= event.i:
            continue
        marks = [c for c in parsed.children(t.i) if c.dep == "mark"]
        subjects = [c for c in parsed.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
        if not marks or marks[0].lower not in _CONTRAST_MARKS or not subjects:
            continue
        if marks[0].lower != "whereas" and subjects[0].lower in _PERSONAL:
            continue
        return marks[0].start
    return None


def portion_of_field(parsed: Parsed, cue: Token, event: Token) -> bool:
    """ "responsible for" a share ("quite a bit", "a large part") of a field of policy:
    a role the speaker had, not a deed."""
    if cue.lower not in ("responsible", "responsibility") or event.lemma.lower() not in _PORTION:
        return False
    for p in parsed.children(event.i):
        if p.dep == "prep" and p.lower == "of":
            for o in parsed.children(p.i):
                if o.dep == "pobj" and o.lemma.lower() in _FIELDS:
                    return True
    return False


def self_inflicted(parsed: Parsed, event: Token) -> bool:
    """The event carries a "self-" word of a harm one did to oneself ("his self-inflicted
    wounds", "her self-made troubles"): its possessor is the cause, not the one blamed."""
    for c in parsed.children(event.i):
        if c.dep not in ("amod", "compound"):
            continue
        word = c.lower.removeprefix("self-").removeprefix("self")
        glued = c.lower.startswith("self") and word in _SELF_DONE  # one token "self-made"
        if glued or (  # "self" "-" "inflicted" cut into three
            word in _SELF_DONE and any(g.lower == "self" for g in parsed.children(c.i))
        ):
            return True
    return False
