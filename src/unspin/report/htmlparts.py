"""The generic parts of the HTML report: header, failures, summary strip, legend,
findings panel, analyzer summaries and the links to other reports."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from unspin.model import Analysis
from unspin.report.common import (
    CLAIM_KIND,
    certainty_counts,
    checkworthy_claims,
    display_title,
    fmt_num,
    language_note,
    number,
    one_line,
    share_anonymous,
    word_count,
)
from unspin.report.highlight import CLAIM_OTHER, Layer
from unspin.report.htmlkit import esc, finding_button, safe_href
from unspin.report.sections import Chip

__all__ = [
    "failures",
    "header",
    "language",
    "legend",
    "panel",
    "related",
    "strip",
    "summaries",
]

#: Order of the groups in the findings panel.
_PANEL_ORDER = (
    CLAIM_KIND,
    "quote",
    "attribution",
    "speaker",
    "technique",
    "vague_attribution",
    "hedge",
    "booster",
    "quantity",
    "date",
)


def _meta_row(name: str, value_html: str) -> str:
    return f"<div><dt>{esc(name)}</dt><dd>{value_html}</dd></div>"


def header(analysis: Analysis) -> str:
    """Title and metadata of the document, and the analyzers that ran."""
    doc = analysis.document
    rows = []
    for name, value in (
        ("Outlet", doc.outlet),
        ("Author", doc.author),
        ("Published", doc.published),
    ):
        if value:
            rows.append(_meta_row(name, esc(one_line(value))))
    if doc.url:
        href = safe_href(doc.url)
        if href:
            link = (
                f'<a href="{esc(href)}" rel="noopener noreferrer nofollow" '
                f'target="_blank">{esc(doc.url)}</a>'
            )
        else:
            link = f'<span class="url">{esc(doc.url)}</span> <em>(not a web link)</em>'
        rows.append(_meta_row("URL", link))
    if doc.source:
        rows.append(_meta_row("Source", f"<code>{esc(doc.source)}</code>"))
    rows.append(_meta_row("Document id", f"<code>{esc(doc.id)}</code>"))
    rows.append(_meta_row("Language", esc(doc.language)))
    if analysis.analyzers:
        runs = ", ".join(f"{esc(a.name)} {esc(a.version)}" for a in analysis.analyzers)
        rows.append(_meta_row("Analyzers", runs))
    return (
        '<header class="doc-header">'
        '<p class="brand">unspin report</p>'
        f"<h1>{esc(display_title(analysis))}</h1>"
        f'<dl class="meta">{"".join(rows)}</dl>'
        "</header>"
    )


def language(analysis: Analysis) -> str:
    """A note naming the document's language and the analyzers skipped for it (empty for
    a document in English)."""
    note = language_note(analysis)
    if not note:
        return ""
    return f'<section class="failures language" role="note"><p>{esc(note)}</p></section>'


def failures(analysis: Analysis) -> str:
    """A warning listing the analyzers that failed (empty when none did)."""
    if not analysis.failures:
        return ""
    items = "".join(
        f"<li><strong>{esc(f.analyzer)}</strong> <code>{esc(f.error)}</code>: {esc(f.message)}</li>"
        for f in analysis.failures
    )
    n = len(analysis.failures)
    return (
        '<section class="failures" role="alert">'
        f"<h2>⚠ {n} analyzer{'s' if n != 1 else ''} failed on this document</h2>"
        "<p>The findings below are incomplete: what these analyzers look for is missing, "
        "not absent.</p>"
        f"<ul>{items}</ul></section>"
    )


def _chip(label: str, value: str, cls: str = "", swatch: str = "") -> str:
    sw = f'<mark class="sw {swatch}"> </mark>' if swatch else ""
    extra = f" {cls}" if cls else ""
    return (
        f'<li class="chip{extra}">{sw}<span class="k">{esc(label)}</span> '
        f'<span class="v">{value}</span></li>'
    )


def strip(analysis: Analysis, layers: Mapping[str, Layer], extra: Sequence[Chip] = ()) -> str:
    """The summary strip: words, key figures, counts by kind, then the sections' ``extra``
    chips and the failures."""
    chips = [_chip("words", esc(word_count(analysis)))]
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
        chips.append(_chip("hedges", esc(c["hedges"])))
        chips.append(_chip("boosters", esc(c["boosters"])))
        bal = c["balance"]
        if bal is not None:
            num = number(bal)
            chips.append(
                _chip("certainty balance", esc(f"{num:+.2f}" if num is not None else bal), "key")
            )
    for kind, count in analysis.kinds.items():
        layer = layers.get(kind) or layers.get(CLAIM_OTHER)
        chips.append(_chip(kind, esc(count), "kind", layer.cls if layer else ""))
    chips += [_chip(c.label, c.value_html, c.cls) for c in extra]
    if analysis.failures:
        chips.append(_chip("failures", esc(len(analysis.failures)), "warn"))
    return f'<section class="strip" aria-label="Summary"><ul>{"".join(chips)}</ul></section>'


def legend(layers: Sequence[Layer], counts: Mapping[str, int]) -> str:
    """One toggle per highlight layer, with its finding count."""
    if not layers:
        return ""
    items = []
    for layer in layers:
        checked = " checked" if layer.style.shown else ""
        items.append(
            f'<label title="{esc(layer.style.description)}">'
            f'<input type="checkbox" data-layer="{layer.cls}"{checked}> '
            f'<mark class="sw {layer.cls}">{esc(layer.style.name)}</mark> '
            f'<span class="n">{counts.get(layer.key, 0)}</span></label>'
        )
    return (
        '<nav class="legend" aria-label="Highlight layers">'
        '<span class="legend-title">Show:</span>'
        f"{''.join(items)}</nav>"
    )


def panel(analysis: Analysis, layers: Mapping[str, Layer], layer_of: Sequence[Layer]) -> str:
    """The side panel: the details box and the findings grouped by layer."""
    groups: dict[str, list[int]] = {}
    for i, layer in enumerate(layer_of):
        groups.setdefault(layer.key, []).append(i)
    order = [k for k in _PANEL_ORDER if k in groups]
    order += sorted(k for k in groups if k not in _PANEL_ORDER and k != CLAIM_OTHER)
    order += [CLAIM_OTHER] if CLAIM_OTHER in groups else []
    parts = []
    for key in order:
        layer = layers[key]
        idx = groups[key]
        entries = "".join(f"<li>{finding_button(i, analysis.findings[i])}</li>" for i in idx)
        is_open = " open" if layer.style.shown and len(idx) <= 200 else ""
        parts.append(
            f'<details class="group"{is_open}><summary>'
            f'<mark class="sw {layer.cls}">{esc(layer.style.name)}</mark> '
            f'<span class="n">{len(idx)}</span></summary><ol>{entries}</ol></details>'
        )
    body = "".join(parts) if parts else '<p class="empty">No findings.</p>'
    return (
        '<aside id="panel" aria-label="Findings">'
        '<section id="details" aria-live="polite"><h2>Details</h2>'
        '<div id="details-body"><p class="hint">Click a highlight or a finding to see '
        "why it was flagged.</p></div></section>"
        f'<section id="findings"><h2>Findings</h2>{body}</section>'
        "</aside>"
    )


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


def summaries(analysis: Analysis) -> str:
    """Every analyzer summary as tables."""
    if not analysis.summaries:
        return ""
    parts = "".join(
        f'<div class="summary"><h3>{esc(name)}</h3>{_value(s)}</div>'
        for name, s in analysis.summaries.items()
    )
    return f'<section id="summaries" class="block"><h2>Analyzer summaries</h2>{parts}</section>'


def related(analysis: Analysis, links: Mapping[str, str]) -> str:
    """Links to the other documents' reports."""
    items = []
    for doc_id, url in links.items():
        if doc_id == analysis.document.id:
            continue
        href = safe_href(url, allow_relative=True)
        label = f"<code>{esc(doc_id)}</code>"
        items.append(f'<li><a href="{esc(href)}">{label}</a></li>' if href else f"<li>{label}</li>")
    if not items:
        return ""
    return f'<nav id="related" class="block"><h2>Other reports</h2><ul>{"".join(items)}</ul></nav>'
