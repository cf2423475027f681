"""What a change does to the findings of the default report, over PTC articles.

    python bench/finding_diff.py --base REV [--at REV] [--articles gate|train|all]
        [--limit N] [--jobs 2] [--kind KIND ...] [--show N] [--json]

Runs the default pipeline of two commits (``--base`` and ``--at``, default ``HEAD``) over
the same PTC articles and compares the findings the default report shows, grouped by
the precision audit's kinds (``bench/precision_audit.py``: quote, speaker, anonymous,
attribution, hedge, booster, vague attribution, claim, responsibility, date, number and
the techniques). For each kind it prints how many items each commit shows and per 1,000
words, how many appear only at ``--at`` (new), only at ``--base`` (gone), and how many
keep their span and label but tell something else (changed: another speaker, type,
value, date or content). ``--show N`` prints up to N new, gone and changed items per
kind with a sentence of context, for a reader to judge before committing a rule change;
nothing is written into the repo (the analyses are cached per source tree under the
audit's cache, like ``audit_rematch.py``).

Articles: ``gate`` (default) is the 25 PTC articles held back from the techniques model
(every analyzer runs); ``train`` the other PTC train articles, ``all`` both (the
techniques analyzer is skipped on non-gate articles, as the audit does: the model trained
on them). ``--limit N`` takes the first N of the chosen articles in name order.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_articles import (
    PTC_ARTICLES,
    SKIP_EXTRA,
    article_text,
    chunks,
    corpus_articles,
    export_tree,
    git,
    load_analyses,
    marked,
    run_articles,
)
from audit_draw import kind_order, pool_items
from audit_rematch import gate_articles

Key = tuple[str, str, int, int, str]  # article, kind, start, end, label


def choose_articles(which: str, limit: int | None) -> tuple[list[str], set[str]]:
    """The articles to run (name order) and which of them are gate articles."""
    gate = gate_articles()
    every = corpus_articles("ptc")
    if which == "gate":
        chosen = sorted(gate)
    elif which == "train":
        chosen = [a for a in every if a not in gate]
    else:
        chosen = every
    return chosen[:limit] if limit else chosen, gate


def items_at(commit: str, articles: Sequence[str], gate: set[str], jobs: int) -> list[Any]:
    """The audited items the default report of ``commit`` shows on ``articles``."""
    tree = export_tree(commit)
    parts: list[tuple[list[str], tuple[str, ...]]] = [
        ([a for a in articles if a in gate], ()),  # every analyzer
        ([a for a in articles if a not in gate], SKIP_EXTRA),  # as the audit runs them
    ]
    run_articles(tree, [(c, skip) for part, skip in parts for c in chunks(part, max(1, jobs))])
    out: list[Any] = []
    for part, skip in parts:
        for article, analysis in zip(part, load_analyses(tree, part, skip), strict=True):
            out.extend(pool_items(analysis, article))
    return out


def _keyed(items: Sequence[Mapping[str, Any]]) -> dict[Key, Mapping[str, Any]]:
    return {(i["article"], i["kind"], i["start"], i["end"], i["label"]): i for i in items}


def compare(
    base: Sequence[Mapping[str, Any]], at: Sequence[Mapping[str, Any]]
) -> dict[str, dict[str, list[Mapping[str, Any]]]]:
    """Per kind: the items only ``at`` shows (``new``), only ``base`` shows (``gone``),
    and those both show whose assertions differ (``changed``, the ``at`` item with the
    base's assertions under ``was``)."""
    b, a = _keyed(base), _keyed(at)
    out: dict[str, dict[str, list[Mapping[str, Any]]]] = defaultdict(
        lambda: {"new": [], "gone": [], "changed": [], "base": [], "at": []}
    )
    for key, item in b.items():
        out[key[1]]["base"].append(item)
        if key not in a:
            out[key[1]]["gone"].append(item)
    for key, item in a.items():
        out[key[1]]["at"].append(item)
        if key not in b:
            out[key[1]]["new"].append(item)
        elif b[key]["asserts"] != item["asserts"]:
            out[key[1]]["changed"].append({**item, "was": b[key]["asserts"]})
    return out


def _words(articles: Sequence[str]) -> int:
    return sum(len(article_text(a).split()) for a in articles)


def table(result: Mapping[str, Mapping[str, Sequence[Any]]], words: int) -> str:
    per = 1000.0 / max(1, words)
    rows = [
        "| kind | base | at | per 1,000 words (base -> at) | new | gone | changed |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for kind in sorted(result, key=kind_order):
        r = result[kind]
        rows.append(
            f"| {kind} | {len(r['base'])} | {len(r['at'])} | {len(r['base']) * per:.2f} -> "
            f"{len(r['at']) * per:.2f} | {len(r['new'])} | {len(r['gone'])} | "
            f"{len(r['changed'])} |"
        )
    return "\n".join(rows)


def _context(item: Mapping[str, Any]) -> str:
    return marked(article_text(item["article"]), item["start"], item["end"])


def show(result: Mapping[str, Mapping[str, Sequence[Any]]], n: int) -> str:
    lines = []
    for kind in sorted(result, key=kind_order):
        for what in ("new", "gone", "changed"):
            for item in result[kind][what][:n]:
                head = f"[{kind} {what}] {item['article']} {item['start']}-{item['end']} "
                head += f"{item['label']} ({item['rule']})"
                if what == "changed":
                    head += f"\n    was: {json.dumps(item['was'])}\n    now: "
                    head += json.dumps(item["asserts"])
                lines.append(f"{head}\n    {_context(item)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--base", required=True, help="the commit compared against")
    ap.add_argument("--at", default="HEAD", help="the commit being judged (default HEAD)")
    ap.add_argument("--articles", choices=("gate", "train", "all"), default="gate")
    ap.add_argument("--limit", type=int, help="only the first N chosen articles")
    ap.add_argument("--jobs", type=int, default=2, help="analysis processes at a time")
    ap.add_argument("--kind", action="append", help="only these audit kinds")
    ap.add_argument("--show", type=int, default=0, help="print N items per kind and change")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    commits = [git("rev-parse", args.base), git("rev-parse", args.at)]
    articles, gate = choose_articles(args.articles, args.limit)
    if not articles:
        raise SystemExit(f"no PTC articles found under {PTC_ARTICLES}")
    base, at = (items_at(c, articles, gate, args.jobs) for c in commits)
    result = compare(base, at)
    if args.kind:
        result = {k: v for k, v in result.items() if k in args.kind}
    words = _words(articles)
    if args.json:
        counts = {k: {w: len(v[w]) for w in v} for k, v in result.items()}
        print(json.dumps({"base": commits[0], "at": commits[1], "articles": len(articles),
                          "words": words, "kinds": counts}, indent=2))  # fmt: skip
        return 0
    print(f"{len(articles)} {args.articles} articles, {words} words; "
          f"base {commits[0][:8]}, at {commits[1][:8]}\n")  # fmt: skip
    print(table(result, words))
    if args.show:
        print("\n" + show(result, args.show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
