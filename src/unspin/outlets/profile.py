"""Outlet profiles over a corpus store: what each outlet's stored articles contain, per
document and per 1,000 words, beside the corpus average and the outlet's published ratings.

An outlet is the ``outlet`` metadata a document was stored with (the ``outlets`` table
the store core keeps; ``unspin corpus stats`` lists them). Documents without one count in
the corpus averages but form no outlet of their own.

Everything is read from the store's public SQL access (``store.sql``): documents, and
findings by their kind, label and source type as the analyzers stored them (no other
feature is imported):

* **words**: runs of letters and digits in the stored text (``don't``, ``well-known`` and
  ``4,000.5`` are one word each), :func:`count_words`.
* **techniques** per 1,000 words, by technique: ``technique`` findings by label.
* **anonymous quotations**: the share of ``quote`` findings whose source type is
  ``anonymous`` or ``unresolved``.
* **hedges** and **boosters** per 1,000 words: ``hedge`` and ``booster`` findings.
* **check-worthy claims** per article: ``claim`` findings whose ``checkworthy`` attribute
  is true.
* **fact-checked claims** per article: ``factcheck`` findings labelled ``match``, and
  their count by the publisher's ``rating`` as written.
* **narratives carried**: :func:`narratives_carried`, a hook that reads the narratives
  stored by ``unspin corpus narratives`` (a ``narrative_claims`` or ``narratives`` table,
  through SQL) when a store has them; None otherwise.

Each rate is the ratio of the outlet's totals (all its hedges over all its words, ...),
with a 95 % percentile bootstrap interval over its documents (:data:`RESAMPLES`
resamples of its documents with replacement, drawn from a generator seeded by
:data:`SEED` and the outlet's name, so the same store gives the same interval in a
listing and in a detail view, run after run). With very few documents resampling noise
can put the estimate outside its percentile interval; the interval is then widened to
include it. Under :data:`SMALL_SAMPLE` documents a profile carries a warning: its rates
rest on too little text to compare outlets.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from numpy.typing import NDArray

from unspin.errors import NotFoundError
from unspin.outlets.counts import (
    ANONYMOUS_TYPES,
    NARRATIVE_TABLES,
    TECHNIQUE,
    DocumentCounts,
    count_words,
    narratives_carried,
    read_counts,
)
from unspin.outlets.ratings import DomainMatch, OutletRatings, normalise_host
from unspin.store.outlet_names import site_domain
from unspin.store.sql import SQLAccess

__all__ = [
    "ANONYMOUS_TYPES",
    "NARRATIVE_TABLES",
    "RESAMPLES",
    "SEED",
    "SMALL_SAMPLE",
    "OutletProfile",
    "OutletProfiles",
    "Rate",
    "UnknownOutletError",
    "count_words",
    "narratives_carried",
    "outlet_profiles",
]

#: Bootstrap resamples per outlet.
RESAMPLES = 1000
#: The seed of every outlet's resampling (mixed with a hash of its name).
SEED = 16
#: Under this many documents an outlet's rates carry a small-sample warning.
SMALL_SAMPLE = 10
#: The confidence of the intervals.
CONFIDENCE = 0.95


class UnknownOutletError(NotFoundError):
    """No stored document has this outlet."""


@dataclass(frozen=True)
class Rate:
    """One rate of an outlet: its value, the bootstrap interval, the corpus average, and
    the count it is made of (the numerator). None where the denominator is 0 (a share of
    quotations in an outlet that quotes no one)."""

    value: float | None
    low: float | None
    high: float | None
    corpus: float | None
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _round(self.value),
            "low": _round(self.low),
            "high": _round(self.high),
            "corpus": _round(self.corpus),
            "count": self.count,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class OutletProfile:
    """What one outlet's stored documents hold; see the module docstring."""

    name: str
    documents: int
    words: int
    first_published: str | None
    last_published: str | None
    techniques: Rate
    by_technique: dict[str, Rate]
    quotes: int
    anonymous_quotes: Rate
    hedges: Rate
    boosters: Rate
    checkworthy_claims: Rate
    factchecked_claims: Rate
    factcheck_ratings: dict[str, int]
    narratives: int | None
    ratings: tuple[dict[str, Any], ...] = ()
    ratings_domain: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def small_sample(self) -> bool:
        return self.documents < SMALL_SAMPLE

    @property
    def warnings(self) -> tuple[str, ...]:
        if not self.small_sample:
            return ()
        return (
            f"small sample: {self.documents} document{'s' if self.documents != 1 else ''} "
            f"(under {SMALL_SAMPLE}); the rates and their intervals say little",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "documents": self.documents,
            "words": self.words,
            "first_published": self.first_published,
            "last_published": self.last_published,
            "small_sample": self.small_sample,
            "warnings": list(self.warnings),
            "techniques_per_1000_words": self.techniques.to_dict(),
            "by_technique_per_1000_words": {k: r.to_dict() for k, r in self.by_technique.items()},
            "quotes": self.quotes,
            "anonymous_quote_share": self.anonymous_quotes.to_dict(),
            "hedges_per_1000_words": self.hedges.to_dict(),
            "boosters_per_1000_words": self.boosters.to_dict(),
            "checkworthy_claims_per_document": self.checkworthy_claims.to_dict(),
            "factchecked_claims_per_document": self.factchecked_claims.to_dict(),
            "factcheck_ratings": dict(self.factcheck_ratings),
            "narratives": self.narratives,
            "ratings_domain": self.ratings_domain,
            "ratings": [dict(r) for r in self.ratings],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class OutletProfiles:
    """The profiles of a store's outlets (largest first) and the corpus they sit in."""

    outlets: tuple[OutletProfile, ...]
    documents: int
    words: int
    resamples: int = RESAMPLES
    seed: int = SEED
    confidence: float = CONFIDENCE
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": {"documents": self.documents, "words": self.words},
            "interval": {
                "method": "percentile bootstrap over documents",
                "confidence": self.confidence,
                "resamples": self.resamples,
                "seed": self.seed,
            },
            "small_sample_under": SMALL_SAMPLE,
            "notes": list(self.notes),
            "outlets": [o.to_dict() for o in self.outlets],
        }


# -- rates and their intervals -------------------------------------------------------------


@dataclass(frozen=True)
class _Statistic:
    """A rate as a function of column totals: ``numerator`` over ``denominator``
    (``"documents"`` counts rows) times ``scale``."""

    numerator: str
    denominator: str
    scale: float = 1.0


def _value(num: float, den: float, scale: float) -> float | None:
    return None if den <= 0 else num / den * scale


def _resampled_totals(counts: NDArray[Any], seed: int, resamples: int) -> NDArray[Any]:
    """Column totals of ``resamples`` resamples of the rows (with replacement):
    resamples x columns, from multinomial row weights drawn in blocks."""
    n = counts.shape[0]
    rng = np.random.default_rng(seed)
    block = max(1, min(resamples, 2_000_000 // max(n, 1)))
    out = []
    done = 0
    while done < resamples:
        size = min(block, resamples - done)
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=size).astype(np.float64)
        out.append(weights @ counts)
        done += size
    return np.vstack(out)


def _rates(
    counts: NDArray[Any],
    columns: Sequence[str],
    statistics: Mapping[str, _Statistic],
    corpus: Mapping[str, float | None],
    seed: int,
    resamples: int,
) -> dict[str, Rate]:
    index = {c: i for i, c in enumerate(columns)}
    totals = counts.sum(axis=0)
    boot = _resampled_totals(counts, seed, resamples)
    half = (1.0 - CONFIDENCE) / 2 * 100
    out: dict[str, Rate] = {}
    for name, stat in statistics.items():
        num, den = index[stat.numerator], index[stat.denominator]
        value = _value(float(totals[num]), float(totals[den]), stat.scale)
        low = high = None
        if value is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratios = np.where(
                    boot[:, den] > 0, boot[:, num] / boot[:, den] * stat.scale, np.nan
                )
            kept = ratios[~np.isnan(ratios)]
            if kept.size:
                lo, hi = np.percentile(kept, [half, 100 - half])
                low, high = min(float(lo), value), max(float(hi), value)
        out[name] = Rate(value, low, high, corpus.get(name), int(totals[num]))
    return out


def _seed(name: str, seed: int) -> int:
    return (seed * 1_000_003 + zlib.crc32(name.encode("utf-8"))) % 2**32


# -- ratings ----------------------------------------------------------------------------


def _ratings_for(
    ratings: OutletRatings | None, name: str, urls: Iterable[str | None]
) -> DomainMatch | None:
    """The published ratings of an outlet: its name as a domain (``example.org``) or as
    the data set names it (any case), else the host most of its documents' URLs share."""
    if ratings is None:
        return None
    found = ratings.lookup(name) if "." in name and " " not in name.strip() else None
    if found is None:
        wanted = " ".join(name.split()).casefold()
        spelled = next((n for n in ratings.names if n.casefold() == wanted), None)
        found = ratings.lookup_name(spelled) if spelled else None
    if found is None:
        hosts = Counter(
            normalise_host(urlsplit(u).hostname or "") for u in urls if u and "://" in u
        )
        hosts.pop("", None)
        for host, _ in hosts.most_common(1):
            found = ratings.lookup(host)
    return found


# -- profiles ---------------------------------------------------------------------------

_PER_WORDS = ("hedges", "boosters", "techniques")


def outlet_profiles(
    sql: SQLAccess,
    name: str | None = None,
    *,
    ratings: OutletRatings | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    narratives: Callable[[SQLAccess, Sequence[int]], int | None] = narratives_carried,
) -> OutletProfiles:
    """The profiles of every outlet of a store (largest first, then by name), or of the
    outlet ``name`` alone (exact, else the one outlet matching it in any case;
    :class:`UnknownOutletError` if none). ``ratings``: published ratings to show beside
    each profile (None: none shown, with a note)."""
    counts = read_counts(sql)
    sizes = Counter(o for o in counts.outlets if o)
    if name is not None:
        wanted = name if name in sizes else _by_case(name, sizes) or _by_site(name, counts)
        if wanted is None:
            known = ", ".join(sorted(sizes)[:10]) or "none"
            raise UnknownOutletError(
                f"no outlet {name[:200]!r} in the store",
                hint=f"its outlets: {known}{', ...' if len(sizes) > 10 else ''}; "
                "see 'unspin corpus stats'",
            )
        chosen = [wanted]
    else:
        chosen = sorted(sizes, key=lambda o: (-sizes[o], o))
    techniques = sorted(c[len(TECHNIQUE) :] for c in counts.columns if c.startswith(TECHNIQUE))
    columns = [
        "documents",
        "words",
        "hedges",
        "boosters",
        "techniques",
        "quotes",
        "anonymous_quotes",
        "checkworthy",
        "factchecked",
        *(TECHNIQUE + t for t in techniques),
    ]
    matrix = counts.matrix(columns)
    matrix[:, 0] = 1.0
    matrix[:, 1] = counts.words
    statistics = {k: _Statistic(k, "words", 1000.0) for k in _PER_WORDS}
    statistics.update(
        {TECHNIQUE + t: _Statistic(TECHNIQUE + t, "words", 1000.0) for t in techniques}
    )
    statistics["anonymous_quotes"] = _Statistic("anonymous_quotes", "quotes")
    statistics["checkworthy"] = _Statistic("checkworthy", "documents")
    statistics["factchecked"] = _Statistic("factchecked", "documents")
    index = {c: i for i, c in enumerate(columns)}
    totals = matrix.sum(axis=0)
    corpus = {
        k: _value(float(totals[index[s.numerator]]), float(totals[index[s.denominator]]), s.scale)
        for k, s in statistics.items()
    }
    rows_of: dict[str, list[int]] = {}
    for i, o in enumerate(counts.outlets):
        rows_of.setdefault(o, []).append(i)
    profiles = []
    for outlet in chosen:
        rows = rows_of[outlet]
        rates = _rates(matrix[rows], columns, statistics, corpus, _seed(outlet, seed), resamples)
        profiles.append(_profile(outlet, rows, counts, rates, techniques, ratings, sql, narratives))
    notes = []
    if ratings is None:
        notes.append(
            "no published ratings loaded: set [analyzers.outlets] path (or --ratings) to the "
            "domain-ratings data set folder"
        )
    if profiles and profiles[0].narratives is None:
        notes.append(
            "narratives carried: not counted (no narratives stored: run 'unspin corpus narratives')"
        )
    return OutletProfiles(
        tuple(profiles),
        len(counts.keys),
        int(sum(counts.words)),
        resamples=resamples,
        seed=seed,
        notes=tuple(notes),
    )


def _by_site(name: str, counts: DocumentCounts) -> str | None:
    """The one outlet the documents of the site ``name`` names (its domain or a URL of
    it) are stored under: a site whose documents took the name one of them gives
    (:mod:`unspin.store.outlet_names`) is found by its domain too."""
    domain = site_domain(name)
    found = {
        outlet
        for outlet, url in zip(counts.outlets, counts.urls, strict=True)
        if outlet and domain and site_domain(url or "") == domain
    }
    return found.pop() if len(found) == 1 else None


def _by_case(name: str, outlets: Iterable[str]) -> str | None:
    wanted = " ".join(name.split()).casefold()
    found = [o for o in outlets if " ".join(o.split()).casefold() == wanted]
    return found[0] if len(found) == 1 else None


def _profile(
    outlet: str,
    rows: Sequence[int],
    counts: DocumentCounts,
    rates: Mapping[str, Rate],
    techniques: Sequence[str],
    ratings: OutletRatings | None,
    sql: SQLAccess,
    narratives: Callable[[SQLAccess, Sequence[int]], int | None],
) -> OutletProfile:
    keys = [counts.keys[i] for i in rows]
    dates = sorted(p for i in rows if (p := counts.published[i]))
    by_rating: Counter[str] = Counter()
    for key in keys:
        by_rating.update(counts.ratings.get(key, Counter()))
    match = _ratings_for(ratings, outlet, (counts.urls[i] for i in rows))
    notes = []
    if ratings is not None and match is None:
        notes.append("no published rating found for this outlet")
    return OutletProfile(
        name=outlet,
        documents=len(rows),
        words=int(sum(counts.words[i] for i in rows)),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        techniques=rates["techniques"],
        by_technique={t: rates[TECHNIQUE + t] for t in techniques},
        quotes=int(sum(counts.columns.get("quotes", {}).get(k, 0) for k in keys)),
        anonymous_quotes=rates["anonymous_quotes"],
        hedges=rates["hedges"],
        boosters=rates["boosters"],
        checkworthy_claims=rates["checkworthy"],
        factchecked_claims=rates["factchecked"],
        factcheck_ratings=dict(sorted(by_rating.items(), key=lambda kv: (-kv[1], kv[0]))),
        narratives=narratives(sql, keys),
        ratings=tuple(r.to_dict() for r in match.ratings) if match else (),
        ratings_domain=match.domain if match else None,
        notes=tuple(notes),
    )
