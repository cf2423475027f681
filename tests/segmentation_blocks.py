"""Segmentation cases of blocks (titles, headings, bylines, datelines, captions, page
furniture, list items, paragraphs and lines) for ``tests/test_segmentation.py``: short
texts written for it and the exact sentences expected, each with the kind of its block (a
plain string is a paragraph sentence)."""

from __future__ import annotations

from unspin.nlp import Backbone
from unspin.segment import BLOCK_KINDS

Expected = list[str | tuple[str, str]]


def sentences(backbone: Backbone, text: str) -> Expected:
    """The sentences ``backbone`` finds in ``text``, as the cases write them."""
    out: Expected = []
    for s in backbone.parse(text).sentences:
        assert s.block in BLOCK_KINDS
        piece = text[s.start : s.end]
        out.append(piece if s.block == "paragraph" else (s.block, piece))
    return out


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


def F(s: str) -> tuple[str, str]:
    return ("furniture", s)


def L(s: str) -> tuple[str, str]:
    return ("list_item", s)


BLOCK_CASES: list[tuple[str, str, Expected]] = [
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
        "a-shop-widget-is-furniture-and-the-sentence-after-it-is-body",
        "Talks stall\nThe unions walked out.\n"
        "Harbour Tales: A Hist... Ann Lee Best Price: $2.75 Buy New $7.00 (as of 12:00 EDT - "
        "Details) The port stayed shut.\n"
        "It never happened.\u201d Tide Charts: Vol... Ravi Patel Best Price: $1.49 Buy New $3.70 "
        "(as of 06:30 EDT - Details)\n"
        "Shoppers can buy new boots for $20 there.",
        [
            T("Talks stall"),
            "The unions walked out.",
            F(
                "Harbour Tales: A Hist... Ann Lee Best Price: $2.75 Buy New $7.00 "
                "(as of 12:00 EDT - Details)"
            ),
            "The port stayed shut.",
            "It never happened.\u201d",
            F(
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
        "a-share-bar-is-furniture",
        "Talks stall\nThe unions walked out.\n665 SHARES Facebook Twitter\n2.3k shares\n"
        "Shares fell 3 per cent.",
        [
            T("Talks stall"),
            "The unions walked out.",
            F("665 SHARES Facebook Twitter"),
            F("2.3k shares"),
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
]
