"""Online (leader) clustering of documents into stories and of claims into narratives.

Documents arrive one at a time, in a fixed order (the store's ingestion order). Each one
is compared with the stories already made: its score for a story is

    ``(1 - lexical) * meaning + lexical * cos(tf-idf of its words, tf-idf of the story's)``

where ``meaning = link * cos(document, story centroid) + (1 - link) * max cos(document,
member)`` (centroid linkage at ``link = 1``, single linkage to the members at ``link =
0``) over the sentence embeddings, and the words' document frequencies are those of the
documents placed before it (:mod:`unspin.narratives.terms`). It
joins the best story when that score reaches ``story_threshold``, else it starts a new
one. Then each of its claims is compared, the same way, with the narratives of its story
that have the same polarity (so "X did it" and "X did not do it" are two sides of one
story, never one narrative), and joins the best one from ``narrative_threshold`` on, or
starts a new narrative. With ``narrative_weights`` (the default) a claim's score for a
narrative is instead the probability of a small logistic pair model over
:data:`~unspin.narratives.pairs.PAIR_FEATURES` (centroid and nearest-member cosines, tf-idf
cosine, IDF-weighted word overlap both ways; :meth:`Space.features`), fitted on CheckThat!
2020 train tweets (``training/narratives/pair_weights.py``).

Nothing already placed moves: a new document changes only the story and narratives it
joins (their centroid sums and members). So clustering documents in one run or in many,
in batches of any size, gives the same clusters as long as they arrive in the same order.
Centroids are kept as float64 sums, members as the float32 vectors the store holds, so a
state written to the store and read back scores exactly like the one kept in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.narratives.pairs import NARRATIVE_WEIGHTS, PAIR_FEATURES, pair_probability
from unspin.narratives.terms import Vocabulary, cosine

__all__ = [
    "PROFILE",
    "QUERY_WORDS",
    "ClaimInput",
    "ClaimPlace",
    "DocumentInput",
    "DocumentPlace",
    "Group",
    "Params",
    "Space",
    "State",
]


#: Words of a story or narrative its lexical similarity is computed on (its most frequent).
PROFILE = 128
#: A document is compared lexically with the groups holding one of its heaviest words.
QUERY_WORDS = 32


@dataclass(frozen=True)
class Params:
    """The clustering's thresholds and weights, chosen by 3-fold cross-validation over
    tuning stories (``bench/narratives.py tune``: story ones on FNC-1 headlines, narrative
    ones on CheckThat! 2020 train tweets with their claims and distractors)."""

    story_threshold: float = 0.3
    story_link: float = 0.5
    story_lexical: float = 0.5
    narrative_threshold: float = 0.5
    narrative_link: float = 1.0
    narrative_lexical: float = 0.0
    #: weight of the document's vector in each claim's (its context; 0: the sentence alone)
    claim_context: float = 0.0
    #: claims of one document taking part at most (the most check-worthy)
    max_claims: int = 5
    #: claims under this check-worthiness take part only as their document's first claim
    min_checkworthiness: float = 0.5
    #: a document of at most this many characters (a post, a headline) is read whole: its
    #: most check-worthy claim takes part with the document's vector (and words, when it
    #: is the only claim taking part; 0: never)
    post_chars: int = 1000
    #: the pair model's intercept and weights (``()``: the claim's similarity alone)
    narrative_weights: tuple[float, ...] = NARRATIVE_WEIGHTS

    def to_dict(self) -> dict[str, float | int | list[float]]:
        return {
            "story_threshold": self.story_threshold,
            "story_link": self.story_link,
            "story_lexical": self.story_lexical,
            "narrative_threshold": self.narrative_threshold,
            "narrative_link": self.narrative_link,
            "narrative_lexical": self.narrative_lexical,
            "claim_context": self.claim_context,
            "max_claims": self.max_claims,
            "min_checkworthiness": self.min_checkworthiness,
            "post_chars": self.post_chars,
            "narrative_weights": list(self.narrative_weights),
        }


@dataclass(frozen=True)
class ClaimInput:
    """A claim (or, without the claims analyzer, a sentence) of an arriving document."""

    finding_id: str
    sentence: int
    start: int
    end: int
    text: str
    label: str
    checkworthiness: float
    polarity: str
    vector: NDArray[Any]  # float32, L2-normalised
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentInput:
    """An arriving document: its vector (the normalised mean of its sentences') and the
    claims that take part."""

    document_id: str
    seq: int
    vector: NDArray[Any]
    claims: tuple[ClaimInput, ...]
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimPlace:
    claim: ClaimInput
    narrative: int
    similarity: float  # to the narrative it joined (1.0 for the claim that started it)


@dataclass(frozen=True)
class DocumentPlace:
    document: DocumentInput
    story: int
    similarity: float
    claims: tuple[ClaimPlace, ...]


class _Rows:
    """A growable float32 matrix of unit vectors with one owner per row (for members: the
    row of their group's centroid)."""

    def __init__(self, dim: int) -> None:
        self.data: NDArray[np.float32] = np.zeros((16, dim), np.float32)
        self.owner: NDArray[np.int64] = np.zeros(16, np.int64)
        self.n = 0

    def add(self, vector: NDArray[Any], owner: int) -> None:
        if self.n == len(self.data):
            self.data = np.concatenate([self.data, np.zeros_like(self.data)])
            self.owner = np.concatenate([self.owner, np.zeros_like(self.owner)])
        self.data[self.n] = vector
        self.owner[self.n] = owner
        self.n += 1


@dataclass
class Group:
    """A story or a narrative: its id, the sum of its members' vectors, their count, the
    counts of their words, and (narratives) its story and polarity."""

    id: int
    total: NDArray[Any]  # float64 sum of the members' vectors
    size: int
    story: int = 0
    polarity: str = ""
    terms: Counter[str] = field(default_factory=Counter)

    def centroid(self) -> NDArray[Any]:
        norm = float(np.linalg.norm(self.total))
        return (self.total / norm if norm else self.total).astype(np.float32)


@dataclass
class Space:
    """The groups of one level (stories, or the narratives of every story) and the
    vectors of their members, scored together."""

    dim: int
    link: float
    lexical: float = 0.0
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    groups: dict[int, Group] = field(default_factory=dict)
    next_id: int = 1
    _members: _Rows | None = None
    _index: dict[int, int] = field(default_factory=dict)  # group id -> row of _centroids
    _ids: list[int] = field(default_factory=list)
    _centroids: _Rows | None = None
    _holding: dict[str, set[int]] = field(default_factory=dict)  # word -> group ids
    _rows_of: dict[int, list[int]] = field(default_factory=dict)  # centroid row -> members
    _profiles: dict[int, dict[str, int]] = field(default_factory=dict)  # group -> top words

    def __post_init__(self) -> None:
        self._members = _Rows(self.dim)
        self._centroids = _Rows(self.dim)

    def load_group(self, group: Group) -> None:
        self.groups[group.id] = group
        self.next_id = max(self.next_id, group.id + 1)
        self._set_centroid(group)
        for w in group.terms:
            self._holding.setdefault(w, set()).add(group.id)

    def load_member(self, group: int, vector: NDArray[Any]) -> None:
        assert self._members is not None
        row = self._index[group]
        self._rows_of.setdefault(row, []).append(self._members.n)
        self._members.add(np.asarray(vector, np.float32), row)

    def _set_centroid(self, group: Group) -> None:
        assert self._centroids is not None
        row = self._index.get(group.id)
        if row is None:
            self._index[group.id] = self._centroids.n
            self._ids.append(group.id)
            self._centroids.add(group.centroid(), group.id)
        else:
            self._centroids.data[row] = group.centroid()

    def best(
        self,
        vector: NDArray[Any],
        words: Sequence[str] = (),
        allowed: Sequence[int] | None = None,
    ) -> tuple[int, float]:
        """The best group for ``vector`` and ``words`` (among ``allowed`` ids when given:
        only those are scored) and its score; (0, -inf) when there is none."""
        assert self._centroids is not None and self._members is not None
        n = self._centroids.n
        if n == 0 or (allowed is not None and not allowed):
            return 0, float("-inf")
        rows = (
            np.arange(n, dtype=np.int64)
            if allowed is None
            else np.asarray(sorted(self._index[g] for g in allowed), np.int64)
        )
        central = self._centroids.data[rows] @ vector
        nearest = np.full(n, -1.0, np.float32)
        if self._members.n and self.link < 1.0:
            members: NDArray[np.int64]
            if allowed is None:
                members = np.arange(self._members.n, dtype=np.int64)
            else:
                members = np.asarray(
                    [m for r in rows.tolist() for m in self._rows_of.get(r, ())], np.int64
                )
            if len(members):
                sims = self._members.data[members] @ vector
                np.maximum.at(nearest, self._members.owner[members], sims)
        scores = self.link * central.astype(np.float64) + (1 - self.link) * nearest[rows]
        if self.lexical > 0:
            lexical = self._lexical(words, n, allowed)[rows]
            scores = (1 - self.lexical) * scores + self.lexical * lexical
        at = int(np.argmax(scores))  # ties: the oldest group
        return self._ids[int(rows[at])], float(scores[at])

    def features(
        self, vector: NDArray[Any], words: Sequence[str], allowed: Sequence[int]
    ) -> tuple[list[int], NDArray[Any]]:
        """The ``allowed`` groups (ids, in row order) and their pair features with
        ``vector`` and ``words`` (:data:`~unspin.narratives.pairs.PAIR_FEATURES`, one row
        each)."""
        assert self._centroids is not None and self._members is not None
        if self._centroids.n == 0 or not allowed:
            return [], np.zeros((0, len(PAIR_FEATURES)), np.float64)
        rows = np.asarray(sorted(self._index[g] for g in allowed), np.int64)
        central = self._centroids.data[rows] @ vector
        nearest = np.full(self._centroids.n, -1.0, np.float64)
        members = np.asarray([m for r in rows.tolist() for m in self._rows_of.get(r, ())], np.int64)
        if len(members):
            sims = (self._members.data[members] @ vector).astype(np.float64)
            np.maximum.at(nearest, self._members.owner[members], sims)
        lexical = self._lexical(words, self._centroids.n, allowed)
        idf = self.vocabulary.idf
        query = {w: idf(w) for w in set(words)}
        mass = sum(query.values()) or 1.0
        out = np.zeros((len(rows), len(PAIR_FEATURES)), np.float64)
        for k, row in enumerate(rows.tolist()):
            profile = {w: idf(w) for w in self._profile(self.groups[self._ids[row]])}
            shared = query.keys() & profile.keys()
            out[k] = (
                central[k],
                nearest[row],
                lexical[row],
                sum(query[w] for w in shared) / mass,
                sum(profile[w] for w in shared) / (sum(profile.values()) or 1.0),
            )
        return [self._ids[r] for r in rows.tolist()], out

    def _profile(self, group: Group) -> dict[str, int]:
        """The group's :data:`PROFILE` most frequent words (ties by word), cached until
        the group changes."""
        found = self._profiles.get(group.id)
        if found is None:
            top = sorted(group.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE]
            found = self._profiles[group.id] = dict(top)
        return found

    def _lexical(self, words: Sequence[str], n: int, allowed: Sequence[int] | None) -> NDArray[Any]:
        """The tf-idf cosine of ``words`` with each group's profile, for the groups
        holding one of the :data:`QUERY_WORDS` heaviest of ``words`` (0 for the others)."""
        out = np.zeros(n, np.float64)
        query = self.vocabulary.weights(Counter(words))
        heaviest = sorted(query, key=lambda w: (-query[w], w))[:QUERY_WORDS]
        near = {g for w in heaviest for g in self._holding.get(w, ())}
        if allowed is not None:
            near &= set(allowed)
        for g in sorted(near):
            profile = self.vocabulary.weights(self._profile(self.groups[g]))
            out[self._index[g]] = cosine(query, profile)
        return out

    def add(
        self, group_id: int | None, vector: NDArray[Any], words: Sequence[str] = (), **new: object
    ) -> Group:
        """Add ``vector`` to the group ``group_id``, or to a new group (``new`` sets its
        story and polarity)."""
        if group_id is None:
            group = Group(self.next_id, np.zeros(self.dim, np.float64), 0, **new)  # type: ignore[arg-type]
            self.groups[group.id] = group
            self.next_id += 1
        else:
            group = self.groups[group_id]
        group.total = group.total + vector.astype(np.float64)
        group.size += 1
        group.terms.update(words)
        self._profiles.pop(group.id, None)
        for w in set(words):
            self._holding.setdefault(w, set()).add(group.id)
        self._set_centroid(group)
        self.load_member(group.id, vector)
        return group


@dataclass
class State:
    """Stories and narratives so far; :meth:`place` adds one arriving document."""

    params: Params
    dim: int
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    stories: Space = field(init=False)
    narratives: Space = field(init=False)
    _by_story: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        p, vocabulary = self.params, self.vocabulary
        self.stories = Space(self.dim, p.story_link, p.story_lexical, vocabulary)
        self.narratives = Space(self.dim, p.narrative_link, p.narrative_lexical, vocabulary)

    def load_narrative(self, group: Group) -> None:
        self.narratives.load_group(group)
        self._by_story.setdefault((group.story, group.polarity), []).append(group.id)

    def narratives_of(self, story: int, polarity: str) -> list[int]:
        """The narratives of ``story`` with ``polarity`` (a claim may join one of them)."""
        return list(self._by_story.get((story, polarity), []))

    def _narrative(self, claim: ClaimInput, allowed: Sequence[int]) -> tuple[int, float]:
        """The best narrative of ``allowed`` for ``claim`` and its score."""
        weights = self.params.narrative_weights
        if not weights:
            return self.narratives.best(claim.vector, claim.terms, allowed)
        ids, features = self.narratives.features(claim.vector, claim.terms, allowed)
        if not ids:
            return 0, float("-inf")
        scores = pair_probability(features, weights)
        at = int(np.argmax(scores))  # ties: the oldest narrative
        return ids[at], float(scores[at])

    def join_story(self, doc: DocumentInput) -> tuple[Group, float]:
        """Put ``doc`` in its best story, or a new one under ``story_threshold``; the
        story and the score (1.0 for a new story)."""
        story_id, score = self.stories.best(doc.vector, doc.terms)
        if score < self.params.story_threshold:
            return self.stories.add(None, doc.vector, doc.terms), 1.0
        return self.stories.add(story_id, doc.vector, doc.terms), score

    def join(self, claim: ClaimInput, story: int, narrative: int | None) -> Group:
        """Add ``claim`` to ``narrative``, or (None) to a new narrative of ``story``."""
        if narrative is not None:
            return self.narratives.add(narrative, claim.vector, claim.terms)
        group = self.narratives.add(
            None, claim.vector, claim.terms, story=story, polarity=claim.polarity
        )
        self._by_story.setdefault((story, claim.polarity), []).append(group.id)
        return group

    def place(self, doc: DocumentInput) -> DocumentPlace:
        """Put ``doc`` in a story and its claims in narratives; return where they went."""
        story, score = self.join_story(doc)
        places = []
        for claim in doc.claims:
            found, sim = self._narrative(claim, self.narratives_of(story.id, claim.polarity))
            if sim < self.params.narrative_threshold:
                group, sim = self.join(claim, story.id, None), 1.0
            else:
                group = self.join(claim, story.id, found)
            places.append(ClaimPlace(claim, group.id, round(sim, 6)))
        self.vocabulary.add(doc.terms)
        return DocumentPlace(doc, story.id, round(score, 6), tuple(places))
