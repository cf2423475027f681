"""Claim frames: what a claim says, slot by slot.

One shared reading of a claim sentence, for the report and for whatever compares claims
(fact-check matching, stance, verdicts, contradictions): the *predicate* (the lemma of the
main verb of the proposition: for "Police said that 12 people were killed", ``kill``),
its *polarity*, *modality*, *actors*, *places*, *quantities* (with what each counts) and
*dates* (resolved against the publication date by :mod:`.dates`, else left relative;
``main`` false for a date that hangs on the verb of another clause, ``said`` true for one
that hangs on the verb of saying that reports the predicate). When a verb of saying, not
itself negated, reports the predicate, ``report`` is its lemma and the actors are its
subject, the speaker ("On Monday the ministry said eight soldiers were killed": actors
"the ministry", report ``say``, the date ``said``). A verb of saying negated before it
("did not say the plant would close", "nobody claimed that ...") is itself the predicate,
negative: the clause it reports is not asserted, nor denied.
Everything comes from the parse and the analyzer's own quantity and date matches; no
model is involved, so every slot says which words decided it.

Polarity is that of the main proposition: ``negative`` when it is negated ("not",
"n't", "never", "no longer"; "no one", "nobody", "nothing", "none" or "no" + noun as its
subject or object; "without": "released without charge", "are without power", as the
team's labelled set reads it, so "have power" and "are without power" differ) or
denied ("denied that", "rejected claims that", "failed to", "refused to"). Each cue
flips the polarity once, so "did not deny" is positive. A negation inside a relative
clause, an apposition or another subordinate detail leaves the proposition standing;
"not only ... but also" and "nothing short of" are not negations; "this news", "these
developments" (the story itself) are no actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from unspin.frames.actors import actors as _actors
from unspin.frames.date_context import verb_above
from unspin.frames.date_scanner import DateMatch
from unspin.frames.date_titles import in_title
from unspin.frames.lexicon import PEOPLE_NOUNS, REPORTING
from unspin.frames.places import places_in
from unspin.frames.quantities import QuantityMatch
from unspin.model import JSON, Finding
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["COUNTS", "Frame", "FrameDate", "FrameQuantity", "claim_frame", "with_frame"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: What a quantity can count (the ``counts`` of :class:`FrameQuantity`).
COUNTS = (
    "killed",
    "injured",
    "arrested",
    "people",
    "money",
    "age",
    "distance",
    "duration",
    "percent",
    "other",
)
_KILLED_VERBS = _words("kill die slay murder execute perish massacre shoot behead drown starve")
_KILLED_WORDS = _words("dead death deaths fatality fatalities killed body bodies")
_INJURED_VERBS = _words("injure wound hurt hospitalize hospitalise maim treat")
_INJURED_WORDS = _words("injured wounded hurt injury injuries casualty casualties")
_ARRESTED_VERBS = _words("arrest detain jail imprison apprehend")
_ARRESTED_WORDS = _words("arrested detained arrest arrests detention detentions")
_DISTANCE_UNITS = _words(
    "km kilometre kilometres kilometer kilometers m metre metres meter meters mile miles "
    "yard yards foot feet mi ft yd nmi"
)
_DENIAL_VERBS = _words("deny reject dismiss refute disprove")
#: Verbs that report a proposition: the claims lexicon's and those of findings ("an audit
#: found that ...").
_REPORTING = REPORTING | _words("find show conclude suggest indicate")
_FAILURE_VERBS = _words("fail refuse decline")
_NEGATIVE_PRONOUNS = _words("nobody nothing none noone no-one neither")
_MODALS = {
    "may": "possible",
    "might": "possible",
    "could": "possible",
    "will": "future",
    "shall": "future",
    "'ll": "future",
    "would": "conditional",
    "should": "obligation",
    "must": "obligation",
}
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "dative", "oprd"})
_DURATION_RE = re.compile(r"P(?:(\d+(?:\.\d+)?)([YMWD]))|PT(\d+(?:\.\d+)?)([HMS])")
_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


@dataclass(frozen=True)
class FrameQuantity:
    """A quantity of the claim and what it counts (one of :data:`COUNTS`)."""

    start: int
    end: int
    value: float
    unit: str | None
    counts: str
    cue: str | None = None  # the word that says what is counted ("killed", "wounded")


@dataclass(frozen=True)
class FrameDate:
    """A date or time of the claim; ``iso`` is ``None`` while it cannot be resolved."""

    start: int
    end: int
    iso: str | None
    relative: bool
    #: False when the date hangs on the verb of another clause than the frame's predicate
    #: ("originated in 2012, when the calendar would end on 21 December 2012": the second
    #: date is the ending's, not the origin's)
    main: bool = True
    #: True when the date hangs on the verb of saying that reports the predicate ("On
    #: Monday the ministry said eight soldiers were killed": the day of the saying)
    said: bool = False


@dataclass(frozen=True)
class Frame:
    """The slots of one claim (see the module docstring)."""

    predicate: str | None
    polarity: str  # "positive" | "negative"
    negation_cues: tuple[str, ...]
    modality: str  # "asserted" | "possible" | "future" | "conditional" | "obligation" | "question"
    modal_cue: str | None
    actors: tuple[str, ...]
    places: tuple[str, ...]
    quantities: tuple[FrameQuantity, ...]
    dates: tuple[FrameDate, ...]
    #: The lemma of the verb of saying that reports the predicate ("the ministry said
    #: eight soldiers were killed": "say"); the actors are then its subject, the speaker
    report: str | None = None

    def to_json(self, text: str) -> dict[str, JSON]:
        """The frame as JSON, quantities and dates with their offsets and covered text."""
        return {
            "predicate": self.predicate,
            "polarity": self.polarity,
            "negation_cues": list(self.negation_cues),
            "modality": self.modality,
            "modal_cue": self.modal_cue,
            "actors": list(self.actors),
            "places": list(self.places),
            "quantities": [
                {
                    "start": q.start,
                    "end": q.end,
                    "text": text[q.start : q.end],
                    "value": q.value,
                    "unit": q.unit,
                    "counts": q.counts,
                    "cue": q.cue,
                }
                for q in self.quantities
            ],
            "dates": [
                {
                    "start": d.start,
                    "end": d.end,
                    "text": text[d.start : d.end],
                    "iso": d.iso,
                    "relative": d.relative,
                    **({} if d.main else {"main": False}),
                    **({"said": True} if d.said else {}),
                }
                for d in self.dates
            ],
            **({"report": self.report} if self.report else {}),
        }


def claim_frame(
    parsed: Parsed,
    sentence: Sentence,
    quantities: Sequence[QuantityMatch],
    dates: Sequence[DateMatch],
) -> Frame:
    """The frame of ``sentence`` from its parse and the quantity and date matches in it."""
    toks = parsed.tokens[sentence.first : sentence.last]
    root = next((t for t in toks if t.dep == "ROOT" or t.head == t.i), None)
    inside_q = [q for q in quantities if sentence.start <= q.start < sentence.end]
    inside_d = [d for d in dates if sentence.start <= d.start < sentence.end]
    counted = tuple(_elided(parsed.text, [_quantity(parsed, q) for q in inside_q]))
    places, found_dates = places_in(parsed, sentence), tuple(_dates(parsed.text, inside_d))
    if root is None:
        return Frame(None, "positive", (), "asserted", None, (), places, counted, found_dates)
    predicate, report, flips = _proposition(parsed, root)
    heads = {root.i, predicate.i} | ({report.i} if report is not None else set())
    said_by = (  # a verb of saying other than the predicate, and not itself negated
        report.i
        if report is not None and report.i != predicate.i and not _negations(parsed, report)
        else None
    )
    found_dates = tuple(_in_clause(parsed, d, heads, said_by) for d in found_dates)
    flips.extend(_negations(parsed, predicate))
    modality, modal_cue = _modality(parsed, predicate, sentence)
    polarity = "negative" if len(flips) % 2 else "positive"
    return Frame(
        predicate=_predicate(parsed, predicate, root),
        polarity=polarity,
        negation_cues=tuple(flips),
        modality=modality,
        modal_cue=modal_cue,
        # "X refused to say how ...": the subject of the verb the clause hangs from
        actors=_actors(parsed, report or predicate, sentence) or _actors(parsed, root, sentence),
        places=places,
        quantities=counted + tuple(_durations(inside_d, inside_q)),
        dates=found_dates,
        report=report.lemma.lower() if said_by is not None and report is not None else None,
    )


def _predicate(parsed: Parsed, t: Token, root: Token) -> str | None:
    """The predicate's lemma: a verb's, or an adjective's that a verb of finding or
    saying reports ("found the clerk not guilty": ``guilty``, negative) or that has a
    subject ("The pier was unsafe" parsed with the adjective at the root); none for any
    other word, which is a verbless line or a misparse ("Urgent notice: Harbor Raids in
    Velmora", a headline whose verb was read as a noun; "Perhaps.", "Of course not.",
    "But all that ended ...", whose root the parser put on "all"), not a predicate."""
    if t.pos in ("VERB", "AUX"):
        return t.lemma.lower()
    if t.pos == "ADJ" and (
        t.i != root.i or any(c.dep.startswith("nsubj") for c in _children(parsed, t))
    ):
        return t.lemma.lower()
    return None


def with_frame(claim: Finding, frame: Frame, text: str) -> Finding:
    """``claim`` with its frame as the ``frame`` attribute."""
    return replace(claim, attributes={**claim.attributes, "frame": frame.to_json(text)})


# -- the proposition and its polarity ------------------------------------------------------


def _children(parsed: Parsed, t: Token) -> list[Token]:
    return parsed.children(t.i)


def _proposition(parsed: Parsed, root: Token) -> tuple[Token, Token | None, list[str]]:
    """``(predicate, reporting verb, flips)``: "X said that Y" reads Y; "X denied that Y"
    and "X failed to Y" flip Y's polarity (unless themselves negated)."""
    flips: list[str] = []
    report: Token | None = None
    head = root
    for _ in range(3):  # "police said the minister denied that ..." goes two levels down
        lemma = head.lemma.lower()
        kids = _children(parsed, head)
        comp = _clause(parsed, [c for c in kids if c.dep == "ccomp"])
        xcomp = next((c for c in kids if c.dep == "xcomp" and c.pos in ("VERB", "AUX")), None)
        if lemma in _REPORTING | _DENIAL_VERBS and comp is not None and not _question(parsed, comp):
            if lemma not in _DENIAL_VERBS and _unsaid(parsed, head):
                break  # "did not say Y", "nobody claimed that Y": the saying is negated, not Y
            if lemma in _DENIAL_VERBS:
                flips.append(head.text)
                flips.extend(_negations(parsed, head))
            report = report or head
            head = comp
        elif lemma in _FAILURE_VERBS and xcomp is not None:
            flips.append(f"{head.text} to" if _to_before(parsed, xcomp) else head.text)
            flips.extend(_negations(parsed, head))
            head = xcomp
        elif lemma in _DENIAL_VERBS and any(
            c.dep == "dobj" and c.lemma.lower() in ("claim", "report", "allegation", "suggestion")
            for c in kids
        ):
            # "rejected claims that X": X hangs off the object noun
            noun = next(c for c in kids if c.dep == "dobj")
            inner = next((c for c in _children(parsed, noun) if c.dep in ("acl", "ccomp")), None)
            flips.append(head.text)
            flips.extend(_negations(parsed, head))
            report = report or head
            if inner is None:
                break
            head = inner
        else:
            if lemma in _REPORTING and head is root:
                # "None of the miners were hurt, the company said": the parser often hangs
                # the fronted clause's negative subject on the reporting verb
                first = next((c for c in kids if c.i < head.i and c.dep in ("dep", "nsubj")), None)
                if first is not None and first.lower in _NEGATIVE_PRONOUNS and first.dep == "dep":
                    flips.append(first.text)
            break
    return _finite(parsed, head), report, flips


def _unsaid(parsed: Parsed, verb: Token) -> bool:
    """The verb of saying ``verb`` is itself negated by a cue before it ("did not say",
    "never claimed", "nobody said"; not "said without evidence that ...", nor "says not",
    which negates what is said): the frame is the saying's, negative, and asserts nothing
    of the clause it reports."""
    toks = parsed.tokens
    return any(
        (c.dep == "neg" and not (c.i + 1 < len(toks) and toks[c.i + 1].lower == "only"))
        or (c.dep == "advmod" and c.lower == "never")
        or (c.dep == "nsubj" and _negative_argument(parsed, c) is not None)
        for c in _children(parsed, verb)
        if c.i < verb.i
    )


def _clause(parsed: Parsed, comps: list[Token]) -> Token | None:
    """The clause a verb of saying reports: its first clause, unless that is a participle
    with no auxiliary, which heads no clause ("say the man considered to be the leader was
    arrested": the parser hangs "was arrested" beside "considered" or under it); then the
    first finite clause beside or under it."""
    if not comps or _finite_clause(parsed, comps[0]):
        return next(iter(comps), None)
    later = [*comps[1:], *(k for k in _children(parsed, comps[0]) if k.dep == "ccomp")]
    return next((c for c in later if _finite_clause(parsed, c)), comps[0])


def _finite_clause(parsed: Parsed, verb: Token) -> bool:
    return verb.tag in ("VBD", "VBZ", "VBP", "MD") or any(
        k.dep in ("aux", "auxpass") for k in _children(parsed, verb)
    )


_WH_ADVERBS = frozenset({"how", "why", "whether", "if", "when", "where"})


def _question(parsed: Parsed, comp: Token) -> bool:
    """``comp`` is an embedded question ("refused to say how she learned of it"): it
    asserts nothing, so the frame stays at the verb of saying."""
    return any(
        (c.dep in ("advmod", "mark") and c.lower in _WH_ADVERBS)
        or (c.dep in ("dobj", "nsubj", "attr") and c.lower in ("what", "who", "whom", "which"))
        for c in _children(parsed, comp)
        if c.i < comp.i
    )


def _finite(parsed: Parsed, verb: Token) -> Token:
    """ "the bridge, closed since March, won't reopen": the parser can make the participle
    the head and the finite verb its conjunct; the finite verb carries the claim."""
    kids = _children(parsed, verb)
    if verb.tag != "VBN" or any(c.dep in ("aux", "auxpass") for c in kids):
        return verb
    for c in kids:
        if c.dep == "conj" and any(a.dep in ("aux", "neg") for a in _children(parsed, c)):
            return c
    return verb


def _to_before(parsed: Parsed, t: Token) -> bool:
    return t.i > 0 and parsed.tokens[t.i - 1].lower == "to"


def _negations(parsed: Parsed, verb: Token) -> list[str]:
    """The cues that negate ``verb``'s own clause (not its subordinate clauses)."""
    toks = parsed.tokens
    out: list[str] = []
    kids = _children(parsed, verb)
    for c in kids:
        nxt = toks[c.i + 1] if c.i + 1 < len(toks) else None
        if c.dep == "neg":
            if nxt is not None and nxt.lower == "only":
                continue  # "not only ... but also"
            out.append(c.text)
        elif c.dep == "advmod" and c.lower == "longer" and c.i > 0 and toks[c.i - 1].lower == "no":
            out.append("no longer")
        elif c.dep == "advmod" and c.lower == "never":
            out.append(c.text)
        elif c.dep in _ARGUMENTS or c.dep == "prep":
            cue = _negative_argument(parsed, c)
            if cue is not None:
                out.append(cue)
        if c.dep == "prep" and c.lower == "without":
            out.append(c.text)
    return out


def _negative_argument(parsed: Parsed, arg: Token) -> str | None:
    """ "no one", "nobody", "none of", "no evidence" as a subject or object."""
    toks = parsed.tokens
    if arg.dep == "prep":
        # "by no one", "to nobody"
        for o in _children(parsed, arg):
            if o.dep == "pobj":
                return _negative_argument(parsed, o)
        return None
    nxt = toks[arg.i + 1] if arg.i + 1 < len(toks) else None
    if arg.lower in _NEGATIVE_PRONOUNS:
        if arg.lower == "nothing" and nxt is not None and nxt.lower == "short":
            return None  # "nothing short of"
        return arg.text
    for d in _children(parsed, arg):
        if d.dep in ("det", "neg") and d.lower == "no" and arg.lower != "doubt":
            return f"no {arg.text}"  # ("there is no doubt that ..." affirms)
    return None


def _modality(parsed: Parsed, verb: Token, sentence: Sentence) -> tuple[str, str | None]:
    toks = parsed.tokens
    for c in _children(parsed, verb):
        if c.dep == "aux" and c.lower in _MODALS:
            return _MODALS[c.lower], c.text
        if c.dep == "aux" and c.lower in ("going", "gon") and c.i + 1 < len(toks):
            return "future", c.text
    last = parsed.text[sentence.start : sentence.end].rstrip().rstrip("\"'”’)")
    if last.endswith("?"):
        return "question", "?"
    return "asserted", None


# -- quantities and dates --------------------------------------------------------------------


def _quantity(parsed: Parsed, q: QuantityMatch) -> FrameQuantity:
    unit = q.unit
    if q.label == "money":
        return FrameQuantity(q.start, q.end, q.value, unit, "money")
    if q.label == "percent" or unit in ("percent", "%"):
        return FrameQuantity(q.start, q.end, q.value, "percent", "percent")
    if unit in ("fraction", "percentage_point"):
        return FrameQuantity(q.start, q.end, q.value, unit, "percent")  # "by a fifth"
    if unit == "years_old":
        return FrameQuantity(q.start, q.end, q.value, unit, "age")
    if unit is not None and unit.lower() in _DISTANCE_UNITS:
        return FrameQuantity(q.start, q.end, q.value, unit, "distance")
    counts, cue = _event_of(parsed, q)
    if unit in ("other", "others") and (counts is not None or q.label == "count"):
        unit = "people"  # "wounded nine others"
    if counts is None:
        low = (unit or "").lower()
        counts = "people" if low in PEOPLE_NOUNS or f"{low}s" in PEOPLE_NOUNS else "other"
    return FrameQuantity(q.start, q.end, q.value, unit, counts, cue)


_LINK = re.compile(r"\b(?:to|and|or|of|against|versus|vs)\b", re.IGNORECASE)


def _elided(text: str, found: list[FrameQuantity]) -> list[FrameQuantity]:
    """A bare number takes the counted noun of a count it is paired with: "31 votes to
    12", "three people were killed and 11 injured", "61 of the 120 seats"."""
    out = list(found)
    for i, q in enumerate(out):
        if q.unit is not None or q.counts not in ("other", "killed", "injured", "arrested"):
            continue
        near = [(abs(j - i), j) for j, o in enumerate(out) if j != i and o.unit is not None]
        for _, j in sorted(near):
            o = out[j]
            gap = text[min(q.end, o.end) : max(q.start, o.start)]
            if len(gap.split()) <= 4 and _LINK.search(gap) and o.counts not in _MEASURES:
                counts = q.counts if q.cue else o.counts
                out[i] = replace(q, unit=o.unit, counts=counts)
                break
    return out


_MEASURES = frozenset({"money", "age", "distance", "duration", "percent"})


def _event_of(parsed: Parsed, q: QuantityMatch) -> tuple[str | None, str | None]:
    """ "killed" / "injured" / "arrested" when the counted noun (or the number) is the
    subject or object of such a verb, or is modified by such a word ("12 dead")."""
    k = parsed.token_at(q.end - 1)
    if k is None:
        return None, None
    toks = parsed.tokens
    noun = toks[k]
    words = [noun, *_children(parsed, noun)]
    node = noun
    while node.dep in ("conj", "appos") and node.head != node.i:
        node = toks[node.head]  # "a pedestrian and two cyclists were killed"
        words.append(node)
    if node.head != node.i:
        head = toks[node.head]
        words.append(head)
        if head.dep in ("prep", "agent") and head.head != head.i:
            words.append(toks[head.head])  # "the deaths of 12 people", "killed by"
    # "12 people were killed", "killed 12 people", "12 dead", "left 30 wounded"
    for w in words:
        lemma, low = w.lemma.lower(), w.lower
        if lemma in _KILLED_VERBS or low in _KILLED_WORDS:
            return "killed", w.text
        if lemma in _INJURED_VERBS or low in _INJURED_WORDS:
            return "injured", w.text
        if lemma in _ARRESTED_VERBS or low in _ARRESTED_WORDS:
            return "arrested", w.text
    for c in _children(parsed, toks[node.head]) if node.head != node.i else []:
        if c.dep in ("acomp", "oprd", "xcomp") and (
            c.lower in _KILLED_WORDS | _INJURED_WORDS | _ARRESTED_WORDS
        ):
            low = c.lower
            kind = (
                "killed"
                if low in _KILLED_WORDS
                else "injured"
                if low in _INJURED_WORDS
                else "arrested"
            )
            return kind, c.text
    return None, None


def _durations(
    dates: Sequence[DateMatch], quantities: Sequence[QuantityMatch]
) -> list[FrameQuantity]:
    out = []
    for d in dates:
        if d.label != "duration" or not d.iso:
            continue
        m = _DURATION_RE.fullmatch(d.iso)
        if not m:
            continue
        if m.group(1):
            value, unit = float(m.group(1)), _DURATION_UNITS[m.group(2)]
        else:
            value, unit = float(m.group(3)), _TIME_UNITS[m.group(4)]
        if any(q.start < d.end and d.start < q.end for q in quantities):
            continue
        out.append(FrameQuantity(d.start, d.end, value, unit, "duration"))
    return out


def _in_clause(
    parsed: Parsed, d: FrameDate, heads: set[int], said_by: int | None = None
) -> FrameDate:
    """``d``, ``main`` false when the verb it hangs on is none of ``heads`` (the root, the
    predicate and the reporting verb of the frame), nor the complement of one ("began
    developing the watch four years ago": the beginning's date); ``said`` true when it
    hangs on ``said_by``, the verb of saying that reports the predicate."""
    k = parsed.token_at(d.start)
    if k is None or not parsed.has_parse:
        return d
    verb = parsed.tokens[verb_above(parsed, k, reach=10)]
    for _ in range(3):
        if verb.i in heads or verb.dep != "xcomp" or verb.head == verb.i:
            break
        verb = parsed.tokens[verb.head]
    if verb.i == said_by:
        return replace(d, said=True)
    return d if verb.i in heads else replace(d, main=False)


def _dates(text: str, dates: Sequence[DateMatch]) -> list[FrameDate]:
    """The claim's dates: no duration, and no year of a title ('the film 2012')."""
    return [
        FrameDate(d.start, d.end, d.iso, d.relative)
        for d in dates
        if d.label != "duration" and d.rule != "date.entity" and not in_title(text, d.start, d.end)
    ]
