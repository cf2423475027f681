"""The link kinds' audited precision matches the committed link audit, and decides what is
listed by default."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from unspin.corpus import audited
from unspin.corpus.audited import (
    LINK_AUDIT_ROUNDS,
    LINK_AUDITED,
    default_kinds,
    describe_link_audit,
    is_experimental,
    render_left_out,
)
from unspin.corpus.model import LINK_KINDS
from unspin.report.audited import MIN_JUDGED, MIN_PRECISION, Audit

AUDIT = Path(__file__).resolve().parents[2] / "bench" / "link_audit"


def _rows(folder: str, name: str) -> list[dict[str, str]]:
    lines = (AUDIT / folder / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _verdicts() -> list[tuple[str, str, bool]]:
    """Reader A's verdicts of every committed round: (round, link kind, judged right)."""
    out: list[tuple[str, str, bool]] = []
    for folder in LINK_AUDIT_ROUNDS:
        kinds = {r["id"]: r["kind"] for r in _rows(folder, "sample.jsonl")}
        out += [
            (folder, kinds[r["id"]], r["verdict"] == "correct")
            for r in _rows(folder, "judgments-A.jsonl")
        ]
    return out


def test_table_is_the_audit_of_reader_a() -> None:
    for folder, commit in LINK_AUDIT_ROUNDS.items():
        meta = json.loads((AUDIT / folder / "sample.meta.json").read_text(encoding="utf-8"))
        assert meta["commit"].startswith(commit)
    verdicts = _verdicts()
    assert set(LINK_AUDITED) <= set(LINK_KINDS)
    for kind, audit in LINK_AUDITED.items():
        mine = [ok for f, k, ok in verdicts if f in audit.rounds and k == kind]
        assert audit.judged == len(mine) > 0, kind
        assert audit.correct == sum(mine), kind


def test_each_kind_takes_its_latest_rounds_until_forty_are_judged() -> None:
    judged = Counter((f, k) for f, k, _ in _verdicts())  # (round, kind) -> links judged
    for kind, audit in LINK_AUDITED.items():
        want: list[str] = []
        for folder in reversed(list(LINK_AUDIT_ROUNDS)):  # newest first
            if sum(judged[(f, kind)] for f in want) >= MIN_JUDGED:
                break
            if judged[(folder, kind)]:
                want.append(folder)
        assert audit.rounds == tuple(want), kind


def test_kinds_under_the_bar_or_unaudited_are_experimental(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = {"propagation": Audit(36, 40, ("round9",)), "update": Audit(31, 40, ("round9",))}
    monkeypatch.setattr(audited, "LINK_AUDITED", table)
    assert not is_experimental("propagation")  # 0.90
    assert is_experimental("update")  # 0.775 (shown "0.78", under the bar)
    assert is_experimental("quote_drift")  # not audited
    assert default_kinds(["update", "propagation", "quote_drift"]) == ("propagation",)
    assert "audited precision 0.90 on real news (36 of 40" in describe_link_audit("propagation")
    assert "listed by default" in describe_link_audit("propagation")
    assert "experimental: listed only when asked for" in describe_link_audit("update")
    assert "not audited" in describe_link_audit("quote_drift")
    note = render_left_out(["update", "quote_drift"])
    assert "update (0.78), quote_drift (not audited)" in note and "--experimental" in note


def test_the_committed_table_follows_the_bar() -> None:
    for kind, audit in LINK_AUDITED.items():
        assert is_experimental(kind) == (audit.precision < MIN_PRECISION), kind
