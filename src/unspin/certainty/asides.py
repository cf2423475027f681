"""Cues that hedge, boost or attribute no claim although their words would (precision
audit, rounds 17 and 18). :func:`aside` scores them 0.3 with a reason:

- a modal inside a relative clause on "anyone"/"anybody"/"everyone"/"whoever"/"those"
  ("Anyone who may have seen the van ... is asked to call"): it describes who is asked,
  it holds back no claim;
- "perhaps"/"maybe" offering an option to readers: in a question that has no verb ("Rob
  Tanner perhaps?") or opening "Or maybe ..." right after a question;
- a single plain word in capitals at the end of a phrase in capitals the caps rule read
  as names ("the VITAL CITY REPORT"): the phrase is a headline style, the noun no
  emphasis;
- the doctors, nurses or medics of a person who tells his own story ("She says doctors
  first thought it was a rash"): the teller's account, no unnamed expert source;
- a spokesperson called by a short form of a body the text names ("A Halden spokesperson"
  after "the Greater Halden Constabulary"): an identified institutional source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from unspin.certainty.cues import Cue
from unspin.nlp import Parsed, Token

__all__ = ["aside"]

_APPEAL_BEFORE = re.compile(
    r"\b(?:(?:anyone|anybody|everyone|everybody|those)[ \t]+(?:who|that)|whoever)[ \t]+$",
    re.I,
)
_OPTION_WORDS = frozenset(("perhaps", "maybe"))
_TERMINATORS = ".?!\n"
_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]{1,2}$")
_CARERS = frozenset(("doctor", "nurse", "medic", "surgeon", "physician", "paramedic", "consultant"))
_TELLING = frozenset(("say", "tell", "claim", "recall", "explain", "write", "insist"))
_SPOKESPEOPLE = re.compile(r"\b(?P<w>[A-Z][a-z]{2,})[ \t]+(?:spokes(?:person|man|woman))\b")
_BODY_WORDS = (
    r"Police|Constabulary|Service|Department|Ministry|Council|Force|Agency|Authority|"
    r"Office|Commission|Bureau|Command|Guard|Army|Navy"
)


def _segment(text: str, start: int) -> tuple[int, int]:
    """The stretch around ``start`` between sentence marks or line breaks."""
    a = max(text.rfind(ch, 0, start) for ch in _TERMINATORS) + 1
    ends = [k for k in (text.find(ch, start) for ch in _TERMINATORS) if k >= 0]
    return a, min(ends) if ends else len(text)


def _option(text: str, parsed: Parsed, c: Cue) -> bool:
    if text[c.start : c.end].lower() not in _OPTION_WORDS:
        return False
    a, b = _segment(text, c.start)
    if b < len(text) and text[b] == "?":
        verbs = [
            t
            for t in parsed.tokens
            if a <= t.start < b and t.pos in ("VERB", "AUX") and t.start != c.start
        ]
        return not verbs  # "Rob Tanner perhaps?"
    before = text[:a].rstrip()
    return before.endswith("?") and re.match(r"[ \t]*Or[ \t]+$", text[a : c.start]) is not None


def _subject(parsed: Parsed, verb: Token) -> Token | None:
    for t in parsed.tokens[max(0, verb.i - 8) : verb.i]:
        if t.head == verb.i and t.dep in ("nsubj", "nsubjpass"):
            return t
    return None


def _carers_in_story(parsed: Parsed, c: Cue) -> bool:
    nouns = [
        t
        for t in parsed.tokens
        if c.start <= t.start < c.end and t.lemma.lower() in _CARERS and t.tag == "NNS"
    ]
    if not nouns:
        return False
    verb = parsed.tokens[nouns[0].head]
    if verb.dep != "ccomp" or verb.head == verb.i:
        return False
    telling = parsed.tokens[verb.head]
    if telling.lemma.lower() not in _TELLING:
        return False
    teller = _subject(parsed, telling)
    return teller is not None and (
        teller.ent_type == "PERSON" or teller.lower in ("he", "she", "i")
    )


def _short_body(text: str, c: Cue) -> bool:
    m = _SPOKESPEOPLE.search(text, c.start, c.end)
    if m is None:
        return False
    name = re.compile(rf"\b{re.escape(m['w'])}\w*(?:[ \t]+[A-Z]\w+)*[ \t]+(?:{_BODY_WORDS})\b")
    return name.search(text, 0, c.start) is not None


def aside(parsed: Parsed, c: Cue) -> Cue:
    """``c``, or ``c`` scored 0.3 with a reason when it hedges, boosts or attributes no
    claim (see the module docstring)."""
    if c.score <= 0.3:
        return c
    text = parsed.text
    why: str | None = None
    if c.kind == "hedge" and _APPEAL_BEFORE.search(text, max(0, c.start - 24), c.start):
        why = "A modal describing who is asked to come forward ('anyone who may have ...')."
    elif c.kind == "hedge" and _option(text, parsed, c):
        why = "An option put to readers in a rhetorical question, no claim held back."
    elif (
        c.kind == "booster"
        and c.rule == "booster.all-caps"
        and c.score <= 0.5
        and " " not in text[c.start : c.end]
        and _CAPS_BEFORE.search(text, max(0, c.start - 24), c.start)
    ):
        why = "The last plain word of a phrase in capitals (a headline style), no emphasis."
    elif c.kind == "vague_attribution" and _carers_in_story(parsed, c):
        why = "The teller's own doctors in the story he tells, no unnamed expert source."
    elif c.kind == "vague_attribution" and _short_body(text, c):
        why = "A spokesperson of a body the text names, by a short form of its name."
    return c if why is None else replace(c, score=0.3, detail=why)
