"""MinHash LSH candidates (datasketch) and fuzzy scores (rapidfuzz), imported lazily.

Both packages come with the ``corpus`` extra; a missing one raises
:class:`~unspin.errors.MissingExtraError` with the install hint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from unspin.corpus.words import parse_when
from unspin.errors import MissingExtraError

__all__ = ["BandHasher", "LshIndex", "fuzz", "shingles", "when_key"]


def fuzz() -> Any:
    """The ``rapidfuzz.fuzz`` module."""
    try:
        from rapidfuzz import fuzz as module
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise MissingExtraError("rapidfuzz", "corpus") from exc
    return module


def shingles(tokens: Sequence[str], sizes: Iterable[int]) -> set[str]:
    """Word n-grams of the given sizes (a text shorter than n gives itself)."""
    out: set[str] = set()
    for n in sizes:
        if len(tokens) < n:
            out.add(" ".join(tokens))
            continue
        out.update(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


class LshIndex:
    """Items added one at a time; each add returns the earlier items likely to be
    similar (estimated Jaccard of their shingle sets at or above ``threshold``)."""

    def __init__(self, threshold: float, num_perm: int = 128, seed: int = 1) -> None:
        try:
            from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]
        except ImportError as exc:  # pragma: no cover - exercised only without the extra
            raise MissingExtraError("datasketch", "corpus") from exc
        self._minhash = MinHash
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._num_perm = num_perm
        self._seed = seed

    def add(self, key: str, items: Iterable[str]) -> list[str]:
        """Insert ``key`` and return the keys already indexed that are candidates."""
        m = self._minhash(num_perm=self._num_perm, seed=self._seed)
        m.update_batch([s.encode("utf-8") for s in items])
        found = [str(k) for k in self._lsh.query(m)]
        self._lsh.insert(key, m)
        return found


class BandHasher:
    """The LSH band keys of a shingle set, for an index kept in a database table.

    The MinHash and the banding (``b`` bands of ``r`` rows, chosen by datasketch for
    ``threshold`` and ``num_perm``) are those of :class:`LshIndex`: two sets are
    candidates when they share a key. A key is ``"<band>:<12 hex digits>"``.
    """

    def __init__(self, threshold: float, num_perm: int = 128, seed: int = 1) -> None:
        try:
            from datasketch import MinHash, MinHashLSH
        except ImportError as exc:  # pragma: no cover - exercised only without the extra
            raise MissingExtraError("datasketch", "corpus") from exc
        self._minhash = MinHash
        self._ranges: list[tuple[int, int]] = list(
            MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges
        )
        self._num_perm = num_perm
        self._seed = seed

    def keys(self, items: Iterable[str]) -> tuple[str, ...]:
        m = self._minhash(num_perm=self._num_perm, seed=self._seed)
        m.update_batch([s.encode("utf-8") for s in items])
        values = m.hashvalues
        return tuple(
            f"{i}:{hashlib.blake2b(values[s:e].tobytes(), digest_size=6).hexdigest()}"
            for i, (s, e) in enumerate(self._ranges)
        )


@lru_cache(maxsize=4096)
def when_key(published: str | None) -> tuple[int, str]:
    """Sort key putting the earliest publication first and undated ones last."""
    w = parse_when(published)
    if w is None:
        return (1, "")
    if isinstance(w, datetime):
        return (0, w.isoformat())
    assert isinstance(w, date)
    return (0, w.isoformat())
