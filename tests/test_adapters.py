"""Top-layer adapters: the written-out layers are MiniLM's, and shipped weights round-trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.adapters import INPUT_LAYER, TopLayers, TopLayersModule, segment_batches
from unspin.errors import ModelError
from unspin.nlp import Backbone, SpacyBackbone, default_embedding_path, load_encoder

TEXTS = [
    "The minister said on Tuesday that 40 people were arrested.",
    "Nobody knows.",
    "A sentence long enough to be cut into windows " * 40,
]


@pytest.mark.slow
def test_copied_layers_reproduce_the_pass_and_survive_a_round_trip(tmp_path: Path) -> None:
    # the float32 pass: the copied layers are float32 MiniLM's (the int8 encoder's own
    # layer 6 differs from them by its quantization, ~0.16 at most)
    backbone = SpacyBackbone(encoder="torch-fp32")
    starts = np.cumsum([0] + [len(t) + 1 for t in TEXTS[:-1]]).tolist()
    states = backbone.token_states(TEXTS, starts)
    assert len(states.segments) > len(TEXTS)  # the long sentence is windowed
    module = TopLayersModule.from_encoder(load_encoder(default_embedding_path()))
    path = tmp_path / "adapter.npz"
    module.save(path)
    adapted = TopLayers.load(path).run(states)
    top = states.layers[6].astype(np.float32)
    assert adapted.shape == top.shape
    # float16 inputs and weights: close to the encoder's own layer 6, not bit-equal
    assert np.abs(adapted - top).max() < 0.05
    assert TopLayers.load(path) is TopLayers.load(str(path))  # read once per path


def test_batches_pad_each_segment_and_mask_the_rest(fake_backbone: Backbone) -> None:
    states = fake_backbone.token_states(TEXTS[:2], [0, 60])
    seen: dict[int, int] = {}
    for batch, x, mask in segment_batches(states, batch_size=1):
        (s,) = batch
        first, last = (int(v) for v in states.segments[s])
        assert int(mask.sum()) == last - first and x.shape[1] == last - first
        np.testing.assert_array_equal(x[0], states.layers[INPUT_LAYER][first:last])
        seen[s] = last - first
    assert sorted(seen) == list(range(len(states.segments)))


def test_missing_weights_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"adapter weights not found: .*nowhere\.npz"):
        TopLayers.load(tmp_path / "nowhere.npz")
