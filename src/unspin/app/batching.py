"""Query embeddings of concurrent searches made together.

A server answering many semantic searches at once embeds each query with the sentence
encoder; on a CPU one forward pass over eight short queries costs little more than over
one, while eight passes cost eight times as much. :class:`QueryBatcher` lets the requests
that arrive within a few milliseconds of each other share one pass: the first caller
waits :attr:`QueryBatcher.window` seconds for others, embeds every waiting query (at most
``max_batch``) and hands each caller its vector; callers arriving meanwhile wait for the
next pass. :class:`BatchedBackbone` is the real backbone with its one-text ``embed``
going through a batcher (an encoder's output does not depend on the batch beyond
floating-point noise, so search results are the same). It embeds with its own copy of
the sentence encoder (:func:`unspin.nlp.encoder_copy`: the ONNX session shared, or
about 90 MB of PyTorch model), used by one pass at a time: a Hugging Face fast
tokenizer is not safe to call from two threads at once, and the pipeline's copy is busy
on the analysis worker.
"""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.nlp import SpacyBackbone, default_embedding_path, encoder_copy

__all__ = ["BatchedBackbone", "QueryBatcher"]

Embed = Callable[[Sequence[str]], NDArray[Any]]


class QueryBatcher:
    """Embeds the texts of concurrent callers in shared passes (see the module)."""

    def __init__(self, embed: Embed, *, window: float = 0.004, max_batch: int = 32) -> None:
        self._embed = embed
        self.window = window
        self.max_batch = max_batch
        self._cond = threading.Condition()
        self._pending: list[tuple[str, concurrent.futures.Future[NDArray[Any]]]] = []
        self._running = False
        self.passes = 0

    def embed_one(self, text: str) -> NDArray[Any]:
        """The embedding of ``text``, made in a pass shared with concurrent callers."""
        future: concurrent.futures.Future[NDArray[Any]] = concurrent.futures.Future()
        with self._cond:
            self._pending.append((text, future))
        while not future.done():
            with self._cond:
                if future.done():
                    break
                if self._running:  # another caller is embedding: wait for its pass
                    self._cond.wait(0.05)
                    continue
                self._running = True
            self._lead()
        return future.result()

    def _lead(self) -> None:
        try:
            time.sleep(self.window)  # let the queries of concurrent requests join
            with self._cond:
                batch = self._pending[: self.max_batch]
                del self._pending[: self.max_batch]
            if batch:
                try:
                    vectors = self._embed([text for text, _ in batch])
                except BaseException as exc:
                    for _, future in batch:
                        future.set_exception(exc)
                else:
                    for (_, future), vector in zip(batch, vectors, strict=True):
                        future.set_result(vector)
                    self.passes += 1
        finally:
            with self._cond:
                self._running = False
                self._cond.notify_all()


class BatchedBackbone(SpacyBackbone):
    """The real backbone whose one-query embeddings share passes (:class:`QueryBatcher`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # SpacyBackbone's
        super().__init__(*args, **kwargs)
        self.batcher = QueryBatcher(self._embed_own)
        self._encoder: Any = None
        self._loading = threading.Lock()

    def embed(self, texts: Sequence[str]) -> NDArray[Any]:
        if len(texts) != 1:
            return super().embed(texts)
        vector = self.batcher.embed_one(texts[0])
        return np.asarray(vector, dtype=np.float32)[None, :]

    def _embed_own(self, texts: Sequence[str]) -> NDArray[Any]:
        """Embed with this backbone's own encoder (one batcher pass at a time)."""
        return np.asarray(self._own_encoder().embed(texts), dtype=np.float32)

    def _own_encoder(self) -> Any:
        with self._loading:
            if self._encoder is None:
                path = self.embeddings or default_embedding_path()
                self._encoder = encoder_copy(path, self.encoder, self.encoder_cache)
            return self._encoder
