"""``corpus export --what`` with a standard format: these formats export findings (and
``claimreview`` a reviewer's ratings), so ``--what documents`` (or ``reviews`` with a
findings format) is a one-line usage error; ``--what findings`` or no ``--what`` exports
(found by a new-user trial: ``--what documents -f webannotation`` exported findings
without a word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.cli import main


def _run(db: Path, *args: str) -> int:
    return main(["corpus", "export", *args, "--db", str(db)])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--what", "documents", "-f", "webannotation"),
            "-f webannotation exports findings, not documents: leave --what out "
            "(documents go out as -f jsonl or csv)",
        ),
        (
            ("--what", "documents", "-f", "claimreview", "--reviewer", "Ana"),
            "-f claimreview exports a reviewer's claim ratings, not documents: leave --what "
            "out (documents go out as -f jsonl or csv)",
        ),
        (
            ("--what", "reviews", "-f", "labelstudio"),
            "-f labelstudio exports findings, not reviews: leave --what out "
            "(reviews go out as -f jsonl or csv)",
        ),
    ],
)
def test_a_what_the_format_cannot_export_is_refused(
    db: Path,
    tmp_path: Path,
    args: tuple[str, ...],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out.json"
    assert _run(db, *args, "-o", str(out)) == 2
    assert capsys.readouterr().err.strip() == f"unspin: error: {message}"
    assert not out.exists()


def test_no_what_and_what_findings_export_the_same_findings(db: Path, tmp_path: Path) -> None:
    plain, findings = tmp_path / "plain.jsonld", tmp_path / "findings.jsonld"
    assert _run(db, "-f", "webannotation", "-o", str(plain)) == 0
    assert _run(db, "--what", "findings", "-f", "webannotation", "-o", str(findings)) == 0
    assert json.loads(plain.read_text()) == json.loads(findings.read_text())


def test_without_what_jsonl_still_exports_documents(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db, "-f", "jsonl") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("document" in json.loads(line) for line in lines)
