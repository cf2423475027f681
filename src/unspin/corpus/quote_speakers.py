"""Who a quotation is credited to, and whether that credit can tell two speakers apart.

A quote-drift link that says "the speaker differs" needs both sides to credit the words
to the person speaking, as a fact-checker reads the text, not to the sources analyzer's
best guess. :func:`credit` says how a quotation's speaker was found:

* ``named``: named at the quotation ("Ida Brenn said", "Brenn said" after her full name);
* ``pronoun``: a "he said" resolved to a person named in its sentence or the one before
  (further back it is a ``guess``: the text moved on to others). Two texts telling the
  quotation with the same narration before it ("..., the mayor said. “...,” he said.")
  credit it to the same person whoever the analyzer resolved each pronoun to: two
  pronoun credits differ only after different narrations (:func:`same_narration`);
* ``guess``: a pronoun resolved further back, or no speaker from the analyzer and the
  first full name in the sentence before the quotation ("Mayor Ada Vell said: ...", but
  as often a part of an organisation's name, "the Office of the Director of Harbour
  Safety", or a place, "the Lennox Bay fire");
* ``principal``: the person or body a spokesperson or officials speak for ("an Ada Vell
  spokeswoman", "a spokesman for Ada Vell"): the voice of the spokesperson named
  elsewhere, not another speaker;
* ``label``: a heading on its own line before a colon ("Empty Promises: “...”") that the
  analyzer took for a capitalised name, with no reporting verb and no one of that name
  speaking elsewhere in the text: no speaker at all (the speaker is dropped).

:func:`speakers_differ` says whether two credits can stand for two different speakers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from unspin.corpus._fuzzy import fuzz
from unspin.lexicon import BARE_NAME_REASON, SPOKEN_FOR_RULES, TITLE_WORDS
from unspin.model import Finding

__all__ = ["CREDITS", "credit", "lead_in", "named_before", "same_narration", "speakers_differ"]

#: How a speaker was found, from most to least telling.
CREDITS = ("named", "pronoun", "guess", "principal", "label")
#: Credits that can stand for a different speaker.
_TELLING = frozenset(("named", "pronoun"))


def speakers_differ(a: str, b: str, a_lead: str = "", b_lead: str = "") -> bool:
    """Whether quotations credited as ``a`` and ``b`` (:data:`CREDITS`) can have two
    different speakers: both named at the quotation or resolved from a pronoun, and two
    pronouns not after the same narration (``a_lead``, ``b_lead``: :func:`lead_in`)."""
    if a not in _TELLING or b not in _TELLING:
        return False
    return not (a == b == "pronoun" and same_narration(a_lead, b_lead))


#: Words of narration kept before a quotation credited to a pronoun.
LEAD_WORDS = 40
#: Partial similarity from which two narrations are one (one copied, cut or run on).
SAME_NARRATION = 90.0


def lead_in(norm: str) -> str:
    """The last :data:`LEAD_WORDS` words of a normalised narration before a quotation."""
    return " ".join(norm.split()[-LEAD_WORDS:])


def same_narration(a: str, b: str) -> bool:
    """Whether two narrations before a quotation (:func:`lead_in`) are one: the shorter,
    of five words or more, nearly inside the longer. Unknown narrations (empty) are
    taken as one: no evidence of two contexts."""
    short, long_ = sorted((a, b), key=len)
    if len(short.split()) < 5:
        return True
    return float(fuzz().partial_ratio(short, long_)) >= SAME_NARRATION


def credit(
    text: str,
    quote: Finding,
    speakers: Mapping[str, Finding],
    sentence_start: int,
    reach: int | None = None,
) -> tuple[str | None, str]:
    """The speaker of ``quote`` (a ``quote`` or ``attribution`` finding) and how it was
    found (:data:`CREDITS`); ``speakers``: the document's ``speaker`` findings by id;
    ``reach``: where the sentence before the quotation's starts (a pronoun resolved to
    a name before it is a guess)."""
    linked = [speakers[t] for t in quote.related("speaker") if t in speakers]
    found = linked[0] if linked else None
    name = quote.attributes.get("speaker")
    if not isinstance(name, str) and found is not None:
        name = found.attributes.get("name")
    if not isinstance(name, str):
        return named_before(text, sentence_start, quote.start), "guess"
    if found is None:
        return name, "named"
    if _label(text, quote, found, speakers):
        return None, "label"
    if found.explanation.rule in SPOKEN_FOR_RULES:
        return name, "principal"
    if found.attributes.get("resolved_from") == "pronoun":
        named_at = found.attributes.get("antecedent_start")
        if reach is not None and isinstance(named_at, int) and named_at < reach:
            return name, "guess"  # named two sentences or more before: the analyzer's reach
        return name, "pronoun"
    return name, "named"


def _label(text: str, quote: Finding, found: Finding, speakers: Mapping[str, Finding]) -> bool:
    """A heading taken for a speaker: a capitalised run the analyzer knew nothing of,
    alone at the start of a line before a colon, no reporting verb, and no other
    speaker of the text sharing a word of it."""
    if quote.attributes.get("verb") or found.attributes.get("resolved_from"):
        return False
    if found.attributes.get("type_reason") != BARE_NAME_REASON:
        return False
    line = text.rfind("\n", 0, found.start) + 1
    if text[line : found.start].strip() or not text[found.end :].lstrip().startswith(":"):
        return False
    own = set(str(found.attributes.get("name") or found.text).lower().split())
    for other in speakers.values():
        if other.id == found.id or not isinstance(other.attributes.get("name"), str):
            continue
        if other.attributes.get("type_reason") == BARE_NAME_REASON:
            continue  # another heading
        if own & set(str(other.attributes["name"]).lower().split()):
            return False
    return True


_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def named_before(text: str, start: int, end: int) -> str | None:
    """The first full name (two or more capitalised words, titles dropped) between
    ``start`` and ``end``: "Mayor Ada Thorncliff said: ..." gives "Ada Thorncliff"."""
    for m in _NAME_RUN.finditer(text, start, end):
        ws = m.group().split()
        titles = [i for i, w in enumerate(ws) if w.lower() in TITLE_WORDS]
        name = ws[titles[-1] + 1 :] if titles else ws
        if len(name) >= 2:
            return " ".join(name)
    return None
