"""The sentence encoder's runtimes: int8 ONNX (built once into a cache) against PyTorch
float32, the ``[models] encoder`` switch, and stores that refuse another encoder."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from unspin import encoder as enc
from unspin.config import load_config
from unspin.errors import ConfigError, MissingExtraError, StoreMismatchError
from unspin.nlp import STATE_LAYERS, SpacyBackbone
from unspin.pipeline import backbone_for_encoder, encoder_name, make_backbone
from unspin.store import open_store

SENTENCES = [
    "The council voted on Tuesday to close two of the town's three libraries.",
    "Critics called the plan a betrayal of every family that relies on them.",
    "A spokeswoman said the savings would reach 1.2 million pounds a year.",
    "Nobody, she added, had proposed cutting opening hours instead.",
    "Rain.",
]
INT8 = "sentence-transformers:default@onnx-int8"
FP32 = "sentence-transformers:default@torch-fp32"


# -- the switch ------------------------------------------------------------------------


def test_config_chooses_the_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("UNSPIN_ENCODER", raising=False)
    assert load_config().encoder == ""  # the default: onnx-int8
    assert make_backbone(load_config()).encoder == "onnx-int8"  # type: ignore[attr-defined]
    config = load_config({"models": {"encoder": "torch-fp32", "encoder_cache": "/x"}})
    backbone = make_backbone(config)
    assert isinstance(backbone, SpacyBackbone)
    assert (backbone.encoder, backbone.encoder_cache) == ("torch-fp32", "/x")
    assert encoder_name(backbone) == FP32
    assert encoder_name(SpacyBackbone(encoder="onnx-int8")) == INT8
    monkeypatch.setenv("UNSPIN_ENCODER", "torch-fp32")
    assert SpacyBackbone().encoder == "torch-fp32"
    with pytest.raises(ConfigError, match="unknown sentence encoder 'int4'") as info:
        load_config({"models": {"encoder": "int4"}})
    assert "onnx-int8" in (info.value.hint or "")


def test_a_store_encoder_name_gives_its_backbone() -> None:
    for name in (INT8, FP32):
        backbone = backbone_for_encoder(name)
        assert encoder_name(backbone) == name
    # stores written before the runtime was in the name were embedded by PyTorch fp32
    legacy = backbone_for_encoder("sentence-transformers:default")
    assert encoder_name(legacy) == FP32
    assert encoder_name(backbone_for_encoder("sentence-transformers:/m@onnx-int8")) == (
        "sentence-transformers:/m@onnx-int8"
    )


def test_a_store_refuses_another_encoder_in_one_line(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        store.bind_encoder(FP32)
        store.bind_encoder(FP32)  # the same one: fine
        with pytest.raises(StoreMismatchError) as info:
            store.bind_encoder(INT8)
        err = info.value
        assert FP32 in err.message and INT8 in err.message
        assert "\n" not in err.message
        assert '[models] encoder = "torch-fp32"' in (err.hint or "")
        assert "new --db" in (err.hint or "")
    finally:
        store.close()


def test_a_legacy_store_name_reads_as_fp32(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    try:
        store.set_meta("encoder", "sentence-transformers:default")
        assert store.encoder == FP32
        store.bind_encoder(FP32)  # what embedded it: accepted
        with pytest.raises(StoreMismatchError, match="onnx-int8"):
            store.bind_encoder(INT8)
    finally:
        store.close()


def test_missing_onnxruntime_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(MissingExtraError) as info:
        enc.OnnxEncoder("/nowhere", STATE_LAYERS)
    assert info.value.hint == "pip install 'unspin[nlp]'"
    assert "onnxruntime" in info.value.message


# -- the build: once, under a lock, whole or not at all ---------------------------------


def _fake_model(folder: Path) -> Path:
    folder.mkdir()
    (folder / "config.json").write_text('{"hidden_size": 384}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"w" * 10)
    return folder


def test_build_runs_once_for_concurrent_callers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _fake_model(tmp_path / "model")
    exports: list[Path] = []
    gate = threading.Event()

    def export(path: Path, dest: Path, layers: object) -> None:
        exports.append(dest)
        gate.wait(5)  # hold the lock while the other caller arrives
        dest.write_bytes(b"fp32")

    monkeypatch.setattr(enc, "_export", export)
    monkeypatch.setattr(enc, "_quantize", lambda src, dest: dest.write_bytes(b"int8"))
    results: list[Path] = []
    threads = [
        threading.Thread(target=lambda: results.append(enc.build(model, (4, 6), tmp_path / "c")))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join(10)
    assert len(exports) == 1
    assert results[0] == results[1] == enc.built_path(model, (4, 6), tmp_path / "c")
    assert results[0].read_bytes() == b"int8"
    leftovers = [p.name for p in results[0].parent.iterdir() if p.name.startswith(".build")]
    assert leftovers == []
    # a changed model is built anew, under another name
    (model / "model.safetensors").write_bytes(b"v" * 11)
    assert enc.built_path(model, (4, 6), tmp_path / "c") != results[0]


def test_a_failed_build_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _fake_model(tmp_path / "model")

    def export(path: Path, dest: Path, layers: object) -> None:
        dest.write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(enc, "_export", export)
    with pytest.raises(OSError, match="disk full"):
        enc.build(model, (4, 6), tmp_path / "c")
    folder = tmp_path / "c" / "encoders"
    assert sorted(p.suffix for p in folder.iterdir()) == [".lock"]


def test_cache_root_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("UNSPIN_CACHE_DIR", str(tmp_path / "u"))
    assert enc.cache_root("/given") == Path("/given")
    assert enc.cache_root() == tmp_path / "u"
    monkeypatch.delenv("UNSPIN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert enc.cache_root() == tmp_path / "x" / "unspin"


# -- the real encoder: int8 against fp32 --------------------------------------------------


@pytest.fixture(scope="module")
def int8_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A cache of this test run's own, so the real export and quantization run here."""
    return str(tmp_path_factory.mktemp("encoder-cache"))


@pytest.mark.slow
def test_int8_agrees_with_fp32(int8_cache: str) -> None:
    fp32 = SpacyBackbone(encoder="torch-fp32")
    int8 = SpacyBackbone(encoder="onnx-int8", encoder_cache=int8_cache)
    a, b = fp32.embed(SENTENCES), int8.embed(SENTENCES)
    assert b.shape == (len(SENTENCES), 384) and b.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    cosine = (a * b).sum(1)
    assert cosine.min() >= 0.98, cosine
    text = " ".join(SENTENCES)
    starts = [text.index(s) for s in SENTENCES]
    sa, sb = fp32.token_states(SENTENCES, starts), int8.token_states(SENTENCES, starts)
    assert (sa.starts == sb.starts).all() and (sa.segments == sb.segments).all()
    np.testing.assert_allclose(sb.embeddings, b, atol=2e-3)  # one pass, same vectors
    for k in STATE_LAYERS:
        x, y = sa.layers[k].astype(np.float32), sb.layers[k].astype(np.float32)
        per_piece = (x * y).sum(1) / np.linalg.norm(x, axis=1) / np.linalg.norm(y, axis=1)
        assert per_piece.mean() >= 0.98 and per_piece.min() >= 0.9, (k, per_piece.min())
    built = list(Path(int8_cache, "encoders").glob("*-int8.onnx"))
    assert len(built) == 1 and built[0].stat().st_size < 30_000_000
    # a copy (own tokenizer, shared session) embeds the same
    path = int8.embeddings or enc.default_embedding_path()
    copy = enc.encoder_copy(path, "onnx-int8", int8_cache)
    assert copy.session is int8.sentence_encoder().session
    np.testing.assert_allclose(copy.embed(SENTENCES), b, atol=1e-6)


def test_prebuild_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    model = _fake_model(tmp_path / "model")
    monkeypatch.setattr(enc, "_export", lambda path, dest, layers: dest.write_bytes(b"fp32"))
    monkeypatch.setattr(enc, "_quantize", lambda src, dest: dest.write_bytes(b"int8"))
    assert enc.main(["--model", str(model), "--cache", str(tmp_path / "c")]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str(enc.built_path(model, STATE_LAYERS, tmp_path / "c"))
    assert enc.main(["--model", str(tmp_path / "none"), "--cache", str(tmp_path / "c")]) == 3
    assert "config.json missing" in capsys.readouterr().out
