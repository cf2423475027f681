"""What unspin offers: its version, analyzers, default configuration and output schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unspin.analyzer import analyzer_class, available_analyzers
from unspin.config import default_config_text
from unspin.report import schema

__all__ = ["AnalyzerInfo", "analysis_schema", "default_config_text", "list_analyzers", "version"]


def version() -> str:
    """The installed unspin's version."""
    from unspin import __version__

    return __version__


@dataclass(frozen=True)
class AnalyzerInfo:
    """An available analyzer: name, version, first docstring line, finding kinds."""

    name: str
    version: str
    summary: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]


def list_analyzers() -> list[AnalyzerInfo]:
    """Every analyzer available (built in or installed as a plugin), by name."""
    out = []
    for name in available_analyzers():
        cls = analyzer_class(name)
        doc = (cls.__doc__ or "").strip().splitlines()
        summary = doc[0] if doc else ""
        out.append(
            AnalyzerInfo(name, cls.version, summary, tuple(cls.requires), tuple(cls.produces))
        )
    return out


def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of an analysis."""
    return schema()
