"""Third-party analyzers: the example of docs/plugins.md, installed through the
``unspin.analyzers`` entry-point group, runs in a pipeline like a built-in one."""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from unspin.analyzer import ENTRY_POINT_GROUP, analyzer_class, available_analyzers, registered
from unspin.config import load_config
from unspin.errors import ConfigError, DependencyError
from unspin.model import Document
from unspin.pipeline import Pipeline

DOC = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")


def _block(language: str, index: int = 0) -> str:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)[index]


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The docs' plugin installed as a distribution on ``sys.path`` (a module and a
    ``dist-info`` folder with its entry points, as ``pip install`` leaves them)."""
    entry_points = tomllib.loads(_block("toml"))["project"]["entry-points"][ENTRY_POINT_GROUP]
    ((name, target),) = entry_points.items()
    module = target.split(":")[0]
    (tmp_path / f"{module}.py").write_text(_block("python"), encoding="utf-8")
    info = tmp_path / "unspin_shout-1.0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: unspin-shout\nVersion: 1.0.0\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{name} = {target}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(module, None)


def test_an_installed_plugin_runs_in_a_pipeline(installed: str) -> None:
    assert installed == "shout"
    assert "shout" in available_analyzers()
    config = load_config(analyzers=["sources", "shout"], backbone="fake")
    with Pipeline(config) as pipeline:
        analysis = pipeline.analyze(Document("The mayor said the plan was a DISASTER. It is OK."))
    assert analysis.ok, analysis.failures
    [shout] = analysis.by_kind("shout")
    assert (shout.text, shout.analyzer, shout.analyzer_version) == ("DISASTER", "shout", "1.0.0")
    assert analysis.summaries["shout"] == {"shouts": 1}


def test_a_plugin_takes_its_options_from_the_config(installed: str) -> None:
    config = load_config(
        {
            "pipeline": {"analyzers": ["shout"], "backbone": "fake"},
            "analyzers": {"shout": {"min_letters": 2}},
        }
    )
    analysis = Pipeline(config).analyze(
        Document("The mayor said the plan was a DISASTER. It is OK.")
    )
    assert [f.text for f in analysis.by_kind("shout")] == ["DISASTER", "OK"]
    with pytest.raises(ConfigError, match=r"'min_letters'.*an integer"):
        load_config({"analyzers": {"shout": {"min_letters": "two"}}})


def test_a_plugin_needing_a_missing_provider_fails_before_any_text(installed: str) -> None:
    cls = analyzer_class(installed)
    needy = type("Needy", (cls,), {"requires": ("parse", "claim")})
    with pytest.raises(DependencyError, match="requires 'claim'") as info:
        Pipeline(load_config(analyzers=["sources"], backbone="fake"), analyzers=[needy()])
    assert "add 'claims' before 'shout'" in str(info.value)


def test_the_registry_forgets_a_plugin_after_the_test() -> None:
    assert "shout" not in registered()
