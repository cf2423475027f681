"""Quality gate: claim frames on the team's labelled set (issue #13, point 1).

``python bench/claim_frames.py`` prints the same figures. The floors sit 0.02 under what
was measured on all 160 cases (the issue's targets are 0.95 / 0.90 / 0.90); the gate
fails, never skips, when the set is missing or a score drops.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = Path(__file__).resolve().parents[1] / "data" / "claim_frames"
FLOORS = {"polarity_accuracy": 0.98, "quantity_accuracy": 0.95, "date_accuracy": 0.98}


@pytest.mark.slow
def test_claim_frames_meet_their_floors() -> None:
    assert DATA.is_dir() and len(list(DATA.glob("*.jsonl"))) == 3, f"labelled set missing: {DATA}"
    sys.path.insert(0, str(BENCH))
    try:
        import claim_frames
    finally:
        sys.path.remove(str(BENCH))
    cases = claim_frames.read_cases(DATA)
    results = [
        claim_frames.score_case(c, f)
        for c, f in zip(cases, claim_frames.frames_of(cases), strict=True)
    ]
    got = claim_frames.summary(results)
    assert got["cases"] >= 160
    low = {k: round(got[k], 3) for k, floor in FLOORS.items() if got[k] < floor}
    assert not low, f"claim frames under their floors {FLOORS}: {low} (bench/claim_frames.py)"
