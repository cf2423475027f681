"""Turns of an interview or a transcript: lines opened by a speaker's label and a colon.

"DB: What happened next?" / "Ana Roe: We left." / "AR: Nobody stopped us.": in a text
where such labelled lines take turns, the first person of a turn ("I", "me", "my") is
the person its label names: a full name, or initials standing for a full name the text
gives (a label or a named person: "AR" for "Ana Roe"), or a surname or first name of a
person it names. A label that names nobody ("Q:", "Judge:", a book title over an
advertisement) resolves nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from unspin.sources.resolver import Known
from unspin.sources.speakers import Mention

__all__ = ["Turns"]

#: A label at the start of a line: up to four capitalised words (or initials) and a colon.
#: Initials may run into the turn with no space ("JP:I think").
_LABEL = re.compile(
    r"(?m)^[ \t]*(?:(?P<label>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3}):[ \t]+\S"
    r"|(?P<initials>[A-Z]{2,4}):(?=[A-Z“\"]))"
)
_INITIALS = re.compile(r"[A-Z]{2,4}")
#: The fewest labelled lines, and distinct labels, that make a text a dialogue.
_MIN_LINES, _MIN_LABELS = 3, 2
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})


@dataclass(frozen=True)
class _Turn:
    start: int
    label: str
    label_span: tuple[int, int]


class Turns:
    """The labelled turns of a text, and the person each label names."""

    def __init__(self, text: str, people: Iterable[Known]) -> None:
        found = [
            _Turn(m.start(g), m.group(g), (m.start(g), m.end(g)))
            for m in _LABEL.finditer(text)
            for g in ("label" if m.group("label") else "initials",)
        ]
        dialogue = len(found) >= _MIN_LINES and len({t.label for t in found}) >= _MIN_LABELS
        self.turns = found if dialogue else []
        self.starts = [t.start for t in self.turns]
        known = {k.name for k in people if k.entity_type == "person" and len(k.name.split()) > 1}
        labels = {t.label for t in self.turns}
        #: full names: labels that are a person the text names, or whose initials are a
        #: label too ("Ana Roe:" and "AR:"), and the people named
        self.full_names = known | {
            t for t in labels if len(t.split()) >= 2 and (t in known or _initials(t) in labels)
        }

    def name_of(self, label: str) -> str | None:
        """The full name a label stands for, if the text gives exactly one."""
        if len(label.split()) >= 2:
            return label if label in self.full_names else None
        if _INITIALS.fullmatch(label):
            found = {n for n in self.full_names if _initials(n) == label}
        else:
            found = {n for n in self.full_names if label in (n.split()[0], n.split()[-1])}
        return found.pop() if len(found) == 1 else None

    def resolve_first_person(self, m: Mention) -> bool:
        """Give a first-person pronoun inside a labelled turn the label's person (True);
        False when it is in no turn or the label names nobody."""
        if m.kind != "pronoun" or m.head_word not in _FIRST_SINGULAR or not self.turns:
            return False
        k = bisect_right(self.starts, m.start) - 1
        if k < 0:
            return False
        turn = self.turns[k]
        name = self.name_of(turn.label)
        if name is None:
            return False
        m.name, m.source_type, m.entity_type = name, "named_person", "person"
        m.resolved_from, m.antecedent = "pronoun", turn.label_span
        m.score, m.rule = 0.75, "speaker.interview-turn"
        m.reason = f"pronoun {m.head_word} in the turn labelled {turn.label}: -> {name}"
        return True


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
