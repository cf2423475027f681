"""Encoders the matcher may use beside the backbone's: a query encoder with a LoRA adapter
(experimental, off by default) and the frozen MiniLM word-piece encoder of the late stage."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import ModelError, UnspinError
from unspin.factchecks.candidate import Embedder
from unspin.factchecks.ranker import Pieces

__all__ = ["PieceEncoder", "QueryEncoder", "is_default_minilm", "piece_encoder", "query_encoder"]

log = logging.getLogger(__name__)

# ----------------------------------------------------------------------------------------
# the query encoder


class QueryEncoder:
    """MiniLM with the matcher's low-rank adapter: embeds the *queries* (claim sentences).

    The adapter (``encoder_lora.npz``: float16 matrices ``A`` (r x in) and ``B``
    (out x r) per adapted linear layer, and a JSON ``meta``) was trained so that a claim
    embedded by the adapted encoder lands near the fact-checks that review it as the
    *unchanged* MiniLM embeds them: reviewed claims and headlines (in files and stores)
    keep the backbone's embeddings; only the claims being matched are encoded again, by a
    private copy of the installed MiniLM whose weights get ``W + (alpha / r) B A``.
    Loaded on first use; :class:`ModelError` if the adapter or MiniLM is missing.
    """

    def __init__(self, adapter: Path | str, encoder_path: str | None = None) -> None:
        self.adapter = Path(adapter)
        self.encoder_path = encoder_path
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"all-MiniLM-L6-v2+{self.adapter.stem}"

    def __call__(self, texts: Sequence[str]) -> NDArray[Any]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = self._build()
            return self._model

    def _build(self) -> Any:
        import copy

        from unspin.nlp import default_embedding_path, load_encoder

        try:
            with np.load(self.adapter) as npz:
                meta = json.loads(str(npz["meta"]))
                deltas = {k: npz[k].astype(np.float32) for k in npz.files if k != "meta"}
            scale = float(meta["alpha"]) / float(meta["rank"])
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"cannot load the fact-check query adapter {str(self.adapter)!r}: {exc}",
                hint="reinstall unspin, or retrain it with training/factchecks/encoder_lora.py fit",
            ) from exc
        import torch

        model = copy.deepcopy(load_encoder(self.encoder_path or default_embedding_path()))
        bert = model[0].auto_model
        with torch.no_grad():
            for key, a in deltas.items():
                if not key.endswith(".A"):
                    continue
                layer, target = key[: -len(".A")].split(".", 1)
                b = deltas[key[:-1] + "B"]
                linear = bert.encoder.layer[int(layer.removeprefix("layer"))].get_submodule(target)
                linear.weight += torch.from_numpy(scale * (b @ a))
        log.info("loaded the fact-check query adapter %s", self.adapter)
        return model


class PieceEncoder:
    """Word-piece output states of the installed MiniLM (the backbone's encoder, frozen),
    for the late-interaction features: one pass per text, [CLS]/[SEP] dropped, each state
    L2-normalised; the last ``cache_size`` texts are kept (fact-checks come back as
    candidates for many sentences). Loaded on first use."""

    #: Word pieces kept per text (MiniLM's window, less [CLS] and [SEP]).
    MAX_PIECES = 254

    def __init__(
        self, encoder_path: str | None = None, cache_size: int = 4096, layer: int = 6
    ) -> None:
        self.encoder_path = encoder_path
        self.cache_size = cache_size
        self.layer = layer  # 6: the output; lower: an inner layer's states (experiments)
        self._cache: dict[str, Pieces] = {}
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> list[Pieces]:
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if todo:
                for text, pieces in zip(todo, self._encode(todo), strict=True):
                    self._cache[text] = pieces
            out = [self._cache[t] for t in texts]
            for t in texts:  # most recently used last
                self._cache[t] = self._cache.pop(t)
            while len(self._cache) > self.cache_size:
                self._cache.pop(next(iter(self._cache)))
            return out

    def _encode(self, texts: Sequence[str]) -> list[Pieces]:
        import torch

        from unspin.nlp import default_embedding_path, forward_pieces, load_encoder

        encoder = load_encoder(self.encoder_path or default_embedding_path())
        tok = encoder.tokenizer
        ids = [
            tok(t.strip(), add_special_tokens=False)["input_ids"][: self.MAX_PIECES] for t in texts
        ]
        out: list[Pieces] = [(np.zeros((0, 384), np.float32), np.zeros(0, np.int64))] * len(ids)
        kept = [i for i in range(len(ids)) if ids[i]]
        for batch, hidden, _ in forward_pieces(encoder, [ids[i] for i in kept], (self.layer,)):
            states = torch.nn.functional.normalize(hidden[self.layer], dim=-1).numpy()
            for r, j in enumerate(batch):
                i = kept[j]
                out[i] = (states[r, 1 : 1 + len(ids[i])].copy(), np.asarray(ids[i], np.int64))
        return out


@lru_cache(maxsize=1)
def piece_encoder() -> PieceEncoder:
    """The process's (lazily loaded) piece encoder over the installed MiniLM."""
    return PieceEncoder()


@lru_cache(maxsize=4)
def query_encoder(adapter: Path) -> QueryEncoder:
    """One (lazily loaded) query encoder per adapter file and process."""
    return QueryEncoder(adapter)


def is_default_minilm(embed: Embedder | None) -> bool:
    """Whether ``embed`` is the bound ``embed`` of a spaCy + installed-MiniLM backbone
    (the encoder the query adapter was trained against)."""
    from unspin.nlp import SpacyBackbone, default_embedding_path

    owner = getattr(embed, "__self__", None)
    if not isinstance(owner, SpacyBackbone):
        return False
    if owner.embeddings is None:
        return True
    try:
        return Path(owner.embeddings).resolve() == Path(default_embedding_path()).resolve()
    except UnspinError:
        return False
