"""Without ``-v`` the command line shows unspin's own warnings and only the errors of the
libraries it calls: a page with no article text gets the one-line input error, not also
the HTML extractor's own "discarding data: None" (found by a new-user trial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import unspin

_PAGE = "<html><body><script>var shown = 1;</script></body></html>"


def test_a_page_with_no_article_gets_one_error_line(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "empty-page.html"
    page.write_text(_PAGE, encoding="utf-8")
    result = unspin("analyze", page, "-f", "json", "-o", tmp_path / "out", "-q")
    assert result.returncode == 1, result.stderr
    assert "discarding data" not in result.stderr
    assert f"{page}: no article text found in the HTML" in result.stderr
    assert "WARNING" not in result.stderr


def test_verbose_shows_the_libraries_warnings_again(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "empty-page.html"
    page.write_text(_PAGE, encoding="utf-8")
    result = unspin("-v", "analyze", page, "-f", "json", "-o", tmp_path / "out", "-q")
    assert result.returncode == 1
    assert "discarding data" in result.stderr
