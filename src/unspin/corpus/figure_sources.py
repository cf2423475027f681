"""Who gives a figure: the source a sentence credits it to, as the text writes it.

Two documents giving two figures for one count on different days are an update only when
something orders them: the texts date the figures, or one source revised its own figure
("the company said 1,200; the company now says 1,400"). When neither text dates its figure
and two different sources give them ("1,200 jobs, the company said" and "900 jobs, the
union said"), the publication days order nothing: it is a conflict between sources.

:func:`figure_source` reads the credit of a figure from the ``attribution`` finding whose
content holds it and the ``speaker`` finding of that attribution's sentence:

* ``name:<words>``: a source written as a name ("Brenmark Steel said", "Mayor Ana Vik
  said"; the name the sources analyzer gives it);
* ``noun:<words>``: a source written as a description ("the company said", "the union
  said", "according to a union estimate", "officials said"), its content words as written,
  whatever the analyzer resolved it to ("the union" is not taken for the company named
  before it).

:func:`sources_differ` tells two credits apart only when they are written alike (two
names, or two descriptions) and share no word: a name and a description ("Brenmark
Steel" and "the company") may be one source.
"""

from __future__ import annotations

from collections.abc import Sequence

from unspin.corpus.words import norm_name, word_set
from unspin.model import Finding

__all__ = ["figure_source", "shown_source", "sources_differ"]

_NAMED = frozenset(("named_person", "named_organisation"))
#: Words of a description that say nothing about who it is.
_FUNCTION = word_set("the a an its their his her this that these those some")
#: Descriptions that are pronouns: who they are is the analyzer's guess.
_PRONOUNS = word_set("he she they it we i you one who")


def _words(text: str) -> list[str]:
    return [w for w in (norm_name(x.strip(".,;:\"'()")) for x in text.split()) if w]


def _key(speaker: Finding) -> str | None:
    attrs = speaker.attributes
    name = attrs.get("name")
    if speaker.label in _NAMED and speaker.text[:1].isupper() and not attrs.get("resolved_from"):
        words = _words(name if isinstance(name, str) and name else speaker.text)
        return "name:" + " ".join(words) if words else None
    if speaker.text[:1].isupper() and speaker.label in _NAMED:
        return None  # a pronoun or a shortened name, resolved: the analyzer's guess
    words = [w for w in _words(speaker.text) if w not in _FUNCTION]
    if not words or set(words) <= _PRONOUNS:
        return None
    return "noun:" + " ".join(words)


def figure_source(
    attributions: Sequence[Finding],
    speakers: Sequence[Finding],
    sentence: tuple[int, int],
    at: int,
) -> str | None:
    """The source the text credits the figure at ``at`` to (see the module docstring),
    or ``None`` when no attribution of its sentence holds it."""
    lo, hi = sentence
    held = [a for a in attributions if a.start <= at < a.end and lo <= a.start < hi]
    if not held:
        return None
    attribution = min(held, key=lambda a: a.end - a.start)
    outside = [
        s
        for s in speakers
        if lo <= s.start < hi and (s.end <= attribution.start or s.start >= attribution.end)
    ]
    if not outside:
        return None

    def gap(s: Finding) -> int:
        return (
            attribution.start - s.end if s.end <= attribution.start else s.start - attribution.end
        )

    return _key(min(outside, key=gap))


def sources_differ(a: str | None, b: str | None) -> bool:
    """Whether two credits (:func:`figure_source`) are two different sources: both written
    as names, or both as descriptions, sharing no word."""
    if not a or not b:
        return False
    kind_a, _, words_a = a.partition(":")
    kind_b, _, words_b = b.partition(":")
    return kind_a == kind_b and not set(words_a.split()) & set(words_b.split())


def shown_source(key: str | None) -> str:
    """A credit as an explanation shows it: its words ("union", "brenmark steel")."""
    return (key or "").partition(":")[2] or "unknown"
