"""The HTML report: one self-contained file (inline CSS and JS, no network).

The article text is split at every finding boundary; each segment is wrapped in one
``<mark>`` per *layer* that covers it (a layer is a finding kind, except that claims are
split into check-worthy and other claims), outermost layer first, so overlapping and
nested spans of any kind render as properly nested HTML. Every mark carries
``data-kind``, ``data-finding-ids`` (the findings' ids) and ``data-f`` (their indices in
the embedded JSON data), and a ``title`` with the findings' explanations.

Every string taken from the document or the findings is escaped with
``html.escape(..., quote=True)``. Finding data reaches the (static, shipped) script only
through a ``<script type="application/json">`` block in which ``<``, ``>`` and ``&`` are
written as ``\\u003c``, ``\\u003e`` and ``\\u0026``. A Content-Security-Policy allows
inline styles and exactly one script: ours, by its SHA-256 hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from unspin.model import Analysis, Finding
from unspin.report._common import (
    CLAIM_KIND,
    CORPUS_TITLES,
    TECHNIQUE_KIND,
    certainty_counts,
    checkworthy_claims,
    claim_threshold,
    display_title,
    fmt_num,
    is_checkworthy,
    number,
    one_line,
    share_anonymous,
    source_rows,
    technique_counts,
    word_count,
)
from unspin.report.claims import NOT_VERIFIED, ClaimRow, claim_rows

__all__ = ["KIND_STYLES", "render_html", "safe_href"]

if TYPE_CHECKING:
    from unspin.corpus.report import DocumentReport

log = logging.getLogger(__name__)

#: Layer key of claims that are not check-worthy (hidden by default).
CLAIM_OTHER = "claim:other"


@dataclass(frozen=True)
class LayerStyle:
    """How one layer of highlights looks and what the legend calls it."""

    name: str
    css: str
    description: str = ""
    shown: bool = True


def _bg(rgba: str) -> str:
    return f"background-color:{rgba};"


#: Known layers, outermost first: the order of nesting in the text.
KIND_STYLES: dict[str, LayerStyle] = {
    CLAIM_KIND: LayerStyle(
        "check-worthy claim",
        "text-decoration:underline solid rgba(31,41,55,.75);text-decoration-thickness:2px;"
        "text-underline-offset:.2em;",
        "a sentence whose claim is worth checking (underlined)",
    ),
    CLAIM_OTHER: LayerStyle(
        "other claim",
        "text-decoration:underline dotted rgba(107,114,128,.9);text-decoration-thickness:1px;"
        "text-underline-offset:.2em;",
        "a sentence below the check-worthiness threshold",
        shown=False,
    ),
    "technique": LayerStyle(
        "technique",
        _bg("rgba(219,39,119,.14)")
        + "text-decoration:underline wavy rgba(219,39,119,.85);text-decoration-thickness:1px;"
        "text-underline-offset:.35em;",
        "a persuasion technique",
    ),
    "attribution": LayerStyle(
        "attribution", _bg("rgba(5,150,105,.17)"), "content reported from a source"
    ),
    "quote": LayerStyle("quote", _bg("rgba(37,99,235,.17)"), "a direct quotation"),
    "speaker": LayerStyle("speaker", _bg("rgba(124,58,237,.24)"), "who is quoted or cited"),
    "vague_attribution": LayerStyle(
        "vague attribution", _bg("rgba(234,88,12,.30)"), "a source nobody can check"
    ),
    "hedge": LayerStyle("hedge", _bg("rgba(217,119,6,.32)"), "a word that weakens a claim"),
    "booster": LayerStyle("booster", _bg("rgba(220,38,38,.26)"), "a word that strengthens a claim"),
    "quantity": LayerStyle("quantity", _bg("rgba(8,145,178,.22)"), "a number with its unit"),
    "date": LayerStyle("date", _bg("rgba(101,163,13,.26)"), "a date or time"),
}

#: Colours for kinds this report does not know, in turn.
FALLBACK_COLOURS = (
    "rgba(100,116,139,.30)",
    "rgba(202,138,4,.28)",
    "rgba(14,165,233,.26)",
    "rgba(190,18,60,.22)",
    "rgba(79,70,229,.22)",
    "rgba(22,163,74,.24)",
)

#: Where unknown kinds go in the nesting order (after this known layer).
_UNKNOWN_AFTER = "technique"

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

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f-\x9f]")
_TITLE_LIMIT = 400
_DATA_TEXT_LIMIT = 600


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def safe_href(url: str | None, *, allow_relative: bool = False) -> str | None:
    """``url`` if it is safe to put in an ``href`` (http, https; relative if allowed), else None.

    Whitespace and control characters anywhere are refused (browsers strip them, which
    is how ``java\\tscript:`` slips past naive checks).
    """
    if not url or _CONTROL_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return url if parts.netloc else None
    if allow_relative and not scheme and not parts.netloc and ":" not in url.split("/", 1)[0]:
        return url
    if allow_relative and scheme == "file":
        return url
    return None


@lru_cache(maxsize=1)
def _asset(name: str) -> str:
    return resources.files("unspin.report").joinpath(name).read_text(encoding="utf-8")


def _asset_pair() -> tuple[str, str]:
    return _asset("report.css"), _asset("report.js")


# ------------------------------------------------------------------------------------
# Layers


@dataclass(frozen=True)
class _Layer:
    index: int
    key: str
    kind: str
    style: LayerStyle

    @property
    def cls(self) -> str:
        return f"L{self.index}"


def _layer_key(f: Finding, threshold: float) -> str:
    if f.kind == CLAIM_KIND and not is_checkworthy(f, threshold):
        return CLAIM_OTHER
    return f.kind


def _layers(keys: set[str]) -> dict[str, _Layer]:
    known = [k for k in KIND_STYLES if k in keys]
    unknown = sorted(k for k in keys if k not in KIND_STYLES)
    cut = known.index(_UNKNOWN_AFTER) + 1 if _UNKNOWN_AFTER in known else 0
    while cut < len(known) and known[cut] in (CLAIM_KIND, CLAIM_OTHER):
        cut += 1
    ordered = known[:cut] + unknown + known[cut:]
    out: dict[str, _Layer] = {}
    for i, key in enumerate(ordered):
        style = KIND_STYLES.get(key)
        if style is None:
            colour = FALLBACK_COLOURS[unknown.index(key) % len(FALLBACK_COLOURS)]
            style = LayerStyle(key, _bg(colour), "a kind this report version does not know")
        kind = CLAIM_KIND if key == CLAIM_OTHER else key
        out[key] = _Layer(i, key, kind, style)
    return out


def _layer_css(layers: Sequence[_Layer]) -> str:
    rules = []
    for layer in layers:
        rules.append(f"mark.{layer.cls}{{{layer.style.css}}}")
        rules.append(
            f"#text.hide-{layer.cls} mark.{layer.cls}{{background:none;text-decoration:none;}}"
        )
    return "\n".join(rules)


# ------------------------------------------------------------------------------------
# Text with highlights


def _explain(f: Finding) -> str:
    """The plain-text explanation of one finding (for the ``title`` tooltip)."""
    x = f.explanation
    lines = [f"{f.kind} · {f.label} · score {f.score:.2f}", f"rule: {x.rule}"]
    if x.cues:
        lines.append("cues: " + ", ".join(x.cues))
    if x.detail:
        lines.append(x.detail)
    if x.model:
        conf = f" (confidence {x.confidence:.2f})" if x.confidence is not None else ""
        lines.append(f"model: {x.model}{conf}")
    return one_line(" | ".join(lines), _TITLE_LIMIT).replace(" | ", "\n")


def _segments(
    text: str, findings: Sequence[Finding]
) -> Iterator[tuple[int, int, list[int], list[int]]]:
    """``(start, end, covering, anchors)``: maximal runs of text covered by the same findings.

    ``covering`` are indices of findings that cover the whole run; ``anchors`` the
    zero-length findings placed at ``start``.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    anchors: dict[int, list[int]] = {}
    points = {0, n}
    for i, f in enumerate(findings):
        if f.start == f.end:
            anchors.setdefault(f.start, []).append(i)
        else:
            starts.setdefault(f.start, []).append(i)
            points.update((f.start, f.end))
    active: list[int] = []
    ordered = sorted(points)
    for a, b in pairwise(ordered):
        active = [i for i in active if findings[i].end > a] + starts.get(a, [])
        yield a, b, active, anchors.get(a, [])
    if n in anchors:
        yield n, n, [], anchors[n]
    if n == 0 and 0 in anchors and len(ordered) == 1:
        yield 0, 0, [], anchors[0]


def _render_text(analysis: Analysis, layer_of: Sequence[_Layer], titles: Sequence[str]) -> str:
    text = analysis.document.text
    findings = analysis.findings
    # escaped once per finding, not once per segment it covers
    ids = [_e(f.id) for f in findings]
    tips = [_e(t) for t in titles]
    kinds = [_e(f.kind) for f in findings]
    out: list[str] = []
    for a, b, covering, anchors in _segments(text, findings):
        for i in anchors:
            out.append(
                f'<span class="anchor" data-f="{i}" data-layer="{layer_of[i].cls}" '
                f'data-kind="{kinds[i]}" data-finding-ids="{ids[i]}" title="{tips[i]}"></span>'
            )
        if a == b:
            continue
        groups: dict[int, list[int]] = {}
        for i in covering:
            groups.setdefault(layer_of[i].index, []).append(i)
        closes = 0
        for _, idx in sorted(groups.items()):
            layer = layer_of[idx[0]]
            idx.sort(key=lambda i: (findings[i].start, -findings[i].end))
            multi = " multi" if len(idx) > 1 else ""
            out.append(
                f'<mark class="m {layer.cls}{multi}" data-layer="{layer.cls}" '
                f'data-kind="{kinds[idx[0]]}" data-f="{" ".join(map(str, idx))}" '
                f'data-finding-ids="{" ".join(ids[i] for i in idx)}" '
                f'title="{chr(10).join(tips[i] for i in idx)}">'
            )
            closes += 1
        out.append(_e(text[a:b]))
        out.append("</mark>" * closes)
    return "".join(out)


# ------------------------------------------------------------------------------------
# Page parts


def _meta_row(name: str, value_html: str) -> str:
    return f"<div><dt>{_e(name)}</dt><dd>{value_html}</dd></div>"


def _header(analysis: Analysis) -> str:
    doc = analysis.document
    rows = []
    for name, value in (
        ("Outlet", doc.outlet),
        ("Author", doc.author),
        ("Published", doc.published),
    ):
        if value:
            rows.append(_meta_row(name, _e(one_line(value))))
    if doc.url:
        href = safe_href(doc.url)
        if href:
            link = (
                f'<a href="{_e(href)}" rel="noopener noreferrer nofollow" '
                f'target="_blank">{_e(doc.url)}</a>'
            )
        else:
            link = f'<span class="url">{_e(doc.url)}</span> <em>(not a web link)</em>'
        rows.append(_meta_row("URL", link))
    if doc.source:
        rows.append(_meta_row("Source", f"<code>{_e(doc.source)}</code>"))
    rows.append(_meta_row("Document id", f"<code>{_e(doc.id)}</code>"))
    rows.append(_meta_row("Language", _e(doc.language)))
    if analysis.analyzers:
        runs = ", ".join(f"{_e(a.name)} {_e(a.version)}" for a in analysis.analyzers)
        rows.append(_meta_row("Analyzers", runs))
    return (
        '<header class="doc-header">'
        '<p class="brand">unspin report</p>'
        f"<h1>{_e(display_title(analysis))}</h1>"
        f'<dl class="meta">{"".join(rows)}</dl>'
        "</header>"
    )


def _failures(analysis: Analysis) -> str:
    if not analysis.failures:
        return ""
    items = "".join(
        f"<li><strong>{_e(f.analyzer)}</strong> <code>{_e(f.error)}</code>: {_e(f.message)}</li>"
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
        f'<li class="chip{extra}">{sw}<span class="k">{_e(label)}</span> '
        f'<span class="v">{value}</span></li>'
    )


def _strip(analysis: Analysis, layers: Mapping[str, _Layer]) -> str:
    chips = [_chip("words", _e(word_count(analysis)))]
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
        chips.append(_chip("hedges", _e(c["hedges"])))
        chips.append(_chip("boosters", _e(c["boosters"])))
        bal = c["balance"]
        if bal is not None:
            num = number(bal)
            chips.append(
                _chip("certainty balance", _e(f"{num:+.2f}" if num is not None else bal), "key")
            )
    for kind, count in analysis.kinds.items():
        layer = layers.get(kind) or layers.get(CLAIM_OTHER)
        chips.append(_chip(kind, _e(count), "kind", layer.cls if layer else ""))
    techniques = technique_counts(analysis)
    if techniques["total"]:
        chips.append(
            _chip("techniques per 1,000 words", _e(fmt_num(techniques["per_1000_words"])), "key")
        )
    if analysis.failures:
        chips.append(_chip("failures", _e(len(analysis.failures)), "warn"))
    return f'<section class="strip" aria-label="Summary"><ul>{"".join(chips)}</ul></section>'


def _legend(layers: Sequence[_Layer], counts: Mapping[str, int]) -> str:
    if not layers:
        return ""
    items = []
    for layer in layers:
        checked = " checked" if layer.style.shown else ""
        items.append(
            f'<label title="{_e(layer.style.description)}">'
            f'<input type="checkbox" data-layer="{layer.cls}"{checked}> '
            f'<mark class="sw {layer.cls}">{_e(layer.style.name)}</mark> '
            f'<span class="n">{counts.get(layer.key, 0)}</span></label>'
        )
    return (
        '<nav class="legend" aria-label="Highlight layers">'
        '<span class="legend-title">Show:</span>'
        f"{''.join(items)}</nav>"
    )


def _finding_button(i: int, f: Finding, extra: str = "") -> str:
    snippet = one_line(f.text, 90) or "(empty span)"
    return (
        f'<button type="button" class="fi" data-fi="{i}">'
        f'<span class="lbl">{_e(f.label)}</span>{extra} '
        f'<span class="snip">{_e(snippet)}</span> '
        f'<span class="score">{f.score:.2f}</span></button>'
    )


def _panel(analysis: Analysis, layers: Mapping[str, _Layer], layer_of: Sequence[_Layer]) -> str:
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
        entries = "".join(f"<li>{_finding_button(i, analysis.findings[i])}</li>" for i in idx)
        is_open = " open" if layer.style.shown and len(idx) <= 200 else ""
        parts.append(
            f'<details class="group"{is_open}><summary>'
            f'<mark class="sw {layer.cls}">{_e(layer.style.name)}</mark> '
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


def _sources_table(analysis: Analysis) -> str:
    rows = source_rows(analysis)
    if not rows:
        return ""
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    body = []
    for r in rows:
        example = _e(r.example) if r.example else "—"
        if r.first is not None and r.first.id in index:
            example = (
                f'<button type="button" class="fi quote-link" '
                f'data-fi="{index[r.first.id]}">{example}</button>'
            )
        body.append(
            f"<tr><td>{_e(r.speaker)}</td><td>{_e(r.type)}</td><td>{_e(r.role) or '—'}</td>"
            f'<td class="num">{r.count}</td><td>{example}</td></tr>'
        )
    return (
        '<section id="sources" class="block"><h2>Sources</h2>'
        '<table class="sources"><thead><tr><th>Speaker</th><th>Type</th><th>Role</th>'
        '<th class="num">Count</th><th>Example</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></section>"
    )


def _claim_matches(row: ClaimRow) -> str:
    if not row.matches:
        return '<span class="none">none found</span>'
    items = []
    for m in row.matches:
        who = _e(m.publisher or "a fact-checker")
        href = safe_href(m.url)
        if href is not None:
            who = f'<a href="{_e(href)}" rel="noopener noreferrer">{who}</a>'
        rating = f"“{_e(m.rating)}”" if m.rating else "no rating"
        when = f" ({_e(m.review_date)})" if m.review_date else ""
        sim = "" if m.similarity is None else f" · similarity {m.similarity:.2f}"
        score = "" if m.score is None else f" · match {m.score:.2f}"
        reviewed = (
            f'<span class="reviewed">{_e(m.claim_reviewed)}</span>' if m.claim_reviewed else ""
        )
        items.append(f"<li>{who}: {rating}{when}{sim}{score}{reviewed}</li>")
    return f'<ul class="matches">{"".join(items)}</ul>'


def _claim_verdict(row: ClaimRow) -> str:
    cls = row.verdict.replace(" ", "-")
    badge = f'<span class="verdict v-{_e(cls)}">{_e(row.verdict)}</span>'
    if not row.passages:
        return badge
    cited = []
    for p in row.passages:
        where = f"{p.get('document_id', '?')}[{p.get('start', '?')}:{p.get('end', '?')}]"
        stance = p.get("stance", "")
        prob = p.get("stance_score")
        prob_text = f" {prob:.2f}" if isinstance(prob, (int, float)) else ""
        text = one_line(str(p.get("text", "")), 160)
        cited.append(
            f"<li><code>{_e(where)}</code> {_e(stance)}{_e(prob_text)}: "
            f'<span class="passage">{_e(text)}</span></li>'
        )
    return f'{badge}<ol class="passages">{"".join(cited)}</ol>'


def _claims_list(analysis: Analysis, limit: int = 20) -> str:
    """The claims panel: claims ranked by check-worthiness, with the published
    fact-checks matched to each and the evidence verdict (not verified without one)."""
    rows = [
        r for r in claim_rows(analysis) if r.checkworthy or r.matches or r.verdict != NOT_VERIFIED
    ]
    if not rows:
        return ""
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    body = []
    for rank, r in enumerate(rows[:limit], 1):
        claim = index.get(r.id)
        text = _e(one_line(r.text, 200))
        if claim is not None:
            text = f'<button type="button" class="fi claim-link" data-fi="{claim}">{text}</button>'
        cw = "check-worthy" if r.checkworthy else "below threshold"
        body.append(
            f'<tr><td class="num">{rank}</td><td>{text}<span class="types">{_e(r.type)} · '
            f"{cw}</span></td>"
            f'<td class="num">{r.score:.2f}</td><td>{_claim_matches(r)}</td>'
            f"<td>{_claim_verdict(r)}</td></tr>"
        )
    checkworthy = sum(1 for r in rows if r.checkworthy)
    more = (
        f"<p>… and {len(rows) - limit} more in the findings panel.</p>" if len(rows) > limit else ""
    )
    return (
        '<section id="claims" class="block">'
        "<h2>Claims</h2>"
        f'<p class="hint">Ranked by check-worthiness (threshold '
        f"{fmt_num(claim_threshold(analysis))}; {checkworthy} check-worthy). A fact-check "
        "match means a fact-checker reviewed the same claim; the rating is the publisher's, "
        "as published. A verdict cites the evidence passages it rests on; without them the "
        "claim is <em>not verified</em>.</p>"
        '<table class="grid claims"><thead><tr><th class="num">#</th><th>claim</th>'
        '<th class="num">check-worthiness</th><th>published fact-checks</th>'
        "<th>verdict</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>{more}</section>"
    )


def _rating_items(ratings: Any) -> str:
    if not isinstance(ratings, (list, tuple)) or not ratings:
        return '<span class="none">none</span>'
    items = []
    for r in ratings:
        if not isinstance(r, Mapping):
            continue
        skip = {"source", "dataset", "year", "scale", "reference"}
        values = ", ".join(f"{k} {v}" for k, v in r.items() if k not in skip)
        year = f" ({r.get('year')})" if r.get("year") else ""
        items.append(
            f'<li title="{_e(r.get("dataset", ""))}: {_e(r.get("scale", ""))}">'
            f"<strong>{_e(r.get('source', '?'))}</strong>{_e(year)}: {_e(values)}</li>"
        )
    return f'<ul class="ratings">{"".join(items)}</ul>'


def _outlets_block(analysis: Analysis) -> str:
    """Published ratings of the document's outlet and of the outlets it cites, each with
    its source and year (never combined)."""
    summary = analysis.summaries.get("outlets", {})
    cited = analysis.by_kind("outlet")
    own = summary.get("document_domain")
    if not cited and not own:
        return ""
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    rows = []
    if own:
        rows.append(
            f"<tr><td>{_e(own)}</td><td>this document (its URL)</td>"
            f"<td>{_rating_items(summary.get('document_ratings'))}</td></tr>"
        )
    seen: set[str] = set()
    for f in cited:
        domain = str(f.attributes.get("domain", ""))
        if domain in seen:
            continue
        seen.add(domain)
        how = f"{_e(f.label)}: {_finding_button(index[f.id], f)}" if f.id in index else _e(f.label)
        rows.append(
            f"<tr><td>{_e(domain)}</td><td>{how}</td>"
            f"<td>{_rating_items(f.attributes.get('ratings'))}</td></tr>"
        )
    return (
        '<section id="outlets" class="block"><h2>Outlet ratings</h2>'
        '<p class="hint">Published ratings, each with its source and year, shown side by side '
        "as published; unspin combines none of them into a score.</p>"
        '<table class="grid outlets"><thead><tr><th>outlet</th><th>cited as</th>'
        f"<th>ratings</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _techniques_block(analysis: Analysis) -> str:
    t = technique_counts(analysis)
    if not t["total"]:
        return ""
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    first: dict[str, Finding] = {}
    for f in analysis.findings:
        if f.kind == TECHNIQUE_KIND:
            first.setdefault(f.label, f)
    rows = "".join(
        f'<tr><th>{_e(label)}</th><td class="num">{n}</td>'
        f'<td class="num">{_e(fmt_num(t["density"][label]))}</td>'
        f"<td>{_finding_button(index[first[label].id], first[label])}</td></tr>"
        for label, n in t["counts"].items()
    )
    return (
        '<section id="techniques" class="block"><h2>Persuasion techniques</h2>'
        f'<p class="hint">{t["total"]} span(s) in {t["words"]} words: '
        f"{_e(fmt_num(t['per_1000_words']))} per 1,000 words. A span is a prompt to read "
        "closely, not a verdict.</p>"
        '<table class="grid"><thead><tr><th>technique</th><th>spans</th>'
        "<th>per 1,000 words</th><th>first</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _value(value: Any, depth: int = 0) -> str:
    """Any JSON-like summary value as escaped HTML (mappings and lists of them as tables)."""
    if depth > 4:
        return f"<code>{_e(json.dumps(value, default=str, ensure_ascii=False))}</code>"
    if isinstance(value, Mapping):
        if not value:
            return "—"
        rows = "".join(
            f"<tr><th>{_e(k)}</th><td>{_value(v, depth + 1)}</td></tr>" for k, v in value.items()
        )
        return f'<table class="kv">{rows}</table>'
    if isinstance(value, (list, tuple)):
        if not value:
            return "—"
        if all(isinstance(v, Mapping) for v in value):
            cols: list[str] = []
            for v in value:
                cols.extend(str(k) for k in v if str(k) not in cols)
            head = "".join(f"<th>{_e(c)}</th>" for c in cols)
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
        return _e(fmt_num(num, 3))
    return _e(value)


def _summaries(analysis: Analysis) -> str:
    if not analysis.summaries:
        return ""
    parts = "".join(
        f'<div class="summary"><h3>{_e(name)}</h3>{_value(s)}</div>'
        for name, s in analysis.summaries.items()
    )
    return f'<section id="summaries" class="block"><h2>Analyzer summaries</h2>{parts}</section>'


def _related(analysis: Analysis, links: Mapping[str, str]) -> str:
    items = []
    for doc_id, url in links.items():
        if doc_id == analysis.document.id:
            continue
        href = safe_href(url, allow_relative=True)
        label = f"<code>{_e(doc_id)}</code>"
        items.append(f'<li><a href="{_e(href)}">{label}</a></li>' if href else f"<li>{label}</li>")
    if not items:
        return ""
    return f'<nav id="related" class="block"><h2>Other reports</h2><ul>{"".join(items)}</ul></nav>'


_POSITION = {
    "same-document": "this document",
    "earlier": "published earlier",
    "later": "published later",
    "undated": "order unknown",
}


def _corpus(report: DocumentReport, links: Mapping[str, str]) -> str:
    """The links involving this document (see :mod:`unspin.corpus.report`), each with the
    other document's report linked when ``links`` has it."""
    if not report.entries:
        return ""
    counts = ", ".join(f"{n} {CORPUS_TITLES.get(k, k).lower()}" for k, n in report.counts().items())
    parts = [
        '<section id="corpus" class="block"><h2>Across the corpus</h2>'
        f"<p>{_e(counts)}. A link joins a span of this document and a span of another "
        "(or of this one) and says what they were matched on; it never says which side "
        "is right.</p>"
    ]
    for kind, entries in report.by_kind().items():
        rows = []
        for e in entries:
            other = e.other
            if e.position == "same-document":
                doc = "this document"
            else:
                href = safe_href(links.get(other.doc_id), allow_relative=True)
                label = f"<code>{_e(other.doc_id)}</code>"
                doc = f'<a href="{_e(href)}">{label}</a>' if href else label
            meta = " · ".join(_e(x) for x in (other.outlet, other.published) if x)
            slot = "; ".join(f"{_e(k)}: {_e(v)}" for k, v in e.link.slot.items() if v)
            differs = f"<br>differs: {_e(', '.join(e.link.differs))}" if e.link.differs else ""
            rows.append(
                f"<tr><td><q>{_e(e.this.text)}</q><br><small>chars {e.this.start}–{e.this.end}"
                f"</small></td><td>{doc} <small>{meta} · {_e(_POSITION.get(e.position, ''))}"
                f"</small><br><q>{_e(other.text)}</q><br><small>chars {other.start}–{other.end}"
                f"</small></td><td>{slot}{differs}</td><td><code>{_e(e.link.explanation.rule)}"
                f'</code> <span class="num">{e.link.score:.2f}</span><br>'
                f"{_e(e.link.explanation.detail)}</td></tr>"
            )
        parts.append(
            f'<h3>{_e(CORPUS_TITLES.get(kind, kind))} ({len(entries)})</h3><table class="corpus">'
            "<thead><tr><th>Here</th><th>Elsewhere</th><th>Matched on</th><th>Why</th></tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _json_for_script(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _data(analysis: Analysis, layer_of: Sequence[_Layer], links: Mapping[str, str]) -> str:
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    items = []
    for i, f in enumerate(analysis.findings):
        d = f.to_dict()
        if len(f.text) > _DATA_TEXT_LIMIT:  # the details box shows no more than this
            d["text"] = f.text[: _DATA_TEXT_LIMIT - 1] + "…"
        d["layer"] = layer_of[i].cls
        d["relations"] = [
            {"role": r.role, "target": r.target, "index": index.get(r.target)} for r in f.relations
        ]
        items.append(d)
    safe_links = {
        k: href for k, v in links.items() if (href := safe_href(v, allow_relative=True)) is not None
    }
    return _json_for_script({"findings": items, "links": safe_links})


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src 'sha256-{digest}'; img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_html(
    analysis: Analysis,
    *,
    links: Mapping[str, str] | None = None,
    corpus: DocumentReport | None = None,
) -> str:
    """The analysis as one self-contained HTML page.

    ``links`` maps document ids to URLs (usually relative paths) of other reports; they
    are listed, and attribute values naming one of those ids become links. ``corpus``
    (:func:`unspin.corpus.document_report`) adds the section "Across the corpus": the
    contradictions, drifted quotations and propagated passages involving this document,
    each linked to the other document's report when ``links`` has it.
    """
    links = dict(links or {})
    css, js = _asset_pair()
    findings = analysis.findings
    threshold = claim_threshold(analysis)
    keys = [_layer_key(f, threshold) for f in findings]
    layers = _layers(set(keys))
    layer_of = [layers[k] for k in keys]
    titles = [_explain(f) for f in findings]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    ordered_layers = sorted(layers.values(), key=lambda layer: layer.index)
    hidden = " ".join(f"hide-{layer.cls}" for layer in ordered_layers if not layer.style.shown)
    lang = analysis.document.language if _LANG_RE.match(analysis.document.language) else "und"
    title = display_title(analysis)
    log.debug(
        "rendering %d findings in %d layers for %s",
        len(findings),
        len(layers),
        analysis.document.id,
    )
    body = (
        _header(analysis)
        + _failures(analysis)
        + _strip(analysis, layers)
        + _legend(ordered_layers, counts)
        + '<main class="layout">'
        + f'<article id="text" class="text {hidden}" lang="{_e(lang)}">'
        + _render_text(analysis, layer_of, titles)
        + "</article>"
        + _panel(analysis, layers, layer_of)
        + "</main>"
        + _sources_table(analysis)
        + _claims_list(analysis)
        + _techniques_block(analysis)
        + _outlets_block(analysis)
        + _summaries(analysis)
        + (_corpus(corpus, links) if corpus is not None else "")
        + _related(analysis, links)
        + '<footer class="foot">Generated by unspin '
        + f"{_e(analysis.unspin_version)} · schema {_e(analysis.schema_version)} · "
        + "every highlight is a span of the text above; check it by eye.</footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(js))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="unspin {_e(analysis.unspin_version)}">'
        f"<title>{_e(title)} · unspin report</title>"
        f"<style>{css}\n{_layer_css(ordered_layers)}</style>"
        f"</head><body>{body}"
        f'<script type="application/json" id="unspin-data">{_data(analysis, layer_of, links)}'
        f"</script><script>{js}</script></body></html>\n"
    )
