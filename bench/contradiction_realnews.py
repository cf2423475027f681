"""Contradiction links on real news with no labels: how many, of which rule (a check of
false positives beside the team's contrast set, whose articles are short and clean).

    python bench/contradiction_realnews.py [--data ../shared/data/polnear] [--split train]
        [--skip 0] [--limit 84] [--work DIR] [--show]

Ingests ``--limit`` PolNeAR train articles (political news of 2015-2016 from seven
outlets, with their publication dates), in file name order after the first ``--skip``
(``--skip 84``: the next 84, a set the rules were not tuned on), into one corpus store
(the held-out splits, dev and test, are refused: no one reads them), links contradictions
and quotations, and prints the links by kind and rule; ``--show`` prints each
contradiction and quote-drift link with both sentences. Among such articles real
contradictions between statements are rare, so nearly every conflict link is worth
reading as a probable false positive. The article text stays in ``../shared/data`` and
the work folder; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear"


def documents(data: Path, split: str, limit: int, skip: int = 0) -> list[dict[str, str]]:
    meta = {}
    with (data / "metadata.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for path in sorted((data / split / "text").glob("*.txt"))[skip : skip + limit]:
        m = meta.get(path.stem)
        if m is None:
            continue
        out.append({
            "id": path.stem, "title": m["title"], "outlet": m["publisher"],
            "url": f"https://{m['publisher']}.example/{path.stem}",
            "published": m["publication_date"], "text": path.read_text(encoding="utf-8"),
        })  # fmt: skip
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--split", default="train", choices=("train",))
    ap.add_argument("--skip", type=int, default=0, help="articles to pass over first")
    ap.add_argument("--limit", type=int, default=84)
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default: temp)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    from unspin.app import ingest_paths
    from unspin.corpus.store_adapter import iter_corpus_links, link_store
    from unspin.store import open_store

    docs = documents(args.data, args.split, args.limit, args.skip)
    if not docs:
        raise SystemExit(f"no articles under {args.data / args.split}")
    work = args.work or Path(tempfile.mkdtemp(prefix="unspin-realnews-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "corpus.db"
    if not db.exists():
        src = work / "documents.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        ingest_paths(f"sqlite:///{db}", [src])
    with open_store(f"sqlite:///{db}") as store:
        started = time.perf_counter()
        run = link_store(store, what=["contradictions", "quotes"], rebuild=True)
        seconds = time.perf_counter() - started
        rules: Counter[str] = Counter()
        shown = []
        for link in iter_corpus_links(store):
            rules[f"{link.kind} {link.explanation.rule}"] += 1
            if link.kind in ("contradiction", "quote_drift"):
                shown.append(link)
        print(f"{run.documents} articles linked in {seconds:.1f} s: {run.links}")
        for rule, n in sorted(rules.items()):
            print(f"  {n:4}  {rule}")
        if args.show:
            for link in shown:
                print(f"--- {link.kind} {link.explanation.rule}: {link.slot.get('same_event', '')}")
                for side in (link.a, link.b):
                    text = store.get_analysis(side.doc_id).document.text
                    print(f"  {side.outlet} {side.published}: "
                          f"{text[side.context_start : side.context_end][:200]!r}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
