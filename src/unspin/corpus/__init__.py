"""Cross-document comparison: contradictions, quote drift and propagation.

Per document (cheap, storable)::

    slots = extract_slots(analysis)        # quantity, date and role slots, with blocking keys
    quotes = quote_mentions(analysis)      # quotations with speaker and occasion
    sents = passages(analysis)             # sentences for near-duplicate search

Across documents::

    links = find_contradictions(slots_of_many_documents)   # by blocking key, never all pairs
    links += find_quote_drift(analyses)                    # MinHash LSH + rapidfuzz
    links += find_propagation(analyses)
    report = document_report(doc_id, links)                # the links one report shows

Every :class:`Link` joins two anchored spans (document id, offsets, text, publication
date, outlet), names the slot it matched on and the rule that decided, and never says
which side is right. Needs the ``corpus`` extra (rapidfuzz, datasketch) for quotes and
propagation; slots and contradictions need nothing beyond the core.
"""

from unspin.corpus.contradictions import compare_slots, find_contradictions, group_slots
from unspin.corpus.model import (
    LINK_KINDS,
    DateSlot,
    Link,
    QuantitySlot,
    RoleSlot,
    Side,
    Slot,
    slot_from_dict,
)
from unspin.corpus.propagation import Passage, PassageIndex, find_propagation, passages
from unspin.corpus.quotes import (
    QuoteCluster,
    QuoteIndex,
    QuoteMention,
    compare_wording,
    find_quote_drift,
    quote_clusters,
    quote_mentions,
)
from unspin.corpus.report import DocumentReport, ReportEntry, document_report
from unspin.corpus.slots import extract_slots

__all__ = [
    "LINK_KINDS",
    "DateSlot",
    "DocumentReport",
    "Link",
    "Passage",
    "PassageIndex",
    "QuantitySlot",
    "QuoteCluster",
    "QuoteIndex",
    "QuoteMention",
    "ReportEntry",
    "RoleSlot",
    "Side",
    "Slot",
    "compare_slots",
    "compare_wording",
    "document_report",
    "extract_slots",
    "find_contradictions",
    "find_propagation",
    "find_quote_drift",
    "group_slots",
    "passages",
    "quote_clusters",
    "quote_mentions",
    "slot_from_dict",
]
