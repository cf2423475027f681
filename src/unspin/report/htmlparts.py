"""Parts of the HTML report computed in Python: the summary strip's chips and the
analyzer summaries as tables (the template lays them out, :mod:`unspin.report.view`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from unspin.model import Analysis
from unspin.report.common import (
    CLAIM_KIND,
    certainty_counts,
    checkworthy_claims,
    fmt_num,
    number,
    share_anonymous,
    word_count,
)
from unspin.report.htmlkit import esc
from unspin.report.sections import Chip

__all__ = ["strip_chips", "summary_tables"]


#: What each figure of the summary strip counts (its tooltip).
CHIP_TITLES = {
    "words": "Words in the text.",
    "check-worthy claims": (
        "Sentences flagged check-worthy / sentences scored (the Claims section gives the "
        "threshold and the audited precision)."
    ),
    "anonymous sources": (
        "Share of the quotations and reported statements whose source is not named."
    ),
    "hedges": "Words and phrases that hold a claim back (may, reportedly, allegedly).",
    "boosters": "Words and phrases that push a claim's certainty (clearly, undeniably).",
    "certainty balance": (
        "Boosters against hedges, over the cues scoring 0.5 or more: sparse under 3 of "
        "them; assertive when boosters are 65% or more; hedged at 35% or less; else "
        "balanced."
    ),
    "techniques per 1,000 words": (
        "Persuasion-technique spans in this report, per 1,000 words of the text."
    ),
    "failures": "Analyzers that failed on this text: see Analyzer summaries.",
}


def _chip(label: str, value: str | Markup, cls: str = "", swatch: str = "") -> dict[str, Any]:
    title = CHIP_TITLES.get(label, "")
    return {"label": label, "value": value, "cls": cls, "swatch": swatch, "title": title}


def strip_chips(analysis: Analysis, extra: Sequence[Chip] = ()) -> list[dict[str, Any]]:
    """The summary strip: words, key figures, then the sections' ``extra`` chips and the
    failures (``value``: text, or Markup from a section). The counts by kind are in the
    layer switch."""
    chips = [_chip("words", str(word_count(analysis)))]
    claims = analysis.by_kind(CLAIM_KIND)
    if claims:
        cw = len(checkworthy_claims(analysis))
        chips.append(_chip("check-worthy claims", f"{cw} / {len(claims)}", "key"))
    share = share_anonymous(analysis)
    if share is not None:
        chips.append(_chip("anonymous sources", f"{share * 100:.0f}%", "key"))
    if analysis.summaries.get("certainty") is not None or any(
        f.kind in ("hedge", "booster") for f in analysis.findings
    ):
        c = certainty_counts(analysis)
        chips.append(_chip("hedges", str(c["hedges"])))
        chips.append(_chip("boosters", str(c["boosters"])))
        bal = c["balance"]
        if bal is not None:
            num = number(bal)
            chips.append(
                _chip("certainty balance", f"{num:+.2f}" if num is not None else str(bal), "key")
            )
    chips += [_chip(c.label, Markup(c.value_html), c.cls) for c in extra]
    if analysis.failures:
        chips.append(_chip("failures", str(len(analysis.failures)), "warn"))
    return chips


def _value(value: Any, depth: int = 0) -> str:
    """Any JSON-like summary value as escaped HTML (mappings and lists of them as tables)."""
    if depth > 4:
        return f"<code>{esc(json.dumps(value, default=str, ensure_ascii=False))}</code>"
    if isinstance(value, Mapping):
        if not value:
            return "—"
        rows = "".join(
            f"<tr><th>{esc(k)}</th><td>{_value(v, depth + 1)}</td></tr>" for k, v in value.items()
        )
        return f'<table class="kv">{rows}</table>'
    if isinstance(value, (list, tuple)):
        if not value:
            return "—"
        if all(isinstance(v, Mapping) for v in value):
            cols: list[str] = []
            for v in value:
                cols.extend(str(k) for k in v if str(k) not in cols)
            head = "".join(f"<th>{esc(c)}</th>" for c in cols)
            body = "".join(
                "<tr>" + "".join(f"<td>{_value(v.get(c), depth + 1)}</td>" for c in cols) + "</tr>"
                for v in value
            )
            return (
                f'<table class="grid"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
            )
        return ", ".join(_value(v, depth + 1) for v in value)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    num = number(value)
    if num is not None:
        return esc(fmt_num(num, 3))
    return esc(value)


def summary_tables(value: Any) -> str:
    """An analyzer summary (any JSON-like value) as escaped HTML tables."""
    return _value(value)
