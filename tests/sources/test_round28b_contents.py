"""A told clause's subject the parse gave the recipient as its owner ("told her KPTA
would ..."): the content starts at the subject (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_a_told_clause_keeps_the_subject_read_as_the_recipients(run: Run) -> None:
    a = sources(run, "Two officials told her KPTA would close the coast road.")
    (f,) = a.by_kind("attribution")
    assert f.text == "KPTA would close the coast road", f.text


def test_a_told_clause_with_its_own_subject_is_left_alone(run: Run) -> None:
    a = sources(run, "Two officials told her son he would be late for the ferry.")
    (f,) = a.by_kind("attribution")
    assert f.text == "he would be late for the ferry", f.text
