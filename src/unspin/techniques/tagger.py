"""The trained heads of the ``techniques`` analyzer: an ensemble of BiLSTM span taggers
and the technique classifier (:class:`unspin.techniques.head.TechniqueHead`), loaded once
per process from a folder holding ``config.json``, the taggers' float16 weights
(``si_tagger*.npz``, some reading a PCA projection of their input stored in
``si_pca.npz``) and ``tc_head.npz``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once
from unspin.errors import MissingExtraError, ModelError
from unspin.nlp import TokenStates
from unspin.techniques.head import TechniqueHead
from unspin.threads import one_torch_thread

DEFAULT_DIR = Path(__file__).resolve().parent / "artifacts"
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


@dataclass(frozen=True)
class TaggerMember:
    """One tagger of the SI ensemble and the projection of its input, if any:
    ``((x - mean) / std) @ W``."""

    tagger: Any
    projection: tuple[NDArray[Any], NDArray[Any], NDArray[Any]] | None = None

    def inputs(self, x: NDArray[Any]) -> NDArray[Any]:
        if self.projection is None:
            return x
        mean, std, w = self.projection
        out: NDArray[Any] = ((x - mean) / std) @ w
        return out.astype(np.float32)


def _load_members(path: Path, si: dict[str, Any]) -> tuple[TaggerMember, ...]:
    """The taggers named in ``config["si"]["members"]`` (one ``si_tagger.npz`` if none)."""
    import torch

    specs = si.get("members") or [{"weights": "si_tagger.npz", "projection": None}]
    projections: dict[str, tuple[NDArray[Any], NDArray[Any], NDArray[Any]]] = {}
    members = []
    for spec in specs:
        weights = np.load(path / spec["weights"])
        projection = None
        if spec.get("projection"):  # one shared (same object) per file: projected once
            name = str(spec["projection"])
            if name not in projections:
                z = np.load(path / name)
                mean, std, w = (z[k].astype(np.float32) for k in ("mean", "std", "w"))
                projections[name] = (mean, std, w)
            projection = projections[name]
        dim = projection[2].shape[1] if projection else int(si["input_dim"])
        tagger = build_tagger(dim)
        tagger.load_state_dict(
            {k: torch.from_numpy(weights[k].astype(np.float32)) for k in weights.files}
        )
        tagger.eval()
        members.append(TaggerMember(tagger, projection))
    return tuple(members)


@dataclass
class TechniquesModel:
    """Both heads and their configuration."""

    config: dict[str, Any]
    taggers: tuple[TaggerMember, ...]
    head: TechniqueHead
    path: Path

    @property
    def classes(self) -> tuple[str, ...]:
        """The techniques of :meth:`technique_probabilities`' columns, in order."""
        return self.head.classes

    @classmethod
    def load(cls, path: Path) -> TechniquesModel:
        try:
            import torch  # noqa: F401  (checked here for the hint; used by the taggers)
        except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
            raise MissingExtraError("torch", "nlp") from exc
        try:
            config = json.loads((path / "config.json").read_text())
            taggers = _load_members(path, config["si"])
            with np.load(path / "tc_head.npz") as z:
                head = TechniqueHead({k: z[k] for k in z.files})
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"cannot load the techniques model at {str(path)!r}: {exc}",
                hint="set [analyzers.techniques] model to a folder written by "
                "training/techniques/train.py",
            ) from exc
        return cls(config, taggers, head, path)

    def inside_probability(self, states: TokenStates, inputs: NDArray[Any]) -> NDArray[Any]:
        """P(inside a span) = P(B) + P(I) per word piece, averaged over the ensemble's
        taggers; each segment tagged on its own."""
        p_in = np.zeros(len(inputs), np.float32)
        if not len(states.segments) or not self.taggers:
            return p_in
        projected: dict[int, NDArray[Any]] = {}  # members sharing a projection share its result
        for member in self.taggers:
            key = id(member.projection)
            if key not in projected:
                projected[key] = member.inputs(inputs)
            p_in += tag_pieces(member.tagger, states, projected[key])
        return p_in / len(self.taggers)

    def technique_probabilities(
        self, features: NDArray[Any], texts: Sequence[str] = ()
    ) -> NDArray[Any]:
        """Technique probabilities of spans from their dense ``features`` and ``texts``
        (:meth:`TechniqueHead.probabilities`)."""
        return self.head.probabilities(features, texts)


def tag_pieces(tagger: Any, states: TokenStates, inputs: NDArray[Any]) -> NDArray[Any]:
    """One tagger's P(B) + P(I) per piece, segments batched and packed."""
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    p_in = np.zeros(len(inputs), np.float32)
    segs = states.segments.tolist()
    with torch.inference_mode(), one_torch_thread():
        for b in range(0, len(segs), 64):
            batch = segs[b : b + 64]
            lengths = [e - s for s, e in batch]
            x = torch.zeros((len(batch), max(lengths), inputs.shape[1]))
            for r, (s, e) in enumerate(batch):
                x[r, : e - s] = torch.from_numpy(inputs[s:e])
            packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = tagger.rnn(packed)
            h, _ = pad_packed_sequence(h, batch_first=True)
            probs = torch.softmax(tagger.out(h), -1).numpy()
            for r, (s, e) in enumerate(batch):
                p_in[s:e] = probs[r, : e - s, 1] + probs[r, : e - s, 2]
    return p_in


_MODELS: Once[Path, TechniquesModel] = Once()


def load_model(path: Path | None = None) -> TechniquesModel:
    """The model in ``path`` (default: the shipped one), loaded once per process."""
    key = (path or DEFAULT_DIR).resolve()
    return _MODELS.get(key, lambda: TechniquesModel.load(key))
