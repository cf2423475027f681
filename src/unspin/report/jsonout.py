"""JSON output and its JSON Schema (draft 2020-12, ``schema/analysis-1.1.json``).

The schema ships inside the package and, identical, in ``docs/schema/``. Validation
needs the ``jsonschema`` package, which is imported only when :func:`validate` runs.
"""

from __future__ import annotations

import importlib
import json
import logging
from functools import lru_cache
from importlib import resources
from typing import Any

from unspin.errors import MissingExtraError, SchemaError
from unspin.model import Analysis

__all__ = ["SCHEMA_FILE", "render_json", "schema", "validate"]

log = logging.getLogger(__name__)

#: The schema's file name inside the package (``unspin/schema/``) and in ``docs/schema/``.
SCHEMA_FILE = "analysis-1.1.json"


def render_json(analysis: Analysis, *, indent: int | None = 2) -> str:
    """The analysis as JSON text (UTF-8, not ASCII-escaped), ending with a newline.

    ``Analysis.from_json(render_json(a)) == a``.
    """
    return analysis.to_json(indent=indent) + "\n"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    path = resources.files("unspin").joinpath("schema").joinpath(SCHEMA_FILE)
    return path.read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema of :meth:`Analysis.to_dict` output (a fresh copy each call)."""
    data: dict[str, Any] = json.loads(_schema_text())
    return data


@lru_cache(maxsize=1)
def _validator() -> Any:
    try:
        # imported by name: the package ships no type stubs, and is optional at run time
        jsonschema = importlib.import_module("jsonschema")
    except ImportError as exc:  # pragma: no cover - jsonschema is installed in dev setups
        raise MissingExtraError("jsonschema", "dev") from exc
    cls = jsonschema.Draft202012Validator
    data = schema()
    cls.check_schema(data)
    return cls(data)


def _path(parts: Any) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def validate(data: dict[str, Any]) -> None:
    """Check ``data`` (a parsed JSON analysis) against the schema.

    Raises :class:`~unspin.errors.SchemaError` with a one-line message naming the first
    offending place (``$.findings[3].score: 2.0 is greater than the maximum of 1``).
    """
    validator = _validator()
    best_match = importlib.import_module("jsonschema.exceptions").best_match
    try:
        error = best_match(validator.iter_errors(data))
    except TypeError as exc:  # data that is not JSON-like (sets, objects) at all
        raise SchemaError(f"not a JSON analysis: {exc}") from None
    if error is None:
        return
    message = " ".join(str(error.message).split())
    if len(message) > 240:
        message = message[:239] + "…"
    where = _path(error.absolute_path)
    log.debug("schema validation failed at %s: %s", where, message)
    raise SchemaError(
        f"invalid analysis at {where}: {message}",
        hint=f"see the JSON Schema {SCHEMA_FILE}",
    )
