"""Whether a name after a preposition is where something happened, and what happened there.

A name read after "in", "at", "to" ... is a place slot only when the text uses it as a
place (link audit round 2, FNC-1):

* not the source of a report ("according to the FBI", "according to Walla");
* not inside a quoted title ('a video titled "A Message to X"');
* "to" or "into" only after a verb of moving or sending ("extradited to", "taken to"),
  not the object of another word ("a connection to X", "converted to X", "a message to X");
* not part of a longer name ("the Islamic State in X and Y": two capitalised words before
  "in") nor the start of a person's name ("X bin Y");
* not a modifier of a common noun naming an outlet or a body ("the X news site").

A figure that a sentence gives for one place among several ("in X, 12 strikes"; "the action in
X included 17 strikes") is a part of a total given for all of them (:func:`part_cue`).

Two bare names (towns, countries, regions) then locate one event only when the same word
governs both ("born in X" and "grew up in Y" are two facts; "bombings in X" and "a trial in
Y" too): the word just before the preposition, kept as a marker among the slot's nouns
(:func:`head_marker`). Whether one place lies inside the other (a city and its country) is
not known offline, so different heads are never read as one event, and a place that the
other document also names somewhere (its region, its city) is no conflict (:func:`named_in`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from unspin.corpus.breakdowns import opening_part
from unspin.corpus.words import norm_name, stem, word_set

__all__ = [
    "HEAD_PREFIX",
    "head_marker",
    "holiday",
    "locative",
    "one_spelling",
    "part_cue",
    "same_head",
    "shared_nouns",
]

#: Prefix of the marker of the word governing a place, kept among a place slot's nouns.
HEAD_PREFIX = "@"
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_QUOTES_OPEN = "“"
_QUOTES_CLOSE = "”"
#: Verbs of moving, sending or bringing: "to X" after them is where someone went.
_MOTION = re.compile(
    r"^(?:travel|went|go|goes|going|gone|flee|fled|return|move|fly|flew|flown|sent|send|"
    r"extradit|deport|taken|take|took|brought|bring|transfer|head|rush|evacuat|airlift|"
    r"driven|drove|carri|escap|smuggl|arriv|relocat|emigrat|immigrat|come|came)"
)
#: Common nouns that a name before them only modifies: an outlet, a body, a document.
_MODIFIED = word_set(
    "news site website newspaper paper daily weekly magazine channel network agency "
    "broadcaster television radio station outlet portal blog service bureau ministry "
    "government officials official authorities spokesman spokeswoman report reports "
    "statement"
)
#: Words that govern an event's being held rather than what happened: one head.
_HELD = frozenset(
    stem(w)
    for w in word_set("place held hold take taking hosted host staged stage scheduled planned")
)
_DETERMINERS = word_set("the a an its their his her this that")
#: Lowercase words that join two names without making them one ("X and Y", "X of Y").
_JOINERS = word_set("and or of on in at to from for with by as near after before but nor")


def _words_before(text: str, lo: int, at: int, n: int) -> list[str]:
    return _WORD.findall(text[max(lo, at - 80) : at])[-n:]


def locative(text: str, sent_start: int, prep_start: int, name_start: int, name_end: int) -> bool:
    """Whether the name at ``name_start:name_end``, read after the preposition at
    ``prep_start``, is used as a place (see the module's docstring)."""
    prep = (
        text[prep_start:name_start].split()[0].lower()
        if text[prep_start:name_start].split()
        else ""
    )
    before = _words_before(text, sent_start, prep_start, 3)
    if before and before[-1].lower() == "according":
        return False  # the source of a report
    lead = text[sent_start:prep_start]
    if lead.count('"') % 2 == 1 or lead.count(_QUOTES_OPEN) > lead.count(_QUOTES_CLOSE):
        return False  # inside a quoted title or words
    if prep in ("to", "into") and not any(_MOTION.match(w.lower()) for w in before):
        return False  # the object of another word, not where someone went
    named = len(before) > 1 and before[-1][:1].isupper() and before[-2][:1].isupper()
    if prep == "in" and named:
        return False  # inside a longer name ("the Free State in X")
    after = _WORD.findall(text[name_end : name_end + 40])[:2]
    spaced = text[name_end : name_end + 1] == " "
    particle = len(after) == 2 and after[0].islower() and after[0] not in _JOINERS
    if spaced and particle and after[1][:1].isupper():
        return False  # a person's name with a particle ("X bin Y", "X de Y")
    # a modifier of an outlet or a body ("the X news site"), or a place
    return not (spaced and after and after[0].lower() in _MODIFIED)


def head_marker(text: str, sent_start: int, prep_start: int) -> str | None:
    """The marker of the word governing the place after the preposition at ``prep_start``
    ("born in X": born), or None when the preposition opens the sentence."""
    before = [
        w for w in _words_before(text, sent_start, prep_start, 3) if w.lower() not in _DETERMINERS
    ]
    if not before:
        return None
    head = stem(before[-1].lower())
    return HEAD_PREFIX + ("held" if head in _HELD else head)


def _heads(nouns: Iterable[str]) -> set[str]:
    return {n for n in nouns if n.startswith(HEAD_PREFIX)}


def shared_nouns(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """The nouns two place slots share, as a reader sees them: without the governing-word
    markers (:data:`HEAD_PREFIX`), sorted."""
    return sorted(n for n in set(a) & set(b) if not n.startswith(HEAD_PREFIX))


def same_head(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two place slots' nouns carry the same governing word."""
    ha, hb = _heads(a), _heads(b)
    return bool(ha & hb)


def holiday(name: str) -> bool:
    """A named day, not a place ("on Remembrance Day", "on New Year's Eve")."""
    last = name.split()[-1].lower() if name.split() else ""
    return last in ("day", "eve", "week", "weekend")


def _squashed(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalpha())


def one_spelling(a: str, b: str) -> bool:
    """Two spellings of one name ("Kel Dara" and "KelDarah"): equal without spaces, or,
    when as long as a town's name, apart by at most two letters changed, added or dropped."""
    x, y = _squashed(a), _squashed(b)
    if x == y:
        return True
    if min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 2:
        return False
    prev = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        cur = [i]
        for j, cy in enumerate(y, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cx != cy)))
        prev = cur
    return prev[-1] <= 2


_PART_CUES = re.compile(
    r"(?:\b(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'’-]*[^.;]{0,40}?\b(?:included|includes)\W+"
    r"(?:\w+\W+){0,3}"
    r"|^\W*(?:In|At|Near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,\s*(?:\w+\W+){0,3})$"
)


def part_cue(text: str, sent_start: int, at: int) -> re.Match[str] | None:
    """The cue making the figure at ``at`` one part of a total: what happened at one place
    "included" it ("the action in X included 17 strikes"), a place opening its sentence
    ("In X, 12 strikes hit ..."), or a total opening it ("Of the 145 arrested, 86 ...":
    :func:`~unspin.corpus.breakdowns.opening_part`)."""
    return _PART_CUES.search(text[sent_start:at]) or opening_part(text, sent_start, at)


def named_in(place: str, context: Iterable[str]) -> bool:
    """Whether every word of ``place`` is among a document's name keys."""
    words = set(norm_name(place).split())
    return bool(words) and words <= set(context)


_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def months_apart(a: str, b: str) -> int:
    """How many months lie between two ISO dates that both name a month (0 otherwise):
    a span that one event dated twice does not have (a dated event, not a place, but the
    same question: one event, or two of one kind)."""
    ma, mb = _MONTH.match(a), _MONTH.match(b)
    if not (ma and mb):
        return 0
    return abs((int(ma[1]) * 12 + int(ma[2])) - (int(mb[1]) * 12 + int(mb[2])))
