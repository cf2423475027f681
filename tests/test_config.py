from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from unspin.config import default_config_text, load_config
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
        "timelines",
    )
    assert config.backbone == "spacy"
    assert config.max_bytes == 5_000_000
    assert config.options_for("claims") == {
        "threshold": 0.65,
        "model": "default",
        "entity_dates": False,
    }
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


def test_the_shipped_default_toml_is_generated_from_the_options() -> None:
    shipped = resources.files("unspin").joinpath("default.toml").read_text(encoding="utf-8")
    assert shipped == default_config_text(), "regenerate: unspin config > src/unspin/default.toml"
    assert "[analyzers.sources]\n# A quotation" in shipped  # every option after its doc
    assert '\n# Not in the default pipeline: add "verdicts"' in shipped


def test_unspin_config_prints_the_generated_defaults() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "unspin", "config"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert out.stdout == default_config_text()


def _load(tmp_path: Path, toml: str) -> ConfigError:
    path = tmp_path / "c.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert "\n" not in str(info.value)
    return info.value


def test_an_ill_typed_analyzer_option_names_the_option_and_what_it_allows(
    tmp_path: Path,
) -> None:
    error = _load(tmp_path, '[analyzers.claims]\nthreshold = "high"\n')
    assert str(error) == (
        "option 'threshold' of analyzer 'claims' must be a number, not 'high' "
        "(set [analyzers.claims] threshold = 0.65)"
    )
    error = _load(tmp_path, "[analyzers.factchecks]\ncheckworthy_only = 1\n")
    assert "'checkworthy_only'" in str(error) and "true or false" in str(error)


def test_an_unknown_analyzer_option_names_the_known_ones(tmp_path: Path) -> None:
    error = _load(tmp_path, "[analyzers.claims]\ntreshold = 0.7\n")
    assert str(error) == (
        "unknown option(s) treshold for analyzer 'claims' "
        "(known options: entity_dates, model, threshold)"
    )


def test_a_table_for_no_analyzer_is_an_error(tmp_path: Path) -> None:
    error = _load(tmp_path, "[analyzers.claim]\nthreshold = 0.7\n")
    assert "[analyzers.claim]" in str(error) and "available:" in str(error)
