"""Text structure and sentence boundaries (issue #12 point 1): exact blocks and sentences.

Every case is a short text written for this file and the exact sentences expected, each
with the kind of its block (a plain string is a paragraph sentence). The model-free
backbone must give all of them; the real spaCy backbone (what users get) too.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.segmentation_blocks import BLOCK_CASES, Expected, H, T
from unspin.nlp import Backbone, FakeBackbone
from unspin.segment import BLOCK_KINDS, find_blocks, rule_spans

CASES: list[tuple[str, str, Expected]] = [
    *BLOCK_CASES,
    # -- sentence boundaries: times and dates -----------------------------------------
    (
        "time-zone-after-am",
        "The meeting starts at 10:30 a.m. EST. Doors open early.",
        ["The meeting starts at 10:30 a.m. EST.", "Doors open early."],
    ),
    (
        "time-zone-mid-sentence",
        "The meeting is at 3 p.m. ET on Friday. Bring ID.",
        ["The meeting is at 3 p.m. ET on Friday.", "Bring ID."],
    ),
    (
        "pm-ends-a-sentence",
        "It ended at 5 p.m. Police then left.",
        ["It ended at 5 p.m.", "Police then left."],
    ),
    (
        "am-mid-sentence",
        "The strike began at 9 a.m. on Monday and ended at noon.",
        ["The strike began at 9 a.m. on Monday and ended at noon."],
    ),
    (
        "month-abbreviation",
        "The vote is on Jan. 5 in the hall. It is open.",
        ["The vote is on Jan. 5 in the hall.", "It is open."],
    ),
    (
        "month-abbreviation-ends-sentence",
        "Rents rose in Feb. The rise slowed in March.",
        ["Rents rose in Feb.", "The rise slowed in March."],
    ),
    (
        "numeric-dates",
        "On 3.5.2020 the law changed. It came late.",
        ["On 3.5.2020 the law changed.", "It came late."],
    ),
    (
        "decades",
        "The 1990s were calm. The 2000s were not.",
        ["The 1990s were calm.", "The 2000s were not."],
    ),
    (
        "date-and-degrees",
        "Temperatures hit 41.5 °C on Aug. 12, officials said. Schools closed.",
        ["Temperatures hit 41.5 °C on Aug. 12, officials said.", "Schools closed."],
    ),
    # -- sentence boundaries: abbreviations and initials ------------------------------
    (
        "titles",
        "Mr. Smith and Dr. Jones met Sen. Ruiz. They talked.",
        ["Mr. Smith and Dr. Jones met Sen. Ruiz.", "They talked."],
    ),
    (
        "military-ranks",
        "He met Gen. Ali and Lt. Col. Reyes. Both declined to comment.",
        ["He met Gen. Ali and Lt. Col. Reyes.", "Both declined to comment."],
    ),
    (
        "middle-initial",
        "John F. Kennedy spoke. Then he left.",
        ["John F. Kennedy spoke.", "Then he left."],
    ),
    (
        "letter-name-ends-a-sentence",
        "The council chose Plan B. The vote was close.",
        ["The council chose Plan B.", "The vote was close."],
    ),
    (
        "street-abbreviation-ends-a-sentence",
        "The shop is on Main St. The owner opened it in May. St. Louis lies north.",
        ["The shop is on Main St.", "The owner opened it in May.", "St. Louis lies north."],
    ),
    (
        "several-initials",
        "J. R. Tolkien wrote it. Few read it.",
        ["J. R. Tolkien wrote it.", "Few read it."],
    ),
    (
        "initials-in-apposition",
        "The author, E. B. White, wrote it in 1952.",
        ["The author, E. B. White, wrote it in 1952."],
    ),
    (
        "initials-without-spaces-before-a-surname",
        "The adviser H.R. Castell left in March. The envoy met K.T. Lund. It ended in the "
        "U.S. Critics said so.",
        [
            "The adviser H.R. Castell left in March.",
            "The envoy met K.T. Lund.",
            "It ended in the U.S.",
            "Critics said so.",
        ],
    ),
    (
        "a-line-cut-after-an-abbreviation-or-initial-goes-on",
        "Envoy named\nThe rumor that Lund will replace outgoing U.S.\nAmbassador Vik is wrong.\n"
        "She served under H.\nR. Castell, whose views she shared.\nHe met Mr.\nLund there.\n"
        "It was built in the U.S.\nCritics said so.",
        [
            T("Envoy named"),
            "The rumor that Lund will replace outgoing U.S.\nAmbassador Vik is wrong.",
            "She served under H.\nR. Castell, whose views she shared.",
            "He met Mr.\nLund there.",
            "It was built in the U.S.",
            "Critics said so.",
        ],
    ),
    (
        "a-line-cut-after-an-article-or-possessive-goes-on",
        "Ferry returns\nMayor Pilkvist said she had written to the ferry owners over the\n"
        "Easter weekend and to their\nBoard of directors.\nThe harbour reopens in May.\n"
        "Rates went up\nThe council blamed fuel costs.",
        [
            T("Ferry returns"),
            "Mayor Pilkvist said she had written to the ferry owners over the\n"
            "Easter weekend and to their\nBoard of directors.",
            "The harbour reopens in May.",
            H("Rates went up"),
            "The council blamed fuel costs.",
        ],
    ),
    (
        "us-before-an-institution",
        "The U.S. Senate voted. It passed.",
        ["The U.S. Senate voted.", "It passed."],
    ),
    (
        "uk-government",
        "The U.K. government refused. Talks ended.",
        ["The U.K. government refused.", "Talks ended."],
    ),
    (
        "case-name",
        "Roe v. Wade was decided in 1973. It stood for decades.",
        ["Roe v. Wade was decided in 1973.", "It stood for decades."],
    ),
    (
        "company-abbreviation-mid-sentence",
        "The firm, Acme Inc., grew fast. Its rival did not.",
        ["The firm, Acme Inc., grew fast.", "Its rival did not."],
    ),
    (
        "eg",
        "Some costs, e.g. Rent and power, rose. Wages fell.",
        ["Some costs, e.g. Rent and power, rose.", "Wages fell."],
    ),
    (
        "ie",
        "Officials, i.e. the mayor and her staff, refused. The press waited.",
        ["Officials, i.e. the mayor and her staff, refused.", "The press waited."],
    ),
    (
        "number-abbreviation",
        "It was ranked No. 1 in the state. Few agreed.",
        ["It was ranked No. 1 in the state.", "Few agreed."],
    ),
    # -- sentence boundaries: numbers and URLs ----------------------------------------
    (
        "decimals",
        "Growth was 2.5 percent. Inflation was 3.1 percent.",
        ["Growth was 2.5 percent.", "Inflation was 3.1 percent."],
    ),
    (
        "currency-decimals",
        "The plan costs £2.4bn. Critics call it a waste.",
        ["The plan costs £2.4bn.", "Critics call it a waste."],
    ),
    (
        "score-and-thousands",
        "The vote was 52-48. The total was 1,204.",
        ["The vote was 52-48.", "The total was 1,204."],
    ),
    (
        "url-path",
        "Visit www.example.com/report.html for details. The report is long.",
        ["Visit www.example.com/report.html for details.", "The report is long."],
    ),
    (
        "url-ends-sentence",
        "Read it at https://example.com/a?b=1. It is free.",
        ["Read it at https://example.com/a?b=1.", "It is free."],
    ),
    # -- sentence boundaries: ellipses, brackets, lower case --------------------------
    (
        "ellipsis-mid-sentence",
        "She paused... and then spoke.",
        ["She paused... and then spoke."],
    ),
    (
        "unicode-ellipsis-ends-sentence",
        "She waited… Nobody came.",
        ["She waited…", "Nobody came."],
    ),
    (
        "exclamation-then-lower-case",
        "Stop! the crowd shouted.",
        ["Stop! the crowd shouted."],
    ),
    (
        "camel-case-name-opens-a-sentence",
        "He found no copy of the files. iCloud keeps no trash folder, he said.",
        ["He found no copy of the files.", "iCloud keeps no trash folder, he said."],
    ),
    (
        "camel-case-name-after-an-abbreviation",
        "Some phones, e.g. iPhones, lock after ten tries.",
        ["Some phones, e.g. iPhones, lock after ten tries."],
    ),
    (
        "question-then-answer",
        "Why now? Because the money ran out.",
        ["Why now?", "Because the money ran out."],
    ),
    (
        "parenthesis-inside",
        "Prices rose (by 4%). Wages fell.",
        ["Prices rose (by 4%).", "Wages fell."],
    ),
    (
        "parenthesised-sentence",
        "Prices rose. (Wages fell.) Rents held.",
        ["Prices rose.", "(Wages fell.)", "Rents held."],
    ),
    (
        "question-in-parentheses",
        "He asked (why not?) and left.",
        ["He asked (why not?) and left."],
    ),
    # -- sentence boundaries: quotation marks -----------------------------------------
    (
        "closing-quote-belongs-to-its-sentence",
        'He said, "We will win." Then he left.',
        ['He said, "We will win."', "Then he left."],
    ),
    (
        "quote-over-two-sentences",
        '"We will win. We will rebuild," she said.',
        ['"We will win.', 'We will rebuild," she said.'],
    ),
    (
        "curly-quotes",
        "“It is over,” she said. “We lost.”",
        ["“It is over,” she said.", "“We lost.”"],
    ),
    (
        "single-curly-quotes",
        "Inflation fell to 2 per cent. ‘We are not done,’ the governor said.",
        ["Inflation fell to 2 per cent.", "‘We are not done,’ the governor said."],
    ),
    (
        "quoted-question",
        "“Who pays?” she asked. Nobody answered.",
        ["“Who pays?” she asked.", "Nobody answered."],
    ),
    (
        "colon-before-quote",
        "She said: “This is it.” Then she left.",
        ["She said: “This is it.”", "Then she left."],
    ),
    (
        "lone-closing-quote-is-no-sentence",
        'He said: "It is over. We are done. "',
        ['He said: "It is over.', 'We are done. "'],
    ),
    (
        "lone-curly-quote-after-sentence",
        "The crowd chanted “No more.” ” Then it left.",
        ["The crowd chanted “No more.” ”", "Then it left."],
    ),
    (
        "quote-then-period-outside",
        'He called it "a disaster". Aides disagreed.',
        ['He called it "a disaster".', "Aides disagreed."],
    ),
]


def _sentences(backbone: Backbone, text: str) -> Expected:
    parsed = backbone.parse(text)
    out: Expected = []
    for s in parsed.sentences:
        assert s.block in BLOCK_KINDS
        piece = text[s.start : s.end]
        out.append(piece if s.block == "paragraph" else (s.block, piece))
    return out


def test_at_least_sixty_cases_with_unique_names() -> None:
    names = [name for name, _, _ in CASES]
    assert len(names) >= 60 and len(set(names)) == len(names)


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule_backbone_segments_exactly(name: str, text: str, expected: Expected) -> None:
    assert _sentences(FakeBackbone(), text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_spacy_backbone_segments_exactly(
    backbone: Backbone, name: str, text: str, expected: Expected
) -> None:
    assert _sentences(backbone, text) == expected


def test_token_ranges_match_the_sentences() -> None:
    text = "Bridge to close\nBy Jane Doe\nWASHINGTON (Reuters) - The bridge closes. It is old."
    parsed = FakeBackbone().parse(text)
    for s in parsed.sentences:
        tokens = parsed.sentence_tokens(s)
        assert tokens[0].start == s.start and tokens[-1].end == s.end


def test_blocks_cover_the_text_in_order() -> None:
    text = "Title here\n\nBy Ann Lee\n\nPARIS - It rained. It poured.\n\n- One.\n- Two."
    blocks = find_blocks(text)
    assert [b.kind for b in blocks] == [
        "title",
        "byline",
        "dateline",
        "paragraph",
        "list_item",
        "list_item",
    ]
    assert all(a.end <= b.start for a, b in pairwise(blocks))


def test_splitting_is_linear_in_the_number_of_sentences() -> None:
    """100,000 one-word sentences (the old splitter's entity pass was quadratic)."""
    text = " ".join(f"Word{i % 7}." for i in range(100_000))
    spans = rule_spans(text)
    assert len(spans) == 100_000
    parsed = FakeBackbone().parse(text)
    assert len(parsed.sentences) == 100_000


def test_claims_are_read_only_in_the_body(fake_backbone: Backbone) -> None:
    """Titles, headings, datelines, bylines and captions are never scored as claims."""
    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.pipeline import Pipeline

    text = (
        "Jobless rate hits 7.2% in 2023\nBy Jane Doe\nWASHINGTON (Reuters) - Unemployment "
        "rose to 7.2% in 2023. Wages fell 2%.\nPhoto: A job fair in Ohio on May 3, 2023.\n"
        "What comes next\n- Rates may rise in 2024."
    )
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=fake_backbone, analyzers=[ClaimsAnalyzer()]
    )
    analysis = pipe.analyze(Document(text))
    assert analysis.ok
    assert sorted(c.text for c in analysis.by_kind("claim")) == [
        "Rates may rise in 2024.",
        "Unemployment rose to 7.2% in 2023.",
        "Wages fell 2%.",
    ]
    assert analysis.summaries["claims"]["sentences"] == 3


def test_a_text_of_marks_only_still_has_its_sentences() -> None:
    """Analyzers index sentences by position: a non-empty text never has none."""
    assert [(s, e) for s, e, _ in rule_spans('"')] == [(0, 1)]
    assert [(s, e) for s, e, _ in rule_spans("***\n\n***")] == [(0, 3), (5, 8)]
    assert [(s, e) for s, e, _ in rule_spans("Hi.\n\n***")] == [(0, 3)]
