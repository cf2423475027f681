"""Speed and memory of the default pipeline against the bare backbone, in one run.

    python bench/pipeline_speed.py [--articles 200] [--words 1000] [--json out.json]

Each mode runs in its own process (so peak RSS is its own), on the same seeded
synthetic articles (bench/synthetic.py), after a warm-up that loads the models:

* ``backbone``: spaCy en_core_web_sm over every article plus MiniLM embeddings of every
  sentence, the bare backbone;
* ``parse``: spaCy alone;
* ``pipeline``: the full default pipeline (spaCy, then every configured analyzer; the
  encoder runs only if an analyzer requires embeddings).

It prints articles/s, sentences/s, peak RSS and the pipeline/backbone time ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import corpus


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_mode(mode: str, n: int, words: int) -> dict[str, float | int | str]:
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.nlp import SpacyBackbone
    from unspin.pipeline import Pipeline

    texts = corpus(n, words)
    config = load_config()
    backbone = SpacyBackbone(config.spacy_model, config.embeddings or None)
    pipeline = Pipeline(config, backbone=backbone)
    warm = "Warm-up sentence, said Ana Vik on Monday. It may rain."
    t0 = time.perf_counter()
    backbone.parse(warm)
    if mode == "backbone":
        backbone.embed([warm])
    if mode == "pipeline":
        pipeline.analyze(Document(warm))
    load_s = time.perf_counter() - t0

    sentences = 0
    findings = 0
    start = time.perf_counter()
    if mode in ("backbone", "parse"):
        for parsed in backbone.parse_many(texts):
            sentences += len(parsed.sentences)
            if mode == "backbone":
                backbone.embed([parsed.text[s.start : s.end] for s in parsed.sentences])
    else:
        for analysis in pipeline.analyze_many(Document(t) for t in texts):
            sentences += analysis.summaries.get("claims", {}).get("sentences", 0)
            findings += len(analysis.findings)
    elapsed = time.perf_counter() - start
    return {
        "mode": mode,
        "articles": n,
        "words_per_article": words,
        "seconds": round(elapsed, 2),
        "load_seconds": round(load_s, 2),
        "articles_per_s": round(n / elapsed, 2),
        "sentences_per_s": round(sentences / elapsed, 1),
        "sentences": sentences,
        "findings": findings,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--mode", choices=("backbone", "parse", "pipeline"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.articles, args.words)))
        return 0
    results = {}
    for mode in ("backbone", "parse", "pipeline"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--articles",
                str(args.articles),
                "--words",
                str(args.words),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    b, p, s = results["backbone"], results["pipeline"], results["parse"]
    print(f"{args.articles} synthetic articles of ~{args.words} words, {p['sentences']} sentences")
    print(f"{'mode':<10} {'articles/s':>10} {'sentences/s':>12} {'seconds':>8} {'peak RSS MB':>12}")
    for r in (b, s, p):
        print(
            f"{r['mode']:<10} {r['articles_per_s']:>10} {r['sentences_per_s']:>12} "
            f"{r['seconds']:>8} {r['peak_rss_mb']:>12}"
        )
    ratio = p["seconds"] / b["seconds"]
    print(
        f"pipeline / backbone time: {ratio:.2f}x (the pipeline embeds sentences when an "
        "analyzer requires embeddings, as the default claims model does)"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
