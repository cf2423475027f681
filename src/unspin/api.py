"""The library entry points behind :func:`unspin.analyze`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from unspin.config import Config, load_config
from unspin.errors import InputError
from unspin.model import Analysis, Document
from unspin.pipeline import Pipeline

__all__ = ["analyze", "analyze_many"]

_PIPELINES: dict[Config, Pipeline] = {}


def _pipeline(config: Config | str | Path | Mapping[str, Any] | None) -> Pipeline:
    cfg = load_config(config)
    if cfg not in _PIPELINES:
        _PIPELINES[cfg] = Pipeline(cfg)
    return _PIPELINES[cfg]


def _looks_like_path(value: str) -> bool:
    return len(value) < 4096 and "\n" not in value and os.path.isfile(value)


def analyze(
    text_or_path: str | Path | Document,
    config: Config | str | Path | Mapping[str, Any] | None = None,
    **metadata: Any,
) -> Analysis:
    """Analyse one article: a text, a path to a file (text, Markdown, HTML) or a Document.

    ``metadata`` (``title``, ``url``, ``outlet``, ``author``, ``published``) applies to
    a text given directly. Raises :class:`~unspin.errors.InputError` for unusable input.
    """
    from unspin.ingest import load_path, load_text

    pipeline = _pipeline(config)
    if isinstance(text_or_path, Document):
        document = text_or_path
    elif isinstance(text_or_path, Path) or _looks_like_path(text_or_path):
        docs = list(load_path(Path(text_or_path), max_bytes=pipeline.config.max_bytes))
        if not docs:
            raise InputError("no document found", source=str(text_or_path))
        first = docs[0]
        if isinstance(first, InputError):
            raise first
        document = first
    else:
        document = load_text(text_or_path, max_bytes=pipeline.config.max_bytes, **metadata)
    return pipeline.analyze(document)


def analyze_many(
    documents: Iterable[Document],
    config: Config | str | Path | Mapping[str, Any] | None = None,
) -> Iterator[Analysis]:
    """Analyse documents lazily with one pipeline."""
    return _pipeline(config).analyze_many(documents)
