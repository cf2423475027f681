"""Configuration and pipelines: loaded once per process, one pipeline per configuration."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unspin.analyzer import analyzer_class, available_analyzers
from unspin.config import Config, load_config
from unspin.errors import ConfigError, StoreError
from unspin.options import option_docs
from unspin.pipeline import Pipeline

if TYPE_CHECKING:
    from unspin.store import Store

__all__ = [
    "ConfigSource",
    "check_language_code",
    "load_pipeline",
    "open_existing_store",
    "pipeline_config",
    "with_operating_point",
    "with_own_store",
    "with_store",
]

#: What a configuration may be given as: a Config, a TOML path, a mapping or None
#: (the defaults).
ConfigSource = Config | str | Path | Mapping[str, Any] | None

_PIPELINES: dict[Config, Pipeline] = {}

log = logging.getLogger(__name__)

#: What to do about a missing store that the claims of articles are to be checked against.
STORE_FOR_CLAIMS = (
    "import fact-checks or add evidence to it first: 'unspin factchecks import FILE... "
    "--db URL', 'unspin evidence add PATH... --db URL'"
)


def load_pipeline(config: ConfigSource = None) -> Pipeline:
    """The pipeline of ``config``, built (models loaded, order checked) on first use and
    kept for the rest of the process."""
    cfg = load_config(config)
    if cfg not in _PIPELINES:
        _PIPELINES[cfg] = Pipeline(cfg)
    return _PIPELINES[cfg]


def pipeline_config(
    path: str | Path | None = None,
    *,
    analyzers: str | None = None,
    backbone: str | None = None,
    language: str | None = None,
    max_bytes: int | None = None,
    db: str | None = None,
    techniques_threshold: float | None = None,
    all_candidates: bool = False,
) -> Config:
    """The configuration of a TOML file (or the defaults) with a front end's overrides:
    analyzers to run, the backbone, the documents' language, the input size limit, a
    store for the analyzers that read one (:func:`with_store`), the techniques'
    threshold and "show every candidate" (:func:`with_operating_point`)."""
    overrides: dict[str, Any] = {}
    if analyzers is not None:
        overrides["analyzers"] = analyzers
    if backbone:
        overrides["backbone"] = backbone
    if language:
        overrides["language"] = language
    if max_bytes:
        overrides["max_bytes"] = max_bytes
    loaded = load_config(path, **overrides)
    if not loaded.analyzers:  # it would answer every document with an empty report
        raise ConfigError(
            f"{path or 'the configuration'}: [pipeline] analyzers names no analyzer",
            hint='name at least one, e.g. analyzers = ["sources", "claims"]; '
            "'unspin analyzers' lists them",
        )
    if loaded.language:
        check_language_code(loaded.language, f"{path}: [pipeline] language" if path else "")
    config = with_store(loaded, db)
    return with_operating_point(config, techniques_threshold, all_candidates)


def check_language_code(code: str, where: str = "") -> None:
    """A :class:`ConfigError` unless ``code`` is an ISO 639-1 code (two letters, a region
    after it allowed: ``en``, ``de-AT``): a three-letter ``eng`` would read as a language
    other than English and skip every English-only analyzer."""
    primary = code.strip().replace("_", "-").split("-")[0]
    if len(primary) != 2 or not primary.isascii() or not primary.isalpha():
        raise ConfigError(
            f"{where + ': ' if where else ''}{code!r} is not an ISO 639-1 language code "
            "(two letters, such as en or de)"
        )


def _hides_weak(name: str) -> bool:
    return "all_candidates" in option_docs(analyzer_class(name).Options)


def with_operating_point(
    config: Config, techniques_threshold: float | None, all_candidates: bool
) -> Config:
    """The config with the techniques analyzer's ``threshold`` and, with
    ``all_candidates``, ``all_candidates = true`` for every configured analyzer that has
    that option (those that hide weak findings by default)."""
    if techniques_threshold is None and not all_candidates:
        return config
    options = {k: dict(v) for k, v in config.analyzer_options.items()}
    running = ", ".join(config.analyzers)
    if techniques_threshold is not None:
        if "techniques" not in config.analyzers:  # it would change nothing, silently
            raise ConfigError(
                f"--techniques-threshold: the techniques analyzer does not run ({running})",
                hint="add techniques to --analyzers or [pipeline] analyzers",
            )
        options.setdefault("techniques", {})["threshold"] = techniques_threshold
    if all_candidates:
        hiding = [name for name in config.analyzers if _hides_weak(name)]
        if not hiding:
            those = ", ".join(n for n in available_analyzers() if _hides_weak(n))
            raise ConfigError(
                f"--all-candidates: none of the analyzers that run ({running}) hides weak findings",
                hint=f"it shows more of {those}",
            )
        for name in hiding:
            options.setdefault(name, {})["all_candidates"] = True
    return config.replace(analyzer_options=options)


def with_store(config: Config, url: str | None) -> Config:
    """The config with ``db = url`` for every configured analyzer that reads a store,
    which must exist (checked here: else every document would fail on it)."""
    if not url:
        return config
    options = {k: dict(v) for k, v in config.analyzer_options.items()}
    readers = [n for n in config.analyzers if "db" in option_docs(analyzer_class(n).Options)]
    if not readers:
        raise ConfigError(
            "--db: none of the configured analyzers reads a store",
            hint="add factchecks to [pipeline] analyzers or --analyzers",
        )
    # a store no analyzer can open fails once, before any text is read
    with open_existing_store(url, hint=STORE_FOR_CLAIMS) as store:
        unweighed = "verdicts" not in config.analyzers and _holds_passages(store)
    if unweighed:  # else every claim reads "not verified", evidence or not
        log.warning(
            "the store %s holds evidence passages, but the verdicts analyzer does not run, "
            "so no claim is weighed against them: add it with --analyzers %s,verdicts (or "
            "to [pipeline] analyzers in a config file)",
            url,
            ",".join(config.analyzers),
        )
    for name in readers:
        options.setdefault(name, {})["db"] = url
    return config.replace(analyzer_options=options)


def _holds_passages(store: Store) -> bool:
    from unspin.evidence.tables import EvidenceTable  # the feature loads only when asked

    return store.repository(EvidenceTable).holds_passages()


def with_own_store(config: Config, url: str) -> Config:
    """The config with ``db = url`` for every configured analyzer that reads a store and
    was given nothing to read (neither ``db`` nor ``path``): a server's analyses match the
    fact-checks (and weigh the evidence) imported into its own store."""
    options = {k: dict(v) for k, v in config.analyzer_options.items()}
    for name in config.analyzers:
        given = options.get(name, {})
        if "db" in option_docs(analyzer_class(name).Options) and not (
            given.get("db") or given.get("path")
        ):
            options.setdefault(name, {})["db"] = url
    return config.replace(analyzer_options=options)


def open_existing_store(url: str | Path | None, *, hint: str) -> Store:
    """The store at ``url`` (None: ``$UNSPIN_DB``, else ``unspin.db``), creating none: a
    missing one is a :class:`StoreError` whose hint (``hint``) says how to make it for
    the command at hand."""
    from unspin.store import open_store  # the store's modules load only when asked for
    from unspin.store.records import not_found

    try:
        return open_store(url, create=False)
    except StoreError as exc:
        if exc.hint != not_found("").hint:
            raise
        raise StoreError(exc.message, hint=hint) from None
