"""Claim frames against the team's labelled set (issue #13, point 1).

    python bench/claim_frames.py [--data tests/data/claim_frames] [--json] [--errors]

Runs the ``claims`` analyzer (real backbone) on every case of ``tests/data/claim_frames/
*.jsonl`` (one document each, with its publication date) and compares the frame of the
claim with the labels (the README there defines them):

- polarity accuracy: the frame's polarity equals the label;
- quantity accuracy: of the labelled quantities, the share whose span the frame finds
  (overlapping the labelled words) with the same value, unit (spelling variants and
  plurals folded) and counted thing; quantities the frame finds that no label covers are
  counted as spurious;
- date accuracy: of the labelled dates, the share found (overlapping) and resolved to the
  same ISO value (``null`` included: a relative date with no publication date must stay
  unresolved).

``--errors`` lists every miss. Exit status 1 when a case file is missing or empty.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "claim_frames"

_UNIT_FOLD = {
    "person": "people",
    "persons": "people",
    "kilometre": "km",
    "kilometer": "km",
    "kilometres": "km",
    "kilometers": "km",
    "metre": "m",
    "meter": "m",
    "metres": "m",
    "meters": "m",
    "mile": "mi",
    "miles": "mi",
    "percentage": "percent",
    "%": "percent",
    "dollar": "usd",
    "dollars": "usd",
    "euro": "eur",
    "euros": "eur",
    "pound": "gbp",
    "pounds": "gbp",
    "year_old": "years_old",
}


def fold_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.strip().lower().replace(" ", "_")
    u = _UNIT_FOLD.get(u, u)
    if u.endswith("s") and u not in ("years_old", "usd", "gbp", "percent") and len(u) > 3:
        u = _UNIT_FOLD.get(u[:-1], u[:-1])
    return u


def read_cases(folder: Path) -> list[dict[str, Any]]:
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise SystemExit(f"no case files (*.jsonl) in {folder}")
    cases = []
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path}:{n}: not JSON: {exc}") from exc
    if not cases:
        raise SystemExit(f"no cases in {folder}")
    return cases


def span_of(text: str, words: str) -> tuple[int, int] | None:
    i = text.find(words)
    return (i, i + len(words)) if i >= 0 else None


def _overlapping(
    found: Sequence[Mapping[str, Any]], span: tuple[int, int]
) -> Mapping[str, Any] | None:
    best, overlap = None, 0
    for f in found:
        o = min(f["end"], span[1]) - max(f["start"], span[0])
        if o > overlap:
            best, overlap = f, o
    return best


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_case(case: Mapping[str, Any], frame: Mapping[str, Any] | None) -> dict[str, Any]:
    """Hits and misses of one case (``frame`` None: no claim frame was produced)."""
    text = case["text"]
    frame = frame or {"polarity": None, "quantities": [], "dates": []}
    out: dict[str, Any] = {
        "polarity": frame["polarity"] == case["polarity"],
        "quantities": [],
        "dates": [],
        "spurious_quantities": 0,
    }
    covered: set[int] = set()
    for gold in case.get("quantities", []):
        span = span_of(text, gold["text"])
        got = _overlapping(frame["quantities"], span) if span else None
        ok = (
            got is not None
            and _same_value(float(got["value"]), float(gold["value"]))
            and fold_unit(got["unit"]) == fold_unit(gold["unit"])
            and got["counts"] == gold["counts"]
        )
        if got is not None:
            covered.add(id(got))
        out["quantities"].append((gold, got, ok))
    out["spurious_quantities"] = sum(1 for q in frame["quantities"] if id(q) not in covered)
    for gold in case.get("dates", []):
        span = span_of(text, gold["text"])
        got = _overlapping(frame["dates"], span) if span else None
        ok = got is not None and got["iso"] == gold["iso"]
        out["dates"].append((gold, got, ok))
    return out


def frames_of(cases: Sequence[Mapping[str, Any]]) -> list[dict[str, Any] | None]:
    """The frame of each case's claim, from the claims analyzer on the real backbone."""
    from unspin.config import Config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline

    pipeline = Pipeline(Config(analyzers=("claims",)), backbone=SpacyBackbone())
    out: list[dict[str, Any] | None] = []
    for case in cases:
        analysis = pipeline.analyze(Document(case["text"], published=case.get("published")))
        claims = [f for f in analysis.by_kind("claim") if "frame" in f.attributes]
        if not claims:
            out.append(None)
            continue
        # one case is one claim; when the parser splits it, merge the sentences' slots
        main = max(claims, key=lambda f: f.end - f.start)
        frame = dict(main.attributes["frame"])  # type: ignore[arg-type]
        frame["quantities"] = [q for c in claims for q in c.attributes["frame"]["quantities"]]  # type: ignore[index]
        frame["dates"] = [d for c in claims for d in c.attributes["frame"]["dates"]]  # type: ignore[index]
        out.append(frame)
    return out


def summary(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    rows = list(results)
    q = [ok for r in rows for _, _, ok in r["quantities"]]
    d = [ok for r in rows for _, _, ok in r["dates"]]
    return {
        "cases": len(rows),
        "polarity_accuracy": sum(r["polarity"] for r in rows) / len(rows),
        "quantities": len(q),
        "quantity_accuracy": sum(q) / len(q) if q else None,
        "spurious_quantities": sum(r["spurious_quantities"] for r in rows),
        "dates": len(d),
        "date_accuracy": sum(d) / len(d) if d else None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    cases = read_cases(args.data)
    results = [score_case(c, f) for c, f in zip(cases, frames_of(cases), strict=True)]
    s = summary(results)
    if args.json:
        print(json.dumps(s, indent=2))
    else:
        print(
            f"{s['cases']} cases: polarity accuracy {s['polarity_accuracy']:.3f}; "
            f"quantities {s['quantity_accuracy']:.3f} of {s['quantities']} "
            f"({s['spurious_quantities']} spurious); dates {s['date_accuracy']:.3f} of {s['dates']}"
        )
    if args.errors:
        for case, r in zip(cases, results, strict=True):
            if not r["polarity"]:
                print(f"{case['id']} polarity: want {case['polarity']} | {case['text']}")
            for gold, got, ok in r["quantities"] + r["dates"]:
                if not ok:
                    print(f"{case['id']} {gold} -> {got} | {case['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
