"""What the corpus comparisons compare, one document and one pair at a time.

Shared by the sequential link run (:func:`unspin.corpus.store_adapter.link_store`) and the
run sharded by blocking key (:mod:`unspin.corpus.sharding`), so both find the same links:

* :class:`Comparer` ``.items(analysis, name)``: a document's items for one comparison
  (slots, quotations or passages), each with its blocking keys, plus the links found
  inside the document; ``.compare(space, earlier, new)``: one pair;
* :func:`quote_links` and :func:`passage_links`: the links a new document gets from all
  its matches (a quotation linked to its earliest appearance; passages to the documents
  published first).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.corpus._fuzzy import BandHasher, fuzz, shingles, when_key
from unspin.corpus.contradictions import compare_slots, find_contradictions
from unspin.corpus.model import Link, slot_from_dict
from unspin.corpus.passage_furniture import corpus_furniture
from unspin.corpus.propagation import Passage, linked_runs, passage_link, passages
from unspin.corpus.quotes import QuoteMention, _drift_link, mention_keys, quote_mentions, relate
from unspin.corpus.slots import extract_slots
from unspin.model import Analysis

__all__ = [
    "ALL",
    "KINDS",
    "NEWEST",
    "PARSE",
    "SPACES",
    "Comparer",
    "Keyed",
    "passage_links",
    "quote_links",
]

log = logging.getLogger(__name__)

#: What a link run can compute, and the index space each one keeps.
SPACES: dict[str, str] = {"contradictions": "slot", "quotes": "quote", "propagation": "passage"}
ALL = tuple(SPACES)
#: The link kinds each comparison writes.
KINDS: dict[str, tuple[str, ...]] = {
    "contradictions": ("contradiction", "compatible", "update", "restatement", "differs"),
    "quotes": ("quote_drift",),
    "propagation": ("propagation",),
}
#: Per space: candidates under a key are the newest items (True) or the oldest (False).
NEWEST: dict[str, bool] = {"slot": True, "quote": False, "passage": False}
#: Per space: an item's JSON back to its object.
PARSE: dict[str, Callable[[dict[str, Any]], Any]] = {
    "slot": slot_from_dict,
    "quote": QuoteMention.from_dict,
    "passage": Passage.from_dict,
}

# The same thresholds as the in-memory QuoteIndex and PassageIndex.
_QUOTE_THRESHOLD = 0.3
_PASSAGE_THRESHOLD = 0.5
_MIN_SIMILARITY = 88.0


@dataclass(frozen=True)
class Keyed:
    """One item of a document in an index space, with the blocking keys it is found by
    (each once)."""

    space: str
    doc_id: str
    obj: Any
    keys: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", tuple(dict.fromkeys(self.keys)))

    def payload(self) -> str:
        return json.dumps(self.obj.to_dict(), ensure_ascii=False)


def _order(m: QuoteMention) -> tuple[tuple[int, str], str, int]:
    return (when_key(m.published), m.doc_id, m.start)


class Comparer:
    """Items and pair comparisons for the comparisons in ``wanted`` (see the module)."""

    def __init__(self, wanted: Iterable[str], max_group: int) -> None:
        wanted = set(wanted)
        self.max_group = max_group
        self.quote_bands = BandHasher(_QUOTE_THRESHOLD) if "quotes" in wanted else None
        self.passage_bands = BandHasher(_PASSAGE_THRESHOLD) if "propagation" in wanted else None
        self.ratio = fuzz().ratio if wanted & {"quotes", "propagation"} else None

    def items(self, analysis: Analysis, name: str) -> tuple[list[Link], list[Keyed]]:
        """The links inside ``analysis`` and its keyed items, for comparison ``name``."""
        doc_id = analysis.document.id
        if name == "contradictions":
            slots = extract_slots(analysis)
            own = find_contradictions(slots, max_group=self.max_group)
            keyed = []
            for s in slots:  # "|doc:" keys: only this document has those
                keys = tuple(k for k in s.keys if "|doc:" not in k)
                if keys:
                    keyed.append(Keyed("slot", doc_id, s, keys))
            return own, keyed
        if name == "quotes":
            assert self.quote_bands is not None
            return [], [
                Keyed(
                    "quote",
                    doc_id,
                    m,
                    (*self.quote_bands.keys(shingles(m.norm.split(), (1, 2))), *mention_keys(m)),
                )
                for m in quote_mentions(analysis)
            ]
        assert self.passage_bands is not None
        return [], [
            Keyed("passage", doc_id, p, self.passage_bands.keys(shingles(p.norm.split(), (3,))))
            for p in passages(analysis)
        ]

    def compare(self, space: str, earlier: Any, new: Any) -> Any:
        """One pair (``earlier`` indexed before ``new``): the slot link, the quotation
        relation (wording, similarity) or the passage similarity; None when unrelated."""
        if space == "slot":
            return compare_slots(earlier, new)
        if space == "quote":
            return relate(earlier, new)
        assert self.ratio is not None
        sim = float(self.ratio(earlier.norm, new.norm))
        return sim if sim >= _MIN_SIMILARITY else None


def quote_links(m: QuoteMention, matches: Sequence[tuple[QuoteMention, Any]]) -> list[Link]:
    """The links of quotation ``m`` from its matches (earlier items, their relation):
    to the earliest appearance it matches, and to matches published after it."""
    out: list[Link | None] = []
    earlier = [(o, g) for o, g in matches if _order(o) < _order(m)]
    if earlier:  # linked to the earliest appearance it matches
        first, got = min(earlier, key=lambda og: _order(og[0]))
        out.append(_drift_link(first, m, *got))
    for other, got in matches:  # came earlier than mentions already linked
        if _order(other) > _order(m):
            out.append(_drift_link(m, other, *got))
    return [lk for lk in out if lk is not None]


def passage_links(
    doc_id: str, matches: Iterable[tuple[Passage, Passage, float]], max_sources: int
) -> list[Link]:
    """The propagation links of document ``doc_id`` from its passage matches (its
    passage, an earlier one, their similarity), to the ``max_sources`` earliest documents;
    site furniture is left out (:func:`unspin.corpus.passage_furniture.corpus_furniture`
    and ``keep_pair``, with the documents indexed so far that hold a sentence)."""
    pairs: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    by_key: dict[tuple[str, int], Passage] = {}
    holders: dict[int, dict[str, str | None]] = defaultdict(dict)
    topic: dict[str, tuple[str, ...]] = {}
    for new, other, sim in matches:
        pairs[other.doc_id].append((other.index, new.index, sim))
        by_key[(doc_id, new.index)] = new
        by_key[(other.doc_id, other.index)] = other
        holders[new.index][doc_id] = new.outlet
        holders[new.index][other.doc_id] = other.outlet
        topic[doc_id], topic[other.doc_id] = new.topic, other.topic

    def furniture(m: tuple[int, int, float]) -> bool:
        return corpus_furniture([topic[d] for d in holders[m[1]]])

    runs: dict[str, list[list[tuple[int, int, float]]]] = {}
    for d, found in pairs.items():
        outlets = (by_key[(d, found[0][0])].outlet, by_key[(doc_id, found[0][1])].outlet)
        if got := linked_runs(found, furniture, outlets, lambda m: holders[m[1]].items()):
            runs[d] = got
    sources = sorted(runs, key=lambda d: (when_key(by_key[(d, pairs[d][0][0])].published), d))
    if len(sources) > max_sources:
        log.info("%s repeats passages of %d documents; linking the %d earliest",
                 doc_id, len(sources), max_sources)  # fmt: skip
    return [passage_link(by_key, doc, doc_id, run) for doc in sources[:max_sources]
            for run in runs[doc]]  # fmt: skip
