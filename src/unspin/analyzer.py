"""The analyzer contract: what an analyzer reads, what it returns, how it is registered.

An analyzer is pure: it receives a :class:`Context` (the document, the backbone's parse,
optional sentence embeddings and word-piece states, the findings of the analyzers that
ran before it, and the pipeline's shared :class:`Services`) and returns an
:class:`AnalyzerResult` (new findings and a per-document summary). It keeps no
per-document state between calls; heavy models are loaded lazily, once.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import Any, ClassVar, Generic, TypeVar

from numpy.typing import NDArray

from unspin.cache import Once
from unspin.errors import PipelineError, UnknownAnalyzerError
from unspin.features import features
from unspin.model import JSON, Document, Explanation, Finding, Relation
from unspin.nlp import Backbone, Parsed, TokenStates
from unspin.options import NoOptions, build_options

__all__ = [
    "ENTRY_POINT_GROUP",
    "Analyzer",
    "AnalyzerResult",
    "Context",
    "Services",
    "analyzer_class",
    "available_analyzers",
    "builtin_analyzers",
    "register",
    "registered",
    "restore_registry",
]

#: Artefacts the pipeline itself provides (from the backbone) before any analyzer runs.
#: ``token_states`` (per-word-piece MiniLM states, :class:`~unspin.nlp.TokenStates`) is
#: computed only when some analyzer requires it.
BACKBONE_PRODUCES = ("parse", "embeddings", "token_states")

OptionsT = TypeVar("OptionsT")
T = TypeVar("T")

#: The module whose ``open_store(url, create=False)`` :meth:`Services.store` calls by
#: default (by name: the kernel does not import the store layer built on it).
STORE_MODULE = "unspin.store"


class Services:
    """What the analyzers of one pipeline share, reached through ``ctx.services``.

    - :attr:`backbone`: the pipeline's backbone (the configured spaCy model and sentence
      encoder, each loaded once per process), for an analyzer that must parse or embed
      other texts than the document (fact-checks, evidence) as the document was;
    - :meth:`store`: a corpus store by URL, opened once per pipeline;
    - :meth:`shared`: any other resource built once per pipeline.

    :meth:`close` (called by :meth:`Pipeline.close <unspin.pipeline.Pipeline.close>`)
    closes the stores and every shared resource that has a ``close()``.
    """

    def __init__(
        self,
        backbone: Backbone | None = None,
        *,
        open_store: Callable[[str], Any] | None = None,
    ) -> None:
        self._backbone = backbone
        self._open_store = open_store
        self._resources: Once[Hashable, Any] = Once()

    @property
    def backbone(self) -> Backbone:
        if self._backbone is None:
            raise PipelineError(
                "this context was built without a pipeline, so it has no backbone",
                hint="get one with Pipeline.context(document)",
            )
        return self._backbone

    def shared(self, key: Hashable, make: Callable[[], T]) -> T:
        """The resource under ``key``, made by ``make()`` on first use (thread-safe)."""
        value: T = self._resources.get(key, make)
        return value

    def store(self, url: str) -> Any:
        """The existing store at ``url`` (a :class:`unspin.store.Store`), opened on first
        use and kept open until :meth:`close`."""
        return self.shared(("store", str(url)), lambda: self._opener()(str(url)))

    def _opener(self) -> Callable[[str], Any]:
        if self._open_store is not None:
            return self._open_store
        module = importlib.import_module(STORE_MODULE)

        def open_existing(url: str) -> Any:
            return module.open_store(url, create=False)

        return open_existing

    def close(self) -> None:
        """Close every store and shared resource (newest first); they reopen on next use."""
        failed: Exception | None = None
        for resource in reversed(self._resources.clear()):
            close = getattr(resource, "close", None)
            try:
                if callable(close):
                    close()
            except Exception as exc:  # close the others, then raise the first failure
                failed = failed or exc
        if failed is not None:
            raise failed


@dataclass(frozen=True)
class Context:
    """Everything an analyzer may read about one document, and the pipeline's services."""

    document: Document
    parsed: Parsed
    findings: tuple[Finding, ...] = ()
    embeddings: NDArray[Any] | None = field(default=None, compare=False)
    token_states: TokenStates | None = field(default=None, compare=False)
    services: Services = field(default_factory=Services, compare=False, repr=False)
    #: When the document is one window of a longer text (:mod:`unspin.windows`), up to a
    #: window's length of the text before it (a live blog's last post timestamp above a
    #: window that starts inside that post); empty for a document analysed whole.
    preceding: str = field(default="", compare=False, repr=False)

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


class Analyzer(ABC, Generic[OptionsT]):
    """Base class for analyzers.

    Subclasses set ``name``, ``version``, ``requires`` (artefacts or finding kinds that
    must be produced before it runs: ``"parse"``, ``"embeddings"``, ``"quote"``, ...),
    ``produces`` (the finding kinds it emits), ``languages`` (the languages it reads;
    None, the default: any) and ``Options`` (a frozen dataclass of typed
    options, see :mod:`unspin.options`), and implement :meth:`run`. Options come from the
    ``[analyzers.NAME]`` table of the config; unknown or ill-typed options are an error.
    """

    name: ClassVar[str]
    version: ClassVar[str] = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type[Any]] = NoOptions
    #: ISO 639-1 codes of the languages it reads (None: any); the pipeline skips it on a
    #: document in another language (see :mod:`unspin.language`).
    languages: ClassVar[tuple[str, ...] | None] = None

    def __init__(self, options: OptionsT | None = None, /, **values: Any) -> None:
        if options is not None and values:
            raise TypeError("pass an options object or keyword options, not both")
        if options is None:
            options = build_options(self.Options, values, self.name)
        elif not isinstance(options, self.Options):
            raise TypeError(f"{self.name} takes {self.Options.__name__}")
        self.options: OptionsT = options

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


A = TypeVar("A", bound=type[Analyzer[Any]])

#: The entry-point group third-party analyzers register under (``name = "pkg.mod:Class"``).
ENTRY_POINT_GROUP = "unspin.analyzers"

_REGISTRY: dict[str, type[Analyzer[Any]]] = {}


def builtin_analyzers() -> dict[str, str]:
    """Built-in analyzer names and the modules that register them (imported on first
    use, so that an unused analyzer costs nothing)."""
    return {name: module for f in features() for name, module in f.analyzers.items()}


def _entry_points() -> dict[str, EntryPoint]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def register(name: str) -> Callable[[A], A]:
    """Class decorator: make an analyzer available to pipelines under ``name``."""

    def wrap(cls: A) -> A:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return wrap


def registered() -> dict[str, type[Analyzer[Any]]]:
    """The analyzers registered so far by name (a copy; tests restore it with
    :func:`restore_registry`)."""
    return dict(_REGISTRY)


def restore_registry(saved: dict[str, type[Analyzer[Any]]]) -> None:
    """Put the registry back as :func:`registered` returned it."""
    _REGISTRY.clear()
    _REGISTRY.update(saved)


def available_analyzers() -> list[str]:
    """Names of every registered, built-in or plugged-in analyzer."""
    return sorted(set(_REGISTRY) | set(builtin_analyzers()) | set(_entry_points()))


def analyzer_class(name: str) -> type[Analyzer[Any]]:
    """The analyzer class registered under ``name``: a built-in is imported on first
    use, a plugin loaded from its entry point."""
    if name not in _REGISTRY:
        builtin = builtin_analyzers()
        if name in builtin:
            module = importlib.import_module(builtin[name])
            for cls in vars(module).values():  # registered on import, or by an earlier one
                ours = isinstance(cls, type) and issubclass(cls, Analyzer)
                if ours and cls.__dict__.get("name") == name:
                    _REGISTRY.setdefault(name, cls)
        else:
            ep = _entry_points().get(name)
            if ep is not None:
                try:
                    cls = ep.load()
                except Exception as exc:
                    raise UnknownAnalyzerError(
                        f"the plugin analyzer {name!r} ({ep.value}) cannot be loaded: {exc}",
                        hint="reinstall the package that provides it",
                    ) from None
                if not (isinstance(cls, type) and issubclass(cls, Analyzer)):
                    raise UnknownAnalyzerError(
                        f"the plugin entry point {name!r} ({ep.value}) is not an Analyzer class"
                    )
                cls.name = name
                _REGISTRY[name] = cls
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownAnalyzerError(
            f"no analyzer named {name!r}",
            hint=f"available: {', '.join(available_analyzers())}",
        ) from None
