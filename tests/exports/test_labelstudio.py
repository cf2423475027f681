"""``corpus export -f labelstudio``: every task validates with label-studio-sdk's own
types (``TaskValue``, ``PredictionValue``) and every prediction against the labeling
configuration of :func:`unspin.exports.labelstudio.label_config` (``LabelInterface``);
region offsets slice the task text to the region text and to the stored finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from label_studio_sdk.label_interface import LabelInterface
from label_studio_sdk.label_interface.objects import PredictionValue, TaskValue

from tests.exports.conftest import FINDINGS, export, stored
from unspin.exports.labelstudio import label_config


def test_tasks_validate_with_label_studio_types(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tasks.json"
    assert export(db, "labelstudio", "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert f"exported {FINDINGS} findings of 4 documents (labelstudio)" in err
    written = tmp_path / "tasks.label_config.xml"
    assert f"labeling configuration: {written}" in err
    tasks = json.loads(out.read_text(encoding="utf-8"))
    expected = stored(db)
    assert len(tasks) == len(expected) == 4
    labels: dict[str, set[str]] = {}
    for f in (f for _, fs in expected.values() for f in fs):
        labels.setdefault(f.kind, set()).add(f.label)
    # the configuration written beside the tasks is the one that fits them
    assert written.read_text(encoding="utf-8") == label_config(labels)
    interface = LabelInterface(written.read_text(encoding="utf-8"))
    regions = 0
    for task in tasks:
        TaskValue.model_validate(task)
        text, findings = expected[task["data"]["document_id"]]
        assert task["data"]["text"] == text
        (prediction,) = task["predictions"]
        PredictionValue.model_validate(prediction)
        assert interface.validate_prediction(prediction, return_errors=True) == []
        assert 0.0 <= prediction["score"] <= 1.0
        by_id = {f.id: f for f in findings}
        for region in prediction["result"]:
            value = region["value"]
            assert text[value["start"] : value["end"]] == value["text"]
            finding = by_id.pop(region["id"])
            assert (region["from_name"], value["labels"]) == (finding.kind, [finding.label])
            assert (value["start"], value["end"], value["text"]) == (
                finding.start,
                finding.end,
                finding.text,
            )
            assert region["score"] == pytest.approx(finding.score)
            regions += 1
        assert by_id == {}
    assert regions == FINDINGS


def test_a_label_the_configuration_lacks_is_caught(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check above has teeth: a configuration without the claim labels rejects them."""
    assert export(db, "labelstudio", "--kind", "claim") == 0
    tasks = json.loads(capsys.readouterr().out)
    interface = LabelInterface(label_config({"claim": {"numeric"}}))
    errors = [
        e
        for t in tasks
        for e in interface.validate_prediction(t["predictions"][0], return_errors=True)
    ]
    assert errors and all("Invalid value" in e or "not found" in e for e in errors)
