"""Resolution of later references to a speaker named earlier in the text.

Surnames and acronyms map to the full name seen earlier ("Lund" -> "Maria Lund"),
definite role nouns to the named person who holds the role ("the spokeswoman"), and
pronouns to the nearest fitting antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from unspin.sources.lexicon import (
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
    TITLE_WORDS,
)
from unspin.sources.one_word_names import BARE_ORG_PERSON
from unspin.sources.roles import role_head
from unspin.sources.speakers import PERSON_HEADS, Mention, acronym, split_person_name

__all__ = [
    "Known",
    "Resolver",
    "alias",
    "first_name",
    "full_name_before",
    "full_name_run",
    "namesakes",
    "referent",
    "surname_noun",
    "take_known",
    "unresolved_pronoun",
]

_UNNAMED_PEOPLE = frozenset({"speaker.unnamed-person", "speaker.anonymous"})
#: Rules of common nouns that may stand for a person named elsewhere ("the bishop").
_PERSON_LIKE = frozenset({"speaker.unnamed-person", "speaker.unknown-noun"})
#: A count of hundreds or more ("58,000 soldiers", "thousands of people"): a crowd that
#: never speaks as one, so no antecedent for a "they" who says something.
_CROWD_RE = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\b|\b(?:hundreds|thousands|millions)\b", re.I
)
_ANTECEDENT_TYPES = frozenset(
    {"person", "organisation", "outlet", "government", "group", "document"}
)
#: What each pronoun can stand for (entity types of its antecedent).
_COMPATIBLE = {
    "male": frozenset({"person"}),
    "female": frozenset({"person"}),
    "thing": frozenset({"organisation", "outlet", "government", "document"}),
    "plural": frozenset({"group", "organisation", "outlet"}),
}
_SOURCE_OF = {
    "person": "named_person",
    "outlet": "media_outlet",
    "government": "government",
    "group": "group",
    "document": "document",
}


@dataclass
class Known:
    """A named antecedent candidate: an entity or speaker seen at ``start``."""

    start: int
    end: int
    name: str
    #: "person" (named, or unnamed with ``name`` ""), "organisation", "outlet",
    #: "government", "document" or "group" (a political label, or unnamed and plural);
    #: "crowd" (a count of hundreds or more) is no antecedent and bars its sentence's
    entity_type: str
    source_type: str
    is_subject: bool
    sentence: int
    role: str | None
    gender: str | None = None
    #: the body an unnamed spokesperson speaks for ("a spokeswoman for the ministry")
    speaks_for: str | None = None
    #: the subject of the sentence's main clause (preferred over a subordinate subject)
    main_subject: bool = False
    #: the speaker of a reporting event with content ("Olsen, who said that ...")
    spoke: bool = False


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
        j = pos
        while j < len(self._starts) and self._starts[j] == k.start:
            if self.known[j].entity_type == k.entity_type:
                self.known[j].spoke |= k.spoke
                return
            j += 1
        self._starts.insert(pos, k.start)
        self.known.insert(pos, k)
        if k.gender and k.entity_type == "person":
            self.gender.setdefault(k.name, k.gender)

    def add_mention(self, m: Mention, sentence: int, *, spoke: bool = False) -> None:
        if m.rule == "speaker.representative" and m.name:
            # "a spokeswoman for the ministry": a person (she) speaking for a body (it)
            self.add(
                Known(
                    m.start,
                    m.end,
                    "",
                    "person",
                    m.source_type,
                    m.is_subject,
                    sentence,
                    m.role,
                    m.gender,
                    speaks_for=m.name,
                    main_subject=m.main_subject,
                )
            )
        if m.rule == "speaker.officials" and m.name:
            # "Pentagon officials": people (they) speaking for a named body (it, below)
            self.add(
                Known(
                    m.start,
                    m.end,
                    "",
                    "group",
                    m.source_type,
                    m.is_subject,
                    sentence,
                    m.role,
                    speaks_for=m.name,
                    main_subject=m.main_subject,
                )
            )
        if m.kind == "noun" and (
            (m.source_type == "anonymous" and m.rule in _UNNAMED_PEOPLE)
            or (m.rule == "speaker.definite-unresolved" and m.plural)
        ):
            # an unnamed "city spokesman" (or "officials") is an antecedent too: a pronoun
            # after it never skips back to a name further away; so is "the volunteers", a
            # plural definite description the text ties to no name ("They" after it is
            # them; a singular one, "the lawmaker", is left: it is mostly someone named)
            kind = "group" if m.plural else "person"
            if kind == "group" and _CROWD_RE.search(m.role or ""):
                # "more than 58,000 soldiers died": a count, not a voice for "they"; and a
                # "they" after it stands for no one else of that sentence either
                kind = "crowd"
            self.add(
                Known(
                    m.start,
                    m.end,
                    "",
                    kind,
                    m.source_type,
                    m.is_subject,
                    sentence,
                    m.role,
                    m.gender,
                    main_subject=m.main_subject,
                )
            )
            return
        if m.source_type == "document" and m.kind == "noun" and not m.name and m.definite:
            # "The lawsuit contends ... It goes on": the thing just spoken of, unnamed, is
            # what a later "it" stands for, never a place named further back
            self.add(Known(m.start, m.end, "", "document", "document", m.is_subject, sentence,
                           None, main_subject=m.main_subject, spoke=spoke))  # fmt: skip
            return
        if m.name and m.entity_type in _ANTECEDENT_TYPES:
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
                    main_subject=m.main_subject,
                    spoke=spoke,
                )
            )
            if m.gender and m.entity_type == "person":
                self.gender.setdefault(m.name, m.gender)

    def before(self, pos: int) -> list[Known]:
        return self.known[: bisect_left(self._starts, pos)]

    # -- names ---------------------------------------------------------------------

    def canonical(self, m: Mention, sentence: int | None = None) -> None:
        """Map a surname or acronym to the full name seen earlier (sets ``resolved_from``);
        ``sentence``: the mention's (see :func:`full_name_before`)."""
        if not m.name or m.kind != "name":
            return
        words = m.name.split()
        if len(words) == 1 and not (m.entity_type != "person" and words[0].isupper()):
            # a surname ("Lund") maps to the full name; the recogniser's label (it often
            # takes a lone surname for an organisation) gives way to the earlier person
            k = full_name_before(self, m.start, words[0], m.gender, sentence)
            if k is not None:
                alias(m, k)
                return
            if len(namesakes(self, m.start, words[0])) >= 2 and m.gender:
                # "John Berg ... Mary Berg ... Mr. Berg": which of them is not told
                why = f"two people named {words[0]} before; the honorific does not tell which"
                m.reason = f"{m.reason}; {why}" if m.reason else why
        if len(words) in (2, 3) and words[0].lower() in SURNAME_PARTICLES:
            # "Le Vark" of "Marine Le Vark": a surname with its particle
            k = full_name_before(self, m.start, m.name, m.gender, sentence)
            if k is not None:
                alias(m, k)
                return
        bodies = ("organisation", "outlet", "government")
        if m.entity_type in bodies and len(words) == 1 and words[0].isupper():
            for k in reversed(self.before(m.start)):
                if k.entity_type in bodies and acronym(k.name.split()) == words[0]:
                    alias(m, k)
                    return

    def canonical_known(self, k: Known) -> Known:
        """A lone surname entity ("Lund did not answer") under the full name of the person
        named before with it, so a pronoun resolved to it names one person, one source."""
        words = k.name.split()
        if len(words) != 1 or k.entity_type not in ("person", "organisation", "government"):
            return k  # a surname the recogniser took for a place is a person's too
        if k.entity_type != "person" and words[0].isupper():
            return k  # an acronym
        c = full_name_before(self, k.start, words[0], k.gender, k.sentence)
        if c is None:
            return k
        return replace(k, name=c.name, entity_type="person", source_type="named_person",
                       role=k.role or c.role)  # fmt: skip

    def definite_noun(self, m: Mention) -> None:
        """ "the spokeswoman" / "the authority": the named holder of that role or name."""
        if m.kind != "noun" or not m.definite or not m.head_word or (m.name and m.resolved_from):
            return
        head = m.head_word
        if (m.source_type == "anonymous" and m.rule in _PERSON_LIKE) or (
            head in REPRESENTATIVE_NOUNS and m.name is None
        ):
            # nearest first; a title ("the pope") reaches back past the last 30 entities
            # of a long text to the one person named with it
            own = _own_words(m)
            for i in range(bisect_left(self._starts, m.start) - 1, -1, -1):
                k = self.known[i]
                if k.entity_type != "person" or not k.name:
                    continue  # the cheap test first: this scan may cover a long text
                initials = "".join(w[0] for w in (k.role or "").split() if w[:1].isupper())
                if _same_title(head, k.role or "", k.name, own) or (
                    len(head) >= 2 and initials.endswith(head.upper())
                ):  # "the IG": the "DOJ Inspector General" named before
                    m.name, m.role = k.name, k.role
                    m.source_type, m.entity_type = "named_person", "person"
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.65
                    m.rule = "speaker.role-alias"
                    m.reason = f"the {head} named earlier: {k.name}"
                    return
        if m.source_type in ("named_organisation", "government") and m.rule in (
            "speaker.organisation",
            "speaker.government",
        ):
            for k in reversed(self.before(m.start)[-30:]):
                if k.entity_type == m.entity_type and head in k.name.lower().split():
                    m.name = k.name
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.7
                    m.rule = "speaker.name-alias"
                    m.reason = f"the {head} named earlier: {k.name}"
                    return
        if m.source_type == "named_organisation" and (m.name or "").lower() in _BODY_NOUNS:
            # "Mothers United issued a statement ... the group said": the body just named
            o = _nearest_known(self.before(m.start), m.start, "organisation")
            if o is not None and len(o.name.split()) >= 2:
                m.name, m.resolved_from, m.antecedent = o.name, "alias", (o.start, o.end)
                m.score, m.rule = 0.7, "speaker.name-alias"
                m.reason = f"the {head} named earlier: {o.name}"
                return
        paper = m.source_type == "document" and head == "paper"
        if (m.source_type == "media_outlet" or paper) and not m.name and not m.plural:
            # "told Metro News ... according to the news outlet": the outlet just named;
            # "the newspaper The Daily Harbor reported ... The paper said": the newspaper
            # (the paper goes on being the one newspaper of the story a few paragraphs on)
            o = _nearest_known(self.before(m.start), m.start, "outlet", 1500 if paper else 400)
            if o is not None and paper:
                m.source_type = "media_outlet"
            if o is not None:
                m.name, m.entity_type = o.name, "outlet"
                m.resolved_from, m.antecedent = "alias", (o.start, o.end)
                m.score, m.rule = 0.7, "speaker.name-alias"
                m.reason = f"the {head} named earlier: {o.name}"
                return
        if m.source_type == "anonymous" and m.pointing and m.rule in _PERSON_LIKE:
            # "the pope", "the three bishops", "this nominee": someone identifiable that
            # the text does not tie to a name here; not an anonymous source
            m.source_type, m.rule = "unresolved", "speaker.definite-unresolved"
            m.reason = f'a definite description; nobody named before it is called "{head}"'

    # -- pronouns ------------------------------------------------------------------

    def pronoun(
        self, m: Mention, sentence: int, *, learn: bool = True, bar: frozenset[str] = frozenset()
    ) -> Known | None:
        """Resolve a pronoun speaker to the nearest compatible antecedent (returned), or
        leave it ``unresolved``: he/she need a person, it an organisation, outlet,
        government or document, they a group or a body; within three sentences.
        ``learn``: a he or she resolved to a name gives the name its gender (not for a
        pronoun that is no speaker: "Lund added her client said what he saw" is no
        evidence that Lund is a man). ``bar``: names the pronoun cannot stand for (one who
        says "I" in the same words: "Lund told me. I know why he left" is not Lund)."""
        low = m.head_word
        want = PRONOUNS.get(low)
        m.resolved_from = "pronoun"
        if want == "first":
            if self.author:
                m.name, m.source_type, m.entity_type = self.author, "named_person", "person"
                m.score, m.rule = 0.6, "speaker.author"
                m.reason = f"pronoun {low} -> the author, {self.author}"
            else:
                m.source_type = "unresolved"
                m.score, m.rule = 0.4, "speaker.first-person"
                m.reason = f"pronoun {low}: the first person, and the author is not given"
            return None
        allowed = _COMPATIBLE.get(want or "", frozenset())
        candidates: list[Known] = []
        crowds: set[int] = set()
        for k in reversed(self.before(m.start)):
            if sentence - k.sentence > 3:
                break
            if k.entity_type == "crowd":
                crowds.add(k.sentence)
            if k.entity_type not in allowed or (k.name and k.name in bar):
                continue
            if want in ("male", "female"):
                g = self.gender.get(k.name) if k.name else k.gender
                if g and g != want:
                    continue
            candidates.append(k)
        if want == "plural" and candidates and candidates[0].sentence in crowds:
            candidates = []  # "58,000 soldiers died killing rebels. They say ...": nobody
        if not candidates:
            unresolved_pronoun(m, f"pronoun {low}: no compatible named mention before it")
            return None
        # the nearest sentence holding a candidate; its subject if it has one
        nearest_sentence = candidates[0].sentence
        pool = [k for k in candidates if k.sentence == nearest_sentence]
        if not any(k.main_subject and k.spoke for k in pool):
            # "A spoke with B, who said that ... . He said ...": the one who told goes on
            pool = [k for k in pool if k.spoke and k.entity_type == "person"] or pool
        chosen = next(
            (k for k in pool if k.main_subject),
            next((k for k in pool if k.is_subject), pool[0]),
        )
        near = {referent(k) for k in candidates if sentence - k.sentence <= 1}
        rivals = near - {referent(chosen)}
        take_known(m, chosen)
        m.score = 0.75 if not rivals else 0.5
        if want in ("male", "female") and chosen.name and self.gender.get(chosen.name) == want:
            m.score = 0.8 if not rivals else 0.65
        if want in ("male", "female") and chosen.name and learn:
            self.gender.setdefault(chosen.name, want)
        return chosen


def take_known(m: Mention, k: Known) -> Known:
    """Give the speaker ``m`` the referent ``k`` (its name, role, types and antecedent);
    returns ``k``."""
    m.name, m.role = k.name or k.speaks_for or None, k.role
    m.source_type, m.entity_type = k.source_type, k.entity_type
    m.antecedent = (k.start, k.end)
    return k


def unresolved_pronoun(m: Mention, reason: str) -> None:
    """Mark the pronoun speaker ``m`` unresolved, saying ``reason``."""
    m.name = m.role = m.entity_type = None
    m.antecedent = None
    m.source_type = "unresolved"
    m.score, m.rule, m.reason = 0.35, "speaker.pronoun-unresolved", reason


#: Particles that begin a surname of two or three words ("Le Vark", "van der Berg").
SURNAME_PARTICLES = frozenset(
    {"le", "la", "de", "del", "della", "di", "da", "du", "van", "von", "der", "den",
     "al", "al-", "el", "bin", "ben", "ibn", "abu", "ter", "ten", "dos", "das"}
)  # fmt: skip
#: Short forms of titles ("Sgt. Ann Lund" is "the sergeant").
_TITLE_SHORT = {
    "sgt": "sergeant", "lt": "lieutenant", "col": "colonel", "gen": "general",
    "capt": "captain", "cpl": "corporal", "det": "detective", "insp": "inspector",
    "sen": "senator", "rep": "representative", "gov": "governor", "prof": "professor",
    "supt": "superintendent", "atty": "attorney", "dr": "doctor", "rev": "reverend",
}  # fmt: skip
#: Words for one profession ("the lawyer" is the attorney named before).
_SAME_JOB = (
    frozenset({"lawyer", "attorney", "counsel", "counselor", "counsellor", "barrister",
               "solicitor", "advocate"}),
    frozenset({"doctor", "physician"}),
)  # fmt: skip


def full_name_before(
    r: Resolver, pos: int, surname: str, gender: str | None = None, sentence: int | None = None
) -> Known | None:
    """The person named before ``pos`` with two or more words, the last of which is
    ``surname`` ("Ann Lund" for "Lund"). Of two such people ("Ann Lund", then her
    husband "Bo Lund") a bare surname is the one named first: the text calls its main
    person by surname, a relative named after it by full name. A surname with a gendered
    honorific ("Mr. Lund": ``gender``) is never one known to be of the other gender (None
    when every one is); it is the one known to be of its gender, else the one left, and
    None when two or more are left alike, unless one of them is named in the same
    ``sentence`` ("the photographer Ed Vask took it, and Mr. Vask said"): without a list
    of first names the honorific cannot tell "John Berg" from "Mary Berg" (its latest
    mention of the chosen person is given)."""
    people = namesakes(r, pos, surname)
    if not people:
        return None
    if gender in ("male", "female"):
        fit = [k for k in people if r.gender.get(k.name) in (None, gender)]
        known = [k for k in fit if r.gender.get(k.name) == gender]
        if len(known) == 1 or len(fit) == 1:
            return (known or fit)[0]
        here = [k for k in fit if sentence is not None and k.sentence == sentence]
        return here[0] if len(here) == 1 else None
    return people[0]


def namesakes(r: Resolver, pos: int, surname: str) -> list[Known]:
    """The people named before ``pos`` in two or more words ending with ``surname``, one
    each (its latest mention), in the order first named."""
    target = surname.lower().split()
    n = len(target)
    latest: dict[str, Known] = {}  # by first name, in the order first named
    for k in r.before(pos):
        kw = k.name.lower().split()
        if k.entity_type == "person" and len(kw) > max(n, 1) and kw[-n:] == target:
            latest[kw[0]] = k
    return list(latest.values())


def surname_noun(r: Resolver, m: Mention, text: str, later: Iterable[Known] = ()) -> bool:
    """ "Schneider told ...", "King said": a capitalised word the tagger took for a
    common noun is the surname of a person named before (sets the alias), else of the
    one person of ``later`` (the text's named people) named with it after it."""
    if m.rule not in ("speaker.unnamed-person", "speaker.unknown-noun"):
        return False
    if not text[:1].isupper() or not text.isalpha():
        return False
    after = {
        k.name: k
        for k in later
        if k.start > m.start and k.entity_type == "person" and len(k.name.split()) >= 2
        and k.name.split()[-1] == text
    }  # fmt: skip
    if len(after) == 1 and not any(
        k.entity_type == "person" and k.name.split()[-1:] == [text] for k in r.before(m.start)
    ):
        k = next(iter(after.values()))
        m.kind = "name"
        alias(m, k)
        m.reason = f"a surname: the same as {k.name}, named later"
        return True
    c = full_name_before(r, m.start, text, m.gender)
    if c is not None and c.name.split()[-1] == text:
        m.kind = "name"
        alias(m, c)
        m.reason = f"a surname: the same as {c.name}"
        return True
    return False


def alias(m: Mention, k: Known) -> None:
    """``m`` names the same source as ``k`` (a surname, a first name, an acronym)."""
    m.name = k.name
    m.resolved_from = "alias"
    m.rule = "speaker.alias"
    m.antecedent = (k.start, k.end)
    if not m.role or (k.role and _position(k.role) and not _position(m.role)):
        m.role = k.role  # "Ana Roe, founder of X ... Roe, an avowed anarchist": founder
    # a bare name the recogniser called an organisation: its full name tells the person
    m.score = 0.85 if m.reason == BARE_ORG_PERSON else min(m.score, 0.85)
    m.entity_type = k.entity_type if k.entity_type in _SOURCE_OF else "organisation"
    m.source_type = _SOURCE_OF.get(m.entity_type, "named_organisation")
    m.reason = f"{m.reason}; the same as {k.name}" if m.reason else f"the same as {k.name}"


def first_name(m: Mention, people: Iterable[Known]) -> None:
    """A lone name ("Ann") for the one person of ``people`` (those named just before
    it, inside quotations too) whose full name starts with it ("Ann Lund")."""
    if m.kind != "name" or m.resolved_from or m.entity_type != "person" or not m.name:
        return
    if len(m.name.split()) != 1 or m.name.lower() in TITLE_WORDS:
        return  # "Archbishop" is no first name
    found = {k.name: k for k in people if len(split_person_name(k.name.split())[0]) >= 2}
    found = {n: k for n, k in found.items() if split_person_name(n.split())[0][0] == m.name}
    if len(found) == 1:
        alias(m, next(iter(found.values())))


def full_name_run(m: Mention, runs: Iterable[Known]) -> None:
    """A lone surname ("Lund said") for the one full name before it that ends with it
    among ``runs`` (proper nouns the recogniser did not take for a name: "For Ann
    Lund, ..."); a title before the name is no first name."""
    if m.kind != "name" or m.resolved_from or m.entity_type != "person" or not m.name:
        return
    words = m.name.split()
    if len(words) != 1 or m.name.lower() in TITLE_WORDS:
        return
    found: dict[str, Known] = {}
    for k in runs:
        name_words = split_person_name(k.name.split())[0]
        if len(name_words) >= 2 and name_words[-1] == words[0]:
            found[" ".join(name_words)] = replace(k, name=" ".join(name_words))
    if len(found) == 1:
        alias(m, next(iter(found.values())))


def _same_title(head: str, role: str, name: str, own: set[str]) -> bool:
    """True when ``head`` ("sergeant", "lawyer") is a word of a person's ``role`` or
    ``name``, or of the role in a short form ("Sgt.") or as another word for the same job
    ("attorney"); for those two, the description's ``own`` words ("civil" of "the civil
    lawyer") must fit the role or name too (by their first three letters)."""
    words = [w.strip(",;:()") for w in f"{role} {name}".lower().split()]
    if head in words:
        # "Harbor Informant" from a headline is no name of "the informant": the noun at
        # the end of a name is no role ("Ann Baker" is not "the baker")
        named = name.lower().split()
        if named[-1:] == [head] and head not in role.lower():
            return False
        if f"{head} general" in role.lower():
            return False  # "the attorney" is no Attorney General, "the surgeon" no Surgeon General
        # "Campbell's attorney" is Campbell's, not an attorney of anyone else named
        owners = [o[:-2] for o in own if o.endswith(("'s", "\u2019s"))]
        return all(any(o[:3] == w[:3] for w in words if len(w) >= 3) for o in owners)
    bare = [w.strip(",;:()").rstrip(".") for w in role.lower().split()]
    roles = {_TITLE_SHORT.get(w, w) for w in bare}
    if head not in roles and not any(head in job and roles & job for job in _SAME_JOB):
        return False
    return all(any(o[:3] == w[:3] for w in words if len(w) >= 3) for o in own)


def _own_words(m: Mention) -> set[str]:
    """The words of an unnamed person's description but its head and small words ("civil"
    of "the civil lawyer")."""
    small = {"the", "a", "an", "this", "that", "his", "her", "their", "its", "of", "for"}
    words = {w.strip(",;:()").lower() for w in (m.role or "").split()}
    return {w for w in words if len(w) >= 3 and w not in small and w != m.head_word}


#: A body's generic name as the recogniser gives it ("the group").
_BODY_NOUNS = frozenset({"the group", "the organization", "the organisation"})


def _nearest_known(before: list[Known], pos: int, kind: str, reach: int = 400) -> Known | None:
    """The one source of ``kind`` ("outlet") named within ``reach`` characters before
    ``pos``; None when two of that kind are named there (which one is meant is not told)."""
    near = [k for k in before[-30:] if k.start >= pos - reach and k.entity_type == kind]
    names = {k.name for k in near if k.name}
    if len(names) != 1 or len(names) != len({k.name for k in near}):
        return None
    return near[-1]


def _position(role: str) -> bool:
    """A role headed by a title or a person noun of the lexicon ("founder of X", "the
    mayor"), not a description the writer gives ("avowed anarchist")."""
    return any(role_head(part) in PERSON_HEADS for part in role.split(";"))


def referent(k: Known) -> tuple[str, int]:
    """Who a candidate is: its name, or its position when unnamed."""
    return (k.name, -1) if k.name else ("", k.start)
