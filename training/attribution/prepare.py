"""Turn the ``encode.py`` cache into training records (not shipped; imported by train.py).

Per text: the spaCy parse, the rules' extraction (:func:`findings_extraction` of the
cached findings), the hand features, the windows, the gold tags (first annotator file),
the owner token of every word piece, and two piece-state arrays (float16):

- ``h5``: MiniLM's layer 5 run on the pass's layer-4 states (the adapter's first layer,
  kept frozen while its layer 6 is fine-tuned, so it is computed once here);
- ``frozen``: the pass's own layer-6 states pooled per token (the frozen baseline).

Records are pickled to ``<work>/prep/<split>/<name>.pkl``; a text already prepared is
skipped.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROLES_TAGGED = ("source", "cue", "content")


def gold_tags(doc: Any, parsed: Any) -> np.ndarray:
    """O=0, then B/I per role in ``ROLES_TAGGED`` order (source wins over cue over
    content). Only the first piece of a discontinuous span opens with B: its later pieces
    are I, so the tagger learns continuations."""
    toks = parsed.tokens
    tags = np.zeros(len(toks), np.int64)
    starts = np.array([t.start for t in toks])
    for r in reversed(range(len(ROLES_TAGGED))):
        for span in doc.spans[ROLES_TAGGED[r]]:
            first = True
            for a, b in span.pieces:
                lo = max(0, int(np.searchsorted(starts, a, side="right")) - 1)
                for k in range(lo, len(toks)):
                    if toks[k].start >= b:
                        break
                    if toks[k].end > a:
                        tags[k] = 1 + 2 * r + (0 if first else 1)
                        first = False
    return tags


def prepare_split(cache: Path, polnear: Path, split: str, work: Path) -> list[str]:
    """Prepare every cached text of ``split``; returns the names prepared (sorted)."""
    import torch

    from unspin.adapters import TopLayersModule
    from unspin.model import Finding
    from unspin.nlp import default_embedding_path, load_encoder
    from unspin.sources.learned import hand_features, piece_owners, pool_pieces, windows
    from unspin.sources.polnear import findings_extraction, load_split

    out_dir = work / "prep" / split
    out_dir.mkdir(parents=True, exist_ok=True)
    names = sorted(p.stem for p in (cache / split).glob("*.pkl"))
    todo = [n for n in names if not (out_dir / f"{n}.pkl").exists()]
    if not todo:
        return names
    docs = {d.name: d for d in load_split(polnear, split, todo)}
    layer5 = TopLayersModule.from_encoder(load_encoder(default_embedding_path())).layers[0]
    layer5.eval()
    started = time.perf_counter()
    for k, name in enumerate(todo):
        with (cache / split / f"{name}.pkl").open("rb") as fh:
            rec = pickle.load(fh)
        text, parsed, states = rec["text"], rec["parsed"], rec["states"]
        rules = findings_extraction(text, [Finding.from_dict(f) for f in rec["findings"]])
        owner = piece_owners(parsed, states.starts)
        h5 = np.zeros((len(states.starts), 384), np.float16)
        x4 = states.layers[4]
        with torch.inference_mode():
            for first, last in states.segments:
                x = torch.from_numpy(x4[first:last].astype(np.float32))[None]
                bias = torch.zeros(1, 1, 1, last - first)
                h5[first:last] = layer5(x, bias)[0].numpy().astype(np.float16)
        record = {
            "name": name,
            "text": text,
            "parsed": parsed,
            "rules": rules,
            "hand": hand_features(text, parsed, rules).astype(np.uint8),
            "windows": windows(text, parsed),
            "tags": gold_tags(docs[name], parsed),
            "owner": owner,
            "segments": np.asarray(states.segments, np.int64),
            "h5": h5,
            "frozen": pool_pieces(len(parsed.tokens), owner, states.layers[6]).astype(np.float16),
        }
        tmp = out_dir / f"{name}.pkl.tmp"
        tmp.write_bytes(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(out_dir / f"{name}.pkl")
        if (k + 1) % 50 == 0:
            print(
                f"prepared {split} {k + 1}/{len(todo)} {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
                flush=True,
            )
    return names


def load_prepared(work: Path, split: str, names: list[str]) -> list[dict[str, Any]]:
    out = []
    for name in names:
        with (work / "prep" / split / f"{name}.pkl").open("rb") as fh:
            out.append(pickle.load(fh))
    return out
