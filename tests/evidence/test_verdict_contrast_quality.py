"""Quality gate of the verdicts on the team's contrast set (``tests/data/verdicts``).

Runs ``bench/verdict_contrast.py --json`` cold (a fresh evidence store of all 80 passages,
then the ``claims`` and ``verdicts`` analyzers at their default settings over all 180
claims) and fails when accuracy falls under its floor, pinned 0.01-0.02 under the value
measured with the same command (on the whole set, and on the held-out check half: the
claims whose seeded hash puts them outside the half the rules were tuned on,
``bench/verdict_contrast.py``'s ``half``), or when any refuted claim is called supported
(the issue allows none). It never skips: missing data or a failing run fails the gate with
the reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.quality_gate import require_files

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "verdicts"
BENCH = ROOT / "bench" / "verdict_contrast.py"

# Measured with `bench/verdict_contrast.py --json` (2026-12-06, session 30, with the
# judgement, likeness and payment contrasts): accuracy 0.8611 (155 of 180; dev half 0.9326
# of 89, check half 0.7912 of 91), refuted claims called supported 0, right supported /
# refuted verdicts citing a labelled passage 91 of 97 (session 29: 0.8389, check 0.7912; a
# fresh install has given one development claim fewer than the machine a rule was made on).
ACCURACY_FLOOR = 0.84
CHECK_HALF_FLOOR = 0.77
MOST_REFUTED_CALLED_SUPPORTED = 0

pytestmark = pytest.mark.slow


def test_verdicts_on_the_contrast_set(tmp_path: Path) -> None:
    require_files(
        [DATA / "claims.jsonl", DATA / "passages.jsonl"],
        "verdict contrast gate",
        "the contrast set is committed under tests/data/verdicts",
    )
    command = [sys.executable, str(BENCH), "--json", "--work", str(tmp_path / "work")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        pytest.fail(
            f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stderr[-3000:]}",
            pytrace=False,
        )
    scores = json.loads(done.stdout[done.stdout.index("{") :])
    print(json.dumps(scores, indent=2))
    assert scores["claims"] == 180, f"the contrast set changed: {scores['claims']} claims"
    assert scores["accuracy"] >= ACCURACY_FLOOR, (
        f"verdict accuracy on the contrast set dropped: {scores['accuracy']:.4f} "
        f"< floor {ACCURACY_FLOOR}"
    )
    check = scores["by_half"]["check"]
    assert check["accuracy"] >= CHECK_HALF_FLOOR, (
        f"verdict accuracy on the held-out check half dropped: {check['accuracy']:.4f} "
        f"< floor {CHECK_HALF_FLOOR}"
    )
    assert scores["refuted_called_supported"] <= MOST_REFUTED_CALLED_SUPPORTED, (
        f"{scores['refuted_called_supported']} refuted claims called supported "
        f"(at most {MOST_REFUTED_CALLED_SUPPORTED})"
    )
