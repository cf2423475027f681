"""Quality gate: contradiction links on the team's contrast set (issue #13, point 5).

``python bench/contradiction_contrast.py --details`` prints the same figures: all 34
articles ingested into one corpus store and linked through the command line, so any link
between statements of different labelled pairs counts against precision. Measured
(conflicts: precision 1.000 of 25 links, recall 0.833 of 30 pairs; updates: precision
0.938 of 16 links, recall 0.682 of 22 pairs; no unrelated pair linked); the floors sit
0.01-0.02 under (the issue's targets are 0.90 / 0.70), and at most one unrelated pair may
be linked. The conflicts' recall floor went from 0.85 to 0.82 when the default report
stopped showing short quotations with neither a speaker nor a verb (round 3 of the
precision audit: mostly terms and titles): pair x014's '"six years of tireless
service."' after "thanked her for" is such a quotation, so its speaker conflict is no
longer linked (0.867 before). The gate fails, never skips, when the set is missing or a
score drops. About a minute (the articles are analysed with the real models).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
DATA = Path(__file__).resolve().parents[1] / "data" / "contradictions"
FLOORS = {
    ("conflicts", "precision"): 0.98,
    ("conflicts", "recall"): 0.82,
    ("updates", "precision"): 0.92,
    ("updates", "recall"): 0.66,
}


@pytest.mark.slow
def test_contradiction_links_meet_their_floors(tmp_path: Path) -> None:
    for name in ("documents.jsonl", "pairs.jsonl"):
        assert (DATA / name).is_file(), f"contrast set missing: {DATA / name}"
    sys.path.insert(0, str(BENCH))
    try:
        import contradiction_contrast
    finally:
        sys.path.remove(str(BENCH))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        contradiction_contrast.main(["--json", "--work", str(tmp_path), "--data", str(DATA)])
    text = out.getvalue()
    got = json.loads(text[text.index("{") :])
    assert got["documents"] == 34 and got["pairs"] == 114
    assert got["conflicts"]["pairs"] == 30 and got["updates"]["pairs"] == 22
    low = {
        f"{part} {score}": got[part][score]
        for (part, score), floor in FLOORS.items()
        if got[part][score] is None or got[part][score] < floor
    }
    assert len(got["unrelated_linked"]) <= 1, f"unrelated pairs linked: {got['unrelated_linked']}"
    assert not low, (
        f"contradiction links under their floors {FLOORS}: {low} "
        "(python bench/contradiction_contrast.py --details --errors)"
    )
