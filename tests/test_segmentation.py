"""Text structure and sentence boundaries (issue #12 point 1): exact blocks and sentences.

Every case is a short text written for this file and the exact sentences expected, each
with the kind of its block (a plain string is a paragraph sentence). The model-free
backbone must give all of them; the real spaCy backbone (what users get) too.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from unspin.nlp import Backbone, FakeBackbone
from unspin.segment import BLOCK_KINDS, find_blocks, rule_spans

Expected = list[str | tuple[str, str]]


def T(s: str) -> tuple[str, str]:
    return ("title", s)


def H(s: str) -> tuple[str, str]:
    return ("heading", s)


def D(s: str) -> tuple[str, str]:
    return ("dateline", s)


def B(s: str) -> tuple[str, str]:
    return ("byline", s)


def C(s: str) -> tuple[str, str]:
    return ("caption", s)


def L(s: str) -> tuple[str, str]:
    return ("list_item", s)


CASES: list[tuple[str, str, Expected]] = [
    # -- blocks: titles and headings --------------------------------------------------
    (
        "title-blank-line",
        "Council votes to close the old bridge\n\nThe council voted on Tuesday. Repairs "
        "begin in May.",
        [
            T("Council votes to close the old bridge"),
            "The council voted on Tuesday.",
            "Repairs begin in May.",
        ],
    ),
    (
        "title-single-newline",
        "Council votes to close the old bridge\nThe council voted on Tuesday.",
        [T("Council votes to close the old bridge"), "The council voted on Tuesday."],
    ),
    (
        "heading-not-glued-to-next-sentence",
        "The council met on Tuesday.\n\nWhat happens next\nRepairs begin in May and end in June.",
        [
            "The council met on Tuesday.",
            H("What happens next"),
            "Repairs begin in May and end in June.",
        ],
    ),
    (
        "markdown-title",
        "# Budget talks collapse\n\nThe talks failed on Friday.",
        [T("# Budget talks collapse"), "The talks failed on Friday."],
    ),
    (
        "markdown-heading",
        "The talks failed on Friday.\n\n## Why it matters\n\nThe budget is late.",
        ["The talks failed on Friday.", H("## Why it matters"), "The budget is late."],
    ),
    (
        "title-question",
        "Is the bridge safe?\n\nEngineers say it is.",
        [T("Is the bridge safe?"), "Engineers say it is."],
    ),
    (
        "title-all-caps",
        "BRIDGE TO CLOSE\n\nThe bridge closes on Monday.",
        [T("BRIDGE TO CLOSE"), "The bridge closes on Monday."],
    ),
    (
        "heading-all-caps",
        "The bridge closed.\n\nWHAT COMES NEXT\n\nRepairs begin.",
        ["The bridge closed.", H("WHAT COMES NEXT"), "Repairs begin."],
    ),
    (
        "line-ending-with-colon-is-body",
        "Here is what we know:\n- The bridge is closed.\n- Buses run instead.",
        ["Here is what we know:", L("The bridge is closed."), L("Buses run instead.")],
    ),
    (
        "heading-line-in-one-paragraph-per-line-text",
        "The mayor resigned on Monday.\nHer deputy takes over\nA vote follows in June.",
        ["The mayor resigned on Monday.", H("Her deputy takes over"), "A vote follows in June."],
    ),
    (
        "single-line-without-punctuation-is-body",
        "Bridge closes on Monday",
        ["Bridge closes on Monday"],
    ),
    (
        "single-line-with-a-question",
        "Unemployment rose to 7.2% in 2023. What now?",
        ["Unemployment rose to 7.2% in 2023.", "What now?"],
    ),
    (
        "title-with-abbreviation-stays-whole",
        "Smith vs. Jones: the retrial\n\nThe retrial opens today.",
        [T("Smith vs. Jones: the retrial"), "The retrial opens today."],
    ),
    # -- blocks: bylines, datelines, captions -----------------------------------------
    (
        "byline",
        "Bridge to close\nBy Jane Doe\nThe bridge will close.",
        [T("Bridge to close"), B("By Jane Doe"), "The bridge will close."],
    ),
    (
        "byline-two-authors-and-role",
        "Bridge to close\n\nBy Jane Doe and Ravi Patel, Staff Writers\n\nThe bridge will close.",
        [
            T("Bridge to close"),
            B("By Jane Doe and Ravi Patel, Staff Writers"),
            "The bridge will close.",
        ],
    ),
    (
        "a-cited-work-on-its-own-line-is-a-byline",
        "Talks stall\nThe talks stalled again.\n"
        "\u201cPort Talks Stall Again,\u201d by Ann Lee, The Harbour Post, June 8, 2018:\n"
        "The unions walked out.",
        [
            T("Talks stall"),
            "The talks stalled again.",
            B("\u201cPort Talks Stall Again,\u201d by Ann Lee, The Harbour Post, June 8, 2018:"),
            "The unions walked out.",
        ],
    ),
    (
        "a-copyright-notice-is-a-byline",
        "Talks stall\nThe unions walked out.\n"
        "\u00a92018 Harbour Post Inc., All Rights Reserved, Distributed by Tide, LLC.\n"
        "Copyright 2019 The Tide. All rights reserved.",
        [
            T("Talks stall"),
            "The unions walked out.",
            B("\u00a92018 Harbour Post Inc., All Rights Reserved, Distributed by Tide, LLC."),
            B("Copyright 2019 The Tide. All rights reserved."),
        ],
    ),
    (
        "a-shop-widget-is-a-caption-and-the-sentence-after-it-is-body",
        "Talks stall\nThe unions walked out.\n"
        "Harbour Tales: A Hist... Ann Lee Best Price: $2.75 Buy New $7.00 (as of 12:00 EDT - "
        "Details) The port stayed shut.\n"
        "It never happened.\u201d Tide Charts: Vol... Ravi Patel Best Price: $1.49 Buy New $3.70 "
        "(as of 06:30 EDT - Details)\n"
        "Shoppers can buy new boots for $20 there.",
        [
            T("Talks stall"),
            "The unions walked out.",
            C(
                "Harbour Tales: A Hist... Ann Lee Best Price: $2.75 Buy New $7.00 "
                "(as of 12:00 EDT - Details)"
            ),
            "The port stayed shut.",
            "It never happened.\u201d",
            C(
                "Tide Charts: Vol... Ravi Patel Best Price: $1.49 Buy New $3.70 "
                "(as of 06:30 EDT - Details)"
            ),
            "Shoppers can buy new boots for $20 there.",
        ],
    ),
    (
        "an-embedded-posts-signature-is-a-caption-its-text-body",
        "Troops arrive\nThe army sent troops to stop what he called an \u201cinvasion.\u201d "
        "Troops set up wire at the bridge #Tane pic.twitter.com/8cr3XfH2 \u2014 Ann Lee "
        "(@AnnNews) November 2, 2018 For now, the soldiers have built fences.\n"
        "They are at the airport\u201d pic.twitter.com/HZf3Lk \u2014 Ravi Patel (@ravip) "
        "October 29, 2017\n"
        "The airport \u2014 the city\u2019s only one \u2014 closed on October 29, 2017.",
        [
            T("Troops arrive"),
            "The army sent troops to stop what he called an \u201cinvasion.\u201d",
            "Troops set up wire at the bridge #Tane",
            C("pic.twitter.com/8cr3XfH2 \u2014 Ann Lee (@AnnNews) November 2, 2018"),
            "For now, the soldiers have built fences.",
            "They are at the airport\u201d",
            C("pic.twitter.com/HZf3Lk \u2014 Ravi Patel (@ravip) October 29, 2017"),
            "The airport \u2014 the city\u2019s only one \u2014 closed on October 29, 2017.",
        ],
    ),
    (
        "a-byte-order-mark-or-zero-width-space-opens-no-sentence",
        "Talks stall\nThe unions walked out.\n\ufeff As talks stalled, the port shut.\u200b\n"
        "\u200bThe ferry ran.",
        [
            T("Talks stall"),
            "The unions walked out.",
            "As talks stalled, the port shut.",
            "The ferry ran.",
        ],
    ),
    (
        "a-text-that-is-one-post-keeps-its-signature",
        "Floods washed bricks of soap onto the coast pic.twitter.com/Ab12Cd "
        "\u2014 Tide News (@tidenews) September 10, 2019",
        [
            "Floods washed bricks of soap onto the coast pic.twitter.com/Ab12Cd "
            "\u2014 Tide News (@tidenews) September 10, 2019",
        ],
    ),
    (
        "a-share-bar-is-a-caption",
        "Talks stall\nThe unions walked out.\n665 SHARES Facebook Twitter\n2.3k shares\n"
        "Shares fell 3 per cent.",
        [
            T("Talks stall"),
            "The unions walked out.",
            C("665 SHARES Facebook Twitter"),
            C("2.3k shares"),
            "Shares fell 3 per cent.",
        ],
    ),
    (
        "a-number-and-a-dash-open-a-list-item",
        "Five links\nThese are the links.\n1 \u2013 She ran the fund for six years.\n"
        "2 \u2014 The fund gave to the foundation.\n3 - 2 was the score.",
        [
            T("Five links"),
            "These are the links.",
            L("She ran the fund for six years."),
            L("The fund gave to the foundation."),
            "3 - 2 was the score.",
        ],
    ),
    (
        "copyright-inside-a-sentence-is-body",
        "Talks stall\nThe copyright on the song ran out in 2019, the court said.\n"
        "Copyright lawyers said the case would go on.",
        [
            T("Talks stall"),
            "The copyright on the song ran out in 2019, the court said.",
            "Copyright lawyers said the case would go on.",
        ],
    ),
    (
        "a-quote-said-by-someone-is-not-a-cited-work",
        "Talks stall\nThe talks stalled again.\n"
        "\u201cWe will not sign,\u201d said by far the loudest union leader.\n"
        "\u201cWe walked out,\u201d by the account of Ann Lee, was the end of it.",
        [
            T("Talks stall"),
            "The talks stalled again.",
            "\u201cWe will not sign,\u201d said by far the loudest union leader.",
            "\u201cWe walked out,\u201d by the account of Ann Lee, was the end of it.",
        ],
    ),
    (
        "by-at-sentence-start-is-not-a-byline",
        "The bridge closed in May.\nBy Friday, the ferry was full.",
        ["The bridge closed in May.", "By Friday, the ferry was full."],
    ),
    (
        "dateline-caps-agency",
        "WASHINGTON (Reuters) - The Senate passed the bill. It now goes to the House.",
        [D("WASHINGTON (Reuters) -"), "The Senate passed the bill.", "It now goes to the House."],
    ),
    (
        "dateline-em-dash-and-date",
        "LONDON, March 3 — Prices rose again.",
        [D("LONDON, March 3 —"), "Prices rose again."],
    ),
    (
        "dateline-mixed-case",
        "Plague outbreak ends\n\nGeneva - The agency said the outbreak was over.",
        [T("Plague outbreak ends"), D("Geneva -"), "The agency said the outbreak was over."],
    ),
    (
        "dateline-month-abbreviation-agency",
        "NEW YORK, Oct. 5 (AP) — Stocks fell. Bonds rose.",
        [D("NEW YORK, Oct. 5 (AP) —"), "Stocks fell.", "Bonds rose."],
    ),
    (
        "dateline-dash-without-space",
        "Bridge closes\n\nBERN, February 2, 2018 (ValleyNews) —Her deputy said it was late.",
        [
            T("Bridge closes"),
            D("BERN, February 2, 2018 (ValleyNews) —"),
            "Her deputy said it was late.",
        ],
    ),
    (
        "dateline-after-an-editors-note-list-and-byline",
        "Ferry fares rise\n(Updates with the union's reply)\n* Fares up from May\n"
        "By Jane Doe\nOSLO, March 3 (Reuters) - Fares rose. The union objected.",
        [
            T("Ferry fares rise"),
            "(Updates with the union's reply)",
            L("Fares up from May"),
            B("By Jane Doe"),
            D("OSLO, March 3 (Reuters) -"),
            "Fares rose.",
            "The union objected.",
        ],
    ),
    (
        "dateline-on-its-own-line",
        "Bridge closes\n\nWASHINGTON —\n\nThe bridge closed on Monday.",
        [T("Bridge closes"), D("WASHINGTON —"), "The bridge closed on Monday."],
    ),
    (
        "dateline-colon",
        "NEW DELHI: The government cut fuel taxes. Prices fell.",
        [D("NEW DELHI:"), "The government cut fuel taxes.", "Prices fell."],
    ),
    (
        "dash-aside-is-not-a-dateline",
        "Mayor Ana Ruiz - who took office in May - said no.",
        ["Mayor Ana Ruiz - who took office in May - said no."],
    ),
    (
        "caption-prefix",
        "The court ruled on Monday.\nPhoto: A crowd outside the court. Police watch.\nThe "
        "appeal follows.",
        [
            "The court ruled on Monday.",
            C("Photo: A crowd outside the court. Police watch."),
            "The appeal follows.",
        ],
    ),
    (
        "caption-credit-suffix",
        "Protesters march in Lyon on Saturday. (AP Photo/Jean Roux)\nThe march was calm.",
        [C("Protesters march in Lyon on Saturday. (AP Photo/Jean Roux)"), "The march was calm."],
    ),
    (
        "caption-in-parentheses",
        "The mayor spoke.\n(Photo: Jane Doe/City Times)\nShe was brief.",
        ["The mayor spoke.", C("(Photo: Jane Doe/City Times)"), "She was brief."],
    ),
    (
        "image-credit",
        "The old bridge in 1950.\nImage credit: City archive\nIt was built in 1901.",
        ["The old bridge in 1950.", C("Image credit: City archive"), "It was built in 1901."],
    ),
    # -- blocks: list items, paragraphs and lines -------------------------------------
    (
        "list-markers",
        "The plan has parts.\n- Cut taxes.\n* Raise wages.\n• Build homes.",
        ["The plan has parts.", L("Cut taxes."), L("Raise wages."), L("Build homes.")],
    ),
    (
        "numbered-list",
        "1. Cut taxes.\n2) Raise wages.",
        [L("Cut taxes."), L("Raise wages.")],
    ),
    (
        "list-item-of-two-sentences",
        "Key facts\n- Rents rose. Wages did not.",
        [T("Key facts"), L("Rents rose."), L("Wages did not.")],
    ),
    (
        "one-paragraph-per-line",
        "The mayor resigned on Monday.\nShe cited health reasons.\nA vote follows in June.",
        ["The mayor resigned on Monday.", "She cited health reasons.", "A vote follows in June."],
    ),
    (
        "hard-wrapped-text",
        "The council voted on Tuesday to close the old\nbridge for repairs. Work will begin "
        "in May and\nlast until the end of the summer, officials said.",
        [
            "The council voted on Tuesday to close the old\nbridge for repairs.",
            "Work will begin in May and\nlast until the end of the summer, officials said.",
        ],
    ),
    (
        "line-going-on-in-lower-case",
        "The council voted to close the\nbridge on Tuesday.\nRepairs begin in May.",
        ["The council voted to close the\nbridge on Tuesday.", "Repairs begin in May."],
    ),
    (
        "many-blank-lines",
        "The bridge closed.\n\n\n\nThe ferry runs.",
        ["The bridge closed.", "The ferry runs."],
    ),
    (
        "block-quote-lines",
        "Bridge row deepens\n\nThe city closed the bridge.\n\n> We will reopen it.\n> Soon.",
        [T("Bridge row deepens"), "The city closed the bridge.", "> We will reopen it.", "> Soon."],
    ),
    (
        "separator-line-is-no-sentence",
        "The bridge closed.\n\n***\n\nThe ferry runs.",
        ["The bridge closed.", "The ferry runs."],
    ),
    (
        "all-structures",
        "Tax cuts explained\nBy Jane Doe\nWASHINGTON (Reuters) - The Senate passed the bill "
        "on Jan. 5. It cost $1.5 billion.\nPhoto: The Capitol at dusk (AP Photo/Jane Doe)\n"
        "What comes next\n- The House votes in May.\n- The president signs it.",
        [
            T("Tax cuts explained"),
            B("By Jane Doe"),
            D("WASHINGTON (Reuters) -"),
            "The Senate passed the bill on Jan. 5.",
            "It cost $1.5 billion.",
            C("Photo: The Capitol at dusk (AP Photo/Jane Doe)"),
            H("What comes next"),
            L("The House votes in May."),
            L("The president signs it."),
        ],
    ),
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
