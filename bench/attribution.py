"""Attribution extraction scored on PolNeAR (issue #12 point 2): source, cue, content, relation.

    python bench/attribution.py [--polnear DIR] [--split train|dev] [--limit N]
        [--option NAME=VALUE ...] [--threads 1] [--json FILE]

A pipeline with only the ``sources`` analyzer and the real spaCy backbone analyses every
text of the split; its ``quote`` and ``attribution`` findings are the predicted contents,
the ``speaker`` each links to their sources (a relation per pair) and the reporting word
of each its cue (:func:`unspin.sources.polnear.findings_extraction`; a learned content's
``pieces`` are its span, a quotation ``part_of`` a learned content is no content of its
own). The default extractor is the analyzer's default, the rules; with ``--option
extractor=learned`` the pipeline also computes the word-piece states the tagger reads.
The gold is the first annotator file of each text (alphabetically); a discontinuous span
is one span.
A predicted span matches a gold one at word-token Jaccard >= 0.5 ("strict") or when they
share a character ("overlap"); a relation matches when both its spans match; matching is
one-to-one (:func:`unspin.sources.polnear.score`).

Prints precision, recall and F1 per role and for relations, micro-averaged over the
split, strict and overlap; then, per publisher (the folds used for selection on train),
each publisher's F1 and the mean ± standard deviation over publishers. ``--option``
sets an option of the ``sources`` analyzer (e.g. ``--option extractor=rules``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("content", "source", "cue", "relation")


def _value(raw: str) -> object:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None, help="first N texts (by name)")
    ap.add_argument("--option", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--json", type=Path, default=None, help="write the scores here")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    from unspin.analyzer import analyzer_class
    from unspin.config import Config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline
    from unspin.sources.polnear import (
        Counts,
        findings_extraction,
        gold_extraction,
        load_split,
        score,
        total,
    )

    docs = load_split(args.polnear, args.split)[: args.limit]
    if not docs:
        raise SystemExit(f"no annotated texts in {args.polnear / args.split}")
    options = dict(o.split("=", 1) for o in args.option)
    sources = analyzer_class("sources")(**{k: _value(v) for k, v in options.items()})
    pipeline = Pipeline(
        Config(analyzers=("sources",)), backbone=SpacyBackbone(), analyzers=[sources]
    )

    def documents() -> Iterator[Document]:
        for d in docs:
            yield Document(d.text, source=d.name)

    scores: dict[str, dict[str, list[dict[str, Counts]]]] = {"strict": {}, "overlap": {}}
    failures = 0
    started = time.perf_counter()
    analyses = pipeline.analyze_many(documents(), batch_size=args.batch_size)
    for k, (doc, analysis) in enumerate(zip(docs, analyses, strict=True)):
        failures += len(analysis.failures)
        predicted = findings_extraction(doc.text, analysis.findings)
        gold = gold_extraction(doc)
        for how, by_pub in scores.items():
            by_pub.setdefault(doc.publisher, []).append(score(doc.text, predicted, gold, how))
        if (k + 1) % 50 == 0:
            print(f"  {k + 1} texts, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    wall = time.perf_counter() - started
    report: dict[str, object] = {"split": args.split, "texts": len(docs), "options": options}
    print(f"PolNeAR {args.split}: {len(docs)} texts, options {options or 'default'}")
    for how, by_pub in scores.items():
        overall = total(s for per in by_pub.values() for s in per)
        folds = {pub: total(per) for pub, per in sorted(by_pub.items())}
        print(f"\n{how}:  {'P':>6} {'R':>6} {'F1':>6}   gold   pred  | F1 by publisher")
        entry: dict[str, object] = {}
        for key in KEYS:
            c = overall[key]
            f1s = [f[key].f1 for f in folds.values()]
            spread = (
                f"{statistics.mean(f1s):.3f} ± {statistics.stdev(f1s):.3f}" if len(f1s) > 1 else "-"
            )
            per = ", ".join(f"{p} {f:.2f}" for p, f in zip(folds, f1s, strict=True))
            print(
                f"  {key:<9}{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.gold:6d} {c.pred:6d}"
                f"  | {spread}  ({per})"
            )
            entry[key] = {
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
                "gold": c.gold,
                "pred": c.pred,
                "f1_by_publisher": dict(zip(folds, f1s, strict=True)),
                "precision_by_publisher": {p: f[key].precision for p, f in folds.items()},
            }
        report[how] = entry
    print(f"\nanalyzer failures: {failures}; wall time {wall:.0f} s")
    report["failures"] = failures
    report["wall_s"] = round(wall, 1)
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
