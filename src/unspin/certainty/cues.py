"""The cue finders of the ``certainty`` analyzer: lexicon words and modals and set
phrases, each yielding :class:`Cue` spans (all-caps emphasis is in :mod:`.caps`, vague
attributions in :mod:`.vague`; rules and scores documented in
:mod:`unspin.certainty.analyzer`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from unspin.certainty.lexicon import (
    ALMOST_OR_MORE,
    BOOSTER_WORDS,
    CONCEDING,
    CONCESSIVE_MARKS,
    CONTRASTS,
    DEONTIC_PREDICATES,
    HEDGE_ADJ_NEEDS_AMOD,
    HEDGE_MANNER_PRONE,
    HEDGE_WORDS,
    MANNER_PRONE,
    NEGATORS,
    PHRASES,
    SAYING_VERBS,
)
from unspin.certainty.literal import (
    conceding_course,
    failing,
    grading,
    informing,
    named_agent,
    published,
    utmost_possibly,
)
from unspin.certainty.modality import ability, non_epistemic
from unspin.certainty.readings import asking, conceding, manner_of_degree, not_held_back
from unspin.nlp import Parsed, Token

__all__ = ["Cue", "dedupe", "phrase_cues", "token_cues"]


@dataclass(frozen=True)
class Cue:
    """One cue span: the finding it becomes, before overlapping cues are merged."""

    start: int
    end: int
    kind: str
    label: str
    score: float
    rule: str
    detail: str


# ----------------------------------------------------------------------------------------
# single tokens: lexicon adverbs/adjectives and modals


def token_cues(parsed: Parsed) -> Iterator[Cue]:
    """Hedge and booster words of the lexicon, epistemic modals, "appears to"/"seems to"."""
    toks = parsed.tokens
    for t in toks:
        low = t.lower
        if low in HEDGE_WORDS or low in BOOSTER_WORDS:
            cue = _hedge_word(parsed, t) if low in HEDGE_WORDS else _booster_word(parsed, t)
            if cue and _alone(parsed, t, question=cue.kind == "hedge"):
                cue = replace(
                    cue,
                    score=min(cue.score, 0.4),
                    detail=f"'{t.text}' stands alone as a sentence: it qualifies no statement.",
                )
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


def _alone(parsed: Parsed, t: Token, question: bool) -> bool:
    """'Maybe?' as a poll's answer, a bare 'Obviously.': the word is the whole sentence.
    A hedge alone counts only as a question: a bare 'Perhaps.' still hedges what came
    before it."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    toks = parsed.sentence_tokens(sentence)
    words = [w for w in toks if any(ch.isalpha() for ch in w.text)]
    return len(words) == 1 and (not question or any(w.text == "?" for w in toks))


def _prev_word(parsed: Parsed, t: Token) -> Token | None:
    j = t.i - 1
    while j >= 0 and parsed.tokens[j].pos == "PUNCT" and parsed.tokens[j].text in ("-", "–"):
        j -= 1
    return parsed.tokens[j] if j >= 0 else None


def _next(parsed: Parsed, t: Token, k: int = 1) -> Token | None:
    j = t.i + k
    return parsed.tokens[j] if j < len(parsed.tokens) else None


def _hedge_word(parsed: Parsed, t: Token) -> Cue | None:
    label, score = HEDGE_WORDS[t.lower]
    if t.lower in HEDGE_ADJ_NEEDS_AMOD and parsed.has_parse and t.dep not in ("amod", "compound"):
        return None  # "he was suspected of fraud", "it is apparent": not a pre-noun hedge
    if t.lower == "possibly" and utmost_possibly(parsed, t):
        return None  # "could not possibly happen", "as good as it could possibly be"
    if parsed.has_parse and not_held_back(parsed, t):
        return None  # "a seemingly endless stream", "unsourced, unverified and false"
    if t.lower in HEDGE_MANNER_PRONE and parsed.has_parse:
        head = parsed.tokens[t.head]
        if head.pos == "VERB" and head.lemma in SAYING_VERBS:
            return None  # "he plausibly told me": how it was told, not a doubt
    if parsed.has_parse and asking(parsed, t):
        score = min(score, 0.3)  # "What could conceivably be the reason ...?": a question
    return Cue(
        t.start, t.end, "hedge", label, score, "hedge.lexicon",
        f"'{t.text}' marks the statement as unconfirmed or uncertain.",
    )  # fmt: skip


def _booster_word(parsed: Parsed, t: Token) -> Cue | None:
    label, score = BOOSTER_WORDS[t.lower]
    if label == "intensifier" and grading(parsed, t):
        return None  # "severely damaged and totally destroyed", "the first truly free vote"
    prev = _prev_word(parsed, t)
    if prev is not None and prev.lower.replace("\u2019", "'") in NEGATORS:
        return None  # "not clearly", "wouldn't truly": negated certainty is no booster
    if label != "intensifier" and prev is not None and prev.lower in ALMOST_OR_MORE:
        return None  # "almost certainly", "reports more definitely": no insisting of ours
    if t.lower in MANNER_PRONE and parsed.has_parse:
        if prev is not None and prev.lower in ("but", "and") and t.lower == "surely":
            return None  # "slowly but surely"
        head = parsed.tokens[t.head]
        nxt = _next(parsed, t)
        after_verb = head.i < t.i and head.pos == "VERB" and head.lemma not in ("be", "have")
        if after_verb:
            if nxt is not None and nxt.lower == "that" and head.lemma not in SAYING_VERBS:
                score = min(score, 0.6)  # "show clearly that": likely still a booster
            else:
                return None  # "he spoke clearly", "it must be said clearly that": manner
        if t.dep == "conj":
            return None
        if manner_of_degree(parsed, t, prev, head):
            return None
        if t.lower in CONCEDING and conceding(parsed, t):
            score = min(score, 0.3)  # "Certainly, ... But ...": a concession, not insistence
    if label == "intensifier" and parsed.has_parse:
        head = parsed.tokens[t.head]
        if head.pos not in ("ADJ", "VERB", "ADV", "AUX", "NOUN") and t.dep != "advmod":
            score = min(score, 0.4)
    kind_detail = (
        "an intensifier that amplifies what follows."
        if label == "intensifier"
        else "an adverb that asserts certainty instead of showing evidence."
    )
    return Cue(
        t.start, t.end, "booster", label, score, "booster.lexicon", f"'{t.text}' is {kind_detail}"
    )  # fmt: skip


def _modal(parsed: Parsed, t: Token) -> Cue | None:
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
    first = _next(parsed, t)
    negated = first is not None and first.lower in NEGATORS
    end = t.end
    if perfect and nxt is not None:
        end = nxt.end
    if low == "could":
        if perfect:
            score = 0.75
        elif be and nxt2 is not None and nxt2.lower in ("sure", "certain"):
            return None  # "couldn't be sure": the phrase is the hedge, not the modal
        elif be and negated and nxt2 is not None and nxt2.tag in ("VBN", "VBG"):
            return None  # "could not be published", "could not be using": ability, leave
        elif be and ability(parsed, t):
            return None  # "neither could immediately be reached": ability, leave
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
    what = "a possibility, not a fact"
    other = non_epistemic(parsed, t, perfect)
    if low in ("may", "might") and _permission(parsed, t, nxt2 if be else None):
        score, what = 0.3, "possibly permission (or liability) rather than doubt"
    elif other is not None:
        score, what = 0.3, other
    elif _concessive(parsed, t):
        score, what = 0.3, "a concession ('strange as it may sound') rather than doubt"
    elif _indirect_question(parsed, t):
        score, what = 0.3, "a possibility inside a question, not a hedged claim"
    return Cue(
        t.start, end, "hedge", "modal", score, "hedge.modal", f"The modal '{t.text}' marks {what}."
    )


def _concessive(parsed: Parsed, t: Token) -> bool:
    """'Absurd as it may sound': "as" + pronoun + modal concedes, it does not doubt; so
    does a modal in a "while"/"although" clause ("while he may be a fan, ...") and one
    granting a point that a contrast after it overrides (:func:`_granted`)."""
    prev = _prev_word(parsed, t)
    before = _prev_word(parsed, prev) if prev is not None else None
    if (
        prev is not None
        and before is not None
        and prev.lower in ("it", "this", "that", "they", "he", "she")
        and before.lower == "as"
    ):
        return True
    if not parsed.has_parse:
        return False
    kids = parsed.children(t.head)
    if any(c.dep == "mark" and c.lower in CONCESSIVE_MARKS and c.i < t.i for c in kids):
        return True
    return _granted(parsed, t) and _contrast_after(parsed, t)


def _granted(parsed: Parsed, t: Token) -> bool:
    """The modal grants a point: "may" ("he may be a fan", "it may well work") or an
    unnegated "might"/"could" + "be" + what the subject is ("he might be a fan", "it could
    well be true"; not "could be revised": a possibility of an action). "That might not
    be a precise parallel, but ..." stays a hedge (the round-2 audit judged one so)."""
    if t.lower == "may":
        return True
    nxt = _next(parsed, t)
    if t.lower not in ("might", "could") or nxt is None or nxt.lower in NEGATORS:
        return False
    if nxt.lower == "well":
        nxt = _next(parsed, nxt)
    after = _next(parsed, nxt) if nxt is not None else None
    if any(c.dep == "expl" for c in parsed.children(t.head)):
        return False  # "there could be change": that something may come, no point granted
    return nxt is not None and nxt.lower == "be" and after is not None and after.tag[:2] != "VB"


def _contrast_after(parsed: Parsed, t: Token) -> bool:
    """A "but"/"yet" joins a clause to the modal's verb after it, or a "however" modifies
    that verb or the clause it opens ("he may be a fan; however, his record ..."); "may
    not have delivered (yet)" is no contrast."""
    head = parsed.tokens[t.head]
    verbs = [head]
    if head.dep in ("ccomp", "conj") and head.head > head.i:  # "however" parsed as the root's
        verbs.append(parsed.tokens[head.head])
    # "could be funny but still offensive": the contrast joins the predicate after "be"
    verbs += [c for c in parsed.children(head.i) if c.dep in ("acomp", "attr") and c.i > t.i]
    return any(
        c.i > t.i and CONTRASTS.get(c.lower) == c.dep  # not the adverb "yet" ("not done yet")
        for v in verbs
        for c in parsed.children(v.i)
    )


def _indirect_question(parsed: Parsed, t: Token) -> bool:
    """'Asked what the appeal might be', 'hard to see what an agenda might look like': the
    modal sits in a wh-clause (the word opens the verb's clause), asking, not hedging."""
    if not parsed.has_parse:
        return False
    wh = ("what", "how", "whether", "why")
    if any(c.lower in wh and c.i < t.i for c in parsed.children(t.head)):
        return True
    head = parsed.tokens[t.head]
    if head.dep == "ROOT":
        return False
    opener = parsed.token_at(parsed.subtree_span(head.i)[0])
    return opener is not None and opener < t.i and parsed.tokens[opener].lower in wh


def _permission(parsed: Parsed, t: Token, predicate: Token | None) -> bool:
    """'you may enter', 'May I ask?': the modal grants or asks permission; 'conditions
    under which members may vote' states a rule; 'may be subject to / liable / eligible'
    states a liability or entitlement, not a doubt."""
    if predicate is not None and predicate.lower in DEONTIC_PREDICATES:
        return True
    toks = parsed.tokens
    for j in range(t.i - 1, max(-1, t.i - 13), -1):
        if toks[j].text in (".", ";", ":", "?", "!"):
            break
        under_which = j > 0 and toks[j].lower == "which" and toks[j - 1].lower == "under"
        if under_which or toks[j].lower == "whereby":
            return True  # the rule clause of "the conditions under which members may vote"
    if not parsed.has_parse:
        return False
    subj = [c for c in parsed.children(t.head) if c.dep in ("nsubj", "nsubjpass")]
    if any(c.lower in ("you", "i") and c.i > t.i for c in subj):
        return True  # inverted: "May I ...", "may you ..."
    return any(c.lower == "you" for c in subj)


def _appearance(parsed: Parsed, t: Token) -> Cue | None:
    nxt = _next(parsed, t)
    if nxt is None:
        return None
    prev = _prev_word(parsed, t)
    if (prev is not None and prev.lower == "it") or failing(parsed, t):
        return None  # "it appears" is the phrase's; "can't seem to win": a failure, no doubt
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
    return Cue(
        t.start, end, "hedge", "appearance", score, "hedge.appearance",
        f"'{t.text}' reports an impression rather than an established fact.",
    )  # fmt: skip


# ----------------------------------------------------------------------------------------
# phrases


def phrase_cues(text: str, parsed: Parsed | None = None) -> Iterator[Cue]:
    """The set phrases of :data:`PHRASES` (regular expressions over the raw text); with
    ``parsed``, "the truth is" counts only when a clause follows."""
    for pattern, kind, label, score in PHRASES:
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
            if label == "emphatic_phrase" and _literal_subject(text, parsed, m.end()):
                continue
            if label == "emphatic_phrase" and conceding_course(text, m.start(), m.end()):
                continue  # "Of course, this is only speculation": a caveat conceded
            if label == "personal_hedge" and _conviction(text, m.start(), m.end()):
                continue
            if kind == "vague_attribution" and _first_person(text, m.start()):
                continue  # "I've often said": the writer's own word, no unnamed crowd
            if label == "reporting_hedge" and named_agent(text, m.end()):
                continue  # "it was said decades ago by Ann Lund": the speaker named
            if label == "appearance" and published(text, m.end()):
                continue  # "it appeared on a website": published, no impression
            if label == "common_knowledge" and informing(text, m.start()):
                continue  # "letting everyone know": informing
            yield Cue(m.start(), m.end(), kind, label, score, rule, detail)


def _literal_subject(text: str, parsed: Parsed | None, end: int) -> bool:
    """'The truth is the important thing', 'the truth is out': "the truth" is the subject
    of what follows, not a lead-in to a claim ("the truth is (that) we lost")."""
    if not re.search(r"\b(?:fact|truth|reality)\s+is$", text[max(0, end - 40) : end], re.I):
        return False
    if re.match(r"\s*(?:that\b|[,:;—–-]|\.\.\.|…)", text[end:]):
        return False
    if re.match(r"\s*(?:I|we|you|he|she|it|they|there)\b", text[end:], re.I):
        return False  # a clause follows: "the reality is it was ..."
    if parsed is None or not parsed.has_parse:
        return False
    i = parsed.token_at(end - 1)
    if i is None:
        return False
    kids = parsed.children(i)
    if any(c.dep in ("ccomp", "parataxis") for c in kids):
        return False
    return any(c.dep in ("attr", "acomp") or c.lower == "out" for c in kids)


def _first_person(text: str, start: int) -> bool:
    before = text[max(0, start - 16) : start]
    return bool(re.search(r"(?:\bI|\b[Ww]e)(?:['’](?:ve|d)|\s+(?:have|had))?\s+$", before))


def _conviction(text: str, start: int, end: int) -> bool:
    """'I did what I believe was right', 'we believe in': acting on a conviction, or a
    thing believed in, not a statement held back ("what I believe to be credible
    evidence" still hedges)."""
    before = text[max(0, start - 24) : start]
    if re.search(r"\b(?:do|does|did|done|doing)\s+what\s+$", before, re.I):
        return True
    return bool(re.match(r"\s+in\b", text[end:]))


# ----------------------------------------------------------------------------------------
# merging


def dedupe(cues: Iterable[Cue]) -> list[Cue]:
    """Within a kind, keep the longest of overlapping cues (then the highest score)."""
    ordered = sorted(cues, key=lambda c: (-(c.end - c.start), -c.score, c.start))
    taken: dict[str, set[int]] = {}
    kept: list[Cue] = []
    for c in ordered:
        chars = taken.setdefault(c.kind, set())
        if any(i in chars for i in range(c.start, c.end)):
            continue
        chars.update(range(c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))
