"""Outlet profiles as text: a table of every outlet (one row each, the corpus average
last) and the detail view of one outlet (one line per rate, with its interval, the
corpus average and the count it is made of, its fact-check ratings and published
ratings)."""

from __future__ import annotations

from unspin.outlets.profile import OutletProfile, OutletProfiles, Rate

__all__ = ["RATE_TITLES", "rate_rows", "render_outlet", "render_outlets"]

#: The rates of a profile in the order shown, with their titles and units.
RATE_TITLES: tuple[tuple[str, str, str], ...] = (
    ("techniques", "persuasion techniques", "per 1,000 words"),
    ("anonymous_quotes", "anonymous or unresolved quotations", "share of quotations"),
    ("hedges", "hedges", "per 1,000 words"),
    ("boosters", "boosters", "per 1,000 words"),
    ("checkworthy_claims", "check-worthy claims", "per document"),
    ("factchecked_claims", "claims matching fact-checks", "per document"),
)


def rate_rows(profile: OutletProfile) -> list[tuple[str, str, str, Rate]]:
    """(key, title, unit, rate) for each rate of a profile, techniques by name after."""
    rows = [(key, title, unit, getattr(profile, key)) for key, title, unit in RATE_TITLES]
    rows[1:1] = [
        (f"technique:{technique}", f"  {technique}", "per 1,000 words", rate)
        for technique, rate in profile.by_technique.items()
    ]
    return rows


def _number(value: float | None, share: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value * 100:.0f}%" if share else f"{value:.2f}"


def _cell(rate: Rate, share: bool = False) -> str:
    if rate.value is None:
        return "-"
    return f"{_number(rate.value, share)} ({_number(rate.low, share)}-{_number(rate.high, share)})"


def _table(rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_outlets(profiles: OutletProfiles) -> str:
    """Every outlet in one table: each rate with its 95 % interval; the corpus last."""
    head = [
        "outlet",
        "docs",
        "words",
        "techniques/1k",
        "anon. quotes",
        "hedges/1k",
        "boosters/1k",
        "check-worthy/doc",
        "fact-checked/doc",
        "ratings",
    ]
    rows = [head]
    for p in profiles.outlets:
        rows.append(
            [
                p.name + (" *" if p.small_sample else ""),
                f"{p.documents:,}",
                f"{p.words:,}",
                _cell(p.techniques),
                _cell(p.anonymous_quotes, share=True),
                _cell(p.hedges),
                _cell(p.boosters),
                _cell(p.checkworthy_claims),
                _cell(p.factchecked_claims),
                str(len(p.ratings)),
            ]
        )
    if profiles.outlets:
        first = profiles.outlets[0]
        rows.append(
            [
                "(corpus average)",
                f"{profiles.documents:,}",
                f"{profiles.words:,}",
                _number(first.techniques.corpus),
                _number(first.anonymous_quotes.corpus, share=True),
                _number(first.hedges.corpus),
                _number(first.boosters.corpus),
                _number(first.checkworthy_claims.corpus),
                _number(first.factchecked_claims.corpus),
                "",
            ]
        )
    out = [_table(rows, set(range(1, len(head))))]
    out.append(
        f"Each rate: the outlet's value ({profiles.confidence:.0%} bootstrap interval over its "
        f"documents, {profiles.resamples:,} resamples, seed {profiles.seed})."
    )
    if any(p.small_sample for p in profiles.outlets):
        out.append("* small sample: under 10 documents; the rates say little.")
    out.extend(f"Note: {n}" for n in profiles.notes)
    return "\n".join(out)


def render_outlet(profile: OutletProfile, profiles: OutletProfiles) -> str:
    """One outlet in detail."""
    dates = (
        f", published {profile.first_published} to {profile.last_published}"
        if profile.first_published
        else ""
    )
    out = [
        f"{profile.name}: {profile.documents:,} document{'s' if profile.documents != 1 else ''}"
        f", {profile.words:,} words{dates}",
        *(f"WARNING: {w}" for w in profile.warnings),
        "",
    ]
    rows = [["rate", "unit", "value", f"{profiles.confidence:.0%} interval", "corpus", "count"]]
    for key, title, unit, rate in rate_rows(profile):
        share = key == "anonymous_quotes"
        interval = (
            "-" if rate.low is None else f"{_number(rate.low, share)}-{_number(rate.high, share)}"
        )
        rows.append(
            [
                title,
                unit,
                _number(rate.value, share),
                interval,
                _number(rate.corpus, share),
                f"{rate.count:,}",
            ]
        )
    out.append(_table(rows, {2, 3, 4, 5}))
    out.append(f"quotations: {profile.quotes:,}")
    if profile.factcheck_ratings:
        ratings = ", ".join(f"{r} {n}" for r, n in profile.factcheck_ratings.items())
        out.append(f"claims matching fact-checks by rating: {ratings}")
    narratives = "not counted" if profile.narratives is None else f"{profile.narratives:,}"
    out.append(f"narratives carried: {narratives}")
    out.append("")
    if profile.ratings:
        out.append(
            f"Published ratings ({profile.ratings_domain}; each as published, never combined):"
        )
        for r in profile.ratings:
            values = ", ".join(
                f"{k} {v}"
                for k, v in r.items()
                if k not in {"source", "dataset", "year", "scale", "reference"}
            )
            year = f" ({r['year']})" if r.get("year") else ""
            out.append(f"  {r['source']}{year}: {values}  [{r['dataset']}]")
    else:
        out.append("Published ratings: none found")
    out.extend(f"Note: {n}" for n in (*profile.notes, *profiles.notes))
    out.append(
        f"Intervals: percentile bootstrap over the outlet's documents, {profiles.resamples:,} "
        f"resamples, seed {profiles.seed}."
    )
    return "\n".join(out)
