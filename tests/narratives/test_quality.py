"""Quality gate: stories on FNC-1 and narratives on CheckThat! 2020 claim retrieval
(issue #16, point 1), through ``unspin corpus narratives`` on held-out documents.

``python bench/narratives.py held-out --work DIR --json F`` is the same run: the held-out
FNC-1 stories (40 % of the stories, split by story) as one-sentence headline documents,
and the claim-retrieval dev tweets with their verified claims and as many distractor
claims, each ingested (claims analyzer) in a fixed arrival order, then clustered from
nothing with the shipped defaults. Measured (int8 encoder): FNC-1 B-cubed F1 0.9174,
V-measure 0.9643; claims pairwise F1 0.6782 (P 0.908, R 0.541) with the pair model
(``unspin.narratives.pairs``; 0.6074 with the cosine alone on the same stores; the issue
asks 0.80: not met); FLOORS sit under. The all-singletons and all-in-one baselines are
checked to stay far below. The gate fails, never skips, when the data are missing or a
score drops. About a minute (about 1,200 short documents analysed with the real models).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quality_gate import ROOT, assert_floors, require_files, run_bench

DATA = ROOT.parent / "shared" / "data"
FLOORS = {"fnc1 B-cubed F1": 0.90, "fnc1 V-measure": 0.95, "claims pairwise F1": 0.66}


@pytest.mark.slow
def test_stories_and_narratives_meet_their_floors(tmp_path: Path) -> None:
    require_files(
        [
            DATA / "fnc1" / "train_stances.csv",
            DATA / "claim-retrieval" / "verified_claims.docs.tsv",
            DATA / "claim-retrieval" / "dev" / "tweets.queries.tsv",
            DATA / "claim-retrieval" / "dev" / "tweet-vclaim-pairs.qrels",
        ],
        "the narratives gate",
        "../shared/data holds FNC-1 and CheckThat! 2020 task 2",
    )
    got = run_bench(
        ROOT / "bench" / "narratives.py", ["held-out", "--work", str(tmp_path)], tmp_path
    )
    fnc1, claims = got["fnc1-test"], got["cr-test"]
    assert fnc1["documents"] == 621 and claims["documents"] == 565
    scores = {
        "fnc1 B-cubed F1": fnc1["bcubed"]["f1"],
        "fnc1 V-measure": fnc1["v_measure"],
        "claims pairwise F1": claims["pairwise"]["f1"],
    }
    assert_floors(scores, FLOORS, "stories and narratives")
    for name, base in fnc1["baselines"].items():
        assert base["bcubed"]["f1"] < scores["fnc1 B-cubed F1"] - 0.2, name
    for name, base in claims["baselines"].items():
        assert base["f1"] < scores["claims pairwise F1"] - 0.2, name
