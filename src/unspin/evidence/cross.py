"""The cross-encoder stance model: claim and passage read together by one MiniLM pass.

Unlike :mod:`unspin.evidence.stance` (a head over two separate sentence embeddings), the
pair is encoded jointly as ``[CLS] claim [SEP] passage [SEP]`` (token types 0 / 1, at most
:data:`MAX_PIECES` word pieces, the passage truncated), so attention sees a "not" or a
changed number in the claim against the passage. The shared MiniLM (all-MiniLM-L6-v2)
runs its embeddings and its lower layers unchanged (four for the shipped model); a
fine-tuned copy of the layers above them (an adapter in the sense of
:mod:`unspin.adapters`, ``adapter.npz``, whose ``first`` says where it starts: layer 5
for the shipped model) runs on their states; the pooled top states (the [CLS] state, the
mean states ``a`` of the claim's and ``b`` of the passage's pieces, ``a * b`` and
``|a - b|``) go to two linear heads (``heads.npz``):

* ``stance``: ``supports`` / ``refutes`` / ``not_enough_info`` (:data:`STANCES`), the head
  verdicts use;
* ``fnc``: agree / disagree / discuss / unrelated, used to score FNC-1 (relatedness).

Trained by ``training/stance/cross.py`` (or ``cross_gpu.py``) from ``../shared/data``; see
``artifacts/cross/MODEL_CARD.md``. Torch comes with the ``nlp`` extra and is imported
only when a model is loaded.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once
from unspin.errors import MissingExtraError, ModelError
from unspin.evidence.stance import STANCES

__all__ = [
    "DEFAULT_CROSS_MODEL",
    "FNC_LABELS",
    "MAX_PIECES",
    "CrossStance",
    "lower_states",
    "pair_batches",
    "pair_tokenizer",
    "pool",
]

log = logging.getLogger(__name__)

#: The shipped cross-encoder (adapter + heads + config.json).
DEFAULT_CROSS_MODEL = Path(__file__).resolve().parent / "artifacts" / "cross"
#: Word pieces of a pair, [CLS] and both [SEP] included.
MAX_PIECES = 128
#: Labels of the FNC-1 head, in output order.
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
#: Width of the pooled features the heads read (:func:`pool`).
POOLED = 5 * 384
#: Layers of the encoder run unchanged before the adapter, unless the adapter says
#: otherwise (it starts at layer ``config["first"]``).
LOWER_LAYERS = 4

_LOWER: Once[tuple[str, int], Any] = Once()
_MODELS: Once[str, CrossStance] = Once()


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
        raise MissingExtraError("torch", "nlp") from exc
    return torch


def _encoder_path(encoder_path: str | None) -> str:
    from unspin.nlp import default_embedding_path

    return encoder_path or default_embedding_path()


@dataclass(frozen=True)
class _Lower:
    """The encoder's tokenizer, embeddings and lower layers (shared, frozen)."""

    tokenizer: Any
    embeddings: Any
    layers: Any


def _lower(encoder_path: str, layers: int = LOWER_LAYERS) -> _Lower:
    def make() -> _Lower:
        from unspin.adapters import TopLayersModule
        from unspin.nlp import load_encoder

        encoder = load_encoder(encoder_path)
        stack = TopLayersModule.from_encoder(encoder, first=1)
        stack.layers = stack.layers[:layers]
        model = encoder[0].auto_model
        return _Lower(encoder.tokenizer, model.embeddings.eval(), stack.eval())

    lower: _Lower = _LOWER.get((encoder_path, layers), make)
    return lower


def pair_tokenizer(encoder_path: str | None = None) -> Any:
    """The shared encoder's word-piece tokenizer (loads the encoder once)."""
    return _lower(_encoder_path(encoder_path)).tokenizer


def pair_batches(
    tokenizer: Any,
    claims: Sequence[str],
    passages: Sequence[str],
    max_pieces: int = MAX_PIECES,
    batch_size: int = 32,
) -> list[tuple[list[int], dict[str, Any]]]:
    """Tokenised pairs in padded batches of similar length: ``(pair indices, tensors)``."""
    enc = tokenizer(list(claims), list(passages), truncation="longest_first", max_length=max_pieces)
    lengths = [len(ids) for ids in enc["input_ids"]]
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    torch = _torch()
    out = []
    for b in range(0, len(order), batch_size):
        rows = order[b : b + batch_size]
        width = lengths[rows[0]]
        ids = torch.zeros((len(rows), width), dtype=torch.long)
        types = torch.zeros((len(rows), width), dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for r, i in enumerate(rows):
            n = lengths[i]
            ids[r, :n] = torch.tensor(enc["input_ids"][i])
            types[r, :n] = torch.tensor(enc["token_type_ids"][i])
            mask[r, :n] = 1
        out.append((rows, {"input_ids": ids, "token_type_ids": types, "mask": mask}))
    return out


def lower_states(
    claims: Sequence[str],
    passages: Sequence[str],
    encoder_path: str | None = None,
    max_pieces: int = MAX_PIECES,
    batch_size: int = 32,
) -> list[NDArray[Any]]:
    """The layer-4 states of each jointly encoded pair (``(pieces, 384)`` float32 each)."""
    lower = _lower(_encoder_path(encoder_path))
    torch = _torch()
    out: list[NDArray[Any]] = [np.zeros((0, 0), np.float32)] * len(claims)
    with torch.inference_mode():
        for rows, t in pair_batches(lower.tokenizer, claims, passages, max_pieces, batch_size):
            x = lower.embeddings(input_ids=t["input_ids"], token_type_ids=t["token_type_ids"])
            h = lower.layers(x, t["mask"]).numpy()
            n = t["mask"].sum(dim=1).tolist()
            for r, i in enumerate(rows):
                out[i] = h[r, : n[r]]
    return out


def pool(states: Any, mask: Any, types: Any) -> Any:
    """Pooled features of a batch of pairs (torch tensors, ``(batch, 5 * 384)``): the [CLS]
    state, the mean state of the claim's pieces ``a`` and of the passage's ``b``, ``a * b``
    and ``|a - b|``."""
    torch = _torch()
    m = mask.to(states.dtype)
    t = types.to(states.dtype) * m

    def mean(w: Any) -> Any:
        return (states * w[:, :, None]).sum(dim=1) / w.sum(dim=1, keepdim=True).clamp(min=1.0)

    a, b = mean(m - t), mean(t)
    return torch.cat([states[:, 0], a, b, a * b, (a - b).abs()], dim=1)


def _softmax(z: NDArray[Any]) -> NDArray[Any]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: NDArray[Any] = e / e.sum(axis=1, keepdims=True)
    return out


@dataclass
class CrossStance:
    """The shipped cross-encoder: ``CrossStance.load().predict([(claim, passage), ...])``."""

    name: str
    path: Path
    encoder_path: str
    adapter: Any = field(repr=False)
    heads: dict[str, tuple[NDArray[Any], NDArray[Any]]] = field(repr=False)
    config: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: str | Path | None = None, encoder_path: str | None = None) -> CrossStance:
        """The model in ``path`` (default: the shipped one), read once per process."""
        folder = Path(path) if path is not None else DEFAULT_CROSS_MODEL
        enc = _encoder_path(encoder_path)
        key = f"{folder.resolve()}|{enc}"
        return _MODELS.get(key, lambda: cls._read(folder, enc))

    @classmethod
    def _read(cls, folder: Path, encoder_path: str) -> CrossStance:
        files = [folder / "config.json", folder / "adapter.npz", folder / "heads.npz"]
        missing = [f.name for f in files if not f.is_file()]
        if missing:
            raise ModelError(
                f"cross-encoder stance model incomplete in {str(folder)!r}: missing "
                + ", ".join(missing),
                hint="reinstall unspin, or rebuild it: training/stance/cross.py (see its "
                "MODEL_CARD.md)",
            )
        _torch()
        from unspin.adapters import TopLayersModule

        try:
            config = json.loads(files[0].read_text(encoding="utf-8"))
            adapter = TopLayersModule.read(files[1])
            with np.load(files[2]) as npz:
                heads = {
                    k: (
                        np.asarray(npz[f"{k}.weight"], np.float32),
                        np.asarray(npz[f"{k}.bias"], np.float32),
                    )
                    for k in ("stance", "fnc")
                }
            if tuple(config["labels"]) != STANCES:
                raise ValueError(f"labels {config['labels']} are not {list(STANCES)}")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load the cross-encoder in {str(folder)!r}: {exc}") from exc
        log.info("loaded cross-encoder stance model %s", folder)
        return cls(str(config["name"]), folder, encoder_path, adapter, heads, config)

    def pooled(self, pairs: Sequence[tuple[str, str]], batch_size: int = 32) -> NDArray[Any]:
        """The pooled adapted states of each pair (``(n, 1920)`` float32, see :func:`pool`)."""
        out = np.zeros((len(pairs), POOLED), np.float32)
        if not pairs:
            return out
        torch = _torch()
        lower = _lower(self.encoder_path, int(self.adapter.config["first"]) - 1)
        claims = [c for c, _ in pairs]
        passages = [p for _, p in pairs]
        max_pieces = int(self.config.get("max_pieces", MAX_PIECES))
        with torch.inference_mode():
            for rows, t in pair_batches(lower.tokenizer, claims, passages, max_pieces, batch_size):
                x = lower.embeddings(input_ids=t["input_ids"], token_type_ids=t["token_type_ids"])
                h = self.adapter(lower.layers(x, t["mask"]), t["mask"])
                out[rows] = pool(h, t["mask"], t["token_type_ids"]).numpy()
        return out

    def head_proba(self, pooled: NDArray[Any], head: str = "stance") -> NDArray[Any]:
        """Probabilities of one head (``stance`` or ``fnc``) from pooled states."""
        w, b = self.heads[head]
        return _softmax(np.asarray(pooled, np.float32) @ w.T + b)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> NDArray[Any]:
        """``(n, 3)`` probabilities of each (claim, passage) pair, columns :data:`STANCES`."""
        if not pairs:
            return np.zeros((0, len(STANCES)), np.float32)
        return self.head_proba(self.pooled(pairs), "stance")

    def predict_fnc(self, pairs: Sequence[tuple[str, str]]) -> NDArray[Any]:
        """``(n, 4)`` probabilities over :data:`FNC_LABELS` (headline, body text) pairs."""
        if not pairs:
            return np.zeros((0, len(FNC_LABELS)), np.float32)
        return self.head_proba(self.pooled(pairs), "fnc")
