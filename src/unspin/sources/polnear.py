"""PolNeAR (political news attribution relations) and the attribution scorer of issue #12.

:func:`load_split` reads one split of the corpus (``<split>/text/*.txt`` with brat standoff
``<split>/attributions/<name>_<annotator>.ann``): one annotator file per text, the first
alphabetically; a discontinuous span is one :class:`Span` made of its pieces. A relation
is a (source span, content span) pair: one per content of each ``E`` line that has a
source (``Content2`` included); an attribution without a source has no relation but its
content and cue still count.

:func:`score` compares predicted spans and relations with the gold ones. A predicted span
matches a gold span when their word-token Jaccard is at least 0.5 (``"strict"``) or when
they share a character (``"overlap"``); a relation matches when both its spans match.
Each gold item is matched at most once and each prediction at most once (a maximum
bipartite matching), so precision is matched predictions over predictions and recall is
matched gold items over gold items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from unspin.model import Finding

__all__ = [
    "ROLES",
    "Annotated",
    "Attribution",
    "Counts",
    "Extraction",
    "Span",
    "content_span",
    "findings_extraction",
    "gold_extraction",
    "jaccard",
    "load_split",
    "publisher",
    "read_ann",
    "score",
    "spans_match",
    "total",
]

#: The span roles scored.
ROLES = ("source", "cue", "content")
#: A word token (punctuation is not a word).
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)
_E_LINE = re.compile(r"^(E\d+)\t(.*)$", re.M)
_MATCHES = ("strict", "overlap")
T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Span:
    """A span of the text: one or more ``(start, end)`` pieces, sorted, end exclusive."""

    pieces: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, start: int, end: int) -> Span:
        return cls(((start, end),))

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def text(self, text: str) -> str:
        return " ".join(text[a:b] for a, b in self.pieces)


@dataclass(frozen=True)
class Attribution:
    """One gold attribution: its content, cue and source (``None`` when absent)."""

    content: tuple[Span, ...]
    cue: Span | None
    source: Span | None


@dataclass
class Extraction:
    """Spans by role and (source, content) relations, as predicted or as annotated."""

    spans: dict[str, set[Span]] = field(default_factory=lambda: {r: set() for r in ROLES})
    relations: set[tuple[Span, Span]] = field(default_factory=set)

    def add(self, content: Span, source: Span | None = None, cue: Span | None = None) -> None:
        self.spans["content"].add(content)
        if source is not None:
            self.spans["source"].add(source)
            self.relations.add((source, content))
        if cue is not None:
            self.spans["cue"].add(cue)


@dataclass(frozen=True)
class Annotated:
    """One annotated text: its name (file stem), text, annotator and attributions."""

    name: str
    text: str
    annotator: str
    attributions: tuple[Attribution, ...]
    spans: dict[str, frozenset[Span]]

    @property
    def publisher(self) -> str:
        return publisher(self.name)


def publisher(name: str) -> str:
    """The publisher of a PolNeAR text, the first part of its file name."""
    return name.split("_", 1)[0]


def read_ann(ann: str) -> tuple[tuple[Attribution, ...], dict[str, frozenset[Span]]]:
    """The attributions of one brat standoff file and every Source / Cue / Content span in
    it (a span in no relation still counts)."""
    spans: dict[str, tuple[str, Span]] = {}
    by_role: dict[str, set[Span]] = {r: set() for r in ROLES}
    for m in _T_LINE.finditer(ann):
        pieces = tuple(
            sorted((int(a), int(b)) for a, b in (p.split() for p in m.group(3).split(";")))
        )
        kind = m.group(2).lower()
        spans[m.group(1)] = (kind, Span(pieces))
        if kind in by_role:
            by_role[kind].add(Span(pieces))
    attributions = []
    for m in _E_LINE.finditer(ann):
        roles: dict[str, list[Span]] = {}
        for arg in m.group(2).split():
            role, _, ref = arg.partition(":")
            if ref in spans:
                roles.setdefault(role.rstrip("0123456789").lower(), []).append(spans[ref][1])
        if roles.get("content"):
            attributions.append(
                Attribution(
                    tuple(roles["content"]),
                    next(iter(roles.get("cue", ())), None),
                    next(iter(roles.get("source", ())), None),
                )
            )
    return tuple(attributions), {r: frozenset(s) for r, s in by_role.items()}


def load_split(root: Path, split: str, names: Iterable[str] | None = None) -> list[Annotated]:
    """The texts of ``root/<split>`` with their first annotator file (alphabetically);
    ``names`` keeps only those file stems. A missing folder raises ``FileNotFoundError``."""
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise FileNotFoundError(f"no PolNeAR {split!r} split under {root}")
    keep = set(names) if names is not None else None
    anns: dict[str, list[Path]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem, _, _annotator = path.stem.rpartition("_")
        anns.setdefault(stem, []).append(path)
    out = []
    for path in sorted(text_dir.glob("*.txt")):
        if keep is not None and path.stem not in keep:
            continue
        files = anns.get(path.stem)
        if not files:
            continue
        first = min(files, key=lambda p: p.name)
        attributions, spans = read_ann(first.read_text(encoding="utf-8"))
        out.append(
            Annotated(
                path.stem,
                path.read_text(encoding="utf-8"),
                first.stem.rpartition("_")[2],
                attributions,
                spans,
            )
        )
    return out


def gold_extraction(doc: Annotated) -> Extraction:
    """The gold spans and (source, content) relations of ``doc``."""
    gold = Extraction({r: set(doc.spans[r]) for r in ROLES})
    for a in doc.attributions:
        if a.source is not None:
            gold.relations.update((a.source, c) for c in a.content)
    return gold


def content_span(f: Finding) -> Span:
    """The content of a ``quote`` or ``attribution`` finding: its ``pieces`` when it has
    them ("The plan" + "would fail" around "Lund said"), else its span."""
    pieces = f.attributes.get("pieces")
    if isinstance(pieces, (list, tuple)) and pieces:
        return Span(tuple((int(a), int(b)) for a, b in pieces))
    return Span.of(f.start, f.end)


def findings_extraction(text: str, findings: Iterable[Finding]) -> Extraction:
    """What the ``sources`` analyzer found, as an :class:`Extraction`: every ``quote`` and
    ``attribution`` is a content (made of its ``pieces`` attribute when it has one; a
    quotation ``part_of`` a reported content is not a content of its own); the
    ``speaker`` it links to is its source (a relation);
    its cue is the occurrence of its reporting word (an explanation cue that is not a pair
    of quotation marks) nearest to the content, within 150 characters."""
    found = list(findings)
    by_id = {f.id: f for f in found}
    out = Extraction()
    for f in found:
        if f.kind not in ("quote", "attribution") or f.end <= f.start:
            continue
        if any(rel.role == "part_of" for rel in f.relations):
            continue  # a quotation inside a reported content is part of that content
        content = content_span(f)
        source = None
        for rel in f.relations:
            target = by_id.get(rel.target)
            if rel.role == "speaker" and target is not None:
                source = Span.of(target.start, target.end)
                break
        out.add(content, source, _cue(text, f.start, f.end, f.explanation.cues))
    return out


def _cue(text: str, start: int, end: int, cues: Sequence[str]) -> Span | None:
    best: tuple[int, Span] | None = None
    for cue in cues:
        if not cue.strip() or not any(ch.isalpha() for ch in cue):
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(cue) + r"(?!\w)")
        for m in pattern.finditer(text, max(0, start - 150), min(len(text), end + 150)):
            gap = start - m.end() if m.end() <= start else max(0, m.start() - end)
            if best is None or gap < best[0]:
                best = (gap, Span.of(m.start(), m.end()))
    return best[1] if best is not None else None


@lru_cache(maxsize=100_000)
def _words(text: str, span: Span) -> frozenset[int]:
    """Start offsets of the word tokens overlapping ``span``."""
    out: set[int] = set()
    for a, b in span.pieces:
        lo = a
        while lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            lo -= 1  # a piece that starts inside a word takes the whole word
        out.update(m.start() for m in _WORD.finditer(text, lo, b))
    return frozenset(out)


def _overlap(x: Span, y: Span) -> bool:
    return any(a < d and c < b for a, b in x.pieces for c, d in y.pieces)


def jaccard(text: str, x: Span, y: Span) -> float:
    """Word-token Jaccard of two spans (1.0 for two overlapping spans without words, 0.0
    for two disjoint ones)."""
    wx, wy = _words(text, x), _words(text, y)
    union = len(wx | wy)
    if union == 0:
        return 1.0 if _overlap(x, y) else 0.0
    return len(wx & wy) / union


def spans_match(text: str, x: Span, y: Span, how: str = "strict") -> bool:
    """Whether ``x`` and ``y`` match: word-token Jaccard >= 0.5 (``"strict"``) or a shared
    character (``"overlap"``). Two spans without words match strictly when they overlap."""
    if how == "overlap":
        return _overlap(x, y)
    if how != "strict":
        raise ValueError(f"unknown match {how!r}: use one of {', '.join(_MATCHES)}")
    wx, wy = _words(text, x), _words(text, y)
    union = len(wx | wy)
    if union == 0:
        return _overlap(x, y)
    return 2 * len(wx & wy) >= union


def _matching(pairs: dict[int, list[int]]) -> int:
    """The size of a maximum bipartite matching (``pairs``: prediction -> gold items)."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in pairs[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in pairs)


@dataclass
class Counts:
    """Matched predictions, predictions and gold items, summed over texts."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _count(predicted: Sequence[T], gold: Sequence[T], match: Callable[[T, T], bool]) -> Counts:
    pairs = {i: [j for j, g in enumerate(gold) if match(p, g)] for i, p in enumerate(predicted)}
    return Counts(_matching(pairs), len(predicted), len(gold))


def score(
    text: str, predicted: Extraction, gold: Extraction, how: str = "strict"
) -> dict[str, Counts]:
    """Counts per role (``source``, ``cue``, ``content``) and for ``relation`` on one text."""

    def same(x: Span, y: Span) -> bool:
        return spans_match(text, x, y, how)

    out = {r: _count(sorted(predicted.spans[r]), sorted(gold.spans[r]), same) for r in ROLES}
    out["relation"] = _count(
        sorted(predicted.relations),
        sorted(gold.relations),
        lambda p, g: same(p[0], g[0]) and same(p[1], g[1]),
    )
    return out


def total(scores: Iterable[dict[str, Counts]]) -> dict[str, Counts]:
    """Counts summed over texts (micro-averaged scores)."""
    out = {k: Counts() for k in (*ROLES, "relation")}
    for s in scores:
        for k, c in s.items():
            out[k] += c
    return out
