"""Speech that has not happened: a question ("did she say that ...?"), a verb of saying
under "may"/"would", in an imagined clause ("if anyone claims ..."), bidden of an
indefinite pronoun ("Someone tell the mayor ...", :mod:`.bidden`) or naming what a noun
is for ("the right to say"). :mod:`.parse_events` drops such verbs, and the patterns must
not take them as reporting events either (:func:`unreal_cues`)."""

from __future__ import annotations

import re

from unspin.nlp import Token
from unspin.sources.bidden import bidden
from unspin.sources.contents import letting_in
from unspin.sources.judged import judged_in_passive
from unspin.sources.lexicon import SOURCE_VERB_FORMS, VERB_FORMS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.sayers import prevented
from unspin.sources.state import RunState

__all__ = ["asked", "hypothetical", "planned", "unreal_cues"]

#: Auxiliaries of speech that has not happened ("may declare"; "would" below).
_HYPOTHETICAL = frozenset({"may", "might", "could", "should", "shall"})
#: Marks of a clause of what is only imagined ("as though someone had told me", "if
#: anyone claims ...").
_IMAGINED_MARKS = frozenset({"if", "unless"})

#: Verbs of weighing or planning an act to come ("considering announcing", "plans to
#: declare"): the speech under them has not happened.
_PLANNING = frozenset({"consider", "plan", "intend", "weigh", "contemplate", "mull", "expect"})
_PLANNING |= {"prepare", "hope", "want", "aim"}
#: Adverbs that make an act of saying the writer's reading of conduct ("essentially
#: conceding that ...", "in effect admitting"): nothing was said.
_READING_ADVERBS = frozenset({"essentially", "effectively", "implicitly", "tacitly"})
_READING_ADVERBS |= {"basically", "virtually"}

#: Adverbs that make "would" tell what happened ("she would later say ...").
_NARRATIVE_ADVERBS = frozenset({"later", "often", "always", "once", "repeatedly", "then"})


def asked(st: RunState, t: Token) -> bool:
    """A question, not a report: an auxiliary before the verb's subject and a question mark
    ending the clause ("will the Senate confirm one who ...?", "did she say that ...?")."""
    assert st.ix is not None
    ix = st.ix
    aux = ix.kids(t.i, "aux", "auxpass")
    subj = ix.kids(t.i, "nsubj", "nsubjpass")
    if not aux or not subj or not aux[0].i < subj[0].i < t.i:
        return False
    sent = st.parsed.sentences[ix.sentence_of[t.i]]
    stop = re.search(r"[.?!]", st.parsed.text[t.end : sent.end])
    return stop is not None and stop.group() == "?"


def unreal_cues(st: RunState) -> set[tuple[int, int]]:
    """The verbs of saying the parse shows as speech that has not happened (or a
    question): the patterns must not take them as reporting events either."""
    assert st.ix is not None
    out = set()
    for t in st.parsed.tokens:
        lemma = VERB_FORMS.get(t.lower) or SOURCE_VERB_FORMS.get(t.lower)
        if lemma is not None and t.pos == "VERB" and (asked(st, t) or hypothetical(st, t)):
            out.add((t.start, t.end))
        elif lemma == "admit" and t.pos == "VERB" and letting_in(st.ix, t):
            out.add((t.start, t.end))  # let in: no speech for the patterns either
        elif lemma is not None and t.pos == "VERB" and judged_in_passive(st, t):
            out.add((t.start, t.end))  # "X slammed for 'Y'": X is judged, not the speaker
    return out


def hypothetical(st: RunState, t: Token) -> bool:
    """Speech that has not happened: under "may", "might", "could", "should" or "would"
    (also through the verb it is conjoined with or hangs on: "may come forward one day and
    declare ...", "would issue a subpoena ... to testify"), or
    an infinitive naming what a noun is for ("a subpoena for X to testify", "the right to
    say")."""
    assert st.ix is not None
    ix = st.ix
    inherits = t.dep in ("conj", "advcl", "xcomp") and t.tag == "VB"  # "... and declare"
    verbs = [t, st.parsed.tokens[t.head]] if inherits else [t]
    if any(c.lower in _HYPOTHETICAL for v in verbs for c in ix.kids(v.i, "aux")):
        return True
    if any(c.lower == "would" for v in verbs for c in ix.kids(v.i, "aux")) and not any(
        c.lower in _NARRATIVE_ADVERBS for c in ix.kids(t.i, "advmod")
    ):
        return True  # "said the panel would issue ...": not yet; "would later say": told
    if prevented(ix, t):
        return True  # "kept the client from disclosing what he knew": never said
    if bidden(ix, t):
        return True  # "Someone tell the mayor that ...": asked for, not said
    if planned(ix, t) or _inferred_act(ix, t):
        return True  # "considering announcing that ...", "essentially conceding that ..."
    marks = [m.lower for v in verbs for m in ix.kids(v.i, "mark")]
    if any(m in _IMAGINED_MARKS for m in marks) or ("as" in marks and "though" in marks):
        return True  # "as though someone had told me", "if anyone claims": imagined
    if not any(c.lower == "to" for c in ix.kids(t.i, "aux")) or t.dep == "ROOT":
        return False
    return (
        t.dep in ("acl", "relcl")
        or st.parsed.tokens[t.head].pos in ("NOUN", "PROPN")
        or any(c.lower == "for" for c in ix.kids(t.i, "mark"))  # "for X to testify"
    )


def planned(ix: ParseIndex, t: Token) -> bool:
    """A verb of saying under a verb of weighing or planning it ("has been considering
    announcing that ...", "plans to declare"): speech not made yet."""
    if t.dep not in ("xcomp", "ccomp") or t.head == t.i:
        return False
    head = ix.parsed.tokens[t.head]
    return head.lemma.lower() in _PLANNING and head.pos in ("VERB", "AUX")


def _inferred_act(ix: ParseIndex, t: Token) -> bool:
    """A participle of saying the writer reads into someone's conduct ("..., essentially
    conceding that ...", "in effect admitting"): an inference, no words said."""
    if t.tag != "VBG":
        return False
    toks = ix.parsed.tokens
    before = " ".join(toks[k].lower for k in range(max(0, t.i - 2), t.i))
    return any(toks[k].lower in _READING_ADVERBS for k in range(max(0, t.i - 2), t.i)) or (
        before == "in effect"
    )
