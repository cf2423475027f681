"""Quotation mentions written for the quote-drift tests, and the links an index makes of
them (invented quotations and names)."""

from __future__ import annotations

from unspin.corpus import QuoteIndex, QuoteMention
from unspin.corpus.words import content_words, normalise_quote, words

__all__ = ["links", "mention"]


def mention(
    doc: str,
    text: str,
    speaker: str | None,
    published: str = "2024-05-02",
    *,
    dates: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    settings: tuple[str, ...] = (),
) -> QuoteMention:
    """A quotation of ``speaker`` filling a whole one-sentence document ``doc`` (whose
    outlet is named after it)."""
    return QuoteMention(
        doc_id=doc, finding_id=f"quote-{doc}", start=0, end=len(text), text=text,
        norm=normalise_quote(text), speaker=speaker, published=published, outlet=doc,
        sentence_start=0, sentence_end=len(text), dates=dates, places=places, settings=settings,
        words=tuple(sorted(content_words(words(text)))),
    )  # fmt: skip


def links(*mentions: QuoteMention) -> list[tuple[str, str, tuple[str, ...]]]:
    """(earlier document, later document, what differs) of each quote-drift link."""
    index = QuoteIndex()
    index.add_mentions(mentions)
    return [(lk.a.doc_id, lk.b.doc_id, lk.differs) for lk in index.links()]
