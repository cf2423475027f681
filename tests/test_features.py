"""The feature table: the default pipeline comes from it, and a feature that only adds an
analyzer (and its report sections) is removed by deleting its folder and its line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unspin.config import DEFAULT_ANALYZERS, load_config
from unspin.features import BUILTIN_FEATURES, default_analyzers

SRC = Path(__file__).resolve().parents[1] / "src" / "unspin"


def test_the_default_pipeline_is_the_default_features_analyzers_in_order() -> None:
    assert default_analyzers() == DEFAULT_ANALYZERS
    assert load_config().analyzers == DEFAULT_ANALYZERS
    assert "verdicts" not in DEFAULT_ANALYZERS  # evidence is opt-in
    names = [f.name for f in BUILTIN_FEATURES]
    assert len(names) == len(set(names))


SCRIPT = """
import sys
from pathlib import Path
from unspin import app
from unspin.config import default_config_text
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline
from unspin.config import load_config
from unspin.model import Document
from unspin.report import render_html, render_markdown

assert Path(sys.argv[1]).read_text(encoding="utf-8") == default_config_text()
config = load_config(backbone="fake")
assert FEATURE not in config.analyzers, config.analyzers
with Pipeline(config) as pipeline:
    analysis = pipeline.analyze(Document(
        "The mayor said on Monday that 62 people were arrested. "
        '"We will rebuild," she told reporters. It is reportedly the worst flood in years.'
    ))
assert not analysis.failures, analysis.failures
render_html(analysis)
render_markdown(analysis)
print(sorted(a.name for a in app.list_analyzers()))
"""


@pytest.mark.parametrize("feature", ["sources", "certainty", "techniques", "outlets"])
def test_removing_an_analyzer_feature_is_its_folder_and_its_line(
    feature: str, tmp_path: Path
) -> None:
    copy = tmp_path / "src" / "unspin"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.rmtree(copy / feature)
    table = (copy / "features.py").read_text(encoding="utf-8")
    row = re.compile(rf'\n    Feature\(\s*"{feature}",.*?\),(?=\n)', re.S)
    assert len(row.findall(table)) == 1, f"no single row for {feature} in features.py"
    (copy / "features.py").write_text(row.sub("", table), encoding="utf-8")

    # default.toml is generated from the table: regenerate it as `unspin config` would
    generated = tmp_path / "default.toml"
    first = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from unspin.config import default_config_text; "
            "Path(sys.argv[1]).write_text(default_config_text(), encoding='utf-8')",
            generated,
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr[-2000:]
    shutil.copy(generated, copy / "default.toml")
    proc = subprocess.run(
        [sys.executable, "-c", f"FEATURE = {feature!r}\n{SCRIPT}", str(generated)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert feature not in proc.stdout
    assert f"[analyzers.{feature}]" not in generated.read_text(encoding="utf-8")
