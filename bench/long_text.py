"""Time and peak memory against text size: long documents in windows (issue #14 point 5).

    .venv/bin/python bench/long_text.py [--sizes 50K,200K,800K,2M] [--backbone spacy]
        [--tiny 100000] [--html 3.9M] [--json out.json]

Real news text: the shared PTC training articles joined one after another (by file name)
and cut to each size (K = 1,000 characters, M = 1,048,576). Each size runs as the whole
``unspin analyze FILE -f json`` command in a process of its own; the wall time (model
loading included, so a "load" run on a 2 KB text is subtracted to give the analysis time)
and the process's peak RSS are printed, with each size's time over the smallest size's
and the ratio of that to the size ratio (1.0 = linear growth). ``--tiny N`` adds a text of
N one-word sentences; ``--html S`` an HTML page of that size, full of named entities,
through the HTML loader. Both run with the backbone given and must finish; their peak RSS
is printed. The load average is printed before and after (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ptc" / "train-articles"
UNSPIN = [sys.executable, "-m", "unspin"]


def _size(text: str) -> int:
    text = text.strip().upper()
    scale = {"K": 1000, "M": 1_048_576}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * scale)


def news_text(data: Path, size: int) -> str:
    parts: list[str] = []
    total = 0
    files = sorted(data.glob("*.txt"))
    if not files:
        raise SystemExit(f"no PTC articles under {data}")
    i = 0
    while total < size:
        part = files[i % len(files)].read_text(encoding="utf-8").strip() + "\n\n"
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)[:size]


def tiny_text(n: int) -> str:
    words = ("Yes.", "No.", "Maybe.", "Later.", "Never.", "Again.")
    return " ".join(words[i % len(words)] for i in range(n))


def entity_html(size: int) -> str:
    names = ("Ana Vik", "Tomas Varga", "the Harbour Council", "Lena Holm", "Nordbank", "Oslo")
    rows: list[str] = ["<html><head><title>Entities</title></head><body>"]
    total, i = 0, 0
    while total < size:
        a, b = names[i % len(names)], names[(i * 7 + 3) % len(names)]
        row = f"<p>{a} met {b} in {names[(i + 5) % len(names)]} on day {i}; {b} said so.</p>\n"
        rows.append(row)
        total += len(row)
        i += 1
    rows.append("</body></html>")
    return "".join(rows)


def run_one(path: Path, out: Path, backbone: str) -> dict[str, float]:
    """``unspin analyze path`` in a child process: wall seconds and the child's peak RSS."""
    cmd = [*UNSPIN, "analyze", str(path), "-o", str(out), "-f", "json", "-q"]
    cmd += ["--backbone", backbone, "--max-bytes", str(64 * 1024 * 1024)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    if code not in (0, 1):
        raise SystemExit(f"{path.name}: exit {code}: {err.strip()[-400:]}")
    return {"seconds": round(wall, 1), "peak_mb": round(usage.ru_maxrss / 1024)}


def _loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="50K,200K,800K,2M")
    ap.add_argument("--backbone", default="spacy", choices=["spacy", "fake"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--tiny", type=int, default=0, help="N one-word sentences (0: skip)")
    ap.add_argument("--html", default="", help="an entity-heavy HTML page of this size")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    results: dict[str, Any] = {"backbone": args.backbone, "load_before": _loadavg()}
    with tempfile.TemporaryDirectory(prefix="unspin-long-") as tmp:
        work = Path(tmp)
        small = work / "load.txt"
        small.write_text(news_text(args.data, 2000), encoding="utf-8")
        load = run_one(small, work / "out", args.backbone)
        results["load"] = load
        print(f"load run (2 KB): {load['seconds']} s, peak {load['peak_mb']} MB", flush=True)
        rows: list[dict[str, Any]] = []
        for label in args.sizes.split(","):
            size = _size(label)
            path = work / f"news-{label}.txt"
            path.write_text(news_text(args.data, size), encoding="utf-8")
            r = run_one(path, work / "out", args.backbone)
            r["analysis_s"] = round(max(0.1, r["seconds"] - load["seconds"]), 1)
            rows.append({"size": label, "chars": size, **r})
            base = rows[0]
            growth = r["analysis_s"] / base["analysis_s"]
            ratio = growth / (size / base["chars"])
            print(
                f"{label:>6}: {r['seconds']:7.1f} s wall, {r['analysis_s']:7.1f} s analysis, "
                f"peak {r['peak_mb']:5d} MB; x{growth:.1f} the {base['size']} time for "
                f"x{size / base['chars']:.1f} the text (growth/size {ratio:.2f})",
                flush=True,
            )
        results["sizes"] = rows
        if args.tiny:
            path = work / "tiny.txt"
            path.write_text(tiny_text(args.tiny), encoding="utf-8")
            results["tiny"] = {"sentences": args.tiny, **run_one(path, work / "out", args.backbone)}
            print(f"{args.tiny} one-word sentences: {results['tiny']}", flush=True)
        if args.html:
            path = work / "entities.html"
            path.write_text(entity_html(_size(args.html)), encoding="utf-8")
            results["html"] = {"size": args.html, **run_one(path, work / "out", args.backbone)}
            print(f"{args.html} entity-heavy HTML: {results['html']}", flush=True)
    results["load_after"] = _loadavg()
    print(f"load average before {results['load_before']}, after {results['load_after']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
