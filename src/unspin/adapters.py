"""Task adapters on the backbone's one sentence pass: fine-tuned copies of MiniLM's top layers.

The backbone's sentence pass keeps the layer-4 word-piece states of every sentence
(:attr:`unspin.nlp.TokenStates.layers`). An adapter is a copy of the encoder's layers
5..6, fine-tuned for one task, run on those states: a task gets adapted states without a
second full encoder pass (two of six layers: about a third of the encoder's cost). The
layers are written out here (self-attention, feed-forward, post-LayerNorm, exact GELU, as
in BERT) so that training scripts and analyzers share one implementation and the shipped
weights are plain arrays (``.npz``, float16), read without any model hub. This module
imports torch: import it only where an adapter runs.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import torch
from numpy.typing import NDArray
from torch import nn

from unspin.cache import Once, per_path
from unspin.errors import ModelError
from unspin.nlp import EMBEDDING_DIM, TokenStates
from unspin.threads import one_torch_thread

__all__ = ["INPUT_LAYER", "TopLayers", "TopLayersModule", "segment_batches"]

log = logging.getLogger(__name__)

#: The pass layer an adapter reads (a key of ``TokenStates.layers``).
INPUT_LAYER = 4
_FIELDS = (
    "query.weight",
    "query.bias",
    "key.weight",
    "key.bias",
    "value.weight",
    "value.bias",
    "attn_out.weight",
    "attn_out.bias",
    "attn_norm.weight",
    "attn_norm.bias",
    "ff_in.weight",
    "ff_in.bias",
    "ff_out.weight",
    "ff_out.bias",
    "ff_norm.weight",
    "ff_norm.bias",
)
#: Our field name -> the name in a Hugging Face ``BertModel`` layer's state dict.
_HF_NAMES = dict(
    zip(
        _FIELDS,
        [f"attention.self.{k}.{p}" for k in ("query", "key", "value") for p in ("weight", "bias")]
        + [f"attention.output.dense.{p}" for p in ("weight", "bias")]
        + [f"attention.output.LayerNorm.{p}" for p in ("weight", "bias")]
        + [f"intermediate.dense.{p}" for p in ("weight", "bias")]
        + [f"output.dense.{p}" for p in ("weight", "bias")]
        + [f"output.LayerNorm.{p}" for p in ("weight", "bias")],
        strict=True,
    )
)
_LOADED: Once[str, TopLayers] = Once()


class _Layer(nn.Module):
    """One BERT layer: self-attention and feed-forward, each with a residual and LayerNorm."""

    def __init__(self, width: int, heads: int, inner: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.query = nn.Linear(width, width)
        self.key = nn.Linear(width, width)
        self.value = nn.Linear(width, width)
        self.attn_out = nn.Linear(width, width)
        self.attn_norm = nn.LayerNorm(width, eps=eps)
        self.ff_in = nn.Linear(width, inner)
        self.ff_out = nn.Linear(inner, width)
        self.ff_norm = nn.LayerNorm(width, eps=eps)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, w, d = x.shape
        h = self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, w, h, d // h).transpose(1, 2)

        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d // h) + bias
        ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, w, d)
        x = self.attn_norm(x + self.attn_out(ctx))
        out: torch.Tensor = self.ff_norm(x + self.ff_out(nn.functional.gelu(self.ff_in(x))))
        return out


class TopLayersModule(nn.Module):
    """BERT layers ``first..6`` (hidden-state numbering: layer 5 reads layer 4's states).

    ``TopLayersModule.from_encoder(encoder)`` copies them from a loaded MiniLM to start
    fine-tuning; ``module(x, mask)`` maps ``(batch, width, 384)`` states and a
    ``(batch, width)`` mask (1 = real piece) to the top layer's states; ``save`` and
    ``read`` write and read the ``.npz`` shipped with a feature."""

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__()
        self.config = dict(config)
        self.layers = nn.ModuleList(
            _Layer(config["width"], config["heads"], config["inner"], config["eps"])
            for _ in range(config["count"])
        )

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bias = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, bias)
        return x

    @classmethod
    def from_encoder(cls, encoder: Any, first: int = INPUT_LAYER + 1) -> TopLayersModule:
        """Copy layers ``first..6`` of a loaded sentence-transformers MiniLM."""
        model = encoder[0].auto_model
        cfg = model.config
        count = cfg.num_hidden_layers - first + 1
        stack = cls(
            {
                "first": first,
                "count": count,
                "width": cfg.hidden_size,
                "heads": cfg.num_attention_heads,
                "inner": cfg.intermediate_size,
                "eps": cfg.layer_norm_eps,
            }
        )
        state = model.state_dict()
        stack.load_state_dict(
            {
                f"layers.{i}.{f}": state[f"encoder.layer.{first - 1 + i}.{_HF_NAMES[f]}"]
                for i in range(count)
                for f in _FIELDS
            }
        )
        return stack

    def save(self, path: Path | str) -> None:
        """Write the weights (float16) and the config to ``path`` (``.npz``)."""
        arrays = {
            k: v.detach().cpu().numpy().astype(np.float16) for k, v in self.state_dict().items()
        }
        np.savez_compressed(path, config=np.array(json.dumps(self.config)), **arrays)

    @classmethod
    def read(cls, path: Path | str) -> TopLayersModule:
        """The module saved at ``path``, in evaluation mode."""
        with np.load(path) as data:
            stack = cls(json.loads(str(data["config"])))
            weights = {
                k: torch.from_numpy(data[k].astype(np.float32)) for k in data.files if k != "config"
            }
        stack.load_state_dict(weights)
        return stack.eval()


def segment_batches(
    states: TokenStates, batch_size: int = 32
) -> Iterator[tuple[list[int], NDArray[Any], NDArray[Any]]]:
    """Padded batches of the pass's layer-4 segments, longest first:
    ``(segment indices, x (batch, width, 384) float32, mask (batch, width) int64)``."""
    layer = states.layers[INPUT_LAYER]
    lengths = states.segments[:, 1] - states.segments[:, 0]
    order = sorted(range(len(lengths)), key=lambda i: -int(lengths[i]))
    for b in range(0, len(order), batch_size):
        batch = order[b : b + batch_size]
        width = int(lengths[batch[0]])
        x = np.zeros((len(batch), width, layer.shape[1]), np.float32)
        mask = np.zeros((len(batch), width), np.int64)
        for r, s in enumerate(batch):
            first, last = (int(v) for v in states.segments[s])
            x[r, : last - first] = layer[first:last]
            mask[r, : last - first] = 1
        yield batch, x, mask


class TopLayers:
    """A shipped adapter, for inference: ``TopLayers.load(path).run(states)``."""

    def __init__(self, module: TopLayersModule, path: Path) -> None:
        self.module = module
        self.path = path

    @classmethod
    def load(cls, path: Path | str) -> TopLayers:
        """The adapter at ``path`` (``.npz``), read once per process."""

        def read(p: Path) -> TopLayers:
            if not p.is_file():
                raise ModelError(f"adapter weights not found: {p}; reinstall unspin")
            log.info("loaded adapter %s", p)
            return cls(TopLayersModule.read(p), p)

        return per_path(_LOADED, path, read)

    def run(self, states: TokenStates, batch_size: int = 32) -> NDArray[Any]:
        """The adapted top-layer state of every piece of ``states`` (``(n, 384)`` float32,
        in the order of ``states.starts``)."""
        out = np.zeros((len(states.starts), EMBEDDING_DIM), np.float32)
        if INPUT_LAYER not in states.layers or not len(states.starts):
            return out
        with torch.inference_mode(), one_torch_thread():
            for batch, x, mask in segment_batches(states, batch_size):
                y = self.module(torch.from_numpy(x), torch.from_numpy(mask)).numpy()
                for r, s in enumerate(batch):
                    first, last = (int(v) for v in states.segments[s])
                    out[first:last] = y[r, : last - first]
        return out
