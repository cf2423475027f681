"""Propagation on real news (link audit round 3, PTC train): an editor's note, the
outlet's own word to its readers, shared by two pages is no propagated passage. Invented
names, outlets and texts."""

from __future__ import annotations

from tests.corpus.conftest import Analyse
from tests.corpus.passages import shared_line_links
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
    assert shared_line_links(analyse, "r3-note", lambda own: f"{NOTE}\n\n{own}") == []
