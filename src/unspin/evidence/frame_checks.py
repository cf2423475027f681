"""Frame checks: how one evidence passage bears on one claim, slot by slot.

A verdict never rests on a similarity score alone: for each retrieved passage the claim
and the passage are read the same way (:mod:`.reading`: their frames, :mod:`unspin.frames`,
and their content words) and compared, one passage sentence at a time (the one most about
the claim speaks):

* **units**: the claim's content words (nouns, names, codes such as "CB-214", verbs,
  adjectives, adverbs; lemmas compared on their first five letters; a word also counts
  when the passage has a near word, :mod:`.synonyms`), each figure and each date; a word is
  stated when the passage or its document's title uses it (a noun a passage figure counts,
  "two libraries", too; a noun made of a verb stands for the verb, "the closure" / "to
  close": :func:`~unspin.evidence.synonyms.bases`), the predicate also by a verb of its
  sense (:func:`~unspin.evidence.synonyms.same_sense`: "turned down" / "rejected", "pointed
  to" / "blamed"; "up from X" reads "rose"); a figure or date is compared with the
  passage's that hang from the same verb or one of its sense (else those of the clause
  that states the claim's, else all): alike when the
  passage gives the same one (figures with "more than" / "nearly" / "about" as bounds, a
  bare "came third with 6,230" as the claim's unit), different when it gives another, or
  when the claim's figure is the passage's comparison ("£612 million, up from £583
  million"; the comparison's dates are another time), neither when only a later figure of
  that verb agrees ("by 29 per cent, short of the 50 per cent target" does not state 50
  per cent); **coverage** is the share stated
  alike, **about** the share stated alike or differently;
* **slots**: polarity (the frames' when they share the predicate, else the negation of the
  claim's verb in the passage; "Reports that X are false", "rather than X", "an
  amendment to X was defeated" and "below the 2007 record" negate), number and date
  (above), **antonym** (the
  claim's verb, adjective or adverb against its opposite, :data:`ANTONYMS`; a verb only
  when it is the predicate or the passage states the predicate; praise of a thing the
  passage judges badly, a difference of two sides they are alike in, a fee for a thing
  given free: :mod:`.contrasts`; a claim's comparison, "more common in A than in B", is
  one more unit, stated only by a passage that compares too), **name** / **place** (a
  name of the claim that neither the passage nor its title names while the passage names
  another of its kind: a code for a code, a name in a place phrase, "in Carden", for
  another in one, "at Tessby", not for "the River Ousel burst its banks"; names by their
  distinctive words; a building or site, "Wexmoor Town Hall", whose kind word the passage
  never uses while it names another, "the Corran Leisure Centre", is another place even
  though the passage names Wexmoor) and **actor** (the named subjects share no name and
  the passage names the claim's nowhere); a name the passage says by a definite
  description of its kind ("The results" for "The CB-214 results", "the academy" for
  "Holloway Academy") while it names no other of its kind counts as named.

:func:`check_passage` collects these as :class:`Facts` and :func:`decide` turns them into
one stance with its reason:

* **refutes** when exactly one kind of slot differs and the passage states at least
  :data:`ABOUT_COVERAGE` (half) of the rest of the claim alike; a differing name, actor or
  figure also needs the claim's predicate (or a verb of its sense) in the passage: the
  same event; a swapped name or subject, a predicate other than "be", "have", "do"; or
  when the opposite verb and the figure differ together ("fell to 4.1 percent" against
  "rose to 6 percent"), with half of the rest stated alike;
* **supports** when nothing differs, it names every name of the claim, states its
  predicate, figures and dates, half of each of its clauses, and at least
  :data:`SUPPORT_COVERAGE` (three in four) of its units ("covers the claim"), or at least
  half of them with a sentence cosine of at least :data:`PARAPHRASE_SIMILARITY`, or
  :data:`CLOSE_COVERAGE` (seven in ten) with a cosine of at least
  :data:`CLOSE_SIMILARITY` ("restates the claim"), or three in four with the predicate
  said with another verb (neither of known senses or opposites, one of general sense:
  "used" / "crossed") at a cosine of at least :data:`OTHER_VERB_SIMILARITY`, or (with a stance
  model) half of them and the model says it supports it;
* anything else is **neutral** (a distractor on the same topic).

Every stance carries the one line of :func:`unspin.frames.describe_checks` saying which
slots agreed and which differed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unspin.evidence.contrasts import contrast
from unspin.evidence.figures import slot_units
from unspin.evidence.opposites import ANTONYMS, OPPOSITES
from unspin.evidence.reading import (
    GENERIC_NAMES,
    WORD,
    Reading,
    SentenceReading,
    read_parsed,
    read_sentence,
    title_words,
    word_key,
)
from unspin.evidence.synonyms import WordMatcher, bases, may_restate, sense_matches
from unspin.frames import SlotCheck, describe_checks
from unspin.frames.compare import polarity_text

__all__ = [
    "ABOUT_COVERAGE",
    "ANTONYMS",
    "CLOSE_COVERAGE",
    "CLOSE_SIMILARITY",
    "OTHER_VERB_SIMILARITY",
    "PARAPHRASE_SIMILARITY",
    "SUPPORT_COVERAGE",
    "Facts",
    "PassageCheck",
    "Reading",
    "SentenceReading",
    "check_passage",
    "decide",
    "read_parsed",
    "read_sentence",
    "title_words",
]

#: A passage is about the claim's proposition when it uses at least this share of the
#: claim's content words (those of a differing slot counted as used): half.
ABOUT_COVERAGE = 0.5
#: A passage that differs on no slot supports the claim when it uses at least this share
#: of the claim's content words (three in four) and names every name of the claim.
SUPPORT_COVERAGE = 0.75
#: A passage sentence restates the claim in other words when nothing differs, it names
#: every name, states the predicate (or a verb of its sense: "turned down" / "rejected"),
#: every figure and date, at least :data:`ABOUT_COVERAGE` of the claim's words and half of
#: each clause, and the cosine of the two sentences' embeddings is at least this.
PARAPHRASE_SIMILARITY = 0.7
#: ... or when it states at least :data:`CLOSE_COVERAGE` of the claim's words (seven in
#: ten) and the sentence cosine is at least :data:`CLOSE_SIMILARITY`: the more of the
#: claim's words a passage states, the less its wording must resemble the claim's.
CLOSE_COVERAGE = 0.7
CLOSE_SIMILARITY = 0.6
#: A passage sentence that states everything else of the claim alike (at least
#: :data:`SUPPORT_COVERAGE` of its units, every name, figure and date, each clause) but
#: says its predicate with another verb ("was treated in hospital" / "was taken to
#: hospital") restates it when the sentence cosine is at least this.
OTHER_VERB_SIMILARITY = 0.7


@dataclass(frozen=True)
class Facts:
    """What the rule (:func:`decide`) reads of one passage sentence against the claim."""

    #: the kinds of slot that differ ("number", "antonym", ...), in order
    differing: tuple[str, ...]
    #: the share of the claim's units stated alike / stated alike or differently
    coverage: float
    about: float
    #: the share stated alike of the claim's units outside the differing slots
    rest: float
    #: the claim's predicate (or a near word) is stated (a light one, "be", "have", always)
    stated: bool
    #: every name of the claim is named (by the passage or its title)
    named: bool
    #: every figure and date of the claim is stated alike
    slots_said: bool
    #: at least half of each clause of the claim is stated
    each_clause: bool
    #: the cosine of the claim's and the passage's sentence embeddings (None: not given)
    similarity: float | None = None
    #: the stance model's probability that the passage supports the claim (0: no model)
    supports: float = 0.0
    #: the claim's predicate is a light verb ("be", "have", "do") or missing
    light: bool = False
    #: the claim's predicate may be said with another verb of the passage (neither is a
    #: verb of known senses or opposites, one side's is general: ``synonyms.may_restate``)
    free_verb: bool = False


@dataclass(frozen=True)
class PassageCheck:
    """How one passage bears on a claim: ``stance`` (supports / refutes / neutral), the
    ``reason`` in a few words, the slot ``checks``, ``coverage`` (the share of the claim's
    content the passage states alike) and ``about`` (... states alike or differently)."""

    stance: str
    reason: str
    checks: tuple[SlotCheck, ...]
    coverage: float
    about: float
    facts: Facts | None = None

    @property
    def line(self) -> str:
        """Which slots agreed and which differed, in one line."""
        return describe_checks(self.checks, "claim", "passage")


def _antonym(claim: SentenceReading, passage: SentenceReading) -> SlotCheck | None:
    for word in sorted(claim.doing):
        for other in sorted(OPPOSITES.get(word, ())):
            fresh = word not in passage.lemmas and other not in claim.lemmas
            if other in passage.doing and fresh:
                return SlotCheck("antonym", False, word, other)
    return None


def _is_code(name: tuple[str, ...]) -> bool:
    return any(ch.isdigit() for w in name for ch in w)


def _other_site(
    claim: SentenceReading, passage: SentenceReading, theirs: frozenset[str], ours: frozenset[str]
) -> SlotCheck | None:
    """A building or site of the claim ("at Wexmoor Town Hall") the passage does not name
    (nor its kind word, "hall") while it names another ("at the Corran Leisure Centre")."""
    mine = [n for n, k in claim.sites if k not in theirs]
    other = [n for n, _ in passage.sites if not (set(n) - GENERIC_NAMES) & ours]
    if not mine or not other:
        return None
    shown = "; ".join(" ".join(n) for n in mine)
    return SlotCheck("place", False, shown, "; ".join(" ".join(n) for n in other))


def _names(
    claim: SentenceReading,
    passage: SentenceReading,
    title: frozenset[str],
) -> tuple[SlotCheck | None, list[tuple[str, ...]]]:
    """The name check and the claim's names the passage never names (a name is named when
    one of its distinctive words is: "Ruth Ekwueme" by "Ekwueme", "Calderon Biologics" by
    "Calderon", never "Kestrel District Council" by "Dunmore City Council")."""
    if not claim.names:
        return None, []
    theirs = frozenset(passage.words) | {w for n in passage.names for w in n} | title
    ours = frozenset(claim.words) | {w for n in claim.names for w in n}
    missing = [n for n in claim.names if not set(n) & theirs]
    extra = [n for n in passage.names if not set(n) & ours]
    site = _other_site(claim, passage, theirs | title, ours)
    if site is not None:
        return site, [*missing, *(n for n, k in claim.sites if k not in theirs | title)]
    # a code ("CB-214") is swapped only for another code, a name for another name, a name
    # in a place phrase ("in Carden") for another in one ("at Tessby"; not "the River Ousel
    # burst its banks")
    codes = {_is_code(n) for n in missing}
    extra = [n for n in extra if _is_code(n) in codes]
    if all(set(n) & claim.located for n in missing):
        extra = [n for n in extra if set(n) & passage.located]
    if not missing:
        shown = "; ".join(" ".join(n) for n in claim.names)
        return SlotCheck("name", True, shown, shown), missing
    if not extra:
        # a name said by a definite description of its kind where the passage names no
        # other of its kind: "The results" for "The CB-214 results", "the academy" for
        # "Holloway Academy"
        return None, [n for n in missing if claim.kinds.get(n, "") not in passage.definite]
    slot = "place" if any(set(n) & claim.places for n in missing) else "name"
    text_a = "; ".join(" ".join(n) for n in missing)
    return SlotCheck(slot, False, text_a, "; ".join(" ".join(n) for n in extra)), missing


_LIGHT_PREDICATES = frozenset(("be", "have", "do"))


def _polarity(claim: SentenceReading, passage: SentenceReading, coverage: float) -> bool | None:
    """Whether the passage states the claim's proposition with the same polarity (None: it
    does not say): the frames' polarity when they share the predicate, else the negation of
    the claim's predicate in the passage, else (when the passage covers the claim) the
    frames' polarity."""
    pred = str(claim.frame.get("predicate") or "").lower()
    mine = claim.frame.get("polarity") == "positive"
    theirs = (passage.frame.get("polarity") == "positive") != bool(passage.denies)
    if pred and pred == str(passage.frame.get("predicate") or "").lower():
        return mine == theirs
    if pred and pred not in _LIGHT_PREDICATES and pred in passage.lemmas:
        return mine != ((pred in passage.negated) != bool(passage.denies))
    if coverage >= SUPPORT_COVERAGE:
        return mine == theirs
    return None


def _actor(claim: SentenceReading, passage: SentenceReading) -> SlotCheck | None:
    """Who does the main thing, by name: differs when both subjects are named (a name of the
    sentence) and share no distinctive word ("Kestrel Textiles" / "Dunmore District
    Council") and the passage names the claim's subject nowhere else either (in "Dunraven
    signed Okafor for £18 million, rising to £21 million" Okafor is there, and in "Holloway
    Academy has been judged outstanding by the Inspectorate" the subject is the claim's);
    a subject without a name ("the company", "bus drivers") is not compared."""

    def named(reading: SentenceReading) -> tuple[str, set[str]]:
        handles = {w for n in reading.names for w in n}
        actors = [str(a) for a in reading.frame.get("actors") or ()]
        words = {word_key(w) for a in actors for w in WORD.findall(a)} & handles
        return "; ".join(actors), words

    text_a, ours = named(claim)
    text_b, theirs = named(passage)
    if not ours or not theirs:
        return None
    if not ours & theirs and ours & {w for n in passage.names for w in n}:
        return None
    return SlotCheck("actor", bool(ours & theirs), text_a, text_b)


def _share(units: Sequence[tuple[int, bool | None]], clause: int | None = None) -> float:
    """The share of the units (of one clause) the passage states alike."""
    mine = [ok for c, ok in units if clause is None or c == clause]
    return sum(1 for ok in mine if ok) / len(mine) if mine else 1.0


def _same_sense(lemma: str, claim: SentenceReading, passage: SentenceReading) -> str:
    """The passage's word of the same sense as the claim's predicate ("rejected" for
    "turned down", "the closure" for "shut", "re-elected" for "won re-election"), else ""."""
    mine = {lemma} | {p for p in claim.phrasal if p.split(" ", 1)[0] == lemma}
    theirs = frozenset(passage.forms.values()) | passage.doing | passage.phrasal
    made = {verb for support, verb in claim.nominal if support == lemma}  # said as a verb
    found = sense_matches({lemma: mine}, theirs) or sense_matches({lemma: made}, passage.doing)
    return found.get(lemma, "")


def _check_sentence(
    claim: SentenceReading,
    passage: SentenceReading,
    title: frozenset[str],
    supports: float,
    matcher: WordMatcher | None,
    similarity: float | None = None,
) -> PassageCheck:
    seen = frozenset(passage.words) | passage.counted | title
    antonym = _antonym(claim, passage) or contrast(
        claim.contrasts, passage.contrasts, claim.lemmas, passage.lemmas
    )
    actor = _actor(claim, passage)
    predicate = word_key(str(claim.frame.get("predicate") or ""))
    lemma = str(claim.frame.get("predicate") or "").lower()
    light = lemma in {"", *_LIGHT_PREDICATES, *claim.idioms}
    unseen = {k: w for k, w in claim.forms.items() if k not in seen and k in claim.words}
    if antonym is not None:
        unseen.pop(word_key(antonym.a), None)
    # a noun made of a verb stands for the verb ("the closure" / "to close" in the title,
    # "closed" / "its closure")
    seen |= {word_key(b) for w in passage.forms.values() for b in bases(w)}
    seen |= {k for k, w in unseen.items() if any(word_key(b) in seen for b in bases(w))}
    unseen = {k: w for k, w in unseen.items() if k not in seen}
    if matcher is not None and unseen:
        seen |= set(matcher.matches(unseen, passage.forms.values()))
    # a verb of the claim said by a noun made of a verb of its sense ("before it was shut"
    # / "before the closure")
    left = {k: [w] for k, w in unseen.items() if k not in seen}
    if left:
        nouns = [w for w in passage.forms.values() if bases(w) != {w}]
        seen |= set(sense_matches(left, nouns))
    sense = "" if light or predicate in seen else _same_sense(lemma, claim, passage)
    if sense:
        seen |= {predicate}
    stated = light or predicate in seen
    if antonym is not None and not (
        stated or word_key(antonym.a) == predicate or antonym.a in claim.modifiers
    ):
        # an opposite verb outside the claim's proposition ("... before it was shut" against
        # "reopened") says nothing about it; the predicate's own opposite or a direction
        # word ("upstream" / "downstream") does
        antonym = None
    name, missing = _names(claim, passage, title)
    gone = {w for n in missing for w in n}
    words = [(key, clause) for key, clause in claim.words.items()]
    if claim.contrasts.compares and not passage.contrasts.than:
        # "more common in A than in B" is one more thing to state: the comparison
        words.append(("", words[0][1] if words else 0))
    units: list[tuple[int, bool | None]] = [
        (clause, True if key in seen and key and key not in gone else None) for key, clause in words
    ]
    checks: list[SlotCheck] = []
    for slot in ("quantities", "dates"):
        more, check = slot_units(claim, passage, slot)
        units += more
        checks += [check] if check is not None else []
    n = max(1, len(units))
    coverage = _share(units)
    same = _polarity(claim, passage, coverage)
    # a word the claim sets aside too ("below the record" in both) is not denied
    denied = sorted((set(claim.words) & passage.denied) - claim.denied)
    if denied:
        checks.insert(0, SlotCheck("polarity", False, denied[0], f"not {denied[0]}"))
    elif same is not None:
        theirs = f"negative ({passage.denies})" if passage.denies else polarity_text(passage.frame)
        pred = str(claim.frame.get("predicate") or "").lower()
        if not same and pred in passage.negated and passage.frame.get("polarity") == "positive":
            theirs = f"negative ({pred}: negated)"
        checks.insert(0, SlotCheck("polarity", same, polarity_text(claim.frame), theirs))
    differing_words = set(gone if name is not None and not name.agrees else ())
    if antonym is not None:
        checks.append(antonym)
        differing_words.add(word_key(antonym.a))
    if name is not None:
        checks.append(name)
    if actor is not None and (name is None or name.agrees or actor.agrees):
        checks.append(actor)
    if name is not None and not name.agrees:
        # a swapped name counts where the rest of its clause is stated alike
        clauses = {claim.words.get(w) for w in gone} - {None}
        rest_units = [
            (c, ok) for (key, c), (_, ok) in zip(words, units, strict=False) if key not in gone
        ]
        if not any(_share(rest_units, c) >= ABOUT_COVERAGE for c in clauses if c is not None):
            checks.remove(name)
    stated_or_not = sum(1 for _, ok in units if ok is not None)
    about = min(1.0, (stated_or_not + len(differing_words & set(claim.words))) / n)
    covered = sum(1 for _, ok in units if ok)
    facts = Facts(
        differing=tuple(c.slot for c in checks if not c.agrees),
        coverage=coverage,
        about=about,
        rest=covered / max(1, n - sum(1 for _, ok in units if ok is False) - len(differing_words)),
        stated=stated,
        named=not missing,
        slots_said=all(ok for _, ok in units[len(words) :]),
        each_clause=all(_share(units, k) >= 0.5 for k in {c for c, _ in units}),
        similarity=similarity,
        supports=supports,
        light=light,
        free_verb=may_restate(
            lemma, str(passage.frame.get("predicate") or ""), passage.doing - claim.lemmas
        ),
    )
    stance, reason = decide(facts)
    return PassageCheck(stance, reason, tuple(checks), coverage, about, facts)


#: Two slots that differ together as one refutation: the opposite verb and its figure.
_OPPOSITE_WAY = frozenset({"antonym", "number"})


def decide(facts: Facts) -> tuple[str, str]:
    """The passage's stance and its reason from the facts of one sentence."""
    differing = facts.differing
    # a swapped name, actor or figure refutes only a claim about the same event: the
    # claim's predicate (or a near word) is the passage's too ("earn £60,000 a week" is not
    # refuted by "cost £12.5 million")
    by_name = set(differing) <= {"name", "place", "actor", "number"}
    # ... and a swapped name or subject only where that event is more than "is" or "has"
    # ("Ferrisport's council tax is the highest" is not about Ardley's)
    who = set(differing) <= {"name", "actor"} and facts.light
    same_event = (facts.stated and not who) or not by_name
    if len(set(differing)) == 1 and facts.rest >= ABOUT_COVERAGE and same_event:
        return "refutes", f"{differing[0]} differs"
    if set(differing) == _OPPOSITE_WAY and facts.rest >= ABOUT_COVERAGE:
        # "fell to 4.1 percent" against "rose to 6 percent": the figure differs the way the
        # opposite verb says, one telling of the same measure
        return "refutes", "antonym and number differ"
    agreed = not differing and facts.named and facts.slots_said and facts.each_clause
    if agreed and facts.stated and facts.coverage >= SUPPORT_COVERAGE:
        return "supports", "covers the claim"
    cosine = -1.0 if facts.similarity is None else facts.similarity
    close = (cosine >= PARAPHRASE_SIMILARITY and facts.coverage >= ABOUT_COVERAGE) or (
        cosine >= CLOSE_SIMILARITY and facts.coverage >= CLOSE_COVERAGE
    )
    if agreed and facts.stated and close:
        return "supports", f"restates the claim (cosine {cosine:.2f})"
    if (
        agreed
        and facts.free_verb
        and not facts.light
        and facts.coverage >= SUPPORT_COVERAGE
        and cosine >= OTHER_VERB_SIMILARITY
    ):
        return "supports", f"restates the claim with another verb (cosine {cosine:.2f})"
    if agreed and facts.stated and facts.about >= ABOUT_COVERAGE and facts.supports >= 0.5:
        return "supports", "about the claim, stance supports"
    if facts.about < ABOUT_COVERAGE:
        return "neutral", "not about the claim"
    return "neutral", "does not settle the claim"


_RANK = {"refutes": 2, "supports": 1, "neutral": 0}


def check_passage(
    claim: Reading,
    passage: Reading,
    title: Iterable[str] = (),
    *,
    supports: float = 0.0,
    matcher: WordMatcher | None = None,
    similarity: float | None = None,
) -> PassageCheck:
    """How ``passage`` (its sentences, its title's words) bears on ``claim`` (one sentence);
    ``supports``: the stance model's probability that the passage supports the claim;
    ``matcher``: counts a claim word as stated when the passage has a near word.
    Of several sentences, the one most about the claim speaks."""
    heard = frozenset(title)
    if not claim.sentences or not passage.sentences:
        return PassageCheck("neutral", "nothing to compare", (), 0.0, 0.0)
    c = claim.sentences[0]
    checks = [
        _check_sentence(c, s, heard, supports, matcher, similarity) for s in passage.sentences
    ]
    return max(checks, key=lambda k: (k.about, _RANK[k.stance], k.coverage))
