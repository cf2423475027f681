"""``corpus export -f webannotation``: expanded by pyld against the vendored W3C context
(no network), every TextPositionSelector slices the document to the TextQuoteSelector's
``exact`` and to the stored finding's text; kinds, labels, scores and counts kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from tests.exports.conftest import DOCUMENTS, FINDINGS, export, stored
from unspin.errors import ConfigError
from unspin.exports.webannotation import CONTEXT_URL, context_document, offline_loader

OA = "http://www.w3.org/ns/oa#"
AS = "http://www.w3.org/ns/activitystreams#"
RDF_VALUE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TERMS = "urn:unspin:terms:"


def _value(node: dict[str, Any], key: str) -> Any:
    return node[key][0]["@value"]


def _expanded(path: Path) -> list[dict[str, Any]]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["@context"][0] == CONTEXT_URL
    collection = jsonld.expand(doc, {"documentLoader": offline_loader})
    assert collection[0]["@type"] == [f"{AS}OrderedCollection"]
    page = collection[0][f"{AS}first"][0]
    assert page["@type"] == [f"{AS}OrderedCollectionPage"]
    items: list[dict[str, Any]] = page[f"{AS}items"][0]["@list"]
    assert _value(collection[0], f"{AS}totalItems") == len(items)
    return items


def test_round_trip_through_pyld(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "findings.jsonld"
    assert export(db, "webannotation", "-o", str(out)) == 0
    assert f"exported {FINDINGS} findings of 4 documents (webannotation)" in capsys.readouterr().err
    items = _expanded(out)
    by_source = {d.url or f"urn:unspin:document:{d.id}": d.id for d in DOCUMENTS}
    expected = stored(db)
    assert len(items) == sum(len(f) for _, f in expected.values()) == FINDINGS
    seen = set()
    for item in items:
        assert item["@type"] == [f"{OA}Annotation"]
        assert item[f"{OA}motivatedBy"] == [{"@id": f"{OA}classifying"}]
        target = item[f"{OA}hasTarget"][0]
        doc_id = by_source[target[f"{OA}hasSource"][0]["@id"]]
        text, findings = expected[doc_id]
        selectors = {s["@type"][0]: s for s in target[f"{OA}hasSelector"]}
        position = selectors[f"{OA}TextPositionSelector"]
        quote = selectors[f"{OA}TextQuoteSelector"]
        start, end = _value(position, f"{OA}start"), _value(position, f"{OA}end")
        exact = _value(quote, f"{OA}exact")
        assert text[start:end] == exact
        assert text[:start].endswith(_value(quote, f"{OA}prefix"))
        assert text[end:].startswith(_value(quote, f"{OA}suffix"))
        body = item[f"{OA}hasBody"][0]
        kind, label = _value(body, f"{TERMS}kind"), _value(body, RDFS_LABEL)
        assert _value(body, RDF_VALUE) == f"{kind}:{label}"
        finding = next(f for f in findings if f.id == _value(body, f"{TERMS}findingId"))
        assert (finding.kind, finding.label, finding.start, finding.end, finding.text) == (
            kind,
            label,
            start,
            end,
            exact,
        )
        assert _value(body, f"{TERMS}score") == pytest.approx(finding.score)
        assert _value(body, f"{TERMS}why")
        seen.add((doc_id, finding.id))
    assert len(seen) == FINDINGS


def test_code_point_offsets_past_an_astral_character(db: Path, tmp_path: Path) -> None:
    """The second article has a wave emoji (two UTF-16 units) before its findings."""
    out = tmp_path / "rally.jsonld"
    assert export(db, "webannotation", "--document", DOCUMENTS[1].id, "-o", str(out)) == 0
    items = _expanded(out)
    text = DOCUMENTS[1].text
    dates = [i for i in items if _value(i[f"{OA}hasBody"][0], RDFS_LABEL) == "relative"]
    position = next(
        s
        for s in dates[0][f"{OA}hasTarget"][0][f"{OA}hasSelector"]
        if s["@type"] == [f"{OA}TextPositionSelector"]
    )
    start, end = _value(position, f"{OA}start"), _value(position, f"{OA}end")
    assert text[start:end] == "Sunday" and start == text.index("Sunday")


def test_kind_filter_to_stdout(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(db, "webannotation", "--kind", "hedge") == 0
    doc = json.loads(capsys.readouterr().out)
    items = doc["first"]["items"]
    assert doc["total"] == len(items) == 3
    assert {i["body"]["kind"] for i in items} == {"hedge"}
    assert {i["target"]["selector"][0]["exact"] for i in items} == {
        "reportedly",
        "perhaps",
        "possibly",
    }


def test_the_loader_serves_only_the_vendored_context() -> None:
    assert offline_loader(CONTEXT_URL)["document"] == context_document()
    assert "TextQuoteSelector" in context_document()["@context"]
    with pytest.raises(ConfigError):
        offline_loader("https://schema.org")


def test_the_export_is_rdf(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """pyld turns it into N-Quads: every IRI is well formed, two selectors per finding."""
    assert export(db, "webannotation") == 0
    doc = json.loads(capsys.readouterr().out)
    quads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": offline_loader})
    lines = quads.splitlines()
    assert sum(f"<{OA}hasSelector>" in line for line in lines) == 2 * FINDINGS
    assert sum(f"<{OA}hasTarget>" in line for line in lines) == FINDINGS
    assert sum(line.endswith(f"<{OA}Annotation> .") for line in lines) == FINDINGS
