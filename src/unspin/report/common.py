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
from pathlib import PurePath
from typing import Any

from unspin.model import Analysis, Finding

__all__ = [
    "CLAIM_KIND",
    "certainty_counts",
    "checkworthy_claims",
    "claim_threshold",
    "count_words",
    "display_title",
    "fmt_num",
    "is_checkworthy",
    "language_note",
    "number",
    "one_line",
    "share_anonymous",
    "slug",
    "summary",
    "word_count",
]

CLAIM_KIND = "claim"
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


def language_note(analysis: Analysis) -> str | None:
    """What the pipeline's language note (``summaries["language"]``) says, in a sentence:
    the document's language and the analyzers skipped because they read only English;
    None for a document in English."""
    note = summary(analysis, "language")
    if not note:
        return None
    how = [str(note.get("code")), str(note.get("source") or "detected")]
    confidence = number(note.get("confidence"))
    if note.get("source") != "given" and confidence is not None:
        how.append(f"confidence {fmt_num(confidence)}")
    skipped = [str(s) for s in note.get("skipped") or ()]
    tail = (
        f"English-only analyzers were skipped: {', '.join(skipped)}"
        if skipped
        else "no analyzer was skipped"
    )
    return f"This document is in {note.get('name')} ({', '.join(how)}); {tail}."


def display_title(analysis: Analysis) -> str:
    """The document's title, else its source's file name, else a neutral placeholder."""
    doc = analysis.document
    if doc.title and doc.title.strip():
        return one_line(doc.title)
    if doc.source and doc.source.strip():
        return one_line(PurePath(doc.source).name or doc.source)
    return "Untitled document"


def count_words(text: str) -> int:
    """Words as every figure "per 1,000 words" counts them: runs of ``\\w`` characters."""
    return len(_WORD_RE.findall(text))


def word_count(analysis: Analysis) -> int:
    return count_words(analysis.document.text)


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


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe ASCII slug: lower case letters, digits and single dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-")
