"""Lemmas of verbs the English model's lemmatizer does not know.

spaCy's rule lemmatizer strips "-ed" or "-ing" from a verb it has no entry for and, when
no candidate is a verb it knows, keeps the first one, which adds an "e": "scapegoated"
becomes "scapegoate", "texted" "texte", "rebranded" "rebrande". :class:`VerbLemmas`
picks instead the candidate the lemmatizer's own tables know as a word of another part of
speech ("scapegoat", "text", nouns), else drops an "e" after two consonants that no verb
it knows ends in before a final "e" ("rebrand", "greenlight"; "-nge", "-rse", "-ble" ...
keep theirs), a consonant doubled before the ending written once ("reblogged": "reblog").
A verb it knows, or one it lists as an exception, keeps the model's lemma.
"""

from __future__ import annotations

from typing import Any

__all__ = ["VerbLemmas"]

_VOWELS = frozenset("aeiouy")
#: Consonants a verb may end in doubled ("buzz", "dismiss", "stuff", "spell").
_DOUBLED = frozenset("lsfzx")


class VerbLemmas:
    """The repair of the lemmas of unknown verbs, from a spaCy pipeline's lemmatizer
    tables (a pipeline without them repairs nothing)."""

    def __init__(self, nlp: Any) -> None:
        self.verbs: frozenset[str] = frozenset()
        self.words: frozenset[str] = frozenset()
        self.exceptions: frozenset[str] = frozenset()
        self.e_pairs: frozenset[str] = frozenset()
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            index = lookups.get_table("lemma_index")
            exceptions = lookups.get_table("lemma_exc")
        except (AttributeError, KeyError, ValueError):
            return
        self.verbs = frozenset(index.get("verb", ()))
        self.words = frozenset(w for pos in ("noun", "adj", "adv") for w in index.get(pos, ()))
        self.exceptions = frozenset(exceptions.get("verb", {}))
        self.e_pairs = frozenset(
            v[-3:-1]
            for v in self.verbs
            if len(v) > 3 and v.endswith("e") and not _VOWELS & set(v[-3:-1])
        )

    def repair(self, form: str, lemma: str, pos: str) -> str:
        """``lemma`` of the word ``form``, repaired when the model guessed it for a verb
        it does not know."""
        low, lem = form.lower(), lemma.lower()
        if pos != "VERB" or not self.verbs or lem in self.verbs or low in self.exceptions:
            return lemma
        if low.endswith("ed"):
            stem = low[:-2]
        elif low.endswith("ing"):
            stem = low[:-3]
        else:
            return lemma
        if len(stem) < 3 or not stem.isalpha() or lem != stem + "e" or lem in self.words:
            return lemma
        if stem in self.words:
            return stem  # "scapegoated": the noun "scapegoat"
        pair = stem[-2:]
        if _VOWELS & set(pair) or pair in self.e_pairs:
            return lemma
        if pair[0] == pair[1] and pair[0] not in _DOUBLED:
            return stem[:-1]  # "reblogged": "reblog"
        return stem  # "rebranded": no verb ends in "-nde"
