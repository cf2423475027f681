"""Stories and narratives across a corpus store (``unspin corpus narratives``).

Documents are grouped into stories (the same event or topic) and, inside each story, their
claims into narratives (the same claim told by several documents), online, in the order the
documents were ingested: :mod:`.cluster` (the clustering), :mod:`.build` (over a store,
incremental), :mod:`.tables` (schema migration 7) and :mod:`.view` (what a reader sees:
documents, outlets, dates, growth, techniques, source types, fact-checks).
"""

from __future__ import annotations

from unspin.narratives.build import ClusterRun, update
from unspin.narratives.cluster import Params
from unspin.narratives.tables import NarrativeTable
from unspin.narratives.view import Narrative, NarrativeClaim, Period, Story, render, stories

__all__ = [
    "ClusterRun",
    "Narrative",
    "NarrativeClaim",
    "NarrativeTable",
    "Params",
    "Period",
    "Story",
    "render",
    "stories",
    "update",
]
