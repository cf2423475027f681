"""Verbs of saying that report no speech: an answer given ("said no"), an inference from
a fact ("..., suggesting that ..."), what a thing turned up ("a records check
confirmed ...") and what one sought to learn ("met them to find out which ...").
:mod:`.parse_events` asks these before it makes an event."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.lexicon import SOURCE_VERB_FORMS, VERB_FORMS
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = [
    "FINDING_VERBS",
    "INFERENCE_VERBS",
    "answered",
    "depicted",
    "inferred",
    "learning",
    "undecided",
]

#: Verbs whose subject may be evidence rather than a source ("the evidence suggests").
INFERENCE_VERBS = frozenset({"suggest", "show", "indicate"})
INFERENCE_VERBS |= {"refute", "disprove", "prove"}
#: Verbs of finding out ("a records check confirmed ...", "a series revealing ..."):
#: from one thing the lexicon does not know as a source, what it turned up, not speech.
FINDING_VERBS = frozenset({"confirm", "reveal"})


def answered(st: RunState, t: Token) -> bool:
    """ "said no", "said yes to the offer": an answer given (a refusal, an assent), no
    statement; "said no, the plan ..." goes on to one."""
    toks = st.parsed.tokens
    k = t.i + 1
    if k >= len(toks) or toks[k].lower not in ("no", "yes") or toks[k].head != t.i:
        return False
    return k + 1 >= len(toks) or toks[k + 1].text not in (",", ":", "—", "–")


def inferred(st: RunState, t: Token, lemma: str, speaker: Mention | None) -> bool:
    """An inference, not speech: a participle of an inference verb with no subject of its
    own on a clause that reports no speech ("X has made contact with Y, suggesting that
    ..."; the fact suggests it, not X), or a verb of finding out whose subject is one
    thing the lexicon does not know as a source ("a records check confirmed ...")."""
    assert st.ix is not None
    ix = st.ix
    head = st.parsed.tokens[t.head]
    if (
        lemma in INFERENCE_VERBS | {"reveal"}
        and t.tag == "VBG"
        and t.dep == "advcl"
        and not ix.kids(t.i, "nsubj", "nsubjpass")
        and (VERB_FORMS.get(head.lower) or SOURCE_VERB_FORMS.get(head.lower)) is None
    ):
        return True
    if lemma not in FINDING_VERBS or speaker is None or speaker.rule != "speaker.unknown-noun":
        return False
    words = st.text[speaker.start : speaker.end].split()
    if not words[-1].islower():
        return False  # "the IG confirmed": an acronym names a body
    return not speaker.plural or words[0].lower() in ("a", "an", "one")  # "a series"


#: Verbs that may tell of learning rather than of a statement ("to find out ...").
_LEARNING_VERBS = frozenset({"find"})
#: Words that open an indirect question ("find which features ...").
_QUESTION_WORDS = frozenset({"which", "what", "who", "whom", "whose", "how", "why", "when"})
_QUESTION_WORDS |= {"where", "whether", "if"}


def learning(st: RunState, t: Token, lemma: str) -> bool:
    """A verb of finding that tells of learning, not of a statement: "find out" ("met the
    regulator to find out which ...") or "find" before an indirect question ("to find
    whether it works"): what the subject sought or learnt, nothing it said."""
    if lemma not in _LEARNING_VERBS:
        return False
    assert st.ix is not None
    ix = st.ix
    if any(c.lower == "out" for c in ix.kids(t.i, "prt")):
        return True
    toks = st.parsed.tokens
    for c in ix.kids(t.i, "ccomp", "xcomp"):
        lo = ix.subtree(c.i)[0]
        if lo > t.i and toks[lo].lower in _QUESTION_WORDS:
            return True
    return False


#: Things that record a scene: what one "shows" is the writer's account of it, no claim.
_RECORDINGS = frozenset({"video", "footage", "photo", "photograph", "image", "picture", "clip"})
_RECORDINGS |= {"film", "recording", "tape", "screenshot", "camera", "livestream", "videos"}
_RECORDINGS |= {"photos", "images", "pictures", "clips"}
#: Verbs of showing.
_SHOWING = frozenset({"show"})


def depicted(lemma: str, speaker: Mention | None) -> bool:
    """What a recording shows ("The video shows a man running"): the writer's own
    account of a scene, not a claim the recording reports."""
    return lemma in _SHOWING and speaker is not None and speaker.head_word.lower() in _RECORDINGS


def undecided(st: RunState, t: Token) -> bool:
    """ "neither confirming nor denying the report": a verb of saying in a "neither ...
    nor" pair tells that nothing was said either way."""
    toks = st.parsed.tokens
    return t.i > 0 and toks[t.i - 1].lower in ("neither", "nor")
