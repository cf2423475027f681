"""What the techniques analyzer shows: snapped boundaries, merged overlaps, the threshold."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from unspin.nlp import FakeBackbone, Parsed, Sentence, Token
from unspin.techniques.analyzer import TechniqueSpan, in_quotes, snapped
from unspin.techniques.spans import merge_same, quote_marks, quote_parts, select, snap


def _parsed(text: str, rows: list[tuple[str, str, str, int]]) -> Parsed:
    """Tokens from ``(text, pos, dep, head)`` rows, found left to right in ``text``; one
    sentence per ``.``-token."""
    tokens, at = [], 0
    for i, (word, pos, dep, head) in enumerate(rows):
        start = text.index(word, at)
        at = start + len(word)
        tokens.append(Token(i, start, at, word, word.lower(), pos, pos, dep, head))
    sentences, first = [], 0
    for t in tokens:
        if t.text == ".":
            sentences.append(Sentence(tokens[first].start, t.end, first, t.i + 1))
            first = t.i + 1
    return Parsed(text, tuple(tokens), tuple(sentences), ())


TEXT = "They blamed the radical left for it. Left alone, it failed."
PARSED = _parsed(
    TEXT,
    [
        ("They", "PRON", "nsubj", 1),
        ("blamed", "VERB", "ROOT", 1),
        ("the", "DET", "det", 4),
        ("radical", "ADJ", "amod", 4),
        ("left", "NOUN", "dobj", 1),
        ("for", "ADP", "prep", 1),
        ("it", "PRON", "pobj", 5),
        (".", "PUNCT", "punct", 1),
        ("Left", "VERB", "advcl", 12),
        ("alone", "ADV", "advmod", 8),
        (",", "PUNCT", "punct", 12),
        ("it", "PRON", "nsubj", 12),
        ("failed", "VERB", "ROOT", 12),
        (".", "PUNCT", "punct", 12),
    ],
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _text(span: tuple[int, int], text: str = TEXT) -> str:
    return text[span[0] : span[1]]


def test_snap_takes_in_the_head_a_modifier_belongs_to() -> None:
    assert _text(snap(TEXT, PARSED, *_span(TEXT, "radical"))) == "radical left"


def test_snap_takes_in_the_modifiers_of_a_head() -> None:
    start = TEXT.index("left")
    assert _text(snap(TEXT, PARSED, start, start + 4)) == "radical left"


def test_snap_leaves_determiners_out_and_never_crosses_a_sentence() -> None:
    assert _text(snap(TEXT, PARSED, *_span(TEXT, "radical left"))) == "radical left"
    # "for it." ends the sentence: the next sentence's "Left" is not taken in
    assert _text(snap(TEXT, PARSED, *_span(TEXT, "for it"))) == "for it"


def test_snap_widens_to_whole_words_and_trims_boundary_punctuation() -> None:
    text = "Those so-called experts don't know."
    assert _text(snap(text, None, *_span(text, "called exp")), text) == "so-called experts"
    assert _text(snap(text, None, *_span(text, "called")), text) == "so-called"
    assert _text(snap(text, None, *_span(text, "don")), text) == "don't"
    assert _text(snap(text, None, *_span(text, " know.")), text) == "know"


DANGLING = "Mayor Pilkvist says the crews are winning and the port will reopen."
DANGLING_PARSED = _parsed(
    DANGLING,
    [
        ("Mayor", "PROPN", "compound", 1),
        ("Pilkvist", "PROPN", "nsubj", 2),
        ("says", "VERB", "ROOT", 2),
        ("the", "DET", "det", 4),
        ("crews", "NOUN", "nsubj", 6),
        ("are", "AUX", "aux", 6),
        ("winning", "VERB", "ccomp", 2),
        ("and", "CCONJ", "cc", 6),
        ("the", "DET", "det", 9),
        ("port", "NOUN", "nsubj", 11),
        ("will", "AUX", "aux", 11),
        ("reopen", "VERB", "conj", 6),
        (".", "PUNCT", "punct", 2),
    ],
)


@pytest.mark.parametrize(
    ("phrase", "snapped_to"),
    [
        ("the crews are", "the crews are winning"),  # an auxiliary takes in its verb
        ("the port will", "the port will reopen"),
        ("the crews are winning and", "the crews are winning"),  # a conjunction is dropped
        ("Pilkvist says the", "Mayor Pilkvist says"),  # and so is a determiner
    ],
)
def test_a_span_never_ends_on_a_function_word_cut_from_its_phrase(
    phrase: str, snapped_to: str
) -> None:
    got = snap(DANGLING, DANGLING_PARSED, *_span(DANGLING, phrase))
    assert _text(got, DANGLING) == snapped_to


def test_a_particle_or_a_negation_ends_a_span() -> None:
    text = "They stepped down, and I think not."
    parsed = _parsed(
        text,
        [
            ("They", "PRON", "nsubj", 1),
            ("stepped", "VERB", "ROOT", 1),
            ("down", "ADP", "prt", 1),
            (",", "PUNCT", "punct", 1),
            ("and", "CCONJ", "cc", 1),
            ("I", "PRON", "nsubj", 6),
            ("think", "VERB", "conj", 1),
            ("not", "PART", "neg", 6),
            (".", "PUNCT", "punct", 1),
        ],
    )
    assert _text(snap(text, parsed, *_span(text, "They stepped down")), text) == (
        "They stepped down"
    )
    assert _text(snap(text, parsed, *_span(text, "I think not")), text) == "I think not"
    assert _text(snap(text, parsed, *_span(text, "stepped down, and")), text) == "stepped down"


def test_a_preposition_cut_from_its_object_is_dropped() -> None:
    assert _text(snap(TEXT, PARSED, *_span(TEXT, "blamed the radical left for"))) == (
        "blamed the radical left"
    )


def test_snapped_candidates_that_meet_are_joined() -> None:
    a, b = _span(TEXT, "radical"), _span(TEXT, "left")
    out = snapped(TEXT, PARSED, [(*a, 0.4), (*b, 0.6)])
    assert [(_text((s, e)), p) for s, e, p in out] == [("radical left", 0.6)]


@dataclass(frozen=True)
class _S:
    start: int
    end: int
    technique: str
    score: float


def test_overlapping_spans_of_one_technique_merge() -> None:
    spans = [
        _S(0, 10, "Loaded_Language", 0.3),
        _S(5, 20, "Loaded_Language", 0.5),
        _S(8, 12, "Doubt", 0.4),
        _S(30, 40, "Loaded_Language", 0.2),
    ]
    merged = merge_same(spans)
    assert merged == [
        _S(0, 20, "Loaded_Language", 0.5),
        _S(8, 12, "Doubt", 0.4),
        _S(30, 40, "Loaded_Language", 0.2),
    ]


def test_merge_keeps_the_best_spans_probabilities() -> None:
    weak = TechniqueSpan(0, 10, "Doubt", 0.1, 0.2, 0.5, (("Doubt", 0.5),))
    strong = TechniqueSpan(4, 12, "Doubt", 0.3, 0.6, 0.5, (("Doubt", 0.5),))
    (one,) = merge_same([weak, strong])
    assert (one.start, one.end, one.score, one.span_probability) == (0, 12, 0.3, 0.6)


def test_select_applies_the_threshold_unless_all_candidates() -> None:
    spans = [_S(0, 5, "Doubt", 0.1), _S(6, 9, "Doubt", 0.3)]
    assert select(spans, 0.2) == [spans[1]]
    assert select(spans, 0.2, all_candidates=True) == spans
    assert select(spans, 0.0) == spans


QUOTED = (
    "The Harbour Ledger called the toll “a shameless grab” and ‘pure greed,” said Mayor "
    'Edda Pilkvist, who\'s "tired of it" and of the councillors’ excuses.'
)


def _at(phrase: str, until: str) -> tuple[int, int]:
    start = QUOTED.index(phrase)
    return start, QUOTED.index(until) + len(until)


def test_a_mark_whose_partner_sits_just_outside_takes_it_in() -> None:
    start, end = _at("a shameless", "grab” and")
    assert quote_marks(QUOTED, start, end) == [QUOTED.index("”")]
    assert quote_parts(QUOTED, start, end) == [(QUOTED.index("“"), end)]
    start, end = _at("tired", "it")  # a straight pair, the closing mark after the edge
    assert [QUOTED[s:e] for s, e in quote_parts(QUOTED, start, end + 1)] == ['"tired of it"']


def test_a_span_is_cut_at_a_mark_whose_partner_lies_further_out() -> None:
    # the tagger ran out of one quotation, over the words between, into the next (whose
    # mistyped closing mark, after a comma, it takes in)
    start, end = _at("shameless", "pure greed")
    assert [QUOTED[s:e] for s, e in quote_parts(QUOTED, start, end)] == [
        "shameless grab",
        "and ‘pure greed,”",
    ]


def test_paired_marks_and_apostrophes_cut_nothing() -> None:
    start, end = _at("“a shameless", "grab”")
    assert quote_marks(QUOTED, start, end) == []
    assert quote_parts(QUOTED, start, end) == [(start, end)]
    start, end = _at("Edda", "excuses")  # who's, "tired of it", councillors’
    assert quote_parts(QUOTED, start, end) == [(start, end)]


def test_the_part_kept_holds_the_taggers_best_piece() -> None:
    text = "Critics called it “a shameless grab” and moved on."
    states = FakeBackbone().token_states([text], [0])
    start, end = text.index("shameless"), text.index("moved") + len("moved")
    p_in = np.full(len(states.starts), 0.3, np.float32)
    p_in[states.pieces_in(text.index("grab"), text.index("grab") + 4)] = 0.9
    s, e, p = in_quotes(text, states, p_in, start, end, 0.4)
    assert text[s:e] == "shameless grab" and 0.3 < p < 0.9
    p_in[:] = 0.3
    p_in[states.pieces_in(text.index("moved"), text.index("moved") + 5)] = 0.9
    s, e, _ = in_quotes(text, states, p_in, start, end, 0.4)
    assert text[s:e] == "and moved"
