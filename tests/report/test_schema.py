"""The JSON output, its JSON Schema, and writing report files."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from unspin.errors import ConfigError, SchemaError
from unspin.model import SCHEMA_VERSION, Analysis, Document
from unspin.report import render_json, schema, validate, write_report
from unspin.report.jsonout import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[2]


def test_docs_copy_is_identical_to_the_packaged_schema() -> None:
    packaged = ROOT / "src" / "unspin" / "schema" / SCHEMA_FILE
    docs = ROOT / "docs" / "schema" / SCHEMA_FILE
    assert docs.read_bytes() == packaged.read_bytes()
    assert json.loads(packaged.read_text(encoding="utf-8")) == schema()


def test_schema_is_valid_draft_2020_12_for_this_version() -> None:
    s = schema()
    Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert f"analysis-{SCHEMA_VERSION}.json" == SCHEMA_FILE


def test_schema_returns_a_fresh_copy() -> None:
    schema()["title"] = "changed"
    assert schema()["title"] == "unspin analysis"


def test_generated_analyses_validate(
    analysis: Analysis, clean_analysis: Analysis, empty_analysis: Analysis
) -> None:
    for a in (analysis, clean_analysis, empty_analysis):
        validate(json.loads(render_json(a)))
    data = analysis.to_dict()
    assert data["failures"] and data["summaries"] and data["findings"]


def test_schema_requires_every_field_to_dict_writes(analysis: Analysis) -> None:
    """The schema and Analysis.to_dict agree on the field names, at every level."""
    s = schema()
    data = analysis.to_dict()
    assert set(s["required"]) == set(data) == set(s["properties"])
    defs = s["$defs"]
    assert set(defs["document"]["required"]) == set(data["document"])
    finding = data["findings"][0]
    assert set(defs["finding"]["required"]) == set(finding)
    assert set(defs["explanation"]["required"]) == set(finding["explanation"])
    assert set(defs["failure"]["required"]) == set(data["failures"][0])
    assert set(defs["analyzer_run"]["required"]) == set(data["analyzers"][0])


def _broken(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with ``path`` (dots, integer indices) set or, for ..., deleted."""
    out = copy.deepcopy(data)
    *parents, last = path.split(".")
    node: Any = out
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del node[key]
    else:
        node[key] = value
    return out


@pytest.mark.parametrize(
    ("path", "value", "where", "what"),
    [
        ("findings.0.start", ..., "$.findings[0]", "'start' is a required property"),
        ("findings.1.score", 2.0, "$.findings[1].score", "greater than the maximum"),
        ("findings.0.start", "3", "$.findings[0].start", "is not of type 'integer'"),
        ("findings.0.end", -1, "$.findings[0].end", "less than the minimum"),
        (
            "findings.0.explanation.confidence",
            1.5,
            "$.findings[0].explanation.confidence",
            "greater than the maximum",
        ),
        (
            "findings.0.explanation.cues",
            "not a list",
            "$.findings[0].explanation.cues",
            "is not of type 'array'",
        ),
        (
            "findings.0.relations",
            [{"role": "speaker"}],
            "$.findings[0].relations[0]",
            "'target' is a required property",
        ),
        ("findings.0.score", True, "$.findings[0].score", "is not of type 'number'"),
        ("document.text", None, "$.document.text", "is not of type 'string'"),
        ("document.colour", "red", "$.document", "Additional properties are not allowed"),
        ("schema_version", "2.0", "$.schema_version", "'1.1' was expected"),
        ("summaries.sources", [1, 2], "$.summaries.sources", "is not of type 'object'"),
        ("failures.0.message", ..., "$.failures[0]", "'message' is a required property"),
        ("findings", ..., "$", "'findings' is a required property"),
    ],
)
def test_broken_analyses_fail_with_one_line(
    analysis: Analysis, path: str, value: Any, where: str, what: str
) -> None:
    data = _broken(analysis.to_dict(), path, value)
    with pytest.raises(SchemaError) as info:
        validate(data)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"invalid analysis at {where}: ")
    assert what in message


def test_not_an_object_fails() -> None:
    with pytest.raises(SchemaError, match=r"invalid analysis at \$: .* is not of type 'object'"):
        validate([])  # type: ignore[arg-type]


def test_huge_bad_value_gives_a_short_message(analysis: Analysis) -> None:
    data = _broken(analysis.to_dict(), "document", "x" * 10_000)
    with pytest.raises(SchemaError) as info:
        validate(data)
    assert len(str(info.value)) < 400


def test_round_trip(analysis: Analysis, clean_analysis: Analysis, empty_analysis: Analysis) -> None:
    for a in (analysis, clean_analysis, empty_analysis):
        text = render_json(a)
        assert Analysis.from_json(text) == a
        assert render_json(Analysis.from_json(text)) == text
    assert "<script>window.__pwned=1</script>" in render_json(analysis)  # UTF-8, not escaped


# -- report files ----------------------------------------------------------------------


def test_write_report_all_formats(analysis: Analysis, tmp_path: Path) -> None:
    doc_id = analysis.document.id
    paths = {fmt: write_report(analysis, tmp_path / "out", fmt) for fmt in ("html", "md", "json")}
    for fmt, path in paths.items():
        ext = ".md" if fmt == "md" else f".{fmt}"
        # source "../../evil dir/<b>Bridge story</b>.txt": its last path component is
        # "b>.txt"; the stem, slugged, then the id; no directory part survives
        assert path.name == f"b-{doc_id}{ext}"
        assert path.parent == tmp_path / "out"
    assert Analysis.from_json(paths["json"].read_text(encoding="utf-8")) == analysis
    assert paths["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert paths["md"].read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        p.name for p in paths.values()
    )  # no temporary files left behind


def test_write_report_names(tmp_path: Path) -> None:
    titled = Analysis(Document("Some text.", title="Élan: a “Quoted” Title!"))
    assert write_report(titled, tmp_path, "markdown").name == (
        f"elan-a-quoted-title-{titled.document.id}.md"
    )
    bare = Analysis(Document("Other text.", source="-"))
    assert write_report(bare, tmp_path, "json").name == f"{bare.document.id}.json"
    hostile_id = Analysis(Document("x", id="../../etc/passwd"))
    path = write_report(hostile_id, tmp_path, "json")
    assert path.parent == tmp_path and path.name == "etc-passwd.json"


def test_write_report_overwrites(clean_analysis: Analysis, tmp_path: Path) -> None:
    first = write_report(clean_analysis, tmp_path, "md")
    first.write_text("stale", encoding="utf-8")
    assert write_report(clean_analysis, tmp_path, "md") == first
    assert first.read_text(encoding="utf-8").startswith("# Bridge repairs")


def test_write_report_unknown_format(clean_analysis: Analysis, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown report format 'pdf'"):
        write_report(clean_analysis, tmp_path, "pdf")
    assert not list(tmp_path.iterdir())
