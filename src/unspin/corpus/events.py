"""Propositions and places: what a sentence says happened, whether it did, and where.

Two more kinds of slot, read from the claim frames (``claim`` findings' ``frame``
attribute, :mod:`unspin.frames`) and the text:

* :class:`~unspin.corpus.model.PropositionSlot`: the frame's predicate with its polarity
  ("Helena Varga did not resign"), a nominalised event given as a fact ("Varga's
  resignation on Monday": resign, positive) and antonym verbs ("passed" / "failed" its
  inspection: one predicate, opposite polarity). Two of them conflict when they are the
  same predicate with opposite polarity, in one story (:func:`~unspin.corpus.context.story`),
  about the same names, on compatible days, and of no different kind of event.
* :class:`~unspin.corpus.model.PlaceSlot`: a name after "in", "at", "on", "to", "into",
  "near" or "outside", typed by its last word ("Dock Road": street, "St. Oswin's
  Hospital": hospital; a bare name: place). Two of them conflict when they locate the same
  event (a kind of event, a counted outcome or a predicate in common) on compatible days,
  in one story or about the same other names, with two places of one type, neither of
  which the other sentence names.

Statements that are not asserted as facts (a forecast, a possibility, a question) give no
proposition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from unspin.corpus.model import PlaceSlot, PropositionSlot, Slot
from unspin.corpus.place_evidence import head_marker, locative
from unspin.corpus.words import Word, content_words, norm_name, stem, word_set

__all__ = ["ANTONYMS", "PLACE_TYPES", "event_slots", "unanswered"]

#: Verbs of answering, and what a reporter sends to be answered: "did not respond to
#: requests for comment", "did not return calls", "did not reply to an email".
_REPLIES = frozenset(stem(w) for w in word_set("respond reply answer return comment"))
_REQUESTS = frozenset(
    stem(w)
    for w in word_set(
        """request requests inquiry inquiries call calls email emails message messages
        voicemail voicemails query queries"""
    )
)


def unanswered(s: PropositionSlot) -> bool:
    """A reporter's request left unanswered ("did not respond to requests for comment"):
    the subject's silence towards the outlet, not a denial that it answered anything else
    ("the campaign responded Friday, saying ..."), so no polarity conflict."""
    return not s.positive and s.predicate in _REPLIES and bool(set(s.nouns) & _REQUESTS)


#: Verb pairs of opposite outcome: (positive, negative) forms, read as one predicate.
ANTONYMS: dict[str, tuple[str, bool]] = {
    form: (pair, positive)
    for pair, pos, neg in (
        ("pass", "pass passed passes passing", "fail failed fails failing"),
        ("win", "win won wins winning", "lose lost loses losing"),
        ("approve", "approve approved approves", "reject rejected rejects"),
        ("convict", "convicted", "acquitted cleared"),
        ("confirm", "confirmed confirms", "denied denies"),
    )
    for forms, positive in ((pos, True), (neg, False))
    for form in forms.split()
}
#: The last word of a place name and the type of place it names.
PLACE_TYPES: dict[str, str] = {
    w: t
    for t, ws in (
        ("street", "road street lane avenue way drive square boulevard"),
        ("hospital", "hospital clinic infirmary"),
        ("church", "church cathedral chapel mosque synagogue temple"),
        ("school", "school academy college university"),
        ("station", "station airport terminal port harbour"),
        ("venue", "hall stadium arena park centre center hotel theatre"),
        ("river", "river lake sea bay"),
    )
    for w in ws.split()
}
#: Predicates too general to say what happened ("seems", "has", "did").
_LIGHT = word_set(
    "be have take hold make do get go come say seem appear become remain look feel want "
    "need know think believe see use give put keep let try"
)
_NOT_ASSERTED = frozenset({"possible", "conditional", "question", "future", "obligation"})
_LOCATED = re.compile(
    r"\b(?:in|at|on|to|into|near|outside)\s+(?:the\s+)?"
    r"((?:St\.\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)"
)
_NOMINAL = re.compile(r"\b([A-Z][\w-]+)['’]s\s+([a-z]+(?:ation|ment))\b")


def _days(sentence_dates: list[tuple[int, str]], at: int) -> str | None:
    """The date of what is said at ``at``: the first of the sentence's dates after it
    ("passed its inspection in March"), else the nearest before it; dates of saying are
    not among them."""
    if not sentence_dates:
        return None
    after = [d for d in sentence_dates if d[0] >= at]
    if after:
        return min(after)[1]
    return max(sentence_dates)[1]


def event_slots(doc: Any, analysis: Any) -> list[Slot]:
    """The proposition and place slots of one document (``doc`` is the slot extractor's
    per-document cache: sentences, their frames and names)."""
    out: list[Slot] = []
    for s, _ in doc.spans:
        sent = doc.sentence(s)
        out.extend(_propositions(doc, sent))
        out.extend(_places(doc, sent))
    return out


def _propositions(doc: Any, sent: Any) -> list[PropositionSlot]:
    frame: dict[str, Any] = sent.frame
    if not frame or frame.get("modality") in _NOT_ASSERTED:
        return []
    if not sent.anchors and not doc.names.lead:
        return []  # about nothing named: nothing to match it with
    text: str = doc.text
    dates = doc.dates_of(sent)
    nouns = tuple(sorted(content_words(sent.words)))
    found: list[tuple[int, int, str, str, bool, tuple[str, ...]]] = []
    actors = tuple(str(x) for x in frame.get("actors") or ())
    owners: dict[int, tuple[str, ...]] = {}
    subjects: dict[int, str] = {}
    predicate = frame.get("predicate")
    if isinstance(predicate, str) and predicate.lower() not in _LIGHT:
        verb = next((w for w in sent.words if stem(w.text) == stem(predicate)), None)
        subject = _subject(sent.words, verb) if verb else None
        if verb and subject:
            subjects[verb.start] = subject
        cues = tuple(str(c) for c in frame.get("negation_cues") or ())
        lo, hi = (verb.start, verb.end) if verb else (sent.start, sent.end)
        quoted = any(q.start <= lo < q.end for q in doc.quotes)
        if predicate.lower() not in ANTONYMS and not quoted:
            text_of = verb.text if verb else predicate
            found.append((lo, hi, stem(predicate), text_of, frame.get("polarity") != "negative",
                          cues))  # fmt: skip
    objects: dict[int, tuple[str, ...]] = {}
    for k, w in enumerate(sent.words):
        hit = ANTONYMS.get(w.lower)
        if hit and not re.match(r"\s+to\b", text[w.end : w.end + 4]):  # not "failed to"
            found.append((w.start, w.end, hit[0], w.text, hit[1], (w.text,) if not hit[1] else ()))
            objects[w.start] = tuple(sorted(content_words(sent.words[k + 1 : k + 6])))
    for m in _NOMINAL.finditer(text, sent.start, sent.end):
        noun = m.group(2)
        verb_form = noun[:-5] if noun.endswith("ation") else noun[:-4]
        if len(verb_form) > 3:
            found.append((m.start(2), m.end(2), stem(verb_form), noun, True, ()))
            owners[m.start(2)] = (m.group(1),)
    out = []
    for lo, hi, pred, shown, positive, cues in found:
        out.append(
            PropositionSlot(
                **doc.base("", lo, hi, sent, doc.keys(f"p|{pred}", sent)),
                predicate=pred, predicate_text=shown, positive=positive, cues=cues,
                iso=_days(dates, lo), nouns=objects.get(lo, nouns),
                actors=owners.get(lo, actors), subject=subjects.get(lo),
            )
        )  # fmt: skip
    return out


#: Words between a subject and its verb ("the state *had never* offered").
_BETWEEN = word_set("had has have did does do was were is are been never not also already")
_DETERMINERS = word_set("the a an its their his her")


def _subject(ws: Sequence[Word], verb: Word) -> str | None:
    """The common noun that is the verb's subject ("the *state* never offered"), lower-cased:
    the word before the verb and its auxiliaries, after a determiner; names are left to
    the sentence's names."""
    k = next((i for i, w in enumerate(ws) if w.start == verb.start), 0)
    j = k - 1
    while j >= 0 and ws[j].lower in _BETWEEN:
        j -= 1
    if j < 1 or ws[j - 1].lower not in _DETERMINERS:
        return None
    w = ws[j]
    if not w.text.isalpha() or not w.text.islower() or len(w.text) < 3:
        return None
    return w.lower


def _place_type(name: str) -> str:
    last = name.split()[-1].lower() if name.split() else ""
    return PLACE_TYPES.get(last, "place")


def _events(doc: Any, sent: Any) -> tuple[str, ...]:
    found = set(sent.events)
    found.update(doc.predicates[w.lower] for w in sent.words if w.lower in doc.predicates)
    return tuple(sorted(found))


def _places(doc: Any, sent: Any) -> list[PlaceSlot]:
    text: str = doc.text
    if any(sent.start <= q.start < sent.end for q in doc.quotes):
        return []  # where a quotation was said is its occasion (quote drift compares it)
    names = {a.key for a in sent.anchors}
    located: list[tuple[int, int, str]] = []
    heads: dict[int, str] = {}
    for m in _LOCATED.finditer(text, sent.start, sent.end):
        name = m.group(1).strip().rstrip(".,;:")
        keys = {norm_name(w) for w in name.replace("St.", "").split()}
        if not keys & names or any(q.start <= m.start() < q.end for q in doc.quotes):
            continue  # a day, a month, a title, or inside a quotation
        if not locative(text, sent.start, m.start(), m.start(1), m.start(1) + len(name)):
            continue  # a source, a title, part of a name, the object of another word
        head = head_marker(text, sent.start, m.start())
        if head:
            heads[m.start(1)] = head
        located.append((m.start(1), m.start(1) + len(name), name))
    if not located:
        return []
    events = _events(doc, sent)
    dates = doc.dates_of(sent)
    place_words = {stem(w) for _, _, n in located for w in n.split()}
    nouns = tuple(sorted(content_words(sent.words) - place_words))
    out = []
    for start, end, name in located:
        others = tuple(n for _, _, n in located if n != name)
        out.append(
            PlaceSlot(
                **doc.base("", start, end, sent, doc.keys("l", sent)),
                place=name, place_type=_place_type(name), event=events,
                iso=_days(dates, start), others=others,
                nouns=tuple(sorted({*nouns, heads[start]})) if start in heads else nouns,
            )
        )  # fmt: skip
    return out
