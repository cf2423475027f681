"""The text side of a search, the same for every ranking: the words of a query, which
of them a result holds, its snippet, reciprocal rank fusion of rankings, and the
search results that explain their rank. The evidence
search (:mod:`unspin.evidence.index`) ranks its passages with the same functions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from unspin.store.records import Hit, HitFinding

__all__ = ["RRF_K", "fuse", "make_hits", "matched_terms", "query_terms", "snippet"]

#: The constant of reciprocal rank fusion: a result at rank r gets 1 / (RRF_K + r).
RRF_K = 60

_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> tuple[str, ...]:
    """The words of a keyword query, lower-cased, in order, without repeats."""
    return tuple(dict.fromkeys(w.casefold() for w in _WORD.findall(query)))


def _word_matches(word: str, term: str) -> bool:
    """A rough stand-in for the stemmers of the backends, for explanations only."""
    if word == term:
        return True
    stem = min(len(word), len(term))
    return stem >= 4 and word[: max(4, stem - 2)] == term[: max(4, stem - 2)]


def matched_terms(text: str, terms: Sequence[str]) -> tuple[tuple[str, ...], int | None]:
    """The query terms found in ``text`` and where the first match starts."""
    found: list[str] = []
    first: int | None = None
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        for term in terms:
            if _word_matches(word, term):
                if term not in found:
                    found.append(term)
                if first is None:
                    first = m.start()
    return tuple(t for t in terms if t in found), first


def snippet(text: str, first_match: int | None, width: int = 240) -> str:
    """The sentence on one line, cut to ``width`` characters around the first match."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if first_match is None:
        return flat[: width - 1].rstrip() + "…"
    # map the offset in ``text`` to the flattened text, roughly
    at = len(" ".join(text[:first_match].split()))
    lo = max(0, min(at - width // 3, len(flat) - width))
    cut = flat[lo : lo + width].strip()
    return ("…" if lo > 0 else "") + cut + ("…" if lo + width < len(flat) else "")


def fuse(*rankings: Sequence[int]) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings of sentence ids (best first)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, sid in enumerate(ranking, start=1):
            scores[sid] = scores.get(sid, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def make_hits(
    fused: Sequence[tuple[int, float]],
    keyword: Sequence[tuple[int, float]],
    semantic: Sequence[tuple[int, float]],
    terms: Sequence[str],
    rows: Mapping[int, tuple[Any, ...]],
    findings: Iterable[tuple[int, str, str, str, float, int, int]],
) -> list[Hit]:
    """The search results of the fused ranking: ``rows`` per sentence id (document id,
    title, outlet, published, source, index, start, end, text, document key) and the
    ``findings`` overlapping them (document key, id, kind, label, score, first and last
    sentence)."""
    k_rank = {sid: (i, s) for i, (sid, s) in enumerate(keyword, start=1)}
    s_rank = {sid: (i, s) for i, (sid, s) in enumerate(semantic, start=1)}
    by_doc: dict[int, list[tuple[int, str, str, str, float, int, int]]] = {}
    for f in findings:
        by_doc.setdefault(f[0], []).append(f)
    hits = []
    for sid, score in fused:
        row = rows.get(sid)
        if row is None:  # pragma: no cover - removed between the two queries
            continue
        doc_id, title, outlet, published, source, idx, start, end, text, key = row
        matched, first = matched_terms(text, terms) if sid in k_rank else ((), None)
        kr = k_rank.get(sid)
        sr = s_rank.get(sid)
        hits.append(
            Hit(
                document_id=doc_id,
                title=title,
                outlet=outlet,
                published=published,
                source=source,
                sentence=idx,
                start=start,
                end=end,
                text=text,
                snippet=snippet(text, first),
                score=score,
                keyword_rank=kr[0] if kr else None,
                keyword_score=round(kr[1], 6) if kr else None,
                semantic_rank=sr[0] if sr else None,
                similarity=round(sr[1], 6) if sr else None,
                matched_terms=matched,
                findings=tuple(
                    HitFinding(f[1], f[2], f[3], f[4])
                    for f in by_doc.get(key, ())
                    if f[5] <= idx <= f[6]
                ),
            )
        )
    return hits
