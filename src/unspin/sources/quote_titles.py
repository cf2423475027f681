"""Quoted words that are no one's words: a title, a name or a phrase the writer talks about.

:func:`not_words` tells :mod:`.findings` that a quotation is a title given after a word
that names one ('headlined "..."', 'bears the title: "..."', in any case), a title-case
work closing the writer's sentence or phrase after a preposition ('the set of "Stars: The
Return."', 'appearing on "Morning Desk," Lund said'), a title-case name set after the
noun it names ('the movement "Friends of the River," Ali Karim said'), a follow line
under a byline ('>> Follow Ann Lund on Twitter') or a quoted noun phrase that is the
subject of what the writer says of it ('"Frogs in the pond" may sound like a song
title'), or one of the labels of :mod:`.quoted_labels`. Each is dropped like a quoted
title.
"""

from __future__ import annotations

import re

from unspin.nlp import Token
from unspin.sources.linking import opens_sentence
from unspin.sources.quoted_labels import quoted_label
from unspin.sources.quotes import QuoteSpan
from unspin.sources.state import LAST_WORD, RunState

__all__ = ["case_words", "not_words"]

#: A word that gives the title of what follows ('headlined "..."', 'the title: "..."').
_GIVES_TITLE = re.compile(
    r"\b(?:titled|entitled|headlined|captioned|title|headline|caption)[,:]?\s*$", re.IGNORECASE
)
#: The most words of a title given after such a word.
_LONG_TITLE = 24
#: Small words a title-case title keeps in lower case.
_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or"})
_SMALL |= {"by", "about", "from", "into", "over", "under", "against", "between", "without"}
_SMALL |= {"v", "vs"}
#: Prepositions before a work named at the end of a sentence ('the set of "...".').
_PREPOSITIONS = frozenset({"of", "in", "on", "from", "for", "at", "into", "about", "with"})
#: A call to follow someone on a named service, under a byline.
_FOLLOW_LINE = re.compile(
    r"^[\s>»]*(?:[Ff]ollow|[Ss]ubscribe to)\b[^.!?\n]{0,80}\bon\s+[A-Z][\w.]*\W*$"
)
#: The most words of a quoted noun phrase read as the subject the writer talks about.
_MAX_SUBJECT_WORDS = 8
#: The most words of a quoted topic in a phrase that opens a sentence ("As for "intent,"").
_MAX_TOPIC_WORDS = 3


#: Letters outside the marks that make a line in capitals a shouted one, not an acronym.
_SHOUTED_LETTERS = 12


def not_words(st: RunState, q: QuoteSpan, inner: str, words: list[str], how: str | None) -> bool:
    """Whether quotation ``q`` (``inner`` its text, ``words`` its words, ``how`` how it was
    tied to a speaker) is a title, a name or a phrase talked about, not a quotation."""
    if _FOLLOW_LINE.match(inner.strip()):
        return True
    if q.is_block:
        return False
    if quoted_label(st, q, inner, words):
        return True  # a work's title, a listed item, a word held at a distance, a nickname
    before = st.text[max(0, q.start - 30) : q.start]
    if _GIVES_TITLE.search(before) and len(words) <= _LONG_TITLE:
        return True
    end = inner.rstrip()
    if _title_case(words):
        prev = LAST_WORD.search(before)
        after = st.text[q.end : q.end + 1]
        closing = end.endswith(".") and (not after or after.isspace())
        if closing and prev is not None and prev.group(1).lower() in _PREPOSITIONS:
            return True  # 'stolen from the set of "Stars v. Moons: Dawn of the Tide."'
        if end.endswith(",") and prev is not None and prev.group(1).lower() in _PREPOSITIONS:
            return True  # 'Ann Lund, appearing on "Morning Desk," said': a show's name
        if end.endswith(",") and how == "after" and _after_noun(st, q):
            return True  # 'the movement "Friends of the River," Ali Karim said'
    if how == "after" and end.endswith(",") and _fronted_topic(st, q, words):
        return True  # 'As for her "intent," Lund said ...': what she is asked about
    return how is None and _talked_about(st, q, words)


def case_words(st: RunState, q: QuoteSpan, words: list[str]) -> list[str]:
    """``words`` as their capitals are read for a title: in lower case when the line
    around quotation ``q`` is in capitals too (a rant, a headline), where capitals say
    nothing of a title ('SENATOR DOLAN SAID "WE WILL NEVER RAISE TAXES"')."""
    lo = st.text.rfind("\n", 0, q.start) + 1
    hi = st.text.find("\n", q.end)
    around = st.text[lo : q.start] + st.text[q.end : hi if hi >= 0 else len(st.text)]
    letters = [c for c in around if c.isalpha()]
    if len(letters) < _SHOUTED_LETTERS or any(c.islower() for c in letters):
        return words
    return [w.lower() for w in words]


def _fronted_topic(st: RunState, q: QuoteSpan, words: list[str]) -> bool:
    """A quoted noun or two that closes a prepositional phrase opening its sentence, before
    any verb ('As for the question of her "intent," Lund said ...', 'On "fairness," ...'):
    the topic the speaker named after it talks about, not the speaker's words."""
    if not st.has_parse or len(words) > _MAX_TOPIC_WORDS or opens_sentence(st, q):
        return False
    root = _phrase_root(st, q)
    if root is None or root.dep != "pobj":
        return False
    before = st.parsed.tokens_in(st.sentence_start(q.start), q.start)
    return bool(before) and not any(t.pos in ("VERB", "AUX") for t in before)


def _phrase_root(st: RunState, q: QuoteSpan) -> Token | None:
    """The one token heading the words inside ``q`` when they are a phrase with no verb
    (a noun phrase the sentence uses: its subject, a preposition's object), else None."""
    inside = [t for t in st.parsed.tokens_in(q.inner_start, q.inner_end) if t.pos != "PUNCT"]
    if not inside or any(t.pos in ("VERB", "AUX") for t in inside):
        return None
    idx = {t.i for t in inside}
    roots = [t for t in inside if t.head not in idx]
    return roots[0] if len(roots) == 1 else None


def _title_case(words: list[str]) -> bool:
    """Two or more words, each capitalised, a number or a small word, the first capitalised."""
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def _after_noun(st: RunState, q: QuoteSpan) -> bool:
    """Whether ``q`` follows a noun right before its opening mark, inside its sentence."""
    if not st.has_parse or opens_sentence(st, q):
        return False
    k = st.parsed.token_at(q.start - 2) if q.start >= 2 else None
    if k is None:
        return False
    t = st.parsed.tokens[k]
    return t.end == q.start - 1 and t.pos in ("NOUN", "PROPN")


def _talked_about(st: RunState, q: QuoteSpan, words: list[str]) -> bool:
    """A quoted noun phrase no speaker is tied to, with no verb, that is the subject of
    the writer's clause after it ('"Frogs in the pond" may sound like a song title')."""
    if not st.has_parse or len(words) > _MAX_SUBJECT_WORDS:
        return False
    root = _phrase_root(st, q)
    if root is None or root.dep not in ("nsubj", "nsubjpass"):
        return False
    before = st.parsed.tokens_in(max(0, q.start - 60), q.start)
    if any(t.head == root.i and t.pos != "PUNCT" for t in before):
        return False  # 'the "experts" who wrote it', 'the so-called "reform"': a scare quote
    head = st.parsed.tokens[root.head]
    return head.start >= q.end and head.pos in ("VERB", "AUX")
