"""Long documents in overlapping windows, so that time and memory grow with the text.

A text longer than ``[pipeline] window_chars`` is cut into windows of at most that many
characters, each overlapping the next by about ``window_overlap`` characters, cut at a
paragraph break where there is one (else a line break, a sentence end, a space). Every
window is parsed and analysed as a document of its own; then :func:`merge` puts the
findings back on the whole text. Each window owns a *core*: the overlap between two
windows is split at its middle, and a finding is kept from the window whose core holds its
start. So a finding kept near a cut still had half the overlap of text on either side
when it was found: a quote or a pronoun whose speaker or antecedent lies within that
distance is resolved as in a whole text. Ids (derived from offsets) are recomputed on the
whole text and relations, attributes and summaries that name a window's finding ids are
rewritten; a relation to a finding kept from no window is dropped.

A text no longer than one window is analysed exactly as before (one window, no merge).
Summaries are merged as estimates: each window's counts are scaled to the share of it
that is its core and added up, rates are means weighted by core length, ranked lists
(items with a ``count``) are merged by item and re-ranked, other lists are concatenated
without repeats, and other values come from the first window; the merged summaries name
the windows under ``"windows"``. Offsets in the summaries are moved onto the whole text
as the attributes' are; the pipeline computes again, on the merged findings, the summaries
of analyzers that read findings alone (the timeline).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.model import Analysis, AnalyzerFailure, Document, Finding, Relation

__all__ = [
    "Move",
    "Window",
    "WindowResult",
    "merge",
    "moved",
    "moved_finding",
    "moved_ids",
    "plan_windows",
    "remapped",
]

#: Breaks to cut at, best first.
_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", " ")


@dataclass(frozen=True)
class Window:
    """``text[start:end]`` is analysed; findings starting in ``[core_start, core_end)``
    are kept from it."""

    start: int
    end: int
    core_start: int
    core_end: int


@dataclass(frozen=True)
class WindowResult:
    """One window's analysis (offsets relative to the window), its sentence offsets and
    their embeddings (rows in sentence order), as the pipeline produced them."""

    analysis: Analysis
    sentences: tuple[tuple[int, int], ...]
    embeddings: NDArray[Any] | None = None


def _cut(text: str, lo: int, hi: int) -> int:
    """The position just after the last break in ``text[lo:hi]`` (best kind first), else
    ``hi``."""
    for sep in _BREAKS:
        at = text.rfind(sep, lo, hi)
        if at >= 0:
            return at + len(sep)
    return hi


def plan_windows(text: str, size: int, overlap: int) -> list[Window]:
    """The windows of ``text``: one when ``size`` is 0 or the text fits in one."""
    n = len(text)
    if size <= 0 or n <= size:
        return [Window(0, n, 0, n)]
    overlap = max(0, min(overlap, size // 4))
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        if start + size >= n:
            spans.append((start, n))
            break
        end = _cut(text, start + size // 2, start + size)
        spans.append((start, end))
        nxt = _cut(text, max(start + 1, end - 2 * overlap), max(start + 1, end - overlap))
        start = nxt if nxt > start else end
    cores = [0] + [(spans[i + 1][0] + spans[i][1]) // 2 for i in range(len(spans) - 1)] + [n]
    return [Window(s, e, cores[i], cores[i + 1]) for i, (s, e) in enumerate(spans)]


def remapped(value: Any, ids: Mapping[str, str]) -> Any:
    """``value`` with every string that is a key of ``ids`` replaced by its value."""
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, Mapping):
        return {k: remapped(v, ids) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [remapped(v, ids) for v in value]
    return value


#: Where a span of one text lies in another: ``move(start, end) -> (start, end)``.
Move = Callable[[int, int], tuple[int, int]]


def moved(value: Any, move: Move, part: str, whole: str) -> Any:
    """``value`` with the offsets into ``part`` it holds moved into ``whole`` by
    ``move``: objects ``{"start", "end", "text"}`` whose text is ``part[start:end]`` (the
    text becomes the moved span's), pairs of keys ``x_start``/``x_end`` and ``pieces``,
    a list of ``[start, end]`` pairs (the conventions of finding attributes)."""
    if isinstance(value, Mapping):
        out = {k: moved(v, move, part, whole) for k, v in value.items()}
        s, e = value.get("start"), value.get("end")
        if type(s) is int and type(e) is int and value.get("text") == part[s:e]:
            out["start"], out["end"] = move(s, e)
            out["text"] = whole[out["start"] : out["end"]]
        pieces = value.get("pieces")
        if isinstance(pieces, list) and all(_pair(p, len(part)) for p in pieces):
            out["pieces"] = [list(move(p[0], p[1])) for p in pieces]
        for key in value:
            if key.endswith("_start") and f"{key[:-6]}_end" in value:
                s, e = value[key], value[f"{key[:-6]}_end"]
                if type(s) is int and type(e) is int and 0 <= s <= e <= len(part):
                    out[key], out[f"{key[:-6]}_end"] = move(s, e)
        return out
    if isinstance(value, (list, tuple)):
        return [moved(v, move, part, whole) for v in value]
    return value


def _pair(value: Any, limit: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(type(x) is int for x in value)
        and 0 <= value[0] <= value[1] <= limit
    )


def moved_ids(findings: Sequence[Finding], move: Move) -> dict[str, str]:
    """The ids ``findings`` take once their offsets are moved by ``move``."""
    return {
        f.id: Finding.make_id(f.analyzer, f.kind, f.label, *move(f.start, f.end)) for f in findings
    }


def moved_finding(f: Finding, move: Move, part: str, whole: str, ids: Mapping[str, str]) -> Finding:
    """``f``, found on ``part``, on ``whole``: offsets moved by ``move``, its id and the
    ids it names as ``ids`` says."""
    start, end = move(f.start, f.end)
    return dataclasses.replace(
        f,
        id=ids[f.id],
        start=start,
        end=end,
        text=whole[start:end],
        attributes=moved(remapped(f.attributes, ids), move, part, whole),
        relations=tuple(Relation(r.role, ids.get(r.target, r.target)) for r in f.relations),
    )


def _shift(offset: int) -> Move:
    def move(start: int, end: int) -> tuple[int, int]:
        return start + offset, end + offset

    return move


def _ranked(lists: Sequence[list[Any]]) -> list[Any]:
    """Items with a ``count`` merged by their other fields, counts added, re-ranked."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for items in lists:
        for item in items:
            key = tuple(sorted((k, repr(v)) for k, v in item.items() if k != "count"))
            if key in merged:
                merged[key]["count"] += item["count"]
            else:
                merged[key] = dict(item)
    ranked = sorted(merged.values(), key=lambda d: -d["count"])
    return ranked[: max(len(items) for items in lists)]


def _merge_values(values: Sequence[Any], weights: Sequence[tuple[float, float]]) -> Any:
    """``weights``: per window, its core length and the share of it that is core."""
    first = values[0]
    if all(isinstance(v, bool) for v in values) or isinstance(first, str) or first is None:
        return first
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return round(sum(v * share for v, (_, share) in zip(values, weights, strict=True)))
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        total = sum(length for length, _ in weights) or 1.0
        mean = sum(v * length for v, (length, _) in zip(values, weights, strict=True)) / total
        return round(mean, 4)
    if all(isinstance(v, Mapping) for v in values):
        keys = list(dict.fromkeys(k for v in values for k in v))
        out: dict[str, Any] = {}
        for k in keys:
            present = [(v[k], w) for v, w in zip(values, weights, strict=True) if k in v]
            out[k] = _merge_values([p[0] for p in present], [p[1] for p in present])
        return out
    if all(isinstance(v, list) for v in values):
        items = [x for v in values for x in v]
        if items and all(isinstance(x, Mapping) and isinstance(x.get("count"), int) for x in items):
            return _ranked(values)
        out_list: list[Any] = []
        for x in items:
            if x not in out_list:
                out_list.append(x)
        return out_list[: max(len(v) for v in values)] if items else []
    return first


def _merge_summaries(
    parts: Sequence[Mapping[str, Any]],
    weights: Sequence[tuple[float, float]],
    windows: Sequence[Window],
) -> dict[str, Any]:
    names = list(dict.fromkeys(n for p in parts for n in p))
    merged: dict[str, Any] = {}
    for name in names:
        present = [(p[name], w) for p, w in zip(parts, weights, strict=True) if name in p]
        merged[name] = _merge_values([v for v, _ in present], [w for _, w in present])
    merged["windows"] = {
        "count": len(windows),
        "spans": [[w.start, w.end] for w in windows],
        "note": "a long text analysed in overlapping windows: summary counts are each "
        "window's count scaled to its own part and added up (estimates), rates are "
        "length-weighted means, ranked lists are merged",
    }
    return merged


def merge(
    document: Document, windows: Sequence[Window], results: Sequence[WindowResult]
) -> WindowResult:
    """The windows' results as one result on the whole ``document``."""
    text = document.text
    kept: list[Finding] = []
    summaries: list[Mapping[str, Any]] = []
    failures: list[AnalyzerFailure] = []
    sentences: list[tuple[int, int]] = []
    rows: list[NDArray[Any]] = []
    for window, result in zip(windows, results, strict=True):
        part = result.analysis.document.text
        move = _shift(window.start)
        ids = moved_ids(result.analysis.findings, move)
        for f in result.analysis.findings:
            if window.core_start <= f.start + window.start < window.core_end:
                kept.append(moved_finding(f, move, part, text, ids))
        summaries.append(moved(remapped(dict(result.analysis.summaries), ids), move, part, text))
        failures.extend(x for x in result.analysis.failures if x not in failures)
        for i, (s, e) in enumerate(result.sentences):
            if window.core_start <= s + window.start < window.core_end:
                sentences.append((s + window.start, e + window.start))
                if result.embeddings is not None:
                    rows.append(result.embeddings[i])
    unique = {f.id: f for f in kept}
    findings = [
        dataclasses.replace(f, relations=tuple(r for r in f.relations if r.target in unique))
        for f in unique.values()
    ]
    weights = [
        (float(w.core_end - w.core_start), (w.core_end - w.core_start) / max(1, w.end - w.start))
        for w in windows
    ]
    first = results[0].analysis
    doc = dataclasses.replace(document, language=first.document.language)
    analysis = dataclasses.replace(
        first,
        document=doc,
        findings=tuple(findings),
        summaries=_merge_summaries(summaries, weights, windows),
        failures=tuple(failures),
    )
    embeddings = None
    if all(r.embeddings is not None for r in results):
        dim = results[0].embeddings.shape[1] if results[0].embeddings is not None else 0
        embeddings = np.stack(rows) if rows else np.zeros((0, dim), np.float32)
    return WindowResult(analysis, tuple(sentences), embeddings)
