"""Cross-document records: slots (what a sentence asserts, keyed for blocking) and links.

All classes are frozen and round-trip through plain JSON (``to_dict`` / ``from_dict``),
so a store can keep slots per document and links per pair of documents.

A :class:`Link` joins two anchored spans (:class:`Side`: document id, offsets, covered
text, publication date and outlet) and says why: ``kind`` is one of :data:`LINK_KINDS`,
``slot`` names what was matched (entity, event, quantity, unit, person, quote ...),
``differs`` what differs (a value, a date, a role, the wording, the speaker, the
occasion), and ``explanation`` the rule that decided, in words. A link never says
which side is right.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any, ClassVar, TypeAlias

from unspin.errors import SchemaError
from unspin.model import JSON, Explanation

__all__ = [
    "LINK_KINDS",
    "DateSlot",
    "Link",
    "PlaceSlot",
    "PropositionSlot",
    "QuantitySlot",
    "RoleSlot",
    "Side",
    "Slot",
    "slot_from_dict",
]

#: The version of the slot extractor's output: a store holding slots of another version
#: re-extracts them (``unspin.corpus.store_adapter.CURRENT``).
SLOT_FORMAT = 7

#: What a link says about its two spans.
#: ``contradiction``: the same slot with values that cannot both hold;
#: ``compatible``: different values that can both hold (a part and its total, a rounded
#: and an exact figure, a bound and a value within it, a coarser date,
#: two roles of one person);
#: ``update``: a figure for a later date, or explicitly updated; ``restatement``: the
#: same slot with the same value (a figure or a date repeated); ``differs``: kept for
#: links stored before roles became ``compatible``; ``quote_drift``: the same
#: quotation with other wording, speaker or occasion; ``propagation``: a near-duplicate
#: passage in another document, side ``a`` being the earlier.
LINK_KINDS: tuple[str, ...] = (
    "contradiction",
    "compatible",
    "update",
    "restatement",
    "differs",
    "quote_drift",
    "propagation",
)


@dataclass(frozen=True)
class Side:
    """One end of a link: an anchored span of one document.

    ``start``/``end`` cover the compared span (a value, a date, a role mention, a
    quotation, a passage); ``context_start``/``context_end`` its sentence.
    """

    doc_id: str
    start: int
    end: int
    text: str
    published: str | None = None
    outlet: str | None = None
    context_start: int = -1
    context_end: int = -1
    finding_id: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")
        if self.context_start < 0:
            object.__setattr__(self, "context_start", self.start)
        if self.context_end < 0:
            object.__setattr__(self, "context_end", self.end)

    def to_dict(self) -> dict[str, JSON]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Side:
        try:
            return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})
        except (TypeError, ValueError) as exc:
            raise SchemaError(f"invalid link side: {exc}") from exc


@dataclass(frozen=True)
class Link:
    """Two spans, in one document or two, and what relates them."""

    kind: str
    a: Side
    b: Side
    score: float
    explanation: Explanation
    slot: Mapping[str, str] = field(default_factory=dict, hash=False)
    differs: tuple[str, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        if self.kind not in LINK_KINDS:
            raise ValueError(f"unknown link kind {self.kind!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in [0, 1], got {self.score}")
        object.__setattr__(self, "score", round(float(self.score), 4))
        object.__setattr__(
            self, "slot", MappingProxyType({str(k): str(v) for k, v in self.slot.items()})
        )
        object.__setattr__(self, "differs", tuple(self.differs))
        if not self.id:
            ends = sorted(f"{s.doc_id}:{s.start}:{s.end}" for s in (self.a, self.b))
            digest = hashlib.sha1("\x1f".join((self.kind, *ends)).encode()).hexdigest()
            object.__setattr__(self, "id", f"{self.kind}-{digest[:12]}")

    @property
    def doc_ids(self) -> tuple[str, str]:
        return (self.a.doc_id, self.b.doc_id)

    def with_outlets(self, outlets: Mapping[str, str | None]) -> Link:
        """This link with each side under the outlet ``outlets`` gives its document (the
        one it is stored under now, which a site's name joining its domain changes after
        the link was made); the names its explanation and ``outlets`` slot give follow."""
        a, b = (replace(s, outlet=outlets.get(s.doc_id, s.outlet)) for s in (self.a, self.b))
        if (a.outlet, b.outlet) == (self.a.outlet, self.b.outlet):
            return self
        detail = self.explanation.detail
        for old, new in ((self.a.outlet, a.outlet), (self.b.outlet, b.outlet)):
            if detail and old and new and old != new:
                detail = re.sub(rf"(?<![\w.-]){re.escape(old)}(?![\w-])", new, detail)
        slot = dict(self.slot)
        if "outlets" in slot:
            slot["outlets"] = " / ".join(dict.fromkeys(o for o in (a.outlet, b.outlet) if o))
        explanation = replace(self.explanation, detail=detail)
        return replace(self, a=a, b=b, slot=slot, explanation=explanation)

    def to_dict(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "kind": self.kind,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "score": self.score,
            "slot": dict(self.slot),
            "differs": list(self.differs),
            "explanation": self.explanation.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Link:
        try:
            return cls(
                kind=data["kind"],
                a=Side.from_dict(data["a"]),
                b=Side.from_dict(data["b"]),
                score=data["score"],
                explanation=Explanation.from_dict(data["explanation"]),
                slot=data.get("slot") or {},
                differs=tuple(data.get("differs") or ()),
                id=data.get("id") or "",
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemaError(f"invalid link object: {exc}") from exc


@dataclass(frozen=True)
class _SlotBase:
    """What every slot carries: where it is, when and where it was published, how to
    block it (``keys``) and what it is about (``anchors``: names in its sentence;
    ``events``: stems of generic event kinds such as "flood")."""

    kind: ClassVar[str] = ""

    doc_id: str
    finding_id: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    published: str | None
    outlet: str | None
    keys: tuple[str, ...]
    anchors: tuple[str, ...]
    events: tuple[str, ...]
    #: name keys of the whole document, and of its headline and lead sentence (what a
    #: sentence naming nothing itself is taken to be about)
    context: tuple[str, ...] = field(default=(), kw_only=True)
    lead: tuple[str, ...] = field(default=(), kw_only=True)

    @property
    def uid(self) -> str:
        """Unique within a corpus: the document and the span."""
        return f"{self.doc_id}:{self.kind}:{self.start}:{self.end}"

    def side(self) -> Side:
        return Side(
            self.doc_id, self.start, self.end, self.text, self.published, self.outlet,
            self.sentence_start, self.sentence_end, self.finding_id,
        )  # fmt: skip

    def to_dict(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {"kind": self.kind, "format": SLOT_FORMAT}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out


@dataclass(frozen=True)
class QuantitySlot(_SlotBase):
    """A number and what it counts: ``predicate`` is the class of what happened
    ("die", "arrest", "pay", or a stem such as "destroy"), ``unit_class`` what is counted
    ("person", "USD", "home"), ``noun`` the counted noun as written ("children")."""

    kind: ClassVar[str] = "quantity"

    value: float
    value_max: float | None
    unit: str | None
    unit_class: str
    noun: str | None
    predicate: str
    predicate_text: str
    qualifier: str | None
    part: str | None  # the cue making this a part of a total ("including", "of whom")
    update: str | None  # the cue making this an updated figure ("rose to", "now")
    as_of: str | None  # the date the figure refers to: its sentence's date, else published
    dated: bool = field(default=False, kw_only=True)  # as_of comes from the text
    counts: str = field(default="other", kw_only=True)  # the frame's counted class
    nouns: tuple[str, ...] = field(default=(), kw_only=True)  # content-word stems near it
    #: who the text credits the figure to ("noun:union", "name:brenmark steel"),
    #: :mod:`unspin.corpus.figure_sources`
    source: str | None = field(default=None, kw_only=True)
    #: the people its sentence names, not its source ("giving Harlan 99 delegates": harlan),
    #: :mod:`unspin.corpus.holders`
    people: tuple[str, ...] = field(default=(), kw_only=True)


@dataclass(frozen=True)
class DateSlot(_SlotBase):
    """A resolved date and the event it dates (``predicate`` stem, ``subject`` noun)."""

    kind: ClassVar[str] = "date"

    iso: str
    granularity: str
    predicate: str
    predicate_text: str
    subject: str | None
    relative: bool  # resolved against the publication date
    light: bool = field(default=False, kw_only=True)  # "take place", "be held", "open"
    once: bool = field(default=False, kw_only=True)  # planned ("will reopen") or a one-off outcome
    nouns: tuple[str, ...] = field(default=(), kw_only=True)  # content-word stems of its clause
    places: tuple[str, ...] = field(default=(), kw_only=True)  # "in X", "at X" in its clause
    #: the last day of the range this date opens ("between Oct. 30 and Nov. 9": 2015-11-09)
    until: str | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class RoleSlot(_SlotBase):
    """A person named with a role or title."""

    kind: ClassVar[str] = "role"

    name: str
    role: str
    source: str  # "speaker" (the sources analyzer) or "apposition"


@dataclass(frozen=True)
class PropositionSlot(_SlotBase):
    """What a sentence asserts happened, with its polarity: ``predicate`` (a verb stem,
    "resign"), ``positive`` or not (``cues``: "not", "No one", or the antonym that flips
    it, "failed" against "passed"), the names taking part (``anchors``), the day it
    happened (``iso``) and the content-word stems of the sentence (``nouns``)."""

    kind: ClassVar[str] = "proposition"

    predicate: str
    predicate_text: str
    positive: bool
    cues: tuple[str, ...]
    iso: str | None
    nouns: tuple[str, ...]
    #: who does it: the frame's actors ("Helena Varga"), or the possessor of a
    #: nominalisation ("Varga's resignation")
    actors: tuple[str, ...] = field(default=(), kw_only=True)
    #: the common noun doing it ("the *state* never offered"), lower-cased
    subject: str | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class PlaceSlot(_SlotBase):
    """Where something happened: the ``place`` (a name, "Dock Road") of a ``place_type``
    ("street", "hospital", "town"), the ``event`` classes it locates ("fire", "injure",
    "summit"), the day (``iso``) and the sentence's other named places (``others``)."""

    kind: ClassVar[str] = "place"

    place: str
    place_type: str
    event: tuple[str, ...]
    iso: str | None
    others: tuple[str, ...]
    nouns: tuple[str, ...] = field(default=(), kw_only=True)


Slot: TypeAlias = QuantitySlot | DateSlot | RoleSlot | PropositionSlot | PlaceSlot

_SLOT_CLASSES: dict[str, type[Slot]] = {
    c.kind: c for c in (QuantitySlot, DateSlot, RoleSlot, PropositionSlot, PlaceSlot)
}


def slot_from_dict(data: Mapping[str, Any]) -> Slot:
    """Load a slot written by ``to_dict``."""
    cls = _SLOT_CLASSES.get(str(data.get("kind")))
    if cls is None:
        raise SchemaError(f"unknown slot kind {data.get('kind')!r}")
    try:
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data and f.kw_only:
                continue  # written before the field existed (an older store): its default
            v = data[f.name]
            values[f.name] = tuple(v) if isinstance(v, list) else v
        return cls(**values)
    except (KeyError, TypeError) as exc:
        raise SchemaError(f"invalid {cls.kind} slot: missing or bad field {exc}") from exc
