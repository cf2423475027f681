"""Analyzers: one module each, registered by name (see :mod:`unspin.analyzers.base`)."""

from unspin.analyzers.base import (
    BUILTIN_ANALYZERS,
    Analyzer,
    AnalyzerResult,
    Context,
    analyzer_class,
    available_analyzers,
    register,
)

__all__ = [
    "BUILTIN_ANALYZERS",
    "Analyzer",
    "AnalyzerResult",
    "Context",
    "analyzer_class",
    "available_analyzers",
    "register",
]
