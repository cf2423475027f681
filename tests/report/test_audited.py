"""The report's audited-precision table matches the committed precision audit."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from unspin.model import Analysis, Document, Explanation, Finding
from unspin.report.audited import AUDIT_ROUNDS, AUDITED, LAYER_KINDS, MIN_PRECISION, audit_for
from unspin.report.highlight import layer_key, layers_for
from unspin.report.markdown import render_markdown

AUDIT = Path(__file__).resolve().parents[2] / "bench" / "audit"


def _rows(folder: str, name: str) -> list[dict[str, str]]:
    lines = (AUDIT / folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_table_is_the_audit_of_reader_a() -> None:
    judged: Counter[tuple[str, str]] = Counter()
    correct: Counter[tuple[str, str]] = Counter()
    for folder, commit in AUDIT_ROUNDS.items():
        kind = {r["id"]: r["kind"] for r in _rows(folder, "sample.jsonl")}
        assert json.loads((AUDIT / folder / "sample.meta.json").read_text())["commit"].startswith(
            commit
        )
        for r in _rows(folder, "judgments-A.jsonl"):
            judged[folder, kind[r["id"]]] += 1
            correct[folder, kind[r["id"]]] += r["verdict"] == "correct"
    assert set(AUDITED) == set(LAYER_KINDS)
    for layer, kinds in LAYER_KINDS.items():
        audit = AUDITED[layer]
        n = sum(judged[r, k] for r in audit.rounds for k in kinds)
        assert audit.judged == n > 0, layer
        assert audit.correct == sum(correct[r, k] for r in audit.rounds for k in kinds), layer


def test_each_layer_ends_with_the_latest_round_that_audited_it() -> None:
    latest: dict[str, str] = {}
    for folder in sorted(AUDIT_ROUNDS):  # round2 < round3 < ...
        kinds = {r["kind"] for r in _rows(folder, "sample.jsonl")}
        for layer, layer_kinds in LAYER_KINDS.items():
            if set(layer_kinds) <= kinds:
                latest[layer] = folder
    assert {layer: a.rounds[-1] for layer, a in AUDITED.items()} == latest


def test_layers_under_the_floor_are_off_and_say_why() -> None:
    layers = layers_for({"hedge", "quote", "date", "anonymous", "mystery"})
    quote = audit_for("quote")
    assert quote is not None and quote.precision < MIN_PRECISION
    assert not layers["quote"].style.shown
    assert layers["quote"].style.name == "quote (experimental)"
    assert "audited precision 0.59" in layers["quote"].style.description
    assert not layers["anonymous"].style.shown  # 0.40: off, apart from named speakers
    for shown in ("date", "hedge"):  # at the floor or above
        assert layers[shown].style.shown and "experimental" not in layers[shown].style.name
    assert layers["mystery"].style.shown  # kinds outside the default pipeline: unchanged


def test_anonymous_sources_are_a_layer_of_their_own() -> None:
    doc = Document("Officials said the port closed. Ana Vik said it rained.")

    def finding(kind: str, label: str, start: int, end: int) -> Finding:
        return Finding.anchored(
            doc, start, end, kind=kind, label=label, score=0.9, analyzer="t",
            analyzer_version="1", explanation=Explanation(rule="t"),
        )  # fmt: skip

    assert layer_key(finding("speaker", "anonymous", 0, 9), 0.5) == "anonymous"
    assert layer_key(finding("attribution", "anonymous", 15, 30), 0.5) == "anonymous"
    assert layer_key(finding("speaker", "named_person", 32, 39), 0.5) == "speaker"
    assert layer_key(finding("attribution", "named_person", 45, 54), 0.5) == "attribution"


def test_markdown_names_each_kinds_audited_precision() -> None:
    doc = Document("Ana Vik said it rained on 3 May 2024.")

    def finding(kind: str, start: int, end: int) -> Finding:
        return Finding.anchored(
            doc, start, end, kind=kind, label=kind, score=0.9, analyzer="t",
            analyzer_version="1", explanation=Explanation(rule="t"),
        )  # fmt: skip

    md = render_markdown(Analysis(doc, (finding("hedge", 0, 7), finding("date", 26, 36))))
    assert "| hedge | 1 | 0.93 (37/40) |" in md
    assert "| date | 1 | 0.91 (73/80) |" in md
