"""Cache the MiniLM embeddings the stance model needs (run once, niced; about 15 minutes).

nice -n 19 .venv/bin/python training/stance/features.py
"""

from __future__ import annotations

import time

from common import embed_cached, load_climate_fever, load_fnc, split_sentences


def main() -> None:
    t0 = time.time()
    cf = load_climate_fever()
    embed_cached("cf-claims", cf.claims)
    embed_cached("cf-evidences", cf.evidences)
    n_claims, n_evidences = len(cf.claims), len(cf.evidences)
    print(f"climate-fever: {n_claims} claims, {n_evidences} evidences, {time.time() - t0:.0f}s")
    fnc = load_fnc()
    heads = sorted(set(fnc.headlines))
    embed_cached("fnc-headlines", heads)
    print(f"fnc headlines: {len(heads)}, {time.time() - t0:.0f}s")
    sents = sorted({s for body in fnc.bodies.values() for s in split_sentences(body)})
    embed_cached("fnc-sentences", sents, threads=2)
    print(f"fnc sentences: {len(sents)}, {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
