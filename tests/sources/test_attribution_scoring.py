"""The PolNeAR reader and the attribution scorer of issue #12 on small invented cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.model import Document, Explanation, Finding, Relation
from unspin.sources.polnear import (
    Extraction,
    Span,
    findings_extraction,
    gold_extraction,
    load_split,
    read_ann,
    score,
    spans_match,
    total,
)

TEXT = "Mayor Ann Vale said on Monday that the new bridge will open in May, her office added."


def span(phrase: str, text: str = TEXT) -> Span:
    start = text.index(phrase)
    return Span.of(start, start + len(phrase))


ANN = (
    "T1\tSource 0 13\tMayor Ann Vale\n"
    "T2\tCue 14 18\tsaid\n"
    "T3\tContent 29 66;67 68\tthat the new bridge will open in May\n"
    "T4\tAttribution 14 18\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 78 83\tadded\n"
    "T6\tContent 90 95\tsecond\nline of a span whose text had a newline\n"
    "T7\tAttribution-no-source 78 83\tadded\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "T8\tDiscuss 0 5\tMayor\n"
)


def test_read_ann_spans_relations_and_discontinuous_pieces() -> None:
    attributions, spans = read_ann(ANN)
    assert len(attributions) == 2
    first, second = attributions
    assert first.source == Span(((0, 13),))
    assert first.content == (Span(((29, 66), (67, 68))),)
    assert second.source is None and second.cue == Span(((78, 83),))
    # every Source / Cue / Content span counts, the continuation line is not a span line
    assert {len(v) for v in spans.values()} == {1, 2}
    assert len(spans["cue"]) == 2 and len(spans["source"]) == 1


def test_second_content_of_a_relation_is_its_own_relation() -> None:
    ann = (
        "T1\tSource 0 5\tA\nT2\tCue 6 10\tx\nT3\tContent 11 20\ty\nT4\tContent 30 40\tz\n"
        "E1\tAttribution:T9 Cue:T2 Source:T1 Content:T3 Content2:T4\n"
    )
    attributions, _ = read_ann(ann)
    assert len(attributions[0].content) == 2


def test_strict_match_is_word_jaccard_at_least_half() -> None:
    gold = span("the new bridge will open in May")  # 7 words
    assert spans_match(TEXT, span("that the new bridge will open in May"), gold)  # 7/8
    assert spans_match(TEXT, span("the new bridge will"), gold)  # 4/7
    assert not spans_match(TEXT, span("the new bridge"), gold)  # 3/7
    assert spans_match(TEXT, span("new bridge will open"), span("bridge will open in May"))  # 3/6
    assert not spans_match(TEXT, span("said"), gold)


def test_punctuation_is_not_a_word_and_a_cut_word_counts_whole() -> None:
    gold = span("Ann Vale")
    assert spans_match(TEXT, span("Ann Vale said"), gold)  # 2/3
    cut = Span.of(TEXT.index("Vale") + 1, TEXT.index("Vale") + 4)  # "ale"
    assert spans_match(TEXT, cut, span("Vale"))
    comma = Span.of(TEXT.index(","), TEXT.index(",") + 1)
    assert spans_match(TEXT, comma, comma)  # no words: matches when they overlap
    assert not spans_match(TEXT, comma, span("her office"))


def test_overlap_match_is_one_shared_character() -> None:
    a = span("said on")
    assert spans_match(TEXT, a, span("on Monday that"), "overlap")
    assert not spans_match(TEXT, a, span("Monday"), "overlap")  # adjacent is not shared
    assert not spans_match(TEXT, a, span("on Monday that the"), "strict")  # 1/5


def test_discontinuous_span_is_one_span_made_of_its_pieces() -> None:
    gold = Span((span("the new bridge").pieces[0], span("in May").pieces[0]))  # 5 words
    assert spans_match(TEXT, span("the new bridge will open in May"), gold)  # 5/7
    assert not spans_match(TEXT, span("will open in May"), gold)  # 2/7
    assert spans_match(TEXT, span("open in May"), gold, "overlap")
    assert not spans_match(TEXT, span("will open"), gold, "overlap")  # the gap is not in it


def test_matching_is_one_to_one() -> None:
    gold = Extraction()
    gold.add(span("the new bridge will open in May"), span("Mayor Ann Vale"), span("said"))
    predicted = Extraction()
    predicted.add(span("the new bridge will open in May"), span("Ann Vale"))
    predicted.add(span("new bridge will open in May,"), span("Mayor Ann Vale"))
    s = score(TEXT, predicted, gold)
    assert (s["content"].tp, s["content"].pred, s["content"].gold) == (1, 2, 1)
    assert s["content"].precision == 0.5 and s["content"].recall == 1.0
    assert (s["source"].tp, s["source"].pred) == (1, 2)
    assert (s["relation"].tp, s["relation"].pred, s["relation"].gold) == (1, 2, 1)
    assert (s["cue"].tp, s["cue"].pred, s["cue"].gold) == (0, 0, 1)
    assert s["cue"].f1 == 0.0


def test_a_relation_needs_both_spans_to_match() -> None:
    gold = Extraction()
    gold.add(span("the new bridge will open in May"), span("Mayor Ann Vale"))
    wrong_source = Extraction()
    wrong_source.add(span("the new bridge will open in May"), span("her office"))
    s = score(TEXT, wrong_source, gold)
    assert s["content"].tp == 1 and s["source"].tp == 0 and s["relation"].tp == 0
    assert score(TEXT, wrong_source, gold, "overlap")["relation"].tp == 0


def test_total_sums_counts_over_texts() -> None:
    gold = Extraction()
    gold.add(span("the new bridge will open in May"), span("Mayor Ann Vale"))
    empty = Extraction()
    both = total([score(TEXT, gold, gold), score(TEXT, empty, gold)])
    assert (both["content"].tp, both["content"].pred, both["content"].gold) == (1, 1, 2)
    assert both["content"].precision == 1.0 and both["content"].recall == 0.5
    assert both["relation"].f1 == pytest.approx(2 / 3)


def test_findings_become_contents_sources_relations_and_cues() -> None:
    doc = Document(TEXT)

    def finding(
        kind: str, phrase: str, cues: tuple[str, ...] = (), to: str | None = None
    ) -> Finding:
        s = span(phrase)
        return Finding.anchored(
            doc,
            s.start,
            s.end,
            kind=kind,
            label="named_person",
            score=0.9,
            analyzer="sources",
            analyzer_version="1",
            explanation=Explanation(rule="x", cues=cues),
            relations=[Relation("speaker", to)] if to else [],
        )

    speaker = finding("speaker", "Mayor Ann Vale")
    content = finding("attribution", "the new bridge will open in May", ("said",), speaker.id)
    orphan = finding("attribution", "her office added", ("“”",))
    got = findings_extraction(TEXT, [speaker, content, orphan])
    assert got.spans["content"] == {
        span("the new bridge will open in May"),
        span("her office added"),
    }
    assert got.spans["source"] == {span("Mayor Ann Vale")}
    assert got.spans["cue"] == {span("said")}
    assert got.relations == {(span("Mayor Ann Vale"), span("the new bridge will open in May"))}


def test_load_split_takes_the_first_annotator_file(tmp_path: Path) -> None:
    (tmp_path / "train" / "text").mkdir(parents=True)
    (tmp_path / "train" / "attributions").mkdir(parents=True)
    (tmp_path / "train" / "text" / "nyt_2016-01-01_bridge.txt").write_text(TEXT)
    ann = tmp_path / "train" / "attributions"
    (ann / "nyt_2016-01-01_bridge_b000.ann").write_text(ANN)
    (ann / "nyt_2016-01-01_bridge_a000.ann").write_text("T1\tSource 0 5\tMayor\n")
    (doc,) = load_split(tmp_path, "train")
    assert doc.annotator == "a000" and doc.publisher == "nyt"
    assert gold_extraction(doc).spans["source"] == {Span.of(0, 5)}
    with pytest.raises(FileNotFoundError):
        load_split(tmp_path, "dev")
