"""The shipped ``techniques`` analyzer as a system the PTC scorers can evaluate.

:func:`evaluation_system` turns a pipeline configuration into the two callables
:func:`unspin.techniques.ptc.evaluate` needs: ``detect`` (run the pipeline on articles, keep the
technique findings as labelled spans: SI and FLC) and ``classify`` (label the gold spans of
each article: TC, the shared task's setting where spans are given).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING

from unspin.config import Config
from unspin.errors import DependencyError
from unspin.model import Document
from unspin.techniques.ptc import Article, Span, article_document, spans_from_analysis

if TYPE_CHECKING:
    from unspin.analyzer import Context
    from unspin.nlp import Backbone
    from unspin.pipeline import Pipeline

__all__ = ["article_contexts", "classify_techniques", "evaluation_system", "held_out_ids"]

log = logging.getLogger(__name__)

Predict = Callable[[Sequence[Article]], list[list[Span]]]


def article_contexts(
    backbone: Backbone, articles: Sequence[Article]
) -> Iterator[tuple[Article, Context]]:
    """Each PTC article with the analyzer context the backbone gives it (parse, token
    states, sentence embeddings): what the quality gate and the training scripts score."""
    from unspin.analyzer import Context

    for article, parsed in zip(
        articles, backbone.parse_many([a.text for a in articles]), strict=True
    ):
        states = backbone.token_states(
            [article.text[s.start : s.end] for s in parsed.sentences],
            [s.start for s in parsed.sentences],
        )
        yield article, Context(article_document(article), parsed, (), states.embeddings, states)


def held_out_ids() -> list[str]:
    """The PTC articles the shipped model was *not* trained on (its model config lists them)."""
    try:
        path = resources.files("unspin").joinpath("techniques/artifacts/config.json")
        config = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return [str(i) for i in config.get("held_out_articles", [])]


def classify_techniques(
    pipeline: Pipeline, document: Document, spans: Sequence[tuple[int, int]]
) -> list[list[str]]:
    """Rank the 14 techniques for each given ``(start, end)`` span of ``document`` (most
    probable first), with ``pipeline``'s backbone and techniques analyzer."""
    import numpy as np

    from unspin.techniques.analyzer import TECHNIQUES, TechniquesAnalyzer

    analyzer = next((a for a in pipeline.analyzers if isinstance(a, TechniquesAnalyzer)), None)
    if analyzer is None:
        raise DependencyError(
            "this pipeline has no techniques analyzer",
            hint='add "techniques" to [pipeline] analyzers',
        )
    proba = analyzer.classify_spans(pipeline.context(document), spans)
    return [[TECHNIQUES[i] for i in np.argsort(-p, kind="stable")] for p in proba]


def evaluation_system(config: Config) -> tuple[Predict, Predict | None]:
    """``(detect, classify)`` for the pipeline ``config`` describes (``classify`` is None
    when its techniques analyzer cannot label given spans)."""
    from unspin.pipeline import Pipeline

    pipeline = Pipeline(config)

    def detect(articles: Sequence[Article]) -> list[list[Span]]:
        out = []
        for article, analysis in zip(
            articles, pipeline.analyze_many(article_document(a) for a in articles), strict=True
        ):
            for failure in analysis.failures:
                log.warning(
                    "article %s: %s failed: %s", article.id, failure.analyzer, failure.message
                )
            out.append(spans_from_analysis(analysis, article.id))
        return out

    if "techniques" not in pipeline.names:
        return detect, None

    def classify(articles: Sequence[Article]) -> list[list[Span]]:
        out = []
        for article in articles:
            spans = article.spans
            distinct = sorted({(s.start, s.end) for s in spans})
            wanted = {key: sum(1 for s in spans if (s.start, s.end) == key) for key in distinct}
            ranked = classify_techniques(pipeline, article_document(article), distinct)
            labelled = [
                Span(article.id, start, end, technique)
                for (start, end), techniques in zip(distinct, ranked, strict=True)
                for technique in techniques[: wanted[(start, end)]]
            ]
            out.append(labelled)
        return out

    return detect, classify
