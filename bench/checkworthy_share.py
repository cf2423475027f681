"""The share of news sentences the claims analyzer flags as check-worthy, on the shared PTC
articles, at its default threshold (and, for the trade-off, at other thresholds).

    python bench/checkworthy_share.py [--ptc DIR] [--limit N] [--model default|PATH]
                                      [--threshold T] [--threads 1]

A pipeline of the ``sources`` and ``claims`` analyzers (claims reads the quotes and
attributions sources finds; the real spaCy backbone and MiniLM embeddings, as in the
default pipeline) analyses the articles of PTC's ``train-articles`` (sorted by name; the
first N with ``--limit``). A sentence counts as flagged as the report flags it: its
``checkworthy`` attribute (score at or over the threshold, and no rule of
``unspin.claims.nothing`` saying it carries nothing to check: a heading, a link's label,
a caption, ...). Printed: articles, sentences, the sentences flagged at the threshold (the
analyzer's default unless ``--threshold``) as a share of all sentences, the median of the
per-article shares, how many sentences at or over the threshold a nothing-to-check rule
unflags, and the share at a range of other thresholds (the same rules applied). No
labels are read: PTC has no check-worthiness labels; this measures triage, not accuracy.
A missing corpus folder is an error, and so is any analyzer failure (exit status 1).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from sources_robustness import ptc_files  # bench/ is on the path when run as a script

ROOT = Path(__file__).resolve().parent.parent
GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ptc", type=Path, default=ROOT.parent / "shared" / "data" / "ptc")
    ap.add_argument("--limit", type=int, default=None, help="the first N articles")
    ap.add_argument("--model", default="default", help="the claims analyzer's model option")
    ap.add_argument("--threshold", type=float, default=None, help="default: the analyzer's")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    from unspin.analyzer import analyzer_class
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline

    files = ptc_files(args.ptc)[: args.limit]
    options = {"model": args.model}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    claims = analyzer_class("claims")(**options)
    pipeline = Pipeline(
        load_config(analyzers=["sources", "claims"]),
        backbone=SpacyBackbone(),
        analyzers=[analyzer_class("sources")(), claims],
    )
    threshold = float(claims.options.threshold)
    docs = (Document(f.read_text(encoding="utf-8"), source=f.name) for f in files)
    scores: list[float] = []  # per sentence; the nothing-to-check ones count as 0
    raw: list[float] = []  # per sentence, the head's score
    shares: list[float] = []
    failures: list[str] = []
    started = time.perf_counter()
    for k, analysis in enumerate(pipeline.analyze_many(docs)):
        failures.extend(f"{files[k].name}: {f.analyzer}: {f.message}" for f in analysis.failures)
        claims_found = analysis.by_kind("claim")
        raw.extend(f.score for f in claims_found)
        s = [0.0 if "nothing_to_check" in f.attributes else f.score for f in claims_found]
        scores.extend(s)
        if claims_found:
            flags = [bool(f.attributes.get("checkworthy")) for f in claims_found]
            shares.append(sum(flags) / len(flags))
        if (k + 1) % 50 == 0:
            print(f"  {k + 1} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    wall = time.perf_counter() - started
    n = len(scores)
    if not n:
        raise SystemExit("no sentences")
    flagged = sum(x >= threshold for x in scores)
    unflagged = sum(x >= threshold for x in raw) - flagged
    median = statistics.median(shares) if shares else 0.0
    model = pipeline.analyzers[-1]
    print(f"model: {getattr(getattr(model, 'head', None), 'label', 'baseline')}")
    print(f"articles: {len(files)}; sentences: {n:,}")
    print(f"threshold {threshold:.2f}: {flagged:,} flagged = {flagged / n:.1%} of sentences "
          f"(median per article {median:.1%}); {unflagged:,} more score at or over it "
          "but carry nothing to check")  # fmt: skip
    print("share flagged by threshold: " + ", ".join(
        f"{t:.2f} {sum(x >= t for x in scores) / n:.1%}" for t in GRID))  # fmt: skip
    print(f"failures: {len(failures)}" + "".join(f"\n  {line}" for line in failures))
    print(f"wall time: {wall:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
