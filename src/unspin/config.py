"""Configuration: a TOML file merged over the defaults in ``default.toml``."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from unspin.errors import ConfigError

__all__ = ["Config", "load_config"]

_SECTIONS = {
    "pipeline": {"analyzers", "backbone"},
    "models": {"spacy", "embeddings"},
    "ingest": {"max_bytes"},
    "analyzers": None,  # free-form: one table per analyzer, checked by the analyzer
}


def _defaults() -> dict[str, Any]:
    text = resources.files("unspin").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


@dataclass(frozen=True)
class Config:
    """A validated configuration. Build one with :func:`load_config`."""

    analyzers: tuple[str, ...]
    backbone: str = "spacy"
    spacy_model: str = "en_core_web_sm"
    embeddings: str = ""
    max_bytes: int = 5_000_000
    analyzer_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)

    def options_for(self, name: str) -> dict[str, Any]:
        return dict(self.analyzer_options.get(name, {}))

    def replace(self, **changes: Any) -> Config:
        from dataclasses import replace

        return replace(self, **changes)


def load_config(
    source: str | Path | Mapping[str, Any] | Config | None = None, **overrides: Any
) -> Config:
    """Load a config from a TOML path, a mapping shaped like the TOML, or the defaults.

    Keyword overrides: ``analyzers``, ``backbone``, ``spacy_model``, ``embeddings``,
    ``max_bytes``.
    """
    if isinstance(source, Config):
        return source.replace(**overrides) if overrides else source
    data = _defaults()
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {path} not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from None
        data = _merge(data, raw)
    elif isinstance(source, Mapping):
        data = _merge(data, source)
    elif source is not None:
        raise ConfigError(f"cannot read a config from {type(source).__name__}")

    for section, value in data.items():
        if section not in _SECTIONS:
            raise ConfigError(
                f"unknown config section [{section}]",
                hint=f"known sections: {', '.join(sorted(_SECTIONS))}",
            )
        keys = _SECTIONS[section]
        if not isinstance(value, Mapping):
            raise ConfigError(f"[{section}] must be a table")
        if keys is not None:
            unknown = sorted(set(value) - keys)
            if unknown:
                raise ConfigError(
                    f"unknown key(s) in [{section}]: {', '.join(unknown)}",
                    hint=f"known keys: {', '.join(sorted(keys))}",
                )

    pipeline, models, ingest = data["pipeline"], data["models"], data["ingest"]
    analyzers = overrides.pop("analyzers", pipeline["analyzers"])
    if isinstance(analyzers, str):
        analyzers = [a.strip() for a in analyzers.split(",") if a.strip()]
    if not isinstance(analyzers, (list, tuple)) or not all(isinstance(a, str) for a in analyzers):
        raise ConfigError("[pipeline] analyzers must be a list of analyzer names")
    if len(set(analyzers)) != len(analyzers):
        raise ConfigError("[pipeline] analyzers lists an analyzer twice")
    backbone = overrides.pop("backbone", pipeline["backbone"])
    if backbone not in ("spacy", "fake"):
        raise ConfigError(f"unknown backbone {backbone!r}", hint='use "spacy" or "fake"')
    max_bytes = overrides.pop("max_bytes", ingest["max_bytes"])
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise ConfigError("[ingest] max_bytes must be a positive integer")
    options = data.get("analyzers", {})
    for name, table in options.items():
        if not isinstance(table, Mapping):
            raise ConfigError(f"[analyzers.{name}] must be a table")
    config = Config(
        analyzers=tuple(analyzers),
        backbone=backbone,
        spacy_model=str(overrides.pop("spacy_model", models["spacy"])),
        embeddings=str(overrides.pop("embeddings", models["embeddings"])),
        max_bytes=max_bytes,
        analyzer_options={k: dict(v) for k, v in options.items()},
    )
    if overrides:
        raise ConfigError(f"unknown config override(s): {', '.join(sorted(overrides))}")
    return config
