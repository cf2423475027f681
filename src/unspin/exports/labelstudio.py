"""Stored findings as Label Studio tasks with pre-annotations (predictions).

A JSON array, one task per document::

    {"data": {"text": ..., "document_id": ..., "title": ..., "url": ..., "outlet": ...,
              "published": ...},
     "predictions": [{"model_version": "unspin 0.1.0", "score": 0.81,
                      "result": [{"id": ..., "from_name": "claim", "to_name": "text",
                                  "type": "labels", "score": 0.9,
                                  "value": {"start": 10, "end": 42, "text": ...,
                                            "labels": ["checkworthy"]},
                                  "meta": {"text": ["why it fired"]}}, ...]}]}

Each finding kind is one ``<Labels>`` control named after the kind (so findings of two
kinds may overlap), its label the finding's label; offsets are Unicode code points
(``text[start:end]``), as Label Studio stores them. The prediction's score is the mean of
its findings' scores. :func:`label_config` gives the labeling configuration that fits
the export; ``unspin corpus export ... -f labelstudio -o tasks.json`` writes it beside the
tasks as ``tasks.label_config.xml`` (:func:`config_path`), to paste into the project's
settings before importing the tasks.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from unspin.exports.select import Annotated, generator_name, why
from unspin.model import Document, Finding

__all__ = [
    "TEXT_NAME",
    "config_path",
    "label_config",
    "region",
    "task",
    "write_labelstudio",
]

#: The name of the ``<Text>`` object every region points to.
TEXT_NAME = "text"


def region(finding: Finding) -> dict[str, Any]:
    """One finding as a Label Studio region."""
    return {
        "id": finding.id,
        "from_name": finding.kind,
        "to_name": TEXT_NAME,
        "type": "labels",
        "origin": "prediction",
        "score": finding.score,
        "value": {
            "start": finding.start,
            "end": finding.end,
            "text": finding.text,
            "labels": [finding.label],
        },
        "meta": {"text": [why(finding)]},
    }


def task(document: Document, findings: Iterable[Finding]) -> dict[str, Any]:
    """One document and its findings as a task with one prediction."""
    result = [region(f) for f in findings]
    score = sum(r["score"] for r in result) / len(result) if result else 0.0
    return {
        "data": {
            TEXT_NAME: document.text,
            "document_id": document.id,
            "title": document.title,
            "url": document.url,
            "outlet": document.outlet,
            "published": document.published,
        },
        "predictions": [
            {"model_version": generator_name(), "score": round(score, 6), "result": result}
        ],
    }


def write_labelstudio(
    out: TextIO, documents: Iterable[Annotated], labels: dict[str, set[str]] | None = None
) -> tuple[int, int]:
    """Write the tasks to ``out`` as a JSON array, streamed one task per line; return how
    many tasks and regions were written. ``labels``, when given, collects the labels
    written by kind (for :func:`label_config`)."""
    out.write("[")
    tasks = regions = 0
    for item in documents:
        if labels is not None:
            for f in item.findings:
                labels.setdefault(f.kind, set()).add(f.label)
        out.write(",\n" if tasks else "\n")
        out.write(json.dumps(task(item.document, item.findings), ensure_ascii=False))
        tasks += 1
        regions += len(item.findings)
    out.write("\n]\n")
    return tasks, regions


def config_path(tasks: Path) -> Path:
    """Where the labeling configuration of the tasks file ``tasks`` is written."""
    return tasks.with_name(f"{tasks.stem}.label_config.xml")


def label_config(labels: Mapping[str, Iterable[str]]) -> str:
    """The labeling configuration of a project that shows these findings: one
    ``<Labels>`` control per kind (``{kind: labels}``) over one ``<Text>``."""
    lines = ["<View>"]
    for kind in sorted(labels):
        lines.append(f"  <Labels name={quoteattr(kind)} toName={quoteattr(TEXT_NAME)}>")
        lines.extend(f"    <Label value={quoteattr(v)}/>" for v in sorted(set(labels[kind])))
        lines.append("  </Labels>")
    lines.append(f"  <Text name={quoteattr(TEXT_NAME)} value={quoteattr('$' + TEXT_NAME)}/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"
