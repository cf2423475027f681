"""Corpus links as text blocks, flat rows (CSV) and JSON, for the command line (which
does the printing) and for exports.

Three views, one per command: ``contradictions`` (slot: entity, event, quantity, unit,
date, place, polarity, person, role; why the two are taken as the same event; which slots
agreed and which differed), ``quotes`` (quote, speaker, occasion, wording, similarity) and
``propagation`` (sentences, similarity, outlets). Every row carries both sides
(document id, outlet, publication date, offsets, covered text), the kind, the score,
the rule, what differs and the explanation.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence

from unspin.corpus.model import Link, Side
from unspin.corpus.store_adapter import LinkRun

__all__ = [
    "COLUMNS",
    "SLOT_FIELDS",
    "in_context",
    "link_row",
    "readable_slot",
    "render_link",
    "render_run",
]

#: The slot fields each view shows, in order.
SLOT_FIELDS: dict[str, tuple[str, ...]] = {
    "contradictions": (
        "entity",
        "event",
        "quantity",
        "unit",
        "date",
        "place",
        "polarity",
        "person",
        "role",
        "same_event",
        "checks",
    ),
    "quotes": ("quote", "speaker", "occasion", "wording", "similarity"),
    "propagation": ("sentences", "similarity", "outlets"),
}

_SIDE_FIELDS = ("document", "outlet", "published", "start", "end", "text")


def _columns(view: str) -> tuple[str, ...]:
    sides = tuple(f"{s}_{f}" for s in ("a", "b") for f in _SIDE_FIELDS)
    return ("id", "kind", "score", "rule", "differs", *sides, *SLOT_FIELDS[view], "explanation")


#: CSV columns of each view.
COLUMNS: dict[str, tuple[str, ...]] = {view: _columns(view) for view in SLOT_FIELDS}


def link_row(link: Link, view: str) -> dict[str, str | int | float]:
    """One flat row (the CSV columns of ``view``)."""
    row: dict[str, str | int | float] = {
        "id": link.id,
        "kind": link.kind,
        "score": link.score,
        "rule": link.explanation.rule,
        "differs": ";".join(link.differs),
    }
    for name, side in (("a", link.a), ("b", link.b)):
        row[f"{name}_document"] = side.doc_id
        row[f"{name}_outlet"] = side.outlet or ""
        row[f"{name}_published"] = side.published or ""
        row[f"{name}_start"] = side.start
        row[f"{name}_end"] = side.end
        row[f"{name}_text"] = side.text
    for f in SLOT_FIELDS[view]:
        row[f] = link.slot.get(f, "")
    row["explanation"] = link.explanation.detail
    return row


def _one_line(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def in_context(side: Side, text: str, width: int = 100) -> str:
    """The side's sentence from the document ``text``, its span in [brackets], cut to
    about ``width`` characters around the span."""
    before = " ".join(text[side.context_start : side.start].split())
    span = " ".join(side.text.split())
    after = " ".join(text[side.end : side.context_end].split())
    room = max(0, width - len(span) - 2)
    if len(before) + len(after) > room:
        keep = room // 2
        if len(before) > keep:
            before = "…" + before[len(before) - keep + 1 :]
        after = after if len(after) <= room - len(before) else after[: room - len(before) - 1] + "…"
    gap_before = " " if before and text[side.start - 1 : side.start].isspace() else ""
    gap_after = " " if after and text[side.end : side.end + 1].isspace() else ""
    return f"{before}{gap_before}[{span}]{gap_after}{after}"


def _side(label: str, side: Side, width: int, context: Callable[[Side], str | None]) -> str:
    where = "  ".join(p for p in (side.outlet, side.published[:10] if side.published else "") if p)
    shown = context(side) or _one_line(side.text, width)
    return f"  {label}  {side.doc_id} [{side.start}:{side.end}]  {where}\n     {shown}"


#: Slot fields shown on lines of their own.
_OWN_LINES = {"same_event": "same event", "checks": "slots"}


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: The slot fields whose words may be stems the matching uses ("warehous", "fir").
_STEMMED = ("event", "quantity")


def _readable(value: str, words: set[str]) -> str:
    """``value`` with each word that its sides do not write in full replaced by the
    shortest word of theirs it begins ("warehous" -> "warehouse"); others kept."""

    def one(m: re.Match[str]) -> str:
        low = m.group(0).lower()
        if low in words:
            return m.group(0)
        # a stem lost a final e ("warehous", "fir", "injur") or its y ("compani"); a
        # word in its own right ("flood" of "floods") is kept
        heads = (low + "e", low[:-1] + "y") if low.endswith("i") else (low + "e",)
        longer = [w for w in words if w.startswith(heads) and len(w) <= len(low) + 4]
        return min(longer, key=lambda w: (len(w), w)) if longer else m.group(0)

    return _WORD.sub(one, value)


def readable_slot(
    slot: Mapping[str, str], explanation: str, contexts: Sequence[str | None]
) -> tuple[dict[str, str], str]:
    """The slot and explanation of a link as a reader sees them: the stems its matching
    compared ("event warehous killed", "event fir") written as the words of the two
    sides' ``contexts`` (their sentences) that they stand for."""
    words = {w.lower() for c in contexts if c for w in _WORD.findall(c)}
    out = dict(slot)
    for key in _STEMMED:
        raw = out.get(key)
        if raw:
            out[key] = _readable(raw, words)
            explanation = explanation.replace(f"({raw};", f"({out[key]};")
    return out, explanation


def _slot(slot: Mapping[str, str], view: str) -> str:
    parts = [f"{k} {slot[k]}" for k in SLOT_FIELDS[view] if slot.get(k) and k not in _OWN_LINES]
    return "; ".join(parts)


def render_link(
    link: Link,
    view: str,
    *,
    width: int = 100,
    context: Callable[[Side], str | None] = lambda side: None,
) -> str:
    """A block of lines: kind, score and rule; side A; side B; what was matched; why.
    ``context(side)`` gives the text shown for a side (its sentence, say: see
    :func:`in_context`); by default the side's own text."""
    differs = f"  differs: {', '.join(link.differs)}" if link.differs else ""
    lines = [
        f"{link.kind}  {link.score:.2f}  {link.explanation.rule}{differs}",
        _side("A", link.a, width, context),
        _side("B", link.b, width, context),
    ]
    sides = [context(link.a) or link.a.text, context(link.b) or link.b.text]
    shown, detail = readable_slot(link.slot, link.explanation.detail, sides)
    slot = _slot(shown, view)
    if slot:
        lines.append(f"  slot: {_one_line(slot, width)}")
    for key, label in _OWN_LINES.items():
        if shown.get(key):
            lines.append(f"  {label}: {_one_line(shown[key], width)}")
    why = textwrap.fill(detail, width=width, initial_indent="  why: ", subsequent_indent="       ")
    lines.append(why)
    return "\n".join(lines)


def render_run(run: LinkRun, url: str) -> str:
    """One summary line of a :func:`~unspin.corpus.store_adapter.link_store` run."""
    found = ", ".join(f"{n:,} {k}" for k, n in run.links.items()) or "no new links"
    return f"linked {run.documents:,} new document(s) in {url}: {found}"
