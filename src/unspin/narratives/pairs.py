"""The pair model that decides whether a claim joins a narrative.

A claim is compared with each narrative of its story on :data:`PAIR_FEATURES`
(:meth:`unspin.narratives.cluster.Space.features`), and the logistic model
:data:`NARRATIVE_WEIGHTS` turns them into the probability that the claim tells the same
claim as the narrative. The weights were fitted by ``training/narratives/pair_weights.py``
on CheckThat! 2020 claim-retrieval train tweets ingested with their verified claims and as
many distractor claims (teacher-forced: each claim against the narratives its gold partners
formed before it), and the threshold on the probability (``Params.narrative_threshold``)
chosen by 3-fold cross-validation of the whole online clustering over those tweets;
``training/narratives/MODEL_CARD.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import ConfigError

__all__ = ["NARRATIVE_WEIGHTS", "PAIR_FEATURES", "pair_probability"]

#: The features of a (claim, narrative) pair, in the order of the weights.
PAIR_FEATURES: tuple[str, ...] = (
    "centroid",  # cosine of the claim and the narrative's centroid
    "nearest",  # the best cosine of the claim and a member of the narrative
    "lexical",  # tf-idf cosine of the claim's words and the narrative's
    "overlap",  # IDF-weighted share of the claim's words found in the narrative
    "coverage",  # IDF-weighted share of the narrative's words found in the claim
)

#: The intercept, then one weight per feature of :data:`PAIR_FEATURES`.
NARRATIVE_WEIGHTS: tuple[float, ...] = (-6.714, 4.6116, 3.4383, 4.8595, 2.7057, 3.6779)


def pair_probability(features: NDArray[Any], weights: Sequence[float]) -> NDArray[Any]:
    """The probability of each row of ``features`` under the intercept and weights."""
    w = np.asarray(weights, np.float64)
    if len(w) != features.shape[1] + 1:
        raise ConfigError(
            f"narrative_weights has {len(w)} numbers; the pair model needs "
            f"{features.shape[1] + 1} (an intercept and one weight per feature of "
            f"{', '.join(PAIR_FEATURES)})",
            hint="give the full list of weights, or () for the claim's similarity alone",
        )
    z = np.clip(features @ w[1:] + w[0], -50.0, 50.0)
    return np.asarray(1.0 / (1.0 + np.exp(-z)), np.float64)
