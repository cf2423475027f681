"""End-to-end tests of the real ``unspin`` command line (a subprocess each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from unspin.model import Analysis, content_id

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
BAD = FIXTURES / "bad"


def unspin(
    *args: str | Path, stdin: bytes | None = None, fake: bool = True, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "unspin", *map(str, args)]
    if fake and len(args) > 0 and args[0] == "analyze":
        argv.append("--backbone=fake")
    proc = subprocess.run(
        argv,
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    out = subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )
    assert "Traceback" not in out.stderr, out.stderr
    return out


def test_json_to_stdout_loads_back() -> None:
    result = unspin("analyze", ARTICLES / "plain.txt", "--format", "json")
    assert result.returncode == 0, result.stderr
    analysis = Analysis.from_json(result.stdout)
    assert analysis.document.text.startswith("Water rates")
    assert {a.name for a in analysis.analyzers} == {
        "sources",
        "certainty",
        "claims",
        "techniques",
        "factchecks",
        "outlets",
        "timelines",
    }


def test_every_format_written_to_a_folder(tmp_path: Path) -> None:
    result = unspin(
        "analyze", ARTICLES / "plain.txt", "-f", "json,html", "-f", "md", "-o", tmp_path
    )
    assert result.returncode == 0, result.stderr
    suffixes = sorted(p.suffix for p in tmp_path.iterdir())
    assert suffixes == [".html", ".json", ".md"]
    html = next(tmp_path.glob("*.html")).read_text()
    assert "<mark" in html and "Water rates in Lindholm" in html
    assert "wrote 3 report file(s)" in result.stdout


def test_directory_and_jsonl_give_one_report_per_document(tmp_path: Path) -> None:
    result = unspin("analyze", ARTICLES, "-f", "json", "-o", tmp_path, "--progress=never")
    assert result.returncode == 0, result.stderr
    reports = sorted(tmp_path.glob("*.json"))
    assert len(reports) == 8  # 5 files, one of them JSON Lines with 3 records
    sources = {json.loads(p.read_text())["document"]["source"] for p in reports}
    assert any(s.endswith("corpus.jsonl:3") for s in sources)
    assert "8 document(s) analysed" in result.stdout


def test_several_documents_to_stdout_are_json_lines() -> None:
    result = unspin("analyze", ARTICLES / "corpus.jsonl", "-f", "json")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    assert [Analysis.from_json(line).document.title for line in lines][:2] == [
        "Arrests after Dunmore protest",
        "Calm returns to Dunmore",
    ]


def test_stdin() -> None:
    text = "The mayor said the bridge will reopen."
    result = unspin("analyze", "-", "-f", "md", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert "stdin" in result.stdout
    assert content_id(text) in result.stdout
    result = unspin("analyze", "-", "-f", "json", stdin=b'{"text": "A."}\n{"text": "B."}\n')
    assert [Analysis.from_json(x).document.text for x in result.stdout.splitlines()] == ["A.", "B."]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty input"),
        ("blank.md", "empty input"),
        ("image.txt", "looks like a PNG image"),
    ],
)
def test_bad_files_get_one_line_errors_and_exit_1(tmp_path: Path, name: str, message: str) -> None:
    result = unspin("analyze", BAD / name, ARTICLES / "plain.txt", "-o", tmp_path, "-f", "json")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("  ")]
    assert len(errors) == 1 and message in errors[0] and name in errors[0]
    assert len(list(tmp_path.glob("*.json"))) == 1  # the good file is still analysed


def test_malformed_jsonl_lines_are_reported_by_number_and_the_rest_is_kept(tmp_path: Path) -> None:
    result = unspin("analyze", BAD / "mixed.jsonl", "-o", tmp_path, "-f", "json")
    assert result.returncode == 1
    assert "mixed.jsonl:2: malformed JSON line" in result.stderr
    assert "mixed.jsonl:3: record is not a JSON object" in result.stderr
    assert "mixed.jsonl:4: record has no string field 'text'" in result.stderr
    assert len(list(tmp_path.glob("*.json"))) == 2


def test_huge_input_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The council said yes. " * 100)
    result = unspin("analyze", big, "--max-bytes", "1000")
    assert result.returncode == 1
    assert "over the limit of 1,000" in result.stderr


def test_missing_path() -> None:
    result = unspin("analyze", "no/such/file.txt")
    assert result.returncode == 1
    assert "no such file or directory" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("analyze", "--frobnicate", "x.txt"),
        ("analyze", "x.txt", "--format", "pdf"),
        ("analyse",),
        ("analyze", "x.txt", "--max-bytes", "lots"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: tuple[str, ...]) -> None:
    result = unspin(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("unspin: error:")


def test_bad_config_and_pipeline_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[pipeline]\nanalyzers = ['claims', 'nonexistent']\n")
    result = unspin("analyze", ARTICLES / "plain.txt", "--config", config)
    assert result.returncode == 2
    assert "no analyzer named 'nonexistent'" in result.stderr
    result = unspin("analyze", ARTICLES / "plain.txt", "--analyzers", "sources,sources")
    assert result.returncode == 2


def test_several_formats_need_an_output_folder() -> None:
    result = unspin("analyze", ARTICLES / "plain.txt", "-f", "json,md")
    assert result.returncode == 2
    assert "--output" in result.stderr


def test_existing_reports_survive_a_failed_run(tmp_path: Path) -> None:
    assert unspin("analyze", ARTICLES / "plain.txt", "-o", tmp_path, "-f", "json").returncode == 0
    before = {p.name: p.read_text() for p in tmp_path.iterdir()}
    result = unspin("analyze", BAD / "image.txt", "-o", tmp_path, "-f", "json")
    assert result.returncode == 1
    after = {p.name: p.read_text() for p in tmp_path.iterdir()}
    log = after.pop("errors.jsonl")  # the failure is recorded beside the reports
    assert after == before
    assert json.loads(log)["source"].endswith("image.txt")


def test_listing_commands() -> None:
    listing = unspin("analyzers")
    assert listing.returncode == 0
    for name in ("sources", "certainty", "claims", "factchecks", "outlets"):
        assert f"\n{name} " in "\n" + listing.stdout
    config = unspin("config")
    assert tomllib.loads(config.stdout)["pipeline"]["analyzers"] == [
        "sources",
        "certainty",
        "claims",
        "techniques",
        "factchecks",
        "outlets",
        "timelines",
    ]
    schema = json.loads(unspin("schema").stdout)
    assert schema["type"] == "object"
    assert unspin("--version").stdout.startswith("unspin ")


@pytest.mark.slow
def test_real_backbone_end_to_end(tmp_path: Path) -> None:
    """The demo path: real spaCy, HTML and JSON written, a summary printed."""
    result = unspin(
        "analyze",
        Path(__file__).parents[1] / "examples" / "article.md",
        "-f",
        "html,json",
        "-o",
        tmp_path,
        fake=False,
    )
    assert result.returncode == 0, result.stderr
    analysis = Analysis.from_json(next(tmp_path.glob("*.json")).read_text())
    kinds = analysis.kinds
    for kind in ("quote", "speaker", "hedge", "booster", "claim", "quantity", "date"):
        assert kinds.get(kind, 0) > 0, kinds
    assert "Harbour bridge closure" in result.stdout  # the summary names the article


def test_commands_that_need_no_model_load_none(tmp_path: Path) -> None:
    """Keyword search, stats and errors read the store only: no spaCy, no torch."""
    db = tmp_path / "c.db"
    src = tmp_path / "one.txt"
    src.write_text("The ferry to Velby was late on Monday, officials said.\n")
    assert unspin("corpus", "ingest", src, "--db", db, "--backbone", "fake").returncode == 0
    script = (
        "import sys\n"
        "from unspin.cli import main\n"
        f"db = {str(db)!r}\n"
        "assert main(['corpus', 'search', 'ferry', '--mode', 'keyword', '--db', db]) == 0\n"
        "assert main(['corpus', 'stats', '--db', db]) == 0\n"
        "assert main(['corpus', 'errors', '--db', db]) == 0\n"
        "heavy = ('torch', 'spacy', 'sentence_transformers', 'transformers')\n"
        "print('LOADED', [m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
