from __future__ import annotations

from pathlib import Path

import pytest

from unspin.config import load_config
from unspin.errors import ConfigError


def test_defaults() -> None:
    config = load_config()
    assert config.analyzers == (
        "sources",
        "certainty",
        "claims",
        "techniques",
        "factchecks",
        "outlets",
    )
    assert config.backbone == "spacy"
    assert config.max_bytes == 5_000_000
    assert config.options_for("claims") == {"threshold": 0.5}
    assert config.options_for("factchecks")["path"] == config.options_for("factchecks")["db"] == ""


def test_toml_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[pipeline]\nanalyzers = ["sources"]\n[ingest]\nmax_bytes = 10\n'
        "[analyzers.claims]\nthreshold = 0.7\n"
    )
    config = load_config(path)
    assert config.analyzers == ("sources",)
    assert config.max_bytes == 10
    assert config.spacy_model == "en_core_web_sm"
    assert config.options_for("claims")["threshold"] == 0.7


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[pipelin]\nanalyzers=[]\n", "unknown config section"),
        ("[pipeline]\nanalyzer = []\n", "unknown key"),
        ("[pipeline]\nbackbone = 'gpt'\n", "unknown backbone"),
        ("[ingest]\nmax_bytes = -1\n", "positive integer"),
        ("[pipeline]\nanalyzers = ['a', 'a']\n", "twice"),
        ("[pipeline\n", "not valid TOML"),
    ],
)
def test_bad_configs_are_one_line_config_errors(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert "\n" not in str(info.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_overrides() -> None:
    config = load_config(analyzers="sources, claims", backbone="fake", max_bytes=99)
    assert config.analyzers == ("sources", "claims")
    assert config.backbone == "fake"
    with pytest.raises(ConfigError):
        load_config(nonsense=1)
