"""Contradictions within a document and across a corpus, by slot.

:func:`find_contradictions` groups slots by their blocking keys (never all pairs over a
corpus) and compares within each group with :func:`compare_slots`, which a store can
also call directly on candidate pairs it fetched by key.

Two slots are about the same thing when they share a predicate and a counted unit
(quantities), a predicate (dates) or a full name (roles); across documents they must
also share a name-like word of their sentences, and neither may name a kind of event
the other lacks ("fire" vs "flood"), and be close enough in time and precise enough to be
one count, one event's date or place (:mod:`unspin.corpus.same_event`). Values are then
compared:

* quantities that can both hold are ``compatible``: a part and its total (a narrower
  counted noun, or "including", "of whom"), an approximate or bounded value and a value
  within its reach ("about 60" and 62, "more than 60" and 65), a rounded and an exact
  figure ("1,200" and 1,187; the value arithmetic is :mod:`unspin.corpus.quantity_values`);
  a figure given as an update ("rose to", "now") or a larger count dated later is an
  ``update``, unless neither text dates its figure and two different sources give them
  (:mod:`unspin.corpus.figure_sources`); anything else is a ``contradiction``. Figures
  of two holders ("giving Harwick 99 delegates", "Okafor earned 175") or of two measures
  ("a 214-delegate advantage" is a lead, not delegates) are not compared
  (:mod:`unspin.corpus.holders`);
* dates: a coarser date containing the other, or a range ("between Oct. 30 and Nov. 9")
  and a date or month overlapping it, is ``compatible``; one text's weekday resolved to two
  days is not linked (:mod:`unspin.corpus.date_ranges`); different days are a
  ``contradiction``;
* roles: different roles of one person ``differ`` (both can be true at different times);
  a role contained in the other ("minister" and "interior minister"), the same role
  abbreviated ("Sen." / "senator") or no role at all ("then") is not linked.

A reporter's request left unanswered ("did not respond to requests for comment") is no
denial of a reply on the matter (:func:`unspin.corpus.events.unanswered`).

Identical values are agreement and are not linked. A link's score is the confidence that
both spans fill the same slot (shared names and event kinds raise it, dates resolved
against a publication date lower it); its kind says how the values relate.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence

from unspin.corpus.context import shared_names, story
from unspin.corpus.date_ranges import one_weekday, overlap, span
from unspin.corpus.events import ANTONYMS, unanswered
from unspin.corpus.figure_sources import shown_source, sources_differ
from unspin.corpus.holders import two_holders
from unspin.corpus.model import (
    DateSlot,
    Link,
    PlaceSlot,
    PropositionSlot,
    QuantitySlot,
    RoleSlot,
    Slot,
)
from unspin.corpus.quantity_values import (
    SHARES,
    generic_people,
    interval,
    is_tally,
    rounds_to,
    same_thing,
    shown,
)
from unspin.corpus.roles import distinct_roles, one_mention
from unspin.corpus.same_event import (
    OUTCOMES,
    counts_comparable,
    dates_comparable,
    places_comparable,
    same_magnitude,
    shared_nouns,
    update_comparable,
)
from unspin.corpus.words import days_apart, later, norm_name
from unspin.frames import SlotCheck, describe_checks
from unspin.model import Explanation

__all__ = ["OUTCOMES", "compare_slots", "find_contradictions", "group_slots"]

log = logging.getLogger(__name__)

#: Within one document, two statements naming nothing in common are compared only when
#: their sentences start at most this many characters apart (the next sentence or two).
NEARBY = 400
#: Two dates more than this many days apart are two events, not one event dated twice.
DATE_SPAN = 62

_KIND_ORDER = {"contradiction": 0, "update": 1, "differs": 2, "compatible": 3, "restatement": 4}


def group_slots(slots: Iterable[Slot]) -> dict[str, list[Slot]]:
    """Slots by blocking key (a slot appears under each of its keys)."""
    groups: dict[str, list[Slot]] = defaultdict(list)
    for s in slots:
        for k in s.keys:
            groups[k].append(s)
    return dict(groups)


def find_contradictions(slots: Iterable[Slot], *, max_group: int = 300) -> list[Link]:
    """Links between slots that share a blocking key: contradictions, compatible values,
    updates and differing roles, most consequential first.

    A group larger than ``max_group`` (a very common name) is ordered by publication
    date and each slot is compared with the ``max_group`` slots before it only, so the
    work stays linear in the corpus size.
    """
    seen: set[tuple[str, str]] = set()
    links: dict[str, Link] = {}
    for key, group in group_slots(slots).items():
        if len(group) < 2:
            continue
        if len(group) > max_group:
            log.info("slot group %s has %d members; comparing within a window", key, len(group))
            group = sorted(group, key=lambda s: (s.published or "", s.doc_id, s.start))
        for j in range(1, len(group)):
            for i in range(max(0, j - max_group), j):
                a, b = group[i], group[j]
                pair = (a.uid, b.uid) if a.uid < b.uid else (b.uid, a.uid)
                if pair in seen or a.uid == b.uid:
                    continue
                seen.add(pair)
                link = compare_slots(a, b)
                if link is not None:
                    links.setdefault(link.id, link)
    return sorted(
        links.values(),
        key=lambda lk: (_KIND_ORDER.get(lk.kind, 9), -lk.score, lk.a.doc_id, lk.a.start),
    )


def compare_slots(a: Slot, b: Slot) -> Link | None:
    """The link between two slots, or ``None`` when they are not about the same thing
    or agree."""
    if a.uid == b.uid or type(a) is not type(b):
        return None
    if a.doc_id == b.doc_id and a.sentence_start == b.sentence_start and a.kind != "role":
        return None  # "70 people, including 12 children": one sentence, one statement
    a, b = _ordered(a, b)
    if isinstance(a, QuantitySlot) and isinstance(b, QuantitySlot):
        return _quantities(a, b)
    if isinstance(a, DateSlot) and isinstance(b, DateSlot):
        return _dates(a, b)
    if isinstance(a, RoleSlot) and isinstance(b, RoleSlot):
        return _roles(a, b)
    if isinstance(a, PropositionSlot) and isinstance(b, PropositionSlot):
        return _propositions(a, b)
    if isinstance(a, PlaceSlot) and isinstance(b, PlaceSlot):
        return _places(a, b)
    return None


def _ordered(a: Slot, b: Slot) -> tuple[Slot, Slot]:
    """Earlier publication first; within a document, text order."""
    c = later(a.published, b.published)
    if c > 0 or (c == 0 and (a.doc_id, a.start) > (b.doc_id, b.start)):
        return b, a
    return a, b


# -- matching --------------------------------------------------------------------------


def _match(
    a: Slot, b: Slot, exclude: Sequence[str] = ()
) -> tuple[list[str], list[str], str] | None:
    """(shared names, shared event kinds, why they are taken as one event) when two slots
    can be about the same event: the same names in their sentences (or leads), or one
    story (:mod:`unspin.corpus.context`); never two different kinds of event."""
    events = sorted(set(a.events) & set(b.events))
    if a.events and b.events and not events:
        return None  # "fire" here, "flood" there
    shared = shared_names(a, b, exclude)
    if a.doc_id == b.doc_id:
        if not shared and a.anchors and b.anchors:
            return None  # one article, two places or parties: two events
        if not shared and abs(a.sentence_start - b.sentence_start) > NEARBY:
            return None  # far apart in a long article, naming nothing in common
        return shared, events, "in one document" + (f", both naming {', '.join(shared)}"
                                                    if shared else "")  # fmt: skip
    if shared:
        return shared, events, f"both name {', '.join(shared)}"
    told = story(a, b, exclude)
    if told is None:
        return None
    return (
        told,
        events,
        (
            f"one story: published {a.published} and {b.published}, the documents both name "
            f"{', '.join(told)}"
        ),
    )


def _checks(*checks: tuple[str, bool, str, str]) -> str:
    """The one line of which slots agreed and which differed."""
    return describe_checks([SlotCheck(n, ok, x, y) for n, ok, x, y in checks])


def _confidence(a: Slot, b: Slot, shared: Sequence[str], events: Sequence[str]) -> float:
    score = 0.45 + 0.1 * min(3, len(shared)) + (0.1 if events else 0.0)
    if a.doc_id == b.doc_id:
        score += 0.15
    return min(0.95, score)


def _link(
    kind: str,
    a: Slot,
    b: Slot,
    score: float,
    rule: str,
    detail: str,
    slot: dict[str, str],
    differs: Sequence[str],
) -> Link:
    return Link(
        kind=kind,
        a=a.side(),
        b=b.side(),
        score=max(0.05, min(1.0, score)),
        explanation=Explanation(rule=rule, cues=(a.text, b.text), detail=detail),
        slot={k: v for k, v in slot.items() if v},
        differs=tuple(differs),
    )


def _where(a: Slot, b: Slot) -> str:
    return "in the same document" if a.doc_id == b.doc_id else "in two documents"


# -- quantities ------------------------------------------------------------------------


def _own_names(s: Slot) -> set[str]:
    return {w for x in s.anchors for w in norm_name(x).split()}


def _quantities(a: QuantitySlot, b: QuantitySlot) -> Link | None:
    thing = same_thing(a, b)
    if thing is None:
        return None
    if a.doc_id == b.doc_id and not (
        a.unit_class == "person" and a.predicate in OUTCOMES
        and abs(a.sentence_start - b.sentence_start) <= NEARBY
    ):  # fmt: skip
        return None  # one article compares many figures; only nearby tolls and the like
    if two_holders(a, b):
        return None  # Harlan's 99 delegates and Okafor's 175: two holders, two counts
    m = _match(a, b)
    if m is None:
        return None
    shared, events, why = m
    if a.unit_class in SHARES and not _own_names(a) & _own_names(b):
        return None  # "a third" and "half": shares of what? the sentences must say
    same = a.value == b.value and a.value_max == b.value_max
    if not counts_comparable(a, b, shared, restating=same, told=why.startswith("one story")):
        return None  # two documents: far apart in time, or one frequent name only
    score = _confidence(a, b, shared, events)
    preds = " / ".join(dict.fromkeys(x for x in (a.predicate_text.lower(),
                                                 b.predicate_text.lower()) if x))  # fmt: skip
    slot = {
        "entity": ", ".join(shared),
        "event": ", ".join(events),
        "quantity": f"{thing}" + (f" ({preds})" if preds else ""),
        "unit": a.unit_class if a.unit_class != "none" else "",
        "date": f"{a.as_of or '-'} / {b.as_of or '-'}" if a.as_of != b.as_of else (a.as_of or ""),
        "same_event": why,
    }
    head = (
        f"Same slot {_where(a, b)} (count: {thing}; {why}): {shown(a)} "
        f"({'as of ' + a.as_of if a.as_of else 'undated'}) vs {shown(b)} "
        f"({'as of ' + b.as_of if b.as_of else 'undated'})"
    )
    when = later(b.as_of, a.as_of)
    # two sources, neither figure dated by its text, the later one lower: the publication
    # days order nothing (a toll that rises from one source to another is the usual
    # course of a count; one that falls is a conflict between them)
    later_lower = (b.value < a.value) if when > 0 else (a.value < b.value)
    rivals = (
        when != 0 and not (a.dated or b.dated) and a.doc_id != b.doc_id
        and later_lower and sources_differ(a.source, b.source)
    )  # fmt: skip

    def link(kind: str, rule: str, text: str, differs: Sequence[str] = ("value",)) -> Link:
        checks = _checks(
            ("counted", True, thing, thing),
            *([("date", when == 0, a.as_of, b.as_of)] if a.as_of and b.as_of else []),
            ("number", "value" not in differs, shown(a), shown(b)),
        )
        return _link(kind, a, b, score, f"quantity.{rule}", f"{head}; {text}.",
                     {**slot, "checks": checks}, differs)  # fmt: skip

    a_part = bool(a.part) or (bool(a.noun) and not b.noun and generic_people(b))
    b_part = bool(b.part) or (bool(b.noun) and not a.noun and generic_people(a))
    if a_part != b_part:
        part, total = (a, b) if a_part else (b, a)
        cue = part.part or f"the narrower noun {part.noun!r}"
        if interval(part)[0] <= interval(total)[1]:
            return link(
                "compatible",
                "part-of-total",
                f"{shown(part)} is a part of the total ({cue}), not a rival figure",
            )
        return link("contradiction", "part-exceeds-total",
                    f"the part ({cue}) is larger than the total")  # fmt: skip
    ia, ib = interval(a), interval(b)
    if a.value == b.value and a.value_max == b.value_max:
        return link("restatement", "same-value", "the same figure: a restatement", ())
    if not same_magnitude(a, b):
        return None  # 66 delegates of one state, 691 of five: two counts, not one
    if when != 0 and not rivals:
        if not update_comparable(a, b):
            return None  # a figure of 2008 and one of 2016: two counts, no update
        new, old = (b, a) if when > 0 else (a, b)
        trend = "higher" if new.value > old.value else "lower"
        return link("update", "later-count",
                    f"the {trend} figure is given for a later date ({new.as_of} vs "
                    f"{old.as_of}): an update, not a conflict")  # fmt: skip
    for u, o in ((b, a), (a, b)):
        if u.update and not o.update and not (u.dated and o.dated):
            return link("update", "update-cue",
                        f"{shown(u)} is given as an update ({u.update!r})")  # fmt: skip
    if ia[0] <= ib[1] and ib[0] <= ia[1] and not (is_tally(a) or is_tally(b)):
        quals = {a.qualifier, b.qualifier} - {None}
        rule = (
            "approximate" if "about" in quals
            else "bound" if quals else "range"
        )  # fmt: skip
        return link("compatible", rule, "the values overlap once the qualifier or range is "
                    "taken into account", ())  # fmt: skip
    if rounds_to(a, b) or rounds_to(b, a):
        return link("compatible", "rounding", "one figure is the other rounded", ())
    if rivals:
        return link("contradiction", "sources-differ",
                    f"two sources give different figures ({shown_source(a.source)}, "
                    f"{shown_source(b.source)}) and neither "
                    "text dates its figure: a conflict between sources, not an update")  # fmt: skip
    return link("contradiction", "different-values",
                "the values differ for the same date and no qualifier, rounding, part-of cue "
                "or update explains it")  # fmt: skip


# -- dates ------------------------------------------------------------------------------


def _same_word(x: str | None, y: str | None) -> bool:
    return bool(x and y and (x.startswith(y) or y.startswith(x)))


def _contains(x: str, y: str) -> bool:
    return x.startswith(y) or y.startswith(x)


def _dates(a: DateSlot, b: DateSlot) -> Link | None:
    if a.predicate != b.predicate:
        if not (a.light or b.light):
            return None  # "ended on Wednesday" and "walked out on Monday": two events
        if a.light and b.light:
            if len(set(a.nouns) & set(b.nouns)) < 2:
                return None  # "the memorial service is planned" / "will be held"
        elif (b.predicate not in a.nouns) if a.light else (a.predicate not in b.nouns):
            return None  # "the vote will take place" names what "councillors will vote" do
        elif not (b.once if a.light else a.once):
            return None  # ... and they will do it once: a plan, not something done again
    elif not a.light and not _same_word(a.subject, b.subject):
        return None  # "the bridge collapsed" and "the dam collapsed": who did it must match
    elif not a.light and not (a.once and b.once):
        return None  # "criticized on Tuesday", "criticized on Friday": done more than once
    apart = days_apart(a.iso, b.iso)
    if apart is not None and apart > DATE_SPAN:
        return None  # years apart: two events
    if one_weekday(a, b):
        return None  # one text's "Tuesday" read as two days: the resolver's, not the writer's
    m = _match(a, b)
    if m is None or (a.doc_id != b.doc_id and m[2].startswith("one story")):
        return None  # a date conflict needs a name of the statements themselves
    shared, events, why = m
    if not dates_comparable(a, b, shared):
        return None  # "Friday" here, "Tuesday" there, a month apart: two events
    score = _confidence(a, b, shared, events) - (0.1 if a.relative or b.relative else 0.0)
    what = " ".join(x for x in (a.subject, a.predicate_text.lower()) if x)
    da, db = (f"{s.iso} to {s.until}" if s.until else s.iso for s in (a, b))
    slot = {
        "entity": ", ".join(shared),
        "event": what,
        "date": f"{da} / {db}",
        "same_event": why,
    }
    detail = f"Same event {_where(a, b)} ({what}; {why}) dated {da} and {db}"
    if a.relative or b.relative:
        detail += " (a relative date was resolved against the publication date)"
    if (a.iso, a.until) == (b.iso, b.until):
        slot["checks"] = _checks(("event", True, what, what), ("date", True, da, db))
        return _link("restatement", a, b, score, "date.same-date",
                     f"{detail}; the same date: a restatement.", slot, ())  # fmt: skip
    ranged = bool(a.until or b.until)
    coarser = not ranged and _contains(a.iso, b.iso)
    within = ranged and overlap(span(a.iso, a.until), span(b.iso, b.until))
    slot["checks"] = _checks(
        ("event", True, what, " ".join(x for x in (b.subject, b.predicate_text.lower()) if x)),
        ("date", coarser or within, da, db),
    )
    if coarser:
        return _link("compatible", a, b, score, "date.coarser",
                     f"{detail}; the coarser date contains the other.", slot, ())  # fmt: skip
    if within:
        return _link("compatible", a, b, score, "date.within-range",
                     f"{detail}; the range and the other date overlap.", slot, ())  # fmt: skip
    return _link("contradiction", a, b, score, "date.different-dates",
                 f"{detail}; the dates differ.", slot, ("date",))  # fmt: skip


# -- propositions and places ------------------------------------------------------------


def _compatible_days(x: str | None, y: str | None) -> bool:
    return not x or not y or _contains(x, y)


def _propositions(a: PropositionSlot, b: PropositionSlot) -> Link | None:
    if a.predicate != b.predicate or a.positive == b.positive:
        return None
    if unanswered(a) or unanswered(b):
        return None  # "did not respond to requests for comment": silence towards the outlet
    if not _compatible_days(a.iso, b.iso):
        return None  # resigned on one Monday, did not resign on another
    if a.events and b.events and not set(a.events) & set(b.events):
        return None
    told = story(a, b)
    shared = sorted(_own_names(a) & _own_names(b))
    denied = _never(a, b)
    if told is None or not (shared or denied):
        return None  # polarity conflicts need one story and a name of both sentences
    if a.predicate_text.lower() in ANTONYMS and not set(a.nouns) & set(b.nouns):
        return None  # "failed missile tests" and "passed resolutions": passed what?
    who_a, who_b = _actor_names(a.actors), _actor_names(b.actors)
    if who_a and who_b and not who_a & who_b:
        return None  # "the campaign did not respond" and "Biden responded": two actors
    undated = not (a.iso and b.iso)
    if undated and not denied and (a.doc_id == b.doc_id or a.published != b.published):
        return None  # undated: only two reports of one day, in one story
    score = min(0.9, 0.55 + 0.1 * min(3, len(shared)))
    why = (
        f"{'in one document' if a.doc_id == b.doc_id else 'one story'}, both naming "
        f"{', '.join(shared)}" + (f", on {a.iso or b.iso}" if a.iso or b.iso else "")
        if shared
        else f"one story ({', '.join(told)}); one says the {a.subject} "
        f"{a.predicate_text.lower()} ({', '.join(denied)}), the other that it never did"
    )

    def said(s: PropositionSlot) -> str:
        return ("yes" if s.positive else "no") + (f" ({', '.join(s.cues)})" if s.cues else "")

    slot = {
        "entity": ", ".join(shared) or f"the {a.subject}",
        "event": a.predicate,
        "date": a.iso or b.iso or "",
        "polarity": f"{said(a)} / {said(b)}",
        "same_event": why,
        "checks": _checks(("predicate", True, a.predicate_text, b.predicate_text),
                          ("date", True, a.iso or "-", b.iso or "-"),
                          ("polarity", False, said(a), said(b))),
    }  # fmt: skip
    detail = (
        f"Same proposition {_where(a, b)} ({a.predicate}; {why}): one says it happened, "
        f"the other that it did not ({a.predicate_text!r}: {said(a)}; "
        f"{b.predicate_text!r}: {said(b)})."
    )
    return _link("contradiction", a, b, score, "polarity.opposite", detail, slot, ("polarity",))


def _never(a: PropositionSlot, b: PropositionSlot) -> list[str]:
    """What one side says was never done and the other says was done, by one subject
    written alike ("the state had offered a loan" / "the state never offered any loan"):
    the shared words of the two sentences, or none. "Never" denies it at any time, so no
    day or name of the sentences is needed; two documents only."""
    negative = b if a.positive else a
    if a.doc_id == b.doc_id or not a.subject or a.subject != b.subject:
        return []
    if "never" not in (c.lower() for c in negative.cues):
        return []
    return sorted(set(a.nouns) & set(b.nouns) - {a.predicate, a.subject, "never"})


def _actor_names(actors: Sequence[str]) -> set[str]:
    """The capitalised words of actor phrases, lower-cased ("The Trump campaign": trump)."""
    skip = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "mr", "mrs", "ms"}
    return {
        norm_name(w.strip(".,;:\"'()"))
        for x in actors
        for w in x.split()
        if w[:1].isupper() and norm_name(w.strip(".,;:\"'()")) not in skip
    }


def _about(s: Slot) -> list[str]:
    names = {w for x in s.anchors for w in norm_name(x).split()}
    return sorted(names | set(s.lead))


def _places(a: PlaceSlot, b: PlaceSlot) -> Link | None:
    if a.place_type != b.place_type or norm_name(a.place) == norm_name(b.place):
        return None
    wa, wb = (
        set(norm_name(a.place.replace("St.", "")).split()),
        set(norm_name(b.place.replace("St.", "")).split()),
    )
    names_a = {w for x in a.anchors for w in norm_name(x).split()}
    names_b = {w for x in b.anchors for w in norm_name(x).split()}
    if wa & names_b or wb & names_a:
        return None  # each sentence names the other's place too
    if not _compatible_days(a.iso, b.iso):
        return None
    events = sorted(set(a.event) & set(b.event))
    if a.event and b.event and not events:
        return None
    if not events and len(set(a.nouns) & set(b.nouns)) < 3:
        return None  # nothing says the two places locate one event
    if a.place_type == "place" and not (a.iso and a.iso == b.iso):
        return None  # two towns or countries: only for one event on one named day
    if a.doc_id == b.doc_id and not set(_about(a)) & set(_about(b)) - wa - wb:
        return None
    m = _match(a, b, exclude=sorted(wa | wb))  # the places themselves are no evidence
    if m is None:
        return None
    shared, _, why = m
    if not places_comparable(a, b, shared):
        return None
    score = _confidence(a, b, shared, events)
    what = ", ".join(events) or ", ".join(shared_nouns(a.nouns, b.nouns)[:3])
    slot = {
        "entity": ", ".join(shared),
        "event": what,
        "place": f"{a.place} / {b.place}",
        "date": a.iso or b.iso or "",
        "same_event": why,
        "checks": _checks(("event", True, what, what),
                          *([("date", True, a.iso, b.iso)] if a.iso and b.iso else []),
                          ("place", False, a.place, b.place)),
    }  # fmt: skip
    detail = (
        f"Same event {_where(a, b)} ({what}; {why}) placed at two different "
        f"{a.place_type}s: {a.place} and {b.place}."
    )
    return _link("contradiction", a, b, score, "place.different-places", detail, slot, ("place",))


# -- roles -----------------------------------------------------------------------------


def _roles(a: RoleSlot, b: RoleSlot) -> Link | None:
    if norm_name(a.name) != norm_name(b.name) or one_mention(a, b):
        return None  # another person, or one mention read twice
    if not distinct_roles(a.name, a.role, a.text, b.role, b.text):
        return None  # the same role, one abbreviated, or no role at all ("then", a clause)
    score = 0.75 if a.doc_id == b.doc_id else 0.65
    slot = {"person": a.name, "role": f"{a.role} / {b.role}"}
    return _link(
        "compatible", a, b, score, "role.different-roles",
        f"{a.name} is called {a.role!r} and {b.role!r} {_where(a, b)}; both can be true "
        "at different times.",
        slot, ("role",),
    )  # fmt: skip
