"""Text structure and sentence boundaries, shared by every backbone.

:func:`add_paragraph_breaks` adds a spaCy component that fixes boundaries before the
parser runs (spaCy's parser keeps boundaries that are already set); :func:`rule_spans` is
the rule-based splitter of the model-free backbone.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["add_paragraph_breaks", "paragraph_breaks", "rule_spans"]

_SENT_END_RE = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])|\n\s*\n")


def paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line: headlines and paragraphs never merge.

    spaCy's parser keeps boundaries that are already set, so this runs before it.
    """
    last = len(doc) - 1
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            nxt = doc[token.i + 1]
            if "\n\n" in token.text:
                nxt.is_sent_start = True
            if nxt.text == ">" and nxt.i < last:  # a block-quote marker opens its sentence
                nxt.is_sent_start = True
                doc[nxt.i + 1].is_sent_start = False
    return doc


def add_paragraph_breaks(nlp: Any) -> None:
    """Add :func:`paragraph_breaks` to a loaded spaCy pipeline, before its parser."""
    from spacy.language import Language

    name = "unspin_paragraph_breaks"
    if name not in Language.factories:
        Language.component(name, func=paragraph_breaks)
    if name not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(name, before=before) if before else nlp.add_pipe(name, first=True)


def rule_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` by terminal punctuation and blank lines, trimmed."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    bounds = [m.start() for m in _SENT_END_RE.finditer(text)] + [len(text)]
    for b in bounds:
        chunk = text[cursor:b]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = cursor + lead, cursor + len(chunk.rstrip())
        if s < e:
            spans.append((s, e))
        cursor = b
    return spans
