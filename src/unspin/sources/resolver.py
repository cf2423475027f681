"""Resolution of later references to a speaker named earlier in the text.

Surnames and acronyms map to the full name seen earlier ("Lund" -> "Maria Lund"),
definite role nouns to the named person who holds the role ("the spokeswoman"), and
pronouns to the nearest fitting antecedent.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from unspin.sources.lexicon import (
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
)
from unspin.sources.speakers import Mention, acronym

__all__ = ["Known", "Resolver"]


@dataclass
class Known:
    """A named antecedent candidate: an entity or speaker seen at ``start``."""

    start: int
    end: int
    name: str
    entity_type: str  # "person" | "organisation" | "outlet" | "group" (unnamed, plural)
    source_type: str
    is_subject: bool
    sentence: int
    role: str | None
    gender: str | None = None


class Resolver:
    """Canonical names for later references: surnames, acronyms, role nouns and pronouns.

    It is fed named mentions (entities and speakers) in text order; lookups only see
    what was fed before the position asked about.
    """

    def __init__(self, author: str | None = None) -> None:
        self.author = author
        self.known: list[Known] = []
        self._starts: list[int] = []
        self.gender: dict[str, str] = {}

    def add(self, k: Known) -> None:
        pos = bisect_left(self._starts, k.start)
        if pos < len(self._starts) and self._starts[pos] == k.start:
            return
        self._starts.insert(pos, k.start)
        self.known.insert(pos, k)
        if k.gender and k.entity_type == "person":
            self.gender.setdefault(k.name, k.gender)

    def add_mention(self, m: Mention, sentence: int) -> None:
        if m.source_type == "anonymous" and m.plural and m.kind == "noun":
            self.add(
                Known(m.start, m.end, "", "group", m.source_type, m.is_subject, sentence, m.role)
            )
            return
        if m.name and m.entity_type in ("person", "organisation", "outlet"):
            self.add(
                Known(
                    m.start,
                    m.end,
                    m.name,
                    m.entity_type,
                    m.source_type,
                    m.is_subject,
                    sentence,
                    m.role,
                )
            )
            if m.gender and m.entity_type == "person":
                self.gender.setdefault(m.name, m.gender)

    def before(self, pos: int) -> list[Known]:
        return self.known[: bisect_left(self._starts, pos)]

    # -- names ---------------------------------------------------------------------

    def canonical(self, m: Mention) -> None:
        """Map a surname or acronym to the full name seen earlier (sets ``resolved_from``)."""
        if not m.name or m.kind != "name":
            return
        words = m.name.split()
        if len(words) == 1 and not (m.entity_type != "person" and words[0].isupper()):
            # a surname ("Lund") maps to the full name; the recogniser's label (it often
            # takes a lone surname for an organisation) gives way to the earlier person
            target = words[0].lower()
            for k in reversed(self.before(m.start)):
                kw = k.name.split()
                if k.entity_type == "person" and len(kw) >= 2 and kw[-1].lower() == target:
                    self._alias(m, k)
                    return
        if m.entity_type in ("organisation", "outlet") and len(words) == 1 and words[0].isupper():
            for k in reversed(self.before(m.start)):
                if (
                    k.entity_type in ("organisation", "outlet")
                    and acronym(k.name.split()) == words[0]
                ):
                    self._alias(m, k)
                    return

    def _alias(self, m: Mention, k: Known) -> None:
        m.name = k.name
        m.resolved_from = "alias"
        m.rule = "speaker.alias"
        m.antecedent = (k.start, k.end)
        m.role = m.role or k.role
        m.score = min(m.score, 0.85)
        if k.entity_type == "outlet":
            m.source_type, m.entity_type = "media_outlet", "outlet"
        elif k.entity_type == "person":
            m.source_type, m.entity_type = "named_person", "person"
        else:
            m.source_type, m.entity_type = "named_organisation", "organisation"

    def definite_noun(self, m: Mention) -> None:
        """ "the spokeswoman" / "the authority": the named holder of that role or name."""
        if m.kind != "noun" or not m.definite or not m.head_word or (m.name and m.resolved_from):
            return
        head = m.head_word
        if (m.source_type in ("anonymous",) and m.rule in ("speaker.unnamed-person",)) or (
            head in REPRESENTATIVE_NOUNS and m.name is None
        ):
            for k in reversed(self.before(m.start)[-30:]):
                if k.entity_type == "person" and k.role and head in k.role.lower().split():
                    m.name, m.role = k.name, k.role
                    m.source_type, m.entity_type = "named_person", "person"
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.65
                    m.rule = "speaker.role-alias"
                    return
        if m.source_type == "named_organisation" and m.rule == "speaker.organisation":
            for k in reversed(self.before(m.start)[-30:]):
                if k.entity_type == "organisation" and head in k.name.lower().split():
                    m.name = k.name
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.7
                    m.rule = "speaker.name-alias"
                    return

    # -- pronouns ------------------------------------------------------------------

    def pronoun(self, m: Mention, sentence: int) -> None:
        """Resolve a pronoun speaker to the nearest fitting antecedent, or leave it open."""
        low = m.head_word
        want = PRONOUNS.get(low)
        m.resolved_from = "pronoun"
        if want == "first":
            if self.author:
                m.name, m.source_type, m.entity_type = self.author, "named_person", "person"
                m.score, m.rule = 0.6, "speaker.author"
            else:
                m.score, m.rule = 0.4, "speaker.first-person"
            return
        candidates: list[Known] = []
        for k in reversed(self.before(m.start)):
            if sentence - k.sentence > 3:
                break
            if want in ("male", "female"):
                if k.entity_type != "person":
                    continue
                g = self.gender.get(k.name)
                if g and g != want:
                    continue
            elif want == "thing":
                if k.entity_type not in ("organisation", "outlet"):
                    continue
            elif (want == "plural" and k.entity_type == "person") or (
                want != "plural" and k.entity_type == "group"
            ):
                continue
            candidates.append(k)
        if not candidates:
            m.score, m.rule = 0.35, "speaker.pronoun-unresolved"
            return
        # the nearest sentence holding a candidate; its subject if it has one
        nearest_sentence = candidates[0].sentence
        pool = [k for k in candidates if k.sentence == nearest_sentence]
        chosen = next((k for k in pool if k.is_subject), pool[0])
        rivals = {k.name for k in candidates if sentence - k.sentence <= 1} - {chosen.name}
        m.name = chosen.name or None
        m.source_type = chosen.source_type
        m.entity_type = chosen.entity_type
        m.antecedent = (chosen.start, chosen.end)
        m.role = chosen.role
        m.score = 0.75 if not rivals else 0.5
        if want in ("male", "female") and self.gender.get(chosen.name) == want:
            m.score = 0.8 if not rivals else 0.65
        if want in ("male", "female"):
            self.gender.setdefault(chosen.name, want)
