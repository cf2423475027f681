"""The article's source profile: statements counted by source type and speaker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from unspin.model import JSON, Finding
from unspin.sources.speakers import SOURCE_TYPES

__all__ = ["profile_records", "source_profile"]


def profile_records(
    quotes: list[Finding], attributions: Iterable[Finding]
) -> list[tuple[str, str, str | None]]:
    """``(kind, source type, speaker)`` per statement for the profile.

    A partial quotation inside reported speech of the same speaker ("Solberg insisted the
    plan was "on track"") is one statement, counted once, as the attribution.
    """
    atts = sorted(attributions, key=lambda f: f.start)
    records: list[tuple[str, str, str | None]] = []
    for q in quotes:
        speaker = q.attributes.get("speaker")
        if q.attributes.get("fragment") and any(
            a.start <= q.start and q.end <= a.end and a.attributes.get("speaker") == speaker
            for a in atts
            if a.start <= q.start
        ):
            continue
        records.append(("quote", q.label, speaker))
    records.extend(("attribution", a.label, a.attributes.get("speaker")) for a in atts)
    return records


def source_profile(
    records: list[tuple[str, str, str | None]], *, top_n: int, scare_quotes: int
) -> dict[str, JSON]:
    """The analyzer's summary: counts by source type, shares and the top ``top_n`` speakers."""
    counts = {t: 0 for t in SOURCE_TYPES}
    for _, label, _ in records:
        counts[label] = counts.get(label, 0) + 1
    total = len(records)
    speakers: Counter[str] = Counter()
    types: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    for n, (_, label, name) in enumerate(records):
        if not name:
            continue
        speakers[name] += 1
        types.setdefault(name, Counter())[label] += 1
        first.setdefault(name, n)
    top = sorted(speakers, key=lambda n: (-speakers[n], first[n]))[:top_n]
    return {
        "counts_by_type": counts,
        "total": total,
        "quotes": sum(1 for r in records if r[0] == "quote"),
        "attributions": sum(1 for r in records if r[0] == "attribution"),
        "share_anonymous": round(counts["anonymous"] / total, 4) if total else 0.0,
        "top_speakers": [
            {"name": n, "type": types[n].most_common(1)[0][0], "count": speakers[n]} for n in top
        ],
        "scare_quotes": scare_quotes,
    }
