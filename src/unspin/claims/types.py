"""Claim types: the rules that find each feature of a sentence and the types it has.

Used by the ``claims`` analyzer (:mod:`unspin.claims.analyzer`, where the types and
features are documented); the word lists are in :mod:`unspin.claims.lexicon`, the
feature weights in :mod:`unspin.claims.head`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unspin.analyzer import Context
from unspin.claims.head import CAPS
from unspin.claims.lexicon import (
    ACCORDING_RE,
    CAUSAL_CONNECTIVE_RE,
    CAUSAL_VERBS,
    CHANGE_VERBS,
    EVENT_NOUNS,
    EVIDENCE_SUBJECTS,
    MISLEMMAS,
    OPINION_RE,
    PREDICTION_RE,
    QUOTE_SPANS,
    REPORTING,
    RESP_VERBS,
    RESP_VERBS_ANY,
    SUBJECTIVE,
    UNIVERSAL_RE,
)
from unspin.claims.pronoun_actor import resolved_actor
from unspin.claims.responsibility import (
    actor_end,
    bare_pronoun,
    cleft_rebuttal,
    directive_end,
    enabler,
    fragment,
    generic_act,
    habitual,
    no_one,
    not_agent,
    own_conduct,
    rebuttal,
    ruled_out,
    ruled_out_actor,
    than_actor,
    time_phrase,
    unasserted,
)
from unspin.claims.responsibility_limits import (
    comparison_end,
    duty,
    make_up,
    no_evidence,
    own_funding,
    possessor,
)
from unspin.claims.responsibility_scope import contrast_end, portion_of_field, self_inflicted
from unspin.frames.spans import SpanIndex
from unspin.model import JSON, Finding
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["TYPE_PRIORITY", "Slots", "is_shouting", "quote_spans", "sentence_features"]

#: Primary-label priority, first match wins (see the module docstring).
TYPE_PRIORITY: tuple[str, ...] = (
    "responsibility",
    "causal",
    "prediction",
    "numeric",
    "opinion",
    "quotation",
    "temporal",
)


@dataclass
class Slots:
    """What the rules found in one sentence: its claim types, the count of each feature
    (capped by :data:`CAPS`), the cue words and the role slots (actor/event, cause/effect)."""

    types: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    slots: dict[str, dict[str, JSON]] = field(default_factory=dict)

    def add(self, feature: str, n: int = 1, cue: str | None = None) -> None:
        cap = CAPS.get(feature, 1)
        self.counts[feature] = min(cap, self.counts.get(feature, 0) + n)
        if cue and cue not in self.cues:
            self.cues.append(cue)


def sentence_features(
    parsed: Parsed,
    sentence: Sentence,
    s_text: str,
    inside: Sequence[Finding],
    ents: set[str],
    quotes: SpanIndex,
    attributions: SpanIndex,
) -> Slots:
    """The claim types, feature counts, cues and slots of one sentence (``s_text``):
    ``inside`` are the quantity and date findings in it, ``ents`` the distinct names."""
    toks = parsed.sentence_tokens(sentence)
    st = Slots()

    qties = [f for f in inside if f.kind == "quantity"]
    dates = [f for f in inside if f.kind == "date"]
    if qties:
        st.types.add("numeric")
        st.add("quantity", cue=qties[0].text)
        if len(qties) > 1:
            st.add("extra_quantity", len(qties) - 1)
    if dates:
        st.types.add("temporal")
        st.add("date", cue=dates[0].text)

    if ents:
        st.add("named_entity", len(ents), cue=sorted(ents)[0])

    _reporting(parsed, toks, s_text, sentence, attributions, st)
    if quotes.overlaps(sentence.start, sentence.end):
        st.types.add("quotation")
        st.add("quotation")
    _responsibility(parsed, toks, sentence, st)
    _causal(parsed, toks, sentence, s_text, st)
    _prediction(toks, s_text, st)
    _style(parsed, toks, s_text, qties, st)

    opinion = any(
        f in st.counts for f in ("opinion_marker", "subjective", "universal", "normative")
    )
    if opinion:
        st.types.add("opinion")
    return st


# ----------------------------------------------------------------------------------------
# feature detectors


def is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters) and " " not in text.strip()


def quote_spans(ctx: Context) -> list[tuple[int, int]]:
    found = ctx.of_kind("quote")
    if found:
        return [(f.start, f.end) for f in found]
    spans = []
    for m in QUOTE_SPANS.finditer(ctx.text):
        inner = m.group()[1:-1]
        if len(inner.split()) >= 3:
            spans.append((m.start(), m.end()))
    return spans


def _reporting(
    parsed: Parsed,
    toks: Sequence[Token],
    s_text: str,
    sentence: Sentence,
    attributions: SpanIndex,
    st: Slots,
) -> None:
    m = ACCORDING_RE.search(s_text)
    if m:
        st.add("reporting_verb", cue=m.group())
        return
    if attributions.overlaps(sentence.start, sentence.end):
        st.add("reporting_verb")
        return
    for t in toks:
        if t.pos != "VERB":
            continue
        lemma = t.lemma.lower()
        if lemma in REPORTING:
            st.add("reporting_verb", cue=t.text)
            return
        if lemma in ("show", "find", "conclude"):
            subj = [c for c in parsed.children(t.i) if c.dep == "nsubj"]
            if any(c.lemma.lower() in EVIDENCE_SUBJECTS for c in subj):
                st.add("reporting_verb", cue=t.text)
                return


def _span(parsed: Parsed, i: int, sentence: Sentence, skip_first: bool = False) -> dict[str, JSON]:
    """The subtree of token ``i`` as a slot, clipped to the sentence, trimmed of punctuation."""
    s, e = parsed.subtree_span(i)
    s, e = max(s, sentence.start), min(e, sentence.end)
    text = parsed.text
    toks = parsed.tokens_in(s, e)
    if skip_first and toks:
        toks = toks[1:]
    while toks and (toks[0].pos == "PUNCT" or toks[0].lower in ("that", "because")):
        toks = toks[1:]
    while toks and toks[-1].pos == "PUNCT":
        toks = toks[:-1]
    if not toks:
        return {"text": text[s:e], "start": s, "end": e}
    s, e = toks[0].start, toks[-1].end
    return {"text": text[s:e], "start": s, "end": e}


def _chars(parsed: Parsed, s: int, e: int) -> dict[str, JSON] | None:
    toks = [t for t in parsed.tokens_in(s, e) if t.pos != "PUNCT"]
    if not toks:
        return None
    s, e = toks[0].start, toks[-1].end
    return {"text": parsed.text[s:e], "start": s, "end": e}


def _child(parsed: Parsed, i: int, *deps: str, lower: str | None = None) -> Token | None:
    for c in parsed.children(i):
        if c.dep in deps and (lower is None or c.lower == lower):
            return c
    return None


def _pobj(parsed: Parsed, i: int, prep: str) -> Token | None:
    """The object of token ``i``'s preposition ``prep``; not a time ("For decades, the
    ministry has blamed X for killing ..." -> "killing ...")."""
    for p in parsed.children(i):
        if p.dep in ("prep", "agent", "dative") and p.lower == prep:
            obj = _child(parsed, p.i, "pobj", "pcomp")
            if obj is not None and not time_phrase(obj):
                return obj
    return None


def _responsibility(parsed: Parsed, toks: Sequence[Token], sentence: Sentence, st: Slots) -> None:
    if not parsed.has_parse:
        return
    for t in toks:
        lemma = (
            MISLEMMAS.get(t.lemma.lower(), t.lemma.lower()) if t.pos == "VERB" else t.lemma.lower()
        )
        actor: Token | None = None
        event: Token | None = None
        cue = t.text
        head = parsed.tokens[t.head]
        if lemma == "behind" and t.dep == "prep" and head.lemma.lower() == "be":
            actor = _child(parsed, head.i, "nsubj")
            event = _child(parsed, t.i, "pobj")
            if event is not None and not _eventish(event):
                continue  # "the garden is behind the house": a place, not a deed
            cue = f"{head.text} behind"
        elif lemma == "responsible" and t.pos == "ADJ":
            event = _pobj(parsed, t.i, "for")
            verb = head if t.dep in ("acomp", "oprd") else None
            if verb is not None:
                actor = _child(parsed, verb.i, "nsubj", "nsubjpass")
            cue = "responsible for"
        elif lemma == "responsibility" and head.lemma.lower() in (
            "claim",
            "take",
            "accept",
            "bear",
            "admit",
        ):
            actor = _child(parsed, head.i, "nsubj")
            event = _pobj(parsed, t.i, "for") or _pobj(parsed, head.i, "for")
            cue = f"{head.text} responsibility"
        elif lemma == "blame" and t.pos == "VERB":
            if _child(parsed, t.i, "auxpass") is not None:
                on = _pobj(parsed, t.i, "on")
                if on is not None:  # "Y was blamed on X"
                    actor, event = on, _child(parsed, t.i, "nsubjpass")
                else:  # "X was blamed for Y"
                    actor, event = _child(parsed, t.i, "nsubjpass"), _pobj(parsed, t.i, "for")
            elif _child(parsed, t.i, "aux", lower="to") is not None and head.lemma.lower() == "be":
                actor, event = _child(parsed, head.i, "nsubj"), _pobj(parsed, t.i, "for")
            else:  # "A blamed X for Y"
                actor, event = _child(parsed, t.i, "dobj"), _pobj(parsed, t.i, "for")
        elif lemma == "accuse" and t.pos == "VERB":
            if _child(parsed, t.i, "auxpass") is not None:
                actor = _child(parsed, t.i, "nsubjpass")
            else:
                actor = _child(parsed, t.i, "dobj")
            event = _pobj(parsed, t.i, "of")
        elif t.pos == "VERB" and lemma in RESP_VERBS:
            if lemma == "carry" and _child(parsed, t.i, "prt", lower="out") is None:
                continue
            if _child(parsed, t.i, "auxpass") is not None:
                actor = _pobj(parsed, t.i, "by")
                event = _child(parsed, t.i, "nsubjpass")
            else:
                actor = _child(parsed, t.i, "nsubj")
                event = _child(parsed, t.i, "dobj")
            if event is not None and lemma not in RESP_VERBS_ANY and not _eventish(event):
                continue  # "staged a play", "funded the school"
            cue = f"{t.text} out" if lemma == "carry" else t.text
        else:
            continue
        if actor is None or event is None or actor.lower in ("it", "this", "that", "which", "who"):
            continue
        if bare_pronoun(event):  # "the raids that they carried out": the event is "that"
            continue
        slots = _checked_slots(parsed, sentence, t, actor, event)
        if slots is None:
            continue
        st.types.add("responsibility")
        st.add("responsibility", cue=cue)
        st.slots.setdefault("actor", slots[0])
        st.slots.setdefault("event", slots[1])
        return


def _checked_slots(
    parsed: Parsed, sentence: Sentence, cue: Token, actor: Token, event: Token
) -> tuple[dict[str, JSON], dict[str, JSON]] | None:
    """The actor and event slots of a responsibility reading after the checks of
    :mod:`unspin.claims.responsibility`; None when the sentence does not claim it."""
    denied, other = rebuttal(parsed, sentence, cue, actor, event)  # "..., but Y did it"
    excluded, instead = ruled_out_actor(parsed, actor)  # "Not X but Y did it"
    than = than_actor(parsed, sentence, cue, actor)  # "no one is more to blame than Y"
    if than is not None:
        actor = _child(parsed, than.i, "pobj") or actor
    if (
        ((denied or ruled_out(parsed, cue)) and other is None)
        or (excluded and instead is None)
        or own_conduct(parsed, event)
        or habitual(parsed, cue, event)
        or time_phrase(event)
        or no_one(parsed, event)  # "committed no crime"
        or no_one(parsed, actor)  # "nobody carried out the raid"
        or not_agent(actor)  # "his small nose was to blame for ..."
        or fragment(parsed, event)  # "accused of sleeping with" (the object elsewhere)
        or unasserted(parsed, cue, event)  # "if he orders it", "before he has committed any"
        or generic_act(parsed, cue)  # "Blaming the farmers for the floods is offensive"
        or duty(parsed, cue, event)  # "responsible for the security of", "would be ..."
        or no_evidence(parsed, cue)  # "no evidence that X was behind it"
        or own_funding(parsed, cue, event)  # "self-funding his campaign", "fund education"
        or make_up(parsed, cue, event)  # "accused the audience of consisting of donors"
        or possessor(parsed, event)  # "blamed the media for Lee's 'quoted words' flap"
        or portion_of_field(parsed, cue, event)  # "responsible for a bit of the policy"
        or self_inflicted(parsed, event)  # "blaming others for his self-inflicted wounds"
    ):
        return None
    actor = instead or actor
    event_slot = _span(parsed, event.i, sentence)
    ordered = directive_end(parsed, cue, event)
    compared = comparison_end(parsed, event)  # "its reporting more than his own ..."
    if compared is not None and compared < int(event_slot["end"]):
        event_slot = _chars(parsed, int(event_slot["start"]), compared) or event_slot
    contrasted = contrast_end(parsed, event, int(event_slot["end"]))  # "..., while Y says"
    if contrasted is not None:
        event_slot = _chars(parsed, int(event_slot["start"]), contrasted) or event_slot
    if than is not None and than.start < int(event_slot["end"]):  # "... than X and Y"
        event_slot = _chars(parsed, int(event_slot["start"]), than.start) or event_slot
    elif ordered is not None:  # "ordered the agency to hold hearings"
        event_slot = _chars(parsed, cue.start, min(ordered, sentence.end)) or event_slot
    enabled = enabler(parsed, cue)
    if enabled is not None:  # "the officials allowed him to commit the crime"
        by, verb = enabled
        if by is None or ruled_out(parsed, verb):
            return None
        actor = by
        got = _chars(parsed, verb.start, min(parsed.subtree_span(cue.i)[1], sentence.end))
        event_slot = got or event_slot
    actor_stop = sentence.end
    cleft = cleft_rebuttal(parsed, sentence, event)
    if cleft is not None:  # "X was accused of softening it ... it was Y who softened it"
        actor, rel, verb = cleft
        got = _chars(parsed, rel.end, min(parsed.subtree_span(verb.i)[1], sentence.end))
        event_slot = got or event_slot
        actor_stop = rel.start
    elif other is not None:  # "X was blamed for the leak, but Y leaked the file"
        actor, verb = other
        if verb.lemma.lower() != "do":
            got = _chars(parsed, verb.start, min(parsed.subtree_span(verb.i)[1], sentence.end))
            event_slot = got or event_slot
        actor_stop = verb.start
    actor_slot = _span(parsed, actor.i, sentence)
    cut = actor_end(parsed, actor, min(int(actor_slot["end"]), actor_stop))
    if cut != int(actor_slot["end"]):  # "rogue guards, not the ruling family"
        actor_slot = _chars(parsed, int(actor_slot["start"]), cut) or actor_slot
    actor_slot = resolved_actor(parsed, sentence, actor, _whole(parsed, actor_slot))  # "he"
    return actor_slot, _whole(parsed, event_slot)


def _whole(parsed: Parsed, slot: dict[str, JSON]) -> dict[str, JSON]:
    """The slot without a dangling conjunction at its end ("the files released by the
    office (TO) and", where the parse took the second conjunct elsewhere)."""
    toks = list(parsed.tokens_in(int(slot["start"]), int(slot["end"])))
    if len(toks) < 2 or toks[-1].dep != "cc":
        return slot
    toks.pop()
    while len(toks) > 1 and toks[-1].lower in (",", ";", "-", "–", "—"):
        toks.pop()
    s, e = toks[0].start, toks[-1].end
    return {"text": parsed.text[s:e], "start": s, "end": e}


def _eventish(t: Token) -> bool:
    """A noun naming a deed or an event ("the bombing", "the leak"), not a thing or place."""
    lemma = t.lemma.lower()
    return lemma in EVENT_NOUNS or (
        t.pos == "NOUN" and bool(re.search(r"(?:ing|tion|sion|ment|age|ure)$", lemma))
    )


def _causal(
    parsed: Parsed, toks: Sequence[Token], sentence: Sentence, s_text: str, st: Slots
) -> None:
    if parsed.has_parse:
        for t in toks:
            if _causal_token(parsed, t, sentence, st):
                st.types.add("causal")
                st.add("causal")
                return
    m = CAUSAL_CONNECTIVE_RE.search(s_text)
    if m:
        st.types.add("causal")
        st.add("causal", cue=m.group())


def _causal_token(parsed: Parsed, t: Token, sentence: Sentence, st: Slots) -> bool:
    lemma = t.lemma.lower()
    cause: Token | None = None
    effect: Token | None = None
    cue = t.text
    if t.pos == "VERB" and lemma in CAUSAL_VERBS | {"lead", "result", "contribute"}:
        passive = _child(parsed, t.i, "auxpass") is not None
        if lemma in ("lead", "contribute"):
            if _child(parsed, t.i, "dobj") is not None:
                return False  # "she led the team to victory": guiding, not causing
            effect, cause = _pobj(parsed, t.i, "to"), _child(parsed, t.i, "nsubj")
            cue = f"{t.text} to"
        elif lemma == "result":
            if (o := _pobj(parsed, t.i, "in")) is not None:
                effect, cause = o, _child(parsed, t.i, "nsubj")
                cue = f"{t.text} in"
            elif (o := _pobj(parsed, t.i, "from")) is not None:
                cause, effect = o, _child(parsed, t.i, "nsubj")
                cue = f"{t.text} from"
        elif passive:
            cause, effect = _pobj(parsed, t.i, "by"), _child(parsed, t.i, "nsubjpass")
        else:
            cause, effect = _child(parsed, t.i, "nsubj"), _child(parsed, t.i, "dobj", "ccomp")
        if lemma in ("produce", "create") and (cause is None or cause.pos == "PRON"):
            return False
        if cause is None or effect is None:
            return False
        st.add("causal", cue=cue)
        st.slots.setdefault("cause", _span(parsed, cause.i, sentence))
        st.slots.setdefault("effect", _span(parsed, effect.i, sentence))
        xcomp = _child(parsed, t.i, "xcomp")  # "caused prices to rise"
        if xcomp is not None and "effect" in st.slots:
            eff = st.slots["effect"]
            end = max(int(eff["end"]), parsed.subtree_span(xcomp.i)[1])
            got = _chars(parsed, int(eff["start"]), min(end, sentence.end))
            if got:
                st.slots["effect"] = got
        return True
    if t.lower == "because" and t.dep == "mark":
        clause = parsed.tokens[t.head]
        cause_slot = _span(parsed, clause.i, sentence)
        effect_slot = _rest(
            parsed, sentence, int(cause_slot["start"]) - len("because "), int(cause_slot["end"])
        )
        st.add("causal", cue="because")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    pair = None
    nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
    if (
        nxt is not None
        and t.lower in ("because", "due", "owing", "thanks")
        and nxt.lower in ("of", "to")
        and not (t.lower == "thanks" and t.i > 0 and parsed.tokens[t.i - 1].lower == "no")
    ):  # "no thanks to the mayor": in spite of her
        pair = (t, nxt)
    if pair is not None:
        obj = _child(parsed, pair[1].i, "pobj") or _child(parsed, pair[0].i, "pobj")
        if obj is None:
            return False
        cause_slot = _span(parsed, obj.i, sentence)
        effect_slot = _rest(parsed, sentence, pair[0].start, int(cause_slot["end"]))
        st.add("causal", cue=f"{pair[0].text} {pair[1].text}")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    return False


_WH_WORDS = frozenset({"what", "how", "which", "when", "where", "whether", "who", "whom", "if"})


def _in_question(parsed: Parsed, modal: Token) -> bool:
    """The modal is in an embedded question ("information on what employers should do",
    "asked whether the council should resign"): it says what was asked, not that it
    should be."""
    verb = parsed.tokens[modal.head]
    if verb.dep not in ("pcomp", "ccomp", "xcomp", "pobj", "dobj"):
        return False
    first = parsed.token_at(parsed.subtree_span(verb.i)[0])
    return first is not None and parsed.tokens[first].lower in _WH_WORDS


def _rest(
    parsed: Parsed, sentence: Sentence, cut_start: int, cut_end: int
) -> dict[str, JSON] | None:
    """The part of the sentence outside ``[cut_start, cut_end)``: the other side of a connective."""
    before = _chars(parsed, sentence.start, max(sentence.start, cut_start))
    after = _chars(parsed, cut_end, sentence.end)
    if before and (
        not after
        or int(before["end"]) - int(before["start"]) >= int(after["end"]) - int(after["start"])
    ):
        return before
    return after


def _prediction(toks: Sequence[Token], s_text: str, st: Slots) -> None:
    reported = any(t.lemma.lower() in REPORTING and t.pos == "VERB" for t in toks)
    for t in toks:
        low = t.lower
        if t.tag == "MD" and (
            low in ("will", "'ll", "shall", "wo") or (low == "would" and reported)
        ):
            st.types.add("prediction")
            st.add("prediction", cue=t.text)
            return
    m = PREDICTION_RE.search(s_text)
    if m:
        st.types.add("prediction")
        st.add("prediction", cue=m.group())


def _style(
    parsed: Parsed, toks: Sequence[Token], s_text: str, qties: Iterable[Finding], st: Slots
) -> None:
    qspans = [(f.start, f.end) for f in qties]
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE") and t.text.strip()]
    for t in toks:
        low = t.lower
        if t.tag in ("JJR", "JJS", "RBR", "RBS") and not any(s <= t.start < e for s, e in qspans):
            prev = parsed.tokens[t.i - 1] if t.i > 0 else None
            at_bound = (
                low in ("least", "most", "more", "less") and prev is not None and prev.lower == "at"
            )
            bare_more = low in ("more", "less", "most") and t.tag not in ("JJS", "RBS")
            if not at_bound and not bare_more:
                st.add("comparative", cue=t.text)
        if t.pos == "VERB" and t.lemma.lower() in CHANGE_VERBS:
            st.add("change_verb", cue=t.text)
        if low in SUBJECTIVE or t.lemma.lower() in SUBJECTIVE:
            st.add("subjective", cue=t.text)
        if t.tag == "MD" and low in ("should", "must", "ought", "shouldn't", "mustn't"):
            nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
            if not (low == "must" and nxt is not None and nxt.lower == "have") and not (
                _in_question(parsed, t)
            ):
                st.add("normative", cue=t.text)
    m = OPINION_RE.search(s_text)
    if m:
        st.add("opinion_marker", cue=m.group())
    m = UNIVERSAL_RE.search(s_text)
    if m:
        st.add("universal", cue=m.group())
    if s_text.rstrip("\"'”’»)] ").endswith("?"):
        st.add("question", cue="?")
    if len(words) < 5:
        st.add("short")
    if parsed.has_parse and words:
        root = next((t for t in toks if t.dep == "ROOT"), None)
        first = words[0]
        if first.lower in ("please", "do", "don't", "just") and len(words) > 1:
            first = words[1]
        if (
            root is not None
            and first.i == root.i
            and root.tag == "VB"
            and not any(c.dep in ("nsubj", "nsubjpass", "expl") for c in parsed.children(root.i))
        ):
            st.add("imperative", cue=root.text)
        if root is not None and "question" not in st.counts and "imperative" not in st.counts:
            subj = any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(root.i))
            perfect = root.tag == "VBN" and any(
                c.dep == "aux" and c.lemma.lower() == "have" for c in parsed.children(root.i)
            )
            passive_past = root.tag == "VBN" and any(
                c.dep == "auxpass" and c.tag == "VBD" for c in parsed.children(root.i)
            )
            if subj and (root.tag == "VBD" or perfect or passive_past):
                st.add("factual_past", cue=root.text)
