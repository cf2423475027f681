"""The long fuzz run: N random hostile texts and byte strings through ingestion and the
default pipeline; prints how many failed and the first failing inputs.

    .venv/bin/python bench/fuzz.py                 # 10,000 texts, fake backbone
    .venv/bin/python bench/fuzz.py -n 500 --real   # the real backbone (spaCy + MiniLM)

Checks, per input: loading yields documents or one-line input errors, never an exception;
every finding lies inside the text and slices to its text; no analyzer fails. The unit
tests (``tests/test_fuzz.py``) run the same properties with Hypothesis on fewer inputs.
Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback

from unspin.analyzer import analyzer_class
from unspin.config import load_config
from unspin.errors import InputError
from unspin.ingest import load_bytes
from unspin.model import Document
from unspin.nlp import FakeBackbone, SpacyBackbone
from unspin.pipeline import Pipeline

_WORDS = (
    "The minister said \u201c \u201d \" ' not never 12 1,200 3.5 million % $ \u20ac killed "
    "according to sources Ana Vik U.S. Dr. ... ? ! . , ; : - \u2014 ( ) may will clearly "
    "allegedly on Monday last week in 2019"
)
_ODD = ["\n", "\n\n", "# ", "* ", "1.", "\t", "\u00a0", "\u200b", "\ufeff", "9" * 40]
PIECES = [*_WORDS.split(" "), *_ODD]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 80)):
        if rng.random() < 0.75:
            parts.append(rng.choice(PIECES))
        else:
            parts.append(
                "".join(
                    chr(c)
                    for c in (rng.randint(0, 0x2FFF) for _ in range(rng.randint(1, 8)))
                    if not 0xD800 <= c <= 0xDFFF
                )
            )
    return " ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="number of texts (default 10,000)")
    ap.add_argument("--real", action="store_true", help="the real backbone (slow)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    config = load_config()
    analyzers = [analyzer_class(n)(**config.options_for(n)) for n in config.analyzers]
    backbone = SpacyBackbone() if args.real else FakeBackbone()
    pipeline = Pipeline(config, backbone=backbone, analyzers=analyzers)
    failed: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for i in range(args.n):
        text = random_text(rng)
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        try:
            for item in load_bytes(data, source="fuzz", suffix=rng.choice(["", ".html", ".jsonl"])):
                assert isinstance(item, (Document, InputError))
            if text.strip():
                analysis = pipeline.analyze(Document(text))
                assert not analysis.failures, analysis.failures
                for f in analysis.findings:
                    assert 0 <= f.start <= f.end <= len(text) and text[f.start : f.end] == f.text
        except Exception:  # the point is to catch everything
            failed.append((text, traceback.format_exc(limit=3)))
        if (i + 1) % 1000 == 0:
            print(f"{i + 1:,} inputs, {len(failed)} failed", file=sys.stderr)
    seconds = time.perf_counter() - t0
    print(f"{args.n:,} inputs ({backbone.name} backbone): {len(failed)} failed in {seconds:.0f} s")
    for text, trace in failed[:5]:
        print(f"--- {text!r}\n{trace}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
