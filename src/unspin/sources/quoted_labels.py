"""Quoted words that are labels, not anyone's words (asked by :func:`.not_words`).

* a work's title closing a sentence after a comma, a noun for the work before it
  ('based on the biography of the late builder, "Harbor Light."');
* one item of a list of three short quoted items or more ('a list of "rent," "car
  loans," and "school fees"');
* one past participle set off after "be", "been" or "being" ('cases have been
  "recorded"'): the writer's distance from the word, not a quotation;
* a nickname after "known as" (or "best know as", as typed) or "nicknamed" ('the singer
  best known as "the ...."');
* a word or two put in place of another quoted word the writer names as a word or says
  is used, replaced or preferred ('uses the term "first-year" in place of "freshman,"',
  'changed "fees" to "charges"'): both are words talked about, not anyone's words.
"""

from __future__ import annotations

import re

from unspin.sources.quotes import QuoteSpan
from unspin.sources.state import RunState

__all__ = ["quoted_label"]

#: Nouns for a work whose title may follow after a comma.
_WORK_NOUNS = re.compile(
    r"\b(?:biography|autobiography|memoir|book|novel|film|movie|album|song|single|play"
    r"|documentary|series|show|musical|poem|essay|report)\b",
    re.IGNORECASE,
)
#: The most words of a title given after a work noun.
_TITLE_WORDS = 8
#: Small words a title-case title keeps in lower case.
_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or"})
#: The most words of one item of a quoted list.
_ITEM_WORDS = 4
#: What may stand between two items of a quoted list.
_LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?$")
#: A form of "be" right before a quotation.
_BE = re.compile(r"\b(?:be|been|being)\s*$", re.IGNORECASE)
#: Words that give a nickname.
_NICKNAMED = re.compile(
    r"(?:\b(?:(?:best|better|also|widely|commonly)\s+known?|known)\s+as"
    r"|\bnicknamed|\bdubbed\s+(?:himself|herself))\s*$",
    re.IGNORECASE,
)

#: A quoted word named as a word, or used, replaced or preferred, then what stands for it
#: ('the term "first-year" in place of', 'replaced "fees" with'), right before a quotation.
_SWAPPED = re.compile(
    r"(?:\b(?:term|word|phrase|expression|label|name)s?\s+"
    r"|\b(?:use[sd]?|using|replac(?:e[sd]?|ing)|swap(?:s|ped|ping)?|chang(?:e[sd]?|ing)"
    r"|prefer(?:s|red|ring)?)\s+(?:the\s+)?)"
    r"[\"“'‘][^\"“”'‘’\n]{1,40}[\"”'’]\s*,?\s+"
    r"(?:in\s+place\s+of|instead\s+of|rather\s+than|to|for|with|over)\s*$",
    re.IGNORECASE,
)
#: The most words of a quotation put in place of another.
_SWAP_WORDS = 2


def quoted_label(st: RunState, q: QuoteSpan, inner: str, words: list[str]) -> bool:
    """Whether quotation ``q`` is one of the labels the module lists."""
    before = st.text[max(0, q.start - 40) : q.start]
    if _NICKNAMED.search(before):
        return True
    if len(words) <= _SWAP_WORDS and _SWAPPED.search(st.text[max(0, q.start - 100) : q.start]):
        return True  # 'the term "first-year" in place of "freshman,"': a word talked about
    if len(words) == 1 and words[0].islower() and words[0].endswith("ed") and _BE.search(before):
        return True
    return _title(st, q, inner, words) or _listed(st, q)


def _title(st: RunState, q: QuoteSpan, inner: str, words: list[str]) -> bool:
    if not 1 <= len(words) <= _TITLE_WORDS or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words):
        return False
    after = st.text[q.end : q.end + 1]
    closing = inner.rstrip().endswith(".") or after == "."
    if not closing or not st.text[: q.start].rstrip().endswith(","):
        return False
    start = st.sentence_start(q.start)
    return _WORK_NOUNS.search(st.text, start, q.start) is not None


def _listed(st: RunState, q: QuoteSpan) -> bool:
    """``q`` is one of three short quoted items or more, joined only by commas and "and"."""
    quotes = [p for p in st.quotes if p.parent is None and not p.is_block]
    if q not in quotes:
        return False
    k = quotes.index(q)
    lo = hi = k
    while lo > 0 and _joined(st, quotes[lo - 1], quotes[lo]):
        lo -= 1
    while hi + 1 < len(quotes) and _joined(st, quotes[hi], quotes[hi + 1]):
        hi += 1
    items = quotes[lo : hi + 1]
    return len(items) >= 3 and all(
        len(st.text[p.inner_start : p.inner_end].split()) <= _ITEM_WORDS for p in items
    )


def _joined(st: RunState, a: QuoteSpan, b: QuoteSpan) -> bool:
    gap = st.text[a.end : b.start]
    return len(gap) <= 8 and _LIST_GLUE.fullmatch(gap) is not None
