"""Certainty markers: hedges, boosters and vague attributions, as anchored spans.

Every finding covers the cue words themselves ("allegedly", "may have", "beyond any
doubt", "experts believe") and says which lexicon entry or parse rule fired. The score
says how unambiguous the cue is, not how true the sentence is.

Kinds and labels
----------------
``hedge`` (the writer or source holds back from full commitment)
    ``epistemic_adverb``     allegedly, reportedly, apparently, perhaps, probably, ...
    ``epistemic_adjective``  alleged, purported, apparent, suspected, so-called, ...;
                             is likely to, it is unclear whether, it is possible that
    ``modal``                may / might (spaCy tag MD, auxiliary of a verb), could have,
                             could be
    ``reporting_hedge``      it is believed, is said to, unconfirmed reports, ...
    ``appearance``           appears to, seems to, it seems that, seems unlikely
    ``personal_hedge``       I think, I believe, I suspect, I guess
``booster`` (the writer or source insists on certainty or intensity)
    ``certainty_adverb``     obviously, undeniably, undoubtedly, clearly, definitely, ...
    ``emphatic_phrase``      beyond any doubt, it is plain that, make no mistake, ...
    ``common_knowledge``     everyone knows, as we all know, it is well known that
    ``intensifier``          absolutely, totally, utterly, completely, ... (low scores)
    ``all_caps``             a run of capitalised words that are not acronyms
``vague_attribution`` (a claim pinned on an unnamed group)
    ``vague_crowd``          many people say, some argue, critics say, it is widely believed
    ``vague_expert``         experts believe, scientists warn, analysts say
    ``vague_source``         sources said, a senior official, people familiar with the matter
    ``vague_research``       studies show, research suggests, reports say
    ``vague_rumour``         rumours suggest, rumour has it

Ambiguity handling
    "may"/"might" count only when spaCy tags them MD, so "May 5" (the month) never fires;
    "you may enter" and "May I ask" (permission) score 0.3; "may have"/"might have" +
    participle (epistemic) score highest. "clearly", "plainly" and "surely" after the
    verb they modify are manner adverbs ("he spoke clearly", "slowly but surely") and do
    not fire; a negated booster ("not clearly") does not fire. All-caps words count as
    emphasis only when they look like words, not acronyms: four letters or fewer and
    not a common English word -> acronym (NATO, FBI); an entity-tagged noun with no
    English word ending -> acronym (UNICEF); a whole text mostly in capitals is skipped.
    A group is a vague attribution only when nothing in its noun phrase names it:
    "experts at Halden University say" does not fire; "Velmoran officials said" scores
    0.5 (an institution, still no person); "the experts" (already introduced) scores 0.5.

Summary
-------
``{"hedges": n, "boosters": n, "vague_attributions": n, "per_1000_words": {...},
"balance": label, "balance_basis": {"hedges": h, "boosters": b}}`` where the balance
rule uses only the cues scoring at least 0.5 (h and b): fewer than 3 of them together
-> ``"sparse"``; otherwise with r = b / (h + b): r >= 0.65 -> ``"assertive"``,
r <= 0.35 -> ``"hedged"``, else ``"balanced"``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.model import Explanation, Finding
from unspin.nlp import Parsed, Token
from unspin.options import NoOptions

__all__ = ["CertaintyAnalyzer"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


log = logging.getLogger(__name__)

# -- lexicons: word -> (label, score) --------------------------------------------------

_HEDGE_WORDS: dict[str, tuple[str, float]] = {
    "allegedly": ("epistemic_adverb", 0.95),
    "reportedly": ("epistemic_adverb", 0.95),
    "purportedly": ("epistemic_adverb", 0.95),
    "supposedly": ("epistemic_adverb", 0.9),
    "reputedly": ("epistemic_adverb", 0.9),
    "ostensibly": ("epistemic_adverb", 0.85),
    "seemingly": ("epistemic_adverb", 0.85),
    "presumably": ("epistemic_adverb", 0.85),
    "possibly": ("epistemic_adverb", 0.85),
    "perhaps": ("epistemic_adverb", 0.85),
    "conceivably": ("epistemic_adverb", 0.85),
    "maybe": ("epistemic_adverb", 0.8),
    "probably": ("epistemic_adverb", 0.8),
    "arguably": ("epistemic_adverb", 0.8),
    "plausibly": ("epistemic_adverb", 0.8),
    "apparently": ("epistemic_adverb", 0.8),
    "potentially": ("epistemic_adverb", 0.6),
    "alleged": ("epistemic_adjective", 0.9),
    "purported": ("epistemic_adjective", 0.9),
    "supposed": ("epistemic_adjective", 0.6),
    "apparent": ("epistemic_adjective", 0.6),
    "suspected": ("epistemic_adjective", 0.65),
    "so-called": ("epistemic_adjective", 0.7),
    "unconfirmed": ("reporting_hedge", 0.9),
    "unverified": ("reporting_hedge", 0.9),
}
#: Adjectives only count before a noun (amod); "he was suspected" is a verb.
_HEDGE_ADJ_NEEDS_AMOD = frozenset(("alleged", "purported", "supposed", "apparent", "suspected"))

_BOOSTER_WORDS: dict[str, tuple[str, float]] = {
    "undeniably": ("certainty_adverb", 0.95),
    "undoubtedly": ("certainty_adverb", 0.95),
    "unquestionably": ("certainty_adverb", 0.95),
    "indisputably": ("certainty_adverb", 0.95),
    "incontrovertibly": ("certainty_adverb", 0.95),
    "irrefutably": ("certainty_adverb", 0.95),
    "indubitably": ("certainty_adverb", 0.95),
    "doubtless": ("certainty_adverb", 0.9),
    "obviously": ("certainty_adverb", 0.9),
    "definitely": ("certainty_adverb", 0.85),
    "clearly": ("certainty_adverb", 0.85),
    "certainly": ("certainty_adverb", 0.8),
    "plainly": ("certainty_adverb", 0.8),
    "evidently": ("certainty_adverb", 0.75),
    "surely": ("certainty_adverb", 0.7),
    "absolutely": ("intensifier", 0.6),
    "utterly": ("intensifier", 0.6),
    "totally": ("intensifier", 0.55),
    "unbelievably": ("intensifier", 0.55),
    "incredibly": ("intensifier", 0.5),
    "truly": ("intensifier", 0.5),
    "completely": ("intensifier", 0.45),
    "entirely": ("intensifier", 0.45),
    "thoroughly": ("intensifier", 0.45),
    "extremely": ("intensifier", 0.45),
    "literally": ("intensifier", 0.4),
}
#: Adverbs that are manner adverbs when they follow the verb they modify.
_MANNER_PRONE = frozenset(("clearly", "plainly", "surely", "certainly", "evidently"))
_NEGATORS = frozenset(("not", "n't", "never", "hardly", "scarcely"))

# -- phrases: (regex, kind, label, score) ---------------------------------------------

_I = re.IGNORECASE
_PHRASES: tuple[tuple[re.Pattern[str], str, str, float], ...] = (
    (
        re.compile(
            r"\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:believed|thought|said|claimed|alleged|"
            r"rumou?red|reported|understood|suspected|feared)\b",
            _I,
        ),
        "hedge", "reporting_hedge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:is|are|was|were)\s+(?:said|believed|thought|alleged|reported|rumou?red|"
            r"understood|suspected|claimed|presumed|reputed)\s+to\b",
            _I,
        ),
        "hedge", "reporting_hedge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:cannot|can\s*not|can't|could\s+not)\s+be\s+(?:ruled\s+out|excluded)\b", _I
        ),
        "hedge", "reporting_hedge", 0.8,
    ),
    (
        re.compile(
            r"\b(?:is|are|was|were|seems?|seemed|appears?)\s+(?:quite\s+|very\s+|highly\s+|most\s+)?"
            r"(?:likely|unlikely)\s+to\b"
            r"|\bit\s+(?:is|was)\s+(?:possible|likely|probable|conceivable|plausible|unclear|"
            r"not\s+clear|uncertain)\s+(?:that|whether|if)\b",
            _I,
        ),
        "hedge", "epistemic_adjective", 0.75,
    ),
    (
        re.compile(r"\bit\s+(?:appears|appeared|seems|seemed|would\s+seem|would\s+appear)\b", _I),
        "hedge", "appearance", 0.85,
    ),
    (
        re.compile(
            r"(?<![\w'’])I\s+(?:think|believe|suspect|guess|reckon|suppose|imagine)\b"
            r"|\bwe\s+(?:think|believe|suspect|suppose)\b",
        ),
        "hedge", "personal_hedge", 0.6,
    ),
    (
        re.compile(
            r"\bbeyond\s+(?:any|all|a|reasonable|a\s+reasonable|the\s+shadow\s+of\s+a)\s+doubt\b"
            r"|\bwithout\s+(?:a|any)\s+(?:shadow\s+of\s+(?:a\s+)?)?doubt\b"
            r"|\bbeyond\s+(?:dispute|question)\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.9,
    ),
    (
        re.compile(
            r"\bit\s+is\s+(?:plain|clear|obvious|evident|undeniable|indisputable|certain|"
            r"beyond\s+dispute|a\s+fact|crystal\s+clear|abundantly\s+clear|self-evident)\s+that\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.9,
    ),
    (
        re.compile(
            r"\bthere\s+(?:is|can\s+be)\s+(?:no|little)\s+(?:doubt|question)\b"
            r"|\bmake\s+no\s+mistake\b|\bit\s+goes\s+without\s+saying\b|\bneedless\s+to\s+say\b"
            r"|\blet\s+(?:me|us)\s+be\s+(?:clear|very\s+clear)\b|\blet's\s+be\s+clear\b"
            r"|\bno\s+doubt\b|\bthe\s+(?:simple\s+)?(?:fact|truth|reality)\s+(?:of\s+the\s+matter\s+)?is\b",
            _I,
        ),
        "booster", "emphatic_phrase", 0.8,
    ),
    (re.compile(r"\bof\s+course\b", _I), "booster", "emphatic_phrase", 0.55),
    (
        re.compile(
            r"\b(?:as\s+)?(?:everyone|everybody|we\s+all|all\s+of\s+us)\s+(?:knows?|now\s+knows?)\b"
            r"|\bit\s+is\s+(?:well|widely|common)\s*(?:-\s*)?(?:known|knowledge)\b",
            _I,
        ),
        "booster", "common_knowledge", 0.85,
    ),
    (
        re.compile(
            r"\b(?:widely|commonly|generally|often|frequently)\s+(?:believed|thought|held|reported|"
            r"said|claimed|accepted|assumed|rumou?red)\b",
            _I,
        ),
        "vague_attribution", "vague_crowd", 0.8,
    ),
    (
        re.compile(
            r"\bthere\s+are\s+(?:those|some|many)\s+who\s+(?:say|believe|think|argue|claim)\b",
            _I,
        ),
        "vague_attribution", "vague_crowd", 0.85,
    ),
    (
        re.compile(r"\brumou?rs?\s+(?:has\s+it|have\s+it|suggests?|says?|claims?|persist)\b", _I),
        "vague_attribution", "vague_rumour", 0.85,
    ),
)  # fmt: skip

# -- vague attribution: groups and verbs ----------------------------------------------

_GROUPS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            "people many some others several few most everyone everybody critics critic observers "
            "commentators pundits skeptics sceptics opponents supporters folks"
        ),
        "vague_crowd",
    ),
    **dict.fromkeys(
        _words(
            "expert scientist analyst researcher economist doctor specialist scholar academic "
            "historian physician epidemiologist strategist"
        ),
        "vague_expert",
    ),
    **dict.fromkeys(
        _words("source insider official aide diplomat spokesperson spokesman spokeswoman person"),
        "vague_source",
    ),
    **dict.fromkeys(_words("study research survey poll report rumour rumor"), "vague_research"),
}
_ATTR_VERBS = frozenset(
    _words(
        "say believe think claim argue suggest warn agree contend insist note estimate fear "
        "predict tell report show find indicate maintain allege consider feel speculate worry "
        "assert reckon acknowledge confirm reveal concede point"
    )
)
_VAGUE_DETS = frozenset(
    _words("many some most several numerous various a an one other few certain")
)
_ANAPHORIC_DETS = frozenset(_words("the these those this that his her their its our"))
_NAME_ENTS = frozenset(
    ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW")
)

# -- all caps -------------------------------------------------------------------------

_CAPS_TOKEN = re.compile(r"^[A-Z]{2,}(?:['’][A-Z]+)?$|^N['’]T$")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&.]{1,9})\)")
_ENGLISH_ENDING = re.compile(
    r"(?:LY|ING|ED|NESS|TION|SION|MENT|ABLE|IBLE|FUL|LESS|OUS|IVE|EST|IEST)$"
)
#: Common English words: in capitals they are emphasis, not acronyms.
_COMMON_WORDS = frozenset(
    _words(
        """
    not no never ever all every any nothing none nobody everyone must will would should is
    are was were be been being the and or but this that these those it he she they we you
    do does did don't doesn't didn't can't won't isn't aren't wasn't have has had can may
    very so too only just now still real really true truth false fake lie lies liar lying
    big huge massive total fraud rigged wrong right good bad best worst evil stop wake up
    out yes why how what who our your their his her its my me him them one more most less
    least much many again here there then than because if when where before after over
    under about against hoax scam crime crimes criminal corrupt disgrace shame danger
    dangerous warning alert urgent breaking read share love hate free war dead death kill
    killed killing illegal traitor traitors enemy enemies people everything anything also
    even ALL already immediately now today tonight forever
    """.lower()
    )
)
_SHORT_EMPHASIS = frozenset(_words("not no never all must yes lie lies now only ever war big bad"))


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str
    label: str
    score: float
    rule: str
    detail: str


@register("certainty")
class CertaintyAnalyzer(Analyzer[NoOptions]):
    """Hedges, boosters and vague attributions as spans (see the module docstring)."""

    version = "0.1.0"
    requires = ("parse",)
    produces = ("hedge", "booster", "vague_attribution")

    def run(self, ctx: Context) -> AnalyzerResult:
        parsed = ctx.parsed
        cues: list[_Cue] = []
        cues.extend(_token_cues(parsed))
        cues.extend(_phrase_cues(ctx.text))
        cues.extend(_vague_cues(parsed))
        cues.extend(_caps_cues(parsed))
        kept = _dedupe(cues)
        findings = [self._finding(ctx, c) for c in kept]
        return AnalyzerResult(tuple(findings), _summary(findings, parsed.word_count))

    def _finding(self, ctx: Context, c: _Cue) -> Finding:
        covered = ctx.text[c.start : c.end]
        return self.finding(
            ctx,
            c.start,
            c.end,
            kind=c.kind,
            label=c.label,
            score=c.score,
            explanation=Explanation(
                rule=c.rule, cues=(" ".join(covered.split()),), detail=c.detail
            ),
        )


# ----------------------------------------------------------------------------------------
# single tokens: lexicon adverbs/adjectives and modals


def _token_cues(parsed: Parsed) -> Iterator[_Cue]:
    toks = parsed.tokens
    for t in toks:
        low = t.lower
        if low in _HEDGE_WORDS:
            cue = _hedge_word(parsed, t)
            if cue:
                yield cue
        elif low in _BOOSTER_WORDS:
            cue = _booster_word(parsed, t)
            if cue:
                yield cue
        elif low in ("may", "might", "could") and t.tag == "MD":
            cue = _modal(parsed, t)
            if cue:
                yield cue
        elif low in ("appear", "appears", "appeared", "seem", "seems", "seemed"):
            cue = _appearance(parsed, t)
            if cue:
                yield cue


def _prev_word(parsed: Parsed, t: Token) -> Token | None:
    j = t.i - 1
    while j >= 0 and parsed.tokens[j].pos == "PUNCT" and parsed.tokens[j].text in ("-", "–"):
        j -= 1
    return parsed.tokens[j] if j >= 0 else None


def _next(parsed: Parsed, t: Token, k: int = 1) -> Token | None:
    j = t.i + k
    return parsed.tokens[j] if j < len(parsed.tokens) else None


def _hedge_word(parsed: Parsed, t: Token) -> _Cue | None:
    label, score = _HEDGE_WORDS[t.lower]
    if t.lower in _HEDGE_ADJ_NEEDS_AMOD and parsed.has_parse and t.dep not in ("amod", "compound"):
        return None  # "he was suspected of fraud", "it is apparent": not a pre-noun hedge
    return _Cue(
        t.start, t.end, "hedge", label, score, "hedge.lexicon",
        f"'{t.text}' marks the statement as unconfirmed or uncertain.",
    )  # fmt: skip


def _booster_word(parsed: Parsed, t: Token) -> _Cue | None:
    label, score = _BOOSTER_WORDS[t.lower]
    prev = _prev_word(parsed, t)
    if prev is not None and prev.lower in _NEGATORS:
        return None  # "not clearly", "not necessarily": negated certainty is no booster
    if t.lower in _MANNER_PRONE and parsed.has_parse:
        if prev is not None and prev.lower in ("but", "and") and t.lower == "surely":
            return None  # "slowly but surely"
        head = parsed.tokens[t.head]
        nxt = _next(parsed, t)
        after_verb = head.i < t.i and head.pos == "VERB" and head.lemma not in ("be", "have")
        if after_verb:
            if nxt is not None and nxt.lower == "that":
                score = min(score, 0.6)  # "show clearly that": likely still a booster
            else:
                return None  # "he spoke clearly": manner
        if t.dep == "conj":
            return None
    if label == "intensifier" and parsed.has_parse:
        head = parsed.tokens[t.head]
        if head.pos not in ("ADJ", "VERB", "ADV", "AUX", "NOUN") and t.dep != "advmod":
            score = min(score, 0.4)
    kind_detail = (
        "an intensifier that amplifies what follows."
        if label == "intensifier"
        else "an adverb that asserts certainty instead of showing evidence."
    )
    return _Cue(
        t.start, t.end, "booster", label, score, "booster.lexicon", f"'{t.text}' is {kind_detail}"
    )  # fmt: skip


def _modal(parsed: Parsed, t: Token) -> _Cue | None:
    low = t.lower
    if parsed.has_parse and t.dep != "aux":
        return None  # no verb to modify: a name, a fragment, a mis-tag
    nxt = _next(parsed, t)
    nxt2 = _next(parsed, t, 2)
    # skip an adverb or negation between modal and verb ("may well have", "might not be")
    if nxt is not None and nxt.pos in ("ADV", "PART") and nxt2 is not None:
        nxt, nxt2 = nxt2, _next(parsed, t, 3)
    perfect = nxt is not None and nxt.lower == "have" and nxt2 is not None and nxt2.tag == "VBN"
    be = nxt is not None and nxt.lower == "be"
    end = t.end
    if perfect and nxt is not None:
        end = nxt.end
    if low == "could":
        if perfect:
            score = 0.75
        elif be:
            score = 0.6
        else:
            return None  # ability or past: "could not attend"
    elif perfect:
        score = 0.9
    elif be:
        score = 0.8 if low == "might" else 0.75
    else:
        score = 0.75 if low == "might" else 0.6
    if low in ("may", "might") and _permission(parsed, t):
        score = 0.3
    what = "a possibility, not a fact" if score > 0.3 else "possibly permission rather than doubt"
    return _Cue(
        t.start, end, "hedge", "modal", score, "hedge.modal", f"The modal '{t.text}' marks {what}."
    )


def _permission(parsed: Parsed, t: Token) -> bool:
    """'you may enter', 'May I ask?': the modal grants or asks permission."""
    subj = (
        [c for c in parsed.children(t.head) if c.dep in ("nsubj", "nsubjpass")]
        if parsed.has_parse
        else []
    )
    if any(c.lower in ("you", "i") and c.i > t.i for c in subj):
        return True  # inverted: "May I ...", "may you ..."
    return any(c.lower == "you" for c in subj)


def _appearance(parsed: Parsed, t: Token) -> _Cue | None:
    nxt = _next(parsed, t)
    if nxt is None:
        return None
    prev = _prev_word(parsed, t)
    if prev is not None and prev.lower == "it":
        return None  # covered by the "it appears" phrase
    if nxt.lower == "to" and nxt.tag == "TO":
        end, score = nxt.end, 0.85
    elif nxt.lower == "that":
        end, score = nxt.end, 0.8
    elif parsed.has_parse and nxt.pos == "ADJ" and nxt.dep in ("acomp", "oprd"):
        end, score = t.end, 0.6  # "seems unlikely"
    elif nxt.lower in ("likely", "unlikely", "certain"):
        end, score = t.end, 0.6
    else:
        return None  # "appeared in court", "appeared to the crowd"
    return _Cue(
        t.start, end, "hedge", "appearance", score, "hedge.appearance",
        f"'{t.text}' reports an impression rather than an established fact.",
    )  # fmt: skip


# ----------------------------------------------------------------------------------------
# phrases


def _phrase_cues(text: str) -> Iterator[_Cue]:
    for pattern, kind, label, score in _PHRASES:
        for m in pattern.finditer(text):
            rule = f"{kind}.phrase"
            if kind == "hedge":
                detail = "A set phrase that distances the writer from the statement."
            elif kind == "booster":
                detail = "A set phrase that insists on certainty instead of showing evidence."
            else:
                detail = "A claim pinned on an unnamed or unspecified group."
            if label == "emphatic_phrase" and m.group().lower().startswith("no doubt"):
                before = text[max(0, m.start() - 12) : m.start()].lower()
                if re.search(r"\b(?:is|be|was|there)\s+$", before):
                    continue  # the "there is no doubt" pattern covers it
            yield _Cue(m.start(), m.end(), kind, label, score, rule, detail)


# ----------------------------------------------------------------------------------------
# vague attributions from the parse


def _vague_cues(parsed: Parsed) -> Iterator[_Cue]:
    if not parsed.has_parse:
        return
    toks = parsed.tokens
    for t in toks:
        group = _group_of(t)
        if group is None:
            continue
        head = toks[t.head]
        via_according = (
            t.dep == "pobj"
            and head.lower == "to"
            and head.i > 0
            and toks[head.i - 1].lower == "according"
        )
        via_verb = (
            t.dep in ("nsubj", "nsubjpass") and head.lemma in _ATTR_VERBS and head.pos == "VERB"
        )
        familiar = t.lemma.lower() in ("people", "person", "source") and any(
            c.lower in ("familiar", "close", "briefed") for c in parsed.children(t.i)
        )
        if not (via_according or via_verb or familiar):
            continue
        if group == "vague_research" and via_verb and head.lemma not in (
            "show", "suggest", "find", "indicate", "say", "claim", "reveal", "warn", "estimate",
        ):  # fmt: skip
            continue
        if t.lemma.lower() == "person" and not familiar:
            continue
        if t.lower in ("others", "some", "many", "most", "few", "several") and t.pos not in (
            "PRON", "DET", "ADJ", "NOUN",
        ):  # fmt: skip
            continue
        cue = _vague_cue(parsed, t, group, head if via_verb else None, via_according, familiar)
        if cue is not None:
            yield cue


def _group_of(t: Token) -> str | None:
    low = t.lower
    if low in (
        "people",
        "others",
        "many",
        "some",
        "most",
        "few",
        "several",
        "everyone",
        "everybody",
    ):
        return "vague_crowd"
    lemma = t.lemma.lower()
    group = _GROUPS.get(lemma) or _GROUPS.get(low)
    if group is None:
        return None
    if t.pos not in ("NOUN", "PRON", "ADJ", "DET"):
        return None
    return group


def _vague_cue(
    parsed: Parsed,
    t: Token,
    group: str,
    verb: Token | None,
    via_according: bool,
    familiar: bool,
) -> _Cue | None:
    toks = parsed.tokens
    kids = parsed.children(t.i)
    pre = [
        c
        for c in kids
        if c.i < t.i
        and c.dep in ("det", "amod", "compound", "nummod", "poss", "quantmod", "advmod")
    ]
    post = [c for c in kids if c.i > t.i and c.dep in ("amod", "acl", "prep")]
    score = 0.85
    detail = "A claim attributed to an unnamed group, so a reader cannot check who said it."
    # anything named in the noun phrase makes the attribution (partly) checkable
    pre_named = any(
        toks[j].ent_type in _NAME_ENTS or toks[j].pos == "PROPN"
        for c in pre
        for j in range(_subtree_lo(parsed, c.i), c.i + 1)
    )
    post_named = False
    for c in post:
        lo, hi = _subtree_tokens(parsed, c.i)
        if any(toks[j].ent_type in _NAME_ENTS or toks[j].pos == "PROPN" for j in range(lo, hi + 1)):
            post_named = True
    if pre_named:
        if group in ("vague_source", "vague_crowd"):
            score = 0.5
            detail = "Attributed to an unnamed member of a named group or institution."
        else:
            return None
    if post_named:
        if group == "vague_source" and any(
            c.lower in ("close", "familiar", "briefed") for c in post
        ):
            pass  # "sources close to <name>" are still anonymous
        elif group == "vague_source":
            score = min(score, 0.55)
        else:
            return None  # "experts at Halden University", "a study by the Orlen Institute"
    dets = {c.lower for c in pre if c.dep in ("det", "poss", "amod", "nummod")}
    if dets & _ANAPHORIC_DETS and not familiar:
        score = min(score, 0.5)
        detail = "A group introduced earlier or only loosely identified; check who it is."
    elif group == "vague_crowd" and t.lower == "people" and not dets & _VAGUE_DETS and not familiar:
        score = min(score, 0.6)
    if familiar:
        score = max(score, 0.9) if not post_named or group == "vague_source" else score
        group = "vague_source"
    # span: the noun phrase (with "familiar with ..."/"close to ..." modifiers), plus the verb
    lo = min([t.i, *(_subtree_lo(parsed, c.i) for c in pre)])
    hi = t.i
    for c in post:
        if c.lower in ("familiar", "close", "briefed") or (familiar and c.dep == "prep"):
            _, h = _subtree_tokens(parsed, c.i)
            if h - t.i <= 8:
                hi = max(hi, h)
    start, end = toks[lo].start, toks[hi].end
    cue_words = [t.text]
    if via_according and lo > 1:
        start = toks[t.head - 1].start
    if verb is not None:
        if 0 < verb.i - hi <= 3 and all(
            toks[j].pos in ("AUX", "ADV", "PART") for j in range(hi + 1, verb.i)
        ):
            end = verb.end
            cue_words.append(verb.text)
        elif 0 < lo - verb.i <= 2:
            start = verb.start
            cue_words.append(verb.text)
    if group == "vague_research" and t.tag == "NN" and not dets & _VAGUE_DETS:
        score = min(score, 0.6)
    elif group == "vague_research" and any(c.dep == "compound" for c in pre):
        score = min(score, 0.7)  # "a police report": the kind of source is known, not which
    return _Cue(start, end, "vague_attribution", group, score, "vague.parse", detail)


def _subtree_tokens(parsed: Parsed, i: int) -> tuple[int, int]:
    s, e = parsed.subtree_span(i)
    lo = parsed.token_at(s)
    hi = parsed.token_at(e - 1)
    return (lo if lo is not None else i), (hi if hi is not None else i)


def _subtree_lo(parsed: Parsed, i: int) -> int:
    return _subtree_tokens(parsed, i)[0]


# ----------------------------------------------------------------------------------------
# all-caps emphasis


def _caps_cues(parsed: Parsed) -> list[_Cue]:
    toks = parsed.tokens
    words = [t for t in toks if any(ch.isalpha() for ch in t.text)]
    if not words:
        return []
    caps = [t for t in words if _CAPS_TOKEN.match(t.text)]
    if len(caps) > 0.4 * len(words) and len(words) > 8:
        log.debug("text mostly in capitals; all-caps emphasis not reported")
        return []
    defined = set(_DEFINED_ACRONYM.findall(parsed.text))
    out: list[_Cue] = []
    run: list[Token] = []

    def flush() -> None:
        if run:
            cue = _caps_run(parsed, run, defined, len(words))
            if cue is not None:
                out.append(cue)
            run.clear()

    for t in toks:
        if _CAPS_TOKEN.match(t.text):
            if run and not _adjacent(parsed, run[-1], t):
                flush()
            run.append(t)
        else:
            flush()
    flush()
    return out


def _adjacent(parsed: Parsed, a: Token, b: Token) -> bool:
    gap = parsed.text[a.end : b.start]
    return gap.strip() == "" and len(gap) <= 2


def _caps_class(t: Token, defined: set[str]) -> str:
    """'emphasis' (a word), 'acronym', or 'unknown'."""
    word = t.text.upper().replace("’", "'")
    low = word.lower()
    if word in defined:
        return "acronym"
    letters = sum(ch.isalpha() for ch in word)
    if low in _COMMON_WORDS or word in ("N'T",):
        return "emphasis" if letters >= 3 or low in _SHORT_EMPHASIS else "function"
    if letters <= 4:
        return "acronym"
    if _ENGLISH_ENDING.search(word):
        return "emphasis"
    if t.pos in ("VERB", "AUX", "ADJ", "ADV", "PART", "DET", "PRON", "ADP", "CCONJ", "SCONJ"):
        return "emphasis"
    if t.ent_type in _NAME_ENTS or t.pos == "PROPN":
        return "acronym"
    return "unknown"


def _caps_run(parsed: Parsed, run: list[Token], defined: set[str], total_words: int) -> _Cue | None:
    classes = [_caps_class(t, defined) for t in run]
    # trim acronyms at the edges: "the FBI" is not emphasis, "FBI LIED" is from LIED on
    while classes and classes[0] == "acronym":
        classes.pop(0)
        run = run[1:]
    while classes and classes[-1] == "acronym":
        classes.pop()
        run = run[:-1]
    if not run:
        return None
    strong = classes.count("emphasis")
    weak = classes.count("unknown")
    if len(run) >= 2 and strong >= 1:
        score = 0.9
    elif len(run) >= 2 and (weak >= 1 or classes.count("function") >= 2):
        score = 0.7
    elif strong == 1:
        score = 0.8
    elif weak == 1:
        score = 0.5
    else:
        return None
    sentence = parsed.sentence_of(run[0].start)
    if sentence is not None:
        sent_words = [
            t for t in parsed.sentence_tokens(sentence) if any(ch.isalpha() for ch in t.text)
        ]
        if (
            len(sent_words) >= 4
            and all(_CAPS_TOKEN.match(t.text) for t in sent_words)
            and total_words > len(sent_words)
        ):
            # a whole line in capitals: a headline style as often as shouting
            score = min(score, 0.6)
    return _Cue(
        run[0].start, run[-1].end, "booster", "all_caps", score, "booster.all-caps",
        "Words written in capitals for emphasis (not acronyms).",
    )  # fmt: skip


# ----------------------------------------------------------------------------------------
# merging and summary


def _dedupe(cues: Iterable[_Cue]) -> list[_Cue]:
    """Within a kind, keep the longest of overlapping cues (then the highest score)."""
    ordered = sorted(cues, key=lambda c: (-(c.end - c.start), -c.score, c.start))
    taken: dict[str, set[int]] = {}
    kept: list[_Cue] = []
    for c in ordered:
        chars = taken.setdefault(c.kind, set())
        if any(i in chars for i in range(c.start, c.end)):
            continue
        chars.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _balance(hedges: int, boosters: int) -> str:
    total = hedges + boosters
    if total < 3:
        return "sparse"
    ratio = boosters / total
    if ratio >= 0.65:
        return "assertive"
    if ratio <= 0.35:
        return "hedged"
    return "balanced"


def _summary(findings: list[Finding], words: int) -> dict[str, object]:
    counts = {"hedge": 0, "booster": 0, "vague_attribution": 0}
    strong = {"hedge": 0, "booster": 0}
    for f in findings:
        counts[f.kind] += 1
        if f.kind in strong and f.score >= 0.5:
            strong[f.kind] += 1

    def rate(n: int) -> float:
        return round(1000.0 * n / words, 2) if words else 0.0

    return {
        "hedges": counts["hedge"],
        "boosters": counts["booster"],
        "vague_attributions": counts["vague_attribution"],
        "per_1000_words": {
            "hedges": rate(counts["hedge"]),
            "boosters": rate(counts["booster"]),
            "vague_attributions": rate(counts["vague_attribution"]),
        },
        "balance": _balance(strong["hedge"], strong["booster"]),
        "balance_basis": {"hedges": strong["hedge"], "boosters": strong["booster"]},
    }
