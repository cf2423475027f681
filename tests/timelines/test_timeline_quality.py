"""Quality gate: timelines on the team's labelled set (issue #16, point 2).

``python bench/timelines.py --errors`` prints the same figures: the ten texts of
``tests/data/timelines`` ingested into one corpus store through the command line (the
default pipeline, real models) and the timeline read back with ``unspin corpus timeline
-f json``. Measured: date resolution accuracy 1.0 (44 of 44 labelled mentions; 0.977
until "a week ago" counted days back instead of naming an ISO week), every one of the 424
ordered pairs of gold events in order (Kendall tau 1.0), merging precision 1.0 and recall
0.867 over cross-document mention pairs, the one conflicting date pair flagged and no other. The
floors sit 0.01-0.02 under (the issue's targets: accuracy >= 0.9 and order correct). The
gate fails, never skips, when the set is missing or a score drops. About 20 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.quality_gate import ROOT, assert_floors, require_files, run_bench

DATA = ROOT / "tests" / "data" / "timelines"
FLOORS = {"date_accuracy": 0.98, "merge_precision": 0.98, "merge_recall": 0.85}
HINT = "python bench/timelines.py --errors"


@pytest.mark.slow
def test_timelines_meet_their_floors(tmp_path: Path) -> None:
    files = [DATA / n for n in ("documents.jsonl", "mentions.jsonl", "events.jsonl")]
    require_files(files, "the timeline gate", "the labelled set of tests/data/timelines")
    got = run_bench(ROOT / "bench" / "timelines.py", ["--work", str(tmp_path / "work")], tmp_path)
    assert got["documents"] == 10 and got["mentions"] == 44 and got["dated_events"] == 30
    scores = {
        "date_accuracy": got["date_accuracy"],
        "merge_precision": got["merge"]["precision"],
        "merge_recall": got["merge"]["recall"],
    }
    assert_floors(scores, FLOORS, f"timelines ({HINT})")
    order = got["order"]
    assert order["correct"] and order["pairs"] >= 400, f"timeline order wrong: {order} ({HINT})"
    conflicts = got["conflicts"]
    assert conflicts["flagged"] == conflicts["gold"] == 1 and conflicts["false_flags"] == 0, (
        f"conflicting dates: {conflicts} ({HINT})"
    )


@pytest.mark.slow
def test_timelines_on_the_later_set_meet_their_floors(tmp_path: Path) -> None:
    """tests/data/timelines/heldout: scored once before any change (date accuracy 0.909,
    merge recall 0.667, the conflict missed), then two fixes ("a fortnight later"; verbs
    of intention such as "expect to reopen" do not name the event): 0.955, order correct
    among the 15 dated events found (the one not found, "on the 20th", is the frames'
    reading), merge 1.0 / 1.0, the conflict flagged. Since the frames read a day of the
    month alone ("on the 20th"): 1.0, all 113 ordered pairs in order. Floors under those."""
    data = DATA / "heldout"
    files = [data / n for n in ("documents.jsonl", "mentions.jsonl", "events.jsonl")]
    require_files(files, "the timeline gate", "the set of tests/data/timelines/heldout")
    args = ["--data", str(data), "--work", str(tmp_path / "work")]
    got = run_bench(ROOT / "bench" / "timelines.py", args, tmp_path)
    assert got["mentions"] == 22 and got["dated_events"] == 16
    scores = {
        "date_accuracy": got["date_accuracy"],
        "merge_precision": got["merge"]["precision"],
        "merge_recall": got["merge"]["recall"],
    }
    assert_floors(scores, {"date_accuracy": 0.98, "merge_precision": 0.98, "merge_recall": 0.98},
                  f"timelines, later set ({HINT} --data {data})")  # fmt: skip
    assert got["order"]["correct"], f"timeline order: {got['order']} ({HINT})"
    conflicts = got["conflicts"]
    assert conflicts["flagged"] == 1 and conflicts["false_flags"] == 0, f"{conflicts} ({HINT})"
