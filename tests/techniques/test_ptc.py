"""PTC data handling and the SI / TC / FLC scorers, on hand-made cases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from unspin.techniques.ptc import (
    TECHNIQUES,
    Span,
    article_id_from_path,
    format_labels,
    load_corpus,
    merge_overlapping,
    parse_labels,
    read_article,
    read_labels,
    score_flc,
    score_si,
    score_tc,
    write_labels,
)

LL, NC, DO = "Loaded_Language", "Name_Calling,Labeling", "Doubt"


def S(start: int, end: int, technique: str | None = None, article: str = "1") -> Span:
    return Span(article, start, end, technique)


# -- SI ---------------------------------------------------------------------------------


def test_si_exact_match_is_perfect() -> None:
    gold = [S(0, 10), S(20, 30)]
    score = score_si(gold, gold)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_si_partial_overlap_is_credited_by_length() -> None:
    # predicted [0,10) inside gold [0,20): all of the prediction is right, half the gold found
    score = score_si([S(0, 10)], [S(0, 20)])
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_si_one_prediction_over_two_gold_spans() -> None:
    # |s|=30 covers both gold spans: P = 10/30 + 10/30 over 1 prediction, R = (1 + 1) / 2
    score = score_si([S(0, 30)], [S(0, 10), S(20, 30)])
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1.0)
    assert score.f1 == pytest.approx(0.8)
    assert (score.n_pred, score.n_gold) == (1, 2)


def test_si_overlapping_spans_are_merged_in_gold_and_predictions() -> None:
    # gold [0,10) and [5,15) merge into [0,15); the two predictions merge into [0,15) too
    score = score_si([S(0, 8), S(4, 15)], [S(0, 10), S(5, 15)])
    assert (score.n_pred, score.n_gold) == (1, 1)
    assert score.f1 == pytest.approx(1.0)


def test_si_touching_spans_are_not_merged() -> None:
    assert merge_overlapping([(0, 5), (5, 10)]) == [(0, 5), (5, 10)]
    assert merge_overlapping([(5, 10), (0, 6), (9, 12)]) == [(0, 12)]
    score = score_si([S(0, 10)], [S(0, 5), S(5, 10)])
    assert score.n_gold == 2
    assert score.precision == pytest.approx(1.0)  # 5/10 + 5/10
    assert score.recall == pytest.approx(1.0)  # (1 + 1) / 2


def test_si_ignores_techniques_and_keeps_articles_apart() -> None:
    pred = [S(0, 10, LL, "1"), S(0, 10, NC, "2")]
    gold = [S(0, 10, None, "1"), S(50, 60, None, "2")]
    score = score_si(pred, gold)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)


def test_si_empty_predictions_and_empty_gold() -> None:
    empty = score_si([], [S(0, 10)])
    assert (empty.precision, empty.recall, empty.f1, empty.n_pred) == (0.0, 0.0, 0.0, 0)
    # a prediction in an article without gold spans only costs precision
    spurious = score_si([S(0, 10, None, "2"), S(0, 10)], [S(0, 10)])
    assert spurious.precision == pytest.approx(0.5)
    assert spurious.recall == pytest.approx(1.0)
    # nothing predicted and nothing to find: the official scorer's F1 of 1
    assert score_si([], []).f1 == 1.0


def _reference_pr(pred: list[Span], gold: list[Span]) -> tuple[float, float]:
    """The official algorithm, literally: character sets, pairwise, no shortcuts."""

    def merged(spans: list[Span]) -> dict[str, list[set[int]]]:
        out: dict[str, list[set[int]]] = {}
        for s in spans:
            sets = out.setdefault(s.article_id, [])
            new = set(range(s.start, s.end))
            for other in [x for x in sets if x & new]:
                new |= other
                sets.remove(other)
            sets.append(new)
        return out

    mp, mg = merged(pred), merged(gold)
    n_p = sum(len(v) for v in mp.values())
    n_g = sum(len(v) for v in mg.values())
    p_num = r_num = 0.0
    for art, ps in mp.items():
        for s in ps:
            for t in mg.get(art, []):
                p_num += len(s & t) / len(s)
                r_num += len(s & t) / len(t)
    return (p_num / n_p if n_p else 0.0), (r_num / n_g if n_g else 0.0)


def test_si_matches_a_literal_set_implementation_on_random_cases() -> None:
    rng = random.Random(7)
    for _ in range(200):

        def spans(n: int) -> list[Span]:
            out = []
            for _ in range(n):
                a = rng.randrange(0, 80)
                out.append(S(a, a + rng.randrange(1, 25), None, rng.choice("12")))
            return out

        pred, gold = spans(rng.randrange(0, 8)), spans(rng.randrange(1, 8))
        p, r = _reference_pr(pred, gold)
        score = score_si(pred, gold)
        assert score.precision == pytest.approx(p)
        assert score.recall == pytest.approx(r)


# -- TC ---------------------------------------------------------------------------------


def test_tc_micro_f1_is_accuracy_when_predictions_list_the_gold_spans() -> None:
    gold = [S(0, 5, LL), S(10, 20, NC), S(30, 40, DO), S(50, 55, LL)]
    pred = [S(0, 5, LL), S(10, 20, LL), S(30, 40, DO), S(50, 55, LL)]
    score = score_tc(pred, gold)
    assert score.precision == score.recall == score.f1 == pytest.approx(0.75)
    ll = score.per_technique[LL]
    assert (ll.n_pred, ll.n_gold) == (3, 2)
    assert ll.precision == pytest.approx(2 / 3)
    assert ll.recall == pytest.approx(1.0)
    assert score.per_technique[NC].f1 == 0.0
    assert score.per_technique[DO].f1 == 1.0
    assert set(TECHNIQUES) <= set(score.per_technique)


def test_tc_multi_label_spans_are_aligned_to_maximise_matches() -> None:
    gold = [S(0, 5, LL), S(0, 5, NC), S(9, 12, DO)]
    # the order of the predicted labels of a span does not matter
    assert score_tc([S(0, 5, NC), S(0, 5, LL), S(9, 12, DO)], gold).f1 == pytest.approx(1.0)
    # the same label twice matches only once
    twice = score_tc([S(0, 5, LL), S(0, 5, LL), S(9, 12, DO)], gold)
    assert twice.f1 == pytest.approx(2 / 3)
    assert twice.per_technique[LL].precision == pytest.approx(0.5)
    assert twice.per_technique[NC].recall == 0.0


def test_tc_spans_must_match_exactly() -> None:
    gold = [S(0, 5, LL), S(10, 20, NC)]
    # an off-by-one span earns nothing; a missing span costs recall only
    score = score_tc([S(0, 6, LL), S(10, 20, NC)], gold)
    assert score.f1 == pytest.approx(0.5)
    missing = score_tc([S(10, 20, NC)], gold)
    assert missing.precision == pytest.approx(1.0)
    assert missing.recall == pytest.approx(0.5)
    # an article id is part of the key
    assert score_tc([S(0, 5, LL, "2")], [S(0, 5, LL, "1")]).f1 == 0.0


def test_tc_empty_predictions_and_unlabelled_spans() -> None:
    score = score_tc([], [S(0, 5, LL)])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="no technique"):
        score_tc([S(0, 5)], [S(0, 5, LL)])


# -- FLC (span and technique) ------------------------------------------------------------


def test_flc_needs_the_technique_to_match() -> None:
    gold = [S(0, 10, LL), S(20, 30, NC)]
    score = score_flc([S(0, 10, LL), S(20, 30, LL)], gold)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.per_technique[LL].precision == pytest.approx(0.5)
    assert score.per_technique[LL].recall == pytest.approx(1.0)
    assert score.per_technique[NC].f1 == 0.0


def test_flc_merges_overlaps_per_technique_only() -> None:
    # the two LL spans merge; the NC span overlapping them stays apart
    gold = [S(0, 10, LL), S(5, 20, LL), S(0, 20, NC)]
    score = score_flc([S(0, 20, LL)], gold)
    assert score.n_gold == 2
    assert score.per_technique[LL].f1 == pytest.approx(1.0)
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx(0.5)


def test_flc_partial_overlap_and_empty_predictions() -> None:
    score = score_flc([S(0, 10, DO)], [S(5, 15, DO)])
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score_flc([], [S(5, 15, DO)]).f1 == 0.0


# -- label files and corpus ----------------------------------------------------------------


def test_label_format_round_trip(tmp_path: Path) -> None:
    tc = [S(3, 9, LL, "111"), S(3, 9, NC, "111"), S(40, 52, DO, "222")]
    si = [s.unlabelled() for s in tc]
    assert format_labels(tc).splitlines()[0] == "111\tLoaded_Language\t3\t9"
    assert format_labels(si).splitlines()[2] == "222\t40\t52"
    for spans, name in ((tc, "tc.labels"), (si, "si.labels")):
        write_labels(spans, tmp_path / name)
        assert read_labels(tmp_path / name) == spans
    with pytest.raises(ValueError, match="labelled and unlabelled"):
        format_labels([tc[0], si[0]])


def test_parse_labels_reports_bad_lines() -> None:
    assert parse_labels("7\t0\t4\n\n7\tDoubt\t5\t9\n") == [S(0, 4, None, "7"), S(5, 9, DO, "7")]
    with pytest.raises(ValueError, match="line 2"):
        parse_labels("7\t0\t4\n7\tDoubt\t5\n")
    with pytest.raises(ValueError, match="line 1"):
        parse_labels("7\t9\t4\n")  # end before start
    with pytest.raises(ValueError):
        parse_labels("7\tx\t4\n")


def _write_corpus(root: Path, text: str, tc: str, si: str) -> None:
    for sub in ("train-articles", "train-labels-task1-span-identification"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "train-labels-task2-technique-classification").mkdir(exist_ok=True)
    (root / "train-articles/article42.txt").write_bytes(text.encode("utf-8"))
    (root / "train-labels-task2-technique-classification/article42.task2-TC.labels").write_text(tc)
    (root / "train-labels-task1-span-identification/article42.task1-SI.labels").write_text(si)


def test_load_corpus_keeps_offsets_exact(tmp_path: Path) -> None:
    text = "Title “quoted”\r\n\nThey are TRAITORS!\n"
    start = text.index("TRAITORS")
    _write_corpus(
        tmp_path,
        text,
        f"42\t{NC}\t{start}\t{start + 8}\n42\t{LL}\t{start}\t{start + 8}\n",
        f"42\t{start}\t{start + 9}\n",
    )
    corpus = load_corpus(tmp_path)
    article = corpus["42"]
    assert article.text == text  # no newline translation: \r stays
    assert read_article(tmp_path / "train-articles/article42.txt") == text
    assert [article.covered(s) for s in article.spans] == ["TRAITORS", "TRAITORS"]
    assert article.covered(article.si_spans[0]) == "TRAITORS!"
    assert corpus.ids == ["42"] and len(corpus.tc_spans) == 2
    assert article_id_from_path("article42.task2-TC.labels") == "42"


def test_load_corpus_rejects_spans_outside_the_text_or_unknown_labels(tmp_path: Path) -> None:
    _write_corpus(tmp_path, "short", f"42\t{LL}\t0\t99\n", "")
    with pytest.raises(ValueError, match="does not fit"):
        load_corpus(tmp_path)
    _write_corpus(tmp_path, "short", "42\tNot_A_Technique\t0\t3\n", "")
    with pytest.raises(ValueError, match="unknown technique"):
        load_corpus(tmp_path)
