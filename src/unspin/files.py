"""Whole-or-nothing file writes: a reader never sees half a file.

::

    from unspin.files import write_atomic

    with write_atomic(Path("reports/a.html")) as fh:
        fh.write(html)

The text goes to a temporary file in the target's folder, renamed into place when the
``with`` block ends; if the block raises (or the run is interrupted), the temporary file
is removed and a file already at ``path`` is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

__all__ = ["csv_safe", "write_atomic"]

#: First characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@contextlib.contextmanager
def write_atomic(
    path: str | Path, *, newline: str = "\n", make_parents: bool = True
) -> Iterator[TextIO]:
    """A UTF-8 text stream whose content replaces ``path`` whole when the block ends.

    ``newline`` is the stream's newline translation (``""``: none, for CSV);
    ``make_parents`` creates missing parent folders first. The file is readable by all
    (mode 644), like a file written directly. Raises :class:`OSError` when the
    temporary file cannot be made.
    """
    path = Path(path)
    folder = path.parent
    if make_parents:
        folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".unspin-", suffix=path.suffix or ".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def csv_safe(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` for a CSV file a spreadsheet may open: a text cell starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so that it is shown, never
    run as a formula. Numbers are left alone (``-3`` stays a number)."""
    return {
        k: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
        for k, v in row.items()
    }
