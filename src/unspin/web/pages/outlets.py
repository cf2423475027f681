"""Outlet profiles: every outlet of the store with its rates charted against the corpus
average (``/outlets``), and one outlet in detail (``/outlets/{name}``).

The charts are inline SVG drawn on the server (no script, no external file; the CSP
allows neither inline style nor inline script, so colours come from classes in
``static/outlets.css``): one horizontal bar per row, a line for its 95 % bootstrap
interval, and a dashed mark at the corpus average. A table under each chart gives the
same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import PAGE_SIZE, Pager, db_of, render
from unspin.web.problems import Problem
from unspin.web.state import get_state

__all__ = ["Chart", "ChartRow", "chart", "router"]

router = APIRouter(include_in_schema=False)

#: Chart geometry (SVG user units): the label column, the plot, a row.
WIDTH, LABEL, PLOT, ROW, TOP, AXIS = 640, 200, 360, 26, 6, 22
#: Characters of a label shown (the whole name is in the row's tooltip).
LABEL_CHARS = 24


@dataclass(frozen=True)
class ChartRow:
    """One bar: where it is drawn and what its tooltip says."""

    label: str
    href: str | None
    y: float
    bar: float
    low: float | None
    high: float | None
    average: float | None
    text: str
    tooltip: str
    muted: bool


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart with intervals and corpus-average marks."""

    id: str
    title: str
    unit: str
    height: float
    rows: tuple[ChartRow, ...]
    ticks: tuple[tuple[float, str], ...]
    width: int = WIDTH
    left: int = LABEL
    plot: int = PLOT
    axis_y: float = 0.0


def _fmt(value: float | None, share: bool) -> str:
    if value is None:
        return "–"
    return f"{value * 100:.0f}%" if share else f"{value:.2f}"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def chart(
    chart_id: str,
    title: str,
    unit: str,
    rows: list[tuple[str, str | None, Any, bool]],
    *,
    share: bool = False,
) -> Chart:
    """A chart of ``rows``: (label, link, rate, muted) with ``rate`` a profile's rate
    (``value``, ``low``, ``high``, ``corpus``); shares are drawn on 0-100 %."""
    top = max(
        [1e-9] + [v for _, _, r, _ in rows for v in (r.value, r.high, r.corpus) if v is not None]
    )
    scale_max = 1.0 if share else _nice(top)

    def x(value: float | None) -> float | None:
        if value is None:
            return None
        return round(LABEL + PLOT * min(value, scale_max) / scale_max, 1)

    drawn = []
    for i, (label, href, rate, muted) in enumerate(rows):
        y = TOP + i * ROW
        value_x = x(rate.value)
        interval = (
            f" (95% interval {_fmt(rate.low, share)}–{_fmt(rate.high, share)})"
            if rate.low is not None
            else ""
        )
        drawn.append(
            ChartRow(
                label=_short(label),
                href=href,
                y=y,
                bar=0.0 if value_x is None else round(value_x - LABEL, 1),
                low=x(rate.low),
                high=x(rate.high),
                average=x(rate.corpus),
                text=_fmt(rate.value, share),
                tooltip=f"{label}: {_fmt(rate.value, share)} {unit}{interval}; "
                f"corpus average {_fmt(rate.corpus, share)}",
                muted=muted,
            )
        )
    axis_y = TOP + len(rows) * ROW
    ticks = tuple(
        (round(LABEL + PLOT * k / 4, 1), _tick(scale_max * k / 4, share)) for k in range(5)
    )
    return Chart(chart_id, title, unit, axis_y + AXIS, tuple(drawn), ticks, axis_y=axis_y)


def _tick(value: float, share: bool) -> str:
    return f"{value * 100:.0f}%" if share else f"{value:g}"


def _nice(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k at or above ``value``."""
    power = 10.0 ** int(f"{value:e}".split("e")[1])
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * power:
            return step * power
    return 10 * power


#: The rates charted, in order: (key, title, unit, share).
RATES: tuple[tuple[str, str, str, bool], ...] = (
    ("techniques", "Persuasion techniques", "per 1,000 words", False),
    ("anonymous_quotes", "Anonymous or unresolved quotations", "share of quotations", True),
    ("hedges", "Hedges", "per 1,000 words", False),
    ("boosters", "Boosters", "per 1,000 words", False),
    ("checkworthy_claims", "Check-worthy claims", "per document", False),
    ("factchecked_claims", "Claims matching fact-checks", "per document", False),
)


def _href(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def _profiles(request: Request, name: str | None = None) -> Any:
    return unspin_app.outlet_profiles(db_of(request), name, config=get_state(request).config)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> HTMLResponse:
    """Every outlet (largest first, a page at a time), each rate charted."""
    values: dict[str, Any] = {"profiles": None, "charts": []}
    try:
        profiles = _profiles(request)
    except UnspinError as exc:  # no store yet, or one that cannot be read
        values["error"] = str(exc)
        return render(request, "outlets.html", active="outlets", **values)
    shown = profiles.outlets[offset : offset + PAGE_SIZE]
    values["profiles"] = profiles
    values["shown"] = shown
    values["href"] = _href
    values["pager"] = Pager("/outlets", {}, offset, PAGE_SIZE, len(shown), len(profiles.outlets))
    values["charts"] = [
        chart(
            f"chart-{key.replace('_', '-')}",
            title,
            unit,
            [(p.name, _href(p.name), getattr(p, key), p.small_sample) for p in shown],
            share=share,
        )
        for key, title, unit, share in RATES
    ]
    return render(request, "outlets.html", active="outlets", **values)


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    """One outlet: its rates against the corpus average, techniques by name, fact-check
    ratings and published ratings."""
    try:
        profiles = _profiles(request, name)
    except unspin_app.UnknownOutletError as exc:
        raise Problem(404, "Outlet not found", str(exc)) from None
    profile = profiles.outlets[0]
    per_words: list[tuple[str, str | None, Any, bool]] = [
        (title, None, getattr(profile, key), False)
        for key, title, unit, _ in RATES
        if unit == "per 1,000 words"
    ]
    per_words[1:1] = [
        (technique, None, rate, False) for technique, rate in profile.by_technique.items()
    ]
    charts = [
        chart("chart-per-words", "Techniques, hedges and boosters", "per 1,000 words", per_words),
        chart(
            "chart-per-document",
            "Claims",
            "per document",
            [
                (title, None, getattr(profile, key), False)
                for key, title, unit, _ in RATES
                if unit == "per document"
            ],
        ),
        chart(
            "chart-anonymous",
            "Quotations from anonymous or unresolved sources",
            "share of quotations",
            [("Anonymous or unresolved", None, profile.anonymous_quotes, False)],
            share=True,
        ),
    ]
    return render(
        request,
        "outlet.html",
        active="outlets",
        profile=profile,
        profiles=profiles,
        charts=charts,
        rows=unspin_app.outlet_rate_rows(profile),
        rating_values=_rating_values,
    )


def _rating_values(rating: dict[str, Any]) -> str:
    """A published rating's values in one line (its source, data set and scale apart)."""
    skip = {"source", "dataset", "year", "scale", "reference"}
    return ", ".join(f"{k} {v}" for k, v in rating.items() if k not in skip)
