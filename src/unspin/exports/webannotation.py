"""Stored findings as W3C Web Annotations (JSON-LD).

One ``AnnotationCollection`` whose first ``AnnotationPage`` holds one ``Annotation`` per
finding: its target is the document (its URL, else ``urn:unspin:document:<id>``) with a
``TextQuoteSelector`` (the finding's text with up to :data:`CONTEXT` characters before and
after it) and a ``TextPositionSelector`` (the offsets, in Unicode code points, as the Web
Annotation model counts them: ``text[start:end]`` in Python); its body is a
``TextualBody`` whose value is ``kind:label``, with the kind, label, score and why in terms
of the second context (:data:`UNSPIN_CONTEXT`, IRIs under ``urn:unspin:terms:``).

The ``@context`` names the W3C context's URL; :func:`offline_loader` gives pyld the copy
shipped beside this module (``anno.jsonld``), so that the output expands without the
network.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from unspin.errors import ConfigError
from unspin.exports.select import Annotated, generator_name, why
from unspin.model import Document, Finding

__all__ = [
    "CONTEXT",
    "CONTEXT_URL",
    "UNSPIN_CONTEXT",
    "annotation",
    "context_document",
    "document_iri",
    "offline_loader",
    "write_webannotation",
]

#: The W3C Web Annotation context, as the output names it.
CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
#: The same context under the other spellings a reader may ask for.
_CONTEXT_URLS = frozenset({CONTEXT_URL, "https://www.w3.org/ns/anno.jsonld"})
_CONTEXT_FILE = Path(__file__).with_name("anno.jsonld")
#: Characters of text kept before and after a quote (``prefix``, ``suffix``).
CONTEXT = 32
#: The terms unspin adds to a body (the W3C context has no score or kind).
UNSPIN_CONTEXT: Mapping[str, Any] = {
    "kind": "urn:unspin:terms:kind",
    "score": {"@id": "urn:unspin:terms:score", "@type": "http://www.w3.org/2001/XMLSchema#double"},
    "why": "urn:unspin:terms:why",
    "rule": "urn:unspin:terms:rule",
    "analyzer": "urn:unspin:terms:analyzer",
    "findingId": "urn:unspin:terms:findingId",
}


@cache
def _context_text() -> str:
    return _CONTEXT_FILE.read_text(encoding="utf-8")


def context_document() -> dict[str, Any]:
    """The vendored W3C context (a JSON-LD document with its ``@context``)."""
    loaded: dict[str, Any] = json.loads(_context_text())
    return loaded


def offline_loader(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves the vendored W3C context and refuses every other
    URL (``jsonld.expand(doc, {"documentLoader": offline_loader})``); never the network."""
    if url.rstrip("/") not in _CONTEXT_URLS:
        raise ConfigError(f"no offline copy of the JSON-LD document {url!r}")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": context_document(),
    }


def document_iri(document: Document) -> str:
    """The document's URL, else ``urn:unspin:document:<id>``."""
    if document.url and document.url.startswith(("http://", "https://")):
        return document.url
    return f"urn:unspin:document:{quote(document.id, safe='')}"


def annotation(document: Document, finding: Finding) -> dict[str, Any]:
    """One finding as a Web Annotation (without ``@context``)."""
    text = document.text
    start, end = finding.start, finding.end
    explanation = finding.explanation
    body: dict[str, Any] = {
        "type": "TextualBody",
        "purpose": "classifying",
        "format": "text/plain",
        "value": f"{finding.kind}:{finding.label}",
        "label": finding.label,
        "kind": finding.kind,
        "score": finding.score,
        "why": why(finding),
        "rule": explanation.rule,
        "analyzer": finding.analyzer,
        "findingId": finding.id,
    }
    return {
        "id": f"urn:unspin:finding:{quote(document.id, safe='')}:{quote(finding.id, safe='')}",
        "type": "Annotation",
        "motivation": "classifying",
        "generator": {"type": "Software", "name": generator_name()},
        "body": body,
        "target": {
            "source": document_iri(document),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": text[start:end],
                    "prefix": text[max(0, start - CONTEXT) : start],
                    "suffix": text[end : end + CONTEXT],
                },
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def write_webannotation(out: TextIO, documents: Iterable[Annotated]) -> tuple[int, int]:
    """Write the collection to ``out``, streamed (one annotation per line inside it);
    return how many documents and annotations were written."""
    head = {
        "@context": [CONTEXT_URL, dict(UNSPIN_CONTEXT)],
        "type": "AnnotationCollection",
        "label": "unspin findings",
        "generator": {"type": "Software", "name": generator_name()},
    }
    out.write(json.dumps(head, ensure_ascii=False)[:-1])
    out.write(', "first": {"type": "AnnotationPage", "items": [\n')
    docs = count = 0
    for item in documents:
        docs += 1
        for finding in item.findings:
            out.write(",\n" if count else "")
            out.write(json.dumps(annotation(item.document, finding), ensure_ascii=False))
            count += 1
    out.write(f'\n]}}, "total": {count}}}\n')
    return docs, count
