"""Every command's help reads as written (argparse formats ``help`` strings with ``%``
but prints a ``description`` as it is, so a ``95%%`` there showed both marks), and a
search with no words is a usage error, not "no results"."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from tests.test_cli import unspin
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


@pytest.mark.parametrize(
    "command", [("corpus", "search"), ("factchecks", "search"), ("evidence", "search")]
)
@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_is_a_usage_error(command: tuple[str, str], query: str) -> None:
    # it answered "no results", exit 0, as if the store had been searched for something
    result = unspin(*command, query)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert "is empty: give the words to search for" in line
