"""The one registry of features: which packages make up unspin and what each provides.

A feature is a package under ``unspin/`` (``unspin.claims``, ``unspin.factchecks``, ...).
It declares, as dotted module names so that nothing is imported until needed:

- ``analyzers``: analyzer name -> module that registers it (``@register(name)``);
- ``tables``: a module with ``MIGRATIONS`` (its store tables; its repositories, classes
  built over the store's SQL access, are reached with ``store.repository(cls)``), see
  :mod:`unspin.store`;
- ``report``: a module with ``SECTIONS`` (its report fragments, see :mod:`unspin.report`).

Removing a feature is deleting its folder and its line in :data:`BUILTIN_FEATURES`.
Third-party analyzers register through the ``unspin.analyzers`` entry-point group
(see ``docs/plugins.md``). The kernel, the store core and the report core reach features
only through this table, never by importing them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType

__all__ = ["BUILTIN_FEATURES", "Feature", "default_analyzers", "feature_modules", "features"]


@dataclass(frozen=True)
class Feature:
    """What one feature package provides (module names, imported lazily)."""

    name: str
    analyzers: Mapping[str, str] = field(default_factory=dict)
    tables: str | None = None
    report: str | None = None
    #: whether its analyzers join the default pipeline (in the order of this table)
    default: bool = True


#: One line per feature; the order is the order of report sections and store migrations.
BUILTIN_FEATURES: tuple[Feature, ...] = (
    Feature("sources", {"sources": "unspin.sources.analyzer"}, report="unspin.sources.report"),
    Feature(
        "certainty", {"certainty": "unspin.certainty.analyzer"}, report="unspin.certainty.report"
    ),
    Feature("claims", {"claims": "unspin.claims.analyzer"}, report="unspin.claims.report"),
    Feature(
        "techniques",
        {"techniques": "unspin.techniques.analyzer"},
        report="unspin.techniques.report",
    ),
    Feature(
        "factchecks",
        {"factchecks": "unspin.factchecks.analyzer"},
        tables="unspin.factchecks.tables",
    ),
    Feature("outlets", {"outlets": "unspin.outlets.analyzer"}, report="unspin.outlets.report"),
    Feature(
        "timelines", {"timelines": "unspin.timelines.analyzer"}, report="unspin.timelines.report"
    ),
    Feature(
        "evidence",
        {"verdicts": "unspin.evidence.analyzer"},
        tables="unspin.evidence.tables",
        default=False,  # needs an evidence store: `unspin evidence add`
    ),
    Feature("corpus", tables="unspin.corpus.tables", report="unspin.corpus.report"),
    Feature("reviews", tables="unspin.reviews.tables"),
    Feature("narratives", tables="unspin.narratives.tables"),
)


def features() -> tuple[Feature, ...]:
    """The built-in features, in order."""
    return BUILTIN_FEATURES


def default_analyzers() -> tuple[str, ...]:
    """The analyzers of the default pipeline, in the order they run."""
    return tuple(name for f in BUILTIN_FEATURES if f.default for name in f.analyzers)


def feature_modules(kind: str) -> list[ModuleType]:
    """The imported ``tables`` or ``report`` modules of every feature that has one."""
    if kind not in ("tables", "report"):
        raise ValueError(f"unknown feature part {kind!r}")
    out = []
    for feature in BUILTIN_FEATURES:
        name = getattr(feature, kind)
        if name:
            out.append(importlib.import_module(name))
    return out
