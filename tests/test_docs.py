"""The README documents every command and every option of the CLI."""

from __future__ import annotations

import argparse
from pathlib import Path

from unspin.cli import EXIT_ENVIRONMENT, EXIT_INTERRUPTED, EXIT_PARTIAL, EXIT_USAGE, build_parser

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text()


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_command_is_in_the_readme() -> None:
    for name in _subparsers(build_parser()):
        assert f"unspin {name}" in README, name


def test_every_analyze_option_is_in_the_readme() -> None:
    analyze = _subparsers(build_parser())["analyze"]
    for action in analyze._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag != "--help":
                assert flag in README, flag


def test_every_corpus_command_and_option_is_in_the_readme() -> None:
    corpus = _subparsers(build_parser())["corpus"]
    for name, command in _subparsers(corpus).items():
        assert f"unspin corpus {name}" in README, name
        for action in command._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"unspin corpus {name} {flag}"


def test_exit_codes_are_documented() -> None:
    for code in (EXIT_PARTIAL, EXIT_USAGE, EXIT_ENVIRONMENT, EXIT_INTERRUPTED):
        assert f"| {code} |" in README


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README.split("\n```", 2)[1]
    assert "make demo" in head and "make test" in head


def test_architecture_mentions_every_package_module() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text()
    src = ROOT / "src" / "unspin"
    for path in sorted(src.iterdir()):
        if path.name.startswith("_") or path.name in {"py.typed", "schema"}:
            continue
        name = path.name + ("/" if path.is_dir() else "")
        if path.suffix in {".py", ".toml"} or path.is_dir():
            assert name in text, f"docs/architecture.md does not mention {name}"
