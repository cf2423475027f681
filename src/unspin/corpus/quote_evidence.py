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
from unspin.lexicon import HONORIFICS, ORG_NOUNS, TITLE_WORDS

__all__ = [
    "CHANGED_MIN_WORDS",
    "NEAR_IDENTICAL",
    "disjoint_dates",
    "excerpts_only",
    "name_swapped",
    "one_place_changed",
    "organisation",
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
    """True when one name's words are among the other's ("Kerrow", "Dana Kerrow"), or
    the two are one person written two ways (a spelling variant or transliteration of
    one surname with compatible given names, "Mr" or "Ms" plus the surname); False for
    two different persons' names, at least one of them written in full; None when either
    is not a resolved name, names an organisation (a body and the person speaking for it
    are no change of speaker) or both are bare one-word names that do not match."""
    ka, kb = resolved_speaker(a), resolved_speaker(b)
    if ka is None or kb is None:
        return None
    if ka == kb:
        return True
    if organisation(a or "") or organisation(b or ""):
        return None
    ta, tb = _person(ka), _person(kb)
    if not ta or not tb:
        return None
    if set(ta) <= set(tb) or set(tb) <= set(ta):
        return True
    if _similar(ta[-1], tb[-1]) and _given_compatible(ta[:-1], tb[:-1]):
        return True
    if len(ta) == 1 and len(tb) == 1:
        return None  # two bare words: a title or an outlet is as likely as a person
    return False


#: Words that make a speaker a body or a publication, besides the generic institutions.
_BODY_WORDS = ORG_NOUNS | frozenset(
    {"house", "times", "post", "mirror", "news", "press", "telegraph", "guardian", "journal",
     "herald", "tribune", "gazette", "chronicle", "magazine", "network", "channel",
     "television", "radio", "tv", "daily", "weekly", "service", "services", "office",
     "agency", "inc", "ltd", "corp", "llc", "society"}
)  # fmt: skip
_CAMEL = re.compile(r"[a-z][A-Z]")


def organisation(name: str) -> bool:
    """True when ``name`` reads as a body or a publication, not a person: an acronym
    ("DHS"), a word run together with inner capitals ("NewsDotNet"), or an institution
    or publication word ("Metropolitan Police", "Sunday Herald")."""
    for tok in name.split():
        bare = tok.strip(".,;:'’()")
        if len(bare) >= 2 and bare.isupper() and bare.isalpha():
            return True
        if len(_CAMEL.findall(bare)) >= 2:
            return True
        if bare.lower() in _BODY_WORDS:
            return True
    return False


def _person(key: str) -> list[str]:
    """A resolved name's words after any honorific or title before it ("bewildered ms
    vell" -> ["vell"]), punctuation and initials left out of the given names."""
    toks = [t.strip(".,;:()") for t in key.split()]
    toks = [t for t in toks if t]
    cut = max((i + 1 for i, t in enumerate(toks[:-1]) if t in HONORIFICS or _title(t)), default=0)
    return toks[cut:]


def _similar(x: str, y: str) -> bool:
    """One surname spelt two ways: the same first letter and close in spelling."""
    if x == y:
        return True
    return x[:1] == y[:1] and min(len(x), len(y)) >= 3 and float(fuzz().ratio(x, y)) >= 80


def _given_compatible(ga: list[str], gb: list[str]) -> bool:
    """Given names that can be one person's: either missing, or each first given name
    of one matching the other's by initial or close spelling ("Naser", "Nasser S.")."""
    fa = [g for g in ga if len(g) > 1 and g not in _PARTICLES]
    fb = [g for g in gb if len(g) > 1 and g not in _PARTICLES]
    if not fa or not fb:
        ia, ib = {g[:1] for g in ga}, {g[:1] for g in gb}
        return not ia or not ib or bool(ia & ib)
    x, y = fa[0], fb[0]
    return x[:1] == y[:1] and float(fuzz().ratio(x, y)) >= 75


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


#: Words each side needs at a differing end for two different continuations of one shared
#: passage ("... the town was closed. It lies near X" vs "... the town was closed. That is
#: false"), not a word or two altered at the edge of one quotation.
CONTINUATION_WORDS = 5


def _spelling(x: list[str], y: list[str]) -> bool:
    """One word spelt two ways ("realised", "realized"), not another word ("like",
    "unlike"): the same first letter, lengths within one, close in spelling."""
    if len(x) != 1 or len(y) != 1:
        return False
    u, v = x[0], y[0]
    return u[:1] == v[:1] and abs(len(u) - len(v)) <= 1 and float(fuzz().ratio(u, v)) >= 80


def excerpts_only(a_norm: str, b_norm: str) -> bool:
    """True when two normalised quotations differ only at their ends: one starts or
    stops earlier (an excerpt, cut at other words), or each runs on into a different
    passage of at least :data:`CONTINUATION_WORDS` words, with no word changed inside the
    shared passage but a spelling variant. Such a pair is no drift of wording."""
    a, b = a_norm.split(), b_norm.split()
    ops: list[list[int | str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace" and _spelling(a[i1:i2], b[j1:j2]):
            tag = "equal"
        if ops and (ops[-1][0] == "equal") == (tag == "equal"):
            ops[-1][2], ops[-1][4] = i2, j2  # one run with the one before
            continue
        ops.append([tag, i1, i2, j1, j2])
    merged: list[list[int | str]] = []
    for op in ops:  # a one-word run between two changes is part of one change
        if (
            len(merged) >= 2 and merged[-1][0] == "equal" and op[0] != "equal"
            and int(merged[-1][2]) - int(merged[-1][1]) == 1
        ):  # fmt: skip
            merged.pop()
            merged[-1][0], merged[-1][2], merged[-1][4] = "replace", op[2], op[4]
            continue
        merged.append(op)
    changed = [op for op in merged if op[0] != "equal"]
    if not changed or not any(op[0] == "equal" for op in merged):
        return False
    for op in changed:
        if op is not merged[0] and op is not merged[-1]:
            return False  # a change inside the shared passage
        na, nb = int(op[2]) - int(op[1]), int(op[4]) - int(op[3])
        if na and nb and min(na, nb) < CONTINUATION_WORDS:
            return False  # a word or two altered at the edge
    return True
