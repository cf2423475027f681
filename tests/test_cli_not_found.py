"""An id or name the store holds nothing under is one convention on the command line: a
one-line error and exit code 1, whether a document, a story or an outlet (found by a
new-user trial: an unknown document id exited 2, a usage error, an unknown story 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli import unspin


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "--document", "nope", "-f", "webannotation"), "no document 'nope'"),
        (("timeline", "--document", "nope"), "no document 'nope'"),
        (("quotes", "--document", "nope"), "no document 'nope'"),
        (("report", "nope", "-o", "{tmp}"), "no document 'nope'"),
        (("timeline", "--story", "99"), "no story 99"),
        (("outlets", "Nowhere Daily"), "no outlet 'Nowhere Daily'"),
    ],
)
def test_unknown_ids_exit_1_in_one_line(
    pier_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path / "reports")) for a in args]
    result = unspin("corpus", *argv, "--db", pier_db)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"unspin: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_web_answers_an_unknown_document_404_not_store_unavailable() -> None:
    pytest.importorskip("fastapi")
    from unspin.errors import UnknownDocumentError
    from unspin.web.problems import unspin_status

    assert unspin_status(UnknownDocumentError("no document 'nope' in c.db")) == 404
