"""The writer's description of a person in apposition, told apart from a role: looks, an
age, a manner ("a burly, balding 61-year-old with a modest manner") or a characterisation
("a strong supporter of school choice", "a giant in the shipping world") says what the
writer thinks of someone, not a position, office, occupation or affiliation they hold.

A role comes only from a title or an apposition naming a function; these never are one.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import _words

__all__ = ["is_description"]

#: An age as the head of the phrase ("61-year-old", "a 40-something").
_AGE_HEAD = re.compile(r"^(?:\d+|[a-z]+)-(?:year|month)s?-old$|^\d+-something$")

#: Words of looks and manner: never part of a function ("burly", "balding").
_LOOKS = frozenset(
    _words(
        """
        burly balding bald bearded stocky lanky slender slight portly wiry tall short
        bespectacled gray-haired grey-haired white-haired silver-haired red-haired
        soft-spoken fast-talking mild-mannered unassuming genial affable gruff folksy
            """
    )
)

#: Heads that characterise a stance or a standing, not a function ("supporter", "giant").
_STANCE_HEADS = frozenset(
    _words(
        """
        supporter supporters backer backers fan fans admirer admirers critic critics opponent
        opponents foe foes champion champions proponent proponents defender defenders
        enthusiast enthusiasts skeptic skeptics sceptic sceptics believer believers devotee
        devotees detractor detractors
            """
    )
)

#: Heads that are a figure of speech for someone's standing ("a giant in banking").
_FIGURE_HEADS = frozenset(
    _words("giant giants icon icons legend legends titan titans darling darlings")
)

#: Degree words before a stance head: the writer's judgement of how much ("a strong ...").
_DEGREE = frozenset(
    _words(
        """
        strong staunch vocal fierce ardent avid outspoken fervent passionate vociferous
        harsh persistent relentless big huge great enthusiastic loud frequent
            """
    )
)

#: Generic person nouns: who someone is, not a function ("a quiet man").
_GENERIC = frozenset(_words("man woman person guy fellow gentleman lady soul"))


#: Words that end the head of a description ("a 61-year-old | with ...").
_HEAD_END = frozenset({"of", "at", "for", "in", "with", "from", "on", "to", "who", "and"})


def _conjuncts(role: str) -> list[str]:
    """The parts of a role joined by "as well as" ("a supporter ... as well as a giant")."""
    return [p for p in re.split(r"\s+as well as\s+", role) if p.strip()]


def _head_words(phrase: str) -> list[str]:
    """The words of ``phrase`` up to its head noun, lower case ("burly", "61-year-old")."""
    words: list[str] = []
    for w in phrase.lower().replace(",", " ").split():
        if w in _HEAD_END:
            break
        words.append(w.strip(";:()'‘’"))
    return [w for w in words if w]


def _one_description(phrase: str) -> bool:
    words = _head_words(phrase)
    if not words:
        return False
    full_head, before = words[-1], set(words[:-1])
    head = full_head.rsplit("-", 1)[-1]
    if _AGE_HEAD.match(full_head):
        return True  # "a burly, balding 61-year-old with ...": an age heads it
    if head in _GENERIC and before & (_LOOKS | _DEGREE):
        return True  # "a soft-spoken man"
    if head in _FIGURE_HEADS:
        return True  # "a giant in the shipping world"
    if head in _STANCE_HEADS:
        if before & _DEGREE:
            return True  # "a strong supporter of ...": how much, the writer's judgement
        tokens = phrase.split()
        at = next((k for k, w in enumerate(tokens) if w.lower().strip(",") == full_head), None)
        rest = tokens[at + 1 :] if at is not None else []
        if rest and rest[0].lower() == "of" and not any(w[:1].isupper() for w in rest[1:]):
            return True  # "a supporter of school choice": a stance on an issue, no body
    return False


def is_description(role: str) -> bool:
    """True when an apposition ``role`` is the writer's description of a person (looks, age,
    manner, a characterisation), not a position: its first part is one."""
    parts = _conjuncts(role)
    return bool(parts) and _one_description(parts[0])
