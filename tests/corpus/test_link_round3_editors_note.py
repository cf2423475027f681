"""Propagation on real news (link audit round 3, PTC train): an editor's note, the
outlet's own word to its readers, shared by two pages is no propagated passage. Invented
names, outlets and texts."""

from __future__ import annotations

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import find_propagation
from unspin.corpus.passage_furniture import no_content

NOTE = (
    "[Editor's note: Readers who want the whole story of the quay strike can order "
    "Edda Pilkvist's book from the Harbour Ledger's shop.]"
)


def test_an_editors_note_is_no_passage() -> None:
    for note in (NOTE, "Editor’s Note: This story was updated on Friday to add the mayor's reply."):
        assert no_content(note, note.split())
    said = "The editor noted on Friday that the council had voted against the plan by nine to four."
    assert not no_content(said, said.split())


def test_two_pages_sharing_their_editors_note_are_no_propagation(analyse: Analyse) -> None:
    ban = "The Harbour Ledger said its page was taken down for a day after a complaint."
    strike = "The quay strike entered its third week as the two sides met again in Dunmere."
    pages = [
        Article("r3-ledger-ban", "ledger.example", "2024-05-02", f"{NOTE}\n\n{ban}"),
        Article("r3-ledger-strike", "quaynews.example", "2024-05-03", f"{NOTE}\n\n{strike}"),
    ]
    assert find_propagation(analyse(pages).values()) == []
