"""The sources analyzer over every text of the shared PTC and PolNeAR data: no failures.

    python bench/sources_robustness.py [--ptc DIR] [--polnear DIR] [--limit N] [--threads 1]

A pipeline with only the ``sources`` analyzer and the real spaCy backbone analyses every
article of PTC's ``train-articles`` and every text of PolNeAR's ``train`` and
``annotator-training`` splits (each ``<split>/text/*.txt``; never ``dev``, a held-out
split no session is to look at). The pipeline records an analyzer
that raises, a parse that fails and an analysis whose findings are not anchored in the
text as failures of that document and goes on; a text the analyzer did not run on (no
source profile) counts as a failure too. This script prints the texts, characters,
findings by kind, every failure (the file, the document id and the one-line error) and
the wall time, and exits with status 1 when there was any failure.

``--limit N`` takes the first N texts (sorted by path) of each corpus; ``--threads`` caps
the BLAS/OpenMP threads of the parser (set before numpy loads). A missing corpus folder
is an error, not an empty run.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_SPLITS = ("train", "annotator-training")


def ptc_files(root: Path) -> list[Path]:
    """The PTC articles: ``root/train-articles/*.txt`` (or ``root/*.txt`` when ``root`` is
    that folder itself)."""
    folder = root / "train-articles" if (root / "train-articles").is_dir() else root
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"no PTC articles (*.txt) under {folder}")
    return files


def polnear_files(root: Path) -> list[Path]:
    """The PolNeAR texts: ``root/<split>/text/*.txt`` for every split present."""
    files = [f for split in POLNEAR_SPLITS for f in sorted((root / split / "text").glob("*.txt"))]
    if not files:
        raise SystemExit(f"no PolNeAR texts (<split>/text/*.txt) under {root}")
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--ptc", type=Path, default=ROOT.parent / "shared" / "data" / "ptc")
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--limit", type=int, default=None, help="first N texts of each corpus")
    ap.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)

    from unspin.analyzer import analyzer_class
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline

    corpora = {"ptc": ptc_files(args.ptc), "polnear": polnear_files(args.polnear)}
    bases = {"ptc": args.ptc, "polnear": args.polnear}
    if args.limit is not None:
        corpora = {name: files[: args.limit] for name, files in corpora.items()}
    labels: list[str] = []

    def documents() -> Iterator[Document]:
        for name, files in corpora.items():
            for path in files:
                label = f"{name}/{path.relative_to(bases[name]).as_posix()}"
                labels.append(label)
                yield Document(path.read_text(encoding="utf-8"), source=label)

    pipeline = Pipeline(
        load_config(analyzers=["sources"]),
        backbone=SpacyBackbone(),
        analyzers=[analyzer_class("sources")()],
    )
    texts: Counter[str] = Counter()
    chars = 0
    kinds: Counter[str] = Counter()
    failures: list[str] = []
    started = time.perf_counter()
    for k, analysis in enumerate(pipeline.analyze_many(documents(), batch_size=args.batch_size)):
        doc = analysis.document
        texts[labels[k].split("/", 1)[0]] += 1
        chars += len(doc.text)
        kinds.update(f.kind for f in analysis.findings)
        failures.extend(
            f"{labels[k]} ({doc.id}): {f.analyzer}: {f.error}: {f.message}"
            for f in analysis.failures
        )
        if not analysis.failures and "sources" not in analysis.summaries:
            # the analyzer always leaves its source profile: it did not run on this text
            failures.append(f"{labels[k]} ({doc.id}): sources: not run on this text")
        if (k + 1) % 100 == 0:
            print(f"  {k + 1} texts, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    wall = time.perf_counter() - started
    total = sum(texts.values())
    print(f"texts: {total:,} (" + ", ".join(f"{n} {c:,}" for n, c in texts.items()) + ")")
    print(f"characters: {chars:,}")
    print("findings: " + ", ".join(f"{kind} {n:,}" for kind, n in sorted(kinds.items())))
    print(f"failures: {len(failures)}")
    for line in failures:
        print(f"  {line}")
    print(f"wall time: {wall:.1f} s ({chars / wall:,.0f} characters/s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
