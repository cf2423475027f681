"""Reports: a self-contained HTML page, a Markdown summary, JSON and its schema.

The HTML report is Jinja2 templates under :data:`TEMPLATE_DIR`: ``report/body.html``
(the body, shared with the web workbench's document page) rendered from
:func:`report_context`, with the assets :func:`asset` (``report.css``, ``report.js``).

The core renders what every analysis has; each feature adds its sections
(:mod:`unspin.report.sections`, ``report`` in :mod:`unspin.features`). The core imports
no feature.

::

    from unspin.report import render_html, write_report
    path = write_report(analysis, Path("reports"), "html")
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path, PurePath

from unspin.errors import ConfigError
from unspin.files import csv_safe, write_atomic
from unspin.model import Analysis
from unspin.report.common import slug
from unspin.report.html import TEMPLATE_DIR, asset, render_html
from unspin.report.jsonout import render_json, schema, validate
from unspin.report.markdown import render_batch_summary, render_markdown
from unspin.report.sections import SectionData
from unspin.report.view import report_context

__all__ = [
    "FORMATS",
    "TEMPLATE_DIR",
    "asset",
    "corpus_json_name",
    "csv_safe",
    "render_batch_summary",
    "render_html",
    "render_json",
    "render_markdown",
    "report_context",
    "report_filename",
    "schema",
    "validate",
    "write_report",
]

log = logging.getLogger(__name__)

#: Report formats and their file extensions (``markdown`` is an alias of ``md``).
FORMATS: dict[str, str] = {"html": ".html", "md": ".md", "markdown": ".md", "json": ".json"}


def report_filename(analysis: Analysis, fmt: str) -> str:
    """``<slug of source file name or title>-<doc id>.<ext>``: safe on every file system."""
    ext = _extension(fmt)
    doc = analysis.document
    base = ""
    if doc.source and doc.source.strip() not in ("-", ""):
        name = PurePath(doc.source.replace("\\", "/")).name
        base = slug(name.rsplit(".", 1)[0] if "." in name[1:] else name)
    if not base and doc.title:
        base = slug(doc.title)
    doc_id = slug(doc.id, 40) or "document"
    return f"{base}-{doc_id}{ext}" if base else f"{doc_id}{ext}"


def _extension(fmt: str) -> str:
    try:
        return FORMATS[fmt.lower()]
    except KeyError:
        raise ConfigError(f"unknown report format {fmt!r}", hint="use html, md or json") from None


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, dot, ext = name.partition(".")
    n = 2
    while f"{stem}-{n}{dot}{ext}" in taken:
        n += 1
    return f"{stem}-{n}{dot}{ext}"


def corpus_json_name(name: str) -> str:
    """The file name of a document's corpus section in JSON, next to its ``name`` report."""
    return name.removesuffix(".json") + ".corpus.json"


def write_report(
    analysis: Analysis,
    out_dir: Path,
    fmt: str,
    *,
    links: Mapping[str, str] | None = None,
    corpus: SectionData | None = None,
    taken: set[str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> Path:
    """Write one report into ``out_dir`` (created if needed) and return its path.

    ``taken`` holds the names already written in this run: a document whose name is
    among them (the same id twice in one input) gets ``-2``, ``-3``, ... before its
    extension, never overwriting the other's report; the name used is added.

    With ``corpus`` (:func:`unspin.corpus.document_report`), HTML and Markdown reports
    get the section "Across the corpus", linking other documents through ``links`` by
    their ``titles`` (document id -> title); in
    JSON, whose schema is the analysis', the section goes to its own file
    (:func:`corpus_json_name`): the document's links and the other reports' names.
    The file is written atomically (a temporary file renamed into place).
    """
    name = report_filename(analysis, fmt)
    kind = FORMATS[fmt.lower()]
    if kind == ".html":
        content = render_html(analysis, links=links, corpus=corpus, titles=titles)
    elif kind == ".md":
        content = render_markdown(analysis, links=links, corpus=corpus, titles=titles)
    elif corpus is not None:
        name = corpus_json_name(name)
        data = {**corpus.to_dict(), "reports": dict(links or {})}
        content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        content = render_json(analysis)
    if taken is not None:
        name = _unique(name, taken)
        taken.add(name)
    path = Path(out_dir) / name
    with write_atomic(path) as fh:  # a reader never sees half a report
        fh.write(content)
    log.info("wrote %s", path)
    return path
