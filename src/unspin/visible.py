"""A text as a reader sees it, for the pipeline to analyse, with a map back to the text.

Pasted text often carries characters that show as nothing or as noise: soft hyphens and
zero-width spaces, joiners and direction marks inside words ("Pres\\u00adident",
"5\\u200b0"), byte-order marks, and "Zalgo" letters buried under stacked combining marks.
The parser and every word list read such a word as an unknown one, so a title, a verb of
saying or a number went unseen, and a Zalgo phrase ("the mayor" under marks) was read as
a name. :func:`visible` gives the text without them (a letter and the one or two accents
written after it composed into one character, "e\\u0301" as "é"; stacked marks dropped,
"Zalgo" words read as their bare letters) and, for each character it keeps, the span of
the original text it stands for. The pipeline analyses that text and moves every offset
back (:meth:`VisibleText.span`), so a document keeps its own text, id and offsets.

A text with none of these characters is analysed as it is (:func:`visible` gives None).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from unspin.model import Analysis, Document
from unspin.windows import moved, moved_finding, moved_ids, remapped

__all__ = ["VisibleText", "visible"]

#: Characters that show as nothing: soft hyphen, Mongolian vowel separator, zero-width
#: space, non-joiner and joiner, direction marks and embeddings, word joiner and the
#: invisible operators, isolates, byte-order mark (zero-width no-break space).
_INVISIBLE = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
)
#: Combining marks written after a letter: diacritical marks and their supplements and
#: extensions, and the half marks (not the marks for symbols, such as an emoji keycap).
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\ufe20-\ufe2f"
_HIDDEN = re.compile(f"[{_INVISIBLE}{_MARKS}]")
_MARK = re.compile(f"[{_MARKS}]")
_MARK_SET = frozenset(chr(k) for k in range(0x300, 0xFE30) if _MARK.match(chr(k)))
_INVISIBLE_SET = frozenset(
    chr(k) for k in range(0xAD, 0xFF00) if re.match(f"[{_INVISIBLE}]", chr(k))
)
#: A word with the marks written on its letters.
_MARKED_WORD = re.compile(f"(?:\\w|[{_MARKS}])+")
#: Joiners that also join emoji and the letters of other scripts: dropped only inside a
#: word of this one.
_JOINERS = "\u200c\u200d"
#: More marks than this on one letter is noise, not an accent (Vietnamese stacks two).
_MAX_ACCENTS = 2
#: A word with more than this share of its letters marked is read as its bare letters.
_MAX_MARKED_SHARE = 0.6


@dataclass(frozen=True)
class VisibleText:
    """``text`` as read, ``original`` as given; the character ``text[i]`` stands for
    ``original[starts[i]:ends[i]]``."""

    text: str
    original: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` stands for (an empty span
        stays empty, at the place of ``text[start]``)."""
        lo = self.starts[start] if start < len(self.text) else len(self.original)
        if end <= start:
            return lo, lo
        return lo, self.ends[end - 1]

    def restore(
        self, document: Document, analysis: Analysis, sentences: Sequence[tuple[int, int]]
    ) -> tuple[Analysis, tuple[tuple[int, int], ...]]:
        """``analysis`` and ``sentences``, made on :attr:`text`, on ``document`` (whose
        text is :attr:`original`): every offset moved back, ids made from them."""
        ids = moved_ids(analysis.findings, self.span)
        findings = [
            moved_finding(f, self.span, self.text, self.original, ids) for f in analysis.findings
        ]
        summaries = moved(
            remapped(dict(analysis.summaries), ids), self.span, self.text, self.original
        )
        restored = dataclasses.replace(
            analysis,
            document=dataclasses.replace(document, language=analysis.document.language),
            findings=tuple(findings),
            summaries=summaries,
        )
        return restored, tuple(self.span(s, e) for s, e in sentences)


def visible(text: str) -> VisibleText | None:
    """``text`` without invisible characters and stacked marks, or None when it has none."""
    if not _HIDDEN.search(text):
        return None
    bare = _bare_letter_words(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _INVISIBLE_SET and (c not in _JOINERS or _inside_word(text, i)):
            i += 1
            continue
        if c in _MARK_SET:  # a mark with no letter to sit on
            i += 1
            continue
        j = i + 1
        while j < n and text[j] in _MARK_SET:
            j += 1
        kept = c
        if j - i - 1 and j - i - 1 <= _MAX_ACCENTS and i not in bare:
            kept = _MARK.sub("", unicodedata.normalize("NFC", text[i:j])) or c
        for k in kept:
            chars.append(k)
            starts.append(i)
            ends.append(j)
        i = j
    return VisibleText("".join(chars), text, tuple(starts), tuple(ends))


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _bare_letter_words(text: str) -> set[int]:
    """Offsets of the letters of words whose marks are noise: a letter under more than
    :data:`_MAX_ACCENTS` marks, or most letters marked (each letter of "Zalgo" text)."""
    out: set[int] = set()
    for m in _MARKED_WORD.finditer(text):
        word = m.group()
        if not _MARK.search(word):
            continue
        letters = [k for k, c in enumerate(word) if not _MARK.match(c)]
        marked = [k for k in letters if k + 1 < len(word) and _MARK.match(word[k + 1])]
        stacked = re.search(f"[{_MARKS}]{{{_MAX_ACCENTS + 1}}}", word)
        if stacked or (len(letters) > 1 and len(marked) > _MAX_MARKED_SHARE * len(letters)):
            out.update(m.start() + k for k in letters)
    return out
