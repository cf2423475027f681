"""Clustering a store's new documents into its stories and narratives (incremental).

:func:`update` loads the clusters the store holds (centroid sums, member vectors), then
takes the documents not clustered yet in ingestion order, a batch at a time, places each
one (:meth:`unspin.narratives.cluster.State.place`) and writes the batch in one
transaction. An interrupted run loses at most one batch; the next run goes on.

Which claims take part: a document's ``claim`` findings (the claims analyzer's, one per
sentence) that are check-worthy (check-worthiness >= ``min_checkworthiness``) or
responsibility statements, the ``max_claims`` most check-worthy; a document none of
whose claims qualifies takes part with its most check-worthy one, so a one-sentence
document (a headline, a post) always does. A document stored without the claims analyzer
takes part with its first sentence (polarity unknown: "positive"). A document's vector is
the normalised mean of its sentences' embeddings. A short document (``post_chars``: a post,
a headline, a note) is read whole: its most check-worthy claim takes part with the
document's vector (and, when it is the only claim taking part, with the document's words;
its other claims with their own), so a post whose most check-worthy sentence is a
signature or a fragment is still compared by what it says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import StoreError
from unspin.narratives.cluster import (
    ClaimInput,
    DocumentInput,
    DocumentPlace,
    Params,
    State,
)
from unspin.narratives.tables import NarrativeTable, PendingDocument
from unspin.narratives.terms import Vocabulary, terms
from unspin.nlp import EMBEDDING_DIM
from unspin.store import Store

__all__ = ["ClusterRun", "document_input", "load_state", "update"]

#: Documents placed per transaction.
BATCH = 256


@dataclass
class ClusterRun:
    """What one :func:`update` did."""

    run: int = 0
    documents: int = 0
    claims: int = 0
    new_stories: list[int] = field(default_factory=list)
    new_narratives: list[int] = field(default_factory=list)
    skipped: int = 0  # documents without any embedded sentence
    document_ids: list[str] = field(default_factory=list)  # placed, in arrival order


def _unit(v: NDArray[Any]) -> NDArray[Any]:
    norm = float(np.linalg.norm(v))
    return (v / norm if norm else v).astype(np.float32)


def _claim_inputs(doc: PendingDocument, params: Params) -> list[ClaimInput]:
    out = []
    for fid, label, start, end, text, attributes, sentence in doc.claims:
        vector = doc.sentences.get(sentence)
        if vector is None:
            continue
        attrs: dict[str, Any] = json.loads(attributes)
        frame = attrs.get("frame")
        polarity = frame.get("polarity") if isinstance(frame, dict) else None
        score = attrs.get("checkworthiness")
        out.append(
            ClaimInput(
                finding_id=fid,
                sentence=sentence,
                start=start,
                end=end,
                text=text,
                label=label,
                checkworthiness=float(score) if isinstance(score, (int, float)) else 0.0,
                polarity=str(polarity or "positive"),
                vector=_unit(vector),
                terms=terms(text),
            )
        )
    if not doc.claims:  # stored without the claims analyzer: the first sentence
        for idx in sorted(doc.sentences)[:1]:
            start, end, text = doc.texts[idx]
            out.append(
                ClaimInput(
                    f"span:{start}-{end}", idx, start, end, text, "sentence", 0.0, "positive",
                    _unit(doc.sentences[idx]), terms(text),
                )
            )  # fmt: skip
    return out


def document_input(doc: PendingDocument, params: Params) -> DocumentInput | None:
    """What clustering sees of a stored document (None without any embedded sentence)."""
    if not doc.sentences:
        return None
    vector = _unit(np.mean(np.stack([doc.sentences[i] for i in sorted(doc.sentences)]), axis=0))
    claims = _claim_inputs(doc, params)
    ranked = sorted(claims, key=lambda c: (-c.checkworthiness, c.start))
    kept = [
        c
        for c in ranked
        if c.checkworthiness >= params.min_checkworthiness or c.label == "responsibility"
    ][: params.max_claims]
    if not kept and ranked:
        kept = ranked[:1]
    kept.sort(key=lambda c: c.start)
    words = tuple(w for i in sorted(doc.texts) for w in terms(doc.texts[i][2]))
    if kept and sum(len(t[2]) for t in doc.texts.values()) <= params.post_chars:
        main = min(kept, key=lambda c: (-c.checkworthiness, c.start))
        whole = words if len(kept) == 1 else main.terms
        kept = [replace(c, vector=vector, terms=whole) if c is main else c for c in kept]
    elif params.claim_context > 0:
        w = params.claim_context
        kept = [replace(c, vector=_unit((1 - w) * c.vector + w * vector)) for c in kept]
    return DocumentInput(doc.document_id, doc.seq, vector, tuple(kept), words)


def load_state(table: NarrativeTable, params: Params) -> State:
    """The clusters a store holds, ready to place new documents."""
    df, documents = table.vocabulary()
    state = State(params, EMBEDDING_DIM, Vocabulary(df, documents))
    for story in table.stories():
        state.stories.load_group(story)
    for group in table.groups():
        state.load_narrative(group)
    for story_id, vector in table.document_vectors():
        state.stories.load_member(story_id, vector)
    for narrative, vector in table.claim_vectors():
        state.narratives.load_member(narrative, vector)
    return state


def _differing(held: str, wanted: dict[str, Any]) -> str:
    """The parameters of a store's first run that differ from ``wanted``, as
    ``name: held -> wanted`` (long lists shortened)."""

    def short(value: Any) -> str:
        text = json.dumps(value)
        return text if len(text) <= 40 else text[:37] + "..."

    try:
        first = json.loads(held)
    except ValueError:
        return "unreadable parameters"
    if not isinstance(first, dict):
        return "unreadable parameters"
    names = sorted(set(first) | set(wanted))
    diffs = [
        f"{n}: {short(first.get(n))} -> {short(wanted.get(n))}"
        for n in names
        if first.get(n) != wanted.get(n)
    ]
    return "; ".join(diffs) or "same values, other encoding"


def update(
    store: Store,
    params: Params | None = None,
    *,
    rebuild: bool = False,
    on_batch: Callable[[int], None] | None = None,
) -> ClusterRun:
    """Cluster the documents of ``store`` not clustered yet (all of them with
    ``rebuild``); the parameters must be those of the store's first run (``rebuild`` to
    change them)."""
    params = params or Params()
    table = store.repository(NarrativeTable)
    if rebuild:
        table.clear()
    wanted = json.dumps(params.to_dict(), sort_keys=True)
    held = table.params()
    if held is not None and held != wanted:
        raise StoreError(
            f"the narratives of {store.url} were clustered with other parameters "
            f"({_differing(held, params.to_dict())})",
            hint="use the same options, or --rebuild to cluster the whole store again",
        )
    state = load_state(table, params)
    result = ClusterRun(run=table.last_run() + 1)
    while True:
        pending = table.pending(BATCH)
        if not pending:
            break
        places: list[DocumentPlace] = []
        stories: set[int] = set()
        narratives: set[int] = set()
        new_s: set[int] = set()
        new_n: set[int] = set()
        for doc in pending:
            inp = document_input(doc, params)
            if inp is None:  # nothing to compare: a story of its own, no claims
                words = tuple(w for i in sorted(doc.texts) for w in terms(doc.texts[i][2]))
                inp = DocumentInput(
                    doc.document_id, doc.seq, np.zeros(EMBEDDING_DIM, np.float32), (), words
                )
                result.skipped += 1
            before_s, before_n = state.stories.next_id, state.narratives.next_id
            place = state.place(inp)
            places.append(place)
            stories.add(place.story)
            narratives.update(c.narrative for c in place.claims)
            new_s.update(range(before_s, state.stories.next_id))
            new_n.update(range(before_n, state.narratives.next_id))
        table.write(
            result.run,
            wanted,
            places,
            [state.stories.groups[i] for i in sorted(stories)],
            [state.narratives.groups[i] for i in sorted(narratives)],
            new_s,
            new_n,
        )
        result.documents += len(places)
        result.document_ids.extend(p.document.document_id for p in places)
        result.claims += sum(len(p.claims) for p in places)
        result.new_stories.extend(sorted(new_s))
        result.new_narratives.extend(sorted(new_n))
        if on_batch is not None:
            on_batch(result.documents)
    return result
