"""The application layer: typed functions every front end (the CLI, later the web
workbench) calls.

They load configuration and models once per process (one pipeline per configuration),
open and close stores, report progress through a :class:`Progress` callback, and return
errors as data; they never print. A feature that owns the logic (``unspin.corpus``,
``unspin.factchecks``, ``unspin.evidence``, ``unspin.techniques``) is called through a
thin typed wrapper here. What a front end needs to show the results (types, text
renderers of stores and links) is re-exported too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unspin.app.analyze import (
        AnalyzeRun,
        analyze_input,
        analyze_paths,
        may_hold_several,
        write_error_log,
    )
    from unspin.app.browse import (
        DOCUMENT_ORDERS,
        FINDING_KINDS,
        LINK_VIEWS,
        METADATA_FIELDS,
        SOURCE_TYPES,
        TECHNIQUES,
        CorpusFacets,
        LinkEnd,
        LinkRow,
        corpus_facets,
        document_analysis,
        document_from_bytes,
        document_from_text,
        get_document,
        list_documents,
        list_findings,
        list_link_rows,
    )
    from unspin.app.claims import CLAIM_CSV_COLUMNS, ClaimRow, DocumentClaims, list_claims
    from unspin.app.corpus import (
        IngestResult,
        checked_document,
        corpus_errors,
        corpus_stats,
        export_corpus,
        ingest_paths,
        opened_store,
        search_corpus,
    )
    from unspin.app.evidence import EvidenceAdd, add_evidence, search_evidence
    from unspin.app.factchecks import FactcheckImport, import_factcheck_files, search_factchecks
    from unspin.app.links import (
        COMPARISONS,
        CONTRADICTION_KINDS,
        DRIFTS,
        VIEW_KINDS,
        LinkListing,
        LinkResult,
        ReportResult,
        link_corpus,
        list_links,
        write_corpus_reports,
    )
    from unspin.app.meta import (
        AnalyzerInfo,
        analysis_schema,
        default_config_text,
        list_analyzers,
        version,
    )
    from unspin.app.pipelines import ConfigSource, load_pipeline, pipeline_config, with_store
    from unspin.app.progress import Progress, ProgressEvent
    from unspin.app.techniques import (
        LabelExport,
        LabelImport,
        PtcRun,
        evaluate_ptc,
        export_technique_labels,
        import_technique_labels,
    )
    from unspin.config import Config
    from unspin.corpus.store_adapter import LinkRun
    from unspin.corpus.views import COLUMNS as LINK_COLUMNS
    from unspin.corpus.views import link_row, render_link, render_run
    from unspin.model import Analysis, Document
    from unspin.store import (
        DocumentSummary,
        ErrorRecord,
        Filters,
        Hit,
        Page,
        StoredFinding,
        StoreStats,
    )
    from unspin.store.render import render_errors, render_hits, render_ingest, render_stats

__all__ = [
    "CLAIM_CSV_COLUMNS",
    "COMPARISONS",
    "CONTRADICTION_KINDS",
    "DOCUMENT_ORDERS",
    "DRIFTS",
    "FINDING_KINDS",
    "LINK_COLUMNS",
    "LINK_VIEWS",
    "METADATA_FIELDS",
    "SOURCE_TYPES",
    "TECHNIQUES",
    "VIEW_KINDS",
    "Analysis",
    "AnalyzeRun",
    "AnalyzerInfo",
    "ClaimRow",
    "Config",
    "ConfigSource",
    "CorpusFacets",
    "Document",
    "DocumentClaims",
    "DocumentSummary",
    "ErrorRecord",
    "EvidenceAdd",
    "FactcheckImport",
    "Filters",
    "Hit",
    "IngestResult",
    "LabelExport",
    "LabelImport",
    "LinkEnd",
    "LinkListing",
    "LinkResult",
    "LinkRow",
    "LinkRun",
    "Page",
    "Progress",
    "ProgressEvent",
    "PtcRun",
    "ReportResult",
    "StoreStats",
    "StoredFinding",
    "add_evidence",
    "analysis_schema",
    "analyze_input",
    "analyze_paths",
    "checked_document",
    "corpus_errors",
    "corpus_facets",
    "corpus_stats",
    "default_config_text",
    "document_analysis",
    "document_from_bytes",
    "document_from_text",
    "evaluate_ptc",
    "export_corpus",
    "export_technique_labels",
    "get_document",
    "import_factcheck_files",
    "import_technique_labels",
    "ingest_paths",
    "link_corpus",
    "link_row",
    "list_analyzers",
    "list_claims",
    "list_documents",
    "list_findings",
    "list_link_rows",
    "list_links",
    "load_pipeline",
    "may_hold_several",
    "opened_store",
    "pipeline_config",
    "render_errors",
    "render_hits",
    "render_ingest",
    "render_link",
    "render_run",
    "render_stats",
    "search_corpus",
    "search_evidence",
    "search_factchecks",
    "version",
    "with_store",
    "write_corpus_reports",
    "write_error_log",
]

#: Where each public name lives: imported on first use, so that ``import unspin`` (whose
#: ``analyze`` comes through here) loads no feature it does not need.
_WHERE: dict[str, tuple[str, str]] = {
    "Analysis": ("unspin.model", "Analysis"),
    "AnalyzeRun": ("unspin.app.analyze", "AnalyzeRun"),
    "AnalyzerInfo": ("unspin.app.meta", "AnalyzerInfo"),
    "CLAIM_CSV_COLUMNS": ("unspin.app.claims", "CLAIM_CSV_COLUMNS"),
    "COMPARISONS": ("unspin.app.links", "COMPARISONS"),
    "CONTRADICTION_KINDS": ("unspin.app.links", "CONTRADICTION_KINDS"),
    "ClaimRow": ("unspin.app.claims", "ClaimRow"),
    "Config": ("unspin.config", "Config"),
    "ConfigSource": ("unspin.app.pipelines", "ConfigSource"),
    "DRIFTS": ("unspin.app.links", "DRIFTS"),
    "Document": ("unspin.model", "Document"),
    "DocumentClaims": ("unspin.app.claims", "DocumentClaims"),
    "ErrorRecord": ("unspin.store", "ErrorRecord"),
    "EvidenceAdd": ("unspin.app.evidence", "EvidenceAdd"),
    "FactcheckImport": ("unspin.app.factchecks", "FactcheckImport"),
    "Filters": ("unspin.store", "Filters"),
    "Hit": ("unspin.store", "Hit"),
    "IngestResult": ("unspin.app.corpus", "IngestResult"),
    "LINK_COLUMNS": ("unspin.corpus.views", "COLUMNS"),
    "LabelExport": ("unspin.app.techniques", "LabelExport"),
    "LabelImport": ("unspin.app.techniques", "LabelImport"),
    "LinkListing": ("unspin.app.links", "LinkListing"),
    "LinkResult": ("unspin.app.links", "LinkResult"),
    "LinkRun": ("unspin.corpus.store_adapter", "LinkRun"),
    "Progress": ("unspin.app.progress", "Progress"),
    "ProgressEvent": ("unspin.app.progress", "ProgressEvent"),
    "PtcRun": ("unspin.app.techniques", "PtcRun"),
    "ReportResult": ("unspin.app.links", "ReportResult"),
    "StoreStats": ("unspin.store", "StoreStats"),
    "VIEW_KINDS": ("unspin.app.links", "VIEW_KINDS"),
    "add_evidence": ("unspin.app.evidence", "add_evidence"),
    "analysis_schema": ("unspin.app.meta", "analysis_schema"),
    "analyze_input": ("unspin.app.analyze", "analyze_input"),
    "analyze_paths": ("unspin.app.analyze", "analyze_paths"),
    "write_error_log": ("unspin.app.analyze", "write_error_log"),
    "checked_document": ("unspin.app.corpus", "checked_document"),
    "corpus_errors": ("unspin.app.corpus", "corpus_errors"),
    "corpus_stats": ("unspin.app.corpus", "corpus_stats"),
    "default_config_text": ("unspin.app.meta", "default_config_text"),
    "evaluate_ptc": ("unspin.app.techniques", "evaluate_ptc"),
    "export_corpus": ("unspin.app.corpus", "export_corpus"),
    "export_technique_labels": ("unspin.app.techniques", "export_technique_labels"),
    "import_factcheck_files": ("unspin.app.factchecks", "import_factcheck_files"),
    "import_technique_labels": ("unspin.app.techniques", "import_technique_labels"),
    "ingest_paths": ("unspin.app.corpus", "ingest_paths"),
    "link_corpus": ("unspin.app.links", "link_corpus"),
    "link_row": ("unspin.corpus.views", "link_row"),
    "list_analyzers": ("unspin.app.meta", "list_analyzers"),
    "list_claims": ("unspin.app.claims", "list_claims"),
    "list_links": ("unspin.app.links", "list_links"),
    "load_pipeline": ("unspin.app.pipelines", "load_pipeline"),
    "may_hold_several": ("unspin.app.analyze", "may_hold_several"),
    "opened_store": ("unspin.app.corpus", "opened_store"),
    "pipeline_config": ("unspin.app.pipelines", "pipeline_config"),
    "render_errors": ("unspin.store.render", "render_errors"),
    "render_hits": ("unspin.store.render", "render_hits"),
    "render_ingest": ("unspin.store.render", "render_ingest"),
    "render_link": ("unspin.corpus.views", "render_link"),
    "render_run": ("unspin.corpus.views", "render_run"),
    "render_stats": ("unspin.store.render", "render_stats"),
    "search_corpus": ("unspin.app.corpus", "search_corpus"),
    "search_evidence": ("unspin.app.evidence", "search_evidence"),
    "search_factchecks": ("unspin.app.factchecks", "search_factchecks"),
    "version": ("unspin.app.meta", "version"),
    "with_store": ("unspin.app.pipelines", "with_store"),
    "write_corpus_reports": ("unspin.app.links", "write_corpus_reports"),
    "CorpusFacets": ("unspin.app.browse", "CorpusFacets"),
    "DOCUMENT_ORDERS": ("unspin.app.browse", "DOCUMENT_ORDERS"),
    "DocumentSummary": ("unspin.store", "DocumentSummary"),
    "FINDING_KINDS": ("unspin.app.browse", "FINDING_KINDS"),
    "LINK_VIEWS": ("unspin.app.browse", "LINK_VIEWS"),
    "LinkEnd": ("unspin.app.browse", "LinkEnd"),
    "LinkRow": ("unspin.app.browse", "LinkRow"),
    "METADATA_FIELDS": ("unspin.app.browse", "METADATA_FIELDS"),
    "Page": ("unspin.store", "Page"),
    "SOURCE_TYPES": ("unspin.app.browse", "SOURCE_TYPES"),
    "StoredFinding": ("unspin.store", "StoredFinding"),
    "TECHNIQUES": ("unspin.app.browse", "TECHNIQUES"),
    "corpus_facets": ("unspin.app.browse", "corpus_facets"),
    "document_analysis": ("unspin.app.browse", "document_analysis"),
    "document_from_bytes": ("unspin.app.browse", "document_from_bytes"),
    "document_from_text": ("unspin.app.browse", "document_from_text"),
    "get_document": ("unspin.app.browse", "get_document"),
    "list_documents": ("unspin.app.browse", "list_documents"),
    "list_findings": ("unspin.app.browse", "list_findings"),
    "list_link_rows": ("unspin.app.browse", "list_link_rows"),
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _WHERE[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
