"""Stories and narratives as a reader sees them: documents, claims, outlets, dates,
growth, the techniques and source types around the claims, the fact-checks matching them.

:func:`stories` reads a store's clusters (:class:`unspin.narratives.tables.NarrativeTable`)
into :class:`Story` objects (``to_dict()`` is the JSON of ``unspin corpus narratives -f
json``); :func:`render` writes them as text. A narrative is named by its most central
claim (the one nearest its centroid). A claim's date is its document's publication date,
else the day it was ingested; growth counts claims per day or per ISO week.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import numpy as np

from unspin.narratives.tables import ClaimRecord, DocumentRecord, NarrativeTable

__all__ = ["Narrative", "NarrativeClaim", "Period", "Story", "StoryDocument", "render", "stories"]

Period = Literal["day", "week"]
JSONDict = dict[str, Any]


def _day(published: str | None, ingested: str) -> str:
    for value in (published, ingested):
        if value and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                continue
    return ""


def _period(day: str, period: Period) -> str:
    if period == "day" or not day:
        return day
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class StoryDocument:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    day: str
    first_sentence: str
    similarity: float

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "date": self.day or None,
            "first_sentence": self.first_sentence,
            "similarity": self.similarity,
        }


@dataclass(frozen=True)
class NarrativeClaim:
    document_id: str
    finding_id: str
    text: str
    start: int
    end: int
    label: str
    checkworthiness: float
    similarity: float
    outlet: str | None
    day: str

    def to_dict(self) -> JSONDict:
        return {
            "document_id": self.document_id,
            "finding_id": self.finding_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "checkworthiness": round(self.checkworthiness, 4),
            "similarity": self.similarity,
            "outlet": self.outlet,
            "date": self.day or None,
        }


@dataclass
class Narrative:
    id: int
    story: int
    polarity: str
    name: str
    claims: list[NarrativeClaim]
    growth: list[tuple[str, int]]
    techniques: dict[str, int] = field(default_factory=dict)
    source_types: dict[str, int] = field(default_factory=dict)
    factchecks: list[JSONDict] = field(default_factory=list)
    new: bool = False

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(c.document_id for c in self.claims))

    @property
    def outlets(self) -> dict[str, int]:
        seen: dict[str, set[str]] = defaultdict(set)
        for c in self.claims:
            if c.outlet:
                seen[c.outlet].add(c.document_id)
        return {k: len(v) for k, v in sorted(seen.items(), key=lambda kv: (-len(kv[1]), kv[0]))}

    @property
    def first_seen(self) -> str | None:
        days = [c.day for c in self.claims if c.day]
        return min(days) if days else None

    @property
    def last_seen(self) -> str | None:
        days = [c.day for c in self.claims if c.day]
        return max(days) if days else None

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "story": self.story,
            "name": self.name,
            "polarity": self.polarity,
            "new": self.new,
            "claims": [c.to_dict() for c in self.claims],
            "documents": self.documents,
            "outlets": self.outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "growth": [{"period": p, "count": n} for p, n in self.growth],
            "techniques": self.techniques,
            "source_types": self.source_types,
            "factchecks": self.factchecks,
        }


@dataclass
class Story:
    id: int
    documents: list[StoryDocument]
    narratives: list[Narrative]
    new: bool = False

    @property
    def outlets(self) -> dict[str, int]:
        counts = Counter(d.outlet for d in self.documents if d.outlet)
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def first_seen(self) -> str | None:
        days = [d.day for d in self.documents if d.day]
        return min(days) if days else None

    @property
    def last_seen(self) -> str | None:
        days = [d.day for d in self.documents if d.day]
        return max(days) if days else None

    @property
    def title(self) -> str:
        """The name of its largest narrative, else its first document's first sentence."""
        if self.narratives:
            return self.narratives[0].name
        return self.documents[0].first_sentence if self.documents else ""

    def to_dict(self) -> JSONDict:
        return {
            "id": self.id,
            "title": self.title,
            "new": self.new,
            "size": len(self.documents),
            "outlets": self.outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "documents": [d.to_dict() for d in self.documents],
            "narratives": [n.to_dict() for n in self.narratives],
        }


def _central(records: Sequence[ClaimRecord]) -> ClaimRecord:
    matrix = np.stack([r.vector for r in records]).astype(np.float64)
    centroid = matrix.sum(axis=0)
    sims = matrix @ centroid
    return records[int(np.argmax(sims))]  # ties: the earliest


def _growth(days: Iterable[str], period: Period) -> list[tuple[str, int]]:
    counts = Counter(_period(d, period) for d in days if d)
    return sorted(counts.items())


_Key = tuple[str, int]


def _companions(
    table: NarrativeTable, claims: Sequence[ClaimRecord]
) -> tuple[dict[_Key, Counter[str]], dict[_Key, Counter[str]], dict[_Key, list[JSONDict]]]:
    """Per (document, sentence): techniques, source types, fact-check matches."""
    techniques: dict[_Key, Counter[str]] = defaultdict(Counter)
    sources: dict[_Key, Counter[str]] = defaultdict(Counter)
    factchecks: dict[_Key, list[JSONDict]] = defaultdict(list)
    wanted = {(c.document_id, c.sentence) for c in claims}
    docs = sorted({c.document_id for c in claims})
    for doc, kind, label, first, last, source_type, _, _, attrs in table.companions(docs):
        for sentence in range(first, last + 1):
            key = (doc, sentence)
            if key not in wanted:
                continue
            if kind == "technique":
                techniques[key][label] += 1
            elif kind == "factcheck" and label == "match":
                a = json.loads(attrs)
                factchecks[key].append(
                    {k: a.get(k) for k in ("claim_reviewed", "rating", "publisher", "url", "score")}
                    | {"document_id": doc}
                )
            if source_type and kind in ("quote", "attribution"):
                sources[key][str(source_type)] += 1
    return techniques, sources, factchecks


def _merge(counters: Iterable[Counter[str]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for c in counters:
        total.update(c)
    return dict(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))


def stories(
    table: NarrativeTable,
    *,
    period: Period = "day",
    min_documents: int = 1,
    story: int | None = None,
    since_run: int | None = None,
) -> list[Story]:
    """The store's stories, largest first, each with its narratives (largest first).
    ``since_run`` marks the stories and narratives made after that run as new."""
    docs = table.documents()
    by_doc: dict[str, DocumentRecord] = {d.document_id: d for d in docs}
    claims = [c for c in table.claims() if story is None or c.story == story]
    techniques, sources, factchecks = _companions(table, claims)
    story_runs = table.story_runs()
    narrative_runs = table.narrative_runs()
    polarity: dict[int, str] = {}
    grouped: dict[int, list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        grouped[c.narrative].append(c)
        polarity.setdefault(c.narrative, c.polarity)
    narratives_of: dict[int, list[Narrative]] = defaultdict(list)
    for nid, records in grouped.items():
        keys = [(r.document_id, r.sentence) for r in records]
        items = [
            NarrativeClaim(
                r.document_id, r.finding_id, r.text, r.start, r.end, r.label,
                r.checkworthiness, r.similarity, by_doc[r.document_id].outlet,
                _day(by_doc[r.document_id].published, by_doc[r.document_id].ingested),
            )
            for r in records
        ]  # fmt: skip
        seen: set[tuple[Any, ...]] = set()
        checks = []
        for k in keys:
            for fc in factchecks.get(k, []):
                ident = (fc.get("url"), fc.get("claim_reviewed"), fc["document_id"])
                if ident not in seen:
                    seen.add(ident)
                    checks.append(fc)
        narratives_of[records[0].story].append(
            Narrative(
                id=nid,
                story=records[0].story,
                polarity=polarity[nid],
                name=_central(records).text,
                claims=items,
                growth=_growth((i.day for i in items), period),
                techniques=_merge(techniques.get(k, Counter()) for k in keys),
                source_types=_merge(sources.get(k, Counter()) for k in keys),
                factchecks=checks,
                new=since_run is not None and narrative_runs.get(nid, 0) > since_run,
            )
        )
    members: dict[int, list[StoryDocument]] = defaultdict(list)
    for d in docs:
        if story is None or d.story == story:
            members[d.story].append(
                StoryDocument(
                    d.document_id, d.title, d.url, d.outlet, d.published,
                    _day(d.published, d.ingested), d.first_sentence, d.similarity,
                )
            )  # fmt: skip
    out = []
    for sid, documents in members.items():
        if len(documents) < min_documents:
            continue
        narratives = sorted(narratives_of.get(sid, []), key=lambda n: (-len(n.claims), n.id))
        new = since_run is not None and story_runs.get(sid, 0) > since_run
        out.append(Story(sid, documents, narratives, new))
    out.sort(key=lambda s: (-len(s.documents), s.id))
    return out


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def render(found: Sequence[Story], *, claims: int = 3) -> str:
    """Stories and their narratives as text (``claims`` listed per narrative)."""
    lines = []
    for s in found:
        span = f"{s.first_seen} → {s.last_seen}" if s.first_seen else "undated"
        lines.append(
            f"Story {s.id}{' (new)' if s.new else ''}: {len(s.documents)} document(s), "
            f"{len(s.outlets)} outlet(s), {span}, {len(s.narratives)} narrative(s)"
        )
        for n in s.narratives:
            sign = "−" if n.polarity == "negative" else "+"
            lines.append(
                f"  [{sign}] narrative {n.id}{' (new)' if n.new else ''}: {len(n.claims)} "
                f"claim(s) in {len(n.documents)} document(s): “{_short(n.name)}”"
            )
            seen = f"{n.first_seen} → {n.last_seen}" if n.first_seen else "undated"
            recent = _counts(dict(n.growth[-8:])) or "-"
            lines.append(f"      seen {seen}; growth: {'… ' if len(n.growth) > 8 else ''}{recent}")
            if n.outlets:
                lines.append(f"      outlets: {_counts(n.outlets)}")
            if n.techniques:
                lines.append(f"      techniques: {_counts(n.techniques)}")
            if n.source_types:
                lines.append(f"      sources: {_counts(n.source_types)}")
            for fc in n.factchecks[:3]:
                lines.append(
                    f"      fact-check: “{_short(str(fc.get('claim_reviewed') or ''), 80)}” "
                    f"rated {fc.get('rating') or '?'} by {fc.get('publisher') or '?'}"
                )
            for c in n.claims[:claims]:
                where = " ".join(x for x in (c.outlet or "", c.day) if x)
                lines.append(f"      - {where + ': ' if where else ''}{_short(c.text, 100)}")
            if len(n.claims) > claims:
                lines.append(f"      … {len(n.claims) - claims} more")
    return "\n".join(lines)
