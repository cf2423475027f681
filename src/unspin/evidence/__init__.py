"""Evidence and verdicts: trusted documents as passages, a stance model, transparent verdicts.

::

    from unspin.evidence import EvidenceIndex
    from unspin.store import open_store

    with open_store("evidence.db") as store:
        index = EvidenceIndex(store, backbone)
        index.add(["trusted/"])                       # passages, offsets, embeddings
        for hit in index.search("Sea level rose 20 cm since 1900", limit=5):
            print(hit.similarity, hit.passage.document_id, hit.passage.start, hit.passage.text)

* :mod:`unspin.evidence.index`: the evidence store (passages of store migration 4) and
  its hybrid retrieval;
* :mod:`unspin.evidence.stance`: the stance model (supports / refutes / not enough info)
  on the shared MiniLM backbone;
* :mod:`unspin.evidence.verdict`: the aggregation rule from stances to a verdict;
* :mod:`unspin.evidence.analyzer`: the ``verdicts`` analyzer.
"""

from __future__ import annotations

from unspin.evidence.index import AddReport, EvidenceIndex, EvidencePassage, RetrievedPassage
from unspin.evidence.stance import STANCES, StanceModel, StancePrediction
from unspin.evidence.verdict import VERDICTS, Aggregate, aggregate

__all__ = [
    "STANCES",
    "VERDICTS",
    "AddReport",
    "Aggregate",
    "EvidenceIndex",
    "EvidencePassage",
    "RetrievedPassage",
    "StanceModel",
    "StancePrediction",
    "aggregate",
]
