"""Every command's help reads as written: argparse formats ``help`` strings with ``%``
but prints a ``description`` as it is, so a ``95%%`` there showed both marks."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from unspin.cli import build_parser


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_no_help_shows_a_doubled_percent_sign() -> None:
    parsers = list(_parsers(build_parser()))
    assert len(parsers) > 20  # every command and command group was reached
    doubled = [p.prog for p in parsers if "%%" in p.format_help()]
    assert not doubled, doubled
