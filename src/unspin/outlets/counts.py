"""What outlet profiles read from a store, through its public SQL access only: per
document its outlet, URL, date, words and the counts of the findings a profile rates (by
kind, label and source type, as the analyzers stored them), and the narratives hook.
See :mod:`unspin.outlets.profile` for what each count means."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.store.sql import SQLAccess

__all__ = [
    "ANONYMOUS_TYPES",
    "NARRATIVE_TABLES",
    "TECHNIQUE",
    "DocumentCounts",
    "count_words",
    "narratives_carried",
    "read_counts",
    "store_state",
]

#: Source types of a quotation whose source the reader cannot check.
ANONYMOUS_TYPES = ("anonymous", "unresolved")

_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’-]\w+)*")


def count_words(text: str) -> int:
    """Words of ``text``: runs of letters and digits joined by an apostrophe or hyphen
    (``don't``, ``well-known``), and numbers with their decimal or thousands marks."""
    return len(_WORD.findall(text))


@dataclass
class DocumentCounts:
    """Per document (rows in id order): words and the counts every rate is made of."""

    keys: list[int] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    urls: list[str | None] = field(default_factory=list)
    published: list[str | None] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    columns: dict[str, dict[int, int]] = field(default_factory=dict)
    ratings: dict[int, Counter[str]] = field(default_factory=dict)

    def add(self, column: str, doc: int, n: int = 1) -> None:
        found = self.columns.setdefault(column, {})
        found[doc] = found.get(doc, 0) + n

    def matrix(self, columns: Sequence[str]) -> NDArray[Any]:
        """Documents x ``columns`` counts (float64)."""
        row = {k: i for i, k in enumerate(self.keys)}
        out = np.zeros((len(self.keys), len(columns)), dtype=np.float64)
        for j, column in enumerate(columns):
            for doc, n in self.columns.get(column, {}).items():
                if doc in row:
                    out[row[doc], j] = n
        return out


#: The prefix of a technique's column (``technique:Loaded_Language``).
TECHNIQUE = "technique:"


def read_counts(sql: SQLAccess) -> DocumentCounts:
    """Every stored document's outlet, URL, date, words and finding counts, in id order."""
    counts = DocumentCounts()
    for key, outlet, url, published, text in sql.stream(
        "SELECT d.key, o.name, d.url, d.published, d.text FROM documents d "
        "LEFT JOIN outlets o ON o.id = d.outlet_id ORDER BY d.id"
    ):
        counts.keys.append(int(key))
        counts.outlets.append(str(outlet) if outlet else "")
        counts.urls.append(url)
        counts.published.append(published)
        counts.words.append(count_words(str(text)))
    marks = ", ".join("?" * len(ANONYMOUS_TYPES))
    for doc, kind, label, anonymous, n in sql.all(
        "SELECT doc, kind, label, "
        f"CASE WHEN source_type IN ({marks}) THEN 1 ELSE 0 END, count(*) FROM findings "
        "WHERE kind IN ('technique', 'hedge', 'booster', 'quote') GROUP BY 1, 2, 3, 4",
        ANONYMOUS_TYPES,
    ):
        doc, n = int(doc), int(n)
        if kind == "technique":
            counts.add("techniques", doc, n)
            counts.add(TECHNIQUE + str(label), doc, n)
        elif kind == "quote":
            counts.add("quotes", doc, n)
            if anonymous:
                counts.add("anonymous_quotes", doc, n)
        else:
            counts.add(str(kind) + "s", doc, n)
    # claims: only those whose attributes may say check-worthy (as json.dumps writes them,
    # with either separator) are parsed, to be sure
    for doc, kind, label, attributes in sql.stream(
        "SELECT doc, kind, label, attributes FROM findings WHERE (kind = 'claim' AND "
        "(attributes LIKE ? OR attributes LIKE ?)) OR kind = 'factcheck'",
        ('%"checkworthy": true%', '%"checkworthy":true%'),
    ):
        values = _attributes(attributes)
        if kind == "claim":
            if values.get("checkworthy") is True:
                counts.add("checkworthy", int(doc))
        elif label == "match":
            counts.add("factchecked", int(doc))
            rating = values.get("rating")
            rating = " ".join(str(rating).split()) if rating else "(no rating)"
            counts.ratings.setdefault(int(doc), Counter())[rating] += 1
    return counts


def _attributes(text: Any) -> Mapping[str, Any]:
    try:
        values = json.loads(text) if text else {}
    except (TypeError, ValueError):
        return {}
    return values if isinstance(values, dict) else {}


def _table_exists(sql: SQLAccess, table: str) -> bool:
    if sql.dialect == "sqlite":
        query = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
    else:
        query = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"
    return bool(sql.one(query, (table,)))


#: Tables that may hold the narratives of stored documents, most specific first: the
#: narratives feature's claims (``narrative_claims``: ``narrative``, ``document_id``), or
#: a plain ``narratives`` table.
NARRATIVE_TABLES = ("narrative_claims", "narratives")


def narratives_carried(sql: SQLAccess, document_keys: Sequence[int]) -> int | None:
    """The hook for narratives (#16 point 1): how many distinct narratives the documents
    with these store keys carry, or None when the store holds no narratives (no table,
    or an empty one: ``unspin corpus narratives`` has not run).

    It reads the first table of :data:`NARRATIVE_TABLES` holding rows, through SQL only,
    when that table has a narrative column (``narrative_id``, ``narrative``, or ``id`` in
    ``narratives``) beside a document column (``doc``: the store's document key, or
    ``document_id``: the document id); any other layout gives None, so a profile never
    guesses."""
    table = next(
        (
            t
            for t in NARRATIVE_TABLES
            if _table_exists(sql, t)
            and sql.one(f"SELECT count(*) FROM (SELECT 1 FROM {t} LIMIT 1) x")
        ),
        None,
    )
    if table is None or not document_keys:
        return None
    cursor = sql.execute(f"SELECT * FROM {table} WHERE 1 = 0")
    columns = {str(d[0]).lower() for d in cursor.description or ()}
    names = ("narrative_id", "narrative") + (("id",) if table == "narratives" else ())
    narrative = next((c for c in names if c in columns), None)
    if narrative is None or not {"doc", "document_id"} & columns:
        return None
    found: set[Any] = set()
    keys = list(document_keys)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        if "doc" in columns:
            query = f"SELECT DISTINCT {narrative} FROM {table} WHERE doc IN ({marks})"
        else:
            query = (
                f"SELECT DISTINCT n.{narrative} FROM {table} n JOIN documents d "
                f"ON d.id = n.document_id WHERE d.key IN ({marks})"
            )
        found.update(r[0] for r in sql.all(query, chunk))
    return len(found)


def store_state(sql: SQLAccess) -> tuple[Any, ...]:
    """What outlet profiles depend on, in a few cheap queries: the count and the largest
    key of documents and of findings (a new or re-analysed document changes them), and
    the rows of each narratives table. Profiles computed at an equal state are equal."""
    state: list[Any] = list(
        sql.all(
            "SELECT (SELECT count(*) FROM documents), (SELECT max(key) FROM documents), "
            "(SELECT count(*) FROM findings), (SELECT max(key) FROM findings)"
        )[0]
    )
    for table in NARRATIVE_TABLES:
        state.append(
            sql.one(f"SELECT count(*) FROM {table}") if _table_exists(sql, table) else None
        )
    return tuple(state)
