"""Matching that checks the frame: a fact-check is a match only when the frames agree.

A fact-check retrieved for a claim may review a *different* version of it: another
amount, another year, the opposite statement, someone else saying it. The retrieval and
the verifier read two texts as alike; this module reads both as frames
(:mod:`unspin.frames`) and checks the slots a changed version differs in, asymmetrically:
the fact-check is the reference, and a slot *differs* only when the article states that
slot and does not state the fact-check's value anywhere.

* **number**: a quantity of the fact-check that counts the same thing (``killed``,
  ``money`` in the same currency, ``percent``, ...) as a quantity of the article; the
  slot agrees when some article quantity (of any kind) has the same value
  (:func:`unspin.frames.compare.same_value`, round figures within 5 %);
* **date**: resolved dates; with ``date_level="year"`` (the default) only their years are
  compared (an article dated by its publication and a fact-check dated by the event often
  give different days of one story), and two dates that agree only in their year are
  reported as the slot ``year``, not ``date``; with ``"day"`` the whole date (containment,
  as :func:`unspin.frames.compare_frames`);
* **polarity**: the polarity of the article sentence that shares most content words with
  the fact-check against that of the fact-check's sentence, only when they share at
  least ``min_overlap`` content words (2; a rebuttal worded otherwise is not compared);
* **predicate**: the verbs of the two sentences compared for polarity (with their
  particle: "turned down"), only when that tells another action for certain: both are
  done to the same thing (object, or subject of a passive), both are verbs of an action
  (not "be", "have", "say" or a general verb such as "make"), neither is the same verb,
  a verb of its sense (:mod:`unspin.frames.senses`: "turned down" / "rejected") or a
  form of the other, one at least is a verb whose wordings that list knows, and neither
  text uses the other's verb anywhere ("X vetoed the bill" / "X signed the bill": veto
  against sign);
* **actor** (``actor_mode="entity_all"``, the default): the named agents (people,
  organisations, @handles): the slot differs when none of the fact-check's is mentioned
  anywhere in the article while the article's sentence closest to the fact-check names
  one the fact-check never mentions. Other modes: ``"frame"`` (the proper nouns of the
  frames' actors, who does or says the main thing), ``"entity"`` (any one fact-check
  agent missing), ``"entity_role"`` (a missing and an extra agent in the same role),
  ``"both_role"`` (frame, else role).

Every check says what each side holds (:class:`~unspin.frames.SlotCheck`, ``a`` the
article's, ``b`` the fact-check's), so a differing fact-check is shown as "related, but
differs: fact-check says X, article says Y" with the one line of
:func:`~unspin.frames.describe_checks`. The slots that veto a match, the date level and
the overlap were chosen by cross-validation on the CheckThat! 2020 training tweets with
one-slot edits generated there (``bench/factcheck_edits.py``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from unspin.factchecks.model import ClaimReview
from unspin.factchecks.terms import terms
from unspin.frames import SlotCheck, find_dates, find_quantities
from unspin.frames.compare import (
    polarity_text,
    quantity_kind,
    quantity_text,
    resolved_dates,
    same_value,
)
from unspin.frames.frame import claim_frame
from unspin.frames.senses import GENERAL_VERBS, bases, has_senses, same_sense
from unspin.nlp import Parsed

__all__ = [
    "DEFAULT_SLOTS",
    "ClaimSide",
    "FrameChecks",
    "FrameReader",
    "check_sides",
    "differs_line",
    "read_side",
]

#: The slots whose difference stops a fact-check being shown as a match (CV on train).
DEFAULT_SLOTS: tuple[str, ...] = ("polarity", "predicate", "number", "date", "actor")


#: Words that are capitalised but name no one.
def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_NAMES = _split(
    "the a an this that these those his her its their our my your some many most all "
    "i he she it we they you me him us them who what which there here"
)

Frame = Mapping[str, Any]


@dataclass(frozen=True)
class ClaimSide:
    """What the checks read of one text (a claim sentence, a tweet, a reviewed claim):
    the frame of each sentence, their content words, the proper-noun words of each
    frame's actors, and the lower-cased words of the whole text."""

    text: str
    frames: tuple[Frame, ...]
    terms: tuple[frozenset[str], ...]
    names: tuple[frozenset[str], ...]
    words: frozenset[str]
    entities: tuple[tuple[Entity, ...], ...] = ()
    #: each frame's predicate with its particle ("turn down") and what it is done to
    verbs: tuple[tuple[str, str], ...] = ()


def _word(text: str) -> str:
    w = text.lower().strip(".,;:!?\"'()[]“”‘’@#")
    for suffix in ("'s", "’s"):
        w = w.removesuffix(suffix)
    return w


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _text_words(text: str) -> set[str]:
    """Lower-cased words, handles and hashtags also split where their case changes
    ("@HamillHimself": hamillhimself, hamill, himself)."""
    out = set()
    for raw in text.split():
        w = _word(raw)
        if w:
            out.add(w)
        if raw[:1] in "@#":
            out.update(_word(x) for x in _CAMEL.split(raw.strip("@#.,;:!?()")) if len(x) > 1)
    return out


#: Entity labels that name an agent (who acts or is acted on).
_AGENTS = frozenset({"PERSON", "ORG"})
_HANDLE = re.compile(r"(?<![\w@])@(\w{2,})")


Entity = tuple[frozenset[str], str, str]  # lower-cased words, text, role ("nsubj:say")


def _role(parsed: Parsed, start: int, end: int) -> str:
    """What the name does in the sentence: its dependency and its head's lemma."""
    toks = parsed.tokens_in(start, end)
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head not in inside or t.head == t.i), None)
    if root is None:
        return ""
    head = parsed.tokens[root.head]
    return f"{root.dep}:{head.lemma.lower()}"


def _entities(parsed: Parsed, start: int, end: int) -> tuple[Entity, ...]:
    """The named agents of ``[start, end)`` (people, organisations, @handles): their
    lower-cased words, text and role."""
    out = []
    for e in parsed.entities_in(start, end):
        words = frozenset(_text_words(e.text)) - _NOT_NAMES
        if e.label in _AGENTS and words:
            out.append((words, e.text, _role(parsed, e.start, e.end)))
    for m in _HANDLE.finditer(parsed.text, start, end):
        words = frozenset(_text_words(m.group())) - _NOT_NAMES
        if not any(m.group() in text for _, text, _ in out):
            out.append((words, m.group(), _role(parsed, m.start(), m.end())))
    return tuple(out)


def _actor_names(parsed: Parsed, start: int, end: int, frame: Frame) -> frozenset[str]:
    """Proper nouns (or capitalised words not opening the sentence) of the frame's actors."""
    span = parsed.text[start:end]
    out: set[str] = set()
    for actor in frame.get("actors") or ():
        at = span.find(str(actor))
        if at < 0:
            continue
        a0 = start + at
        for t in parsed.tokens_in(a0, a0 + len(str(actor))):
            w = _word(t.text)
            if len(w) < 2 or w in _NOT_NAMES or not t.text.lstrip("@")[:1].isupper():
                continue
            if t.ent_type or t.text.startswith("@") or (t.pos == "PROPN" and t.start != start):
                out.update(_text_words(t.text))
    return frozenset(out)


def _verb(parsed: Parsed, start: int, end: int, frame: Frame) -> tuple[str, str]:
    """The frame's predicate with the particle its verb takes in the sentence ("turned
    down": turn down) and the lemma of what it is done to (its object, or the subject of
    a passive: "the bill was vetoed"); ``""`` for what the frame or the parse lacks."""
    pred = str(frame.get("predicate") or "").lower()
    toks = parsed.tokens_in(start, end)
    verb = next((t for t in toks if t.lemma.lower() == pred and t.pos in ("VERB", "AUX")), None)
    if not pred or verb is None:
        return pred, ""
    kids = [t for t in toks if t.head == verb.i and t.i != verb.i]
    particle = next((t for t in kids if t.dep == "prt"), None)
    thing = next((t for t in kids if t.dep in ("dobj", "nsubjpass")), None)
    return (
        f"{pred} {particle.lower}" if particle is not None else pred,
        thing.lemma.lower() if thing is not None else "",
    )


def read_side(
    parsed: Parsed,
    published: date | None = None,
    *,
    span: tuple[int, int] | None = None,
    frames: Sequence[Frame] | None = None,
) -> ClaimSide:
    """The side of ``parsed`` (or of its sentences within ``span``): each sentence's frame
    (given as ``frames``, one per sentence in the span, or read now with dates resolved
    against ``published``)."""
    start, end = span if span is not None else (0, len(parsed.text))
    sentences = [s for s in parsed.sentences if start <= s.start < end] or list(parsed.sentences)
    if frames is None:
        dates = find_dates(parsed.text, parsed, published)
        quantities = find_quantities(parsed.text, parsed, [(d.start, d.end) for d in dates])
        frames = [claim_frame(parsed, s, quantities, dates).to_json(parsed.text) for s in sentences]
    if len(frames) != len(sentences):
        sentences = sentences[: len(frames)]
        frames = frames[: len(sentences)]
    text = parsed.text[start:end]
    return ClaimSide(
        text=text,
        frames=tuple(frames),
        terms=tuple(frozenset(terms(parsed.text[s.start : s.end])) for s in sentences),
        names=tuple(
            _actor_names(parsed, s.start, s.end, f) for s, f in zip(sentences, frames, strict=True)
        ),
        words=frozenset(_text_words(text)),
        entities=tuple(_entities(parsed, s.start, s.end) for s in sentences),
        verbs=tuple(
            _verb(parsed, s.start, s.end, f) for s, f in zip(sentences, frames, strict=True)
        ),
    )


# -- the checks -------------------------------------------------------------------------------


def _aligned(a: ClaimSide, b: ClaimSide) -> tuple[int, int, int]:
    """The sentences of ``a`` and ``b`` sharing most content words, and how many."""
    best = (0, 0, -1)
    for i, ta in enumerate(a.terms):
        for j, tb in enumerate(b.terms):
            n = len(ta & tb)
            if n > best[2]:
                best = (i, j, n)
    return best


def _polarity(
    a: ClaimSide, b: ClaimSide, min_overlap: int, same_predicate: bool
) -> SlotCheck | None:
    if not a.frames or not b.frames:
        return None
    i, j, shared = _aligned(a, b)
    if shared < min_overlap:
        return None
    fa, fb = a.frames[i], b.frames[j]
    if same_predicate and fa.get("predicate") != fb.get("predicate"):
        return None
    pa, pb = fa.get("polarity"), fb.get("polarity")
    if pa not in ("positive", "negative") or pb not in ("positive", "negative"):
        return None
    return SlotCheck("polarity", pa == pb, polarity_text(fa), polarity_text(fb))


#: Verbs that tell no action of their own: being, having, saying, general verbs.
_NO_ACTION = GENERAL_VERBS | _split(
    "be have do say tell state claim report add want try need can will would could should "
    "may might must let seem become remain keep begin start continue give see know think "
    "believe call show look feel"
)


def _side_verb(side: ClaimSide, i: int) -> tuple[str, str]:
    if i < len(side.verbs) and side.verbs[i][0]:
        return side.verbs[i]
    return (
        (str(side.frames[i].get("predicate") or "").lower(), "")
        if i < len(side.frames)
        else ("", "")
    )


def _one_action(x: str, y: str) -> bool:
    """The same verb, a verb of its sense, or a form of it ("turn" / "turn down",
    "approval" / "approve")."""
    hx, hy = x.split()[0], y.split()[0]
    return (
        x == y
        or hx == hy
        or same_sense(x, y)
        or same_sense(hx, hy)
        or bool(bases(hx) & bases(hy))
        or hx.startswith(hy)
        or hy.startswith(hx)
    )


def _uses(side: ClaimSide, verb: str) -> bool:
    """Whether a word of ``side`` is a form of ``verb`` ("banned", "denies": ban, deny)."""
    head = verb.split()[0]
    root = head[:-1] if len(head) > 3 and head[-1] in "ey" else head
    return any(w.startswith(root) for w in side.words)


def _predicate(a: ClaimSide, b: ClaimSide, min_overlap: int) -> SlotCheck | None:
    """The verbs of the aligned sentences: agree when they tell one action; differ only
    when they certainly tell two (see the module docstring); else not compared."""
    if not a.frames or not b.frames:
        return None
    i, j, shared = _aligned(a, b)
    if shared < min_overlap:
        return None
    (va, oa), (vb, ob) = _side_verb(a, i), _side_verb(b, j)
    if not va or not vb:
        return None
    if _one_action(va, vb):
        return SlotCheck("predicate", True, va, vb)
    if va.split()[0] in _NO_ACTION or vb.split()[0] in _NO_ACTION:
        return None  # being, having, saying, a general verb: no action to compare
    if not (has_senses(va) or has_senses(vb)) or not oa or oa != ob:
        return None  # neither verb's wordings known to the list, or done to two things
    if _uses(a, vb) or _uses(b, va):
        return None  # one text uses the other's verb too ("read the bill and signed it")
    return SlotCheck("predicate", False, va, vb)


def _quantities(side: ClaimSide) -> list[Frame]:
    return [q for f in side.frames for q in f.get("quantities") or () if q.get("value") is not None]


def _number(a: ClaimSide, b: ClaimSide) -> SlotCheck | None:
    qa, qb = _quantities(a), _quantities(b)
    differing: tuple[Frame, Frame] | None = None
    for y in qb:
        peers = [x for x in qa if quantity_kind(x) == quantity_kind(y)]
        if not peers:
            continue
        same = next((x for x in qa if same_value(float(x["value"]), float(y["value"]))), None)
        if same is not None:
            return SlotCheck("number", True, quantity_text(same), quantity_text(y))
        differing = differing or (peers[0], y)
    if differing is None:
        return None
    return SlotCheck("number", False, quantity_text(differing[0]), quantity_text(differing[1]))


def _dates(side: ClaimSide) -> list[tuple[str, str]]:
    return [d for f in side.frames for d in resolved_dates(f)]


def _date(a: ClaimSide, b: ClaimSide, level: str) -> SlotCheck | None:
    da, db = _dates(a), _dates(b)
    if not da or not db:
        return None
    for x, tx in da:
        for y, ty in db:
            if x.startswith(y) or y.startswith(x):
                return SlotCheck("date", True, tx, ty)
    if level == "year":
        for x, tx in da:
            for y, ty in db:
                if x[:4] == y[:4]:
                    # only the year agrees ("31 January 2027" / "31 March 2027"): said so,
                    # not "agree: date"
                    return SlotCheck("year", True, tx, ty)
    return SlotCheck("date", False, da[0][1], db[0][1])


def _actor(a: ClaimSide, b: ClaimSide, mode: str) -> SlotCheck | None:
    if mode.startswith("entity"):
        return _entity(a, b, mode.removeprefix("entity").strip("_"))
    frame = _frame_actor(a, b)
    if mode.startswith("both"):
        entity = _entity(a, b, mode.removeprefix("both").strip("_"))
        if entity is not None and (frame is None or not entity.agrees):
            return entity
    return frame


def _same_role(x: str, y: str) -> bool:
    dx, _, hx = x.partition(":")
    dy, _, hy = y.partition(":")
    return bool(x) and (x == y or (dx == dy == "nsubj") or (hx == hy and dx == dy))


def _entity(a: ClaimSide, b: ClaimSide, rule: str) -> SlotCheck | None:
    """Named agents (people, organisations, @handles): the slot differs when the
    fact-check names one that the article never mentions while the article's sentence
    closest to the fact-check names one the fact-check never mentions (``rule``
    ``"all"``: the fact-check's names are all missing; ``"role"``: the two stand in the
    same role, the subject or the same dependency of the same word)."""
    i, _, _ = _aligned(a, b)
    ea = list(a.entities[i]) if i < len(a.entities) else []
    eb = [e for sentence in b.entities for e in sentence]
    if not ea or not eb:
        return None
    missing = [e for e in eb if not e[0] & a.words]
    extra = [e for e in ea if not e[0] & b.words]
    if rule == "all" and len(missing) < len(eb):
        missing = []
    if rule == "role":
        pairs = [(x, y) for x in extra for y in missing if _same_role(x[2], y[2])]
        extra, missing = [x for x, _ in pairs[:1]], [y for _, y in pairs[:1]]
    if missing and extra:
        return SlotCheck(
            "actor", False, "; ".join(e[1] for e in extra), "; ".join(e[1] for e in missing)
        )
    return SlotCheck("actor", True, "; ".join(e[1] for e in ea), "; ".join(e[1] for e in eb))


def _frame_actor(a: ClaimSide, b: ClaimSide) -> SlotCheck | None:
    na = frozenset().union(*a.names) if a.names else frozenset()
    nb = frozenset().union(*b.names) if b.names else frozenset()
    if not na or not nb:
        return None
    agrees = bool(nb & a.words) or bool(na & b.words)
    text_a = "; ".join(str(x) for f in a.frames for x in f.get("actors") or ())
    text_b = "; ".join(str(x) for f in b.frames for x in f.get("actors") or ())
    return SlotCheck("actor", agrees, text_a, text_b)


def check_sides(
    article: ClaimSide,
    factcheck: ClaimSide,
    *,
    date_level: str = "year",
    min_overlap: int = 2,
    actor_mode: str = "entity_all",
    same_predicate: bool = False,
) -> list[SlotCheck]:
    """The checks of every slot both sides fill (``a``: the article's, ``b``: the
    fact-check's), in the order polarity, predicate, number, date, actor."""
    checks = [
        _polarity(article, factcheck, min_overlap, same_predicate),
        _predicate(article, factcheck, min_overlap),
        _number(article, factcheck),
        _date(article, factcheck, date_level),
        _actor(article, factcheck, actor_mode),
    ]
    return [c for c in checks if c is not None]


def differs_line(checks: Sequence[SlotCheck], slots: Iterable[str] = DEFAULT_SLOTS) -> str | None:
    """ "related, but differs: number: fact-check says X, article says Y (agree:
    polarity; differ: number)" when a slot of ``slots`` differs, else None (the whole
    comparison, both values of every slot: :func:`~unspin.frames.describe_checks`)."""
    keep = set(slots)
    differ = [c for c in checks if not c.agrees and c.slot in keep]
    if not differ:
        return None
    says = "; ".join(f"{c.slot}: fact-check says {c.b}, article says {c.a}" for c in differ)
    same = [c.slot for c in checks if c.agrees]
    slots_line = (
        (f"agree: {', '.join(same)}; " if same else "")
        + "differ: "
        + ", ".join(c.slot for c in checks if not c.agrees)
    )
    return f"related, but differs: {says} ({slots_line})"


# -- fact-check frames, parsed on demand ------------------------------------------------------


def _published(review: ClaimReview) -> date | None:
    raw = (review.review_date or "")[:10]
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else None
    except ValueError:
        return None


class FrameReader:
    """The sides of reviewed claims, parsed by ``parse_many`` (the backbone's) on first
    use and kept for the process (up to ``cache_size`` claims, least recently used out):
    only the claims a matcher shows are ever parsed."""

    def __init__(
        self, parse_many: Callable[[Sequence[str]], list[Parsed]], cache_size: int = 50_000
    ) -> None:
        self.parse_many = parse_many
        self.cache_size = cache_size
        self._cache: dict[tuple[str, str], ClaimSide] = {}
        self._lock = threading.Lock()

    def sides(self, reviews: Sequence[ClaimReview]) -> list[ClaimSide]:
        keys = [(r.claim, r.review_date or "") for r in reviews]
        with self._lock:
            todo = {k: r for k, r in zip(keys, reviews, strict=True) if k not in self._cache}
            if todo:
                parsed = self.parse_many([r.claim for r in todo.values()])
                for (k, r), p in zip(todo.items(), parsed, strict=True):
                    self._cache[k] = read_side(p, _published(r))
            out = [self._cache[k] for k in keys]
            for k in keys:
                self._cache[k] = self._cache.pop(k)
            while len(self._cache) > self.cache_size:
                self._cache.pop(next(iter(self._cache)))
            return out


@dataclass(frozen=True)
class FrameChecks:
    """How matches are checked: the slots that veto a match, the date level and the
    overlap the polarity check needs (defaults chosen by cross-validation on train)."""

    slots: tuple[str, ...] = DEFAULT_SLOTS
    date_level: str = "year"
    min_overlap: int = 2
    actor_mode: str = "entity_all"
    same_predicate: bool = False

    def check(self, article: ClaimSide, factcheck: ClaimSide) -> list[SlotCheck]:
        return check_sides(
            article,
            factcheck,
            date_level=self.date_level,
            min_overlap=self.min_overlap,
            actor_mode=self.actor_mode,
            same_predicate=self.same_predicate,
        )

    def differs(self, checks: Sequence[SlotCheck]) -> bool:
        return any(not c.agrees and c.slot in self.slots for c in checks)
