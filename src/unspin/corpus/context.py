"""What two statements are about: the names they share, in their sentences or stories.

Two statements are taken as the same event only with evidence, and the evidence is shown
with each link:

* **the same names in their sentences** ("Harrowmere", "Osgood Textiles"); a sentence that
  names nothing itself ("Twenty fire engines were sent to the site.") stands for its
  document's headline and lead sentence;
* **the same story**: two documents published at most :data:`STORY_DAYS` days apart that
  share at least :data:`STORY_NAMES` name words anywhere (a follow-up of one report by
  another outlet). One shared town is not a story: "Harrowmere" appears in the report of a
  bridge collapse and of a minibus crash the day after.

Names are words written capitalised mid-sentence (:func:`~unspin.corpus.words.anchors_in`),
lower-cased; no list of places or people is involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from unspin.corpus.words import CALENDAR_WORDS, anchors_in, days_apart, norm_name, words
from unspin.model import Analysis

__all__ = ["STORY_DAYS", "STORY_NAMES", "DocNames", "doc_names", "shared_names", "story"]

#: Two documents further apart than this many days are not one story.
STORY_DAYS = 3
#: ... and they must share at least this many name words.
STORY_NAMES = 2


class _Located(Protocol):
    @property
    def doc_id(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def anchors(self) -> tuple[str, ...]: ...
    @property
    def context(self) -> tuple[str, ...]: ...
    @property
    def lead(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class DocNames:
    """The name keys of a document (``names``) and of its headline and lead (``lead``)."""

    names: tuple[str, ...]
    lead: tuple[str, ...]


def doc_names(
    analysis: Analysis, spans: Sequence[tuple[int, int]], proper: frozenset[str]
) -> DocNames:
    """Names of the whole document and of its headline and first sentence. A headline
    word counts only when the text itself shows it is a name (``proper``)."""
    text = analysis.document.text
    title = analysis.document.title or ""
    heads = [
        norm_name(w.text)
        for w in words(title)
        if w.text[:1].isupper() and norm_name(w.text) in proper
    ]
    per_sentence = [[a.key for a in anchors_in(text, s, e, proper)] for s, e in spans]
    lead = [*heads, *(per_sentence[0] if per_sentence else [])]
    everything = [*heads, *(k for ks in per_sentence for k in ks)]
    return DocNames(tuple(dict.fromkeys(everything)), tuple(dict.fromkeys(lead)))


def _keys(names: Iterable[str]) -> set[str]:
    """Name words, lower-cased; days and months ("Feb.") are no names."""
    return {w for n in names for w in norm_name(n).split()} - CALENDAR_WORDS


def sentence_names(s: _Located) -> set[str]:
    """The name words a statement is about: its sentence's, else its lead's."""
    return _keys(s.anchors) or set(s.lead) - CALENDAR_WORDS


def _shown(keys: Iterable[str], *slots: _Located) -> list[str]:
    """Name keys as written in the statements' sentences (else capitalised)."""
    written = {norm_name(w): w for s in slots for x in s.anchors for w in x.split()}
    return [written.get(k) or k[:1].upper() + k[1:] for k in sorted(keys)]


def shared_names(a: _Located, b: _Located, exclude: Iterable[str] = ()) -> list[str]:
    """Name words both statements are about (see :func:`sentence_names`), as written."""
    skip = _keys(exclude)
    return _shown((sentence_names(a) & sentence_names(b)) - skip, a, b)


def story(a: _Located, b: _Located, exclude: Iterable[str] = ()) -> list[str] | None:
    """The name words two documents share when they tell one story (see the module
    docstring), else ``None``. One document is always one story."""
    if a.doc_id == b.doc_id:
        return []
    apart = days_apart(a.published, b.published)
    if apart is None or apart > STORY_DAYS:
        return None
    shared = (set(a.context) & set(b.context)) - _keys(exclude) - CALENDAR_WORDS
    return _shown(shared, a, b) if len(shared) >= STORY_NAMES else None
