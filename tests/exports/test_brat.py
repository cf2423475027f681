"""``corpus export -f brat -o DIR``: read back with bratly; every text-bound annotation's
fragments slice the ``.txt`` to its text and, end to end, to the stored finding's text;
types, labels (brat-safe), notes and counts kept."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # bratly's pydantic models use the deprecated class Config
    warnings.simplefilter("ignore", DeprecationWarning)
    from bratly import AttributeAnnotation, EntityAnnotation, NoteAnnotation
    from bratly.io import read_document_collection_from_folder

from tests.exports.conftest import FINDINGS, export, stored
from unspin.exports.brat import attribute_value, brat_type, fragments


def test_round_trip_through_bratly(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "brat"
    assert export(db, "brat", "-o", str(folder)) == 0
    assert f"exported {FINDINGS} findings of 4 documents (brat)" in capsys.readouterr().err
    expected = stored(db)
    assert (folder / "annotation.conf").is_file()
    collection = read_document_collection_from_folder(
        str(folder), no_duplicates_ann=False, sort_ann=False, renumerotize_ann=False
    )
    assert collection is not None
    assert {d.filename_without_ext for d in collection.documents} == set(expected)
    total = split = 0
    for doc in collection.documents:
        text, findings = expected[doc.filename_without_ext]
        assert doc.text == text  # the .txt is the stored text, byte for byte
        annotations = doc.annotation_collections[0].annotations
        entities = [a for a in annotations if isinstance(a, EntityAnnotation)]
        labels = {
            a.component.id: a.values for a in annotations if isinstance(a, AttributeAnnotation)
        }
        notes = {a.component.id: a.value for a in annotations if isinstance(a, NoteAnnotation)}
        assert len(entities) == len(findings)
        remaining = list(findings)
        for entity in entities:
            pieces = entity.fragments
            split += len(pieces) > 1
            assert entity.content == " ".join(text[f.start : f.end] for f in pieces)
            start, end = pieces[0].start, pieces[-1].end
            finding = next(
                f
                for f in remaining
                if (brat_type(f.kind), f.start, f.end) == (entity.label, start, end)
                and labels[entity.id] == [attribute_value(f.label)]
            )
            remaining.remove(finding)
            assert text[start:end] == finding.text
            assert notes[entity.id].startswith(f"{finding.kind}:{finding.label} score ")
        assert remaining == []
        total += len(entities)
    assert total == FINDINGS
    # the fourth article's claim and quotation across a line break: two fragments each
    assert split == 2


def test_a_label_filter_and_one_document(db: Path, tmp_path: Path) -> None:
    doc_id = next(i for i, (_, fs) in stored(db).items() if any(f.kind == "booster" for f in fs))
    folder = tmp_path / "one"
    assert (
        export(db, "brat", "--label", "intensifier", "--document", doc_id, "-o", str(folder)) == 0
    )
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{doc_id}.ann",
        f"{doc_id}.txt",
        "annotation.conf",
    ]
    lines = (folder / f"{doc_id}.ann").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("T1\tbooster ") and lines[0].endswith("\tabsolutely")
    assert lines[1] == "A1\tLabel T1 intensifier"
    assert "booster\nintensifier" not in (folder / "annotation.conf").read_text()


def test_brat_safe_names_and_fragments_at_line_breaks() -> None:
    assert brat_type("Name_Calling,Labeling") == "Name_Calling_Labeling"
    assert brat_type("Loaded Language") == "Loaded_Language"
    assert (
        attribute_value("Whataboutism,Straw_Men,Red_Herring")
        == "Whataboutism_Straw_Men_Red_Herring"
    )
    assert attribute_value("named-person") == "named_person"
    text = 'He said "we will\nnot\r\n\tgo" today'
    start, end = text.index('"'), text.index("today") - 1
    pieces = fragments(text, start, end)
    assert [text[a:b] for a, b in pieces] == ['"we will', "not", 'go"']
    assert fragments(text, 3, 3) == [(3, 3)]
