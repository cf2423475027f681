"""Site furniture: text an outlet repeats in its own pages, which no one propagates.

A propagation link says that one document took a passage from another (or both from one
source). On real news most verbatim repeats of a single sentence are not that but site
furniture: an editor's note appended to many articles, a video or subscription notice,
a list of links to other stories, the standing intro line of a daily digest, a section
header, a contributor's bio line, a stock sentence a live blog repeats night after
night. General cues tell them apart, none naming an outlet or a topic:

* :func:`no_content`: a sentence that says nothing is no passage: a header or an intro
  line ending in a colon, a headline or a list of headlines (title case throughout); nor
  is an editor's (publisher's, author's) note, the outlet's own word to its readers
  ("[Editor's note: pre-order the author's new book here.]"), however many pages repeat
  it;
* :func:`closing_bio`: a document's last sentence that says who someone named is
  ("Ilse Varn (email her) is the editor of the Harbour Ledger.") is the writer's bio
  line, or the closing "about us" line of a press release, that a site puts under its
  pages: no passage;
* :func:`keep_pair`: two documents that share a single sentence are linked only when
  they come from different outlets (a single sentence in two of one outlet's articles
  is its own furniture or background at most; a republished or revised article shares
  many sentences) and when that sentence is no furniture: it is not found in
  ``OUTLET_FURNITURE`` documents of one outlet nor ``CORPUS_FURNITURE`` documents in all
  (the document frequency of the sentence, near-copies counted). Two documents sharing
  ``MIN_SHARED`` sentences or more are linked, once their furniture runs are left out;
* :func:`corpus_furniture`: a block of site furniture (a signup form, a terms-of-use
  line, a poll widget) is shared whole by pages on every subject; a wire story copied
  by many outlets is shared by pages on one story. A sentence held by
  ``CORPUS_FURNITURE`` documents or more is furniture unless its holders are one story:
  a name among the topic words (:func:`topic_words`: the names a document repeats most)
  of ``STORY_SHARE`` of them (every one: a site's pages on one subject for a while hold
  its furniture too). A run of matching sentences holding one such sentence is furniture
  whole, with the runs next to it (:func:`unspin.corpus.propagation.content_runs`: the
  form's rarer line naming the site, a poll's question); the pair is judged on the
  sentences left.

The counts are those known when a pair is linked: in a store linked document by
document, the documents indexed so far (a link already stored while the sentence was
still rare stays; the pairs of one outlet never depend on it, as they need
``MIN_SHARED`` sentences); in :class:`unspin.corpus.propagation.PassageIndex`, all the
documents added.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from unspin.corpus.words import norm_name, proper_words, words

__all__ = [
    "CORPUS_FURNITURE",
    "MIN_SHARED",
    "OUTLET_FURNITURE",
    "STORY_SHARE",
    "TOPIC_WORDS",
    "closing_bio",
    "corpus_furniture",
    "keep_pair",
    "no_content",
    "topic_words",
]

#: A pair of documents sharing this many sentences is a republication or a copy.
MIN_SHARED = 2
#: A sentence in this many documents of one outlet is that outlet's furniture.
OUTLET_FURNITURE = 3
#: A sentence in this many documents of the corpus is furniture.
CORPUS_FURNITURE = 5
#: A document's topic words: this many names, the most repeated first.
TOPIC_WORDS = 10
#: Holders of a sentence are one story when this share of them has one topic word (all:
#: pages of one site on one subject for a while hold its furniture too, and a store
#: linked document by document judges on the holders so far).
STORY_SHARE = 1.0
#: An editor's, editors', publisher's or author's note, however bracketed: the outlet
#: speaking to its readers about its own pages.
_NOTE = re.compile(
    r"(?i)\W*(?:editor|editors|publisher|author)(?:['’]s|s['’]|['’])?\s+note\s*[:.\-–—]"
)


def no_content(text: str, own: Sequence[str]) -> bool:
    """Whether a sentence (its text and its words outside quotations) is a header, an
    intro line ending in a colon, a headline or list of headlines in title case, or an
    editor's note."""
    if text.rstrip().rstrip("\"'”’»)").endswith(":") or _NOTE.match(text):
        return True
    lower = sum(1 for w in own if w[:1].islower())
    alpha = sum(1 for w in own if w[:1].isalpha())
    return alpha >= 8 and lower <= 1


#: A name of two to four capitalised words or initials, an aside in brackets, then "is"
#: and what the bearer is: "Ilse K. Varn (email her) is the editor of ...".
_BIO = re.compile(
    r"\W*(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’.-]*\s*(?:\([^)]{0,40}\)\s*)?"
    r"is\s+(?:(?:a|an|the)\b|[A-Z])"
)


def closing_bio(text: str) -> bool:
    """Whether a document's last sentence is a bio line: a name, then what its bearer
    is (see the module docstring)."""
    return _BIO.match(text) is not None


def keep_pair(
    shared: int,
    outlets: tuple[str | None, str | None],
    holders: Iterable[tuple[str, str | None]],
) -> bool:
    """Whether two documents sharing ``shared`` sentences (near-copies) are linked as a
    propagation. ``outlets`` are the two documents' outlets; ``holders`` the documents
    known to hold the shared sentence (document id, outlet; the pair's own included),
    read when ``shared`` is one (see the module docstring)."""
    if shared >= MIN_SHARED:
        return True
    a, b = outlets
    if a is not None and a == b:
        return False
    docs = dict(holders)
    if len(docs) >= CORPUS_FURNITURE:
        return False
    per_outlet = Counter(o for o in docs.values() if o is not None)
    return not per_outlet or max(per_outlet.values()) < OUTLET_FURNITURE


def topic_words(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, ...]:
    """What a document is about, as its ``TOPIC_WORDS`` names (lower-cased words the
    document writes capitalised inside sentences: :func:`~unspin.corpus.words.proper_words`)
    most repeated, ties in order of first appearance (a weekday or a month a story's
    copies all name counts: wire copies of one story may share no other name)."""
    names = proper_words(text, spans)
    counts = Counter(k for k in (norm_name(w.text) for w in words(text)) if k in names)
    return tuple(w for w, _ in counts.most_common(TOPIC_WORDS))


def corpus_furniture(topics: Sequence[Sequence[str]]) -> bool:
    """Whether a sentence held by documents whose topic words are ``topics`` (one entry
    per document, the pair's included) is site furniture: held by ``CORPUS_FURNITURE``
    documents or more, no topic word being held by ``STORY_SHARE`` of them (see the
    module docstring)."""
    if len(topics) < CORPUS_FURNITURE:
        return False
    counts = Counter(w for t in topics for w in set(t))
    return not counts or max(counts.values()) < STORY_SHARE * len(topics)
