"""Whole articles with the small models on one PyTorch thread, or on PyTorch's default.

    python bench/torch_threads.py [--ptc ../shared/data/ptc] [--articles 5] [--rounds 3]

The techniques tagger's LSTM and the task adapters run on ``$UNSPIN_TORCH_THREADS``
threads (:mod:`unspin.threads`; default 1). Each round runs two fresh processes, one per
setting (``1`` and ``0``: PyTorch's default, one thread per core), in turn, so that both
meet the same load; each process warms its models, then analyses the first ``--articles``
articles of the techniques gate split (``training/techniques/gate.json``) with the default
pipeline. Printed per round and setting: wall seconds of the analyses and the process's
CPU seconds, and the machine's load average at the start. The result depends on what else
the machine runs: on busy cores the default loses most (see :mod:`unspin.threads`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import json, sys, time
import unspin
paths = json.loads(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in paths]
unspin.analyze(texts[0])  # loads and warms every model
wall, cpu = time.perf_counter(), time.process_time()
for text in texts:
    unspin.analyze(text)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ptc", type=Path, default=ROOT.parent / "shared" / "data" / "ptc")
    ap.add_argument("--articles", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    gate = json.loads((ROOT / "training" / "techniques" / "gate.json").read_text())
    paths = [
        str(args.ptc / "train-articles" / f"article{a}.txt")
        for a in gate["articles"][: args.articles]
    ]
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        sys.exit(f"torch_threads: no PTC article at {missing[0]} (see --ptc)")
    chars = sum(len(Path(p).read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} gate articles, {chars:,} characters; one process per setting and round")
    for r in range(args.rounds):
        for setting in ("1", "0"):
            env = {**os.environ, "UNSPIN_TORCH_THREADS": setting}
            load = os.getloadavg()[0]
            out = subprocess.run(
                [sys.executable, "-c", _CHILD, json.dumps(paths)],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            got = json.loads(out.stdout.strip().splitlines()[-1])
            name = "one thread " if setting == "1" else "default    "
            print(
                f"round {r + 1}  {name} wall {got['wall']:6.1f} s  cpu {got['cpu']:6.1f} s"
                f"  (load {load:.1f} at start)"
            )


if __name__ == "__main__":
    main()
