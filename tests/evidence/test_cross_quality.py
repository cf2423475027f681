"""Quality gate of the shipped cross-encoder stance model on pairs it was not trained on.

The gate slice (``training/stance/cross_data.py``: ``Item.gate``, 1/8 of the Climate-FEVER
claims and of the FNC-1 stories by a seeded hash) is left out of the shipped model's
training. This runs ``bench/stance_cross.py --gate`` (the artifact through its runtime,
``CrossStance``) and fails when a score falls under its floor, pinned 0.01-0.02 under the
value measured with the same command. It never skips: missing data, a missing model or a
failing run fails the gate with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quality_gate import assert_floors, require_files, run_bench
from unspin.evidence.cross import DEFAULT_CROSS_MODEL

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
BENCH = ROOT / "bench" / "stance_cross.py"
NEEDED = (
    DATA / "fnc1" / "train_bodies.csv",
    DATA / "fnc1" / "train_stances.csv",
    DATA / "climate-fever" / "climate-fever-train.jsonl",
    DEFAULT_CROSS_MODEL / "config.json",
    DEFAULT_CROSS_MODEL / "adapter.npz",
    DEFAULT_CROSS_MODEL / "heads.npz",
)

# Measured with `bench/stance_cross.py --gate` (43 s on the shared 2-core machine), model
# 2.1.0: Climate-FEVER pair macro-F1 0.4971, REFUTES F1 0.3016, claim macro-F1 (DISPUTED
# left out) 0.5678; FNC-1 relative score 0.8219 and disagree F1 0.2839 (verdict head).
# Under the targets: the gate pins the model as shipped.
FLOORS = {
    "cf_pair_macro_f1": 0.48,
    "cf_refutes_f1": 0.285,
    "cf_claim_macro_f1_3": 0.55,
    "fnc_relative_verdict_head": 0.805,
    "fnc_disagree_f1_verdict_head": 0.265,
}
SIZES = {"cf_pairs": 685, "fnc_pairs": 600}

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _require_inputs() -> None:
    """Fail (never skip) when the gate cannot run, before anything is loaded."""
    require_files(
        NEEDED,
        "cross-encoder stance quality gate",
        "the data under ../shared/data; the model: training/stance/cross_gpu.py (MODEL_CARD.md)",
    )


def test_cross_stance_on_the_gate_slice(tmp_path: Path) -> None:
    scores = run_bench(BENCH, ["--gate"], tmp_path)
    sizes = {name: scores[name] for name in SIZES}
    assert sizes == SIZES, f"the gate slice changed: {sizes}, expected {SIZES}"
    assert_floors(scores, FLOORS, "cross-encoder stance quality on the gate slice")
