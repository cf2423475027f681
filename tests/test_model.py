from __future__ import annotations

import dataclasses

import pytest

from unspin.errors import SchemaError
from unspin.model import (
    Analysis,
    AnalyzerFailure,
    AnalyzerRun,
    Document,
    Explanation,
    Finding,
    Relation,
    content_id,
)

TEXT = "Ministry spokeswoman Maria Lund said the plan was “final”."


def _finding(doc: Document, start: int, end: int, kind: str = "quote", **kw: object) -> Finding:
    return Finding.anchored(
        doc,
        start,
        end,
        kind=kind,
        label=str(kw.pop("label", "named_person")),
        score=float(kw.pop("score", 0.9)),  # type: ignore[arg-type]
        analyzer="test",
        analyzer_version="1",
        explanation=Explanation("test.rule", cues=("said",), detail="because"),
        **kw,  # type: ignore[arg-type]
    )


def test_document_id_is_a_content_hash_independent_of_metadata() -> None:
    a = Document(TEXT, title="One")
    b = Document(TEXT, title="Two", url="https://x.test/a")
    assert a.id == b.id == content_id(TEXT)
    assert Document(TEXT + " ").id != a.id
    assert len(a.id) == 16


def test_outlet_defaults_to_the_url_domain() -> None:
    doc = Document("x", url="https://www.Example-News.test/a/b?c=1")
    assert doc.outlet == "example-news.test"
    assert Document("x", url="https://a.test", outlet="A Daily").outlet == "A Daily"


def test_finding_text_comes_from_the_offsets() -> None:
    doc = Document(TEXT)
    start = TEXT.index("“")
    f = _finding(doc, start, start + 7)
    assert f.text == "“final”" == doc.text[f.start : f.end]


def test_finding_refuses_offsets_outside_the_document() -> None:
    doc = Document("short")
    with pytest.raises(ValueError, match="outside the document"):
        _finding(doc, 2, 99)
    with pytest.raises(ValueError):
        _finding(doc, 3, 2)


def test_scores_are_clamped_and_confidence_is_checked() -> None:
    doc = Document(TEXT)
    assert _finding(doc, 0, 3, score=1.7).score == 1.0
    with pytest.raises(ValueError):
        Explanation("r", confidence=1.5)


def test_findings_are_immutable_including_their_attributes() -> None:
    doc = Document(TEXT)
    f = _finding(doc, 0, 8, attributes={"role": "spokeswoman", "names": ["a", "b"]})
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        f.attributes["role"] = "x"  # type: ignore[index]
    assert f.attributes["names"] == ("a", "b")


def test_ids_are_deterministic() -> None:
    doc = Document(TEXT)
    assert _finding(doc, 0, 8).id == _finding(doc, 0, 8).id
    assert _finding(doc, 0, 8).id != _finding(doc, 0, 9).id


def test_analysis_rejects_unanchored_findings_and_dangling_relations() -> None:
    doc = Document(TEXT)
    good = _finding(doc, 0, 8)
    forged = dataclasses.replace(good, text="Nonsense")
    with pytest.raises(SchemaError, match="not anchored"):
        Analysis(doc, (forged,))
    dangling = _finding(doc, 9, 20, relations=[Relation("speaker", "nope")])
    with pytest.raises(SchemaError, match="unknown finding"):
        Analysis(doc, (dangling,))


def test_json_round_trip_gives_equal_objects() -> None:
    doc = Document(TEXT, title="T", url="https://x.test/1", author="A", published="2026-01-02")
    speaker = _finding(doc, 21, 31, kind="speaker", attributes={"role": "spokeswoman"})
    quote = _finding(
        doc,
        TEXT.index("“"),
        TEXT.index("”") + 1,
        relations=[Relation("speaker", speaker.id)],
        attributes={"speaker": "Maria Lund", "nested": {"a": [1, 2.5, None]}},
    )
    analysis = Analysis(
        doc,
        (quote, speaker),
        summaries={"sources": {"counts_by_type": {"named_person": 1}, "share_anonymous": 0.0}},
        failures=(AnalyzerFailure("claims", "ValueError", "boom"),),
        analyzers=(AnalyzerRun("sources", "1"),),
    )
    again = Analysis.from_json(analysis.to_json())
    assert again == analysis
    assert again.findings[0].kind == "speaker"  # sorted by position
    assert again.get(quote.id).related("speaker") == [speaker.id]
    assert analysis.kinds == {"quote": 1, "speaker": 1}
    assert not analysis.ok


def test_from_json_errors_are_schema_errors() -> None:
    with pytest.raises(SchemaError, match="not valid JSON"):
        Analysis.from_json("{")
    with pytest.raises(SchemaError, match="schema version"):
        Analysis.from_json('{"schema_version": "9.0", "document": {"text": "x"}}')
    with pytest.raises(SchemaError):
        Analysis.from_json('{"schema_version": "1.0", "document": {}}')
