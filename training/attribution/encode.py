"""Parse and encode PolNeAR once, caching what training reads (not shipped).

    nice -n 10 python training/attribution/encode.py [--polnear DIR] [--out /tmp/attr-work/cache]
        [--splits train dev] [--limit N]

Texts are taken one publisher after another in turn (``--limit`` keeps a balanced sample).

For every text of each split: the spaCy parse (:class:`unspin.nlp.Parsed`), the MiniLM
word-piece states of the backbone's own sentence pass (:class:`unspin.nlp.TokenStates`,
layers 4 and 6, float16) and the ``sources`` analyzer's findings on that parse, pickled
to ``<out>/<split>/<name>.pkl``. A text already cached is skipped, so a stopped run
resumes. One BLAS/OpenMP thread.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _round_robin(files: list[Path]) -> list[Path]:
    """One text of each publisher in turn, so that a partial cache is balanced."""
    by_pub: dict[str, list[Path]] = {}
    for f in files:
        by_pub.setdefault(f.name.split("_", 1)[0], []).append(f)
    queues = list(by_pub.values())
    return [q[k] for k in range(max(map(len, queues), default=0)) for q in queues if k < len(q)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--out", type=Path, default=Path("/tmp/attr-work/cache"))
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    import torch

    torch.set_num_threads(1)
    from unspin.analyzer import Context, analyzer_class
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone

    backbone = SpacyBackbone()
    sources = analyzer_class("sources")()
    started = time.perf_counter()
    done = 0
    for split in args.splits:
        files = _round_robin(sorted((args.polnear / split / "text").glob("*.txt")))
        files = files[: args.limit]
        out = args.out / split
        out.mkdir(parents=True, exist_ok=True)
        todo = [f for f in files if not (out / f"{f.stem}.pkl").exists()]
        for b in range(0, len(todo), 8):
            batch = todo[b : b + 8]
            texts = [f.read_text(encoding="utf-8") for f in batch]
            for path, text, parsed in zip(batch, texts, backbone.parse_many(texts), strict=True):
                sents = [text[s.start : s.end] for s in parsed.sentences]
                states = backbone.token_states(sents, [s.start for s in parsed.sentences])
                doc = Document(text, source=path.name)
                result = sources.run(Context(doc, parsed, (), states.embeddings, states))
                record = {
                    "text": text,
                    "parsed": parsed,
                    "states": states,
                    "findings": [f.to_dict() for f in result.findings],
                }
                tmp = out / f"{path.stem}.pkl.tmp"
                with tmp.open("wb") as fh:
                    pickle.dump(record, fh, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(out / f"{path.stem}.pkl")
                done += 1
            print(
                f"{split}: {b + len(batch)}/{len(todo)} {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    print(f"cached {done} texts in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
