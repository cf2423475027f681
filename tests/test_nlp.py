from __future__ import annotations

import numpy as np
import pytest

from unspin.errors import ModelError
from unspin.nlp import Backbone, SpacyBackbone, load_spacy


def test_parse_offsets_index_the_text(backbone: Backbone) -> None:
    text = "Ministry spokeswoman Maria Lund said on Monday that 62 people died.  It is sad."
    parsed = backbone.parse(text)
    for t in parsed.tokens:
        assert text[t.start : t.end] == t.text
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "Ministry spokeswoman Maria Lund said on Monday that 62 people died.",
        "It is sad.",
    ]
    assert ("Maria Lund", "PERSON") in [(e.text, e.label) for e in parsed.entities]
    said = next(t for t in parsed.tokens if t.text == "said")
    assert parsed.tokens[[t.text for t in parsed.tokens].index("Lund")].head == said.i


def test_blank_lines_always_end_a_sentence(backbone: Backbone) -> None:
    text = "Bridge row deepens\n\nThe city closed the bridge.\n\n> We will reopen it.\n> Soon."
    parsed = backbone.parse(text)
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "Bridge row deepens",
        "The city closed the bridge.",
        "> We will reopen it.",
        "> Soon.",
    ]


def test_models_load_once() -> None:
    assert load_spacy("en_core_web_sm") is load_spacy("en_core_web_sm")


def test_embeddings_are_normalised_and_meaningful(backbone: Backbone) -> None:
    vectors = backbone.embed(
        ["The bridge was closed.", "The bridge has been shut.", "Bananas are yellow."]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert backbone.embed([]).shape == (0, 384)


def test_a_missing_model_says_what_to_do() -> None:
    with pytest.raises(ModelError, match="cannot load spaCy model") as info:
        SpacyBackbone("no_such_model_xyz").parse("Text.")
    assert "pip install" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(ModelError, match="sentence encoder"):
        SpacyBackbone(embeddings="/nonexistent/encoder").embed(["Text."])


def test_lookups_by_offset() -> None:
    from unspin.nlp import FakeBackbone

    text = "Anna Berg met Tom Kade. Then Lars Vik left Oslo City. End."
    parsed = FakeBackbone().parse(text)
    assert [e.text for e in parsed.entities_in(0, 23)] == ["Anna Berg", "Tom Kade"]
    assert [e.text for e in parsed.entities_in(0, 12)] == ["Anna Berg"]
    sentence = parsed.sentence_of(text.index("Lars"))
    assert sentence is not None and text[sentence.start : sentence.end].endswith("Oslo City.")
    assert parsed.sentence_of(len(text) + 5) is None
    k = parsed.token_at(text.index("Kade") + 1)
    assert k is not None and parsed.tokens[k].text == "Kade"
    assert [t.text for t in parsed.tokens_in(14, 22)] == ["Tom", "Kade"]
