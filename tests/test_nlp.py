from __future__ import annotations

import numpy as np
import pytest

from unspin.errors import ModelError
from unspin.nlp import Backbone, SpacyBackbone, TokenStates, for_parser, load_spacy


@pytest.mark.slow
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


@pytest.mark.slow
def test_blank_lines_always_end_a_sentence(backbone: Backbone) -> None:
    text = "Bridge row deepens\n\nThe city closed the bridge.\n\n> We will reopen it.\n> Soon."
    parsed = backbone.parse(text)
    assert [text[s.start : s.end] for s in parsed.sentences] == [
        "Bridge row deepens",
        "The city closed the bridge.",
        "> We will reopen it.",
        "> Soon.",
    ]


@pytest.mark.slow
def test_contractions_with_a_typographic_apostrophe_have_their_lemmas(backbone: Backbone) -> None:
    """The English model lemmatises "’s" as "’" (a claim's predicate was shown as "’")."""
    text = "He’s sure they’re right, I’m told, we’ve won and it isn’t over; Lund’s car left."
    got = [(t.text, t.lemma) for t in backbone.parse(text).tokens if "’" in t.text]
    assert got == [
        ("’s", "be"),
        ("’re", "be"),
        ("’m", "be"),
        ("’ve", "have"),
        ("n’t", "not"),
        ("’s", "’s"),  # the possessive stays
    ]


@pytest.mark.slow
def test_models_load_once() -> None:
    assert load_spacy("en_core_web_sm") is load_spacy("en_core_web_sm")


@pytest.mark.slow
def test_embeddings_are_normalised_and_meaningful(backbone: Backbone) -> None:
    vectors = backbone.embed(
        ["The bridge was closed.", "The bridge has been shut.", "Bananas are yellow."]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2
    assert backbone.embed([]).shape == (0, 384)


@pytest.mark.slow
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
    between = [text[s.start : s.end] for s in parsed.sentences_in(text.index("Kade"), 30)]
    assert between == ["Anna Berg met Tom Kade.", "Then Lars Vik left Oslo City."]
    assert [text[s.start : s.end] for s in parsed.sentences_in(len(text) - 2, len(text))] == [
        "End."
    ]
    assert parsed.sentences_in(len(text) + 1, len(text) + 9) == ()


def _states(backbone: Backbone, text: str) -> tuple[list[str], TokenStates]:
    parsed = backbone.parse(text)
    texts = [text[s.start : s.end] for s in parsed.sentences]
    return texts, backbone.token_states(texts, [s.start for s in parsed.sentences])


TEXT = "Officials said the bridge was closed!\n\nIt will reopen, they claim, on Friday."


@pytest.mark.slow
def test_token_states_keep_embeddings_and_offsets(backbone: Backbone) -> None:
    texts, states = _states(backbone, TEXT)
    n = len(states.starts)
    assert states.layers[4].shape == states.layers[6].shape == (n, 384)
    assert states.layers[6].dtype == np.float16
    # the same pass gives exactly the sentence embeddings of embed()
    assert np.allclose(states.embeddings, backbone.embed(texts), atol=1e-5)
    # one segment per sentence, [CLS] and [SEP] at its ends
    assert states.segments.tolist() == [[0, 9], [9, n]]
    assert states.starts[0] == states.starts[8] == states.starts[-1] == -1
    pieces = [TEXT[s:e] for s, e in zip(states.starts, states.ends, strict=True) if s >= 0]
    assert pieces[:7] == ["Officials", "said", "the", "bridge", "was", "closed", "!"]
    assert "".join(pieces[7:]) == "Itwillreopen,theyclaim,onFriday."
    assert [TEXT[states.starts[i] : states.ends[i]] for i in states.pieces_in(10, 18)] == [
        "said",
        "the",
    ]
    assert states.sentence.tolist() == [0] * 9 + [1] * (n - 9)


@pytest.mark.slow
def test_long_sentences_are_windowed_not_truncated(backbone: Backbone) -> None:
    text = "Short one. " + " ".join(["Alpha"] + ["alpha"] * 299) + " omega."
    texts, states = _states(backbone, text)
    assert len(texts) == 2
    assert states.segment_sentence.tolist() == [0, 1, 1]
    assert _text_of(text, states, -3) == "omega"  # the tail got states
    assert states.segments[1, 1] - states.segments[1, 0] == 256
    # the embedding of a windowed sentence is the truncated one, as before
    assert np.allclose(states.embeddings, backbone.embed(texts), atol=1e-5)


def _text_of(text: str, states: TokenStates, i: int) -> str:
    return text[states.starts[i] : states.ends[i]]


def test_fake_token_states_are_deterministic_and_shaped() -> None:
    from unspin.nlp import FakeBackbone

    texts, a = _states(FakeBackbone(), TEXT)
    _, b = _states(FakeBackbone(), TEXT)
    assert np.array_equal(a.layers[4], b.layers[4]) and a.layers[4].shape == (len(a.starts), 384)
    assert not np.array_equal(a.layers[4], a.layers[6])
    assert np.array_equal(a.embeddings, FakeBackbone().embed(texts))
    pieces = [(s, e) for s, e in zip(a.starts, a.ends, strict=True) if s >= 0]
    assert all(TEXT[s:e].strip() == TEXT[s:e] and e > s for s, e in pieces)
    assert FakeBackbone().token_states([], []).layers[6].shape == (0, 384)


@pytest.mark.slow
def test_the_parser_reads_an_apostrophe_inside_a_small_word_as_a_typewriter_one(
    backbone: Backbone,
) -> None:
    """The model took "’s" for a verb ("honoring people’s right to know, was ..."); the
    parse keeps the text's own characters, and one after a capitalised word is read as
    written ("St. Oswin’s" is no place)."""
    text = (
        "When he first put up the site, he wrote that the whole idea of openness, honoring "
        "people’s right to know, was the central aim of the website."
    )
    parsed = backbone.parse(text)
    assert parsed.text == text
    assert all(text[t.start : t.end] == t.text for t in parsed.tokens)
    s = next(t for t in parsed.tokens if t.text == "’s")
    assert (s.tag, s.lemma) == ("POS", "’s")
    wrote = next(t for t in parsed.tokens if t.text == "wrote")
    was = next(t for t in parsed.tokens if t.text == "was")
    assert was.head == wrote.i  # the clause's verb is "was", what was written
    assert for_parser("people’s and St. Oswin’s") == "people's and St. Oswin’s"
