"""What the report body shows, as template values: :func:`report_context`.

The static HTML report (:func:`unspin.report.render_html`) and the web workbench's
document page render the same template, ``report/body.html`` under
:data:`TEMPLATE_DIR`, from this dictionary. Strings in it are plain text (the
template escapes them: autoescape is on); the few values that are already HTML are
:class:`markupsafe.Markup` built here or by the features' sections, every value in them
escaped where it was written.

The body, in order: the document's header, the language note and failures, the summary
strip, a table of contents, the findings (the claims to check, the sources, the
techniques, then the other sections), the text with ONE highlight layer at a time (a
switch between layers and a legend; the default is the first layer that is not
experimental, :mod:`unspin.report.audited`), the details of a selected finding and the
findings of the shown layer, the analyzer summaries behind a toggle, links to the other
reports and the footer; then the finding data for the script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from unspin.model import Analysis
from unspin.report.common import (
    claim_threshold,
    display_title,
    language_note,
    one_line,
)
from unspin.report.highlight import (
    Layer,
    default_layer,
    layer_key,
    layers_for,
    render_text,
)
from unspin.report.htmlkit import label_words, safe_href
from unspin.report.htmlparts import strip_chips, summary_tables
from unspin.report.sections import (
    APPENDIX,
    BLOCKS,
    ReportSection,
    registered_sections,
    section_context,
)

__all__ = ["FIRST_SECTIONS", "report_context"]

#: Sections shown first, in this order (by name); the others follow in feature order.
FIRST_SECTIONS = ("claims", "sources", "techniques")

_LANG_RE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_DATA_TEXT_LIMIT = 600
_SNIPPET = 90
_OPEN_LIMIT = 200  # a layer's findings list starts open up to this many entries


def json_for_script(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` survive."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _data(
    analysis: Analysis,
    layer_of: Sequence[Layer],
    links: Mapping[str, str],
    titles: Mapping[str, str],
) -> str:
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    items = []
    for i, f in enumerate(analysis.findings):
        d = f.to_dict()
        if len(f.text) > _DATA_TEXT_LIMIT:  # the details box shows no more than this
            d["text"] = f.text[: _DATA_TEXT_LIMIT - 1] + "…"
        d["layer"] = layer_of[i].cls
        d["colour"] = layer_of[i].style.colour
        d["relations"] = [
            {"role": r.role, "target": r.target, "index": index.get(r.target)} for r in f.relations
        ]
        items.append(d)
    safe_links = {
        k: {"href": href, "title": titles.get(k) or ""}
        for k, v in links.items()
        if (href := safe_href(v, allow_relative=True)) is not None
    }
    return json_for_script({"findings": items, "links": safe_links})


def _meta(analysis: Analysis) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The document's metadata: what a reader wants (outlet, author, date, URL) and the
    rest (source, id, language, analyzers)."""
    doc = analysis.document
    main: list[dict[str, Any]] = [
        {"name": name, "value": one_line(value)}
        for name, value in (
            ("Outlet", doc.outlet),
            ("Author", doc.author),
            ("Published", doc.published),
        )
        if value
    ]
    if doc.url:
        main.append({"name": "URL", "value": doc.url, "href": safe_href(doc.url), "url": True})
    about: list[dict[str, Any]] = []
    if doc.source:
        about.append({"name": "Source", "value": doc.source, "code": True})
    about.append({"name": "Document id", "value": doc.id, "code": True})
    about.append({"name": "Language", "value": doc.language})
    if analysis.analyzers:
        runs = ", ".join(f"{a.name} {a.version}" for a in analysis.analyzers)
        about.append({"name": "Analyzers", "value": runs})
    return main, about


def _ordered_sections(
    sections: Sequence[ReportSection],
) -> list[ReportSection]:
    """The claims, sources and techniques first, then the other blocks, then the
    appendix sections (each group in feature order)."""

    def key(pair: tuple[int, ReportSection]) -> tuple[int, int, int]:
        i, s = pair
        first = FIRST_SECTIONS.index(s.name) if s.name in FIRST_SECTIONS else len(FIRST_SECTIONS)
        return (0 if s.slot == BLOCKS else 1 if s.slot == APPENDIX else 2, first, i)

    return [s for _, s in sorted(enumerate(sections), key=key)]


def report_context(
    analysis: Analysis,
    *,
    links: Mapping[str, str] | None = None,
    corpus: object | None = None,
    titles: Mapping[str, str] | None = None,
    extras: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The values of ``report/body.html`` for ``analysis``.

    ``links`` maps other documents' ids to the URLs of their reports (relative paths
    allowed; unsafe ones dropped), ``titles`` their ids to their titles (a link is shown
    by its title, never by a bare id); ``corpus`` (:func:`unspin.corpus.document_report`)
    feeds the section "Across the corpus"; ``extras`` hands data to the features'
    sections by name.
    """
    links = dict(links or {})
    titles = dict(titles or {})
    ctx = section_context(analysis, links, extras, corpus=corpus, titles=titles or None)
    sections = registered_sections()
    findings = analysis.findings
    threshold = claim_threshold(analysis)
    keys = [layer_key(f, threshold) for f in findings]
    layers = layers_for(set(keys))
    layer_of = [layers[k] for k in keys]
    shown = default_layer(layers)
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    switch = sorted(layers.values(), key=lambda layer: (layer.rank, layer.key))
    layer_rows = [
        {
            "id": layer.cls,
            "key": layer.key,
            "name": layer.style.name,
            "colour": layer.style.colour,
            "description": layer.style.description,
            "count": counts.get(layer.key, 0),
            "shown": shown is not None and layer.cls == shown.cls,
            "open": len(groups[layer.key]) <= _OPEN_LIMIT,
            "findings": [
                {
                    "index": i,
                    "label": label_words(findings[i].label),
                    "snippet": one_line(findings[i].text, _SNIPPET) or "(empty span)",
                    "score": f"{findings[i].score:.2f}",
                    "start": findings[i].start,
                    "end": findings[i].end,
                }
                for i in groups[layer.key]
            ],
        }
        for layer in switch
    ]
    applied = [s for s in sections if s.applies(ctx)]
    blocks = []
    for s in _ordered_sections(applied):
        html = s.html(ctx)
        if html:
            blocks.append({"name": s.name, "title": s.title or s.name, "html": Markup(html)})
    chips = [c for s in applied for c in s.chips(ctx)]
    main, about = _meta(analysis)
    lang = analysis.document.language
    related = [
        {"href": href, "title": titles.get(doc_id) or "", "name": one_line(url)}
        for doc_id, url in links.items()
        if doc_id != analysis.document.id
        and (href := safe_href(url, allow_relative=True)) is not None
    ]
    return {
        "title": display_title(analysis),
        "lang": lang if _LANG_RE.match(lang) else "und",
        "meta": main,
        "about": about,
        "language_note": language_note(analysis),
        "failures": [
            {"analyzer": f.analyzer, "error": f.error, "message": f.message}
            for f in analysis.failures
        ],
        "chips": strip_chips(analysis, chips),
        "sections": blocks,
        "layers": layer_rows,
        "default_layer": shown.cls if shown is not None else "",
        "text_html": Markup(render_text(analysis, layer_of, shown)),
        "summaries": [
            {"name": name, "html": Markup(summary_tables(value))}
            for name, value in analysis.summaries.items()
        ],
        "related": related,
        "version": analysis.unspin_version,
        "schema_version": analysis.schema_version,
        "data_json": Markup(_data(analysis, layer_of, links, titles)),
        "has_findings": bool(findings),
    }
