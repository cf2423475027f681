"""The HTML report: one self-contained file (inline CSS and JS, no network).

The page is the document's header and summary strip, its text with every finding
highlighted (:mod:`unspin.report.highlight`) next to the findings panel
(:mod:`unspin.report.htmlparts`), then the sections the features register
(:mod:`unspin.report.sections`), the analyzer summaries and links to other reports.

Every string taken from the document or the findings is escaped with
``html.escape(..., quote=True)``. Finding data reaches the (static, shipped) script only
through a ``<script type="application/json">`` block in which ``<``, ``>`` and ``&`` are
written as ``\\u003c``, ``\\u003e`` and ``\\u0026``. A Content-Security-Policy allows
inline styles and exactly one script: ours, by its SHA-256 hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from unspin.model import Analysis
from unspin.report import htmlparts as parts
from unspin.report.common import claim_threshold, display_title
from unspin.report.highlight import (
    KIND_STYLES,
    Layer,
    explain,
    layer_css,
    layer_key,
    layers_for,
    render_text,
)
from unspin.report.htmlkit import esc, safe_href
from unspin.report.sections import (
    APPENDIX,
    BLOCKS,
    registered_sections,
    render_sections,
    report_context,
)

__all__ = ["KIND_STYLES", "render_html", "safe_href"]

log = logging.getLogger(__name__)

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_DATA_TEXT_LIMIT = 600


@lru_cache(maxsize=1)
def _asset(name: str) -> str:
    return resources.files("unspin.report").joinpath(name).read_text(encoding="utf-8")


def _asset_pair() -> tuple[str, str]:
    return _asset("report.css"), _asset("report.js")


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


def _data(analysis: Analysis, layer_of: Sequence[Layer], links: Mapping[str, str]) -> str:
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
    corpus: object | None = None,
    extras: Mapping[str, Any] | None = None,
) -> str:
    """The analysis as one self-contained HTML page.

    ``links`` maps document ids to URLs (usually relative paths) of other reports; they
    are listed, and attribute values naming one of those ids become links. ``extras``
    hands data to the features' sections by name; ``corpus``
    (:func:`unspin.corpus.document_report`) is ``extras["corpus"]``, for the section
    "Across the corpus": the contradictions, drifted quotations and propagated passages
    involving this document, each linked to the other document's report when ``links``
    has it.
    """
    links = dict(links or {})
    ctx = report_context(analysis, links, extras, corpus=corpus)
    sections = registered_sections()
    css, js = _asset_pair()
    findings = analysis.findings
    threshold = claim_threshold(analysis)
    keys = [layer_key(f, threshold) for f in findings]
    layers = layers_for(set(keys))
    layer_of = [layers[k] for k in keys]
    titles = [explain(f) for f in findings]
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
    chips = [c for s in sections if s.applies(ctx) for c in s.chips(ctx)]
    body = (
        parts.header(analysis)
        + parts.language(analysis)
        + parts.failures(analysis)
        + parts.strip(analysis, layers, chips)
        + parts.legend(ordered_layers, counts)
        + '<main class="layout">'
        + f'<article id="text" class="text {hidden}" lang="{esc(lang)}">'
        + render_text(analysis, layer_of, titles)
        + "</article>"
        + parts.panel(analysis, layers, layer_of)
        + "</main>"
        + "".join(render_sections(sections, ctx, BLOCKS, "html"))
        + parts.summaries(analysis)
        + "".join(render_sections(sections, ctx, APPENDIX, "html"))
        + parts.related(analysis, links)
        + '<footer class="foot">Generated by unspin '
        + f"{esc(analysis.unspin_version)} · schema {esc(analysis.schema_version)} · "
        + "every highlight is a span of the text above; check it by eye.</footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(_csp(js))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="unspin {esc(analysis.unspin_version)}">'
        f"<title>{esc(title)} · unspin report</title>"
        f"<style>{css}\n{layer_css(ordered_layers)}</style>"
        f"</head><body>{body}"
        f'<script type="application/json" id="unspin-data">{_data(analysis, layer_of, links)}'
        f"</script><script>{js}</script></body></html>\n"
    )
