"""How long the sources analyzer takes on a long article (the analyzer alone, no parse).

    python bench/sources_speed.py [--paragraphs 150] [--repeat 3] [--backbone fake|spacy]

The article repeats one invented paragraph (quotations, reported speech, "according to",
a scare quote, pronouns) ``--paragraphs`` times: 150 make 43,500 characters. The text is
parsed once by the chosen backbone (``fake``: rules, no models; ``spacy``: the real
parse); the analyzer then runs ``--repeat`` times and the best run is printed (the
machine may be shared; the minimum is the least disturbed run), with characters per
second.
"""

from __future__ import annotations

import argparse
import time

PARAGRAPH = (
    '"We will not back down," said Maria Lund, the ministry spokeswoman. '
    "Lund said that the plan was fair. According to officials, the talks collapsed. "
    'The so-called "reform" failed, the Valley Gazette reported. She warned that '
    "prices would rise. It's the '90s again, Peter Vasko's aides said.\n\n"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--paragraphs", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--backbone", choices=("fake", "spacy"), default="fake")
    args = ap.parse_args()

    from unspin.analyzer import Context, analyzer_class
    from unspin.model import Document
    from unspin.nlp import Backbone, FakeBackbone, SpacyBackbone

    text = PARAGRAPH * args.paragraphs
    backbone: Backbone = FakeBackbone() if args.backbone == "fake" else SpacyBackbone()
    parsed = backbone.parse(text)
    analyzer = analyzer_class("sources")()
    ctx = Context(Document(text), parsed)
    times = []
    quotes = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        result = analyzer.run(ctx)
        times.append(time.perf_counter() - started)
        quotes = sum(1 for f in result.findings if f.kind == "quote")
    best = min(times)
    print(
        f"sources analyzer ({args.backbone} parse): {len(text):,} characters, "
        f"{len(parsed.sentences):,} sentences, {quotes} quotes: best of {args.repeat} "
        f"{best * 1000:.0f} ms ({len(text) / best:,.0f} characters/s)"
    )


if __name__ == "__main__":
    main()
