"""The responsibility reading of a sentence for the ``claims`` analyzer: a cue ("carried
out", "responsible for", "blamed ... for", "accused ... of", "behind") with its actor and
event, read from the parse, kept only when the checks of
:mod:`unspin.claims.responsibility`, :mod:`unspin.claims.responsibility_limits` and
:mod:`unspin.claims.responsibility_scope` say the sentence claims it; its slots are cut
where the event or the actor stops, a pronoun actor resolved
(:mod:`unspin.claims.pronoun_actor`). Asked by :mod:`unspin.claims.types`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from unspin.claims.lexicon import EVENT_NOUNS, MISLEMMAS, RESP_VERBS, RESP_VERBS_ANY
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
from unspin.claims.slot_spans import char_slot, child, prep_object, token_slot
from unspin.model import JSON
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["responsibility_reading"]


def responsibility_reading(
    parsed: Parsed, toks: Sequence[Token], sentence: Sentence
) -> tuple[str, dict[str, JSON], dict[str, JSON]] | None:
    """The first responsibility reading of the sentence's tokens ``toks``: its cue ("carried
    out", "responsible for", "blamed ... for"), actor slot and event slot; None when the
    sentence claims none."""
    if not parsed.has_parse:
        return None
    for t in toks:
        lemma = (
            MISLEMMAS.get(t.lemma.lower(), t.lemma.lower()) if t.pos == "VERB" else t.lemma.lower()
        )
        actor: Token | None = None
        event: Token | None = None
        cue = t.text
        head = parsed.tokens[t.head]
        if lemma == "behind" and t.dep == "prep" and head.lemma.lower() == "be":
            actor = child(parsed, head.i, "nsubj")
            event = child(parsed, t.i, "pobj")
            if event is not None and not _eventish(event):
                continue  # "the garden is behind the house": a place, not a deed
            cue = f"{head.text} behind"
        elif lemma == "responsible" and t.pos == "ADJ":
            event = prep_object(parsed, t.i, "for")
            verb = head if t.dep in ("acomp", "oprd") else None
            if verb is not None:
                actor = child(parsed, verb.i, "nsubj", "nsubjpass")
            cue = "responsible for"
        elif lemma == "responsibility" and head.lemma.lower() in (
            "claim",
            "take",
            "accept",
            "bear",
            "admit",
        ):
            actor = child(parsed, head.i, "nsubj")
            event = prep_object(parsed, t.i, "for") or prep_object(parsed, head.i, "for")
            cue = f"{head.text} responsibility"
        elif lemma == "blame" and t.pos == "VERB":
            if child(parsed, t.i, "auxpass") is not None:
                on = prep_object(parsed, t.i, "on")
                if on is not None:  # "Y was blamed on X"
                    actor, event = on, child(parsed, t.i, "nsubjpass")
                else:  # "X was blamed for Y"
                    actor, event = child(parsed, t.i, "nsubjpass"), prep_object(parsed, t.i, "for")
            elif child(parsed, t.i, "aux", lower="to") is not None and head.lemma.lower() == "be":
                actor, event = child(parsed, head.i, "nsubj"), prep_object(parsed, t.i, "for")
            else:  # "A blamed X for Y"
                actor, event = child(parsed, t.i, "dobj"), prep_object(parsed, t.i, "for")
        elif lemma == "accuse" and t.pos == "VERB":
            if child(parsed, t.i, "auxpass") is not None:
                actor = child(parsed, t.i, "nsubjpass")
            else:
                actor = child(parsed, t.i, "dobj")
            event = prep_object(parsed, t.i, "of")
        elif t.pos == "VERB" and lemma in RESP_VERBS:
            if lemma == "carry" and child(parsed, t.i, "prt", lower="out") is None:
                continue
            if child(parsed, t.i, "auxpass") is not None:
                actor = prep_object(parsed, t.i, "by")
                event = child(parsed, t.i, "nsubjpass")
            else:
                actor = child(parsed, t.i, "nsubj")
                event = child(parsed, t.i, "dobj")
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
        return cue, slots[0], slots[1]
    return None


def _checked_slots(
    parsed: Parsed, sentence: Sentence, cue: Token, actor: Token, event: Token
) -> tuple[dict[str, JSON], dict[str, JSON]] | None:
    """The actor and event slots of a responsibility reading after the checks of
    :mod:`unspin.claims.responsibility`; None when the sentence does not claim it."""
    denied, other = rebuttal(parsed, sentence, cue, actor, event)  # "..., but Y did it"
    excluded, instead = ruled_out_actor(parsed, actor)  # "Not X but Y did it"
    than = than_actor(parsed, sentence, cue, actor)  # "no one is more to blame than Y"
    if than is not None:
        actor = child(parsed, than.i, "pobj") or actor
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
    event_slot = token_slot(parsed, event.i, sentence)
    ordered = directive_end(parsed, cue, event)
    compared = comparison_end(parsed, event)  # "its reporting more than his own ..."
    if compared is not None and compared < int(event_slot["end"]):
        event_slot = char_slot(parsed, int(event_slot["start"]), compared) or event_slot
    contrasted = contrast_end(parsed, event, int(event_slot["end"]))  # "..., while Y says"
    if contrasted is not None:
        event_slot = char_slot(parsed, int(event_slot["start"]), contrasted) or event_slot
    if than is not None and than.start < int(event_slot["end"]):  # "... than X and Y"
        event_slot = char_slot(parsed, int(event_slot["start"]), than.start) or event_slot
    elif ordered is not None:  # "ordered the agency to hold hearings"
        event_slot = char_slot(parsed, cue.start, min(ordered, sentence.end)) or event_slot
    enabled = enabler(parsed, cue)
    if enabled is not None:  # "the officials allowed him to commit the crime"
        by, verb = enabled
        if by is None or ruled_out(parsed, verb):
            return None
        actor = by
        got = char_slot(parsed, verb.start, min(parsed.subtree_span(cue.i)[1], sentence.end))
        event_slot = got or event_slot
    actor_stop = sentence.end
    cleft = cleft_rebuttal(parsed, sentence, event)
    if cleft is not None:  # "X was accused of softening it ... it was Y who softened it"
        actor, rel, verb = cleft
        got = char_slot(parsed, rel.end, min(parsed.subtree_span(verb.i)[1], sentence.end))
        event_slot = got or event_slot
        actor_stop = rel.start
    elif other is not None:  # "X was blamed for the leak, but Y leaked the file"
        actor, verb = other
        if verb.lemma.lower() != "do":
            got = char_slot(parsed, verb.start, min(parsed.subtree_span(verb.i)[1], sentence.end))
            event_slot = got or event_slot
        actor_stop = verb.start
    actor_slot = token_slot(parsed, actor.i, sentence)
    cut = actor_end(parsed, actor, min(int(actor_slot["end"]), actor_stop))
    if cut != int(actor_slot["end"]):  # "rogue guards, not the ruling family"
        actor_slot = char_slot(parsed, int(actor_slot["start"]), cut) or actor_slot
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
