"""What every page shares: rendering a template with the layout's context, the store,
paging links and the filters a listing accepts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from unspin import app as unspin_app
from unspin.web.state import get_state

__all__ = ["PAGE_SIZE", "Pager", "db_of", "render"]

#: Rows per page of a listing.
PAGE_SIZE = 20


def db_of(request: Request) -> str | None:
    """The store the server was started with."""
    return get_state(request).db


def render(
    request: Request, name: str, *, active: str = "", status_code: int = 200, **context: Any
) -> HTMLResponse:
    """``name`` rendered (autoescaped) with the layout's context: the active navigation
    entry and the version (the templates' context processor adds the CSRF token)."""
    values: dict[str, Any] = {
        "active": active,
        "version": unspin_app.version(),
        **context,
    }
    return get_state(request).templates.TemplateResponse(
        request, name, values, status_code=status_code
    )


@dataclass(frozen=True)
class Pager:
    """Where a listing is (``offset``, ``limit``) and the links to its neighbours, which
    keep the other query parameters."""

    path: str
    params: dict[str, str]
    offset: int
    limit: int
    shown: int
    total: int | None = None

    def _link(self, offset: int) -> str:
        query = {k: v for k, v in self.params.items() if v and k != "offset"}
        if offset:
            query["offset"] = str(offset)
        return f"{self.path}?{urlencode(query)}" if query else self.path

    @property
    def previous(self) -> str | None:
        return self._link(max(0, self.offset - self.limit)) if self.offset > 0 else None

    @property
    def next(self) -> str | None:
        if self.total is not None:
            more = self.offset + self.shown < self.total
        else:
            more = self.shown >= self.limit
        return self._link(self.offset + self.limit) if more else None

    @property
    def past_end(self) -> bool:
        """Whether this page starts after the last item (an old link, an offset typed by
        hand): its listing is not empty, the page is."""
        return self.shown == 0 and self.offset > 0 and (self.total is None or self.total > 0)

    @property
    def first_page(self) -> str:
        return self._link(0)

    @property
    def first(self) -> int:
        return self.offset + 1 if self.shown else 0

    @property
    def last(self) -> int:
        return self.offset + self.shown
