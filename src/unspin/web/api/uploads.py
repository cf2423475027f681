"""Uploaded files for the import endpoints: bounded, written under safe names in a
private temporary folder that is removed afterwards (the names a client sends are never
used as paths)."""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

from fastapi import UploadFile

from unspin.web.problems import Problem

__all__ = ["MAX_FILES", "read_upload", "safe_name", "saved_uploads"]

#: The most files one request may carry.
MAX_FILES = 20
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str | None, index: int) -> str:
    """A file name made of safe characters that keeps the upload's suffix (the loaders
    read the format from it): ``3-report.html``."""
    base = Path((filename or "").replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip("._")[:80] or "upload"
    return f"{index}-{cleaned}"


async def read_upload(file: UploadFile, max_bytes: int) -> bytes:
    """The bytes of an uploaded file; a 413 problem over ``max_bytes``."""
    data = await file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Problem(
            413, None, f"{safe_name(file.filename, 0)[2:]} is over the limit of {max_bytes:,} bytes"
        )
    return data


@contextlib.asynccontextmanager
async def saved_uploads(files: Sequence[UploadFile], max_bytes: int) -> AsyncIterator[Path]:
    """A temporary folder holding the uploaded files (removed afterwards)."""
    if not files:
        raise Problem(
            422, None, "no file uploaded", errors=[{"loc": ["body", "files"], "msg": "no file"}]
        )
    if len(files) > MAX_FILES:
        raise Problem(422, None, f"at most {MAX_FILES} files a request")
    with tempfile.TemporaryDirectory(prefix="unspin-upload-") as folder:
        root = Path(folder)
        for i, file in enumerate(files):
            (root / safe_name(file.filename, i)).write_bytes(await read_upload(file, max_bytes))
        yield root
