"""Whether two quotations are one utterance: the evidence a quote-drift link needs.

Two quotations that share a stock phrase ("I don't know ...", "we're going to win this
election", "make it great again") are not one quotation drifted; a fact-checker accepts
a drift only when both spans are the same words of the same person, one altered,
shortened or credited to someone else. :func:`same_utterance` asks for that evidence:

* ``identical`` wording credited to two different people needs two content words (a
  programme title or a bare greeting is not a remark anyone could be misquoted on);
* ``partial`` wording (one quotes a part of the other) needs the part to carry three
  content words, four when the two are credited to different people;
* ``drifted`` wording needs the same speaker (or one not resolved: a different resolved
  speaker with altered words is two quotations), no name put in the place of another
  ("a big fan of Ada" vs "a big fan of Ivo Brandt"), and either a shared run of six words
  holding three content words, or nearly the same whole wording (similarity
  :data:`NEAR_IDENTICAL` in order or sorted) over seven words sharing three content words,
  or, from one named speaker, the same words but one or two in one place
  (:func:`one_place_changed`: "will reopen in May" and "will reopen in June" are one
  remark with its detail altered, the drift a fact-checker looks for).

:func:`resolved_speaker` says which speaker strings are names (a speaker "At Boca
West" or "Kerrow told the agency of the plan" is not resolved), :func:`same_speaker`
compares two names with accents folded, :func:`disjoint_dates` compares ISO dates,
months, years and weeks as periods.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from datetime import date, timedelta

from unspin.corpus._fuzzy import fuzz
from unspin.corpus.words import STOPWORDS, content_words, norm_name, words
from unspin.lexicon import TITLE_WORDS

__all__ = [
    "CHANGED_MIN_WORDS",
    "NEAR_IDENTICAL",
    "disjoint_dates",
    "name_swapped",
    "one_place_changed",
    "resolved_speaker",
    "same_speaker",
    "same_utterance",
    "shared_run",
]

#: Similarity (rapidfuzz ratio or token-sort ratio) from which a whole wording is nearly
#: the same.
NEAR_IDENTICAL = 85.0
#: A shared run of words that is one utterance, not a stock phrase: its length and the
#: content words in it.
RUN_WORDS = 6
RUN_CONTENT = 3

_PARTICLES = frozenset(("de", "del", "della", "di", "da", "van", "von", "der", "den", "la", "le",
                        "al", "bin", "ibn", "du"))  # fmt: skip
_INITIAL = re.compile(r"^[A-Z]\.?$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _title(word: str) -> bool:
    """A title, written out or abbreviated with or without its point ("Gov", "Sen.")."""
    bare = word.rstrip(".")
    return bare in TITLE_WORDS or f"{bare}." in TITLE_WORDS


def resolved_speaker(name: str | None) -> str | None:
    """``name`` as a comparable key (lower case, accents folded) when it reads as a
    person's or body's name: one to five capitalised words (initials and particles
    allowed), not opening with a function word and not ending on a title; else None."""
    if not name:
        return None
    tokens = name.split()
    if not 1 <= len(tokens) <= 5:
        return None
    for i, tok in enumerate(tokens):
        if tok.lower() in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not tok[:1].isupper() and not _INITIAL.match(tok):
            return None
    first, last = tokens[0].lower(), tokens[-1].lower().rstrip(".")
    if first in STOPWORDS or _title(first) or _title(last) or last in STOPWORDS:
        return None
    key = _fold(norm_name(name))
    return key or None


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True when one name's words are among the other's ("Kerrow", "Dana Kerrow"),
    False for two different names, None when either is not a resolved name."""
    ka, kb = resolved_speaker(a), resolved_speaker(b)
    if ka is None or kb is None:
        return None
    ta, tb = set(ka.split()), set(kb.split())
    return ta <= tb or tb <= ta


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")


def _period(iso: str) -> tuple[date, date] | None:
    try:
        if m := _ISO_DAY.match(iso):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _ISO_MONTH.match(iso):
            start = date(int(m[1]), int(m[2]), 1)
            nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            return start, nxt - timedelta(days=1)
        if m := _ISO_WEEK.match(iso):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _ISO_YEAR.match(iso):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _overlap(x: str, y: str) -> bool:
    px, py = _period(x), _period(y)
    if px is None or py is None:
        return x.startswith(y) or y.startswith(x)
    return px[0] <= py[1] and py[0] <= px[1]


def disjoint_dates(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when both sides name dates and none of ``a`` overlaps one of ``b`` (a day
    lies in its week, month and year)."""
    if not a or not b:
        return False
    return not any(_overlap(x, y) for x in a for y in b)


def _names(text: str) -> frozenset[str]:
    """Lower-cased capitalised words of a quotation that are not its first word or a
    sentence's (the names it holds)."""
    out = set()
    for i, w in enumerate(words(text)):
        before = text[: w.start].rstrip(" \"“”‘’'«»(")
        if i == 0 or not before or before[-1] in ".!?:":
            continue
        if w.text[:1].isupper() and w.lower not in STOPWORDS and w.lower not in ("i", "i'm"):
            out.add(w.lower.replace("’", "'"))
    return frozenset(out)


def name_swapped(a_text: str, a_norm: str, b_text: str, b_norm: str) -> bool:
    """True when, aligning the two wordings, a name of one stands where the other has
    another name that the first never names ("a big fan of Ada" vs "a big fan of Ivo
    Brandt"; not "Ada or Ivo" vs "Ivo or Ada")."""
    na, nb = _names(a_text), _names(b_text)
    if not na or not nb:
        return False
    ta, tb = a_norm.split(), b_norm.split()
    only_a, only_b = na - set(tb), nb - set(ta)  # names the other wording lacks
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace" and set(ta[i1:i2]) & only_a and set(tb[j1:j2]) & only_b:
            return True
    return False


def shared_run(a_norm: str, b_norm: str) -> tuple[int, int]:
    """The longest run of words both wordings share: its length and its content words."""
    ta, tb = a_norm.split(), b_norm.split()
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    m = matcher.find_longest_match(0, len(ta), 0, len(tb))
    run = " ".join(ta[m.a : m.a + m.size])
    return m.size, len(content_words(words(run)))


#: A quotation this many words long (or longer) can be one remark with a detail changed.
CHANGED_MIN_WORDS = 6


def one_place_changed(a_norm: str, b_norm: str) -> bool:
    """Whether two wordings of :data:`CHANGED_MIN_WORDS` words or more are the same but
    for one or two words replaced in one place."""
    ta, tb = a_norm.split(), b_norm.split()
    if min(len(ta), len(tb)) < CHANGED_MIN_WORDS:
        return False
    ops = [op for op in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()]
    changed = [op for op in ops if op[0] != "equal"]
    if len(changed) != 1 or changed[0][0] != "replace":
        return False
    _, i1, i2, j1, j2 = changed[0]
    return i2 - i1 <= 2 and j2 - j1 <= 2


def same_utterance(
    a_text: str,
    a_norm: str,
    a_words: tuple[str, ...],
    b_text: str,
    b_norm: str,
    b_words: tuple[str, ...],
    *,
    wording: str,
    speakers: bool | None,
) -> bool:
    """Whether two quotations whose wording compares as ``wording`` ("identical",
    "partial", "drifted") are one utterance (see the module docstring); ``speakers`` is
    :func:`same_speaker` of their speakers."""
    if wording == "identical":
        return speakers is not False or min(len(a_words), len(b_words)) >= 2
    if name_swapped(a_text, a_norm, b_text, b_norm):
        return False
    if wording == "partial":
        short_words = a_words if len(a_norm) <= len(b_norm) else b_words
        return len(short_words) >= (4 if speakers is False else 3)
    if speakers is False:
        return False  # altered words credited to someone else: two quotations
    if speakers is True and one_place_changed(a_norm, b_norm):
        return True
    size, content = shared_run(a_norm, b_norm)
    if size >= RUN_WORDS and content >= RUN_CONTENT:
        return True
    f = fuzz()
    near = max(float(f.ratio(a_norm, b_norm)), float(f.token_sort_ratio(a_norm, b_norm)))
    length = min(len(a_norm.split()), len(b_norm.split()))
    shared = set(a_words) & set(b_words)
    return near >= NEAR_IDENTICAL and length >= 7 and len(shared) >= 3
