"""Where the audited findings stand now: re-run a commit's default pipeline on the audited
articles and look for each judged item again.

    python bench/audit_rematch.py [--at HEAD] [--kind anonymous ...] [--jobs 2] [--json]

The precision audit (``bench/precision_audit.py``) judged a sample drawn at one commit.
After a fix, this says, per kind, how many audited items the commit at ``--at`` still
reports (same article, span and label) and how many of those reader A judged correct
(the precision of the judged items that survive), and how many it no longer reports,
with their verdicts. It is a check of the fix against the judgements already made, not
a new audit: a changed layer can also make findings the sample never held, which only a
new seeded ``sample`` measures. The analyses are cached per source tree like the
audit's (the same cache), the gate articles by the whole default pipeline, the others
without the techniques analyzer, as ``sample`` runs them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_articles import (
    GATE,
    ROOT,
    SKIP_EXTRA,
    export_tree,
    load_analyses,
    read_jsonl,
    run_articles,
)
from audit_draw import kind_order, pool_items
from precision_audit import SAMPLE


def gate_articles() -> set[str]:
    data = json.loads((ROOT / GATE).read_text(encoding="utf-8"))
    names = data["articles"] if isinstance(data, dict) else data
    return {str(a).removeprefix("article").removesuffix(".txt") for a in names}


def survivors(
    sample: Sequence[Mapping[str, Any]],
    verdicts: Mapping[str, str],
    current: Mapping[str, set[tuple[int, int, str, str]]],
) -> dict[str, dict[str, Any]]:
    """Per kind: the judged items the current run still reports (``kept``) and the ones it
    no longer does (``gone``), each as a count of verdicts, and the kept ones' precision."""
    out: dict[str, dict[str, Any]] = {}
    by_kind: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in sample:
        by_kind[row["kind"]].append(row)
    for kind in sorted(by_kind, key=kind_order):
        kept: Counter[str] = Counter()
        gone: Counter[str] = Counter()
        for row in by_kind[kind]:
            verdict = verdicts.get(row["id"], "missing")
            key = (int(row["start"]), int(row["end"]), row["kind"], row["label"])
            (kept if key in current.get(row["article"], set()) else gone)[verdict] += 1
        n = sum(v for verdict, v in kept.items() if verdict != "missing")  # judged ones
        out[kind] = {
            "items": len(by_kind[kind]),
            "kept": dict(kept),
            "gone": dict(gone),
            "kept_precision": kept["correct"] / n if n else None,
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--at", default="HEAD", help="the commit whose pipeline runs")
    ap.add_argument("--kind", action="append", default=[], help="only these kinds")
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--jobs", type=int, default=2, help="analysis processes at a time")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sample = [r for r in read_jsonl(args.sample) if not args.kind or r["kind"] in args.kind]
    if not sample:
        print(f"no audited items of kind {', '.join(args.kind)} in {args.sample}", file=sys.stderr)
        return 2
    judged = args.sample.with_name("judgments-A.jsonl")  # reader A's, next to the sample
    verdicts = {r["id"]: r["verdict"] for r in read_jsonl(judged)} if judged.is_file() else {}
    gate = gate_articles()
    articles = sorted({r["article"] for r in sample})
    groups = {
        (): [a for a in articles if a in gate],
        SKIP_EXTRA: [a for a in articles if a not in gate],
    }
    tree = export_tree(args.at)
    jobs = [
        (part, skip) for skip, arts in groups.items() for part in _split(arts, args.jobs) if part
    ]
    run_articles(tree, jobs)
    current: dict[str, set[tuple[int, int, str, str]]] = {}
    for skip, arts in groups.items():
        for article, analysis in zip(arts, load_analyses(tree, arts, skip), strict=True):
            current[article] = {
                (i["start"], i["end"], i["kind"], i["label"]) for i in pool_items(analysis, article)
            }
    result = survivors(sample, verdicts, current)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        "| kind | audited | still reported (correct) | precision of those | no longer (correct) |"
    )
    print("|---|---|---|---|---|")
    for kind, r in result.items():
        kept, gone = r["kept"], r["gone"]
        p = "-" if r["kept_precision"] is None else f"{r['kept_precision']:.2f}"
        print(
            f"| {kind} | {r['items']} | {sum(kept.values())} ({kept.get('correct', 0)}) | {p} | "
            f"{sum(gone.values())} ({gone.get('correct', 0)}) |"
        )
    return 0


def _split(articles: Sequence[str], n: int) -> list[list[str]]:
    return [list(articles[k :: max(1, n)]) for k in range(max(1, n))]


if __name__ == "__main__":
    sys.exit(main())
