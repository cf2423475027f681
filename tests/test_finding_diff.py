"""``bench/finding_diff.py``: comparing the shown findings of two commits."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))
    spec = importlib.util.spec_from_file_location(
        "finding_diff", ROOT / "bench" / "finding_diff.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fd = _load()


def item(kind: str, start: int, end: int, label: str = "x", **asserts: Any) -> dict[str, Any]:
    return {"article": "1", "kind": kind, "start": start, "end": end, "label": label,
            "rule": "r", "asserts": asserts}  # fmt: skip


def test_compare_sorts_items_into_new_gone_and_changed() -> None:
    base = [
        item("quote", 0, 10, speaker=[20, 25]),
        item("quote", 30, 40),
        item("date", 50, 55, iso="2020"),
    ]
    at = [
        item("quote", 0, 10, speaker=[60, 65]),  # same span and label, another speaker
        item("quote", 70, 80),  # new
        item("date", 50, 55, iso="2020"),  # unchanged
        item("date", 50, 55, label="relative", iso=None),  # a new label is a new item
    ]
    result = fd.compare(base, at)
    quote, date = result["quote"], result["date"]
    assert [(i["start"], i["end"]) for i in quote["new"]] == [(70, 80)]
    assert [(i["start"], i["end"]) for i in quote["gone"]] == [(30, 40)]
    assert [(i["asserts"]["speaker"], i["was"]["speaker"]) for i in quote["changed"]] == [
        ([60, 65], [20, 25])
    ]
    assert (len(quote["base"]), len(quote["at"])) == (2, 2)
    assert [i["label"] for i in date["new"]] == ["relative"]
    assert date["gone"] == [] and date["changed"] == []


def test_table_counts_per_thousand_words() -> None:
    result = fd.compare([item("hedge", 0, 3)], [item("hedge", 0, 3), item("hedge", 5, 8)])
    row = next(line for line in fd.table(result, 2000).splitlines() if line.startswith("| hedge"))
    assert row == "| hedge | 1 | 2 | 0.50 -> 1.00 | 1 | 0 | 0 |"
