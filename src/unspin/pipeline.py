"""The pipeline: backbone first, then analyzers in their configured, checked order.

A pipeline owns its :class:`~unspin.analyzer.Services` (the backbone, and the stores its
analyzers open): close it with :meth:`Pipeline.close` or use it as a context manager.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from numpy.typing import NDArray

from unspin.analyzer import (
    BACKBONE_PRODUCES,
    Analyzer,
    Context,
    Services,
    analyzer_class,
    available_analyzers,
)
from unspin.config import Config, load_config
from unspin.errors import DependencyError, MissingExtraError, UnspinError
from unspin.language import UNDETERMINED, Language, detect, given, reads
from unspin.model import Analysis, AnalyzerFailure, AnalyzerRun, Document, Finding
from unspin.nlp import Backbone, FakeBackbone, Parsed, SpacyBackbone, TokenStates
from unspin.visible import visible
from unspin.windows import WindowResult, merge, plan_windows

__all__ = [
    "Pipeline",
    "Processed",
    "backbone_for_encoder",
    "canonical_encoder",
    "check_order",
    "encoder_hint",
    "encoder_name",
    "make_backbone",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Processed:
    """An analysis with the sentence offsets the backbone found and, if asked for,
    one embedding per sentence (rows in sentence order)."""

    analysis: Analysis
    sentences: tuple[tuple[int, int], ...]
    embeddings: NDArray[Any] | None = field(default=None, compare=False)


def make_backbone(config: Config) -> Backbone:
    """The backbone a config asks for (models load lazily, on first use)."""
    if config.backbone == "fake":
        return FakeBackbone()
    return SpacyBackbone(
        config.spacy_model,
        config.embeddings or None,
        encoder=config.encoder or None,
        encoder_cache=config.encoder_cache,
    )


_ST = "sentence-transformers:"


def encoder_name(backbone: Backbone) -> str:
    """The name of a backbone's sentence encoder, as a store records it: ``fake``, or
    ``sentence-transformers:<path>@<runtime>`` (path ``default``: the packaged MiniLM;
    runtime ``onnx-int8`` or ``torch-fp32``)."""
    if isinstance(backbone, SpacyBackbone):
        return f"{_ST}{backbone.embeddings or 'default'}@{backbone.encoder}"
    return str(backbone.name)


def canonical_encoder(name: str | None) -> str | None:
    """A stored encoder name as :func:`encoder_name` writes it today: names recorded
    before the runtime was part of them (no ``@``) were PyTorch float32."""
    if name and name.startswith(_ST) and "@" not in name:
        return f"{name}@torch-fp32"
    return name


def encoder_hint(stored: str) -> str:
    """What to do when a store's embeddings come from the encoder ``stored``."""
    name = canonical_encoder(stored) or ""
    runtime = name.rsplit("@", 1)[1] if name.startswith(_ST) else ""
    keep = f'[models] encoder = "{runtime}" in a --config file' if runtime else "its encoder"
    return f"use {keep} to work with it, or ingest into a new --db to re-embed"


def backbone_for_encoder(name: str | None, config: Config | None = None) -> Backbone:
    """The backbone of ``config`` (default: the defaults) set to embed as the encoder
    ``name`` (a store's, see :func:`encoder_name`) does; ``config``'s own for None."""
    from unspin.errors import StoreMismatchError

    config = config or load_config()
    name = canonical_encoder(name)
    if name is None:
        return make_backbone(config)
    if name == "fake":
        return make_backbone(config.replace(backbone="fake"))
    if name.startswith(_ST):
        path, runtime = name[len(_ST) :].rsplit("@", 1)
        return make_backbone(
            config.replace(
                backbone="spacy", embeddings="" if path == "default" else path, encoder=runtime
            )
        )
    raise StoreMismatchError(
        f"the store's embeddings come from {name!r}, which unspin cannot rebuild",
        hint="pass the backbone that made them",
    )


def check_order(analyzers: Sequence[type[Analyzer[Any]] | Analyzer[Any]]) -> None:
    """Raise :class:`DependencyError` unless each analyzer's requirements come earlier;
    the hint names the analyzer that produces what is missing (to add, or to move up)."""
    available = set(BACKBONE_PRODUCES)
    names = [a.name for a in analyzers]
    for a in analyzers:
        for need in a.requires:
            if need not in available:
                providers = [name for name, kinds in _providers().items() if need in kinds]
                if not providers:
                    hint = "no known analyzer produces it"
                else:
                    first = next((p for p in providers if p in names), providers[0])
                    verb = "put" if first in names else "add"
                    hint = f"{verb} {first!r} before {a.name!r} in [pipeline] analyzers"
                raise DependencyError(
                    f"analyzer {a.name!r} requires {need!r}, which no earlier step produces",
                    hint=hint,
                )
        available.update(a.produces)


def _providers() -> dict[str, tuple[str, ...]]:
    """Which analyzer produces what, for the hint of a dependency error."""
    out = {}
    for name in available_analyzers():
        try:
            out[name] = analyzer_class(name).produces
        except (UnspinError, ImportError):  # pragma: no cover - a broken plugin
            continue
    return out


class Pipeline:
    """Runs a backbone and a checked sequence of analyzers over documents.

    One analyzer failing on one document is recorded in that document's
    :attr:`Analysis.failures`; analyzers that needed its output are skipped and
    recorded too; the other analyzers and the other documents go on.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        backbone: Backbone | None = None,
        analyzers: Sequence[Analyzer[Any]] | None = None,
    ) -> None:
        self.config = config or load_config()
        self.backbone = backbone or make_backbone(self.config)
        self.services = Services(self.backbone)
        if analyzers is None:
            analyzers = [
                analyzer_class(name)(**self.config.options_for(name))
                for name in self.config.analyzers
            ]
        check_order(analyzers)
        self.analyzers: tuple[Analyzer[Any], ...] = tuple(analyzers)
        self.needs_embeddings = any("embeddings" in a.requires for a in self.analyzers)
        self.needs_states = any("token_states" in a.requires for a in self.analyzers)
        self._no_detector = False

    def close(self) -> None:
        """Close what the analyzers opened through the services (stores); the pipeline
        stays usable and reopens them on demand."""
        self.services.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.analyzers]

    def context(self, document: Document) -> Context:
        """What this pipeline's analyzers would see for ``document`` before any of them
        runs (parse, and token states or embeddings where an analyzer requires them), for
        calling an analyzer's own methods directly; a backbone failure raises."""
        parsed = self.backbone.parse(document.text)
        texts = [document.text[s.start : s.end] for s in parsed.sentences]
        if self.needs_states:
            states = self.backbone.token_states(texts, [s.start for s in parsed.sentences])
            return Context(document, parsed, (), states.embeddings, states, self.services)
        embeddings = self.backbone.embed(texts) if self.needs_embeddings else None
        return Context(document, parsed, (), embeddings, services=self.services)

    def analyze(self, document: Document) -> Analysis:
        """Analyse one document."""
        return next(iter(self.analyze_many([document])))

    def analyze_many(
        self, documents: Iterable[Document], batch_size: int = 16
    ) -> Iterator[Analysis]:
        """Analyse documents lazily, parsing them in batches."""
        for processed in self.process(documents, batch_size=batch_size):
            yield processed.analysis

    def process(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int = 16,
        embed_sentences: bool = False,
    ) -> Iterator[Processed]:
        """Like :meth:`analyze_many`, also returning sentence offsets and, when
        ``embed_sentences`` is set, their embeddings (for stores and search)."""
        batch: list[Document] = []
        for doc in documents:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, embed_sentences)
                batch = []
        if batch:
            yield from self._run_batch(batch, embed_sentences)

    def _run_batch(self, docs: list[Document], embed: bool) -> Iterator[Processed]:
        """``docs`` analysed as a reader sees them (:mod:`unspin.visible`: a text with
        invisible characters or stacked marks without them), offsets on their own text."""
        views = [visible(d.text) for d in docs]
        read = [
            d if v is None else dataclasses.replace(d, text=v.text)
            for d, v in zip(docs, views, strict=True)
        ]
        for doc, view, done in zip(docs, views, self._run_read(read, embed), strict=True):
            if view is None:
                yield done
            else:
                analysis, sentences = view.restore(doc, done.analysis, done.sentences)
                yield Processed(self._findings_summaries(analysis), sentences, done.embeddings)

    def _run_read(self, docs: list[Document], embed: bool) -> Iterator[Processed]:
        size, overlap = self.config.window_chars, self.config.window_overlap
        if any(size and len(d.text) > size for d in docs):
            for doc in docs:
                yield self._run_windows(doc, embed, size, overlap)
            return
        try:
            parsed: list[Parsed | Exception] = list(
                self.backbone.parse_many([d.text for d in docs])
            )
        except Exception:
            parsed = [self._parse(d.text) for d in docs]
        for doc, p in zip(docs, parsed, strict=True):
            yield self._run_one(doc, p, embed)

    def _run_windows(self, doc: Document, embed: bool, size: int, overlap: int) -> Processed:
        """``doc`` analysed window by window (:mod:`unspin.windows`), one result."""
        plan = plan_windows(doc.text, size, overlap)
        if len(plan) == 1:  # a short document in a batch with a long one
            return self._run_one(doc, self._parse(doc.text), embed)
        results: list[WindowResult] = []
        for window in plan:
            part = dataclasses.replace(doc, text=doc.text[window.start : window.end])
            before = doc.text[max(0, window.start - size) : window.start]
            done = self._run_one(part, self._parse(part.text), embed, before)
            results.append(WindowResult(done.analysis, done.sentences, done.embeddings))
        log.info("%s: %d characters analysed in %d windows", doc.id, len(doc.text), len(plan))
        merged = merge(doc, plan, results)
        analysis = self._findings_summaries(merged.analysis)
        return Processed(analysis, merged.sentences, merged.embeddings)

    def _findings_summaries(self, analysis: Analysis) -> Analysis:
        """A windowed analysis (or one of a text's visible characters, moved back onto it)
        whose summaries of analyzers that read findings alone and add none (the timeline)
        are computed again on the merged findings: merged from the windows', such a summary
        held offsets inside each window and lost items."""
        summaries = dict(analysis.summaries)
        parsed = Parsed(analysis.document.text, (), (), (), has_parse=False, model="none")
        ctx = Context(analysis.document, parsed, analysis.findings, services=self.services)
        for analyzer in self.analyzers:
            reads_text = set(analyzer.requires) & set(BACKBONE_PRODUCES)
            if analyzer.name not in summaries or analyzer.produces or reads_text:
                continue
            try:
                summaries[analyzer.name] = analyzer.run(ctx).summary
            except Exception as exc:  # keep the windows' merged summary
                log.warning("analyzer %s failed on %s: %s", analyzer.name, ctx.document.id, exc)
        return dataclasses.replace(analysis, summaries=summaries)

    def _parse(self, text: str) -> Parsed | Exception:
        """The backbone's parse of ``text``, or the exception it raised (recorded as the
        document's backbone failure by :meth:`_run_one`)."""
        try:
            return self.backbone.parse(text)
        except Exception as exc:
            return exc

    def language(self, doc: Document) -> Language:
        """The language ``doc`` is analysed as: the configured ``[pipeline] language``,
        else the document's own when it is not the default ``en``, else detected (``und``
        when too short, or when the ``lang`` extra is missing: every analyzer runs)."""
        if self.config.language:
            return given(self.config.language)
        if doc.language and doc.language != "en":
            try:
                return given(doc.language)
            except UnspinError:
                pass  # metadata that is no language code: detect instead
        if not self._no_detector:
            try:
                return detect(doc.text)
            except MissingExtraError as exc:
                self._no_detector = True
                log.warning("language detection is off: %s (%s)", exc.message, exc.hint)
        return Language(UNDETERMINED, "undetermined", 0.0)

    def _readers(self, code: str) -> tuple[list[Analyzer[Any]], list[str]]:
        """The analyzers that read language ``code``, and the names of those skipped (they
        cannot read it, or need what a skipped one produces)."""
        active: list[Analyzer[Any]] = []
        skipped: list[str] = []
        off_language: set[str] = set()
        for analyzer in self.analyzers:
            if not reads(analyzer.languages, code) or off_language & set(analyzer.requires):
                skipped.append(analyzer.name)
                off_language.update(analyzer.produces)
            else:
                active.append(analyzer)
        return active, skipped

    def _run_one(
        self, doc: Document, parsed: Parsed | Exception, embed: bool, preceding: str = ""
    ) -> Processed:
        """``doc`` analysed by every analyzer that reads its language; ``preceding``, the
        text before it when it is a window of a longer document (:attr:`Context.preceding`)."""
        lang = self.language(doc)
        if lang.code not in (UNDETERMINED, doc.language):
            doc = dataclasses.replace(doc, language=lang.code)
        active, skipped = self._readers(lang.code)
        # the encoder runs only for analyzers that will read this document (and the store)
        needs_states = any("token_states" in a.requires for a in active)
        needs_embeddings = any("embeddings" in a.requires for a in active)
        failures: list[AnalyzerFailure] = []
        unavailable: set[str] = set()
        if isinstance(parsed, Exception):
            failures.append(_failure("backbone", parsed))
            unavailable.update(BACKBONE_PRODUCES)
            parsed = Parsed(doc.text, (), (), (), has_parse=False, model="none")
        embeddings: NDArray[Any] | None = None
        states: TokenStates | None = None
        if needs_states and "token_states" not in unavailable:
            try:  # one encoder pass gives the states and the sentence embeddings
                states = self.backbone.token_states(
                    [doc.text[s.start : s.end] for s in parsed.sentences],
                    [s.start for s in parsed.sentences],
                )
                embeddings = states.embeddings
            except Exception as exc:
                failures.append(_failure("token_states", exc))
                unavailable.add("token_states")
        if embeddings is None and (embed or needs_embeddings) and "embeddings" not in unavailable:
            try:
                embeddings = self.backbone.embed(
                    [doc.text[s.start : s.end] for s in parsed.sentences]
                )
            except Exception as exc:
                failures.append(_failure("embeddings", exc))
                unavailable.add("embeddings")
        findings: list[Finding] = []
        summaries: dict[str, Any] = {}
        for analyzer in active:
            missing = [r for r in analyzer.requires if r in unavailable]
            if missing:
                failures.append(
                    AnalyzerFailure(
                        analyzer.name,
                        "Skipped",
                        f"skipped: needs {', '.join(missing)}, which failed on this document",
                    )
                )
                unavailable.update(analyzer.produces)
                continue
            ctx = Context(
                doc, parsed, tuple(findings), embeddings, states, self.services, preceding
            )
            try:
                result = analyzer.run(ctx)
                ids = {f.id for f in findings}
                new = [f for f in result.findings if f.id not in ids]
            except Exception as exc:
                log.warning("analyzer %s failed on %s: %s", analyzer.name, doc.id, exc)
                failures.append(_failure(analyzer.name, exc))
                unavailable.update(analyzer.produces)
                continue
            findings.extend(new)
            if result.summary:
                summaries[analyzer.name] = result.summary
        if lang.code not in ("en", UNDETERMINED):
            summaries = {"language": {**lang.to_dict(), "skipped": skipped}, **summaries}
        runs = tuple(AnalyzerRun(a.name, a.version) for a in self.analyzers)
        try:
            analysis = Analysis(doc, tuple(findings), summaries, tuple(failures), runs)
        except UnspinError as exc:  # an analyzer produced an unanchored finding
            failures.append(_failure("pipeline", exc))
            analysis = Analysis(doc, (), {}, tuple(failures), runs)
        sentences = tuple((s.start, s.end) for s in parsed.sentences)
        return Processed(analysis, sentences, embeddings)


def _failure(name: str, exc: BaseException) -> AnalyzerFailure:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return AnalyzerFailure(name, type(exc).__name__, message[:500])
