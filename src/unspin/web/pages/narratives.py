"""Stories and narratives (``/narratives``): each story with its narratives, their
counts, and how each grew, drawn as inline SVG bars on the server (no script; colours
from classes of ``static/narratives.css``, as the CSP forbids inline style). A button
clusters the documents stored since the last run (on the analysis worker); what the
latest run added (new and fast-growing narratives, new contradictions) is listed first,
as ``unspin corpus watch`` reports it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import db_of, render
from unspin.web.queue import get_queue

__all__ = ["Growth", "growth_chart", "router"]

router = APIRouter(include_in_schema=False)

#: Stories shown on one page.
STORIES = 30
#: Bars of a growth chart at most (the latest periods), its size in SVG units.
BARS, WIDTH, HEIGHT = 60, 240, 36


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Growth:
    """A narrative's growth as bars: one per day (days without a claim included) or per
    ISO week, the latest :data:`BARS`."""

    bars: tuple[Bar, ...]
    width: int
    height: int
    summary: str


def _filled(growth: list[dict[str, Any]]) -> list[tuple[str, int]]:
    counts = {g["period"]: int(g["count"]) for g in growth if g["period"]}
    if not counts:
        return []
    if any("W" in p for p in counts):  # ISO weeks: as they are
        return sorted(counts.items())
    try:
        days = sorted(date.fromisoformat(p) for p in counts)
    except ValueError:  # ISO weeks: as they are
        return sorted(counts.items())
    out, day = [], days[0]
    while day <= days[-1]:
        out.append((day.isoformat(), counts.get(day.isoformat(), 0)))
        day += timedelta(days=1)
    return out


def growth_chart(growth: list[dict[str, Any]]) -> Growth:
    periods = _filled(growth)[-BARS:]
    top = max((n for _, n in periods), default=0) or 1
    step = WIDTH / max(len(periods), 1)
    bars = tuple(
        Bar(
            x=round(i * step, 2),
            y=round(HEIGHT - max(1.0, n / top * HEIGHT), 2) if n else HEIGHT - 1,
            width=round(max(step - 1, 1), 2),
            height=round(max(1.0, n / top * HEIGHT), 2) if n else 1,
            label=f"{p}: {n}",
            count=n,
        )
        for i, (p, n) in enumerate(periods)
    )
    summary = (
        f"{sum(n for _, n in periods)} claim(s) from {periods[0][0]} to {periods[-1][0]}, "
        f"at most {top} in one period"
        if periods
        else "undated"
    )
    return Growth(bars, WIDTH, HEIGHT, summary)


@router.get("/narratives", response_class=HTMLResponse)
def narratives(
    request: Request,
    min_documents: Annotated[int, Query(ge=1, le=10**6)] = 2,
    period: Literal["day", "week"] = "day",
    offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    clustered: Annotated[int | None, Query(ge=0)] = None,
    stories: Annotated[int | None, Query(ge=0)] = None,
    narratives: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    """One page of stories (``clustered``/``stories``/``narratives``: what the last
    clustering run from this page did)."""
    values: dict[str, Any] = {
        "params": {"min_documents": min_documents, "period": period},
        "clustered": clustered,
        "new_stories": stories,
        "new_narratives": narratives,
        "chart": growth_chart,
        "stories": [],
    }
    try:
        listing = unspin_app.list_narratives(
            db_of(request), cluster=False, period=period, min_documents=min_documents
        )
    except UnspinError as exc:  # no store yet, or one that cannot be read
        values["error"] = str(exc)
        return render(request, "narratives.html", active="narratives", **values)
    found = listing.to_list()
    values["changes"] = unspin_app.latest_changes(db_of(request))
    values.update(
        stories=found[offset : offset + STORIES],
        total=len(found),
        waiting=listing.waiting,
        offset=offset,
    )
    base = {"min_documents": min_documents, "period": period}
    if offset + STORIES < len(found):
        values["next"] = "/narratives?" + urlencode({**base, "offset": offset + STORIES})
    if offset:
        values["previous"] = "/narratives?" + urlencode(
            {**base, "offset": max(0, offset - STORIES)}
        )
    return render(request, "narratives.html", active="narratives", **values)


@router.post("/narratives/cluster", response_class=RedirectResponse)
async def cluster(request: Request, period: Annotated[str, Form()] = "day") -> RedirectResponse:
    """Cluster the documents stored since the last run (on the analysis worker, after the
    waiting analyses), then show the stories with what was added."""
    db = db_of(request)
    future = get_queue(request).submit_job(lambda: unspin_app.cluster_narratives(db))
    run = await asyncio.wrap_future(future)
    query = urlencode(
        {
            "period": period if period in ("day", "week") else "day",
            "clustered": run.documents,
            "stories": len(run.new_stories),
            "narratives": len(run.new_narratives),
        }
    )
    return RedirectResponse(f"/narratives?{query}", status_code=303)
