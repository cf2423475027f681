"""Words that say the same thing in other words ("employees" / "workers", "commended" /
"praised"): the backbone's encoder embeds each word alone, and two words are near when
the cosine of their embeddings is at least :data:`NEAR` (0.6: on the shared MiniLM,
synonyms and inflections score 0.6-0.9, while opposites such as "praised" / "criticised"
or "rose" / "fell" and words of one topic such as "flood" / "fire" stay under it).
Vectors are cached per word for the life of the matcher.

Single-word embeddings miss many verbs of one sense ("commend" / "praise" score 0.33,
"turn down" / "reject" 0.40, under "rise" / "fall" at 0.52), so the verbs that carry a
claim also go through :data:`VERB_SENSES`, a short general list of common news verbs
(phrasal verbs as "turn down", "point to") grouped by sense: :func:`same_sense`,
:func:`sense_matches`. A noun made of a verb ("closure", "reduction", "approval",
"recruitment") reads as the verb too (:func:`bases`, a few general English endings).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.evidence.opposites import OPPOSITES
from unspin.nlp import Backbone

__all__ = [
    "GENERAL_VERBS",
    "NEAR",
    "VERB_SENSES",
    "WordMatcher",
    "bases",
    "has_senses",
    "may_restate",
    "same_sense",
    "sense_matches",
]

#: Cosine of two single-word embeddings at which the words count as the same.
NEAR = 0.6


#: Common verbs (lemmas; phrasal verbs with their particle) grouped by one sense each. A
#: verb may stand in two groups ("decline" an offer, numbers "decline"); no group holds
#: opposites.
VERB_SENSES: tuple[frozenset[str], ...] = tuple(
    frozenset(g.split(", "))
    for g in (
        "say, tell, state, claim, assert, report, add",
        "reject, turn down, dismiss, refuse, decline, throw out, rebuff, vote down",
        "approve, pass, adopt, endorse, agree, back, vote through, sign off",
        "praise, commend, hail, applaud, laud, welcome",
        "criticise, criticize, condemn, attack, blast, slam, censure",
        "rescue, save, pull, evacuate, lift",
        "spend, put, invest, allocate, commit, pour",
        "keep, hold, maintain, retain, freeze, preserve",
        "rise, climb, increase, grow, go up, jump, soar, surge",
        "fall, drop, decline, decrease, go down, sink, slump, slide",
        "publish, appear, print, release, come out",
        "blame, point to, cite, attribute",
        "finish, come, end up, place",
        "ask, request, call for, seek, demand, apply",
        "begin, start, launch, commence, kick off, get under way",
        "end, finish, stop, conclude, halt, wind up",
        "buy, purchase, acquire, take over",
        "hire, employ, recruit, take on",
        "sign, recruit, land",
        "cut, reduce, lower, slash, trim",
        "raise, increase, hike, lift, put up",
        "take, draw, withdraw",
        "receive, get, obtain, collect",
        "win, secure, clinch",
        "help, assist, aid, support",
        "announce, unveil, reveal, declare, confirm",
        "delay, postpone, put off, push back, hold up",
        "cancel, scrap, axe, abandon, call off",
        "leave, quit, resign, step down, depart",
        "appoint, name, nominate, install",
        "fine, penalise, penalize",
        "ban, prohibit, forbid, bar, outlaw",
        "allow, permit, let, authorise, authorize",
        "warn, caution, alert",
        "show, find, reveal, indicate, suggest",
        "injure, hurt, wound",
        "die, perish",
        "kill, slay",
        "arrest, detain, hold",
        "charge, accuse, indict",
        "build, construct, erect",
        "close, shut, shut down, close down",
        "damage, harm",
        "destroy, wreck, demolish, flatten",
        "count, tally",
        "visit, inspect, tour",
        "pay, fund, finance, subsidise, subsidize, spend",
        "estimate, put, reckon",
        "reach, hit, attain",
        "lose, shed",
        "open, inaugurate",
        "move, relocate, transfer, shift",
        "judge, rate, assess, grade",
        "grow, expand, swell",
        "cause, trigger, spark, prompt, lead to",
        "need, require",
        "plan, intend, aim, propose",
        "expect, forecast, predict, anticipate, project",
        "decide, choose, opt, resolve",
        "try, attempt",
        "manage, run, operate, oversee",
        "provide, supply, offer, give",
        "give, donate, grant, award, hand",
        "make, produce, manufacture",
        "return, come back, go back, get back",
        "meet, gather, assemble, convene",
        "discuss, debate, consider, review",
        "investigate, probe, examine, look into, inquire",
        "find, discover, uncover, detect",
        "deny, refute, dispute",
        "protest, demonstrate, rally, march",
        "strike, walk out",
        "order, instruct, direct",
        "require, oblige, force, compel",
        "prevent, stop, block, halt",
        "sentence, jail, imprison",
        "release, free, discharge",
        "suspend, halt, pause",
        "resume, restart",
        "lay off, sack, fire, make redundant",
        "threaten, warn",
        "claim, allege",
        "complete, finish",
        "introduce, bring in, roll out, implement",
        "record, register, log",
        "score, net",
        "attract, draw",
        "host, stage",
        "improve, boost, enhance",
        # what one side does to a thing and what the thing does ("cut deaths by 30 per
        # cent" / "deaths fell by 30 per cent"; "raised fares" / "fares rose")
        "fall, drop, go down, cut, reduce, bring down",
        "rise, go up, raise, lift, put up",
    )
)
_SENSES: dict[str, frozenset[str]] = {}
for _group in VERB_SENSES:
    for _verb in _group:
        _SENSES[_verb] = _SENSES.get(_verb, frozenset()) | _group


#: Verbs of a general sense that a more specific verb may say ("used the bridge" /
#: "crossed the bridge", "was taken to hospital" / "was treated in hospital").
GENERAL_VERBS = frozenset(("use", "take", "get", "make", "go", "come", "put"))


def has_senses(verb: str) -> bool:
    """Whether ``verb`` (a lemma) stands in a group of :data:`VERB_SENSES`: a verb whose
    other wordings the list knows."""
    return verb in _SENSES


def may_restate(mine: str, theirs: str, others: Iterable[str]) -> bool:
    """Whether a claim's predicate ``mine`` may be said with another verb of a passage whose
    predicate is ``theirs`` and whose words the claim lacks are ``others`` (lemmas): neither
    predicate is a verb whose senses or opposites the lists know ("hire" said as "lay off"
    is another event), and one side says it with a verb of general sense
    (:data:`GENERAL_VERBS`: "used" / "crossed"; "extended" / "ended" are other events)."""
    theirs = theirs.lower()
    known = has_senses(mine) or mine in OPPOSITES or theirs in OPPOSITES
    return not known and (mine in GENERAL_VERBS or bool(GENERAL_VERBS & set(others)))


def same_sense(a: str, b: str) -> bool:
    """Whether verbs ``a`` and ``b`` (lemmas, "turn down") stand in one group of
    :data:`VERB_SENSES` (or are the same verb)."""
    return a == b or b in _SENSES.get(a, frozenset())


#: Noun endings that make a noun of a verb ("closure", "reduction", "approval",
#: "recruitment"), each with what restores the verb and the shortest stem it leaves
#: ("station" and "million" are not verbs).
_DERIVED = (
    ("ment", ("",), 3),
    ("ure", ("e", ""), 4),
    ("duction", ("duce",), 2),
    ("ion", ("e", ""), 5),
    ("al", ("e", ""), 5),
)


def bases(lemma: str) -> frozenset[str]:
    """The lemma and the verbs it may derive from ("closure": close; "reduction": reduce;
    "recruitment": recruit), for :func:`same_sense`."""
    out = {lemma}
    for end, adds, shortest in _DERIVED:
        stem = lemma.removesuffix(end)
        if stem != lemma and len(stem) >= shortest:
            out |= {stem + a for a in adds}
    return frozenset(out)


def sense_matches(mine: Mapping[str, Iterable[str]], theirs: Iterable[str]) -> dict[str, str]:
    """``{key: their word}`` for each of ``mine`` (key -> its lemma and phrasal forms) with
    a word of its sense among ``theirs`` (lemmas, phrasal verbs): verbs of one group of
    :data:`VERB_SENSES`, a noun made of a verb read as the verb ("the closure" / "shut")."""
    pool = [(w, bases(w)) for w in sorted(set(theirs))]
    out = {}
    for key, words in mine.items():
        ours = {b for w in words for b in bases(w)}
        hit = next((w for w, bs in pool if any(same_sense(a, b) for a in ours for b in bs)), None)
        if hit is not None:
            out[key] = hit
    return out


class WordMatcher:
    """Which words of one text have a near word in another (cached word vectors)."""

    def __init__(self, backbone: Backbone, *, near: float = NEAR, size: int = 50_000) -> None:
        self.backbone = backbone
        self.near = near
        self.size = size
        self._vectors: dict[str, NDArray[Any]] = {}

    def clear(self) -> None:
        """Forget every word vector computed so far."""
        self._vectors.clear()

    def prepare(self, words: Iterable[str]) -> None:
        """Embed these words now, in one batch (what :meth:`matches` will ask for)."""
        self._embed(words)

    def _embed(self, words: Iterable[str]) -> None:
        new = sorted({w for w in words if w not in self._vectors})
        if not new:
            return
        if len(self._vectors) + len(new) > self.size:
            self._vectors.clear()
        vectors = np.asarray(self.backbone.embed(new), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        self._vectors.update(zip(new, vectors, strict=True))

    def matches(self, mine: Mapping[str, str], theirs: Iterable[str]) -> dict[str, str]:
        """``{key: their word}`` for each of ``mine`` (key -> word) with a near word among
        ``theirs``."""
        others = sorted(set(theirs))
        if not mine or not others:
            return {}
        self._embed([*mine.values(), *others])
        b = np.stack([self._vectors[w] for w in others])
        out = {}
        for key, word in mine.items():
            sims = b @ self._vectors[word]
            k = int(np.argmax(sims))
            if sims[k] >= self.near:
                out[key] = others[k]
        return out
