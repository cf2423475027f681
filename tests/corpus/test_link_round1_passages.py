"""Propagation links on real news (link audit round 1): site furniture an outlet repeats
in its own pages (an editor's note, a video notice, a list of links, a digest's intro
line, a bio line) is no propagated content; a republished article is. Invented names
and outlets throughout."""

from __future__ import annotations

from collections.abc import Sequence

from tests.corpus.passages import store_links
from unspin.corpus import Link, PassageIndex
from unspin.corpus.passage_furniture import keep_pair, no_content
from unspin.corpus.propagation import Passage
from unspin.corpus.words import normalise_quote

#: A standing note an outlet appends to its articles (with no "Editor's note:" label,
#: which makes a sentence no passage at all: tests/corpus/test_link_round3_editors_note.py).
NOTE = (
    "As this site has reported, the governor of Elmshire has a long record of broken "
    "promises and misleading claims about the harbour budget."
)
BIO = "Pella Varga, a professor of law at Norrow University, writes a weekly column for the Ledger."
FILLER = [
    "The council of Dunmere voted on Tuesday to close the old ferry terminal by the spring.",
    "Flood barriers along the eastern quay were raised twice last winter at a cost of millions.",
    "Residents of the north bank said they had not been told about the plan until last week.",
    "The regional water authority expects the repairs to the pumping station to take a year.",
    "Teachers in the valley schools will strike for two days unless the talks resume soon.",
    "A new rail link between Ostry and the coast was promised three times since the last vote.",
]


def passage(doc: str, index: int, text: str, outlet: str | None, published: str) -> Passage:
    start = index * 200
    return Passage(doc, index, start, start + len(text), text, normalise_quote(text.lower()),
                   published, outlet)  # fmt: skip


def linked(items: list[Passage]) -> list[Link]:
    index = PassageIndex()
    index.add_passages(items)
    return index.links()


def docs_with(
    shared: str, n: int, outlets: Sequence[str | None], day: int = 1
) -> list[list[Passage]]:
    """``n`` documents, each with its own sentence and then ``shared``."""
    return [
        [
            passage(f"d{k}", 0, FILLER[k % len(FILLER)], outlets[k], f"2024-03-{1 + k:02d}"),
            passage(f"d{k}", 3, shared, outlets[k], f"2024-03-{1 + k:02d}"),
        ]
        for k in range(n)
    ]  # fmt: skip


def test_a_note_an_outlet_appends_to_its_articles_is_not_propagation() -> None:
    docs = docs_with(NOTE, 4, ["ledger.example"] * 4)
    assert linked([p for d in docs for p in d]) == []
    assert store_links(docs) == []


def test_a_single_sentence_in_two_articles_of_one_outlet_is_not_propagation() -> None:
    # a contributor's bio line at the end of two columns
    docs = docs_with(BIO, 2, ["ledger.example"] * 2)
    assert linked([p for d in docs for p in d]) == []
    assert store_links(docs) == []
    # the same sentence taken by another outlet is
    docs = docs_with(BIO, 2, ["ledger.example", "courier.example"])
    (lk,) = linked([p for d in docs for p in d])
    assert lk.slot["outlets"] == "ledger.example / courier.example"
    assert len(store_links(docs)) == 1


def test_a_sentence_in_many_documents_is_furniture() -> None:
    five = docs_with(NOTE, 5, [f"o{k}.example" for k in range(5)])
    assert linked([p for d in five for p in d]) == []
    three = docs_with(NOTE, 3, [f"o{k}.example" for k in range(3)])
    assert len(linked([p for d in three for p in d])) == 3
    # one outlet repeats it in three pages: a fourth outlet quoting it propagates nothing
    mixed = docs_with(NOTE, 4, ["ledger.example"] * 3 + ["courier.example"])
    assert linked([p for d in mixed for p in d]) == []
    # linked document by document: the pair linked while the sentence was rare stays
    got = store_links(docs_with(NOTE, 5, [f"o{k}.example" for k in range(5)]))
    assert {(lk.a.doc_id, lk.b.doc_id) for lk in got} == {
        ("d0", "d1"), ("d0", "d2"), ("d1", "d2"), ("d0", "d3"), ("d1", "d3"), ("d2", "d3")
    }  # fmt: skip


def test_a_republished_article_keeps_its_links() -> None:
    # two versions of one live blog, one outlet: single sentences apart, many in all
    first = [passage("v1", 2 * k, FILLER[k], "ledger.example", "2024-03-01") for k in range(4)]
    second = [passage("v2", 2 * k + 1, FILLER[k], "ledger.example", "2024-03-01")
              for k in range(4)]  # fmt: skip
    got = linked(first + second)
    assert len(got) == 4 and {lk.slot["sentences"] for lk in got} == {"1"}
    assert len(store_links([first, second])) == 4


def test_text_with_no_content_is_no_passage() -> None:
    intro = "Your morning look at the news, the events ahead and what people will discuss today:"
    assert no_content(intro, intro.split())
    header = (
        "TUESDAY'S 'ODDMENTS' - Links to the best reading on polls, votes and the data behind them:"
    )
    assert no_content(header, header.split())
    headline = "The Late Show Takes A Long Look At The Dunmere Candidates So You Do Not Have To."
    assert no_content(headline, headline.split())
    for sentence in (NOTE, BIO, *FILLER):
        assert not no_content(sentence, sentence.split())


def test_keep_pair() -> None:
    pair = [("a", "x.example"), ("b", "y.example")]
    assert keep_pair(2, ("x.example", "x.example"), [])
    assert not keep_pair(1, ("x.example", "x.example"), pair)
    assert keep_pair(1, ("x.example", "y.example"), pair)
    assert keep_pair(1, (None, None), [("a", None), ("b", None), ("c", None)])
    assert not keep_pair(1, (None, None), [(d, None) for d in "abcde"])
    assert not keep_pair(1, ("x.example", "y.example"),
                         [*pair, ("c", "x.example"), ("d", "x.example")])  # fmt: skip


def test_a_stock_sentence_a_live_blog_repeats_is_one_shared_sentence() -> None:
    # two nights' live blogs of one outlet, each repeating the same stock line twice
    stock = "It takes 900 votes of the assembly to win the nomination of the Harbour Party."
    docs = [
        [passage(d, 0, FILLER[k], "ledger.example", day),
         passage(d, 4, stock, "ledger.example", day),
         passage(d, 9, FILLER[k + 2], "ledger.example", day),
         passage(d, 12, stock, "ledger.example", day)]
        for k, (d, day) in enumerate((("n1", "2024-03-01"), ("n2", "2024-03-15")))
    ]  # fmt: skip
    assert linked([p for d in docs for p in d]) == []
    assert store_links(docs) == []
