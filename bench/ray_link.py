"""``corpus link`` sharded on Ray against the local run (issue #14 point 3).

    .venv/bin/python bench/ray_link.py [--articles 300] [--cpus 1 2] [--work DIR]

Ingests the first ``--articles`` PTC training articles (by name) once into a SQLite store
under ``--work`` (the default pipeline, ``--workers 2``; kept for reruns), then times the
whole ``unspin corpus link --rebuild`` command on copies of it: locally, and with
``--engine ray --workers N`` for each N of ``--cpus`` (a local Ray cluster of N CPUs
started and shut down by the command; the comparisons in four shards per CPU). Each Ray
run must store exactly the local run's links (kind, documents, score): the benchmark
fails otherwise. It prints the wall times, the links by kind and the load average (the
machine may be shared).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ptc"
UNSPIN = [sys.executable, "-m", "unspin"]


def _articles(data: Path, count: int, folder: Path) -> Path:
    found = sorted(data.rglob("article*.txt"))
    if len(found) < count:
        sys.exit(f"bench/ray_link.py: {data} has {len(found)} articles, {count} wanted")
    folder.mkdir(parents=True, exist_ok=True)
    for f in found[:count]:
        shutil.copyfile(f, folder / f.name)
    return folder


def _run(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([*UNSPIN, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _links(db: Path) -> list[tuple[str, str, str, float]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT kind, source_document, target_document, score FROM links"
        ).fetchall()
    return sorted((str(k), str(a), str(b), round(float(s), 6)) for k, a, b, s in rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--cpus", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--work", type=Path, default=Path("/tmp/unspin-ray-link"))
    args = ap.parse_args()
    base = args.work / f"ptc-{args.articles}.db"
    if not base.exists():
        folder = _articles(args.data, args.articles, args.work / f"in-{args.articles}")
        took = _run("corpus", "ingest", str(folder), "--db", str(base), "--workers", "2", "-q")
        print(f"ingested {args.articles} articles in {took:.0f} s (kept: {base})")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    runs: dict[str, tuple[float, list[tuple[str, str, str, float]]]] = {}
    for name in ["local", *(f"ray-{n}" for n in args.cpus)]:
        db = args.work / f"{name}.db"
        shutil.copyfile(base, db)
        extra = [] if name == "local" else ["--engine", "ray", "--workers", name[4:]]
        took = _run("corpus", "link", "--db", str(db), "--rebuild", "-q", *extra)
        runs[name] = (took, _links(db))
        db.unlink()
    local_time, local_links = runs["local"]
    kinds: dict[str, int] = {}
    for kind, *_ in local_links:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{args.articles} articles, links by kind: {kinds}")
    failed = False
    for name, (took, links) in runs.items():
        same = links == local_links
        failed |= not same
        print(
            f"{name:>8}: {took:6.1f} s  ({local_time / took:.2f}x the local run)"
            f"  links {'identical' if same else 'DIFFER'}"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
