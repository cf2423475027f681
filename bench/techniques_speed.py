"""What the techniques analyzer adds to the backbone's time, on PTC articles.

    python bench/techniques_speed.py [--ptc ../shared/data/ptc] [--articles 10] [--repeat 3]

On the first ``--articles`` articles of the techniques gate split (``training/techniques/
gate.json``, held out of the shipped model's training), one torch thread, models warmed
up, best of ``--repeat`` runs per step (the machine may be shared; the minimum is the
least disturbed run):

* ``backbone``: spaCy parse + MiniLM sentence embeddings, what the pipeline runs today;
* ``backbone_with_states``: spaCy parse + the single MiniLM pass that also keeps the
  word-piece states of layers 4 and 6 (``token_states``), what a pipeline with the
  techniques analyzer runs instead;
* ``techniques``: the analyzer itself given those states (BiLSTM tagger, span features,
  classifier, cues, findings).

The overhead is ``backbone_with_states + techniques - backbone`` over ``backbone``.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ptc", type=Path, default=ROOT.parent / "shared" / "data" / "ptc")
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    import torch

    from unspin.analyzer import Context
    from unspin.nlp import SpacyBackbone
    from unspin.techniques.analyzer import TechniquesAnalyzer
    from unspin.techniques.ptc import article_document, load_corpus

    torch.set_num_threads(args.threads)
    ids = json.loads((ROOT / "training" / "techniques" / "gate.json").read_text())["articles"]
    wanted = set(ids[: args.articles])
    articles = [a for a in load_corpus(args.ptc).articles if a.id in wanted]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    backbone = SpacyBackbone()
    analyzer = TechniquesAnalyzer()
    parsed = backbone.parse_many(texts)
    sentences = [
        [t[s.start : s.end] for s in p.sentences] for t, p in zip(texts, parsed, strict=True)
    ]
    starts = [[s.start for s in p.sentences] for p in parsed]
    states = [
        backbone.token_states(s, o) for s, o in zip(sentences, starts, strict=True)
    ]  # warm-up
    contexts = [
        Context(article_document(a), p, (), st.embeddings, st)
        for a, p, st in zip(articles, parsed, states, strict=True)
    ]
    analyzer.run(contexts[0])

    parse = best(lambda: backbone.parse_many(texts), args.repeat)
    embed = best(lambda: [backbone.embed(s) for s in sentences], args.repeat)
    with_states = best(
        lambda: [backbone.token_states(s, o) for s, o in zip(sentences, starts, strict=True)],
        args.repeat,
    )
    heads = best(lambda: [analyzer.run(c) for c in contexts], args.repeat)
    backbone_s = parse + embed
    overhead = with_states - embed + heads
    result = {
        "articles": len(articles),
        "words": words,
        "threads": args.threads,
        "ms_per_1000_words": {
            "parse": round(parse * 1e6 / words),
            "embeddings": round(embed * 1e6 / words),
            "backbone": round(backbone_s * 1e6 / words),
            "token_states_pass": round(with_states * 1e6 / words),
            "techniques_analyzer": round(heads * 1e6 / words),
        },
        "added_share_of_backbone": round(overhead / backbone_s, 3),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
