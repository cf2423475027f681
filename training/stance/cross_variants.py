"""The 2.x pairs of the cross-encoder: parsed negation and restatement pairs.

The 1.0.0 rules (``cross_data``) negate with a regular expression: "not" after the first
auxiliary anywhere in the claim, else "It is not true that ...". A claim whose main verb
has no auxiliary ("The council closed the school") never becomes "did not close", so a
model trained on them missed do-support negations. Here spaCy's parse (at pack time
only) finds the main verb:

* an auxiliary or copula of the main verb gets "not" after it ("has not closed",
  "is not open"; "can" -> "cannot"); a negation there is removed instead ("did not
  close" -> "did close");
* a main verb with no auxiliary in the simple past or present gets do-support: "did not" /
  "does not" / "do not" + its lemma;
* anything else falls back to ``cross_data.negate``.

Restatement pairs (rule ``restated``): a Climate-FEVER evidence sentence's own core clause
(the main verb with its subject, auxiliaries, objects and complements; adverbials and
prepositional phrases dropped) as the claim, the sentence as the passage -> supports; the
clause negated (``restated-negated``) or with a number changed (``restated-number``) ->
refutes. A clause that would drop a negative word ("no longer", "never") is not used.
They take the fold of the evidence's claim and, like every contrast pair, are never
scored. More not-enough-info claims get a negated copy that keeps its label (0.4 of
them, 1.0.0: 0.15), so that "not" alone stays no cue.
"""

from __future__ import annotations

import random
from typing import Any

from cross_data import (
    DISCUSS_SAMPLE,
    UNRELATED_SAMPLE,
    Item,
    build_items,
    change_number,
    negate,
)

RESTATED_SHARE = 0.6  # of the Climate-FEVER evidence sentences
NUMBER_SHARE = 0.5  # of the restated clauses with a number the passage has
NEI_NEGATED_SHARE = 0.4
MIN_WORDS = 4

_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}
_KEEP = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "expl",
    "aux",
    "auxpass",
    "neg",
    "dobj",
    "dative",
    "attr",
    "acomp",
    "oprd",
    "xcomp",
    "ccomp",
    "prt",
    "agent",
}
_NEGATIVE = {"no", "not", "never", "n't", "nor", "neither", "without", "longer", "hardly"}
#: Words that make a dropped part a condition of the clause ("stable so long as ..."); "long"
#: vetoes any dropped "long" too ("after a long debate"): fewer restatements, never a wrong one.
_CONDITION = {"if", "unless", "until", "provided", "long", "whether", "only", "once"}


class ParsedNegator:
    """``negator(claim, rng)`` for ``cross_data.build_items``: the parse-based flip."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.cache: dict[str, Any] = {}

    def parse(self, text: str) -> Any:
        doc = self.cache.get(text)
        if doc is None:
            doc = self.cache[text] = self.nlp(text)
        return doc

    def __call__(self, claim: str, rng: random.Random) -> str:
        return flip(claim, self.parse(claim)) or negate(claim, rng)


def _root(doc: Any) -> Any:
    return next((t for t in doc if t.dep_ == "ROOT"), None)


def flip(text: str, doc: Any) -> str | None:
    """``text`` with its main verb's polarity flipped, or ``None`` when the parse gives no
    main verb to flip."""
    root = _root(doc)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(root.children)
    neg = next((c for c in kids if c.dep_ == "neg"), None)
    if neg is not None:  # remove it, with the space before it ("did not close")
        start = neg.idx
        if neg.text.lower() == "n't" or neg.text == "’t":
            return None  # contractions: cross_data.negate restores the full form
        while start > 0 and text[start - 1] == " ":
            start -= 1
        return text[:start] + text[neg.idx + len(neg.text) :]
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    head = auxes[0] if auxes else (root if root.pos_ == "AUX" else None)
    if head is not None:
        word = head.text
        end = head.idx + len(word)
        if word.lower() == "can":
            return text[: head.idx] + word + "not" + text[end:]
        if word.lower() in ("to",):
            return None
        return text[:end] + " not" + text[end:]
    if root.tag_ not in _DO:
        return None
    lemma = root.lemma_.lower() if root.i > 0 else root.lemma_
    return text[: root.idx] + f"{_DO[root.tag_]} not {lemma}" + text[root.idx + len(root.text) :]


def core_clause(doc: Any) -> str | None:
    """The main clause's core as a sentence: the main verb with its subject, auxiliaries,
    objects and complements; ``None`` when there is none, it is under :data:`MIN_WORDS`
    words, it is the whole sentence, or it would drop a negative word."""
    root = _root(doc)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children):
        return None
    keep = {root.i}
    for c in root.children:
        if c.dep_ in _KEEP:
            keep.update(t.i for t in c.subtree)
    dropped = [t for t in doc if t.i not in keep]
    if any(t.lower_ in _NEGATIVE or t.lower_ in _CONDITION for t in dropped):
        return None
    kept = [t for t in doc if t.i in keep]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept.pop()
    while kept and kept[0].is_punct:
        kept.pop(0)
    words = [t for t in kept if not t.is_punct]
    if len(words) < MIN_WORDS or not [t for t in dropped if not t.is_punct]:
        return None
    text = "".join(t.text_with_ws for t in kept).strip()
    if not text[0].isalpha() or any(c in text for c in '[]()"\u201c\u201d'):
        return None  # wiki markup, a bracket or a quotation cut open
    return text[0].upper() + text[1:] + "."


def restatements(items: list[Item], negator: ParsedNegator, rng: random.Random) -> list[Item]:
    """Restatement pairs (see the module docstring) of a share of the Climate-FEVER
    evidence sentences among ``items``."""
    out: list[Item] = []
    seen: set[str] = set()
    for it in items:
        if it.source != "cf" or it.contrast or it.passage in seen:
            continue
        seen.add(it.passage)
        if rng.random() >= RESTATED_SHARE:
            continue
        clause = core_clause(negator.parse(it.passage))
        if clause is None:
            continue

        def add(claim: str, y3: int, rule: str, it: Item = it) -> None:
            out.append(Item(claim, it.passage, y3, -1, "cf", it.fold, rule, it.ref, group=it.group))

        add(clause, 0, "restated")
        add(negator(clause, rng), 1, "restated-negated")
        changed = change_number(clause, it.passage, rng)
        if changed is not None and changed != clause and rng.random() < NUMBER_SHARE:
            add(changed, 1, "restated-number")
    return out


def build_items_v2(
    discuss_sample: int | None = DISCUSS_SAMPLE,
    unrelated_sample: int | None = UNRELATED_SAMPLE,
    nlp: Any = None,
) -> list[Item]:
    """``cross_data.build_items`` with the parsed negator, more negated not-enough-info
    controls and the restatement pairs appended (deterministic)."""
    if nlp is None:
        from unspin.nlp import load_spacy

        nlp = load_spacy("en_core_web_sm")
    negator = ParsedNegator(nlp)
    items = build_items(discuss_sample, unrelated_sample, negator, NEI_NEGATED_SHARE)
    return items + restatements(items, negator, random.Random(17))
