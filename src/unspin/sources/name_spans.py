"""Where a recognised name begins and ends, when the recogniser or the parse drew it
wrong, for :func:`~unspin.sources.named_mentions.named_mention`.

:func:`without_verb` drops a verb the recogniser took in at a name's end ("Pope Leo XIII
explained"); :func:`past_abbreviation` runs a short abbreviated title on to the name after
it ("Det. Ann Lund"); :func:`titled_person` finds the person named after a title the parse
made the head ("Supervisor of Elections Mark Dahl"); :func:`coordinated_end` is the end of
the names joined to one by "and" ("Ann Lund and Bo Vik").
"""

from __future__ import annotations

from unspin.nlp import Entity, Parsed, Token
from unspin.sources.full_names import title_holder
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import PERSON_HEADS

__all__ = ["coordinated_end", "held_title", "past_abbreviation", "titled_person", "without_verb"]


def without_verb(parsed: Parsed, ent: Entity) -> Entity:
    """The entity without a lowercase verb the recogniser took in at its end ("Pope Leo
    XIII explained"): the reporting verb, never part of a name."""
    toks = parsed.tokens
    last = ent.last - 1
    if ent.last - ent.first < 2 or last >= len(toks):
        return ent
    t = toks[last]
    if not (t.pos in ("VERB", "AUX") and t.tag.startswith("VB") and t.text.islower()):
        return ent
    end = toks[last - 1].end
    return Entity(ent.start, end, ent.label, parsed.text[ent.start : end], ent.first, last)


def past_abbreviation(ix: ParseIndex, ent: Entity) -> Entity:
    """An entity that is only a short abbreviated title ("Det" of "Det. Ann Lund"), the
    full stop read as a sentence end, run on to the person's name after it."""
    toks = ix.parsed.tokens
    k = ent.first
    if ent.last - k != 1 or k + 2 >= len(toks):
        return ent
    word, stop, nxt = toks[k], toks[k + 1], toks[k + 2]
    if not (
        word.text.isalpha()
        and word.text[:1].isupper()
        and 2 <= len(word.text) <= 4
        and stop.text == "."
        and stop.start == word.end
        and nxt.start == stop.end + 1
    ):
        return ent
    person = ix.entity_at(nxt.i)
    if person is None or person.label != "PERSON" or person.first != nxt.i:
        return ent
    if person.last - person.first < 2:
        return ent  # a first name and a surname after the title, or no run-on
    text = ix.parsed.text[ent.start : person.end]
    return Entity(ent.start, person.end, "PERSON", text, ent.first, person.last)


def titled_person(ix: ParseIndex, h: Token, ent: Entity) -> Entity | None:
    """The person named right after a title that the parse made the head ("Bay County
    Supervisor of Elections Mark Dahl": "Supervisor" with "Mark Dahl" in apposition, no
    comma between; "Ambassador to the UN Kay Rowe": the title held to a body, see
    :func:`~unspin.sources.full_names.title_holder`), if any."""
    toks = ix.parsed.tokens
    if ent.label == "PERSON":
        return None
    if ent.first >= 2 and toks[ent.first - 1].lower == "to":
        # "Ambassador to the UN Kay Rowe told": one organisation to the recogniser
        held = title_holder(ix, ent.first - 2)
        if held is not None and held.first <= h.i < held.last:
            return held
    if not (h.lower in PERSON_HEADS or h.lower.endswith(("or", "er"))):
        return None
    for c in ix.kids(h.i, "appos"):
        person = ix.entity_at(c.i)
        if (
            person is not None
            and person.label == "PERSON"
            and person.first > h.i
            and person.last - 1 == c.i
            and not any(t.pos == "PUNCT" for t in toks[h.i + 1 : person.first])
        ):
            return person
    return title_holder(ix, h.i)  # "US Ambassador to the UN Kay Rowe, ..., told"


def held_title(ix: ParseIndex, ent: Entity) -> int | None:
    """The token of the title a recognised person holds to a body or a place named before
    the name ("Ambassador" of "Ambassador to the United Nations Kay Rowe"), if any."""
    for title in range(ent.first - 3, max(ent.first - 8, -1), -1):
        held = title_holder(ix, title)
        if held is not None and (held.first, held.last) == (ent.first, ent.last):
            return title
    return None


def coordinated_end(ix: ParseIndex, ent: Entity, sub: tuple[int, int]) -> int | None:
    """The last token of the names joined to ``ent`` by "and" ("Ann Lund[, Bo Vik] and
    Eva Holm"), when every one is a run of capitalised proper nouns inside the speaker's
    phrase that the parse hangs on the list (conjunct or apposition); ``None`` else."""
    toks = ix.parsed.tokens
    j, last = ent.last, None
    while j <= sub[1]:
        k = j + 1 if toks[j].text == "," else j
        joined = k <= sub[1] and toks[k].lower in ("and", "&")
        k += joined
        r = k
        while r <= sub[1] and toks[r].pos == "PROPN" and toks[r].text[:1].isupper():
            r += 1
        if k == j or r == k or not any(toks[x].dep in ("conj", "appos") for x in range(k, r)):
            return None
        single = ix.entity_at(k)
        if r - k < 2 and (single is None or single.label != "PERSON"):
            return None  # a lone word ("and Sons"): no one's full name
        last, j = r - 1, r
        if joined:
            return last
    return None
