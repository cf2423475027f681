"""The library entry points behind :func:`unspin.analyze`: through :mod:`unspin.app`, so
they share its pipeline cache (one pipeline per configuration and process)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from unspin.app.analyze import analyze_input
from unspin.app.pipelines import load_pipeline
from unspin.config import Config
from unspin.model import Analysis, Document

__all__ = ["analyze", "analyze_many"]


def analyze(
    text_or_path: str | Path | Document,
    config: Config | str | Path | Mapping[str, Any] | None = None,
    **metadata: Any,
) -> Analysis:
    """Analyse one article: a text, a path to a file (text, Markdown, HTML) or a Document.

    ``metadata`` (``title``, ``url``, ``outlet``, ``author``, ``published``) applies to
    a text given directly. Raises :class:`~unspin.errors.InputError` for unusable input.
    """
    return analyze_input(text_or_path, config, **metadata)


def analyze_many(
    documents: Iterable[Document],
    config: Config | str | Path | Mapping[str, Any] | None = None,
) -> Iterator[Analysis]:
    """Analyse documents lazily with one pipeline."""
    return load_pipeline(config).analyze_many(documents)
