"""Titles of works cited as sources: "according to the Word of God", "the Epistle of
James says": a document, never a person or a rumour."""

from __future__ import annotations

import re

__all__ = ["work_title_cue"]

#: Heads of a work's title, capitalised: "the Word of God", "the Epistle of James".
_WORK_HEADS = frozenset(
    """
    word words book books scripture scriptures gospel gospels epistle epistles psalm psalms
    bible testament sutra sutras sermon hymn poem chronicle chronicles letter letters report
    constitution charter treaty
    """.split()  # noqa: SIM905 - a word list reads better as one string
)

_ROMAN = re.compile(r"[IVXLC]+|[A-Z]")

#: Parts of a document named by a number: "Chapter Four", "Section 12", "Annex B".
_PART_HEADS = frozenset(
    """
    chapter chapters section sections paragraph clause annex appendix verse part
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
_NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve first second third
    fourth fifth sixth seventh eighth ninth tenth
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def work_title_cue(words: list[str]) -> str | None:
    """The head that makes a capitalised phrase a work's title, cited as a document: "the
    Word of God", "God's Word", "the Book of Ruth" (a capital head followed by "of" and a
    capital name, or after a capital possessive); a numbered part of one ("Chapter Four",
    "Section 12")."""
    bare = [w.strip(".,") for w in words]
    while bare and bare[0].lower() in ("the", "a", "an"):
        bare = bare[1:]
    if len(bare) == 2 and bare[0][:1].isupper() and bare[0].lower() in _PART_HEADS:
        num = bare[1].lower()
        if num[:1].isdigit() or num in _NUMBER_WORDS or _ROMAN.fullmatch(bare[1]):
            return bare[0].lower()  # "Chapter Four", "Section 12", "Part VIII"
    if len(bare) == 3 and bare[1] in ("'s", "\u2019s"):
        bare = [bare[0] + bare[1], bare[2]]  # the parser's "God" + "'s" + "Word"
    if len(bare) >= 3 and bare[1].lower() == "of":
        head, other = bare[0], bare[-1]
    elif len(bare) == 2 and bare[0].endswith(("'s", "\u2019s")):
        head, other = bare[1], bare[0]
    else:
        return None
    if head[:1].isupper() and other[:1].isupper() and head.lower() in _WORK_HEADS:
        return head.lower()
    return None
