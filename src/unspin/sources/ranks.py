"""A military or police rank shortened before a person's name ("Army Capt. Ann Lund",
"Air Force 1st Lt. Bo Vik"): the recogniser takes the words up to the rank for a body
("Army Capt", "Air Force 1st") and the full stop for a sentence end; the mention runs on
to the person named right after the rank (:func:`past_rank`)."""

from __future__ import annotations

from unspin.nlp import Entity
from unspin.sources.parse_index import ParseIndex
from unspin.sources.roles import role_text
from unspin.sources.speakers import Mention

__all__ = ["RANKS", "past_rank", "rank_role"]

#: Ranks and titles written short before a name ("Capt.", "Lt.", "Sgt.").
RANKS = frozenset(
    {"pvt", "pfc", "spc", "cpl", "sgt", "ssgt", "msgt", "lt", "capt", "maj", "col", "gen",
     "adm", "cmdr", "cdr", "brig", "ens", "det", "insp", "supt", "lieut", "cpt", "sfc"}
)  # fmt: skip


def past_rank(ix: ParseIndex, ent: Entity) -> Entity | None:
    """The person named by two words or more after the shortened rank that ``ent`` (no
    person's name) ends with ("Army Capt" + ". Ann Lund") or that follows it ("Air Force
    1st" + "Lt. Ann Lund"); else None."""
    toks = ix.parsed.tokens
    if ent.label == "PERSON":
        return None
    k = ent.last - 1  # the rank: the entity's last word, or the word after it
    if toks[k].lower not in RANKS:
        k += 1
    if k + 2 >= len(toks) or toks[k].lower not in RANKS or not toks[k].text[:1].isupper():
        return None
    stop, nxt = toks[k + 1], toks[k + 2]
    if stop.text != "." or stop.start != toks[k].end or nxt.start != stop.end + 1:
        return None
    if k >= ent.last and toks[k].start != toks[ent.last - 1].end + 1:
        return ent  # the rank right after the entity, one space between
    person = ix.entity_at(nxt.i)
    if person is None or person.label != "PERSON" or person.first != nxt.i:
        return None
    return person if person.last - person.first >= 2 else None


def rank_role(m: Mention, words: str) -> Mention:
    """``m`` with the rank's words (``"Army Capt."``) as its role when it has none."""
    m.role = m.role or role_text(words)
    return m
