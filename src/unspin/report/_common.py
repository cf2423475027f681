"""What the HTML and Markdown reports both read off an analysis.

Summaries are free-form mappings written by analyzers (and possibly by a hostile or
outdated JSON file), so every getter here is defensive: a value of the wrong type is
treated as missing, never trusted.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from unspin.model import Analysis, Finding

__all__ = [
    "CLAIM_KIND",
    "CORPUS_TITLES",
    "TECHNIQUE_KIND",
    "SourceRow",
    "certainty_counts",
    "checkworthy_claims",
    "claim_threshold",
    "claim_types",
    "display_title",
    "fmt_num",
    "is_checkworthy",
    "number",
    "one_line",
    "share_anonymous",
    "slug",
    "source_rows",
    "summary",
    "technique_counts",
    "word_count",
]

CLAIM_KIND = "claim"
TECHNIQUE_KIND = "technique"
_WORD_RE = re.compile(r"\w+")
_DEFAULT_THRESHOLD = 0.5


def one_line(text: str, limit: int | None = None) -> str:
    """Whitespace collapsed to single spaces, shortened to ``limit`` characters with '…'."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: max(0, limit - 1)].rstrip() + "…"
    return flat


def number(value: Any) -> float | None:
    """``value`` as a finite float if it is a real number (not a bool), else ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def fmt_num(value: float, digits: int = 2) -> str:
    """An integer without decimals, anything else with ``digits`` decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.{digits}f}"


def summary(analysis: Analysis, name: str) -> Mapping[str, Any]:
    """The summary an analyzer wrote, or an empty mapping when absent or not a mapping."""
    value = analysis.summaries.get(name)
    return value if isinstance(value, Mapping) else {}


def display_title(analysis: Analysis) -> str:
    """The document's title, else its source's file name, else a neutral placeholder."""
    doc = analysis.document
    if doc.title and doc.title.strip():
        return one_line(doc.title)
    if doc.source and doc.source.strip():
        return one_line(PurePath(doc.source).name or doc.source)
    return "Untitled document"


def word_count(analysis: Analysis) -> int:
    return len(_WORD_RE.findall(analysis.document.text))


def technique_counts(analysis: Analysis) -> dict[str, Any]:
    """Technique spans per label (most frequent first), their total, the word count and the
    density per 1,000 words, read off the findings themselves (so imported label files get
    them too)."""
    counts: dict[str, int] = {}
    for f in analysis.findings:
        if f.kind == TECHNIQUE_KIND:
            counts[f.label] = counts.get(f.label, 0) + 1
    words = word_count(analysis)
    total = sum(counts.values())

    def density(n: int) -> float:
        return round(n * 1000 / words, 2) if words else 0.0

    ordered = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return {
        "counts": ordered,
        "total": total,
        "words": words,
        "per_1000_words": density(total),
        "density": {label: density(n) for label, n in ordered.items()},
    }


def claim_threshold(analysis: Analysis) -> float:
    t = number(summary(analysis, "claims").get("threshold"))
    return t if t is not None else _DEFAULT_THRESHOLD


def is_checkworthy(finding: Finding, threshold: float = _DEFAULT_THRESHOLD) -> bool:
    """A claim's ``checkworthy`` attribute; without one, its score against ``threshold``."""
    flag = finding.attributes.get("checkworthy")
    if isinstance(flag, bool):
        return flag
    return finding.score >= threshold


def checkworthy_claims(analysis: Analysis) -> list[Finding]:
    """Check-worthy claims, most check-worthy first (ties in text order)."""
    threshold = claim_threshold(analysis)
    claims = [f for f in analysis.by_kind(CLAIM_KIND) if is_checkworthy(f, threshold)]
    return sorted(claims, key=lambda f: (-f.score, f.start))


def claim_types(finding: Finding) -> list[str]:
    """The claim types listed in ``attributes["types"]``, else the label."""
    types = finding.attributes.get("types")
    if isinstance(types, (list, tuple)):
        out = [str(t) for t in types if isinstance(t, str) and t]
        if out:
            return out
    return [finding.label] if finding.label else []


def share_anonymous(analysis: Analysis) -> float | None:
    """Share of anonymous sources (0..1) from the sources summary, if it gives one."""
    share = number(summary(analysis, "sources").get("share_anonymous"))
    if share is None or not 0.0 <= share <= 1.0:
        return None
    return share


def certainty_counts(analysis: Analysis) -> dict[str, Any]:
    """Hedges, boosters, vague attributions (counted from findings) and the summary balance."""
    s = summary(analysis, "certainty")
    out: dict[str, Any] = {}
    for kind, key in (
        ("hedge", "hedges"),
        ("booster", "boosters"),
        ("vague_attribution", "vague_attributions"),
    ):
        found = len(analysis.by_kind(kind))
        given = number(s.get(key))
        out[key] = int(given) if given is not None and not found else found
    balance = s.get("balance")
    out["balance"] = balance if number(balance) is not None or isinstance(balance, str) else None
    return out


@dataclass
class SourceRow:
    """One line of the source table: who is quoted or reported, how often."""

    speaker: str
    type: str
    role: str
    count: int
    example: str
    first: Finding | None


def _str_attr(finding: Finding, key: str) -> str:
    value = finding.attributes.get(key)
    return one_line(value) if isinstance(value, str) else ""


def source_rows(analysis: Analysis) -> list[SourceRow]:
    """Speakers of quotes and reported content, most frequent first.

    Read from the ``quote`` and ``attribution`` findings (their ``speaker``, ``role`` and
    ``source_type`` attributes, or the linked ``speaker`` finding); when there are none,
    from the ``top_speakers`` of the sources summary.
    """
    by_id = {f.id: f for f in analysis.findings}
    rows: dict[tuple[str, str], SourceRow] = {}
    for f in analysis.by_kind("quote", "attribution"):
        speaker_f = next((by_id[t] for t in f.related("speaker") if t in by_id), None)
        name = _str_attr(f, "speaker") or (one_line(speaker_f.text) if speaker_f else "")
        stype = _str_attr(f, "source_type") or (speaker_f.label if speaker_f else "")
        key = (name or "(unnamed)", stype or "unattributed")
        row = rows.get(key)
        if row is None:
            row = rows[key] = SourceRow(key[0], key[1], "", 0, "", f)
        row.count += 1
        row.role = row.role or _str_attr(f, "role")
        if not row.example or (
            f.kind == "quote" and row.first is not None and row.first.kind != "quote"
        ):
            row.example = one_line(f.text, 200)
            row.first = f
    if not rows:
        top = summary(analysis, "sources").get("top_speakers")
        for item in top if isinstance(top, (list, tuple)) else ():
            if not isinstance(item, Mapping):
                continue
            who, what = item.get("name"), item.get("type")
            count = number(item.get("count"))
            key = (
                one_line(who) if isinstance(who, str) else "(unknown)",
                one_line(what) if isinstance(what, str) else "",
            )
            rows[key] = SourceRow(key[0], key[1], "", int(count or 0), "", None)
    return sorted(rows.values(), key=lambda r: (-r.count, r.speaker.lower()))


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe ASCII slug: lower case letters, digits and single dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-")


#: Section titles of the corpus link kinds.
CORPUS_TITLES: dict[str, str] = {
    "contradiction": "Contradictions",
    "compatible": "Compatible values",
    "update": "Updates",
    "differs": "Differing roles",
    "quote_drift": "Drifted quotations",
    "propagation": "Propagated passages",
}
