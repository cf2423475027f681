"""The analyzer contract: what an analyzer reads, what it returns, how it is registered.

An analyzer is pure: it receives a :class:`Context` (the document, the backbone's parse,
optional sentence embeddings and word-piece states, and the findings of the analyzers
that ran before it) and returns an :class:`AnalyzerResult` (new findings and a
per-document summary). It keeps no per-document state between calls; heavy models are
loaded lazily, once.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

import numpy as np

from unspin.errors import ConfigError, UnknownAnalyzerError
from unspin.model import JSON, Document, Explanation, Finding, Relation
from unspin.nlp import Parsed, TokenStates

__all__ = [
    "BUILTIN_ANALYZERS",
    "Analyzer",
    "AnalyzerResult",
    "Context",
    "analyzer_class",
    "available_analyzers",
    "register",
]

#: Artefacts the pipeline itself provides (from the backbone) before any analyzer runs.
#: ``token_states`` (per-word-piece MiniLM states, :class:`~unspin.nlp.TokenStates`) is
#: computed only when some analyzer requires it.
BACKBONE_PRODUCES = ("parse", "embeddings", "token_states")


@dataclass(frozen=True)
class Context:
    """Everything an analyzer may read about one document."""

    document: Document
    parsed: Parsed
    findings: tuple[Finding, ...] = ()
    embeddings: np.ndarray | None = field(default=None, compare=False)
    token_states: TokenStates | None = field(default=None, compare=False)

    @property
    def text(self) -> str:
        return self.document.text

    def of_kind(self, *kinds: str) -> list[Finding]:
        """Earlier findings of the given kinds, in text order."""
        return [f for f in self.findings if f.kind in kinds]


@dataclass(frozen=True)
class AnalyzerResult:
    """What one analyzer returns for one document."""

    findings: tuple[Finding, ...] = ()
    summary: Mapping[str, JSON] = field(default_factory=dict)


class Analyzer(ABC):
    """Base class for analyzers.

    Subclasses set ``name``, ``version``, ``requires`` (artefacts or finding kinds that
    must be produced before it runs: ``"parse"``, ``"embeddings"``, ``"quote"``, ...) and
    ``produces`` (the finding kinds it emits), and implement :meth:`run`. Options come
    from the ``[analyzers.NAME]`` table of the config; unknown options are an error.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[Mapping[str, Any]] = {}

    def __init__(self, **options: Any) -> None:
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "none"
            raise ConfigError(
                f"unknown option(s) {', '.join(unknown)} for analyzer {self.name!r}",
                hint=f"known options: {known}",
            )
        self.config: dict[str, Any] = {**self.options, **options}

    @abstractmethod
    def run(self, ctx: Context) -> AnalyzerResult:
        """Analyse one document and return new findings."""

    def finding(
        self,
        ctx: Context,
        start: int,
        end: int,
        *,
        kind: str,
        label: str,
        score: float,
        explanation: Explanation,
        attributes: Mapping[str, JSON] | None = None,
        relations: Iterable[Relation] = (),
    ) -> Finding:
        """Create a finding of this analyzer anchored in ``ctx.document``."""
        return Finding.anchored(
            ctx.document,
            start,
            end,
            kind=kind,
            label=label,
            score=score,
            analyzer=self.name,
            analyzer_version=self.version,
            explanation=explanation,
            attributes=attributes,
            relations=relations,
        )


A = TypeVar("A", bound=type[Analyzer])

_REGISTRY: dict[str, type[Analyzer]] = {}

#: Built-in analyzers, imported on first use so that an unused one costs nothing.
BUILTIN_ANALYZERS: dict[str, str] = {
    "sources": "unspin.analyzers.sources",
    "certainty": "unspin.analyzers.certainty",
    "claims": "unspin.analyzers.claims",
    "techniques": "unspin.analyzers.techniques",
    "factchecks": "unspin.factchecks.analyzer",
    "outlets": "unspin.outlets.analyzer",
    "verdicts": "unspin.evidence.analyzer",
}


def register(name: str) -> Callable[[A], A]:
    """Class decorator: make an analyzer available to pipelines under ``name``."""

    def wrap(cls: A) -> A:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return wrap


def available_analyzers() -> list[str]:
    """Names of every registered or built-in analyzer."""
    return sorted(set(_REGISTRY) | set(BUILTIN_ANALYZERS))


def analyzer_class(name: str) -> type[Analyzer]:
    """The analyzer class registered under ``name``, importing a built-in if needed."""
    if name not in _REGISTRY and name in BUILTIN_ANALYZERS:
        importlib.import_module(BUILTIN_ANALYZERS[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownAnalyzerError(
            f"no analyzer named {name!r}",
            hint=f"available: {', '.join(available_analyzers())}",
        ) from None
