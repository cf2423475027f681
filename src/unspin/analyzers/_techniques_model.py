"""The trained heads of the ``techniques`` analyzer: a BiLSTM span tagger and a
logistic-regression technique classifier, loaded once per process from a folder holding
``config.json``, ``si_tagger.npz`` (float16 weights) and ``tc_head.npz``."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import MissingExtraError, ModelError
from unspin.nlp import TokenStates

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "techniques"
HIDDEN = 128


def build_tagger(input_dim: int) -> Any:
    """The SI tagger: dropout, a bidirectional LSTM (2x128), a linear layer to O/B/I."""
    import torch

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.drop = torch.nn.Dropout(0.2)
            self.rnn = torch.nn.LSTM(input_dim, HIDDEN, batch_first=True, bidirectional=True)
            self.out = torch.nn.Linear(2 * HIDDEN, 3)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            h, _ = self.rnn(self.drop(x))
            out: torch.Tensor = self.out(self.drop(h))
            return out

    return Tagger()


@dataclass
class TechniquesModel:
    """Both heads and their configuration."""

    config: dict[str, Any]
    tagger: Any
    coef: np.ndarray
    intercept: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    classes: tuple[str, ...]
    path: Path

    @classmethod
    def load(cls, path: Path) -> TechniquesModel:
        try:
            import torch
        except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
            raise MissingExtraError("torch", "nlp") from exc
        try:
            config = json.loads((path / "config.json").read_text())
            weights = np.load(path / "si_tagger.npz")
            tc = np.load(path / "tc_head.npz")
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"cannot load the techniques model at {str(path)!r}: {exc}",
                hint="set [analyzers.techniques] model to a folder written by "
                "training/techniques/train.py",
            ) from exc
        tagger = build_tagger(int(config["si"]["input_dim"]))
        tagger.load_state_dict(
            {k: torch.from_numpy(weights[k].astype(np.float32)) for k in weights.files}
        )
        tagger.eval()
        return cls(
            config,
            tagger,
            tc["coef"].astype(np.float32),
            tc["intercept"].astype(np.float32),
            tc["mean"].astype(np.float32),
            tc["scale"].astype(np.float32),
            tuple(str(c) for c in tc["classes"]),
            path,
        )

    def inside_probability(self, states: TokenStates, inputs: np.ndarray) -> np.ndarray:
        """P(inside a span) = P(B) + P(I) per word piece, each segment tagged on its own."""
        import torch
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

        p_in = np.zeros(len(inputs), np.float32)
        segs = states.segments.tolist()
        if not segs:
            return p_in
        with torch.inference_mode():
            for b in range(0, len(segs), 64):
                batch = segs[b : b + 64]
                lengths = [e - s for s, e in batch]
                x = torch.zeros((len(batch), max(lengths), inputs.shape[1]))
                for r, (s, e) in enumerate(batch):
                    x[r, : e - s] = torch.from_numpy(inputs[s:e])
                packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                h, _ = self.tagger.rnn(packed)
                h, _ = pad_packed_sequence(h, batch_first=True)
                probs = torch.softmax(self.tagger.out(h), -1).numpy()
                for r, (s, e) in enumerate(batch):
                    p_in[s:e] = probs[r, : e - s, 1] + probs[r, : e - s, 2]
        return p_in

    def technique_probabilities(self, features: np.ndarray) -> np.ndarray:
        """Softmax of the logistic regression over standardised span features."""
        if not len(features):
            return np.zeros((0, len(self.classes)), np.float32)
        z = ((features - self.mean) / self.scale) @ self.coef.T + self.intercept
        z -= z.max(1, keepdims=True)
        e = np.exp(z)
        out: np.ndarray = e / e.sum(1, keepdims=True)
        return out


_LOCK = threading.Lock()
_CACHE: dict[Path, TechniquesModel] = {}


def load_model(path: Path | None = None) -> TechniquesModel:
    """The model in ``path`` (default: the shipped one), loaded once per process."""
    key = (path or DEFAULT_DIR).resolve()
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = TechniquesModel.load(key)
        return _CACHE[key]
