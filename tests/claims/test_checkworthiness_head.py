"""The shipped check-worthiness head: calibrated, its default threshold, its adapter, its
documented numbers (no encoder loaded)."""

from __future__ import annotations

import json
import re

from unspin.claims.analyzer import DEFAULT_HEAD, ClaimsAnalyzer, ClaimsOptions
from unspin.claims.head import CheckworthinessHead

CARD = DEFAULT_HEAD.parent / "MODEL_CARD.md"


def shipped() -> dict[str, object]:
    data = json.loads(DEFAULT_HEAD.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_the_default_threshold_is_the_shipped_heads() -> None:
    head = CheckworthinessHead.load(DEFAULT_HEAD)
    assert ClaimsOptions().threshold == head.threshold == shipped()["threshold"]
    assert ClaimsAnalyzer().threshold == head.threshold


def test_the_head_is_calibrated_out_of_fold() -> None:
    data = shipped()
    calibration = data["calibration"]
    assert isinstance(calibration, dict) and "Platt" in str(calibration["method"])
    metrics = data["metrics"]
    assert isinstance(metrics, dict)
    table = metrics["lobo_reliability"]
    assert isinstance(table, list) and len(table) == 10
    n = sum(row[2] for row in table)
    assert n == 22501
    ece = sum(row[2] * abs(row[3] - row[4]) for row in table if row[2]) / n
    assert abs(ece - metrics["lobo_ece"]) < 1e-3
    assert ece <= 0.05, f"out-of-fold calibration error {ece:.3f} > 0.05"


def test_the_model_card_states_the_shipped_numbers() -> None:
    card = CARD.read_text(encoding="utf-8")
    data = shipped()
    metrics = data["metrics"]
    assert isinstance(metrics, dict)
    assert f"{data['name']}@{data['version']}" in card
    lobo = metrics["lobo_f1_pos"]
    assert f"**{lobo['mean']:.3f} ± {lobo['std']:.3f}**" in card
    assert f"**{metrics['lobo_ece']:.3f}**" in card
    assert f"**{metrics['devtest_f1_pos']:.3f}**" in card
    assert f"**Default threshold {data['threshold']:.2f}**" in card
    # the reliability table of the card is the artifact's (to its three decimals)
    rows = re.findall(r"^\| (\d\.\d)-(\d\.\d) \| ([\d,]+) \| ([\d.]+) \| ([\d.]+) \|$", card, re.M)
    table = metrics["lobo_reliability"]
    assert len(rows) == len(table) == 10
    for (lo, _, n, mp, ob), row in zip(rows, table, strict=True):
        assert (float(lo), int(n.replace(",", ""))) == (row[0], row[2])
        assert abs(float(mp) - row[3]) < 1.1e-3 and abs(float(ob) - row[4]) < 1.1e-3


def test_the_shipped_head_stacks_a_small_adapter_on_the_token_state_pass() -> None:
    head = CheckworthinessHead.load(DEFAULT_HEAD)
    assert head.adapter is not None
    assert head.adapter.path.parent == DEFAULT_HEAD.parent
    assert head.adapter.path.stat().st_size < 8_000_000
    assert head.adapter.w_pool.shape == head.w_embedding.shape
    assert "token_states" in ClaimsAnalyzer().requires
    card = CARD.read_text(encoding="utf-8")
    assert head.adapter.path.name in card


def test_the_logistic_fallback_is_calibrated_too() -> None:
    metrics = shipped()["metrics_logistic"]
    assert isinstance(metrics, dict)
    assert metrics["lobo_ece"] <= 0.05
