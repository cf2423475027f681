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


def _commands(
    parser: argparse.ArgumentParser, prefix: str = "unspin"
) -> list[tuple[str, argparse.ArgumentParser]]:
    """Every command and sub-command, depth first: ``("unspin corpus search", parser)``."""
    out: list[tuple[str, argparse.ArgumentParser]] = []
    for name, sub in _subparsers(parser).items():
        out.append((f"{prefix} {name}", sub))
        out.extend(_commands(sub, f"{prefix} {name}"))
    return out


def test_the_command_walk_sees_nested_commands() -> None:
    names = {name for name, _ in _commands(build_parser())}
    assert {"unspin analyze", "unspin corpus search", "unspin eval ptc"} <= names


def test_every_command_is_in_the_readme() -> None:
    for name, _ in _commands(build_parser()):
        assert name in README, name


def test_every_option_of_every_command_is_in_the_readme() -> None:
    for name, command in _commands(build_parser()):
        for action in command._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"{name} {flag}"


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
