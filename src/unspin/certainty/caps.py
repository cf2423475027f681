"""All-caps emphasis for the ``certainty`` analyzer: runs of words written in capitals
for emphasis ("the agency NEVER told", "FBI LIED" from "LIED" on), each a booster
:class:`~unspin.certainty.cues.Cue`; acronyms (defined in the text, spelled by a name's
initials, or short), page furniture, press labels, names and capitals opening a sentence
or a heading are left out (the other cue finders are in :mod:`.cues`)."""

from __future__ import annotations

import logging
import re

from unspin.certainty.cues import Cue
from unspin.certainty.lexicon import (
    CAPS_FURNITURE,
    CAPS_FURNITURE_FILLERS,
    CAPS_TOKEN,
    COMMON_WORDS,
    DEFINED_ACRONYM,
    ENGLISH_ENDING,
    NAME_ENTS,
    SHORT_EMPHASIS,
)
from unspin.certainty.literal import (
    caps_label,
    caps_name,
    name_after_acronym,
    noun_initialism,
    opening_caps,
    press_label,
)
from unspin.nlp import Parsed, Token
from unspin.segment import BODY

__all__ = ["caps_cues"]

log = logging.getLogger(__name__)


def caps_cues(parsed: Parsed) -> list[Cue]:
    """Runs of words in capitals written for emphasis (acronyms left out)."""
    toks = parsed.tokens
    words = [t for t in toks if any(ch.isalpha() for ch in t.text)]
    if not words:
        return []
    caps = [t for t in words if CAPS_TOKEN.match(t.text)]
    if len(caps) > 0.4 * len(words) and len(words) > 8:
        log.debug("text mostly in capitals; all-caps emphasis not reported")
        return []
    defined = set(DEFINED_ACRONYM.findall(parsed.text)) | _initialisms(parsed.text)
    out: list[Cue] = []
    run: list[Token] = []

    def flush() -> None:
        if run and not caps_label(parsed.text, run[0].start, run[-1].end):
            cue = _caps_run(parsed, run, defined, len(words))
            if cue is not None:
                out.append(cue)
        run.clear()  # a label's run too: kept, it ran on into capitals later in the line

    for t in toks:
        if CAPS_TOKEN.match(t.text):
            if run and not _adjacent(parsed, run[-1], t):
                flush()
            run.append(t)
        else:
            flush()
    flush()
    return out


_TITLE_WORD = re.compile(r"[A-Z][a-z]+|of|the|for|and|on|in|to")
_LINKING = frozenset(("of", "the", "for", "and", "on", "in", "to"))


def _initialisms(text: str) -> set[str]:
    """The initials of the capitalised names in the text ("The Regional Water Authority"
    -> "RWA", "Office of the Budget" -> "OTB"): a capital word spelling them out
    is that name's acronym, even when it is an English word too."""
    out: set[str] = set()
    run: list[str] = []

    def flush() -> None:
        while run and run[-1] in _LINKING:
            run.pop()
        for k, first in enumerate(run):  # each tail from a capital word: a name's start
            tail = run[k:]
            if first[0].isupper() and sum(w[0].isupper() for w in tail) >= 2:
                # every word's initial: "of" skipped would make "Archdiocese of New
                # York" spell the emphatic "ANY"
                out.add("".join(w[0].upper() for w in tail))
        run.clear()

    for m in re.finditer(r"[A-Za-z]+|[^A-Za-z\s]", text):
        w = m.group()
        if _TITLE_WORD.fullmatch(w) and (run or w[0].isupper()):
            run.append(w)
        else:
            flush()
    flush()
    return out


def _furniture(run: list[Token]) -> bool:
    """The capitals are a link's words or a document's keyword ("HERE", "BUY NOW",
    "WHEREAS"): page furniture or form, not emphasis."""
    words = [t.text.lower() for t in run]
    return any(w in CAPS_FURNITURE for w in words) and all(
        w in CAPS_FURNITURE or w in CAPS_FURNITURE_FILLERS for w in words
    )


def _adjacent(parsed: Parsed, a: Token, b: Token) -> bool:
    gap = parsed.text[a.end : b.start]
    return gap.strip() == "" and len(gap) <= 2


def _caps_class(t: Token, defined: set[str]) -> str:
    """'emphasis' (a word), 'acronym', or 'unknown'."""
    word = t.text.upper().replace("’", "'")
    low = word.lower()
    if word in defined:
        return "acronym"
    letters = sum(ch.isalpha() for ch in word)
    if low in COMMON_WORDS or word in ("N'T",):
        return "emphasis" if letters >= 3 or low in SHORT_EMPHASIS else "function"
    if letters <= 4:
        return "acronym"
    if noun_initialism(t):
        return "acronym"  # "AMOLED panels"
    if ENGLISH_ENDING.search(word):
        return "emphasis"
    if t.pos in ("VERB", "AUX", "ADJ", "ADV", "PART", "DET", "PRON", "ADP", "CCONJ", "SCONJ"):
        return "emphasis"
    if t.ent_type in NAME_ENTS or t.pos == "PROPN":
        return "acronym"
    return "unknown"


def _caps_run(parsed: Parsed, run: list[Token], defined: set[str], total_words: int) -> Cue | None:
    classes = [_caps_class(t, defined) for t in run]
    # trim acronyms at the edges: "the FBI" is not emphasis, "FBI LIED" is from LIED on
    after_acronym = bool(classes) and classes[0] == "acronym"
    while classes and classes[0] == "acronym":
        classes.pop(0)
        run = run[1:]
    while classes and classes[-1] == "acronym":
        classes.pop()
        run = run[:-1]
    if not run or _furniture(run) or caps_name(parsed, run[0], run[-1]):
        return None
    if press_label([t.text for t in run]):
        return None  # "BREAKING:", "EXCLUSIVE MUST CREDIT": the item's label
    if after_acronym and len(run) == 1 and name_after_acronym(parsed.text, run[0].end):
        return None  # "USA TODAY/Ipsos Poll": an outlet's name
    strong = classes.count("emphasis")
    weak = classes.count("unknown")
    if len(run) >= 2 and strong >= 1:
        score = 0.9
    elif len(run) >= 2 and (weak >= 1 or classes.count("function") >= 2):
        score = 0.7
    elif strong == 1:
        score = 0.8
    elif weak == 1:
        score = 0.5
    else:
        return None
    sentence = parsed.sentence_of(run[0].start)
    if sentence is not None:
        if sentence.block not in BODY:
            return None  # a heading, dateline, byline or caption set in capitals: layout
        sent_words = [
            t for t in parsed.sentence_tokens(sentence) if any(ch.isalpha() for ch in t.text)
        ]
        if sent_words and (
            opening_caps(parsed, sent_words, run[0])
            or all(CAPS_TOKEN.match(t.text) or t.text in ("A", "I") for t in sent_words)
        ):
            # capitals opening a sentence: a dateline ("ROME -") or a newspaper lead-in
            # style as often as emphasis (precision audit: 6 of 7 capital runs were layout);
            # so is a piece of a sentence all in capitals ("THIS BAR IS A SAFE SPACE")
            return None
        if (
            len(sent_words) >= 4
            and all(CAPS_TOKEN.match(t.text) for t in sent_words)
            and total_words > len(sent_words)
        ):
            # a whole line in capitals: a headline style as often as shouting
            score = min(score, 0.6)
    return Cue(
        run[0].start, run[-1].end, "booster", "all_caps", score, "booster.all-caps",
        "Words written in capitals for emphasis (not acronyms).",
    )  # fmt: skip
