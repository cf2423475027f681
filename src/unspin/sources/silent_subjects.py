"""Subjects that report nothing, and what a "he" or "she" among them tells.

:func:`subject_antecedents` lists the subjects no speaker mention holds that a later
pronoun may stand for ("A city spokesman declined ...", "He reaffirmed ..."), which
:func:`~unspin.sources.resolve.resolve_speakers` resolves in turn like speakers.
:func:`learn_gender` lets such a he or she teach the name it stands for its gender when it
cannot be mistaken, so that a later pronoun of the other gender never takes that name
("Ivo Vask opened the meeting. He thanked the crews. She said ..." is not Vask).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from unspin.nlp import Token
from unspin.sources.lexicon import PERSON_NOUNS
from unspin.sources.mentions import mention_from_token
from unspin.sources.parse_index import ParseIndex
from unspin.sources.resolver import Known, Resolver, referent
from unspin.sources.speakers import PERSON_HEADS, Mention
from unspin.sources.state import RunState

__all__ = ["BODY_RULES", "learn_gender", "subject_antecedents"]

#: Person nouns too vague to be an antecedent ("this one", "many", "others").
_NOT_PEOPLE = frozenset(
    {"one", "many", "some", "several", "others", "someone", "somebody", "figure", "figures"}
)

#: How a body noun the lexicon knows is typed ("the ministry", "the agency").
BODY_RULES = frozenset({"speaker.organisation", "speaker.government"})


def subject_antecedents(
    st: RunState, covered: list[tuple[int, int]], said: list[tuple[int, int]]
) -> list[Mention]:
    """Subjects no speaker mention holds, outside quotations, that a later pronoun may
    stand for (not speakers themselves: no findings):

    - unnamed people ("A city spokesman declined ...", "the officer"), so a pronoun never
      skips back past them to a name further away;
    - the pronouns he and she ("He reaffirmed ..."), resolved in turn like a speaker's
      pronoun, so a later pronoun of the same chain follows them instead of a name they
      mention;
    - a body the lexicon knows, one, after "the" ("The ministry published a statement. It
      called the move ..."): what a later "it" stands for, unnamed; not
      one in what somebody said ("The team will look into it, it said": the speaker's).
    """
    if st.ix is None:
        return []
    ix = st.ix
    starts = [a for a, _ in covered]
    reach = list(accumulate((b for _, b in covered), max))  # furthest end so far
    out: list[Mention] = []
    for t in st.parsed.tokens:
        if not t.dep.startswith("nsubj"):
            continue
        person = t.lower in PERSON_NOUNS or t.lower in PERSON_HEADS
        if t.pos == "NOUN":
            if ix.entity_at(t.i) is not None or t.lower in _NOT_PEOPLE:
                continue
            if not person and t.tag != "NN":
                continue  # only a known kind of person ("spokesman", "the nominee") or body
            if person and _generic_subject(ix, t):
                continue  # "he agreed that a governor should ...": any governor, no one
        elif t.pos != "PRON" or t.lower not in ("he", "she"):
            continue
        j = bisect_right(starts, t.start) - 1
        if (j >= 0 and reach[j] > t.start) or st.top_quote_index(t.start) is not None:
            continue
        m = mention_from_token(ix, t)
        if m is None:
            continue
        if t.pos == "NOUN" and not person:
            if _body_subject(ix, t, m, said):
                # preferred to no other mention of its sentence: "The council met the
                # Greens. They said" stays with the Greens
                m.is_subject = m.main_subject = False
                out.append(m)
        elif (m.kind == "noun" and m.rule == "speaker.unnamed-person") or (
            t.pos == "PRON" and m.kind == "pronoun"
        ):
            out.append(m)
    return out


def _body_subject(ix: ParseIndex, t: Token, m: Mention, said: list[tuple[int, int]]) -> bool:
    """ "The ministry published ...": a body the lexicon knows after "the" (not "his
    campaign", someone's), outside what somebody said."""
    if m.kind != "noun" or m.rule not in BODY_RULES:
        return False
    if any(a <= t.start < b for a, b in said):
        return False
    return any(d.lower == "the" for d in ix.kids(t.i, "det"))


#: Modal verbs that make an indefinite subject anyone of its kind ("a governor should").
_MODALS = frozenset({"should", "must", "would", "could", "might", "may", "can", "ought"})


def _generic_subject(ix: ParseIndex, t: Token) -> bool:
    """ "... agreed that a governor should make clear ...": an indefinite singular subject
    of a modal verb in a subordinate clause is anyone of its kind, nobody a later "he"
    stands for."""
    if not any(c.lower in ("a", "an") for c in ix.kids(t.i, "det")):
        return False
    verb = ix.parsed.tokens[t.head]
    if verb.dep not in ("ccomp", "advcl", "relcl", "xcomp", "acl"):
        return False
    return any(c.lower in _MODALS for c in ix.kids(verb.i, "aux"))


#: The gender a subject he or she tells.
_GENDER = {"he": "male", "she": "female"}


def learn_gender(
    resolver: Resolver,
    m: Mention,
    chosen: Known | None,
    said: list[tuple[int, int]],
    sentence: int,
) -> None:
    """Give the name a he or she that reports nothing (``m``, one of
    :func:`subject_antecedents`, of ``sentence``) was resolved to (``chosen``) the
    pronoun's gender, when the pronoun is the main subject of its sentence, outside what
    anybody said (where "he" may be anyone the speaker talks of: "Lund added her client
    said what he saw"), the name stands in its sentence or the one before, and it is the
    only person named in the three sentences before it (a wrong guess would teach a wrong
    gender for good)."""
    gender = _GENDER.get(m.head_word)
    if gender is None or chosen is None or not chosen.name or chosen.entity_type != "person":
        return
    if not m.main_subject or m.resolved_from != "pronoun" or chosen.sentence < sentence - 1:
        return  # "Lund said ... . The mogul won ... . He won": maybe not Lund
    if any(a <= m.start < b for a, b in said):
        return
    people = {
        referent(k)
        for k in resolver.before(m.start)
        if k.entity_type == "person" and sentence - k.sentence <= 3
    }
    if people == {referent(chosen)}:
        resolver.gender.setdefault(chosen.name, gender)
