"""Verbs of one sense ("turn down" / "reject", "commend" / "praise"), and the verbs a noun
may be made of ("closure": close): a short general list of common news verbs (phrasal
verbs as "turn down", "point to") grouped by sense, shared by every feature that compares
two statements' predicates (evidence verdicts, fact-check matching).
"""

from __future__ import annotations

__all__ = ["GENERAL_VERBS", "VERB_SENSES", "bases", "has_senses", "same_sense"]

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
