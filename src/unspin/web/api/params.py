"""Query parameters the API's listings share: paging and the corpus filters, validated
(a value outside a fixed set is a 422 problem naming the allowed ones)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request

from unspin import app as unspin_app
from unspin.web.problems import Problem
from unspin.web.state import get_state

__all__ = [
    "MAX_LIMIT",
    "Paging",
    "check_choice",
    "corpus_filters",
    "db_of",
    "not_found",
    "page_out",
    "paging",
]

MAX_LIMIT = 200
#: Ids are hexadecimal content hashes; anything longer is not one.
MAX_ID = 128


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=10**9, description="items to skip")] = 0,
) -> Paging:
    """``limit`` (1..200, default 20) and ``offset``."""
    return Paging(limit, offset)


def check_choice(name: str, value: str | None, allowed: Sequence[str]) -> str | None:
    """``value`` if it is one of ``allowed`` (or None); else a 422 problem listing them."""
    if value is None or value in allowed:
        return value
    raise Problem(
        422,
        None,
        f"query.{name}: unknown value {value[:80]!r} (allowed: {', '.join(allowed)})",
        errors=[
            {
                "loc": ["query", name],
                "msg": f"unknown value {value[:80]!r}",
                "allowed": list(allowed),
            }
        ],
    )


def _enum(values: Sequence[str]) -> dict[str, Any]:
    return {"enum": list(values)}


def corpus_filters(
    outlet: Annotated[str | None, Query(max_length=200, description="outlet (domain)")] = None,
    language: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2,3}$", description="ISO 639-1 code")
    ] = None,
    since: Annotated[date | None, Query(description="published on or after (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="published on or before (YYYY-MM-DD)")] = None,
    kind: Annotated[
        str | None,
        Query(
            max_length=64,
            description="has a finding of this kind",
            json_schema_extra=_enum(unspin_app.FINDING_KINDS),
        ),
    ] = None,
    technique: Annotated[
        str | None,
        Query(
            max_length=64,
            description="has a technique finding with this label",
            json_schema_extra=_enum(unspin_app.TECHNIQUES),
        ),
    ] = None,
    source_type: Annotated[
        str | None,
        Query(
            max_length=64,
            description="has a quote or attribution from this type of source",
            json_schema_extra=_enum(unspin_app.SOURCE_TYPES),
        ),
    ] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="a speaker's name (any case)")
    ] = None,
    checkworthy: Annotated[bool, Query(description="has a check-worthy claim")] = False,
) -> unspin_app.Filters:
    """The corpus filters of a listing or a search."""
    check_choice("kind", kind, unspin_app.FINDING_KINDS)
    check_choice("technique", technique, unspin_app.TECHNIQUES)
    check_choice("source_type", source_type, unspin_app.SOURCE_TYPES)
    if since is not None and until is not None and since > until:
        raise Problem(
            422,
            None,
            "query.since: the date range is empty (since is after until)",
            errors=[{"loc": ["query", "since"], "msg": "since is after until"}],
        )
    return unspin_app.Filters(
        outlet=outlet or None,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        kind=kind,
        technique=technique,
        source_type=source_type,
        speaker=speaker or None,
        checkworthy=checkworthy,
        language=language.lower() if language else None,
    )


def db_of(request: Request) -> str | None:
    """The store the server was started with."""
    return get_state(request).db


def not_found(what: str, ident: str) -> Problem:
    return Problem(404, f"{what.capitalize()} not found", f"no {what} {ident[:MAX_ID]!r}")


def page_out(page: Any, items: list[Any]) -> dict[str, Any]:
    """A :class:`~unspin.store.Page` as the API returns it, with ``items`` converted."""
    return {
        "items": items,
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.next_offset,
    }
