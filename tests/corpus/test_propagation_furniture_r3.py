"""Propagation links on real news (link audit round 3): site furniture shared as a block
of two or more sentences (a signup form, a terms-of-use line, a poll widget) by many
documents on unrelated topics is no propagated content; a wire story copied by many
outlets of one story is. Invented names, sites and texts throughout."""

from __future__ import annotations

from tests.corpus.passages import store_links
from unspin.corpus import Link, PassageIndex, passages
from unspin.corpus.passage_furniture import corpus_furniture, topic_words
from unspin.corpus.propagation import Passage
from unspin.corpus.store_adapter import CURRENT
from unspin.corpus.words import normalise_quote
from unspin.model import Analysis, Document

SIGNUP = [
    "Email This field is for validation purposes and should be left unchanged today.",
    "By signing up you also agree to the Privacy Policy and the Terms of Use of this website.",
]
#: Six documents on six unrelated topics: (names of the topic, a sentence of its own).
TOPICS = [
    (("Dunmere", "Ostry", "Harbour Board"),
     "The council of Dunmere voted on Tuesday to close the old ferry terminal by the spring."),
    (("Pella Varga", "Norrow"),
     "Pella Varga said the university of Norrow would cut its law faculty by a third next year."),
    (("Elmshire", "Tavi Rusk"),
     "The governor of Elmshire, Tavi Rusk, signed the budget after a night of bargaining."),
    (("Karst Valley", "Ilo Brenn"),
     "Teachers in the Karst Valley schools will strike for two days, their leader Ilo Brenn said."),
    (("Quellport", "Marit Osei"),
     "Flood barriers along the quay of Quellport were raised twice, the mayor Marit Osei said."),
    (("Vessa", "Orin Talb"),
     "A new rail link between Vessa and the coast was promised three times, Orin Talb wrote."),
]  # fmt: skip
WIRE = [
    "Rescue teams in Kaldera pulled eleven miners alive from the flooded shaft on Sunday night.",
    "The mine's owner, Stoll Minerals, said water broke through an old gallery on Friday.",
    "Pumps brought from the coast lowered the water by four metres over two days of work.",
]
WIRE_NAMES = ("Kaldera", "Stoll Minerals", "Brannoch")


def passage(doc: str, index: int, text: str, topic: tuple[str, ...]) -> Passage:
    start = index * 200
    return Passage(doc, index, start, start + len(text), text, normalise_quote(text.lower()),
                   None, None, "\n", topic)  # fmt: skip


def topic(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower() for n in names for w in n.split())


def linked(docs: list[list[Passage]]) -> list[Link]:
    index = PassageIndex()
    index.add_passages(p for d in docs for p in d)
    return index.links()


def with_signup(k: int, names: tuple[str, ...], own: str, *extra: str) -> list[Passage]:
    lines = [own, *extra, *SIGNUP]
    return [passage(f"d{k}", i, text, topic(names)) for i, text in enumerate(lines)]


def test_a_signup_block_on_pages_of_unrelated_topics_is_no_propagation() -> None:
    docs = [with_signup(k, names, own) for k, (names, own) in enumerate(TOPICS)]
    assert linked(docs) == []
    # linked document by document: pairs made while the block was in fewer than five
    # documents stay (as for a single sentence); none from the fifth document on
    late = {lk.b.doc_id for lk in store_links(docs)}
    assert late == {"d1", "d2", "d3"}


def test_the_whole_run_of_a_furniture_block_is_dropped() -> None:
    # a line naming the site, rarer than the block, sits next to it: the run goes whole
    docs = []
    for k, (names, own) in enumerate(TOPICS):
        site = "Ridge" if k % 2 else "Crest"
        line = f"Completing this form grants you access to {site} Daily news for free."
        docs.append(with_signup(k, names, own, line))
    assert linked(docs) == []


def test_a_widget_s_question_next_to_its_form_goes_with_it() -> None:
    # a poll question two pages show above the form, its answers (no passage) between
    question = "Should the regional council of the valley build a second bridge over the river?"
    docs = [with_signup(k, names, own) for k, (names, own) in enumerate(TOPICS)]
    for k in (2, 5):
        first, *block = docs[k]
        docs[k] = [
            first,
            passage(f"d{k}", 7, question, first.topic),
            *(passage(f"d{k}", 9 + i, p.text, p.topic) for i, p in enumerate(block)),
        ]
    assert linked(docs) == []
    # the same question far from the form is a passage of its own
    docs[5][1] = passage("d5", 1, question, docs[5][0].topic)
    docs[2][1] = passage("d2", 1, question, docs[2][0].topic)
    (lk,) = linked(docs)
    assert lk.a.text == question


def test_a_copied_passage_beside_the_furniture_stays() -> None:
    docs = [with_signup(k, names, own) for k, (names, own) in enumerate(TOPICS)]
    # two of the documents also share a passage of their own (another topic's lines)
    copied = WIRE[:2]
    docs[1] = [*docs[1][:1], *(passage("d1", 10 + i, t, docs[1][0].topic)
                               for i, t in enumerate(copied)), *docs[1][1:]]  # fmt: skip
    docs[4] = [*docs[4][:1], *(passage("d4", 20 + i, t, docs[4][0].topic)
                               for i, t in enumerate(copied)), *docs[4][1:]]  # fmt: skip
    (lk,) = linked(docs)
    assert (lk.a.doc_id, lk.b.doc_id) == ("d1", "d4") and lk.slot["sentences"] == "2"
    assert lk.a.text.startswith(WIRE[0])


def test_copies_of_one_wire_story_stay_linked() -> None:
    docs = [
        [
            passage(f"w{k}", i, text, topic((*WIRE_NAMES, f"Outlet{k}")))
            for i, text in enumerate(WIRE)
        ]
        for k in range(5)
    ]
    got = linked(docs)
    assert len({(lk.a.doc_id, lk.b.doc_id) for lk in got}) == 10
    assert all(lk.slot["sentences"] == "3" for lk in got)
    assert len(store_links(docs)) == 10
    # the same story rewritten around the copied paragraph (other names besides)
    rewritten = [
        [passage(f"r{k}", 0, TOPICS[k][1], topic((*WIRE_NAMES[:2], *TOPICS[k][0]))),
         *(passage(f"r{k}", 1 + i, text, topic((*WIRE_NAMES[:2], *TOPICS[k][0])))
           for i, text in enumerate(WIRE[:2]))]
        for k in range(6)
    ]  # fmt: skip
    assert len(linked(rewritten)) == 15


def test_corpus_furniture() -> None:
    unrelated = [topic(names) for names, _ in TOPICS]
    assert corpus_furniture(unrelated)
    assert not corpus_furniture(unrelated[:4])  # rare: no furniture by count
    story = [topic((*WIRE_NAMES, *names)) for names, _ in TOPICS]
    assert not corpus_furniture(story)
    assert corpus_furniture([()] * 6)  # nothing known of the documents: furniture
    # a site's pages on one subject for a while, one on another: the site's furniture
    assert corpus_furniture([topic(WIRE_NAMES)] * 5 + unrelated[5:])


def test_topic_words_are_the_names_a_document_repeats_most() -> None:
    text = (
        "Rescue teams in Kaldera pulled eleven miners alive. The owner, Stoll Minerals, said "
        "water broke through. Officials in Kaldera thanked the teams of Brannoch. In Kaldera "
        "the pumps of Stoll Minerals ran for two days."
    )
    ends = [i + 1 for i, c in enumerate(text) if c == "."]
    spans = list(zip([0, *(e + 1 for e in ends[:-1])], ends, strict=True))
    got = topic_words(text, spans)
    assert got[:3] == ("kaldera", "stoll", "minerals")
    assert "brannoch" in got and "rescue" not in got and "officials" not in got


def test_old_passages_read_and_stores_are_re_extracted() -> None:
    old = {"doc_id": "d", "index": 0, "start": 0, "end": 5, "text": "Hello", "norm": "hello",
           "published": None, "outlet": None, "tail": ""}  # fmt: skip
    assert Passage.from_dict(old).topic == ()
    new = passage("d", 0, SIGNUP[0], ("kaldera", "stoll"))
    again = Passage.from_dict(new.to_dict())
    assert again == new and again.topic == ("kaldera", "stoll")
    assert CURRENT["propagation"] == '"topic":'


def test_passages_carry_their_document_s_topic_words() -> None:
    last = "Officials in Kaldera thanked the crews of Brannoch and of Stoll Minerals."
    got = passages(Analysis(Document(" ".join([*WIRE, last]), id="k")))
    assert len(got) == 4
    assert {p.topic for p in got} == {("kaldera", "stoll", "minerals", "sunday", "friday",
                                       "brannoch")}  # fmt: skip
